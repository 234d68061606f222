"""The outside check: drive ClassWatch only through ../shared/CONTRACT.md.

Every check runs `python main.py ...` as a subprocess with a fresh data dir
and talks HTTP to a real `serve` on loopback; nothing of ClassWatch is
imported. Local HTTP servers play the chat robots and a school's own system.
Prints PASS/FAIL per check and a total; exit 1 on any FAIL.

    python tools/contract_check.py [--only NAME,NAME] [--keep] [--root CHECKOUT]
"""
from __future__ import annotations

import argparse
import base64
import contextlib
import hashlib
import hmac
import http.server
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
SID = 2290417
SECRET = "fixture-secret"
ACK = {"error_info": {"errno": 1, "error": "程序正常执行"}}
ALARM_FIELDS = {"id", "kind", "severity", "state", "sid", "class_id", "uid", "title", "detail",
                "first_seen", "last_seen", "count", "acknowledged_by", "acknowledged_at"}

LOG_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ )?(DEBUG|INFO|WARNING) ")
RESULTS: list[tuple[str, bool, str]] = []
KEEP = False


def check(name: str, ok: bool, detail: str = "") -> bool:
    RESULTS.append((name, bool(ok), detail))
    line = f"{'PASS' if ok else 'FAIL'}  {name}"
    if not ok and detail:
        line += f"\n      {detail[:600]}"
    print(line, flush=True)
    return bool(ok)


# ---------------------------------------------------------------- processes

def env() -> dict:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT)
    e["QT_QPA_PLATFORM"] = "offscreen"
    e.pop("CLASSWATCH_DB", None)
    e.pop("CLASSWATCH_DATA_DIR", None)
    return e


def cw(*args, timeout=60, input=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          env=env(), capture_output=True, text=True, timeout=timeout, input=input)


def fresh_dir(tag: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"cwcheck-{tag}-"))


@contextlib.contextmanager
def scratch(tag: str) -> Iterator[Path]:
    """A fresh data dir for one group of checks, removed after it (kept with --keep)."""
    d = fresh_dir(tag)
    try:
        yield d
    finally:
        if not KEEP:
            shutil.rmtree(d, ignore_errors=True)


def clean_error(p: subprocess.CompletedProcess, code: int, one_line=True) -> tuple[bool, str]:
    """Exit `code`, no traceback, a message on stderr (one line when asked)."""
    # log records (serve logs while it starts) are not the message
    lines = [ln for ln in p.stderr.splitlines() if ln.strip() and not LOG_LINE.match(ln)]
    ok = p.returncode == code and "Traceback" not in p.stderr + p.stdout and bool(lines)
    if one_line:
        ok = ok and len(lines) == 1
    return ok, f"rc={p.returncode} stderr={p.stderr.strip()[-400:]!r} stdout={p.stdout.strip()[-200:]!r}"


class Serve:
    """A real `python main.py serve` on a free loopback port."""

    def __init__(self, data_dir: Path, *extra):
        self.data_dir = data_dir
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "serve", "--data-dir", str(data_dir),
             "--port", "0", "--tunnel", "none", *map(str, extra)],
            cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self.gensee = None
        deadline = time.time() + 40
        while time.time() < deadline and self.proc.poll() is None:
            for ln in list(self.lines):
                m = re.search(r"ClassIn push URL: (\S+)", ln)
                if m:
                    self.url = m.group(1)
                m = re.search(r"gensee callbacks: (\S+)", ln)
                if m:
                    self.gensee = m.group(1)
            if self.url and self.gensee:
                break
            time.sleep(0.1)
        if not self.url:
            self.stop()
            raise RuntimeError("serve did not start: " + "".join(self.lines)[-800:])
        self.base = self.url.rsplit("/classin", 1)[0]

    def _drain(self):
        for ln in self.proc.stdout:
            self.lines.append(ln)

    def output(self) -> str:
        return "".join(self.lines)

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self, sig=signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        return self.proc.returncode


# ---------------------------------------------------------------- HTTP

def request(method: str, url: str, body: bytes | None = None, headers: dict | None = None,
         timeout=30) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def post(url: str, body: bytes | dict) -> tuple[int, dict, object]:
    if isinstance(body, dict):
        body = json.dumps(body, ensure_ascii=False).encode()
    status, headers, raw = request("POST", url, body, {"Content-Type": "application/json"})
    try:
        parsed = json.loads(raw)
    except ValueError:
        parsed = raw
    return status, headers, parsed


def acked(resp) -> bool:
    status, headers, body = resp
    return (status == 200 and isinstance(body, dict) and body.get("error_info", {}).get("errno") == 1
            and headers.get("Content-Type", "").startswith("application/json"))


def refused(resp, status: int) -> bool:
    return resp[0] == status and isinstance(resp[2], dict) and resp[2].get("error_info", {}).get("errno") == 0


def sign(secret: str, ts) -> str:
    return hashlib.md5((secret + str(ts)).encode()).hexdigest()


_counter = [0]


def oid(t: int) -> str:
    _counter[0] += 1
    return f"{t:08x}" + hashlib.md5(f"{t}-{_counter[0]}-{os.getpid()}".encode()).hexdigest()[:16]


def push(cmd, sid=SID, secret=SECRET, t=None, **fields) -> dict:
    """A push signed like ClassIn (TimeStamp = ActionTime + 600)."""
    t = int(t or time.time())
    p = {"SID": sid, "Cmd": cmd, **fields, "ActionTime": t, "TimeStamp": t + 600}
    p["SafeKey"] = sign(secret, t + 600)
    p["_id"] = oid(t)
    return p


def events(data_dir: Path, *args) -> list[dict]:
    p = cw("events", "--data-dir", data_dir, *args)
    if p.returncode != 0:
        raise RuntimeError(f"events failed rc={p.returncode}: {p.stderr[-300:]}")
    return [json.loads(ln) for ln in p.stdout.splitlines() if ln.strip()]


def ids(evs) -> list:
    return [e["payload"].get("_id") for e in evs if isinstance(e.get("payload"), dict)]


def wait_for(fn, timeout: float, step=0.25):
    deadline = time.time() + timeout
    while True:
        value = fn()
        if value or time.time() > deadline:
            return value
        time.sleep(step)


class Recorder:
    """A local HTTP server that records every request and answers by path."""

    def __init__(self, answer=None):
        self.requests: list[dict] = []
        self.answer = answer or (lambda path, body, n: (200, b'{"errcode":0,"errmsg":"ok"}'))
        rec = self

        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                entry = {"path": self.path, "headers": dict(self.headers), "body": body, "at": time.time()}
                rec.requests.append(entry)
                status, out = rec.answer(self.path, body, len(rec.requests))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            def log_message(self, *a):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def on(self, prefix: str) -> list[dict]:
        return [r for r in self.requests if r["path"].startswith(prefix)]

    def close(self):
        self.server.shutdown()


def free_port_in_use() -> tuple[socket.socket, int]:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    return s, s.getsockname()[1]


def fixtures() -> list[tuple[str, bytes]]:
    """The protocol fixtures (a copy of ../shared/protocol/fixtures ships in tests/)."""
    return [(f.name, f.read_bytes()) for f in sorted((ROOT / "tests" / "fixtures").glob("*.json"))]


# ---------------------------------------------------------------- checks

def c_version():
    p = cw("--version")
    check("version: --version prints 'ClassWatch X.Y.Z', exit 0",
          p.returncode == 0 and re.fullmatch(r"ClassWatch \d+\.\d+\.\d+", p.stdout.strip()) is not None,
          f"rc={p.returncode} out={p.stdout.strip()!r} err={p.stderr.strip()[-200:]!r}")


