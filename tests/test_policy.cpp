// gln::policy: the defaults are knowledge.md's numbers; an app may tighten any of them, and
// a looser, NaN or infinite value falls back to the default (§6: "a policy may make
// thresholds stricter, never looser than the defaults here").
#include <gln/gln.hpp>

#include <cstddef>
#include <limits>
#include <optional>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln_test::adult;
using gln_test::dose;
using gln_test::person;

using gln::purpose;
using gln::rule;
using gln::verdict;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

bool fires(const gln::profile& who, purpose why, const gln::regimen& plan, rule id,
           const gln::policy& rules) {
  return gln::check_dose(who, why, plan, rules).findings.contains(id);
}

bool fires(const gln::profile& who, purpose why, const gln::regimen& plan, rule id) {
  return gln::check_dose(who, why, plan).findings.contains(id);
}

bool minor(const gln::profile& who, const gln::policy& rules) {
  return gln::screen(who, purpose::general_recovery, rules).findings.contains(rule::caution_minor);
}

}  // namespace

TEST_CASE("the default policy holds knowledge.md's numbers", "[policy]") {
  const gln::policy p{};
  CHECK(p.adult_age_years == 18.0);                      // caution.minor, dose.child_per_kg
  CHECK(p.split_dose_above.value() == 10.0);             // dose.per_dose_large
  CHECK(p.self_directed_daily_ceiling.value() == 20.0);  // dose.above_self_directed_ceiling
  CHECK(p.observed_safe_daily.value() == 14.0);          // dose.above_observed_safe_level
  CHECK(p.adult_maximum_daily.value() == 40.0);          // dose.above_adult_maximum
  CHECK(p.child_max_per_kg.value() == 0.65);             // dose.child_per_kg
  CHECK(p.critical_max_per_kg.value() == 0.5);           // dose.critical_per_kg
  CHECK(p.max_age_years == 130.0);                       // input.invalid
  CHECK(p.max_weight.value() == 700.0);                  // input.invalid
  CHECK(p.max_doses_per_day == 12);                      // input.invalid
  CHECK(p.general_recovery_step_up_day == 5);            // §5
  CHECK(p.general_recovery_review_day == 14);            // §5, §8
  CHECK(p.gut_barrier_review_day == 14);                 // §8
  CHECK(p.ibs_review_day == 28);                         // §8
  CHECK(p.training_review_day == 14);                    // §8
}

