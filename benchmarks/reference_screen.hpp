// The floors for screen(): the same screening rules (docs/knowledge.md §4, default policy)
// written by hand, as an app would without gln's tables, twice: reference_screen as
// straight-line tests of the profile that set one bit per rule (bit i is gln::rule i), then
// the worst level from hand-written masks of the rules of each level; and
// reference_screen_branch_free, the same without a branch on the profile, for a batch. The
// benchmarks check, before timing, that each and gln::screen give the same verdict and the
// same rules for every input; they are yardsticks, not a second source of truth.
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

// The same rules without a branch on the profile, as code written for a batch would be: each
// test a 0-or-1 shifted to its rule's bit, the purpose's rules from a table, and the worst
// level from a table of the levels present. On a varied batch the branches of
// reference_screen are mispredicted; this is the floor there.
namespace detail {

constexpr std::uint64_t bit_if(bool holds, gln::rule id) noexcept {
  return static_cast<std::uint64_t>(holds) << static_cast<unsigned>(id);
}
constexpr bool both(bool a, bool b) noexcept {
  return (static_cast<unsigned>(a) & static_cast<unsigned>(b)) != 0;
}

// The rules each purpose fires on its own (docs/knowledge.md §4), by hand; the last entry is
// for a value outside the enum.
constexpr std::uint64_t clinician_managed = bit(gln::rule::purpose_clinician_managed);
constexpr std::uint64_t purpose_rules[gln::enum_count<gln::purpose> + 1] = {
    0,
    0,
    0,
    0,
    0,
    0,
    0,                                         // general_recovery .. athletic_performance
    bit(gln::rule::purpose_ibs_other_causes),  // ibs_symptoms
    clinician_managed,
    clinician_managed,  // oral_mucositis, surgical_recovery
    clinician_managed,
    clinician_managed,  // critical_illness, trauma
    clinician_managed,
    clinician_managed,  // burns, sickle_cell_disease
    clinician_managed,  // short_bowel_syndrome
    0};

// The worst level among the levels present (bit l: level l).
constexpr gln::verdict worst_present[16] = {
    gln::verdict::suitable,       gln::verdict::suitable,       gln::verdict::caution,
    gln::verdict::caution,        gln::verdict::clinician_only, gln::verdict::clinician_only,
    gln::verdict::clinician_only, gln::verdict::clinician_only, gln::verdict::avoid,
    gln::verdict::avoid,          gln::verdict::avoid,          gln::verdict::avoid,
    gln::verdict::avoid,          gln::verdict::avoid,          gln::verdict::avoid,
    gln::verdict::avoid};

}  // namespace detail

