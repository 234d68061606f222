"""What the stand-ins share: a TLS-terminating TCP forwarder on loopback (the
"public" side of the fake tunnel) and the knobs the tests turn through the
environment.

Environment:
  STANDIN_PUBLIC_PORT   port the public side listens on (127.0.0.1)
  STANDIN_TLS_CERT/KEY  certificate for the public side (the tests' own CA-less
                        self-signed cert for *.trycloudflare.com / *.ngrok-free.app)
  STANDIN_DIE_AFTER     exit with code 1 after this many seconds (a crashing provider)
"""
from __future__ import annotations

import os
import random
import socket
import ssl
import sys
import threading
import time

WORDS = ("seasonal", "deck", "organisms", "brave", "lantern", "quiet", "harbor", "mint",
         "violet", "orbit", "cedar", "pixel", "summit", "velvet", "comet", "ember")


def random_words(n: int = 4) -> str:
    return "-".join(random.sample(WORDS, n))


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def _handle(conn: socket.socket, context: ssl.SSLContext, target: tuple[str, int]) -> None:
    try:
        public = context.wrap_socket(conn, server_side=True)
        local = socket.create_connection(target, timeout=10)
    except OSError:
        conn.close()
        return
    local.settimeout(None)
    threading.Thread(target=_pump, args=(local, public), daemon=True).start()
    _pump(public, local)


def forward(target: tuple[str, int]) -> None:
    """Accept TLS on 127.0.0.1:$STANDIN_PUBLIC_PORT and relay to `target`, in the background."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.environ["STANDIN_TLS_CERT"], os.environ["STANDIN_TLS_KEY"])
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", int(os.environ["STANDIN_PUBLIC_PORT"])))
    server.listen(16)

    def accept() -> None:
        while True:
            conn, _ = server.accept()
            threading.Thread(target=_handle, args=(conn, context, target), daemon=True).start()
    threading.Thread(target=accept, daemon=True).start()


def run_until_killed(out=sys.stderr, death_message: str = "") -> None:
    """Block like the real program; with STANDIN_DIE_AFTER, crash after that long."""
    die_after = os.environ.get("STANDIN_DIE_AFTER")
    if not die_after:
        while True:
            time.sleep(3600)
    time.sleep(float(die_after))
    print(death_message, file=out, flush=True)
    os._exit(1)


def split_addr(addr: str) -> tuple[str, int]:
    """'http://127.0.0.1:8765', '127.0.0.1:8765' or '8765' -> (host, port)."""
    addr = addr.split("://", 1)[-1].rstrip("/")
    host, _, port = addr.rpartition(":")
    return (host or "127.0.0.1", int(port))
