#ifndef GLN_CORE_PROFILE_HPP
#define GLN_CORE_PROFILE_HPP

#include <optional>

#include "enum_set.hpp"
#include "enums.hpp"
#include "units.hpp"

GLN_BEGIN_NAMESPACE

// The person a question is about. Age and weight are optional: rules that need them say so
// rather than guess. An aggregate, so it can be built in a constant expression:
//   constexpr gln::profile p{40.0, gln::kilograms{70.0}, {gln::condition::cirrhosis}};
struct profile {
  std::optional<double> age_years{};
  std::optional<kilograms> weight_kg{};
  condition_set conditions{};  // pregnancy and breastfeeding are conditions
  medication_set medications{};
  gln::oversight oversight = gln::oversight::self_directed;
};

// A dosing schedule to check: grams per dose, doses per day and, optionally, planned weeks.
struct regimen {
  grams per_dose{};
  int doses_per_day = 1;
  std::optional<double> weeks{};

  constexpr grams per_day() const noexcept {
    return grams{per_dose.value() * static_cast<double>(doses_per_day)};
  }
};

GLN_END_NAMESPACE

#endif  // GLN_CORE_PROFILE_HPP
