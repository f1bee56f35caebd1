import json
import os
import pathlib
import subprocess
import sys

import pytest

TESTS = pathlib.Path(__file__).resolve().parent
REPO = TESTS.parents[2]
sys.path.insert(0, str(TESTS))


@pytest.fixture(scope="session")
def gln_check() -> str:
    """The gln-check binary the Python results are compared with (GLN_CHECK)."""
    path = os.environ.get("GLN_CHECK", "")
    if not path or not os.access(path, os.X_OK):
        pytest.fail("GLN_CHECK must name the gln-check binary "
                    "(cmake --build <build> --target gln-check)")
    return path


def batch_lines(gln_check: str, lines: list) -> list:
    """gln-check --batch on the lines: one parsed JSON object per line, in order."""
    done = subprocess.run([gln_check, "--batch"], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, check=True)
    out = done.stdout.splitlines()
    assert len(out) == len(lines)
    return [json.loads(line) for line in out]


def is_error_line(out: dict) -> bool:
    return set(out) == {"id", "line", "error", "field"}


def assert_same(got, want, where="$"):
    """Equal values of equal types (1 is not 1.0, True is not 1), dict keys in equal order."""
    assert type(got) is type(want), f"{where}: {type(got).__name__} != {type(want).__name__}"
    if isinstance(want, dict):
        assert list(got) == list(want), f"{where}: keys {list(got)} != {list(want)}"
        for key in want:
            assert_same(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), f"{where}: {len(got)} items != {len(want)}"
        for i, (a, b) in enumerate(zip(got, want)):
            assert_same(a, b, f"{where}[{i}]")
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"
