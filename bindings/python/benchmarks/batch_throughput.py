#!/usr/bin/env python3
"""Throughput of gln.screen_batch on 1,000,000 rows (README "Performance").

    PYTHONPATH=<build>/python python3 bindings/python/benchmarks/batch_throughput.py

scripts/python.sh bench builds the module in Release and runs this. Prints the median CPU
and wall-clock times of five runs for: numbers only (ages and weights as NumPy arrays); the
Dask example's population (masked numbers, lists of conditions, medications and ICD-10-CM
codes, a purpose and an oversight column); the same in two threads at once, half each (the
GIL is released while the copied rows are read and screened, so on two cores the two overlap
and the wall-clock time falls below the CPU time); and gln.screen called once a row.
"""

import pathlib
import statistics
import sys
import threading
import time

import numpy as np

import gln

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "examples"))
import dask_screening  # noqa: E402

ROWS = 1_000_000
RUNS = 5


def median_seconds(work) -> tuple:
    """The median CPU time and the median wall-clock time of RUNS runs. The machine is
    shared: CPU time is the steadier figure, as in the C++ benchmarks."""
    work()  # warm-up
    cpu, wall = [], []
    for _ in range(RUNS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        work()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    return statistics.median(cpu), statistics.median(wall)


def halves(columns: dict) -> list:
    middle = ROWS // 2
    return [{key: value[:middle] for key, value in columns.items()},
            {key: value[middle:] for key, value in columns.items()}]


def in_two_threads(parts: list):
    threads = [threading.Thread(target=gln.screen_batch, kwargs={**part, "errors": "column"})
               for part in parts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def report(label: str, seconds: tuple, rows: int = ROWS):
    cpu, wall = seconds
    print(f"| {label} | {cpu:.3f} s | {wall:.3f} s | {rows / cpu / 1e6:.2f} M rows/s |")


def main() -> int:
    rng = np.random.default_rng(1)
    numbers = {"age_years": rng.uniform(0.0, 95.0, ROWS), "weight_kg": rng.uniform(3.0, 150.0, ROWS)}
    population = dask_screening.population(0, ROWS, 1, 2026)
    population.pop("row")

    print(f"gln {gln.version}, {ROWS:,} rows, median of {RUNS} runs")
    print("| input | CPU time | wall-clock time | rows per CPU second |")
    print("|---|---|---|---|")
    report("numbers only (NumPy arrays)",
           median_seconds(lambda: gln.screen_batch(purpose="gut_barrier", **numbers)))
    report("the Dask example's population (lists of codes per row)",
           median_seconds(lambda: gln.screen_batch(**population, errors="column")))
    parts = halves(population)
    report("the same, two threads at once, half each",
           median_seconds(lambda: in_two_threads(parts)))
    sample = 20_000
    profiles = [{"age_years": float(a), "weight_kg": float(w)}
                for a, w in zip(numbers["age_years"][:sample], numbers["weight_kg"][:sample])]
    seconds = median_seconds(lambda: [gln.screen(p, "gut_barrier") for p in profiles])
    report(f"gln.screen once a row ({sample:,} rows)", seconds, sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
