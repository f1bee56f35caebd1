#ifndef GLN_RULES_ASSESS_HPP
#define GLN_RULES_ASSESS_HPP

#include <cstddef>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "../core/profile.hpp"
#include "../core/text.hpp"
#include "../core/units.hpp"
#include "../data/texts.hpp"
#include "../policy.hpp"
#include "dose.hpp"
#include "evidence.hpp"
#include "findings.hpp"
#include "screen.hpp"
#include "trial.hpp"

GLN_BEGIN_NAMESPACE

namespace detail {
struct assessment_access;
}  // namespace detail

// The dose an app may show, rounded for people: each amount to the nearest half gram inside
// the range the rules give (a range's lower end up, its upper end down), so the numbers shown
// never exceed what the rules allow, and a single amount written once ("5 g", not "5-5 g").
struct shown_dose {
  optional<range<grams>> per_dose;
  optional<count_range> doses_per_day;
  optional<range<grams>> per_day;
  // The observed safe level in force, where the daily range goes above it: the part above
  // needs a clinician.
  optional<grams> clinician_above_per_day;
  std::string_view amount;  // the dose as the source states it
  std::string_view duration;
  std::string_view timing;
  citation_list sources;

  // Ready to show, written when asked (an app that lays out the numbers itself pays nothing
  // for it): "5 g once or twice a day (5-10 g/day)", "13.5-19.5 g/day".
  constexpr text summary() const noexcept;
};

// One answer an app can show for a person and a goal: what to do, why, the evidence, and the
// dose when self-directed use is allowed (or, under clinician supervision, the purpose's row).
struct assessment {
  // An assessment is a value: these fields are its API (the person it was made for stays
  // private, for trial()).
  // NOLINTBEGIN(misc-non-private-member-variables-in-classes)
  gln::purpose purpose = gln::purpose::general_recovery;
  gln::oversight oversight = gln::oversight::self_directed;
  gln::action action = gln::action::do_not_take;
  verdict overall = verdict::avoid;  // the safety verdict: the worst finding
  // Screening, then (with a regimen) the dose check, each finding with the input that made it
  // fire (finding::cause).
  finding_list findings;
  gln::evidence evidence{};
  optional<shown_dose> dose;  // present only when dose_shown is shown
  gln::dose_status dose_shown = gln::dose_status::invalid_input;  // or why there is no dose
  optional<gln::regimen> regimen;  // the regimen checked, if one was given
  // NOLINTEND(misc-non-private-member-variables-in-classes)

  constexpr assessment() noexcept = default;

  constexpr bool valid() const noexcept { return !findings.contains(gln::rule::input_invalid); }
  // The plain label of the action: "OK to try", ..., "Do not take".
  constexpr std::string_view label() const noexcept { return plain_label(action); }
  // The trial plan for the person and goal (knowledge.md §8), made when asked: status ready
  // when a self-directed trial can start.
  constexpr trial_plan trial() const noexcept {
    return detail::plan_trial_with(person_, purpose, findings.policy_in_force());
  }

 private:
  friend struct detail::assessment_access;
  // Started for a person, purpose and the effective policy, written member by member from
  // run-time values: GCC clears a result made from constants whole (472 bytes, one
  // `rep stosq`, as much as the rules cost).
  constexpr assessment(const profile& person, gln::purpose p, const optional<gln::regimen>& plan,
                       const policy& rules) noexcept
      : purpose(p),
        oversight(person.oversight),
        findings(detail::finding_writer::started(person, p, rules)),
        // Made in place: a copy reads it back whole right after its bytes were written one by
        // one, which stalls the processor.
        evidence(evidence_for(p)),
        regimen(plan),
        person_(person) {}

  profile person_{};
};

