"""The Python API itself: enums, names, versions, the look-ups, and how arguments are read
(what is refused, with which field; Python and NumPy values that mean the same JSON)."""

import enum
import re

import gln
import numpy as np
import pytest
from conftest import REPO, batch_lines

ENUMS = {
    # class: (C++ enum, a header that declares its list)
    gln.Purpose: "GLN_PURPOSES",
    gln.Condition: "GLN_CONDITIONS",
    gln.Medication: "GLN_MEDICATIONS",
    gln.Verdict: "GLN_VERDICTS",
    gln.EvidenceGrade: "GLN_EVIDENCE_GRADES",
    gln.Oversight: "GLN_OVERSIGHTS",
    gln.SourceKind: "GLN_SOURCE_KINDS",
    gln.Source: "GLN_SOURCES",
    gln.Rule: "GLN_RULES",
    gln.InputField: "GLN_INPUT_FIELDS",
    gln.Outcome: "GLN_OUTCOMES",
    gln.DoseAccess: "GLN_DOSE_ACCESSES",
    gln.PlanStatus: "GLN_PLAN_STATUSES",
    gln.Action: "GLN_ACTIONS",
    gln.DoseStatus: "GLN_DOSE_STATUSES",
    gln.CodeSystem: "GLN_CODE_SYSTEMS",
    gln.LookupStatus: "GLN_LOOKUP_STATUSES",
    gln.CodeRole: "GLN_CODE_ROLES",
}


def header_list(macro):
    """The (enumerator, "name") pairs of an X-macro list in include/gln, in order."""
    for header in (REPO / "include" / "gln").rglob("*.hpp"):
        text = header.read_text()
        start = text.find(f"#define {macro}(X)")
        if start < 0:
            continue
        body = []
        for line in text[start:].splitlines()[1:]:
            body.append(line)
            if not line.rstrip().endswith("\\"):
                break
        return re.findall(r'X\((\w+),\s*"([^"]*)"\)', "\n".join(body))
    raise AssertionError(f"{macro} not found")


@pytest.mark.parametrize("cls", list(ENUMS), ids=lambda c: c.__name__)
def test_enum_members_are_the_cxx_enumerators_and_names(cls):
    assert issubclass(cls, enum.Enum)
    assert [(m.name, m.value) for m in cls] == header_list(ENUMS[cls])
    for member in cls:
        assert member == member.value and str(member) == member.value
        assert gln.to_string(member) == member.value
        assert gln.parse(cls, member.value) is member


def test_policy_knobs_are_the_threshold_table():
    text = (REPO / "include" / "gln" / "data" / "thresholds.hpp").read_text()
    ids = re.findall(r"^\s*X\((\w+),", text, flags=re.M)
    assert [m.value for m in gln.PolicyKnob] == ids
    assert list(gln.effective_policy()) == ids


def test_parse_is_an_exact_match():
    assert gln.parse(gln.Rule, "contra.cirrhosis") is gln.Rule.contra_cirrhosis
    assert gln.parse(gln.Rule, "contra_cirrhosis") is None
    assert gln.parse(gln.Purpose, " gut_barrier") is None
    assert gln.parse(gln.CodeSystem, "http://snomed.info/sct") is gln.CodeSystem.snomed_ct
    with pytest.raises(TypeError):
        gln.parse(enum.Enum, "x")
    with pytest.raises(TypeError):
        gln.parse(gln.Purpose, 3)
    with pytest.raises(TypeError):
        gln.to_string("gut_barrier")


def test_versions_are_the_headers():
    text = (REPO / "include" / "gln" / "version.hpp").read_text()
    parts = [re.search(rf"#define GLN_VERSION_{p} (\d+)", text).group(1)
             for p in ("MAJOR", "MINOR", "PATCH")]
    assert gln.version == gln.__version__ == ".".join(parts)
    assert gln.knowledge_version == int(
        re.search(r"knowledge_version = (\d+);", text).group(1))
    assert gln.knowledge_review_date == re.search(
        r'knowledge_review_date = "([^"]+)"', text).group(1)


def test_verdicts_are_ordered_worst_last():
    # docs/knowledge.md: suitable < caution < clinician_only < avoid.
    assert [v.value for v in gln.Verdict] == ["suitable", "caution", "clinician_only", "avoid"]


def test_cirrhosis_is_avoid_with_its_cause():
    # docs/knowledge.md §4: cirrhosis contraindicates glutamine (avoid).
    result = gln.screen({"age_years": 58, "conditions": ["cirrhosis"]}, gln.Purpose.gut_barrier)
    assert result["overall"] == gln.Verdict.avoid
    finding = result["findings"][0]
    assert finding["rule"] == gln.Rule.contra_cirrhosis
    assert finding["cause"] == {"field": "conditions", "member": "cirrhosis", "codes": None}


