#ifndef GLN_CORE_PROFILE_HPP
#define GLN_CORE_PROFILE_HPP

#include <cstdint>

#include "enum_set.hpp"
#include "enums.hpp"
#include "optional.hpp"
#include "units.hpp"

GLN_BEGIN_NAMESPACE

// The person a question is about. Age and weight are optional: rules that need them say so
// rather than guess. An aggregate, so it can be built in a constant expression:
//   constexpr gln::profile p{40.0, gln::kilograms{70.0}, {gln::condition::cirrhosis}};
//
// Unknown is not "none" (docs/knowledge.md §4): an empty condition or medication set means none
// only while conditions_known / medications_known say the app knows them; an absent age is
// unknown (caution.age_unknown), never an adult.
struct profile {
  optional<double> age_years{};     // years; 0 is a newborn
  optional<kilograms> weight_kg{};  // the most recent weight
  condition_set conditions{};       // pregnancy and breastfeeding are conditions
  medication_set medications{};
  gln::oversight oversight = gln::oversight::self_directed;
  bool conditions_known = true;   // false: the person's conditions are not known
  bool medications_known = true;  // false: the person's medications are not known
  // Recorded conditions gln could not map (codes it holds no entry for): screened by nothing,
  // so input.conditions_unmapped asks for a review.
  std::uint16_t unmapped_conditions = 0;
  // How old weight_kg is, in days, where the app knows; absent means current. A weight older
  // than the policy's limit still bounds the per-kg ceilings but does not choose a dose.
  optional<int> weight_age_days{};

  // Age and weight from any number, in a constant expression too, and chained:
  // `gln::profile{}.set_age(40).set_weight(70)`.
  constexpr profile& set_age(double years) noexcept {
    age_years = optional<double>{years};
    return *this;
  }
  constexpr profile& set_weight(double kg) noexcept {
    weight_kg = optional<kilograms>{kilograms{kg}};
    return *this;
  }
};

// A dosing schedule to check: grams per dose, doses per day and, optionally, planned weeks.
struct regimen {
  grams per_dose{};
  int doses_per_day = 1;
  optional<double> weeks{};

  // Grams per dose times doses per day; +infinity where the product would overflow a double
  // (so it stays a constant expression on every compiler for every input).
  constexpr grams per_day() const noexcept {
    const double dose = per_dose.value();
    const double doses = static_cast<double>(doses_per_day);
    constexpr double largest = 1.7976931348623157e308;
    if (doses > 1.0 && (dose > largest / doses || dose < -largest / doses)) {
      return grams{dose > 0 ? detail::infinity : -detail::infinity};
    }
    return grams{dose * doses};
  }
};

GLN_END_NAMESPACE

#endif  // GLN_CORE_PROFILE_HPP
