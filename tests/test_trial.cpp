// plan_trial() against knowledge.md §8 (with the doses of §5 and the texts of §9 and §10).
#include <gln/gln.hpp>

#include <cmath>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln_test::ids_of;
using gln_test::person;
using gln_test::supervised;

using gln::condition;
using gln::medication;
using gln::plan_status;
using gln::purpose;
using gln::rule;
using gln::source;

gln::profile adult(gln::condition_set conditions = {}, gln::medication_set medications = {}) {
  return person(35.0, 75.0, conditions, medications);
}

bool mentions(std::string_view text, std::string_view word) {
  return text.find(word) != std::string_view::npos;
}

// §5 "self-directed: yes" purposes.
const std::vector<purpose> self_directed_purposes{
    purpose::general_recovery, purpose::gut_barrier, purpose::exercise_recovery,
    purpose::endurance_gut_stress, purpose::ibs_symptoms};

// §5 purposes without a self-directed range.
const std::vector<purpose> purposes_without_range{purpose::immune_support,
                                                  purpose::muscle_strength,
                                                  purpose::athletic_performance,
                                                  purpose::oral_mucositis,
                                                  purpose::surgical_recovery,
                                                  purpose::critical_illness,
                                                  purpose::trauma,
                                                  purpose::burns,
                                                  purpose::sickle_cell_disease,
                                                  purpose::short_bowel_syndrome};

void check_no_dosing(const gln::trial_plan& plan) {
  CHECK_FALSE(plan.has_dosing());
  CHECK(plan.start_doses_per_day == 0);
  CHECK(plan.start_per_dose.value() == 0.0);
  CHECK(plan.max_per_day.value() == 0.0);
  CHECK(plan.review_day == 0);
  CHECK_FALSE(plan.step_up_day.has_value());
  CHECK_FALSE(plan.hard_stop_day.has_value());
  CHECK(plan.outcomes.empty());
}

}  // namespace

TEST_CASE("general_recovery: 5 g once a day, twice from day 5, review at day 14", "[trial]") {
  const gln::trial_plan plan = gln::plan_trial(adult(), purpose::general_recovery);
  REQUIRE(plan.status == plan_status::ready);
  CHECK(plan.has_dosing());
  CHECK(plan.purpose == purpose::general_recovery);
  CHECK(plan.start_per_dose.value() == 5.0);
  CHECK(plan.start_doses_per_day == 1);
  CHECK(plan.max_doses_per_day == 2);
  CHECK(plan.max_per_day.value() == 10.0);
  REQUIRE(plan.step_up_day.has_value());
  CHECK(*plan.step_up_day == 5);
  CHECK(plan.review_day == 14);
  CHECK_FALSE(plan.hard_stop_day.has_value());
  CHECK(plan.outcomes.contains(gln::outcome::tolerance_in_stressful_period));
  CHECK_FALSE(plan.protein_g_per_kg_day.has_value());
}

TEST_CASE("gut_barrier: 5 g twice a day, review at 14, hard stop at 56", "[trial]") {
  const gln::trial_plan plan = gln::plan_trial(adult(), purpose::gut_barrier);
  REQUIRE(plan.status == plan_status::ready);
  CHECK(plan.start_per_dose.value() == 5.0);
  CHECK(plan.start_doses_per_day == 2);
  CHECK(plan.max_doses_per_day == 2);
  // v2: within the observed safe level, 14 g/day, not the range's 20; more needs a clinician.
  CHECK(plan.max_per_day.value() == 14.0);
  CHECK(plan.more_needs_clinician);
  REQUIRE(plan.max_check.has_value());
  CHECK(plan.max_check->regimen.per_dose.value() == 7.0);
  CHECK(plan.max_check->regimen.doses_per_day == 2);
  CHECK(plan.max_check->overall == gln::verdict::suitable);
  CHECK(plan.max_check->fired == gln::rule_set{rule::dose_gi_effects_likely});
  REQUIRE(plan.start_check.has_value());
  CHECK(plan.start_check->regimen.per_dose.value() == 5.0);
  CHECK(plan.start_check->fired == gln::rule_set{rule::dose_gi_effects_likely});
  CHECK(plan.review_day == 14);
  REQUIRE(plan.hard_stop_day.has_value());
  CHECK(*plan.hard_stop_day == 56);  // 8 weeks, the end of the 2-8 week range
  CHECK(plan.outcomes.contains(gln::outcome::fewer_gut_symptoms));
}

