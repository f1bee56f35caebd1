#!/usr/bin/env python3
"""Writes the named seed inputs of tests/fuzz/corpus/ (files seed-*). The binary layouts
follow gln_fuzz::reader in fuzz_support.hpp; change both together. Files named by a hash
were added by `libFuzzer -merge=1` runs and are kept as found.

Usage: tests/fuzz/make_seeds.py   (rewrites the seed-* files, leaves the others)"""

import json
import math
import struct
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"

# gln_fuzz::interesting_doubles and interesting_ints, in order.
NAN = float("nan")
DOUBLES = [NAN, -NAN, math.inf, -math.inf, 0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308,
           1.7976931348623157e308, -1.7976931348623157e308, 2.220446049250313e-16, 1e308, -1.0,
           0.2, 0.3, 0.5, 0.65, 1.0, 2.0, 4.999999, 5.0, 5.000001, 8.0, 10.0, 14.0, 15.0, 16.0,
           17.999, 18.0, 20.0, 29.999, 30.0, 40.0, 45.0, 65.0, 65.1, 130.0, 700.0, 1e6]
INTS = [-2**31, 2**31 - 1, -1, 0, 1, 2, 3, 5, 6, 12, 13, 14, 28, 56, 1000000, -1000000]

PURPOSES = ["general_recovery", "gut_barrier", "exercise_recovery", "endurance_gut_stress",
            "immune_support", "muscle_strength", "athletic_performance", "ibs_symptoms",
            "oral_mucositis", "surgical_recovery", "critical_illness", "trauma", "burns",
            "sickle_cell_disease", "short_bowel_syndrome"]
CONDITIONS = ["hepatic_encephalopathy", "hepatic_failure", "cirrhosis", "liver_disease",
              "severe_kidney_disease", "kidney_disease", "multiorgan_failure", "shock",
              "reyes_syndrome", "cancer", "cancer_treatment", "pregnancy", "breastfeeding",
              "recent_icu_stay", "unexplained_neurologic_symptoms", "seizure_disorder",
              "bipolar_disorder", "msg_sensitivity", "sickle_cell_disease",
              "short_bowel_syndrome", "oral_mucositis"]
MEDICATIONS = ["lactulose", "anticonvulsant", "antineoplastic", "growth_hormone",
               "other_prescription", "supplement_stack"]
OTHER_NAMES = ["suitable", "caution", "clinician_only", "avoid", "strong", "moderate",
               "limited", "insufficient", "against", "self_directed", "clinician_supervised",
               "input.invalid", "contra.cirrhosis", "dose.above_adult_maximum", "gln_policy",
               "shah_2020_retracted", "none", "weight_kg", "soreness_24_48_72h",
               "not_recommended", "prescription", "ready", "invalid_input", "regulatory_label"]


def number(x):
    """One of the listed values by index, else the raw bit pattern."""
    for i, d in enumerate(DOUBLES):
        same_nan = math.isnan(d) and math.isnan(x) and math.copysign(1, d) == math.copysign(1, x)
        same = not math.isnan(d) and d == x and math.copysign(1, d) == math.copysign(1, x)
        if same_nan or same:
            return bytes([i])
    return bytes([128]) + struct.pack(">d", x)


def count(n):
    if n in INTS:
        return bytes([INTS.index(n)])
    if -1 <= n <= 14:
        return bytes([64 + n + 1])
    return bytes([192]) + struct.pack(">i", n)


def enum(index):
    """A valid enumerator by index, or any raw byte (>= count: out of range)."""
    return bytes([0, index]) if index < 224 else bytes([255, index & 0xFF])


def raw_enum(value):
    return bytes([255, value])


def flag(on):
    return bytes([1 if on else 0])


def members(names, table):
    assert len(names) < 4
    return bytes([0, len(names)]) + b"".join(enum(table.index(n)) for n in names)


def bits(value):
    return bytes([1]) + struct.pack(">Q", value)


def profile(age=None, weight=None, conditions=(), medications=(), supervised=False,
            condition_bits=None, medication_bits=None, oversight_raw=None):
    out = flag(age is not None) + (number(age) if age is not None else b"")
    out += flag(weight is not None) + (number(weight) if weight is not None else b"")
    out += bits(condition_bits) if condition_bits is not None else members(conditions, CONDITIONS)
    out += bits(medication_bits) if medication_bits is not None else members(medications, MEDICATIONS)
    out += raw_enum(oversight_raw) if oversight_raw is not None else enum(1 if supervised else 0)
    return out


