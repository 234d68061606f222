"""The four linked network/CPU charts of one lesson and their hover read-out.

Lesson-level curves (mean shares, median with a p10–p90 band) cover every
user at once; only the users ticked in the list get lines of their own."""
from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..charts import (Band, background, Crosshair, StackedShares, name_zone, nearest, set_zone,
                      share_axis, time_plot, user_colour)
from ..formatting import local_time
from ..models.net_series import CPU, QUALITY, Aggregate, NetSeries

QUALITY_COLOURS = ("#2e7d32", "#9ccc65", "#ffb300", "#e65100", "#8e0000")
# Marks on the time axis (Mark.kind -> symbol, colour); drawn along the top of the quality chart.
MARK_STYLE = {"enter": ("t1", "#2e7d32"), "exit": ("t", "#757575"), "drop": ("x", "#c62828"),
              "alarm": ("star", "#ef6c00")}
MARK_Y = 101.5          # inside the 0–104 share axis, above the 100 % line


@dataclass(frozen=True)
class Mark:
    time: float
    kind: str           # a MARK_STYLE key
    text: str           # the hover text (translated by the caller)
CPU_COLOURS = ("#bbdefb", "#64b5f6", "#ef6c00", "#b71c1c")


class NetCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timezone: str | None = None
        self.series = NetSeries.empty()
        self.aggregate: Aggregate | None = None
        self.checked: list[int] = []
        self.names: dict[int, str] = {}

        self.canvas = pg.GraphicsLayoutWidget()
        self.canvas.setBackground(background())
        # Titles are set with their legends (StackedShares, Band).
        self.quality = time_plot("", self.tr("% of probes"))
        self.delay = time_plot("", self.tr("ms"))
        self.loss = time_plot("", self.tr("%"))
        self.cpu = time_plot("", self.tr("% of samples"))
        self.plots = (self.quality, self.delay, self.loss, self.cpu)
        for row, plot in enumerate(self.plots):
            self.canvas.addItem(plot, row=row, col=0)
            if plot is not self.quality:
                plot.setXLink(self.quality)
        for plot in (self.quality, self.cpu):
            share_axis(plot)

        self.quality_areas = StackedShares(
            self.quality, self.tr("Network quality, all users"), [self.tr("good"), self.tr("normal"), self.tr("bad"), self.tr("poor"),
                           self.tr("not reached")], QUALITY_COLOURS)
        self.cpu_areas = StackedShares(
            self.cpu, self.tr("CPU load, all users"), [self.tr("low"), self.tr("medium"), self.tr("high"), self.tr("busy")], CPU_COLOURS)
        self.delay_band = Band(self.delay, self.tr("Average delay"), "#1565c0", self.tr("median"),
                               self.tr("p10–p90 of users"))
        self.loss_band = Band(self.loss, self.tr("Packet loss"), "#6a1b9a", self.tr("median"),
                              self.tr("p10–p90 of users"))
        self.user_lines: dict[int, list[pg.PlotDataItem]] = {}
        self.marks: list[Mark] = []
        self.mark_items = pg.ScatterPlotItem(size=11, hoverable=True, tip=lambda x, y, data: data)
        self.quality.addItem(self.mark_items)
        # The live window follows the clock until the user pans or zooms, and again
        # after "Follow live" (follow_live()); `span` None: from the first sample.
        self.following = True
        self.span: float | None = None
        for plot in self.plots:
            plot.vb.sigRangeChangedManually.connect(self._stop_following)

        self.readout = QLabel(self.tr("Hover over a chart to read the values."))
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setMinimumHeight(self.readout.fontMetrics().height() * 3)
        self.crosshair = Crosshair(self.plots, self.show_values_at)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        legend = QLabel("  ".join('<span style="color:{}">{}</span> {}'.format(MARK_STYLE[kind][1], sign, html.escape(text))
                                  for kind, sign, text in (("enter", "▲", self.tr("entered")),
                                                           ("exit", "▼", self.tr("left")),
                                                           ("drop", "✕", self.tr("dropped out")),
                                                           ("alarm", "★", self.tr("alarm")))))
        legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(legend)
        layout.addWidget(self.readout)

    # --- data ----------------------------------------------------------------------------------
    def set_series(self, series: NetSeries, timezone: str | None, names: dict[int, str]) -> None:
        self.series, self.timezone, self.names = series, timezone, names
        self.zone_changed()
        self.redraw()
        if len(series.time):
            self.quality.setXRange(float(series.time[0]), float(series.time[-1]), padding=0.02)
        for plot in (self.delay, self.loss):
            plot.enableAutoRange(y=True)

    def zone_changed(self) -> None:
        at = float(self.series.time[-1]) if len(self.series.time) else 0.0
        for plot in self.plots:
            set_zone(plot, self.timezone, at)
        name_zone(self.cpu, self.timezone, at or None)

    # --- the clock ------------------------------------------------------------------------------
    def _stop_following(self, *_args) -> None:
        self.following = False

    def follow_live(self, span: float | None) -> None:
        self.following, self.span = True, span

    def follow_clock(self, now: float) -> None:
        """Keep the time axis ending now (a live lesson): new data is never cut off
        at the right edge and the axis moves on even while nobody reports."""
        if not self.following or not len(self.series.time):
            return
        first = float(self.series.time[0])
        left = first if self.span is None else max(first, now - self.span)
        self.quality.setXRange(min(left, now - 60), now, padding=0.02)

    def set_marks(self, marks: list[Mark]) -> None:
        self.marks = marks
        spots = [{"pos": (m.time, MARK_Y), "symbol": MARK_STYLE[m.kind][0], "data": m.text,
                  "brush": pg.mkBrush(MARK_STYLE[m.kind][1]), "pen": pg.mkPen(MARK_STYLE[m.kind][1])}
                 for m in marks]
        self.mark_items.setData(spots)

    def set_checked(self, uids: list[int], names: dict[int, str]) -> None:
        self.checked, self.names = list(uids), names
        self._draw_users()

    def redraw(self) -> None:
        agg = self.aggregate = self.series.aggregate()
        x = agg.time
        self.quality_areas.set_data(x, [agg.mean[f] * 100 for f in QUALITY])
        self.cpu_areas.set_data(x, [agg.mean[f] * 100 for f in CPU])
        self.delay_band.set_data(x, agg.p10["avg_delay_ms"], agg.p50["avg_delay_ms"], agg.p90["avg_delay_ms"])
        self.loss_band.set_data(x, agg.p10["loss_percent"], agg.p50["loss_percent"], agg.p90["loss_percent"])
        self._draw_users()

    def _draw_users(self) -> None:
        for uid in [u for u in self.user_lines if u not in self.checked]:
            for plot, line in zip(self.plots, self.user_lines.pop(uid)):
                plot.removeItem(line)
        for i, uid in enumerate(self.checked):
            t, v = self.series.user(uid)
            ys = ((v["bad"] + v["poor"] + v["not_reach"]) * 100, v["avg_delay_ms"], v["loss_percent"],
                  (v["cpu_high"] + v["cpu_busy"]) * 100)
            # The user list and the read-out show each user's colour (it follows the tick order).
            pen = pg.mkPen(user_colour(i), width=2)
            lines = self.user_lines.get(uid)
            if lines is None:
                lines = self.user_lines[uid] = [plot.plot(symbol="o", symbolSize=5, symbolPen=None)
                                                for plot in self.plots]
            for line in lines:
                line.setPen(pen)
                line.setSymbolBrush(pen.color())
            for line, y in zip(lines, ys):
                ok = ~np.isnan(y)
                line.setData(t[ok], y[ok])

    # --- hover ----------------------------------------------------------------------------------
    def show_values_at(self, x: float) -> None:
        agg = self.aggregate
        i = nearest(agg.time, x) if agg is not None else None
        if i is None:
            return
        lines = ["<b>{}</b> · {}".format(local_time(agg.time[i], self.timezone),
                                         self.tr("%n user(s) reporting", "", int(agg.users[i])))]
        quality = " ".join("{} {:.0f}%".format(label, agg.mean[f][i] * 100) for f, label in zip(
            QUALITY, (self.tr("good"), self.tr("normal"), self.tr("bad"), self.tr("poor"), self.tr("not reached"))))
        lines.append(self.tr("Quality: {} · delay median {} (p90 {}) · loss median {} · CPU high+busy {:.0f}%").format(
            quality, _ms(agg.p50["avg_delay_ms"][i]), _ms(agg.p90["avg_delay_ms"][i]),
            _pct(agg.p50["loss_percent"][i]),
            (agg.mean["cpu_high"][i] + agg.mean["cpu_busy"][i]) * 100))
        for n, uid in enumerate(self.checked):
            t, v = self.series.user(uid)
            j = nearest(t, x)
            if j is None:
                continue
            colour = user_colour(n)
            lines.append('<span style="color:{}">■</span> {}: {} · {} {:.0f}% · {} {} · {} {} · CPU {:.0f}%'.format(
                colour, html.escape(self.names.get(uid, str(uid))), local_time(t[j], self.timezone), self.tr("degraded"),
                (v["bad"][j] + v["poor"][j] + v["not_reach"][j]) * 100, self.tr("delay"), _ms(v["avg_delay_ms"][j]),
                self.tr("loss"), _pct(v["loss_percent"][j]), (v["cpu_high"][j] + v["cpu_busy"][j]) * 100))
        self.readout.setText("<br>".join(lines))


def _ms(value: float) -> str:
    return "—" if np.isnan(value) else "{:.0f} ms".format(value)


def _pct(value: float) -> str:
    return "—" if np.isnan(value) else "{:.1f} %".format(value)
