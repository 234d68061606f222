"""The user's configuration: schools with their secrets, the Gensee token,
tunnel and alarm settings. One JSON file in the data dir, private to the user
(0600 where the platform has POSIX modes; a Windows profile dir is private
already), written atomically so a crash never leaves half a file.

`serve` and the app re-read it when it changes on disk, so `school add`
takes effect within a second without a restart.
"""
from __future__ import annotations

import copy
import json
import logging
import os
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .keyring_secrets import IN_KEYRING, MARK, KeyringSecrets, KeyringUnavailable, secret_slots
from .logs import url_secrets
from .paths import CONFIG_NAME

log = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_PORT = 8765
PORT_SETTING = "receiver_port"   # the desktop app's port, chosen in Settings
HEALTH_TOKEN_SETTING = "health_token"   # /healthz details for the app and selftest (a "token": masked)
# How a known school's pushes that do not verify are answered (CONTRACT.md):
# hold = ack and keep aside until the secret is fixed; strict = 403 (the queue
# blocks); off = stored as verified.
VERIFY_POLICIES = ("hold", "strict", "off")
DEFAULT_VERIFY = "hold"


@dataclass
class School:
    sid: int
    secret: str = field(repr=False)  # never in a repr, log line or traceback
    name: str = ""
    timezone: str = DEFAULT_TIMEZONE
    verify: str = DEFAULT_VERIFY
    # `school trust SID --held`: held pushes first seen up to this time are
    # promoted without verification. Kept here so a crash cannot lose the request.
    trust_held_until: float | None = None

    def public(self) -> dict[str, Any]:
        return {"sid": self.sid, "name": self.name, "timezone": self.timezone, "verify": self.verify}


@dataclass
class AlarmChannel:
    """A chat robot that receives alarms (alarms/channels/ knows the kinds).
    The URL is a secret too: robots put their access token in it."""
    name: str
    kind: str
    url: str = field(repr=False)
    secret: str = field(default="", repr=False)
    min_severity: str = "warning"


@dataclass
class Config:
    schools: dict[int, School] = field(default_factory=dict)
    gensee_token: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    channels: dict[str, AlarmChannel] = field(default_factory=dict)

    @property
    def port(self) -> int:
        """The desktop app's receiver port (Settings), else the default."""
        try:
            return int(self.settings.get(PORT_SETTING, DEFAULT_PORT))
        except (TypeError, ValueError):
            return DEFAULT_PORT

    def zone(self, sid: int | None) -> str:
        """The zone a time of school `sid` is told in, wherever it is told (the
        window, the chat robots, the CLI). A time of no school (the window's
        status bar, Gensee, a test message) in the first school's zone: support
        staff look after schools of one region, and often sit elsewhere, so this
        PC's zone would be a guess. An unknown SID's, and any before a school
        is added, in DEFAULT_TIMEZONE."""
        school = self.schools.get(sid) if sid is not None else min(
            self.schools.values(), key=lambda s: s.sid, default=None)
        return school.timezone if school is not None else DEFAULT_TIMEZONE

    def secrets(self) -> list[str]:
        values = [s.secret for s in self.schools.values()]
        values.append(self.gensee_token)
        values += [v for k, v in self.settings.items() if k.endswith("token") and isinstance(v, str)]
        for channel in self.channels.values():
            values += [channel.secret, channel.url, *url_secrets(channel.url)]
        return [v for v in values if v and len(v) >= 4]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _from_json(doc: dict[str, Any]) -> Config:
    schools = {}
    for item in doc.get("schools", []):
        verify = str(item.get("verify") or DEFAULT_VERIFY)
        trust = item.get("trust_held_until")
        school = School(sid=int(item["sid"]), secret=str(item["secret"]),
                        name=str(item.get("name") or ""),
                        timezone=str(item.get("timezone") or DEFAULT_TIMEZONE),
                        verify=verify if verify in VERIFY_POLICIES else DEFAULT_VERIFY,
                        trust_held_until=float(trust) if isinstance(trust, (int, float)) else None)
        schools[school.sid] = school
    channels = {}
    for item in doc.get("alarm_channels", []):
        channel = AlarmChannel(name=str(item["name"]), kind=str(item["kind"]), url=str(item["url"]),
                               secret=str(item.get("secret") or ""),
                               min_severity=str(item.get("min_severity") or "warning"))
        channels[channel.name] = channel
    return Config(schools=schools, gensee_token=str(doc.get("gensee_token") or ""),
                  settings=dict(doc.get("settings") or {}), channels=channels)


def _to_json(config: Config) -> dict[str, Any]:
    return {
        "schools": [asdict(s) for s in sorted(config.schools.values(), key=lambda s: s.sid)],
        "gensee_token": config.gensee_token,
        "settings": config.settings,
        "alarm_channels": [asdict(c) for c in sorted(config.channels.values(), key=lambda c: c.name)],
    }


# Windows: an antivirus scanner, a backup or sync client, or the search indexer
# opening config.json for a moment makes os.replace fail (WinError 5 or 32).
# They let go within moments; a save keeps trying for this long.
REPLACE_PATIENCE = 5.0


def replace_retrying(source: Path, target: Path) -> None:
    deadline = time.monotonic() + REPLACE_PATIENCE
    pause = 0.01
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


