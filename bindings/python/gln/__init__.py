"""gln: what is known about L-glutamine supplementation, from Python.

The C++ library gln (contraindication screening, dose ranges, dose checks, evidence grades,
trial plans, each finding traceable to its sources) behind a small Python API:

- ``assess`` (one answer an app can show: the action, why, the evidence, the dose),
  ``screen``, ``check_dose``, ``dose_for``, ``evidence_for``, ``plan_trial`` and ``answer``
  return plain ``dict``s with exactly the shape of the JSON adapter (the shape gln-check
  writes; README "JSON shape"): enums as their stable names, quantities as numbers with the
  unit in the key (``per_day_g``, ``weight_kg``), absent values as ``None``.
- ``screen_batch`` screens many people from columns (sequences or NumPy arrays), with no
  Python loop per row and the GIL released, and returns columns.
- The code look-ups (``icd10_lookup``, ``code_lookup``, ...), ``to_string``/``parse`` and
  the enums (``Purpose``, ``Condition``, ``Verdict``, ...: ``enum.Enum`` classes whose
  values are the stable names, so ``Verdict.avoid == "avoid"``).

Every argument is read by the same rules as a request to gln-check (README "Requests"): a
profile is a dict of the request's profile keys (``age_years``, ``weight_kg``,
``weight_age_days``, ``conditions``, ``medications``, ``icd10``, ``codes``, ``oversight``),
a regimen ``{"grams_per_dose", "doses_per_day", "weeks"}``, a policy ``{knob id: number}``.
A value the rules refuse raises ``gln.InputError`` (a ``ValueError``) whose ``field`` names
it by its path in a request (``"conditions[2]"``, ``"regimen.grams_per_dose"``).

Not medical advice: gln encodes a fixed, reviewed body of knowledge (``knowledge_version``,
``knowledge_review_date``) with a source for every fact; when in doubt the answer is "ask a
clinician", and unknown is never "none".
"""

from __future__ import annotations

import enum as _enum

from . import _gln

__all__ = [
    "InputError",
    "version",
    "knowledge_version",
    "knowledge_review_date",
    "Purpose",
    "Condition",
    "Medication",
    "Verdict",
    "EvidenceGrade",
    "Oversight",
    "SourceKind",
    "Source",
    "Rule",
    "InputField",
    "Outcome",
    "DoseAccess",
    "PlanStatus",
    "Action",
    "DoseStatus",
    "CodeSystem",
    "LookupStatus",
    "CodeRole",
    "PolicyKnob",
    "assess",
    "screen",
    "check_dose",
    "dose_for",
    "evidence_for",
    "plan_trial",
    "answer",
    "effective_policy",
    "screen_batch",
    "icd10_lookup",
    "code_lookup",
    "conditions_from_icd10",
    "condition_from_icd10",
    "ingredient_in_display",
    "glutamine_brand_in",
    "names_glutamine",
    "weight_in_kilograms",
    "kilograms_from_pounds",
    "source_info",
    "plain_label",
    "to_string",
    "parse",
]

InputError = _gln.InputError

#: The version of gln ("2.0.0").
version: str = _gln.version
__version__ = version
#: The version of the clinical content (the knowledge base), apart from the code's.
knowledge_version: int = _gln.knowledge_version
#: When the knowledge base was last reviewed (ISO date).
knowledge_review_date: str = _gln.knowledge_review_date

try:
    _StrEnum = _enum.StrEnum
except AttributeError:  # Python before 3.11

    class _StrEnum(str, _enum.Enum):
        def __str__(self) -> str:
            return str(self.value)


_MEMBERS = _gln.enum_members()


def _make_enum(cxx_name: str, class_name: str, doc: str):
    # Members are the C++ enumerators; values the stable names (what JSON, logs and
    # databases hold), in the C++ order.
    made = _StrEnum(class_name, _MEMBERS[cxx_name], module=__name__)
    made.__doc__ = doc
    return made


