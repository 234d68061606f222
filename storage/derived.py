"""Derived tables: indexes over the raw pushes for history, charts and search.

Filled by `Projector` in the writer thread, after the acks (see there), and
rebuilt from scratch by `rebuild()`: a parser fix never needs ClassIn to
re-send anything. A failure here is logged and never touches the raw pushes.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterable, Mapping

import orjson
from peewee import FloatField, IntegerField, TextField, fn

from lessons.events import (CourseInfoChanged, DeviceCheckReport, Enter, Event, LessonEnd, LessonInfoChanged,
                            NetReport, PhoneChanged, StudentsChanged, parse)

from lessons.diagnostics import DEFAULT_THRESHOLDS, Thresholds
from protocol.classin import BOOKING_CMDS, CMD_ENTER

from . import db as dbmod
from .backends import PUSH_CHANNEL, Conn, backend_for
from .models import BaseModel, Push

log = logging.getLogger(__name__)


class LessonIndex(BaseModel):
    class_id = IntegerField(primary_key=True)
    sid = IntegerField(null=True)
    course_id = IntegerField(null=True)
    class_name = TextField(null=True)
    course_name = TextField(null=True)
    teacher_name = TextField(null=True)
    planned_start = IntegerField(null=True)
    planned_end = IntegerField(null=True)
    start_time = IntegerField(null=True)
    close_time = IntegerField(null=True)
    end_time = IntegerField(null=True)
    first_activity = IntegerField(null=True)
    last_activity = IntegerField(null=True)
    has_end = IntegerField(default=0)
    participants = IntegerField(null=True)      # from End (people who entered)

    class Meta:
        table_name = "lesson_index"
        indexes = ((("first_activity",), False), (("sid", "first_activity"), False),
                   (("planned_start",), False))


class NetSampleRow(BaseModel):
    push_id = IntegerField(unique=True)
    sid = IntegerField(null=True)
    class_id = IntegerField(null=True)
    uid = IntegerField(null=True)
    time = IntegerField()
    good = FloatField(null=True)
    normal = FloatField(null=True)
    bad = FloatField(null=True)
    poor = FloatField(null=True)
    not_reach = FloatField(null=True)
    avg_delay_ms = FloatField(null=True)
    loss_percent = FloatField(null=True)
    cpu_low = FloatField(null=True)
    cpu_medium = FloatField(null=True)
    cpu_high = FloatField(null=True)
    cpu_busy = FloatField(null=True)
    socket = TextField(null=True)
    problems = TextField(default="")

    class Meta:
        table_name = "net_sample"
        # (time): the school-wide trend chart over a time range.
        indexes = ((("class_id", "time"), False), (("uid", "time"), False), (("time",), False))


class DeviceCheckRow(BaseModel):
    push_id = IntegerField(unique=True)
    sid = IntegerField(null=True)
    class_id = IntegerField(null=True)
    uid = IntegerField(null=True)
    kind = TextField()                  # in-class | out-of-class
    time = IntegerField()
    has_problem = IntegerField()
    problems = TextField(default="")
    operating_system = TextField(null=True)
    cpu = TextField(null=True)
    client_version = TextField(null=True)
    device_type = IntegerField(null=True)
    microphone = TextField(null=True)   # ok | problem | not-tested | unknown
    speaker = TextField(null=True)
    camera = TextField(null=True)
    delay_ms = FloatField(null=True)
    loss_percent = FloatField(null=True)
    ip = TextField(null=True)

    class Meta:
        table_name = "device_check"
        indexes = ((("uid", "time"), False), (("has_problem", "time"), False), (("time",), False))


class UserRow(BaseModel):
    uid = IntegerField(primary_key=True)
    sid = IntegerField(null=True)
    name = TextField(null=True)         # the school's name from schedule sync
    nickname = TextField(null=True)
    phone = TextField(null=True)
    email = TextField(null=True)
    identity = IntegerField(null=True)
    last_seen = IntegerField(null=True)

    class Meta:
        table_name = "user_directory"
        indexes = ((("name",), False), (("phone",), False), (("nickname",), False))


class CoursePushRow(BaseModel):
    """Course-level schedule pushes (course info, course roster) by course: a
    lesson's summary needs its course's names, and looking them up here reads
    a handful of rows instead of every course push of the year."""
    push_id = IntegerField(primary_key=True)
    course_id = IntegerField(index=True)

    class Meta:
        table_name = "course_push"


class LessonPushRow(BaseModel):
    """Pushes whose lesson only parsing tells (an LMS score given in a lesson
    carries `Data.ClassId`, so the push's class_id column is empty): a
    lesson's export and History find them here."""
    push_id = IntegerField(primary_key=True)
    class_id = IntegerField(index=True)

    class Meta:
        table_name = "lesson_push"


DERIVED_MODELS = [LessonIndex, NetSampleRow, DeviceCheckRow, UserRow, CoursePushRow, LessonPushRow]


# lessons_between filters and sorts on this expression (a lesson never entered has
# only its planned start); SQLite uses an index on an expression only when the
# query repeats the same expression, so both use this one definition.
LESSON_WHEN_SQL = "coalesce(first_activity, planned_start)"
_EXPRESSION_INDEXES = (
    f"CREATE INDEX IF NOT EXISTS lesson_index_when ON lesson_index({LESSON_WHEN_SQL})",
    f"CREATE INDEX IF NOT EXISTS lesson_index_sid_when ON lesson_index(sid, {LESSON_WHEN_SQL})",
)


def _create(db) -> None:
    db.create_tables(DERIVED_MODELS, safe=True)
    for sql in _EXPRESSION_INDEXES:
        db.execute_sql(sql)


def _setup(db) -> None:
    # Derived tables are not versioned: IF NOT EXISTS brings an older file's
    # tables and indexes up to date on open, and `rebuild` recreates them whole.
    # A table added later is filled from the pushes stored before it existed.
    new_course_push = not db.table_exists(CoursePushRow._meta.table_name)
    new_lesson_push = not db.table_exists(LessonPushRow._meta.table_name)
    _create(db)
    if new_course_push:
        with db.atomic():
            _fill(db, Push.cmd.in_(COURSE_CONTEXT_CMDS))
    if new_lesson_push:
        with db.atomic():
            _fill(db, Push.cmd.in_(INNER_LESSON_CMDS) & Push.class_id.is_null())


def _fill(db, which) -> None:
    conn = db.conn()
    rows = (Push.select(Push.id, Push.received_at, Push.payload, Push.cmd, Push.sid, Push.class_id,
                        Push.action_time).where(which & (Push.source == "classin")).tuples().iterator())
    project_rows(conn, rows)


dbmod.DERIVED_SETUP.append(_setup)


# -- projection ----------------------------------------------------------------------
_TOUCH_LESSON = (
    "INSERT INTO lesson_index(class_id, sid, course_id, first_activity, last_activity, has_end)"
    " VALUES (?,?,?,?,?,0) ON CONFLICT(class_id) DO UPDATE SET"
    " sid=coalesce(lesson_index.sid, excluded.sid), course_id=coalesce(lesson_index.course_id, excluded.course_id),"
    # Both sides coalesced: SQLite's LEAST/GREATEST (its min()/max()) return NULL when
    # either argument is NULL, and a schedule edit (no activity time) must not wipe them.
    " first_activity=LEAST(coalesce(lesson_index.first_activity, excluded.first_activity),"
    " coalesce(excluded.first_activity, lesson_index.first_activity)),"
    " last_activity=GREATEST(coalesce(lesson_index.last_activity, excluded.last_activity),"
    " coalesce(excluded.last_activity, lesson_index.last_activity))")
_NET_COLUMNS = ("push_id", "sid", "class_id", "uid", "time", "good", "normal", "bad", "poor", "not_reach",
                "avg_delay_ms", "loss_percent", "cpu_low", "cpu_medium", "cpu_high", "cpu_busy", "socket", "problems")
_CHECK_COLUMNS = ("push_id", "sid", "class_id", "uid", "kind", "time", "has_problem", "problems",
                  "operating_system", "cpu", "client_version", "device_type", "microphone", "speaker", "camera",
                  "delay_ms", "loss_percent", "ip")
_INSERT_COURSE_PUSH = "INSERT INTO course_push(push_id, course_id) VALUES (?,?) ON CONFLICT DO NOTHING"
_INSERT_LESSON_PUSH = "INSERT INTO lesson_push(push_id, class_id) VALUES (?,?) ON CONFLICT DO NOTHING"
# Pushes that may name their lesson inside `Data` only (LessonPushRow).
INNER_LESSON_CMDS = ("ExamScore", "AnswerSheetScore", "HomeworkScore", "HomeworkSubmit", "DiscussionChangeInfo")
# The pushes CoursePushRow holds (CourseInfoChanged, course-level StudentsChanged).
COURSE_CONTEXT_CMDS = ("eeoCourseStudentChange", "eeoCourseInfoChange")
_UPSERT_USER = (
    "INSERT INTO user_directory(uid, sid, name, nickname, phone, email, identity, last_seen)"
    " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(uid) DO UPDATE SET"
    " sid=coalesce(excluded.sid, user_directory.sid), name=coalesce(excluded.name, user_directory.name),"
    " nickname=coalesce(excluded.nickname, user_directory.nickname),"
    " phone=coalesce(excluded.phone, user_directory.phone), email=coalesce(excluded.email, user_directory.email),"
    " identity=coalesce(excluded.identity, user_directory.identity),"
    " last_seen=GREATEST(coalesce(user_directory.last_seen, 0), coalesce(excluded.last_seen, 0))")


class _Batch:
    """The derived rows of one slice of pushes, written with one statement per
    table at the end: a slice is mostly the same few lessons touched again and
    again and Net reports, and a statement per push cost as much as parsing it."""

    def __init__(self, conn: Conn):
        self.conn = conn
        self.lessons: dict[int, list] = {}     # class_id -> [sid, course_id, first, last activity]
        self.net: list[tuple] = []
        self.checks: list[tuple] = []
        self.users: dict[int, list] = {}       # uid -> its _UPSERT_USER row, merged

    def touch(self, class_id: int, sid: int | None, course_id: int | None, when: int | None) -> None:
        # The same merge _TOUCH_LESSON does with the stored row: first known
        # sid/course win, activity widens.
        _check_row((class_id, sid, course_id, when))
        known = self.lessons.get(class_id)
        if known is None:
            self.lessons[class_id] = [sid, course_id, when, when]
            return
        if known[0] is None:
            known[0] = sid
        if known[1] is None:
            known[1] = course_id
        if when is not None:
            known[2] = when if known[2] is None else min(known[2], when)
            known[3] = when if known[3] is None else max(known[3], when)

    def user(self, uid, sid, name, nickname, phone, email, identity, last_seen) -> None:
        # The person's pushes of one slice as one row, merged as their upserts one
        # after the other would be: a value wins over None, the latest time seen.
        # A statement per push was 40 % of a slice's write transaction.
        row = list(_check_row((uid, sid, name, nickname, phone, email, identity, last_seen)))
        known = self.users.get(uid)
        if known is None:
            self.users[uid] = row
            return
        for i in range(1, 7):
            if row[i] is not None:
                known[i] = row[i]
        known[7] = max(known[7] or 0, last_seen or 0)   # _UPSERT_USER's GREATEST of coalesced times

    def write(self) -> None:
        """Write what is pending; before any statement that needs a lesson's row."""
        if self.lessons:
            # In id order: two receivers on one PostgreSQL lock shared lessons in
            # the same order, so their transactions wait for each other, never deadlock.
            self.conn.insert_each(_TOUCH_LESSON, [(cid, *v) for cid, v in sorted(self.lessons.items())])
            self.lessons.clear()
        if self.net:
            self.conn.insert_ignoring("net_sample", _NET_COLUMNS, self.net)
            self.net.clear()
        if self.checks:
            self.conn.insert_ignoring("device_check", _CHECK_COLUMNS, self.checks)
            self.checks.clear()
        if self.users:   # in uid order, as the lessons
            self.conn.insert_each(_UPSERT_USER, [row for _, row in sorted(self.users.items())])
            self.users.clear()


def _lesson_schedule(batch: _Batch, e: LessonInfoChanged) -> None:
    fields = {"class_name": e.class_name, "course_name": e.course_name,
              "planned_start": e.begin_time, "planned_end": e.end_time,
              "teacher_name": e.teacher.name if e.teacher is not None else None}
    changed = {k: v for k, v in fields.items() if v is not None}
    if changed:
        batch.write()
        sets = ", ".join(f"{k}=?" for k in changed)
        batch.conn.execute(f"UPDATE lesson_index SET {sets} WHERE class_id=?", (*changed.values(), e.class_id))


_INT64 = (-2**63, 2**63 - 1)


def _check_row(row: tuple) -> tuple:
    """A row buffered for a later statement must bind: one value beyond SQL's
    64-bit integers (a forged `"ClassID": 1e300`) would fail the statement
    and every push of the slice with it. Raised here, it fails its push alone."""
    for value in row:
        if type(value) is int and not _INT64[0] <= value <= _INT64[1]:
            raise OverflowError(f"{value!r:.40} is out of range for a database integer")
    return row


def project(batch: _Batch, push_id: int, event: Event) -> None:
    """One event into the derived tables (inside the caller's transaction)."""
    conn = batch.conn
    if event.class_id is not None and not isinstance(event, (StudentsChanged,)):
        active = None if isinstance(event, LessonInfoChanged) else event.time
        batch.touch(event.class_id, event.sid, event.course_id, active)
    if isinstance(event, NetReport):
        s, q, c = event.sample, event.sample.quality, event.sample.cpu
        batch.net.append(_check_row((
            push_id, event.sid, event.class_id, event.uid, s.time,
            q.good if q else None, q.normal if q else None, q.bad if q else None,
            q.poor if q else None, q.not_reach if q else None, s.avg_delay_ms, s.loss_percent,
            c.low if c else None, c.medium if c else None, c.high if c else None, c.busy if c else None,
            s.socket, "\n".join(s.problems))))
    elif isinstance(event, DeviceCheckReport):
        k = event.check
        batch.checks.append(_check_row((
            push_id, event.sid, event.class_id if k.kind == "in-class" else None, event.uid, k.kind,
            k.time, int(k.has_problem), "\n".join(k.problems), k.operating_system, k.cpu, k.client_version,
            k.device_type, k.microphone.state, k.speaker.state, k.camera.state, k.delay_ms,
            k.loss_percent, k.ip)))
    elif isinstance(event, Enter) and event.uid is not None:
        batch.user(event.uid, event.sid, None, event.nickname, event.login_mobile or None,
                   event.login_email or None, event.identity, event.time)
    elif isinstance(event, StudentsChanged):
        for person in event.students:
            if person.uid is not None:
                batch.user(person.uid, event.sid, person.name, None, None, None, None, None)
        if not event.lesson and event.course_id is not None:
            conn.execute(_INSERT_COURSE_PUSH, (push_id, event.course_id))
    elif isinstance(event, PhoneChanged) and event.uid is not None:
        batch.user(event.uid, event.sid, None, None, event.telephone, event.email, None, None)
    elif isinstance(event, CourseInfoChanged) and event.course_id is not None:
        conn.execute(_INSERT_COURSE_PUSH, (push_id, event.course_id))
    elif isinstance(event, LessonInfoChanged) and event.class_id is not None:
        _lesson_schedule(batch, event)
        if event.teacher is not None and event.teacher.uid is not None:
            batch.user(event.teacher.uid, event.sid, event.teacher.name, None, None, None, 3, None)
    elif isinstance(event, LessonEnd) and event.class_id is not None:
        batch.write()
        conn.execute("UPDATE lesson_index SET start_time=?, close_time=?, end_time=?, has_end=1,"
                     " participants=? WHERE class_id=?",
                     (event.start_time, event.close_time, event.end_time, len(event.users), event.class_id))


WATERMARK = "projected_through"   # meta key: the last push id the derived tables include
# Never backwards: receivers sharing one database commit their batches in any order.
_SET_WATERMARK = (f"INSERT INTO meta(key, value) VALUES('{WATERMARK}', ?) ON CONFLICT(key) DO UPDATE"
                  " SET value = CAST(GREATEST(CAST(meta.value AS BIGINT), CAST(excluded.value AS BIGINT)) AS TEXT)")

def mark_projected(conn: Conn, push_id: int) -> None:
    """The derived tables include every push up to `push_id` (in the caller's transaction)."""
    conn.execute(_SET_WATERMARK, (str(push_id),))


# Cmds whose derived rows need the parsed event. Every other push only marks
# its lesson's activity, which the raw columns tell without parsing it (most
# of a classroom's traffic: board, stage, mute, exits, images ...).
_PARSED_CMDS = frozenset({"Net", "Check", "UserCheck", str(CMD_ENTER), "End", "ReplacePhoneNumber",
                          "eeoCourseInfoChange", "eeoClassInfoChange", "eeoCourseStudentChange",
                          "eeoClassStudentChange", *INNER_LESSON_CMDS})
# push columns a projection needs, in the order project_rows takes them
ROW_COLUMNS = "id, received_at, payload, cmd, sid, class_id, action_time"
Row = tuple[int, float, str, "str | None", "int | None", "int | None", "int | None"]
# PostgreSQL's projection queue (models.Unprojected): filled in the pushes'
# transaction, taken oldest first. One taker at a time for the whole team (a
# transaction-level advisory lock; the others skip their turn): the derived
# rows follow the pushes in order, and two takers never wait on each other's
# rows. A taker killed midway leaves its pushes queued (its transaction is undone).
_QUEUE = "INSERT INTO unprojected(push_id) SELECT unnest(?::bigint[])"
# The same beside the INSERT of a batch's pushes (storage.writer): its new ones, `stored` (id, source).
QUEUE_STORED = "INSERT INTO unprojected(push_id) SELECT id FROM stored WHERE source = 'classin'"
TAKER_LOCK = 0x436C5764     # any number unlike the migration's and the chat voice's
_QUEUED_ROWS = (f"SELECT {ROW_COLUMNS} FROM push JOIN (SELECT push_id FROM unprojected ORDER BY push_id"
                " LIMIT ?) q ON push.id = q.push_id ORDER BY push.id")
# = ANY(?): an index look-up per id; IN (subquery) let the planner scan the
# whole table, dead rows included (a queue leaves one per push taken).
_DEQUEUE = "DELETE FROM unprojected WHERE push_id = ANY(?) RETURNING push_id"


def project_rows(conn: Conn, rows: Iterable[Row], failed: list[int] | None = None,
                 limits: Thresholds = DEFAULT_THRESHOLDS, events: Mapping[int, Event] | None = None,
                 parsed: dict[int, tuple[dict, Event]] | None = None) -> int:
    """Stored ClassIn pushes into the derived tables (inside the caller's
    transaction); the one path for live projection, catch-up and rebuild.
    A push whose projection fails is skipped (its id added to `failed`): the
    raw push stays, and its values never reach a statement of the others.
    `limits`: the user's thresholds, which decide a sample's or check's problems.
    `events`: pushes the receiver parsed already, by id (parsed here otherwise).
    `parsed`: where to leave the (payload, event) of each push parsed here."""
    count = 0
    batch = _Batch(conn)
    for push_id, received_at, text, cmd, sid, class_id, action_time in rows:
        count += 1
        if cmd in _PARSED_CMDS:
            event = events.get(push_id) if events else None
            if event is None:
                try:
                    payload = orjson.loads(text)
                except orjson.JSONDecodeError:
                    continue
                if not isinstance(payload, dict):
                    continue
            try:
                if event is None:
                    event = parse(payload, received_at, limits)
                    if parsed is not None:
                        parsed[push_id] = (payload, event)
                project(batch, push_id, event)
                if class_id is None and event.class_id is not None:
                    conn.execute(_INSERT_LESSON_PUSH, (push_id, event.class_id))
            except Exception as exc:   # hostile values: every field of a push is forgeable
                if failed is not None:
                    failed.append(push_id)
                log.warning("push %s left out of the derived tables: %s: %s",
                            push_id, type(exc).__name__, str(exc)[:200])
        elif class_id is not None:
            when = action_time if action_time is not None else int(received_at)
            batch.touch(class_id, sid, None, None if cmd in BOOKING_CMDS else when)
    batch.write()
    return count


class Projector:
    """Derived rows for the pushes the Writer stores.

    On SQLite (one writer) they follow the acks in a transaction of their own
    (`write`), batched by the Writer: a push's commit then holds only what its
    ack promises, and the derived index pages of many batches reach the disk
    once. The durable cursor (meta WATERMARK, committed with the rows) says
    how far they are, and `catch_up` at the next start projects what a kill
    left behind. The core tells the views of a push only once its derived
    rows are committed (Writer.unprojected_from), so a view reading them finds it.
    Where several receivers share one store (PostgreSQL) a single cursor cannot
    tell whose pushes are projected. There a split `serve`'s receiving process
    queues its pushes (`queue`, in their transaction) and a core takes them
    from the queue (`take`, one taker at a time, their rows in its
    transaction): the ack waits for no projection, and a kill of either loses
    nothing. Followers (storage.follow) see a push only once its rows are
    made. A receiver that is its own core (a desk with a port) commits each
    batch's rows with the batch (`within`, under a savepoint), and takes
    what is queued too. A projection failure is logged and
    never costs a push; `rebuild` recovers it."""

    def __init__(self, where, limits: Callable[[], Thresholds] = lambda: DEFAULT_THRESHOLDS):
        self.backend = backend_for(where)
        self.limits = limits     # the user's thresholds as they are now (they may change in Settings)

    def write(self, conn: Conn, pushes: Iterable[tuple[Any, Any]]) -> None:
        """The derived rows of (storage.writer.PushRecord, Stored) pairs of new
        rows, in id order, and the cursor past them (in the caller's transaction)."""
        rows, events = [], {}
        for record, stored in pushes:
            if record.source != "classin":
                continue
            rows.append((stored.push_id, record.received_at, record.payload, record.cmd,
                         record.sid, record.class_id, record.action_time))
            if record.event is not None:
                events[stored.push_id] = record.event
        if rows:
            project_rows(conn, rows, limits=self.limits(), events=events)
            conn.execute(_SET_WATERMARK, (str(rows[-1][0]),))

    def write_each(self, conn: Conn, pushes: list[tuple[Any, Any]]) -> int:
        """`write`, each push under its own savepoint: when a run failed as a
        whole (a damaged table), what can be projected still is. Returns how
        many pushes were left out."""
        left_out = 0
        for push in pushes:
            conn.execute("SAVEPOINT derive")
            try:
                self.write(conn, [push])
            except Exception:
                conn.execute("ROLLBACK TO derive")
                left_out += 1
            conn.execute("RELEASE derive")
        return left_out

    def within(self, conn: Conn, pushes: list[tuple[Any, Any]]) -> None:
        """`write` inside the batch's own transaction, rolled back alone when it fails."""
        if not pushes:
            return
        conn.execute("SAVEPOINT derive")
        try:
            self.write(conn, pushes)
            conn.sync()   # pipelined: a failing statement answers here, while the savepoint can take it back
        except Exception as exc:
            conn.sync(raising=False)   # pipelined: an error at a fetch left the rest unsent until a sync
            conn.execute("ROLLBACK TO derive")
            try:
                conn.sync()
            except Exception:   # no savepoint: the error came from before it, the batch's own
                raise exc from None
            log.exception("updating the derived tables failed (python main.py rebuild redoes them)")
        conn.execute("RELEASE derive")

    @staticmethod
    def queue(conn: Conn, pushes: list[tuple[Any, Any]]) -> bool:
        """PostgreSQL, in the transaction that stores `pushes`: their derived
        rows are a core's to make (`take`). Whether any was queued."""
        ids = [stored.push_id for record, stored in pushes if record.source == "classin"]
        if ids:
            conn.execute(_QUEUE, (ids,))
        return bool(ids)

    @staticmethod
    def queued(conn: Conn, limit: int) -> list[Row]:
        """The `limit` oldest queued pushes (PostgreSQL; outside a transaction)."""
        return conn.execute(_QUEUED_ROWS, (limit,), replan=True).fetchall()

    def statements(self, rows: list[Row]) -> "Recorded":
        """The derived rows of `rows`, made before the transaction that takes
        them: it then holds its locks only while the server writes."""
        recorded = Recorded()
        project_rows(recorded, rows, limits=self.limits(), parsed=recorded.parsed)
        return recorded

    def take(self, conn: Conn, rows: list[Row], made: "Recorded") -> int | None:
        """PostgreSQL, in the caller's transaction: `rows` (queued, `made` their
        statements) out of the queue and into the derived tables, and the
        followers told; how many were still queued. None when another taker is
        at it: its turn, not ours."""
        if not conn.execute("SELECT pg_try_advisory_xact_lock(?)", (TAKER_LOCK,)).fetchone()[0]:
            return None
        taken = {row[0] for row in conn.execute(_DEQUEUE, ([row[0] for row in rows],)).fetchall()}
        if len(taken) < len(rows):   # another taker had some between our read and our turn
            rows = [row for row in rows if row[0] in taken]
            made = self.statements(rows)
        if rows:
            made.apply(conn)
            conn.notify(PUSH_CHANNEL)
        return len(rows)

    @staticmethod
    def leave_out(conn: Conn, push_id: int) -> bool:
        """Push `push_id` out of the queue without its rows (the database
        refuses them); whether it was there."""
        return bool(conn.execute(_DEQUEUE, ([push_id],)).fetchall())

    @staticmethod
    def after_cursor(conn: Conn, limit: int, through: int | None = None) -> list[Row]:
        """The next `limit` stored ClassIn pushes the derived tables do not
        include yet (none past the id `through`, when given)."""
        row = conn.execute("SELECT value FROM meta WHERE key=?", (WATERMARK,)).fetchone()
        bound, args = ("", ()) if through is None else (" AND id <= ?", (through,))
        return conn.execute(f"SELECT {ROW_COLUMNS} FROM push WHERE id > ?{bound} AND source='classin'"
                            " ORDER BY id LIMIT ?", (int(row[0]) if row else 0, *args, limit)).fetchall()

    def project(self, conn: "Conn | Recorded", rows: list[Row], events: Mapping[int, Event] | None = None) -> None:
        """`rows` (after_cursor's) into the derived tables, and the cursor past them."""
        if rows:
            project_rows(conn, rows, limits=self.limits(), events=events)
            conn.execute(_SET_WATERMARK, (str(rows[-1][0]),))

    def prepare(self, rows: list[Row], events: Mapping[int, Event] | None = None) -> "Recorded":
        """`project`'s statements, made now and run later by Recorded.apply."""
        recorded = Recorded()
        self.project(recorded, rows, events)
        return recorded

    def catch_up(self) -> int:
        """Project the pushes stored after the watermark; run before the writer starts."""
        conn = self.backend.connect()
        try:
            done = 0
            while True:
                # Short turns: a split `serve`'s receiving process may be committing pushes meanwhile.
                with self.backend.write_turn():
                    conn.execute(self.backend.BEGIN_WRITE)
                    try:
                        rows = self.after_cursor(conn, 256)
                        self.project(conn, rows)
                        conn.execute("COMMIT")
                    except Exception:
                        conn.execute("ROLLBACK")
                        raise
                if not rows:
                    return done
                done += len(rows)
        finally:
            conn.close()


class Recorded:
    """A projection's statements, made before its write transaction and run
    inside it: the Python that makes them (parsing, building rows) holds no
    write lock, so a receiving process's commits never wait for it. A
    projection only writes, so nothing it does needs an answer."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple]] = []
        self.parsed: dict[int, tuple[dict, Event]] = {}   # push id -> (payload, event) parsed to make them

    def execute(self, sql: str, params=()) -> None:
        self.calls.append(("execute", (sql, params)))

    def executemany(self, sql: str, rows) -> None:
        self.calls.append(("executemany", (sql, list(rows))))

    def insert_ignoring(self, table: str, columns, rows) -> None:
        self.calls.append(("insert_ignoring", (table, columns, list(rows))))

    def insert_each(self, sql: str, rows) -> None:
        self.calls.append(("insert_each", (sql, list(rows))))

    def apply(self, conn: Conn) -> None:
        for name, args in self.calls:
            getattr(conn, name)(*args)


REBUILD_BATCH = 5000      # pushes per transaction of a rebuild (and between two looks at Cancel)


def pushes_to_replay(db) -> int:
    """How many pushes a rebuild replays (its progress bar's end)."""
    return db.conn().execute("SELECT COUNT(*) FROM push WHERE source='classin'").fetchone()[0]


def rebuild(db, progress=None, failed: list[int] | None = None, limits: Thresholds = DEFAULT_THRESHOLDS,
            cancelled: Callable[[], bool] | None = None) -> int:
    """Drop and refill every derived table from the raw pushes (problems judged
    by `limits`, the user's thresholds); returns pushes replayed. The ids of
    pushes that could not be projected go to `failed`. `cancelled()` is asked
    between batches of REBUILD_BATCH (each its own transaction): stopped there, the
    tables hold the pushes up to that batch, the raw pushes are untouched,
    and the next rebuild starts over."""
    db.drop_tables(DERIVED_MODELS, safe=True)
    _create(db)     # empty: the replay below fills every table, course_push too
    conn = db.conn()
    count, after = 0, 0
    while True:
        rows = conn.execute(f"SELECT {ROW_COLUMNS} FROM push WHERE id > ? AND source='classin'"
                            " ORDER BY id LIMIT ?", (after, REBUILD_BATCH)).fetchall()
        if not rows:
            last = Push.select(fn.MAX(Push.id)).scalar() or 0
            db.run(_SET_WATERMARK, (str(last),))
            break
        if cancelled is not None and cancelled():     # asked only while pushes remain
            break
        with db.atomic():
            count += project_rows(conn, rows, failed, limits)
            # Queued for a taker (PostgreSQL), these have their rows now: followers need not
            # wait for them. Exactly these: one stored meanwhile is not replayed here.
            conn.executemany("DELETE FROM unprojected WHERE push_id = ?", [(row[0],) for row in rows])
        after = rows[-1][0]
        if progress:
            progress(count)
    return count