namespace detail {

// A range rounded inward to half grams; where nothing half-gram is left inside, the upper end
// rounded down.
constexpr range<grams> round_for_people(const range<grams>& r) noexcept {
  double low = round_half_up(r.min.value());
  const double high = round_half_down(r.max.value());
  if (low > high) low = high;
  return range<grams>{grams{low}, grams{high}};
}

// Appends "5 g" or "5-10 g" (unit as given).
constexpr void append_amount(text& out, const range<grams>& r, std::string_view unit) noexcept {
  const text_arguments args{{{"low", r.min.value()}, {"high", r.max.value()}}};
  out.append(r.min == r.max ? std::string_view{"{low}"} : "{low}-{high}", args).append(unit);
}

// "once a day", "twice a day", "once or twice a day", "3 times a day", "2-4 times a day".
constexpr void append_times(text& out, const count_range& n) noexcept {
  constexpr std::string_view words[] = {"", "once", "twice", "three times"};
  const bool low_word = n.min >= 1 && n.min <= 3;
  const bool high_word = n.max >= 1 && n.max <= 3;
  if (n.min == n.max && low_word) {
    out.append(words[n.min]);
  } else if (low_word && high_word && n.max == n.min + 1) {
    out.append(words[n.min]).append(" or ").append(words[n.max]);
  } else {
    const text_arguments args{
        {{"low", static_cast<double>(n.min)}, {"high", static_cast<double>(n.max)}}};
    out.append(n.min == n.max ? std::string_view{"{low} times"} : "{low}-{high} times", args);
  }
  out.append(" a day");
}

// "5 g once or twice a day (5-10 g/day; above 14 g/day with a clinician)", or "14-21 g/day".
constexpr text dose_summary(const shown_dose& dose) noexcept {
  text out{};
  const bool per_dose = dose.per_dose && dose.doses_per_day;
  if (per_dose) {
    append_amount(out, *dose.per_dose, " g ");
    append_times(out, *dose.doses_per_day);
  }
  if (dose.per_day) {
    if (per_dose) out.append(" (");
    append_amount(out, *dose.per_day, " g/day");
    if (dose.clinician_above_per_day) {
      const text_arguments args{{{"level", dose.clinician_above_per_day->value()}, {}}};
      out.append("; above {level} g/day with a clinician", args);
    }
    if (per_dose) out.append(")");
  }
  return out;
}

// What an app should do (knowledge.md §11): any avoid; then clinician_only (under supervision
// reported as caution, so a clinician-managed purpose is not ask_clinician there); then a
// purpose without a self-directed range because the evidence is insufficient or against; then
// caution. dose.no_self_directed_range is the purpose's fact, not the regimen's: the action
// takes it from the purpose, so a regimen changes the action only when it is the problem.
constexpr gln::action action_for(const finding_list& findings, gln::purpose p) noexcept {
  if (detail::same(findings.worst_level(), verdict::avoid)) return gln::action::do_not_take;
  const verdict worst =
      finding_writer::worst_except(findings, bit_of(gln::rule::dose_no_self_directed_range));
  if (detail::same(worst, verdict::clinician_only)) return gln::action::ask_clinician;
  if (is_valid(p) && detail::same(dose_row_for(p).access, dose_access::not_recommended)) {
    return gln::action::not_recommended;
  }
  return detail::same(worst, verdict::caution) ? gln::action::ok_with_care : gln::action::ok;
}

constexpr bool allows_dose(gln::action a) noexcept {
  return detail::same(a, gln::action::ok) || detail::same(a, gln::action::ok_with_care);
}

// Why an action that allows no dose shows none: a bad profile or purpose, else the action.
constexpr gln::dose_status no_dose_reason(gln::action a, bool invalid_input) noexcept {
  if (invalid_input) return gln::dose_status::invalid_input;
  switch (a) {
    case gln::action::do_not_take: return gln::dose_status::do_not_take;
    case gln::action::ask_clinician: return gln::dose_status::ask_clinician;
    case gln::action::not_recommended: return gln::dose_status::not_recommended;
    case gln::action::ok:
    case gln::action::ok_with_care: break;
  }
  return gln::dose_status::invalid_input;  // not asked for an action that allows a dose
}

// For an action that allows a dose: shown, or why the purpose's row gives none.
constexpr gln::dose_status dose_status_of(const dose_guidance& guidance) noexcept {
  if (!guidance.valid()) return gln::dose_status::invalid_input;
  // A dose chosen by weight is not shown without a current weight (the row's text gives the
  // bands, knowledge.md §5).
  if (guidance.weight_needed) return gln::dose_status::weight_needed;
  if (guidance.per_day) return gln::dose_status::shown;
  if (guidance.clipped_by_policy) return gln::dose_status::closed_by_policy;
  return gln::dose_status::no_range;
}

constexpr shown_dose show(const dose_guidance& guidance) noexcept {
  shown_dose out{};
  if (guidance.per_dose) {
    out.per_dose = optional<range<grams>>{round_for_people(*guidance.per_dose)};
  }
  out.doses_per_day = guidance.doses_per_day;
  if (guidance.per_day) {
    out.per_day = optional<range<grams>>{round_for_people(*guidance.per_day)};
    // Rounded, the largest dose as often as offered may be less than the rounded day: the day
    // says no more than the doses give (5-6.5 g twice a day is 10-13 g/day, not 10-13.5).
    if (out.per_dose && out.doses_per_day) {
      const double doses_give =
          out.per_dose->max.value() * static_cast<double>(out.doses_per_day->max);
      if (doses_give < out.per_day->max.value() && doses_give >= out.per_day->min.value()) {
        out.per_day->max = grams{doses_give};
      }
    }
  }
  out.clinician_above_per_day = guidance.clinician_above_per_day;
  out.amount = guidance.amount;
  out.duration = guidance.duration;
  out.timing = guidance.timing;
  out.sources = guidance.sources;
  return out;
}

}  // namespace detail

