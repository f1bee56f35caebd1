#ifndef GLN_RULES_TRIAL_HPP
#define GLN_RULES_TRIAL_HPP

#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "../core/profile.hpp"
#include "../core/units.hpp"
#include "../data/doses.hpp"
#include "../data/trials.hpp"
#include "../detail/validate.hpp"
#include "../policy.hpp"
#include "dose.hpp"
#include "screen.hpp"

GLN_BEGIN_NAMESPACE

// What check_dose says about one regimen of a plan: the regimen, its verdict and the rules that
// fired (a summary; call check_dose for the findings).
struct regimen_check {
  gln::regimen regimen{};
  verdict overall = verdict::avoid;
  rule_set fired{};
};

// A defined, self-limited trial (docs/knowledge.md §8): one product, one dose, one goal, one
// review date, and a stop rule. Dosing fields are set only when status is ready.
struct trial_plan {
  gln::purpose purpose = gln::purpose::general_recovery;
  plan_status status = plan_status::invalid_input;
  gln::screening screening_result;  // the screening the plan rests on

  // Dosing (status ready only).
  grams start_per_dose{};
  int start_doses_per_day = 0;
  int max_doses_per_day = 0;
  grams max_per_day{};  // at most the observed safe level in force (docs/knowledge.md §12)
  // The purpose's range goes above max_per_day: more needs a clinician.
  bool more_needs_clinician = false;
  optional<int> step_up_day;  // day to go to max_doses_per_day if tolerated
  int review_day = 0;         // judge the goal on this day; stop if no clear benefit
  optional<int> hard_stop_day;
  outcome_set outcomes;                          // pick one goal from these
  optional<range<double>> protein_g_per_kg_day;  // athletes' protein target
  // check_dose for the plan's start and maximum regimens, whenever the plan got as far as
  // choosing them (status ready, or ask_clinician_first because a dose failed the check; where
  // the most the purpose's range offers fires an avoid rule, max_check is that regimen's).
  optional<regimen_check> start_check;
  optional<regimen_check> max_check;

  // Shown with every plan, each with its sources.
  advice rule = data::trial_rule;
  advice basics = data::basics_first;
  advice athlete_basics{};  // empty unless the purpose is athletic
  advice side_effects = data::side_effects;
  advice forms = data::forms;
  advice timing = data::timing;
  advice product_quality = data::product_quality;
  advice context{};  // purpose-specific background, where §10 gives one

  constexpr bool has_dosing() const noexcept { return detail::same(status, plan_status::ready); }
};