inline reference_result reference_screen_branch_free(const gln::profile& p,
                                                     gln::purpose why) noexcept {
  using c = gln::condition;
  using m = gln::medication;
  using r = gln::rule;
  using detail::bit_if;
  using detail::both;
  const std::uint64_t has = p.conditions.bits();
  const std::uint64_t takes = p.medications.bits();
  const auto in = [](std::uint64_t bits, auto member) {
    return ((bits >> static_cast<unsigned>(member)) & 1U) != 0;
  };

  const bool age_known = p.age_years.has_value();
  const double age = p.age_years.value_or(0.0);
  const bool age_valid = both(age_known, both(age >= 0.0, age <= 130.0));
  const bool weight_known = p.weight_kg.has_value();
  const double kg = p.weight_kg.value_or(gln::kilograms{}).value();
  const bool weight_valid = both(weight_known, both(kg >= 0.2, kg <= 700.0));
  const bool days_known = p.weight_age_days.has_value();
  const int days = p.weight_age_days.value_or(0);
  const auto purpose_index = static_cast<unsigned>(why);
  const bool purpose_valid = purpose_index < gln::enum_count<gln::purpose>;
  const bool invalid =
      (static_cast<unsigned>(age_known && !age_valid) |
       static_cast<unsigned>(weight_known && !weight_valid) | static_cast<unsigned>(days < 0) |
       static_cast<unsigned>(p.conditions.has_out_of_range()) |
       static_cast<unsigned>(p.medications.has_out_of_range()) |
       static_cast<unsigned>(static_cast<unsigned>(p.oversight) > 1U) |
       static_cast<unsigned>(!purpose_valid)) != 0;

  std::uint64_t fired = bit_if(invalid, r::input_invalid);
  fired |= bit_if(in(has, c::hepatic_encephalopathy), r::contra_hepatic_encephalopathy);
  fired |= bit_if(in(has, c::hepatic_failure), r::contra_hepatic_failure);
  fired |= bit_if(in(has, c::cirrhosis), r::contra_cirrhosis);
  fired |= bit_if(in(has, c::liver_disease), r::contra_liver_disease);
  fired |= bit_if(in(has, c::severe_kidney_disease), r::contra_severe_kidney_disease);
  fired |= bit_if(in(has, c::kidney_disease), r::contra_kidney_disease);
  fired |= bit_if(in(has, c::multiorgan_failure), r::contra_multiorgan_failure);
  fired |= bit_if(in(has, c::shock), r::contra_shock);
  fired |= bit_if(in(has, c::reyes_syndrome), r::contra_reyes_syndrome);
  fired |= bit_if(in(has, c::metabolic_acidosis), r::contra_metabolic_acidosis);
  fired |= bit_if(in(has, c::cancer), r::caution_cancer);
  fired |= bit_if(in(has, c::cancer_treatment) || in(takes, m::antineoplastic),
                  r::caution_cancer_treatment);
  fired |= bit_if(in(has, c::pregnancy), r::caution_pregnancy);
  fired |= bit_if(in(has, c::breastfeeding), r::caution_breastfeeding);
  fired |= bit_if(in(has, c::recent_icu_stay), r::caution_recent_icu_stay);
  fired |= bit_if(in(has, c::sepsis), r::caution_sepsis);
  fired |= bit_if(in(has, c::unexplained_neurologic_symptoms), r::caution_neurologic_symptoms);
  fired |= bit_if(in(has, c::seizure_disorder) || in(takes, m::anticonvulsant),
                  r::caution_seizure_disorder);
  fired |= bit_if(in(has, c::bipolar_disorder), r::caution_bipolar_disorder);
  fired |= bit_if(in(takes, m::lactulose), r::caution_lactulose);
  fired |= bit_if(in(has, c::msg_sensitivity), r::caution_msg_sensitivity);
  fired |= bit_if(in(takes, m::other_prescription), r::caution_other_prescription);
  fired |= bit_if(in(takes, m::supplement_stack), r::caution_supplement_stack);
  const bool minor = both(age_valid, age < 18.0);
  fired |= bit_if(minor, r::caution_minor);
  fired |= bit_if(!age_known, r::caution_age_unknown);

  fired |= detail::purpose_rules[purpose_valid ? purpose_index : gln::enum_count<gln::purpose>];
  const bool critical = why == gln::purpose::critical_illness || why == gln::purpose::trauma;
  const bool organ_failure = in(has, c::multiorgan_failure) || in(has, c::shock) ||
                             in(has, c::severe_kidney_disease) || in(has, c::hepatic_failure);
  fired |= bit_if(both(critical, organ_failure), r::purpose_critical_with_organ_failure);
  fired |= bit_if(both(why == gln::purpose::sickle_cell_disease, both(age_valid, age < 5.0)),
                  r::purpose_sickle_cell_age);
  fired |= bit_if(both(why == gln::purpose::short_bowel_syndrome, !in(takes, m::growth_hormone)),
                  r::purpose_short_bowel_needs_gh);

  fired |= bit_if(!p.conditions_known, r::input_conditions_unknown);
  fired |= bit_if(!p.medications_known, r::input_medications_unknown);
  fired |= bit_if(p.unmapped_conditions > 0, r::input_conditions_unmapped);
  const bool adult = both(age_valid, age >= 18.0);
  fired |= bit_if(both(both(weight_valid, days_known), days > (adult ? 365 : 90)),
                  r::input_weight_stale);  // a note: level suitable

  // Under supervision clinician_only reads as caution; avoid stays avoid.
  const bool supervised = p.oversight == gln::oversight::clinician_supervised;
  const bool clinician_only = (fired & detail::clinician_only_rules) != 0;
  const unsigned present = static_cast<unsigned>((fired & detail::caution_rules) != 0) << 1U |
                           static_cast<unsigned>(both(clinician_only, supervised)) << 1U |
                           static_cast<unsigned>(both(clinician_only, !supervised)) << 2U |
                           static_cast<unsigned>((fired & detail::avoid_rules) != 0) << 3U;
  return reference_result{detail::worst_present[present], fired};
}

// gln::screen's answer in the reference's terms.
inline reference_result as_reference(const gln::screening& s) noexcept {
  return reference_result{s.overall, s.findings.rules().bits()};
}

}  // namespace gln_bench

#endif  // GLN_BENCHMARKS_REFERENCE_SCREEN_HPP
