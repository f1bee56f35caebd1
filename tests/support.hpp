// Helpers shared by the test files: building profiles and comparing results.
#ifndef GLN_TESTS_SUPPORT_HPP
#define GLN_TESTS_SUPPORT_HPP

#include <gln/gln.hpp>

#include <cmath>
#include <optional>
#include <vector>

namespace gln_test {

// A profile with an optional age and weight; everything else as given.
inline gln::profile person(std::optional<double> age, std::optional<double> kg,
                           gln::condition_set conditions = {}, gln::medication_set medications = {},
                           gln::oversight who = gln::oversight::self_directed) {
  gln::profile p{};
  p.age_years = age;
  if (kg) p.weight_kg = gln::kilograms{*kg};
  p.conditions = conditions;
  p.medications = medications;
  p.oversight = who;
  return p;
}

inline gln::profile supervised(gln::profile p) {
  p.oversight = gln::oversight::clinician_supervised;
  return p;
}

inline std::vector<gln::source> ids_of(const gln::citation_list& list) {
  return std::vector<gln::source>(list.begin(), list.end());
}

// Equal up to rounding: grams computed from g/kg/day times a weight are not exact.
inline bool near(double actual, double expected) {
  const double scale = std::fabs(expected) > 1.0 ? std::fabs(expected) : 1.0;
  return std::fabs(actual - expected) <= 1e-9 * scale;
}

}  // namespace gln_test

#endif  // GLN_TESTS_SUPPORT_HPP
