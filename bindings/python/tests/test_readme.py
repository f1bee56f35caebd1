"""The Python examples of README "Python" run as shown: each block is executed, and each
line `expression  # -> value` is checked to give that value."""

import ast
import re

import pytest
from conftest import REPO

SECTION = REPO / "README.md"


def python_blocks():
    text = SECTION.read_text()
    start = text.index("\n## Python\n")
    end = text.index("\n## ", start + 1)
    return re.findall(r"```python\n(.*?)```", text[start:end], flags=re.S)


def runnable(block):
    # The Spark example needs a SparkContext; it is described, not run (README says so).
    return "sc.textFile" not in block


@pytest.mark.parametrize("block", [b for b in python_blocks() if runnable(b)])
def test_readme_example(block):
    namespace = {}
    checked = 0
    lines = block.splitlines()
    statement = []
    for line in lines:
        code, arrow, expected = line.partition("# -> ")
        if not arrow:
            statement.append(line)
            continue
        exec("\n".join(statement), namespace)  # noqa: S102 - the README's own code
        statement = []
        assert eval(code, namespace) == ast.literal_eval(expected.strip()), line  # noqa: S307
        checked += 1
    exec("\n".join(statement), namespace)  # noqa: S102
    assert checked > 0


def test_every_example_block_is_run_or_described():
    blocks = python_blocks()
    assert len(blocks) == 3
    assert sum(runnable(b) for b in blocks) == 2