TEST_CASE("ibs_symptoms: the trial dose 5 g three times a day, review at 28, hard stop at 56",
          "[trial]") {
  const gln::trial_plan plan = gln::plan_trial(adult(), purpose::ibs_symptoms);
  // purpose.ibs_other_causes is a caution: the trial may start.
  CHECK(plan.screening_result.overall == gln::verdict::caution);
  REQUIRE(plan.status == plan_status::ready);
  CHECK(plan.start_per_dose.value() == 5.0);
  CHECK(plan.start_doses_per_day == 3);
  CHECK(plan.max_doses_per_day == 3);
  // The trial's own dose is above the observed safe level: the plan keeps it, with the caution.
  CHECK(plan.max_per_day.value() == 15.0);
  CHECK_FALSE(plan.more_needs_clinician);
  REQUIRE(plan.max_check.has_value());
  CHECK(plan.max_check->overall == gln::verdict::caution);
  CHECK(plan.max_check->fired.contains(rule::dose_above_observed_safe_level));
  CHECK(plan.max_check->fired.contains(rule::purpose_ibs_other_causes));
  CHECK(plan.review_day == 28);
  REQUIRE(plan.hard_stop_day.has_value());
  CHECK(*plan.hard_stop_day == 56);
  CHECK(plan.outcomes.contains(gln::outcome::fewer_gut_symptoms));
}

TEST_CASE("training purposes: review after two training cycles (14 days), athletes' protein first",
          "[trial]") {
  for (const purpose why : {purpose::exercise_recovery, purpose::endurance_gut_stress}) {
    CAPTURE(gln::to_string(why));
    const gln::trial_plan plan = gln::plan_trial(adult(), why);
    REQUIRE(plan.status == plan_status::ready);
    CHECK(plan.start_per_dose.value() == 5.0);
    CHECK(plan.start_doses_per_day == 1);
    CHECK(plan.max_doses_per_day == 2);
    CHECK(plan.max_per_day.value() == 10.0);
    CHECK(plan.review_day == 14);
    CHECK_FALSE(plan.hard_stop_day.has_value());
    CHECK(plan.outcomes.contains(gln::outcome::smoother_training_recovery));
    REQUIRE(plan.protein_g_per_kg_day.has_value());
    CHECK(std::fabs(plan.protein_g_per_kg_day->min - 1.6) < 1e-12);
    CHECK(std::fabs(plan.protein_g_per_kg_day->max - 2.2) < 1e-12);
    CHECK(mentions(plan.athlete_basics.text, "1.6-2.2"));
    CHECK(ids_of(plan.athlete_basics.sources) ==
          std::vector<source>{source::article_muscle_recovery, source::morton_2018});
  }
  CHECK(gln::plan_trial(adult(), purpose::exercise_recovery)
            .outcomes.contains(gln::outcome::soreness_24_48_72h));
  // §10: sessions over about 90 minutes are the context for endurance_gut_stress.
  const gln::trial_plan endurance = gln::plan_trial(adult(), purpose::endurance_gut_stress);
  CHECK(mentions(endurance.context.text, "90 minutes"));
  CHECK(ids_of(endurance.context.sources) == std::vector<source>{source::article_muscle_recovery});
}

TEST_CASE("every plan shows the trial rule, basics first, side effects and forms", "[trial]") {
  for (std::size_t i = 0; i < gln::enum_count<purpose>; ++i) {
    const auto why = static_cast<purpose>(i);
    CAPTURE(gln::to_string(why));
    const gln::trial_plan plan = gln::plan_trial(adult(), why);
    // §8: one product, one dose, one goal, one review date; stop if no clear benefit.
    CHECK(mentions(plan.rule.text, "one product"));
    CHECK(mentions(plan.rule.text, "review date"));
    CHECK(ids_of(plan.rule.sources) == std::vector<source>{source::article_immune_recovery});
    for (const std::string_view basic : {"sleep", "calories", "protein", "hydration", "rest"}) {
      CHECK(mentions(plan.basics.text, basic));
    }
    // §9
    CHECK(ids_of(plan.side_effects.sources) == std::vector<source>{source::article_immune_recovery,
                                                                   source::consumerlab_glutamine,
                                                                   source::endari_label});
    CHECK(mentions(plan.side_effects.text, "10 g/day"));
    CHECK(mentions(plan.side_effects.text, "30 g/day"));
    // §10
    CHECK(ids_of(plan.forms.sources) ==
          std::vector<source>{source::article_immune_recovery, source::article_gut_health_guide});
    CHECK(ids_of(plan.timing.sources) == std::vector<source>{source::article_immune_recovery});
    CHECK(ids_of(plan.product_quality.sources) ==
          std::vector<source>{source::article_immune_recovery});
    CHECK(plan.screening_result.purpose == why);
  }
}

