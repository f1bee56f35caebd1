#ifndef GLN_DATA_RULES_HPP
#define GLN_DATA_RULES_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "sources.hpp"

// What every rule says and why (knowledge.md §4 and §6), indexed by gln::rule. The triggers
// live with the functions that evaluate them (rules/screen.hpp, rules/dose.hpp).
namespace gln {

// How a rule behaves; the text and sources behind one finding.
struct rule_info {
  gln::rule id{};
  verdict level{};                  // for self-directed use
  verdict supervised_level{};       // under oversight::clinician_supervised
  bool self_directed_only = false;  // does not fire at all under clinician supervision
  // The finding cites the dose row of its purpose (knowledge.md §6 "as §5").
  bool cites_dose_row = false;
  std::string_view reason;
  citation_list sources;
};

namespace data {

using r = gln::rule;
using v = verdict;
using s = gln::source;

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// clang-format off
inline constexpr std::array<rule_info, enum_count<gln::rule>> rules{{
    {r::input_invalid, v::avoid, v::avoid, false, false,
     "invalid input: a value is missing its unit, out of range or not a number; fail closed",
     {s::gln_policy}},
    {r::contra_hepatic_encephalopathy, v::avoid, v::avoid, false, false,
     "glutamine raises the ammonia load and may worsen the confusion of hepatic encephalopathy",
     {s::article_immune_recovery, s::natmed_consumer, s::critical_care_text}},
    {r::contra_hepatic_failure, v::avoid, v::avoid, false, false,
     "not to be self-prescribed in severe hepatic failure: ammonia accumulates",
     {s::article_immune_recovery, s::pediatric_oncall}},
    {r::contra_cirrhosis, v::avoid, v::avoid, false, false,
     "advanced liver disease: ammonia accumulation",
     {s::article_immune_recovery, s::article_gut_health_guide, s::critical_care_text}},
    {r::contra_liver_disease, v::clinician_only, v::caution, false, false,
     "liver disease: not appropriate without a clinician",
     {s::article_gut_health_guide, s::article_muscle_recovery, s::pediatric_oncall}},
    {r::contra_severe_kidney_disease, v::avoid, v::avoid, false, false,
     "severe renal failure: harm was greatest with renal dysfunction in critically ill patients",
     {s::article_immune_recovery, s::critical_care_text, s::heyland_2013_redoxs}},
    {r::contra_kidney_disease, v::clinician_only, v::caution, false, false,
     "kidney disease needs monitoring",
     {s::article_gut_health_guide, s::article_immune_recovery, s::article_muscle_recovery}},
    {r::contra_multiorgan_failure, v::avoid, v::avoid, false, false,
     "multiorgan failure: higher in-hospital and 6-month mortality with high-dose glutamine",
     {s::heyland_2013_redoxs, s::article_immune_recovery, s::pediatric_oncall}},
    {r::contra_shock, v::avoid, v::avoid, false, false, "product labels exclude shock",
     {s::dipeptiven_label, s::pediatric_oncall}},
    {r::contra_reyes_syndrome, v::avoid, v::avoid, false, false,
     "Reye's syndrome: ammonia accumulation", {s::article_gut_health_guide, s::pediatric_oncall}},
    {r::caution_cancer, v::clinician_only, v::caution, false, false,
     "tumour metabolism and treatment plans: the oncology team decides",
     {s::article_immune_recovery}},
    {r::caution_cancer_treatment, v::clinician_only, v::caution, false, false,
     "interactions with cancer therapy are not settled: check with the oncologist",
     {s::article_immune_recovery, s::natmed_consumer}},
    {r::caution_pregnancy, v::clinician_only, v::caution, false, false,
     "no human data in pregnancy",
     {s::article_immune_recovery, s::natmed_consumer, s::endari_label}},
    {r::caution_breastfeeding, v::clinician_only, v::caution, false, false,
     "no data on human milk", {s::article_immune_recovery, s::natmed_consumer, s::endari_label}},
    {r::caution_recent_icu_stay, v::clinician_only, v::caution, false, false,
     "recent intensive care: pause and ask the treating team", {s::article_immune_recovery}},
    {r::caution_neurologic_symptoms, v::clinician_only, v::caution, false, false,
     "glutamine is metabolised to neuroactive glutamate and ammonia: unexplained neurologic "
     "symptoms need a diagnosis first",
     {s::article_immune_recovery, s::garlick_2001}},
    {r::caution_seizure_disorder, v::clinician_only, v::caution, false, false,
     "may interfere with seizure control and anticonvulsants (theoretical)",
     {s::natmed_consumer, s::consumerlab_glutamine}},
    {r::caution_bipolar_disorder, v::clinician_only, v::caution, false, false,
     "reports of mania in bipolar disorder", {s::natmed_consumer, s::consumerlab_glutamine}},
    {r::caution_lactulose, v::clinician_only, v::caution, false, false,
     "glutamine's ammonia may counter lactulose's ammonia-lowering effect", {s::natmed_consumer}},
    {r::caution_msg_sensitivity, v::caution, v::caution, false, false,
     "people sensitive to MSG may react", {s::natmed_consumer, s::consumerlab_glutamine}},
    {r::caution_other_prescription, v::caution, v::caution, false, false,
     "check with a pharmacist before adding another amino acid", {s::article_immune_recovery}},
    {r::caution_supplement_stack, v::caution, v::caution, false, false,
     "check every label for overlapping glutamine; one product at a time",
     {s::article_immune_recovery}},
    {r::caution_minor, v::clinician_only, v::caution, false, false,
     "no self-directed dosing for children; labelled paediatric use is prescription only",
     {s::endari_label, s::gln_policy}},
    {r::purpose_clinician_managed, v::clinician_only, v::caution, false, false,
     "medical nutrition: follow the treating team's protocol", {s::article_immune_recovery}},
    {r::purpose_critical_with_organ_failure, v::avoid, v::avoid, false, false,
     "REDOXS harm; parenteral glutamine shall not be given to unstable patients with liver or "
     "renal failure",
     {s::heyland_2013_redoxs, s::singer_2019_espen, s::mcclave_2016_aspen}},
    {r::purpose_sickle_cell_age, v::clinician_only, v::caution, false, false,
     "safety not established under 5 years of age", {s::endari_label}},
    {r::purpose_short_bowel_needs_gh, v::caution, v::caution, false, false,
     "labelled only together with growth hormone; alone, trials show no improvement",
     {s::nutrestore_label, s::sbs_trials}},
    {r::purpose_ibs_other_causes, v::caution, v::caution, false, false,
     "many gut symptoms have causes glutamine will not fix: get them assessed",
     {s::article_immune_recovery, s::article_gut_barrier_letter}},
    {r::dose_no_self_directed_range, v::clinician_only, v::caution, true, true,
     "this purpose has no self-directed dose range", {}},
    {r::dose_per_dose_above_range, v::caution, v::caution, false, true,
     "grams per dose above the purpose's range", {}},
    {r::dose_daily_above_range, v::caution, v::caution, false, true,
     "grams per day above the purpose's range", {}},
    {r::dose_duration_above_range, v::caution, v::caution, false, false,
     "planned weeks beyond the purpose's duration", {s::article_immune_recovery}},
    {r::dose_per_dose_large, v::caution, v::caution, true, false,
     "single dose above the split-dose threshold: split it across the day",
     {s::article_immune_recovery, s::gln_policy}},
    {r::dose_gi_effects_likely, v::suitable, v::suitable, false, false,
     "gastrointestinal effects (bloating, nausea, gas) are more likely from 10 g/day",
     {s::consumerlab_glutamine, s::article_immune_recovery}},
    {r::dose_above_observed_safe_level, v::caution, v::caution, true, false,
     "above 14 g/day, the observed safe level for supplemental glutamine",
     {s::shao_hathcock_2008}},
    {r::dose_above_self_directed_ceiling, v::clinician_only, v::caution, true, false,
     "above the daily ceiling for self-directed use",
     {s::garlick_2001, s::article_gut_barrier_letter, s::gln_policy}},
    // Under supervision this is a ceiling for unsupervised use, not a contraindication:
    // clinical protocols go higher, with no side effects reported up to 45 g/day for weeks.
    {r::dose_above_adult_maximum, v::avoid, v::caution, false, false,
     "above 40 g/day, the adult maximum for unsupervised use",
     {s::natmed_consumer, s::nih_ods_exercise}},
    {r::dose_child_per_kg, v::avoid, v::avoid, false, false,
     "child: above 0.65 g/kg/day", {s::natmed_consumer}},
    {r::dose_critical_per_kg, v::avoid, v::avoid, false, false,
     "critical illness, trauma or burns: above 0.5 g/kg/day, where higher mortality was seen",
     {s::icu_dose_meta_2014, s::heyland_2013_redoxs}},
    {r::dose_label_band_mismatch, v::caution, v::caution, false, false,
     "differs from the labelled weight-band dose (per dose by weight band, twice a day)",
     {s::endari_label}},
    {r::dose_weight_needed, v::caution, v::caution, false, false,
     "this purpose is dosed by body weight: weight is needed to check the dose",
     {s::endari_label}},
}};
// clang-format on

// The reason an input.invalid finding gives, naming the bad field.
inline constexpr std::array<std::string_view, enum_count<input_field>> invalid_input_reasons{
    "invalid input",
    "age_years is NaN, infinite, zero, negative or above the policy maximum (130 by default)",
    "weight_kg is NaN, infinite, zero, negative or above the policy maximum (700 by default)",
    "conditions holds a value outside gln::condition",
    "medications holds a value outside gln::medication",
    "oversight is not a gln::oversight value",
    "purpose is not a gln::purpose value",
    "grams per dose is NaN, infinite, zero or negative",
    "doses per day is below 1 or above the policy maximum (12 by default)",
    "weeks is NaN, infinite or negative",
};

constexpr bool rules_are_consistent() noexcept {
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const rule_info& info = rules[i];
    if (index_of(info.id) != i || info.reason.empty()) return false;
    // A rule cites sources of its own unless it borrows its dose row's.
    if (info.cites_dose_row ? !info.sources.empty() : !cites_only_live_sources(info.sources)) {
      return false;
    }
    // Supervision may soften clinician_only to caution; it never makes anything worse, and
    // it never moves avoid (the one documented exception is the adult maximum).
    if (info.supervised_level > info.level) return false;
    if (info.level == verdict::clinician_only && info.supervised_level != verdict::caution) {
      return false;
    }
    if (info.level == verdict::avoid && info.supervised_level != verdict::avoid &&
        info.id != gln::rule::dose_above_adult_maximum) {
      return false;
    }
  }
  return true;
}
static_assert(rules_are_consistent(),
              "rule table: indexed by id, cites live sources, supervision never moves avoid");

}  // namespace data

// What a rule says: level, reason, sources. A value outside the enum yields input.invalid.
constexpr const rule_info& describe(gln::rule id) noexcept {
  return data::rules[is_valid(id) ? index_of(id) : index_of(gln::rule::input_invalid)];
}

}  // namespace gln

#endif  // GLN_DATA_RULES_HPP