def c_exit_codes():
    with scratch("exit") as d:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        for args in (["export"], ["school", "add"], ["events", "--since", "yesterday"],
                     ["serve", "--port", "notaport"], ["nosuchcommand"], ["alarms", "ack"],
                     ["relay", "add", "x"], ["school", "add", "5", "--secret", "s", "--verify", "maybe"],
                     ["export", "--class-id", "1", "--format", "docx"], ["alarm-channel", "add", "x", "--kind", "pager", "--url", "http://x"]):
            ok, det = clean_error(cw(*args, "--data-dir", d), 2)
            check(f"exit: bad args {' '.join(args)} -> 2, one line", ok, det)
        # the data dir is a file
        bad = d / "afile"
        bad.write_text("x")
        for args in (["events"], ["school", "list"], ["export", "--class-id", "1"], ["serve", "--port", "0"],
                     ["alarms"], ["relay", "list"], ["alarm-channel", "list"], ["gensee", "url"]):
            ok, det = clean_error(cw(*args, "--data-dir", bad / "sub", timeout=40), 1)
            check(f"exit: bad data dir ({' '.join(args)}) -> 1, one line", ok, det)
        # read-only commands never create a data dir
        ghost = d / "not-there"
        cw("events", "--data-dir", ghost)
        check("exit: read-only `events` does not create a data dir", not ghost.exists())
        # unwritable --out
        p = cw("export", "--class-id", "508113967", "--format", "csv", "--out", "/proc/nope/x.csv", "--data-dir", d)
        ok, det = clean_error(p, 1)
        check("exit: export to an unwritable --out -> 1, one line", ok, det)
        # contradicting --format and extension
        p = cw("export", "--class-id", "508113967", "--format", "csv", "--out", d / "x.xlsx", "--data-dir", d)
        ok, det = clean_error(p, 2)
        check("exit: --format csv with --out x.xlsx -> 2, one line", ok, det)
        # unknown lesson
        p = cw("export", "--class-id", "424242", "--data-dir", d)
        ok, det = clean_error(p, 1)
        check("exit: export of an unknown ClassID -> 1, one line", ok, det)
        # corrupt database
        c = fresh_dir("corrupt")
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", c)
        (c / "classwatch.db").write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
        for args in (["events"], ["export", "--class-id", "1"], ["serve", "--port", "0"], ["alarms"],
                     ["rebuild"]):
            ok, det = clean_error(cw(*args, "--data-dir", c, timeout=40), 1)
            check(f"exit: corrupt database ({' '.join(args)}) -> 1, one line", ok, det)
        p = cw("events", "--debug", "--data-dir", c)
        check("exit: --debug shows the traceback", p.returncode == 1 and "Traceback" in p.stderr,
              f"rc={p.returncode} err={p.stderr[-300:]!r}")
        # a port in use
        s, port = free_port_in_use()
        try:
            p = cw("serve", "--port", port, "--tunnel", "none", "--data-dir", fresh_dir("port"), timeout=40)
            ok, det = clean_error(p, 1)
            check("exit: serve on a port in use -> 1, one line", ok, det)
        finally:
            s.close()
        if not KEEP:
            shutil.rmtree(c, ignore_errors=True)


def c_classin_basics(d: Path, srv: Serve):
    fx = fixtures()
    results = [(name, post(srv.url, raw)) for name, raw in fx]
    bad = [(n, r[0], r[2]) for n, r in results if not acked(r)]
    check(f"classin: all {len(fx)} fixtures acked errno 1 (HTTP 200, application/json)", not bad, str(bad[:3]))
    r = results[0][1]
    check("classin: ack body is exactly the documented one", r[2] == ACK, str(r[2]))
    stored = events(d)
    want = [json.loads(raw)["_id"] for _, raw in fx if json.loads(raw).get("Cmd") != "Test"]
    got = ids(stored)
    check("classin: every fixture is in `events` once (Test aside)",
          all(got.count(i) == 1 for i in want), f"missing={[i for i in want if i not in got][:3]}")
    check("classin: events lines have received_at/source/payload",
          all(set(e) >= {"received_at", "source", "payload"} and e["source"] == "classin"
              and isinstance(e["received_at"], (int, float)) for e in stored), str(stored[:1])[:300])
    # the payload is the push exactly as received, parsed
    byid = {e["payload"].get("_id"): e["payload"] for e in stored}
    same = all(byid.get(json.loads(raw)["_id"]) == json.loads(raw) for _, raw in fx
               if json.loads(raw).get("Cmd") != "Test")
    check("classin: events payload equals the body sent", same)
    # duplicates: same _id re-sent; same body without _id
    n = len(stored)
    again = [post(srv.url, raw) for _, raw in fx[:5]]
    check("classin: a re-sent push is acked again", all(acked(r) for r in again))
    nid = push("67371107", t=int(time.time()), ClassID=900000777, CourseID=1, UID=5, Identity=1)
    del nid["_id"]
    a, b = post(srv.url, nid), post(srv.url, nid)
    stored = events(d)
    check("classin: re-sent pushes not stored twice (with and without _id)",
          acked(a) and acked(b) and len(stored) == n + 1, f"before={n} after={len(stored)}")
    # Test push
    t = int(time.time())
    test = {"SID": SID, "Cmd": "Test", "Msg": "Register test.", "TimeStamp": t, "SafeKey": sign(SECRET, t)}
    check("classin: Test push with a good SafeKey -> errno 1", acked(post(srv.url, test)))
    # not JSON, too large, unknown SID
    r = post(srv.url, b'{"SID": 2290417, "Cmd": "Net", broken')
    check("classin: body not JSON -> 400 errno 0", refused(r, 400), str(r[:1] + r[2:]))
    p = push("Net", sid=5550001, secret="whatever", ClassID=1, UID=1, Data={})
    r = post(srv.url, p)
    check("classin: unknown SID -> 403 errno 0 with a reason",
          refused(r, 403) and bool(r[2]["error_info"].get("error")), str(r[:1] + r[2:]))
    q = events(d, "--quarantined")
    check("classin: unknown SID quarantined with reason unknown_sid",
          any("unknown_sid" in (e.get("reason"), e.get("reason_code")) and isinstance(e.get("payload"), dict)
              and e["payload"].get("_id") == p["_id"] for e in q),
          str([(e.get("reason"), str(e.get("payload"))[:60]) for e in q][:5]))
    check("classin: non-JSON body quarantined", any("broken" in json.dumps(e, ensure_ascii=False) for e in q),
          str([e.get("reason") for e in q]))
    # Cmd as an integer string, numbers as strings
    t = int(time.time())
    sp = {"SID": str(SID), "CourseID": "31877204", "ClassID": "900000778", "Cmd": "67371107",
          "UID": "41200999", "NickName": "字符串数字", "Identity": "1", "Device": "0", "ClientID": "0",
          "ActionTime": str(t), "TimeStamp": str(t + 600), "SafeKey": sign(SECRET, t + 600), "_id": oid(t)}
    r = post(srv.url, sp)
    check("classin: numbers as strings, Cmd as a numeric string -> stored",
          acked(r) and sp["_id"] in ids(events(d, "--class-id", "900000778")), str(r[2]))
    # size limit (default 16 MiB)
    big = json.dumps(push("Net", ClassID=1, UID=1, Data={"pad": "x" * (17 * 1024 * 1024)})).encode()
    try:
        status = request("POST", srv.url, big, {"Content-Type": "application/json"}, timeout=60)[0]
    except (ConnectionError, urllib.error.URLError) as e:
        status = repr(e)
    check("classin: body over 16 MiB -> 413", status == 413, f"got {status}")


