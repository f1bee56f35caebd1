// screen() against knowledge.md §4: each screening rule, its trigger, its verdict for
// self-directed use and under clinician supervision, and the overall verdict.
#include <gln/gln.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using namespace gln_test;  // NOLINT(google-build-using-namespace): the test helpers

using gln::condition;
using gln::medication;
using gln::purpose;
using gln::verdict;

// §4: "With oversight::clinician_supervised, a clinician_only finding is still reported but
// counts as caution; avoid stays avoid."
verdict under_supervision(verdict self_directed) {
  return self_directed == verdict::clinician_only ? verdict::caution : self_directed;
}

std::string describe(const gln::finding_list& findings) {
  std::string out;
  for (const gln::finding& f : findings) {
    out += std::string(f.rule_id()) + "=" + std::string(gln::to_string(f.level)) + " ";
  }
  return out;
}

// One profile and purpose, and exactly the findings knowledge.md §4 says it gets
// (self-directed verdicts).
struct scenario {
  std::string name;
  gln::profile who;
  purpose why;
  std::map<std::string_view, verdict> expected;
};

// Table rows laid out by hand, like the tables of knowledge.md.
// clang-format off
std::vector<scenario> scenarios() {
  using c = condition;
  using m = medication;
  using p = purpose;
  constexpr verdict avoid = verdict::avoid;
  constexpr verdict clinician = verdict::clinician_only;
  constexpr verdict caution = verdict::caution;
  return {
      {"hepatic encephalopathy", adult({c::hepatic_encephalopathy}), p::gut_barrier,
       {{"contra.hepatic_encephalopathy", avoid}}},
      {"hepatic failure", adult({c::hepatic_failure}), p::gut_barrier,
       {{"contra.hepatic_failure", avoid}}},
      {"cirrhosis", adult({c::cirrhosis}), p::general_recovery, {{"contra.cirrhosis", avoid}}},
      {"other liver disease", adult({c::liver_disease}), p::gut_barrier,
       {{"contra.liver_disease", clinician}}},
      {"severe kidney disease", adult({c::severe_kidney_disease}), p::exercise_recovery,
       {{"contra.severe_kidney_disease", avoid}}},
      {"kidney disease", adult({c::kidney_disease}), p::exercise_recovery,
       {{"contra.kidney_disease", clinician}}},
      {"multiorgan failure", adult({c::multiorgan_failure}), p::general_recovery,
       {{"contra.multiorgan_failure", avoid}}},
      {"shock", adult({c::shock}), p::general_recovery, {{"contra.shock", avoid}}},
      {"Reye's syndrome", adult({c::reyes_syndrome}), p::immune_support,
       {{"contra.reyes_syndrome", avoid}}},
      {"cancer", adult({c::cancer}), p::immune_support, {{"caution.cancer", clinician}}},
      {"cancer treatment (condition)", adult({c::cancer_treatment}), p::gut_barrier,
       {{"caution.cancer_treatment", clinician}}},
      {"cancer treatment (antineoplastic)", adult({}, {m::antineoplastic}), p::gut_barrier,
       {{"caution.cancer_treatment", clinician}}},
      {"pregnancy", adult({c::pregnancy}), p::gut_barrier, {{"caution.pregnancy", clinician}}},
      {"breastfeeding", adult({c::breastfeeding}), p::gut_barrier,
       {{"caution.breastfeeding", clinician}}},
      {"recent ICU stay", adult({c::recent_icu_stay}), p::general_recovery,
       {{"caution.recent_icu_stay", clinician}}},
      {"unexplained neurologic symptoms", adult({c::unexplained_neurologic_symptoms}),
       p::general_recovery, {{"caution.neurologic_symptoms", clinician}}},
      {"seizure disorder (condition)", adult({c::seizure_disorder}), p::exercise_recovery,
       {{"caution.seizure_disorder", clinician}}},
      {"seizure disorder (anticonvulsant)", adult({}, {m::anticonvulsant}), p::exercise_recovery,
       {{"caution.seizure_disorder", clinician}}},
      {"bipolar disorder", adult({c::bipolar_disorder}), p::athletic_performance,
       {{"caution.bipolar_disorder", clinician}}},
      {"lactulose", adult({}, {m::lactulose}), p::gut_barrier, {{"caution.lactulose", clinician}}},
      {"MSG sensitivity", adult({c::msg_sensitivity}), p::gut_barrier,
       {{"caution.msg_sensitivity", caution}}},
      {"other prescription", adult({}, {m::other_prescription}), p::muscle_strength,
       {{"caution.other_prescription", caution}}},
      {"supplement stack", adult({}, {m::supplement_stack}), p::endurance_gut_stress,
       {{"caution.supplement_stack", caution}}},
      {"minor, 17.9 years", person(17.9, 60.0), p::exercise_recovery,
       {{"caution.minor", clinician}}},
      {"minor, 0.5 years", person(0.5, 8.0), p::general_recovery, {{"caution.minor", clinician}}},
      {"oral mucositis purpose", adult(), p::oral_mucositis,
       {{"purpose.clinician_managed", clinician}}},
      {"surgical recovery purpose", adult(), p::surgical_recovery,
       {{"purpose.clinician_managed", clinician}}},
      {"critical illness purpose", adult(), p::critical_illness,
       {{"purpose.clinician_managed", clinician}}},
      {"trauma purpose", adult(), p::trauma, {{"purpose.clinician_managed", clinician}}},
      {"burns purpose", adult(), p::burns, {{"purpose.clinician_managed", clinician}}},
      {"sickle cell purpose", adult(), p::sickle_cell_disease,
       {{"purpose.clinician_managed", clinician}}},
      {"short bowel purpose with growth hormone", adult({}, {m::growth_hormone}),
       p::short_bowel_syndrome, {{"purpose.clinician_managed", clinician}}},
      {"short bowel purpose without growth hormone", adult(), p::short_bowel_syndrome,
       {{"purpose.clinician_managed", clinician}, {"purpose.short_bowel_needs_gh", caution}}},
      {"critical illness with multiorgan failure", adult({c::multiorgan_failure}),
       p::critical_illness,
       {{"contra.multiorgan_failure", avoid},
        {"purpose.clinician_managed", clinician},
        {"purpose.critical_with_organ_failure", avoid}}},
      {"critical illness with shock", adult({c::shock}), p::critical_illness,
       {{"contra.shock", avoid},
        {"purpose.clinician_managed", clinician},
        {"purpose.critical_with_organ_failure", avoid}}},
      {"trauma with severe kidney disease", adult({c::severe_kidney_disease}), p::trauma,
       {{"contra.severe_kidney_disease", avoid},
        {"purpose.clinician_managed", clinician},
        {"purpose.critical_with_organ_failure", avoid}}},
      {"trauma with hepatic failure", adult({c::hepatic_failure}), p::trauma,
       {{"contra.hepatic_failure", avoid},
        {"purpose.clinician_managed", clinician},
        {"purpose.critical_with_organ_failure", avoid}}},
      // Burns is not in the organ-failure rule's purposes; the shock contraindication stands.
      {"burns with shock", adult({c::shock}), p::burns,
       {{"contra.shock", avoid}, {"purpose.clinician_managed", clinician}}},
      // Kidney disease short of severe is not organ failure.
      {"critical illness with kidney disease", adult({c::kidney_disease}), p::critical_illness,
       {{"contra.kidney_disease", clinician}, {"purpose.clinician_managed", clinician}}},
      {"sickle cell, 4.9 years", person(4.9, 18.0), p::sickle_cell_disease,
       {{"caution.minor", clinician},
        {"purpose.clinician_managed", clinician},
        {"purpose.sickle_cell_age", clinician}}},
      {"sickle cell, 5 years", person(5.0, 18.0), p::sickle_cell_disease,
       {{"caution.minor", clinician}, {"purpose.clinician_managed", clinician}}},
      // The age-5 rule belongs to the sickle-cell purpose only.
      {"4 years, gut barrier", person(4.0, 16.0), p::gut_barrier, {{"caution.minor", clinician}}},
      {"IBS symptoms", adult(), p::ibs_symptoms, {{"purpose.ibs_other_causes", caution}}},
      {"adult of exactly 18", person(18.0, 60.0), p::general_recovery, {}},
      {"healthy adult, gut barrier", adult(), p::gut_barrier, {}},
      {"growth hormone alone", adult({}, {m::growth_hormone}), p::gut_barrier, {}},
      // Unknown is not "none" (v2): no age is caution.age_unknown, never an adult.
      {"no age or weight given", person(gln::nullopt, gln::nullopt), p::general_recovery,
       {{"caution.age_unknown", caution}}},
      {"weight but no age", person(gln::nullopt, 70.0), p::gut_barrier,
       {{"caution.age_unknown", caution}}},
      {"a newborn, age 0", person(0.0, 3.5), p::general_recovery, {{"caution.minor", clinician}}},
      {"sepsis", adult({c::sepsis}), p::general_recovery, {{"caution.sepsis", clinician}}},
      {"metabolic acidosis", adult({c::metabolic_acidosis}), p::gut_barrier,
       {{"contra.metabolic_acidosis", avoid}}},
      {"conditions not known", unknown_conditions(adult()), p::gut_barrier,
       {{"input.conditions_unknown", clinician}}},
      {"medications not known", unknown_medications(adult()), p::gut_barrier,
       {{"input.medications_unknown", caution}}},
      {"conditions gln could not map", unmapped(adult(), 2), p::gut_barrier,
       {{"input.conditions_unmapped", caution}}},
      {"adult weight 366 days old", weighed_days_ago(adult(), 366), p::gut_barrier,
       {{"input.weight_stale", verdict::suitable}}},
      {"adult weight 365 days old", weighed_days_ago(adult(), 365), p::gut_barrier, {}},
      {"child weight 91 days old", weighed_days_ago(person(9.0, 30.0), 91), p::gut_barrier,
       {{"caution.minor", clinician}, {"input.weight_stale", verdict::suitable}}},
      {"child weight 90 days old", weighed_days_ago(person(9.0, 30.0), 90), p::gut_barrier,
       {{"caution.minor", clinician}}},
      // Without an age the shorter limit of minors applies.
      {"no age, weight 91 days old", weighed_days_ago(person(gln::nullopt, 70.0), 91),
       p::gut_barrier, {{"caution.age_unknown", caution}, {"input.weight_stale", verdict::suitable}}},
      // Conditions that map to purposes are not themselves contraindications.
      {"sickle cell disease and oral mucositis as conditions",
       adult({c::sickle_cell_disease, c::oral_mucositis, c::short_bowel_syndrome}),
       p::general_recovery, {}},
      {"several at once", adult({c::pregnancy, c::cirrhosis, c::msg_sensitivity}, {m::lactulose}),
       p::ibs_symptoms,
       {{"contra.cirrhosis", avoid},
        {"caution.pregnancy", clinician},
        {"caution.lactulose", clinician},
        {"caution.msg_sensitivity", caution},
        {"purpose.ibs_other_causes", caution}}},
      {"seizure disorder and anticonvulsant report once", adult({c::seizure_disorder}, {m::anticonvulsant}),
       p::gut_barrier, {{"caution.seizure_disorder", clinician}}},
  };
}
// clang-format on

