"""Importing a 5 000-goal CSV catalogue into an existing GeoPackage store (target ≤ 1 s).

Timed: reading the file (encoding, delimiter), validating the whole tree, and the
one store transaction that writes the catalogue. Each run starts from an empty store
created outside the timing.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench.harness import Benchmark

GOALS = 5000
CHILDREN = 19  # 250 top goals with 19 sub-goals each


def _setup() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="bench_catalogue_"))
    lines = ["kod;överordnad;titel;beskrivning;ordning"]
    order = 0
    for top in range(1, GOALS // (CHILDREN + 1) + 1):
        order += 1
        lines.append(f"{top};;Mål {top} för Ängsö, Åsele och Örnsköldsvik;Beskrivning av mål {top};{order}")
        for child in range(1, CHILDREN + 1):
            order += 1
            lines.append(f"{top}.{child};{top};Delmål {top}.{child} – hållbar utveckling;;{order}")
    csv_path = folder / "mal_5000.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert len(lines) - 1 == GOALS
    return {"folder": folder, "csv": csv_path, "store": folder / "store.gpkg"}


def _reset(state: dict) -> None:
    from territorial_plugin.core.store import open_store

    for path in state["folder"].glob("store.gpkg*"):
        path.unlink()
    open_store(str(state["store"]), create=True).close()


def _import(state: dict) -> None:
    from territorial_plugin.core.catalogues.importer import import_catalogues

    result = import_catalogues(str(state["csv"]), str(state["store"]), catalogue_id="bench5000")
    assert result.goals == GOALS


def _teardown(state: dict) -> None:
    shutil.rmtree(state["folder"], ignore_errors=True)


BENCHMARKS = [
    Benchmark(
        name="catalogue: import 5 000-goal CSV into a store",
        run_once=_import,
        target_s=1.0,
        setup=_setup,
        reset=_reset,
        teardown=_teardown,
        repeat=5,
    )
]
