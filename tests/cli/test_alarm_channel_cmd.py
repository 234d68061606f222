"""`alarm-channel add|list|remove|test` as a user runs them, against the local robots."""
from __future__ import annotations

import asyncio
import sys

import pytest

from storage.config import AlarmChannel, ConfigStore

from ..chat_robots import DINGTALK_SECRET, DINGTALK_TOKEN, FEISHU_HOOK, FEISHU_SECRET
from ..helpers import ROOT, cell_edges

pytestmark = pytest.mark.slow


async def cli(data_dir, *args, stdin: str = ""):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "main.py"), *args, "--data-dir", str(data_dir),
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(stdin.encode())
    return proc.returncode, out.decode(), err.decode()


async def test_add_list_test_remove(robots, tmp_path):
    urls = robots.urls()
    rc, out, err = await cli(tmp_path, "alarm-channel", "add", "desk", "--kind", "dingtalk",
                             "--url", urls["dingtalk"], "--secret", "-", stdin=DINGTALK_SECRET + "\n")
    assert rc == 0, err
    rc, out2, err2 = await cli(tmp_path, "alarm-channel", "add", "lark", "--kind", "feishu", "--url", urls["feishu"],
                               "--secret", FEISHU_SECRET, "--min-severity", "critical")
    assert rc == 0, err2
    channels = ConfigStore(tmp_path).current().channels
    assert channels["desk"].secret == DINGTALK_SECRET and channels["lark"].min_severity == "critical"
    assert (tmp_path / "config.json").stat().st_mode & 0o077 == 0

    rc, listed, err3 = await cli(tmp_path, "alarm-channel", "list")
    assert rc == 0
    assert "desk  dingtalk  from Warning   signed" in listed and "lark  feishu    from Critical  signed" in listed
    for text in (out, out2, listed, err, err2, err3):
        for secret in (DINGTALK_SECRET, DINGTALK_TOKEN, FEISHU_SECRET, FEISHU_HOOK):
            assert secret not in text

    rc, out, err = await cli(tmp_path, "alarm-channel", "test", "desk")
    assert (rc, out, err) == (0, "test message sent to desk (dingtalk)\n", "")
    [got] = robots.of("dingtalk")
    assert "ClassWatch test message" in got.body["markdown"]["title"]
    rc, out, err = await cli(tmp_path, "alarm-channel", "test", "desk", "--lang", "zh_CN")
    assert rc == 0, err
    assert "ClassWatch 测试消息" in robots.of("dingtalk")[-1].body["markdown"]["title"]

    rc, out, err = await cli(tmp_path, "alarm-channel", "remove", "lark")
    assert rc == 0 and "lark" not in ConfigStore(tmp_path).current().channels
    rc, out, err = await cli(tmp_path, "alarm-channel", "remove", "lark")
    assert (rc, err) == (1, "error: no channel lark\n")
    log = (tmp_path / "classwatch.log").read_text()
    assert DINGTALK_SECRET not in log and DINGTALK_TOKEN not in log


async def test_list_speaks_chinese_and_lines_up(tmp_path):
    store = ConfigStore(tmp_path)
    store.save_channel(AlarmChannel("值班群", "wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1"))
    store.save_channel(AlarmChannel("desk", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=t1",
                                    "SECsecret-0123456789", "critical"))
    rc, listed, err = await cli(tmp_path, "alarm-channel", "list", "--lang", "zh")
    assert rc == 0, err
    lines = listed.splitlines()
    heads = lines[0::2]
    assert lines[1::2] == ["    投递状态：运行中的 serve 或应用尚未发送过消息"] * 2, listed
    assert heads[0].startswith("desk ") and "严重及以上  已加签" in heads[0], listed
    assert heads[1].startswith("值班群 ") and "警告及以上  未加签" in heads[1], listed
    # "值班群" takes six terminal columns, "desk" four: the next columns start at one place
    starts = [[start for start, _ in cell_edges(line)] for line in heads]
    assert len(starts[0]) == 5 and starts[1] == starts[0], listed
    rc, empty, err = await cli(tmp_path / "none", "alarm-channel", "list", "--lang", "zh")
    assert (rc, empty) == (0, "没有告警通道：python main.py alarm-channel add NAME --kind KIND --url URL\n"), err


async def test_a_failing_test_is_one_line_without_secrets(robots, tmp_path):
    wrong = "SECnot-the-right-one-0123456789"
    rc, _, err = await cli(tmp_path, "alarm-channel", "add", "desk", "--kind", "dingtalk",
                           "--url", robots.urls()["dingtalk"], "--secret", wrong)
    assert rc == 0
    rc, out, err = await cli(tmp_path, "alarm-channel", "test", "desk")
    assert rc == 1 and out == ""
    assert err == "error: test message to desk (dingtalk) failed: robot error 310000: sign not match, more: [...]\n"
    assert robots.of("dingtalk", accepted=False)