bool is_screening_rule(gln::rule id) {
  const std::string_view name = gln::to_string(id);
  return name.rfind("contra.", 0) == 0 || name.rfind("caution.", 0) == 0 ||
         name.rfind("purpose.", 0) == 0 ||
         (name.rfind("input.", 0) == 0 && id != gln::rule::input_invalid);
}

}  // namespace

TEST_CASE("each screening rule fires on its trigger at the verdict of knowledge.md", "[screen]") {
  std::set<gln::rule> fired_anywhere;
  for (const scenario& s : scenarios()) {
    for (const bool under_care : {false, true}) {
      const gln::profile who = under_care ? supervised(s.who) : s.who;
      CAPTURE(s.name, under_care);
      const gln::screening result = gln::screen(who, s.why);
      INFO("findings: " << describe(result.findings));

      std::map<std::string_view, verdict> expected;
      for (const auto& entry : s.expected) {
        expected[entry.first] = under_care ? under_supervision(entry.second) : entry.second;
      }
      CHECK(fired(result.findings) == expected);
      CHECK(result.findings.size() == expected.size());  // each rule reported once
      CHECK(result.overall == worst_of(expected));
      CHECK(result.overall == result.findings.worst_level());
      CHECK(result.valid());
      CHECK(result.purpose == s.why);
      CHECK(result.oversight == who.oversight);
      for (const gln::finding& f : result.findings) {
        CHECK(f.purpose == s.why);
        CHECK(f.field == gln::input_field::none);
        CHECK_FALSE(f.reason().empty());
        CHECK_FALSE(f.sources().empty());
        fired_anywhere.insert(f.rule);
      }
    }
  }

  // Safety net: every rule of §4 (other than input.invalid, see test_invalid_input.cpp) was
  // seen firing above.
  check_every_rule_fired(fired_anywhere, is_screening_rule);
}