namespace detail {

constexpr int review_day_for(const data::trial_row& trial, const policy& rules) noexcept {
  return trial.review ? static_cast<int>(knob_value(rules, *trial.review)) : 0;
}

constexpr plan_status status_for(const screening& screened, const dose_row& row) noexcept {
  if (!screened.valid()) return plan_status::invalid_input;
  if (detail::same(screened.overall, verdict::avoid)) return plan_status::do_not_start;
  if (detail::same(screened.overall, verdict::clinician_only))
    return plan_status::ask_clinician_first;
  if (!detail::same(row.access, dose_access::self_directed))
    return plan_status::no_self_directed_range;
  return plan_status::ready;
}

constexpr trial_plan plan_trial_with(const profile& person, gln::purpose p,
                                     const policy& rules) noexcept {
  trial_plan plan{};
  detail::assign(plan.purpose, p);
  plan.screening_result = screen_with(person, p, rules);
  if (!is_valid(p)) {
    detail::assign(plan.status, plan_status::invalid_input);
    return plan;
  }
  const dose_row& row = dose_row_for(p);
  const data::trial_row& trial = row_at(data::trials, index_of(p));
  if (trial.athlete) {
    plan.athlete_basics = data::athlete_protein;
    plan.protein_g_per_kg_day = optional<range<double>>{data::athlete_protein_g_per_kg_day};
  }
  if (detail::same(p, gln::purpose::endurance_gut_stress)) plan.context = data::endurance_context;
  detail::assign(plan.status, status_for(plan.screening_result, row));
  if (!detail::same(plan.status, plan_status::ready)) return plan;
  // The plan doses within the range dose_for offers under the policy in force (knowledge.md §6,
  // "dose_for under a policy"): where the policy's ceilings close that range, a clinician sets
  // the dose, as an app showing both answers would expect.
  const profile_facts known = facts_of(person, p, rules);
  const dose_guidance offered = dose_guidance_for(person, p, rules, known);
  if (!offered.per_dose || !offered.doses_per_day || !offered.per_day) {
    detail::assign(plan.status, plan_status::ask_clinician_first);
    return plan;
  }
  // Within the observed safe level in force (docs/knowledge.md §8): the plan's maximum per day is
  // the smaller of the offered maximum and that level; where even the purpose's smallest
  // daily dose is above it (ibs_symptoms' trial dose), the plan keeps that dose and its
  // dose.above_observed_safe_level caution.
  const double safe_level = rules.observed_safe_daily.value();
  const double smallest_daily = offered.per_day->min.value();
  const double top_daily =
      smallest_daily > safe_level
          ? smallest_daily
          : (offered.per_day->max.value() < safe_level ? offered.per_day->max.value() : safe_level);
  const int most_doses = offered.doses_per_day->max;
  const regimen start{offered.per_dose->min, offered.doses_per_day->min, nullopt};
  // The largest dose, to the half gram below (a person measures half grams, as assess shows
  // them), and never below the start dose.
  double top_per_dose = top_daily / static_cast<double>(most_doses);
  if (top_per_dose > offered.per_dose->max.value()) top_per_dose = offered.per_dose->max.value();
  top_per_dose = round_half_down(top_per_dose);
  if (top_per_dose < start.per_dose.value()) top_per_dose = start.per_dose.value();
  const regimen top{grams{top_per_dose}, most_doses, nullopt};
  // The trial's own doses must pass check_dose at caution or better: a stricter policy (fewer
  // doses a day) or a supervised child's per-kg limit can rule them out, and then a clinician
  // sets the dose.
  const auto summary = [&](const regimen& r) constexpr noexcept {
    const dose_check checked = check_dose_with(person, p, r, rules);
    // An optional assigned from an optional: the C++17 converting assignment is not constexpr.
    return optional<regimen_check>{regimen_check{r, checked.overall, checked.findings.rules()}};
  };
  plan.start_check = summary(start);
  // No plan where assess would show no dose: the most the range offers is above a limit for
  // this person that no oversight moves (knowledge.md §6). max_check then says which.
  if (!most_offered_allowed(offered, person, p, rules, known)) {
    plan.max_check = summary(most_offered(offered));
    detail::assign(plan.status, plan_status::ask_clinician_first);
    return plan;
  }
  plan.max_check = summary(top);
  if (index_of(plan.start_check->overall) > index_of(verdict::caution) ||
      index_of(plan.max_check->overall) > index_of(verdict::caution)) {
    detail::assign(plan.status, plan_status::ask_clinician_first);
    return plan;
  }
  plan.start_per_dose = start.per_dose;
  plan.start_doses_per_day = start.doses_per_day;
  plan.max_doses_per_day = most_doses;
  plan.max_per_day = top.per_day();
  plan.more_needs_clinician = row.per_day && row.per_day->max > plan.max_per_day;
  plan.review_day = review_day_for(trial, rules);
  // A policy that reviews sooner than the step-up day ends the trial at the start dose: the
  // review decides before any step-up.
  if (trial.step_up && plan.max_doses_per_day > plan.start_doses_per_day &&
      rules.general_recovery_step_up_day < plan.review_day) {
    plan.step_up_day = rules.general_recovery_step_up_day;
  }
  if (trial.hard_stop_day > 0) plan.hard_stop_day = trial.hard_stop_day;
  plan.outcomes = trial.outcomes;
  return plan;
}

}  // namespace detail

// A trial plan for a purpose, after screening: no plan when screening says avoid, "ask a
// clinician first" when it says clinician_only or when the trial's doses would fail
// check_dose for this person and policy, no dosing where the purpose has no self-directed
// range.
constexpr trial_plan plan_trial(const profile& person, gln::purpose p,
                                const policy& requested = detail::default_policy) noexcept {
  return detail::with_policy_in_force(requested, detail::plan_trial_with, person, p);
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_TRIAL_HPP
