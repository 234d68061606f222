"""The few shapes every view is built of: a row, a margin-less stack and a
splitter. A part is a widget or a layout, or (part, stretch) to take the spare room."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget


def _add(layout: QBoxLayout, parts) -> None:
    for part in parts:
        part, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(part, QLayout):
            layout.addLayout(part, stretch)
        else:
            layout.addWidget(part, stretch)


def side_by_side(*parts) -> QHBoxLayout:
    layout = QHBoxLayout()
    _add(layout, parts)
    return layout


def stacked(*parts) -> QWidget:
    """The parts top to bottom in a widget of their own, without margins (a splitter's pane)."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    _add(layout, parts)
    return widget


def split(orientation: Qt.Orientation, *panes: tuple[QWidget, int]) -> QSplitter:
    """Panes side by side (or one above the other), each (widget, stretch factor)."""
    splitter = QSplitter(orientation)
    for index, (pane, stretch) in enumerate(panes):
        splitter.addWidget(pane)
        splitter.setStretchFactor(index, stretch)
    return splitter
