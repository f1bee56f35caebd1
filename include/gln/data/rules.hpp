#ifndef GLN_DATA_RULES_HPP
#define GLN_DATA_RULES_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "sources.hpp"

// What every rule says and why (docs/knowledge.md §4 and §6), indexed by gln::rule. The triggers
// live in contraindications.hpp (screening) and rules/dose.hpp (dose check).
GLN_BEGIN_NAMESPACE

// How a rule behaves; the text and sources behind one finding. A reason is a template: a
// number in it is a "{name}" placeholder, filled with the number in force when a finding is
// made (a policy threshold by its policy_knob name, or a number of the dose tables).
struct rule_info {
  gln::rule id{};
  verdict level{};                  // for self-directed use
  verdict supervised_level{};       // under oversight::clinician_supervised
  bool self_directed_only = false;  // does not fire at all under clinician supervision
  // The finding cites the dose row of its purpose (docs/knowledge.md §6).
  bool cites_dose_row = false;
  // The input that makes the rule fire, where it is not a condition or medication of the
  // trigger table (those name the one the person has).
  input_field cause = input_field::none;
  std::string_view reason;
  citation_list sources;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
// clang-format off
namespace rules_table {  // the short names that lay the table out, kept out of data::
using r = gln::rule;
using v = verdict;
using s = gln::source;
using in = input_field;
inline constexpr std::array<rule_info, enum_count<gln::rule>> rules{{
    {r::input_invalid, v::avoid, v::avoid, false, false, in::none,
     "invalid input: a value is missing its unit, out of range or not a number; fail closed"sv,
     {s::gln_policy}},
    {r::contra_hepatic_encephalopathy, v::avoid, v::avoid, false, false, in::conditions,
     "glutamine raises the ammonia load and may worsen the confusion of hepatic encephalopathy"sv,
     {s::article_immune_recovery, s::natmed_consumer, s::critical_care_text}},
    {r::contra_hepatic_failure, v::avoid, v::avoid, false, false, in::conditions,
     "not to be self-prescribed in severe hepatic failure: ammonia accumulates"sv,
     {s::article_immune_recovery, s::pediatric_oncall}},
    {r::contra_cirrhosis, v::avoid, v::avoid, false, false, in::conditions,
     "advanced liver disease: ammonia accumulation"sv,
     {s::article_immune_recovery, s::article_gut_health_guide, s::critical_care_text}},
    {r::contra_liver_disease, v::clinician_only, v::caution, false, false, in::conditions,
     "liver disease: not appropriate without a clinician"sv,
     {s::article_gut_health_guide, s::article_muscle_recovery, s::pediatric_oncall}},
    {r::contra_severe_kidney_disease, v::avoid, v::avoid, false, false, in::conditions,
     "severe renal failure: harm was greatest with renal dysfunction in critically ill patients"sv,
     {s::article_immune_recovery, s::critical_care_text, s::heyland_2013_redoxs}},
    {r::contra_kidney_disease, v::clinician_only, v::caution, false, false, in::conditions,
     "kidney disease needs monitoring"sv,
     {s::article_gut_health_guide, s::article_immune_recovery, s::article_muscle_recovery}},
    {r::contra_multiorgan_failure, v::avoid, v::avoid, false, false, in::conditions,
     "multiorgan failure: higher in-hospital and 6-month mortality with high-dose glutamine"sv,
     {s::heyland_2013_redoxs, s::article_immune_recovery, s::pediatric_oncall}},
    {r::contra_shock, v::avoid, v::avoid, false, false, in::conditions,
     "product labels exclude shock"sv,
     {s::dipeptiven_label, s::pediatric_oncall}},
    {r::contra_reyes_syndrome, v::avoid, v::avoid, false, false, in::conditions,
     "Reye's syndrome: ammonia accumulation"sv,
     {s::article_gut_health_guide, s::pediatric_oncall}},
    {r::contra_metabolic_acidosis, v::avoid, v::avoid, false, false, in::conditions,
     "metabolic acidosis: listed as a contraindication to glutamine in critical-care nutrition"sv,
     {s::critical_care_text}},
    {r::caution_cancer, v::clinician_only, v::caution, false, false, in::conditions,
     "tumour metabolism and treatment plans: the oncology team decides"sv,
     {s::article_immune_recovery}},
    {r::caution_cancer_treatment, v::clinician_only, v::caution, false, false, in::conditions,
     "interactions with antineoplastic therapy (chemotherapy, hormone therapy, hydroxyurea) "
     "are not settled: check with the prescriber"sv,
     {s::article_immune_recovery, s::natmed_consumer}},
    {r::caution_pregnancy, v::clinician_only, v::caution, false, false, in::conditions,
     "no human data in pregnancy"sv,
     {s::article_immune_recovery, s::natmed_consumer, s::endari_label}},
    {r::caution_breastfeeding, v::clinician_only, v::caution, false, false, in::conditions,
     "no data on human milk"sv,
     {s::article_immune_recovery, s::natmed_consumer, s::endari_label}},
    {r::caution_recent_icu_stay, v::clinician_only, v::caution, false, false, in::conditions,
     "recent intensive care: pause and ask the treating team"sv,
     {s::article_immune_recovery}},
    {r::caution_sepsis, v::clinician_only, v::caution, false, false, in::conditions,
     "active sepsis: nutrition is the treating team's decision; glutamine was harmful in "
     "critically ill patients with organ failure and is not routine in critical illness"sv,
     {s::heyland_2013_redoxs, s::mcclave_2016_aspen, s::article_gut_barrier_letter}},
    {r::caution_neurologic_symptoms, v::clinician_only, v::caution, false, false, in::conditions,
     "glutamine is metabolised to neuroactive glutamate and ammonia: unexplained neurologic "
     "symptoms need a diagnosis first"sv,
     {s::article_immune_recovery, s::garlick_2001}},
    {r::caution_seizure_disorder, v::clinician_only, v::caution, false, false, in::conditions,
     "may interfere with seizure control and anticonvulsants (theoretical)"sv,
     {s::natmed_consumer, s::consumerlab_glutamine}},
    {r::caution_bipolar_disorder, v::clinician_only, v::caution, false, false, in::conditions,
     "reports of mania in bipolar disorder"sv,
     {s::natmed_consumer, s::consumerlab_glutamine}},
    {r::caution_lactulose, v::clinician_only, v::caution, false, false, in::medications,
     "glutamine's ammonia may counter lactulose's ammonia-lowering effect"sv,
     {s::natmed_consumer}},
    {r::caution_msg_sensitivity, v::caution, v::caution, false, false, in::conditions,
     "people sensitive to MSG may react"sv,
     {s::natmed_consumer, s::consumerlab_glutamine}},
    {r::caution_other_prescription, v::caution, v::caution, false, false, in::medications,
     "check with a pharmacist before adding another amino acid"sv,
     {s::article_immune_recovery}},
    {r::caution_supplement_stack, v::caution, v::caution, false, false, in::medications,
     "check every label for overlapping glutamine; one product at a time"sv,
     {s::article_immune_recovery}},
    {r::caution_minor, v::clinician_only, v::caution, false, false, in::age_years,
     "no self-directed dosing for children; labelled paediatric use is prescription only"sv,
     {s::endari_label, s::gln_policy}},
    // Under policy.require_age the level is clinician_only (caution under supervision).
    {r::caution_age_unknown, v::caution, v::caution, false, false, in::age_years,
     "age not given: gln cannot rule out a child, and children need a clinician; confirm the "
     "person is an adult"sv,
     {s::endari_label, s::gln_policy}},
    {r::purpose_clinician_managed, v::clinician_only, v::caution, false, false, in::purpose,
     "medical nutrition: follow the treating team's protocol"sv,
     {s::article_immune_recovery}},
    {r::purpose_critical_with_organ_failure, v::avoid, v::avoid, false, false, in::conditions,
     "REDOXS harm; parenteral glutamine shall not be given to unstable patients with liver or "
     "renal failure"sv,
     {s::heyland_2013_redoxs, s::singer_2019_espen, s::mcclave_2016_aspen}},
    {r::purpose_sickle_cell_age, v::clinician_only, v::caution, false, false, in::age_years,
     "safety not established under {sickle_cell_min_age_years} years of age"sv,
     {s::endari_label}},
    {r::purpose_short_bowel_needs_gh, v::caution, v::caution, false, false, in::purpose,
     "labelled only together with growth hormone; alone, trials show no improvement"sv,
     {s::nutrestore_label, s::sbs_trials}},
    {r::purpose_ibs_other_causes, v::caution, v::caution, false, false, in::purpose,
     "many gut symptoms have causes glutamine will not fix: get them assessed"sv,
     {s::article_immune_recovery, s::article_gut_barrier_letter}},
    {r::input_conditions_unknown, v::clinician_only, v::caution, false, false, in::conditions,
     "conditions not known: contraindications could not be checked"sv,
     {s::gln_policy}},
    {r::input_medications_unknown, v::caution, v::caution, false, false, in::medications,
     "medications not known: interactions could not be checked; ask a pharmacist"sv,
     {s::article_immune_recovery, s::gln_policy}},
    {r::input_conditions_unmapped, v::caution, v::caution, false, false, in::conditions,
     "some recorded conditions could not be checked by gln: a pharmacist or clinician should "
     "review them"sv,
     {s::gln_policy}},
    {r::input_weight_stale, v::suitable, v::suitable, false, false, in::weight_age_days,
     "the weight is {weight_age_days} days old: it still bounds the per-kg limits but is not "
     "used to choose a dose"sv,
     {s::gln_policy}},
    {r::dose_no_self_directed_range, v::clinician_only, v::caution, true, true, in::purpose,
     "this purpose has no self-directed dose range"sv, {}},
    {r::dose_per_dose_above_range, v::caution, v::caution, false, true, in::grams_per_dose,
     "grams per dose above the purpose's range"sv, {}},
    {r::dose_daily_above_range, v::caution, v::caution, false, true, in::grams_per_dose,
     "grams per day above the purpose's range"sv, {}},
    {r::dose_duration_above_range, v::caution, v::caution, false, false, in::weeks,
     "planned weeks beyond the purpose's duration"sv,
     {s::article_immune_recovery}},
    {r::dose_per_dose_large, v::caution, v::caution, true, false, in::grams_per_dose,
     "single dose above {split_dose_above} g, the split-dose threshold: split it across the day"sv,
     {s::article_immune_recovery, s::gln_policy}},
    {r::dose_gi_effects_likely, v::suitable, v::suitable, false, false, in::grams_per_dose,
     "gastrointestinal effects (bloating, nausea, gas) are more likely from {gi_effects_daily} "
     "g/day"sv,
     {s::consumerlab_glutamine, s::article_immune_recovery}},
    {r::dose_above_observed_safe_level, v::caution, v::caution, true, false, in::grams_per_dose,
     "above {observed_safe_level} g/day, the observed safe level for supplemental glutamine (or "
     "a stricter limit the app set)"sv,
     {s::shao_hathcock_2008}},
    {r::dose_above_self_directed_ceiling, v::clinician_only, v::caution, true, false,
     in::grams_per_dose,
     "above {self_directed_daily_ceiling} g/day, the daily ceiling for self-directed use"sv,
     {s::garlick_2001, s::article_gut_barrier_letter, s::gln_policy}},
    // Under supervision this is a ceiling for unsupervised use, not a contraindication:
    // clinical protocols go higher, with no side effects reported up to 45 g/day for weeks.
    {r::dose_above_adult_maximum, v::avoid, v::caution, false, false, in::grams_per_dose,
     "above {adult_maximum_daily} g/day, the adult maximum for unsupervised use"sv,
     {s::natmed_consumer, s::nih_ods_exercise}},
    {r::dose_child_per_kg, v::avoid, v::avoid, false, false, in::grams_per_dose,
     "child: above {child_per_kg_limit} g/kg/day"sv,
     {s::natmed_consumer}},
    // Instead of dose.child_per_kg, for the one labelled case (docs/knowledge.md §6).
    {r::dose_child_per_kg_label_band, v::caution, v::caution, false, false, in::grams_per_dose,
     "the labelled sickle-cell dose for this weight band, twice a day, is above the general "
     "paediatric limit of {child_per_kg_limit} g/kg/day; the product label is the authority for "
     "its own dose"sv,
     {s::endari_label, s::natmed_consumer}},
    {r::dose_critical_per_kg, v::avoid, v::avoid, false, false, in::grams_per_dose,
     "critical illness, trauma or burns: above {critical_per_kg_limit} g/kg/day (higher "
     "mortality was seen above the default limit)"sv,
     {s::icu_dose_meta_2014, s::heyland_2013_redoxs}},
    {r::dose_label_band_mismatch, v::caution, v::caution, false, false, in::grams_per_dose,
     "differs from the labelled weight-band dose (per dose by weight band, twice a day)"sv,
     {s::endari_label}},
    {r::dose_weight_needed, v::caution, v::caution, false, false, in::weight_kg,
     "this purpose is dosed by body weight: weight is needed to check the dose"sv,
     {s::endari_label}},
}};
}  // namespace rules_table
using rules_table::rules;
// clang-format on

// The reason an input.invalid finding gives, naming the bad field and the bounds in force.
inline constexpr std::array<std::string_view, enum_count<input_field>> invalid_input_reasons{
    "invalid input"sv,
    "age_years is NaN, infinite, negative or above {max_age_years} years"sv,
    "weight_kg is NaN, infinite, below {min_weight_kg} kg or above {max_weight_kg} kg"sv,
    "weight_age_days is negative"sv,
    "conditions holds a value outside gln::condition"sv,
    "medications holds a value outside gln::medication"sv,
    "oversight is not a gln::oversight value"sv,
    "purpose is not a gln::purpose value"sv,
    "grams per dose is NaN, infinite, zero or negative"sv,
    "doses per day is below 1 or above {max_doses_per_day}"sv,
    "weeks is NaN, infinite or negative"sv,
};

// What describe() gives for a value outside gln::rule: no rule's record, but input.invalid's
// verdicts (fail closed).
inline constexpr rule_info unknown_rule{gln::rule::input_invalid,
                                        verdict::avoid,
                                        verdict::avoid,
                                        false,
                                        false,
                                        input_field::none,
                                        "unknown rule: the id is not a gln::rule value"sv,
                                        {gln::source::gln_policy}};

}  // namespace data

// What a rule says: levels, reason template, sources. A value outside the enum yields
// data::unknown_rule, whose verdict is avoid.
constexpr const rule_info& describe(gln::rule id) noexcept {
  return is_valid(id) ? data::rules[index_of(id)] : data::unknown_rule;
}

GLN_END_NAMESPACE

#endif  // GLN_DATA_RULES_HPP
