"""The main window: navigation on the left, one view at a time, and a status
bar that always shows where pushes go and whether they arrive."""
from __future__ import annotations


from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal
from PySide6.QtGui import (QActionGroup, QCloseEvent, QColor, QGuiApplication, QIcon, QKeySequence, QPainter,
                           QPalette, QPixmap)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QSplitter, QStackedWidget, QStyle, QTableView, QVBoxLayout, QWidget)

from tunnel.service import TunnelState

from .alarm_texts import AlarmTexts
from .banner import AlarmBanner
from .charts import dark
from .columns import ColumnLayout
from .bridge import MonitorBridge
from .rebuild_dialog import RebuildDialog
from .timers import every
from .formatting import PC_ZONE, SCHOOL_ZONE, ago, load_zone_mode, local_time, set_zone_mode, zone_mode
from .models.labels import school_timezone
from .tray import badge_icon
from .views import view_classes

_ICON = QStyle.StandardPixmap
NAV_ICONS = {"live": _ICON.SP_MediaPlay, "network": _ICON.SP_DriveNetIcon, "checks": _ICON.SP_DialogApplyButton,
             "alarms": _ICON.SP_MessageBoxWarning, "inspector": _ICON.SP_FileDialogContentsView,
             "history": _ICON.SP_FileDialogDetailedView, "school": _ICON.SP_DirHomeIcon, "gensee": _ICON.SP_ComputerIcon,
             "relay": _ICON.SP_ArrowForward, "settings": _ICON.SP_FileDialogInfoView}
SCREEN_SHARE = 0.85      # a first start fills this much of the screen (a fixed size ran off 150 % laptops)


def readable(icon: QIcon, size: int = 32) -> QIcon:
    """A black glyph (the style's play and arrow icons) drawn in the text colour
    when the OS scheme is dark, where black on the dark navigation vanished."""
    if not dark():
        return icon
    image = icon.pixmap(size, size).toImage()
    opaque = [image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)]
    opaque = [c for c in opaque if c.alpha() > 128]
    if not opaque or sum(c.lightness() for c in opaque) / len(opaque) > 80:
        return icon                                     # coloured or light already
    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), QColor(QGuiApplication.palette().color(QPalette.ColorRole.WindowText)))
    painter.end()
    return QIcon(pixmap)


class StatusBar(QObject):
    """Receiver URL, public URL, pushes in the last minute, last push, open alarms.
    A QObject for `self.tr` (context "StatusBar", as lupdate sees it)."""

    def __init__(self, window: QMainWindow, bridge: MonitorBridge):
        super().__init__(window)
        self.bridge = bridge
        bar = window.statusBar()
        self.local = QLabel()
        self.public = QLabel()
        self.rate = QLabel()
        self.last = QLabel()
        self.alarms = QLabel()
        self.store = QLabel()          # a team desk: whether the team's database is reachable
        self.store.setObjectName("teamDatabase")
        for label in (self.local, self.store, self.public, self.rate, self.last):
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            bar.addWidget(label)
        bar.addPermanentWidget(self.alarms)
        self.timer = every(window, 1000, self.refresh)
        self.refresh()

    def _tunnel_state(self, state: TunnelState) -> str:
        return {TunnelState.STARTING: self.tr("starting"), TunnelState.UP: self.tr("up"),
                TunnelState.UNHEALTHY: self.tr("unhealthy"), TunnelState.DOWN: self.tr("down"),
                TunnelState.STOPPED: self.tr("stopped")}.get(state, state.value)

    def refresh(self) -> None:
        desk = self.bridge.desk
        url = desk.receiver_url()
        team = desk.team_link()
        if url:
            self.local.setText(self.tr("Receiver: {}/classin").format(url))
        elif team is not None:
            self.local.setText(self.tr("Receiver: off (the team's server receives)"))
        else:
            self.local.setText(self.tr("Receiver: not running"))
        if team is None:
            self.store.hide()
        else:
            self.store.show()
            connected, reason = team
            if connected:
                self.store.setText(self.tr("Team database: live"))
                self.store.setStyleSheet("")
            else:
                self.store.setText(self.tr("Team database: reconnecting…"))
                self.store.setToolTip(reason or "")
                self.store.setStyleSheet("color: white; background: #ef6c00; padding: 0 6px;")
        tunnel = desk.tunnel_status()
        if tunnel is None:
            self.public.setText(self.tr("Public: no tunnel"))
        elif tunnel.public_url:
            self.public.setText(self.tr("Public: {} ({})").format(tunnel.public_url, self._tunnel_state(tunnel.state)))
        else:
            self.public.setText(self.tr("Public: tunnel {}").format(self._tunnel_state(tunnel.state)))
        stats = desk.stats()
        self.rate.setText(self.tr("%n push(es) in the last minute", "", stats.pushes_last_minute()))
        if stats.last_push_at:
            self.last.setText(self.tr("Last push: {} ({})").format(
                local_time(stats.last_push_at, school_timezone(desk.config, None)), ago(stats.last_push_at)))
        else:
            self.last.setText(self.tr("Last push: none yet"))
        open_alarms = self.bridge.desk.open_alarms()
        critical = sum(1 for a in open_alarms if a.severity >= 2)
        self.alarms.setText(self.tr("%n open alarm(s)", "", len(open_alarms)))
        style = "color: white; background: #c62828; padding: 0 6px; font-weight: bold;" if critical else ""
        if style != self.alarms.styleSheet():     # a re-polish every second for nothing
            self.alarms.setStyleSheet(style)
        window = self.parent()
        if isinstance(window, AppWindow):
            window.show_alarm_count(len(open_alarms), bool(critical))
            window.show_counts({"live": len(self.bridge.desk.live_lessons()), "alarms": len(open_alarms)})


