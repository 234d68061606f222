"""Inspector: every stored and refused push, newest first, searchable by Cmd,
ClassID, UID or text; the selected one as pretty JSON, with commands that
re-send it byte for byte (curl for bash, Invoke-RestMethod for PowerShell)."""
from __future__ import annotations

import functools
import re

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIntValidator, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from protocol.classin import INT_CMD_NAMES, STRING_CMDS
from app.inspector import Cursor, InspectedPush, Page, PushFilter, payload_text, search
from app.receiving import PushRefused, PushStored

from ..bridge import MonitorBridge
from ..columns import fill_with, fit_columns, needed_width
from ..layouts import side_by_side, split, stacked
from ..loader import Loader
from ..models.labels import cmd_label
from ..models.pushes_model import PushesModel
from ..models.table import ITEM_ROLE
from ..resend import curl_command, powershell_command
from .lesson_panel import table_view


DETAIL_WIDTH = 300      # px: the pretty JSON's short "key": value lines whole (long ones wrap)


def _fetch(generation: int, f: PushFilter, before: Cursor | None) -> tuple[int, bool, Page]:
    return generation, before is not None, search(f, before)


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


class InspectorView(QWidget):
    def __init__(self, bridge: MonitorBridge, window):
        super().__init__()
        self.bridge = bridge
        self.cmd = QComboBox()
        self.cmd.setEditable(True)
        self.cmd.addItem("")
        for cmd in [*INT_CMD_NAMES, *STRING_CMDS]:
            self.cmd.addItem(cmd_label(cmd), str(cmd))
        self.cmd.lineEdit().setPlaceholderText(self.tr("any Cmd"))
        self.cmd.setMinimumContentsLength(18)
        self.class_id = QLineEdit()
        self.class_id.setPlaceholderText(self.tr("ClassID"))
        self.uid = QLineEdit()
        self.uid.setPlaceholderText(self.tr("UID"))
        for edit in (self.class_id, self.uid):
            edit.setValidator(QIntValidator(0, 2**31 - 1, edit))
            edit.setClearButtonEnabled(True)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Text in the body (newest {} pushes)").format("200 000"))
        self.text.setClearButtonEnabled(True)
        self.refused_only = QCheckBox(self.tr("Refused only"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.count = QLabel()

        self.model = PushesModel(bridge.desk.config, self)
        self.table = table_view(self.model, sortable=False)   # newest first, paged: no re-sorting
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        fill_with(self.table, PushesModel.COLUMNS.index("status"))    # a refusal's reason, not the size
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setFont(QFontDatabase.systemFont(QFontDatabase.FixedFont))
        self.copy_curl = QPushButton(self.tr("Copy as curl"))
        self.copy_powershell = QPushButton(self.tr("Copy for PowerShell"))
        self.copy_json = QPushButton(self.tr("Copy JSON"))
        self.feedback = QLabel()

        filters = side_by_side(self.cmd, self.class_id, self.uid, (self.text, 2), self.refused_only, self.refresh_button)
        buttons = side_by_side(self.copy_curl, self.copy_powershell, self.copy_json)
        buttons.addStretch(1)
        detail = stacked(self.heading, (self.body, 1), buttons, self.feedback)
        self.split = split(Qt.Orientation.Horizontal, (self.table, 3), (detail, 2))
        self.split.setSizes([700, 450])
        self._split_dragged = False          # then the user's widths stand
        self.split.splitterMoved.connect(self._dragged)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.split, 1)

        self.generation = 0
        self.next_before: Cursor | None = None
        self.stale = True
        self.loader = Loader(self._query, delay_ms=250, parent=self)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(lambda message: self.count.setText(self.tr("Search failed: {}").format(message)))
        self.model.moreWanted.connect(self._more)
        for signal in (self.cmd.currentTextChanged, self.class_id.textChanged, self.uid.textChanged,
                       self.text.textChanged, self.refused_only.toggled):
            signal.connect(self.new_search)
        self.refresh_button.clicked.connect(self.new_search)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.copy_curl.clicked.connect(lambda: self._copy(self.curl_text()))
        self.copy_powershell.clicked.connect(lambda: self._copy(self.powershell_text()))
        self.copy_json.clicked.connect(lambda: self._copy(self.body.toPlainText()))
        bridge.receiverEvent.connect(self._on_receiver_event)
        self.show_push(None)

    def title(self) -> str:
        return self.tr("Inspector")

    async def shutdown(self) -> None:
        await self.loader.stop()

    # -- searching -----------------------------------------------------------------------------
    def current_filter(self) -> PushFilter:
        text = self.cmd.currentText().strip()
        listed = self.cmd.findText(text)
        # A listed Cmd by its data (its label is in the desk's words); a typed one up to its label.
        cmd = self.cmd.itemData(listed) if listed > 0 else re.split(r"[\s(（]", text)[0]
        return PushFilter(cmd=cmd or None, class_id=_int_or_none(self.class_id.text()),
                          uid=_int_or_none(self.uid.text()), text=self.text.text().strip() or None,
                          quarantined_only=self.refused_only.isChecked())

    def new_search(self) -> None:
        self.generation += 1
        self.next_before = None
        self.stale = False
        self.loader.request()

    def _more(self) -> None:
        self.next_before = self.model.cursor
        self.loader.request()

    def _query(self):
        return functools.partial(_fetch, self.generation, self.current_filter(), self.next_before)

    def _loaded(self, result: tuple[int, bool, Page]) -> None:
        generation, append, page = result
        if generation != self.generation:
            return           # the filters changed while this page was read
        selected = self.selected()
        shared = self.model.shared_zone
        self.model.set_page(page, append)
        # Once, and again when the time cells gain or lose their zone; a refit keeps dragged widths.
        if page.rows and (not self.table.property("sized") or shared != self.model.shared_zone):
            fit_columns(self.table)
            self.table.setProperty("sized", True)
            self._share_width()
        more = self.tr(" (scroll for more)") if page.cursor is not None else ""
        self.count.setText(self.tr("{} push(es) shown").format(self.model.rowCount()) + more)
        if selected is not None and not append:
            self._reselect(selected)

    def _reselect(self, push: InspectedPush) -> None:
        for row, candidate in enumerate(self.model.rows):
            if (candidate.kind, candidate.row_id) == (push.kind, push.row_id):
                self.table.selectRow(row)
                return
        self.show_push(None)

    def _on_receiver_event(self, event) -> None:
        if not isinstance(event, (PushStored, PushRefused)):
            return
        # Follow the feed only while the user looks at the newest rows; never
        # move the list under someone reading page 3.
        at_top = self.table.verticalScrollBar().value() == 0
        if self.isVisible() and at_top and self.next_before is None:
            self.loader.request()
        else:
            self.stale = True

    def _dragged(self) -> None:
        self._split_dragged = True

    def _share_width(self) -> None:
        """The list takes what its columns need (the Cmd, ClassID and UID in sight
        on a 1280 px screen), the pretty JSON the rest, DETAIL_WIDTH at least."""
        sizes = self.split.sizes()
        total = sum(sizes)
        if self._split_dragged or total <= 0:
            return
        table = min(needed_width(self.table), total - max(total // 4, DETAIL_WIDTH))
        if table > sizes[0]:
            self.split.setSizes([table, total - table])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def zone_changed(self) -> None:
        self.model.recount_zones()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.new_search()

    # -- one push --------------------------------------------------------------------------------
    def selected(self) -> InspectedPush | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ITEM_ROLE) if indexes else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.show_push(self.selected())

    def show_push(self, push: InspectedPush | None) -> None:
        self.feedback.clear()
        for button in (self.copy_curl, self.copy_powershell, self.copy_json):
            button.setEnabled(push is not None)
        if push is None:
            self.heading.setText(self.tr("Select a push to see it as received."))
            self.body.clear()
            return
        lines = [self.tr("{} · received {} · {} · {} bytes").format(
            self.model.status(push), self.model.time(push, push.received_at), push.source, push.size)]
        if push.kind == "quarantined":
            lines.append(self.tr("First seen {}, {} attempt(s). Why: {}").format(
                self.model.time(push, push.first_seen), push.attempts, self.model.refusal(push)))
            lines.append(self.model.answer(push))
        self.heading.setText("\n".join(lines))
        self.body.setPlainText(payload_text(push.body))
        resendable = push.source == "classin" and push.complete
        self.copy_curl.setEnabled(resendable)
        self.copy_powershell.setEnabled(resendable)
        if not resendable:
            self.feedback.setText(self.tr("Only complete ClassIn bodies can be re-sent."))

    def _classin_url(self) -> str:
        return (self.bridge.desk.receiver_url() or "http://127.0.0.1:8765") + "/classin"

    def curl_text(self) -> str:
        push = self.selected()
        return curl_command(self._classin_url(), push.body) if push is not None else ""

    def powershell_text(self) -> str:
        push = self.selected()
        return powershell_command(self._classin_url(), push.body) if push is not None else ""

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.feedback.setText(self.tr("Copied to the clipboard."))
