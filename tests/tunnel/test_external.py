"""The `external` provider: no process, only the health check of the URL the
user gives (a router's port forward, a reverse proxy)."""
from __future__ import annotations

import re
import sys

import pytest

from storage.config import ConfigStore
from tunnel import Tunnel, TunnelSettings, TunnelState

from ..tunnel_support import Serve, free_port, wait_status


async def test_external_url_is_watched_without_a_process(receiver):
    tunnel = Tunnel(TunnelSettings(provider="external", public_url=receiver.url + "/"),
                    lambda: receiver.url, recheck_interval=0.2)
    await tunnel.start()
    try:
        up = await wait_status(tunnel, lambda s: s.state is TunnelState.UP)
        assert up.public_url == receiver.url and up.stable_url and tunnel.pid is None
    finally:
        await tunnel.stop()


async def test_an_external_url_that_leads_nowhere_is_unhealthy(receiver):
    nowhere = f"http://127.0.0.1:{free_port()}"
    tunnel = Tunnel(TunnelSettings(provider="external", public_url=nowhere), lambda: receiver.url,
                    url_timeout=0.3, recheck_interval=0.1)
    await tunnel.start()
    try:
        bad = await wait_status(tunnel, lambda s: s.state is TunnelState.UNHEALTHY)
    finally:
        await tunnel.stop()
    assert bad.reason.startswith(f"the tunnel does not reach the receiver: GET {nowhere}/healthz failed")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="stops serve with SIGTERM")
def test_serve_starts_and_stops_a_tunnel_set_in_the_config_its_command_line_winning(data_dir):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    serve = Serve("--data-dir", str(data_dir), "--port", str(port), "--public-url", url)
    store = ConfigStore(data_dir)
    try:
        serve.wait_line(serve.out, "^listening on ")
        store.update(lambda c: c.settings.update(tunnel_provider="external",
                                                 tunnel_public_url="http://127.0.0.1:1"))
        # public_url is the command line's: only the provider changed for this serve
        at = serve.wait_line(serve.err, r"the tunnel settings in config.json changed \(provider\): "
                                        r"starting the tunnel$")
        serve.wait_line(serve.out, rf"^public URL: {re.escape(url)}$")
        store.update(lambda c: c.settings.pop("tunnel_provider"))
        serve.wait_line(serve.err, r"changed \(provider\): stopping the tunnel$", start=at)
    finally:
        code = serve.stop()
    assert code == 0, "".join(serve.err)
