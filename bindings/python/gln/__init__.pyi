# Type stubs of the package gln (bindings/python/gln/__init__.py holds the docstrings).
# tests/test_stubs.py checks that every public name, every parameter and every enum member
# here matches the package.

import enum
from typing import Any, Literal, Mapping, Optional, Sequence, TypeVar, Union

import numpy as np
import numpy.typing as npt

class _StrEnum(str, enum.Enum): ...

_E = TypeVar("_E", bound=_StrEnum)

class InputError(ValueError):
    # The path of the refused value in a request ("conditions[2]", "regimen.weeks"); None
    # for a request as a whole.
    field: Optional[str]
    message: str
    # The batch row (screen_batch); None outside a batch.
    row: Optional[int]

version: str
__version__: str
knowledge_version: int
knowledge_review_date: str

# A profile: the request's profile keys (age_years in years, weight_kg in kg,
# weight_age_days in days, conditions, medications, icd10, codes, oversight).
Profile = Mapping[str, Any]
# {"grams_per_dose": g, "doses_per_day": n, "weeks": w}
Regimen = Mapping[str, Any]
# {PolicyKnob id: number}
Policy = Mapping[str, float]
# The adapter's JSON shape of a result, as Python objects.
Result = dict[str, Any]
Column = Union[Sequence[Any], npt.NDArray[Any]]

class Purpose(_StrEnum):
    general_recovery = "general_recovery"
    gut_barrier = "gut_barrier"
    exercise_recovery = "exercise_recovery"
    endurance_gut_stress = "endurance_gut_stress"
    immune_support = "immune_support"
    muscle_strength = "muscle_strength"
    athletic_performance = "athletic_performance"
    ibs_symptoms = "ibs_symptoms"
    oral_mucositis = "oral_mucositis"
    surgical_recovery = "surgical_recovery"
    critical_illness = "critical_illness"
    trauma = "trauma"
    burns = "burns"
    sickle_cell_disease = "sickle_cell_disease"
    short_bowel_syndrome = "short_bowel_syndrome"

class Condition(_StrEnum):
    hepatic_encephalopathy = "hepatic_encephalopathy"
    hepatic_failure = "hepatic_failure"
    cirrhosis = "cirrhosis"
    liver_disease = "liver_disease"
    severe_kidney_disease = "severe_kidney_disease"
    kidney_disease = "kidney_disease"
    multiorgan_failure = "multiorgan_failure"
    sepsis = "sepsis"
    metabolic_acidosis = "metabolic_acidosis"
    shock = "shock"
    reyes_syndrome = "reyes_syndrome"
    cancer = "cancer"
    cancer_treatment = "cancer_treatment"
    pregnancy = "pregnancy"
    breastfeeding = "breastfeeding"
    recent_icu_stay = "recent_icu_stay"
    unexplained_neurologic_symptoms = "unexplained_neurologic_symptoms"
    seizure_disorder = "seizure_disorder"
    bipolar_disorder = "bipolar_disorder"
    msg_sensitivity = "msg_sensitivity"
    sickle_cell_disease = "sickle_cell_disease"
    short_bowel_syndrome = "short_bowel_syndrome"
    oral_mucositis = "oral_mucositis"

class Medication(_StrEnum):
    lactulose = "lactulose"
    anticonvulsant = "anticonvulsant"
    antineoplastic = "antineoplastic"
    growth_hormone = "growth_hormone"
    other_prescription = "other_prescription"
    supplement_stack = "supplement_stack"

class Verdict(_StrEnum):
    suitable = "suitable"
    caution = "caution"
    clinician_only = "clinician_only"
    avoid = "avoid"

class EvidenceGrade(_StrEnum):
    strong = "strong"
    moderate = "moderate"
    limited = "limited"
    insufficient = "insufficient"
    against = "against"

class Oversight(_StrEnum):
    self_directed = "self_directed"
    clinician_supervised = "clinician_supervised"

