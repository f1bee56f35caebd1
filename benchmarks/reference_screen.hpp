// The floor for screen(): the same screening rules (docs/knowledge.md §4, default policy)
// written by hand, as an app would without gln's tables: straight-line tests of the profile
// that set one bit per rule (bit i is gln::rule i), then the worst level from hand-written
// masks of the rules of each level. The benchmarks
// check, before timing, that it and gln::screen give the same verdict and the same rules for
// every input; it is a yardstick, not a second source of truth.
#ifndef GLN_BENCHMARKS_REFERENCE_SCREEN_HPP
#define GLN_BENCHMARKS_REFERENCE_SCREEN_HPP

#include <cstdint>

#include <gln/gln.hpp>

namespace gln_bench {

struct reference_result {
  gln::verdict overall = gln::verdict::suitable;
  std::uint64_t rules = 0;  // bit i: gln::rule i fired (input.invalid for any bad input)
};

namespace detail {

constexpr std::uint64_t bit(gln::rule id) noexcept {
  return std::uint64_t{1} << static_cast<unsigned>(id);
}

// The rules of each level (docs/knowledge.md §4), written out by hand.
constexpr std::uint64_t avoid_rules =
    bit(gln::rule::input_invalid) | bit(gln::rule::contra_hepatic_encephalopathy) |
    bit(gln::rule::contra_hepatic_failure) | bit(gln::rule::contra_cirrhosis) |
    bit(gln::rule::contra_severe_kidney_disease) | bit(gln::rule::contra_multiorgan_failure) |
    bit(gln::rule::contra_shock) | bit(gln::rule::contra_reyes_syndrome) |
    bit(gln::rule::contra_metabolic_acidosis) | bit(gln::rule::purpose_critical_with_organ_failure);
constexpr std::uint64_t caution_rules =
    bit(gln::rule::caution_msg_sensitivity) | bit(gln::rule::caution_other_prescription) |
    bit(gln::rule::caution_supplement_stack) | bit(gln::rule::caution_age_unknown) |
    bit(gln::rule::purpose_short_bowel_needs_gh) | bit(gln::rule::purpose_ibs_other_causes) |
    bit(gln::rule::input_medications_unknown) | bit(gln::rule::input_conditions_unmapped);
constexpr std::uint64_t clinician_only_rules =
    bit(gln::rule::contra_liver_disease) | bit(gln::rule::contra_kidney_disease) |
    bit(gln::rule::caution_cancer) | bit(gln::rule::caution_cancer_treatment) |
    bit(gln::rule::caution_pregnancy) | bit(gln::rule::caution_breastfeeding) |
    bit(gln::rule::caution_recent_icu_stay) | bit(gln::rule::caution_sepsis) |
    bit(gln::rule::caution_neurologic_symptoms) | bit(gln::rule::caution_seizure_disorder) |
    bit(gln::rule::caution_bipolar_disorder) | bit(gln::rule::caution_lactulose) |
    bit(gln::rule::caution_minor) | bit(gln::rule::purpose_clinician_managed) |
    bit(gln::rule::purpose_sickle_cell_age) | bit(gln::rule::input_conditions_unknown);

}  // namespace detail

inline reference_result reference_screen(const gln::profile& p, gln::purpose why) noexcept {
  using c = gln::condition;
  using m = gln::medication;
  using r = gln::rule;
  using detail::bit;
  std::uint64_t fired = 0;

  const bool age_known = p.age_years.has_value();
  const double age = age_known ? *p.age_years : 0.0;
  // Comparisons that are false for NaN reject it along with the out-of-range values.
  const bool age_valid = age_known && age >= 0.0 && age <= 130.0;
  const bool weight_known = p.weight_kg.has_value();
  const double kg = weight_known ? p.weight_kg->value() : 0.0;
  const bool weight_valid = weight_known && kg >= 0.2 && kg <= 700.0;
  if ((age_known && !age_valid) || (weight_known && !weight_valid) ||
      (p.weight_age_days && *p.weight_age_days < 0) || p.conditions.has_out_of_range() ||
      p.medications.has_out_of_range() || static_cast<unsigned>(p.oversight) > 1U ||
      static_cast<unsigned>(why) >= gln::enum_count<gln::purpose>) {
    fired |= bit(r::input_invalid);
  }

  const auto has = [&](c condition) { return p.conditions.contains(condition); };
  const auto takes = [&](m medication) { return p.medications.contains(medication); };
  if (has(c::hepatic_encephalopathy)) fired |= bit(r::contra_hepatic_encephalopathy);
  if (has(c::hepatic_failure)) fired |= bit(r::contra_hepatic_failure);
  if (has(c::cirrhosis)) fired |= bit(r::contra_cirrhosis);
  if (has(c::liver_disease)) fired |= bit(r::contra_liver_disease);
  if (has(c::severe_kidney_disease)) fired |= bit(r::contra_severe_kidney_disease);
  if (has(c::kidney_disease)) fired |= bit(r::contra_kidney_disease);
  if (has(c::multiorgan_failure)) fired |= bit(r::contra_multiorgan_failure);
  if (has(c::shock)) fired |= bit(r::contra_shock);
  if (has(c::reyes_syndrome)) fired |= bit(r::contra_reyes_syndrome);
  if (has(c::metabolic_acidosis)) fired |= bit(r::contra_metabolic_acidosis);
  if (has(c::cancer)) fired |= bit(r::caution_cancer);
  if (has(c::cancer_treatment) || takes(m::antineoplastic))
    fired |= bit(r::caution_cancer_treatment);
  if (has(c::pregnancy)) fired |= bit(r::caution_pregnancy);
  if (has(c::breastfeeding)) fired |= bit(r::caution_breastfeeding);
  if (has(c::recent_icu_stay)) fired |= bit(r::caution_recent_icu_stay);
  if (has(c::sepsis)) fired |= bit(r::caution_sepsis);
  if (has(c::unexplained_neurologic_symptoms)) fired |= bit(r::caution_neurologic_symptoms);
  if (has(c::seizure_disorder) || takes(m::anticonvulsant))
    fired |= bit(r::caution_seizure_disorder);
  if (has(c::bipolar_disorder)) fired |= bit(r::caution_bipolar_disorder);
  if (takes(m::lactulose)) fired |= bit(r::caution_lactulose);
  if (has(c::msg_sensitivity)) fired |= bit(r::caution_msg_sensitivity);
  if (takes(m::other_prescription)) fired |= bit(r::caution_other_prescription);
  if (takes(m::supplement_stack)) fired |= bit(r::caution_supplement_stack);
  if (age_valid && age < 18.0) fired |= bit(r::caution_minor);
  if (!age_known) fired |= bit(r::caution_age_unknown);

  using gln::purpose;
  switch (why) {
    case purpose::oral_mucositis:
    case purpose::surgical_recovery:
    case purpose::burns: fired |= bit(r::purpose_clinician_managed); break;
    case purpose::critical_illness:
    case purpose::trauma:
      fired |= bit(r::purpose_clinician_managed);
      if (has(c::multiorgan_failure) || has(c::shock) || has(c::severe_kidney_disease) ||
          has(c::hepatic_failure)) {
        fired |= bit(r::purpose_critical_with_organ_failure);
      }
      break;
    case purpose::sickle_cell_disease:
      fired |= bit(r::purpose_clinician_managed);
      if (age_valid && age < 5.0) fired |= bit(r::purpose_sickle_cell_age);
      break;
    case purpose::short_bowel_syndrome:
      fired |= bit(r::purpose_clinician_managed);
      if (!takes(m::growth_hormone)) fired |= bit(r::purpose_short_bowel_needs_gh);
      break;
    case purpose::ibs_symptoms: fired |= bit(r::purpose_ibs_other_causes); break;
    default: break;
  }

  if (!p.conditions_known) fired |= bit(r::input_conditions_unknown);
  if (!p.medications_known) fired |= bit(r::input_medications_unknown);
  if (p.unmapped_conditions > 0) fired |= bit(r::input_conditions_unmapped);
  if (weight_valid && p.weight_age_days &&
      *p.weight_age_days > (age_valid && age >= 18.0 ? 365 : 90)) {
    fired |= bit(r::input_weight_stale);  // a note: level suitable
  }

  // Under supervision clinician_only reads as caution; avoid stays avoid.
  reference_result out;
  out.rules = fired;
  if ((fired & detail::avoid_rules) != 0) {
    out.overall = gln::verdict::avoid;
  } else if ((fired & detail::clinician_only_rules) != 0) {
    out.overall = p.oversight == gln::oversight::clinician_supervised
                      ? gln::verdict::caution
                      : gln::verdict::clinician_only;
  } else if ((fired & detail::caution_rules) != 0) {
    out.overall = gln::verdict::caution;
  }
  return out;
}

// gln::screen's answer in the reference's terms.
inline reference_result as_reference(const gln::screening& s) noexcept {
  return reference_result{s.overall, s.findings.rules().bits()};
}

}  // namespace gln_bench

#endif  // GLN_BENCHMARKS_REFERENCE_SCREEN_HPP
