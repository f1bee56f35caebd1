// check_dose and assess with arbitrary bytes decoded into doubles and counts (NaN,
// infinities, subnormals, huge values, every threshold), any profile and any policy.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

namespace {

using namespace gln_fuzz;
using gln::rule;

struct regimen_fields {
  bool grams = false;
  bool doses = false;
  bool weeks = false;
};

// knowledge.md §6: grams NaN, infinite or <= 0; doses/day 0 or above the maximum; weeks < 0.
regimen_fields expected_invalid_regimen(const gln::regimen& plan,
                                        const gln::policy& applied) noexcept {
  regimen_fields bad{};
  const double grams = plan.per_dose.value();
  bad.grams = !gln_fuzz::finite(grams) || grams <= 0.0;
  bad.doses = plan.doses_per_day < 1 || plan.doses_per_day > applied.max_doses_per_day;
  bad.weeks = plan.weeks.has_value() && (!gln_fuzz::finite(*plan.weeks) || *plan.weeks < 0.0);
  return bad;
}

bool is_critical(gln::purpose p) noexcept {
  return p == gln::purpose::critical_illness || p == gln::purpose::trauma ||
         p == gln::purpose::burns;
}

// The safety ceilings of §6, read from the spec: each fires exactly when its threshold is
// crossed (the self-directed ones only without supervision).
void check_ceilings(const gln::dose_check& d, const fuzzed_profile& in, gln::purpose p,
                    const gln::regimen& plan, const gln::policy& applied) noexcept {
  const double daily = plan.per_dose.value() * static_cast<double>(plan.doses_per_day);
  GLN_FUZZ_CHECK(d.per_day.has_value());
  GLN_FUZZ_CHECK(d.per_day->value() == daily);
  const bool supervised = in.person.oversight == gln::oversight::clinician_supervised;
  const auto fires = [&](rule id) { return d.findings.contains(id); };

  GLN_FUZZ_CHECK(fires(rule::dose_gi_effects_likely) == (daily >= 10.0));
  GLN_FUZZ_CHECK(fires(rule::dose_above_adult_maximum) ==
                 (daily > applied.adult_maximum_daily.value()));
  GLN_FUZZ_CHECK(fires(rule::dose_above_observed_safe_level) ==
                 (!supervised && daily > applied.observed_safe_daily.value()));
  GLN_FUZZ_CHECK(fires(rule::dose_above_self_directed_ceiling) ==
                 (!supervised && daily > applied.self_directed_daily_ceiling.value()));
  GLN_FUZZ_CHECK(fires(rule::dose_per_dose_large) ==
                 (!supervised && plan.per_dose.value() > applied.split_dose_above.value()));

  const bool weight_known = in.person.weight_kg.has_value();  // valid: checked by the caller
  const double kg = weight_known ? in.person.weight_kg->value() : 0.0;
  const bool child =
      in.person.age_years.has_value() && *in.person.age_years < applied.adult_age_years;
  const bool child_over_limit =
      child && weight_known && daily / kg > applied.child_max_per_kg.value();
  // The Endari label's own band dose, twice a day, for a supervised child of 5 or more with
  // sickle-cell disease (§5 bands: < 30 kg 5 g, 30-65 kg 10 g, > 65 kg 15 g) is
  // dose.child_per_kg_label_band instead (§6), unless the policy withdraws it. The fuzzed
  // weights are current.
  const double band_dose = kg < 30.0 ? 5.0 : (kg <= 65.0 ? 10.0 : 15.0);
  const bool label_band = child_over_limit && p == gln::purpose::sickle_cell_disease &&
                          supervised && *in.person.age_years >= 5.0 &&
                          plan.per_dose.value() == band_dose && plan.doses_per_day == 2 &&
                          applied.allow_label_band_dose;
  GLN_FUZZ_CHECK(fires(rule::dose_child_per_kg) == (child_over_limit && !label_band));
  GLN_FUZZ_CHECK(fires(rule::dose_child_per_kg_label_band) == label_band);
  GLN_FUZZ_CHECK(
      fires(rule::dose_critical_per_kg) ==
      (is_critical(p) && weight_known && daily / kg > applied.critical_max_per_kg.value()));
  // Contraindication-strength dose findings are avoid whatever the oversight.
  if (fires(rule::dose_child_per_kg))
    GLN_FUZZ_CHECK(d.findings.level_of(rule::dose_child_per_kg) == gln::verdict::avoid);
  if (fires(rule::dose_critical_per_kg))
    GLN_FUZZ_CHECK(d.findings.level_of(rule::dose_critical_per_kg) == gln::verdict::avoid);
  if (fires(rule::dose_above_adult_maximum) && !supervised)
    GLN_FUZZ_CHECK(d.overall == gln::verdict::avoid);
}

void check(const gln::dose_check& d, const fuzzed_profile& in, gln::purpose p,
           const gln::regimen& plan, const gln::policy& requested) noexcept {
  const gln::policy applied = gln::effective(requested);
  GLN_FUZZ_CHECK(d.purpose == p);
  GLN_FUZZ_CHECK(d.oversight == in.person.oversight);
  check_findings(d.findings, d.overall, p, in.person.oversight, applied);

  // The screening findings come first, exactly as screen() gives them.
  const gln::screening s = gln::screen(in.person, p, requested);
  GLN_FUZZ_CHECK(d.findings.size() >= s.findings.size());
  for (std::size_t i = 0; i < s.findings.size(); ++i)
    GLN_FUZZ_CHECK(d.findings[i] == s.findings[i]);
  check_sorted(d.findings, s.findings.size(), d.findings.size());
  GLN_FUZZ_CHECK(d.overall >= s.overall);

  const invalid_fields bad = expected_invalid(in, p, applied);
  const regimen_fields bad_regimen = expected_invalid_regimen(plan, applied);
  check_invalid_profile(d.findings, d.overall, bad);
  GLN_FUZZ_CHECK(has_invalid(d.findings, gln::input_field::grams_per_dose) == bad_regimen.grams);
  GLN_FUZZ_CHECK(has_invalid(d.findings, gln::input_field::doses_per_day) == bad_regimen.doses);
  GLN_FUZZ_CHECK(has_invalid(d.findings, gln::input_field::weeks) == bad_regimen.weeks);
  const bool regimen_ok = !bad_regimen.grams && !bad_regimen.doses && !bad_regimen.weeks;
  if (!regimen_ok) GLN_FUZZ_CHECK(d.overall == gln::verdict::avoid);
  GLN_FUZZ_CHECK(d.valid() == (!bad.any() && regimen_ok));
  if (bad_regimen.grams || bad_regimen.doses) GLN_FUZZ_CHECK(!d.per_day.has_value());
  if (!bad.any() && !bad_regimen.grams && !bad_regimen.doses)
    check_ceilings(d, in, p, plan, applied);
}

bool same_findings(const gln::finding_list& a, const gln::finding_list& b) noexcept {
  if (a.size() != b.size()) return false;
  auto other = b.begin();
  for (const gln::finding& f : a) {
    if (!(f == *other)) return false;
    ++other;
  }
  return true;
}

bool half_grams(double value) noexcept { return std::floor(value * 2.0) == value * 2.0; }

// assess (the issue "one answer an app can show"): check_dose's findings and verdict with a
// regimen, screen's without; an action that follows from the findings and does not move for
// a regimen that adds nothing; a dose only when the action allows one, within the purpose's
// range and in half grams.
void check_assess(const gln::dose_check& d, const fuzzed_profile& in, gln::purpose p,
                  const gln::regimen& plan, const gln::policy& requested) noexcept {
  const gln::assessment with = gln::assess(in.person, p, plan, requested);
  const gln::assessment without = gln::assess(in.person, p, requested);
  const gln::screening s = gln::screen(in.person, p, requested);
  GLN_FUZZ_CHECK(with.overall == d.overall && same_findings(with.findings, d.findings));
  GLN_FUZZ_CHECK(without.overall == s.overall && same_findings(without.findings, s.findings));
  for (const gln::assessment* a : {&with, &without}) {
    GLN_FUZZ_CHECK((a->action == gln::action::do_not_take) == (a->overall == gln::verdict::avoid));
    GLN_FUZZ_CHECK(a->valid() == !a->findings.contains(rule::input_invalid));
    GLN_FUZZ_CHECK(a->dose.has_value() == (a->dose_shown == gln::dose_status::shown));
    GLN_FUZZ_CHECK(!a->label().empty());
    if (!a->dose) continue;
    GLN_FUZZ_CHECK(a->action == gln::action::ok || a->action == gln::action::ok_with_care);
    const gln::dose_guidance g = gln::dose_for(in.person, p, requested);
    GLN_FUZZ_CHECK(a->dose->per_day.has_value() && g.per_day.has_value());
    const gln::range<gln::grams>& shown = *a->dose->per_day;
    GLN_FUZZ_CHECK(half_grams(shown.min.value()) && half_grams(shown.max.value()));
    GLN_FUZZ_CHECK(shown.min <= shown.max && shown.max <= g.per_day->max);
    GLN_FUZZ_CHECK(!a->dose->summary().view().empty());
    // Taking the most the dose offers is not refused: check_dose of it fires no avoid rule.
    GLN_FUZZ_CHECK(shown.max.value() > 0.0);
    const gln::shown_dose& offered = *a->dose;
    const gln::regimen top =
        offered.per_dose && offered.doses_per_day
            ? gln::regimen{offered.per_dose->max, offered.doses_per_day->max, gln::nullopt}
            : gln::regimen{shown.max, 1, gln::nullopt};
    GLN_FUZZ_CHECK(gln::check_dose(in.person, p, top, requested).overall != gln::verdict::avoid);
  }
  // Dose findings beyond dose.no_self_directed_range (the purpose's fact) are the only way a
  // regimen moves the action.
  bool regimen_adds = false;
  for (const gln::finding& f : d.findings) {
    regimen_adds = regimen_adds ||
                   (!s.findings.contains(f.rule) && f.rule != rule::dose_no_self_directed_range);
  }
  if (!regimen_adds) GLN_FUZZ_CHECK(with.action == without.action);
  GLN_FUZZ_CHECK(with.action >= without.action || regimen_adds);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  reader in{data, size};
  const fuzzed_profile fp = read_profile(in);
  const auto p = in.enumerator<gln::purpose>();
  const gln::regimen plan = read_regimen(in);
  const gln::policy requested = read_policy(in);
  check_effective(requested);

  const gln::dose_check d = gln::check_dose(fp.person, p, plan, requested);
  check(d, fp, p, plan, requested);
  check_assess(d, fp, p, plan, requested);

  // No policy loosens the default: overall never lower, every avoid finding kept.
  const gln::dose_check base = gln::check_dose(fp.person, p, plan);
  check(base, fp, p, plan, gln::policy{});
  GLN_FUZZ_CHECK(d.overall >= base.overall);
  check_avoid_kept(base.findings, d.findings, false);

  // Supervision never lowers avoid (the adult maximum and the labelled band dose are the
  // documented exceptions).
  if (gln::is_valid(fp.person.oversight)) {
    fuzzed_profile self = fp;
    self.person.oversight = gln::oversight::self_directed;
    fuzzed_profile supervised = fp;
    supervised.person.oversight = gln::oversight::clinician_supervised;
    const gln::dose_check alone = gln::check_dose(self.person, p, plan, requested);
    const gln::dose_check overseen = gln::check_dose(supervised.person, p, plan, requested);
    check(alone, self, p, plan, requested);
    check(overseen, supervised, p, plan, requested);
    GLN_FUZZ_CHECK(overseen.overall <= alone.overall);
    check_avoid_kept(alone.findings, overseen.findings, true);
  }
  return 0;
}