# The knobs of include/gln/data/thresholds.hpp in table order, by gln::policy member name.
POLICY_FIELDS = ["adult_age_years", "split_dose_above", "self_directed_daily_ceiling",
                 "observed_safe_daily", "adult_maximum_daily", "child_max_per_kg",
                 "critical_max_per_kg", "max_age_years", "min_weight", "max_weight",
                 "max_doses_per_day", "general_recovery_review_day", "gut_barrier_review_day",
                 "ibs_review_day", "training_review_day", "general_recovery_step_up_day",
                 "require_age", "allow_label_band_dose", "max_weight_age_days_adult",
                 "max_weight_age_days_minor", "recent_procedure_days", "recent_icu_days"]


SWITCHES = ["require_age", "allow_label_band_dose"]


def policy(**fields):
    """gln_fuzz::read_policy: a 64-bit mask of the knobs set, then each one's number."""
    which = 0
    body = b""
    for bit, name in enumerate(POLICY_FIELDS):
        if name in fields:
            which |= 1 << bit
            body += number(float(fields[name]))
    return struct.pack(">Q", which) + body


def purpose(name_or_raw):
    return enum(PURPOSES.index(name_or_raw)) if isinstance(name_or_raw, str) else raw_enum(name_or_raw)


def regimen(grams, doses, weeks=None):
    return number(grams) + count(doses) + flag(weeks is not None) + (
        number(weeks) if weeks is not None else b"")


PROFILES = {
    "adult": profile(age=40.0, weight=70.0),
    "empty": profile(),
    "cirrhosis": profile(age=58.0, weight=80.0, conditions=["cirrhosis"], medications=["lactulose"]),
    "pregnant": profile(age=29.0, conditions=["pregnancy"]),
    "child": profile(age=10.0, weight=20.0),
    "supervised_child": profile(age=10.0, weight=20.0, supervised=True),
    "young_child": profile(age=4.0, weight=16.0, supervised=True),
    "supervised": profile(age=40.0, weight=70.0, supervised=True),
    "organ_failure": profile(age=60.0, weight=65.0, conditions=["shock", "multiorgan_failure"],
                             supervised=True),
    "kidney": profile(age=70.0, weight=65.1, conditions=["kidney_disease"]),
    "stack": profile(age=30.0, weight=30.0, medications=["supplement_stack", "anticonvulsant"]),
    "nan_age": profile(age=NAN, weight=70.0),
    "inf_weight": profile(age=40.0, weight=math.inf),
    "zero_weight": profile(age=40.0, weight=0.0),
    "denormal_weight": profile(age=40.0, weight=5e-324),
    "huge_age": profile(age=1e308),
    "age_above_max": profile(age=130.000001),
    "negative_age": profile(age=-1.0),
    "condition_bits_out_of_range": profile(age=40.0, condition_bits=(1 << len(CONDITIONS)) | 1),
    "medication_bits_out_of_range": profile(age=40.0, medication_bits=1 << 63),
    "all_conditions": profile(age=40.0, weight=70.0, condition_bits=(1 << len(CONDITIONS)) - 1,
                              medication_bits=(1 << len(MEDICATIONS)) - 1),
    "oversight_out_of_range": profile(age=40.0, oversight_raw=2),
}

POLICIES = {
    "default": policy(),
    "strict": policy(adult_age_years=21.0, split_dose_above=5.0, self_directed_daily_ceiling=8.0,
                     observed_safe_daily=8.0, adult_maximum_daily=16.0, child_max_per_kg=0.3,
                     critical_max_per_kg=0.2, max_age_years=100.0, max_weight=300.0,
                     max_doses_per_day=2, general_recovery_step_up_day=7,
                     general_recovery_review_day=10, gut_barrier_review_day=7,
                     ibs_review_day=14, training_review_day=7),
    "loose": policy(adult_age_years=1.0, split_dose_above=1e6, self_directed_daily_ceiling=1e6,
                    observed_safe_daily=1e6, adult_maximum_daily=1e6, child_max_per_kg=10.0,
                    critical_max_per_kg=10.0, max_age_years=1e308, max_weight=1e308,
                    max_doses_per_day=1000000, general_recovery_step_up_day=1,
                    general_recovery_review_day=56, gut_barrier_review_day=56,
                    ibs_review_day=56, training_review_day=56),
    "nan": policy(**{name: (NAN if i < 10 else 1 if name in SWITCHES else -1)
                     for i, name in enumerate(POLICY_FIELDS)}),
    "one_dose": policy(max_doses_per_day=1),
}


