"""Builds dist/ClassWatch/: ClassWatch (ClassWatch.exe on Windows) with Python,
Qt and every dependency inside, so it runs every command on a PC without Python.

    python tools/build_bundle.py            (the venv's python: pip install pyinstaller first)

PyInstaller, one folder (not one file: a one-file exe unpacks ~200 MB to a
temp dir at every start, slow and flagged by antivirus). One console program
serves the command line and the desktop; started from a shortcut, the app
hides the console window it came with (gui/console.py).

Inside besides the code: the translations (.qm), the icon and sounds, the
package metadata (--version), and on Linux/macOS a Chinese font for the PDF
reports (Windows has Microsoft YaHei; its licence forbids shipping it).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "ClassWatch"
RESOURCES = ("i18n", "icons", "sounds")
FONT_DIR = "fonts"       # beside the program's modules; tools/bundle_runtime_hook.py looks there
# Imported by nothing we run; the hooks would pull them in (hundreds of MB).
EXCLUDES = ("tkinter", "matplotlib", "IPython", "PyQt5", "PyQt6", "PySide2", "OpenGL",
            "pyqtgraph.opengl", "scipy", "uvloop", "keyrings", "pandas", "pytest", "hypothesis", "pytestqt")


def our_packages() -> list[str]:
    """The top-level packages pyproject.toml installs: cli/ imports its commands by name."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["packages"]["find"]["include"]
    return [p.rstrip("*") for p in patterns if p.rstrip("*") != "resources"]


def pyinstaller_args(dist: Path, work: Path) -> list[str]:
    sep = os.pathsep   # --add-data SRC{sep}DEST
    args = [str(ROOT / "main.py"), "--name", NAME, "--onedir", "--noconfirm", "--console",
            "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work),
            "--paths", str(ROOT), "--icon", str(ROOT / "resources" / "icons" / "classwatch.ico"),
            "--runtime-hook", str(ROOT / "tools" / "bundle_runtime_hook.py"),
            "--copy-metadata", "classwatch", "--log-level", "WARN",
            # keyring finds its backends (Windows Credential Manager...) through entry points
            "--copy-metadata", "keyring", "--collect-submodules", "keyring.backends"]
    for package in our_packages():
        args += ["--collect-submodules", package]
    for folder in RESOURCES:
        for path in sorted((ROOT / "resources" / folder).iterdir()):
            if path.suffix != ".ts":        # translation sources are for translators
                args += ["--add-data", f"{path}{sep}resources/{folder}"]
    for optional in ("tzdata",):           # Windows has no system time zone database
        if _importable(optional):
            args += ["--collect-data", optional]
    font = _shippable_font()
    if font is not None:
        args += ["--add-data", f"{font}{sep}{FONT_DIR}"]
    for module in EXCLUDES:
        args += ["--exclude-module", module]
    return args


def _importable(name: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(name) is not None


def _shippable_font() -> Path | None:
    if sys.platform == "win32":
        return None
    sys.path.insert(0, str(ROOT))
    from reports.pdf_fonts import FontNotFoundError, find_cjk_font
    try:
        return find_cjk_font().path
    except FontNotFoundError:
        print("warning: no Chinese font found to ship: PDF reports will need one on the PC",
              file=sys.stderr)
        return None


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="PyInstaller's work folder, reused by the next build (default build/bundle)")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print("error: PyInstaller is not installed: pip install pyinstaller", file=sys.stderr)
        return 1
    started = time.monotonic()
    shutil.rmtree(args.dist / NAME, ignore_errors=True)
    PyInstaller.__main__.run(pyinstaller_args(args.dist.resolve(), args.work.resolve()))
    bundle = args.dist / NAME
    program = bundle / (NAME + (".exe" if sys.platform == "win32" else ""))
    if not program.is_file():
        print(f"error: {program} was not built", file=sys.stderr)
        return 1
    print(f"built {program} in {time.monotonic() - started:.0f} s; "
          f"{folder_size(bundle) / 2**20:.0f} MiB in {bundle}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
