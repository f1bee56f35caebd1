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

// Calls visit(purpose, policy) for every self-directed purpose (knowledge.md §5) under a grid of
// the three knobs that clip dose_for's range (§6): the self-directed daily ceiling, the observed
// safe level and the split-dose threshold, each from below the smallest dose to its default.
// `step` scales the grid (1: finer, larger: coarser).
template <class Visit>
void for_each_clipping_policy(double step, Visit visit) {
  for (const gln::purpose why :
       {gln::purpose::general_recovery, gln::purpose::gut_barrier, gln::purpose::exercise_recovery,
        gln::purpose::endurance_gut_stress, gln::purpose::ibs_symptoms}) {
    for (double ceiling = 4.0; ceiling <= 20.0; ceiling += 1.5 * step) {
      for (double level = 4.0; level <= 14.0; level += 1.25 * step) {
        for (double split = 3.0; split <= 10.0; split += 1.75 * step) {
          gln::policy rules{};
          rules.self_directed_daily_ceiling = gln::grams{ceiling};
          rules.observed_safe_daily = gln::grams{level};
          rules.split_dose_above = gln::grams{split};
          CAPTURE(gln::to_string(why), ceiling, level, split);
          visit(why, rules);
        }
      }
    }
  }
}

}  // namespace gln_test

#endif  // GLN_TESTS_SUPPORT_HPP
