"""pyqtgraph helpers: time plots in a school's zone, stacked shares, bands, and
a crosshair shared by linked plots."""
from __future__ import annotations

import html
from typing import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from .formatting import moment, zone_label

# FillBetweenItem follows its curves' drawn paths, which pen=None curves never build.
INVISIBLE = pg.mkPen(0, 0, 0, 0)


def dark() -> bool:
    """The OS runs a dark colour scheme (Qt then also hands the window a dark
    palette, which some platforms do without telling the scheme): charts follow."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return (app.styleHints().colorScheme() == Qt.ColorScheme.Dark
            or QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128)


def background() -> str:
    return "#202124" if dark() else "w"


def axis_colour() -> str:
    return "#d0d0d0" if dark() else "#424242"
# Okabe–Ito: distinguishable with colour-blindness; users' lines cycle through it.
USER_COLOURS = ("#0072B2", "#D55E00", "#CC79A7", "#009E73", "#E69F00", "#56B4E9", "#000000", "#F0E442")


def user_colour(position: int) -> str:
    """The colour of the n-th ticked user, the same in every chart and list."""
    return USER_COLOURS[position % len(USER_COLOURS)]


def zone_offset(timezone: str | None, at: float) -> int:
    """pyqtgraph's utcOffset: seconds *west* of UTC (like time.timezone) where
    the school's times are shown (the desk may have chosen this PC's zone)."""
    offset = moment(at, timezone).utcoffset()
    return -int(offset.total_seconds()) if offset is not None else 0


def time_plot(title: str, y_label: str) -> pg.PlotItem:
    """A plot with a real time axis (zone: `set_zone`). Curves are per-bin
    aggregates or a few users' lines, so auto-downsampling is all they need;
    clipToView is left off on purpose: it makes autoRange see no data before
    the first range is set (the view then spans 1970 to now)."""
    axis = pg.DateAxisItem(orientation="bottom")
    plot = pg.PlotItem(axisItems={"bottom": axis})
    plot.setTitle(html.escape(title), color=axis_colour(), size="10pt")
    plot.setLabel("left", y_label, color=axis_colour())
    for name in ("left", "bottom"):
        plot.getAxis(name).setPen(axis_colour())
        plot.getAxis(name).setTextPen(axis_colour())
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.getAxis("left").enableAutoSIPrefix(False)    # "ms (x0.001)" helps nobody
    plot.setDownsampling(auto=True, mode="peak")
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot


def set_zone(plot: pg.PlotItem, timezone: str | None, at: float) -> None:
    plot.getAxis("bottom").utcOffset = zone_offset(timezone, at)
    plot.getAxis("bottom").picture = None   # DateAxisItem caches the drawn ticks
    plot.getAxis("bottom").update()


def name_zone(plot: pg.PlotItem, timezone: str | None, at: float | None) -> None:
    """"time (UTC+8)" under the time axis: the ticks alone do not say whose clock
    they follow (the school's, or this PC's by the desk's choice). Linked plots
    name it once, under the lowest."""
    label = QCoreApplication.translate("charts", "time ({})").format(zone_label(timezone, at))
    plot.setLabel("bottom", label, color=axis_colour())


def titled_legend(plot: pg.PlotItem, title: str, entries: Sequence[tuple[str, str]]) -> None:
    """The legend as coloured squares in the title line. A LegendItem inside the
    plot covered the data of these short plots, and one holding a
    FillBetweenItem segfaults when painted (pyqtgraph 0.14)."""
    keys = "&nbsp;&nbsp;".join('<span style="color:{}">■</span>&nbsp;{}'.format(colour, html.escape(name))
                               for name, colour in entries)
    plot.setTitle("<b>{}</b>&nbsp;&nbsp;&nbsp;{}".format(html.escape(title), keys), color=axis_colour(), size="10pt")


def share_axis(plot: pg.PlotItem) -> None:
    """0–100 %, ticks only where shares can be."""
    plot.setYRange(0, 104, padding=0)     # a little headroom so the "100" tick is drawn
    plot.setMouseEnabled(x=True, y=False)
    plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)]])


class StackedShares:
    """Shares that add up to 1 drawn as stacked areas (bottom layer first)."""

    def __init__(self, plot: pg.PlotItem, title: str, names: Sequence[str], colours: Sequence[str]) -> None:
        self.curves = [plot.plot(pen=pg.mkPen(c, width=1)) for c in colours]
        base = plot.plot(pen=INVISIBLE)
        self.base = base
        self.fills = []
        lower = base
        for curve, colour in zip(self.curves, colours):
            fill = pg.FillBetweenItem(lower, curve, brush=pg.mkBrush(pg.mkColor(colour).lighter(110)))
            fill.setZValue(-10)
            plot.addItem(fill)
            self.fills.append(fill)
            lower = curve
        titled_legend(plot, title, list(zip(names, colours)))

    def set_data(self, x: np.ndarray, shares: Sequence[np.ndarray]) -> None:
        total = np.zeros(len(x))
        self.base.setData(x, total.copy())
        for curve, share in zip(self.curves, shares):
            total = total + np.nan_to_num(share)
            curve.setData(x, total)


class Band:
    """A median line with a p10–p90 band around it."""

    def __init__(self, plot: pg.PlotItem, title: str, colour: str, name: str, band_name: str) -> None:
        self.low = plot.plot(pen=INVISIBLE)
        self.high = plot.plot(pen=INVISIBLE)
        colour_ = pg.mkColor(colour)
        colour_.setAlpha(60)
        self.fill = pg.FillBetweenItem(self.low, self.high, brush=pg.mkBrush(colour_))
        plot.addItem(self.fill)
        self.median = plot.plot(pen=pg.mkPen(colour, width=2))
        titled_legend(plot, title, [(name, colour), (band_name, colour_.name())])

    def set_data(self, x: np.ndarray, low: np.ndarray, median: np.ndarray, high: np.ndarray) -> None:
        ok = ~np.isnan(median)
        self.low.setData(x[ok], low[ok])
        self.high.setData(x[ok], high[ok])
        self.median.setData(x[ok], median[ok])


class Crosshair(QObject):
    """A vertical line at the mouse position in every linked plot; calls
    `on_move(unix_time)` (throttled by pyqtgraph's SignalProxy)."""

    def __init__(self, plots: Sequence[pg.PlotItem], on_move: Callable[[float], None]) -> None:
        super().__init__()
        self.plots = plots
        self.on_move = on_move
        self.lines = []
        for plot in plots:
            line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#757575", style=Qt.PenStyle.DashLine))
            line.hide()
            plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
        scene = plots[0].scene()
        self._proxy = pg.SignalProxy(scene.sigMouseMoved, rateLimit=30, slot=self._moved)

    def _moved(self, args: tuple[QPointF]) -> None:
        pos = args[0]
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                for line in self.lines:
                    line.setPos(x)
                    line.show()
                self.on_move(x)
                return

    def move_to(self, x: float) -> None:
        """Programmatic hover (tests, keyboard)."""
        for line in self.lines:
            line.setPos(x)
            line.show()
        self.on_move(x)


def nearest(x: np.ndarray, at: float) -> int | None:
    """Index of the sample nearest to `at` in sorted `x`."""
    if not len(x):
        return None
    i = int(np.searchsorted(x, at))
    if i == len(x) or (i > 0 and at - x[i - 1] < x[i] - at):
        i -= 1
    return i
