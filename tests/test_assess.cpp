// assess(): one answer an app can show. Each case of issue "assess(): one answer an app can
// show" is here: pages built on screen() alone, dose_for() alone or findings[0] went wrong
// (gln-check's side of it: examples/gln-check/tests).
#include <gln/gln.hpp>
#include <gln/ostream.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln::action;
using gln::condition;
using gln::dose_status;
using gln::medication;
using gln::purpose;
using gln::rule;
using gln::verdict;
using gln_test::adult;
using gln_test::dose;
using gln_test::person;
using gln_test::supervised;

}  // namespace

TEST_CASE("a goal with evidence against is not recommended, with or without a regimen",
          "[assess]") {
  // screen() says suitable, check_dose() clinician_only: a page built on screen() alone offered
  // glutamine for a goal it should not.
  CHECK(gln::screen(adult(), purpose::muscle_strength).overall == verdict::suitable);
  const gln::assessment plain = gln::assess(adult(), purpose::muscle_strength);
  CHECK(plain.action == action::not_recommended);
  CHECK(plain.label() == "Not recommended");
  CHECK_FALSE(plain.dose.has_value());
  CHECK(plain.dose_shown == dose_status::not_recommended);
  CHECK(plain.evidence.grade == gln::evidence_grade::against);

  const gln::assessment with_dose = gln::assess(adult(), purpose::muscle_strength, dose(5.0, 1));
  CHECK(with_dose.action == action::not_recommended);  // the purpose's fact, not the regimen's
  CHECK(with_dose.findings.contains(rule::dose_no_self_directed_range));
  CHECK(with_dose.regimen.has_value());
}

TEST_CASE("no dose is shown to a person who must not take glutamine", "[assess]") {
  // dose_for() ignores screening: gln-check printed a self-directed range under AVOID.
  const gln::assessment a =
      gln::assess(adult({condition::cirrhosis}, {medication::lactulose}), purpose::gut_barrier);
  CHECK(a.action == action::do_not_take);
  CHECK(a.overall == verdict::avoid);
  CHECK(a.dose_shown == dose_status::do_not_take);
  CHECK_FALSE(a.dose.has_value());
  CHECK(a.trial().status == gln::plan_status::do_not_start);
}

TEST_CASE("each finding says which input made it fire", "[assess]") {
  const gln::assessment a =
      gln::assess(adult({}, {medication::anticonvulsant}), purpose::gut_barrier);
  REQUIRE(a.findings.first().has_value());
  const gln::finding f = *a.findings.first();
  CHECK(f.rule == rule::caution_seizure_disorder);
  CHECK(f.cause.which_medication() == medication::anticonvulsant);
  CHECK_FALSE(f.cause.which_condition().has_value());
  CHECK(a.action == action::ask_clinician);
}

TEST_CASE("a person who is fine has no top finding to show", "[assess]") {
  const gln::assessment a = gln::assess(adult(), purpose::gut_barrier);
  CHECK(a.action == action::ok);
  CHECK(a.label() == "OK to try");
  CHECK(a.findings.empty());
  CHECK_FALSE(a.findings.first().has_value());
}

TEST_CASE("the dose shown is ready text, rounded for people", "[assess]") {
  const gln::assessment recovery = gln::assess(adult(), purpose::general_recovery);
  REQUIRE(recovery.dose.has_value());
  CHECK(recovery.dose->summary() == "5 g once or twice a day (5-10 g/day)");
  const gln::assessment gut = gln::assess(adult(), purpose::gut_barrier);
  REQUIRE(gut.dose.has_value());
  CHECK(gut.dose->summary() == "5-10 g twice a day (10-20 g/day; above 14 g/day with a clinician)");
  const gln::assessment ibs = gln::assess(adult(), purpose::ibs_symptoms);
  CHECK(ibs.action == action::ok_with_care);  // purpose.ibs_other_causes
  REQUIRE(ibs.dose.has_value());
  CHECK(ibs.dose->summary() == "5 g three times a day (15 g/day; above 14 g/day with a clinician)");

  // Trauma under supervision at 65.5 kg: 0.2-0.3 g/kg/day is 13.1-19.65 g/day; shown inside,
  // to the half gram.
  const gln::assessment trauma = gln::assess(supervised(person(40.0, 65.5)), purpose::trauma);
  CHECK(trauma.action == action::ok_with_care);
  REQUIRE(trauma.dose.has_value());
  CHECK(trauma.dose->per_day->min.value() == 13.5);
  CHECK(trauma.dose->per_day->max.value() == 19.5);
  CHECK(trauma.dose->summary() == "13.5-19.5 g/day");

  // The labelled sickle-cell band under supervision: one amount, written once.
  const gln::assessment sickle = gln::assess(supervised(adult({condition::sickle_cell_disease})),
                                             purpose::sickle_cell_disease);
  CHECK(sickle.action == action::ok_with_care);
  REQUIRE(sickle.dose.has_value());
  CHECK(sickle.dose->summary() == "15 g twice a day (30 g/day)");
}

