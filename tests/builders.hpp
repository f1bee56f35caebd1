// Profiles and regimens for the tests, the benchmarks and the fuzz targets: constexpr, so
// the compile-time tests use the same builders as the run-time ones.
#ifndef GLN_TESTS_BUILDERS_HPP
#define GLN_TESTS_BUILDERS_HPP

#include <gln/gln.hpp>

#include <cstdint>
#include <optional>

namespace gln_test {

// A profile with an optional age and weight; everything else as given.
constexpr gln::profile person(gln::optional<double> age, gln::optional<double> kg,
                              gln::condition_set conditions = {},
                              gln::medication_set medications = {},
                              gln::oversight who = gln::oversight::self_directed) {
  return gln::profile{age, kg ? gln::optional<gln::kilograms>{gln::kilograms{*kg}} : gln::nullopt,
                      conditions, medications, who};
}

// The adult most tests start from: 40 years, 70 kg.
constexpr gln::profile adult(gln::condition_set conditions = {},
                             gln::medication_set medications = {}) {
  return person(40.0, 70.0, conditions, medications);
}

constexpr gln::profile supervised(gln::profile p) {
  p.oversight = gln::oversight::clinician_supervised;
  return p;
}

// Unknown is not "none": the same profile with its conditions or medications unknown.
constexpr gln::profile unknown_conditions(gln::profile p) {
  p.conditions_known = false;
  return p;
}
constexpr gln::profile unknown_medications(gln::profile p) {
  p.medications_known = false;
  return p;
}
// The same profile holding `count` recorded conditions gln could not map.
constexpr gln::profile unmapped(gln::profile p, int count) {
  p.unmapped_conditions = static_cast<std::uint16_t>(count);
  return p;
}
// The same profile with a weight measured `days` ago.
constexpr gln::profile weighed_days_ago(gln::profile p, int days) {
  p.weight_age_days = days;
  return p;
}

// grams per dose, doses a day and, optionally, weeks.
constexpr gln::regimen dose(double grams, int per_day, gln::optional<double> weeks = gln::nullopt) {
  return gln::regimen{gln::grams{grams}, per_day, weeks};
}

}  // namespace gln_test

#endif  // GLN_TESTS_BUILDERS_HPP
