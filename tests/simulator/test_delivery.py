"""ClassIn's delivery rules against a real, independent receiver on loopback.

The receiver here is written from classin.md alone: it checks SafeKeys with its
own md5, records every request, and refuses what the test tells it to.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Callable

import pytest
from aiohttp import web

from simulator.delivery import deliver, run_day
from simulator.faults import Faults
from simulator.school import Push, generate_day

SID, SECRET = 2290417, "sim-secret"
DAY = 1747184400
ROOT = Path(__file__).resolve().parents[2]
ACK = {"error_info": {"errno": 1, "error": "程序正常执行"}}

# (push ordinal, attempt number) -> how to answer; everything else is acked.
Policy = Callable[[int, int], str | None]


@dataclass
class Request:
    t: float                      # monotonic arrival
    raw: bytes
    body: dict[str, Any] | None   # None: not JSON
    ordinal: int | None           # which distinct _id this is, in arrival order
    attempt: int                  # 0 for the first request with that _id
    status: int = 0
    acked: bool = False


class Receiver:
    def __init__(self, policy: Policy | None = None, stall: float = 2.0) -> None:
        self.policy = policy or (lambda ordinal, attempt: None)
        self.stall = stall
        self.requests: list[Request] = []
        self.ordinals: dict[str, int] = {}
        self.closing = asyncio.Event()
        self.url = ""

    async def handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        try:
            body = json.loads(raw)
        except ValueError:
            self.requests.append(Request(time.monotonic(), raw, None, None, 0, 400))
            return web.json_response({"error_info": {"errno": 0, "error": "not JSON"}}, status=400)
        push_id = body.get("_id")
        ordinal = self.ordinals.setdefault(push_id, len(self.ordinals))
        attempt = sum(r.body is not None and r.body.get("_id") == push_id for r in self.requests)
        record = Request(time.monotonic(), raw, body, ordinal, attempt)
        self.requests.append(record)
        expected = hashlib.md5(f"{SECRET}{body['TimeStamp']}".encode()).hexdigest()
        if body.get("SID") != SID or body.get("SafeKey") != expected:
            record.status = 403
            return web.json_response({"error_info": {"errno": 0, "error": "bad SafeKey"}}, status=403)
        answer = self.policy(ordinal, attempt)
        if answer == "errno0":
            record.status = 200
            return web.json_response({"error_info": {"errno": 0, "error": "try later"}})
        if answer == "503":
            record.status = 503
            return web.json_response({"error_info": {"errno": 0, "error": "busy"}}, status=503)
        if answer == "timeout":
            try:
                await asyncio.wait_for(self.closing.wait(), self.stall)
            except asyncio.TimeoutError:
                pass
            return web.json_response(ACK)         # too late: the sender gave up already
        record.status, record.acked = 200, True
        return web.json_response(ACK)

    def attempts_of(self, ordinal: int) -> list[Request]:
        return [r for r in self.requests if r.ordinal == ordinal]


@pytest.fixture
async def receiver_factory() -> AsyncIterator[Callable[..., Any]]:
    runners: list[tuple[web.AppRunner, Receiver]] = []

    async def start(policy: Policy | None = None) -> Receiver:
        receiver = Receiver(policy)
        app = web.Application()
        app.router.add_post("/classin", receiver.handle)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        receiver.url = f"http://127.0.0.1:{port}/classin"
        runners.append((runner, receiver))
        return receiver

    yield start
    for runner, receiver in runners:
        receiver.closing.set()
        await runner.cleanup()


def _pushes(n: int) -> list[Push]:
    return generate_day(SID, SECRET, lessons=1, students=3, seed=11, start=DAY).pushes[:n]


def _well_formed(receiver: Receiver) -> None:
    for r in receiver.requests:
        assert r.body is not None, "every request is JSON"
        assert r.body["TimeStamp"] == r.body["ActionTime"] + 600


def _acked_once(receiver: Receiver, pushes: list[Push], twice: frozenset[int] = frozenset()) -> None:
    acks = Counter(r.body["_id"] for r in receiver.requests if r.acked and r.body)
    assert acks == Counter({p.id: 2 if i in twice else 1 for i, p in enumerate(pushes)})


def _in_order_one_at_a_time(receiver: Receiver, pushes: list[Push]) -> None:
    """The ids in arrival order, runs collapsed, are the pushes in order: nothing
    behind a refused push went out before that push was acked."""
    runs = [r.body["_id"] for r in receiver.requests if r.body]
    collapsed = [push_id for i, push_id in enumerate(runs) if i == 0 or runs[i - 1] != push_id]
    assert collapsed == [p.id for p in pushes]


async def test_refusals_are_retried_every_interval_and_block_the_queue(receiver_factory) -> None:
    script = {(4, 0): "errno0", (4, 1): "errno0", (6, 0): "503", (8, 0): "timeout"}
    receiver = await receiver_factory(lambda o, a: script.get((o, a)))
    pushes = _pushes(12)
    speed, timeout = 50.0, 0.3
    interval = 10 / speed
    stats = await deliver(pushes, receiver.url, SECRET, speed=speed, start=pushes[-1].at, timeout=timeout)

    _well_formed(receiver)
    _in_order_one_at_a_time(receiver, pushes)
    _acked_once(receiver, pushes)
    assert [len(receiver.attempts_of(i)) for i in range(12)] == [1, 1, 1, 1, 3, 1, 2, 1, 2, 1, 1, 1]
    for ordinal in (4, 6, 8):
        attempts = receiver.attempts_of(ordinal)
        for before, after in zip(attempts, attempts[1:]):
            waited = after.t - before.t
            floor = interval + (timeout if ordinal == 8 else 0)
            assert floor - 0.02 <= waited <= floor + 0.25, (ordinal, waited)
    assert stats.done and stats.acked == 12 and stats.sent == 16 and stats.retries == 4
    assert stats.refused == Counter({"no success ack": 2, "HTTP 503": 1, "timeout": 1})
    assert stats.blocked_seconds >= 4 * interval + timeout - 0.05
    assert stats.stuck is None


async def test_wrong_secret_period_gets_stuck_then_drains(receiver_factory) -> None:
    receiver = await receiver_factory()
    pushes = _pushes(8)
    speed = 50.0
    stats = await deliver(pushes, receiver.url, SECRET, speed=speed, start=pushes[-1].at,
                          faults=Faults(wrong_secret_at=0, wrong_secret_for=30))   # 0.6 s real
    refused = [r for r in receiver.requests if r.status == 403]
    assert len(refused) >= 3
    first_ack = next(i for i, r in enumerate(receiver.requests) if r.acked)
    assert receiver.requests[:first_ack] == refused, "only the stuck push is re-sent meanwhile"
    assert {r.ordinal for r in refused} == {0}
    assert refused[-1].t - refused[0].t >= (len(refused) - 1) * 10 / speed - 0.02
    assert receiver.requests[first_ack].ordinal == 0
    assert receiver.requests[first_ack].t - receiver.requests[0].t >= 30 / speed - 0.02
    _in_order_one_at_a_time(receiver, pushes)
    _acked_once(receiver, pushes)
    assert stats.done and stats.refused == Counter({"HTTP 403": len(refused)})


async def test_broken_json_is_refused_then_resent_whole(receiver_factory) -> None:
    receiver = await receiver_factory()
    pushes = _pushes(5)
    stats = await deliver(pushes, receiver.url, SECRET, speed=50.0, start=pushes[-1].at,
                          faults=Faults(broken_json_at=0))
    first, second = receiver.requests[:2]
    assert first.body is None and first.status == 400
    assert second.body == pushes[0].body and second.acked
    assert second.t - first.t >= 10 / 50.0 - 0.02
    assert [r.body for r in receiver.requests[1:]] == [p.body for p in pushes]
    assert stats.done and stats.refused == Counter({"HTTP 400": 1})


async def test_lost_acks_bring_duplicates(receiver_factory) -> None:
    receiver = await receiver_factory()
    pushes = _pushes(9)
    stats = await deliver(pushes, receiver.url, SECRET, speed=50.0, start=pushes[-1].at,
                          faults=Faults(duplicates=2))
    twice = frozenset({3, 6})
    _acked_once(receiver, pushes, twice)
    for ordinal in twice:
        first, again = receiver.attempts_of(ordinal)
        assert again.body == first.body and again.t - first.t >= 10 / 50.0 - 0.02
    assert stats.done and stats.duplicates == 2 and stats.sent == 11


async def test_silent_gap_sends_nothing(receiver_factory) -> None:
    receiver = await receiver_factory()
    pushes = _pushes(4)
    began = time.monotonic()
    stats = await deliver(pushes, receiver.url, SECRET, speed=50.0, start=pushes[-1].at,
                          faults=Faults(gap_at=0, gap_for=25))                    # 0.5 s real
    assert receiver.requests[0].t - began >= 0.5 - 0.02
    assert stats.done


async def test_stop_event_ends_a_stuck_queue(receiver_factory) -> None:
    receiver = await receiver_factory(lambda o, a: "errno0" if o == 1 else None)
    pushes = _pushes(4)
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(0.5, stop.set)
    stats = await deliver(pushes, receiver.url, SECRET, speed=50.0, start=pushes[-1].at, stop_event=stop)
    assert not stats.done and stats.acked == 1 and stats.stuck and "no success ack" in stats.stuck
    assert {r.ordinal for r in receiver.requests} == {0, 1}


async def test_whole_day_is_delivered_in_order_on_the_compressed_clock(receiver_factory) -> None:
    receiver = await receiver_factory()
    speed = 4000.0
    day = generate_day(SID, SECRET, lessons=2, students=3, seed=21, start=DAY)
    began = time.monotonic()
    progress: list[int] = []
    stats = await run_day(receiver.url, SID, SECRET, lessons=2, students=3, speed=speed, seed=21,
                          start=DAY, on_progress=lambda s: progress.append(s.acked))
    assert stats.done and stats.total == len(day.pushes) and stats.retries == 0
    assert [r.body for r in receiver.requests] == [p.body for p in day.pushes]
    for push, request in zip(day.pushes, receiver.requests):
        due = max(0.0, (push.at - DAY) / speed)
        assert request.t - began >= due - 0.01, "never sent before its time"
    last_due = (day.pushes[-1].at - DAY) / speed
    assert receiver.requests[-1].t - began < last_due + 3.0
    assert progress[-1] == len(day.pushes)


def _simulate(*args: str) -> list[str]:
    return [sys.executable, "-m", "simulator.cli", *args]


async def _run(argv: list[str]) -> tuple[int, str, str]:
    proc = await asyncio.create_subprocess_exec(*argv, cwd=ROOT, stdout=asyncio.subprocess.PIPE,
                                                stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(), 30)
    assert proc.returncode is not None
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.slow
async def test_cli_pushes_a_day_and_reports(receiver_factory) -> None:
    receiver = await receiver_factory(lambda o, a: "503" if (o, a) == (2, 0) else None)
    code, out, _ = await _run(_simulate("--url", receiver.url, "--sid", str(SID), "--secret", SECRET,
                                        "--lessons", "1", "--students", "2", "--speed", "5000",
                                        "--seed", "3", "--start", str(DAY)))
    assert code == 0, out
    assert "done:" in out and "HTTP 503 x1" in out and "(seed 3)" in out
    assert all(r.acked for r in receiver.requests if r.ordinal != 2)


@pytest.mark.slow
async def test_cli_exits_1_when_the_queue_stays_stuck(receiver_factory) -> None:
    receiver = await receiver_factory(lambda o, a: "errno0")
    code, out, _ = await _run(_simulate("--url", receiver.url, "--sid", str(SID), "--secret", SECRET,
                                        "--speed", "100", "--duration-limit", "1"))
    assert code == 1
    assert "incomplete: 0/" in out and "stuck at:" in out
    assert len(receiver.requests) >= 3


@pytest.mark.slow
async def test_cli_rejects_bad_arguments() -> None:
    code, _, err = await _run(_simulate("--url", "ftp://x", "--sid", "1", "--secret", "s"))
    assert code == 2 and "http" in err
    code, _, err = await _run(_simulate("--url", "http://127.0.0.1:9/classin", "--sid", "1",
                                        "--secret", "s", "--faults", "flood"))
    assert code == 2 and "unknown fault" in err
