#!/usr/bin/env python3
"""Screens a synthetic population with gln on Dask, partition by partition.

Each partition is made and screened inside a worker process (gln is imported there, and
gln.screen_batch screens the partition's columns in one call), its rows are written to
OUT/part-NNNNN.jsonl, one JSON object a row ({"row", "purpose", "overall", "rules",
"error"}), and its counts come back to the client, which adds them up in OUT/summary.json.

On this machine, with a local cluster of worker processes:

    PYTHONPATH=build/py/python python3 bindings/python/examples/dask_screening.py \\
        --rows 200000 --partitions 16 --workers 4 --out /tmp/screened

On a running Dask cluster, the same program with the scheduler's address; gln must be
importable on every worker (the same PYTHONPATH or install prefix) and OUT must be a
directory every worker can write (a shared file system):

    python3 dask_screening.py --scheduler tcp://dask-scheduler:8786 --out /shared/screened

The population is seeded per partition, so any row can be made again from the seed alone
(the test compares a sample with gln-check). It is synthetic: ages, weights, conditions,
medications, ICD-10-CM codes (some unmapped, a few malformed), oversight and purposes
drawn at random, with unknowns (masked numbers, None lists) and a few refused rows.
"""

import argparse
import json
import os
import pathlib
import sys
import time

import numpy as np

import gln

CONDITIONS = [c.value for c in gln.Condition]
MEDICATIONS = [m.value for m in gln.Medication]
PURPOSES = [p.value for p in gln.Purpose]
# Codes of docs/knowledge.md §2 and well-formed codes gln holds no entry for (unmapped:
# screened as input.conditions_unmapped, never an error); "K7" is malformed (a refused row).
ICD10 = ["K74.60", "N18.4", "D57.1", "R65.21", "O09.90", "C50.911", "E11.9", "I10", "J45.909"]
MALFORMED_ICD10 = "K7"
MISSPELLED_CONDITION = "cirhosis"


def partition_bounds(rows: int, partitions: int, partition: int) -> tuple:
    """The first row of a partition and the one after its last."""
    return partition * rows // partitions, (partition + 1) * rows // partitions


def _lists(rng, count, names, most, unknown_rate):
    """A list of up to `most` distinct names per row; None (unknown) at `unknown_rate`."""
    sizes = rng.choice(most + 1, size=count, p=[0.6] + [0.4 / most] * most)
    picks = rng.integers(0, len(names), size=(count, most))
    unknown = rng.random(count) < unknown_rate
    return [None if unknown[i] else sorted({names[j] for j in picks[i, :sizes[i]]})
            for i in range(count)]


def population(partition: int, rows: int, partitions: int, seed: int) -> dict:
    """The columns of one partition, as gln.screen_batch takes them, and each row's id."""
    first, last = partition_bounds(rows, partitions, partition)
    count = last - first
    rng = np.random.default_rng([seed, partition])
    ages = np.round(rng.uniform(0.0, 95.0, count), 1)
    weights = np.round(np.clip(rng.normal(72.0, 18.0, count), 2.5, 250.0), 1)
    weight_days = rng.integers(0, 500, count)
    conditions = _lists(rng, count, CONDITIONS, 2, 0.02)
    for i in np.flatnonzero(rng.random(count) < 0.001):
        conditions[i] = [MISSPELLED_CONDITION]
    icd10 = [[] for _ in range(count)]
    for i in np.flatnonzero(rng.random(count) < 0.3):
        icd10[i] = [ICD10[rng.integers(len(ICD10))]]
    for i in np.flatnonzero(rng.random(count) < 0.001):
        icd10[i] = [MALFORMED_ICD10]
    return {
        "row": np.arange(first, last),
        "age_years": np.ma.masked_array(ages, mask=rng.random(count) < 0.05),
        "weight_kg": np.ma.masked_array(weights, mask=rng.random(count) < 0.2),
        "weight_age_days": np.ma.masked_array(weight_days, mask=rng.random(count) < 0.7),
        "conditions": conditions,
        "medications": _lists(rng, count, MEDICATIONS, 2, 0.02),
        "icd10": icd10,
        "oversight": np.where(rng.random(count) < 0.1, "clinician_supervised",
                              "self_directed").tolist(),
        "purpose": [PURPOSES[i] for i in rng.integers(0, len(PURPOSES), count)],
    }


