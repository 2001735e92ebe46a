"""The benchmarks import the plugin inside their functions (QGIS starts first), so a moved
module breaks ``make bench`` only when it runs — and ``make bench`` never fails. Every
``from territorial_plugin… import name`` in ``bench/`` must name a module and a name that exist."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _plugin_imports():
    for path in sorted((ROOT / "bench").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("territorial_plugin"):
                yield path.name, node.module, [alias.name for alias in node.names]


def _defines(module: str, name: str) -> bool:
    """``name`` is a sub-module of ``module`` or bound at its top level (read from the source, not imported)."""
    base = ROOT / Path(*module.split("."))
    if (base / f"{name}.py").is_file() or (base / name / "__init__.py").is_file():
        return True
    source = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.name == name:
            return True
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return True
        if isinstance(node, (ast.Import, ast.ImportFrom)) and any(
            (a.asname or a.name.split(".")[0]) == name for a in node.names
        ):
            return True
    return False


def test_every_plugin_import_of_the_benchmarks_exists():
    imports = list(_plugin_imports())
    assert imports, "the benchmarks import nothing from the plugin: the scan is broken"
    missing = []
    for bench, module, names in imports:
        base = ROOT / Path(*module.split("."))
        if not (base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()):
            missing.append(f"{bench}: module {module}")
            continue
        missing += [f"{bench}: {module}.{name}" for name in names if not _defines(module, name)]
    assert not missing, missing


def test_the_scan_finds_a_moved_module():
    """The check above fails for the import that broke bench_coverage (gui.panel.coverage_task)."""
    base = ROOT / "territorial_plugin" / "gui" / "panel" / "coverage_task"
    assert not base.with_suffix(".py").is_file()
    assert _defines("territorial_plugin.gui.panel.tasks", "CoverageTask")
    assert not _defines("territorial_plugin.gui.panel.tasks", "NoSuchTask")