TEST_CASE("under supervision the action follows the supervised verdicts", "[assess]") {
  // clinician_only findings count as caution; a clinician-managed purpose is not ask_clinician.
  const gln::profile pregnant = adult({condition::pregnancy});
  CHECK(gln::assess(pregnant, purpose::gut_barrier).action == action::ask_clinician);
  CHECK_FALSE(gln::assess(pregnant, purpose::gut_barrier).dose.has_value());
  CHECK(gln::assess(supervised(pregnant), purpose::gut_barrier).action == action::ok_with_care);
  CHECK(gln::assess(adult(), purpose::critical_illness).action == action::ask_clinician);
  CHECK(gln::assess(supervised(adult()), purpose::critical_illness).action == action::ok_with_care);
  // The evidence does not change, and avoid stays.
  CHECK(gln::assess(supervised(adult()), purpose::athletic_performance).action ==
        action::not_recommended);
  CHECK(gln::assess(supervised(adult({condition::shock})), purpose::critical_illness).action ==
        action::do_not_take);
}

TEST_CASE("a regimen changes the action only when it is the problem", "[assess]") {
  CHECK(gln::assess(adult(), purpose::gut_barrier, dose(5.0, 2)).action == action::ok);
  const gln::assessment high = gln::assess(adult(), purpose::gut_barrier, dose(10.0, 5));
  CHECK(high.action == action::do_not_take);  // 50 g/day: above the adult maximum
  CHECK(high.findings.level_of(rule::dose_above_adult_maximum) == verdict::avoid);
  CHECK(gln::assess(adult(), purpose::gut_barrier, dose(10.0, 2)).action == action::ok_with_care);
}

TEST_CASE("no dose is shown that its own dose check would refuse", "[assess]") {
  // Supervised, the purpose's row is shown; it is not above a limit that never moves
  // (knowledge.md §6). Each case below showed a dose whose check_dose was avoid.
  struct refused_case {
    gln::profile who;
    purpose goal;
  };
  const refused_case cases[] = {
      {supervised(person(3.0, 14.0)), purpose::sickle_cell_disease},  // 0.71 g/kg/day, under 5
      {supervised(person(0.0, 3.0)), purpose::sickle_cell_disease},
      {supervised(person(2.0, 12.0)), purpose::gut_barrier},           // 10-20 g/day at 12 kg
      {supervised(person(2.0, 12.0)), purpose::short_bowel_syndrome},  // 30 g/day
      {supervised(person(2.0, 12.0)), purpose::oral_mucositis},        // up to 30 g/day
  };
  for (const refused_case& c : cases) {
    const gln::assessment a = gln::assess(c.who, c.goal);
    CHECK(a.action == action::ok_with_care);
    CHECK_FALSE(a.dose.has_value());
    CHECK(a.dose_shown == dose_status::ask_clinician);
  }
  const gln::regimen sickle_band = dose(5.0, 2);
  CHECK(gln::check_dose(supervised(person(3.0, 14.0)), purpose::sickle_cell_disease, sickle_band)
            .overall == verdict::avoid);

  // A stricter adult maximum than the range: the range is not offered.
  gln::policy strict{};
  strict.adult_maximum_daily = gln::grams{12.0};
  CHECK(gln::check_dose(adult(), purpose::gut_barrier, dose(10.0, 2), strict).overall ==
        verdict::avoid);
  const gln::assessment capped = gln::assess(adult(), purpose::gut_barrier, strict);
  CHECK_FALSE(capped.dose.has_value());
  CHECK(capped.dose_shown == dose_status::ask_clinician);
  CHECK(capped.action == gln::action::ok);  // README: ok can come without a dose

  // A per-kg range that rounds to nothing is not shown as "0 g/day".
  const gln::assessment tiny = gln::assess(supervised(person(40.0, 1.0)), purpose::trauma);
  CHECK_FALSE(tiny.dose.has_value());
  CHECK(tiny.dose_shown == dose_status::ask_clinician);

  // The labelled case stays: the Endari band twice a day from age 5 under supervision.
  const gln::assessment labelled =
      gln::assess(supervised(person(8.0, 15.0)), purpose::sickle_cell_disease);
  REQUIRE(labelled.dose.has_value());
  CHECK(labelled.dose->summary().view() == "5 g twice a day (10 g/day)");
}

