"""Run ``qgis_process`` against the staged plugin in a throwaway QGIS profile."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAGE = ROOT / "build" / "plugins"
QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")


class QgisProcess:
    def __init__(self, home: Path):
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.env = dict(os.environ)
        self.env.update(
            HOME=str(home),
            QGIS_PLUGINPATH=str(STAGE),
            QT_QPA_PLATFORM="offscreen",
            XDG_RUNTIME_DIR=str(runtime),
        )
        # pytest-qgis points QGIS at its own settings folder; qgis_process must use
        # the throwaway profile under HOME instead.
        for name in ("QGIS_PREFIX_PATH", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
            self.env.pop(name, None)

    def __call__(self, *args: str, check: bool = False, timeout: int = 300) -> subprocess.CompletedProcess:
        result = subprocess.run([QGIS_PROCESS, *args], env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"qgis_process {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def run_json(self, algorithm: str, **params: str) -> dict:
        args = ["--json", "run", algorithm, "--"] + [f"{k}={v}" for k, v in params.items()]
        result = self(*args, check=True)
        return json.loads(result.stdout[result.stdout.index("{") :])


@pytest.fixture(scope="session")
def qgis_process(tmp_path_factory) -> QgisProcess:
    if not (STAGE / "territorial_plugin" / "metadata.txt").is_file():
        pytest.fail("plugin not staged: run 'make stage' (make test does it)")
    runner = QgisProcess(tmp_path_factory.mktemp("qgis-home"))
    runner("plugins", "enable", "territorial_plugin", check=True)
    return runner
