#ifndef GLN_CORE_ENUMS_HPP
#define GLN_CORE_ENUMS_HPP

#include "enum_traits.hpp"

// The vocabulary: every enum of gln, each declared once as a list of (enumerator, stable
// name). Names appear in JSON, logs and app databases, so an existing name never changes; a
// new enumerator gets a new name. See enum_traits.hpp for why the lists are X-macros.

// Why the person would take glutamine (docs/knowledge.md §5).
#define GLN_PURPOSES(X)                           \
  X(general_recovery, "general_recovery")         \
  X(gut_barrier, "gut_barrier")                   \
  X(exercise_recovery, "exercise_recovery")       \
  X(endurance_gut_stress, "endurance_gut_stress") \
  X(immune_support, "immune_support")             \
  X(muscle_strength, "muscle_strength")           \
  X(athletic_performance, "athletic_performance") \
  X(ibs_symptoms, "ibs_symptoms")                 \
  X(oral_mucositis, "oral_mucositis")             \
  X(surgical_recovery, "surgical_recovery")       \
  X(critical_illness, "critical_illness")         \
  X(trauma, "trauma")                             \
  X(burns, "burns")                               \
  X(sickle_cell_disease, "sickle_cell_disease")   \
  X(short_bowel_syndrome, "short_bowel_syndrome")

// What the person has; pregnancy and breastfeeding are conditions here (docs/knowledge.md §2).
#define GLN_CONDITIONS(X)                                               \
  X(hepatic_encephalopathy, "hepatic_encephalopathy")                   \
  X(hepatic_failure, "hepatic_failure")                                 \
  X(cirrhosis, "cirrhosis")                                             \
  X(liver_disease, "liver_disease")                                     \
  X(severe_kidney_disease, "severe_kidney_disease")                     \
  X(kidney_disease, "kidney_disease")                                   \
  X(multiorgan_failure, "multiorgan_failure")                           \
  X(sepsis, "sepsis")                                                   \
  X(metabolic_acidosis, "metabolic_acidosis")                           \
  X(shock, "shock")                                                     \
  X(reyes_syndrome, "reyes_syndrome")                                   \
  X(cancer, "cancer")                                                   \
  X(cancer_treatment, "cancer_treatment")                               \
  X(pregnancy, "pregnancy")                                             \
  X(breastfeeding, "breastfeeding")                                     \
  X(recent_icu_stay, "recent_icu_stay")                                 \
  X(unexplained_neurologic_symptoms, "unexplained_neurologic_symptoms") \
  X(seizure_disorder, "seizure_disorder")                               \
  X(bipolar_disorder, "bipolar_disorder")                               \
  X(msg_sensitivity, "msg_sensitivity")                                 \
  X(sickle_cell_disease, "sickle_cell_disease")                         \
  X(short_bowel_syndrome, "short_bowel_syndrome")                       \
  X(oral_mucositis, "oral_mucositis")

// Drug classes and regimens that change the answer (docs/knowledge.md §3).
#define GLN_MEDICATIONS(X)                    \
  X(lactulose, "lactulose")                   \
  X(anticonvulsant, "anticonvulsant")         \
  X(antineoplastic, "antineoplastic")         \
  X(growth_hormone, "growth_hormone")         \
  X(other_prescription, "other_prescription") \
  X(supplement_stack, "supplement_stack")

// Ordered: a larger value is worse, and the worst finding decides (docs/knowledge.md §4).
#define GLN_VERDICTS(X)               \
  X(suitable, "suitable")             \
  X(caution, "caution")               \
  X(clinician_only, "clinician_only") \
  X(avoid, "avoid")

// docs/knowledge.md §7.
#define GLN_EVIDENCE_GRADES(X)    \
  X(strong, "strong")             \
  X(moderate, "moderate")         \
  X(limited, "limited")           \
  X(insufficient, "insufficient") \
  X(against, "against")

#define GLN_OVERSIGHTS(X)           \
  X(self_directed, "self_directed") \
  X(clinician_supervised, "clinician_supervised")

