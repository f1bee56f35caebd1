#ifndef GLN_POLICY_HPP
#define GLN_POLICY_HPP

#include "core/units.hpp"

namespace gln {

// Thresholds an app may tune. Defaults are knowledge.md's; the ones without a number in the
// literature are gln's own (source gln_policy). A policy can only make the library stricter:
// every entry point reads it through effective(), which replaces a NaN or looser value with
// the default, so no policy can loosen an `avoid` rule or any other threshold.
struct policy {
  // Below this age, no self-directed use (caution.minor) and the child per-kg limit applies.
  // Stricter is higher.
  double adult_age_years = 18.0;
  // A single dose above this is flagged for splitting (dose.per_dose_large). Stricter: lower.
  grams split_dose_above{10.0};
  // Daily ceiling for self-directed use (dose.above_self_directed_ceiling). Stricter: lower.
  grams self_directed_daily_ceiling{20.0};
  // Observed safe level (Shao and Hathcock 2008; dose.above_observed_safe_level).
  grams observed_safe_daily{14.0};
  // Adult maximum for unsupervised use (dose.above_adult_maximum).
  grams adult_maximum_daily{40.0};
  // Children's per-kg limit (dose.child_per_kg).
  grams_per_kg_day child_max_per_kg{0.65};
  // Critical illness, trauma and burns per-kg limit (dose.critical_per_kg).
  grams_per_kg_day critical_max_per_kg{0.5};
  // Plausibility bounds for input.invalid. Stricter: lower.
  double max_age_years = 130.0;
  kilograms max_weight{700.0};
  int max_doses_per_day = 12;
  // Trial plan timing (knowledge.md §8). Stricter: review sooner, step up later.
  int general_recovery_step_up_day = 5;
  int general_recovery_review_day = 14;
  int gut_barrier_review_day = 14;
  int ibs_review_day = 28;
  int training_review_day = 14;  // exercise_recovery and endurance_gut_stress

  // Field by field, e.g. `gln::effective(p) == p` tells whether every field of p was kept.
  constexpr bool operator==(const policy& other) const noexcept {
    return adult_age_years == other.adult_age_years && split_dose_above == other.split_dose_above &&
           self_directed_daily_ceiling == other.self_directed_daily_ceiling &&
           observed_safe_daily == other.observed_safe_daily &&
           adult_maximum_daily == other.adult_maximum_daily &&
           child_max_per_kg == other.child_max_per_kg &&
           critical_max_per_kg == other.critical_max_per_kg &&
           max_age_years == other.max_age_years && max_weight == other.max_weight &&
           max_doses_per_day == other.max_doses_per_day &&
           general_recovery_step_up_day == other.general_recovery_step_up_day &&
           general_recovery_review_day == other.general_recovery_review_day &&
           gut_barrier_review_day == other.gut_barrier_review_day &&
           ibs_review_day == other.ibs_review_day &&
           training_review_day == other.training_review_day;
  }
  constexpr bool operator!=(const policy& other) const noexcept { return !(*this == other); }
};

namespace detail {

// The default policy, built once: the overloads without a policy pass it by reference.
inline constexpr policy default_policy{};

constexpr double stricter_lower(double requested, double fallback) noexcept {
  return requested == requested && requested > 0.0 && requested < fallback ? requested : fallback;
}
constexpr double stricter_higher(double requested, double fallback) noexcept {
  return requested == requested && requested > fallback && requested <= 1.0e6 ? requested
                                                                              : fallback;
}
constexpr int sooner(int requested, int fallback) noexcept {
  return requested >= 1 && requested < fallback ? requested : fallback;
}
constexpr int later(int requested, int fallback, int limit) noexcept {
  return requested > fallback && requested <= limit ? requested : fallback;
}

}  // namespace detail

// The policy the rules apply: each field clamped to its default or stricter.
constexpr policy effective(const policy& requested) noexcept {
  const policy defaults{};
  policy out{};
  out.adult_age_years =
      detail::stricter_higher(requested.adult_age_years, defaults.adult_age_years);
  out.split_dose_above = grams{detail::stricter_lower(requested.split_dose_above.value(),
                                                      defaults.split_dose_above.value())};
  out.self_directed_daily_ceiling = grams{detail::stricter_lower(
      requested.self_directed_daily_ceiling.value(), defaults.self_directed_daily_ceiling.value())};
  out.observed_safe_daily = grams{detail::stricter_lower(requested.observed_safe_daily.value(),
                                                         defaults.observed_safe_daily.value())};
  out.adult_maximum_daily = grams{detail::stricter_lower(requested.adult_maximum_daily.value(),
                                                         defaults.adult_maximum_daily.value())};
  out.child_max_per_kg = grams_per_kg_day{detail::stricter_lower(
      requested.child_max_per_kg.value(), defaults.child_max_per_kg.value())};
  out.critical_max_per_kg = grams_per_kg_day{detail::stricter_lower(
      requested.critical_max_per_kg.value(), defaults.critical_max_per_kg.value())};
  out.max_age_years = detail::stricter_lower(requested.max_age_years, defaults.max_age_years);
  out.max_weight =
      kilograms{detail::stricter_lower(requested.max_weight.value(), defaults.max_weight.value())};
  out.max_doses_per_day = detail::sooner(requested.max_doses_per_day, defaults.max_doses_per_day);
  out.general_recovery_review_day =
      detail::sooner(requested.general_recovery_review_day, defaults.general_recovery_review_day);
  out.general_recovery_step_up_day =
      detail::later(requested.general_recovery_step_up_day, defaults.general_recovery_step_up_day,
                    out.general_recovery_review_day);
  out.gut_barrier_review_day =
      detail::sooner(requested.gut_barrier_review_day, defaults.gut_barrier_review_day);
  out.ibs_review_day = detail::sooner(requested.ibs_review_day, defaults.ibs_review_day);
  out.training_review_day =
      detail::sooner(requested.training_review_day, defaults.training_review_day);
  return out;
}

}  // namespace gln

#endif  // GLN_POLICY_HPP
