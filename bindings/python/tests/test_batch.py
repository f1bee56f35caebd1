"""screen_batch: each row answers as gln.screen answers the same person, whatever form the
columns take (lists, NumPy arrays, masked arrays, pairs or dicts for codes); refused rows
and columns name their field; threads running batches at once get the same answers."""

import random
import threading

import gln
import numpy as np
import pytest
from request_cases import random_requests

RULES = list(gln.Rule)
VERDICTS = list(gln.Verdict)
NUMBER_COLUMNS = ("age_years", "weight_kg", "weight_age_days")
LIST_COLUMNS = ("conditions", "medications", "icd10", "codes")


def rows(seed, count):
    """People as the batch holds them: a key a request leaves out is None (unknown) for a
    number and the oversight, [] (none) for a list."""
    out = []
    for request in random_requests(seed, count):
        row = {key: request.get(key) for key in NUMBER_COLUMNS}
        for key in LIST_COLUMNS:
            row[key] = request.get(key, [])
        row["oversight"] = request.get("oversight")
        row["purpose"] = request.get("purpose")
        out.append(row)
    return out


def columns_of(people, keys):
    return {key: [person[key] for person in people] for key in keys}


def expected(person, policy=None):
    """What the batch must say for one row: gln.screen's answer, or its error."""
    profile = {key: person[key] for key in NUMBER_COLUMNS + LIST_COLUMNS}
    profile["oversight"] = person["oversight"]
    try:
        screening = gln.screen(profile, person["purpose"], policy)
    except gln.InputError as error:
        return {"error": str(error)}
    findings = screening["findings"]
    envelope = gln.answer({**profile, "purpose": person["purpose"], "policy": policy})
    return {
        "overall": screening["overall"],
        "valid": screening["valid"],
        "rules": tuple(f["rule"] for f in findings),
        "invalid_fields": tuple(f["field"] for f in findings if f["rule"] == "input.invalid"),
        "unmapped_codes": tuple(envelope["unmapped_codes"]),
        "error": None,
    }


def check_rows(result, people, policy=None):
    assert set(result) == {"overall", "overall_code", "valid", "rules", "rule_bits",
                           "invalid_fields", "unmapped_codes", "error"}
    assert all(len(column) == len(people) for column in result.values())
    assert result["overall_code"].dtype == np.int8
    assert result["valid"].dtype == np.bool_
    assert result["rule_bits"].dtype == np.uint64
    for i, person in enumerate(people):
        want = expected(person, policy)
        if want.get("error"):
            assert result["error"][i] == want["error"]
            assert result["overall"][i] is None
            assert result["overall_code"][i] == -1
            assert not result["valid"][i]
            assert result["rules"][i] is None
            assert result["rule_bits"][i] == 0
            continue
        for key in ("overall", "rules", "invalid_fields", "unmapped_codes", "error"):
            assert result[key][i] == want[key], (i, key)
        assert bool(result["valid"][i]) == want["valid"]
        assert VERDICTS[result["overall_code"][i]] == want["overall"]
        bits = sum(1 << RULES.index(gln.Rule(rule)) for rule in set(want["rules"]))
        assert int(result["rule_bits"][i]) == bits


def masked(values, dtype=float):
    return np.ma.masked_array([0 if v is None else v for v in values],
                              mask=[v is None for v in values], dtype=dtype)


@pytest.fixture(scope="module")
def people():
    return rows(seed=1515, count=1500)


def test_rows_from_lists_answer_as_screen(people):
    keys = NUMBER_COLUMNS + LIST_COLUMNS + ("oversight", "purpose")
    result = gln.screen_batch(**columns_of(people, keys), errors="column")
    check_rows(result, people)
    errors = sum(e is not None for e in result["error"])
    assert 100 <= errors <= len(people) - 1000


def test_rows_from_arrays_answer_as_from_lists(people):
    keys = NUMBER_COLUMNS + LIST_COLUMNS + ("oversight", "purpose")
    from_lists = gln.screen_batch(**columns_of(people, keys), errors="column")
    columns = columns_of(people, keys)
    # Numbers as masked arrays (a whole number of days as an integer array); the rest as
    # object arrays; codes as (system, code) pairs.
    numeric = {key: masked(columns[key]) for key in ("age_years", "weight_kg")}
    days = columns["weight_age_days"]
    if all(d is None or float(d).is_integer() for d in days):
        numeric["weight_age_days"] = masked(days, dtype=np.int64)
    else:
        numeric["weight_age_days"] = masked(days)
    codes = [c if c is None else [(x["system"], x["code"]) for x in c] for c in columns["codes"]]
    objects = np.empty(len(people), dtype=object)
    objects[:] = columns["conditions"]
    result = gln.screen_batch(**{**columns, **numeric, "codes": codes, "conditions": objects},
                              errors="column")
    for key, column in from_lists.items():
        assert list(result[key]) == list(column), key


