"""`serve`: the app's core (receiver, lesson state, alarms, tunnel) without a
window, on the plain asyncio loop (no Qt)."""
from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

from app import heap
from app.core import Monitor
from app.core_process import CoreProcess
from alarms.language import language
from app.startup import chosen_language, open_context, start_failure
from receiver import gensee
from receiver.app import Receiver
from storage.config import ConfigStore
from tunnel import PROVIDERS, Tunnel, TunnelConfigError, TunnelSettings, TunnelState, TunnelStatus
from tunnel.osproc import on_stop_signals
from tunnel.settings import STRICT_HOST_KEY_CHOICES

from . import loops, options
from .errors import CliError

log = logging.getLogger(__name__)


def add_parser(sub, parents) -> None:
    p = sub.add_parser("serve", parents=parents, help="run the receiver without a window")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=options.port, default=8765, help="port (default 8765; 0 = any free port)")
    p.add_argument("--max-body", type=options.positive, default=16 * 1024 * 1024, metavar="BYTES",
                   help="largest accepted body (default 16 MiB)")
    p.add_argument("--loop", choices=loops.CHOICES, default=loops.AUTO,
                   help="the event loop: uvloop where it is installed (auto, the default; "
                        "not on Windows), or asyncio's own")
    p.add_argument("--core", choices=("process", "inline"), default="process",
                   help="where lesson state, alarms, chat robots, relay and the tunnel run: in a process "
                        "of their own beside the receiver (default: the acks never wait for them), or inline "
                        "in the receiver's")
    _add_tunnel_options(p)


def run(args) -> int:
    heap.pace()
    ctx = open_context(args, log_to_stderr=True)
    overrides = _tunnel_overrides(args)
    settings = _tunnel_settings(ctx.config, overrides)
    if settings.provider and args.save_tunnel:
        ctx.config.update(lambda c: c.settings.update(settings.to_settings()))
    split = args.core == "process"
    receiver = Receiver(ctx.data_dir, config=ctx.config, db=ctx.db, max_body=args.max_body,
                        sync_delay=_sync_delay(), role="store" if split else "whole")
    if split:
        core = CoreProcess({"data_dir": ctx.data_dir, "db": ctx.db, "debug": args.debug, "lang": args.lang,
                            "tunnel": overrides, "loop": args.loop})
        serving = _serve_split(receiver, core, args.host, args.port)
    else:
        serving = _serve(serve_monitor(ctx, args, receiver, overrides, host=args.host, port=args.port))
    try:
        loops.run(serving, args.loop)
    except loops.LoopUnavailable as exc:
        raise CliError(str(exc)) from None
    except Exception as exc:
        line = start_failure(exc, args.host, args.port)
        if line is None:
            raise
        raise CliError(line) from None
    return 0


def _tunnel_settings(config: ConfigStore, overrides: dict[str, Any]) -> TunnelSettings:
    """The tunnel this run asks for, checked before anything starts: a setup
    that cannot work is one line, not a tunnel failing later."""
    try:
        settings = TunnelSettings.from_settings(config.current().settings, **overrides)
    except (TypeError, ValueError) as exc:
        raise CliError(f"bad tunnel settings in the config: {exc}") from None
    if settings.provider and settings.provider != "none":
        try:
            Tunnel(settings, lambda: None).check()
        except TunnelConfigError as exc:
            raise CliError(f"tunnel: {exc}") from None
    return settings


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


class TunnelPrinter:
    """`serve`'s own lines about the tunnel: the public URL (again when it
    changes) on stdout for people and scripts; trouble goes to the log."""

    def __init__(self, config: ConfigStore):
        self._config = config
        self._shown: str | None = None

    def __call__(self, status: TunnelStatus | None) -> None:
        if status is None or status.state is not TunnelState.UP or status.public_url == self._shown:
            return
        self._shown = status.public_url
        print(f"public URL: {status.public_url}", flush=True)
        print(f"public ClassIn push URL: {status.push_url}", flush=True)
        # Read now: `gensee rotate` may have replaced the token since the start.
        path = gensee.base_path(self._config.current().gensee_token)
        print(f"public gensee callbacks: {status.public_url}{path}", flush=True)
        if status.warning:
            print(status.warning, flush=True)


def serve_monitor(ctx, args, receiver: Receiver, tunnel_overrides: dict[str, Any], **listen: Any) -> Monitor:
    """The Monitor of a `serve`, inline or in its core process (cli.serve_core):
    the same core as the window's (lesson state, alarms, the tunnel; no Qt), with
    the chat robots in the desk's language and the public URL on stdout."""
    monitor = Monitor(ctx.data_dir, ctx.config, receiver=receiver, tunnel_overrides=tunnel_overrides,
                      language=language(chosen_language(args, ctx.config)), **listen)
    monitor.tunnel_listeners.append(TunnelPrinter(ctx.config))
    monitor.store_first = True
    return monitor


async def _serve_split(receiver: Receiver, core: CoreProcess, host: str, port: int) -> None:
    stop = asyncio.Event()
    on_stop_signals(asyncio.get_running_loop(), stop.set)
    receiver.listeners.append(core.forward)   # what comes before the core runs waits for it
    url = await receiver.start(host, port)
    try:
        core.settings["url"] = url
        try:
            await core.start()
        except RuntimeError as exc:
            raise CliError(str(exc)) from None
        heap.settle()
        for line in receiver.banner() + core.banner:
            print(line, flush=True)
        await stop.wait()
        print("stopping: finishing in-flight pushes", file=sys.stderr, flush=True)
    finally:
        await receiver.stop()   # the last acks first; then the core follows them and ends
        await core.stop()
    log.info("serve stopped cleanly (%s)", url)


async def _serve(monitor: Monitor) -> None:
    stop = asyncio.Event()
    on_stop_signals(asyncio.get_running_loop(), stop.set)
    url = await monitor.start()
    heap.settle()
    try:
        for line in monitor.receiver.banner():
            print(line, flush=True)
        await stop.wait()
        print("stopping: finishing in-flight pushes", file=sys.stderr, flush=True)
    finally:
        await monitor.stop()
    log.info("serve stopped cleanly (%s)", url)
