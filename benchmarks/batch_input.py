#!/usr/bin/env python3
"""Seeded, varied gln-check --batch input: N JSON Lines requests on stdout.

Usage: benchmarks/batch_input.py N [SEED]

Ages and weights (some unknown, some invalid), conditions, medications, ICD-10-CM codes
(mapped, unmapped, malformed), supervision, regimens and policies; about 2% of the lines are
errors (an unknown name, bad JSON, a duplicate key, a missing purpose). Used by the batch
figures of the README (Performance) and the gln-check writer test.
"""
import json
import random
import sys

PURPOSES = ["general_recovery", "gut_barrier", "exercise_recovery", "endurance_gut_stress",
            "immune_support", "muscle_strength", "athletic_performance", "ibs_symptoms",
            "oral_mucositis", "surgical_recovery", "critical_illness", "trauma", "burns",
            "sickle_cell_disease", "short_bowel_syndrome"]
CONDITIONS = ["hepatic_encephalopathy", "cirrhosis", "kidney_disease", "severe_kidney_disease",
              "cancer", "pregnancy", "breastfeeding", "seizure_disorder", "bipolar_disorder",
              "msg_sensitivity", "sickle_cell_disease", "short_bowel_syndrome", "oral_mucositis",
              "sepsis", "recent_icu_stay"]
MEDICATIONS = ["lactulose", "anticonvulsant", "antineoplastic", "growth_hormone",
               "other_prescription", "supplement_stack"]
ICD10 = ["K74.60", "D57.1", "N18.4", "E11.9", "O09.90", "G40.909", "Z00.00"]
ERRORS = ['{"id": %d, "age_years": 40, "purpose": "gut_barier"}',
          '{"id": %d, "age_years": 40, "age_years": 41, "purpose": "gut_barrier"}',
          '{"id": %d, "age_years": 40}',
          '{"id": %d, "age_years": 40, "purpose": "gut_barrier"',
          '[%d]']


def request(rng, n):
    if rng.random() < 0.02:
        return rng.choice(ERRORS) % n
    r = {"id": n if rng.random() < 0.8 else "r-%d" % n}
    roll = rng.random()
    if roll < 0.9:
        r["age_years"] = rng.randint(1, 90) if roll < 0.6 else round(rng.uniform(0.5, 95), 1)
    elif roll < 0.95:
        r["age_years"] = None
    else:
        r["age_years"] = -3
    if rng.random() < 0.7:
        r["weight_kg"] = round(rng.uniform(8, 140), rng.choice([0, 1, 2]))
    if rng.random() < 0.6:
        r["conditions"] = rng.sample(CONDITIONS, rng.choice([0, 1, 1, 2, 3]))
    elif rng.random() < 0.05:
        r["conditions"] = None
    if rng.random() < 0.4:
        r["medications"] = rng.sample(MEDICATIONS, rng.choice([0, 1, 2]))
    if rng.random() < 0.2:
        r["icd10"] = rng.sample(ICD10, rng.choice([1, 2]))
    if rng.random() < 0.15:
        r["oversight"] = "clinician_supervised"
    r["purpose"] = rng.choice(PURPOSES)
    if rng.random() < 0.4:
        r["regimen"] = {"grams_per_dose": rng.choice([2, 5, 7.5, 10, 15, 30]),
                        "doses_per_day": rng.choice([1, 2, 3])}
        if rng.random() < 0.5:
            r["regimen"]["weeks"] = rng.choice([2, 6, 12, 52])
    if rng.random() < 0.05:
        r["policy"] = {"observed_safe_level": rng.choice([10, 14, 20])}
    return json.dumps(r)


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 13)
    out = sys.stdout
    for n in range(1, count + 1):
        out.write(request(rng, n))
        out.write("\n")


if __name__ == "__main__":
    main()
