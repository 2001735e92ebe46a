"""Static QGIS 4 / Qt6 readiness check of the plugin's Python code.

    check_qt6.py [PATH ...]     default: territorial_plugin/

QGIS 4 runs plugins on Qt6/PyQt6. No Qt6 build of QGIS is available to test on,
so this check finds, without running the plugin, what breaks there:

QT601  Qt imported other than through ``qgis.PyQt`` (PyQt5/PyQt6/PySide/sip directly)
QT602  an unscoped enum value (``Qt.AlignLeft``, ``QMessageBox.Yes``,
       ``Qgis.Info``); PyQt6 only knows the scoped form, which the message names
QT603  ``exec_()`` / ``print_()`` (gone in PyQt6; ``exec()`` works on both)
QT604  a ``QVariant`` type constant (``QVariant.String``); QGIS takes ``QMetaType``
       — go through ``territorial_plugin.compat`` where QGIS 3.22 needs the old one
QT605  an API removed in Qt6 (``QRegExp``, ``QDesktopWidget``, ``Qt.MidButton``…)
QT606  generated code committed (pyuic or pyrcc output): load ``.ui`` at run time
QT607  a Qt/QGIS class attribute that does not exist in the QGIS running the check
       (run in the 3.40/3.44 lanes too, this finds a 3.22 spelling newer QGIS dropped,
       e.g. ``QgsUnitTypes.LayoutUnit.LayoutMillimeters`` once it became
       ``Qgis.LayoutUnit.Millimeters``)

Enum values are recognised by introspecting the real classes of the Qt and QGIS
installed (``qgis.PyQt``, ``qgis.core``, ``qgis.gui``): an attribute that resolves
to an enum member reached through its owning class rather than its enum type is
unscoped. ``QAction``/``QActionGroup``/``QShortcut`` from ``qgis.PyQt.QtWidgets``
are fine: QGIS's Qt6 shim re-exports them there (qgis/QGIS#55658, #57467; kept for
QGIS 4), while QGIS 3.22's ``qgis.PyQt.QtGui`` does not have them.

A line ending in ``# qt6: ok`` is exempt (for the fallbacks in ``compat.py``).
Exit status 1 when anything is found. QGIS deprecations that are not Qt6 matters
are caught at run time instead, by the 3.44 test lane (tools/lanes/).
"""

from __future__ import annotations

import ast
import enum
import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [ROOT / "territorial_plugin"]
PRAGMA = "# qt6: ok"

FOREIGN_QT = ("PyQt5", "PyQt6", "PySide2", "PySide6", "sip")
INTROSPECTED = ("qgis.PyQt", "qgis.core", "qgis.gui", "qgis.analysis")
# Classes and attributes removed from Qt6 (or moved to Qt5Compat, absent in PyQt6).
REMOVED_NAMES = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QGuiApplication.screens())",
    "QTextCodec": "Python str / bytes decoding",
    "QStringRef": "str",
    "QMatrix": "QTransform",
    "QGLWidget": "QOpenGLWidget",
    "QtWebKit": "QtWebEngine or a plain QTextBrowser",
    "QtWebKitWidgets": "QtWebEngine or a plain QTextBrowser",
}
REMOVED_ATTRIBUTES = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("QPalette", "Background"): "QPalette.ColorRole.Window",
    ("QPalette", "Foreground"): "QPalette.ColorRole.WindowText",
    ("QApplication", "desktop"): "QGuiApplication.screens()",
}
GENERATED_MARKERS = ("Form implementation generated from reading ui file", "Resource object code")


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.code} {self.message}"


def _is_enum_member(value: object) -> bool:
    if isinstance(value, enum.Enum):
        return True
    # sip enums (PyQt5): the member's type is an instance of sip's enumtype
    return type(type(value)).__name__ == "enumtype" and not isinstance(value, type)


def _scoped_name(value: object, attr: str, owner: type, owner_spelling: str) -> str:
    """How to write an enum member scoped, in the spelling the code used for its class."""
    enum_type = type(value)
    member = value.name if isinstance(value, enum.Enum) else attr
    if isinstance(value, enum.Enum) and enum_type.__qualname__.startswith("Qgis."):
        # QGIS moved it into Qgis; the old class keeps an alias that QGIS 4 may drop
        return f"{enum_type.__qualname__}.{member}"
    if getattr(owner, enum_type.__name__, None) is enum_type:
        return f"{owner_spelling}.{enum_type.__name__}.{member}"
    # the enum lives elsewhere (QGIS moved many into Qgis.*): name it where it lives
    return f"{enum_type.__qualname__}.{member}"


def _qgis_version() -> str:
    try:
        from qgis.core import Qgis

        return Qgis.version().split("-")[0]
    except ImportError:
        return "(not importable)"


