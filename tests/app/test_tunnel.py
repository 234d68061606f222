"""Monitor.apply_tunnel_settings without Qt: the tunnel is saved, the old one
stopped and taken out of the receiver's services, the new one attached and
started, and the tunnel alarm and listeners follow whichever tunnel is current."""
from __future__ import annotations

import pytest

from app.core import Monitor
from storage.config import ConfigStore
from tunnel import TunnelConfigError, TunnelSettings, TunnelState
from tunnel.settings import SETTING_KEYS

from ..tunnel_support import free_port, tunnels, wait_status

FAST = {"recheck_interval": 0.1, "url_timeout": 0.3, "health_timeout": 2}


def tunnel_alarm_open(monitor: Monitor) -> bool:
    alarm = monitor.alarms.alarms.get("tunnel")
    return alarm is not None and alarm.open


def saved_tunnel_keys(monitor: Monitor) -> dict:
    settings = ConfigStore(monitor.data_dir).current().settings       # what is on disk
    return {k: v for k, v in settings.items() if k in SETTING_KEYS.values()}


@pytest.fixture
async def monitor(data_dir):
    m = Monitor(data_dir, ConfigStore(data_dir), port=0)
    m.tunnel_options = dict(FAST)
    await m.start()
    yield m
    await m.stop()


async def test_switching_none_external_none(monitor):
    seen = []
    monitor.tunnel_listeners.append(seen.append)
    url = monitor.receiver.url
    assert monitor.tunnel is None and tunnels(monitor.receiver) == []

    # An external URL that leads nowhere: the tunnel runs, turns unhealthy, the alarm rings.
    nowhere = f"http://127.0.0.1:{free_port()}"
    await monitor.apply_tunnel_settings(TunnelSettings(provider="external", public_url=nowhere))
    broken = monitor.tunnel
    assert broken is not None and tunnels(monitor.receiver) == [broken]
    await wait_status(broken, lambda s: s.state is TunnelState.UNHEALTHY)
    assert tunnel_alarm_open(monitor)
    assert "does not reach the receiver" in monitor.alarms.alarms["tunnel"].params["reason"]
    assert saved_tunnel_keys(monitor) == {"tunnel_provider": "external", "tunnel_public_url": nowhere}

    # The receiver's own URL: the old tunnel is stopped and gone, the new one comes up.
    await monitor.apply_tunnel_settings(TunnelSettings(provider="external", public_url=url + "/",
                                                       registered_url=url, health_interval=0.5))
    good = monitor.tunnel
    assert good is not broken and tunnels(monitor.receiver) == [good]
    assert broken.status.state is TunnelState.STOPPED and monitor._on_tunnel not in broken.listeners
    up = await wait_status(good, lambda s: s.state is TunnelState.UP)
    assert up.public_url == url and up.push_url == url + "/classin" and not up.url_changed
    assert not tunnel_alarm_open(monitor)
    assert seen[-1] == up
    assert saved_tunnel_keys(monitor) == {"tunnel_provider": "external", "tunnel_public_url": url,
                                          "registered_url": url, "tunnel_health_interval": 0.5}

    # None: nothing left in the services, the config forgets the tunnel, the view is told.
    await monitor.apply_tunnel_settings(TunnelSettings(provider="none"))
    assert monitor.tunnel is None and tunnels(monitor.receiver) == []
    assert good.status.state is TunnelState.STOPPED and good.pid is None
    assert seen[-1] is None and not tunnel_alarm_open(monitor)
    assert saved_tunnel_keys(monitor) == {}
    monitor.tick()                                                    # no tunnel, no tunnel reason
    assert not tunnel_alarm_open(monitor)


async def test_a_url_other_than_the_registered_one_raises_the_alarm_and_none_clears_it(monitor):
    url = monitor.receiver.url
    await monitor.apply_tunnel_settings(TunnelSettings(provider="external", public_url=url,
                                                       registered_url="https://old.school.example"))
    status = await wait_status(monitor.tunnel, lambda s: s.state is TunnelState.UP)
    assert status.url_changed and tunnel_alarm_open(monitor)
    assert "not the URL registered with ClassIn" in monitor.alarms.alarms["tunnel"].params["reason"]

    await monitor.apply_tunnel_settings(TunnelSettings())
    assert not tunnel_alarm_open(monitor) and tunnels(monitor.receiver) == []


async def test_a_setup_that_cannot_work_changes_nothing(monitor, tmp_path):
    url = monitor.receiver.url
    await monitor.apply_tunnel_settings(TunnelSettings(provider="external", public_url=url))
    running = monitor.tunnel
    await wait_status(running, lambda s: s.state is TunnelState.UP)
    before = saved_tunnel_keys(monitor)

    missing = tmp_path / "no" / "cloudflared"
    with pytest.raises(TunnelConfigError, match="cloudflared"):
        await monitor.apply_tunnel_settings(TunnelSettings(provider="cloudflared", binary=str(missing)))
    with pytest.raises(TunnelConfigError, match="needs --public-url"):
        await monitor.apply_tunnel_settings(TunnelSettings(provider="external"))
    with pytest.raises(TunnelConfigError, match="unknown tunnel provider"):
        await monitor.apply_tunnel_settings(TunnelSettings(provider="carrier-pigeon"))

    assert monitor.tunnel is running and tunnels(monitor.receiver) == [running]
    assert running.status.state is TunnelState.UP and saved_tunnel_keys(monitor) == before


async def test_applied_before_start_the_tunnel_starts_with_the_receiver(data_dir):
    m = Monitor(data_dir, ConfigStore(data_dir), port=0)
    m.tunnel_options = dict(FAST)
    # The receiver's port is not known yet: a public URL on a port nobody uses is enough here.
    await m.apply_tunnel_settings(TunnelSettings(provider="external",
                                                 public_url=f"http://127.0.0.1:{free_port()}"))
    assert m.tunnel is not None and tunnels(m.receiver) == [m.tunnel]
    assert m.tunnel.status.state is TunnelState.STOPPED            # not started without a receiver
    await m.start()
    try:
        await wait_status(m.tunnel, lambda s: s.state is not TunnelState.STOPPED)
    finally:
        await m.stop()
    assert m.tunnel.status.state is TunnelState.STOPPED

    # A new Monitor on the same data dir makes the saved tunnel again.
    again = Monitor(data_dir, ConfigStore(data_dir), port=0)
    assert again.tunnel is not None and again.tunnel.settings.provider == "external"