def counts_of(result: dict) -> dict:
    """Rows, refused rows, rows per overall verdict and rows where each rule fired."""
    codes = result["overall_code"]
    per_verdict = np.bincount(codes[codes >= 0], minlength=len(gln.Verdict))
    bits = result["rule_bits"]
    per_rule = {rule.value: int(((bits >> np.uint64(i)) & np.uint64(1)).sum())
                for i, rule in enumerate(gln.Rule)}
    return {
        "rows": int(len(codes)),
        "errors": int((codes < 0).sum()),
        "overall": {v.value: int(n) for v, n in zip(gln.Verdict, per_verdict)},
        "rules": {rule: n for rule, n in per_rule.items() if n},
    }


def screen_partition(partition: int, rows: int, partitions: int, seed: int, out: str) -> dict:
    """Runs in a worker: makes the partition, screens it, writes it, returns its counts."""
    columns = population(partition, rows, partitions, seed)
    ids = columns.pop("row")
    result = gln.screen_batch(**columns, errors="column")
    path = pathlib.Path(out) / f"part-{partition:05d}.jsonl"
    with open(path, "w", encoding="utf-8") as file:
        for i, row in enumerate(ids):
            rules = result["rules"][i]
            file.write(json.dumps({
                "row": int(row),
                "purpose": columns["purpose"][i],
                "overall": result["overall"][i],
                "rules": None if rules is None else list(rules),
                "error": result["error"][i],
            }) + "\n")
    return {"partition": partition, "file": path.name, "worker_pid": os.getpid(),
            **counts_of(result)}


def add_up(parts: list) -> dict:
    total = {"rows": 0, "errors": 0, "overall": {v.value: 0 for v in gln.Verdict}, "rules": {}}
    for part in parts:
        total["rows"] += part["rows"]
        total["errors"] += part["errors"]
        for verdict, n in part["overall"].items():
            total["overall"][verdict] += n
        for rule, n in part["rules"].items():
            total["rules"][rule] = total["rules"].get(rule, 0) + n
    total["rules"] = dict(sorted(total["rules"].items()))
    return total


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4,
                        help="worker processes of the local cluster (ignored with --scheduler)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scheduler", help="a running Dask scheduler's address")
    parser.add_argument("--out", required=True, type=pathlib.Path)
    args = parser.parse_args(argv)
    if args.rows < 1 or args.partitions < 1 or args.workers < 1:
        parser.error("--rows, --partitions and --workers must be at least 1")
    args.out.mkdir(parents=True, exist_ok=True)

    from distributed import Client, LocalCluster

    start = time.perf_counter()
    if args.scheduler:
        cluster = None
        client = Client(args.scheduler)
    else:
        # One thread a worker: the workers are processes, each with gln of its own.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        client.wait_for_workers(args.workers)
    try:
        futures = client.map(screen_partition, range(args.partitions), rows=args.rows,
                             partitions=args.partitions, seed=args.seed,
                             out=str(args.out.resolve()), pure=False)
        parts = sorted(client.gather(futures), key=lambda part: part["partition"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    summary = {
        "gln_version": gln.version,
        "knowledge_version": gln.knowledge_version,
        "seed": args.seed,
        **add_up(parts),
        "partitions": parts,
        "worker_processes": len({part["worker_pid"] for part in parts}),
        "seconds": round(time.perf_counter() - start, 3),
    }
    (args.out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(f"{summary['rows']} rows in {args.partitions} partitions on "
          f"{summary['worker_processes']} worker processes, {summary['seconds']} s: "
          f"{summary['overall']}, {summary['errors']} refused rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
