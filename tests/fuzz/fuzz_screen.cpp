// screen, plan_trial, dose_for and evidence_for with arbitrary profiles: any age and weight
// bits, condition and medication bit patterns with out-of-range members, out-of-range
// oversight and purpose values, and any policy.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

namespace {

using namespace gln_fuzz;

void check_screening(const gln::screening& s, const fuzzed_profile& in, gln::purpose p,
                     const gln::policy& applied) noexcept {
  GLN_FUZZ_CHECK(s.purpose == p);
  GLN_FUZZ_CHECK(s.oversight == in.person.oversight);
  check_findings(s.findings, s.overall, p, in.person.oversight, applied);
  check_sorted(s.findings, 0, s.findings.size());
  const invalid_fields bad = expected_invalid(in, p, applied);
  check_invalid_profile(s.findings, s.overall, bad);
  GLN_FUZZ_CHECK(s.valid() == !bad.any());
}

bool same_findings(const gln::finding_list& a, const gln::finding_list& b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

void check_sources_live(const gln::citation_list& sources) noexcept {
  GLN_FUZZ_CHECK(!sources.empty());
  for (const gln::source id : sources) {
    GLN_FUZZ_CHECK(gln::is_valid(id));
    GLN_FUZZ_CHECK(!gln::source_info(id).retracted);
  }
}

void check_plan(const gln::trial_plan& plan, const gln::screening& s, const gln::profile& person,
                gln::purpose p, const gln::policy& requested) noexcept {
  GLN_FUZZ_CHECK(plan.purpose == p);
  GLN_FUZZ_CHECK(same_findings(plan.screening_result.findings, s.findings));
  GLN_FUZZ_CHECK(plan.screening_result.overall == s.overall);
  // No plan when screening says avoid; ask a clinician first when it says clinician_only
  // (knowledge.md §8).
  gln::plan_status expected = gln::plan_status::ready;
  if (!s.valid() || !gln::is_valid(p)) {
    expected = gln::plan_status::invalid_input;
  } else if (s.overall == gln::verdict::avoid) {
    expected = gln::plan_status::do_not_start;
  } else if (s.overall == gln::verdict::clinician_only) {
    expected = gln::plan_status::ask_clinician_first;
  } else if (gln::dose_for(p).access != gln::dose_access::self_directed) {
    expected = gln::plan_status::no_self_directed_range;
  } else {
    // The lowest regimen of the range dose_for offers under the policy and its highest within
    // the observed safe level in force (§8; a purpose whose smallest daily dose is above that
    // level keeps it) must pass check_dose for this person and policy, or a clinician sets the
    // dose; a policy that closes the offered range leaves the dose to a clinician too (§6).
    const gln::dose_guidance g = gln::dose_for(person, p, requested);
    // The most offered, to the half gram below as assess shows it: where it fires an avoid
    // dose rule, assess shows no dose, and the plan waits for a clinician too.
    const auto most_refused = [&] {
      const double most =
          static_cast<double>(static_cast<long long>(g.per_dose->max.value() * 2.0)) / 2.0;
      const gln::regimen top{gln::grams{most}, g.doses_per_day->max, gln::nullopt};
      return !(most > 0.0) ||
             gln::check_dose(person, p, top, requested).overall == gln::verdict::avoid;
    };
    if (!g.per_day || !g.per_dose || !g.doses_per_day || most_refused()) {
      expected = gln::plan_status::ask_clinician_first;
    } else {
      const double safe_level = gln::effective(requested).observed_safe_daily.value();
      double top_daily = g.per_day->max.value() < safe_level ? g.per_day->max.value() : safe_level;
      if (g.per_day->min.value() > safe_level) top_daily = g.per_day->min.value();
      double top_dose = top_daily / g.doses_per_day->max;
      if (top_dose > g.per_dose->max.value()) top_dose = g.per_dose->max.value();
      // To the half gram below, never below the start dose.
      top_dose = static_cast<double>(static_cast<long long>(top_dose * 2.0)) / 2.0;
      if (top_dose < g.per_dose->min.value()) top_dose = g.per_dose->min.value();
      const gln::regimen low{g.per_dose->min, g.doses_per_day->min, gln::nullopt};
      const gln::regimen high{gln::grams{top_dose}, g.doses_per_day->max, gln::nullopt};
      if (gln::check_dose(person, p, low, requested).overall > gln::verdict::caution ||
          gln::check_dose(person, p, high, requested).overall > gln::verdict::caution) {
        expected = gln::plan_status::ask_clinician_first;
      }
    }
  }
  GLN_FUZZ_CHECK(plan.status == expected);
  GLN_FUZZ_CHECK(plan.has_dosing() == (expected == gln::plan_status::ready));
  if (!plan.has_dosing()) {
    GLN_FUZZ_CHECK(plan.start_doses_per_day == 0 && plan.review_day == 0);
    GLN_FUZZ_CHECK(!plan.step_up_day && !plan.hard_stop_day);
    return;
  }
  GLN_FUZZ_CHECK(s.overall <= gln::verdict::caution);
  GLN_FUZZ_CHECK(plan.start_per_dose.value() > 0.0);
  GLN_FUZZ_CHECK(plan.start_doses_per_day >= 1);
  GLN_FUZZ_CHECK(plan.max_doses_per_day >= plan.start_doses_per_day);
  GLN_FUZZ_CHECK(plan.start_per_dose.value() * plan.start_doses_per_day <=
                 plan.max_per_day.value());
  GLN_FUZZ_CHECK(plan.review_day >= 1);
  if (plan.step_up_day)
    GLN_FUZZ_CHECK(*plan.step_up_day >= gln::policy{}.general_recovery_step_up_day);
  if (plan.hard_stop_day) GLN_FUZZ_CHECK(*plan.hard_stop_day >= plan.review_day);
  GLN_FUZZ_CHECK(!plan.outcomes.empty());
  // A policy only ever brings the review sooner.
  const gln::trial_plan by_default = gln::plan_trial(gln::profile{}, p);
  if (by_default.has_dosing()) GLN_FUZZ_CHECK(plan.review_day <= by_default.review_day);
  // The plan's own doses pass the dose check under the same policy: a plan never proposes
  // what check_dose would send to a clinician.
  const gln::regimen start{plan.start_per_dose, plan.start_doses_per_day, gln::nullopt};
  GLN_FUZZ_CHECK(gln::check_dose(person, p, start, requested).overall <= gln::verdict::caution);
  const gln::regimen top{gln::grams{plan.max_per_day.value() / plan.max_doses_per_day},
                         plan.max_doses_per_day, gln::nullopt};
  GLN_FUZZ_CHECK(gln::check_dose(person, p, top, requested).overall <= gln::verdict::caution);
}

void check_guidance(const gln::dose_guidance& g, const fuzzed_profile& in, gln::purpose p,
                    const gln::policy& applied) noexcept {
  const invalid_fields bad = expected_invalid(in, p, applied);
  GLN_FUZZ_CHECK(g.valid() == !bad.any());
  if (g.self_directed()) GLN_FUZZ_CHECK(g.valid());
  if (!gln::is_valid(p)) {
    GLN_FUZZ_CHECK(g.invalid_input != gln::input_field::none);
    return;
  }
  GLN_FUZZ_CHECK(g.purpose == p);
  check_sources_live(g.sources);
  const bool weight_known = in.person.weight_kg.has_value() && !bad.weight;
  GLN_FUZZ_CHECK(g.weight_needed == (g.weight_based && !weight_known));
  const auto ordered = [](const gln::optional<gln::range<gln::grams>>& r) {
    return !r || (finite(r->min.value()) && finite(r->max.value()) && r->min <= r->max &&
                  r->min.value() >= 0.0);
  };
  GLN_FUZZ_CHECK(ordered(g.per_dose));
  GLN_FUZZ_CHECK(ordered(g.per_day));
  // An offered range's largest dose as often as offered is within its day and within the
  // ceilings that clip it (§6, "dose_for under a policy"; the adult maximum does not clip, and
  // assess checks the dose it shows against it).
  if (g.self_directed() && g.per_dose && g.doses_per_day) {
    GLN_FUZZ_CHECK(g.doses_per_day->min >= 1 && g.doses_per_day->min <= g.doses_per_day->max);
    const gln::regimen top{g.per_dose->max, g.doses_per_day->max, gln::nullopt};
    GLN_FUZZ_CHECK(top.per_day() <= g.per_day->max);
    const gln::dose_check checked = gln::check_dose(in.person, p, top, applied);
    for (const gln::rule refused :
         {gln::rule::dose_per_dose_above_range, gln::rule::dose_daily_above_range,
          gln::rule::dose_per_dose_large, gln::rule::dose_above_self_directed_ceiling}) {
      GLN_FUZZ_CHECK(!checked.findings.contains(refused));
    }
  }
  if (g.max_per_day_for_weight) {
    GLN_FUZZ_CHECK(weight_known);
    GLN_FUZZ_CHECK(finite(g.max_per_day_for_weight->value()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  reader in{data, size};
  const fuzzed_profile fp = read_profile(in);
  const auto p = in.enumerator<gln::purpose>();
  const gln::policy requested = read_policy(in);
  check_effective(requested);
  const gln::policy applied = gln::effective(requested);
  const gln::policy defaults{};

  const gln::screening s = gln::screen(fp.person, p, requested);
  check_screening(s, fp, p, applied);

  // The default policy, implicit or explicit, is the baseline no policy can go below.
  const gln::screening base = gln::screen(fp.person, p);
  check_screening(base, fp, p, defaults);
  GLN_FUZZ_CHECK(same_findings(gln::screen(fp.person, p, defaults).findings, base.findings));
  GLN_FUZZ_CHECK(s.overall >= base.overall);
  check_avoid_kept(base.findings, s.findings, false);

  // Supervision softens clinician_only to caution and never moves avoid.
  if (gln::is_valid(fp.person.oversight)) {
    fuzzed_profile self = fp;
    self.person.oversight = gln::oversight::self_directed;
    fuzzed_profile supervised = fp;
    supervised.person.oversight = gln::oversight::clinician_supervised;
    const gln::screening alone = gln::screen(self.person, p, requested);
    const gln::screening overseen = gln::screen(supervised.person, p, requested);
    check_screening(alone, self, p, applied);
    check_screening(overseen, supervised, p, applied);
    GLN_FUZZ_CHECK(overseen.overall <= alone.overall);
    check_avoid_kept(alone.findings, overseen.findings, true);
    GLN_FUZZ_CHECK(overseen.findings.size() == alone.findings.size());
  }

  check_plan(gln::plan_trial(fp.person, p, requested), s, fp.person, p, requested);
  check_guidance(gln::dose_for(fp.person, p, requested), fp, p, applied);

  const gln::evidence e = gln::evidence_for(p);
  GLN_FUZZ_CHECK(e.valid() == gln::is_valid(p));
  GLN_FUZZ_CHECK(gln::is_valid(e.grade));
  if (e.valid()) {
    GLN_FUZZ_CHECK(e.purpose == p);
    GLN_FUZZ_CHECK(!e.summary.empty());
    check_sources_live(e.sources);
  }
  return 0;
}