Purpose = _make_enum(
    "purpose",
    "Purpose",
    "Why a person takes glutamine (docs/knowledge.md §5): self-directed purposes, purposes "
    "with no self-directed range, clinician-managed nutrition and prescription products.",
)
Condition = _make_enum(
    "condition",
    "Condition",
    "A condition of the person (docs/knowledge.md §2); pregnancy and breastfeeding included.",
)
Medication = _make_enum("medication", "Medication", "A medication class of the person.")
Verdict = _make_enum(
    "verdict",
    "Verdict",
    "For self-directed use, in order: suitable < caution < clinician_only < avoid "
    "(the worst finding decides).",
)
EvidenceGrade = _make_enum(
    "evidence_grade",
    "EvidenceGrade",
    "How strong the evidence for a purpose is; `against`: it points to no benefit or harm.",
)
Oversight = _make_enum("oversight", "Oversight", "Who oversees the use.")
SourceKind = _make_enum("source_kind", "SourceKind", "What kind of source a citation is.")
Source = _make_enum("source", "Source", "A cited source; `source_info` gives its record.")
Rule = _make_enum(
    "rule",
    "Rule",
    "A rule of gln; the value is its stable id (\"contra.cirrhosis\"), the member name the "
    "same with underscores (Rule.contra_cirrhosis). `screen_batch`'s rule_bits has bit i "
    "for list(Rule)[i].",
)
InputField = _make_enum(
    "input_field",
    "InputField",
    "An input a finding blames (input.invalid) or that made a rule fire.",
)
Outcome = _make_enum("outcome", "Outcome", "What a trial tracks (docs/knowledge.md §8).")
DoseAccess = _make_enum(
    "dose_access",
    "DoseAccess",
    "Who may use a purpose's dose range: only `self_directed` is for use without a clinician.",
)
PlanStatus = _make_enum("plan_status", "PlanStatus", "What a trial plan says.")
Action = _make_enum(
    "action",
    "Action",
    "What an app should do for a person and a goal (``assess``), in order, a later member more "
    "restrictive: ok < ok_with_care (a caution) < not_recommended (no self-directed range, the "
    "evidence insufficient or against) < ask_clinician < do_not_take (a finding says avoid).",
)
DoseStatus = _make_enum(
    "dose_status",
    "DoseStatus",
    "Whether ``assess`` shows a dose (``shown``), and if not, why not.",
)
CodeSystem = _make_enum(
    "code_system",
    "CodeSystem",
    "A code system gln reads; the value is its FHIR URI (CodeSystem.snomed_ct == "
    "\"http://snomed.info/sct\").",
)
LookupStatus = _make_enum(
    "lookup_status",
    "LookupStatus",
    "What a code look-up found: mapped, unmapped (well-formed, no entry: never an error), "
    "malformed, system_not_held.",
)
CodeRole = _make_enum("code_role", "CodeRole", "What a mapped code names.")
PolicyKnob = _make_enum(
    "policy_knob",
    "PolicyKnob",
    "A threshold an app may tighten, never loosen (docs/knowledge.md §12); a policy is a "
    "dict from these ids to numbers.",
)

_ENUM_TYPES = (
    Purpose,
    Condition,
    Medication,
    Verdict,
    EvidenceGrade,
    Oversight,
    SourceKind,
    Source,
    Rule,
    InputField,
    Outcome,
    DoseAccess,
    PlanStatus,
    Action,
    DoseStatus,
    CodeSystem,
    LookupStatus,
    CodeRole,
    PolicyKnob,
)
_GLN_ENUMS = frozenset(_ENUM_TYPES)


def _input_error(field: str, message: str) -> InputError:
    error = InputError(f"{field}: {message}")
    error.field = field
    error.message = message
    error.row = None
    return error


def _a(name: str) -> str:
    return ("an " if name[0] in "AEIOU" else "a ") + name


def _of_kind(value, expected, field: str):
    # A gln enum member is also its name (a str), so Condition.sickle_cell_disease would be
    # read as the purpose of the same name: a member of another gln enum is refused instead.
    kind = type(value)
    if isinstance(value, _enum.Enum) and kind in _GLN_ENUMS and kind is not expected:
        raise _input_error(field, f"is {_a(kind.__name__)}, not {_a(expected.__name__)}")


def _profile_kinds(profile, prefix: str = ""):
    # The enum-valued keys of a profile (or of a request, whose profile keys are at the top).
    if not isinstance(profile, dict):
        return
    for key, kind in (("conditions", Condition), ("medications", Medication)):
        items = profile.get(key)
        if isinstance(items, (list, tuple)):
            for i, item in enumerate(items):
                _of_kind(item, kind, f"{prefix}{key}[{i}]")
    _of_kind(profile.get("oversight"), Oversight, f"{prefix}oversight")


