"""lessons.gensee_rooms: room state from stored Gensee calls."""
from __future__ import annotations

import itertools
from urllib.parse import parse_qsl

import pytest

from lessons import gensee_rooms as gr
from storage.db import open_database
from storage.queries import iter_pushes, parse_payload

from ..gensee_support import CLIENT, CONF, ORGANIZER, VIDEO, WEB, call, gensee_fixture, sequence

T0 = 1747184400.0


def event(query: str, endpoint: str = "event") -> dict:
    """A stored payload as the receiver writes it."""
    return {"endpoint": endpoint, "method": "GET", "query": dict(parse_qsl(query)), "query_string": query,
            "form": None, "body": None, "charset": None, "content_type": None}


def status_call(action: int, operator: str = "0", total: int | None = None, room: str = CONF) -> dict:
    query = f"ClassNo={room}&Operator={operator}&Action={action}&Affected={operator}"
    return event(query + ("" if total is None else f"&totalusernum={total}"))


def timed(payloads, start: float = T0, step: float = 10.0) -> list[tuple[float, dict]]:
    return [(start + i * step, p) for i, p in enumerate(payloads)]


def webcast_calls() -> list[tuple[float, dict]]:
    return timed(event(q) for q in sequence("event_sequence_webcast.txt"))


def test_webcast_sequence():
    calls = webcast_calls()
    end = calls[-1][0]
    state = gr.replay(calls)
    room = state.rooms[CONF]
    (session,) = room.sessions
    assert session.created_at == T0 + 10 and session.started_at == T0 + 30
    assert session.stopped_at == end and room.status(end) == gr.STOPPED
    assert session.recordings == [T0 + 70]
    assert [s.value for s in session.user_counts] == [1, 1, 2, 2, 3, 2, 1, 1, 1]
    assert session.abnormal_leaves == [(T0 + 50, WEB)] and session.abnormal_leave_count == 1
    web, client, organizer = session.attendees[WEB], session.attendees[CLIENT], session.attendees[ORGANIZER]
    assert (web.joins, web.leaves, web.abnormal_leaves) == ([T0 + 40], [], [T0 + 50])
    assert (client.joins, client.leaves) == ([T0 + 20], [T0 + 60])
    assert organizer.inside and session.present(end) == []     # over: nobody counts as inside
    assert state.live_now(end) == []

    # Half-way through (after the web user's join) the live is on with three people inside.
    mid = gr.replay(calls[:5])
    assert mid.rooms[CONF].status(T0 + 40) == gr.LIVE and mid.live_now(T0 + 40) == [mid.rooms[CONF]]
    assert mid.rooms[CONF].current.present(T0 + 40) == sorted([ORGANIZER, CLIENT, WEB])
    assert gr.replay(calls[:2]).rooms[CONF].status(T0 + 10) == gr.CREATED


def test_small_class_sequence_any_order_of_the_codes_that_fire_together():
    lines = sequence("event_sequence_small_class.txt")
    for first_three in itertools.permutations(lines[:3]):
        calls = [(T0, event(q)) for q in first_three] + timed((event(q) for q in lines[3:]), T0 + 10)
        state = gr.replay(calls[:3])
        session = state.rooms[CONF].current
        assert session.status(T0) == gr.LIVE and session.created_at == session.started_at == T0
        assert session.present(T0) == [ORGANIZER]
        state = gr.replay(calls)
        (session,) = state.rooms[CONF].sessions
        assert session.status(calls[-1][0]) == gr.STOPPED and session.pauses == []
        assert session.attendees[ORGANIZER].leaves == [T0 + 50]     # "pause and leave" is a 107
        assert session.abnormal_leaves == [(T0 + 40, CLIENT)]
        assert session.recordings == [T0 + 60] and session.user_count == 0