// docs/knowledge.md §1.
#define GLN_SOURCE_KINDS(X)                   \
  X(regulatory_label, "regulatory_label")     \
  X(guideline, "guideline")                   \
  X(meta_analysis, "meta_analysis")           \
  X(trial, "trial")                           \
  X(review, "review")                         \
  X(safety_assessment, "safety_assessment")   \
  X(reference_database, "reference_database") \
  X(editorial, "editorial")                   \
  X(policy, "policy")

// Every source of the knowledge base, in the order of docs/knowledge.md §1.
#define GLN_SOURCES(X)                                        \
  X(endari_label, "endari_label")                             \
  X(nutrestore_label, "nutrestore_label")                     \
  X(dipeptiven_label, "dipeptiven_label")                     \
  X(shao_hathcock_2008, "shao_hathcock_2008")                 \
  X(garlick_2001, "garlick_2001")                             \
  X(ziegler_1990, "ziegler_1990")                             \
  X(nih_ods_exercise, "nih_ods_exercise")                     \
  X(natmed_consumer, "natmed_consumer")                       \
  X(consumerlab_glutamine, "consumerlab_glutamine")           \
  X(critical_care_text, "critical_care_text")                 \
  X(pediatric_oncall, "pediatric_oncall")                     \
  X(singer_2019_espen, "singer_2019_espen")                   \
  X(mcclave_2016_aspen, "mcclave_2016_aspen")                 \
  X(yarom_2019_mascc, "yarom_2019_mascc")                     \
  X(heyland_2013_redoxs, "heyland_2013_redoxs")               \
  X(heyland_2022_reenergize, "heyland_2022_reenergize")       \
  X(icu_dose_meta_2014, "icu_dose_meta_2014")                 \
  X(kim_kim_2017, "kim_kim_2017")                             \
  X(cruzat_2018, "cruzat_2018")                               \
  X(cordova_martinez_2021, "cordova_martinez_2021")           \
  X(legault_2015, "legault_2015")                             \
  X(candow_2001, "candow_2001")                               \
  X(performance_meta_2019, "performance_meta_2019")           \
  X(zhou_2019_ibs, "zhou_2019_ibs")                           \
  X(morton_2018, "morton_2018")                               \
  X(combat_athletes_2024, "combat_athletes_2024")             \
  X(sbs_trials, "sbs_trials")                                 \
  X(article_immune_recovery, "article_immune_recovery")       \
  X(article_gut_health_guide, "article_gut_health_guide")     \
  X(article_gut_barrier_letter, "article_gut_barrier_letter") \
  X(article_muscle_recovery, "article_muscle_recovery")       \
  X(icd10cm, "icd10cm")                                       \
  X(snomed_ct, "snomed_ct")                                   \
  X(rxnorm, "rxnorm")                                         \
  X(who_atc, "who_atc")                                       \
  X(loinc, "loinc")                                           \
  X(gln_policy, "gln_policy")                                 \
  X(shah_2020_retracted, "shah_2020_retracted")

