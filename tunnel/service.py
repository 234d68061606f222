"""The Tunnel service: runs the provider's program, learns the public URL,
checks /healthz through it, and restarts the program with exponential
backoff when it dies. Fits Receiver.services (async start/stop, banner).

State changes go to plain listeners (the app turns them into Qt signals and
alarms). Listeners are called on the event loop, only when something the
user would see changed (not on every successful minute check).
"""
from __future__ import annotations

import asyncio
import enum
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import aiohttp

from storage.logs import mask_secrets

from .health import DEFAULT_TIMEOUT, check_health
from .leftovers import end_orphans
from .process import ChildProcess
from .providers import TunnelConfigError, make_provider
from .settings import TunnelSettings

log = logging.getLogger(__name__)


class TunnelState(str, enum.Enum):
    STARTING = "starting"     # program started, URL or first health check pending
    UP = "up"                 # /healthz answers through the public URL
    UNHEALTHY = "unhealthy"   # program runs, but /healthz does not answer through it
    DOWN = "down"             # program died (restart in `retry_in` s) or cannot run (retry_in None)
    STOPPED = "stopped"       # stop() was called, or never started


@dataclass(frozen=True)
class TunnelStatus:
    state: TunnelState
    provider: str
    public_url: str | None = None
    reason: str | None = None           # why down / unhealthy (never contains a token)
    retry_in: float | None = None       # down: seconds until the restart
    stable_url: bool = True             # False: the URL changes at every start (quick tunnels)
    registered_url: str | None = None   # what the school registered with ClassIn
    url_changed: bool = False           # public_url is not the registered one: pushes go elsewhere
    since: float = field(default_factory=time.time, compare=False)

    @property
    def push_url(self) -> str | None:
        return f"{self.public_url}/classin" if self.public_url else None

    @property
    def warning(self) -> str | None:
        """The line to show loudly, if any."""
        if self.url_changed:
            return (f"WARNING: the public URL {self.public_url} is not the URL registered with "
                    f"ClassIn ({self.registered_url}): ClassIn keeps pushing to the registered one, "
                    f"so nothing arrives and the schools' queues stay blocked. Ask ClassIn to change "
                    f"the push URL to {self.push_url}, or use a stable URL (cloudflared named tunnel, "
                    f"ngrok reserved domain, ssh).")
        if not self.stable_url and self.public_url and not self.registered_url:
            return (f"note: {self.public_url} changes at every start, and ClassIn's push URL is "
                    f"registered by hand: for production use a stable URL (cloudflared named "
                    f"tunnel, ngrok reserved domain, ssh).")
        return None


TunnelListener = Callable[[TunnelStatus], None]


class Backoff:
    """Delays between restarts: first, first*factor, ... up to cap."""

    def __init__(self, first: float = 1.0, cap: float = 60.0, factor: float = 2.0):
        self.first, self.cap, self.factor = first, cap, factor
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self.cap, self._next * self.factor)
        return delay

    def reset(self) -> None:
        self._next = self.first


def _base(url: str) -> str:
    """Compare public URLs whether or not the /classin path was included."""
    return url.rstrip("/").removesuffix("/classin").rstrip("/").lower()


