"""Timing primitives for the benchmarks: medians of repeated runs, optional baseline."""

from __future__ import annotations

import contextlib
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    median_s: float | None
    target_s: float | None
    ratio: float | None  # median / baseline median, where the benchmark has a baseline
    note: str = ""
    baseline_s: float | None = None
    ratio_target: float | None = None


@dataclass
class Benchmark:
    """``run_once`` is timed ``repeat`` times after ``setup``, each run followed by one of ``baseline`` (same setup).

    ``setup`` returns a state passed to ``run_once``/``baseline``; ``reset`` (optional)
    is called with the state before each timed run, outside the timing.
    """

    name: str
    run_once: Callable
    target_s: float | None = None
    setup: Callable | None = None
    reset: Callable | None = None
    baseline: Callable | None = None
    ratio_target: float | None = None
    repeat: int = 5
    teardown: Callable | None = None

    def _once(self, func: Callable, state) -> float:
        if self.reset is not None:
            self.reset(state)
        start = time.perf_counter()
        func(state)
        return time.perf_counter() - start

    def run(self) -> Result:
        state = self.setup() if self.setup else None
        try:
            # The work and its floor alternate, so a change of the shared machine's load
            # during the run weighs on both and the ratio stays honest.
            timings, floor = [], []
            for _ in range(self.repeat):
                timings.append(self._once(self.run_once, state))
                if self.baseline is not None:
                    floor.append(self._once(self.baseline, state))
            median = statistics.median(timings)
            base = statistics.median(floor) if floor else None
        finally:
            if self.teardown is not None:
                self.teardown(state)
        ratio = median / base if base else None
        return Result(self.name, median, self.target_s, ratio, baseline_s=base, ratio_target=self.ratio_target)


def _fmt(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    return f"{value:.2f}"


def format_table(results: list[Result]) -> str:
    header = ("benchmark", "median", "target", "ratio (target)", "verdict")
    rows = []
    for r in results:
        ok = []
        if r.median_s is not None and r.target_s is not None:
            ok.append(r.median_s <= r.target_s)
        if r.ratio is not None and r.ratio_target is not None:
            ok.append(r.ratio <= r.ratio_target)
        verdict = r.note or ("meets target" if ok and all(ok) else "MISSES TARGET" if ok else "")
        ratio = "–" if r.ratio is None else f"{r.ratio:.2f}" + (f" (≤ {r.ratio_target})" if r.ratio_target else "")
        rows.append((r.name, _fmt(r.median_s), "≤ " + _fmt(r.target_s) if r.target_s else "–", ratio, verdict))
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(row, widths)) for row in rows]
    return "\n".join(lines)


@contextlib.contextmanager
def qgis_app():
    """A headless QgsApplication with Processing, for benchmarks that need QGIS."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    try:
        from processing.core.Processing import Processing

        Processing.initialize()
    except ImportError:  # pragma: no cover
        pass
    try:
        yield app
    finally:
        app.exitQgis()
