"""`serve`: the receiver alone, on the plain asyncio loop (no Qt)."""
from __future__ import annotations

import asyncio
import dataclasses
import errno
import logging
import os
import sys
from typing import Any

from receiver import gensee
from receiver.app import Receiver
from relay.worker import Relay
from storage.config import ConfigStore
from storage.backends import StoreUnavailable
from storage.lock import LockError
from storage.writer import StorageError
from storage.paths import CONFIG_NAME
from tunnel import PROVIDERS, Tunnel, TunnelConfigError, TunnelSettings, TunnelState, TunnelStatus
from tunnel.osproc import on_stop_signals
from tunnel.settings import STRICT_HOST_KEY_CHOICES

from . import options
from .context import open_context
from .errors import CliError

log = logging.getLogger(__name__)


def add_parser(sub, parents) -> None:
    p = sub.add_parser("serve", parents=parents, help="run the receiver without a window")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=options.port, default=8765, help="port (default 8765; 0 = any free port)")
    p.add_argument("--max-body", type=options.positive, default=16 * 1024 * 1024, metavar="BYTES",
                   help="largest accepted body (default 16 MiB)")
    _add_tunnel_options(p)


def run(args) -> int:
    ctx = open_context(args, log_to_stderr=True)
    receiver = Receiver(ctx.data_dir, config=ctx.config, db=ctx.db, max_body=args.max_body,
                        sync_delay=_sync_delay())
    Relay.attach(receiver)
    overrides = _tunnel_overrides(args)
    try:
        settings = TunnelSettings.from_settings(ctx.config.current().settings, **overrides)
    except (TypeError, ValueError) as exc:
        raise CliError(f"bad tunnel settings in the config: {exc}") from None
    try:
        receiver.services.append(_Tunnels(receiver, ctx.config, overrides, settings))
    except TunnelConfigError as exc:
        raise CliError(f"tunnel: {exc}") from None
    if settings.provider and args.save_tunnel:
        ctx.config.update(lambda c: c.settings.update(settings.to_settings()))
    try:
        asyncio.run(_serve(receiver, args))
    except (LockError, StoreUnavailable, StorageError) as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", -1)):
            raise CliError(f"cannot listen on {args.host}:{args.port}: the port is in use "
                           f"(another ClassWatch running? choose --port)") from None
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from None
    return 0


def _sync_delay() -> float:
    # Benchmarks emulate a laptop disk's fsync latency (bench/ingest.py).
    return float(os.environ.get("CLASSWATCH_EMULATE_SYNC_MS", "0") or 0) / 1000


# -- tunnel ------------------------------------------------------------------------
TOKEN_ENV = "CLASSWATCH_TUNNEL_TOKEN"


def _add_tunnel_options(p) -> None:
    g = p.add_argument_group("tunnel", "expose the receiver to ClassIn through a public URL "
                             "(defaults come from the settings; these override them for this run)")
    g.add_argument("--tunnel", choices=(*PROVIDERS, "none"), metavar="PROVIDER",
                   help=f"one of {', '.join(PROVIDERS)}; 'none' = no tunnel this time")
    g.add_argument("--public-url", metavar="URL",
                   help="the fixed public URL: named cloudflared tunnel's hostname, "
                        "the ssh host's address for the forwarded port, or an external one")
    g.add_argument("--tunnel-token", metavar="TOKEN",
                   help=f"cloudflared tunnel token (named tunnel) or ngrok authtoken; "
                        f"'-' reads it from standard input; default ${TOKEN_ENV}")
    g.add_argument("--tunnel-host", metavar="HOST", help="ssh: the server that opens the public port")
    g.add_argument("--tunnel-user", metavar="USER", help="ssh: the user on that server")
    g.add_argument("--tunnel-ssh-port", type=options.port, metavar="PORT", help="ssh: the server's ssh port")
    g.add_argument("--tunnel-remote-port", type=options.port, metavar="PORT",
                   help="ssh: the port opened on the server (ssh -R)")
    g.add_argument("--tunnel-key", metavar="FILE", help="ssh: private key file")
    g.add_argument("--tunnel-strict-host-key", choices=STRICT_HOST_KEY_CHOICES,
                   help="ssh: StrictHostKeyChecking (default accept-new)")
    g.add_argument("--tunnel-known-hosts", metavar="FILE", help="ssh: known_hosts file to use")
    g.add_argument("--ngrok-domain", metavar="DOMAIN",
                   help="ngrok: your reserved domain (a URL that survives restarts)")
    g.add_argument("--ngrok-api", metavar="URL", help="ngrok: the agent API (default http://127.0.0.1:4040)")
    g.add_argument("--tunnel-binary", metavar="PATH", help="the provider's executable, if not on PATH")
    g.add_argument("--tunnel-health-interval", type=options.positive_seconds, metavar="SECONDS",
                   help="how often /healthz is checked through the public URL (default 60)")
    g.add_argument("--registered-url", type=options.http_url, metavar="URL",
                   help="the push URL registered with ClassIn (a different public URL is flagged)")
    g.add_argument("--save-tunnel", action="store_true", help="remember these tunnel options")


