"""Finding a font with Chinese glyphs for the PDF report.

fpdf2's built-in fonts are Latin-1 only, so the report embeds a system font.
The candidates are searched by file name in the usual font folders of
Windows, macOS and Linux; `CLASSWATCH_PDF_FONT` (a .ttf/.otf/.ttc path)
overrides the search. fpdf2 reads collections (.ttc) itself through
`collection_font_number`; we only choose the face.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError

ENV_VAR = "CLASSWATCH_PDF_FONT"
PROBE = "张三课节"   # must all be in the font's character map
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")

# Preference order. Sans faces first: they print well at table sizes.
REGULAR_NAMES = (
    "msyh.ttc", "msyh.ttf",                            # Windows: Microsoft YaHei
    "PingFang.ttc", "Hiragino Sans GB.ttc",            # macOS
    "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf",
    "SourceHanSansSC-Regular.otf", "wqy-microhei.ttc", "wqy-zenhei.ttc",
    "simhei.ttf", "STHeiti Light.ttc", "simsun.ttc", "Songti.ttc",
    "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
)
# PingFang.ttc holds its own Semibold faces, which _face_score prefers here.
BOLD_NAMES = (
    "msyhbd.ttc", "msyhbd.ttf", "PingFang.ttc", "NotoSansCJK-Bold.ttc", "NotoSansCJKsc-Bold.otf",
    "NotoSansSC-Bold.otf", "SourceHanSansSC-Bold.otf", "STHeiti Medium.ttc",
)


class FontNotFoundError(RuntimeError):
    """No usable CJK font: the message tells the user what to install or set."""


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int = 0  # the face inside a .ttc/.otc collection


def _font_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        # Recent macOS ships PingFang as a downloadable asset under AssetsV2.
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library" / "Fonts",
                Path("/System/Library/AssetsV2")]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
            home / ".local" / "share" / "fonts", home / ".fonts"]


def _installed_fonts() -> dict[str, Path]:
    """Lower-cased file name -> path, first seen wins."""
    found: dict[str, Path] = {}
    for folder in _font_dirs():
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith(FONT_SUFFIXES):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


def _fontconfig_fonts() -> list[Path]:
    """Linux/BSD fonts fontconfig says cover Chinese, for names not in our lists."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = {Path(line.strip().rstrip(":")) for line in out.splitlines() if line.strip()}
    return sorted(p for p in paths if p.suffix.lower() in FONT_SUFFIXES)


def _face_score(font: TTFont, bold: bool) -> int:
    names = font["name"]
    family = str(names.getDebugName(16) or names.getDebugName(1) or "")
    style = str(names.getDebugName(17) or names.getDebugName(2) or "").lower()
    score = 0
    # Noto/Source Han put JP first: its glyph shapes are wrong for Chinese.
    if family.endswith(" SC") or " SC " in family or "GB" in family:
        score += 4
    if "mono" in family.lower():
        score -= 4
    if ("bold" in style or "semibold" in style) == bold:
        score += 2
    return score


def _usable_face(path: Path, bold: bool) -> FontFile | None:
    """The best face of the file that has Chinese glyphs, or None."""
    collection = path.suffix.lower() in (".ttc", ".otc")
    try:
        with (TTCollection if collection else TTFont)(str(path), lazy=True) as font:
            faces = list(font.fonts) if collection else [font]
            # Names are cheap to read, a CJK cmap is not (~0.3 s): rank by name,
            # then check glyphs in that order and stop at the first that has them.
            ranked = sorted(range(len(faces)), key=lambda i: -_face_score(faces[i], bold))
            for index in ranked:
                cmap = faces[index].getBestCmap() or {}
                if all(ord(ch) in cmap for ch in PROBE):
                    return FontFile(path, index)
    except (OSError, TTLibError, KeyError, AssertionError):
        pass  # unreadable or not a font: the caller tries the next candidate
    return None


def find_cjk_font(bold: bool = False) -> FontFile:
    """A font file (and face) that prints Chinese and Latin text.

    bold=True prefers a bold companion and falls back to the regular font.
    Raises FontNotFoundError with install advice when there is none.
    """
    return _find(os.environ.get(ENV_VAR) or None, bold)


@functools.lru_cache(maxsize=8)  # the search reads fonts; the answer rarely changes in a run
def _find(override: str | None, bold: bool) -> FontFile:
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise FontNotFoundError(f"{ENV_VAR}={override}: no such font file")
        face = _usable_face(path, bold)
        if face is None:
            raise FontNotFoundError(f"{ENV_VAR}={override}: not a readable font with Chinese characters")
        return face
    installed = _installed_fonts()
    names = (BOLD_NAMES + REGULAR_NAMES) if bold else REGULAR_NAMES
    candidates = [installed[name.lower()] for name in names if name.lower() in installed]
    for path in candidates + _fontconfig_fonts():
        face = _usable_face(path, bold)
        if face is not None:
            return face
    raise FontNotFoundError(
        "The PDF report needs a font with Chinese characters and none was found. "
        "Install one (Windows: Microsoft YaHei or SimHei; macOS: PingFang; "
        "Debian/Ubuntu: apt install fonts-noto-cjk or fonts-wqy-microhei) "
        f"or set {ENV_VAR} to a .ttf/.otf/.ttc file that has them.")
