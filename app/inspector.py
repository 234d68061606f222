"""Searching the stored and refused pushes (the Inspector): the reads live in
storage.inspector; blocking (models bound), callers run them off the event loop."""
from storage.inspector import Cursor, InspectedPush, Page, PushFilter, payload_text, search  # noqa: F401
from storage.models import FLAG_RELEASED  # noqa: F401