def test_one_purpose_and_oversight_for_every_row(people):
    keys = NUMBER_COLUMNS + LIST_COLUMNS
    for purpose, oversight in ((gln.Purpose.gut_barrier, None),
                               ("critical_illness", gln.Oversight.clinician_supervised)):
        same = [{**p, "purpose": purpose, "oversight": oversight} for p in people[:300]]
        result = gln.screen_batch(**columns_of(same, keys), purpose=purpose,
                                  oversight=oversight, errors="column")
        check_rows(result, same)


def test_policy_applies_to_every_row(people):
    policy = {"require_age": 1, "adult_maximum_daily": 30}
    keys = NUMBER_COLUMNS + LIST_COLUMNS + ("oversight", "purpose")
    result = gln.screen_batch(**columns_of(people[:400], keys), policy=policy, errors="column")
    check_rows(result, people[:400], policy)
    # require_age makes an unknown age clinician_only (docs/knowledge.md §4).
    unknown = gln.screen_batch(age_years=[None], purpose="gut_barrier", policy=policy)
    assert unknown["overall"][0] == "clinician_only"
    assert "caution.age_unknown" in unknown["rules"][0]


def test_unknown_is_none_or_masked_and_nan_is_refused():
    result = gln.screen_batch(
        age_years=np.ma.masked_array([40.0, np.nan, 40.0], mask=[False, True, False]),
        conditions=[[], None, []], purpose="gut_barrier", errors="column")
    assert result["error"][1] is None
    assert "caution.age_unknown" in result["rules"][1]
    assert "input.conditions_unknown" in result["rules"][1]
    assert "caution.age_unknown" not in result["rules"][0]
    refused = gln.screen_batch(age_years=np.array([40.0, np.nan, np.inf]), purpose="gut_barrier",
                               errors="column")
    assert list(refused["error"]) == [None, "age_years: 'NaN' is not a finite number",
                                      "age_years: 'Infinity' is not a finite number"]


def test_a_refused_row_raises_with_its_row():
    with pytest.raises(gln.InputError) as caught:
        gln.screen_batch(conditions=[[], ["cirrhosis"], ["cirhosis"], ["pregnancy"]],
                         purpose="gut_barrier")
    assert str(caught.value) == "row 2: conditions[0]: unknown condition 'cirhosis'"
    assert caught.value.row == 2
    assert caught.value.field == "conditions[0]"
    assert caught.value.message == "unknown condition 'cirhosis'"
    with pytest.raises(gln.InputError) as caught:
        gln.screen_batch(icd10=[["K74.60"]] * 5000 + [["X9"]], purpose="gut_barrier")
    assert caught.value.row == 5000
    assert caught.value.field == "icd10[0]"
    with pytest.raises(gln.InputError) as caught:
        gln.screen_batch(codes=[[("http://snomed.info/sct", 76571007)]], purpose="gut_barrier")
    assert caught.value.field == "codes[0].code"
    assert caught.value.message == "must be a string"
    with pytest.raises(gln.InputError) as caught:
        gln.screen_batch(medications=[[], [{"lactulose"}]], purpose="gut_barrier")
    assert str(caught.value) == "row 1: medications[0]: a set is not a JSON value"
    # A column of complex numbers or dates is no column of numbers (the imaginary part was
    # dropped, and a date raised a TypeError naming no field).
    for column, type_name in ((np.array([30, 15 + 20j]), "numpy.complex128"),
                              (np.array(["2020-01-01"], dtype="datetime64[D]"),
                               "numpy.datetime64")):
        with pytest.raises(gln.InputError) as caught:
            gln.screen_batch(age_years=column, purpose="gut_barrier")
        assert (caught.value.row, caught.value.field, caught.value.message) == (
            0, "age_years", f"a {type_name} is not a JSON value")


