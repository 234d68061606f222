"""Alarm words in the desk's language without Qt (alarms/language.py): the
same translations the window loads, times in the school's zone, labelled."""
from __future__ import annotations

from alarms.center import AlarmCenter, AlarmSettings
from alarms.language import Wording, language, local_time
from alarms.model import Alarm

from ..helpers import SID
from .test_center import T0, stored
from .test_texts import Names

ZONE = "Asia/Shanghai"       # T0 is 2025-05-14 09:10 there, 01:10 UTC


def silence() -> Alarm:
    alarms = AlarmCenter(AlarmSettings(silence_seconds=180), names=Names(), live=lambda: [(SID, 1), (SID, 2)])
    alarms.on_receiver_event(stored(T0))
    alarms.tick(T0 + 180, [SID])
    return alarms.alarms[f"silence:{SID}"]


def test_locale_names_come_down_to_a_language_we_have():
    assert [language(n) for n in ("zh", "zh-CN", "zh_CN.UTF-8", "ZH_cn", "en_US", "de_DE", "", None)] == \
        ["zh_CN", "zh_CN", "zh_CN", "zh_CN", "en", "en", "en", "en"]


def test_chinese_with_the_schools_time():
    said = Wording("zh_CN").alarm(silence(), Names(), ZONE)
    assert said.title == f"Sunny School（{SID}）：已 3 分钟没有推送 — 2 节正在上的课受影响"
    assert f"Sunny School（{SID}）：2 节正在上的课受影响：Maths 7A（1）、English 8B（2）" in said.detail
    assert "2025-05-14 09:10:00（Asia/Shanghai）" in said.detail and "UTC" not in said.detail
    assert said.advice and said.advice.isascii() is False


def test_english_with_the_schools_time_and_the_record_stays_utc():
    from alarms.events import alarm_record
    alarm = silence()
    said = Wording("en").alarm(alarm, Names(), ZONE)
    assert said.title == f"Sunny School ({SID}): no push for 3 min — 2 live lesson(s) affected"
    assert f"No push from Sunny School ({SID}) since 2025-05-14 09:10:00 (Asia/Shanghai) although lessons " \
           f"are live." in said.detail
    assert "2025-05-14 01:10:00 UTC" in alarm_record(alarm, Names())["detail"]    # the machine form


def test_problems_and_states_in_chinese():
    chinese = Wording("zh_CN")
    alarm = Alarm(key="network:1", kind="network", since=T0, last=T0, class_id=1,
                  params={"users": {"7": ["packet loss 12%", "camera: no picture"]}})
    detail = chinese.alarm(alarm, Names(), ZONE).detail
    assert "12%" in detail and "packet loss" not in detail and "camera: no picture" not in detail
    # the user's line in Chinese punctuation: "7：丢包 12%；摄像头：无画面", not "7: 丢包 12%; …"
    assert "\n7：丢包 12%；摄像头：无画面" in detail and "; " not in detail, detail
    alarm.resolved_at = T0 + 60
    from alarms import texts
    assert chinese.render(texts.state(alarm), ZONE).endswith("09:11:00（Asia/Shanghai）")
    assert not chinese.render(texts.state(alarm), ZONE).startswith("resolved")


def test_a_zone_nobody_knows_is_utc_and_says_so():
    assert local_time(T0, "Mars/Olympus") == "2025-05-14 01:10:00 (UTC)"
    assert local_time(None, ZONE) == "—"
