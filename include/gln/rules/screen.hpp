#ifndef GLN_RULES_SCREEN_HPP
#define GLN_RULES_SCREEN_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include "../core/profile.hpp"
#include "../data/contraindications.hpp"
#include "../data/doses.hpp"
#include "../detail/validate.hpp"
#include "../policy.hpp"
#include "findings.hpp"

GLN_BEGIN_NAMESPACE

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

// Rules that fire on a condition or medication alone, whatever the purpose, per member:
// built once at compile time from the trigger table so screening is a few OR operations.
template <class E, class Pick>
constexpr std::array<rule_mask, enum_count<E>> plain_rules_by(Pick pick) noexcept {
  std::array<rule_mask, enum_count<E>> masks{};
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (!t.purposes.empty() || t.extra != trigger_extra::none) continue;
    for (E member : pick(t)) masks[index_of(member)] |= bit_of(t.id);
  }
  return masks;
}

inline constexpr auto rules_by_condition = plain_rules_by<gln::condition>(
    [](const data::screening_trigger& t) constexpr noexcept { return t.conditions; });
inline constexpr auto rules_by_medication = plain_rules_by<gln::medication>(
    [](const data::screening_trigger& t) constexpr noexcept { return t.medications; });

constexpr bool is_plain(const data::screening_trigger& t) noexcept {
  return t.purposes.empty() && t.extra == trigger_extra::none;
}

// A trigger that fires on the purpose alone (no condition, medication or extra).
constexpr bool is_purpose_only(const data::screening_trigger& t) noexcept {
  return !t.purposes.empty() && t.extra == trigger_extra::none && t.conditions.empty() &&
         t.medications.empty();
}

constexpr bool is_compound(const data::screening_trigger& t) noexcept {
  return !is_plain(t) && !is_purpose_only(t);
}

// The triggers that need the age, an absence or the purpose with a condition or medication:
// few, so they are checked one by one.
constexpr std::size_t count_compound_triggers() noexcept {
  std::size_t count = 0;
  for (const data::screening_trigger& t : data::screening_triggers) {
    count += is_compound(t) ? 1U : 0U;
  }
  return count;
}

inline constexpr auto compound_triggers = [] {
  std::array<data::screening_trigger, count_compound_triggers()> out{};
  std::size_t next = 0;
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (is_compound(t)) out[next++] = t;
  }
  return out;
}();
static_assert(compound_triggers.size() <= 32, "purpose_screen::checks holds one bit per trigger");

// What a purpose brings to screening: the rules that fire on the purpose alone, and which
// compound triggers apply to it (bit i: compound_triggers[i]).
struct purpose_screen {
  rule_mask fires = 0;
  std::uint32_t checks = 0;
};

// Indexed by purpose; the last entry is for a value outside the enum, which no purpose rule
// matches (input.invalid reports it).
inline constexpr auto screen_by_purpose = [] {
  std::array<purpose_screen, enum_count<gln::purpose> + 1> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto p = static_cast<gln::purpose>(i);
    for (const data::screening_trigger& t : data::screening_triggers) {
      if (is_purpose_only(t) && t.purposes.contains(p)) out[i].fires |= bit_of(t.id);
    }
    for (std::size_t j = 0; j < compound_triggers.size(); ++j) {
      const data::screening_trigger& t = compound_triggers[j];
      if (t.purposes.empty() || t.purposes.contains(p)) out[i].checks |= std::uint32_t{1} << j;
    }
  }
  return out;
}();

// The limit in days beyond which a weight no longer chooses a dose: the minors' (shorter)
// limit unless the person is known to be an adult.
constexpr int max_weight_age_days(const profile& person, const policy& rules) noexcept {
  const bool adult =
      person.age_years && age_is_valid(person, rules) && *person.age_years >= rules.adult_age_years;
  return adult ? rules.max_weight_age_days_adult : rules.max_weight_age_days_minor;
}

// A weight known, valid, and older than the limit for the person's age (input.weight_stale).
constexpr bool weight_is_stale(const profile& person, const policy& rules) noexcept {
  return person.weight_kg && weight_is_valid(person, rules) && person.weight_age_days &&
         *person.weight_age_days > max_weight_age_days(person, rules);
}