TEST_CASE("a screening finding cites the sources of its rule", "[screen]") {
  const gln::screening result = gln::screen(adult({condition::shock}), purpose::critical_illness);
  REQUIRE(result.findings.contains(gln::rule::contra_shock));
  REQUIRE(result.findings.contains(gln::rule::purpose_critical_with_organ_failure));
  for (const gln::finding& f : result.findings) {
    const std::vector<gln::source> cited(f.sources().begin(), f.sources().end());
    if (f.rule == gln::rule::contra_shock) {
      CHECK(cited ==
            std::vector<gln::source>{gln::source::dipeptiven_label, gln::source::pediatric_oncall});
    }
    if (f.rule == gln::rule::purpose_critical_with_organ_failure) {
      CHECK(cited == std::vector<gln::source>{gln::source::heyland_2013_redoxs,
                                              gln::source::singer_2019_espen,
                                              gln::source::mcclave_2016_aspen});
    }
  }
}

TEST_CASE("with no findings the verdict is suitable", "[screen]") {
  for (const purpose why :
       {purpose::general_recovery, purpose::gut_barrier, purpose::exercise_recovery,
        purpose::endurance_gut_stress, purpose::immune_support, purpose::muscle_strength,
        purpose::athletic_performance}) {
    CAPTURE(gln::to_string(why));
    const gln::screening result = gln::screen(adult(), why);
    CHECK(result.findings.empty());
    CHECK(result.overall == verdict::suitable);
  }
}