TEST_CASE("when no dose is shown, the result says why", "[assess]") {
  CHECK(gln::assess(supervised(person(40.0, gln::nullopt)), purpose::sickle_cell_disease)
            .dose_shown == dose_status::weight_needed);
  gln::policy eight{};
  eight.self_directed_daily_ceiling = gln::grams{8.0};
  const gln::assessment closed = gln::assess(adult(), purpose::gut_barrier, eight);
  CHECK(closed.dose_shown == dose_status::closed_by_policy);
  // The action follows the findings alone: nothing stands in the way, and no dose is shown.
  CHECK(closed.action == gln::action::ok);
  CHECK_FALSE(closed.dose.has_value());
  CHECK(gln::assess(supervised(adult()), purpose::surgical_recovery).dose_shown ==
        dose_status::no_range);
  const gln::assessment bad = gln::assess(person(-1.0, 70.0), purpose::gut_barrier);
  CHECK_FALSE(bad.valid());
  CHECK(bad.action == action::do_not_take);
  CHECK(bad.dose_shown == dose_status::invalid_input);
  // An unknown age is a caution, not a refusal: the dose is shown with the finding.
  const gln::assessment no_age = gln::assess(person(gln::nullopt, 70.0), purpose::gut_barrier);
  CHECK(no_age.action == action::ok_with_care);
  CHECK(no_age.dose.has_value());
}

TEST_CASE("every action has a plain label, and the enums list their values", "[assess][api]") {
  CHECK(gln::plain_label(action::ok_with_care) == "OK with care");
  CHECK(gln::plain_label(action::ask_clinician) == "Ask your doctor first");
  CHECK(gln::plain_label(action::do_not_take) == "Do not take");
  CHECK(gln::plain_label(static_cast<action>(9)).empty());
  constexpr auto purposes = gln::all<purpose>();
  static_assert(purposes.size() == gln::enum_count<purpose>);
  static_assert(purposes[3] == purpose::endurance_gut_stress);
  // Every purpose has an answer, and its action has a label.
  for (const purpose p : purposes) CHECK_FALSE(gln::assess(adult(), p).label().empty());
}

TEST_CASE("ages, weights and pounds from plain numbers", "[api]") {
  constexpr gln::profile p = gln::profile{}.set_age(40).set_weight(70);
  static_assert(*p.age_years == 40.0);
  static_assert(p.weight_kg->value() == 70.0);
  static_assert(gln::kilograms::from_pounds(100.0).value() > 45.35 &&
                gln::kilograms::from_pounds(100.0).value() < 45.36);
  CHECK(gln::assess(p, purpose::gut_barrier).action == action::ok);
}

