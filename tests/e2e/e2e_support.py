"""Support for scenarios run inside the real QGIS desktop (``qgis --code``).

A scenario defines ``steps`` (a list of callables taking a :class:`Scenario`) and
calls ``run_scenario(steps)``. Steps run one after another from the Qt event loop,
so QGIS stays responsive and repaints between them; failures are collected and
written to ``$E2E_ARTIFACTS/$E2E_NAME.json`` before QGIS quits.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import active_plugins, iface, plugins

ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", "/tmp"))
NAME = os.environ.get("E2E_NAME", "scenario")
ROOT = Path(os.environ.get("E2E_ROOT", "."))


class Scenario:
    def __init__(self):
        self.failures: list[str] = []
        self.notes: dict = {}
        self.log: list[tuple[str, str, int]] = []
        self.iface = iface
        QgsApplication.messageLog().messageReceived.connect(self._on_message)

    def _on_message(self, message, tag, level):
        self.log.append((tag, message, int(level)))

    def check(self, condition: bool, what: str) -> bool:
        if not condition:
            self.failures.append(what)
        return condition

    def plugin(self):
        return plugins.get("territorial_plugin")

    def screenshot(self, name: str, widget=None) -> Path:
        QApplication.processEvents()
        path = ARTIFACTS / f"{NAME}_{name}.png"
        (widget or iface.mainWindow()).grab().save(str(path))
        self.notes.setdefault("screenshots", []).append(path.name)
        return path

    def wait(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.02)

    def wait_until(self, predicate, seconds: float = 20) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QApplication.processEvents()
            if predicate():
                return True
            time.sleep(0.05)
        return False

    def python_errors(self) -> list[str]:
        return [m for tag, m, level in self.log if tag == "Python error" or ("Traceback" in m and level >= 1)]


def _finish(scenario: Scenario, crashed: str | None = None) -> None:
    if crashed:
        scenario.failures.append(crashed)
    errors = scenario.python_errors()
    if errors:
        scenario.failures.append("Python errors in the message log: " + " | ".join(errors)[:2000])
    result = {
        "ok": not scenario.failures,
        "failures": scenario.failures,
        "notes": scenario.notes,
        "qgis": Qgis.version(),
    }
    (ARTIFACTS / f"{NAME}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    # QGIS 3.22 segfaults when quitting with a project still open (layer tree model
    # teardown, plugin or not); closing the project first lets it exit cleanly, so a
    # non-zero exit of QGIS really means something (run.sh checks it).
    QgsProject.instance().clear()
    QApplication.processEvents()
    QApplication.instance().quit()


def run_scenario(steps) -> None:
    scenario = Scenario()

    def start():
        iface.mainWindow().resize(1600, 1000)
        try:
            ready = scenario.wait_until(
                lambda: "territorial_plugin" in active_plugins and QgsProject.instance().mapLayers(), 60
            )
            scenario.check(ready, "plugin active and sample project loaded within 60 s")
            if ready:
                for step in steps:
                    step(scenario)
                    QApplication.processEvents()
        except Exception:  # report and still quit QGIS
            _finish(scenario, "exception in scenario:\n" + traceback.format_exc())
            return
        _finish(scenario)

    QTimer.singleShot(500, start)


def pdf_text(path) -> tuple[int, str]:
    """``(pages, text)`` of a PDF, as pdfinfo and pdftotext read it."""
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    pages = int(next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "0"))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    return pages, text


def render_pdf(path, prefix: str) -> list[str]:
    """The PDF's pages as PNG at 50 dpi beside the screenshots (to look at), their file names."""
    import subprocess

    for old in ARTIFACTS.glob(f"{NAME}_{prefix}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(ARTIFACTS / f"{NAME}_{prefix}")], check=False)
    return sorted(p.name for p in ARTIFACTS.glob(f"{NAME}_{prefix}-*.png"))


class AlgorithmRun:
    """What a Processing dialog showed and gave: the defaults it opened with, the log, the results."""

    def __init__(self):
        self.defaults: dict = {}
        self.finished = False
        self.ok = False
        self.results: dict = {}
        self.log = ""
        self.refusals: list[str] = []


def run_algorithm_dialog(s: Scenario, algorithm_id: str, values: dict, shot: str, seconds: float = 90) -> AlgorithmRun:
    """Open an algorithm's dialog as the toolbox does, fill in ``values`` field by field (the
    others keep what the dialog proposes), click Run and wait; screenshots before and after.

    A refusal QGIS would show in a message box (a wrong value) is recorded, not shown, so
    the scenario goes on and reports it.
    """
    from processing import createAlgorithmDialog
    from qgis.PyQt.QtWidgets import QMessageBox, QTextEdit

    run = AlgorithmRun()
    dialog = createAlgorithmDialog(algorithm_id, {})
    dialog.show()
    s.wait(0.3)
    panel = dialog.mainWidget()
    for name, wrapper in panel.wrappers.items():
        try:
            run.defaults[name] = wrapper.parameterValue()
        except Exception as error:  # an output wrapper without a value yet
            run.defaults[name] = f"<{error}>"
    for name, value in values.items():
        panel.wrappers[name].setParameterValue(value, panel.processing_context)
    s.wait(0.2)
    s.screenshot(f"{shot}_dialog", dialog)

    def finished(ok, results):
        run.finished, run.ok, run.results = True, bool(ok), dict(results or {})

    def refuse(*args, **kwargs):
        run.refusals.append(str(args[2]) if len(args) > 2 else str(kwargs))
        return QMessageBox.StandardButton.No

    saved = QMessageBox.warning, QMessageBox.question, QMessageBox.critical
    QMessageBox.warning = QMessageBox.question = QMessageBox.critical = refuse
    dialog.algorithmFinished.connect(finished)
    try:
        dialog.runButton().click()
        # a value the dialog itself refuses shows in its message bar, and nothing runs
        s.wait_until(lambda: run.finished or run.refusals or dialog.messageBar().items(), seconds)
        if not run.finished:
            run.refusals += [item.text() for item in dialog.messageBar().items()]
    finally:
        QMessageBox.warning, QMessageBox.question, QMessageBox.critical = saved
    s.wait(0.3)
    log = dialog.findChild(QTextEdit, "txtLog")
    run.log = log.toPlainText() if log is not None else ""
    s.screenshot(f"{shot}_log", dialog)
    s.notes.setdefault("algorithm_logs", {})[shot] = run.log[-3000:]
    dialog.close()
    dialog.deleteLater()
    s.wait(0.2)
    return run