class SourceKind(_StrEnum):
    regulatory_label = "regulatory_label"
    guideline = "guideline"
    meta_analysis = "meta_analysis"
    trial = "trial"
    review = "review"
    safety_assessment = "safety_assessment"
    reference_database = "reference_database"
    editorial = "editorial"
    policy = "policy"

class Source(_StrEnum):
    endari_label = "endari_label"
    nutrestore_label = "nutrestore_label"
    dipeptiven_label = "dipeptiven_label"
    shao_hathcock_2008 = "shao_hathcock_2008"
    garlick_2001 = "garlick_2001"
    ziegler_1990 = "ziegler_1990"
    nih_ods_exercise = "nih_ods_exercise"
    natmed_consumer = "natmed_consumer"
    consumerlab_glutamine = "consumerlab_glutamine"
    critical_care_text = "critical_care_text"
    pediatric_oncall = "pediatric_oncall"
    singer_2019_espen = "singer_2019_espen"
    mcclave_2016_aspen = "mcclave_2016_aspen"
    yarom_2019_mascc = "yarom_2019_mascc"
    heyland_2013_redoxs = "heyland_2013_redoxs"
    heyland_2022_reenergize = "heyland_2022_reenergize"
    icu_dose_meta_2014 = "icu_dose_meta_2014"
    kim_kim_2017 = "kim_kim_2017"
    cruzat_2018 = "cruzat_2018"
    cordova_martinez_2021 = "cordova_martinez_2021"
    legault_2015 = "legault_2015"
    candow_2001 = "candow_2001"
    performance_meta_2019 = "performance_meta_2019"
    zhou_2019_ibs = "zhou_2019_ibs"
    morton_2018 = "morton_2018"
    combat_athletes_2024 = "combat_athletes_2024"
    sbs_trials = "sbs_trials"
    article_immune_recovery = "article_immune_recovery"
    article_gut_health_guide = "article_gut_health_guide"
    article_gut_barrier_letter = "article_gut_barrier_letter"
    article_muscle_recovery = "article_muscle_recovery"
    icd10cm = "icd10cm"
    snomed_ct = "snomed_ct"
    rxnorm = "rxnorm"
    who_atc = "who_atc"
    loinc = "loinc"
    gln_policy = "gln_policy"
    shah_2020_retracted = "shah_2020_retracted"

class Rule(_StrEnum):
    input_invalid = "input.invalid"
    contra_hepatic_encephalopathy = "contra.hepatic_encephalopathy"
    contra_hepatic_failure = "contra.hepatic_failure"
    contra_cirrhosis = "contra.cirrhosis"
    contra_liver_disease = "contra.liver_disease"
    contra_severe_kidney_disease = "contra.severe_kidney_disease"
    contra_kidney_disease = "contra.kidney_disease"
    contra_multiorgan_failure = "contra.multiorgan_failure"
    contra_shock = "contra.shock"
    contra_reyes_syndrome = "contra.reyes_syndrome"
    contra_metabolic_acidosis = "contra.metabolic_acidosis"
    caution_cancer = "caution.cancer"
    caution_cancer_treatment = "caution.cancer_treatment"
    caution_pregnancy = "caution.pregnancy"
    caution_breastfeeding = "caution.breastfeeding"
    caution_recent_icu_stay = "caution.recent_icu_stay"
    caution_sepsis = "caution.sepsis"
    caution_neurologic_symptoms = "caution.neurologic_symptoms"
    caution_seizure_disorder = "caution.seizure_disorder"
    caution_bipolar_disorder = "caution.bipolar_disorder"
    caution_lactulose = "caution.lactulose"
    caution_msg_sensitivity = "caution.msg_sensitivity"
    caution_other_prescription = "caution.other_prescription"
    caution_supplement_stack = "caution.supplement_stack"
    caution_minor = "caution.minor"
    caution_age_unknown = "caution.age_unknown"
    purpose_clinician_managed = "purpose.clinician_managed"
    purpose_critical_with_organ_failure = "purpose.critical_with_organ_failure"
    purpose_sickle_cell_age = "purpose.sickle_cell_age"
    purpose_short_bowel_needs_gh = "purpose.short_bowel_needs_gh"
    purpose_ibs_other_causes = "purpose.ibs_other_causes"
    input_conditions_unknown = "input.conditions_unknown"
    input_medications_unknown = "input.medications_unknown"
    input_conditions_unmapped = "input.conditions_unmapped"
    input_weight_stale = "input.weight_stale"
    dose_no_self_directed_range = "dose.no_self_directed_range"
    dose_per_dose_above_range = "dose.per_dose_above_range"
    dose_daily_above_range = "dose.daily_above_range"
    dose_duration_above_range = "dose.duration_above_range"
    dose_per_dose_large = "dose.per_dose_large"
    dose_gi_effects_likely = "dose.gi_effects_likely"
    dose_above_observed_safe_level = "dose.above_observed_safe_level"
    dose_above_self_directed_ceiling = "dose.above_self_directed_ceiling"
    dose_above_adult_maximum = "dose.above_adult_maximum"
    dose_child_per_kg = "dose.child_per_kg"
    dose_child_per_kg_label_band = "dose.child_per_kg_label_band"
    dose_critical_per_kg = "dose.critical_per_kg"
    dose_label_band_mismatch = "dose.label_band_mismatch"
    dose_weight_needed = "dose.weight_needed"

