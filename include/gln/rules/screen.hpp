#ifndef GLN_RULES_SCREEN_HPP
#define GLN_RULES_SCREEN_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "../core/finding.hpp"
#include "../core/profile.hpp"
#include "../data/contraindications.hpp"
#include "../data/doses.hpp"
#include "../policy.hpp"
#include "validate.hpp"

namespace gln {

// The result of screening a profile for a purpose.
struct screening {
  verdict overall = verdict::suitable;  // the worst finding; suitable when there is none
  finding_list findings;                // in rule order
  gln::purpose purpose = gln::purpose::general_recovery;
  gln::oversight oversight = gln::oversight::self_directed;

  // False when any input was invalid (an input.invalid finding is present).
  constexpr bool valid() const noexcept { return !findings.contains(gln::rule::input_invalid); }
};

namespace detail {

using rule_mask = std::uint64_t;
static_assert(enum_count<gln::rule> <= 64, "rule_mask holds one bit per rule");

constexpr rule_mask bit_of(gln::rule id) noexcept { return rule_mask{1} << index_of(id); }

// Rules that fire on a condition or medication alone, whatever the purpose, per member:
// built once at compile time from the trigger table so screening is a few OR operations.
template <class E, class Pick>
constexpr std::array<rule_mask, enum_count<E>> plain_rules_by(Pick pick) noexcept {
  std::array<rule_mask, enum_count<E>> masks{};
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (!t.purposes.empty() || t.extra != data::trigger_extra::none) continue;
    for (E member : pick(t)) masks[index_of(member)] |= bit_of(t.id);
  }
  return masks;
}

inline constexpr auto rules_by_condition = plain_rules_by<gln::condition>(
    [](const data::screening_trigger& t) constexpr noexcept { return t.conditions; });
inline constexpr auto rules_by_medication = plain_rules_by<gln::medication>(
    [](const data::screening_trigger& t) constexpr noexcept { return t.medications; });

constexpr bool is_plain(const data::screening_trigger& t) noexcept {
  return t.purposes.empty() && t.extra == data::trigger_extra::none;
}

// The triggers that need the purpose, the age or an absence: few, so they are checked one by one.
constexpr std::size_t count_compound_triggers() noexcept {
  std::size_t count = 0;
  for (const data::screening_trigger& t : data::screening_triggers) count += is_plain(t) ? 0U : 1U;
  return count;
}

inline constexpr auto compound_triggers = [] {
  std::array<data::screening_trigger, count_compound_triggers()> out{};
  std::size_t next = 0;
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (!is_plain(t)) out[next++] = t;
  }
  return out;
}();

constexpr bool compound_fires(const data::screening_trigger& t, const profile& person, gln::purpose p,
                              bool age_ok, const policy& rules) noexcept {
  if (!t.purposes.empty() && !t.purposes.contains(p)) return false;
  switch (t.extra) {
    case data::trigger_extra::age_below_adult:
      return age_ok && person.age_years && *person.age_years < rules.adult_age_years;
    case data::trigger_extra::age_below_sickle_min:
      return age_ok && person.age_years && *person.age_years < data::sickle_cell_min_age_years;
    case data::trigger_extra::medication_absent:
      return !person.medications.intersects(t.medications);
    case data::trigger_extra::none:
      break;
  }
  if (t.conditions.empty() && t.medications.empty()) return true;
  return person.conditions.intersects(t.conditions) ||
         person.medications.intersects(t.medications);
}

// Every screening rule the profile triggers, as one bit per rule.
constexpr rule_mask fired_rules(const profile& person, gln::purpose p,
                                const policy& rules) noexcept {
  rule_mask fired = 0;
  for (gln::condition c : person.conditions) fired |= rules_by_condition[index_of(c)];
  for (gln::medication m : person.medications) fired |= rules_by_medication[index_of(m)];
  const bool age_ok = age_is_valid(person, rules);
  for (const data::screening_trigger& t : compound_triggers) {
    if (compound_fires(t, person, p, age_ok, rules)) fired |= bit_of(t.id);
  }
  return fired;
}

// Appends the screening findings, in rule order, at the level oversight gives them.
constexpr void append_screening(const profile& person, gln::purpose p, const policy& rules,
                                finding_list& out) noexcept {
  check_profile(person, p, rules, out);
  for (rule_mask rest = fired_rules(person, p, rules); rest != 0; rest &= rest - 1U) {
    const auto id = static_cast<gln::rule>(lowest_bit_index(rest));
    out.push_back(finding{id, reported_level(id, person), input_field::none,
                          is_valid(p) ? p : gln::purpose::general_recovery});
  }
}

// `rules` must already be effective().
constexpr screening screen_with(const profile& person, gln::purpose p,
                                const policy& rules) noexcept {
  screening result{};
  result.purpose = p;
  result.oversight = person.oversight;
  append_screening(person, p, rules, result.findings);
  result.overall = result.findings.worst_level();
  return result;
}

}  // namespace detail

// Screens a profile for a purpose: contraindications, cautions and purpose rules
// (knowledge.md §4). `overall` is the worst finding.
constexpr screening screen(const profile& person, gln::purpose p,
                           const policy& requested) noexcept {
  return detail::screen_with(person, p, effective(requested));
}

// The same with the default policy (already as strict as effective() allows).
constexpr screening screen(const profile& person, gln::purpose p) noexcept {
  return detail::screen_with(person, p, policy{});
}

}  // namespace gln

#endif  // GLN_RULES_SCREEN_HPP