class _Checker(ast.NodeVisitor):
    def __init__(self, path: Path, source: str):
        self.path = path
        self.lines = source.splitlines()
        self.findings: list[Finding] = []
        self.names: dict[str, object] = {}  # local name -> imported Qt/QGIS object

    # -- helpers ---------------------------------------------------------
    def report(self, node: ast.AST, code: str, message: str) -> None:
        line = getattr(node, "lineno", 1)
        if line <= len(self.lines) and self.lines[line - 1].rstrip().endswith(PRAGMA):
            return
        self.findings.append(Finding(self.path, line, code, message))

    def _import(self, module: str, attr: str | None) -> object | None:
        if not module.startswith(INTROSPECTED):
            return None
        try:
            obj = importlib.import_module(module)
            return getattr(obj, attr) if attr else obj
        except Exception:  # an optional module missing here must not crash the check
            return None

    def _chain(self, node: ast.AST) -> list[str] | None:
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        parts.append(node.id)
        return parts[::-1]

    def _resolve(self, parts: list[str]) -> object | None:
        obj = self.names.get(parts[0])
        for part in parts[1:]:
            if obj is None:
                return None
            obj = getattr(obj, part, None)
        return obj

    # -- imports ---------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in FOREIGN_QT:
                self.report(node, "QT601", f"import {alias.name}: import Qt through qgis.PyQt")
            self._check_removed_name(node, alias.name.rsplit(".", 1)[-1])
            obj = self._import(alias.name, None)
            if obj is not None:
                if alias.asname:
                    self.names[alias.asname] = obj
                elif "." not in alias.name:
                    self.names[alias.name] = obj

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level == 0 and module.split(".")[0] in FOREIGN_QT:
            self.report(node, "QT601", f"from {module} import …: import Qt through qgis.PyQt")
        for alias in node.names:
            self._check_removed_name(node, alias.name)
            self._check_removed_name(node, module.rsplit(".", 1)[-1])
            if node.level == 0 and alias.name != "*":
                obj = self._import(module, alias.name)
                if obj is not None:
                    self.names[alias.asname or alias.name] = obj

    def _check_removed_name(self, node: ast.AST, name: str) -> None:
        if name in REMOVED_NAMES:
            self.report(node, "QT605", f"{name} is gone in Qt6: use {REMOVED_NAMES[name]}")

    # -- uses ------------------------------------------------------------
    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr in ("exec_", "print_"):
            self.report(node, "QT603", f"{node.attr}() is gone in PyQt6: use {node.attr[:-1]}()")
        parts = self._chain(node)
        if parts:
            self._check_attribute(node, parts)
        self.generic_visit(node)

    def _check_attribute(self, node: ast.Attribute, parts: list[str]) -> None:
        owner_name, attr = parts[-2] if len(parts) > 1 else "", parts[-1]
        if (owner_name, attr) in REMOVED_ATTRIBUTES:
            self.report(node, "QT605", f"{'.'.join(parts)} is gone in Qt6: use {REMOVED_ATTRIBUTES[owner_name, attr]}")
            return
        if owner_name == "QVariant" and attr[:1].isupper() and attr not in ("QVariant",):
            self.report(
                node,
                "QT604",
                f"{'.'.join(parts)}: QVariant type constants are gone in Qt6; use QMetaType.Type "
                "(through territorial_plugin.compat where QGIS 3.22 needs QVariant)",
            )
            return
        owner = self._resolve(parts[:-1])
        if owner is None or not isinstance(owner, type):
            return
        if not hasattr(owner, attr):
            if owner.__module__.startswith(("qgis.", "PyQt")) and not isinstance(node.ctx, ast.Store):
                self.report(node, "QT607", f"{'.'.join(parts)} does not exist in QGIS {_qgis_version()}")
            return
        value = getattr(owner, attr)
        if not _is_enum_member(value) or type(value) is owner:
            return
        scoped = _scoped_name(value, attr, owner, ".".join(parts[:-1]))
        if scoped != ".".join(parts):
            hint = " (if QGIS 3.22 lacks it: territorial_plugin.compat.qgis_enum)" if scoped.startswith("Qgis.") else ""
            self.report(node, "QT602", f"{'.'.join(parts)} is an unscoped enum value: write {scoped}{hint}")


def check_source(source: str, path: Path = Path("<snippet>")) -> list[Finding]:
    """Findings for one module's source text."""
    findings: list[Finding] = []
    if any(marker in source[:2000] for marker in GENERATED_MARKERS):
        findings.append(Finding(path, 1, "QT606", "generated by pyuic/pyrcc: load the .ui file at run time instead"))
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        return [*findings, Finding(path, exc.lineno or 1, "QT600", f"cannot parse: {exc.msg}")]
    checker = _Checker(path, source)
    checker.visit(tree)
    return findings + checker.findings


def python_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*.py")) if "__pycache__" not in p.parts)
        elif path.suffix == ".py":
            yield path


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or DEFAULT_PATHS
    findings = [f for file in python_files(paths) for f in check_source(file.read_text(encoding="utf-8"), file)]
    for finding in findings:
        print(finding)
    if findings:
        print(f"check_qt6: {len(findings)} Qt6/QGIS 4 problem(s); see the codes in tools/check_qt6.py")
        return 1
    print(f"check_qt6: {sum(1 for _ in python_files(paths))} files ready for Qt6/QGIS 4")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
