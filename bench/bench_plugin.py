"""Plugin load: what ``classFactory(iface)`` + ``initGui()`` add to QGIS start, no panel opened.

Each run is a fresh ``.venv/bin/python`` process, as a QGIS start is: it creates
an offscreen ``QgsApplication``, a main window, a map canvas and pytest-qgis's
iface stand-in, then times importing the plugin, ``classFactory`` and
``initGui`` (the provider and expression functions included). The baseline is
the same process with the plugin steps left out, so the figure is what the
plugin adds; imports QGIS itself has done already (PyQt, qgis.core) are not
counted, as in the desktop. The bytecode is cached as after QGIS's first start.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.harness import Benchmark, Result

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
RUNS = 7

SCRIPT = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from qgis.core import QgsApplication
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtWidgets import QMainWindow
from pytest_qgis.qgis_interface import QgisInterface
from pytest_qgis.mock_qgis_classes import MockMessageBar

app = QgsApplication([], True)
app.initQgis()
window = QMainWindow()
iface = QgisInterface(QgsMapCanvas(window), MockMessageBar(), window)
start = time.perf_counter()
if {load}:
    import territorial_plugin

    plugin = territorial_plugin.classFactory(iface)
    plugin.initGui()
elapsed = time.perf_counter() - start
if {load}:
    plugin.unload()
print(elapsed)
sys.stdout.flush()
os._exit(0)  # the figure is printed; QGIS's own teardown is not part of the plugin's load
"""


def _one(load: bool, pycache: str) -> float:
    """Seconds the timed section took in a fresh process (with or without the plugin)."""
    # QGIS starts with the plugin's bytecode cached (written on the first start); the
    # development environment switches writing it off, so it goes to a throwaway folder
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    completed = subprocess.run(
        [str(PYTHON), "-c", SCRIPT.format(root=str(ROOT), load=load)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    return float(completed.stdout.strip().splitlines()[-1])


class PluginLoadBenchmark(Benchmark):
    """Median over fresh processes of plugin load, minus the same process without the plugin."""

    def run(self) -> Result:
        with tempfile.TemporaryDirectory() as pycache:
            _one(True, pycache)  # the first start after installing compiles the bytecode
            loaded = statistics.median(_one(True, pycache) for _ in range(self.repeat))
            base = statistics.median(_one(False, pycache) for _ in range(self.repeat))
        return Result(self.name, loaded - base, self.target_s, None, baseline_s=base)


BENCHMARKS = [
    PluginLoadBenchmark(
        "plugin load: classFactory + initGui (fresh process)", run_once=None, target_s=0.100, repeat=RUNS
    )
]