TEST_CASE("no plan when screening says avoid", "[trial]") {
  struct case_ {
    gln::profile who;
    purpose why;
  };
  for (const case_& c :
       {case_{adult({condition::cirrhosis}), purpose::gut_barrier},
        case_{adult({condition::hepatic_encephalopathy}), purpose::general_recovery},
        case_{adult({condition::severe_kidney_disease}), purpose::exercise_recovery},
        case_{adult({condition::reyes_syndrome}), purpose::ibs_symptoms},
        case_{supervised(adult({condition::shock})), purpose::endurance_gut_stress},
        case_{supervised(adult({condition::multiorgan_failure})), purpose::critical_illness},
        case_{adult({condition::shock}), purpose::sickle_cell_disease}}) {
    CAPTURE(gln::to_string(c.why), gln::to_string(c.who.oversight));
    const gln::trial_plan plan = gln::plan_trial(c.who, c.why);
    CHECK(plan.screening_result.overall == gln::verdict::avoid);
    CHECK(plan.status == plan_status::do_not_start);
    check_no_dosing(plan);
  }
}

TEST_CASE("ask a clinician first when screening says clinician_only", "[trial]") {
  struct case_ {
    gln::profile who;
    purpose why;
  };
  for (const case_& c :
       {case_{adult({condition::pregnancy}), purpose::gut_barrier},
        case_{adult({condition::liver_disease}), purpose::general_recovery},
        case_{adult({}, {medication::anticonvulsant}), purpose::exercise_recovery},
        case_{person(16.0, 60.0), purpose::exercise_recovery},
        case_{adult(), purpose::oral_mucositis}, case_{adult(), purpose::sickle_cell_disease},
        case_{adult({}, {medication::growth_hormone}), purpose::short_bowel_syndrome}}) {
    CAPTURE(gln::to_string(c.why));
    const gln::trial_plan plan = gln::plan_trial(c.who, c.why);
    CHECK(plan.screening_result.overall == gln::verdict::clinician_only);
    CHECK(plan.status == plan_status::ask_clinician_first);
    check_no_dosing(plan);
  }
}

TEST_CASE("under supervision a clinician_only finding no longer blocks the plan",
          "[trial][oversight]") {
  const gln::trial_plan plan =
      gln::plan_trial(supervised(adult({condition::pregnancy})), purpose::gut_barrier);
  CHECK(plan.screening_result.overall == gln::verdict::caution);
  CHECK(plan.status == plan_status::ready);
  CHECK(plan.review_day == 14);
}

TEST_CASE("purposes without a self-directed range never get a dosing plan", "[trial]") {
  for (const purpose why : purposes_without_range) {
    for (const bool under_care : {false, true}) {
      CAPTURE(gln::to_string(why), under_care);
      const gln::profile who = under_care ? supervised(adult({}, {medication::growth_hormone}))
                                          : adult({}, {medication::growth_hormone});
      const gln::trial_plan plan = gln::plan_trial(who, why);
      check_no_dosing(plan);
      if (plan.screening_result.overall <= gln::verdict::caution) {
        CHECK(plan.status == plan_status::no_self_directed_range);
      }
    }
  }
  // The three with no range and no clinical purpose screen suitable for a healthy adult.
  for (const purpose why :
       {purpose::immune_support, purpose::muscle_strength, purpose::athletic_performance}) {
    CAPTURE(gln::to_string(why));
    const gln::trial_plan plan = gln::plan_trial(adult(), why);
    CHECK(plan.screening_result.overall == gln::verdict::suitable);
    CHECK(plan.status == plan_status::no_self_directed_range);
  }
  // Clinician-managed purposes under supervision: screening is caution, still no range.
  const gln::trial_plan burns = gln::plan_trial(supervised(adult()), purpose::burns);
  CHECK(burns.screening_result.overall == gln::verdict::caution);
  CHECK(burns.status == plan_status::no_self_directed_range);
}