def test_unknown_is_not_none():
    known = gln.screen({"age_years": 40, "conditions": []}, "gut_barrier")
    unknown = gln.screen({"age_years": 40, "conditions": None}, "gut_barrier")
    assert "input.conditions_unknown" not in [f["rule"] for f in known["findings"]]
    assert "input.conditions_unknown" in [f["rule"] for f in unknown["findings"]]
    assert gln.Verdict(unknown["overall"]) != gln.Verdict.suitable
    no_age = gln.screen(None, "gut_barrier")
    assert "caution.age_unknown" in [f["rule"] for f in no_age["findings"]]


@pytest.mark.parametrize("profile, field, message", [
    ({"age_years": float("nan")}, "age_years", "'NaN' is not a finite number"),
    ({"age_years": float("-inf")}, "age_years", "'-Infinity' is not a finite number"),
    ({"age_years": True}, "age_years", "must be a number or null"),
    ({"age_years": np.bool_(True)}, "age_years", "must be a number or null"),
    ({"age_years": "40"}, "age_years", "must be a number or null"),
    ({"weight_age_days": 2.5}, "weight_age_days", "must be a whole number (that fits 32 bits)"),
    ({"conditions": ["cirhosis"]}, "conditions[0]", "unknown condition 'cirhosis'"),
    ({"conditions": "cirrhosis"}, "conditions", "must be an array of names or null"),
    ({"conditions": {"cirrhosis"}}, "conditions", "a set is not a JSON value"),
    ({"conditions": [b"cirrhosis"]}, "conditions[0]", "bytes are not text: decode them to a str"),
    ({"conditions": ["\ud800"]}, "conditions[0]",
     "text that is not valid Unicode (a lone surrogate)"),
    ({"codes": [{"system": "http://snomed.info/sct", 1: "x"}]}, "codes[0]",
     "a key that is not a string (int)"),
    ({"codes": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "R65.1"}]},
     "codes[0].system",
     "a code system gln does not hold: 'http://hl7.org/fhir/sid/icd-10'"),
    ({"codes": [{"system": "http://loinc.org", "code": "29463-7"}]}, "codes[0].code",
     "names an observation or a unit, not a condition or medication: give its value "
     "(weight_kg, conditions)"),
    ({"icd10": ["X9"]}, "icd10[0]", "malformed ICD-10-CM code 'X9'"),
    ({"purpose": "gut_barrier"}, "'purpose'", "unknown key"),
    ([], None, "a profile must be a JSON object"),
    ({"conditions": [["cirrhosis"]]}, "conditions[0]", "must be a name"),
    # numpy's complex numbers convert to a float, dropping the imaginary part (with a warning):
    # they are no JSON value, as Python's complex is not; nor is a numpy date.
    ({"age_years": complex(16, 5)}, "age_years", "a complex is not a JSON value"),
    ({"age_years": np.complex128(complex(16, 5))}, "age_years",
     "a numpy.complex128 is not a JSON value"),
    ({"weight_kg": np.complex64(70)}, "weight_kg", "a numpy.complex64 is not a JSON value"),
    ({"age_years": np.datetime64("2020-01-01")}, "age_years",
     "a numpy.datetime64 is not a JSON value"),
])
def test_refused_profiles_name_the_field(profile, field, message):
    with pytest.raises(gln.InputError) as caught:
        gln.screen(profile, "gut_barrier")
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == field
    assert caught.value.message == message
    assert str(caught.value) == (f"{field}: {message}" if field else message)


def test_refusals_are_gln_checks_own(gln_check):
    # The same values as a request line: gln-check refuses them with the same words.
    import json
    cases = [{"age_years": True}, {"weight_age_days": 2.5}, {"conditions": ["cirhosis"]},
             {"conditions": "cirrhosis"}, {"icd10": ["X9"]},
             {"codes": [{"system": "http://loinc.org", "code": "29463-7"}]}]
    lines = [json.dumps({**case, "purpose": "gut_barrier"}) for case in cases]
    for case, out in zip(cases, batch_lines(gln_check, lines)):
        with pytest.raises(gln.InputError) as caught:
            gln.screen(case, "gut_barrier")
        assert (str(caught.value), caught.value.field) == (out["error"], out["field"])


