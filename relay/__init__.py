"""Relay: every push a school's ClassIn sends us also reaches the school's
own system (LMS, CRM), with ClassIn's delivery rule (storage.relay holds the
outbox; relay.worker delivers it)."""