TEST_CASE("every self-directed purpose is ready for a healthy adult", "[trial]") {
  for (const purpose why : self_directed_purposes) {
    for (const bool under_care : {false, true}) {
      CAPTURE(gln::to_string(why), under_care);
      const gln::trial_plan plan = gln::plan_trial(under_care ? supervised(adult()) : adult(), why);
      CHECK(plan.status == plan_status::ready);
      CHECK(plan.has_dosing());
      CHECK(plan.review_day > 0);
      CHECK_FALSE(plan.outcomes.empty());
      // The plan never exceeds the §5 daily range.
      const gln::dose_guidance g = gln::dose_for(why);
      REQUIRE(g.per_day.has_value());
      CHECK(plan.max_per_day <= g.per_day->max);
      CHECK(plan.start_per_dose.value() * plan.start_doses_per_day <= g.per_day->max.value());
    }
  }
}

TEST_CASE("a caution does not block the plan", "[trial]") {
  const gln::trial_plan plan =
      gln::plan_trial(adult({condition::msg_sensitivity}, {medication::supplement_stack}),
                      purpose::exercise_recovery);
  CHECK(plan.screening_result.overall == gln::verdict::caution);
  CHECK(plan.status == plan_status::ready);
}

TEST_CASE("a stricter policy: the plan doses within what dose_for offers, or not at all",
          "[trial][policy][v2]") {
  // A 4 g/day observed safe level and a 3 g split-dose threshold each leave gut_barrier no
  // self-directed dose: dose_for offers none, so the plan does not start at 5 g twice a day.
  gln::policy level{};
  level.observed_safe_daily = gln::grams{4.0};
  gln::policy split{};
  split.split_dose_above = gln::grams{3.0};
  for (const gln::policy& rules : {level, split}) {
    CHECK_FALSE(gln::dose_for(adult(), purpose::gut_barrier, rules).self_directed());
    const gln::trial_plan plan = gln::plan_trial(adult(), purpose::gut_barrier, rules);
    CHECK(plan.status == plan_status::ask_clinician_first);
    CHECK_FALSE(plan.has_dosing());
  }
  // A 12 g/day observed safe level lowers ibs_symptoms' 15 g trial dose out of the range too.
  gln::policy twelve{};
  twelve.observed_safe_daily = gln::grams{12.0};
  CHECK(gln::plan_trial(adult(), purpose::ibs_symptoms, twelve).status ==
        plan_status::ask_clinician_first);

  // A 12 g/day ceiling: 5 g twice a day, at most 6 g twice a day, not the 14 g/day of the default.
  gln::policy ceiling{};
  ceiling.self_directed_daily_ceiling = gln::grams{12.0};
  const gln::trial_plan gut = gln::plan_trial(adult(), purpose::gut_barrier, ceiling);
  REQUIRE(gut.status == plan_status::ready);
  CHECK(gut.start_per_dose.value() == 5.0);
  CHECK(gut.max_per_day.value() == 12.0);
  CHECK(gut.more_needs_clinician);
  REQUIRE(gut.max_check.has_value());
  CHECK(gut.max_check->regimen.per_dose.value() == 6.0);
  CHECK(gut.max_check->overall == gln::verdict::suitable);

  // A 13 g/day ceiling: 6.5 g twice a day at most; 12.75 g/day: 6 g, to the half gram below,
  // as a person measures it (and as assess shows the dose).
  ceiling.self_directed_daily_ceiling = gln::grams{13.0};
  CHECK(gln::plan_trial(adult(), purpose::gut_barrier, ceiling).max_per_day.value() == 13.0);
  ceiling.self_directed_daily_ceiling = gln::grams{12.75};
  const gln::trial_plan quarter = gln::plan_trial(adult(), purpose::gut_barrier, ceiling);
  REQUIRE(quarter.max_check.has_value());
  CHECK(quarter.max_check->regimen.per_dose.value() == 6.0);
  CHECK(quarter.max_per_day.value() == 12.0);

  // A 7 g/day ceiling: exercise_recovery stays at 5 g once a day, with no step-up to twice.
  gln::policy seven{};
  seven.self_directed_daily_ceiling = gln::grams{7.0};
  const gln::trial_plan training = gln::plan_trial(adult(), purpose::exercise_recovery, seven);
  REQUIRE(training.status == plan_status::ready);
  CHECK(training.start_doses_per_day == 1);
  CHECK(training.max_doses_per_day == 1);
  CHECK(training.max_per_day.value() == 5.0);
  CHECK_FALSE(training.step_up_day.has_value());
  CHECK(training.more_needs_clinician);
}
