"""Seeded requests in the request format, good and bad, for comparing the Python package
with gln-check: every key, unknowns (None), values the library judges (a negative weight,
an age over the policy bound), values the request rules refuse (unknown names, malformed
codes, wrong types), mapped and unmapped codes of every system, regimens and policies."""

import random

import gln

# Codes from docs/knowledge.md §2 and §2b, a few well-formed codes gln holds no entry for
# (E11.9, D57.3: unmapped, never an error) and a few malformed ones.
ICD10 = ["K74.60", "k74.60", "N18.4", "D57.1", "R65.21", "K72.0", "E11.9", "D57.3", "O09.90",
         "Z39.1", " K70.30 ", "X9", "K7"]
CODES = [
    ("http://snomed.info/sct", "76571007"),
    ("http://snomed.info/sct", "19943007"),
    ("http://snomed.info/sct", "84757009"),
    ("http://snomed.info/sct", "16402000"),
    ("http://snomed.info/sct", "12345"),
    ("http://www.nlm.nih.gov/research/umls/rxnorm", "2598"),
    ("http://www.nlm.nih.gov/research/umls/rxnorm", "6218"),
    ("http://www.nlm.nih.gov/research/umls/rxnorm", "99999999"),
    ("http://www.whocc.no/atc", "N03AX09"),
    ("http://www.whocc.no/atc", "L01XE01"),
    ("http://www.whocc.no/atc", "A16AA03"),
    ("http://hl7.org/fhir/sid/ndc", "42457-0420-01"),
    ("http://loinc.org", "LA15173-0"),
    ("http://loinc.org", "29463-7"),
    ("http://hl7.org/fhir/sid/icd-10-cm", "K74.60"),
    ("http://hl7.org/fhir/sid/icd-10", "R65.1"),
    ("http://unitsofmeasure.org", "kg"),
]
CONDITIONS = [c.value for c in gln.Condition] + ["cirhosis"]
MEDICATIONS = [m.value for m in gln.Medication] + ["aspirin"]
PURPOSES = [p.value for p in gln.Purpose]
POLICIES = [
    {},
    {"adult_maximum_daily": 30},
    {"adult_maximum_daily": 60},
    {"require_age": 1},
    {"self_directed_daily_ceiling": 15, "adult_age_years": 21},
    {"max_doses_per_day": 2.5},
    {"no_such_knob": 1},
]


def _maybe(rng, probability):
    return rng.random() < probability


def _number(rng, choices):
    return rng.choice(choices)


def random_request(rng: random.Random, row: int) -> dict:
    """One request; about one in eight is refused by the request rules."""
    request = {"id": row if _maybe(rng, 0.8) else f"r-{row}"}
    if _maybe(rng, 0.85):
        request["age_years"] = _number(rng, [None, 0, 3, 12, 17, 18, 34, 45.5, 58, 80, 131, -1])
    if _maybe(rng, 0.6):
        request["weight_kg"] = _number(rng, [None, 0.1, 3.5, 40, 61.5, 80, 150, 800, -5])
    if _maybe(rng, 0.2):
        request["weight_age_days"] = _number(rng, [None, 0, 30, 120, 400, -1, 2.5])
    for key, names, null_rate in (("conditions", CONDITIONS, 0.08),
                                  ("medications", MEDICATIONS, 0.08)):
        if _maybe(rng, 0.6):
            if _maybe(rng, null_rate):
                request[key] = None
            else:
                count = rng.choice([0, 1, 1, 2, 3])
                pool = names if _maybe(rng, 0.05) else names[:-1]
                request[key] = rng.sample(pool, count)
    if _maybe(rng, 0.35):
        request["icd10"] = None if _maybe(rng, 0.05) else rng.sample(ICD10, rng.choice([1, 2]))
    if _maybe(rng, 0.25):
        if _maybe(rng, 0.05):
            request["codes"] = None
        else:
            request["codes"] = [{"system": s, "code": c}
                                for s, c in rng.sample(CODES, rng.choice([1, 2]))]
    if _maybe(rng, 0.3):
        request["oversight"] = rng.choice(["self_directed", "clinician_supervised",
                                           " clinician_supervised ", None])
    request["purpose"] = rng.choice(PURPOSES) if _maybe(rng, 0.97) else rng.choice(
        [None, "gut_barier"])
    if _maybe(rng, 0.35):
        regimen = {"grams_per_dose": _number(rng, [0.5, 5, 10, 15, 20, 40, 0, -2])}
        if _maybe(rng, 0.7):
            regimen["doses_per_day"] = _number(rng, [None, 1, 2, 3, 13, 1.5])
        if _maybe(rng, 0.4):
            regimen["weeks"] = _number(rng, [None, 2, 8, 26, -1])
        request["regimen"] = regimen
    if _maybe(rng, 0.25):
        request["policy"] = rng.choice(POLICIES)
    return request


def random_requests(seed: int, count: int) -> list:
    rng = random.Random(seed)
    return [random_request(rng, row) for row in range(count)]
