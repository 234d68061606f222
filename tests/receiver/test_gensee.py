"""Gensee callbacks over real HTTP on loopback against a real data dir."""
from __future__ import annotations

import asyncio
import sqlite3
from urllib.parse import parse_qsl

import pytest

from receiver.events import PushRefused, PushStored, StorageFailed
from receiver.gensee import COBROWSE_SETTING, MAX_BODY

from ..gensee_support import CLIENT, CONF, VIDEO, WEB, call, gensee_fixture, quarantined, stored, url

EVENT_FIXTURES = ["event_101_user_join.txt", "event_102_meeting_created.txt", "event_103_live_started.txt",
                  "event_104_live_paused.txt", "event_105_live_stopped.txt",
                  "event_106_recording_ready.txt", "event_107_user_exit.txt",
                  "event_110_abnormal_leave.txt"]


def push_count(receiver) -> int:
    conn = sqlite3.connect(receiver.db_path)
    try:
        return conn.execute("SELECT COUNT(*) FROM push WHERE source='gensee'").fetchone()[0]
    finally:
        conn.close()


async def test_every_status_and_vod_fixture_is_stored_raw_before_the_answer(receiver, http):
    events = []
    receiver.listeners.append(events.append)
    names = EVENT_FIXTURES + ["vod_111_start.txt", "vod_112_end.txt"]
    for n, name in enumerate(names, 1):
        endpoint = "vod" if name.startswith("vod") else "event"
        status, ctype, text = await call(http, receiver, "GET", endpoint, gensee_fixture(name))
        assert (status, text) == (200, "ok"), name
        assert ctype.startswith("text/plain")
        assert push_count(receiver) == n      # committed when the answer arrived
    rows = stored(receiver)
    for name, (_, cmd, payload) in zip(names, rows):
        query = gensee_fixture(name)
        assert payload["query"] == dict(parse_qsl(query))
        assert payload["query_string"] == query
        assert payload["method"] == "GET" and payload["form"] is None and payload["body"] is None
        assert cmd == f"{payload['endpoint']}:{payload['query']['Action']}"
    assert [cmd for _, cmd, _ in rows][:2] == ["event:101", "event:102"]
    assert [cmd for _, cmd, _ in rows][-2:] == ["vod:111", "vod:112"]
    assert all(isinstance(e, PushStored) and e.source == "gensee" and e.class_id is None for e in events)
    assert [e.cmd for e in events] == [cmd for _, cmd, _ in rows]
    assert events[0].payload == rows[0][2]


async def test_parameter_names_are_trimmed_and_case_insensitive(receiver, http):
    # The seed's URL template has "& Affected"; a sender may capitalise differently.
    query = f"classno={CONF}&%20Operator%20=0&ACTION=103&%20Affected=0&TotalUserNum=4"
    assert (await call(http, receiver, "GET", "event", query))[0] == 200
    (_, cmd, payload), = stored(receiver)
    assert cmd == "event:103"
    assert payload["query"][" Operator "] == "0"     # names kept as sent