def c_healthz(d: Path, srv: Serve):
    status, _, raw = request("GET", srv.base + "/healthz")
    try:
        body = json.loads(raw)
    except ValueError:
        body = None
    extra = {k: v for k, v in (body or {}).items() if k != "ok"}
    check("healthz: stranger gets 200 {'ok': true} and only string extras",
          status == 200 and isinstance(body, dict) and body.get("ok") is True
          and all(isinstance(v, str) for v in extra.values()), f"{status} {raw[:300]!r}")
    # a random instance name may hold digits: look at the keys and at values that are not strings
    leaks = [str(SID), "last", "count", "push"]
    check("healthz: stranger sees no SIDs, counts or times",
          isinstance(body, dict) and not any(x in json.dumps(list(body)) for x in leaks)
          and not any(str(SID) in str(v) for v in body.values()), raw[:300].decode("utf-8", "replace"))
    cfg = json.loads((d / "config.json").read_text())
    token = cfg.get("settings", {}).get("health_token")
    if not token:   # made on first use (by the app or selftest): play the user who sets one
        token = "qa-health-token-" + os.urandom(8).hex()
        cfg.setdefault("settings", {})["health_token"] = token
        tmp = d / "config.json.qa"
        tmp.write_text(json.dumps(cfg))
        os.chmod(tmp, 0o600)
        os.replace(tmp, d / "config.json")
        time.sleep(2.5)
    for how, url, hdr in (("Bearer", srv.base + "/healthz", {"Authorization": f"Bearer {token}"}),
                          ("?token=", srv.base + "/healthz?token=" + urllib.parse.quote(token), {})):
        s2, _, raw2 = request("GET", url, headers=hdr)
        try:
            b2 = json.loads(raw2)
        except ValueError:
            b2 = {}
        check(f"healthz: with the token ({how}) the details come", s2 == 200 and len(b2) > len(body or {}),
              f"{s2} {raw2[:200]!r}")
    s3, _, raw3 = request("GET", srv.base + "/healthz", headers={"Authorization": "Bearer wrong"})
    check("healthz: a wrong token gets no details",
          s3 in (200, 401, 403) and str(SID) not in raw3.decode("utf-8", "replace"), f"{s3} {raw3[:200]!r}")


def c_kill9():
    with scratch("kill9") as d:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        srv = Serve(d)
        acked_ids: list[str] = []
        lock = threading.Lock()
        stop = threading.Event()
        sent: list[dict] = []

        def worker(k):
            i = 0
            while not stop.is_set():
                i += 1
                p = push("67375105", ClassID=900001000 + k, CourseID=1, SourceUID=k, TargetUID=0,
                         Color=f"hands up{k}", Handsup=True)
                with lock:
                    sent.append(p)
                try:
                    r = post(srv.url, p)
                except Exception:
                    return
                if acked(r):
                    with lock:
                        acked_ids.append(p["_id"])

        with ThreadPoolExecutor(8) as ex:
            for k in range(8):
                ex.submit(worker, k)
            wait_for(lambda: len(acked_ids) >= 150, 30)
            srv.kill9()
            stop.set()
        got = ids(events(d))
        missing = [i for i in acked_ids if i not in got]
        twice = [i for i in set(got) if got.count(i) > 1]
        check(f"ack=stored: kill -9 under traffic, all {len(acked_ids)} acked pushes stored",
              len(acked_ids) > 0 and not missing, f"missing {len(missing)}: {missing[:3]}")
        check("ack=stored: nothing stored twice after kill -9", not twice, str(twice[:3]))
        srv = Serve(d)
        try:
            re_acks = [post(srv.url, p) for p in sent]   # ClassIn re-sends what it did not see acked
            got2 = ids(events(d))
            check("ack=stored: after restart, re-sent pushes acked and each stored exactly once",
                  all(acked(r) for r in re_acks) and len(got2) == len(set(got2)) == len({p["_id"] for p in sent}),
                  f"stored={len(got2)} unique={len(set(got2))} sent={len({p['_id'] for p in sent})}")
        finally:
            srv.stop()


def c_verification():
    with scratch("verify") as d:
        HOLD, STRICT, OFF, TRUST = 3300001, 3300002, 3300003, 3300004
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        cw("school", "add", HOLD, "--secret", "old-secret", "--data-dir", d)
        cw("school", "add", STRICT, "--secret", "s-secret", "--verify", "strict", "--data-dir", d)
        cw("school", "add", OFF, "--secret", "o-secret", "--verify", "off", "--data-dir", d)
        cw("school", "add", TRUST, "--secret", "t-secret", "--data-dir", d)
        lst = cw("school", "list", "--data-dir", d)
        check("verify: school list shows policies and never the secrets",
              lst.returncode == 0 and "strict" in lst.stdout and "off" in lst.stdout
              and "old-secret" not in lst.stdout and "s-secret" not in lst.stdout, lst.stdout[-400:])
        srv = Serve(d)
        try:
            # lower-case spellings verify
            t = int(time.time())
            lc = {"SID": SID, "ClassID": 900002001, "CourseID": 1, "Cmd": "67371107", "UID": 7, "Identity": 1,
                  "ActionTime": t, "timeStamp": t + 600, "safeKey": sign(SECRET, t + 600), "_id": oid(t)}
            r = post(srv.url, lc)
            check("verify: safeKey/timeStamp spellings verify and are stored",
                  acked(r) and lc["_id"] in ids(events(d)), str(r[2]))
            # hold: wrong key, missing SafeKey, missing TimeStamp
            base = int(time.time()) - 30
            held = []
            for k, mangle in enumerate(("right-for-new", "right-for-new", "right-for-new")):
                p = push("67371107", sid=HOLD, secret="new-secret", t=base + k, ClassID=900002100,
                         CourseID=2, UID=100 + k, NickName=f"学生{k}", Identity=1)
                held.append(p)
            nokey = push("67371107", sid=HOLD, secret="x", t=base + 5, ClassID=900002100, CourseID=2, UID=200,
                         Identity=1)
            nokey.pop("SafeKey")
            nots = push("67371107", sid=HOLD, secret="x", t=base + 6, ClassID=900002100, CourseID=2, UID=201,
                        Identity=1)
            nots.pop("TimeStamp")
            rs = [post(srv.url, p) for p in held + [nokey, nots]]
            check("verify: hold policy acks wrong/missing SafeKey and missing TimeStamp (errno 1)",
                  all(acked(r) for r in rs), str([(r[0], r[2]) for r in rs]))
            q = events(d, "--quarantined")
            qh = {e["payload"].get("_id"): e for e in q if isinstance(e.get("payload"), dict)}
            all_held = [p["_id"] for p in held + [nokey, nots]]
            check("verify: held pushes listed by events --quarantined with reason held",
                  all("held" in (qh.get(i, {}).get("reason"), qh.get(i, {}).get("reason_code")) for i in all_held),
                  str([(i, qh.get(i, {}).get("reason_code")) for i in all_held]))
            check("verify: held pushes are not in events",
                  not set(all_held) & set(ids(events(d))))
            # promotion within 10 s after `school add SID --secret NEW`
            t0 = time.time()
            cw("school", "add", HOLD, "--secret", "new-secret", "--data-dir", d)
            want = [p["_id"] for p in held]
            got = wait_for(lambda: [e for e in events(d, "--class-id", "900002100") if e["payload"].get("_id") in want]
                           if len([e for e in events(d, "--class-id", "900002100")
                                   if e["payload"].get("_id") in want]) == 3 else None, 12)
            took = time.time() - t0
            check("verify: held pushes promoted within 10 s of `school add SID --secret NEW` (serve running)",
                  bool(got) and took <= 10.5, f"took {took:.1f}s, got={bool(got)}")
            if got:
                check("verify: promoted pushes keep the original received_at",
                      all(abs(e["received_at"] - qh[e["payload"]["_id"]]["received_at"]) < 0.001 for e in got),
                      str([(e["received_at"], qh[e["payload"]["_id"]]["received_at"]) for e in got]))
                check("verify: promoted pushes keep the original order", ids(got) == want, str(ids(got)))
                ex = cw("export", "--class-id", 900002100, "--data-dir", d)
                ok = ex.returncode == 0 and {100, 101, 102} <= {pp["uid"] for pp in json.loads(ex.stdout)["participants"]}
                check("verify: promoted pushes count in the lesson export", ok, ex.stdout[:300] + ex.stderr[-200:])
            still = [i for i in (nokey["_id"], nots["_id"]) if i in ids(events(d))]
            check("verify: pushes that still do not verify stay held", not still, str(still))
            # school trust SID --held
            tp = [push("HelpInfo", sid=TRUST, secret="x", ClassID=900002200, CourseID=3,
                       Data={"UID": 9, "Message": "无签名", "UserList": [9]}) for _ in range(2)]
            for p in tp:
                p.pop("SafeKey")
            rs = [post(srv.url, p) for p in tp]
            tr = cw("school", "trust", TRUST, "--held", "--data-dir", d)
            got = wait_for(lambda: set(p["_id"] for p in tp) <= set(ids(events(d))), 12)
            check("verify: `school trust SID --held` promotes that school's held pushes",
                  all(acked(r) for r in rs) and tr.returncode == 0 and got, f"rc={tr.returncode} {tr.stderr[-200:]}")
            # a school added while serve runs takes effect within seconds (ClassIn re-sends meanwhile)
            NEW = 3300009
            p = push("67371107", sid=NEW, secret="late-secret", ClassID=900002500, CourseID=6, UID=4, Identity=1)
            first = post(srv.url, p)
            cw("school", "add", NEW, "--secret", "late-secret", "--data-dir", d)
            t0 = time.time()
            ok = wait_for(lambda: acked(post(srv.url, p)), 10, 1.0)
            check("verify: unknown SID 403, then `school add` while serve runs: the re-send is acked within 10 s",
                  refused(first, 403) and bool(ok) and p["_id"] in ids(events(d)),
                  f"first={first[0]} ok={bool(ok)} after {time.time() - t0:.1f}s")
            # strict and off
            p = push("Net", sid=STRICT, secret="wrong", ClassID=900002300, UID=1, Data={})
            r = post(srv.url, p)
            check("verify: strict policy -> 403 errno 0 for a wrong SafeKey", refused(r, 403), str(r[:1] + r[2:]))
            p = push("67371107", sid=OFF, secret="wrong", ClassID=900002400, CourseID=4, UID=3, Identity=1)
            r = post(srv.url, p)
            check("verify: off policy stores a wrong-SafeKey push as verified",
                  acked(r) and p["_id"] in ids(events(d)), str(r[2]))
        finally:
            rc = srv.stop()
        check("serve: stops cleanly on SIGTERM (exit 0)", rc == 0, f"rc={rc}")
        check("serve: no traceback in its output", "Traceback" not in srv.output(), srv.output()[-500:])


