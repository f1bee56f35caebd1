#ifndef GLN_CORE_ENUMS_HPP
#define GLN_CORE_ENUMS_HPP

#include <cstddef>
#include <cstdint>

namespace gln {

// Why the person would take glutamine.
enum class purpose : std::uint8_t {
  general_recovery,
  gut_barrier,
  exercise_recovery,
  endurance_gut_stress,
  immune_support,
  muscle_strength,
  athletic_performance,
  ibs_symptoms,
  oral_mucositis,
  surgical_recovery,
  critical_illness,
  trauma,
  burns,
  sickle_cell_disease,
  short_bowel_syndrome,
};

// What the person has; pregnancy and breastfeeding are conditions here.
enum class condition : std::uint8_t {
  hepatic_encephalopathy,
  hepatic_failure,
  cirrhosis,
  liver_disease,
  severe_kidney_disease,
  kidney_disease,
  multiorgan_failure,
  shock,
  reyes_syndrome,
  cancer,
  cancer_treatment,
  pregnancy,
  breastfeeding,
  recent_icu_stay,
  unexplained_neurologic_symptoms,
  seizure_disorder,
  bipolar_disorder,
  msg_sensitivity,
  sickle_cell_disease,
  short_bowel_syndrome,
  oral_mucositis,
};

// Drug classes and regimens that change the answer.
enum class medication : std::uint8_t {
  lactulose,
  anticonvulsant,
  antineoplastic,
  growth_hormone,
  other_prescription,
  supplement_stack,
};

// Ordered: a larger value is worse, and the worst finding decides.
enum class verdict : std::uint8_t {
  suitable,
  caution,
  clinician_only,
  avoid,
};

enum class evidence_grade : std::uint8_t {
  strong,
  moderate,
  limited,
  insufficient,
  against,
};

enum class oversight : std::uint8_t {
  self_directed,
  clinician_supervised,
};

enum class source_kind : std::uint8_t {
  regulatory_label,
  guideline,
  meta_analysis,
  trial,
  review,
  safety_assessment,
  reference_database,
  editorial,
  policy,
};

// Every source of the knowledge base, in the order of knowledge.md §1.
enum class source : std::uint8_t {
  endari_label,
  nutrestore_label,
  dipeptiven_label,
  shao_hathcock_2008,
  garlick_2001,
  ziegler_1990,
  nih_ods_exercise,
  natmed_consumer,
  consumerlab_glutamine,
  critical_care_text,
  pediatric_oncall,
  singer_2019_espen,
  mcclave_2016_aspen,
  yarom_2019_mascc,
  heyland_2013_redoxs,
  heyland_2022_reenergize,
  icu_dose_meta_2014,
  kim_kim_2017,
  cruzat_2018,
  cordova_martinez_2021,
  legault_2015,
  candow_2001,
  performance_meta_2019,
  zhou_2019_ibs,
  morton_2018,
  combat_athletes_2024,
  sbs_trials,
  article_immune_recovery,
  article_gut_health_guide,
  article_gut_barrier_letter,
  article_muscle_recovery,
  gln_policy,
  shah_2020_retracted,
};

// Every rule that can produce a finding: screening (§4) and dose check (§6).
enum class rule : std::uint8_t {
  input_invalid,
  contra_hepatic_encephalopathy,
  contra_hepatic_failure,
  contra_cirrhosis,
  contra_liver_disease,
  contra_severe_kidney_disease,
  contra_kidney_disease,
  contra_multiorgan_failure,
  contra_shock,
  contra_reyes_syndrome,
  caution_cancer,
  caution_cancer_treatment,
  caution_pregnancy,
  caution_breastfeeding,
  caution_recent_icu_stay,
  caution_neurologic_symptoms,
  caution_seizure_disorder,
  caution_bipolar_disorder,
  caution_lactulose,
  caution_msg_sensitivity,
  caution_other_prescription,
  caution_supplement_stack,
  caution_minor,
  purpose_clinician_managed,
  purpose_critical_with_organ_failure,
  purpose_sickle_cell_age,
  purpose_short_bowel_needs_gh,
  purpose_ibs_other_causes,
  dose_no_self_directed_range,
  dose_per_dose_above_range,
  dose_daily_above_range,
  dose_duration_above_range,
  dose_per_dose_large,
  dose_gi_effects_likely,
  dose_above_observed_safe_level,
  dose_above_self_directed_ceiling,
  dose_above_adult_maximum,
  dose_child_per_kg,
  dose_critical_per_kg,
  dose_label_band_mismatch,
  dose_weight_needed,
};

// The input an `input.invalid` finding blames.
enum class input_field : std::uint8_t {
  none,
  age_years,
  weight_kg,
  conditions,
  medications,
  oversight,
  purpose,
  grams_per_dose,
  doses_per_day,
  weeks,
};

// What a trial tracks to decide whether glutamine helped (knowledge.md §8).
enum class outcome : std::uint8_t {
  fewer_gut_symptoms,
  easier_food_tolerance,
  smoother_training_recovery,
  soreness_24_48_72h,
  tolerance_in_stressful_period,
};

// Who may use a purpose's dose range: only `self_directed` rows are for use without a
// clinician (knowledge.md §5).
enum class dose_access : std::uint8_t {
  self_directed,
  not_recommended,  // no self-directed range: evidence is weak or against
  clinician,        // medical nutrition run by a treating team
  prescription,     // a labelled prescription product
};

// Whether plan_trial() gives a dosing plan, and if not, why not.
enum class plan_status : std::uint8_t {
  ready,                   // a self-directed trial can start
  ask_clinician_first,     // clinician_only, or the trial doses fail check_dose for this person
  do_not_start,            // screening says avoid
  no_self_directed_range,  // the purpose has no self-directed dose range
  invalid_input,           // an input was invalid
};

// Number of enumerators, the basis of every range check.
template <class E>
inline constexpr std::size_t enum_count = 0;
template <>
inline constexpr std::size_t enum_count<purpose> = 15;
template <>
inline constexpr std::size_t enum_count<condition> = 21;
template <>
inline constexpr std::size_t enum_count<medication> = 6;
template <>
inline constexpr std::size_t enum_count<verdict> = 4;
template <>
inline constexpr std::size_t enum_count<evidence_grade> = 5;
template <>
inline constexpr std::size_t enum_count<oversight> = 2;
template <>
inline constexpr std::size_t enum_count<source_kind> = 9;
template <>
inline constexpr std::size_t enum_count<source> = 33;
template <>
inline constexpr std::size_t enum_count<rule> = 41;
template <>
inline constexpr std::size_t enum_count<input_field> = 10;
template <>
inline constexpr std::size_t enum_count<outcome> = 5;
template <>
inline constexpr std::size_t enum_count<dose_access> = 4;
template <>
inline constexpr std::size_t enum_count<plan_status> = 5;

// True when `value` is one of E's enumerators; an integer cast into E may not be.
template <class E>
constexpr bool is_valid(E value) noexcept {
  return static_cast<std::size_t>(value) < enum_count<E>;
}

template <class E>
constexpr std::size_t index_of(E value) noexcept {
  return static_cast<std::size_t>(value);
}

static_assert(enum_count<purpose> == static_cast<std::size_t>(purpose::short_bowel_syndrome) + 1);
static_assert(enum_count<condition> == static_cast<std::size_t>(condition::oral_mucositis) + 1);
static_assert(enum_count<medication> == static_cast<std::size_t>(medication::supplement_stack) + 1);
static_assert(enum_count<verdict> == static_cast<std::size_t>(verdict::avoid) + 1);
static_assert(enum_count<evidence_grade> == static_cast<std::size_t>(evidence_grade::against) + 1);
static_assert(enum_count<oversight> ==
              static_cast<std::size_t>(oversight::clinician_supervised) + 1);
static_assert(enum_count<source_kind> == static_cast<std::size_t>(source_kind::policy) + 1);
static_assert(enum_count<source> == static_cast<std::size_t>(source::shah_2020_retracted) + 1);
static_assert(enum_count<rule> == static_cast<std::size_t>(rule::dose_weight_needed) + 1);
static_assert(enum_count<input_field> == static_cast<std::size_t>(input_field::weeks) + 1);
static_assert(enum_count<dose_access> == static_cast<std::size_t>(dose_access::prescription) + 1);
static_assert(enum_count<plan_status> == static_cast<std::size_t>(plan_status::invalid_input) + 1);
static_assert(enum_count<outcome> ==
              static_cast<std::size_t>(outcome::tolerance_in_stressful_period) + 1);

// Worst of two verdicts.
constexpr verdict worst(verdict a, verdict b) noexcept { return a < b ? b : a; }

}  // namespace gln

#endif  // GLN_CORE_ENUMS_HPP