class InputField(_StrEnum):
    none = "none"
    age_years = "age_years"
    weight_kg = "weight_kg"
    weight_age_days = "weight_age_days"
    conditions = "conditions"
    medications = "medications"
    oversight = "oversight"
    purpose = "purpose"
    grams_per_dose = "grams_per_dose"
    doses_per_day = "doses_per_day"
    weeks = "weeks"

class Outcome(_StrEnum):
    fewer_gut_symptoms = "fewer_gut_symptoms"
    easier_food_tolerance = "easier_food_tolerance"
    smoother_training_recovery = "smoother_training_recovery"
    soreness_24_48_72h = "soreness_24_48_72h"
    tolerance_in_stressful_period = "tolerance_in_stressful_period"

class DoseAccess(_StrEnum):
    self_directed = "self_directed"
    not_recommended = "not_recommended"
    clinician = "clinician"
    prescription = "prescription"

class PlanStatus(_StrEnum):
    ready = "ready"
    ask_clinician_first = "ask_clinician_first"
    do_not_start = "do_not_start"
    no_self_directed_range = "no_self_directed_range"
    invalid_input = "invalid_input"

class Action(_StrEnum):
    ok = "ok"
    ok_with_care = "ok_with_care"
    not_recommended = "not_recommended"
    ask_clinician = "ask_clinician"
    do_not_take = "do_not_take"

class DoseStatus(_StrEnum):
    shown = "shown"
    do_not_take = "do_not_take"
    ask_clinician = "ask_clinician"
    not_recommended = "not_recommended"
    weight_needed = "weight_needed"
    closed_by_policy = "closed_by_policy"
    no_range = "no_range"
    invalid_input = "invalid_input"

class CodeSystem(_StrEnum):
    icd10_cm = "http://hl7.org/fhir/sid/icd-10-cm"
    snomed_ct = "http://snomed.info/sct"
    rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm"
    atc = "http://www.whocc.no/atc"
    loinc = "http://loinc.org"
    ndc = "http://hl7.org/fhir/sid/ndc"
    ucum = "http://unitsofmeasure.org"

class LookupStatus(_StrEnum):
    mapped = "mapped"
    unmapped = "unmapped"
    malformed = "malformed"
    system_not_held = "system_not_held"