def dingtalk_ok(req, secret) -> tuple[bool, str]:
    qs = urllib.parse.parse_qs(urllib.parse.urlparse(req["path"]).query)
    try:
        ts, sig = qs["timestamp"][0], qs["sign"][0]
    except (KeyError, IndexError):
        return False, f"no timestamp/sign in {req['path']}"
    want = base64.b64encode(hmac.new(secret.encode(), f"{ts}\n{secret}".encode(), hashlib.sha256).digest()).decode()
    body = json.loads(req["body"])
    ok = (sig == want and abs(int(ts) / 1000 - time.time()) < 3600 and body.get("msgtype") == "markdown"
          and {"title", "text"} <= set(body.get("markdown", {})))
    return ok, f"sign={sig} want={want} body={req['body'][:200]!r}"


def feishu_ok(req, secret) -> tuple[bool, str]:
    body = json.loads(req["body"])
    ts = str(body.get("timestamp"))
    want = base64.b64encode(hmac.new(f"{ts}\n{secret}".encode(), b"", hashlib.sha256).digest()).decode()
    ok = (body.get("sign") == want and ts.isdigit() and abs(int(ts) - time.time()) < 3600
          and body.get("msg_type") == "text" and isinstance(body.get("content", {}).get("text"), str))
    return ok, f"body={req['body'][:300]!r} want sign={want}"


