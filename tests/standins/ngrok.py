"""Stand-in for the `ngrok` agent (v3).

Imitated behaviour of the real program:

* `ngrok http HOST:PORT [--domain=RESERVED] --log stdout` starts an HTTPS
  tunnel to HOST:PORT. With `--log stdout` it writes logfmt lines to stdout:

    t=2024-05-06T10:11:12+0000 lvl=info msg="starting web service" obj=web addr=127.0.0.1:4040 allow_hosts=[]
    t=2024-05-06T10:11:13+0000 lvl=info msg="client session established" obj=tunnels.session
    t=2024-05-06T10:11:13+0000 lvl=info msg="started tunnel" obj=tunnels name=command_line addr=http://127.0.0.1:8765 url=https://1a2b-203-0-113-7.ngrok-free.app

* Its local agent API (web_addr, default 127.0.0.1:4040) answers
  `GET /api/tunnels` with:

    {"tunnels": [{"name": "command_line", "ID": "2f1e...", "uri": "/api/tunnels/command_line",
                  "public_url": "https://1a2b-203-0-113-7.ngrok-free.app", "proto": "https",
                  "config": {"addr": "http://127.0.0.1:8765", "inspect": true},
                  "metrics": {"conns": {...}, "http": {...}}}],
     "uri": "/api/tunnels"}

  The public URL is random per start on the free plan, `https://RESERVED`
  with `--domain`. The authtoken comes from the config file or NGROK_AUTHTOKEN.

Here the API listens on $STANDIN_NGROK_API (host:port) and the public side
forwards to HOST:PORT (see _forward.py).
"""
from __future__ import annotations

import json
import os
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from _forward import forward, run_until_killed, split_addr


def log(msg: str, **fields: str) -> None:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime())
    extra = "".join(f" {k}={v}" for k, v in fields.items())
    print(f't={stamp} lvl=info msg="{msg}"{extra}', flush=True)


def serve_api(address: tuple[str, int], tunnel: dict) -> None:
    class Api(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.rstrip("/") != "/api/tunnels":
                self.send_error(404)
                return
            body = json.dumps({"tunnels": [tunnel], "uri": "/api/tunnels"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(address, Api)
    threading.Thread(target=server.serve_forever, daemon=True).start()


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "http" or len(argv) < 2:
        print("stand-in ngrok: only `ngrok http ADDR` is imitated", file=sys.stderr)
        return 2
    domain = next((a.split("=", 1)[1] for a in argv if a.startswith("--domain=")), None)
    host, port = split_addr(argv[1])
    api = split_addr(os.environ["STANDIN_NGROK_API"])
    url = f"https://{domain}" if domain else f"https://{secrets.token_hex(2)}-203-0-113-7.ngrok-free.app"
    tunnel = {"name": "command_line", "ID": secrets.token_hex(16), "uri": "/api/tunnels/command_line",
              "public_url": url, "proto": "https",
              "config": {"addr": f"http://{host}:{port}", "inspect": True},
              "metrics": {"conns": {"count": 0}, "http": {"count": 0}}}
    log("starting web service", obj="web", addr=f"{api[0]}:{api[1]}", allow_hosts="[]")
    forward((host, port))
    log("client session established", obj="tunnels.session")
    serve_api(api, tunnel)
    log("started tunnel", obj="tunnels", name="command_line", addr=f"http://{host}:{port}", url=url)
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime())
    run_until_killed(out=sys.stdout,
                     death_message=f't={stamp} lvl=eror msg="session closed" obj=tunnels.session err="stand-in died"')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
