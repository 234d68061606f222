"""Settings › Chat alarms: the chat robots that receive alarms (the same
channels as `alarm-channel`), their delivery state, add / remove, and
"Send test message". URLs are shown masked (they hold the robot's key) and
secrets never: an existing channel keeps its URL and secret unless new ones
are typed."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidgetItem, QVBoxLayout,
                               QWidget)
from qasync import asyncSlot

from alarms.channels import KINDS, NAME_LIMIT, SEVERITIES, SIGNED_KINDS, problem
from alarms.channels.dispatcher import DeliveryState
from app.desk import Desk
from app.settings import AlarmChannel, mask_url

from ..formatting import local_time
from ..timers import every
from .lesson_panel import TableWidget

# Translated when shown (QCoreApplication.translate with this context).
KIND_NAMES = {"wecom": QT_TRANSLATE_NOOP("ChannelsPanel", "WeCom"),
              "dingtalk": QT_TRANSLATE_NOOP("ChannelsPanel", "DingTalk"),
              "feishu": QT_TRANSLATE_NOOP("ChannelsPanel", "Feishu / Lark"),
              "slack": QT_TRANSLATE_NOOP("ChannelsPanel", "Slack"),
              "webhook": QT_TRANSLATE_NOOP("ChannelsPanel", "Webhook (JSON)")}


class ChannelsPanel(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None):
        super().__init__(parent)
        self.desk = desk
        self.config = desk.config
        self.table = TableWidget(0, 6)
        self.table.empty_text = self.tr("No chat robot yet: once you add one below, alarms reach the team's "
                                        "chat (WeCom, DingTalk, Feishu / Lark, Slack or any webhook).")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Robot"), self.tr("Sends from"),
                                              self.tr("Address"), self.tr("Last sent"), self.tr("Delivery")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.name = QLineEdit()
        self.name.setMaxLength(NAME_LIMIT)
        self.name.setPlaceholderText(self.tr("e.g. support desk group"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(QCoreApplication.translate("ChannelsPanel", KIND_NAMES[kind]), kind)
        self.url = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.Password)
        self.severity = QComboBox()
        words = {"info": self.tr("Info and above"), "warning": self.tr("Warnings and above"),
                 "critical": self.tr("Critical only")}
        for severity in SEVERITIES:
            self.severity.addItem(words[severity], severity)
        self.severity.setCurrentIndex(SEVERITIES.index("warning"))
        self.save = QPushButton(self.tr("Save channel"))
        self.remove = QPushButton(self.tr("Remove"))
        self.test = QPushButton(self.tr("Send test message"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextInteractionFlags(Qt.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Robot"), self.kind)
        form.addRow(self.tr("Webhook URL"), self.url)
        form.addRow(self.tr("Signing secret"), self.secret)
        form.addRow(self.tr("Send"), self.severity)
        buttons = QHBoxLayout()
        for button in (self.save, self.remove, self.test):
            buttons.addWidget(button)
        buttons.addStretch(1)
        actions = QVBoxLayout()
        actions.addLayout(buttons)
        actions.addWidget(self.feedback)
        actions.addStretch(1)
        editor = QGroupBox(self.tr("Channel"))
        editor_layout = QHBoxLayout(editor)
        editor_layout.addLayout(form, 3)
        editor_layout.addLayout(actions, 2)
        intro = QLabel(self.tr("Alarms at or above a channel's level go to its chat as they open, and critical "
                               "ones again when they resolve. A burst is one message; at most 20 messages a "
                               "minute per chat (the robots' limit), the rest summed up in one."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(editor)

        self.table.itemSelectionChanged.connect(self._selected)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for edit in (self.name, self.url, self.secret):
            edit.textChanged.connect(self._update_buttons)
        self.save.clicked.connect(self.save_channel)
        self.remove.clicked.connect(self.remove_channel)
        self.test.clicked.connect(self.send_test)
        self.timer = every(self, 2000, self.refresh)
        self._kind_changed()
        self.refresh()

    # -- what is shown ---------------------------------------------------------------------------
    def _channels(self) -> list[AlarmChannel]:
        return sorted(self.config.current().channels.values(), key=lambda c: c.name)

    def _zone(self) -> str:
        return self.desk.channel_zone()

    def delivery(self, state: DeliveryState | None) -> str:
        if state is None:
            return self.tr("nothing to send yet")
        if state.failing_since is not None:
            return self.tr("FAILING since {}: {} ({} waiting)").format(
                local_time(state.failing_since, self._zone()), state.last_error, state.queued)
        if state.queued:
            return self.tr("{} alarms waiting").format(state.queued)
        return self.tr("OK") if state.sent else self.tr("nothing to send yet")

    def refresh(self) -> None:
        if not self.isVisible() and self.table.rowCount():
            return
        states = self.desk.channel_states()
        channels = self._channels()
        selected = self._selected_name()
        self.table.blockSignals(True)
        self.table.setRowCount(len(channels))
        for row, channel in enumerate(channels):
            state = states.get(channel.name)
            sent = state.last_sent if state else None
            cells = (channel.name, self.kind.itemText(KINDS.index(channel.kind)) if channel.kind in KINDS
                     else channel.kind, self.severity.itemText(SEVERITIES.index(channel.min_severity))
                     if channel.min_severity in SEVERITIES else channel.min_severity,
                     mask_url(channel.url), local_time(sent, self._zone(), with_date=True) if sent else "—",
                     self.delivery(state))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)    # a robot's error is longer than its cell
                if column == 5 and state is not None and state.failing_since is not None:
                    item.setForeground(Qt.red)
                self.table.setItem(row, column, item)
            if channel.name == selected:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self._update_buttons()

    def _selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).text() if rows else None

    def _selected(self) -> None:
        channel = self.config.current().channels.get(self._selected_name() or "")
        if channel is None:
            return
        self.name.setText(channel.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(channel.kind)))
        self.severity.setCurrentIndex(max(0, self.severity.findData(channel.min_severity)))
        self.url.clear()
        self.secret.clear()
        self.feedback.clear()
        self._kind_changed()

    def _existing(self) -> AlarmChannel | None:
        return self.config.current().channels.get(self.name.text().strip())

    def _kind_changed(self) -> None:
        signed = self.kind.currentData() in SIGNED_KINDS
        self.secret.setEnabled(signed)
        existing = self._existing()
        self.url.setPlaceholderText(self.tr("unchanged: {}").format(mask_url(existing.url)) if existing
                                    else self.tr("the robot's webhook address"))
        self.secret.setPlaceholderText(
            (self.tr("unchanged (leave empty to keep it)") if existing and existing.secret
             else self.tr("the robot's signing secret, if it has one")) if signed
            else self.tr("not used: this robot's key is in its URL"))
        self._update_buttons()

    def _update_buttons(self) -> None:
        existing = self._existing()
        self.save.setEnabled(bool(self.name.text().strip()) and (bool(self.url.text().strip()) or existing is not None))
        self.remove.setEnabled(existing is not None)
        self.test.setEnabled(existing is not None)

    # -- commands ------------------------------------------------------------------------------------
    def save_channel(self) -> None:
        existing = self._existing()
        name, kind = self.name.text().strip(), self.kind.currentData()
        url = self.url.text().strip() or (existing.url if existing else "")
        secret = self.secret.text().strip() if kind in SIGNED_KINDS else ""
        if not secret and existing is not None and kind in SIGNED_KINDS and not self.secret.text():
            secret = existing.secret
        wrong = problem(name, kind, url, secret)
        if wrong is not None:
            self.feedback.setText({"name": self.tr("The name must be 1-{} printable characters.").format(NAME_LIMIT),
                                   "url": self.tr("The URL must be a web address starting with http:// or https://."),
                                   }.get(wrong, self.tr("This robot takes no signing secret.")))
            return
        self.config.save_channel(AlarmChannel(name, kind, url, secret, self.severity.currentData()))
        self.url.clear()
        self.secret.clear()
        self.refresh()
        self._kind_changed()
        self.feedback.setText(self.tr("Saved channel {}. Send a test message to check it.").format(name))

    def remove_channel(self) -> None:
        existing = self._existing()
        if existing is not None and self.config.remove_channel(existing.name):
            self.refresh()
            self._kind_changed()
            self.feedback.setText(self.tr("Removed channel {}.").format(existing.name))

    @asyncSlot()
    async def send_test(self) -> None:
        channel = self._existing()
        if channel is None:
            return
        self.test.setEnabled(False)
        self.feedback.setText(self.tr("Sending a test message to {}…").format(channel.name))
        try:
            reason = await self.desk.send_test(channel)
        finally:
            self._update_buttons()
        if reason is None:
            self.feedback.setText(self.tr("Test message sent to {}: check the chat.").format(channel.name))
        else:
            self.feedback.setText(self.tr("Test message to {} failed: {}").format(channel.name, reason))
