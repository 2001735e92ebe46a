"""Several processes on one GeoPackage store: no lost write, no lock error, no half-written bulk link."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from territorial_plugin.core.model import Catalogue, Goal, LinkSpec, RegisteredLayer
from territorial_plugin.core.store import open_store

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.store import open_store
    path, prefix, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = open_store(path)
    for r in range(rounds):
        keys = [f"{prefix}-{r}-{i}" for i in range(2000)]
        store.link("L", keys, ["c:1"], LinkSpec(motivation=prefix), prefix)
        store.update_link("L", keys[0], "c:1", prefix, strength=r % 4)
    store.close()
    print("done")
    """
)

BULK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from territorial_plugin.core.model import LinkSpec
    from territorial_plugin.core.store import open_store
    path, marker, mark_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    store = open_store(path)

    def keys():
        for i in range(100000):
            if i == mark_at:
                marker.write_text("half")  # the parent kills us from here on
            yield f"k{i:06d}"

    store.link("L", keys(), ["c:1", "c:2"], LinkSpec(motivation="bulk"), "bulk")
    marker.write_text("committed")
    """
)


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return env


def _seed(path: Path) -> None:
    store = open_store(str(path), create=True)
    store.save_catalogue(Catalogue(id="c", name="C"), [Goal("c:1", "c", "1"), Goal("c:2", "c", "2")])
    store.register_layer(RegisteredLayer("L", "Lager", "/x.shp", "ogr", "omr_id"))
    store.close()


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "shared.gpkg"
    _seed(path)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name, "8"],
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("anna", "bo")
    ]
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "done" in out
        assert "locked" not in err
    store = open_store(str(path))
    links = store.links()
    assert len(links) == 2 * 8 * 2000
    assert {x.created_by for x in links} == {"anna", "bo"}
    strength_changes = sum(1 for r in range(8) if r % 4 != LinkSpec().strength)  # equal strength: no change
    assert len(store.history(limit=10**6)) == 2 * 8 * 2000 + 2 * strength_changes
    assert store.integrity_check() == []
    store.close()


@pytest.mark.slow
@pytest.mark.parametrize("extra_delay", [0.0, 0.25, 0.6])
def test_bulk_link_killed_half_way_leaves_all_or_nothing(tmp_path, extra_delay):
    """SIGKILL while 100 000 features are linked to two goals: 0 or 200 000 links, and a sound file."""
    path = tmp_path / "bulk.gpkg"
    _seed(path)
    marker = tmp_path / "marker"
    proc = subprocess.Popen(
        [sys.executable, "-c", BULK, str(path), str(marker), "50000"],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert marker.exists(), proc.stderr.read().decode()
    time.sleep(extra_delay)
    killed_while = marker.read_text()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = open_store(str(path))
    count = len(store.links())
    assert count in (0, 200000)
    if killed_while == "half" and extra_delay == 0.0:
        assert count == 0  # killed before the transaction could commit
    assert len(store.history(limit=10**6)) == count
    assert store.integrity_check() == []
    store.close()