def test_nesting_is_bounded():
    deep = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(gln.InputError) as caught:
        gln.screen({"conditions": deep}, "gut_barrier")
    assert caught.value.message == "nested deeper than 64 levels"
    assert caught.value.field.startswith("conditions[0][0]")


def test_a_python_error_while_reading_propagates():
    class BadIndex:
        def __index__(self):
            raise OverflowError("no index here")

    with pytest.raises(OverflowError, match="no index here"):
        gln.screen({"age_years": BadIndex()}, "gut_barrier")
    with pytest.raises(gln.InputError) as caught:
        gln.screen({"age_years": object()}, "gut_barrier")
    assert (caught.value.field, caught.value.message) == ("age_years",
                                                          "a object is not a JSON value")


def test_numpy_and_python_numbers_read_alike():
    base = gln.screen({"age_years": 40, "weight_kg": 70.5, "weight_age_days": 30}, "burns")
    for age, weight, days in ((np.int64(40), np.float64(70.5), np.int32(30)),
                              (40.0, np.float32(70.5), 30),
                              (np.uint8(40), 70.5, np.int64(30))):
        got = gln.screen({"age_years": age, "weight_kg": weight, "weight_age_days": days},
                         "burns")
        assert got == base
    names = np.array(["cirrhosis", "pregnancy"])
    assert gln.screen({"conditions": names}, "gut_barrier") == gln.screen(
        {"conditions": ["cirrhosis", "pregnancy"]}, "gut_barrier")


def test_regimen_policy_and_purpose_paths():
    with pytest.raises(gln.InputError) as caught:
        gln.check_dose({}, "gut_barrier", {"grams_per_dose": "5"})
    assert caught.value.field == "regimen.grams_per_dose"
    with pytest.raises(gln.InputError) as caught:
        gln.check_dose({}, "gut_barrier", {"doses_per_day": 2})
    assert (caught.value.field, caught.value.message) == ("regimen.grams_per_dose", "is required")
    with pytest.raises(gln.InputError) as caught:
        gln.check_dose({}, "gut_barrier", None)
    assert (caught.value.field, caught.value.message) == ("regimen", "is required")
    with pytest.raises(gln.InputError) as caught:
        gln.screen({}, "gut_barrier", {"require_age": 2})
    assert (caught.value.field, caught.value.message) == ("policy.require_age",
                                                          "must be 1 (on) or 0 (off)")
    with pytest.raises(gln.InputError) as caught:
        gln.screen({}, "gut_barrier", {"strictness": 1})
    assert caught.value.field == "policy.'strictness'"
    with pytest.raises(gln.InputError) as caught:
        gln.evidence_for(None)
    assert (caught.value.field, caught.value.message) == ("purpose", "is required")
    with pytest.raises(gln.InputError) as caught:
        gln.dose_for({}, 3)
    assert (caught.value.field, caught.value.message) == ("purpose", "must be a name or null")
    # Names are trimmed, as in a request.
    assert gln.evidence_for(" gut_barrier ")["purpose"] == "gut_barrier"


def test_policy_only_tightens():
    # docs/knowledge.md §12: a looser or NaN value falls back to the default.
    defaults = gln.effective_policy()
    kept = gln.effective_policy({"adult_maximum_daily": 30, "observed_safe_level": 100})
    assert kept["adult_maximum_daily"] == 30
    assert kept["observed_safe_level"] == defaults["observed_safe_level"]
    # A call under a knob effective() would not apply is refused, naming it: its answer would be
    # the default policy's, not the one asked for.
    heavy = {"grams_per_dose": 12, "doses_per_day": 3}
    with pytest.raises(gln.InputError) as caught:
        gln.check_dose({"age_years": 40}, "gut_barrier", heavy, {"adult_maximum_daily": 60})
    assert caught.value.field == "policy.adult_maximum_daily"
    assert caught.value.message == ("not applied: a policy only tightens, and a stricter value "
                                     "is lower than the default 40 g/day and above 0")
    with pytest.raises(gln.InputError):
        gln.screen({"age_years": 40}, "gut_barrier", {"self_directed_daily_ceiling": 0})
    # A step-up day past the review day is held to it; past 1000000 it is refused, as gln-check
    # refuses it, never planned under the default day 5.
    assert gln.plan_trial({"age_years": 40}, "general_recovery",
                          {"step_up_day": 20})["dosing"]["step_up_day"] is None
    with pytest.raises(gln.InputError) as caught:
        gln.plan_trial({"age_years": 40}, "general_recovery", {"step_up_day": 1000001})
    assert caught.value.field == "policy.step_up_day"
    assert caught.value.message.endswith("later than the default 5 days and at most 1000000")


