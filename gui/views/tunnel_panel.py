"""The Tunnel tab of Settings: how ClassIn and Gensee reach this PC.

Choose a provider (only its fields show), say which URL the school registered
at ClassIn, Apply (async: the old tunnel stops, the new one starts, the
receiver keeps taking pushes meanwhile). A live status line says whether the
public URL answers, loudly when it is not the registered one or changes at
every start. Then the URLs to hand out, and ClassIn's own registration test
sent through the public URL: the exact answer, round trip, acked, stored.

Never modal: the file chooser is opened with open(), everything slow is awaited."""
from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QToolButton, QVBoxLayout,
                               QWidget)
from qasync import asyncSlot

from app.receiving import base_path
from tunnel import TunnelConfigError, TunnelSettings, TunnelState, TunnelStatus

from ..bridge import MonitorBridge
from ..timers import every

# (key, provider in TunnelSettings); the combo's order
CHOICES = (("none", ""), ("cloudflared-quick", "cloudflared"), ("cloudflared-named", "cloudflared"),
           ("ngrok", "ngrok"), ("ssh", "ssh"), ("external", "external"))
HOST_KEY_POLICIES = ("accept-new", "yes", "no")

GREEN, AMBER, RED, GREY = "#2e7d32", "#ef6c00", "#c62828", "#616161"
STATE_COLOURS = {TunnelState.UP: GREEN, TunnelState.STARTING: AMBER, TunnelState.UNHEALTHY: RED,
                 TunnelState.DOWN: RED, TunnelState.STOPPED: GREY}
BODY_SHOWN = 4000          # characters of the self-test's answer body shown (an error page can be long)


def choice_of(settings: TunnelSettings) -> str:
    if not settings.provider or settings.provider == "none":
        return "none"
    if settings.provider == "cloudflared":
        return "cloudflared-named" if settings.token else "cloudflared-quick"
    return settings.provider


def _option_names() -> dict[str, str]:
    """The command line's option names in TunnelConfigError's text -> this form's labels."""
    translate = QCoreApplication.translate
    return {"with --tunnel-binary": translate("TunnelPanel", "in the Program field"),
            "--public-url": translate("TunnelPanel", "the Public URL"),
            "--tunnel-host": translate("TunnelPanel", "the Host"),
            "--tunnel-remote-port": translate("TunnelPanel", "the Remote port")}


def config_error_text(exc: Exception) -> str:
    """TunnelConfigError's message (written for `serve`), worded for this form."""
    text = str(exc)
    for option, label in _option_names().items():
        text = text.replace(option, label)
    return text


def _clean(text: str) -> str | None:
    return text.strip() or None


class _ProviderRows:
    """addRow() into the shared form, remembering each row's field to show or hide it."""

    def __init__(self, form: QFormLayout, fields: list):
        self.form, self.fields = form, fields

    def addRow(self, *args) -> None:
        self.form.addRow(*args)
        self.fields.append(args[-1])


class SecretEdit(QWidget):
    """A masked line edit with a Show/Hide toggle."""

    def __init__(self, placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.Password)
        self.edit.setPlaceholderText(placeholder)
        self.show_button = QToolButton()
        self.show_button.setCheckable(True)
        self.show_button.setText(self.tr("Show"))
        self.show_button.toggled.connect(self._toggle)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.show_button)

    def _toggle(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.Normal if shown else QLineEdit.Password)
        self.show_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)


