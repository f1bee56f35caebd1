"""The results have exactly the JSON adapter's shape: every answer is compared with what
gln-check --batch writes for the same request, value by value and type by type, and every
refused request raises the error gln-check writes."""

import copy
import json

import gln
import pytest
from conftest import REPO, assert_same, batch_lines, is_error_line
from request_cases import random_requests

PROFILE_KEYS = ("age_years", "weight_kg", "weight_age_days", "conditions", "medications",
                "icd10", "codes", "oversight")


# Ids gln-check echoes byte for byte: an integer beyond 64 bits, text that JSON escapes.
ID_REQUESTS = [
    {"id": 123456789012345678901234567890, "purpose": "gut_barrier"},
    {"id": -7, "purpose": "gut_barrier"},
    {"id": "caf\u00e9 \"quoted\" \\ \n", "purpose": "gut_barrier"},
    {"id": None, "purpose": "gut_barrier"},
]


def example_requests():
    path = REPO / "examples" / "batch" / "requests.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] + ID_REQUESTS


@pytest.fixture(scope="module")
def cases(gln_check):
    requests = example_requests() + random_requests(seed=15, count=1500)
    lines = [json.dumps(r) for r in requests]
    return list(zip(requests, lines, batch_lines(gln_check, lines)))


def profile_of(request):
    return {key: request[key] for key in PROFILE_KEYS if key in request}


def scalar_call(request):
    """The scalar calls that read the same arguments, in the request's order."""
    profile, purpose = profile_of(request), request.get("purpose")
    policy = request.get("policy")
    if request.get("regimen") is not None:
        return gln.check_dose(profile, purpose, request["regimen"], policy)
    return gln.screen(profile, purpose, policy)


def without_codes(answer):
    """The envelope's answer less what the request's codes add: each finding's cause.codes, a
    list there (empty where no code is behind the finding), is None outside an envelope."""
    answer = copy.deepcopy(answer)
    for finding in answer["findings"]:
        assert type(finding["cause"]["codes"]) is list
        finding["cause"]["codes"] = None
    return answer


def test_cases_cover_answers_and_errors(cases):
    errors = sum(is_error_line(out) for _, _, out in cases)
    assert 100 <= errors <= len(cases) - 1000


def test_answer_is_the_envelope_gln_check_writes(cases):
    for request, line, out in cases:
        if is_error_line(out):
            continue
        assert_same(gln.answer(line), out)
        assert_same(gln.answer(line.encode()), out)
        assert_same(gln.answer(request), out)


def test_assess_is_the_envelopes_answer(cases):
    for request, _, out in cases:
        if is_error_line(out):
            continue
        profile, purpose = profile_of(request), request["purpose"]
        assessment = gln.assess(profile, purpose, request.get("regimen"), request.get("policy"))
        assert_same(assessment, without_codes(out["answer"]))


def test_entry_points_give_the_answers_parts(cases):
    for request, _, out in cases:
        if is_error_line(out):
            continue
        answer = out["answer"]
        profile, purpose = profile_of(request), request["purpose"]
        policy = request.get("policy")
        if request.get("regimen") is None:
            checked = gln.screen(profile, purpose, policy)
            assert answer["regimen"] is None
        else:
            checked = gln.check_dose(profile, purpose, request["regimen"], policy)
        for key in ("purpose", "oversight", "overall", "valid"):
            assert_same(checked[key], answer[key], key)
        assert_same(checked["findings"], without_codes(answer)["findings"])
        assert_same(gln.evidence_for(purpose), answer["evidence"])
        plan = gln.plan_trial(profile, purpose, policy)
        plan.pop("screening")
        assert_same(plan, answer["trial_plan"])


def test_refused_requests_raise_gln_checks_error(cases):
    for request, line, out in cases:
        if not is_error_line(out):
            continue
        for argument in (line, request):
            with pytest.raises(gln.InputError) as caught:
                gln.answer(argument)
            assert str(caught.value) == out["error"]
            assert caught.value.field == out["field"]
            assert caught.value.row is None
        with pytest.raises(gln.InputError) as caught:
            scalar_call(request)
        assert str(caught.value) == out["error"]
        assert caught.value.field == out["field"]
