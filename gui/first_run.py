"""From nothing to a working receiver URL: enter SID + secret, get the URL to
give ClassIn, send ClassIn's own registration test (a signed `Test` push) to
the local receiver and see the exact answer and that it was stored.

A page inside Settings, never a modal wizard: the receiver keeps running
(and ClassIn keeps pushing) while the user reads it."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from qasync import asyncSlot

from tunnel.selftest import SelftestResult

from .bridge import MonitorBridge
from .school_form import SchoolForm


def describe_result(result: SelftestResult) -> str:
    """The outcome in words, for the first-run panel and Settings alike."""
    translate = QCoreApplication.translate
    if result.status is None:
        return translate("TestPush", "No answer from the receiver: {}").format(result.body)
    lines = [translate("TestPush", "Answer: HTTP {} {}").format(result.status, result.body)]
    if result.ok:
        lines.append(translate("TestPush", "✔ Accepted and stored: the Test push is in the database "
                                           "(see Inspector)."))
    elif result.status == 403:
        lines.append(translate("TestPush", "✘ Refused: the SID or the secret does not match what is saved."))
    else:
        lines.append(translate("TestPush", "✘ Not stored."))
    return "\n".join(lines)


class FirstRunPanel(QWidget):
    done = Signal()            # the user wants the full settings (or has finished)

    def __init__(self, bridge: MonitorBridge, push_url, parent: QWidget | None = None):
        """`push_url()`: the URL to hand to ClassIn, as Settings shows it."""
        super().__init__(parent)
        self.bridge = bridge
        self.push_url = push_url
        title = QLabel(self.tr("Welcome to ClassWatch"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        intro = QLabel(self.tr("Three steps connect a ClassIn school. ClassIn sends every classroom event to "
                               "one URL; ClassWatch stores it and shows it live."))
        intro.setWordWrap(True)

        self.form = SchoolForm()
        self.save = QPushButton(self.tr("Save school"))
        self.form_problem = QLabel()
        self.url = QLabel()
        self.url.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.url.setStyleSheet("font-family: monospace; font-size: 14px;")
        self.url_note = QLabel()
        self.url_note.setWordWrap(True)
        self.copy = QPushButton(self.tr("Copy URL"))
        self.test = QPushButton(self.tr("Send test push"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.finish = QPushButton(self.tr("Open the full settings"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self._step(self.tr("1. Your school's SID and SECRET (ClassIn admin → data "
                                            "subscription)")))
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.form_problem, 1)
        layout.addLayout(row)
        layout.addWidget(self._step(self.tr("2. Give ClassIn this push URL")))
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.copy)
        layout.addLayout(row)
        layout.addWidget(self.url_note)
        layout.addWidget(self._step(self.tr("3. Check that it works")))
        row = QHBoxLayout()
        row.addWidget(self.test)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.finish, 0, Qt.AlignRight)

        self.save.clicked.connect(self.save_school)
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.url.text()))
        self.test.clicked.connect(self.run_test)
        self.finish.clicked.connect(self.done)
        self.form.changed.connect(self.refresh)
        self.refresh()

    def _step(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold; margin-top: 12px;")
        return label

    def _saved(self) -> bool:
        sid = self.form.sid()
        return sid is not None and sid in self.bridge.desk.config.current().schools

    def refresh(self) -> None:
        url, note = self.push_url()
        self.url.setText(url)
        self.url_note.setText(note)
        problem = self.form.problem()
        self.save.setEnabled(problem is None)
        self.form_problem.setText(problem or "")
        self.test.setEnabled(self._saved() and self.bridge.desk.receiver_url() is not None)

    def save_school(self) -> None:
        if self.form.problem() is None:
            school = self.form.save(self.bridge.desk.config)
            self.form_problem.setText(self.tr("Saved school {}.").format(school.sid))
            self.test.setEnabled(self.bridge.desk.receiver_url() is not None)

    @asyncSlot()
    async def run_test(self) -> None:
        receiver_url = self.bridge.desk.receiver_url()
        sid = self.form.sid()
        school = self.bridge.desk.config.current().schools.get(sid) if sid is not None else None
        if receiver_url is None or school is None:
            return
        self.test.setEnabled(False)
        self.result.setText(self.tr("Sending…"))
        try:
            result = await self.bridge.desk.test_push(school.sid)
        finally:
            self.test.setEnabled(True)
        self.result.setText(describe_result(result))
        self.result.setStyleSheet("color: {};".format("#2e7d32" if result.ok else "#c62828"))
        if result.ok:
            self.finish.setText(self.tr("Done — open the full settings"))
