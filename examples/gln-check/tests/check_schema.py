#!/usr/bin/env python3
"""Validates gln-check's output for every example against docs/schema/gln.schema.json
(JSON Schema draft 2020-12): --json for each examples/profiles/*.json (with and without
--verbose) and for a few requests whose findings name codes or whose goal has no dose to show,
--batch for examples/batch/requests.jsonl, and every example request against the request
definition. Usage: check_schema.py GLN_CHECK SOURCE_DIR"""
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

# Codes behind a cause (mapped and unmapped), a goal that is not recommended, no weight for a
# dose chosen by weight.
for args in (["--age", "50", "--icd10", "E11.9,K74.60", "--purpose", "gut_barrier"],
             ["--age", "40", "--purpose", "muscle_strength", "--grams", "5"],
             ["--age", "40", "--supervised", "--purpose", "sickle_cell_disease"]):
    out = subprocess.run([tool, *args, "--json"], check=True, capture_output=True,
                         text=True).stdout
    validate(answer, json.loads(out), " ".join(args))

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
# The schema is not vacuous: an answer without its envelope, a request with a key given by
# another name, a dose where the answer says none is shown, a cause without its codes, are
# refused.
shown = json.loads(out[0])
avoid = json.loads(out[1])
if shown["answer"]["dose_shown"] != "shown" or avoid["answer"]["dose_shown"] == "shown":
    sys.exit("requests.jsonl: expected a dose shown on line 1 and none on line 2")
dose_not_shown = json.loads(out[1])
dose_not_shown["answer"]["dose"] = shown["answer"]["dose"]
no_codes = json.loads(out[1])
del no_codes["answer"]["findings"][0]["cause"]["codes"]
for bad in (shown["answer"], dose_not_shown, no_codes):
    if answer.is_valid(bad):
        sys.exit("the schema accepts an answer it must refuse")
if request.is_valid({"weight": 70}):
    sys.exit("the schema accepts a request it must refuse")
print(f"check_schema.py: {checked} documents valid")
