"""gui/ shows and commands: it depends on the core (app/) and the domain types
(lessons/, alarms/, protocol/, tunnel/ states, reports/), never on storage/,
receiver/ or cli/ internals. Every import in gui/ (top level or inside a
function) is read with ast, so a shortcut through the layers fails here."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("storage", "receiver", "cli")


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def test_gui_imports_neither_storage_nor_receiver_nor_cli():
    files = sorted((ROOT / "gui").rglob("*.py"))
    assert len(files) > 20
    bad = [f"{path.relative_to(ROOT)}:{line}: {module}" for path in files for line, module in imports(path)
           if module.split(".")[0] in FORBIDDEN]
    assert bad == [], "gui/ reaches past the core:\n" + "\n".join(bad)


def test_the_check_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "x.py"
    sample.write_text("def f():\n    from storage.db import open_database\n    import receiver.app\n", "utf-8")
    assert [m for _, m in imports(sample)] == ["storage.db", "receiver.app"]


def test_the_core_runs_without_qt():
    for package in ("app", "alarms", "lessons", "storage", "receiver"):
        for path in (ROOT / package).rglob("*.py"):
            assert not [m for _, m in imports(path) if m.split(".")[0] in ("PySide6", "qasync", "gui")], path


def test_the_views_reach_the_core_through_the_desk_only():
    """app.desk.Desk is the window's surface of the core: only the entry (which
    makes the core) and the bridge (which wraps it) know the core itself."""
    makers = {"gui/launch.py", "gui/bridge.py"}
    bad = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "gui").rglob("*.py"))
           if path.relative_to(ROOT).as_posix() not in makers
           for line, module in imports(path) if module == "app.core"]
    assert bad == [], "gui/ holds the core itself, not the desk:\n" + "\n".join(bad)