@pytest.mark.parametrize("args, complaint", [
    (["--kind", "slack", "--url", "ftp://hooks.example/T0/abcdefabcdefabcdef"], "the URL must be"),
    (["--kind", "wecom", "--url", "https://qyapi.weixin.qq.com/x?key=abcdefabcdefabcdef", "--secret", "s3cr3t-value"],
     "--secret is for dingtalk, feishu, webhook channels"),
    (["--kind", "teams", "--url", "https://x.example/abcdefabcdefabcdef"], "invalid choice"),
])
async def test_bad_arguments_are_one_line_exit_2_without_the_url(tmp_path, args, complaint):
    rc, out, err = await cli(tmp_path, "alarm-channel", "add", "x", *args)
    assert rc == 2 and complaint in err and err.count("\n") == 1
    assert "abcdefabcdefabcdef" not in err and "s3cr3t-value" not in err


async def test_list_shows_the_running_dispatchers_delivery_state(robots, tmp_path):
    from alarms.channels.dispatcher import DispatchSettings, for_config
    from ..alarms.channels.test_dispatcher import FAST, alarm, until
    store = ConfigStore(tmp_path)
    store.save_channel(AlarmChannel("good", "slack", robots.urls()["slack"]))
    store.save_channel(AlarmChannel("bad", "dingtalk", robots.urls()["dingtalk"], "SECwrong-0123456789"))
    dispatcher = for_config(store, tmp_path, settings=DispatchSettings(**FAST))
    await dispatcher.start()
    try:
        dispatcher.notify("open", alarm("critical", kind="storage", class_id=None))
        await until(lambda: dispatcher.states()["good"].sent == 1 and dispatcher.states()["bad"].failing_since)
        await asyncio.sleep(0.2)    # the state file follows within its interval
        rc, listed, err = await cli(tmp_path, "alarm-channel", "list")
    finally:
        await dispatcher.stop()
    assert rc == 0, err
    bad, good = listed.split("\ngood  ")     # sorted by name
    assert "queued: 0  sent: 1" in good and "last sent: 20" in good
    assert "FAILING since" in bad and "robot error 310000: sign not match" in bad and "queued: 1" in bad
    assert "(next try 20" in bad
    assert "SECwrong-0123456789" not in listed and DINGTALK_TOKEN not in listed


async def test_every_action_answers_in_chinese(robots, tmp_path):
    """add, test, remove and their complaints in the desk's language; `add` says
    the least severity in the words `list` uses (English: "from Warning")."""
    from storage.logs import mask_url
    url = robots.urls()["dingtalk"]

    async def zh(*args: str, stdin: str = "") -> tuple[int, str]:
        rc, out, err = await cli(tmp_path, "alarm-channel", *args, "--lang", "zh", stdin=stdin)
        return rc, out + err

    assert await zh("add", "desk", "--kind", "dingtalk", "--url", "ftp://x.example/robot") == (
        2, "error: URL 必须是以 http:// 或 https:// 开头的网址\n")
    assert await zh("add", "desk", "--kind", "wecom", "--url", "https://x.example/robot?key=k", "--secret", "s") == (
        2, "error: --secret 仅用于 dingtalk, feishu, webhook 通道；wecom 机器人的密钥已包含在其 URL 中\n")
    assert await zh("add", "desk", "--kind", "dingtalk", "--url", url, "--secret", "-", stdin=DINGTALK_SECRET) == (
        0, f"已保存告警通道 desk（dingtalk，{mask_url(url)}，已加签，警告及以上）\n")
    assert await zh("test", "desk") == (0, "已向 desk（dingtalk）发送测试消息\n")
    assert await zh("add", "desk", "--kind", "dingtalk", "--url", url, "--secret", "SECnot-the-right-one-0123456789",
                    "--min-severity", "critical") == (0, f"已保存告警通道 desk（dingtalk，{mask_url(url)}，已加签，严重及以上）\n")
    rc, said = await zh("test", "desk")
    assert (rc, said) == (1, "error: 向 desk（dingtalk）发送测试消息失败：robot error 310000: sign not match, more: [...]\n")
    assert await zh("remove", "desk") == (0, "已删除告警通道 desk\n")
    assert await zh("remove", "desk") == (1, "error: 没有告警通道 desk\n")
    assert await zh("test", "desk") == (1, "error: 没有告警通道 desk\n")

    rc, out, err = await cli(tmp_path, "alarm-channel", "add", "lark", "--kind", "feishu", "--url", url)
    assert (rc, out, err) == (0, f"channel lark saved (feishu, {mask_url(url)}, from Warning)\n", "")
    rc, out, err = await cli(tmp_path, "alarm-channel", "remove", "lark", "--lang", "en")
    assert (rc, out, err) == (0, "channel lark removed\n", "")