def c_alarms_and_channels():
    d = fresh_dir("alarms")
    robots = Recorder(lambda path, body, n: (200, b'{"errcode":0,"errmsg":"ok","code":0,"msg":"success"}'))
    try:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        secrets = {"dingtalk": "SECdingtalk-secret-123", "feishu": "feishu-secret-456", "webhook": "wh-secret-789"}
        for kind in ("wecom", "dingtalk", "feishu", "slack", "webhook"):
            args = ["alarm-channel", "add", f"ch-{kind}", "--kind", kind, "--url", f"{robots.url}/{kind}",
                    "--min-severity", "info", "--data-dir", d]
            if kind in secrets:
                args += ["--secret", secrets[kind]]
            p = cw(*args)
            check(f"channels: alarm-channel add {kind} -> 0", p.returncode == 0, p.stderr[-300:])
        lst = cw("alarm-channel", "list", "--data-dir", d)
        check("channels: list shows all five channels",
              lst.returncode == 0 and all(f"ch-{k}" in lst.stdout for k in ("wecom", "dingtalk", "feishu", "slack", "webhook")),
              lst.stdout[-400:] + lst.stderr[-200:])
        leaked = [s for s in secrets.values() if s in lst.stdout + lst.stderr]
        check("channels: list never prints a secret", not leaked, str(leaked))
        cfg = d / "config.json"
        check("channels: config.json holding secrets is 0600", (cfg.stat().st_mode & 0o077) == 0,
              oct(cfg.stat().st_mode))
        for kind in ("wecom", "dingtalk", "feishu", "slack", "webhook"):
            before = len(robots.on(f"/{kind}"))
            p = cw("alarm-channel", "test", f"ch-{kind}", "--data-dir", d)
            reqs = robots.on(f"/{kind}")[before:]
            ok = p.returncode == 0 and len(reqs) >= 1
            det = f"rc={p.returncode} err={p.stderr[-200:]!r} requests={len(reqs)}"
            if ok:
                req = reqs[-1]
                body = json.loads(req["body"])
                if kind == "wecom":
                    ok = body.get("msgtype") == "markdown" and isinstance(body.get("markdown", {}).get("content"), str)
                elif kind == "dingtalk":
                    ok, det = dingtalk_ok(req, secrets["dingtalk"])
                elif kind == "feishu":
                    ok, det = feishu_ok(req, secrets["feishu"])
                elif kind == "slack":
                    ok = isinstance(body.get("text"), str)
                det = det if kind in ("dingtalk", "feishu") else f"body={req['body'][:300]!r}"
            check(f"channels: test {kind} reaches the robot in its format (signature checked)", ok, det)
            leaked = [s for s in secrets.values() if s in p.stdout + p.stderr]
            check(f"channels: test {kind} prints no secret", not leaked, str(leaked))
        # headless alarms: serve alone raises a help_request
        srv = Serve(d)
        try:
            n0 = len(robots.requests)
            t = int(time.time())
            cid = 900003001
            pushes = [push("67371107", t=t - 60, ClassID=cid, CourseID=5, UID=41201001, NickName="李老师", Identity=3,
                           Device=1, ClientID=0),
                      push("HelpInfo", t=t, ClassID=cid, CourseID=5,
                           Data={"UID": 41201001, "Message": "学生听不到声音，请帮忙", "UserList": [41201001]})]
            rs = [post(srv.url, p) for p in pushes]
            hp = push("Net", secret="not-the-secret", ClassID=cid, UID=41201001, Data={})
            check("alarms: a push that does not verify is held (acked)", acked(post(srv.url, hp)))
            va = wait_for(lambda: [a for a in alarms_json(d) if a.get("kind") == "verification"], 10)
            check("alarms: serve alone raises a verification alarm naming the school",
                  any(a.get("sid") == SID or str(SID) in str(a.get("title")) + str(a.get("detail")) for a in va or []),
                  str(alarms_json(d, raw=True))[:300])
            got = wait_for(lambda: [a for a in alarms_json(d) if a.get("kind") == "help_request"], 10)
            check("alarms: serve alone raises a help_request alarm (alarms --json)",
                  all(acked(r) for r in rs) and bool(got), str(alarms_json(d, raw=True))[:300])
            if got:
                a = got[0]
                check("alarms: --json fields exactly as CONTRACT", set(a) == ALARM_FIELDS,
                      f"extra={set(a) - ALARM_FIELDS} missing={ALARM_FIELDS - set(a)}")
                check("alarms: severity/state values and sid/class_id filled",
                      a.get("severity") in ("critical", "warning", "info") and a.get("state") == "open"
                      and a.get("sid") == SID and a.get("class_id") == cid, str(a))
                ack = cw("alarms", "ack", a["id"], "--by", "王工", "--note", "called the teacher", "--data-dir", d)
                check("alarms: ack ID --by --note -> 0", ack.returncode == 0, ack.stderr[-300:])
                seen = wait_for(lambda: [x for x in alarms_json(d, "--all") if x["id"] == a["id"]
                                         and x["state"] == "acknowledged" and x["acknowledged_by"] == "王工"], 2.5)
                check("alarms: acknowledgement seen by another process within 2 s", bool(seen),
                      str([x for x in alarms_json(d, "--all") if x.get("id") == a["id"]])[:300])
                time.sleep(2.5)   # give the running serve time to see it, then make it touch the alarm
                post(srv.url, push("HelpInfo", ClassID=cid, CourseID=5,
                                   Data={"UID": 41201001, "Message": "还是听不到", "UserList": [41201001]}))
                time.sleep(1.5)
                after = [x for x in alarms_json(d, "--all") if x.get("kind") == "help_request" and x["class_id"] == cid]
                check("alarms: the running serve keeps the acknowledgement (no re-open over it)",
                      any(x["id"] == a["id"] and x["acknowledged_by"] == "王工" for x in after), str(after)[:400])
            time.sleep(3)
            new = robots.requests[n0:]
            kinds_hit = {r["path"].split("?")[0].strip("/") for r in new}
            check("channels: an alarm raised by serve reaches every channel",
                  kinds_hit >= {"wecom", "dingtalk", "feishu", "slack", "webhook"}, str(sorted(kinds_hit)))
            wh = [r for r in new if r["path"].startswith("/webhook")]
            if wh:
                body = json.loads(wh[0]["body"])
                check("channels: webhook carries the alarm object", ALARM_FIELDS <= set(body), str(body)[:300])
                ts = wh[0]["headers"].get("X-ClassWatch-Timestamp", "")
                want = "sha256=" + hmac.new(secrets["webhook"].encode(), f"{ts}.".encode() + wh[0]["body"],
                                            hashlib.sha256).hexdigest()
                check("channels: webhook signature as README", wh[0]["headers"].get("X-ClassWatch-Signature") == want,
                      str(wh[0]["headers"]))
            dt = [r for r in new if r["path"].startswith("/dingtalk")]
            if dt:
                ok, det = dingtalk_ok(dt[0], secrets["dingtalk"])
                check("channels: DingTalk alarm message signed", ok, det)
        finally:
            srv.stop()
        log = (d / "classwatch.log").read_text(errors="replace") if (d / "classwatch.log").exists() else ""
        check("secrets: none of the channel secrets in classwatch.log",
              not [s for s in secrets.values() if s in log] and SECRET not in log)
        # survives a restart
        after = [x for x in alarms_json(d, "--all") if x.get("kind") == "help_request"]
        check("alarms: acknowledgement survives the restart",
              any(x.get("acknowledged_by") == "王工" for x in after), str(after)[:300])
        ok, det = clean_error(cw("alarms", "ack", "999999", "--by", "x", "--data-dir", d), 1)
        check("alarms: ack of an unknown ID -> 1, one line", ok, det)
        rm = cw("alarm-channel", "remove", "ch-slack", "--data-dir", d)
        lst = cw("alarm-channel", "list", "--data-dir", d)
        check("channels: remove drops it from list", rm.returncode == 0 and "ch-slack" not in lst.stdout,
              rm.stderr[-200:] + lst.stdout[-300:])
        p = cw("alarm-channel", "test", "no-such", "--data-dir", d)
        ok, det = clean_error(p, 1)
        if not ok:
            ok, det = clean_error(p, 2)
        check("channels: test of an unknown channel -> clear error, no traceback", ok, det)
    finally:
        robots.close()
        if not KEEP:
            shutil.rmtree(d, ignore_errors=True)


def alarms_json(d: Path, *extra, raw=False):
    p = cw("alarms", *extra, "--json", "--data-dir", d)
    if raw:
        return f"rc={p.returncode} out={p.stdout[-300:]} err={p.stderr[-300:]}"
    if p.returncode != 0:
        return []
    return [json.loads(x) for x in p.stdout.splitlines() if x.strip()]


