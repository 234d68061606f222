"""Settings: schools (SID, secret, name, time zone), the URLs to hand to ClassIn
and Gensee, the receiver's port and data folder, and alarm thresholds.

Everything is saved to config.json through ConfigStore, which the receiver
re-reads within a second: a school added here is accepted at once. With no
school configured the view opens on the first-run page instead."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)
from qasync import asyncSlot

from alarms import config as keys
from app.settings import PORT_SETTING, School
from app.receiving import HeldPromoted, PushHeld

from ..bridge import MonitorBridge
from ..columns import fill_with
from ..first_run import FirstRunPanel, describe_result
from ..school_form import SchoolForm
from ..timers import every
from .channels_panel import ChannelsPanel
from .tunnel_panel import TunnelPanel

GENSEE_ENDPOINTS = ("event", "vod", "qa", "qa-web", "rollcall", "end", "cobrowse")
MASK = "••••••••"


def copy_row(text_widget: QLineEdit | QLabel, parent: QWidget) -> QHBoxLayout:
    """A read-only URL with a Copy button next to it."""
    row = QHBoxLayout()
    button = QPushButton(QCoreApplication.translate("SettingsView", "Copy"))
    button.clicked.connect(lambda: QGuiApplication.clipboard().setText(text_widget.text()))
    row.addWidget(text_widget, 1)
    row.addWidget(button)
    return row


def url_field() -> QLineEdit:
    field = QLineEdit()
    field.setReadOnly(True)
    field.setMinimumWidth(420)
    return field


class SettingsView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.desk = bridge.desk
        self.config = bridge.desk.config
        self.window_ = window
        self.tabs = QTabWidget()
        self.tabs.addTab(self._schools_tab(), self.tr("Schools"))
        self.tabs.addTab(self._receiver_tab(), self.tr("Receiver"))
        self.tabs.addTab(self._alarms_tab(), self.tr("Alarms"))
        self.channels_panel = ChannelsPanel(self.desk)
        self.tabs.addTab(self.channels_panel, self.tr("Chat alarms"))
        self.tabs.addTab(self._gensee_tab(), self.tr("Gensee"))
        self.tunnel_panel = TunnelPanel(bridge)
        self.tabs.addTab(self.tunnel_panel, self.tr("Tunnel"))
        bridge.tunnelChanged.connect(self.refresh_urls)   # the public URLs replace the local ones
        self.first_run = FirstRunPanel(bridge, self.push_url)
        self.first_run.done.connect(self.leave_first_run)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.first_run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

        self.timer = every(self, 2000, self.refresh_urls)   # the receiver and tunnel URLs appear after start
        self.desk.use_alarm_settings(keys.alarm_settings(self.config.current().settings))
        self._removed: School | None = None
        self.refresh_schools()
        self._load_alarm_settings()
        if not self.config.current().schools:
            self.stack.setCurrentWidget(self.first_run)
            # After the window restored its last view: a new user starts here.
            QTimer.singleShot(0, lambda: window.show_view("settings"))

    def title(self) -> str:
        return self.tr("Settings")

    async def shutdown(self) -> None:
        self.timer.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.first_run and self.config.current().schools:
            # A school came meanwhile (the demo's, `school add` from a shell): the wizard is done.
            self.leave_first_run()
        self.refresh_urls()

    # -- URLs ------------------------------------------------------------------------------------
    def public_base(self) -> str | None:
        status = self.desk.tunnel_status()
        public = status.public_url if status is not None else None
        return (public or self.config.current().settings.get("registered_url") or "").rstrip("/") or None

    def local_base(self) -> str:
        return self.desk.receiver_url() or "http://{}:{}".format(*self.desk.listen_address())

    def push_url(self) -> tuple[str, str]:
        """(the URL to give ClassIn, a note on it)."""
        public = self.public_base()
        if public:
            return public + "/classin", self.tr("ClassIn reaches this PC through the tunnel at this URL.")
        return (self.local_base() + "/classin",
                self.tr("This address works on this PC only. ClassIn needs a public HTTPS address: start a "
                        "tunnel (cloudflared, ngrok or ssh) and give ClassIn its URL followed by /classin."))

    def gensee_url(self, endpoint: str) -> str:
        base = self.public_base() or self.local_base()
        return "{}/gensee/{}/{}".format(base, self.config.current().gensee_token, endpoint)

    def refresh_urls(self) -> None:
        if not self.isVisible():
            return
        url, note = self.push_url()
        self.push_url_field.setText(url)
        self.push_url_note.setText(note)
        self.local_url.setText(self.local_base() + "/classin")
        self.public_url.setText(self.public_base() + "/classin" if self.public_base() else self.tr("no tunnel"))
        for endpoint, field in self.gensee_fields.items():
            field.setText(self.gensee_url(endpoint))
        self.gensee_note.setText("" if self.public_base() else
                                 self.tr("These are this PC's local addresses: Gensee's servers need the "
                                         "tunnel's public URL, which replaces them once a tunnel runs."))
        if self.stack.currentWidget() is self.first_run:
            self.first_run.refresh()

    # -- schools ---------------------------------------------------------------------------------
    def _schools_tab(self) -> QWidget:
        page = QWidget()
        self.schools = QTableWidget(0, 6)
        self.schools.setHorizontalHeaderLabels([self.tr("SID"), self.tr("Name"), self.tr("Time zone"),
                                                self.tr("Secret"), self.tr("Verify"), self.tr("Held")])
        self.schools.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.schools.setSelectionMode(QAbstractItemView.SingleSelection)
        self.schools.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.schools.verticalHeader().hide()
        self.schools.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        fill_with(self.schools, 1)      # the name takes the spare width
        self.school_form = SchoolForm()
        self.sid_edit = self.school_form.sid_edit
        self.new_school = QPushButton(self.tr("New school"))
        self.save_school = QPushButton(self.tr("Save school"))
        self.remove_school = QPushButton(self.tr("Remove"))
        self.test_school = QPushButton(self.tr("Send test push"))
        self.promote_held = QPushButton(self.tr("Let held pushes in"))
        self.promote_held.setToolTip(self.tr("Store this school's held pushes as they are, without checking "
                                             "their SafeKey, in their original order."))
        self.undo_remove = QPushButton(self.tr("Undo"))
        self.undo_remove.hide()
        self.school_feedback = QLabel()
        self.school_feedback.setWordWrap(True)
        self.school_feedback.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.push_url_field = url_field()
        self.push_url_note = QLabel()
        self.push_url_note.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.new_school, self.save_school, self.remove_school, self.test_school, self.promote_held):
            buttons.addWidget(button)
        buttons.addStretch(1)
        feedback = QHBoxLayout()
        feedback.addWidget(self.school_feedback, 1)
        feedback.addWidget(self.undo_remove, 0, Qt.AlignTop)
        editor = QGroupBox(self.tr("School"))
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self.school_form)
        editor_layout.addLayout(buttons)
        editor_layout.addLayout(feedback)
        editor_layout.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.schools, 3)
        body.addWidget(editor, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("ClassIn push URL (the same for every school; ClassIn sends the SID "
                                        "in each push):")))
        layout.addLayout(copy_row(self.push_url_field, self))
        layout.addWidget(self.push_url_note)
        layout.addLayout(body, 1)

        self.schools.itemSelectionChanged.connect(self._school_selected)
        self.new_school.clicked.connect(lambda: self.edit_school(None))
        self.save_school.clicked.connect(self.save_form)
        self.remove_school.clicked.connect(self.remove_selected)
        self.undo_remove.clicked.connect(self.undo)
        self.test_school.clicked.connect(self.test_selected)
        self.promote_held.clicked.connect(self.trust_selected)
        self.bridge.receiverEvent.connect(self._held_changed)
        self.school_form.changed.connect(self._update_school_buttons)
        return page

    def refresh_schools(self) -> None:
        schools = sorted(self.config.current().schools.values(), key=lambda s: s.sid)
        self.schools.blockSignals(True)
        self.schools.setRowCount(len(schools))
        held = self.desk.stats().held
        for row, school in enumerate(schools):
            for column, text in enumerate((str(school.sid), school.name, school.timezone, MASK,
                                           self.school_form.policy_name(school.verify),
                                           str(held.get(school.sid, 0)))):
                self.schools.setItem(row, column, QTableWidgetItem(text))
        self.schools.blockSignals(False)
        self._update_school_buttons()

    def _school_selected(self) -> None:
        rows = self.schools.selectionModel().selectedRows()
        if rows:
            sid = int(self.schools.item(rows[0].row(), 0).text())
            self.school_form.load(self.config.current().schools.get(sid))
            self.school_feedback.clear()

    def _update_school_buttons(self) -> None:
        sid = self.school_form.sid()
        known = sid is not None and sid in self.config.current().schools
        self.save_school.setEnabled(self.school_form.problem() is None)
        self.remove_school.setEnabled(known)
        self.test_school.setEnabled(known and self.desk.receiver_url() is not None)
        self.promote_held.setEnabled(known and self.desk.stats().held.get(sid, 0) > 0)

    def _held_changed(self, event) -> None:
        if isinstance(event, (PushHeld, HeldPromoted)):
            self.refresh_schools()

    def trust_selected(self) -> None:
        """One click: the receiver promotes the school's held pushes within seconds."""
        sid = self.school_form.sid()
        if sid is None or not self.config.trust_held(sid, time.time()):
            return
        self.school_feedback.setText(self.tr("The held pushes of school {} are being let in.").format(sid))

    def edit_school(self, sid: int | None) -> None:
        """Show the school in the form (a new one when unknown), the secret ready to retype."""
        self.leave_first_run()
        self.tabs.setCurrentIndex(0)
        school = self.config.current().schools.get(sid) if sid is not None else None
        self.schools.clearSelection()
        for row in range(self.schools.rowCount()):
            if school is not None and self.schools.item(row, 0).text() == str(sid):
                self.schools.selectRow(row)
        self.school_form.load(school, sid)
        focus = self.school_form.secret_edit if sid is not None else self.school_form.sid_edit
        focus.setFocus()
        focus.selectAll()

    def save_form(self) -> None:
        problem = self.school_form.problem()
        if problem is not None:
            self.school_feedback.setText(problem)
            return
        school = self.school_form.save(self.config)
        self.refresh_schools()
        self.edit_school(school.sid)
        self.school_feedback.setText(self.tr("Saved school {}. The receiver accepts its pushes now.")
                                     .format(school.sid))

    def remove_selected(self) -> None:
        sid = self.school_form.sid()
        school = self.config.current().schools.get(sid) if sid is not None else None
        if school is None:
            return
        # No confirmation dialog: removal is undoable instead (and nothing stored is deleted).
        self.config.remove_school(school.sid)
        self._removed = school
        self.refresh_schools()
        self.school_form.load(None)
        self.school_feedback.setText(self.tr("Removed school {}: its pushes are refused from now on.")
                                     .format(school.sid))
        self.undo_remove.show()

    def undo(self) -> None:
        school, self._removed = self._removed, None
        self.undo_remove.hide()
        if school is not None:
            self.config.add_school(school.sid, school.secret, school.name, school.timezone, school.verify)
            self.refresh_schools()
            self.edit_school(school.sid)
            self.school_feedback.setText(self.tr("School {} is back.").format(school.sid))

    @asyncSlot()
    async def test_selected(self) -> None:
        sid = self.school_form.sid()
        school = self.config.current().schools.get(sid) if sid is not None else None
        if school is None or self.desk.receiver_url() is None:
            return
        self.test_school.setEnabled(False)
        try:
            result = await self.desk.test_push(school.sid)
        finally:
            self._update_school_buttons()
        self.school_feedback.setText(describe_result(result))

    def leave_first_run(self) -> None:
        self.refresh_schools()
        self.stack.setCurrentWidget(self.tabs)

    # -- receiver ----------------------------------------------------------------------------------
    def _receiver_tab(self) -> QWidget:
        page = QWidget()
        self.local_url = url_field()
        self.public_url = url_field()
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setMaximumWidth(120)
        self.port.setValue(int(self.config.current().settings.get(PORT_SETTING, self.desk.listen_address()[1]) or 8765))
        self.port.editingFinished.connect(self.store_port)
        data_dir = QLineEdit(str(self.desk.data_dir))
        data_dir.setReadOnly(True)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.desk.data_dir))))
        folder = QHBoxLayout()
        folder.addWidget(data_dir, 1)
        folder.addWidget(open_folder)
        form = QFormLayout(page)
        form.addRow(self.tr("Local receiver"), copy_row(self.local_url, self))
        form.addRow(self.tr("Public (tunnel)"), copy_row(self.public_url, self))
        form.addRow(self.tr("Port"), self.port)
        form.addRow("", QLabel(self.tr("A new port is used at the next start; ClassIn must then be given the "
                                       "new URL.")))
        form.addRow(self.tr("Data folder"), folder)
        form.addRow("", QLabel(self.tr("classwatch.db holds every push; config.json the schools and "
                                       "secrets (readable by you only).")))
        return page

    def store_port(self) -> None:
        value = self.port.value()
        self.config.update(lambda c: c.settings.__setitem__(PORT_SETTING, value))

    # -- alarms -----------------------------------------------------------------------------------------
    def _alarms_tab(self) -> QWidget:
        page = QWidget()

        def spin(low: float, high: float, suffix: str, decimals: int = 0) -> QDoubleSpinBox:
            box = QDoubleSpinBox()
            box.setRange(low, high)
            box.setDecimals(decimals)
            box.setSuffix(suffix)
            return box
        self.silence = spin(1, 240, self.tr(" min"))
        self.device_alarms = QCheckBox(self.tr("Alarm on failing devices in live lessons"))
        self.network_alarms = QCheckBox(self.tr("Alarm on bad network or CPU reports in live lessons"))
        self.sound = QCheckBox(self.tr("Play a sound on new critical alarms and help requests"))
        self.loss = spin(0.5, 100, " %", 1)
        self.delay = spin(10, 10000, " ms")
        self.degraded = spin(1, 100, " %")
        self.cpu = spin(1, 100, " %")
        self.save_alarms = QPushButton(self.tr("Save alarm settings"))
        self.alarms_feedback = QLabel()
        grid = QGridLayout(page)
        rows = (
            (self.tr("Silence: no push for"), self.silence,
             self.tr("during live lessons (Net reports arrive every 5 min per user)")),
            (self.tr("Packet loss from"), self.loss, ""),
            (self.tr("Delay from"), self.delay, ""),
            (self.tr("Degraded network probes from"), self.degraded, self.tr("of a 5-minute report")),
            (self.tr("CPU busy from"), self.cpu, self.tr("of the samples")),
        )
        for row, (label, box, note) in enumerate(rows):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(QLabel(note), row, 2)
        next_row = len(rows)
        for offset, widget in enumerate((self.device_alarms, self.network_alarms, self.sound)):
            grid.addWidget(widget, next_row + offset, 0, 1, 3)
        grid.addWidget(self.save_alarms, next_row + 3, 0)
        grid.addWidget(self.alarms_feedback, next_row + 3, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(next_row + 4, 1)
        self.save_alarms.clicked.connect(self.store_alarm_settings)
        return page

    def _load_alarm_settings(self) -> None:
        settings = self.config.current().settings
        alarm, limits = keys.alarm_settings(settings), keys.thresholds(settings)
        self.silence.setValue(alarm.silence_seconds / 60)
        self.device_alarms.setChecked(alarm.device_alarms)
        self.network_alarms.setChecked(alarm.network_alarms)
        self.sound.setChecked(bool(settings.get(keys.SOUND, False)))
        self.loss.setValue(limits.loss_percent)
        self.delay.setValue(limits.delay_ms)
        self.degraded.setValue(limits.degraded_share * 100)
        self.cpu.setValue(limits.cpu_busy_share * 100)

    def store_alarm_settings(self) -> None:
        values = {keys.SILENCE_MINUTES: self.silence.value(), keys.DEVICE_ALARMS: self.device_alarms.isChecked(),
                  keys.NETWORK_ALARMS: self.network_alarms.isChecked(), keys.SOUND: self.sound.isChecked(),
                  keys.LOSS_PERCENT: self.loss.value(), keys.DELAY_MS: self.delay.value(),
                  keys.DEGRADED_PERCENT: self.degraded.value(), keys.CPU_BUSY_PERCENT: self.cpu.value()}
        config = self.config.update(lambda c: c.settings.update(values))
        self.desk.use_alarm_settings(keys.alarm_settings(config.settings))
        self.alarms_feedback.setText(self.tr("Saved."))

    # -- Gensee ------------------------------------------------------------------------------------------
    def _gensee_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        note = QLabel(self.tr("Paste these into Gensee's callback settings. The token in them is the only "
                              "protection (Gensee signs nothing): keep them private."))
        note.setWordWrap(True)
        form.addRow(note)
        self.gensee_fields: dict[str, QLineEdit] = {}
        for endpoint in GENSEE_ENDPOINTS:
            field = url_field()
            self.gensee_fields[endpoint] = field
            form.addRow(endpoint, copy_row(field, self))
        self.gensee_note = QLabel()
        self.gensee_note.setWordWrap(True)
        form.addRow(self.gensee_note)
        self.rotate = QPushButton(self.tr("New token…"))
        self.rotate_feedback = QLabel()
        self.rotate_feedback.setWordWrap(True)
        form.addRow(self.rotate, self.rotate_feedback)
        self.rotate.clicked.connect(self.rotate_token)
        return page

    def rotate_token(self) -> None:
        # Two clicks instead of a modal question: every configured Gensee URL stops working.
        if not self.rotate.property("armed"):
            self.rotate.setProperty("armed", True)
            self.rotate.setText(self.tr("Click again to replace the token"))
            self.rotate_feedback.setText(self.tr("The old URLs stop working at once; update them in Gensee."))
            return
        self.rotate.setProperty("armed", False)
        self.rotate.setText(self.tr("New token…"))
        self.config.rotate_gensee_token()
        self.refresh_urls()
        self.rotate_feedback.setText(self.tr("New token in use. Update the URLs in Gensee now."))
