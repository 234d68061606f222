"""Shared test helpers: fixtures on disk, signing, a real `serve` subprocess."""
from __future__ import annotations

import copy
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterable, Sequence

from lessons.texts import text_width
from protocol.classin import sign

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SID = 2290417
SECRET = "fixture-secret"


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.glob("*.json"))


def team_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """The data dirs of a team's receiver and of a desk, each knowing the test school."""
    from storage.config import ConfigStore
    dirs = tmp_path / "server", tmp_path / "desk"
    for d in dirs:
        d.mkdir()
        ConfigStore(d).add_school(SID, SECRET, "Team School")
    return dirs


def new_push(cmd="Net", *, sid=SID, secret=SECRET, class_id=508113967, action_time=None, **fields) -> dict:
    """A distinct, correctly signed push (unique _id)."""
    action_time = action_time or int(time.time())
    payload = {"SID": sid, "ClassID": class_id, "Cmd": cmd, "ActionTime": action_time,
               "TimeStamp": action_time + 600,
               "_id": f"{action_time:08x}{secrets.token_hex(8)}", **fields}
    return sign(payload, secret)


def resign(payload: dict, secret: str = SECRET) -> dict:
    return sign(copy.deepcopy(payload), secret)


def fixture_variant(name: str, *, action_time: int | None = None, data: dict | None = None,
                    secret: str = SECRET, **fields) -> dict:
    """A fixture as another, distinct push: a fresh `_id`, optionally another
    ActionTime (TimeStamp follows it, as in ClassIn's captures), `Data` entries
    or top-level fields replaced; signed with `secret`."""
    payload = fixture(name)
    if action_time is not None:
        payload["ActionTime"], payload["TimeStamp"] = action_time, action_time + 600
    if data:
        payload["Data"] = {**payload.get("Data", {}), **data}
    payload.update(fields)
    payload["_id"] = f"{payload.get('ActionTime', 0):08x}{secrets.token_hex(8)}"
    return sign(payload, secret)


async def projected(receiver) -> None:
    """Until the receiver's writer has committed the derived rows of everything
    it stored (they follow the acks in a transaction of their own)."""
    import asyncio
    for _ in range(1000):
        if receiver.writer.unprojected_from is None:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the derived rows never followed the pushes")


async def post_push(http, base_url: str, body: dict | bytes) -> tuple[int, dict]:
    """POST one body to `base_url`/classin as ClassIn does; (HTTP status, answer JSON)."""
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    async with http.post(base_url + "/classin", data=data, headers={"Content-Type": "application/json"}) as resp:
        return resp.status, await resp.json(content_type=None)


def run_cli(*args: str, data_dir: Path, timeout: float = 60, input: str | None = None,
            env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--data-dir", str(data_dir)],
                          capture_output=True, text=True, timeout=timeout, input=input, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def cell_edges(line: str) -> list[tuple[int, int]]:
    """The terminal columns each cell of a command's table line starts and ends at
    (cells are two or more blanks apart; a CJK character takes two columns)."""
    return [(text_width(line[:m.start()]), text_width(line[:m.end()])) for m in re.finditer(r"\S+(?: \S+)*", line)]


class ServeProcess:
    """`python main.py serve` as a real subprocess on a free port."""

    def __init__(self, data_dir: Path, *extra: str, env: dict | None = None, wrapper: Sequence[str] = ()):
        """`wrapper`: a command that runs serve (setpriv with fewer capabilities)."""
        self.data_dir = data_dir
        self.proc = subprocess.Popen(
            [*wrapper, sys.executable, str(ROOT / "main.py"), "serve", "--data-dir", str(data_dir),
             "--port", "0", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, **(env or {})})
        self.lines: list[str] = []
        self.url = self._wait_url()

    def _wait_url(self, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"serve exited: {self.proc.stderr.read()}")
            self.lines.append(line.rstrip("\n"))
            m = re.match(r"listening on (http://\S+)", line)
            if m:
                return m.group(1)
        raise TimeoutError("serve printed no URL")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        finally:
            self.proc.stdout.close()
            self.proc.stderr.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(10)
        self.proc.stdout.close()
        self.proc.stderr.close()


def store_directly(db_path: Path, pushes: Iterable[tuple[float, dict | str]], *, chunk: int = 4096) -> int:
    """Store accepted pushes (received_at, body dict or its JSON text) without HTTP,
    through the receiver's own record builder, the Writer's group commit and the
    Projector: the same rows and derived rows a run of `serve` would leave, at
    database speed. For tests and benchmarks that need a lot of history."""
    import orjson

    from receiver.classin import push_record
    from storage.db import open_database
    from storage.derived import Projector
    from storage.writer import Writer

    open_database(db_path).close()          # create or migrate, as Receiver.start does
    writer = Writer(db_path, projector=Projector(db_path))
    writer.start()
    count, pending = 0, []
    try:
        for received_at, body in pushes:
            text = body if isinstance(body, str) else orjson.dumps(body).decode()
            payload = orjson.loads(text) if isinstance(body, str) else body
            pending.append(writer.submit(push_record(payload, text, received_at)))
            count += 1
            if len(pending) >= chunk:   # bounded memory; the writer batches them anyway
                for fut in pending:
                    fut.result()
                pending.clear()
        for fut in pending:
            fut.result()
    finally:
        writer.stop()
    return count


def db_rows(where, sql: str, *args) -> list[tuple]:
    """Rows of `sql` (our SQL: `?` placeholders) on a private connection to
    `where` (a DbUrl or a SQLite file): what is committed, on either backend."""
    from storage.backends import backend_for
    conn = backend_for(where).connect()
    try:
        return [tuple(row) for row in conn.execute(sql, args).fetchall()]
    finally:
        conn.close()


class ThreadedReceiver:
    """A real Receiver on its own event loop in a thread: for hypothesis tests,
    whose examples run synchronously. `stop()` may be called early (once)."""

    def __init__(self, data_dir: Path, **options):
        import asyncio
        import threading

        from receiver.app import Receiver
        self.loop = asyncio.new_event_loop()
        self.receiver = Receiver(data_dir, **options)
        self._stopped = False
        ready = threading.Event()

        def run():
            asyncio.set_event_loop(self.loop)
            self.loop.run_until_complete(self.receiver.start("127.0.0.1", 0))
            ready.set()
            self.loop.run_forever()
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert ready.wait(30)
        self.url = self.receiver.url

    def stop(self) -> None:
        import asyncio
        if not self._stopped:
            self._stopped = True
            asyncio.run_coroutine_threadsafe(self.receiver.stop(), self.loop).result(30)

    def close(self) -> None:
        self.stop()
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
