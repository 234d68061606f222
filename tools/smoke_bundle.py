"""Runs the built bundle the way a PC without Python would: from a copy outside
the checkout, with an empty environment (PATH=/usr/bin:/bin, a fresh HOME).

    .venv/bin/python tools/smoke_bundle.py [dist/ClassWatch] [--screenshot FILE]

Checks `--version`, `serve` acking a signed push, a PDF export with Chinese
names, and `--demo` showing its window under Xvfb for a few seconds; prints
the time to window. This script is only the client (it signs the push with
protocol/classin.py); everything it checks runs inside the bundle.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cli.version import version  # noqa: E402
from protocol.classin import sign  # noqa: E402

SID, SECRET, CLASS_ID = 3300417, "smoke-secret", 620000001
NAMES = ("张三", "李小龙")
DEMO_SECONDS = 5.0


class Smoke:
    def __init__(self, bundle: Path, tmp: Path):
        self.program = tmp / "ClassWatch" / bundle.name / "ClassWatch"
        shutil.copytree(bundle, self.program.parent, symlinks=True)
        (tmp / "home").mkdir()
        self.data = tmp / "data"
        self.env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp / "home")}
        self.tmp = tmp

    def run(self, *args: str, env: dict | None = None) -> str:
        out = subprocess.run([str(self.program), *args], capture_output=True, text=True, timeout=120,
                             env={**self.env, **(env or {})}, cwd=self.tmp)
        if out.returncode != 0 or "Traceback" in out.stderr:
            raise SystemExit(f"FAILED: ClassWatch {' '.join(args)} -> {out.returncode}\n{out.stderr}")
        return out.stdout

    def version(self) -> None:
        got = self.run("--version").strip()
        assert got == f"ClassWatch {version()}", got
        print(f"ok  --version: {got}")

    def serve_and_push(self) -> None:
        self.run("school", "add", str(SID), "--secret", SECRET, "--name", "第一实验学校",
                 "--data-dir", str(self.data))
        serve = subprocess.Popen([str(self.program), "serve", "--port", "0", "--data-dir", str(self.data)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=self.env, cwd=self.tmp)
        try:
            url = _listening_url(serve)
            now = int(time.time())
            for number, name in enumerate(NAMES):
                push = sign({"SID": SID, "CourseID": 31877204, "ClassID": CLASS_ID, "Cmd": 67371107,
                             "UID": 41200900 + number, "NickName": name, "Identity": 1, "Device": 0,
                             "ActionTime": now, "TimeStamp": now + 600,
                             "_id": f"{now:08x}smoke{number:011d}"}, SECRET)
                answer = _post(url + "/classin", push)
                assert answer["error_info"]["errno"] == 1, answer
            print(f"ok  serve: {len(NAMES)} signed pushes acked at {url}/classin")
        finally:
            serve.send_signal(signal.SIGTERM)
            code = serve.wait(60)
            err = serve.stderr.read()
            serve.stdout.close()
            serve.stderr.close()
        assert code == 0 and "Traceback" not in err, (code, err)

    def export_pdf(self) -> None:
        pdf = self.tmp / "报告.pdf"
        self.run("export", "--class-id", str(CLASS_ID), "--out", str(pdf), "--data-dir", str(self.data))
        assert pdf.read_bytes().startswith(b"%PDF"), pdf
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
            missing = [name for name in NAMES if name not in text]
            assert not missing, f"{missing} not in the PDF's text"
            print(f"ok  export: {pdf.name} ({pdf.stat().st_size} bytes) shows {', '.join(NAMES)}")
        else:
            print(f"ok  export: {pdf.name} written (no pdftotext to read it back)")

    def demo(self, screenshot: Path | None) -> float:
        """Seconds from start to the window on screen."""
        display, xvfb = _start_xvfb()
        env = {**self.env, "DISPLAY": display}
        started = time.monotonic()
        app = subprocess.Popen([str(self.program), "--demo", "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, cwd=self.tmp)
        try:
            shown = None
            while shown is None and time.monotonic() - started < 120:
                if app.poll() is not None:
                    raise SystemExit(f"FAILED: --demo exited {app.returncode}\n{app.stderr.read()}")
                if _window_viewable(display, "ClassWatch"):
                    shown = time.monotonic() - started
                else:
                    time.sleep(0.05)
            assert shown is not None, "no ClassWatch window within 120 s"
            time.sleep(DEMO_SECONDS)
            assert app.poll() is None, f"--demo exited {app.returncode}: {app.stderr.read()}"
            if screenshot is not None:
                _grab_screen(display, screenshot)
            app.send_signal(signal.SIGTERM)
            code = app.wait(60)
            err = app.stderr.read()
            assert code == 0 and "Traceback" not in err, (code, err)
        finally:
            if app.poll() is None:
                app.kill()
            app.wait()
            xvfb.terminate()
            xvfb.wait()
        print(f"ok  --demo: window shown {shown:.1f} s after start, up {DEMO_SECONDS:.0f} s, quit cleanly"
              + (f"; screenshot {screenshot}" if screenshot else ""))
        return shown


def _listening_url(serve: subprocess.Popen) -> str:
    for line in serve.stdout:
        found = re.match(r"listening on (http://\S+)", line)
        if found:
            return found.group(1)
    raise SystemExit(f"FAILED: serve printed no URL\n{serve.stderr.read()}")


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def _start_xvfb() -> tuple[str, subprocess.Popen]:
    """An Xvfb on a free display, once it answers a client: once a run's
    `--demo` met "could not connect to display :0" right after Xvfb had named it."""
    log = tempfile.TemporaryFile()
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x900x24",
                             "-nolisten", "tcp"], pass_fds=(write,), stderr=log)
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    display = f":{number}"
    deadline = time.monotonic() + 10
    while number and xvfb.poll() is None and time.monotonic() < deadline:
        if subprocess.run(["xwininfo", "-root"], capture_output=True, env={**os.environ, "DISPLAY": display}
                          ).returncode == 0:
            return display, xvfb
        time.sleep(0.1)
    xvfb.kill()
    xvfb.wait()
    log.seek(0)
    raise SystemExit(f"FAILED: Xvfb did not answer on display {display} (exit code {xvfb.returncode}):\n"
                     + log.read().decode("utf-8", "replace")[-2000:])


def _window_viewable(display: str, title: str) -> bool:
    env = {**os.environ, "DISPLAY": display}
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, env=env).stdout
    for window_id in re.findall(rf'^\s*(0x[0-9a-f]+) "[^"]*{title}[^"]*"', tree, re.MULTILINE):
        info = subprocess.run(["xwininfo", "-id", window_id], capture_output=True, text=True, env=env).stdout
        if "IsViewable" in info:
            return True
    return False


def _grab_screen(display: str, path: Path) -> None:
    # Qt's own screen grab (the venv's PySide6 on the same X display): no ImageMagick needed.
    code = ("import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
            "sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60,
                   env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "ClassWatch")
    parser.add_argument("--screenshot", type=Path, help="save the demo's screen as this PNG")
    args = parser.parse_args(argv)
    if not (args.bundle / "ClassWatch").is_file():
        print(f"error: no bundle in {args.bundle}: run tools/build_bundle.py first", file=sys.stderr)
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="classwatch-bundle-") as tmp:
        smoke = Smoke(args.bundle.resolve(), Path(tmp))
        smoke.version()
        smoke.serve_and_push()
        smoke.export_pdf()
        smoke.demo(args.screenshot.resolve() if args.screenshot else None)
    print(f"bundle smoke passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
