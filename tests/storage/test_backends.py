"""The same storage interface on SQLite and on a real PostgreSQL server: the
same answers, the same schema version, nothing stored twice by writers that
share one database, 64-bit ids, and a database password that never shows."""
from __future__ import annotations

import sys

import orjson
import pytest

from receiver.classin import push_record
from simulator.school import generate_day
from storage.backends import backend_for
from storage.db import SCHEMA_VERSION, open_database
from storage.derived import DERIVED_MODELS, rebuild
from storage.dburl import DbUrl, mask_urls
from storage.history import device_checks, lesson_summary, lessons_between
from storage.queries import iter_pushes
from storage.writer import Writer

from ..helpers import SECRET, SID, db_rows, fixture, fixture_names, fixture_variant, run_cli, store_directly

FIRST_DAY = 1_767_225_600


def _day_bodies() -> list[tuple[float, dict]]:
    day = generate_day(SID, SECRET, lessons=3, students=4, seed=7, start=FIRST_DAY + 9 * 3600)
    bodies = [(float(p.at) + 1, p.body) for p in day.pushes]
    bodies += [(1_747_300_000.0 + n, fixture(name)) for n, name in enumerate(fixture_names())]
    return bodies


def _answers(where) -> dict:
    db = open_database(where)
    try:
        lessons = lessons_between(limit=100)
        return {
            "lessons": [{k: v for k, v in row.items()} for row in lessons],
            "summaries": {row["class_id"]: lesson_summary(row["class_id"], now=FIRST_DAY + 2 * 86400)
                          for row in lessons},
            "checks": len(device_checks(limit=10_000)),
            "pushes": [(row.received_at, row.payload) for row in iter_pushes()],
        }
    finally:
        db.close()


def test_the_same_history_gives_the_same_answers_on_both(pg_server, tmp_path):
    bodies = _day_bodies()
    sqlite, postgres = DbUrl.sqlite(tmp_path / "a.db"), pg_server.new_database()
    for where in (sqlite, postgres):
        assert store_directly(where, bodies) == len(bodies)
    on_sqlite, on_postgres = _answers(sqlite), _answers(postgres)
    assert on_sqlite["summaries"] and on_sqlite["checks"]
    assert on_postgres == on_sqlite

    # Derived tables rebuilt from the raw pushes are what the live projection made.
    def derived(where):
        return {m._meta.table_name: db_rows(where, f"SELECT * FROM {m._meta.table_name} ORDER BY 1")
                for m in DERIVED_MODELS}
    before = derived(postgres)
    db = open_database(postgres)
    try:
        assert rebuild(db) > 0
    finally:
        db.close()
    assert derived(postgres) == before == derived(sqlite)