def _call_kinds(profile, purpose):
    _profile_kinds(profile)
    _of_kind(purpose, Purpose, "purpose")


def assess(profile, purpose, regimen=None, policy=None) -> dict:
    """One answer an app can show for a person and a goal (§4-§8, §11): what to do, why, the
    evidence, and the dose when self-directed use is allowed.

    ``profile``, ``purpose`` and ``policy`` as for ``screen``; ``regimen`` (optional) as for
    ``check_dose``: its dose findings join the screening's. Returns ``{"action", "label",
    "overall", "valid", "purpose", "oversight", "findings", "dose_shown", "dose", "evidence",
    "regimen", "trial_plan"}`` as the JSON adapter writes an assessment: ``action`` an
    ``Action`` name, ``label`` its plain label ("OK to try", ..., "Do not take"), ``overall``
    the safety verdict (the worst finding), each finding with its ``cause`` (the inputs that
    made it fire), ``dose_shown`` a ``DoseStatus`` name, ``dose`` None unless ``dose_shown`` is
    ``shown``, else ``{"summary", "per_dose_g", "doses_per_day", "per_day_g",
    "clinician_above_per_day_g", "amount", "duration", "timing", "sources"}`` (grams rounded
    for people to the nearest half gram inside the rules' range; per_day_g in g/day),
    ``regimen`` the regimen checked or None, ``trial_plan`` the trial plan (§8) without the
    screening it rests on. It is the ``answer`` of ``gln.answer``'s envelope for the same
    request, except that each finding's ``cause.codes`` (the request's codes behind it there)
    is None here. Raises ``InputError`` naming the field.
    """
    _call_kinds(profile, purpose)
    return _gln.assess(profile, purpose, regimen, policy)


def screen(profile, purpose, policy=None) -> dict:
    """Screens a person for a purpose: contraindications, cautions, purpose rules (§4).

    ``profile``: a dict of the request's profile keys, or None for the empty profile:
    ``age_years`` (years; absent or None: unknown, never an adult), ``weight_kg`` (kg),
    ``weight_age_days`` (days since the weight; absent: current), ``conditions`` and
    ``medications`` (lists of names; absent: none; None: unknown), ``icd10`` (ICD-10-CM
    codes), ``codes`` (``{"system": uri, "code": text}`` dicts), ``oversight`` (a name).
    ``purpose``: a ``Purpose`` or its name. ``policy``: a dict from ``PolicyKnob`` ids to
    numbers (it can only tighten), or None.

    Returns ``{"purpose", "oversight", "overall", "valid", "findings"}`` as the JSON adapter
    writes a screening; each finding has its rule, level, reason, patient text, message keys,
    arguments, cause, sources and (for input.invalid) field. Raises ``InputError`` naming the
    field for a value the request rules refuse.
    """
    _call_kinds(profile, purpose)
    return _gln.screen(profile, purpose, policy)


def check_dose(profile, purpose, regimen, policy=None) -> dict:
    """Checks a regimen for a person and purpose: the screening findings, then the dose
    findings (§6: ranges, ceilings, per-kg limits).

    ``regimen``: ``{"grams_per_dose": g, "doses_per_day": n (default 1), "weeks": w}``.
    Returns ``{"purpose", "oversight", "overall", "valid", "per_day_g", "findings"}``
    (``per_day_g`` in grams a day). Raises ``InputError`` (``"regimen.grams_per_dose"``, ...).
    """
    _call_kinds(profile, purpose)
    return _gln.check_dose(profile, purpose, regimen, policy)


def dose_for(profile, purpose, policy=None) -> dict:
    """The dose row of a purpose (§5), resolved for a current weight where it doses by weight.
    It does not screen the person (``self_directed`` is the row's, for a person with cirrhosis
    or a child too): the dose to show a person is ``assess``'s.

    Returns the adapter's dose guidance: ``access``, ``self_directed``,
    ``per_dose_g``, ``per_day_g`` (``{"min", "max"}`` in grams), ``per_kg_day_g`` (g/kg/day),
    ``min_weeks``/``max_weeks``, ``clipped_by_policy``, ``clinician_above_per_day_g``, texts,
    ``sources``, ``valid`` and ``invalid_input``.
    """
    _call_kinds(profile, purpose)
    return _gln.dose_for(profile, purpose, policy)