async def test_vod_accepts_post_form_and_unknown_codes(receiver, http):
    form = f"ClassNo={VIDEO}&Operator={CLIENT}&Action=112&totalusernum=3"
    status, _, _ = await call(http, receiver, "POST", "vod", data=form,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200
    # A numeric code nobody documented is kept, not refused.
    assert (await call(http, receiver, "GET", "event", f"ClassNo={CONF}&Action=108"))[0] == 200
    (_, cmd, payload), (_, cmd2, _) = stored(receiver)
    assert cmd == "vod:112" and payload["form"]["Action"] == "112" and payload["query"] == {}
    assert cmd2 == "event:108"


@pytest.mark.parametrize("endpoint, method, query, code, reason", [
    ("event", "GET", f"ClassNo={CONF}&Operator=0", "missing_param", "Action"),
    ("event", "GET", "Action=101&Operator=1", "missing_param", "ClassNo"),
    ("event", "GET", f"ClassNo={CONF}&Action=%20", "missing_param", "Action"),
    ("event", "GET", f"ClassNo={CONF}&Action=start", "bad_action", "'start' is not a number"),
    ("vod", "GET", f"Operator={CLIENT}&Action=111", "missing_param", "ClassNo"),
    ("qa-web", "POST", "userid=1&name=x", "missing_param", "question"),
    ("rollcall", "GET", f"webcastid={CONF}", "missing_param", "userid"),
    ("end", "GET", f"userid={CLIENT}", "missing_param", "confid"),
])
async def test_unusable_calls_are_400_and_kept_in_quarantine(receiver, http, endpoint, method, query,
                                                              code, reason):
    events = []
    receiver.listeners.append(events.append)
    status, ctype, text = await call(http, receiver, method, endpoint, query)
    assert status == 400 and reason in text
    assert ctype.startswith("text/html" if endpoint in ("rollcall", "end") else "text/plain")
    assert push_count(receiver) == 0
    (q,) = quarantined(receiver)
    assert (q["source"], q["reason_code"], q["cmd"]) == ("gensee", code, endpoint)
    assert q["envelope"]["query_string"] == query and q["envelope"]["endpoint"] == endpoint
    (refused,) = events
    assert isinstance(refused, PushRefused) and refused.status == 400 and refused.source == "gensee"


async def test_identical_refused_calls_share_one_quarantine_row(receiver, http):
    for _ in range(3):
        assert (await call(http, receiver, "GET", "event", "ClassNo=x"))[0] == 400
    (q,) = quarantined(receiver)
    assert q["attempts"] == 3


async def test_wrong_token_is_404_and_nothing_is_kept(receiver, http):
    query = gensee_fixture("event_101_user_join.txt")
    for method, endpoint in (("GET", "event"), ("POST", "qa"), ("GET", "cobrowse")):
        async with http.request(method, url(receiver, endpoint, query, token="guess"), data=b"<a/>") as resp:
            assert resp.status == 404
    async with http.get(url(receiver, "event", query, token="")) as resp:
        assert resp.status == 404
    old = receiver.config.current().gensee_token
    receiver.config.rotate_gensee_token()
    async with http.get(url(receiver, "event", query, token=old)) as resp:
        assert resp.status == 404
    assert (await call(http, receiver, "GET", "event", query))[0] == 200
    assert push_count(receiver) == 1 and quarantined(receiver) == []


@pytest.mark.parametrize("name", ["qa_client_question.txt", "qa_client_answer_inferred.txt",
                                  "qa_client_unclosed.txt"])
async def test_client_qa_xml_is_accepted_and_stored_verbatim(receiver, http, name):
    body = (gensee_fixture(name) + "\n").encode("utf-8")
    status, _, text = await call(http, receiver, "POST", "qa", data=body,
                                 headers={"Content-Type": "text/xml"})
    assert (status, text) == (200, "ok")
    (_, cmd, payload), = stored(receiver)
    assert cmd == "qa" and payload["body"] == body.decode("utf-8") and payload["charset"] == "utf-8"
    assert payload["content_type"] == "text/xml"


async def test_client_qa_in_chinese_utf8_and_gbk(receiver, http):
    xml = ('<?xml version="1.0" encoding="{enc}" ?><webcast id="{conf}"><question id="q1" time="1747185322" '
           'uid="{uid}" uname="陈小雨">老师，影子为什么下午更长？</question></webcast>')
    utf8 = xml.format(enc="utf-8", conf=CONF, uid=WEB).encode("utf-8")
    gbk = xml.format(enc="gbk", conf=CONF, uid=WEB).encode("gbk")
    for body in (utf8, gbk):
        assert (await call(http, receiver, "POST", "qa", data=body))[0] == 200
    (_, _, a), (_, _, b) = stored(receiver)
    assert "老师，影子为什么下午更长？" in a["body"] and a["charset"] == "utf-8"
    assert "老师，影子为什么下午更长？" in b["body"] and b["charset"] == "gbk"


@pytest.mark.parametrize("body, detail", [
    (b"", "not XML"),
    (b"question: why?", "not XML"),
    (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
     b"<webcast><question>&b;</question></webcast>", "EntitiesForbidden"),
    (b'<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><webcast>&x;</webcast>', "XML refused"),
])
async def test_unreadable_or_hostile_xml_is_400_and_quarantined(receiver, http, body, detail):
    status, _, text = await call(http, receiver, "POST", "qa", data=body)
    assert status == 400 and detail in text
    (q,) = quarantined(receiver)
    assert q["reason_code"] == "bad_xml" and q["envelope"]["body"] == (body.decode() or None)


async def test_oversize_body_is_refused_and_a_prefix_kept(receiver, http):
    body = b"<webcast>" + b"x" * MAX_BODY + b"</webcast>"
    status, _, text = await call(http, receiver, "POST", "qa", data=body)
    assert status == 413 and "limit" in text
    (q,) = quarantined(receiver)
    assert q["reason_code"] == "too_large" and q["size"] == len(body)
    assert q["envelope"]["body"].startswith("<webcast>xxx") and len(q["envelope"]["body"]) < len(body)
    assert push_count(receiver) == 0


async def test_web_qa_urlencoded_multipart_query_string_and_gbk(receiver, http):
    question = "老师，影子为什么下午更长？"
    form = gensee_fixture("qa_web_form.txt")
    boundary = "----gensee7d4a"
    multipart = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                        for k, v in (("userid", WEB), ("name", "陈小雨"), ("question", question),
                                     ("webcastid", CONF))) + f"--{boundary}--\r\n"
    gbk_form = "userid=1&question=" + "".join(f"%{b:02X}" for b in question.encode("gbk"))
    requests = [
        ({"data": form, "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, ""),
        ({"data": multipart.encode("utf-8"),
          "headers": {"Content-Type": f"multipart/form-data; boundary={boundary}"}}, ""),
        ({}, form),                                                 # parameters in the query string
        ({"data": gbk_form, "headers": {"Content-Type": "application/x-www-form-urlencoded"}}, ""),
    ]
    for kw, query in requests:
        status, _, text = await call(http, receiver, "POST", "qa-web", query, **kw)
        assert (status, text) == (200, "ok")
    (_, _, urlenc), (_, _, multi), (_, _, in_query), (_, _, gbk) = stored(receiver)
    expected = {"userid": WEB, "name": "陈小雨", "question": question, "webcastid": CONF}
    assert urlenc["form"] == expected and urlenc["body"] == form and urlenc["charset"] == "utf-8"
    assert multi["form"] == expected
    assert in_query["query"] == expected and in_query["form"] is None
    assert gbk["form"]["question"] == question and gbk["charset"] == "gbk"


@pytest.mark.parametrize("endpoint, fixture_name, shown", [
    ("rollcall", "rollcall_query.txt", [WEB, CONF, "签到", "Roll-call"]),
    ("end", "end_page_query.txt", ["Lena P", CLIENT, CONF, "离开", "left the class"]),
])
async def test_browser_pages_are_bilingual(receiver, http, endpoint, fixture_name, shown):
    status, ctype, page = await call(http, receiver, "GET", endpoint, gensee_fixture(fixture_name))
    assert status == 200 and ctype == "text/html; charset=utf-8"
    for text in shown:
        assert text in page
    (_, cmd, payload), = stored(receiver)
    assert cmd == endpoint and payload["query_string"] == gensee_fixture(fixture_name)


async def test_browser_pages_escape_every_echoed_parameter(receiver, http):
    attack = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%3E"
    for endpoint, query in (("rollcall", f"userid={attack}&webcastid={attack}"),
                            ("end", f"userid={attack}&confid={attack}&username={attack}")):
        async with http.get(url(receiver, endpoint, query)) as resp:
            page = await resp.text()
            assert resp.status == 200 and "Content-Security-Policy" in resp.headers
        assert "<script" not in page and page.count("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&gt;") >= 2
    async with http.get(url(receiver, "end", f"userid={attack}")) as resp:    # the 400 page
        assert resp.status == 400 and "<script" not in await resp.text()


async def test_cobrowse_serves_the_configured_json_verbatim(receiver, http):
    query = gensee_fixture("cobrowse_teacher_query.txt")
    status, ctype, text = await call(http, receiver, "GET", "cobrowse", query)
    assert (status, ctype, text) == (200, "application/json; charset=utf-8", "[]")
    room_json = '[{"name": "课堂测验", "url": "https://quiz.example.org/t/7"}]'
    receiver.config.update(lambda c: c.settings.__setitem__(
        COBROWSE_SETTING, {"q8v2lm7xk4p0zt61rwc9d": room_json, "*": '{"default": true}'}))
    async with http.get(url(receiver, "cobrowse", "roomid=q8v2lm7xk4p0zt61rwc9d")) as resp:
        assert await resp.read() == room_json.encode("utf-8")
    assert (await call(http, receiver, "GET", "cobrowse", "roomid=other"))[2] == '{"default": true}'
    assert [p["query"] for _, _, p in stored(receiver)] == [
        {"roomid": "q8v2lm7xk4p0zt61rwc9d"}, {"roomid": "q8v2lm7xk4p0zt61rwc9d"}, {"roomid": "other"}]


async def test_crossdomain_policy_at_the_root_admits_gensee(receiver, http):
    async with http.get(receiver.url + "/crossdomain.xml") as resp:
        assert resp.status == 200 and resp.content_type == "text/xml"
        assert 'domain="*.gensee.com"' in await resp.text()
    assert push_count(receiver) == 0


async def test_storage_failure_answers_503(receiver, http):
    events = []
    receiver.listeners.append(events.append)
    await asyncio.get_running_loop().run_in_executor(None, receiver.writer.stop)
    status, _, text = await call(http, receiver, "GET", "event", gensee_fixture("event_101_user_join.txt"))
    assert status == 503 and "storage" in text
    status, ctype, _ = await call(http, receiver, "GET", "end", gensee_fixture("end_page_query.txt"))
    assert status == 503 and ctype.startswith("text/html")
    assert [type(e) for e in events] == [StorageFailed, StorageFailed]


async def test_banner_shows_the_gensee_base_url(receiver):
    token = receiver.config.current().gensee_token
    assert f"gensee callbacks: {receiver.url}/gensee/{token}/" in receiver.banner()

