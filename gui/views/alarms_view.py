"""Alarm center: every alarm of the session, and for the selected one what
happened, since when, how often and what to do, with the one-click fixes
(Release a stuck push, Fix the school's secret, Acknowledge)."""
from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTabWidget, QVBoxLayout, QWidget)
from qasync import asyncSlot

from alarms.model import Alarm
from app.receiving import PushStored

from ..columns import fill_with, fit_columns
from ..diagnostic import Diagnostic, copy_text
from ..alarm_texts import RESOLVED_COLOUR, SEVERITY_COLOURS, AlarmTexts
from ..bridge import MonitorBridge
from ..formatting import local_time
from ..layouts import side_by_side, split, stacked
from ..models.alarms_model import AlarmFilter, AlarmsModel, HelpQueueModel, occurrence
from ..models.labels import alarm_kind_label
from ..models.table import ITEM_ROLE
from ..tray import AlarmTray
from .lesson_panel import table_view
from ..timers import coalescing, every

SECRET_REASONS = ("unknown_sid", "bad_safekey")


class AlarmDetails(QWidget):
    """The right-hand panel; shows one alarm and offers what can be done about it."""

    def __init__(self, texts: AlarmTexts, parent: QWidget | None = None):
        super().__init__(parent)
        self.texts = texts
        self.alarm: Alarm | None = None
        self.badge = QLabel()
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.advice_caption = QLabel(self.tr("What to do"))
        self.advice_caption.setStyleSheet("font-weight: bold;")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.acknowledge = QPushButton(self.tr("Acknowledge"))
        self.release = QPushButton(self.tr("Release"))
        self.release.setToolTip(self.tr("Accept the next re-send of this push although it failed the check; "
                                        "it is stored and flagged, and the school's queue moves on."))
        self.fix_secret = QPushButton(self.tr("Fix secret…"))
        self.copy = QPushButton(self.tr("Copy diagnostic"))
        self.open_lesson = QPushButton(self.tr("Open lesson"))
        self.show_user = QPushButton(self.tr("Show user"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.acknowledge, self.release, self.fix_secret):
            buttons.addWidget(button)
        buttons.addStretch(1)
        goto = QHBoxLayout()
        for button in (self.open_lesson, self.show_user, self.copy):
            goto.addWidget(button)
        goto.addStretch(1)
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(self.badge, 0, Qt.AlignTop)
        head.addWidget(self.title, 1)
        layout.addLayout(head)
        layout.addWidget(self.detail)
        layout.addSpacing(8)
        layout.addWidget(self.advice_caption)
        layout.addWidget(self.advice)
        layout.addLayout(buttons)
        layout.addLayout(goto)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        self.show_alarm(None)

    def show_alarm(self, alarm: Alarm | None) -> None:
        if alarm is not self.alarm:
            self.feedback.setText(alarm.params.get("released_note", "") if alarm is not None else "")
        self.alarm = alarm
        for widget in (self.badge, self.advice_caption, self.acknowledge, self.release, self.fix_secret, self.copy,
                       self.open_lesson, self.show_user):
            widget.setVisible(alarm is not None)
        if alarm is None:
            self.title.setText(self.tr("No alarm selected"))
            self.detail.setText(self.tr("Alarms appear here when a push is refused, acknowledgements get lost, "
                                        "pushes stop during live lessons, or a classroom asks for help."))
            self.advice.clear()
            return
        text = self.texts.describe(alarm)
        colour = SEVERITY_COLOURS[alarm.severity] if alarm.open else RESOLVED_COLOUR
        self.badge.setText(" {} · {} ".format(self.texts.severity(alarm.severity), self.texts.state(alarm)))
        self.badge.setStyleSheet("background: {}; color: white; font-weight: bold; padding: 3px;".format(colour))
        self.title.setText(text.title)
        self.detail.setText(text.detail)
        self.advice.setText(text.advice)
        stuck = alarm.kind == "stuck_push"
        self.acknowledge.setEnabled(alarm.open and not alarm.acknowledged)
        self.release.setVisible(stuck)
        self.release.setEnabled(stuck and alarm.open and bool(alarm.params.get("qkey")))
        self.fix_secret.setVisible(stuck and alarm.reason_code in SECRET_REASONS)
        self.open_lesson.setVisible(alarm.class_id is not None)
        self.show_user.setVisible(alarm.uid is not None)


ALARM_TITLE_WIDTH = 180      # px: "Network problems · Unit 4: Lig…", a kind and a start of its lesson


class AlarmsView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.window_ = window
        self.texts = AlarmTexts(bridge.desk, self)
        self.model = AlarmsModel(self.texts, self)
        self.proxy = AlarmFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = table_view(self.proxy, sortable=False,    # the model keeps open-first order
                                empty_text=self.tr("No alarms. They appear here when a push is refused, pushes "
                                                   "stop during live lessons, a classroom asks for help, or "
                                                   "users' networks or devices fail."))
        # Several at once: acknowledged together, with one note.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The alarm's words are the row: at 1280 px the lesson's name gives way
        # before they are cut to a dozen characters.
        fill_with(self.table, AlarmsModel.COLUMNS.index("title"), squeeze=AlarmsModel.COLUMNS.index("lesson"),
                  least=ALARM_TITLE_WIDTH, main_first=True)
        self.details = AlarmDetails(self.texts)
        self.summary = QLabel()

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter alarms…"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.school = QComboBox()
        self.lesson = QComboBox()
        for combo in (self.school, self.lesson):
            # A long school or lesson name must leave the filter box its room (it was
            # squeezed to "Fi…" at 1280 px); the open list shows names whole.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            combo.view().setMinimumWidth(300)
        self.open_only = QCheckBox(self.tr("Open only"))
        self.group = QComboBox()
        self.group.addItem(self.tr("No grouping"), None)
        for key, label in (("lesson", self.tr("Group by lesson")), ("school", self.tr("Group by school")),
                           ("kind", self.tr("Group by kind"))):
            self.group.addItem(label, key)
        filters = side_by_side((self.search, 1), self.kind, self.school, self.lesson, self.open_only, self.group)
        self.search.textChanged.connect(lambda text: self.proxy.set(text=text.strip()))
        self.kind.activated.connect(lambda _i: self.proxy.set(kind=self.kind.currentData()))
        self.school.activated.connect(lambda _i: self.proxy.set(sid=self.school.currentData()))
        self.lesson.activated.connect(lambda _i: self.proxy.set(class_id=self.lesson.currentData()))
        self.open_only.toggled.connect(lambda on: self.proxy.set(open_only=on))
        self.group.activated.connect(lambda _i: self.proxy.set(group=self.group.currentData()))

        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for the acknowledgement (optional)"))
        self.bulk = QPushButton()
        self.bulk.clicked.connect(self.acknowledge_selected)
        listing = stacked((self.table, 1), side_by_side((self.note, 1), self.bulk))
        # The list before the details: at 1280 px the details keep what their buttons need, and the
        # list the room for its words and a header naming the zone ("First seen (UTC+8)").
        splitter = split(Qt.Orientation.Horizontal, (listing, 2), (self.details, 1))

        # Help requests: a person waits; who waits longest, and who took it.
        self.help_model = HelpQueueModel(self.texts, self)
        self.help_table = table_view(self.help_model, sortable=False,
                                     empty_text=self.tr("Nobody is waiting for help."))
        fill_with(self.help_table, HelpQueueModel.COLUMNS.index("message"))
        self.help_table.doubleClicked.connect(lambda index: self.select(self.help_model.rows[index.row()].key))
        self.take = QPushButton(self.tr("Take it"))
        self.take.setToolTip(self.tr("Acknowledge the selected request with the note: the desk sees it is yours"))
        self.take.clicked.connect(self.take_help)
        self.help_open = QPushButton(self.tr("Open lesson"))
        self.help_open.clicked.connect(lambda: self._goto_help(self.open_lesson))
        self.help_user = QPushButton(self.tr("Show user"))
        self.help_user.clicked.connect(lambda: self._goto_help(self.show_user))
        help_buttons = side_by_side(self.take, self.help_open, self.help_user)
        help_buttons.addStretch(1)
        help_page = stacked((self.help_table, 1), help_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("All alarms"))
        self.tabs.addTab(help_page, self.tr("Help requests"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.details.acknowledge.clicked.connect(self.acknowledge_selected)
        self.details.release.clicked.connect(self.release_selected)
        self.details.fix_secret.clicked.connect(self.fix_secret)
        self.details.copy.clicked.connect(self.copy_diagnostic)
        self.details.open_lesson.clicked.connect(lambda: self.open_lesson(self.details.alarm))
        self.details.show_user.clicked.connect(lambda: self.show_user(self.details.alarm))
        self._released: Alarm | None = None      # waiting for its next re-send
        bridge.receiverEvent.connect(self._on_receiver_event)
        self.diagnostic = Diagnostic(bridge.desk, self.texts, self)
        bridge.alarmChanged.connect(self.on_alarm)

        self.tray = AlarmTray(bridge, self.texts, self)
        self.tray.activated.connect(self.bring_forward)
        # Alarm changes come in bursts (every push of a busy lesson may touch one):
        # apply them together, a few times a second at most.
        self._pending: dict[tuple[str, float], Alarm] = {}
        self._apply_timer = coalescing(self, 250, self._apply_pending)
        self.model.update_alarms(list(bridge.desk.alarms()))
        self.help_model.update_requests(self.model.rows)
        fit_columns(self.table)
        self._fill_filters()
        self._update_summary()
        every(self, 1000, self.help_table.viewport().update)     # waiting times run on

    def title(self) -> str:
        return self.tr("Alarms")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending:
            self._apply_pending()
        fit_columns(self.table)

    def zone_changed(self) -> None:
        self.model.recount_zones()
        if self.isVisible():       # the first-seen cells gained or lost their zone
            fit_columns(self.table)

    async def shutdown(self) -> None:
        self.tray.hide()      # a tray icon outliving the window would look like a running app

    # -- feed ---------------------------------------------------------------------------------
    def on_alarm(self, alarm: Alarm) -> None:
        self._pending[occurrence(alarm)] = alarm
        # Hidden, the list waits for someone to look (showEvent): a busy school
        # changes alarms many times a second, and the banner and tray do not need it.
        if self.isVisible() and not self._apply_timer.isActive():
            self._apply_timer.start()

    def _apply_pending(self) -> None:
        changed = list(self._pending.values())
        self._pending.clear()
        selected = self.details.alarm
        first = self.model.rowCount() == 0
        self.model.update_alarms(changed)
        self.help_model.update_requests(self.model.rows)
        self._fill_filters()
        if self.isVisible():   # sizing reads every row: only for someone looking
            fit_columns(self.table)
            fit_columns(self.help_table)
        if selected is not None:
            self.select_occurrence(selected)
        elif first and changed:
            self.select(self.model.rows[0].key)   # the first alarm of the session: show it at once
        self._update_summary()

    def _update_summary(self) -> None:
        open_alarms = self.bridge.desk.open_alarms()
        self.summary.setText(self.tr("{} open alarm(s), {} listed (resolved ones stay a week)").format(
            len(open_alarms), self.model.rowCount()))
        waiting = self.help_model.waiting()
        self.tabs.setTabText(1, self.tr("Help requests ({} waiting)").format(waiting) if waiting
                             else self.tr("Help requests"))
        self._update_bulk()

    def _fill_filters(self) -> None:
        """The kinds, schools and lessons that are listed, each with its count."""
        rows = self.model.rows
        for combo, everything, value, label in (
                (self.kind, self.tr("All kinds"), lambda a: a.kind, lambda a: alarm_kind_label(a.kind)),
                (self.school, self.tr("All schools"), lambda a: a.sid, lambda a: self.texts.school(a.sid)),
                (self.lesson, self.tr("All lessons"), lambda a: a.class_id, lambda a: self.texts.lesson(a.class_id))):
            chosen = combo.currentData()
            counts: dict = {}
            labels: dict = {}
            for alarm in rows:
                key = value(alarm)
                if key is not None:
                    counts[key] = counts.get(key, 0) + 1
                    labels[key] = label(alarm)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for key in sorted(counts, key=lambda k: labels[k]):
                combo.addItem(self.tr("{} ({})").format(labels[key], counts[key]), key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        # One school says nothing per row: its width goes to the alarm's title.
        self.table.setColumnHidden(AlarmsModel.COLUMNS.index("school"), self.school.count() <= 2)

    def selected_alarms(self) -> list[Alarm]:
        return [index.data(ITEM_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _update_bulk(self) -> None:
        count = sum(1 for a in self.selected_alarms() if a.open and not a.acknowledged)
        self.bulk.setText(self.tr("Acknowledge %n selected", "", count))
        self.bulk.setEnabled(count > 0)

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0:
            self.tabs.setCurrentIndex(0)
            self._select_row(row)

    def select_occurrence(self, alarm: Alarm) -> None:
        row = next((i for i, a in enumerate(self.model.rows) if a is alarm), -1)
        if row >= 0:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():        # filtered out: show everything again rather than nothing
            self.search.clear()
            self.proxy.set(kind=None, sid=None, class_id=None, open_only=False, text="")
            self.open_only.setChecked(False)
            for combo in (self.kind, self.school, self.lesson):
                combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.details.show_alarm(self.model.rows[row])

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.selected_alarms()
        self.details.show_alarm(rows[-1] if rows else None)
        self._update_bulk()

    def bring_forward(self) -> None:
        self.window_.show_view("alarms")
        self.window_.showNormal()
        self.window_.raise_()
        self.window_.activateWindow()

    # -- commands -------------------------------------------------------------------------------
    def _acknowledge(self, alarms: list[Alarm]) -> int:
        note = self.note.text().strip() or None
        done = 0
        for alarm in alarms:
            if alarm.open and not alarm.acknowledged:
                self.bridge.desk.acknowledge(alarm.key, note)
                done += 1
        if done:
            self.note.clear()
        return done

    def acknowledge_selected(self) -> None:
        """Every selected open alarm (or the one shown), with the note."""
        alarms = self.selected_alarms() or ([self.details.alarm] if self.details.alarm is not None else [])
        done = self._acknowledge(alarms)
        if done:
            self.details.feedback.setText(self.tr("%n alarm(s) acknowledged.", "", done))
        self._update_bulk()

    def _selected_help(self) -> Alarm | None:
        rows = self.help_table.selectionModel().selectedRows()
        return self.help_model.rows[rows[0].row()] if rows else None

    def take_help(self) -> None:
        request = self._selected_help()
        if request is not None:
            self._acknowledge([request])

    def _goto_help(self, go) -> None:
        request = self._selected_help()
        if request is not None:
            go(request)

    def open_lesson(self, alarm: Alarm | None) -> None:
        if alarm is not None and alarm.class_id is not None:
            self.window_.show_view("live").open_lesson(alarm.class_id)

    def show_user(self, alarm: Alarm | None) -> None:
        """The user in the lesson's roster; without a lesson, their device checks."""
        if alarm is None or alarm.uid is None:
            return
        if self.bridge.desk.lesson(alarm.class_id) is not None:
            live = self.window_.show_view("live")
            live.open_lesson(alarm.class_id)
            live.panel.select_user(alarm.uid)
        else:
            self.window_.show_view("checks").select_uid(alarm.uid)

    @asyncSlot()
    async def release_selected(self) -> None:
        alarm = self.details.alarm
        if alarm is None or not alarm.params.get("qkey"):
            return
        self.details.release.setEnabled(False)
        released = await self.bridge.desk.release(alarm.params["qkey"])
        self._released = alarm if released else None
        if self.details.alarm is not alarm:
            return
        self.details.feedback.setText(
            self.tr("Released. Waiting for ClassIn's next re-send (within about 10 s): it will be accepted "
                    "and flagged, and this alarm resolves.") if released else
            self.tr("Nothing to release: this push was already accepted."))

    def _on_receiver_event(self, event) -> None:
        """What became of the released push's next re-send, said where the desk clicked."""
        alarm = self._released
        if alarm is None or not isinstance(event, PushStored) or not event.released:
            return
        if event.sid != alarm.sid and alarm.sid is not None:
            return
        self._released = None
        text = self.tr("ClassIn re-sent the released push at {}: it was stored (flagged as released, push #{}) "
                       "and the school's queue moves on. It had been refused {} time(s) since {}.").format(
            local_time(event.received_at, self.texts.timezone(alarm)), event.push_id,
            alarm.params.get("attempts", alarm.count),
            local_time(alarm.params.get("first_seen") or alarm.since, self.texts.timezone(alarm), with_date=True))
        alarm.params["released_note"] = text
        if self.details.alarm is alarm:
            self.details.feedback.setText(text)

    def copy_diagnostic(self) -> None:
        if self.details.alarm is not None:
            copy_text(self.diagnostic.alarm(self.details.alarm), self.details.copy)

    def fix_secret(self) -> None:
        alarm = self.details.alarm
        if alarm is not None:
            self.window_.show_view("settings").edit_school(alarm.sid)
