#ifndef GLN_RULES_DOSE_HPP
#define GLN_RULES_DOSE_HPP

#include <string_view>

#include "../core/citation.hpp"
#include "../core/optional.hpp"
#include "../core/profile.hpp"
#include "../core/units.hpp"
#include "../data/doses.hpp"
#include "../detail/validate.hpp"
#include "../policy.hpp"
#include "screen.hpp"

GLN_BEGIN_NAMESPACE

// The dose for a purpose (docs/knowledge.md §5), resolved for the person's weight where the
// source doses by weight. It does not screen: call screen() or plan_trial() for that.
struct dose_guidance {
  gln::purpose purpose = gln::purpose::general_recovery;
  dose_access access = dose_access::not_recommended;
  optional<range<grams>> per_dose;  // the band dose where weight decides it
  optional<count_range> doses_per_day;
  optional<range<grams>> per_day;  // from the weight for per-kg purposes
  optional<range<grams_per_kg_day>> per_kg_day;
  optional<grams_per_kg_day> max_per_kg_day;
  optional<grams> max_per_day_for_weight;  // max_per_kg_day times the weight
  optional<double> min_weeks;
  optional<double> max_weeks;
  bool weight_based = false;
  // Weight-based, and the profile has no weight that may choose a dose (none, or too old).
  bool weight_needed = false;
  // A weight was given but is older than the policy's limit: it does not choose a dose.
  bool weight_stale = false;
  // A stricter policy lowered the self-directed range (its ceiling, its observed safe level,
  // its split-dose threshold): the numbers are the policy's, `amount` is the source's wording.
  bool clipped_by_policy = false;
  // The observed safe level in force, where the self-directed daily range goes above it: the
  // part above needs a clinician (observed_safe_level, docs/knowledge.md §12).
  optional<grams> clinician_above_per_day;
  std::string_view amount;  // the dose as the source states it
  std::string_view duration;
  std::string_view timing;
  citation_list sources;
  input_field invalid_input = input_field::none;  // the first bad input, if any

  constexpr bool valid() const noexcept { return detail::same(invalid_input, input_field::none); }
  // A range a person may use without a clinician: a self-directed row whose range the policy
  // in force leaves open.
  constexpr bool self_directed() const noexcept {
    return valid() && detail::same(access, dose_access::self_directed) && per_day.has_value();
  }
};

// The result of checking a regimen: the screening findings of the profile first, then the
// dose findings (docs/knowledge.md §6), so a dose is never "fine" for a person who must avoid it.
struct dose_check {
  verdict overall = verdict::suitable;
  finding_list findings;
  gln::purpose purpose = gln::purpose::general_recovery;
  gln::oversight oversight = gln::oversight::self_directed;
  optional<grams> per_day;  // absent when the regimen is invalid

  constexpr bool valid() const noexcept { return !findings.contains(gln::rule::input_invalid); }
};

