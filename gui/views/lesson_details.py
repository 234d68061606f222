"""A lesson's after-class results in words and small tables: ratings and
their comments, selector/responder results, EduDt answers, LMS work done in
the lesson, the web audience, replay coverage and the chat archive (a link
the browser opens). Everything comes from lessons.details, like the exports."""
from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser

from lessons.details import details
from lessons.state import LessonState

from ..formatting import duration


def _e(value: Any) -> str:
    return "—" if value is None or value == "" else escape(str(value))


class LessonDetails(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        self.setPlaceholderText(self.tr("Select a lesson to see what came after it: ratings, quiz results, "
                                        "scores, web audience and replays."))

    def show_lesson(self, state: LessonState | None) -> None:
        if state is None:
            self.setHtml("")
            return

        def name_of(uid: int | None) -> str | None:
            if uid is None:
                return None
            p = state.participants.get(uid)
            return state.school_name(uid) or (p.nickname if p is not None else None) or str(uid)

        self.setHtml(self.render(details(state, name_of)))

    def render(self, d: dict[str, Any]) -> str:
        parts: list[str] = []

        def section(title: str, headers: list[str], rows: list[list[Any]]) -> None:
            if not rows:
                return
            head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
            body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
            parts.append(f"<h4>{escape(title)}</h4><table cellspacing='0' cellpadding='3' border='1'>"
                         f"<tr>{head}</tr>{body}</table>")

        url = d.get("chat_archive_url")
        if url:
            parts.append("<p><b>{}</b> <a href='{}'>{}</a></p>".format(
                escape(self.tr("Chat archive:")), escape(url, quote=True), escape(self.tr("download"))))
        directions = {"T2S": self.tr("teacher → student"), "S2T": self.tr("student → teacher")}
        section(self.tr("Ratings"), [self.tr("Student"), self.tr("Direction"), self.tr("Score"), self.tr("Comment")],
                [[r["name"] or r["uid"], directions.get(r["direction"], r["direction"]), r["score"], r["comment"]]
                 for r in d["ratings"]])
        quiz = d["quiz"]
        answers = []
        for n, q in enumerate(quiz["questions"], start=1):
            accuracy = "{:.0%}".format(q["accuracy"]) if q["accuracy"] is not None else None
            answers += [[n, q["correct"], accuracy, a["name"] or a["uid"], a["answer"]] for a in q["answers"]]
        section(self.tr("Selector answers"), [self.tr("Question"), self.tr("Correct"), self.tr("Accuracy"),
                                              self.tr("Student"), self.tr("Answer")], answers)
        section(self.tr("Responder"), [self.tr("Student"), self.tr("Took part"), self.tr("Won")],
                [[p["name"] or p["uid"], p["taken_part"], p["won"]] for p in quiz["responder"]])
        section(self.tr("EDU quiz answers"), [self.tr("Question"), self.tr("Right answer"), self.tr("Nickname"),
                                              self.tr("Answer")],
                [[(q["index"] or 0) + 1, q["right_answer"], a["nickname"], a["answer"]]
                 for e in d["edu_answers"] for q in e["questions"] for a in q["answers"]])
        kinds = {"exam": self.tr("test"), "answer_sheet": self.tr("answer sheet"), "homework": self.tr("homework"),
                 "homework_submitted": self.tr("homework submitted")}
        section(self.tr("Scores in this lesson"), [self.tr("Student"), self.tr("Kind"), self.tr("Activity"),
                                                   self.tr("Score"), self.tr("Full score")],
                [[g["name"] or g["uid"], kinds.get(g["kind"], g["kind"]), g["activity_name"],
                  g["shown_score"] or g["score"], g["full_score"]] for g in d["grades"]])
        live, replay = d["web_audience"]["live"], d["web_audience"]["replay"]
        section(self.tr("Web audience"), [self.tr("Page"), self.tr("Viewers"), self.tr("Tourists"),
                                          self.tr("Sessions"), self.tr("Time watched")],
                [[self.tr("web live"), v["viewers"], v["tourists"], v["sessions"], duration(v["seconds"])]
                 for v in (live,) if v["sessions"]]
                + [[self.tr("web replay"), v["viewers"], v["tourists"], v["sessions"], duration(v["seconds"])]
                   for v in (replay,) if v["sessions"]])
        extra = [(self.tr("Logins"), live["logins"]), (self.tr("Reservations"), live["reservations"]),
                 (self.tr("Likes"), live["likes"]), (self.tr("Product clicks"), live["product_clicks"]),
                 (self.tr("Chat messages"), live["chat_messages"])]
        if any(count for _, count in extra):
            parts.append("<p>" + " · ".join(f"{escape(label)}: {count}" for label, count in extra) + "</p>")
        section(self.tr("Replay watched in the client"), [self.tr("Student"), self.tr("Covered"),
                                                          self.tr("Video length"), self.tr("Coverage"),
                                                          self.tr("Valid views")],
                [[r["name"] or r["uid"], duration(r["covered_seconds"]) if r["covered_seconds"] is not None else None,
                  duration(r["total_duration"]) if r["total_duration"] is not None else None,
                  "{:.0%}".format(r["coverage"]) if r["coverage"] is not None else r["progress"], r["valid_views"]]
                 for r in d["client_replays"]])
        if not parts:
            return "<p>{}</p>".format(escape(self.tr("No ratings, quiz results, scores, web audience or replays "
                                                    "for this lesson yet.")))
        return "".join(parts)