TEST_CASE("a stricter policy changes the results", "[policy]") {
  SECTION("a lower self-directed daily ceiling") {
    gln::policy p{};
    p.self_directed_daily_ceiling = gln::grams{15.0};
    CHECK_FALSE(
        fires(adult(), purpose::gut_barrier, dose(8, 2), rule::dose_above_self_directed_ceiling));
    CHECK(fires(adult(), purpose::gut_barrier, dose(8, 2), rule::dose_above_self_directed_ceiling,
                p));
    CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(8, 2), p).overall ==
          verdict::clinician_only);
  }
  SECTION("a higher adult age") {
    gln::policy p{};
    p.adult_age_years = 21.0;
    CHECK_FALSE(minor(person(19.0, 70.0), gln::policy{}));
    CHECK(minor(person(19.0, 70.0), p));
    CHECK_FALSE(minor(person(21.0, 70.0), p));
    CHECK(gln::plan_trial(person(19.0, 70.0), purpose::general_recovery, p).status ==
          gln::plan_status::ask_clinician_first);
    CHECK(gln::plan_trial(person(19.0, 70.0), purpose::general_recovery).status ==
          gln::plan_status::ready);
  }
  SECTION("a lower split-dose threshold") {
    gln::policy p{};
    p.split_dose_above = gln::grams{5.0};
    CHECK_FALSE(fires(adult(), purpose::gut_barrier, dose(7.5, 2), rule::dose_per_dose_large));
    CHECK(fires(adult(), purpose::gut_barrier, dose(7.5, 2), rule::dose_per_dose_large, p));
  }
  SECTION("a lower observed safe level") {
    gln::policy p{};
    p.observed_safe_daily = gln::grams{12.0};
    CHECK_FALSE(
        fires(adult(), purpose::gut_barrier, dose(6.5, 2), rule::dose_above_observed_safe_level));
    CHECK(fires(adult(), purpose::gut_barrier, dose(6.5, 2), rule::dose_above_observed_safe_level,
                p));
  }
  SECTION("a lower adult maximum") {
    gln::policy p{};
    p.adult_maximum_daily = gln::grams{30.0};
    CHECK_FALSE(fires(adult(), purpose::gut_barrier, dose(7, 5), rule::dose_above_adult_maximum));
    CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(7, 5), p)
              .findings.level_of(rule::dose_above_adult_maximum) == verdict::avoid);
  }
  SECTION("a lower per-kg limit for children") {
    gln::policy p{};
    p.child_max_per_kg = gln::grams_per_kg_day{0.5};
    const gln::profile child = person(12.0, 20.0);
    CHECK_FALSE(fires(child, purpose::gut_barrier, dose(6, 2), rule::dose_child_per_kg));
    CHECK(fires(child, purpose::gut_barrier, dose(6, 2), rule::dose_child_per_kg, p));
  }
  SECTION("a lower per-kg limit in critical care") {
    gln::policy p{};
    p.critical_max_per_kg = gln::grams_per_kg_day{0.4};
    CHECK_FALSE(fires(adult(), purpose::critical_illness, dose(15, 2), rule::dose_critical_per_kg));
    CHECK(fires(adult(), purpose::critical_illness, dose(15, 2), rule::dose_critical_per_kg, p));
  }
  SECTION("tighter plausibility bounds") {
    gln::policy p{};
    p.max_age_years = 100.0;
    p.max_weight = gln::kilograms{300.0};
    p.max_doses_per_day = 6;
    const gln::profile old = person(110.0, 70.0);
    CHECK(gln::screen(old, purpose::general_recovery).valid());
    CHECK_FALSE(gln::screen(old, purpose::general_recovery, p).valid());
    const gln::profile heavy = person(40.0, 350.0);
    CHECK(gln::dose_for(heavy, purpose::gut_barrier).valid());
    CHECK(gln::dose_for(heavy, purpose::gut_barrier, p).invalid_input ==
          gln::input_field::weight_kg);
    CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(1, 7)).valid());
    CHECK_FALSE(gln::check_dose(adult(), purpose::gut_barrier, dose(1, 7), p).valid());
    CHECK(gln::plan_trial(old, purpose::general_recovery, p).status ==
          gln::plan_status::invalid_input);
  }
  SECTION("earlier reviews and a later step-up") {
    gln::policy p{};
    p.general_recovery_review_day = 10;
    p.general_recovery_step_up_day = 7;
    p.gut_barrier_review_day = 7;
    p.ibs_review_day = 21;
    p.training_review_day = 10;
    const gln::trial_plan general = gln::plan_trial(adult(), purpose::general_recovery, p);
    CHECK(general.review_day == 10);
    REQUIRE(general.step_up_day.has_value());
    CHECK(*general.step_up_day == 7);
    CHECK(gln::plan_trial(adult(), purpose::gut_barrier, p).review_day == 7);
    CHECK(gln::plan_trial(adult(), purpose::ibs_symptoms, p).review_day == 21);
    CHECK(gln::plan_trial(adult(), purpose::exercise_recovery, p).review_day == 10);
    CHECK(gln::plan_trial(adult(), purpose::endurance_gut_stress, p).review_day == 10);
  }
  SECTION("a review before the step-up day ends the trial at the start dose") {
    gln::policy p{};
    p.general_recovery_review_day = 4;  // sooner than the step-up on day 5
    const gln::trial_plan general = gln::plan_trial(adult(), purpose::general_recovery, p);
    REQUIRE(general.has_dosing());
    CHECK(general.review_day == 4);
    CHECK_FALSE(general.step_up_day.has_value());
    CHECK(general.start_doses_per_day == 1);
    // A later step-up may not pass the review: with the review before the default step-up day
    // the default stays, which the earlier review then drops.
    p.general_recovery_step_up_day = 6;
    CHECK(gln::effective(p).general_recovery_step_up_day == 5);
    CHECK_FALSE(gln::plan_trial(adult(), purpose::general_recovery, p).step_up_day.has_value());
  }
  SECTION("a step-up later than the review is the review day: no step-up, never the default") {
    gln::policy p{};
    p.general_recovery_step_up_day = 20;  // after the review on day 14
    CHECK(gln::effective(p).general_recovery_step_up_day == 14);
    const gln::trial_plan general = gln::plan_trial(adult(), purpose::general_recovery, p);
    REQUIRE(general.has_dosing());
    CHECK_FALSE(general.step_up_day.has_value());
    CHECK(general.max_doses_per_day == 2);
    // Not a finite day: the default.
    p.general_recovery_step_up_day = 2000000;
    CHECK(gln::effective(p).general_recovery_step_up_day == 5);
  }
}