// Every rule that can produce a finding, with the dotted ids of docs/knowledge.md §4 and §6: the
// input check, then the screening rules, then the dose rules (findings come out in this order).
#define GLN_RULES(X)                                                            \
  X(input_invalid, "input.invalid")                                             \
  X(contra_hepatic_encephalopathy, "contra.hepatic_encephalopathy")             \
  X(contra_hepatic_failure, "contra.hepatic_failure")                           \
  X(contra_cirrhosis, "contra.cirrhosis")                                       \
  X(contra_liver_disease, "contra.liver_disease")                               \
  X(contra_severe_kidney_disease, "contra.severe_kidney_disease")               \
  X(contra_kidney_disease, "contra.kidney_disease")                             \
  X(contra_multiorgan_failure, "contra.multiorgan_failure")                     \
  X(contra_shock, "contra.shock")                                               \
  X(contra_reyes_syndrome, "contra.reyes_syndrome")                             \
  X(contra_metabolic_acidosis, "contra.metabolic_acidosis")                     \
  X(caution_cancer, "caution.cancer")                                           \
  X(caution_cancer_treatment, "caution.cancer_treatment")                       \
  X(caution_pregnancy, "caution.pregnancy")                                     \
  X(caution_breastfeeding, "caution.breastfeeding")                             \
  X(caution_recent_icu_stay, "caution.recent_icu_stay")                         \
  X(caution_sepsis, "caution.sepsis")                                           \
  X(caution_neurologic_symptoms, "caution.neurologic_symptoms")                 \
  X(caution_seizure_disorder, "caution.seizure_disorder")                       \
  X(caution_bipolar_disorder, "caution.bipolar_disorder")                       \
  X(caution_lactulose, "caution.lactulose")                                     \
  X(caution_msg_sensitivity, "caution.msg_sensitivity")                         \
  X(caution_other_prescription, "caution.other_prescription")                   \
  X(caution_supplement_stack, "caution.supplement_stack")                       \
  X(caution_minor, "caution.minor")                                             \
  X(caution_age_unknown, "caution.age_unknown")                                 \
  X(purpose_clinician_managed, "purpose.clinician_managed")                     \
  X(purpose_critical_with_organ_failure, "purpose.critical_with_organ_failure") \
  X(purpose_sickle_cell_age, "purpose.sickle_cell_age")                         \
  X(purpose_short_bowel_needs_gh, "purpose.short_bowel_needs_gh")               \
  X(purpose_ibs_other_causes, "purpose.ibs_other_causes")                       \
  X(input_conditions_unknown, "input.conditions_unknown")                       \
  X(input_medications_unknown, "input.medications_unknown")                     \
  X(input_conditions_unmapped, "input.conditions_unmapped")                     \
  X(input_weight_stale, "input.weight_stale")                                   \
  X(dose_no_self_directed_range, "dose.no_self_directed_range")                 \
  X(dose_per_dose_above_range, "dose.per_dose_above_range")                     \
  X(dose_daily_above_range, "dose.daily_above_range")                           \
  X(dose_duration_above_range, "dose.duration_above_range")                     \
  X(dose_per_dose_large, "dose.per_dose_large")                                 \
  X(dose_gi_effects_likely, "dose.gi_effects_likely")                           \
  X(dose_above_observed_safe_level, "dose.above_observed_safe_level")           \
  X(dose_above_self_directed_ceiling, "dose.above_self_directed_ceiling")       \
  X(dose_above_adult_maximum, "dose.above_adult_maximum")                       \
  X(dose_child_per_kg, "dose.child_per_kg")                                     \
  X(dose_child_per_kg_label_band, "dose.child_per_kg_label_band")               \
  X(dose_critical_per_kg, "dose.critical_per_kg")                               \
  X(dose_label_band_mismatch, "dose.label_band_mismatch")                       \
  X(dose_weight_needed, "dose.weight_needed")

// An input of a request: what an input.invalid finding blames, and what made a rule fire
// (a finding's cause; a rule on the daily amount names grams_per_dose).
#define GLN_INPUT_FIELDS(X)             \
  X(none, "none")                       \
  X(age_years, "age_years")             \
  X(weight_kg, "weight_kg")             \
  X(weight_age_days, "weight_age_days") \
  X(conditions, "conditions")           \
  X(medications, "medications")         \
  X(oversight, "oversight")             \
  X(purpose, "purpose")                 \
  X(grams_per_dose, "grams_per_dose")   \
  X(doses_per_day, "doses_per_day")     \
  X(weeks, "weeks")

// What a trial tracks to decide whether glutamine helped (docs/knowledge.md §8).
#define GLN_OUTCOMES(X)                                       \
  X(fewer_gut_symptoms, "fewer_gut_symptoms")                 \
  X(easier_food_tolerance, "easier_food_tolerance")           \
  X(smoother_training_recovery, "smoother_training_recovery") \
  X(soreness_24_48_72h, "soreness_24_48_72h")                 \
  X(tolerance_in_stressful_period, "tolerance_in_stressful_period")

// Who may use a purpose's dose range: only `self_directed` rows are for use without a
// clinician (docs/knowledge.md §5). not_recommended: no self-directed range, the evidence is weak
// or against; clinician: medical nutrition run by a treating team; prescription: a labelled
// prescription product.
#define GLN_DOSE_ACCESSES(X)            \
  X(self_directed, "self_directed")     \
  X(not_recommended, "not_recommended") \
  X(clinician, "clinician")             \
  X(prescription, "prescription")