def test_paused_until_the_next_start_or_stop():
    state = gr.replay(timed([status_call(102), status_call(103), status_call(104)]))
    session = state.rooms[CONF].current
    assert session.status(T0 + 20) == gr.PAUSED and state.live_now(T0 + 20)
    state.feed(T0 + 100, status_call(103))
    assert session.status(T0 + 100) == gr.LIVE and session.pauses == [gr.Pause(T0 + 20, T0 + 100)]
    state.feed(T0 + 200, status_call(104))
    state.feed(T0 + 300, status_call(105, ORGANIZER))
    assert session.status(T0 + 300) == gr.STOPPED and session.pauses[-1] == gr.Pause(T0 + 200, T0 + 300)


def test_idle_close_without_105_and_a_new_session_after_it():
    policy = gr.IdlePolicy(idle_close_s=3600, empty_close_s=900)
    state = gr.replay(timed([status_call(101, ORGANIZER, 1), status_call(102, total=1),
                             status_call(103, total=1)]), policy)
    session = state.rooms[CONF].current
    assert session.status(T0 + 3000) == gr.LIVE            # quiet but occupied: a long lecture
    assert session.status(T0 + 20 + 3601) == gr.IDLE_CLOSED
    assert session.ended_at(T0 + 5000) == T0 + 20
    state.feed(T0 + 100, status_call(107, ORGANIZER, 0))
    assert session.status(T0 + 100 + 800) == gr.LIVE
    assert session.status(T0 + 100 + 901) == gr.IDLE_CLOSED    # empty room: Gensee would have stopped it
    # A late leave stays with the closed session; a new join opens the next session.
    state.feed(T0 + 2000, status_call(110, CLIENT, 0))
    assert len(state.rooms[CONF].sessions) == 1 and session.status(T0 + 2000) == gr.IDLE_CLOSED
    assert session.ended_at(T0 + 9999) == T0 + 100
    state.feed(T0 + 2100, status_call(101, ORGANIZER, 1))
    assert len(state.rooms[CONF].sessions) == 2 and state.rooms[CONF].status(T0 + 2100) == gr.OPEN


def test_after_105_late_codes_stay_and_openers_start_a_new_session():
    state = gr.replay(timed([status_call(103), status_call(105, ORGANIZER, 2), status_call(106),
                             status_call(107, CLIENT, 1), status_call(102), status_call(101, CLIENT, 1)]))
    first, second = state.rooms[CONF].sessions
    assert first.recordings == [T0 + 20] and first.attendees[CLIENT].leaves == [T0 + 30]
    assert second.created_at == T0 + 40 and second.present(T0 + 50) == [CLIENT]
    assert [s.value for s in state.rooms[CONF].user_counts] == [2, 1, 1]


def test_vod_views_per_operator_and_site_wide_viewers():
    other = "2718200001"
    calls = timed([event(gensee_fixture("vod_111_start.txt"), "vod"),
                   event(f"ClassNo={VIDEO}&Operator={other}&Action=111&totalusernum=5", "vod"),
                   event(gensee_fixture("vod_112_end.txt"), "vod"),
                   event(f"ClassNo=another&Operator={other}&Action=112&totalusernum=2", "vod")])
    state = gr.replay(calls)
    video = state.videos[VIDEO]
    assert video.viewers == {CLIENT, other}
    assert [(v.operator, v.started_at, v.ended_at) for v in video.views] == [
        (CLIENT, T0, T0 + 20), (other, T0 + 10, None)]
    assert video.watching(T0 + 30, state.policy) == [other]
    assert state.videos["another"].views == [gr.VodView(other, None, T0 + 30)]   # only its 112 was seen
    assert [s.value for s in state.vod_site_viewers] == [4, 5, 3, 2]
    assert state.rooms == {}