def evidence_for(purpose) -> dict:
    """The evidence grade of a purpose (§7): ``{"purpose", "grade", "sources_disagree",
    "summary", "sources", "valid", "invalid_input"}``."""
    _of_kind(purpose, Purpose, "purpose")
    return _gln.evidence_for(purpose)


def plan_trial(profile, purpose, policy=None) -> dict:
    """A defined trial (§8): status, the screening it rests on, dosing (start dose in grams,
    doses a day, step-up, review and hard-stop days; None unless status is ``ready``),
    ``start_check``/``max_check``, outcomes to track, protein (g/kg/day) and advice."""
    _call_kinds(profile, purpose)
    return _gln.plan_trial(profile, purpose, policy)


def answer(request) -> dict:
    """The envelope gln-check writes for one request: ``{"id", "gln_version",
    "knowledge_version", "knowledge_review_date", "request", "unmapped_codes", "answer"}``;
    ``answer`` is ``assess``'s answer for the request, each finding's ``cause`` with a
    ``codes`` list: the request's codes behind it (ICD-10-CM codes as text, others as
    ``{"system", "code"}``).

    ``request``: a dict in the request format, or its JSON text (``str`` or ``bytes``), read
    as ``gln-check --batch`` reads a line (a duplicate key, a NUL byte or bytes after the
    object are refused). ``purpose`` is required. Raises ``InputError``.
    """
    if isinstance(request, dict):
        _profile_kinds(request)
        _of_kind(request.get("purpose"), Purpose, "purpose")
    return _gln.answer(request)


def effective_policy(policy=None) -> dict:
    """The policy the rules apply for ``policy``: every knob by its id, each value kept only
    where it is stricter than the default (a switch is 1 or 0). None: the defaults."""
    return _gln.effective_policy(policy)


def icd10_lookup(code: str) -> dict:
    """An ICD-10-CM code (dot optional, any case, trimmed): ``{"status", "role",
    "conditions", "medications", "glutamine", "verified", "kilograms_per_unit"}``."""
    return _gln.icd10_lookup(code)


def code_lookup(system, code: str) -> dict:
    """A code of a system named by its FHIR URI (a ``CodeSystem`` is one); any other system
    is ``system_not_held`` (WHO ICD-10 is never read through ICD-10-CM's table)."""
    return _gln.code_lookup(system, code)


def conditions_from_icd10(code: str) -> list:
    """Every condition an ICD-10-CM code means (``Condition`` members, in enum order)."""
    return [Condition(name) for name in _gln.conditions_from_icd10(code)]


def condition_from_icd10(code: str):
    """The most serious condition of an ICD-10-CM code, or None."""
    name = _gln.condition_from_icd10(code)
    return None if name is None else Condition(name)


def ingredient_in_display(display: str) -> dict:
    """The RxNorm ingredient an RxNorm product display names: ``{"ingredient", "rxcui",
    "medications"}`` (None where it names none)."""
    return _gln.ingredient_in_display(display)


def glutamine_brand_in(text: str) -> dict:
    """The brand of prescription L-glutamine a text names, as a whole word in any case, and the
    purpose of its label: ``{"brand", "labelled_for", "label"}`` (None where it names none;
    Endari: sickle_cell_disease, NutreStore: short_bowel_syndrome)."""
    return _gln.glutamine_brand_in(text)


def names_glutamine(text: str) -> bool:
    """Whether a medication's text names glutamine as a whole word, in any case, or a brand of
    prescription L-glutamine (Endari, NutreStore)."""
    return _gln.names_glutamine(text)


def weight_in_kilograms(value, ucum_code: str | None, unit_text: str | None = ""):
    """A body weight in kg from a quantity's UCUM code (kg, g, [lb_av]) or, without one ("" or
    None), a unit text that is exactly kg, g, lb or [lb_av]; None for any other unit (never
    guessed). ``value`` must be a finite number."""
    return _gln.weight_in_kilograms(value, ucum_code, unit_text)


def kilograms_from_pounds(pounds) -> float:
    """Pounds to kilograms (1 lb = 0.45359237 kg exactly)."""
    return _gln.kilograms_from_pounds(pounds)


