#!/usr/bin/env python3
"""Validates gln-check's output for every example against docs/schema/gln.schema.json
(JSON Schema draft 2020-12): --json for each examples/profiles/*.json (with and without
--verbose), --batch for examples/batch/requests.jsonl, and every example request against the
request definition. Usage: check_schema.py GLN_CHECK SOURCE_DIR"""
import json
import pathlib
import subprocess
import sys

import jsonschema

tool, root = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((root / "docs/schema/gln.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
answer = jsonschema.Draft202012Validator(schema)
request = jsonschema.Draft202012Validator(
    {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": "#/$defs/request"})
checked = 0


def validate(validator, document, where):
    global checked
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print(f"{where}: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
    if errors:
        sys.exit(1)
    checked += 1


profiles = sorted((root / "examples/profiles").glob("*.json"))
if not profiles:
    sys.exit("no example profiles")
for profile in profiles:
    validate(request, json.loads(profile.read_text()), profile.name)
    for extra in ([], ["--verbose"]):
        out = subprocess.run([tool, "--profile", str(profile), "--json", *extra],
                             check=True, capture_output=True, text=True).stdout
        validate(answer, json.loads(out), f"{profile.name} {extra}")

batch = root / "examples/batch/requests.jsonl"
for number, line in enumerate(batch.read_text().splitlines(), 1):
    validate(request, json.loads(line), f"requests.jsonl:{number}")
out = subprocess.run([tool, "--batch"], input=batch.read_text(), check=True,
                     capture_output=True, text=True).stdout.splitlines()
if len(out) != len(batch.read_text().splitlines()):
    sys.exit("--batch: not one answer per line")
kinds = set()
for number, line in enumerate(out, 1):
    document = json.loads(line)
    kinds.add("error" if "error" in document else "answer")
    validate(answer, document, f"--batch line {number}")
if kinds != {"error", "answer"}:
    sys.exit(f"--batch: expected answers and an error line, got {kinds}")
# The schema is not vacuous: an answer without its envelope, and a request with a key given by
# another name, are refused.
if answer.is_valid(json.loads(out[0])["answer"]) or request.is_valid({"weight": 70}):
    sys.exit("the schema accepts documents it must refuse")
print(f"check_schema.py: {checked} documents valid")
