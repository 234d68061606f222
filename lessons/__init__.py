"""Stored pushes -> lesson knowledge. Pure Python: no Qt, no HTTP, no database.

    events.parse(payload, received_at) -> Event      one push, typed
    state.replay(pushes) -> SchoolState               many pushes, folded
    summary.summary(lesson_state, now) -> dict        the CONTRACT lesson summary
"""