TEST_CASE("supervision reports clinician_only at caution and never moves avoid",
          "[screen][oversight]") {
  const gln::profile pregnant = adult({condition::pregnancy});
  CHECK(gln::screen(pregnant, purpose::gut_barrier).overall == verdict::clinician_only);
  const gln::screening under_care = gln::screen(supervised(pregnant), purpose::gut_barrier);
  // Still reported, but counted as caution.
  REQUIRE(under_care.findings.contains(gln::rule::caution_pregnancy));
  CHECK(under_care.findings.level_of(gln::rule::caution_pregnancy) == verdict::caution);
  CHECK(under_care.overall == verdict::caution);

  // Every avoid condition stays avoid under supervision.
  for (const condition c :
       {condition::hepatic_encephalopathy, condition::hepatic_failure, condition::cirrhosis,
        condition::severe_kidney_disease, condition::multiorgan_failure, condition::shock,
        condition::reyes_syndrome}) {
    CAPTURE(gln::to_string(c));
    CHECK(gln::screen(supervised(adult({c})), purpose::general_recovery).overall == verdict::avoid);
  }

  // Mixed: the avoid finding decides, the clinician_only one is still listed at caution.
  const gln::screening mixed = gln::screen(
      supervised(adult({condition::pregnancy, condition::cirrhosis})), purpose::gut_barrier);
  CHECK(mixed.overall == verdict::avoid);
  CHECK(mixed.findings.level_of(gln::rule::contra_cirrhosis) == verdict::avoid);
  CHECK(mixed.findings.level_of(gln::rule::caution_pregnancy) == verdict::caution);

  // The organ-failure rule for critical care is a contraindication too.
  const gln::screening icu =
      gln::screen(supervised(adult({condition::hepatic_failure})), purpose::critical_illness);
  CHECK(icu.findings.level_of(gln::rule::purpose_critical_with_organ_failure) == verdict::avoid);
  CHECK(icu.findings.level_of(gln::rule::purpose_clinician_managed) == verdict::caution);
  CHECK(icu.overall == verdict::avoid);
}

TEST_CASE("overall verdict is the worst finding", "[screen]") {
  // Only cautions: caution.
  CHECK(gln::screen(adult({condition::msg_sensitivity}, {medication::supplement_stack}),
                    purpose::gut_barrier)
            .overall == verdict::caution);
  // A clinician_only among cautions.
  CHECK(gln::screen(adult({condition::msg_sensitivity, condition::bipolar_disorder}),
                    purpose::gut_barrier)
            .overall == verdict::clinician_only);
  // An avoid among the rest.
  CHECK(gln::screen(adult({condition::msg_sensitivity, condition::bipolar_disorder,
                           condition::reyes_syndrome}),
                    purpose::gut_barrier)
            .overall == verdict::avoid);
}

TEST_CASE("every condition and medication at once reports each rule once", "[screen]") {
  gln::condition_set all_conditions;
  for (std::size_t i = 0; i < gln::enum_count<condition>; ++i) {
    all_conditions.insert(static_cast<condition>(i));
  }
  gln::medication_set all_medications;
  for (std::size_t i = 0; i < gln::enum_count<medication>; ++i) {
    all_medications.insert(static_cast<medication>(i));
  }
  const gln::screening result =
      gln::screen(person(10.0, 30.0, all_conditions, all_medications), purpose::trauma);
  CHECK(result.overall == verdict::avoid);
  // Every contra.* and caution.* rule, plus clinician_managed and critical_with_organ_failure.
  std::set<gln::rule> seen;
  for (const gln::finding& f : result.findings) {
    CHECK(seen.insert(f.rule).second);
  }
  for (std::size_t i = 0; i < gln::enum_count<gln::rule>; ++i) {
    const auto id = static_cast<gln::rule>(i);
    const std::string_view name = gln::to_string(id);
    CAPTURE(name);
    // (The age is known, so caution.age_unknown stays silent.)
    const bool expected =
        (name.rfind("contra.", 0) == 0 || name.rfind("caution.", 0) == 0 ||
         name == "purpose.clinician_managed" || name == "purpose.critical_with_organ_failure") &&
        name != "caution.age_unknown";
    CHECK(result.findings.contains(id) == expected);
  }
}