constexpr text shown_dose::summary() const noexcept { return detail::dose_summary(*this); }

namespace detail {

struct assessment_access {
  // `rules` must already be effective().
  static constexpr assessment assess_with(const profile& person, gln::purpose p,
                                          const optional<regimen>& plan,
                                          const policy& rules) noexcept {
    profile_facts facts{};
    assessment result{person, p, plan, rules};
    evaluate_into(
        result, person, p,
        rules, [&](assessment & r, const profile_facts& known) constexpr noexcept {
          facts = known;
          if (plan) {
            optional<grams> per_day;
            add_dose_findings(person, p, *plan, rules, known, r.findings, per_day);
          }
        });
    detail::assign(result.action, action_for(result.findings, p));
    if (!allows_dose(result.action)) {
      // No dose to show, so no need to resolve the purpose's row.
      detail::assign(
          result.dose_shown,
          no_dose_reason(result.action, finding_writer::profile_invalid(result.findings)));
      return result;
    }
    const dose_guidance guidance = dose_guidance_for(person, p, rules, facts);
    detail::assign(result.dose_shown, dose_status_of(guidance));
    if (detail::same(result.dose_shown, gln::dose_status::shown)) {
      const shown_dose dose = show(guidance);
      if (most_offered_allowed(guidance, person, p, rules, facts)) {
        result.dose = optional<shown_dose>{dose};
      } else {
        // The purpose's dose is above a limit for this person: a clinician sets it.
        detail::assign(result.dose_shown, gln::dose_status::ask_clinician);
      }
    }
    return result;
  }

  static constexpr assessment assess_without_regimen(const profile& person, gln::purpose p,
                                                     const policy& rules) noexcept {
    return assess_with(person, p, nullopt, rules);
  }
};

}  // namespace detail

// One answer an app can show (knowledge.md §4-§8, §11): the action, the safety verdict and
// every finding with its cause, the evidence, the dose to show (or why none), and the trial
// plan on request. With a regimen, its dose findings join the screening's. Under clinician
// supervision the action follows the supervised verdicts and the dose shown is the purpose's
// row, clinician rows included.
constexpr assessment assess(const profile& person, gln::purpose p,
                            const policy& requested = detail::default_policy) noexcept {
  return detail::with_policy_in_force(requested, detail::assessment_access::assess_without_regimen,
                                      person, p);
}
constexpr assessment assess(const profile& person, gln::purpose p, const regimen& plan,
                            const policy& requested = detail::default_policy) noexcept {
  const optional<regimen> given{plan};
  return detail::with_policy_in_force(requested, detail::assessment_access::assess_with, person, p,
                                      given);
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_ASSESS_HPP
