"""The relay in a real `serve` killed with SIGKILL right after its acks:
every acked push still reaches the school's system, in stored order, and at
most the one push in flight at the kill arrives twice."""
from __future__ import annotations

import asyncio
import collections
import json
import signal
import sys

import aiohttp
import orjson
import pytest

from protocol.classin import is_ack

from ..helpers import SID, ServeProcess, new_push, run_cli
from ..relay_support import SchoolSystem, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")]


async def _sender(session, url, pushes, acked):
    while pushes:
        push = pushes.popleft()
        body = orjson.dumps(push)
        try:
            async with session.post(url, data=body) as resp:
                answer = await resp.read()
        except (aiohttp.ClientError, asyncio.TimeoutError, ConnectionError):
            return
        if resp.status == 200 and is_ack(answer):
            acked.append(body)


def stored_ids(data_dir) -> list[str]:
    out = run_cli("events", data_dir=data_dir)
    assert out.returncode == 0, out.stderr
    return [json.loads(line)["payload"]["_id"] for line in out.stdout.splitlines()]


async def test_sigkill_right_after_acks_then_restart_delivers_everything(data_dir):
    system = SchoolSystem(delay=0.002)
    await system.start()
    try:
        out = run_cli("relay", "add", "lms", "--sid", str(SID), "--url", system.url, data_dir=data_dir)
        assert out.returncode == 0, out.stderr
        sent = [new_push("Net", UID=i) for i in range(400)]
        serve = ServeProcess(data_dir)
        acked: list[bytes] = []
        queue = collections.deque(sent)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
            tasks = [asyncio.create_task(_sender(session, serve.url + "/classin", queue, acked))
                     for _ in range(8)]
            await wait_for(lambda: len(acked) >= 300)
            serve.proc.send_signal(signal.SIGKILL)      # right after acks, pushes and relays in flight
            await asyncio.wait_for(asyncio.gather(*tasks), 30)
        serve.kill()
        before_restart = len(system.received)
        assert len(acked) >= 300 and before_restart < len(acked), "the kill came too late to test anything"

        serve = ServeProcess(data_dir)
        try:
            # ClassIn re-sends whatever was not acked; what was acked must arrive anyway.
            async with aiohttp.ClientSession() as session:
                for push in sent:
                    async with session.post(serve.url + "/classin", data=orjson.dumps(push)) as resp:
                        assert resp.status == 200 and is_ack(await resp.read())
            await wait_for(lambda: len({b for b in system.received}) == len(sent), timeout=60)
            await asyncio.sleep(0.5)
            status = run_cli("relay", "status", "--json", data_dir=data_dir)
        finally:
            assert serve.stop() == 0
    finally:
        await system.stop()

    assert set(acked) <= set(system.received), "an acked push never reached the school's system"
    repeats = len(system.received) - len(set(system.received))
    assert repeats <= 1, f"{repeats} pushes delivered twice (one in flight at most)"
    delivered_ids = list(dict.fromkeys(orjson.loads(b)["_id"] for b in system.received))
    assert delivered_ids == stored_ids(data_dir), "not in stored order"
    row = json.loads(status.stdout)
    assert (row["delivered"], row["pending"], row["failing_since"]) == (len(sent), 0, None)
    assert system.max_in_flight == 1
