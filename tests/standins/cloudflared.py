"""Stand-in for `cloudflared` (Cloudflare Tunnel client).

Imitated behaviour of the real program (2024-2025 releases):

* `cloudflared tunnel [--no-autoupdate] --url http://127.0.0.1:PORT` opens a
  *quick tunnel*. It logs to **stderr** in this format, the URL inside an ASCII
  box, a new random `https://<words>.trycloudflare.com` host at every start:

    2024-05-06T10:11:12Z INF Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a quick way to experiment and try it out. However, be aware that these account-less Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should use a pre-created named tunnel by following: https://developers.cloudflare.com/cloudflare-one/connections/connect-apps
    2024-05-06T10:11:12Z INF Requesting new quick Tunnel on trycloudflare.com...
    2024-05-06T10:11:14Z INF +--------------------------------------------------------------------------------------------+
    2024-05-06T10:11:14Z INF |  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):  |
    2024-05-06T10:11:14Z INF |  https://seasonal-deck-organisms-sf.trycloudflare.com                                      |
    2024-05-06T10:11:14Z INF +--------------------------------------------------------------------------------------------+
    2024-05-06T10:11:14Z INF Registered tunnel connection connIndex=0 connection=... event=0 ip=198.41.200.193 location=ams02 protocol=quic

* `cloudflared tunnel [--no-autoupdate] run` with the token in `TUNNEL_TOKEN`
  (same as `--token`) runs a *named tunnel*; the hostname and the local
  service are configured in Cloudflare's dashboard, so nothing URL-like is
  printed; it logs `Registered tunnel connection connIndex=0 ...` lines.
  Here the local service is $STANDIN_TARGET (host:port).

The stand-in forwards its "public" side (see _forward.py) to the local URL.
$STANDIN_QUICK_WORDS fixes the quick tunnel's host name (the tests' "same URL
as last time").
"""
from __future__ import annotations

import os
import sys
import time

from _forward import forward, random_words, run_until_killed, split_addr


def log(message: str) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    print(f"{stamp} INF {message}", file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "tunnel":
        print("stand-in cloudflared: only `tunnel` is imitated", file=sys.stderr)
        return 2
    args = [a for a in argv[1:] if a != "--no-autoupdate"]
    if args[:1] == ["--url"] and len(args) == 2:
        forward(split_addr(args[1]))
        log("Thank you for trying Cloudflare Tunnel. Doing so, without a Cloudflare account, is a "
            "quick way to experiment and try it out. However, be aware that these account-less "
            "Tunnels have no uptime guarantee. If you intend to use Tunnels in production you should "
            "use a pre-created named tunnel by following: "
            "https://developers.cloudflare.com/cloudflare-one/connections/connect-apps")
        log("Requesting new quick Tunnel on trycloudflare.com...")
        url = f"https://{os.environ.get('STANDIN_QUICK_WORDS') or random_words()}.trycloudflare.com"
        width = 92
        log("+" + "-" * width + "+")
        log("|" + "  Your quick Tunnel has been created! Visit it at (it may take some time to be reachable):".ljust(width) + "|")
        log("|" + f"  {url}".ljust(width) + "|")
        log("+" + "-" * width + "+")
    elif args == ["run"]:
        if not os.environ.get("TUNNEL_TOKEN"):
            log("\"cloudflared tunnel run\" requires the ID or name of the tunnel to run")
            return 1
        forward(split_addr(os.environ["STANDIN_TARGET"]))
    else:
        print(f"stand-in cloudflared: unexpected arguments {argv}", file=sys.stderr)
        return 2
    log("Registered tunnel connection connIndex=0 connection=6f0c1b2e event=0 "
        "ip=198.41.200.193 location=ams02 protocol=quic")
    stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    run_until_killed(death_message=f"{stamp} ERR Connection terminated error=\"stand-in died\"")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
