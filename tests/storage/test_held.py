"""Held pushes, their promotion and the quarantine cap on both backends
(the writer's own SQL; PostgreSQL started by the tests)."""
from __future__ import annotations

import orjson

from receiver.classin import push_record
from storage.db import open_database
from storage.derived import Projector
from storage.writer import Promote, QuarantineRecord, TRIMMED_KEY, Writer

from ..helpers import db_rows, new_push


def held(push: dict, at: float, cap: int | None = 10**9, code: str = "held") -> QuarantineRecord:
    body = orjson.dumps(push)
    return QuarantineRecord(qkey=f"q-{push['_id']}", received_at=at, source="classin", reason_code=code,
                            reason="wrong SafeKey", sid=push["SID"], cmd="Net", class_id=push["ClassID"],
                            size=len(body), body=body, remote=None, held_cap=cap)


def test_held_pushes_are_capped_promoted_in_order_and_refused_bodies_trimmed(store):
    open_database(store).close()
    writer = Writer(store, projector=Projector(store))
    writer.start()
    try:
        pushes = [new_push("Net", class_id=42, UID=i) for i in range(4)]
        for n, push in enumerate(pushes):
            assert not writer.submit(held(push, 1000.0 + n)).result(30).over_cap
        size = len(orjson.dumps(pushes[0]))
        assert writer.submit(held(new_push("Net"), 2000.0, cap=4 * size + 10)).result(30).over_cap

        def accept(body: bytes, first_seen: float):
            payload = orjson.loads(body)
            return push_record(payload, body.decode(), first_seen) if payload["UID"] != 3 else None
        result = writer.submit(Promote(pushes[0]["SID"], accept)).result(30)
        assert [r.received_at for r, _ in result.pushes] == [1000.0, 1001.0, 1002.0]
        assert result.remaining == 1

        writer.quarantine_max_rows = 2
        for n in range(5):
            writer.submit(held(new_push("Net"), 3000.0 + n, cap=None, code="unknown_sid")).result(30)
    finally:
        writer.stop()
    assert db_rows(store, "SELECT received_at FROM push ORDER BY id") == [(1000.0,), (1001.0,), (1002.0,)]
    assert db_rows(store, "SELECT COUNT(*) FROM net_sample WHERE class_id = 42") == [(3,)]
    left = db_rows(store, "SELECT reason_code, resolved_at IS NULL FROM quarantine ORDER BY first_seen")
    assert (("held", True) in [tuple(r) for r in left]) and len(left) == 3      # the waiting one + 2 newest
    assert db_rows(store, "SELECT value FROM meta WHERE key = ?", TRIMMED_KEY) == [("6",)]