namespace {

std::optional<gln::cause> cause_of(const gln::assessment& a, rule id) {
  for (const gln::finding& f : a.findings) {
    if (f.rule == id) return f.cause;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("the why names the input: condition, medication, age, weight, purpose, regimen",
          "[assess]") {
  // caution.seizure_disorder fires for a seizure disorder or an anticonvulsant (§4): it names
  // the one the person has.
  const auto seizure =
      cause_of(gln::assess(adult({condition::seizure_disorder}), purpose::gut_barrier),
               rule::caution_seizure_disorder);
  REQUIRE(seizure.has_value());
  CHECK(seizure->which_condition() == condition::seizure_disorder);
  CHECK_FALSE(seizure->which_medication().has_value());
  // Under 18: caution.minor, from the age.
  const auto minor =
      cause_of(gln::assess(person(16.0, 60.0), purpose::gut_barrier), rule::caution_minor);
  REQUIRE(minor.has_value());
  CHECK(minor->field == gln::input_field::age_years);
  // A weight below the 0.2 kg minimum is invalid (§4), and says so.
  const auto light =
      cause_of(gln::assess(person(40.0, 0.1), purpose::gut_barrier), rule::input_invalid);
  REQUIRE(light.has_value());
  CHECK(light->field == gln::input_field::weight_kg);
  // purpose.ibs_other_causes: from the purpose.
  const auto ibs =
      cause_of(gln::assess(adult(), purpose::ibs_symptoms), rule::purpose_ibs_other_causes);
  REQUIRE(ibs.has_value());
  CHECK(ibs->field == gln::input_field::purpose);
  // A regimen: its bad field, and a dose rule names a field of the regimen.
  const auto no_doses =
      cause_of(gln::assess(adult(), purpose::gut_barrier, dose(5.0, 0)), rule::input_invalid);
  REQUIRE(no_doses.has_value());
  CHECK(no_doses->field == gln::input_field::doses_per_day);
  const auto high = cause_of(gln::assess(adult(), purpose::gut_barrier, dose(10.0, 5)),
                             rule::dose_above_adult_maximum);
  REQUIRE(high.has_value());
  CHECK((high->field == gln::input_field::grams_per_dose ||
         high->field == gln::input_field::doses_per_day));
}

TEST_CASE("the evidence comes with the answer: grade, disagreement and summary", "[assess]") {
  // gut_barrier: moderate, the sources disagree (§7).
  const gln::assessment gut = gln::assess(adult(), purpose::gut_barrier);
  CHECK(gut.evidence.grade == gln::evidence_grade::moderate);
  CHECK(gut.evidence.sources_disagree);
  CHECK(gut.evidence.summary == gln::evidence_for(purpose::gut_barrier).summary);
  CHECK(gut.evidence.summary.find("tight junctions") != std::string_view::npos);
  // muscle_strength: against, no disagreement.
  const gln::assessment muscle = gln::assess(adult(), purpose::muscle_strength);
  CHECK(muscle.evidence.grade == gln::evidence_grade::against);
  CHECK_FALSE(muscle.evidence.sources_disagree);
}

TEST_CASE("<gln/ostream.hpp> prints enums, texts, quantities and findings", "[api]") {
  std::ostringstream out;
  const gln::assessment a = gln::assess(adult({condition::cirrhosis}), purpose::gut_barrier);
  REQUIRE(a.findings.first().has_value());
  out << a.action << '|' << a.overall << '|' << gln::grams{2.5} << '|' << *a.findings.first() << '|'
      << static_cast<action>(9) << '|';
  CHECK(out.str() ==
        "do_not_take|avoid|2.5|contra.cirrhosis (avoid): advanced liver disease: ammonia "
        "accumulation||");
}

TEST_CASE("under any stricter policy the dose shown and the trial plan agree", "[assess][policy]") {
  // For a healthy adult and every self-directed purpose: a dose is shown exactly when the plan
  // is ready, and the plan's maximum is within the dose shown (an app shows both).
  int ready = 0;
  int not_ready = 0;
  gln_test::for_each_clipping_policy(1.5, [&](purpose why, const gln::policy& rules) {
    const gln::assessment a = gln::assess(adult(), why, rules);
    const gln::trial_plan plan = a.trial();
    CHECK(a.dose.has_value() == plan.has_dosing());
    if (!plan.has_dosing()) {
      ++not_ready;
      CHECK(a.dose_shown == dose_status::closed_by_policy);
      return;
    }
    ++ready;
    REQUIRE(a.dose.has_value());
    CHECK(plan.max_per_day.value() <= a.dose->per_day->max.value());
    CHECK(plan.start_per_dose.value() >= a.dose->per_dose->min.value());
  });
  CHECK(ready > 50);
  CHECK(not_ready > 50);
}

TEST_CASE("a dose withheld for a limit no oversight moves leaves no plan either",
          "[assess][trial]") {
  // The adult maximum lowered to 14 g/day: gut_barrier's 10 g twice a day is above it (avoid
  // when self-directed), so no dose is shown; the plan's own 7 g twice a day would pass, but
  // a plan beside "ask your doctor" is a contradiction, so a clinician sets the dose.
  gln::policy fourteen{};
  fourteen.adult_maximum_daily = gln::grams{14.0};
  const gln::assessment capped = gln::assess(adult(), purpose::gut_barrier, fourteen);
  CHECK(capped.action == action::ok);
  CHECK(capped.dose_shown == dose_status::ask_clinician);
  CHECK(capped.trial().status == gln::plan_status::ask_clinician_first);
  // A supervised 10-year-old of 30 kg: 20 g/day is 0.67 g/kg/day, above 0.65 (avoid).
  const gln::assessment child = gln::assess(supervised(person(10.0, 30.0)), purpose::gut_barrier);
  CHECK(child.dose_shown == dose_status::ask_clinician);
  CHECK(child.trial().status == gln::plan_status::ask_clinician_first);
  // At 40 kg the purpose's row is within the limit: both are given.
  const gln::assessment heavier = gln::assess(supervised(person(10.0, 40.0)), purpose::gut_barrier);
  CHECK(heavier.dose_shown == dose_status::shown);
  CHECK(heavier.trial().status == gln::plan_status::ready);
}

TEST_CASE("for every person, purpose and policy, a dose is shown exactly when a plan is ready",
          "[assess][trial][policy]") {
  // Self-directed purposes, people of every age band, weight and oversight, and policies that
  // clip the range or lower a limit no oversight moves: the dose shown and the plan never
  // contradict each other, and the shown text adds up (the day is what the doses give).
  int shown = 0;
  int withheld = 0;
  for (const gln::optional<double> age :
       {gln::optional<double>{}, gln::optional<double>{10.0}, gln::optional<double>{17.0},
        gln::optional<double>{30.0}, gln::optional<double>{80.0}}) {
    for (const gln::optional<double> kg :
         {gln::optional<double>{}, gln::optional<double>{20.0}, gln::optional<double>{30.0},
          gln::optional<double>{70.0}}) {
      for (const bool overseen : {false, true}) {
        for (const double maximum : {14.0, 17.0, 40.0}) {
          gln_test::for_each_clipping_policy(4.0, [&](purpose why, gln::policy rules) {
            rules.adult_maximum_daily = gln::grams{maximum};
            gln::profile who = person(age, kg);
            if (overseen) who = supervised(who);
            CAPTURE(age.value_or(-1.0), kg.value_or(-1.0), overseen, maximum);
            const gln::assessment a = gln::assess(who, why, rules);
            const gln::trial_plan plan = a.trial();
            if (a.action != action::ok && a.action != action::ok_with_care) return;
            CHECK(a.dose.has_value() == plan.has_dosing());
            if (!a.dose) {
              ++withheld;
              return;
            }
            ++shown;
            const gln::shown_dose& d = *a.dose;
            REQUIRE(d.per_dose.has_value());
            REQUIRE(d.doses_per_day.has_value());
            CHECK(d.per_dose->max.value() * d.doses_per_day->max <= d.per_day->max.value());
            CHECK(d.per_dose->min.value() * d.doses_per_day->min >= d.per_day->min.value());
            CHECK(plan.max_per_day.value() <= d.per_day->max.value());
          });
        }
      }
    }
  }
  CHECK(shown > 100);
  CHECK(withheld > 100);
}

TEST_CASE(
    "under a policy the shown dose adds up, and supervision is not cut by self-directed ceilings",
    "[assess][policy]") {
  const auto summary = [](purpose why, const gln::policy& rules,
                          const gln::profile& who = adult()) {
    const gln::assessment a = gln::assess(who, why, rules);
    REQUIRE(a.dose.has_value());
    return std::string(a.dose->summary().view());
  };
  gln::policy split{};
  split.split_dose_above = gln::grams{5.0};
  CHECK(summary(purpose::gut_barrier, split) == "5 g twice a day (10 g/day)");
  gln::policy eight{};
  eight.self_directed_daily_ceiling = gln::grams{8.0};
  CHECK(summary(purpose::general_recovery, eight) == "5 g once a day (5 g/day)");
  gln::policy level{};
  level.observed_safe_daily = gln::grams{13.5};
  CHECK(summary(purpose::gut_barrier, level) == "5-6.5 g twice a day (10-13 g/day)");
  // Under supervision the self-directed rules do not fire (knowledge.md §6), so a 9 g/day
  // self-directed ceiling leaves the purpose's row whole, and the plan ready.
  gln::policy nine{};
  nine.self_directed_daily_ceiling = gln::grams{9.0};
  CHECK(summary(purpose::gut_barrier, nine, supervised(adult())) ==
        "5-10 g twice a day (10-20 g/day; above 14 g/day with a clinician)");
  CHECK(gln::plan_trial(supervised(adult()), purpose::gut_barrier, nine).status ==
        gln::plan_status::ready);
  CHECK(gln::assess(adult(), purpose::gut_barrier, nine).dose_shown ==
        dose_status::closed_by_policy);
}