def test_schema_version_and_reopening(store):
    for _ in range(2):    # the second open finds the schema current and changes nothing
        open_database(store).close()
    assert db_rows(store, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


def test_classin_ids_beyond_32_bits_are_kept(store):
    open_database(store).close()
    big = 2 ** 53 + 1
    payload = {"SID": big, "ClassID": big, "Cmd": "Net", "UID": big, "ActionTime": 1_747_185_000, "_id": "big"}
    writer = Writer(store)
    writer.start()
    try:
        assert not writer.submit(push_record(payload, orjson.dumps(payload).decode(), 1.5)).result().duplicate
    finally:
        writer.stop()
    assert db_rows(store, "SELECT sid, class_id, uid, received_at FROM push") == [(big, big, big, 1.5)]


def test_writers_sharing_one_store_never_store_a_push_twice(store):
    """Two receivers behind one URL: each push, sent to both at once, is stored
    by exactly one of them; the other answers it as a duplicate."""
    open_database(store).close()
    records = []
    for n in range(400):
        payload = {"SID": SID, "ClassID": 1, "Cmd": "Net", "UID": n, "_id": f"p{n}"}
        records.append(push_record(payload, orjson.dumps(payload).decode(), 1000.0 + n))
    writers = [Writer(store), Writer(store)]
    for w in writers:
        w.start()
    try:
        futures = [(w.submit(r)) for r in records for w in writers]
        results = [f.result(30) for f in futures]
    finally:
        for w in writers:
            w.stop()
    stored = [r for r in results if not r.duplicate]
    assert len(stored) == len(records) and len(results) - len(stored) == len(records)
    assert db_rows(store, "SELECT COUNT(*), COUNT(DISTINCT dedupe_key) FROM push") == [(400, 400)]


def test_what_one_pass_of_the_loop_stores_commits_as_one_batch_even_when_stopped_then(store):
    """Each store() of a pass waits in one list handed to the writer at the end
    of the pass (one wake-up of its thread); a stop() in that same pass commits
    them too: no waiter is left hanging."""
    import asyncio
    open_database(store).close()

    def record(n: int):
        payload = {"SID": SID, "ClassID": 1, "Cmd": "Net", "UID": n, "_id": f"pass{n}"}
        return push_record(payload, orjson.dumps(payload).decode(), 1000.0 + n)

    async def scenario(writer: Writer) -> tuple[list, list]:
        together = await asyncio.gather(*(writer.store(record(n)) for n in range(50)))
        batches = writer.batches
        last = [asyncio.ensure_future(writer.store(record(n))) for n in range(50, 60)]
        await asyncio.sleep(0)        # each task ran up to its wait; the pass's list is not handed over
        writer.stop()
        return [batches] + together, await asyncio.wait_for(asyncio.gather(*last), 10)

    writer = Writer(store)
    writer.start()
    try:
        (batches, *together), last = asyncio.run(scenario(writer))
    finally:
        writer.stop()
    assert batches == 1 and len({s.push_id for s in together}) == 50
    assert all(not s.duplicate for s in together + last)
    assert db_rows(store, "SELECT COUNT(*) FROM push") == [(60,)]

def test_a_waiter_that_gave_up_costs_the_writer_nothing(store):
    """A job whose waiter cancelled it (asyncio.wrap_future under a timeout)
    still runs; the writer goes on with the pushes after it."""
    import threading
    open_database(store).close()
    writer = Writer(store)
    writer.start()
    try:
        release = threading.Event()
        holding = writer.submit(lambda conn: release.wait(10))
        given_up = writer.submit(lambda conn: conn.execute("SELECT 1").fetchone()[0])
        assert given_up.cancel()
        release.set()
        assert holding.result(10) is True
        payload = {"SID": SID, "ClassID": 1, "Cmd": "Net", "UID": 1, "_id": "after-cancel"}
        assert not writer.submit(push_record(payload, orjson.dumps(payload).decode(), 1.0)).result(10).duplicate
    finally:
        writer.stop()
    assert db_rows(store, "SELECT COUNT(*) FROM push") == [(1,)]

@pytest.mark.slow
def test_receivers_starting_together_on_postgresql_create_the_schema_once(pg_server, tmp_path):
    """Processes opening one new database at once (each migrates it under an
    advisory lock): one creates the schema, none fails."""
    import subprocess

    from ..helpers import ROOT
    store = pg_server.new_database()
    procs = [subprocess.Popen([sys.executable, str(ROOT / "main.py"), "events", "--db", store.url,
                               "--data-dir", str(tmp_path / f"d{n}")], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT) for n in range(4)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert db_rows(store, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(SCHEMA_VERSION),)]


# -- the password never shows -------------------------------------------------------------
def test_mask_urls_hides_passwords_in_any_text():
    text = "cannot use postgresql://desk:s3cr%40t@db.example:5432/cw and password=hunter2 here"
    masked = mask_urls(text)
    assert "s3cr" not in masked and "hunter2" not in masked
    assert "postgresql://desk:***@db.example:5432/cw" in masked
    url = DbUrl.parse("postgresql://desk:s3cr%40t@db.example:5432/cw")
    assert url.password == "s3cr@t" and "s3cr" not in f"{url} {url!r}"


@pytest.mark.slow
def test_a_wrong_password_is_one_clear_line(pg_server, tmp_path):
    wrong = pg_server.url("postgres", password="not-the-Password-42")
    result = run_cli("events", "--db", wrong.url, data_dir=tmp_path / "d")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "password authentication failed" in lines[0], result.stderr
    assert "not-the-Password-42" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    log = (tmp_path / "d" / "classwatch.log").read_text(encoding="utf-8")
    assert "not-the-Password-42" not in log


@pytest.mark.slow
def test_argparse_errors_and_tracebacks_mask_the_url(pg_server, tmp_path):
    url = pg_server.new_database()
    password = url.password
    bad = run_cli("events", url.url, data_dir=tmp_path / "d")    # argparse repeats the stray URL
    assert bad.returncode == 2 and password not in bad.stderr and "***" in bad.stderr
    bad_url = run_cli("events", "--db", f"mysql://u:{password}@h/x", data_dir=tmp_path / "d")
    assert bad_url.returncode == 2 and password not in bad_url.stderr
    env_url = run_cli("events", data_dir=tmp_path / "d", env={"CLASSWATCH_DB": url.url})
    assert env_url.returncode == 0, env_url.stderr
    debug = run_cli("--debug", "export", "--class-id", "1", "--db", url.url, data_dir=tmp_path / "d")
    assert debug.returncode == 1 and password not in debug.stderr + debug.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="uses the POSIX test server")
