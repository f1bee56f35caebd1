"""The Dask example end to end: 200,000 rows screened on a local cluster of 4 worker
processes. Its partition files hold every row once; its summary counts are those of the
files and those of one batch over the same population here; a sample of rows answers as
gln-check --batch answers the same people."""

import collections
import json
import os
import random
import subprocess
import sys

import gln
import numpy as np
import pytest
from conftest import TESTS, batch_lines, is_error_line

EXAMPLES = TESTS.parent / "examples"
sys.path.insert(0, str(EXAMPLES))
import dask_screening as example  # noqa: E402

ROWS, PARTITIONS, WORKERS, SEED = 200_000, 16, 4, 2026
COLUMNS = ("age_years", "weight_kg", "weight_age_days", "conditions", "medications", "icd10",
           "oversight", "purpose")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("screened")
    subprocess.run([sys.executable, str(EXAMPLES / "dask_screening.py"), "--rows", str(ROWS),
                    "--partitions", str(PARTITIONS), "--workers", str(WORKERS),
                    "--seed", str(SEED), "--out", str(out)],
                   check=True, timeout=900, env=os.environ.copy())
    summary = json.loads((out / "summary.json").read_text())
    rows = {}
    for part in summary["partitions"]:
        for line in (out / part["file"]).read_text().splitlines():
            row = json.loads(line)
            assert row["row"] not in rows
            rows[row["row"]] = row
    return summary, rows


@pytest.fixture(scope="module")
def people():
    """The population again, here: the example's columns, partition by partition."""
    return [example.population(p, ROWS, PARTITIONS, SEED) for p in range(PARTITIONS)]


def count(rows):
    overall = collections.Counter(r["overall"] for r in rows if r["error"] is None)
    rules = collections.Counter(rule for r in rows if r["error"] is None for rule in set(r["rules"]))
    return {
        "rows": len(rows),
        "errors": sum(r["error"] is not None for r in rows),
        "overall": {v.value: overall[v.value] for v in gln.Verdict},
        "rules": dict(sorted(rules.items())),
    }


def test_every_row_once_on_every_worker(run):
    summary, rows = run
    assert sorted(rows) == list(range(ROWS))
    assert summary["worker_processes"] == WORKERS
    assert os.getpid() not in {part["worker_pid"] for part in summary["partitions"]}
    assert len(summary["partitions"]) == PARTITIONS


def test_summary_counts_are_the_files(run):
    summary, rows = run
    from_files = count(list(rows.values()))
    for key in ("rows", "errors", "overall", "rules"):
        assert summary[key] == from_files[key], key
    for part in summary["partitions"]:
        first, last = example.partition_bounds(ROWS, PARTITIONS, part["partition"])
        assert part == {**part, **count([rows[i] for i in range(first, last)])}
    # The population reaches every verdict, refused rows and unknowns.
    assert all(n > 0 for n in summary["overall"].values())
    assert summary["errors"] > 0
    assert summary["rules"]["input.conditions_unknown"] > 0


def test_summary_counts_are_one_batch_here(run, people):
    summary, _ = run
    columns = {key: [] for key in COLUMNS}
    for part in people:
        for key in COLUMNS:
            columns[key].extend(part[key])
    for key in ("age_years", "weight_kg", "weight_age_days"):
        columns[key] = np.ma.concatenate([part[key] for part in people])
    result = gln.screen_batch(**columns, errors="column")
    rows = [{"overall": o, "rules": r, "error": e}
            for o, r, e in zip(result["overall"], result["rules"], result["error"])]
    here = count(rows)
    for key in ("rows", "errors", "overall", "rules"):
        assert summary[key] == here[key], key


def request_of(part, i, row):
    """A row as a request line to gln-check: masked numbers are null, lists as they are."""
    request = {"id": row}
    for key in ("age_years", "weight_kg", "weight_age_days"):
        value = part[key][i]
        request[key] = None if value is np.ma.masked else value.item()
    for key in ("conditions", "medications", "icd10", "oversight", "purpose"):
        request[key] = part[key][i]
    return request


def test_a_sample_answers_as_gln_check(run, people, gln_check):
    _, rows = run
    # The refused rows are rare: every one of them joins the sample.
    refused = {row for row, r in rows.items() if r["error"] is not None}
    sample = sorted(set(random.Random(15).sample(range(ROWS), 2000)) | refused)
    requests = []
    for row in sample:
        partition = next(p for p in range(PARTITIONS)
                         if row < example.partition_bounds(ROWS, PARTITIONS, p)[1])
        first, _ = example.partition_bounds(ROWS, PARTITIONS, partition)
        requests.append(request_of(people[partition], row - first, row))
    outputs = batch_lines(gln_check, [json.dumps(r) for r in requests])
    for request, out in zip(requests, outputs):
        row = rows[request["id"]]
        if is_error_line(out):
            assert row["error"] == out["error"], request
            assert row["overall"] is None
            continue
        assert row["error"] is None, request
        # No regimen: the assessment's findings are the screening's.
        answer = out["answer"]
        assert row["overall"] == answer["overall"], request
        assert row["rules"] == [f["rule"] for f in answer["findings"]], request
    assert sum(is_error_line(out) for out in outputs) == len(refused)