def _tunnel_overrides(args) -> dict[str, Any]:
    """The tunnel options given on the command line (None = not given)."""
    token = args.tunnel_token
    if token == "-":
        token = sys.stdin.readline().strip()
    if token is None:
        # The environment keeps the token out of the process list.
        token = os.environ.get(TOKEN_ENV) or None
    return dict(
        provider="" if args.tunnel == "none" else args.tunnel, public_url=args.public_url,
        token=token, ssh_host=args.tunnel_host, ssh_user=args.tunnel_user,
        ssh_port=args.tunnel_ssh_port, remote_port=args.tunnel_remote_port,
        identity_file=args.tunnel_key, strict_host_key_checking=args.tunnel_strict_host_key,
        known_hosts=args.tunnel_known_hosts, ngrok_domain=args.ngrok_domain,
        ngrok_api=args.ngrok_api, binary=args.tunnel_binary,
        health_interval=args.tunnel_health_interval, registered_url=args.registered_url)


class _Tunnels:
    """`serve`'s tunnel, made from the config's settings with the command
    line's options on top, and made anew when those settings change in
    config.json (the app's Settings, a hand edit), which is looked at every
    POLL seconds: a stat of the file, re-read only when it changed.
    A receiver service; it owns the Tunnel (not in receiver.services)."""

    POLL = 2.0

    def __init__(self, receiver: Receiver, config: ConfigStore, overrides: dict[str, Any],
                 settings: TunnelSettings):
        """Raises TunnelConfigError when `settings` cannot work."""
        self._receiver = receiver
        self._config = config
        self._overrides = overrides
        self._seen = settings          # the settings last read, even if they cannot work
        self._unreadable: str | None = None
        self._watch: asyncio.Task | None = None
        self.tunnel = self._make(settings)

    def _make(self, settings: TunnelSettings) -> Tunnel | None:
        if not settings.provider:
            return None
        tunnel = Tunnel(settings, lambda: self._receiver.url, record_dir=self._receiver.data_dir)
        tunnel.check()
        tunnel.listeners.append(_TunnelPrinter(self._config))
        return tunnel

    def banner(self) -> list[str]:
        return self.tunnel.banner() if self.tunnel is not None else []

    async def start(self) -> None:
        if self.tunnel is not None:
            await self.tunnel.start()
        self._watch = asyncio.create_task(self._watch_config(), name="serve-tunnel-settings")

    async def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()
            try:
                await self._watch
            except asyncio.CancelledError:
                pass
            self._watch = None
        if self.tunnel is not None:
            await self.tunnel.stop()

    async def _watch_config(self) -> None:
        while True:
            await asyncio.sleep(self.POLL)
            try:
                await self._check_config()
            except Exception:  # the receiver runs on; the next change gets another try
                log.exception("applying the changed tunnel settings failed")

    async def _check_config(self) -> None:
        try:
            settings = TunnelSettings.from_settings(self._config.current().settings, **self._overrides)
        except (TypeError, ValueError) as exc:
            if str(exc) != self._unreadable:
                log.warning("the tunnel settings in %s cannot be read (%s): the tunnel keeps "
                            "the ones it has", CONFIG_NAME, exc)
            self._unreadable = str(exc)
            return
        self._unreadable = None
        if settings == self._seen:
            return
        # Field names only: the values may be secrets (the token) or private (hosts, keys).
        changed = ", ".join(f.name for f in dataclasses.fields(TunnelSettings)
                            if getattr(settings, f.name) != getattr(self._seen, f.name))
        self._seen, old = settings, self.tunnel
        try:
            new = self._make(settings)
        except TunnelConfigError as exc:
            log.warning("the tunnel settings in %s changed (%s) but cannot work: %s; the tunnel "
                        "keeps the ones it has", CONFIG_NAME, changed, exc)
            return
        if old is None and new is None:
            return
        what = "restarting" if old and new else "starting" if new else "stopping"
        log.info("the tunnel settings in %s changed (%s): %s the tunnel", CONFIG_NAME, changed, what)
        if old is not None:
            await old.stop()
        self.tunnel = new
        if new is not None:
            await new.start()


class _TunnelPrinter:
    """`serve`'s own lines about the tunnel: the public URL (again when it
    changes) on stdout for people and scripts; trouble goes to the log."""

    def __init__(self, config: ConfigStore):
        self._config = config
        self._shown: str | None = None

    def __call__(self, status: TunnelStatus) -> None:
        if status.state is not TunnelState.UP or status.public_url == self._shown:
            return
        self._shown = status.public_url
        print(f"public URL: {status.public_url}", flush=True)
        print(f"public ClassIn push URL: {status.push_url}", flush=True)
        # Read now: `gensee rotate` may have replaced the token since the start.
        path = gensee.base_path(self._config.current().gensee_token)
        print(f"public gensee callbacks: {status.public_url}{path}", flush=True)
        if status.warning:
            print(status.warning, flush=True)


async def _serve(receiver: Receiver, args) -> None:
    stop = asyncio.Event()
    on_stop_signals(asyncio.get_running_loop(), stop.set)
    url = await receiver.start(args.host, args.port)
    try:
        for line in receiver.banner():
            print(line, flush=True)
        await stop.wait()
        print("stopping: finishing in-flight pushes", file=sys.stderr, flush=True)
    finally:
        await receiver.stop()
    log.info("serve stopped cleanly (%s)", url)
