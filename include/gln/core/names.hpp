#ifndef GLN_CORE_NAMES_HPP
#define GLN_CORE_NAMES_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "enums.hpp"

// Stable string names: they appear in JSON, logs and app databases, so an existing name
// never changes; a new enumerator gets a new name.
namespace gln {
namespace detail {

template <class E>
struct enum_names;

template <>
struct enum_names<purpose> {
  // Laid out by hand in columns.
  // clang-format off
  static constexpr std::array<std::string_view, enum_count<purpose>> values{
      "general_recovery", "gut_barrier",    "exercise_recovery",    "endurance_gut_stress",
      "immune_support",   "muscle_strength", "athletic_performance", "ibs_symptoms",
      "oral_mucositis",   "surgical_recovery", "critical_illness",   "trauma",
      "burns",            "sickle_cell_disease", "short_bowel_syndrome"};
  // clang-format on
};

template <>
struct enum_names<condition> {
  static constexpr std::array<std::string_view, enum_count<condition>> values{
      "hepatic_encephalopathy",
      "hepatic_failure",
      "cirrhosis",
      "liver_disease",
      "severe_kidney_disease",
      "kidney_disease",
      "multiorgan_failure",
      "shock",
      "reyes_syndrome",
      "cancer",
      "cancer_treatment",
      "pregnancy",
      "breastfeeding",
      "recent_icu_stay",
      "unexplained_neurologic_symptoms",
      "seizure_disorder",
      "bipolar_disorder",
      "msg_sensitivity",
      "sickle_cell_disease",
      "short_bowel_syndrome",
      "oral_mucositis"};
};

template <>
struct enum_names<medication> {
  static constexpr std::array<std::string_view, enum_count<medication>> values{
      "lactulose",      "anticonvulsant",     "antineoplastic",
      "growth_hormone", "other_prescription", "supplement_stack"};
};

template <>
struct enum_names<verdict> {
  static constexpr std::array<std::string_view, enum_count<verdict>> values{
      "suitable", "caution", "clinician_only", "avoid"};
};

template <>
struct enum_names<evidence_grade> {
  static constexpr std::array<std::string_view, enum_count<evidence_grade>> values{
      "strong", "moderate", "limited", "insufficient", "against"};
};

template <>
struct enum_names<oversight> {
  static constexpr std::array<std::string_view, enum_count<oversight>> values{
      "self_directed", "clinician_supervised"};
};

template <>
struct enum_names<source_kind> {
  // Laid out by hand in columns.
  // clang-format off
  static constexpr std::array<std::string_view, enum_count<source_kind>> values{
      "regulatory_label", "guideline",          "meta_analysis",
      "trial",            "review",             "safety_assessment",
      "reference_database", "editorial",        "policy"};
  // clang-format on
};

template <>
struct enum_names<source> {
  static constexpr std::array<std::string_view, enum_count<source>> values{
      "endari_label",
      "nutrestore_label",
      "dipeptiven_label",
      "shao_hathcock_2008",
      "garlick_2001",
      "ziegler_1990",
      "nih_ods_exercise",
      "natmed_consumer",
      "consumerlab_glutamine",
      "critical_care_text",
      "pediatric_oncall",
      "singer_2019_espen",
      "mcclave_2016_aspen",
      "yarom_2019_mascc",
      "heyland_2013_redoxs",
      "heyland_2022_reenergize",
      "icu_dose_meta_2014",
      "kim_kim_2017",
      "cruzat_2018",
      "cordova_martinez_2021",
      "legault_2015",
      "candow_2001",
      "performance_meta_2019",
      "zhou_2019_ibs",
      "morton_2018",
      "combat_athletes_2024",
      "sbs_trials",
      "article_immune_recovery",
      "article_gut_health_guide",
      "article_gut_barrier_letter",
      "article_muscle_recovery",
      "gln_policy",
      "shah_2020_retracted"};
};

// Rule ids are the dotted ids of knowledge.md §4 and §6.
template <>
struct enum_names<rule> {
  static constexpr std::array<std::string_view, enum_count<rule>> values{
      "input.invalid",
      "contra.hepatic_encephalopathy",
      "contra.hepatic_failure",
      "contra.cirrhosis",
      "contra.liver_disease",
      "contra.severe_kidney_disease",
      "contra.kidney_disease",
      "contra.multiorgan_failure",
      "contra.shock",
      "contra.reyes_syndrome",
      "caution.cancer",
      "caution.cancer_treatment",
      "caution.pregnancy",
      "caution.breastfeeding",
      "caution.recent_icu_stay",
      "caution.neurologic_symptoms",
      "caution.seizure_disorder",
      "caution.bipolar_disorder",
      "caution.lactulose",
      "caution.msg_sensitivity",
      "caution.other_prescription",
      "caution.supplement_stack",
      "caution.minor",
      "purpose.clinician_managed",
      "purpose.critical_with_organ_failure",
      "purpose.sickle_cell_age",
      "purpose.short_bowel_needs_gh",
      "purpose.ibs_other_causes",
      "dose.no_self_directed_range",
      "dose.per_dose_above_range",
      "dose.daily_above_range",
      "dose.duration_above_range",
      "dose.per_dose_large",
      "dose.gi_effects_likely",
      "dose.above_observed_safe_level",
      "dose.above_self_directed_ceiling",
      "dose.above_adult_maximum",
      "dose.child_per_kg",
      "dose.critical_per_kg",
      "dose.label_band_mismatch",
      "dose.weight_needed"};
};

template <>
struct enum_names<input_field> {
  static constexpr std::array<std::string_view, enum_count<input_field>> values{
      "none",      "age_years", "weight_kg",      "conditions",    "medications",
      "oversight", "purpose",   "grams_per_dose", "doses_per_day", "weeks"};
};

template <>
struct enum_names<outcome> {
  static constexpr std::array<std::string_view, enum_count<outcome>> values{
      "fewer_gut_symptoms", "easier_food_tolerance", "smoother_training_recovery",
      "soreness_24_48_72h", "tolerance_in_stressful_period"};
};

template <>
struct enum_names<dose_access> {
  static constexpr std::array<std::string_view, enum_count<dose_access>> values{
      "self_directed", "not_recommended", "clinician", "prescription"};
};

template <>
struct enum_names<plan_status> {
  static constexpr std::array<std::string_view, enum_count<plan_status>> values{
      "ready", "ask_clinician_first", "do_not_start", "no_self_directed_range", "invalid_input"};
};

template <class E>
constexpr bool names_are_unique() noexcept {
  const auto& names = enum_names<E>::values;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i].empty()) return false;
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      // Sizes first: comparing every pair in full cost each includer ~30 ms with g++.
      if (names[i].size() == names[j].size() && names[i] == names[j]) return false;
    }
  }
  return true;
}

static_assert(names_are_unique<purpose>());
static_assert(names_are_unique<condition>());
static_assert(names_are_unique<medication>());
static_assert(names_are_unique<verdict>());
static_assert(names_are_unique<evidence_grade>());
static_assert(names_are_unique<oversight>());
static_assert(names_are_unique<source_kind>());
static_assert(names_are_unique<source>());
static_assert(names_are_unique<rule>());
static_assert(names_are_unique<input_field>());
static_assert(names_are_unique<outcome>());
static_assert(names_are_unique<dose_access>());
static_assert(names_are_unique<plan_status>());

}  // namespace detail

// The stable name of `value`; an empty view for a value outside the enum's range.
template <class E, class = decltype(detail::enum_names<E>::values)>
constexpr std::string_view to_string(E value) noexcept {
  return is_valid(value) ? detail::enum_names<E>::values[index_of(value)] : std::string_view{};
}

// Exact, case-sensitive match of a stable name; anything else is no value.
template <class E, class = decltype(detail::enum_names<E>::values)>
constexpr std::optional<E> parse(std::string_view name) noexcept {
  const auto& names = detail::enum_names<E>::values;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace gln

#endif  // GLN_CORE_NAMES_HPP
