"""PostgreSQL: a receiving process's batches of pushes, committed from its event loop.

A split `serve`'s receiving process on PostgreSQL stores a batch of pushes in
one statement (storage.writer, `at_once`), then waits for the server. From
the writer's thread that wait cost the GIL twice a batch: the thread has to get
it back from the busy loop before the batch's acks can go, and the loop sat
idle while it did. On the loop (psycopg's asyncio connection) the wait is an
await and the next batch gathers meanwhile; and as one statement is its own
transaction, with its NOTIFY inside it, a batch is one round trip and one wait
(a pipeline of BEGIN, statement, NOTIFY and COMMIT cost the loop four).
Alternating runs, C=64, every push a Net report: 5,500-6,000 acks/s from the
thread, 6,400-6,900 from the loop (bench/ingest.py --db: 0.37x -> 0.40x bare).

Only those pushes come here (storage.writer.at_once); quarantine, promotions,
jobs and a body kept as sent go to the writer's thread. An ack still waits for
the COMMIT's answer (synchronous_commit on).
"""
from __future__ import annotations

import asyncio
import logging
from typing import Callable

import psycopg

from .backends import postgres
from .backends.base import to_pyformat
from .backends.postgres import PostgresBackend, new_ids, new_rows_statement
from .writer import (MARK_RESENT, MAX_BATCH, PushRecord, StorageError, at_once, insert_at_once, resent_rows,
                     stored_of)

log = logging.getLogger(__name__)

_MARK_RESENT_PG = to_pyformat(MARK_RESENT)[0]


class LoopStore:
    """Stores `at_once` pushes handed to `add` on the loop it was first used
    on, in batches of what came while the last one was committing."""

    def __init__(self, backend: PostgresBackend, log_error: Callable[..., None]):
        self.backend = backend
        self._log_error = log_error
        self.loop: asyncio.AbstractEventLoop | None = None
        self._pending: list[tuple[PushRecord, asyncio.Future]] = []
        self._wake: asyncio.Event | None = None
        self._task: asyncio.Task | None = None
        self._conn: psycopg.AsyncConnection | None = None
        self._closing = False
        self.batches = 0
        self.items = 0

    def takes(self, item, loop: asyncio.AbstractEventLoop) -> bool:
        return at_once(item) and not self._closing and self.loop in (None, loop)

    def add(self, item: PushRecord, fut: asyncio.Future) -> None:
        if self._task is None:
            self.loop = fut.get_loop()
            self._wake = asyncio.Event()
            self._task = self.loop.create_task(self._run(), name="classwatch-loop-store")
        self._pending.append((item, fut))
        self._wake.set()

    async def close(self) -> None:
        """Commit what is pending, then close the connection; `add` may start it again."""
        if self._task is None:
            return
        self._closing = True
        self._wake.set()
        try:
            await self._task
        except Exception:   # a stop still stops; the requests it stranded time out
            log.exception("the loop's batches of pushes ended with an error")
        finally:
            await self._drop()
            self._task = self._wake = self.loop = None
            self._closing = False

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            # At most what one statement takes: a bigger batch would have none, and fail whole.
            size = min(MAX_BATCH, postgres.MAX_ROWS_PER_INSERT)
            while self._pending:
                batch, self._pending = self._pending[:size], self._pending[size:]
                await self._commit(batch)
            if self._closing:
                return

    async def _commit(self, batch: list[tuple[PushRecord, asyncio.Future]]) -> None:
        records = [record for record, _ in batch]
        args = insert_at_once(records)
        _, columns, rows, key, *_ = args
        try:
            # One statement is its own transaction: its answer comes once it is
            # committed (synchronous_commit on), in one round trip and one wait of the loop's.
            query, params = new_rows_statement(*args)
            if self._conn is None or self._conn.closed:   # lost after an answer (counting re-sends): a new one
                await self._drop()
                self._conn = await self.backend.connect_on_loop()
            conn = self._conn
            cursor = psycopg.AsyncRawCursor(conn)
            await cursor.execute(query, params)
            results = stored_of(new_ids(columns, rows, key, await cursor.fetchall()))
        except Exception as exc:   # not only the server's: a future must never be left waiting
            await self._drop()     # a new connection for the next batch, after whatever broke this one
            self._log_error("storage failed, %d request(s) refused: %s", len(batch), exc)
            err = StorageError(str(exc))
            for _, fut in batch:
                if not fut.done():
                    fut.set_exception(err)
            return
        self.batches += 1
        self.items += len(batch)
        for (_, fut), result in zip(batch, results):
            if not fut.done():   # a request that timed out was failed already
                fut.set_result(result)
        resent = resent_rows(records, results)
        if resent:   # after the acks: a count lost costs nothing a push needs (Writer._mark_resent)
            try:
                async with conn.cursor() as cursor:
                    await cursor.executemany(_MARK_RESENT_PG, resent)
            except Exception as exc:
                self._log_error("re-sends not counted: %s", exc)

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.close()
            except Exception:   # gone already
                pass