// Whether plan_trial() gives a dosing plan, and if not, why not: ready (a self-directed trial
// can start), ask_clinician_first (clinician_only, or the trial doses fail check_dose for this
// person), do_not_start (screening says avoid), no_self_directed_range, invalid_input.
#define GLN_PLAN_STATUSES(X)                          \
  X(ready, "ready")                                   \
  X(ask_clinician_first, "ask_clinician_first")       \
  X(do_not_start, "do_not_start")                     \
  X(no_self_directed_range, "no_self_directed_range") \
  X(invalid_input, "invalid_input")

// The unit of a policy threshold or of a number in a text.
#define GLN_UNITS(X)            \
  X(years, "years")             \
  X(g, "g")                     \
  X(g_per_day, "g/day")         \
  X(g_per_kg_day, "g/kg/day")   \
  X(kg, "kg")                   \
  X(doses_per_day, "doses/day") \
  X(days, "days")               \
  X(weeks, "weeks")             \
  X(on_off, "on/off")

// Which way a policy threshold is stricter (docs/knowledge.md §12). A policy may only move a
// threshold this way from its default.
#define GLN_DIRECTIONS(X) \
  X(higher, "higher")     \
  X(lower, "lower")       \
  X(earlier, "earlier")   \
  X(later, "later")       \
  X(shorter, "shorter")   \
  X(longer, "longer")     \
  X(on, "on")             \
  X(off, "off")

// What an app should do for a person and a goal (assess()), ordered: a larger value is more
// restrictive. do_not_take: a finding says avoid. ask_clinician: a clinician_only finding, or
// a purpose only a clinician manages. not_recommended: the purpose has no self-directed range,
// the evidence being insufficient or against. ok_with_care: a caution. ok: nothing stands in
// the way.
#define GLN_ACTIONS(X)                  \
  X(ok, "ok")                           \
  X(ok_with_care, "ok_with_care")       \
  X(not_recommended, "not_recommended") \
  X(ask_clinician, "ask_clinician")     \
  X(do_not_take, "do_not_take")

// Whether assess() shows a dose, and if not, why not.
#define GLN_DOSE_STATUSES(X)              \
  X(shown, "shown")                       \
  X(do_not_take, "do_not_take")           \
  X(ask_clinician, "ask_clinician")       \
  X(not_recommended, "not_recommended")   \
  X(weight_needed, "weight_needed")       \
  X(closed_by_policy, "closed_by_policy") \
  X(no_range, "no_range")                 \
  X(invalid_input, "invalid_input")

GLN_BEGIN_NAMESPACE

GLN_DEFINE_ENUM(purpose, GLN_PURPOSES);
GLN_DEFINE_ENUM(condition, GLN_CONDITIONS);
GLN_DEFINE_ENUM(medication, GLN_MEDICATIONS);
GLN_DEFINE_ENUM(verdict, GLN_VERDICTS);
GLN_DEFINE_ENUM(evidence_grade, GLN_EVIDENCE_GRADES);
GLN_DEFINE_ENUM(oversight, GLN_OVERSIGHTS);
GLN_DEFINE_ENUM(source_kind, GLN_SOURCE_KINDS);
GLN_DEFINE_ENUM(source, GLN_SOURCES);
GLN_DEFINE_ENUM(rule, GLN_RULES);
GLN_DEFINE_ENUM(input_field, GLN_INPUT_FIELDS);
GLN_DEFINE_ENUM(outcome, GLN_OUTCOMES);
GLN_DEFINE_ENUM(dose_access, GLN_DOSE_ACCESSES);
GLN_DEFINE_ENUM(plan_status, GLN_PLAN_STATUSES);
GLN_DEFINE_ENUM(unit, GLN_UNITS);
GLN_DEFINE_ENUM(direction, GLN_DIRECTIONS);
GLN_DEFINE_ENUM(action, GLN_ACTIONS);
GLN_DEFINE_ENUM(dose_status, GLN_DOSE_STATUSES);

// Worst of two verdicts. A value outside the enum (an integer cast into gln::verdict) is
// unknown, and unknown is never milder than avoid.
constexpr verdict worst(verdict a, verdict b) noexcept {
  if (!is_valid(a) || !is_valid(b)) return verdict::avoid;
  return index_of(a) < index_of(b) ? b : a;
}

GLN_END_NAMESPACE

#endif  // GLN_CORE_ENUMS_HPP
