"""Fixtures shared by the test folders: an empty link store of each engine, and ``qgis_process``
against the staged plugin (tests/cli, tests/postgres)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from territorial_plugin.core.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
STAGE = ROOT / "build" / "plugins"
QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")


def _gpkg_store(tmp_path) -> Store:
    return open_store(str(tmp_path / "contract store.gpkg"), create=True)


def _postgres_store(tmp_path) -> Store:
    # The throwaway server of tools/pg-test-server.sh: skipped without it, failed
    # instead when TL_PG_REQUIRED is set (make pg-tests, so CI cannot skip it).
    from tests.postgres.pg_support import open_test_store, require_server

    return open_test_store(require_server())


STORE_FACTORIES: dict[str, Callable] = {"gpkg": _gpkg_store, "postgres": _postgres_store}


@pytest.fixture(params=sorted(STORE_FACTORIES))
def empty_store(request, tmp_path) -> Store:
    store = STORE_FACTORIES[request.param](tmp_path)
    yield store
    store.close()


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


def _require_staged() -> None:
    if not (STAGE / "territorial_plugin" / "metadata.txt").is_file():
        pytest.fail("plugin not staged: run 'make stage' (make test does it)")


@pytest.fixture(scope="session")
def qgis_process(tmp_path_factory) -> QgisProcess:
    """``qgis_process`` with the staged plugin enabled, in a throwaway profile shared by the session."""
    _require_staged()
    runner = QgisProcess(tmp_path_factory.mktemp("qgis-home"))
    runner("plugins", "enable", "territorial_plugin", check=True)
    return runner


@pytest.fixture
def qgis_process_in() -> Callable[[Path], QgisProcess]:
    """Makes a ``qgis_process`` runner with its own profile folder (HOME), plugin not yet enabled."""
    _require_staged()
    return QgisProcess