class TunnelPanel(QWidget):
    def __init__(self, bridge: MonitorBridge, parent: QWidget | None = None):
        super().__init__(parent)
        self.bridge = bridge
        self.desk = bridge.desk
        self.config = bridge.desk.config
        self._key_dialog: QFileDialog | None = None

        # -- status ----------------------------------------------------------------------------
        self.state_badge = QLabel()
        self.state_badge.setAlignment(Qt.AlignCenter)
        self.state_badge.setMinimumWidth(110)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        self.status_line.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.warning.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.state_badge, 0, Qt.AlignTop)
        status_row.addWidget(self.status_line, 1)

        # -- setup ------------------------------------------------------------------------------
        self.provider = QComboBox()
        names = {"none": self.tr("No tunnel (this PC only)"),
                 "cloudflared-quick": self.tr("cloudflared — quick tunnel (random URL, for trying out)"),
                 "cloudflared-named": self.tr("cloudflared — named tunnel (your hostname, with its token)"),
                 "ngrok": self.tr("ngrok"),
                 "ssh": self.tr("ssh — a port on your own server (ssh -R)"),
                 "external": self.tr("External — a port forward or reverse proxy you run")}
        for key, _provider in CHOICES:
            self.provider.addItem(names[key], key)
        # Its longest name set the page's minimum width (the English window could not be 1280 px wide).
        self.provider.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.provider.setMinimumContentsLength(24)
        self.provider_note = QLabel()
        self.provider_note.setWordWrap(True)
        self.provider_note.setStyleSheet("color: {};".format(GREY))
        self.registered = QLineEdit()
        self.registered.setPlaceholderText(self.tr("e.g. https://push.school.example/classin"))
        registered_note = QLabel(self.tr("The push URL you gave ClassIn. When the tunnel's URL differs, "
                                         "the alarm rings: ClassIn would push to the old one."))
        registered_note.setWordWrap(True)
        registered_note.setStyleSheet("color: {};".format(GREY))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setDefault(True)
        self.apply_feedback = QLabel()
        self.apply_feedback.setWordWrap(True)
        self.apply_feedback.setTextInteractionFlags(Qt.TextSelectableByMouse)

        setup = QGroupBox(self.tr("Tunnel"))
        setup_form = QFormLayout(setup)
        setup_form.addRow(self.tr("Provider"), self.provider)
        setup_form.addRow(self.provider_note)
        # Every provider's rows in the one form (labels line up); only the chosen one's show.
        self.setup_form = setup_form
        self.rows_of: dict[str, list] = {}
        self._build_pages()
        setup_form.addRow(self.tr("Registered URL at ClassIn"), self.registered)
        setup_form.addRow(registered_note)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.apply_button, 0, Qt.AlignTop)
        apply_row.addWidget(self.apply_feedback, 1)
        setup_form.addRow(apply_row)

        # -- URLs to hand out --------------------------------------------------------------------------
        self.public_push = self._url_field()
        self.public_gensee = self._url_field()
        self.copy_push = QPushButton(self.tr("Copy"))
        self.copy_gensee = QPushButton(self.tr("Copy"))
        self.copy_push.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.public_push.text()))
        self.copy_gensee.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.public_gensee.text()))
        self.urls_note = QLabel()
        self.urls_note.setWordWrap(True)
        self.urls_note.setStyleSheet("color: {};".format(GREY))
        urls = QGroupBox(self.tr("Give these to ClassIn and Gensee"))
        urls_form = QFormLayout(urls)
        urls_form.addRow(self.tr("ClassIn push URL"), self._with_button(self.public_push, self.copy_push))
        urls_form.addRow(self.tr("Gensee callback base"), self._with_button(self.public_gensee, self.copy_gensee))
        urls_form.addRow(self.urls_note)

        # -- self-test -------------------------------------------------------------------------------
        self.school = QComboBox()
        # The whole name: 18 widths of "X" cut a Chinese one to "990001 演示学校 Demo Scho".
        self.school.setMinimumContentsLength(18)
        self.school.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.selftest_button = QPushButton(self.tr("Send test push through the public URL"))
        self.selftest_summary = QLabel()
        self.selftest_summary.setWordWrap(True)
        self.selftest_summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.selftest_summary.hide()                  # until there is something to say
        self.selftest_body = QPlainTextEdit()
        self.selftest_body.setReadOnly(True)
        self.selftest_body.setMaximumHeight(72)
        self.selftest_body.setFont(QFont("monospace"))
        self.selftest_body.setPlaceholderText(self.tr("The answer's body appears here."))
        test_note = QLabel(self.tr("ClassIn's own registration test (a signed Test push), sent from this PC "
                                   "through the public URL: what ClassIn will see."))
        test_note.setWordWrap(True)
        test_note.setStyleSheet("color: {};".format(GREY))
        selftest = QGroupBox(self.tr("Self-test"))
        test_layout = QVBoxLayout(selftest)
        test_layout.addWidget(test_note)
        # The button below the school, not beside it: beside it, at 1280 px, the school's name had half the row.
        school_row = QHBoxLayout()
        school_row.addWidget(QLabel(self.tr("School")))
        school_row.addWidget(self.school)
        school_row.addStretch(1)
        test_layout.addLayout(school_row)
        button_row = QHBoxLayout()
        button_row.addWidget(self.selftest_button)
        button_row.addStretch(1)
        test_layout.addLayout(button_row)
        test_layout.addWidget(self.selftest_summary)
        test_layout.addWidget(self.selftest_body)

        # -- layout ----------------------------------------------------------------------------------
        right = QVBoxLayout()
        right.addWidget(urls)
        right.addWidget(selftest)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(setup)
        left.addStretch(1)              # the group as tall as the chosen provider's fields
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(status_row)
        layout.addWidget(self.warning)
        layout.addLayout(body, 1)

        self.provider.currentIndexChanged.connect(self._provider_chosen)
        self.apply_button.clicked.connect(self.apply)
        self.selftest_button.clicked.connect(self.run_selftest)
        self.school.currentIndexChanged.connect(self._update_selftest_button)
        bridge.tunnelChanged.connect(self.refresh)       # a bound slot: disconnected when the panel dies
        self.timer = every(self, 1000, self._tick)     # the restart countdown, new schools
        self._testing = False
        self._applying = False
        self.last_selftest = None          # the last SelftestResult (tests, screenshots)
        self.load()

    # -- building --------------------------------------------------------------------------------
    @staticmethod
    def _url_field() -> QLineEdit:
        field = QLineEdit()
        field.setReadOnly(True)
        return field

    @staticmethod
    def _with_button(field: QWidget, button: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(field, 1)
        row.addWidget(button)
        return row

    def _program(self, program: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("{} on PATH (or its full path)").format(program))
        return edit

    def _port(self, unset: str | None = None) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0 if unset else 1, 65535)
        if unset:
            box.setSpecialValueText(unset)
        box.setMaximumWidth(140)
        return box

    def _page(self, key: str) -> "_ProviderRows":
        self.rows_of[key] = []
        return _ProviderRows(self.setup_form, self.rows_of[key])

    def _build_pages(self) -> None:
        form = self._page("none")
        local_only = QLabel(self.tr("ClassIn and Gensee cannot reach this PC: pushes arrive only from "
                                    "this network."))
        local_only.setWordWrap(True)
        form.addRow(local_only)

        form = self._page("cloudflared-quick")
        self.cf_quick_binary = self._program("cloudflared")
        form.addRow(self.tr("Program"), self.cf_quick_binary)

        form = self._page("cloudflared-named")
        self.cf_token = SecretEdit(self.tr("the tunnel token from Cloudflare's dashboard"))
        self.cf_public = QLineEdit()
        self.cf_public.setPlaceholderText(self.tr("https://push.school.example (routed to this tunnel)"))
        self.cf_named_binary = self._program("cloudflared")
        form.addRow(self.tr("Tunnel token"), self.cf_token)
        form.addRow(self.tr("Public URL"), self.cf_public)
        form.addRow(self.tr("Program"), self.cf_named_binary)

        form = self._page("ngrok")
        self.ngrok_token = SecretEdit(self.tr("empty: the one saved with ngrok config add-authtoken"))
        self.ngrok_domain = QLineEdit()
        self.ngrok_domain.setPlaceholderText(self.tr("e.g. school.ngrok.app (empty: a random URL)"))
        self.ngrok_binary = self._program("ngrok")
        form.addRow(self.tr("Authtoken"), self.ngrok_token)
        form.addRow(self.tr("Reserved domain"), self.ngrok_domain)
        form.addRow(self.tr("Program"), self.ngrok_binary)

        form = self._page("ssh")
        self.ssh_host = QLineEdit()
        self.ssh_host.setPlaceholderText(self.tr("your server, e.g. push.school.example"))
        self.ssh_user = QLineEdit()
        self.ssh_port = self._port()
        self.ssh_port.setValue(22)
        self.ssh_remote_port = self._port(unset=self.tr("choose"))
        self.ssh_key = QLineEdit()
        self.ssh_key.setPlaceholderText(self.tr("empty: ssh's default keys"))
        self.ssh_key_browse = QPushButton(self.tr("Choose…"))
        self.ssh_key_browse.clicked.connect(self._choose_key)
        self.ssh_policy = QComboBox()
        policy_names = {"accept-new": self.tr("accept-new (trust the server's key on first use)"),
                        "yes": self.tr("yes (known_hosts must already have it)"),
                        "no": self.tr("no (insecure: any key)")}
        for policy in HOST_KEY_POLICIES:
            self.ssh_policy.addItem(policy_names[policy], policy)
        self.ssh_policy.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ssh_policy.setMinimumContentsLength(24)
        self.ssh_public = QLineEdit()
        self.ssh_public.setPlaceholderText(self.tr("where ClassIn reaches that port, e.g. https://push.school.example"))
        self.ssh_binary = self._program("ssh")
        form.addRow(self.tr("Host"), self.ssh_host)
        form.addRow(self.tr("User"), self.ssh_user)
        form.addRow(self.tr("SSH port"), self.ssh_port)
        form.addRow(self.tr("Remote port"), self.ssh_remote_port)
        form.addRow(self.tr("Key file"), self._with_button(self.ssh_key, self.ssh_key_browse))
        form.addRow(self.tr("Host key check"), self.ssh_policy)
        form.addRow(self.tr("Public URL"), self.ssh_public)
        form.addRow(self.tr("Program"), self.ssh_binary)

        form = self._page("external")
        self.external_public = QLineEdit()
        self.external_public.setPlaceholderText(self.tr("e.g. https://push.school.example"))
        form.addRow(self.tr("Public URL"), self.external_public)

    def _choose_key(self) -> None:
        # open(), not exec(): a nested event loop inside the qasync loop breaks it.
        dialog = QFileDialog(self, self.tr("SSH key file"))
        dialog.setFileMode(QFileDialog.ExistingFile)
        dialog.fileSelected.connect(self.ssh_key.setText)
        self._key_dialog = dialog
        dialog.open()

    # -- loading and saving ------------------------------------------------------------------------
    def choice(self) -> str:
        return self.provider.currentData()

    def load(self) -> None:
        """The form from the saved settings."""
        s = TunnelSettings.from_settings(self.config.current().settings)
        key = choice_of(s)
        if key == "cloudflared-quick":
            self.cf_quick_binary.setText(s.binary or "")
        elif key == "cloudflared-named":
            self.cf_token.setText(s.token or "")
            self.cf_public.setText(s.public_url or "")
            self.cf_named_binary.setText(s.binary or "")
        elif key == "ngrok":
            self.ngrok_token.setText(s.token or "")
            self.ngrok_domain.setText(s.ngrok_domain or "")
            self.ngrok_binary.setText(s.binary or "")
        elif key == "ssh":
            self.ssh_host.setText(s.ssh_host or "")
            self.ssh_user.setText(s.ssh_user or "")
            self.ssh_port.setValue(s.ssh_port or 22)
            self.ssh_remote_port.setValue(s.remote_port or 0)
            self.ssh_key.setText(s.identity_file or "")
            index = self.ssh_policy.findData(s.strict_host_key_checking)
            self.ssh_policy.setCurrentIndex(max(0, index))
            self.ssh_public.setText(s.public_url or "")
            self.ssh_binary.setText(s.binary or "")
        elif key == "external":
            self.external_public.setText(s.public_url or "")
        # Saved as a base URL; shown as what was given to ClassIn.
        self.registered.setText(s.registered_url + "/classin" if s.registered_url else "")
        self.provider.setCurrentIndex(self.provider.findData(key))
        self._provider_chosen()
        self.refresh()

    def settings(self) -> TunnelSettings:
        """The form as settings: the chosen provider's fields only, plus what the
        form does not show (health interval, ngrok API, known_hosts) as saved."""
        saved = TunnelSettings.from_settings(self.config.current().settings)
        key = self.choice()
        provider = dict(CHOICES)[key]
        fields: dict = {}
        if key == "cloudflared-quick":
            fields = {"binary": _clean(self.cf_quick_binary.text())}
        elif key == "cloudflared-named":
            fields = {"token": _clean(self.cf_token.text()), "public_url": _clean(self.cf_public.text()),
                      "binary": _clean(self.cf_named_binary.text())}
            if not fields["token"]:
                raise TunnelConfigError(self.tr("a named tunnel needs its token (Cloudflare's dashboard → "
                                                "Networks → Tunnels → your tunnel → install connector)"))
        elif key == "ngrok":
            fields = {"token": _clean(self.ngrok_token.text()), "ngrok_domain": _clean(self.ngrok_domain.text()),
                      "binary": _clean(self.ngrok_binary.text())}
        elif key == "ssh":
            fields = {"ssh_host": _clean(self.ssh_host.text()), "ssh_user": _clean(self.ssh_user.text()),
                      "ssh_port": self.ssh_port.value() if self.ssh_port.value() != 22 else None,
                      "remote_port": self.ssh_remote_port.value() or None,
                      "identity_file": _clean(self.ssh_key.text()),
                      "strict_host_key_checking": self.ssh_policy.currentData(),
                      "public_url": _clean(self.ssh_public.text()), "binary": _clean(self.ssh_binary.text())}
        elif key == "external":
            fields = {"public_url": _clean(self.external_public.text())}
        registered = _clean(self.registered.text())
        if registered is not None:
            registered = registered.rstrip("/").removesuffix("/classin")
        return TunnelSettings(provider=provider, registered_url=registered,
                              health_interval=saved.health_interval, ngrok_api=saved.ngrok_api,
                              known_hosts=saved.known_hosts, **fields)

    def _provider_chosen(self, _index: int = 0) -> None:
        key = self.choice()
        if key not in self.rows_of:     # nothing chosen (index -1)
            return
        for name, fields in self.rows_of.items():
            for field in fields:
                self.setup_form.setRowVisible(field, name == key)
        notes = {
            "none": "",
            "cloudflared-quick": self.tr("No account needed, but the URL changes at every start: ClassIn must "
                                         "be given the new one each time. For trying out, not for production."),
            "cloudflared-named": self.tr("A stable URL: create a tunnel in Cloudflare's dashboard, route your "
                                         "hostname to this PC's receiver, and paste its token here."),
            "ngrok": self.tr("Without a reserved domain the URL changes at every start (ClassIn must be given "
                             "the new one each time); with one it stays."),
            "ssh": self.tr("A stable URL on your own server: ssh opens the remote port there, your web server "
                           "(HTTPS) forwards the public URL to it."),
            "external": self.tr("Something else exposes this PC's receiver (a router's port forward, a reverse "
                                "proxy); ClassWatch only checks that the URL answers."),
        }
        self.provider_note.setText(notes[key])
        self.provider_note.setVisible(bool(notes[key]))

    @asyncSlot()
    async def apply(self) -> None:
        if self._applying:
            return
        try:
            settings = self.settings()
        except TunnelConfigError as exc:
            self._feedback(self.tr("Not applied: {}").format(config_error_text(exc)), RED)
            return
        self._applying = True
        self.apply_button.setEnabled(False)
        self._feedback(self.tr("Applying…"), GREY)
        try:
            await self.desk.apply_tunnel_settings(settings)
        except TunnelConfigError as exc:
            self._feedback(self.tr("Not applied (the previous setup keeps running): {}")
                           .format(config_error_text(exc)), RED)
        except Exception as exc:   # a bug must say so, not leave "Applying…"
            self._feedback(self.tr("Not applied: {}: {}").format(type(exc).__name__, exc), RED)
        else:
            if self.desk.tunnel_status() is None:
                self._feedback(self.tr("Saved: no tunnel."), GREEN)
            elif self.desk.started:
                self._feedback(self.tr("Applied: the tunnel's state shows above."), GREEN)
            else:
                self._feedback(self.tr("Saved. The tunnel starts with the receiver."), GREEN)
        finally:
            self._applying = False
            self.apply_button.setEnabled(True)
            self.refresh()

    def _feedback(self, text: str, colour: str) -> None:
        self.apply_feedback.setText(text)
        self.apply_feedback.setStyleSheet("color: {};".format(colour))

    # -- status ------------------------------------------------------------------------------------
    def status(self) -> TunnelStatus | None:
        return self.desk.tunnel_status()

    def public_base(self) -> str | None:
        status = self.status()
        return status.public_url.rstrip("/") if status is not None and status.public_url else None

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()
            self._refresh_schools()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_schools()
        self.refresh()

    def refresh(self) -> None:
        status = self.status()
        word, colour, line = self._describe(status)
        self.state_badge.setText(word)
        self.state_badge.setStyleSheet("background: {}; color: white; font-weight: bold; padding: 4px 10px; "
                                       "border-radius: 4px;".format(colour))
        self.status_line.setText(line)
        self.status_line.setStyleSheet("color: {}; font-weight: bold;".format(colour))
        self._show_warning(status)

        public = self.public_base()
        if public:
            for field, url in ((self.public_push, public + "/classin"),
                               (self.public_gensee, public + base_path(self.config.current().gensee_token))):
                if field.text() != url:
                    field.setText(url)
                    field.setCursorPosition(0)      # the host first: the token's end is the least telling
            if status is not None and status.state is not TunnelState.UP:
                self.urls_note.setText(self.tr("The tunnel does not answer right now (see above)."))
            else:
                self.urls_note.setText(self.tr("The Gensee callbacks are this base followed by event, vod, qa, "
                                               "qa-web, rollcall, end or cobrowse (see the Gensee tab). The token "
                                               "in it is their only protection: keep it private."))
        else:
            self.public_push.clear()
            self.public_gensee.clear()
            self.public_push.setPlaceholderText(self.tr("no public URL yet"))
            self.public_gensee.setPlaceholderText(self.tr("no public URL yet"))
            self.urls_note.setText(self.tr("The public URLs appear once a tunnel runs. Until then ClassIn and "
                                           "Gensee cannot reach this PC."))
        self.copy_push.setEnabled(bool(public))
        self.copy_gensee.setEnabled(bool(public))
        self._update_selftest_button()

    def _describe(self, status: TunnelStatus | None) -> tuple[str, str, str]:
        """(state word, colour, line): the colour is never the only sign."""
        if status is None:
            return (self.tr("NO TUNNEL"), GREY,
                    self.tr("No tunnel: ClassIn and Gensee cannot reach this PC from the internet."))
        state = status.state
        url = status.public_url
        if state is TunnelState.UP:
            return self.tr("UP"), GREEN, self.tr("Up: {} answers through the {} tunnel.").format(url, status.provider)
        if state is TunnelState.STARTING:
            line = (self.tr("Starting the {} tunnel at {}…").format(status.provider, url) if url
                    else self.tr("Starting the {} tunnel…").format(status.provider))
            if status.reason:
                line += " " + self.tr("Not answering yet: {}").format(status.reason)
            return self.tr("STARTING"), AMBER, line
        if state is TunnelState.UNHEALTHY:
            return (self.tr("UNHEALTHY"), RED,
                    self.tr("Unhealthy at {}: {}").format(url, status.reason or ""))
        if state is TunnelState.DOWN:
            if status.retry_in is None:
                return (self.tr("DOWN"), RED,
                        self.tr("Down: {}. Fix the setup and apply again.").format(status.reason or ""))
            left = max(0, round(status.retry_in - (time.time() - status.since)))
            return (self.tr("DOWN"), RED,
                    self.tr("Down: {}. Restarting in {} s.").format(status.reason or "", left))
        return self.tr("STOPPED"), GREY, self.tr("Stopped: the tunnel starts with the receiver.")

    def _show_warning(self, status: TunnelStatus | None) -> None:
        text, colour = "", RED
        if status is not None and status.url_changed:
            text = self.tr("⚠ The public URL {} is not the URL registered at ClassIn ({}). ClassIn keeps pushing "
                           "to the registered one: nothing arrives and the schools' queues stay blocked. Give "
                           "ClassIn {}, or use a stable URL (cloudflared named tunnel, ngrok reserved domain, "
                           "ssh).").format(status.public_url, status.registered_url, status.push_url)
        elif status is not None and not status.stable_url and status.state is not TunnelState.STOPPED:
            colour = AMBER
            text = self.tr("⚠ This tunnel's URL changes at every start: ClassIn must be given the new URL each "
                           "time, or its pushes go nowhere. For production use a stable URL: a cloudflared "
                           "named tunnel, an ngrok reserved domain, or ssh.")
        self.warning.setText(text)
        self.warning.setStyleSheet("background: {}; color: white; padding: 8px; font-weight: bold; "
                                   "border-radius: 4px;".format(colour))
        self.warning.setVisible(bool(text))

    # -- self-test ---------------------------------------------------------------------------------------
    def _refresh_schools(self) -> None:
        schools = sorted(self.config.current().schools.values(), key=lambda s: s.sid)
        wanted = [(s.sid, "{} {}".format(s.sid, s.name).strip()) for s in schools]
        have = [(self.school.itemData(i), self.school.itemText(i)) for i in range(self.school.count())]
        if wanted == have:
            return
        chosen = self.school.currentData()
        self.school.blockSignals(True)
        self.school.clear()
        for sid, text in wanted:
            self.school.addItem(text, sid)
        index = self.school.findData(chosen)
        self.school.setCurrentIndex(index if index >= 0 else 0)
        self.school.blockSignals(False)
        self._update_selftest_button()

    def _update_selftest_button(self) -> None:
        ready = self.public_base() is not None and self.school.currentData() is not None
        self.selftest_button.setEnabled(ready and not self._testing)
        if self.school.count() == 0:
            self.selftest_button.setToolTip(self.tr("Add a school first (Schools tab)."))
        elif self.public_base() is None:
            self.selftest_button.setToolTip(self.tr("Start a tunnel first."))
        else:
            self.selftest_button.setToolTip("")

    @asyncSlot()
    async def run_selftest(self) -> None:
        public = self.public_base()
        sid = self.school.currentData()
        school = self.config.current().schools.get(sid) if sid is not None else None
        if public is None or school is None or self._testing:
            return
        self._testing = True
        self._update_selftest_button()
        self.selftest_summary.setStyleSheet("")
        self.selftest_summary.show()
        self.selftest_summary.setText(self.tr("Sending a Test push for school {} to {}/classin…")
                                      .format(school.sid, public))
        self.selftest_body.clear()
        try:
            result = await self.desk.test_push(school.sid, public)
        except Exception as exc:   # a bug must say so, not leave "Sending…"
            self.selftest_summary.setText(self.tr("The self-test failed: {}: {}").format(type(exc).__name__, exc))
            self.selftest_summary.setStyleSheet("color: {};".format(RED))
            return
        finally:
            self._testing = False
            self._update_selftest_button()
        self.last_selftest = result
        yes, no = self.tr("yes"), self.tr("no")
        if result.status is None:
            answer = self.tr("no HTTP answer")
        else:
            answer = self.tr("HTTP {}").format(result.status)
        stored = yes if result.stored else (no if result.stored is False else self.tr("unknown"))
        lines = [self.tr("POST {} (school {}, _id {})").format(result.push_url, school.sid, result.push_id),
                 self.tr("Answer: {} in {} ms").format(answer, round(result.elapsed * 1000)),
                 self.tr("Acked (ClassIn's success answer, errno 1): {}").format(yes if result.acked else no),
                 self.tr("Stored: {} ({})").format(stored, result.stored_note)]
        lines.append(self.tr("✔ OK: ClassIn's registration test will pass.") if result.ok
                     else self.tr("✘ FAILED: ClassIn's registration test would fail the same way."))
        self.selftest_summary.setText("\n".join(lines))
        self.selftest_summary.setStyleSheet("color: {};".format(GREEN if result.ok else RED))
        body = result.body if len(result.body) <= BODY_SHOWN else result.body[:BODY_SHOWN] + "…"
        self.selftest_body.setPlainText(body)