def c_relay():
    d = fresh_dir("relay")
    good = Recorder(lambda path, body, n: (200, json.dumps(ACK, ensure_ascii=False).encode()))
    fails = {"n": 0}

    def flaky(path, body, n):
        fails["n"] += 1
        if fails["n"] <= 2:
            return 200, b'{"error_info":{"errno":0,"error":"busy"}}'
        return 200, json.dumps(ACK).encode()
    picky = Recorder(flaky)
    try:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        a = cw("relay", "add", "lms", "--sid", SID, "--url", good.url + "/in", "--data-dir", d)
        b = cw("relay", "add", "crm", "--sid", SID, "--url", picky.url + "/in", "--data-dir", d)
        check("relay: add two destinations -> 0", a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr)
        lst = cw("relay", "list", "--data-dir", d)
        check("relay: list shows them", lst.returncode == 0 and "lms" in lst.stdout and "crm" in lst.stdout,
              lst.stdout + lst.stderr)
        srv = Serve(d)
        try:
            bodies = []
            for i, (name, raw) in enumerate(fixtures()[:12]):
                # odd but valid JSON bytes: spacing, a BOM-less CRLF, escaped and raw CJK
                obj = json.loads(raw)
                if i % 3 == 0:
                    raw = json.dumps(obj, ensure_ascii=True, indent=1).encode()
                elif i % 3 == 1:
                    raw = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode() + b"\r\n"
                bodies.append(raw)
            rs = [post(srv.url, raw) for raw in bodies]
            check("relay: pushes acked while relaying", all(acked(r) for r in rs))
            expected = [bd for bd in bodies if json.loads(bd).get("Cmd") != "Test"]
            wait_for(lambda: len(good.requests) >= len(expected), 20)
            check("relay: destination gets the exact body bytes, in order",
                  [r["body"] for r in good.requests[:len(expected)]] == expected,
                  f"{len(good.requests)} received of {len(expected)}")
            check("relay: Content-Type application/json",
                  all(r["headers"].get("Content-Type", "").startswith("application/json") for r in good.requests))
            ok = wait_for(lambda: len({r["body"] for r in picky.requests}) >= len(expected), 25)
            first = [r["body"] for r in picky.requests]
            check("relay: a reply that is not errno 1 is retried (same body again, then the rest in order)",
                  bool(ok) and first[0] == first[1] == first[2] == expected[0]
                  and [x for i, x in enumerate(first) if i == 0 or x != first[i - 1]] == expected,
                  f"{len(first)} requests")
            st = cw("relay", "status", "--json", "--data-dir", d)
            check("relay: status --json -> 0 and mentions delivered", st.returncode == 0 and "deliver" in st.stdout,
                  st.stdout[-300:] + st.stderr[-200:])
        finally:
            srv.stop()
        # a dead destination slows nothing; what was acked reaches a destination after kill -9
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{closed.getsockname()[1]}/in"   # bound, never listening: refused
        cw("relay", "add", "dead", "--sid", SID, "--url", dead_url, "--data-dir", d)
        gate = {"open": False}
        late = Recorder(lambda path, body, n: (200, json.dumps(ACK).encode() if gate["open"] or path == "/held"
                                               else b'{"error_info":{"errno":0,"error":"not yet"}}'))
        cw("relay", "add", "late", "--sid", SID, "--url", late.url + "/in", "--data-dir", d)
        srv = Serve(d)
        try:
            sent = [push("67371107", ClassID=900006001, CourseID=7, UID=600 + i, Identity=1) for i in range(20)]
            t0 = time.time()
            rs = [post(srv.url, p) for p in sent]
            took = time.time() - t0
            check("relay: a refused destination does not slow acks (20 pushes acked in < 5 s)",
                  all(acked(r) for r in rs) and took < 5, f"{took:.2f}s")
            # a held push is relayed only once it is promoted (exact bytes)
            cw("school", "add", 3300050, "--secret", "old", "--data-dir", d)
            cw("relay", "add", "heldsys", "--sid", 3300050, "--url", late.url + "/held", "--data-dir", d)
            time.sleep(2.5)
            hb = json.dumps(push("67371107", sid=3300050, secret="new", ClassID=900006002, CourseID=8, UID=1,
                                 NickName="待验证", Identity=1), ensure_ascii=False, indent=2).encode()
            r = post(srv.url, hb)
            time.sleep(3)
            before = [x for x in late.on("/held")]
            cw("school", "add", 3300050, "--secret", "new", "--data-dir", d)
            ok = wait_for(lambda: any(x["body"] == hb for x in late.on("/held")), 20)
            check("relay: a held push is relayed only after promotion, byte for byte",
                  acked(r) and not before and bool(ok), f"before={len(before)} after={len(late.on('/held'))}")
            srv.kill9()
            gate["open"] = True
            srv = Serve(d)
            want = [json.dumps(p, ensure_ascii=False).encode() for p in sent]
            ok = wait_for(lambda: all(w in {r["body"] for r in late.requests} for w in want), 25)
            delivered = []
            for r in late.requests:
                if r["body"] in want and r["body"] not in delivered:
                    delivered.append(r["body"])
            check("relay: pushes acked before kill -9 reach the destination after restart, in order",
                  bool(ok) and delivered == want, f"{len(delivered)} of {len(want)}")
        finally:
            srv.stop()
            late.close()
            closed.close()
    finally:
        good.close()
        picky.close()
        if not KEEP:
            shutil.rmtree(d, ignore_errors=True)


def own_lesson(t0: int, cid: int) -> list[dict]:
    """A short lesson written from classin.md, not copied from the fixtures."""
    T, S1, S2 = 41300001, 41300002, 41300003
    common = {"ClassID": cid, "CourseID": 31900001}
    return [
        push(67371107, t=t0, **common, UID=T, NickName="张老师", Identity=3, Device=0, ClientID=0),
        push(67371107, t=t0 + 30, **common, UID=S1, NickName="王小明", Identity=1, Device=2, ClientID=0),
        push(67371107, t=t0 + 40, **common, UID=S2, NickName="Ава Смирнова", Identity=1, Device=4, ClientID=0),
        push(67375105, t=t0 + 100, **common, SourceUID=S1, TargetUID=0, Color=f"hands up{S1}", Handsup=True),
        push(67371521, t=t0 + 120, **common, SourceUID=T, TargetUID=S1, Operation=1),
        push(67371111, t=t0 + 300, **common, UID=S2, Identity=1, ClientID=0, Reason=56),
        push(67371107, t=t0 + 330, **common, UID=S2, NickName="Ава Смирнова", Identity=1, Device=4, ClientID=0),
        push("Net", t=t0 + 400, **common, UID=S2,
             Data={"Cpu": [30, 40], "Loss": [5, 12], "Delay": [80, 300], "Device": 4}),
        push(67371111, t=t0 + 1800, **common, UID=S1, Identity=1, ClientID=0, Reason=1),
        push(67371111, t=t0 + 1810, **common, UID=S2, Identity=1, ClientID=0, Reason=1),
        push(67371111, t=t0 + 1820, **common, UID=T, Identity=3, ClientID=0, Reason=2),
        push("End", t=t0 + 3000, **common, StartTime=t0, CloseTime=t0 + 2700 + 1200, RealCloseTime=t0 + 1820,
             Data={"inoutEnd": {str(T): {"Total": 1820, "Identity": 3, "Details": []},
                                str(S1): {"Total": 1770, "Identity": 1, "Details": []},
                                str(S2): {"Total": 1740, "Identity": 1, "Details": []}},
                   "handsupEnd": {str(S1): {"Total": 1, "CTime": 20}},
                   "stageEnd": {str(S1): {"UpCount": 1, "UpTotal": 600, "DownCount": 1, "DownTotal": 1170}}}),
    ]


def c_export():
    with scratch("export") as d:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        srv = Serve(d)
        cid = 900004001
        t0 = int(time.time()) - 4 * 3600
        try:
            rs = [post(srv.url, p) for p in own_lesson(t0, cid)]
            check("own pushes: a lesson written from classin.md is acked", all(acked(r) for r in rs),
                  str([r[2] for r in rs if not acked(r)][:2]))
            for name, raw in fixtures():
                post(srv.url, raw)
        finally:
            srv.stop()
        p = cw("export", "--class-id", cid, "--data-dir", d)
        try:
            s = json.loads(p.stdout)
        except ValueError:
            s = {}
        need = {"class_id", "course_id", "sid", "status", "start_time", "close_time", "real_close_time",
                "end_time", "participants"}
        check("export json: to stdout with the contract keys", p.returncode == 0 and need <= set(s),
              f"rc={p.returncode} missing={need - set(s)} err={p.stderr[-200:]}")
        if s:
            parts = {x["uid"]: x for x in s.get("participants", [])}
            pk = {"uid", "name", "identity", "present", "attended_seconds", "first_in", "last_out", "entries",
                  "hands_up", "awards", "stage_up_count", "stage_seconds"}
            check("export json: participant keys", all(pk <= set(x) for x in parts.values()),
                  str([pk - set(x) for x in parts.values()]))
            check("export json: status ended, end_time = min(RealCloseTime, CloseTime)",
                  s["status"] == "ended" and s["end_time"] == t0 + 1820, f"{s['status']} {s['end_time']} vs {t0 + 1820}")
            s1, s2 = parts.get(41300002, {}), parts.get(41300003, {})
            check("export json: CJK and Cyrillic names kept", s1.get("name") == "王小明" and s2.get("name") == "Ава Смирнова",
                  f"{s1.get('name')!r} {s2.get('name')!r}")
            check("export json: attended_seconds from End's inoutEnd Total",
                  s1.get("attended_seconds") == 1770 and s2.get("attended_seconds") == 1740,
                  f"{s1.get('attended_seconds')} {s2.get('attended_seconds')}")
            check("export json: S2 entered twice, S1 one hand up",
                  s2.get("entries") == 2 and s1.get("hands_up") == 1, f"entries={s2.get('entries')} hands={s1.get('hands_up')}")
        for ext, magic in (("xlsx", b"PK"), ("pdf", b"%PDF"), ("csv", None), ("json", b"{")):
            out = d / f"lesson.{ext}"
            p = cw("export", "--class-id", cid, "--out", out, "--data-dir", d, timeout=120)
            data = out.read_bytes() if out.exists() else b""
            ok = p.returncode == 0 and bool(data)
            if ok and magic:
                ok = data.lstrip(b"\xef\xbb\xbf").startswith(magic)
            if ok and ext == "csv":
                text = data.decode("utf-8-sig")
                ok = "王小明" in text and not text.startswith("{") and "," in text.splitlines()[0]
            check(f"export: format follows --out .{ext}", ok, f"rc={p.returncode} err={p.stderr[-200:]} head={data[:20]!r}")
        p = cw("export", "--class-id", "508113967", "--format", "pdf", "--out", d / "fx.pdf", "--data-dir", d,
               timeout=120)
        check("export: fixture lesson as pdf", p.returncode == 0 and (d / "fx.pdf").read_bytes()[:4] == b"%PDF",
              p.stderr[-200:])
        for ext in ("xlsx", "pdf", "json"):
            p = cw("export", "--class-id", cid, "--format", "csv", "--out", d / f"bad.{ext}", "--data-dir", d)
            ok, det = clean_error(p, 2)
            check(f"export: --format csv vs .{ext} -> 2", ok and not (d / f"bad.{ext}").exists(), det)