TEST_CASE("a looser policy is clamped back to the defaults", "[policy]") {
  SECTION("adult age 10 still flags a 15-year-old") {
    gln::policy p{};
    p.adult_age_years = 10.0;
    CHECK(minor(person(15.0, 50.0), p));
    CHECK(gln::screen(person(15.0, 50.0), purpose::general_recovery, p)
              .findings.level_of(rule::caution_minor) == verdict::clinician_only);
    // And the child per-kg limit still applies to them.
    CHECK(fires(person(15.0, 20.0), purpose::general_recovery, dose(5, 3), rule::dose_child_per_kg,
                p));
  }
  SECTION("a 100 g ceiling still flags 25 g/day") {
    gln::policy p{};
    p.self_directed_daily_ceiling = gln::grams{100.0};
    CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(12.5, 2), p)
              .findings.level_of(rule::dose_above_self_directed_ceiling) ==
          verdict::clinician_only);
  }
  SECTION("every other threshold") {
    gln::policy p{};
    p.split_dose_above = gln::grams{50.0};
    p.observed_safe_daily = gln::grams{50.0};
    p.adult_maximum_daily = gln::grams{100.0};
    p.child_max_per_kg = gln::grams_per_kg_day{2.0};
    p.critical_max_per_kg = gln::grams_per_kg_day{1.0};
    CHECK(fires(adult(), purpose::gut_barrier, dose(12, 1), rule::dose_per_dose_large, p));
    CHECK(fires(adult(), purpose::gut_barrier, dose(7.5, 2), rule::dose_above_observed_safe_level,
                p));
    CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(10, 5), p)
              .findings.level_of(rule::dose_above_adult_maximum) == verdict::avoid);
    CHECK(gln::check_dose(person(15.0, 20.0), purpose::general_recovery, dose(5, 3), p)
              .findings.level_of(rule::dose_child_per_kg) == verdict::avoid);
    CHECK(gln::check_dose(adult(), purpose::burns, dose(20, 2), p)
              .findings.level_of(rule::dose_critical_per_kg) == verdict::avoid);
  }
  SECTION("wider plausibility bounds") {
    gln::policy p{};
    p.max_age_years = 200.0;
    p.max_weight = gln::kilograms{1000.0};
    p.max_doses_per_day = 20;
    CHECK_FALSE(gln::screen(person(131.0, 70.0), purpose::general_recovery, p).valid());
    CHECK(gln::dose_for(person(40.0, 701.0), purpose::gut_barrier, p).invalid_input ==
          gln::input_field::weight_kg);
    CHECK_FALSE(gln::check_dose(adult(), purpose::gut_barrier, dose(1, 13), p).valid());
  }
  SECTION("later reviews and an earlier step-up") {
    gln::policy p{};
    p.general_recovery_review_day = 30;
    p.general_recovery_step_up_day = 2;
    p.gut_barrier_review_day = 60;
    p.ibs_review_day = 60;
    p.training_review_day = 30;
    const gln::trial_plan general = gln::plan_trial(adult(), purpose::general_recovery, p);
    CHECK(general.review_day == 14);
    REQUIRE(general.step_up_day.has_value());
    CHECK(*general.step_up_day == 5);
    CHECK(gln::plan_trial(adult(), purpose::gut_barrier, p).review_day == 14);
    CHECK(gln::plan_trial(adult(), purpose::ibs_symptoms, p).review_day == 28);
    CHECK(gln::plan_trial(adult(), purpose::exercise_recovery, p).review_day == 14);
  }
  SECTION("zero and negative days fall back") {
    gln::policy p{};
    p.general_recovery_review_day = 0;
    p.gut_barrier_review_day = -7;
    CHECK(gln::plan_trial(adult(), purpose::general_recovery, p).review_day == 14);
    CHECK(gln::plan_trial(adult(), purpose::gut_barrier, p).review_day == 14);
  }
}

