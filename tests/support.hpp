// Helpers shared by the test files: building profiles and comparing results.
#ifndef GLN_TESTS_SUPPORT_HPP
#define GLN_TESTS_SUPPORT_HPP

#include <gln/gln.hpp>

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "builders.hpp"
#include "catch.hpp"

namespace gln_test {

inline std::vector<gln::source> ids_of(const gln::citation_list& list) {
  return std::vector<gln::source>(list.begin(), list.end());
}

// Equal up to rounding: grams computed from g/kg/day times a weight are not exact.
inline bool near(double actual, double expected) {
  const double scale = std::fabs(expected) > 1.0 ? std::fabs(expected) : 1.0;
  return std::fabs(actual - expected) <= 1e-9 * scale;
}

// The rules that fired, by id, at the level they were reported.
inline std::map<std::string_view, gln::verdict> fired(const gln::finding_list& findings) {
  std::map<std::string_view, gln::verdict> out;
  for (const gln::finding& f : findings) out[f.rule_id()] = f.level;
  return out;
}

inline gln::verdict worst_of(const std::map<std::string_view, gln::verdict>& expected) {
  gln::verdict level = gln::verdict::suitable;
  for (const auto& entry : expected) level = gln::worst(level, entry.second);
  return level;
}

// Safety net for a scenario table: every rule in scope was seen firing somewhere in it.
template <class InScope>
void check_every_rule_fired(const std::set<gln::rule>& fired_anywhere, InScope in_scope) {
  for (std::size_t i = 0; i < gln::enum_count<gln::rule>; ++i) {
    const auto id = static_cast<gln::rule>(i);
    if (!in_scope(id)) continue;
    CAPTURE(gln::to_string(id));
    CHECK(fired_anywhere.count(id) == 1);
  }
}

}  // namespace gln_test

#endif  // GLN_TESTS_SUPPORT_HPP
