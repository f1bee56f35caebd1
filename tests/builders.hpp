// Profiles and regimens for the tests, the benchmarks and the fuzz targets: constexpr, so
// the compile-time tests use the same builders as the run-time ones.
#ifndef GLN_TESTS_BUILDERS_HPP
#define GLN_TESTS_BUILDERS_HPP

#include <gln/gln.hpp>

#include <optional>

namespace gln_test {

// A profile with an optional age and weight; everything else as given.
constexpr gln::profile person(std::optional<double> age, std::optional<double> kg,
                              gln::condition_set conditions = {},
                              gln::medication_set medications = {},
                              gln::oversight who = gln::oversight::self_directed) {
  return gln::profile{age, kg ? std::optional<gln::kilograms>{gln::kilograms{*kg}} : std::nullopt,
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

// grams per dose, doses a day and, optionally, weeks.
constexpr gln::regimen dose(double grams, int per_day, std::optional<double> weeks = std::nullopt) {
  return gln::regimen{gln::grams{grams}, per_day, weeks};
}

}  // namespace gln_test

#endif  // GLN_TESTS_BUILDERS_HPP