def test_sqlite_url_forms(tmp_path):
    assert DbUrl.parse(f"sqlite:///{tmp_path}/x.db").path == tmp_path / "x.db"
    assert DbUrl.parse("sqlite:///rel/x.db").path.as_posix() == "rel/x.db"


def test_a_failing_projection_or_job_costs_the_pushes_of_its_batch_nothing(store):
    """PostgreSQL pipelines a batch's statements: an error must still surface
    where its savepoint can undo it, not at COMMIT."""
    from storage.derived import Projector
    open_database(store).close()
    conn = backend_for(store).connect()
    conn.execute("DROP TABLE net_sample")        # e.g. a damaged index table
    conn.close()
    writer = Writer(store, projector=Projector(store))
    writer.start()
    try:
        net = fixture("Net.json")
        pushed = writer.submit(push_record(net, orjson.dumps(net).decode(), 5.0))
        failing = writer.submit(lambda conn: conn.execute("SELECT * FROM no_such_table").fetchall())
        assert not pushed.result(30).duplicate
        with pytest.raises(Exception, match="no_such_table"):
            failing.result(30)
        after = fixture("inclass_enter.json")
        assert not writer.submit(push_record(after, orjson.dumps(after).decode(), 6.0)).result(30).duplicate
    finally:
        writer.stop()
    assert [cmd for (cmd,) in db_rows(store, "SELECT cmd FROM push ORDER BY id")] == ["Net", "67371107"]