@pytest.mark.parametrize("arguments, field, message", [
    (dict(age_years=[1, 2], weight_kg=[1]), "weight_kg", "has 1 rows; age_years has 2"),
    (dict(conditions="cirrhosis"), "conditions", "must be a column (one value per row), not a str"),
    (dict(age_years=5), "age_years", "must be a column (a sequence or an array), not a int"),
    # A set has no order: its values would meet the other columns' rows by hash.
    (dict(purpose={"gut_barrier", "burns"}, age_years=[30, 30]), "purpose",
     "must be a column in row order (a sequence or an array), not a set"),
    (dict(age_years=frozenset({12, 30})), "age_years",
     "must be a column in row order (a sequence or an array), not a frozenset"),
    (dict(age_years=bytearray(b"\x0c\x1e")), "age_years",
     "must be a column (one value per row), not a bytearray"),
    (dict(age_years=memoryview(b"\x0c\x1e")), "age_years",
     "must be a column (one value per row), not a memoryview"),
    (dict(age_years=np.zeros((2, 2))), "age_years", "must be one-dimensional (one value per row)"),
    (dict(age_years=np.array([True])), "age_years", "booleans are not numbers"),
    (dict(), None, "no column: give at least one column of rows"),
    (dict(age_years=[1], purpose=None), "purpose", "is required"),
    (dict(age_years=[1], purpose="gut_barier"), "purpose", "unknown purpose 'gut_barier'"),
    (dict(age_years=[1], oversight="nobody"), "oversight", "unknown oversight 'nobody'"),
    (dict(age_years=[1], policy={"adult_maximum_daily": "x"}), "policy.adult_maximum_daily",
     "must be a number or null"),
])
def test_a_refused_column_or_argument_names_it(arguments, field, message):
    arguments.setdefault("purpose", "gut_barrier")
    with pytest.raises(gln.InputError) as caught:
        gln.screen_batch(**arguments)
    assert caught.value.field == field
    assert caught.value.message == message
    assert caught.value.row is None


def test_a_column_whose_iteration_fails_raises_its_own_error():
    def ages():
        yield 30
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        gln.screen_batch(age_years=ages(), purpose="gut_barrier")
    # A generator that runs to its end is a column.
    result = gln.screen_batch(age_years=(age for age in (30, 12)), purpose="gut_barrier")
    assert list(result["overall"]) == ["suitable", "clinician_only"]


def test_the_masked_constant_is_unknown_in_any_column_of_numbers():
    rows = (
        [40.0, np.ma.masked],
        np.ma.array(np.array([40.0, 30.0], dtype=object), mask=[False, True]),
        (40, np.ma.masked),
    )
    for column in rows:
        result = gln.screen_batch(age_years=column, weight_kg=[70, np.ma.masked],
                                  weight_age_days=[10, np.ma.masked], purpose="gut_barrier")
        assert "caution.age_unknown" not in result["rules"][0]
        assert "caution.age_unknown" in result["rules"][1]
        assert list(result["valid"]) == [True, True]
    # Only the numbers: a list column's value is a list or None.
    with pytest.raises(gln.InputError) as caught:
        gln.screen_batch(conditions=[[], np.ma.masked], purpose="gut_barrier")
    assert (caught.value.row, caught.value.field) == (1, "conditions")


def test_errors_must_be_raise_or_column():
    with pytest.raises(ValueError, match="errors must be 'raise' or 'column'"):
        gln.screen_batch(age_years=[1], purpose="gut_barrier", errors="ignore")


def test_no_rows():
    result = gln.screen_batch(age_years=np.array([], dtype=float), purpose="gut_barrier")
    assert all(len(column) == 0 for column in result.values())


def test_rows_sharing_findings_share_equal_tuples():
    result = gln.screen_batch(conditions=[["cirrhosis"]] * 3 + [[]], age_years=[40] * 4,
                              purpose="gut_barrier")
    assert result["rules"][0] == result["rules"][2] == ("contra.cirrhosis",)
    assert result["rules"][3] == ()


def test_threads_screen_at_once_and_agree(people):
    keys = NUMBER_COLUMNS + LIST_COLUMNS + ("oversight", "purpose")
    columns = columns_of(people * 8, keys)
    alone = gln.screen_batch(**columns, errors="column")
    results = [None] * 4

    def work(slot):
        results[slot] = gln.screen_batch(**columns, errors="column")

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        for key, column in alone.items():
            assert list(result[key]) == list(column), key


def test_large_batch_crosses_chunks_in_order():
    rng = random.Random(7)
    count = 20_000
    conditions = [[rng.choice(["cirrhosis", "pregnancy", "msg_sensitivity"])] if i % 3 else []
                  for i in range(count)]
    ages = np.array([rng.uniform(0, 90) for _ in range(count)])
    result = gln.screen_batch(age_years=ages, conditions=conditions, purpose="gut_barrier")
    for i in range(0, count, 97):
        want = gln.screen({"age_years": float(ages[i]), "conditions": conditions[i]},
                          "gut_barrier")
        assert result["overall"][i] == want["overall"]
        assert result["rules"][i] == tuple(f["rule"] for f in want["findings"])