class CodeRole(_StrEnum):
    none = "none"
    condition = "condition"
    procedure = "procedure"
    substance = "substance"
    medication = "medication"
    body_weight = "body_weight"
    pregnancy_status = "pregnancy_status"
    observation_answer = "observation_answer"
    weight_unit = "weight_unit"

class PolicyKnob(_StrEnum):
    adult_age_years = "adult_age_years"
    split_dose_above = "split_dose_above"
    self_directed_daily_ceiling = "self_directed_daily_ceiling"
    observed_safe_level = "observed_safe_level"
    adult_maximum_daily = "adult_maximum_daily"
    child_per_kg_limit = "child_per_kg_limit"
    critical_per_kg_limit = "critical_per_kg_limit"
    max_age_years = "max_age_years"
    min_weight_kg = "min_weight_kg"
    max_weight_kg = "max_weight_kg"
    max_doses_per_day = "max_doses_per_day"
    general_recovery_review_day = "general_recovery_review_day"
    gut_barrier_review_day = "gut_barrier_review_day"
    ibs_review_day = "ibs_review_day"
    training_review_day = "training_review_day"
    step_up_day = "step_up_day"
    require_age = "require_age"
    allow_label_band_dose = "allow_label_band_dose"
    max_weight_age_days_adult = "max_weight_age_days_adult"
    max_weight_age_days_minor = "max_weight_age_days_minor"
    recent_procedure_days = "recent_procedure_days"
    recent_icu_days = "recent_icu_days"

def assess(profile: Optional[Profile], purpose: Union[Purpose, str],
           regimen: Optional[Regimen] = ..., policy: Optional[Policy] = ...) -> Result: ...
def screen(profile: Optional[Profile], purpose: Union[Purpose, str],
           policy: Optional[Policy] = ...) -> Result: ...
def check_dose(profile: Optional[Profile], purpose: Union[Purpose, str], regimen: Regimen,
               policy: Optional[Policy] = ...) -> Result: ...
def dose_for(profile: Optional[Profile], purpose: Union[Purpose, str],
             policy: Optional[Policy] = ...) -> Result: ...
def evidence_for(purpose: Union[Purpose, str]) -> Result: ...
def plan_trial(profile: Optional[Profile], purpose: Union[Purpose, str],
               policy: Optional[Policy] = ...) -> Result: ...
def answer(request: Union[Mapping[str, Any], str, bytes]) -> Result: ...
def effective_policy(policy: Optional[Policy] = ...) -> dict[str, float]: ...
def screen_batch(
    *,
    purpose: Union[Purpose, str, None, Column],
    age_years: Optional[Column] = ...,
    weight_kg: Optional[Column] = ...,
    weight_age_days: Optional[Column] = ...,
    conditions: Optional[Column] = ...,
    medications: Optional[Column] = ...,
    icd10: Optional[Column] = ...,
    codes: Optional[Column] = ...,
    oversight: Union[Oversight, str, None, Column] = ...,
    policy: Optional[Policy] = ...,
    errors: Literal["raise", "column"] = ...,
) -> dict[str, np.ndarray]: ...
def icd10_lookup(code: str) -> Result: ...
def code_lookup(system: Union[CodeSystem, str], code: str) -> Result: ...
def conditions_from_icd10(code: str) -> list[Condition]: ...
def condition_from_icd10(code: str) -> Optional[Condition]: ...
def ingredient_in_display(display: str) -> Result: ...
def glutamine_brand_in(text: str) -> Result: ...
def names_glutamine(text: str) -> bool: ...
def weight_in_kilograms(
    value: float, ucum_code: Optional[str], unit_text: Optional[str] = ...
) -> Optional[float]: ...
def kilograms_from_pounds(pounds: float) -> float: ...
def source_info(source: Union[Source, str]) -> Result: ...
def plain_label(verdict: Union[Verdict, Action, str]) -> str: ...
def to_string(value: enum.Enum) -> str: ...
def parse(enum_type: type[_E], name: str) -> Optional[_E]: ...
