"""peewee models. Raw pushes are the source of truth; every other table but
`alarm` is derived from them and can be rebuilt (`python main.py rebuild`)."""
from __future__ import annotations

from peewee import (BlobField, CompositeKey, DatabaseProxy, FloatField, IntegerField,
                    Model, TextField)

database = DatabaseProxy()

# Push.flags
FLAG_RELEASED = 1      # accepted by a user's release although it failed a check
FLAG_UNPARSED = 2      # payload is not a JSON object (released bad body)


class BaseModel(Model):
    class Meta:
        database = database


class Meta(BaseModel):
    key = TextField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "meta"


class Push(BaseModel):
    """One accepted push, exactly as received."""
    received_at = FloatField()
    source = TextField()                  # "classin" | "gensee"
    sid = IntegerField(null=True)
    cmd = TextField(null=True)            # normalised Cmd as text ("67371107", "Net")
    class_id = IntegerField(null=True)
    uid = IntegerField(null=True)
    action_time = IntegerField(null=True)
    dedupe_key = TextField(unique=True)
    payload = TextField()                 # the body as received (UTF-8 text)
    flags = IntegerField(default=0)
    resends = IntegerField(default=0)     # re-deliveries after our ack: lost acks
    last_resent_at = FloatField(null=True)

    class Meta:
        table_name = "push"
        indexes = (
            (("class_id", "action_time"), False),
            (("cmd", "received_at"), False),
            (("received_at",), False),
            (("sid", "received_at"), False),
            # Schema v2 (storage.db): a user's lessons straight from the index
            # (user_lessons) instead of reading every push of that user.
            (("uid", "cmd", "class_id"), False),
        )


class Quarantine(BaseModel):
    """A refused body, kept so nothing is lost. Re-sends of the same push
    update one row (attempts, last_seen) instead of piling up every 10 s."""
    qkey = TextField(unique=True)
    first_seen = FloatField()
    last_seen = FloatField()
    attempts = IntegerField(default=1)
    source = TextField()
    reason_code = TextField()             # bad_json | not_object | unknown_sid | bad_safekey | no_timestamp | too_large
    reason = TextField()
    sid = IntegerField(null=True)
    cmd = TextField(null=True)
    class_id = IntegerField(null=True)
    size = IntegerField()
    body = BlobField()                    # up to the kept-prefix limit for huge bodies
    remote = TextField(null=True)
    released = IntegerField(default=0)    # 1: the next re-send is accepted and flagged
    resolved_at = FloatField(null=True)   # set when a later attempt was accepted

    class Meta:
        table_name = "quarantine"
        indexes = ((("last_seen",), False), (("resolved_at", "last_seen"), False))


class AlarmRow(BaseModel):
    """The desk's alarm (alarms.model.Alarm) as last seen, one row per
    key, so a restart keeps what was open, what was acknowledged and what
    resolved lately (alarms.store). Not derived: no push records an
    acknowledgement, so `rebuild` leaves it alone."""
    key = TextField(primary_key=True)
    kind = TextField()
    since = FloatField()
    last = FloatField()
    sid = IntegerField(null=True)
    class_id = IntegerField(null=True)
    uid = IntegerField(null=True)
    reason_code = TextField(null=True)
    params = TextField()                  # JSON, every configured secret masked
    count = IntegerField()
    acknowledged = IntegerField()
    resolved_at = FloatField(null=True)   # NULL while open
    acknowledged_by = TextField(null=True)   # who, when and why (any process on this data may ack)
    acknowledged_at = FloatField(null=True)
    ack_note = TextField(null=True)

    class Meta:
        table_name = "alarm"
        indexes = ((("resolved_at",), False),)


class RelayDestination(BaseModel):
    """A school's own system that gets its pushes relayed (storage.relay). In
    the database, not the config: the writer reads it in the transaction
    that stores a push, so a destination added by another process counts
    from the next commit on, and a team's receivers share it."""
    name = TextField(unique=True)
    sid = IntegerField()
    url = TextField()
    cmds = TextField(null=True)           # comma-separated normalised Cmds; NULL: every push
    paused = IntegerField(default=0)
    created_at = FloatField()
    delivered = IntegerField(default=0)
    last_delivered_at = FloatField(null=True)
    failing_since = FloatField(null=True)  # first failed attempt since the last delivery
    last_error = TextField(null=True)
    attempts = IntegerField(default=0)     # failed attempts since the last delivery
    # Which relay delivers to it, until when (receivers sharing one database: one line each).
    owner = TextField(null=True)
    lease_until = FloatField(null=True)

    class Meta:
        table_name = "relay_destination"


class RelayOutbox(BaseModel):
    """One push one destination still has to get; written in the transaction
    that stores the push (so an ack implies it) and deleted when delivered."""
    dest_id = IntegerField()
    push_id = IntegerField()
    body = BlobField(null=True)           # the exact bytes when they differ from push.payload's UTF-8

    class Meta:
        table_name = "relay_outbox"
        primary_key = CompositeKey("dest_id", "push_id")


class Unprojected(BaseModel):
    """PostgreSQL: a stored push whose derived rows are still to be made.
    Written in the transaction that stores the push by a split `serve`'s
    receiving process, taken (and deleted, with the rows made) by a core
    process: its own, or any core of the team (storage.derived.Projector).
    Several receivers share such a store, so no single cursor could say how
    far the derived rows are. Empty on SQLite: one writer keeps a cursor there."""
    push_id = IntegerField(primary_key=True)

    class Meta:
        table_name = "unprojected"


RAW_MODELS = [Meta, Push, Quarantine, Unprojected]