class AppWindow(QMainWindow):
    closing = Signal()

    def __init__(self, bridge: MonitorBridge, demo: bool = False):
        super().__init__()
        self.bridge = bridge
        self.demo = demo
        load_zone_mode()
        self._title = self.tr("ClassWatch") + (self.tr(" — demo") if demo else "")
        self.setWindowTitle(self._title)
        self.setWindowIcon(badge_icon(0, False))
        self._fit_screen()
        self.alarm_texts = AlarmTexts(bridge.desk, self)
        self.alarm_banner = AlarmBanner(bridge, self.alarm_texts, self.show_alarm)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #c62828; color: white; padding: 8px; font-weight: bold;")
        self.banner.hide()

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setStyleSheet("QListWidget#nav { font-size: 11pt; } QListWidget#nav::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        self.views = {}
        for key, cls in view_classes():
            view = cls(bridge, self)
            self.views[key] = view
            self.stack.addWidget(view)
            item = QListWidgetItem(view.title())
            icon = NAV_ICONS.get(key)
            if icon is not None:
                item.setIcon(readable(self.style().standardIcon(icon)))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        # As wide as the longest name with a count after it (in either language), no wider.
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + self.nav.fontMetrics().horizontalAdvance(" (999)")
                                   + 2 * self.nav.frameWidth() + 8))

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.alarm_banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self, bridge)
        self._menus()
        self._restore()

    def _fit_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 800)
            return
        area = screen.availableGeometry()
        self.resize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE))
        self.move(area.center() - self.rect().center())

    # -- menus and shortcuts ---------------------------------------------------------------------
    def _menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self.export_action = file.addAction(self.tr("&Export…"), self.export_current)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.rebuild_action = file.addAction(self.tr("&Rebuild lessons and charts…"), self.rebuild)
        if not self.bridge.desk.listens:
            self.rebuild_action.setEnabled(False)
            self.rebuild_action.setToolTip(self.tr("A team store is rebuilt by the team's serve."))
        file.addSeparator()
        quit_ = file.addAction(self.tr("&Quit"), self.close)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self.find_action = edit.addAction(self.tr("&Find a person or lesson…"), self.find)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.copy_action = edit.addAction(self.tr("Copy &diagnostic"), self.copy_diagnostic)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        view = bar.addMenu(self.tr("&View"))
        self.refresh_action = view.addAction(self.tr("&Refresh"), self.refresh_current)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        view.addSeparator()
        self.zone_actions = QActionGroup(self)
        for mode, label in ((SCHOOL_ZONE, self.tr("Times in each school's zone")),
                            (PC_ZONE, self.tr("Times in this PC's zone"))):
            action = view.addAction(label)
            action.setCheckable(True)
            action.setChecked(zone_mode() == mode)
            action.setData(mode)
            action.triggered.connect(lambda _checked=False, m=mode: self.set_zone_mode(m))
            self.zone_actions.addAction(action)
        view.addSeparator()
        for row, (key, view_) in enumerate(self.views.items()):
            action = view.addAction(view_.title(), lambda k=key: self.show_view(k))
            action.setShortcut(QKeySequence("Ctrl+{}".format(row + 1)))
        alarms = bar.addMenu(self.tr("&Alarms"))
        self.acknowledge_action = alarms.addAction(self.tr("&Acknowledge"), self.acknowledge)
        self.acknowledge_action.setShortcut(QKeySequence("Ctrl+K"))

    def _current(self) -> QWidget:
        return self.stack.currentWidget()

    def export_current(self) -> None:
        """The view's own export (the open lesson, the listed ones), else History's."""
        view = self._current()
        if not hasattr(view, "export"):
            view = self.show_view("history")
        view.export()

    def rebuild(self) -> RebuildDialog:
        """The rebuild dialog (open(), never exec(): PITFALLS); one at a time."""
        dialog = self.findChild(RebuildDialog)
        if dialog is None:
            dialog = RebuildDialog(self.bridge.desk, self)
        dialog.open()
        return dialog

    def find(self) -> None:
        view = self._current()
        if not hasattr(view, "find"):
            view = self.show_view("live")
        view.find()

    def copy_diagnostic(self) -> None:
        copy = getattr(self._current(), "copy_diagnostic", None)
        if copy is not None:
            copy()

    def refresh_current(self) -> None:
        refresh = getattr(self._current(), "refresh_all", None) or getattr(self._current(), "refresh", None)
        if refresh is not None:
            refresh()

    def acknowledge(self) -> None:
        """The alarms selected in the alarm center, else the one in the banner."""
        view = self.views.get("alarms")
        if view is not None and self._current() is view:
            view.acknowledge_selected()
        elif self.alarm_banner.alarm is not None:
            self.bridge.desk.acknowledge(self.alarm_banner.alarm.key)

    def show_alarm(self, key: str) -> None:
        self.show_view("alarms").select(key)

    def set_zone_mode(self, mode: str) -> None:
        """Every time in the window follows at once: cells are texts made at paint
        time; views holding computed times or ranges redo them (`zone_changed`)."""
        set_zone_mode(mode)
        for action in self.zone_actions.actions():
            action.setChecked(action.data() == mode)
        for table in self.findChildren(QTableView):
            table.viewport().update()
            table.horizontalHeader().viewport().update()
        for view in self.views.values():
            changed = getattr(view, "zone_changed", None)
            if changed is not None:
                changed()
        self.status.refresh()

    def show_counts(self, counts: dict[str, int]) -> None:
        """How many there are, beside a view's name in the navigation."""
        for row, (key, view) in enumerate(self.views.items()):
            if key in counts:
                # The brackets are the language's: 告警（3）.
                text = self.tr("{} ({})").format(view.title(), counts[key]) if counts[key] else view.title()
                item = self.nav.item(row)
                if item.text() != text:
                    item.setText(text)

    def show_alarm_count(self, count: int, critical: bool) -> None:
        """In the title (the taskbar shows it) and the window icon."""
        title = "({}) {}".format(count, self._title) if count else self._title
        if title != self.windowTitle():
            self.setWindowTitle(title)
            self.setWindowIcon(badge_icon(count, critical))

    # -- navigation --------------------------------------------------------------------------
    def show_view(self, key: str):
        view = self.views[key]
        self.nav.setCurrentRow(self.stack.indexOf(view))
        return view

    # -- state ---------------------------------------------------------------------------------
    def _named(self, kind: type) -> dict:
        """Every splitter or table, named by where it sits (view key and position):
        their sizes and column widths are saved under these names."""
        found = {}
        for key, view in self.views.items():
            for n, widget in enumerate(view.findChildren(kind)):
                found["{}/{}".format(key, n)] = widget
        return found

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        for name, splitter in self._named(QSplitter).items():
            state = settings.value("splitters/" + name)
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        for name, table in self._named(QTableView).items():
            ColumnLayout.of(table).restore(settings.value("columns/" + name))
        self.nav.setCurrentRow(int(settings.value("window/view", 0) or 0) % max(1, self.nav.count()))

    def _save(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/view", self.nav.currentRow())
        for name, splitter in self._named(QSplitter).items():
            settings.setValue("splitters/" + name, splitter.saveState())
        for name, table in self._named(QTableView).items():
            layout = ColumnLayout.of(table)
            if layout.user:
                settings.setValue("columns/" + name, layout.saved())
            else:
                settings.remove("columns/" + name)

    def show_startup_error(self, message: str) -> None:
        self.banner.setText(self.tr("The receiver could not start: {}. Choose another port in Settings "
                                    "or close the other program using it.").format(message))
        self.banner.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save()
        event.accept()
        self.closing.emit()

    async def shutdown(self) -> None:
        for view in self.views.values():
            stop = getattr(view, "shutdown", None)
            if stop is not None:
                await stop()