namespace detail {

// Grams for people: to the half gram, down or up (a range is rounded inward, so what is shown
// never exceeds what the rules allow).
constexpr double round_half_down(double grams_value) noexcept {
  if (!(grams_value < 1e15)) return grams_value;
  return static_cast<double>(static_cast<long long>(grams_value * 2.0)) / 2.0;
}
constexpr double round_half_up(double grams_value) noexcept {
  const double down = round_half_down(grams_value);
  return down < grams_value ? down + 0.5 : down;
}

// A stricter policy's ceilings (docs/knowledge.md §12) cut the self-directed range, so an app
// never shows a range that check_dose with the same policy refuses; a range they close entirely
// is no range. Under clinician supervision those self-directed rules do not fire (§6), so they
// cut nothing there. Marks the part above the observed safe level.
constexpr void clip_to_policy(dose_guidance& out, const policy& rules, bool supervised) noexcept {
  if (!out.per_day || !out.per_dose) return;
  const double safe_level = rules.observed_safe_daily.value();
  if (!supervised) {
    double daily_cap = rules.self_directed_daily_ceiling.value();
    if (safe_level < describe(policy_knob::observed_safe_level).default_value &&
        safe_level < daily_cap) {
      daily_cap = safe_level;
    }
    const double dose_cap = rules.split_dose_above.value();
    if (out.per_day->max.value() > daily_cap) {
      out.per_day->max = grams{daily_cap};
      out.clipped_by_policy = true;
    }
    if (out.per_dose->max.value() > dose_cap) {
      out.per_dose->max = grams{dose_cap};
      out.clipped_by_policy = true;
    }
  }
  // The per-dose amount, the doses a day and the day agree: the largest dose as often as
  // offered stays within the daily maximum (under a 12 g/day ceiling gut_barrier offers 5-6 g
  // twice a day, not 5-10 g; under 7 g/day exercise_recovery offers 5 g once a day, not
  // twice), and the daily maximum is no more than that (under a 5 g split-dose threshold, 5 g
  // twice a day is 10 g/day, not 10-20). The rows of §5 agree already: only a clip changes them.
  if (out.doses_per_day && out.clipped_by_policy) {
    const double daily_max = out.per_day->max.value();
    if (out.per_dose->min.value() > 0.0 &&
        daily_max / out.per_dose->min.value() < static_cast<double>(out.doses_per_day->max)) {
      out.doses_per_day->max = static_cast<int>(daily_max / out.per_dose->min.value());
    }
    const double most_doses = static_cast<double>(out.doses_per_day->max);
    if (out.doses_per_day->max > 0 && out.per_dose->max.value() * most_doses > daily_max) {
      out.per_dose->max = grams{daily_max / most_doses};
    }
    if (out.per_dose->max.value() * most_doses < daily_max) {
      out.per_day->max = grams{out.per_dose->max.value() * most_doses};
    }
  }
  if (out.per_day->max < out.per_day->min || out.per_dose->max < out.per_dose->min ||
      (out.doses_per_day && out.doses_per_day->max < out.doses_per_day->min)) {
    out.per_day.reset();
    out.per_dose.reset();
    out.doses_per_day.reset();
    return;
  }
  if (out.per_day->max.value() > safe_level) {
    out.clinician_above_per_day = optional<grams>{grams{safe_level}};
  }
}

// `known` is facts_of(person, p, rules).
constexpr dose_guidance dose_guidance_for(const profile& person, gln::purpose p,
                                          const policy& rules,
                                          const profile_facts& known) noexcept {
  dose_guidance out{};
  detail::assign(out.invalid_input,
                 known.invalid == 0 ? input_field::none
                                    : static_cast<input_field>(lowest_bit_index(known.invalid)));
  detail::assign(out.purpose, p);  // as given, as every result holds it
  if (!is_valid(p)) return out;
  const dose_row& row = dose_row_for(p);
  detail::assign(out.access, row.access);
  out.per_dose = row.per_dose;
  out.doses_per_day = row.doses_per_day;
  out.per_day = row.per_day;
  out.per_kg_day = row.per_kg_day;
  out.max_per_kg_day = row.max_per_kg_day;
  out.min_weeks = row.min_weeks;
  out.max_weeks = row.max_weeks;
  out.weight_based = row.weight_based;
  out.amount = row.amount;
  out.duration = row.duration;
  out.timing = row.timing;
  out.sources = row.sources;
  out.weight_stale = known.holds(trigger_extra::weight_stale);
  const bool weight_chooses = known.weight_current;
  out.weight_needed = row.weight_based && !weight_chooses;
  if (weight_chooses) {
    const double kg = person.weight_kg->value();
    if (row.weight_bands && row.doses_per_day) {
      const grams band = sickle_cell_band_dose(*person.weight_kg);
      out.per_dose = optional<range<grams>>{range<grams>{band, band}};
      const grams daily{band.value() * static_cast<double>(row.doses_per_day->max)};
      out.per_day = optional<range<grams>>{range<grams>{daily, daily}};
    }
    if (row.per_kg_day) {
      out.per_day = optional<range<grams>>{range<grams>{grams{row.per_kg_day->min.value() * kg},
                                                        grams{row.per_kg_day->max.value() * kg}}};
    }
    if (row.max_per_kg_day) {
      out.max_per_day_for_weight = optional<grams>{grams{row.max_per_kg_day->value() * kg}};
    }
  }
  if (detail::same(row.access, dose_access::self_directed)) {
    clip_to_policy(out, rules, is_supervised(person));
  }
  return out;
}

constexpr dose_guidance dose_for_with(const profile& person, gln::purpose p,
                                      const policy& rules) noexcept {
  return dose_guidance_for(person, p, rules, facts_of(person, p, rules));
}

constexpr bool regimen_grams_valid(const regimen& plan) noexcept {
  return is_finite(plan.per_dose.value()) && plan.per_dose.value() > 0.0;
}
constexpr bool regimen_doses_valid(const regimen& plan, const policy& rules) noexcept {
  return plan.doses_per_day >= 1 && plan.doses_per_day <= rules.max_doses_per_day;
}
constexpr bool regimen_weeks_valid(const regimen& plan) noexcept {
  return !plan.weeks || (is_finite(*plan.weeks) && *plan.weeks >= 0.0);
}

// The rules that do not fire under clinician supervision. Derived from data::rules by
// detail/derive.hpp and written out by scripts/derive-tables.sh (no includer evaluates it).
inline constexpr rule_mask self_directed_only_rules{
    // derived self_directed_only_rules
    // clang-format off
    0x0000068800000000
    // clang-format on
    // end of derived self_directed_only_rules
};

constexpr bool is_critical_purpose(gln::purpose p) noexcept {
  return detail::same(p, gln::purpose::critical_illness) || detail::same(p, gln::purpose::trauma) ||
         detail::same(p, gln::purpose::burns);
}

// The dose rules a regimen fires (docs/knowledge.md §6), and its bad fields; sets `per_day_out`
// when grams and doses are valid.
constexpr void add_dose_findings(const profile& person, gln::purpose p, const regimen& plan,
                                 const policy& rules, const profile_facts& known, finding_list& out,
                                 optional<grams>& per_day_out) noexcept {
  const bool grams_ok = regimen_grams_valid(plan);
  const bool doses_ok = regimen_doses_valid(plan, rules);
  const bool weeks_ok = regimen_weeks_valid(plan);
  field_mask bad = 0;
  if (!grams_ok) bad |= bit_of(input_field::grams_per_dose);
  if (!doses_ok) bad |= bit_of(input_field::doses_per_day);
  if (!weeks_ok) bad |= bit_of(input_field::weeks);
  finding_writer::add_invalid(out, bad);
  if (!is_valid(p)) return;

  const dose_row& row = dose_row_for(p);
  const bool has_weight = known.weight_known;
  const bool weight_chooses = known.weight_current;
  const double kg = has_weight ? person.weight_kg->value() : 0.0;
  const bool is_child = known.holds(trigger_extra::age_below_adult);
  const bool supervised = is_supervised(person);

  rule_mask fired = 0;
  if (!detail::same(row.access, dose_access::self_directed))
    fired |= bit_of(gln::rule::dose_no_self_directed_range);
  if (grams_ok && doses_ok) {
    const double dose = plan.per_dose.value();
    const double daily = plan.per_day().value();  // +inf where grams x doses overflows
    per_day_out = optional<grams>{grams{daily}};
    // The purpose's daily maximum; a per-kg one only from a weight that may choose a dose.
    optional<double> daily_max;
    if (row.per_day) {
      daily_max = row.per_day->max.value();
    } else if (row.per_kg_day && weight_chooses) {
      daily_max = row.per_kg_day->max.value() * kg;
    } else if (row.max_per_kg_day && weight_chooses) {
      daily_max = row.max_per_kg_day->value() * kg;  // critical illness: its per-kg ceiling
    }
    const auto fire_if = [&fired](bool condition, gln::rule id) constexpr noexcept {
      if (condition) fired |= bit_of(id);
    };
    // The per-kg ceilings use the most recent weight however old (an old weight of a child is
    // lower than today's, so the check errs on the safe side), compared without dividing.
    const bool band_dose = row.weight_bands && weight_chooses && row.doses_per_day &&
                           plan.per_dose == sickle_cell_band_dose(*person.weight_kg) &&
                           plan.doses_per_day == row.doses_per_day->max;
    const bool child_over_limit =
        is_child && has_weight && daily > rules.child_max_per_kg.value() * kg;
    // The Endari label is the higher authority for its own product (docs/knowledge.md §6).
    const bool labelled_band_case = child_over_limit && band_dose && supervised &&
                                    rules.allow_label_band_dose &&
                                    *person.age_years >= data::sickle_cell_min_age_years;
    fire_if(row.per_dose && dose > row.per_dose->max.value(), gln::rule::dose_per_dose_above_range);
    fire_if(daily_max && daily > *daily_max, gln::rule::dose_daily_above_range);
    fire_if(weeks_ok && plan.weeks && row.max_weeks && *plan.weeks > *row.max_weeks,
            gln::rule::dose_duration_above_range);
    fire_if(dose > rules.split_dose_above.value(), gln::rule::dose_per_dose_large);
    fire_if(daily >= data::gi_effects_daily.value(), gln::rule::dose_gi_effects_likely);
    fire_if(daily > rules.observed_safe_daily.value(), gln::rule::dose_above_observed_safe_level);
    fire_if(daily > rules.self_directed_daily_ceiling.value(),
            gln::rule::dose_above_self_directed_ceiling);
    fire_if(daily > rules.adult_maximum_daily.value(), gln::rule::dose_above_adult_maximum);
    fire_if(child_over_limit && !labelled_band_case, gln::rule::dose_child_per_kg);
    fire_if(labelled_band_case, gln::rule::dose_child_per_kg_label_band);
    fire_if(is_critical_purpose(p) && has_weight && daily > rules.critical_max_per_kg.value() * kg,
            gln::rule::dose_critical_per_kg);
    fire_if(row.weight_bands && weight_chooses && row.doses_per_day && !band_dose,
            gln::rule::dose_label_band_mismatch);
  }
  if (row.weight_based && !weight_chooses) fired |= bit_of(gln::rule::dose_weight_needed);
  // The self-directed rules do not fire under clinician supervision.
  if (is_supervised(person)) fired &= ~self_directed_only_rules;
  finding_writer::add_rules(out, fired);
}

// The most a guidance offers, as a person measures it (to the half gram below, as assess shows a
// dose): its largest dose as often as it says, or its largest daily amount once a day where it
// gives no per-dose amount.
constexpr regimen most_offered(const dose_guidance& offered) noexcept {
  if (offered.per_dose && offered.doses_per_day) {
    return regimen{grams{round_half_down(offered.per_dose->max.value())},
                   offered.doses_per_day->max, nullopt};
  }
  return regimen{grams{offered.per_day ? round_half_down(offered.per_day->max.value()) : 0.0}, 1,
                 nullopt};
}

// Whether the most a guidance offers may be offered to this person under this policy: some of
// it is left once rounded (a per-kg range for a very small weight can round to nothing), and
// taking it fires no `avoid` dose rule (knowledge.md §6: dose.child_per_kg,
// dose.critical_per_kg and the adult maximum never move, and nothing clips a range to them).
// assess shows a dose, and plan_trial is ready, only where this holds. `known` is
// facts_of(person, p, rules).
constexpr bool most_offered_allowed(const dose_guidance& offered, const profile& person,
                                    gln::purpose p, const policy& rules,
                                    const profile_facts& known) noexcept {
  const regimen top = most_offered(offered);
  if (!(top.per_dose.value() > 0.0)) return false;
  finding_list checked = finding_writer::started(person, p, rules);
  optional<grams> per_day;
  add_dose_findings(person, p, top, rules, known, checked, per_day);
  finding_writer::finish(checked);
  return !detail::same(checked.worst_level(), verdict::avoid);
}

// `rules` must already be effective().
constexpr dose_check check_dose_with(const profile& person, gln::purpose p, const regimen& plan,
                                     const policy& rules) noexcept {
  return evaluate<dose_check>(
      person, p, rules, [&](dose_check & result, const profile_facts& known) constexpr noexcept {
        add_dose_findings(person, p, plan, rules, known, result.findings, result.per_day);
      });
}

}  // namespace detail