def c_follow_and_copy():
    with scratch("follow") as d:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        srv = Serve(d)
        try:
            f = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "events", "--follow", "--data-dir", str(d)],
                                 cwd=ROOT, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            lines: list[str] = []
            threading.Thread(target=lambda: [lines.append(x) for x in f.stdout], daemon=True).start()
            time.sleep(3)
            p = push("Net", ClassID=900005001, UID=3, Data={"Cpu": [1]})
            t = time.time()
            post(srv.url, p)
            seen = wait_for(lambda: any(p["_id"] in x for x in lines), 3, 0.05)
            lag = time.time() - t
            check("events --follow: a new push printed within 1 s", bool(seen) and lag <= 1.2,
                  f"seen={bool(seen)} lag={lag:.2f}s rc={f.poll()} err={(f.stderr.read() if f.poll() is not None else '')[-200:]}")
            f.terminate()
            try:
                f.wait(5)
            except subprocess.TimeoutExpired:
                f.kill()
        finally:
            srv.stop()
        src = events(d)
        e = fresh_dir("copy")
        to = f"sqlite:///{e / 'copy.db'}"
        a = cw("db", "copy", "--from", f"sqlite:///{d / 'classwatch.db'}", "--to", to, "--data-dir", e)
        b = cw("db", "copy", "--from", f"sqlite:///{d / 'classwatch.db'}", "--to", to, "--data-dir", e)
        copied = cw("events", "--db", to, "--data-dir", e)
        n = len([x for x in copied.stdout.splitlines() if x.strip()])
        check("db copy: twice stores nothing twice", a.returncode == 0 and b.returncode == 0 and n == len(src),
              f"rc={a.returncode},{b.returncode} copied={n} src={len(src)} err={(a.stderr + b.stderr)[-300:]}")
        if not KEEP:
            shutil.rmtree(e, ignore_errors=True)


def c_gensee():
    with scratch("gensee") as d:
        u = cw("gensee", "url", "--data-dir", d)
        check("gensee: `gensee url` prints the callback base", u.returncode == 0 and "/gensee/" in u.stdout,
              u.stdout + u.stderr)
        cw("gensee", "cobrowse", "--help", "--data-dir", d)
        srv = Serve(d)
        try:
            g = srv.gensee.rstrip("/")
            token_path = urllib.parse.urlparse(srv.gensee).path
            check("gensee: serve prints the same token as `gensee url`", token_path in u.stdout,
                  f"{srv.gensee} vs {u.stdout[:200]}")
            q = urllib.parse.urlencode({"ClassNo": "88001", "Operator": "u1", "Action": "101", "Affected": "u1",
                                        "totalusernum": "3"})
            s, _, b = request("GET", f"{g}/event?{q}")
            check("gensee: event -> 200 ok", s == 200 and b.strip() == b"ok", f"{s} {b[:100]!r}")
            s, _, b = request("GET", f"{g}/vod?" + urllib.parse.urlencode({"Action": "111", "ClassNo": "88001", "Operator": "u1"}))
            check("gensee: vod -> 200 ok", s == 200 and b.strip() == b"ok", f"{s} {b[:100]!r}")
            xml = ('<?xml version="1.0" encoding="UTF-8"?><qa><question>老师，第三题怎么做？</question>'
                   '<asker>u1</asker><webcastid>88001</webcastid></qa>').encode()
            s, _, b = request("POST", f"{g}/qa", xml, {"Content-Type": "text/xml"})
            check("gensee: qa (XML) -> 200 ok", s == 200 and b.strip() == b"ok", f"{s} {b[:100]!r}")
            form = urllib.parse.urlencode({"userid": "u2", "name": "小李", "question": "能再讲一遍吗", "webcastid": "88001"}).encode()
            s, _, b = request("POST", f"{g}/qa-web", form, {"Content-Type": "application/x-www-form-urlencoded"})
            check("gensee: qa-web (form) -> 200 ok", s == 200 and b.strip() == b"ok", f"{s} {b[:100]!r}")
            s, h, b = request("GET", f"{g}/rollcall?userid=u2&webcastid=88001")
            check("gensee: rollcall -> 200 HTML", s == 200 and "html" in h.get("Content-Type", ""), f"{s} {h.get('Content-Type')}")
            s, h, b = request("GET", f"{g}/end?userid=u2&confid=88001&username=%E5%B0%8F%E6%9D%8E")
            check("gensee: end -> 200 HTML", s == 200 and "html" in h.get("Content-Type", ""), f"{s} {h.get('Content-Type')}")
            s, h, b = request("GET", f"{g}/cobrowse?roomid=88001")
            try:
                json.loads(b.decode("utf-8"))
                okj = True
            except ValueError:
                okj = False
            check("gensee: cobrowse -> 200 UTF-8 JSON", s == 200 and okj, f"{s} {b[:100]!r}")
            s, _, _ = request("GET", srv.base + "/gensee/wrongtoken/event?ClassNo=1")
            check("gensee: a wrong token -> 404", s == 404, str(s))
            ev = [e for e in events(d) if e.get("source") == "gensee"]
            check("gensee: callbacks appear in events with source gensee", len(ev) >= 4, f"{len(ev)} gensee events")
        finally:
            srv.stop()
        r = cw("gensee", "rotate", "--data-dir", d)
        u2 = cw("gensee", "url", "--data-dir", d)
        check("gensee: rotate replaces the token", r.returncode == 0 and u2.stdout != u.stdout, r.stderr[-200:])


def c_simulate():
    with scratch("sim") as d:
        cw("school", "add", 4400001, "--secret", "sim-secret", "--data-dir", d)
        srv = Serve(d)
        try:
            p = cw("simulate", "--url", srv.url, "--sid", 4400001, "--secret", "sim-secret", "--lessons", 1,
                   "--students", 3, "--speed", 600, "--seed", 7, "--duration-limit", 25, timeout=90)
            ev = events(d)
            q = events(d, "--quarantined")
            check("simulate: pushes a day into serve, all accepted",
                  p.returncode == 0 and len(ev) >= 10 and not q, f"rc={p.returncode} events={len(ev)} quarantined={len(q)} err={p.stderr[-300:]}")
            cids = {e["payload"].get("ClassID") for e in ev if isinstance(e["payload"], dict)} - {None}
            if cids:
                x = cw("export", "--class-id", sorted(cids)[0], "--data-dir", d)
                check("simulate: a simulated lesson exports", x.returncode == 0 and '"participants"' in x.stdout,
                      x.stderr[-200:])
        finally:
            srv.stop()


