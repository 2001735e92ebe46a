"""Benchmark harness: ``make bench`` prints one table and never fails the build.

Each ``bench/bench_*.py`` module defines ``BENCHMARKS``: a list of
:class:`bench.harness.Benchmark`. Run one module alone with
``.venv/bin/python bench/run.py catalogue`` (matches module names).
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

from bench.harness import Result, format_table, qgis_app  # noqa: E402


def main(argv: list[str]) -> int:
    names = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    results: list[Result] = []
    with qgis_app():
        for name in names:
            try:
                module = importlib.import_module(f"bench.{name}")
                for benchmark in module.BENCHMARKS:
                    print(f"running {benchmark.name} …", file=sys.stderr, flush=True)
                    results.append(benchmark.run())
            except Exception:  # a broken benchmark is reported, never fatal
                traceback.print_exc()
                results.append(Result(name, None, None, None, note="error, see above"))
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