def write(target, name, data):
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"seed-{name}").write_bytes(data)


def screen_seeds():
    for pname, pbytes in PROFILES.items():
        for purp in ["general_recovery", "gut_barrier", "ibs_symptoms", "sickle_cell_disease",
                     "critical_illness", "short_bowel_syndrome"]:
            write("screen", f"{pname}-{purp}", pbytes + purpose(purp) + POLICIES["default"])
    for purp in PURPOSES:
        for pol_name, pol in POLICIES.items():
            write("screen", f"adult-{purp}-{pol_name}", PROFILES["adult"] + purpose(purp) + pol)
    write("screen", "purpose_out_of_range", PROFILES["adult"] + purpose(15) + policy())
    write("screen", "purpose_255", PROFILES["supervised"] + purpose(255) + policy())


def check_dose_seeds():
    cases = [
        ("general_5x1", "adult", "general_recovery", regimen(5.0, 1)),
        ("general_5x2", "adult", "general_recovery", regimen(5.0, 2, 2.0)),
        ("gut_10x2_8w", "adult", "gut_barrier", regimen(10.0, 2, 8.0)),
        ("gut_10x2_9w", "adult", "gut_barrier", regimen(10.0, 2, 9.0)),
        ("ibs_5x3", "adult", "ibs_symptoms", regimen(5.0, 3, 8.0)),
        ("ceiling_7x3", "adult", "exercise_recovery", regimen(7.0, 3)),
        ("above_max_14x3", "adult", "exercise_recovery", regimen(14.0, 3)),
        ("above_max_supervised", "supervised", "exercise_recovery", regimen(15.0, 3)),
        ("child_per_kg", "child", "gut_barrier", regimen(5.0, 3)),
        ("supervised_child_per_kg", "supervised_child", "ibs_symptoms", regimen(5.0, 3)),
        ("critical_per_kg", "organ_failure", "critical_illness", regimen(20.0, 2)),
        ("burns_per_kg", "supervised", "burns", regimen(10.0, 3)),
        ("trauma_no_weight", "empty", "trauma", regimen(5.0, 2)),
        ("sickle_band", "supervised_child", "sickle_cell_disease", regimen(5.0, 2)),
        ("sickle_band_mismatch", "kidney", "sickle_cell_disease", regimen(10.0, 2)),
        ("short_bowel", "adult", "short_bowel_syndrome", regimen(5.0, 6, 16.0)),
        ("nan_grams", "adult", "gut_barrier", regimen(NAN, 2)),
        ("inf_grams", "adult", "gut_barrier", regimen(math.inf, 2)),
        ("negative_grams", "adult", "gut_barrier", regimen(-1.0, 2)),
        ("zero_grams", "adult", "gut_barrier", regimen(0.0, 2)),
        ("denormal_grams", "adult", "gut_barrier", regimen(5e-324, 2)),
        ("huge_grams", "adult", "gut_barrier", regimen(1e308, 12)),
        ("zero_doses", "adult", "gut_barrier", regimen(5.0, 0)),
        ("13_doses", "adult", "gut_barrier", regimen(5.0, 13)),
        ("int_min_doses", "adult", "gut_barrier", regimen(5.0, -2**31)),
        ("negative_weeks", "adult", "gut_barrier", regimen(5.0, 2, -1.0)),
        ("nan_weeks", "adult", "gut_barrier", regimen(5.0, 2, NAN)),
        ("huge_weeks", "adult", "gut_barrier", regimen(5.0, 2, 1e308)),
        ("everything_bad", "nan_age", 200, regimen(NAN, 0, -math.inf)),
        ("denormal_weight", "denormal_weight", "burns", regimen(5.0, 1)),
    ]
    for name, pname, purp, reg in cases:
        for pol_name in ["default", "strict", "nan"]:
            write("check_dose", f"{name}-{pol_name}",
                  PROFILES[pname] + purpose(purp) + reg + POLICIES[pol_name])


def parse_seeds():
    names = PURPOSES + CONDITIONS + MEDICATIONS + OTHER_NAMES
    for i, name in enumerate(names):
        prefix = bytes([i % 40]) + struct.pack(">Q", (1 << (i % 64)))
        write("parse", f"name-{i:03d}", prefix + name.encode())
    odd = {
        "empty": b"",
        "nul": b"gut_barrier\0",
        "nul_inside": b"gut\0barrier",
        "upper": b"GUT_BARRIER",
        "space": b" gut_barrier",
        "non_ascii": "gut_barri\u00e9r".encode(),
        "invalid_utf8": b"gut_barrier\xff",
        "all_bits": b"",
    }
    for name, text in odd.items():
        prefix = bytes([255]) + (b"\xff" * 8 if name == "all_bits" else b"\0" * 8)
        write("parse", f"odd-{name}", prefix + text)


