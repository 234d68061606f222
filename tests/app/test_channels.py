"""The running core delivers its alarms to the configured chat robots, and a
robot that never answers delays no ack."""
from __future__ import annotations

import asyncio
import time

from alarms.channels.dispatcher import DispatchSettings
from app.core import Monitor
from storage.config import AlarmChannel, ConfigStore

from ..helpers import SID, fixture_variant, post_push
from ..alarms.channels.test_dispatcher import FAST, until


async def test_a_help_request_reaches_the_chat_while_a_hanging_robot_delays_no_ack(data_dir, robots, http):
    config = ConfigStore(data_dir)
    for kind in ("slack", "webhook"):
        config.save_channel(AlarmChannel(kind, kind, robots.urls()[kind]))
    robots.hanging.add("slack")
    monitor = Monitor(data_dir, config, port=0)
    monitor.channels.settings = DispatchSettings(**FAST)
    await monitor.start()
    try:
        now = int(time.time())
        first = fixture_variant("HelpInfo.json", action_time=now, ClassID=4711)
        status, answer = await post_push(http, monitor.receiver.url, first)
        assert (status, answer["error_info"]["errno"]) == (200, 1)
        await until(lambda: robots.of("webhook") and robots.waiting == 1)
        # The slack robot holds its request open: pushes are still acked.
        for _ in range(3):
            body = fixture_variant("HelpInfo.json", action_time=now, ClassID=4712)
            status, answer = await post_push(http, monitor.receiver.url, body)
            assert (status, answer["error_info"]["errno"]) == (200, 1)
        [hook] = [r.body for r in robots.of("webhook") if r.body["class_id"] == 4711]
        assert hook["kind"] == "help_request" and hook["severity"] == "critical" and hook["state"] == "open"
        assert hook["sid"] == SID and hook["event"] == "open" and hook["title"]
        await until(lambda: any(r.body["class_id"] == 4712 for r in robots.of("webhook")))
        assert robots.waiting == 1
        states = monitor.channels.states()
        assert states["slack"].queued >= 1 and states["webhook"].sent == 2
    finally:
        await asyncio.wait_for(monitor.stop(), 30)


async def test_a_team_desk_leaves_the_chat_to_the_receiver(data_dir, robots):
    config = ConfigStore(data_dir)
    config.save_channel(AlarmChannel("hook", "webhook", robots.urls()["webhook"], "", "info"))
    desk = Monitor(data_dir, config, listen=False)
    desk.channels.settings = DispatchSettings(**FAST)
    await desk.start()
    try:
        desk.alarms.raise_kind("storage", reason="disk full")
        await asyncio.sleep(0.5)
        assert robots.received == [] and not desk.channels.running
    finally:
        await desk.stop()
