"""Typed events from stored ClassIn pushes: `parse(payload, received_at)`.

parse() is total: any payload gives an event, malformed fields become None,
an unknown Cmd becomes `Unknown` (kept, never dropped). Every spelling and
type quirk of classin.md §16 is absorbed here, so nothing downstream looks
at raw keys.

Event time = `ActionTime`, else the message's own time field, else the
receive time. `TimeStamp` is never the event time (it runs ~600 s ahead),
except for ChatContent, whose TimeStamp is documented as the packing time.

One module per message family (classin.md §8 groups), each type beside its
parser: classroom (a), lesson (b, after class), school (c), lms (d),
schedule (e), weblive (f). A new Cmd is a type, a parser and a PARSERS entry
in its family's module.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from ..diagnostics import DEFAULT_THRESHOLDS, Thresholds
from . import classroom, lesson, lms, schedule, school, weblive
from .base import (  # noqa: F401 - the public names
    Area, Event, Label, Person, Push, ToolParticipant, Unknown,
)
from .classroom import (  # noqa: F401 - the public names
    Authorize, Award, BoardImage, BoardOther, CameraPosition, DeviceCheckReport, Enter, Exit, HandsUp,
    HelpRequest, Kick, LessonExtended, Mute, MuteAll, NetReport, RecordingStarted, Responder, Selector,
    Stage,
)
from .lesson import (  # noqa: F401 - the public names
    EduAnswers, EduQuestion, LessonEnd, RatingItem, Ratings, RecordingFile, ReplayUpload,
)
from .school import (  # noqa: F401 - the public names
    AccountCancelled, FileConversion, PhoneChanged, RegistrationTest, SubAccountSet,
)
from .lms import (  # noqa: F401 - the public names
    Attachment, DiscussionChanged, ExamScored, HomeworkScored, HomeworkSubmitted, LmsEvent, TopicResult,
)
from .schedule import (  # noqa: F401 - the public names
    CourseInfoChanged, LessonInfoChanged, ScheduleEvent, StudentsChanged,
)
from .weblive import (  # noqa: F401 - the public names
    ChatArchive, ClientReplayViewing, WebLiveChat, WebLiveLike, WebLiveLogin, WebLiveProductClick,
    WebLiveReservation, WebViewing,
)

_PARSERS: dict[int | str, Callable[[Push], Event]] = {
    **classroom.PARSERS, **lesson.PARSERS, **school.PARSERS, **lms.PARSERS, **schedule.PARSERS,
    **weblive.PARSERS,
}


def is_known_cmd(cmd: int | str | None) -> bool:
    """Whether a (normalised) Cmd has a parser: anything else is shown as not understood yet."""
    return cmd in _PARSERS


def _parser_for(x: Push) -> Callable[[Push], Event] | None:
    parser = _PARSERS.get(x.cmd) if x.cmd is not None else None
    # The docs' new-format ClientPlaybackDataDetail example carries no Cmd.
    if parser is None and x.cmd is None and weblive.looks_like_client_playback(x):
        parser = weblive.PARSERS["ClientPlaybackDataDetail"]
    return parser


def parse(payload: Any, received_at: float, limits: Thresholds = DEFAULT_THRESHOLDS) -> Event:
    """The typed event of one stored push. Never raises."""
    if type(payload) is not dict and not isinstance(payload, Mapping):
        payload_map: Mapping[str, Any] = {}
    else:
        payload_map = payload
    x = Push(payload_map, received_at, limits)
    parser = _parser_for(x) if payload_map else None
    if parser is None:
        return Unknown(**x.common(), payload=payload)
    try:
        return parser(x)
    except Exception as exc:   # noqa: BLE001 - a stored push must never break a replay
        return Unknown(**x.common(), payload=payload, error=f"{type(exc).__name__}: {exc}")
