"""The `external` provider: no process, only the health check of the URL the
user gives (a router's port forward, a reverse proxy)."""
from __future__ import annotations

from tunnel import Tunnel, TunnelSettings, TunnelState

from .tunnel_support import free_port, wait_status


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
