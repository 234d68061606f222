"""Timeline details are data (lessons/texts.py): an English template with its
arguments, English through str() for exports, any language through render()."""
from __future__ import annotations

from lessons.events import parse
from lessons.state import LessonState
from lessons.summary import summary
from lessons.texts import Label, Text, render

from ..helpers import fixture, fixture_variant, new_push

CLASS_ID = 508113967
UID = 41200902


def lesson(*payloads) -> LessonState:
    state = LessonState(CLASS_ID)
    for payload in payloads:
        state.apply(parse(payload, 1.0))
    return state


def details(state: LessonState) -> list:
    return [entry.detail for entry in sorted(state.timeline)]


def test_exit_of_a_second_device_carries_its_template_and_arguments():
    state = lesson(new_push(67371111, action_time=100, UID=UID, ClientID=1, Reason=56))
    [detail] = details(state)
    reason = Label("exit_reason", "network connection broken", 56)
    assert detail == Text("{}, device #{}", (Text("{} ({})", (reason, 56)), 2))
    assert str(detail) == "network connection broken (56), device #2"


def test_exit_without_a_reason_and_enter_name_their_labels():
    state = lesson(new_push(67371107, action_time=100, UID=UID, ClientID=0, Identity=1, Device=4),
                   new_push(67371111, action_time=200, UID=UID, ClientID=0))
    entered, left = details(state)
    assert entered == Label("device", "Android phone", 4) and str(entered) == "Android phone"
    assert left == Label("exit_reason", "not given", None) and str(left) == "not given"


def test_recording_started_and_file_ready():
    state = lesson(fixture("LiveDetail.json"), fixture("Record.json"))
    started, ready = details(state)
    assert started == Text("cloud recording started ({})", ("Classroom, FHD(1920*1080)",))
    assert str(started) == "cloud recording started (Classroom, FHD(1920*1080))"
    assert ready.template in ("file ready, {} s", "file ready")
    assert str(ready).startswith("file ready")


def test_problem_lines_are_labels_of_a_list():
    state = lesson(fixture_variant("Check.json", data={"NetworkDelay": "900ms"}))
    [entry] = state.timeline

    def items(detail: Text) -> list:
        return [item for arg in detail.args for item in (items(arg) if isinstance(arg, Text) else [arg])]
    assert items(entry.detail) == [Label("problem", "camera: no picture"), Label("problem", "delay 900 ms")]
    assert str(entry.detail) == "camera: no picture; delay 900 ms"
    # The separator is a template: Chinese gives its own.
    chinese = {("Timeline", "{}; {}"): "{}；{}"}
    assert render(entry.detail, lambda c, t: chinese.get((c, t), t), "Timeline") == "camera: no picture；delay 900 ms"


def test_users_own_words_are_kept_as_they_are():
    state = lesson(fixture("HelpInfo.json"))
    [detail] = details(state)
    assert isinstance(detail, str) and detail == state.help_requests[0].message


def test_render_translates_templates_and_labels_and_keeps_data():
    detail = Text("{}, device #{}", (Text("{} ({})", (Label("exit_reason", "normal exit", 1), 1)), 2))
    got = render(detail, lambda context, template: template.upper(),
                 label=lambda label: "<{}:{}>".format(label.table, label.code))
    assert got == "<exit_reason:1> (1), DEVICE #2"
    quality = Text("{:.0%} good", (0.875,))
    assert str(quality) == "88% good"       # format specs see the number, not its text


def test_exports_get_english_strings():
    state = lesson(new_push(67371107, action_time=100, UID=UID, ClientID=0, Identity=1, Device=0),
                   new_push(67371111, action_time=200, UID=UID, ClientID=0, Reason=2),
                   fixture("LiveDetail.json"))
    timeline = summary(state, now=300)["timeline"]
    assert [row["detail"] for row in timeline] == [
        "PC", "classroom closed (2)", "cloud recording started (Classroom, FHD(1920*1080))"]
    assert all(type(row["detail"]) is str for row in timeline)


def test_a_cmd_in_the_timeline_is_named_in_the_language_it_is_said_in():
    from alarms.language import Wording
    [detail] = details(lesson(new_push(67371521, action_time=100)))      # a stage push naming nobody
    assert str(detail) == "67371521 (stage) without a usable user or operation"
    assert Wording("zh_CN").timeline_detail(detail) == "67371521（上下台） 缺少可用的用户或操作"
