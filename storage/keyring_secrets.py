"""Secrets (school secrets, tokens, chat-robot keys) in the OS keyring —
Windows Credential Manager, macOS Keychain, a Linux desktop's Secret Service —
where there is one. config.json then holds "" in their places and says so
("secrets": "keyring"); where there is none it keeps them itself (0600).

Never blocks: each keyring call runs on a helper thread with a time limit (a
locked Secret Service may wait for a password dialog nobody sees); a keyring
that does not answer, or fails, is not used again by this process.
"""
from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

log = logging.getLogger(__name__)

SERVICE = "ClassWatch"
MARK = "secrets"            # config.json: MARK: "keyring" when the keyring holds its secrets
IN_KEYRING = "keyring"
TIMEOUT = 3.0               # seconds a keyring call may take


class KeyringUnavailable(Exception):
    pass


def secret_slots(doc: dict[str, Any]) -> Iterator[tuple[str, dict, str]]:
    """(keyring name, holder, key) of every secret in a config.json document:
    the same fields Config.secrets() masks in logs."""
    for school in doc.get("schools") or []:
        yield f"school:{school.get('sid')}", school, "secret"
    yield "gensee_token", doc, "gensee_token"
    settings = doc.get("settings") or {}
    for key, value in settings.items():
        if key.endswith("token") and isinstance(value, str):
            yield f"setting:{key}", settings, key
    for channel in doc.get("alarm_channels") or []:
        for key in ("secret", "url"):          # a robot's URL carries its key
            yield f"channel:{channel.get('name')}:{key}", channel, key


class KeyringSecrets:
    """The secrets of one data dir in the OS keyring (names prefixed with the
    data dir: two data dirs keep two sets)."""

    def __init__(self, data_dir: Path):
        self._prefix = f"{Path(data_dir).resolve()}:"
        self._usable: bool | None = None
        self._known: dict[str, str] = {}        # what the keyring holds, as last read or written

    def usable(self) -> bool:
        if self._usable is None:
            try:
                self._usable = bool(_call(_has_backend))
            except KeyringUnavailable as exc:
                log.warning("the OS keyring does not answer (%s): secrets stay in config.json", exc)
                self._usable = False
        return self._usable

    def fill(self, doc: dict[str, Any]) -> None:
        """Puts the keyring's secrets into the blank places of `doc`."""
        import keyring
        for name, holder, key in secret_slots(doc):
            if holder.get(key) == "":
                value = self._call(keyring.get_password, SERVICE, self._prefix + name) or ""
                holder[key] = self._known[name] = value

    def take(self, doc: dict[str, Any]) -> None:
        """Moves the secrets of `doc` into the keyring, leaving "" in their places."""
        import keyring
        names = set()
        for name, holder, key in secret_slots(doc):
            value = holder.get(key) or ""
            if not value:
                continue
            names.add(name)
            if self._known.get(name) != value:
                self._call(keyring.set_password, SERVICE, self._prefix + name, value)
                self._known[name] = value
            holder[key] = ""
        for name in set(self._known) - names:       # a school or robot removed
            try:
                self._call(keyring.delete_password, SERVICE, self._prefix + name)
            except KeyringUnavailable:
                pass   # already gone
            del self._known[name]
        doc[MARK] = IN_KEYRING

    def _call(self, function: Callable, *args):
        try:
            return _call(function, *args)
        except KeyringUnavailable:
            self._usable = False
            raise


def _has_backend() -> bool:
    import keyring
    backend = keyring.get_keyring()
    # The fail and null backends (no keyring here, or tests) have priority <= 0;
    # plaintext files from keyrings.alt have < 1: our 0600 file is no worse.
    return backend.priority >= 1


def _call(function: Callable, *args):
    """`function(*args)` on a daemon thread, given TIMEOUT seconds."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as exc:   # noqa: BLE001 - reported to the caller
            outcome["error"] = exc
    thread = threading.Thread(target=run, name="keyring", daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    if thread.is_alive():
        raise KeyringUnavailable(f"no answer within {TIMEOUT:g} s (locked?)")
    if "error" in outcome:
        error = outcome["error"]
        raise KeyringUnavailable(f"{type(error).__name__}: {error}")
    return outcome.get("value")
