"""A/B of the split selection read (postgres_parallel.py) against the single-connection read.

Same process, same store (bench_postgres's 1 000 000 links), the two paths
alternately, so the shared machine's noise falls on both alike. Prints medians.

    .venv/bin/python bench/ab_postgres_split.py [rounds] [sizes, e.g. 1000,2000,10000]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bench_postgres as bp
from territorial_plugin.core.store.postgres import store as postgres

SINGLE = 10**12  # a threshold no selection reaches: the single-connection read


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main(argv: list[str]) -> None:
    rounds = int(argv[0]) if argv else 15
    sizes = [int(s) for s in argv[1].split(",")] if len(argv) > 1 else [bp.SELECTED]
    split_from = postgres.SPLIT_FROM
    state = bp._setup_million()
    store = state["store"]
    population = range(1, bp.FEATURES + 1)
    try:
        for size in sizes:
            keys = [f"OMR-{i}" for i in random.Random(size).sample(population, size)]
            reads = {
                "links": lambda keys=keys: store.links_for_keys(bp.LAYER, keys),
                "counts": lambda keys=keys: store.goal_counts_for_keys(bp.LAYER, keys),
            }
            for what, read in reads.items():
                postgres.SPLIT_FROM = 1
                split_result = read()  # opens the second connection, outside the timing
                postgres.SPLIT_FROM = SINGLE
                assert read() == split_result
                times: dict[str, list[float]] = {"single": [], "split": []}
                for round_ in range(rounds):
                    order = ("single", "split") if round_ % 2 == 0 else ("split", "single")
                    for mode in order:
                        postgres.SPLIT_FROM = SINGLE if mode == "single" else 1
                        times[mode].append(_timed(read))
                single, split = (statistics.median(times[m]) * 1000 for m in ("single", "split"))
                print(
                    f"{what:6} {size:6d} keys, {rounds} rounds: single {single:6.1f} ms, split {split:6.1f} ms"
                    f" ({split / single:.2f}x)",
                    flush=True,
                )
    finally:
        postgres.SPLIT_FROM = split_from
        bp._drop(state)


if __name__ == "__main__":
    main(sys.argv[1:])