class ConfigError(Exception):
    pass


class ConfigStore:
    """Loads and saves config.json; `current()` re-reads it when the file changed
    (checked at most once a second) so other processes' edits take effect."""

    CHECK_INTERVAL = 1.0

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / CONFIG_NAME
        self._lock = threading.Lock()
        self._config = Config()
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0
        self._keyring = KeyringSecrets(data_dir)
        self._plaintext = False     # config.json holds secrets the keyring could
        self._reload(force=True)
        if self._plaintext and self._keyring.usable():
            self.update(lambda c: None)     # moved once: the file says where they are now
        if not self._config.gensee_token:
            self.update(lambda c: setattr(c, "gensee_token", new_token()))

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _reload(self, force: bool = False) -> None:
        stamp = self._file_stamp()
        if not force and stamp == self._stamp:
            return
        if stamp is None:
            self._config, self._stamp = Config(), None
            return
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            in_keyring = isinstance(doc, dict) and doc.get(MARK) == IN_KEYRING
            if in_keyring:
                self._keyring.fill(doc)
            config = _from_json(doc)
        except KeyringUnavailable as exc:
            raise ConfigError(f"the secrets of {self.path} are in the OS keyring, which cannot "
                              f"be read now ({exc})") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            # Keep the last good config: a half-edited file must not drop every school.
            raise ConfigError(f"cannot read {self.path}: {type(exc).__name__}") from None
        self._plaintext = not in_keyring and any(h.get(k) for _, h, k in secret_slots(doc))
        self._config, self._stamp = config, stamp

    def current(self, force_check: bool = False) -> Config:
        now = time.monotonic()
        # Every push asks: between two checks no lock, no stat.
        if not force_check and now - self._checked < self.CHECK_INTERVAL:
            return self._config
        with self._lock:
            if force_check or now - self._checked >= self.CHECK_INTERVAL:
                self._checked = now
                try:
                    self._reload()
                except ConfigError:
                    pass
            return self._config

    def update(self, change) -> Config:
        """Apply `change(config)` to the freshest config on disk and save it."""
        with self._lock:
            self._reload(force=True)
            change(self._config)
            self._save(self._config)
            return self._config

    def _save(self, config: Config) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        doc = copy.deepcopy(_to_json(config))
        if self._keyring.usable():
            try:
                self._keyring.take(doc)
            except KeyringUnavailable as exc:
                log.warning("the OS keyring refused the secrets (%s): config.json keeps them", exc)
                doc = _to_json(config)
        data = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        replace_retrying(tmp, self.path)
        if os.name == "posix":
            os.chmod(self.path, 0o600)
        self._stamp = self._file_stamp()

    # -- convenience -------------------------------------------------------
    def secret_for(self, sid: int) -> str | None:
        school = self.school(sid)
        return school.secret if school else None

    def school(self, sid: int) -> School | None:
        school = self.current().schools.get(sid)
        if school is None:
            # An unknown SID may have just been added by `school add`: look now.
            school = self.current(force_check=True).schools.get(sid)
        return school

    def add_school(self, sid: int, secret: str, name: str = "", timezone: str = DEFAULT_TIMEZONE,
                   verify: str | None = None) -> School:
        """Add or update; `verify` None keeps an existing school's policy (else the default)."""
        school = School(sid=sid, secret=secret, name=name, timezone=timezone)

        def change(config: Config) -> None:
            old = config.schools.get(sid)
            if old and not name:
                school.name = old.name
            school.verify = verify or (old.verify if old else DEFAULT_VERIFY)
            school.trust_held_until = old.trust_held_until if old else None
            config.schools[sid] = school
        self.update(change)
        return school

    def set_verify(self, sid: int, verify: str) -> None:
        self.update(lambda c: setattr(c.schools[sid], "verify", verify) if sid in c.schools else None)

    def trust_held(self, sid: int, until: float) -> bool:
        """Record that `sid`'s held pushes first seen up to `until` are to be
        promoted unverified; the receiver (or `school trust` itself) does it."""
        found = []

        def change(config: Config) -> None:
            school = config.schools.get(sid)
            found.append(school)
            if school is not None:
                school.trust_held_until = max(until, school.trust_held_until or 0.0)
        self.update(change)
        return found[0] is not None

    def health_token(self) -> str:
        """The install's token for /healthz details (made on first use)."""
        token = self.current().settings.get(HEALTH_TOKEN_SETTING)
        if isinstance(token, str) and token:
            return token
        made = new_token()
        self.update(lambda c: c.settings.setdefault(HEALTH_TOKEN_SETTING, made))
        return self.current(force_check=True).settings[HEALTH_TOKEN_SETTING]

    def remove_school(self, sid: int) -> bool:
        found = []
        self.update(lambda c: found.append(c.schools.pop(sid, None)))
        return found[0] is not None

    def save_channel(self, channel: AlarmChannel) -> None:
        """Adds the channel, or replaces the one of that name."""
        self.update(lambda c: c.channels.__setitem__(channel.name, channel))

    def remove_channel(self, name: str) -> bool:
        found = []
        self.update(lambda c: found.append(c.channels.pop(name, None)))
        return found[0] is not None

    def rotate_gensee_token(self) -> str:
        token = new_token()
        self.update(lambda c: setattr(c, "gensee_token", token))
        return token