// Dose guidance for a purpose (docs/knowledge.md §5); uses the profile's weight where the source
// doses by weight. Like every entry point, it takes (profile, purpose, ...). It does not screen
// the person (self_directed() is the row's, for a person with cirrhosis too): the dose to show a
// person is assess()'s.
constexpr dose_guidance dose_for(const profile& person, gln::purpose p,
                                 const policy& requested = detail::default_policy) noexcept {
  return detail::with_policy_in_force(requested, detail::dose_for_with, person, p);
}
// The purpose's row for nobody in particular (no weight: weight-based rows say so).
constexpr dose_guidance dose_for(gln::purpose p) noexcept { return dose_for(profile{}, p); }

// The 1.x argument order, kept for one major version.
[[deprecated(
    "use dose_for(profile, purpose[, policy]): every entry point takes the profile "
    "first")]] constexpr dose_guidance
dose_for(gln::purpose p, const profile& person,
         const policy& requested = detail::default_policy) noexcept {
  return dose_for(person, p, requested);
}

// Checks a regimen against the purpose's range and the safety ceilings, after screening.
constexpr dose_check check_dose(const profile& person, gln::purpose p, const regimen& plan,
                                const policy& requested = detail::default_policy) noexcept {
  return detail::with_policy_in_force(requested, detail::check_dose_with, person, p, plan);
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_DOSE_HPP
