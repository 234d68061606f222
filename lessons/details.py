"""What a lesson's after-class and side messages say, as summary keys (beyond
CONTRACT's): ratings with their comments, LMS work done in the lesson, the
selector/responder results, EduDt answers, the web-live and replay audience,
replay coverage in the client and the chat archive link. The roster and the
exports show these; before, most reached the user as one timeline sentence."""
from __future__ import annotations

from typing import Any, Callable

from protocol import classin as ci

from .events import ClientReplayViewing, EduAnswers, ExamScored, HomeworkScored, Selector, WebLiveChat
from .events import WebLiveLike, WebLiveLogin, WebLiveProductClick, WebLiveReservation
from .state import LessonState, lms_kind

NameOf = Callable[[int | None], str | None]


def _ratings(state: LessonState, name_of: NameOf) -> list[dict[str, Any]]:
    rows = []
    for (direction, student), (time, item) in sorted(state.ratings.items(), key=lambda kv: kv[1][0]):
        rows.append({"direction": direction, "uid": student, "name": name_of(student), "score": item.score,
                     "comment": item.comment, "time": time})
    return rows


def _grades(state: LessonState, name_of: NameOf) -> list[dict[str, Any]]:
    rows = []
    for e in sorted(state.grades.values(), key=lambda e: e.time):
        uid = e.student.uid if e.student else None
        row = {"kind": lms_kind(e), "activity_id": e.activity_id, "activity_name": e.activity_name,
               "uid": uid, "name": (e.student.name if e.student else None) or name_of(uid), "time": e.time,
               "score": None, "full_score": None, "scoring_rate": None, "shown_score": None}
        if isinstance(e, ExamScored):
            row.update(score=e.score, full_score=e.full_score, scoring_rate=e.scoring_rate)
        elif isinstance(e, HomeworkScored):
            row.update(full_score=e.full_score, scoring_rate=e.scoring_rate, shown_score=e.student_score,
                       score=round(e.full_score * e.scoring_rate, 2)
                       if e.full_score is not None and e.scoring_rate is not None else None)
        rows.append(row)
    return rows


def _uid_map(section: Any) -> dict[int, dict]:
    return {int(k): ci.as_dict(v) for k, v in ci.as_dict(section).items()
            if isinstance(k, str) and k.isascii() and k.isdigit()}


def _quiz(state: LessonState, name_of: NameOf) -> dict[str, Any]:
    """End's answerEnd/responderEnd when End came; else what the live pushes said."""
    data = state.end.data if state.end is not None else {}
    answer, responder = ci.as_dict(data.get("answerEnd")), ci.as_dict(data.get("responderEnd"))
    questions = []
    for q in map(ci.as_dict, ci.as_list(answer.get("Answers"))):
        answers = [{"uid": uid, "name": name_of(uid), "answer": ci.as_str(a.get("SelectedItem"))}
                   for uid, a in sorted(_uid_map(q).items())]
        questions.append({"correct": ci.as_str(q.get("CorrectItems")), "accuracy": ci.as_float(q.get("Accuracy")),
                          "answers": answers})
    live_answers = [e for e in state.quiz if isinstance(e, Selector) and not e.question]
    if not questions and live_answers:
        questions = [{"correct": None, "accuracy": None,
                      "answers": [{"uid": e.uid, "name": name_of(e.uid), "answer": e.selected_item}
                                  for e in sorted(live_answers, key=lambda e: e.time)]}]
    persons = [{"uid": uid, "name": name_of(uid), "taken_part": ci.as_int(v.get("Count")),
                "won": ci.as_int(v.get("SCount"))} for uid, v in sorted(_uid_map(responder.get("Persons")).items())]
    return {"selector_uses": ci.as_int(answer.get("Count")) if answer else len(questions) or None,
            "average_accuracy": ci.as_float(answer.get("AverageAccuracy")), "questions": questions,
            "responder_uses": ci.as_int(responder.get("Count")), "responder": persons}


def _edu(state: LessonState) -> list[dict[str, Any]]:
    return [{"type": e.exam_type, "start": e.start_time, "end": e.end_time,
             "questions": [{"index": q.index, "right_answer": q.right_answer,
                            "answers": [{"nickname": n, "answer": a} for n, a in q.answers]} for q in e.questions]}
            for e in state.quiz if isinstance(e, EduAnswers)]


def _audience(state: LessonState) -> dict[str, Any]:
    def viewing(replay: bool) -> dict[str, Any]:
        sessions = [v for v in state.web_viewings.values() if v.replay == replay]
        accounts = {v.account for v in sessions if v.account}
        return {"viewers": len(accounts), "tourists": sum(1 for a in accounts if a.startswith(ci.TOURIST_PREFIX)),
                "sessions": len(sessions), "seconds": sum(v.look_seconds or 0 for v in sessions)}

    def count(kind: type) -> int:
        return sum(1 for e in state.web_activity if isinstance(e, kind))

    return {"live": {**viewing(False), "logins": count(WebLiveLogin), "reservations": count(WebLiveReservation),
                     "likes": count(WebLiveLike), "product_clicks": count(WebLiveProductClick),
                     "chat_messages": count(WebLiveChat)},
            "replay": viewing(True)}


def _client_replays(state: LessonState, name_of: NameOf) -> list[dict[str, Any]]:
    rows = []
    for e in sorted(state.client_replays.values(), key=lambda e: (e.uid or 0)):
        e: ClientReplayViewing
        coverage = (round(e.covered_seconds / e.total_duration, 3)
                    if e.covered_seconds is not None and e.total_duration else None)
        rows.append({"uid": e.uid, "name": name_of(e.uid), "covered_seconds": e.covered_seconds,
                     "total_duration": e.total_duration, "coverage": coverage, "valid_views": e.valid_views,
                     "progress": e.top_progress, "time": e.time})
    return rows


def details(state: LessonState, name_of: NameOf) -> dict[str, Any]:
    return {
        "ratings": _ratings(state, name_of),
        "grades": _grades(state, name_of),
        "quiz": _quiz(state, name_of),
        "edu_answers": _edu(state),
        "web_audience": _audience(state),
        "client_replays": _client_replays(state, name_of),
        "chat_archive_url": state.chat_archive.download_url if state.chat_archive is not None else None,
    }