def c_serve_group():
    with scratch("serve") as d:
        cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        srv = Serve(d)
        try:
            check("serve: prints the listening URL and the gensee base", "listening on http://127.0.0.1:" in srv.output()
                  and srv.gensee is not None, srv.output()[-300:])
            c_classin_basics(d, srv)
            c_healthz(d, srv)
            s2 = subprocess.run([sys.executable, str(ROOT / "main.py"), "serve", "--port", "0", "--tunnel", "none",
                                 "--data-dir", str(d)], cwd=ROOT, env=env(), capture_output=True, text=True, timeout=40)
            ok, det = clean_error(s2, 1)
            check("serve: a second receiver on the same data dir -> 1, one line", ok, det)
            e = env()
            e["CLASSWATCH_DATA_DIR"] = str(d)
            via_env = subprocess.run([sys.executable, str(ROOT / "main.py"), "events"], cwd=ROOT, env=e,
                                     capture_output=True, text=True, timeout=60)
            direct = cw("events", "--data-dir", d)
            check("cli: CLASSWATCH_DATA_DIR is the default data dir",
                  via_env.returncode == 0 and via_env.stdout == direct.stdout and direct.stdout.strip() != "",
                  via_env.stderr[-200:])
            viadb = cw("events", "--db", f"sqlite:///{d / 'classwatch.db'}", "--data-dir", fresh_dir("dbflag"))
            check("cli: --db sqlite:///PATH reads that database", viadb.stdout == direct.stdout, viadb.stderr[-200:])
        finally:
            rc = srv.stop(signal.SIGINT)
        check("serve: stops cleanly on SIGINT (exit 0)", rc == 0, f"rc={rc}")
        mode = {p.name: oct(p.stat().st_mode & 0o777) for p in d.iterdir() if p.name.startswith("classwatch")}
        check("files: data dir 0700 and classwatch.* 0600",
              (d.stat().st_mode & 0o077) == 0 and all(m == "0o600" for m in mode.values()), f"{oct(d.stat().st_mode)} {mode}")


class Postgres:
    """A throw-away PostgreSQL (initdb in a temp dir; as root the server runs as `postgres`)."""

    def __init__(self):
        import glob
        import pwd
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = shutil.which("initdb") or (bins[-1] if bins else None)
        if not initdb:
            raise FileNotFoundError("initdb not found")
        self.pg_ctl = str(Path(initdb).with_name("pg_ctl"))
        self.dir = Path(tempfile.mkdtemp(prefix="cwcheck-pg-"))
        self.prefix = []
        if os.geteuid() == 0:
            os.chown(self.dir, pwd.getpwnam("postgres").pw_uid, -1)
            self.prefix = ["runuser", "-u", "postgres", "--"]
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self._run(initdb, "-D", str(self.dir / "data"), "-U", "qa", "--auth=trust", "-E", "UTF8")
        self._run(self.pg_ctl, "-D", str(self.dir / "data"), "-w", "-l", str(self.dir / "log"), "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1", "start")
        self.url = f"postgresql://qa@127.0.0.1:{self.port}/postgres"

    def _run(self, *cmd):
        subprocess.run([*self.prefix, *cmd], check=True, capture_output=True, cwd=self.dir, timeout=120)

    def stop(self):
        subprocess.run([*self.prefix, self.pg_ctl, "-D", str(self.dir / "data"), "-m", "fast", "stop"],
                       capture_output=True, cwd=self.dir, timeout=60)
        shutil.rmtree(self.dir, ignore_errors=True)


def c_postgres():
    try:
        pg = Postgres()
    except (OSError, subprocess.CalledProcessError, KeyError) as e:
        check("postgres: a local server could be started for the check", False, repr(e)[:300])
        return
    d1, d2, d3 = fresh_dir("pg1"), fresh_dir("pg2"), fresh_dir("pg3")
    try:
        for d in (d1, d2):
            cw("school", "add", SID, "--secret", SECRET, "--data-dir", d)
        s1, s2 = Serve(d1, "--db", pg.url), Serve(d2, "--db", pg.url)
        try:
            fx = [raw for _, raw in fixtures() if json.loads(raw).get("Cmd") != "Test"]
            with ThreadPoolExecutor(4) as ex:   # every push sent to both receivers at once
                rs = list(ex.map(lambda a: post(*a), [(s.url, raw) for raw in fx for s in (s1, s2)]))
            check("postgres: two serve on one database ack every push", all(acked(r) for r in rs),
                  str([r[:1] + r[2:] for r in rs if not acked(r)][:3]))
            p = cw("events", "--db", pg.url, "--data-dir", d3)
            got = [json.loads(x)["payload"].get("_id") for x in p.stdout.splitlines() if x.strip()]
            check("postgres: each push stored once", p.returncode == 0 and sorted(got) == sorted(json.loads(r)["_id"] for r in fx),
                  f"rc={p.returncode} stored={len(got)} sent={len(fx)} err={p.stderr[-200:]}")
            a = cw("export", "--class-id", "508113967", "--db", pg.url, "--data-dir", d3)
            sq = fresh_dir("pgsq")
            to = f"sqlite:///{sq / 'classwatch.db'}"
            c1 = cw("db", "copy", "--from", pg.url, "--to", to, "--data-dir", sq)
            c2 = cw("db", "copy", "--from", pg.url, "--to", to, "--data-dir", sq)
            e2 = cw("events", "--data-dir", sq)
            check("postgres: db copy PostgreSQL -> SQLite twice stores each push once",
                  c1.returncode == 0 and c2.returncode == 0 and len(e2.stdout.splitlines()) == len(fx),
                  f"rc={c1.returncode},{c2.returncode} rows={len(e2.stdout.splitlines())} err={(c1.stderr + c2.stderr)[-300:]}")
            b = cw("export", "--class-id", "508113967", "--data-dir", sq)
            check("postgres: export the same on PostgreSQL and SQLite",
                  a.returncode == 0 and b.returncode == 0 and json.loads(a.stdout) == json.loads(b.stdout),
                  f"rc={a.returncode},{b.returncode} {a.stderr[-200:]} {b.stderr[-200:]}")
            al = cw("alarms", "--all", "--json", "--db", pg.url, "--data-dir", d3)
            check("postgres: alarms works on PostgreSQL", al.returncode == 0, al.stderr[-300:])
            if not KEEP:
                shutil.rmtree(sq, ignore_errors=True)
        finally:
            s1.stop()
            s2.stop()
        leaked = [d for d in (d1, d2) if "Traceback" in (d / "classwatch.log").read_text(errors="replace")] \
            if all((d / "classwatch.log").exists() for d in (d1, d2)) else []
        check("postgres: no traceback in the receivers' logs", not leaked, str(leaked))
    finally:
        pg.stop()
        if not KEEP:
            for d in (d1, d2, d3):
                shutil.rmtree(d, ignore_errors=True)


CHECKS = {
    "version": c_version, "exit": c_exit_codes, "serve": c_serve_group, "kill9": c_kill9,
    "verify": c_verification, "alarms": c_alarms_and_channels, "relay": c_relay, "export": c_export,
    "follow": c_follow_and_copy, "gensee": c_gensee, "simulate": c_simulate,
    "postgres": c_postgres,
}


def main(argv=None) -> int:
    global KEEP, ROOT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated groups: " + ",".join(CHECKS))
    ap.add_argument("--keep", action="store_true", help="keep the temporary data dirs")
    ap.add_argument("--root", type=Path, help="the checkout to drive (default: this one)")
    args = ap.parse_args(argv)
    KEEP = args.keep
    if args.root:
        ROOT = args.root.resolve()
    groups = args.only.split(",") if args.only else list(CHECKS)
    started = time.time()
    for g in groups:
        try:
            CHECKS[g]()
        except Exception as e:   # a broken group is a FAIL, the others still run
            check(f"{g}: group ran to the end", False, f"{type(e).__name__}: {e}")
    failed = [r for r in RESULTS if not r[1]]
    print(f"\n{len(RESULTS) - len(failed)} PASS, {len(failed)} FAIL of {len(RESULTS)} checks "
          f"in {time.time() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
