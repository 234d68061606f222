"""The version, from one place: the installed package's metadata (pyproject.toml).
A checkout run without installing it (and a bundle that lost the metadata)
reads pyproject.toml itself."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

DIST = "classwatch"


def version() -> str:
    try:
        return metadata.version(DIST)
    except metadata.PackageNotFoundError:
        pass
    try:
        text = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    found = re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE)
    return found.group(1) if found else "unknown"