class Tunnel:
    def __init__(self, settings: TunnelSettings, local_url: Callable[[], str | None], *,
                 backoff: Backoff | None = None, stable_after: float = 60.0,
                 url_timeout: float = 30.0, health_timeout: float = DEFAULT_TIMEOUT,
                 recheck_interval: float = 2.0, http: aiohttp.ClientSession | None = None,
                 record_dir: Path | None = None):
        """`local_url()` gives the receiver's base URL once it listens (its port
        may be chosen by the OS). A run that lasted `stable_after` seconds
        resets the backoff. A health failure is re-checked every
        `recheck_interval` s (capped by the settings' interval); the first
        `url_timeout` s of failures count as starting, not unhealthy. `http`: a
        session to share (not closed here); by default the tunnel has its own.
        `record_dir` (the data dir): where the running program is recorded, so
        that a start after a crash first ends the one the crash left running."""
        self.settings = settings
        self.provider = make_provider(settings)
        self.listeners: list[TunnelListener] = []
        self.backoff = backoff or Backoff()
        self.stable_after = stable_after
        self.url_timeout = url_timeout
        self.health_timeout = health_timeout
        self.recheck_interval = recheck_interval
        self._local_url = local_url
        self._status = TunnelStatus(TunnelState.STOPPED, self.provider.name,
                                    stable_url=self.provider.stable,
                                    registered_url=settings.registered_url)
        self._task: asyncio.Task | None = None
        self._child: ChildProcess | None = None
        self._http = http
        self._own_http = http is None
        self._check_now = asyncio.Event()
        self.record_dir = record_dir

    @classmethod
    def attach(cls, receiver, settings: TunnelSettings, **kwargs) -> "Tunnel":
        """A tunnel to `receiver`, started and stopped with it."""
        kwargs.setdefault("record_dir", receiver.data_dir)
        tunnel = cls(settings, lambda: receiver.url, **kwargs)
        receiver.services.append(tunnel)
        return tunnel

    # -- observing ----------------------------------------------------------------
    @property
    def status(self) -> TunnelStatus:
        return self._status

    @property
    def pid(self) -> int | None:
        """The provider program's process id while it runs (diagnostics)."""
        return self._child.pid if self._child is not None and self._child.running else None

    def check(self) -> None:
        """Raise TunnelConfigError now for a setup that cannot work (serve uses it
        to refuse to start; start() reports the same as a permanent DOWN)."""
        self.provider.check()

    def check_now(self) -> None:
        """Run the health check at once (a "check tunnel" button)."""
        self._check_now.set()

    def banner(self) -> list[str]:
        where = f" for {self.settings.public_url}" if self.settings.public_url else ""
        return [f"tunnel: {self.provider.name}{where}, starting "
                f"(the public URL is printed when it answers)"]

    # -- lifecycle -------------------------------------------------------------------
    async def start(self) -> None:
        """Start in the background; the state says how it goes."""
        if self._task is not None and not self._task.done():
            return
        if self._http is None:
            self._http = aiohttp.ClientSession()
        self._task = asyncio.create_task(self._supervise(), name=f"tunnel-{self.provider.name}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        if self._own_http and self._http is not None:
            await self._http.close()
            self._http = None
        self._set(TunnelState.STOPPED, public_url=None, reason=None, retry_in=None)

    # -- internals -------------------------------------------------------------------
    def _set(self, state: TunnelState, **changes) -> None:
        if "reason" in changes and changes["reason"] is not None:
            changes["reason"] = mask_secrets(changes["reason"], self.settings.secrets())
        new = replace(self._status, state=state, **changes)
        changed = bool(new.public_url and new.registered_url
                       and _base(new.public_url) != _base(new.registered_url))
        new = replace(new, url_changed=changed)
        if new == self._status:  # `since` is not compared: nothing visible changed
            return
        new = replace(new, since=time.time())
        old, self._status = self._status, new
        self._log_change(old, new)
        for listener in list(self.listeners):
            try:
                listener(new)
            except Exception:  # a broken view must not stop the tunnel
                log.exception("tunnel listener failed")

    def _log_change(self, old: TunnelStatus, new: TunnelStatus) -> None:
        if new.state in (TunnelState.DOWN, TunnelState.UNHEALTHY):
            retry = f"; restarting in {new.retry_in:.0f} s" if new.retry_in is not None else ""
            log.warning("tunnel %s %s: %s%s", new.provider, new.state.value, new.reason, retry)
        elif new.state is TunnelState.UP and old.state is not TunnelState.UP:
            log.info("tunnel %s up: %s", new.provider, new.public_url)
        elif new.state is TunnelState.STARTING and new.reason and new.reason != old.reason:
            log.info("tunnel %s not answering yet: %s", new.provider, new.reason)
        if new.warning and new.warning != old.warning:
            log.warning("%s", new.warning)

    async def _supervise(self) -> None:
        try:
            self.provider.check()
            if self.record_dir is not None:
                loop = asyncio.get_running_loop()
                for line in await loop.run_in_executor(None, end_orphans, self.record_dir):
                    log.warning("tunnel: %s", line)
            await self._keep_running()
        except TunnelConfigError as exc:
            self._set(TunnelState.DOWN, reason=str(exc), retry_in=None)
        except Exception as exc:  # a bug must show as a dead tunnel, not a frozen "up"
            log.exception("the tunnel supervisor failed")
            self._set(TunnelState.DOWN, reason=f"internal error: {type(exc).__name__}: {exc}",
                      retry_in=None)

    async def _keep_running(self) -> None:
        while True:
            started = time.monotonic()
            reason = await self._run_once()
            if time.monotonic() - started >= self.stable_after:
                self.backoff.reset()
            delay = self.backoff.next()
            self._set(TunnelState.DOWN, reason=reason, retry_in=delay)
            await asyncio.sleep(delay)

    async def _run_once(self) -> str:
        """One run of the program; returns why it ended."""
        assert self._http is not None
        local = self._local_url()
        if not local:
            return "the receiver is not listening"
        parts = urlsplit(local)
        argv = self.provider.command(parts.hostname or "127.0.0.1", parts.port or 80)
        self._set(TunnelState.STARTING, public_url=None, reason=None, retry_in=None)
        child = None
        if argv is not None:
            child = ChildProcess(argv, env=self.provider.env(), on_line=self._child_said,
                                 record_dir=self.record_dir)
            log.info("starting the tunnel: %s", " ".join(argv))  # tokens are in env, not argv
            try:
                child.start()
            except OSError as exc:
                return f"cannot run {argv[0]}: {exc.strerror or exc}"
        self._child = child
        health: asyncio.Task | None = None
        try:
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a stop()'s
            # cancellation that arrives as the URL does, and the tunnel runs on.
            try:
                async with asyncio.timeout(self.url_timeout):
                    url = await self.provider.public_url(child, self._http)
            except TimeoutError:
                return (f"{self.provider.name} gave no public URL within {self.url_timeout:.0f} s"
                        + self._last_words(child))
            if url is None:
                assert child is not None
                return self._exit_reason(child, await child.wait())
            url = url.rstrip("/")
            self._set(TunnelState.STARTING, public_url=url)
            health = asyncio.create_task(self._watch_health(url, local))
            if child is None:  # external: nothing but the health check, until stop()
                await health
            assert child is not None
            return self._exit_reason(child, await child.wait())
        finally:
            if health is not None:
                health.cancel()
            if child is not None:
                await child.stop()
            self._child = None

    def _child_said(self, line: str) -> None:
        log.debug("%s: %s", self.provider.name, mask_secrets(line, self.settings.secrets()))

    def _last_words(self, child: ChildProcess | None) -> str:
        said = [line.strip() for line in (child.lines if child else []) if line.strip()]
        return f": {said[-1]}" if said else ""

    def _exit_reason(self, child: ChildProcess, code: int) -> str:
        how = f"was killed by signal {-code}" if code < 0 else f"exited with code {code}"
        return f"{self.provider.name} {how}{self._last_words(child)}"

    async def _watch_health(self, url: str, local: str) -> None:
        assert self._http is not None
        first = time.monotonic()
        answered = False
        while True:
            result = await check_health(self._http, url, local_url=local, timeout=self.health_timeout)
            if result.ok:
                answered = True
                self._set(TunnelState.UP, reason=None)
            elif answered or time.monotonic() - first > self.url_timeout:
                self._set(TunnelState.UNHEALTHY, reason=result.reason)
            else:
                # A new tunnel needs a moment before its URL routes (DNS of a quick tunnel).
                self._set(TunnelState.STARTING, reason=result.reason)
            interval = self.settings.health_interval
            if self._status.state is not TunnelState.UP:
                interval = min(interval, self.recheck_interval)
            self._check_now.clear()
            try:
                async with asyncio.timeout(interval):
                    await self._check_now.wait()
            except TimeoutError:
                pass
