"""(d) LMS course activities (classin.md §12): homework, tests, answer
sheets and discussions."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from protocol import classin as ci

from .base import Event, Person, Push, as_time, as_uid, event_type, ints, person, value_type


@event_type
class LmsEvent(Event):
    course_name: str | None
    unit_id: int | None
    unit_name: str | None
    activity_id: int | None
    activity_name: str | None


@value_type
class Attachment:
    url: str | None
    name: str | None
    extension: str | None


@event_type
class HomeworkSubmitted(LmsEvent):
    student: Person | None
    teacher: Person | None
    student_total: int | None
    submit_total: int | None
    submission_time: int | None
    late: bool | None
    revision: bool | None
    content: str | None
    files: tuple[Attachment, ...]


@event_type
class HomeworkScored(LmsEvent):
    student: Person | None
    teacher: Person | None
    full_score: float | None
    state: int | None               # 40 graded, 50 returned to the student
    grading_plan: str | None
    student_score: str | None       # as displayed under the grading plan
    scoring_rate: float | None
    correct: int | None
    wrong: int | None
    trophies: int | None
    excellent: bool | None
    comment: str | None
    submission_time: int | None
    correction_time: int | None


@value_type
class TopicResult:
    topic_id: int | None
    topic_type: str | None
    results: tuple[int, ...]        # one per blank; documented as one int
    score: float | None
    max_score: float | None
    sub_topics: tuple["TopicResult", ...]


@event_type
class ExamScored(LmsEvent):
    """ExamScore (kind "exam") or AnswerSheetScore (kind "answer_sheet");
    `class_id` is the lesson when the test was given in one."""
    kind: str
    student: Person | None
    teacher: Person | None
    full_score: float | None
    scoring_rate: float | None
    submission_time: int | None
    correction_time: int | None
    answer_seconds: int | None
    topics: tuple[TopicResult, ...]

    @property
    def score(self) -> float | None:
        if self.full_score is None or self.scoring_rate is None:
            return None
        return round(self.full_score * self.scoring_rate, 2)


@event_type
class DiscussionChanged(LmsEvent):
    op_type: int | None
    teacher: Person | None
    creator: Person | None
    creator_role: int | None        # 1 teacher, 2 student
    comment_type: int | None        # 1 comment, 2 reply, 3 like
    comment_id: int | None
    parent_id: int | None
    content: str | None
    like_count: int | None
    top_reply_count: int | None


def _lms(x: Push) -> dict[str, Any]:
    return dict(course_name=ci.as_str(x.get("CourseName")),
                unit_id=ci.as_int(x.inner("UnitId", "UnitID")), unit_name=ci.as_str(x.inner("UnitName")),
                activity_id=ci.as_int(x.inner("ActivityId", "ActivityID")),
                activity_name=ci.as_str(x.inner("ActivityName")))


def _homework_submit(x: Push) -> Event:
    files = tuple(Attachment(ci.as_str(ci.pick(f, "Src", "src")), ci.as_str(ci.pick(f, "FileName", "fileName")),
                             ci.as_str(ci.pick(f, "FileExtension", "fileExtension")))
                  for f in map(ci.as_dict, ci.as_list(x.inner("Files", "files"))) if f)
    return HomeworkSubmitted(
        **x.common(x.inner("SubmissionTime")), **_lms(x),
        student=person(x.inner("StudentInfo"), "Student"), teacher=person(x.inner("TeacherInfo"), "Teacher"),
        student_total=ci.as_int(x.inner("StudentTotal")), submit_total=ci.as_int(x.inner("SubmitTotal")),
        submission_time=as_time(x.inner("SubmissionTime")), late=ci.as_bool(x.inner("IsSubmitLate")),
        revision=ci.as_bool(x.inner("IsRevision")), content=ci.as_str(x.inner("Content")), files=files)


def _homework_score(x: Push) -> Event:
    review = ci.as_dict(x.inner("ReviewDetails"))
    return HomeworkScored(
        **x.common(x.inner("CorrectionTime"), x.inner("SubmissionTime")), **_lms(x),
        student=person(x.inner("StudentInfo"), "Student"), teacher=person(x.inner("TeacherInfo"), "Teacher"),
        full_score=ci.as_float(x.inner("Score")), state=ci.as_int(x.inner("State")),
        grading_plan=ci.as_str(x.inner("GradingPlan")), student_score=ci.as_str(x.inner("StudentScore")),
        scoring_rate=ci.as_float(x.inner("StudentScoringRate")),
        correct=ci.as_int(review.get("Correct")), wrong=ci.as_int(review.get("Wrong")),
        trophies=ci.as_int(review.get("Trophy")), excellent=ci.as_bool(review.get("Excellent")),
        comment=ci.as_str(review.get("Comment")), submission_time=as_time(x.inner("SubmissionTime")),
        correction_time=as_time(x.inner("CorrectionTime")))


def _topic(d: Mapping[str, Any], sub: bool) -> TopicResult:
    k = "SubTopic" if sub else "Topic"
    return TopicResult(
        topic_id=ci.as_int(d.get(k + "Id")), topic_type=ci.as_str(d.get(k + "Type")) or None,
        results=ints(d.get(k + "Result")), score=ci.as_float(d.get(k + "Score")),
        max_score=ci.as_float(d.get(k + "MaxScore")),
        sub_topics=() if sub else tuple(_topic(s, True) for s in map(ci.as_dict, ci.as_list(d.get("SubTopicDetails")))))


def _test_score(x: Push) -> Event:
    return ExamScored(   # Data.ClassId: the lesson it was given in (0: none), read by Push.class_id
        **x.common(x.inner("CorrectionTime"), x.inner("SubmissionTime")), **_lms(x),
        kind="exam" if x.cmd == "ExamScore" else "answer_sheet",
        student=person(x.inner("StudentInfo"), "Student"), teacher=person(x.inner("TeacherInfo"), "Teacher"),
        full_score=ci.as_float(x.inner("Score", "MaximumScore")),
        scoring_rate=ci.as_float(x.inner("StudentScoringRate")),
        submission_time=as_time(x.inner("SubmissionTime")), correction_time=as_time(x.inner("CorrectionTime")),
        answer_seconds=ci.as_int(x.inner("AnswerDuration")),
        topics=tuple(_topic(t, False) for t in map(ci.as_dict, ci.as_list(x.inner("TopicDetails")))))


def _discussion(x: Push) -> Event:
    c = ci.as_dict(x.inner("CommentDetail"))
    return DiscussionChanged(
        **x.common(), **_lms(x), op_type=ci.as_int(x.get("OpType", "opType")),
        teacher=Person(as_uid(x.inner("TeacherUid")), ci.as_str(x.inner("TeacherName")),
                       ci.as_str(x.inner("TeacherAccount"))),
        creator=Person(as_uid(x.inner("CreatorUid")), ci.as_str(x.inner("CreatorName")),
                       ci.as_str(x.inner("CreatorAccount"))),
        creator_role=ci.as_int(x.inner("CreatorRole")), comment_type=ci.as_int(c.get("Type")),
        comment_id=ci.as_int(c.get("CommentId")), parent_id=ci.as_int(c.get("ParentId")),
        content=ci.as_str(c.get("CommentContent")), like_count=ci.as_int(c.get("LikeCount")),
        top_reply_count=ci.as_int(c.get("TopReplyCount")))


PARSERS: dict[int | str, Callable[[Push], Event]] = {
    "HomeworkSubmit": _homework_submit, "HomeworkScore": _homework_score, "ExamScore": _test_score,
    "AnswerSheetScore": _test_score, "DiscussionChangeInfo": _discussion,
}
