"""Alarm channels against a local server playing each chat robot: body shapes,
signatures checked with the published algorithms, robots' in-band errors."""
from __future__ import annotations

import json
import time

import pytest

from alarms.channels import KINDS
from alarms.channels.dispatcher import send_test
from storage.config import AlarmChannel
from storage.logs import mask_url

from ...chat_robots import ChatRobots


def channel(robots: ChatRobots, kind: str, **changes) -> AlarmChannel:
    spec = dict(name=f"team-{kind}", kind=kind, url=robots.urls()[kind],
                secret=robots.secrets().get(kind, ""), min_severity="warning")
    spec.update(changes)
    return AlarmChannel(**spec)


@pytest.mark.parametrize("kind", KINDS)
async def test_each_robot_takes_a_test_message_in_its_own_format(robots, kind):
    assert await send_test(channel(robots, kind)) is None
    [got] = robots.of(kind)
    body = got.body
    if kind == "wecom":
        assert body["msgtype"] == "markdown" and "ClassWatch" in body["markdown"]["content"]
    elif kind == "dingtalk":
        assert body["msgtype"] == "markdown" and "ClassWatch" in body["markdown"]["title"]
        assert int(got.query["timestamp"]) > 10 ** 12                  # milliseconds
        assert abs(int(got.query["timestamp"]) / 1000 - time.time()) < 3600
        # The base64 sign travels URL-encoded: a raw '+' would arrive as a space.
        raw_sign = got.raw_query.split("sign=")[1].split("&")[0]
        assert not set("+/=") & set(raw_sign)
    elif kind == "feishu":
        assert body["msg_type"] == "text" and "ClassWatch" in body["content"]["text"]
        assert 10 ** 9 < int(body["timestamp"]) < 10 ** 11               # seconds
    elif kind == "slack":
        assert set(body) == {"text"} and "ClassWatch" in body["text"]
    else:
        assert body["event"] == "test" and body["title"] == "ClassWatch test message"
        assert got.headers["X-ClassWatch-Signature"].startswith("sha256=")   # verified by the robot
        for name in ("id", "kind", "severity", "state", "sid", "class_id", "uid", "title", "detail",
                     "first_seen", "last_seen", "count", "acknowledged_by", "acknowledged_at"):
            assert name in body


@pytest.mark.parametrize("kind", ["dingtalk", "feishu", "webhook"])
async def test_a_wrong_secret_is_a_failure_though_the_robot_answers_http_200(robots, kind):
    wrong = "SECwrong-secret-0123456789"
    reason = await send_test(channel(robots, kind, secret=wrong))
    assert reason is not None and ("robot error" in reason or kind == "webhook")
    assert "sign" in reason
    [got] = robots.of(kind, accepted=False)
    assert got.error == "sign"
    assert wrong not in reason


@pytest.mark.parametrize("kind", ["dingtalk", "feishu"])
async def test_signed_robots_without_a_secret_are_refused_by_a_robot_that_wants_one(robots, kind):
    reason = await send_test(channel(robots, kind, secret=""))
    assert reason is not None and robots.of(kind, accepted=False)[0].error == "sign"


async def test_a_wrong_key_fails_and_the_reason_holds_neither_url_nor_key(robots):
    url = robots.urls()["wecom"].replace("key=", "key=not-the-key-")
    reason = await send_test(channel(robots, "wecom", url=url))
    assert reason == "robot error 93000: invalid webhook url"


async def test_slack_errors_are_http_errors(robots):
    url = robots.urls()["slack"][:-3] + "zzz"
    reason = await send_test(channel(robots, "slack", url=url))
    assert reason == "HTTP 403: invalid_token"


async def test_an_unreachable_robot_is_named_without_its_url(robots):
    url = robots.urls()["wecom"].replace(robots.url, "http://127.0.0.1:9")
    reason = await send_test(channel(robots, "wecom", url=url))
    assert reason is not None and reason.startswith("cannot connect to 127.0.0.1: ")
    assert "key" not in reason and "693a91f6" not in reason


def test_masked_urls_keep_the_host_and_hide_the_keys():
    robots = ChatRobots(url="https://robot.example")
    for kind, url in robots.urls().items():
        masked = mask_url(url)
        assert masked.startswith("https://robot.example/")
        for secret in ("693a91f6", "c0ffee01", "2f7a1c3e", "abcdefghijklmnop"):
            assert secret not in masked, (kind, masked)
    assert mask_url("http://10.0.0.5:8080/hooks/classwatch") == "http://10.0.0.5:8080/hooks/classwatch"


async def test_a_chinese_alarm_reaches_wecom_within_its_byte_limit(robots):
    from alarms.channels import make_robot
    from alarms.channels.base import Message
    from alarms.channels.dispatcher import deliver
    import aiohttp
    robot = make_robot("wecom", robots.urls()["wecom"])
    message = Message("学生求助", ["网络很差，请帮忙" * 400], "open", "warning")
    async with aiohttp.ClientSession() as session:
        await deliver(session, robot, message, 5)
    [got] = robots.of("wecom")
    assert got.body["markdown"]["content"].startswith("**学生求助**")
    assert json.dumps(got.body, ensure_ascii=False)


def test_channels_live_in_the_private_config_and_their_secrets_are_masked_in_the_log(tmp_path):
    from storage.config import ConfigStore
    from storage.logs import setup_logging
    robots = ChatRobots(url="https://robot.example")
    store = ConfigStore(tmp_path)
    for kind, url in robots.urls().items():
        store.save_channel(AlarmChannel(kind, kind, url, robots.secrets().get(kind, "")))
    assert set(ConfigStore(tmp_path).current().channels) == set(KINDS)
    assert (tmp_path / "config.json").stat().st_mode & 0o077 == 0
    setup_logging(tmp_path, lambda: store.current().secrets(), stderr=False)
    import logging
    for kind, url in robots.urls().items():
        logging.getLogger("test").warning("posting to %s with %s", url, robots.secrets().get(kind, "-"))
    logging.getLogger("test").warning("a bare key: %s", robots.urls()["wecom"].split("key=")[1])
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (tmp_path / "classwatch.log").read_text()
    logging.getLogger().handlers.clear()
    assert text.count("posting to ***") == len(KINDS) and "a bare key: ***" in text
    for secret in (*robots.secrets().values(), "693a91f6", "c0ffee01", "2f7a1c3e", "abcdefghijklmnop"):
        assert secret not in text
    assert store.remove_channel("slack") and not store.remove_channel("slack")