def test_assess_with_and_without_a_regimen():
    # docs/knowledge.md §5: gut_barrier is self-directed, 5-10 g twice a day (10-20 g/day);
    # §6: above 40 g/day is avoid when self-directed.
    person = {"age_years": 34, "weight_kg": 62}
    plain = gln.assess(person, gln.Purpose.gut_barrier)
    assert plain == gln.assess(person, "gut_barrier", None, None)
    assert (plain["action"], plain["dose_shown"]) == (gln.Action.ok, gln.DoseStatus.shown)
    assert plain["dose"]["per_day_g"] == {"min": 10.0, "max": 20.0}
    assert plain["regimen"] is None
    heavy = gln.assess(person, "gut_barrier", {"grams_per_dose": 25, "doses_per_day": 2})
    assert heavy["action"] == gln.Action.do_not_take and heavy["dose"] is None
    assert gln.Rule.dose_above_adult_maximum in [f["rule"] for f in heavy["findings"]]
    assert heavy["regimen"]["grams_per_dose"] == 25
    for regimen, field in (({"doses_per_day": 2}, "regimen.grams_per_dose"),
                           ([], "regimen"), ({"grams_per_dose": True}, "regimen.grams_per_dose")):
        with pytest.raises(gln.InputError) as caught:
            gln.assess(person, "gut_barrier", regimen)
        assert caught.value.field == field
    with pytest.raises(gln.InputError) as caught:
        gln.assess(person, None)
    assert caught.value.field == "purpose"


def test_answer_reads_text_strictly():
    line = '{"id": 7, "age_years": 58, "icd10": ["E11.9", "K74.60"], "purpose": "gut_barrier"}'
    envelope = gln.answer(line)
    assert envelope["id"] == 7 and envelope["unmapped_codes"] == ["E11.9"]
    assert envelope["answer"]["overall"] == "avoid"
    assert envelope["answer"]["action"] == gln.Action.do_not_take
    with pytest.raises(gln.InputError) as caught:
        gln.answer('{"purpose": "gut_barrier", "regimen": {"grams_per_dose": 5, '
                   '"grams_per_dose": 6}}')
    assert str(caught.value) == "regimen.grams_per_dose: duplicate key"
    with pytest.raises(gln.InputError) as caught:
        gln.answer('{"purpose": "gut_barrier"} x')
    assert caught.value.message.startswith("bytes after the request")
    big = 123456789012345678901234567890
    assert gln.answer({"id": big, "purpose": "gut_barrier"})["id"] == big
    assert gln.answer({"id": 'a"b', "purpose": "gut_barrier"})["id"] == 'a"b'
    with pytest.raises(gln.InputError) as caught:
        gln.answer({"id": 1.5, "purpose": "gut_barrier"})
    assert caught.value.field == "id"


def test_code_lookups():
    # docs/knowledge.md §2 and §2b.
    assert gln.icd10_lookup("k74.60")["conditions"] == ["cirrhosis"]
    assert gln.icd10_lookup("E11.9")["status"] == gln.LookupStatus.unmapped
    assert gln.icd10_lookup("X9")["status"] == gln.LookupStatus.malformed
    assert gln.conditions_from_icd10("R65.21") == [
        gln.Condition.multiorgan_failure, gln.Condition.sepsis, gln.Condition.shock]
    assert gln.condition_from_icd10("K74.60") is gln.Condition.cirrhosis
    assert gln.condition_from_icd10("E11.9") is None
    septic = gln.code_lookup(gln.CodeSystem.snomed_ct, "76571007")
    assert septic["conditions"] == ["sepsis", "shock"]
    assert gln.code_lookup("http://hl7.org/fhir/sid/icd-10", "R65.1")["status"] == (
        "system_not_held")
    pounds = gln.code_lookup("http://unitsofmeasure.org", "[lb_av]")
    assert pounds["role"] == "weight_unit" and pounds["kilograms_per_unit"] == 0.45359237
    found = gln.ingredient_in_display("clonazePAM 0.25 MG Oral Tablet")
    assert found == {"ingredient": "clonazepam", "rxcui": 2598, "medications": ["anticonvulsant"]}
    assert gln.names_glutamine("L-glutamine oral powder")
    assert not gln.names_glutamine("glutamate")
    assert gln.names_glutamine("Endari")
    assert gln.glutamine_brand_in("ENDARI 5 g packet") == {
        "brand": "Endari", "labelled_for": "sickle_cell_disease", "label": "endari_label"}
    assert gln.glutamine_brand_in("glutamine") == {
        "brand": None, "labelled_for": None, "label": None}