def test_qa_feed_newest_first_client_xml_and_web_form():
    form = dict(parse_qsl(gensee_fixture("qa_web_form.txt")))
    calls = [(T0, {**event("", "qa"), "body": gensee_fixture("qa_client_unclosed.txt")}),
             (T0 + 10, {**event("", "qa-web"), "form": form}),
             (T0 + 20, {**event("", "qa"), "body": gensee_fixture("qa_client_answer_inferred.txt")}),
             (T0 + 30, {**event("", "qa"), "body": "not xml"})]
    feed = gr.replay(calls).qa_feed()
    assert [(e.source, e.kind, e.received_at) for e in feed] == [
        ("client", "answer", T0 + 20), ("client", "question", T0 + 20), ("web", "question", T0 + 10)]
    answer, question, web = feed
    assert answer.question_id == question.id == "3c9e71a2-5b04-4d8f-a1e6-0f27c84b9d13"
    assert (answer.uname, answer.time, question.uid) == ("Ms Ortega", 1747185391, CLIENT)
    assert question.text == "Does a longer shadow mean the light is further away?"
    assert (web.uname, web.text, web.uid, web.webcast_id) == ("陈小雨", "老师，影子为什么下午更长？", WEB, CONF)
    assert gr.replay(calls).qa_feed(webcast_id="other") == []


def test_rollcall_and_end_pages_and_end_page_as_a_left_signal():
    calls = timed([status_call(101, CLIENT, 1), event(gensee_fixture("rollcall_query.txt"), "rollcall"),
                   event(gensee_fixture("end_page_query.txt"), "end")])
    state = gr.replay(calls)
    assert state.rollcalls == [gr.PageHit(T0 + 10, WEB, CONF)]
    assert state.end_pages == [gr.PageHit(T0 + 20, CLIENT, CONF, "Lena P")]
    assert state.rooms[CONF].current.attendees[CLIENT].end_pages == [T0 + 20]
    assert state.rooms[CONF].current.present(T0 + 20) == []


@pytest.mark.parametrize("times, expected", [
    ([0, 5, 10, 15, 20], [(0, 20, 5)]),
    ([0, 5, 10, 15, 80], []),
    ([0, 1, 2, 3, 4, 5, 100, 101, 102, 103, 104], [(0, 5, 6), (100, 104, 5)]),
])
def test_bulk_abnormal_leaves(times, expected):
    state = gr.replay([(T0 + t, status_call(110, f"u{i}")) for i, t in enumerate(times)]
                      + [(T0, status_call(110, "elsewhere", room="other-room"))])
    bursts = state.bulk_abnormal_leaves(window_s=30, threshold=5)
    assert [(b.start - T0, b.end - T0, b.count) for b in bursts] == expected
    assert all(b.class_no == CONF for b in bursts)


def test_ignores_what_it_cannot_use():
    state = gr.replay([(T0, "not a dict"), (T0, event("Action=101", "event")),
                       (T0, event(f"ClassNo={CONF}&Action=abc")), (T0, event("roomid=r", "cobrowse"))])
    assert state.rooms == {} and state.videos == {} and state.qa_feed() == []


async def test_state_from_calls_stored_over_http(receiver, http):
    """Both fixture sequences through the real receiver, read back from the database."""
    for line in sequence("event_sequence_webcast.txt"):
        assert (await call(http, receiver, "GET", "event", line))[0] == 200
    small = sequence("event_sequence_small_class.txt")
    for line in small:
        assert (await call(http, receiver, "GET", "event", line.replace(CONF, "small-class-room")))[0] == 200
    db = open_database(receiver.db_path)
    try:
        calls = [(row.received_at, parse_payload(row.payload)) for row in iter_pushes(source="gensee")]
    finally:
        db.close()
    now = calls[-1][0]
    state = gr.replay(calls)
    webcast, small_class = state.rooms[CONF].current, state.rooms["small-class-room"].current
    assert webcast.status(now) == small_class.status(now) == gr.STOPPED
    assert webcast.abnormal_leaves[0][1] == WEB and small_class.abnormal_leaves[0][1] == CLIENT
    assert len(webcast.user_counts) == 9 and len(small_class.user_counts) == len(small) == 10
    assert calls[0][1]["query_string"] == sequence("event_sequence_webcast.txt")[0]
