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

// The extras that are facts of the profile alone (all but none and medication_absent, which
// reads the trigger's own medications): computed once per profile as one bit each.
using fact_mask = std::uint16_t;
static_assert(enum_count<trigger_extra> <= 16, "fact_mask holds one bit per trigger extra");

constexpr bool is_fact(trigger_extra x) noexcept {
  return x != trigger_extra::none && x != trigger_extra::medication_absent;
}
constexpr fact_mask fact_bit(trigger_extra x) noexcept {
  return static_cast<fact_mask>(1U << static_cast<unsigned>(x));
}

// A trigger that fires on a fact alone, for any purpose or some (caution.minor,
// input.conditions_unknown, purpose.sickle_cell_age...).
constexpr bool is_fact_only(const data::screening_trigger& t) noexcept {
  return is_fact(t.extra) && t.conditions.empty() && t.medications.empty();
}

// Any other trigger: a purpose with a condition or medication, an absent medication, or a
// fact with a condition or medication. Few, so they are checked one by one.
constexpr bool is_compound(const data::screening_trigger& t) noexcept {
  return !is_plain(t) && !is_purpose_only(t) && !is_fact_only(t);
}

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

// The fact-only rules, per fact (whatever the purpose; purpose_screen::fact_rules narrows).
inline constexpr auto rules_by_fact = [] {
  std::array<rule_mask, enum_count<trigger_extra>> out{};
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (is_fact_only(t)) out[static_cast<std::size_t>(t.extra)] |= bit_of(t.id);
  }
  return out;
}();

// What a purpose brings to screening: the rules that fire on the purpose alone, the fact-only
// rules that apply to it, and which compound triggers do (bit i: compound_triggers[i]).
struct purpose_screen {
  rule_mask fires = 0;
  rule_mask fact_rules = 0;
  std::uint32_t checks = 0;
};

constexpr bool applies_to(const data::screening_trigger& t, gln::purpose p) noexcept {
  return t.purposes.empty() || t.purposes.contains(p);
}

// Indexed by purpose; the last entry is for a value outside the enum, which no purpose rule
// matches (input.invalid reports it).
inline constexpr auto screen_by_purpose = [] {
  std::array<purpose_screen, enum_count<gln::purpose> + 1> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto p = static_cast<gln::purpose>(i);
    for (const data::screening_trigger& t : data::screening_triggers) {
      if (is_purpose_only(t) && t.purposes.contains(p)) out[i].fires |= bit_of(t.id);
      if (is_fact_only(t) && applies_to(t, p)) out[i].fact_rules |= bit_of(t.id);
    }
    for (std::size_t j = 0; j < compound_triggers.size(); ++j) {
      if (applies_to(compound_triggers[j], p)) out[i].checks |= std::uint32_t{1} << j;
    }
  }
  return out;
}();

// What the rules read of a profile beyond its sets, worked out once per call.
struct profile_facts {
  field_mask invalid = 0;       // the bad fields of the profile and purpose
  fact_mask facts = 0;          // bit per trigger_extra that holds
  bool age_known = false;       // an age given and valid
  bool weight_known = false;    // a weight given and valid
  bool weight_current = false;  // a weight known and not stale: it may choose a dose (§12)

  constexpr bool holds(trigger_extra x) const noexcept { return (facts & fact_bit(x)) != 0; }
};

constexpr profile_facts facts_of(const profile& person, gln::purpose p,
                                 const policy& rules) noexcept {
  using x = trigger_extra;
  profile_facts out{};
  out.invalid = invalid_fields(person, p, rules);
  out.age_known = person.age_years && (out.invalid & bit_of(input_field::age_years)) == 0;
  out.weight_known = person.weight_kg && (out.invalid & bit_of(input_field::weight_kg)) == 0;
  const double age = out.age_known ? *person.age_years : 0.0;
  const bool adult = out.age_known && age >= rules.adult_age_years;
  fact_mask facts = 0;
  if (out.age_known && !adult) facts |= fact_bit(x::age_below_adult);
  if (out.age_known && age < data::sickle_cell_min_age_years) {
    facts |= fact_bit(x::age_below_sickle_min);
  }
  if (!person.age_years) facts |= fact_bit(x::age_unknown);
  if (!person.conditions_known) facts |= fact_bit(x::conditions_unknown);
  if (!person.medications_known) facts |= fact_bit(x::medications_unknown);
  if (person.unmapped_conditions > 0) facts |= fact_bit(x::conditions_unmapped);
  // input.weight_stale: the minors' (shorter) limit unless the person is known to be an adult.
  const int max_days = adult ? rules.max_weight_age_days_adult : rules.max_weight_age_days_minor;
  const bool stale =
      out.weight_known && person.weight_age_days && *person.weight_age_days > max_days;
  if (stale) facts |= fact_bit(x::weight_stale);
  out.facts = facts;
  out.weight_current = out.weight_known && !stale;
  return out;
}

// Whether a compound trigger fires, its purpose already known to match.
constexpr bool compound_fires(const data::screening_trigger& t, const profile& person,
                              fact_mask facts) noexcept {
  const bool any =
      person.conditions.intersects(t.conditions) || person.medications.intersects(t.medications);
  if (t.extra == trigger_extra::medication_absent) return !any;
  if (is_fact(t.extra) && (facts & fact_bit(t.extra)) == 0) return false;
  return any || (t.conditions.empty() && t.medications.empty());
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
                                const profile_facts& known) noexcept {
  const purpose_screen& by_purpose =
      screen_by_purpose[is_valid(p) ? index_of(p) : enum_count<gln::purpose>];
  rule_mask fired = by_purpose.fires;
  for (gln::condition c : person.conditions) fired |= rules_by_condition[index_of(c)];
  for (gln::medication m : person.medications) fired |= rules_by_medication[index_of(m)];
  rule_mask by_facts = 0;
  for (unsigned rest = known.facts; rest != 0; rest &= rest - 1U) {
    by_facts |= rules_by_fact[lowest_bit_index(rest)];
  }
  fired |= by_facts & by_purpose.fact_rules;
  for (std::uint32_t rest = by_purpose.checks; rest != 0; rest &= rest - 1U) {
    const data::screening_trigger& t = compound_triggers[lowest_bit_index(rest)];
    if (compound_fires(t, person, known.facts)) fired |= bit_of(t.id);
  }
  return fired;
}

// Writes the screening findings of a profile into `out`, which start() has set up.
constexpr void add_screening(const profile& person, gln::purpose p, const profile_facts& known,
                             finding_list& out) noexcept {
  finding_writer::add_invalid(out, known.invalid);
  finding_writer::add_rules(out, fired_rules(person, p, known));
}

// Makes a result of type Result (a screening, a dose check): the screening findings, then
// what `add_more(result, facts)` adds, then the worst level. `rules` must already be
// effective().
template <class Result, class AddMore>
constexpr Result evaluate(const profile& person, gln::purpose p, const policy& rules,
                          AddMore add_more) noexcept {
  Result result{};
  result.purpose = p;
  result.oversight = person.oversight;
  const profile_facts known = facts_of(person, p, rules);
  finding_writer::start(result.findings, person, p, rules);
  add_screening(person, p, known, result.findings);
  add_more(result, known);
  finding_writer::finish(result.findings);
  result.overall = result.findings.worst_level();
  return result;
}

// `rules` must already be effective().
constexpr screening screen_with(const profile& person, gln::purpose p,
                                const policy& rules) noexcept {
  return evaluate<screening>(person, p, rules,
                             [](screening&, const profile_facts&) constexpr noexcept {});
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
