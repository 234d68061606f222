"""Arbitrary bytes, headers and JSON shapes never produce a 500 or kill the receiver."""
from __future__ import annotations

import json
import socket

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol.classin import sign
from storage.config import ConfigStore

from ..helpers import SECRET, SID, ThreadedReceiver


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("fuzz")
    ConfigStore(data_dir).add_school(SID, SECRET)
    running = ThreadedReceiver(data_dir, max_body=64 * 1024)
    host, port = running.url.removeprefix("http://").split(":")
    yield host, int(port)
    running.close()


def send(server, body: bytes, headers: dict[str, str], method: str = "POST", path: str = "/classin"):
    """Raw bytes on a socket: http.client would refuse the odd headers we want to try."""
    head = [f"{method} {path} HTTP/1.1", f"Host: {server[0]}", f"Content-Length: {len(body)}",
            "Connection: close"] + [f"{k}: {v}" for k, v in headers.items()]
    request = ("\r\n".join(head) + "\r\n\r\n").encode("utf-8", "surrogateescape") + body
    with socket.create_connection(server, timeout=10) as sock:
        sock.sendall(request)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    raw = b"".join(chunks)
    head, _, payload = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), payload


def alive(server) -> bool:
    status, body = send(server, b"", {}, method="GET", path="/healthz")
    return status == 200 and orjson.loads(body)["ok"] is True


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-2**63, max_value=2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)

header_text = st.text(alphabet=st.characters(blacklist_characters="\r\n", blacklist_categories=("Cs",)),
                      min_size=1, max_size=20)
fuzz_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz_settings
@given(body=st.binary(max_size=2048),
       headers=st.dictionaries(header_text.filter(lambda h: h.lower() not in (
           "content-length", "transfer-encoding", "host", "connection", "expect")), header_text, max_size=4))
def test_arbitrary_bytes_and_headers(server, body, headers):
    status, answer = send(server, body, headers)
    assert status < 500
    assert status in (200, 400, 403, 413)


@fuzz_settings
@given(doc=json_values)
def test_arbitrary_json_shapes(server, doc):
    body = json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")
    status, answer = send(server, body, {"Content-Type": "application/json"})
    assert status in (200, 400, 403)
    assert orjson.loads(answer)["error_info"]["errno"] in (0, 1)


@fuzz_settings
@given(extra=st.dictionaries(st.sampled_from(
    ["Cmd", "ClassID", "UID", "ActionTime", "Data", "_id", "CourseID", "Color", "Handsup", "Reason"]),
    json_values, max_size=6),
    ts=st.one_of(st.integers(min_value=0, max_value=2**62), st.from_regex(r"\A[0-9]{1,12}\Z")))
def test_signed_pushes_with_odd_fields_are_accepted(server, extra, ts):
    push = sign({"SID": SID, **extra, "TimeStamp": ts}, SECRET)
    status, answer = send(server, json.dumps(push).encode(), {"Content-Type": "application/json"})
    assert status == 200, answer
    assert orjson.loads(answer)["error_info"]["errno"] == 1


def test_server_survived_the_fuzzing(server):
    assert alive(server)
