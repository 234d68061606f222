"""The summary's after-class keys (lessons.details) as titled tables, one
definition for the xlsx sheet and the pdf section: ratings with comments,
selector and responder results, EduDt answers, scores given in the lesson,
the web audience, client replay coverage and the chat archive link."""
from __future__ import annotations

from typing import Any

from .labels import Labels
from .values import Summary, duration_text, percent_text

Table = tuple[str, list[str], list[list[Any]]]


def detail_tables(summary: Summary, labels: Labels) -> list[Table]:
    """(title, headers, rows) for each section that has rows; values are str or numbers."""
    tables: list[Table] = []

    def add(title: str, headers: tuple[str, ...], rows: list[list[Any]]) -> None:
        if rows:
            tables.append((labels(title), [labels(h) for h in headers], rows))

    url = summary.get("chat_archive_url")
    if url:
        add("details.chat_archive", ("details.link",), [[url]])
    add("details.ratings", ("details.student", "details.direction", "details.score", "details.comment"),
        [[r.get("name") or r.get("uid"), labels(f"details.direction.{r.get('direction')}", r.get("direction") or ""),
          r.get("score"), r.get("comment") or ""] for r in summary.get("ratings") or []])
    quiz = summary.get("quiz") or {}
    add("details.selector", ("details.question", "details.correct", "details.accuracy", "details.student",
                             "details.answer"),
        [[n, q.get("correct") or "", percent_text(q.get("accuracy")), a.get("name") or a.get("uid"),
          a.get("answer") or ""]
         for n, q in enumerate(quiz.get("questions") or [], start=1) for a in q.get("answers") or []])
    add("details.responder", ("details.student", "details.taken_part", "details.won"),
        [[p.get("name") or p.get("uid"), p.get("taken_part"), p.get("won")] for p in quiz.get("responder") or []])
    add("details.edu", ("details.question", "details.right_answer", "details.nickname", "details.answer"),
        [[(q.get("index") or 0) + 1, q.get("right_answer") or "", a.get("nickname") or "", a.get("answer") or ""]
         for e in summary.get("edu_answers") or [] for q in e.get("questions") or [] for a in q.get("answers") or []])
    add("details.grades", ("details.student", "details.kind", "details.activity", "details.score",
                           "details.full_score"),
        [[g.get("name") or g.get("uid"), labels(f"details.kind.{g.get('kind')}", g.get("kind") or ""),
          g.get("activity_name") or "", g.get("shown_score") or g.get("score"), g.get("full_score")]
         for g in summary.get("grades") or []])
    audience = summary.get("web_audience") or {}
    add("details.audience", ("details.page", "details.viewers", "details.tourists", "details.sessions",
                             "details.watched"),
        [[labels(f"details.page.{page}"), v.get("viewers"), v.get("tourists"), v.get("sessions"),
          duration_text(v.get("seconds"))]
         for page, v in audience.items() if isinstance(v, dict) and v.get("sessions")])
    live = audience.get("live") or {}
    counts = [[labels(f"details.count.{key}"), live.get(key)]
              for key in ("logins", "reservations", "likes", "product_clicks", "chat_messages") if live.get(key)]
    add("details.web_activity", ("details.what", "details.count"), counts)
    add("details.replays", ("details.student", "details.covered", "details.length", "details.coverage",
                            "details.valid_views"),
        [[r.get("name") or r.get("uid"), duration_text(r.get("covered_seconds")),
          duration_text(r.get("total_duration")),
          percent_text(r.get("coverage")) if r.get("coverage") is not None else (r.get("progress") or ""),
          r.get("valid_views")] for r in summary.get("client_replays") or []])
    return tables