TEST_CASE("NaN and infinite policy fields fall back to the defaults", "[policy]") {
  for (const double bad : {not_a_number, infinity, -infinity}) {
    CAPTURE(bad);
    gln::policy p{};
    p.adult_age_years = bad;
    p.split_dose_above = gln::grams{bad};
    p.self_directed_daily_ceiling = gln::grams{bad};
    p.observed_safe_daily = gln::grams{bad};
    p.adult_maximum_daily = gln::grams{bad};
    p.child_max_per_kg = gln::grams_per_kg_day{bad};
    p.critical_max_per_kg = gln::grams_per_kg_day{bad};
    p.max_age_years = bad;
    p.max_weight = gln::kilograms{bad};

    // Same as the defaults on both sides of each threshold.
    CHECK(minor(person(17.5, 60.0), p));
    CHECK_FALSE(minor(person(18.0, 60.0), p));
    CHECK(fires(adult(), purpose::gut_barrier, dose(10.5, 2),
                rule::dose_above_self_directed_ceiling, p));
    CHECK_FALSE(fires(adult(), purpose::gut_barrier, dose(10, 2),
                      rule::dose_above_self_directed_ceiling, p));
    CHECK(fires(adult(), purpose::gut_barrier, dose(10.5, 1), rule::dose_per_dose_large, p));
    CHECK_FALSE(fires(adult(), purpose::gut_barrier, dose(10, 1), rule::dose_per_dose_large, p));
    CHECK(fires(adult(), purpose::gut_barrier, dose(7.5, 2), rule::dose_above_observed_safe_level,
                p));
    CHECK_FALSE(
        fires(adult(), purpose::gut_barrier, dose(7, 2), rule::dose_above_observed_safe_level, p));
    CHECK(fires(adult(), purpose::gut_barrier, dose(10, 5), rule::dose_above_adult_maximum, p));
    CHECK_FALSE(
        fires(adult(), purpose::gut_barrier, dose(8, 5), rule::dose_above_adult_maximum, p));
    CHECK(fires(person(15.0, 20.0), purpose::general_recovery, dose(5, 3), rule::dose_child_per_kg,
                p));
    CHECK_FALSE(fires(person(15.0, 20.0), purpose::general_recovery, dose(6.5, 2),
                      rule::dose_child_per_kg, p));
    CHECK(fires(adult(), purpose::critical_illness, dose(20, 2), rule::dose_critical_per_kg, p));
    CHECK_FALSE(
        fires(adult(), purpose::critical_illness, dose(17.5, 2), rule::dose_critical_per_kg, p));
    CHECK(gln::screen(person(130.0, 700.0), purpose::general_recovery, p).valid());
    CHECK_FALSE(gln::screen(person(130.5, 70.0), purpose::general_recovery, p).valid());
    CHECK_FALSE(gln::screen(person(40.0, 700.5), purpose::general_recovery, p).valid());

    const gln::policy used = gln::effective(p);
    CHECK(used.adult_age_years == 18.0);
    CHECK(used.self_directed_daily_ceiling.value() == 20.0);
    CHECK(used.max_weight.value() == 700.0);
  }
}

