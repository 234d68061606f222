"""The SID / secret / name / time zone form, shared by Settings and the
first-run panel. The secret is masked unless the user asks to see it."""
from __future__ import annotations

import functools
import zoneinfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QToolButton, QWidget

from app.settings import DEFAULT_TIMEZONE, DEFAULT_VERIFY, VERIFY_POLICIES, ConfigStore, School


@functools.cache
def time_zones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


class SchoolForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sid_edit = QLineEdit()
        self.sid_edit.setValidator(QIntValidator(1, 2**31 - 1, self.sid_edit))
        self.sid_edit.setPlaceholderText(self.tr("e.g. 2290417"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.Password)
        self.secret_edit.setPlaceholderText(self.tr("SECRET from ClassIn's data subscription settings"))
        self.show_secret = QToolButton()
        self.show_secret.setText(self.tr("Show"))
        self.show_secret.setCheckable(True)
        self.show_secret.toggled.connect(self._toggle_secret)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("shown in lists and reports"))
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(time_zones())
        self.timezone.setCurrentText(DEFAULT_TIMEZONE)
        self.verify = QComboBox()
        for policy in VERIFY_POLICIES:
            self.verify.addItem(self.policy_label(policy), policy)

        secret_row = QHBoxLayout()
        secret_row.setContentsMargins(0, 0, 0, 0)
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.show_secret)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("SID"), self.sid_edit)
        form.addRow(self.tr("Secret"), secret_row)
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Unverified pushes"), self.verify)
        for edit in (self.sid_edit, self.secret_edit, self.name_edit):
            edit.textChanged.connect(self.changed)
        self.timezone.currentTextChanged.connect(self.changed)

    def policy_label(self, policy: str) -> str:
        """What a school's verification policy does, in words (storage.config.VERIFY_POLICIES)."""
        return {"hold": self.tr("hold until the secret is fixed (queue keeps moving)"),
                "strict": self.tr("refuse (ClassIn's queue stops)"),
                "off": self.tr("accept without checking")}[policy]

    def policy_name(self, policy: str) -> str:
        """The policy in a word, for tables."""
        return {"hold": self.tr("hold"), "strict": self.tr("strict"), "off": self.tr("off")}[policy]

    def _toggle_secret(self, shown: bool) -> None:
        self.secret_edit.setEchoMode(QLineEdit.Normal if shown else QLineEdit.Password)
        self.show_secret.setText(self.tr("Hide") if shown else self.tr("Show"))

    # -- values -------------------------------------------------------------------------------
    def sid(self) -> int | None:
        text = self.sid_edit.text().strip()
        return int(text) if text.isdigit() else None

    def problem(self) -> str | None:
        """Why the form cannot be saved yet, or None."""
        if self.sid() is None:
            return self.tr("Enter the school's SID (a number).")
        if not self.secret_edit.text().strip():
            return self.tr("Enter the school's SECRET.")
        if self.timezone.currentText() not in time_zones():
            return self.tr("Choose a time zone from the list.")
        return None

    def load(self, school: School | None, sid: int | None = None) -> None:
        self.show_secret.setChecked(False)
        self.sid_edit.setText(str(school.sid if school else sid or ""))
        self.secret_edit.setText(school.secret if school else "")
        self.name_edit.setText(school.name if school else "")
        self.timezone.setCurrentText(school.timezone if school else DEFAULT_TIMEZONE)
        self.verify.setCurrentIndex(VERIFY_POLICIES.index(school.verify if school else DEFAULT_VERIFY))

    def save(self, config: ConfigStore) -> School:
        """Add or update the school (call only when problem() is None)."""
        sid = self.sid()
        assert sid is not None
        return config.add_school(sid, self.secret_edit.text().strip(), self.name_edit.text().strip(),
                                 self.timezone.currentText(), self.verify.currentData())