def test_lookups_take_text_only():
    for call, field in ((lambda: gln.icd10_lookup(5), "code"),
                        (lambda: gln.code_lookup(None, "K74.60"), "system"),
                        (lambda: gln.names_glutamine(b"glutamine"), "text"),
                        (lambda: gln.weight_in_kilograms(1, 1), "ucum_code"),
                        (lambda: gln.weight_in_kilograms(1, "kg", 1), "unit_text")):
        with pytest.raises(gln.InputError) as caught:
            call()
        assert (caught.value.field, caught.value.message) == (field, "must be a str")


def test_weights_and_labels():
    assert gln.kilograms_from_pounds(1) == 0.45359237
    assert gln.weight_in_kilograms(2000, "g") == 2.0
    assert gln.weight_in_kilograms(10, "", "lb") == pytest.approx(4.5359237)
    assert gln.weight_in_kilograms(10, "", "stone") is None
    # None is no UCUM code or no unit text, as "" is.
    assert gln.weight_in_kilograms(10, None, "lb") == pytest.approx(4.5359237)
    assert gln.weight_in_kilograms(150, "[lb_av]", None) == pytest.approx(68.0388555)
    with pytest.raises(gln.InputError) as caught:
        gln.weight_in_kilograms(float("nan"), "kg")
    assert (caught.value.field, caught.value.message) == ("value",
                                                          "'NaN' is not a finite number")
    with pytest.raises(gln.InputError):
        gln.kilograms_from_pounds(True)
    # docs/knowledge.md §11.
    assert [gln.plain_label(v) for v in gln.Verdict] == [
        "OK to try", "OK with care", "Ask your doctor first", "Do not take"]
    # An action's label too, as gln::plain_label(action) gives it (the names differ).
    assert not set(gln.Verdict) & set(gln.Action)
    assert [gln.plain_label(a) for a in gln.Action] == [
        "OK to try", "OK with care", "Not recommended", "Ask your doctor first", "Do not take"]
    assert gln.plain_label("ask_clinician") == "Ask your doctor first"
    with pytest.raises(gln.InputError) as caught:
        gln.plain_label("fine")
    assert str(caught.value) == "verdict: unknown verdict or action 'fine'"
    record = gln.source_info(gln.Source.endari_label)
    assert record["id"] == "endari_label" and record["kind"] == "regulatory_label"


def test_a_member_of_another_gln_enum_is_refused():
    # A member is also its name: Condition.sickle_cell_disease is the text of a purpose too,
    # and was read as that purpose. Another enum's member is refused, naming the field.
    sickle = gln.Condition.sickle_cell_disease
    with pytest.raises(gln.InputError) as caught:
        gln.screen({}, sickle)
    assert (caught.value.field, caught.value.message) == ("purpose",
                                                          "is a Condition, not a Purpose")
    assert str(caught.value) == "purpose: is a Condition, not a Purpose"
    for call in (lambda p: gln.assess({}, p),
                 lambda p: gln.check_dose({}, p, {"grams_per_dose": 5}),
                 lambda p: gln.dose_for({}, p),
                 lambda p: gln.plan_trial({}, p),
                 gln.evidence_for,
                 lambda p: gln.answer({"purpose": p}),
                 lambda p: gln.screen_batch(purpose=p, age_years=[40])):
        with pytest.raises(gln.InputError) as caught:
            call(sickle)
        assert caught.value.field == "purpose"
    with pytest.raises(gln.InputError) as caught:
        gln.screen({"oversight": gln.DoseAccess.self_directed}, "gut_barrier")
    assert (caught.value.field, caught.value.message) == ("oversight",
                                                          "is a DoseAccess, not an Oversight")
    with pytest.raises(gln.InputError) as caught:
        gln.screen({"conditions": ["cirrhosis", gln.Purpose.sickle_cell_disease]}, "gut_barrier")
    assert (caught.value.field, caught.value.message) == ("conditions[1]",
                                                          "is a Purpose, not a Condition")
    with pytest.raises(gln.InputError) as caught:
        gln.answer({"purpose": "gut_barrier", "medications": [gln.Condition.cirrhosis]})
    assert caught.value.field == "medications[0]"
    # Each member where its own enum is asked for reads as its name.
    assert gln.screen({"conditions": [sickle], "oversight": gln.Oversight.self_directed},
                      gln.Purpose.sickle_cell_disease) == gln.screen(
        {"conditions": ["sickle_cell_disease"], "oversight": "self_directed"},
        "sickle_cell_disease")