TEST_CASE("policies compare field by field", "[policy]") {
  CHECK(gln::policy{} == gln::policy{});
  gln::policy changed{};
  changed.training_review_day = 10;
  CHECK(changed != gln::policy{});
  CHECK_FALSE(changed == gln::policy{});
  changed = gln::policy{};
  changed.max_weight = gln::kilograms{650.0};
  CHECK(changed != gln::policy{});
  CHECK(gln::effective(changed) == changed);  // stricter: kept
  changed.adult_age_years = 10.0;             // looser: clamped
  CHECK(gln::effective(changed) != changed);
}

TEST_CASE("no policy moves a contraindication", "[policy]") {
  gln::policy loose{};
  loose.adult_age_years = 1.0;
  loose.self_directed_daily_ceiling = gln::grams{1000.0};
  loose.adult_maximum_daily = gln::grams{1000.0};
  loose.child_max_per_kg = gln::grams_per_kg_day{100.0};
  loose.critical_max_per_kg = gln::grams_per_kg_day{100.0};
  loose.max_age_years = 1000.0;
  loose.max_weight = gln::kilograms{10000.0};
  loose.max_doses_per_day = 1000;
  for (const gln::condition c :
       {gln::condition::hepatic_encephalopathy, gln::condition::hepatic_failure,
        gln::condition::cirrhosis, gln::condition::severe_kidney_disease,
        gln::condition::multiorgan_failure, gln::condition::shock,
        gln::condition::reyes_syndrome}) {
    CAPTURE(gln::to_string(c));
    CHECK(gln::screen(person(40.0, 70.0, {c}), purpose::gut_barrier, loose).overall ==
          verdict::avoid);
    CHECK(gln::plan_trial(person(40.0, 70.0, {c}), purpose::gut_barrier, loose).status ==
          gln::plan_status::do_not_start);
  }
  CHECK(gln::screen(person(40.0, 70.0, {gln::condition::shock}), purpose::trauma, loose)
            .findings.level_of(rule::purpose_critical_with_organ_failure) == verdict::avoid);
  CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(10, 5), loose).overall ==
        verdict::avoid);
  CHECK_FALSE(gln::check_dose(adult(), purpose::gut_barrier, dose(1, 13), loose).valid());
}

TEST_CASE("the default policy passed explicitly gives the same results", "[policy]") {
  const gln::policy defaults{};
  const gln::profile who = person(16.0, 55.0, {gln::condition::msg_sensitivity});
  for (std::size_t i = 0; i < gln::enum_count<purpose>; ++i) {
    const auto why = static_cast<purpose>(i);
    CAPTURE(gln::to_string(why));
    const gln::screening a = gln::screen(who, why);
    const gln::screening b = gln::screen(who, why, defaults);
    CHECK(a.overall == b.overall);
    REQUIRE(a.findings.size() == b.findings.size());
    for (std::size_t k = 0; k < a.findings.size(); ++k) CHECK(a.findings[k] == b.findings[k]);
    const gln::dose_check c = gln::check_dose(who, why, dose(10, 2));
    const gln::dose_check d = gln::check_dose(who, why, dose(10, 2), defaults);
    CHECK(c.overall == d.overall);
    CHECK(c.findings.size() == d.findings.size());
    CHECK(gln::plan_trial(who, why).status == gln::plan_status::ask_clinician_first);
    CHECK(gln::plan_trial(who, why, defaults).status == gln::plan_status::ask_clinician_first);
    CHECK(gln::dose_for(who, why).access == gln::dose_for(who, why, defaults).access);
  }
}