def icd10_seeds():
    codes = ["K76.82", "K72.01", "K72.11", "K72.91", "K70.41", "K71.11", "K72.00", "K72.10",
             "K72.90", "K70.40", "K71.10", "K74.6", "K74.60", "K70.3", "K70.30", "K70.0",
             "K77", "K73.9", "N18.4", "N18.5", "N18.6", "Z99.2", "N17", "N17.9", "N19", "N18.1",
             "N18.2", "N18.3", "N18.9", "R65.11", "R65.20", "R65.21", "R57", "R57.0", "G93.7",
             "C00", "C50.9", "C4A.9", "C7A.1", "C7B.0", "C96", "C97", "Z51.0", "Z51.11",
             "Z51.12", "Z33.1", "O00", "O9A.1", "O99.8", "Z39.1", "G40", "G40.909", "R56.1",
             "R56.9", "F31", "F31.9", "F30", "D57.0", "D57.1", "D57.2", "D57.3", "D57.4",
             "D57.8", "D57.40", "K90.821", "K90.822", "K90.829", "K12.3", "K12.30",
             # knowledge v2: exact categories, new codes, seventh characters, the puerperium,
             # exclusions
             "K72", "K72.0", "K70.4", "N18", "I13.1", "R65.2", "Z51.1", "B19.21", "K91.82",
             "T86.42", "P78.81", "B18.2", "K76.7", "O90.49", "O03.32", "A41.9", "O85", "O86.04",
             "T81.44XA", "T81.44XD", "T78.2XXS", "E87.22", "E87.29", "O88.011", "O88.02",
             "O92.20", "O91.03", "O92.3", "Z3A.20", "Z79.631", "Z91.A51", "Z51.A", "R65.1",
             "T75.4XXA", "R45.7"]
    for i, code in enumerate(codes):
        write("icd10", f"code-{i:03d}", code.encode())
    odd = {"lower": b"k76.82", "spaces": b"  K7682\t\n", "no_dot": b"R6521",
           "dot_misplaced": b"K7.682", "trailing_dot": b"K76.", "too_long": b"K76.82123",
           "too_short": b"K7", "empty": b"", "nul": b"K76.82\0", "non_ascii": "K76.8\u0662".encode(),
           "two_dots": b"K76..82", "digit_first": b"176.82", "letter_second": b"KK6.82"}
    for name, text in odd.items():
        write("icd10", f"odd-{name}", text)


def code_lookup_seeds():
    # gln::code_system in order; the last index is a system gln does not hold.
    systems = {
        "icd10_cm": ["R65.21", "K76.82", "E11.9", "K7.682"],
        "snomed_ct": ["76571007", "16402000", "60001007", "40095003", "129721000119106",
                      "1036671000000106", "75665004", "13920008", "013920009", "195662009"],
        "rxnorm": ["2598", "6218", "40254", "1869684", "204892", "0123", "123456789"],
        "atc": ["N03AX14", "n03ax12", "L01XX05", "L04AX03", "A16AA03", "A06AD", "N03AX1"],
        "loinc": ["29463-7", "82810-3", "LA15173-0", "la4489-6", "6580-7", "29463-8"],
        "ndc": ["42457-420", "42457-0420-01", "42457042001", "42457-0420-1", "4245704201",
                "31722-483"],
        "ucum": ["kg", "g", "[lb_av]", "lb", " kg", ""],
        "not_held": ["R65.1"],
    }
    for index, (system, codes) in enumerate(systems.items()):
        for i, code in enumerate(codes):
            write("code_lookup", f"{system}-{i:02d}", bytes([index]) + code.encode())
    displays = ["clonazePAM 0.25 MG Oral Tablet", "Diazepam 5 MG Oral Tablet",
                "divalproex sodium 500 MG Delayed Release Oral Tablet",
                "Valproic Acid 250 MG Oral Capsule", "L-glutamine oral powder 5 g per packet",
                "lactulose / levetiracetam", "phenytoin\xff"]
    for i, display in enumerate(displays):
        write("code_lookup", f"display-{i:02d}", bytes([7]) + display.encode())