def test_rows_inserted_each_or_in_one_statement_say_the_same_on_both(store):
    """Conn.insert_each / insert_ignoring: one statement per 512 rows on
    PostgreSQL (its own $n placeholders), a literal % kept as it is."""
    open_database(store).close()
    conn = backend_for(store).connect()
    try:
        conn.execute("BEGIN")
        conn.insert_each("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                         " SET value = excluded.value || '%'", [(f"k{n}", str(n)) for n in range(1200)])
        conn.insert_each("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE"
                         " SET value = excluded.value || '%'", [("k5", "five")])
        conn.insert_ignoring("meta", ("key", "value"), [("k1", "other"), ("new", "1")])
        conn.execute("COMMIT")
        rows = dict(conn.execute("SELECT key, value FROM meta WHERE key LIKE 'k%' OR key = 'new'").fetchall())
    finally:
        conn.close()
    assert len(rows) == 1201
    assert (rows["k1"], rows["k5"], rows["k1199"], rows["new"]) == ("1", "five%", "1199", "1")


def test_a_failing_projection_in_a_batch_of_pushes_alone_costs_none_of_them(store):
    """No job in the batch: on PostgreSQL its statements are pipelined, and the
    projection's error answers at its savepoint's sync, not at COMMIT."""
    from storage.derived import Projector
    open_database(store).close()
    conn = backend_for(store).connect()
    conn.execute("DROP TABLE net_sample")
    conn.close()
    writer = Writer(store, projector=Projector(store))
    writer.start()
    try:
        nets = [fixture_variant("Net.json", action_time=1_747_300_000 + n) for n in range(3)]
        futures = [writer.submit(push_record(net, orjson.dumps(net).decode(), 5.0 + n))
                   for n, net in enumerate(nets)]
        assert [f.result(30).duplicate for f in futures] == [False] * 3
    finally:
        writer.stop()
    assert db_rows(store, "SELECT COUNT(*) FROM push") == [(3,)]


def test_a_statement_failing_before_the_projection_fails_its_batch_alone(pg_server):
    """Pipelined, the quarantine UPDATE's error answers inside the projection's
    try: it must fail the batch (never an ack), not pass for a projection failure."""
    from storage.derived import Projector
    from storage.writer import QuarantineRecord, StorageError
    store = pg_server.new_database()
    open_database(store).close()
    poisoned, fine = (fixture_variant("Net.json", action_time=1_747_300_000 + n) for n in range(2))
    record = push_record(poisoned, orjson.dumps(poisoned).decode(), 5.0)
    writer = Writer(store, projector=Projector(store))
    writer.start()
    try:
        writer.submit(QuarantineRecord(qkey=record.qkey, received_at=4.0, source="classin", reason_code="bad_key",
                                       reason="wrong SafeKey", sid=SID, cmd="Net", class_id=None, size=2,
                                       body=b"{}", remote=None)).result(30)
        conn = backend_for(store).connect()
        conn.raw.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS"
                         " $$ BEGIN RAISE EXCEPTION 'refused by a trigger'; END $$")
        conn.raw.execute("CREATE TRIGGER refuse BEFORE UPDATE ON quarantine FOR EACH ROW EXECUTE FUNCTION refuse()")
        conn.close()
        with pytest.raises(StorageError, match="refused by a trigger"):
            writer.submit(record).result(30)
        assert not writer.submit(push_record(fine, orjson.dumps(fine).decode(), 6.0)).result(30).duplicate
    finally:
        writer.stop()
    assert db_rows(store, "SELECT action_time FROM push") == [(1_747_300_001,)]


@pytest.mark.slow
def test_export_and_events_say_the_same_on_both(pg_server, tmp_path):
    """The outside view: `export` and `events` print the same on SQLite and PostgreSQL."""
    bodies = [(1_747_300_000.0 + n, fixture(name)) for n, name in enumerate(fixture_names())]
    outputs = []
    for where in (DbUrl.sqlite(tmp_path / "a.db"), pg_server.new_database()):
        store_directly(where, bodies)
        export = run_cli("export", "--class-id", "508113967", "--db", where.url, data_dir=tmp_path / "d")
        events = run_cli("events", "--db", where.url, data_dir=tmp_path / "d")
        assert export.returncode == 0 and events.returncode == 0, export.stderr + events.stderr
        outputs.append((orjson.loads(export.stdout), events.stdout.splitlines()))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][1]) == len(bodies)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
async def test_two_serve_processes_on_one_database_store_each_push_once(pg_server, tmp_path):
    """Two receivers behind one URL: ClassIn's push (and its re-send) may reach
    either; both ack, the database holds it once."""
    import asyncio

    import aiohttp

    from protocol.classin import is_ack
    from storage.config import ConfigStore

    from ..helpers import ServeProcess, new_push
    store = pg_server.new_database()
    env = {"CLASSWATCH_DB": store.url}
    serves = []
    for name in ("a", "b"):
        data_dir = tmp_path / name
        data_dir.mkdir()
        ConfigStore(data_dir).add_school(SID, SECRET, "Team School")
        serves.append(ServeProcess(data_dir, env=env))
    pushes = [new_push("Net", UID=n) for n in range(150)]
    try:
        async with aiohttp.ClientSession() as http:
            async def send(url, push):
                async with http.post(url + "/classin", data=orjson.dumps(push)) as resp:
                    return resp.status == 200 and is_ack(await resp.read())
            answers = await asyncio.gather(*(send(serve.url, push) for push in pushes for serve in serves))
        assert all(answers)
    finally:
        for serve in serves:
            assert serve.stop() == 0
    assert db_rows(store, "SELECT COUNT(*), SUM(resends) FROM push") == [(150, 150)]
