"""(b) After-class messages (classin.md §10): the End summary, ratings,
recording files, uploads and EDU answers."""
from __future__ import annotations

from typing import Callable

from protocol import classin as ci

from .base import Event, Push, as_time, as_uid, event_type, ms_to_s, value_type
from ..end_report import EndUser, decode_end_users


@event_type
class LessonEnd(Event):
    start_time: int | None
    close_time: int | None
    real_close_time: int | None
    users: dict[int, EndUser]
    mute_all_count: int | None
    mute_all_seconds: int | None
    data: dict                   # every section as sent, for the ones not decoded

    @property
    def end_time(self) -> int | None:
        return ci.lesson_end_time(self.close_time, self.real_close_time)


@value_type
class RatingItem:
    student_uid: int
    direction: str              # "T2S" teacher -> student, "S2T" student -> teacher
    score: int | None
    comment: str | None
    account: str | None
    email: str | None


@event_type
class Ratings(Event):
    teacher_uid: int | None
    items: tuple[RatingItem, ...]


@event_type
class RecordingFile(Event):
    file_id: str | None
    url: str | None
    start: int | None
    end: int | None
    duration: int | None
    size: int | None
    source: str | None          # "ClassRoom" or a teacher camera ("Camera.3")


@event_type
class ReplayUpload(Event):
    file_id: str | None
    url: str | None
    duration: int | None
    size: int | None


@value_type
class EduQuestion:
    index: int | None
    right_answer: str | None
    answers: tuple[tuple[str | None, str | None], ...]   # (nickname, answer): no UIDs in EduDt


@event_type
class EduAnswers(Event):
    exam_type: str | None       # "QRExam" or "clientExam"
    start_time: int | None      # seconds (sent as milliseconds)
    end_time: int | None
    questions: tuple[EduQuestion, ...]


def _end(x: Push) -> Event:
    close, real = as_time(x.get("CloseTime")), as_time(x.get("RealCloseTime"))
    mute_all = ci.as_dict(ci.as_dict(x.data.get("muteEnd")).get("MuteAll"))
    return LessonEnd(**x.common(ci.lesson_end_time(close, real)),
                     start_time=as_time(x.get("StartTime")), close_time=close, real_close_time=real,
                     users=decode_end_users(x.data), mute_all_count=ci.as_int(mute_all.get("Count")),
                     mute_all_seconds=ci.as_int(mute_all.get("Total")), data=x.data)


def _rating(x: Push) -> Event:
    items = []
    for key, entry in ci.as_dict(x.get("Comments")).items():
        uid, entry = ci.as_int(key), ci.as_dict(entry)
        if uid is None:
            continue
        for direction in ci.RATING_DIRECTIONS:
            rating = ci.as_dict(entry.get(direction))
            if rating:
                items.append(RatingItem(uid, direction, ci.as_int(rating.get("Score")),
                                        ci.as_str(rating.get("Comment")),
                                        ci.as_str(entry.get("Account")) or None,
                                        ci.as_str(ci.pick(entry, "studentEmail", "StudentEmail")) or None))
    return Ratings(**x.common(), teacher_uid=as_uid(x.get("TUID")), items=tuple(items))


def _record(x: Push) -> Event:
    return RecordingFile(**x.common(x.get("VET")), file_id=ci.as_str(x.get("FileId", "FileID")),
                         url=ci.as_str(x.get("VUrl")), start=as_time(x.get("VST")), end=as_time(x.get("VET")),
                         duration=ci.as_int(x.get("Duration")), size=ci.as_int(x.get("Size")),
                         source=ci.as_str(x.get("CIDExt")))


def _upload(x: Push) -> Event:
    return ReplayUpload(**x.common(), file_id=ci.as_str(x.get("FileId", "FileID")),
                        url=ci.as_str(x.get("VUrl")), duration=ci.as_int(x.get("Duration")),
                        size=ci.as_int(x.get("Size")))


def _edu(x: Push) -> Event:
    questions = tuple(
        EduQuestion(ci.as_int(q.get("index")), ci.as_str(q.get("rightAnswer")),
                    tuple((ci.as_str(a.get("nickname")), ci.as_str(a.get("answer")))
                          for a in map(ci.as_dict, ci.as_list(q.get("studentAnswers")))))
        for q in map(ci.as_dict, ci.as_list(x.data.get("questionList"))))
    end = ms_to_s(x.data.get("endTime"))
    return EduAnswers(**x.common(end), exam_type=ci.as_str(x.data.get("type")),
                      start_time=ms_to_s(x.data.get("startTime")), end_time=end, questions=questions)


PARSERS: dict[int | str, Callable[[Push], Event]] = {
    "End": _end, "Rating": _rating, "Record": _record, "Upload": _upload, "EduDt": _edu,
}