def source_info(source) -> dict:
    """The citation record of a source: ``{"id", "kind", "text", "year", "doi", "pmid",
    "other_id", "verified", "retracted"}``."""
    return _gln.source_info(source)


def plain_label(verdict) -> str:
    """The plain-language label of a verdict ("OK to try", ..., "Do not take"; §11) or of an
    action ("OK to try", "OK with care", "Not recommended", "Ask your doctor first", "Do not
    take"), by its name or enum member."""
    return _gln.plain_label(verdict)


def to_string(value) -> str:
    """The stable name of a gln enum member (what JSON holds): ``Rule.contra_cirrhosis`` is
    ``"contra.cirrhosis"``."""
    if not isinstance(value, _ENUM_TYPES):
        raise TypeError(f"not a gln enum member: {value!r}")
    return value.value


def parse(enum_type, name: str):
    """The member of a gln enum with this stable name (an exact match), or None."""
    if enum_type not in _ENUM_TYPES:
        raise TypeError(f"not a gln enum: {enum_type!r}")
    if not isinstance(name, str):
        raise TypeError(f"a name is a str, not {type(name).__name__}")
    return enum_type._value2member_map_.get(str(name))


_BATCH_COLUMNS = (
    "age_years",
    "weight_kg",
    "weight_age_days",
    "conditions",
    "medications",
    "icd10",
    "codes",
)


def screen_batch(
    *,
    purpose,
    age_years=None,
    weight_kg=None,
    weight_age_days=None,
    conditions=None,
    medications=None,
    icd10=None,
    codes=None,
    oversight=None,
    policy=None,
    errors: str = "raise",
) -> dict:
    """Screens one person per row, from columns, as ``screen`` screens one.

    Each column is a sequence or a one-dimensional NumPy array with one value per row, all of
    one length; a column left out is absent from every row, as a key left out of a request.
    ``purpose`` and ``oversight`` are either one value for every row (a name) or a column.

    - ``age_years`` (years), ``weight_kg`` (kg), ``weight_age_days`` (days): numbers; a
      value is unknown where it is None or masked (``numpy.ma``). NaN is not "unknown": like
      an infinity it is refused (``'NaN' is not a finite number``), so mask it.
    - ``conditions``, ``medications``: a list of names per row (None: unknown);
      ``icd10``: a list of ICD-10-CM codes per row; ``codes``: a list per row of
      ``(system, code)`` pairs or ``{"system", "code"}`` dicts.
    - ``policy``: one policy for every row.
    - ``errors``: ``"raise"`` (a row the rules refuse raises ``InputError`` with its
      ``row``) or ``"column"`` (its message goes to the ``error`` column, the rest go on).

    Returns a dict of columns, one value per row (NumPy arrays):
    ``overall`` (the verdict's name; None for a row with an error), ``overall_code`` (int8:
    the index in ``list(Verdict)``, -1 for an error), ``valid`` (bool: no input.invalid),
    ``rules`` (a tuple of each finding's rule id, in the findings' order),
    ``rule_bits`` (uint64: bit i set when ``list(Rule)[i]`` fired), ``invalid_fields`` (a tuple
    of the fields of the input.invalid findings), ``unmapped_codes`` (a tuple of the
    well-formed codes gln holds no entry for, as the envelope lists them) and ``error``
    (None, or ``"field: message"`` as a request's error).
    """
    if errors not in ("raise", "column"):
        raise ValueError(f"errors must be 'raise' or 'column', not {errors!r}")
    given = {
        "age_years": age_years,
        "weight_kg": weight_kg,
        "weight_age_days": weight_age_days,
        "conditions": conditions,
        "medications": medications,
        "icd10": icd10,
        "codes": codes,
    }
    columns = {name: value for name, value in given.items() if value is not None}
    _of_kind(purpose, Purpose, "purpose")
    _of_kind(oversight, Oversight, "oversight")
    scalars = {}
    for name, value in (("purpose", purpose), ("oversight", oversight)):
        if value is None or isinstance(value, str):
            scalars[name] = value
        else:
            columns[name] = value
            scalars[name] = None
    return _gln.screen_batch(
        columns, scalars["purpose"], scalars["oversight"], policy, errors == "column"
    )
