"""PyInstaller runtime hook of the ClassWatch bundle (tools/build_bundle.py):
runs before main.py inside the bundle."""
import os
import sys
from pathlib import Path

# The Chinese font shipped for the PDF reports, unless the user chose one.
_fonts = Path(getattr(sys, "_MEIPASS", "")) / "fonts"
if _fonts.is_dir() and not os.environ.get("CLASSWATCH_PDF_FONT"):
    for _font in sorted(_fonts.iterdir()):
        os.environ["CLASSWATCH_PDF_FONT"] = str(_font)
        break