def gln_check_seeds(root):
    json_lines = []
    for path in sorted((root / "examples" / "profiles").glob("*.json")):
        json_lines.append(path.read_bytes())
    for line in (root / "examples" / "batch" / "requests.jsonl").read_bytes().splitlines():
        json_lines.append(line)
    extra = [
        {"age_years": -5, "weight_kg": 0, "purpose": "general_recovery"},
        {"age_years": 1e308, "purpose": "gut_barrier", "regimen": {"grams_per_dose": 1e308,
                                                                   "doses_per_day": 12}},
        {"age_years": 40, "purpose": "gut_barrier", "regimen": {"grams_per_dose": 5,
                                                                "doses_per_day": 2.5}},
        {"age_years": 40, "purpose": "trauma", "regimen": None, "id": [1, {"a": None}]},
        {"conditions": ["cirrhosis", "shock"], "medications": [], "icd10": ["R65.21", "d57.3"],
         "purpose": "critical_illness", "oversight": "clinician_supervised"},
        {"purpose": "sickle_cell_disease", "weight_kg": 5e-324, "regimen": {"grams_per_dose": 5e-324}},
        {"age_years": "40", "purpose": "gut_barrier"},
        {"unknown": 1},
    ]
    json_lines += [json.dumps(e).encode() for e in extra]
    json_lines += [b"", b"null", b"[]", b"{", b'{"purpose": "gut_barrier"} trailing',
                   b'{"age_years": NaN}', b'{"age_years": 1e400}', b"[" * 64 + b"]" * 64,
                   b'{"purpose": "gut\\u0000barrier"}', b'{"id": "\xff"}']
    for i, line in enumerate(json_lines):
        write("gln_check_json", f"request-{i:03d}", line)

    argument_lists = [
        ["--age", "58", "--condition", "cirrhosis", "--purpose", "gut_barrier"],
        ["--age", "58", "--icd10", "k74.60", "--purpose", "gut_barrier", "--json"],
        ["--age", "12", "--weight", "40", "--icd10", "D57.1", "--supervised", "--purpose",
         "sickle_cell_disease", "--grams", "10", "--doses", "2", "--json", "-v"],
        ["--age", "34", "--weight", "62", "--purpose", "endurance_gut_stress", "--grams", "5",
         "--doses", "2", "--weeks", "6", "--fail-on", "caution"],
        ["--weight", "-5", "--purpose", "general_recovery"],
        ["--age", "nan", "--purpose", "gut_barrier"],
        ["--purpose", "gut_barrier", "--grams", "5", "--doses", "2.5"],
        ["--purpose", "gut_barrier", "--doses", "2"],
        ["--condition", "cirrhosis,pregnancy", "--medication", "lactulose", "--purpose", "ibs_symptoms"],
        ["--list", "conditions"],
        ["--list", "bogus"],
        ["--version"],
        ["--help"],
        ["--purpose", "gut_barrier", "--colour", "red"],
        ["--batch", "--age", "40"],
        ["--age", "40", "--medication", "anticonvulsant", "--purpose", "gut_barrier",
         "--audience", "patient"],
        ["--age", "40", "--purpose", "muscle_strength", "--grams", "5", "--audience", "patient"],
        ["--age", "40", "--icd10", "E11.9,K74.60", "--purpose", "gut_barrier", "--audience",
         "professional", "-v"],
        ["--purpose", "gut_barrier", "--json", "--audience", "patient"],
        ["--age", "40", "--supervised", "--purpose", "trauma", "--weight", "65.5"],
    ]
    for i, args in enumerate(argument_lists):
        write("gln_check_args", f"args-{i:03d}", b"\0".join(a.encode() for a in args))
    batch = (root / "examples" / "batch" / "requests.jsonl").read_bytes()
    mixed = (root / "examples" / "gln-check" / "tests" / "mixed.jsonl").read_bytes()
    write("gln_check_args", "batch", b"--batch\0\0" + batch)
    write("gln_check_args", "batch_mixed", b"--batch\0-v\0\0" + mixed)
    write("gln_check_args", "batch_wrap", b"--batch\0--wrap\0answer\0\0" + batch)
    write("gln_check_args", "batch_crlf", b"--batch\0\0" + batch.replace(b"\n", b"\r\n"))


def main():
    for path in CORPUS.glob("*/seed-*"):
        path.unlink()
    screen_seeds()
    check_dose_seeds()
    parse_seeds()
    icd10_seeds()
    code_lookup_seeds()
    gln_check_seeds(Path(__file__).resolve().parents[2])


if __name__ == "__main__":
    main()