// Whether a compound trigger fires, its purpose already known to match.
constexpr bool compound_fires(const data::screening_trigger& t, const profile& person,
                              const policy& rules) noexcept {
  const bool age_known = person.age_years && age_is_valid(person, rules);
  switch (t.extra) {
    case trigger_extra::age_below_adult:
      return age_known && *person.age_years < rules.adult_age_years;
    case trigger_extra::age_below_sickle_min:
      return age_known && *person.age_years < data::sickle_cell_min_age_years;
    case trigger_extra::medication_absent: return !person.medications.intersects(t.medications);
    case trigger_extra::age_unknown: return !person.age_years.has_value();
    case trigger_extra::conditions_unknown: return !person.conditions_known;
    case trigger_extra::medications_unknown: return !person.medications_known;
    case trigger_extra::conditions_unmapped: return person.unmapped_conditions > 0;
    case trigger_extra::weight_stale: return weight_is_stale(person, rules);
    case trigger_extra::none: break;
  }
  if (t.conditions.empty() && t.medications.empty()) return true;
  return person.conditions.intersects(t.conditions) || person.medications.intersects(t.medications);
}

// The worst self-directed level among the rules in `fired` (suitable for none).
constexpr verdict worst_self_directed_level(rule_mask fired) noexcept {
  for (std::size_t level = enum_count<verdict>; level-- > 1;) {
    if ((fired & rules_by_level[0][level]) != 0) return static_cast<verdict>(level);
  }
  return verdict::suitable;
}

// Every screening rule the profile triggers, as one bit per rule.
constexpr rule_mask fired_rules(const profile& person, gln::purpose p,
                                const policy& rules) noexcept {
  const purpose_screen& by_purpose =
      screen_by_purpose[is_valid(p) ? index_of(p) : enum_count<gln::purpose>];
  rule_mask fired = by_purpose.fires;
  for (gln::condition c : person.conditions) fired |= rules_by_condition[index_of(c)];
  for (gln::medication m : person.medications) fired |= rules_by_medication[index_of(m)];
  for (std::uint32_t rest = by_purpose.checks; rest != 0; rest &= rest - 1U) {
    const data::screening_trigger& t = compound_triggers[lowest_bit_index(rest)];
    if (compound_fires(t, person, rules)) fired |= bit_of(t.id);
  }
  return fired;
}

// Writes the screening findings of a profile into `out`, which start() has set up.
constexpr void add_screening(const profile& person, gln::purpose p, const policy& rules,
                             finding_list& out) noexcept {
  finding_writer::add_invalid(out, invalid_fields(person, p, rules));
  finding_writer::add_rules(out, fired_rules(person, p, rules));
}

// Makes a result of type Result (a screening, a dose check): the screening findings, then
// what `add_more` adds, then the worst level. `rules` must already be effective().
template <class Result, class AddMore>
constexpr Result evaluate(const profile& person, gln::purpose p, const policy& rules,
                          AddMore add_more) noexcept {
  Result result{};
  result.purpose = p;
  result.oversight = person.oversight;
  finding_writer::start(result.findings, person, p, rules);
  add_screening(person, p, rules, result.findings);
  add_more(result);
  finding_writer::finish(result.findings);
  result.overall = result.findings.worst_level();
  return result;
}

// `rules` must already be effective().
constexpr screening screen_with(const profile& person, gln::purpose p,
                                const policy& rules) noexcept {
  return evaluate<screening>(person, p, rules, [](screening&) constexpr noexcept {});
}

}  // namespace detail

// Screens a profile for a purpose: contraindications, cautions and purpose rules
// (docs/knowledge.md §4). `overall` is the worst finding. A policy can only make it stricter.
constexpr screening screen(const profile& person, gln::purpose p,
                           const policy& requested = detail::default_policy) noexcept {
  return detail::with_policy_in_force(requested, detail::screen_with, person, p);
}

// How serious a set of conditions reads on its own: the worst self-directed verdict of the
// rules the conditions fire whatever the purpose (docs/knowledge.md §4); suitable for conditions
// that fire none, such as an indication (sickle_cell_disease). Codes are ranked by it
// (docs/knowledge.md §2).
constexpr verdict self_directed_verdict_of(condition_set conditions) noexcept {
  detail::rule_mask fired = 0;
  for (gln::condition c : conditions) fired |= detail::rules_by_condition[index_of(c)];
  return detail::worst_self_directed_level(fired);
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_SCREEN_HPP
