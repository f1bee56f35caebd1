// Compiling this file is the test: each entry point evaluated at compile time, in C++17.
// The expected values are knowledge.md's, as in the run-time tests.
#include <gln/gln.hpp>

#include "builders.hpp"

#include <limits>
#include <optional>
#include <string_view>

namespace {

using gln::condition;
using gln::medication;
using gln::oversight;
using gln::purpose;
using gln::verdict;

constexpr gln::profile make(double age, double kg, gln::condition_set conditions = {},
                            gln::medication_set medications = {},
                            oversight who = oversight::self_directed) {
  return gln_test::person(age, kg, conditions, medications, who);
}

using gln_test::adult;
using gln_test::dose;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

constexpr gln::profile supervised_adult = make(40.0, 70.0, {}, {}, oversight::clinician_supervised);
constexpr gln::profile with_cirrhosis = make(40.0, 70.0, {condition::cirrhosis});
constexpr gln::profile pregnant = make(30.0, 65.0, {condition::pregnancy});
constexpr gln::profile pregnant_supervised =
    make(30.0, 65.0, {condition::pregnancy}, {}, oversight::clinician_supervised);
constexpr gln::profile teenager = make(15.0, 20.0);
constexpr gln::profile no_weight{40.0, gln::nullopt, {}, {}, oversight::self_directed};

constexpr purpose not_a_purpose = static_cast<purpose>(gln::enum_count<purpose>);

// ---- screen (§4) ----
// The findings read in a loop, as an app reads them: a reference to each, in rule order.
constexpr bool reads_in_order(const gln::finding_list& list, gln::rule first, gln::rule second) {
  int seen = 0;
  for (const gln::finding& f : list) {
    if (seen == 0 && f.rule != first) return false;
    if (seen == 1 && f.rule != second) return false;
    ++seen;
  }
  return seen == 2;
}
static_assert(reads_in_order(gln::screen(make(30.0, 65.0, {condition::pregnancy},
                                              {medication::anticonvulsant}),
                                         purpose::gut_barrier)
                                 .findings,
                             gln::rule::caution_pregnancy, gln::rule::caution_seizure_disorder));
static_assert(gln::screen(adult(), purpose::gut_barrier).overall == verdict::suitable);
static_assert(gln::screen(adult(), purpose::gut_barrier).findings.empty());
static_assert(gln::screen(with_cirrhosis, purpose::gut_barrier).overall == verdict::avoid);
static_assert(gln::screen(with_cirrhosis, purpose::gut_barrier)
                  .findings.contains(gln::rule::contra_cirrhosis));
static_assert(gln::screen(make(40.0, 70.0, {condition::cirrhosis}, {},
                               oversight::clinician_supervised),
                          purpose::gut_barrier)
                  .overall == verdict::avoid);
static_assert(gln::screen(pregnant, purpose::gut_barrier).overall == verdict::clinician_only);
static_assert(gln::screen(pregnant_supervised, purpose::gut_barrier).overall == verdict::caution);
static_assert(gln::screen(pregnant_supervised, purpose::gut_barrier)
                  .findings.level_of(gln::rule::caution_pregnancy) == verdict::caution);
static_assert(gln::screen(make(40.0, 70.0, {condition::msg_sensitivity}), purpose::gut_barrier)
                  .overall == verdict::caution);
static_assert(gln::screen(make(40.0, 70.0, {}, {medication::antineoplastic}), purpose::gut_barrier)
                  .findings.contains(gln::rule::caution_cancer_treatment));
static_assert(
    gln::screen(teenager, purpose::exercise_recovery).findings.contains(gln::rule::caution_minor));
static_assert(!gln::screen(make(18.0, 60.0), purpose::exercise_recovery)
                   .findings.contains(gln::rule::caution_minor));
static_assert(gln::screen(make(40.0, 70.0, {condition::shock}), purpose::critical_illness)
                  .findings.contains(gln::rule::purpose_critical_with_organ_failure));
static_assert(!gln::screen(make(40.0, 70.0, {condition::shock}), purpose::burns)
                   .findings.contains(gln::rule::purpose_critical_with_organ_failure));
static_assert(gln::screen(adult(), purpose::ibs_symptoms).overall == verdict::caution);
static_assert(gln::screen(adult(), purpose::short_bowel_syndrome)
                  .findings.contains(gln::rule::purpose_short_bowel_needs_gh));
static_assert(gln::screen(make(4.0, 16.0), purpose::sickle_cell_disease)
                  .findings.contains(gln::rule::purpose_sickle_cell_age));
static_assert(!gln::screen(adult(), not_a_purpose).valid());
static_assert(gln::screen(adult(), not_a_purpose).overall == verdict::avoid);
static_assert(gln::screen(make(not_a_number, 70.0), purpose::gut_barrier).overall ==
              verdict::avoid);

// ---- dose_for (§5) ----
static_assert(gln::dose_for(purpose::gut_barrier).self_directed());
static_assert(gln::dose_for(purpose::gut_barrier).per_day->min == gln::grams{10.0});
static_assert(gln::dose_for(purpose::gut_barrier).per_day->max == gln::grams{20.0});
static_assert(gln::dose_for(purpose::gut_barrier).doses_per_day->max == 2);
static_assert(*gln::dose_for(purpose::gut_barrier).max_weeks == 8.0);
static_assert(gln::dose_for(purpose::ibs_symptoms).per_day->max == gln::grams{15.0});
static_assert(gln::dose_for(purpose::short_bowel_syndrome).doses_per_day->min == 6);
static_assert(!gln::dose_for(purpose::immune_support).self_directed());
static_assert(!gln::dose_for(purpose::immune_support).per_day.has_value());
static_assert(gln::dose_for(make(30.0, 29.9), purpose::sickle_cell_disease).per_dose->max ==
              gln::grams{5.0});
static_assert(gln::dose_for(make(30.0, 30.0), purpose::sickle_cell_disease).per_dose->max ==
              gln::grams{10.0});
static_assert(gln::dose_for(make(30.0, 65.0), purpose::sickle_cell_disease).per_dose->max ==
              gln::grams{10.0});
static_assert(gln::dose_for(make(30.0, 65.1), purpose::sickle_cell_disease).per_dose->max ==
              gln::grams{15.0});
static_assert(gln::dose_for(no_weight, purpose::sickle_cell_disease).weight_needed);
static_assert(gln::dose_for(adult(), purpose::trauma).per_day->max.value() > 20.99 &&
              gln::dose_for(adult(), purpose::trauma).per_day->max.value() < 21.01);
static_assert(!gln::dose_for(adult(), not_a_purpose).valid());

// ---- check_dose (§6) ----
static_assert(gln::check_dose(adult(), purpose::general_recovery, dose(5.0, 1)).overall ==
              verdict::suitable);
static_assert(gln::check_dose(adult(), purpose::general_recovery, dose(5.0, 1)).findings.empty());
static_assert(gln::check_dose(adult(), purpose::general_recovery, dose(5.0, 2))
                  .findings.contains(gln::rule::dose_gi_effects_likely));
static_assert(gln::check_dose(adult(), purpose::general_recovery, dose(5.0, 2)).overall ==
              verdict::suitable);
static_assert(gln::check_dose(adult(), purpose::gut_barrier, dose(10.5, 2))
                  .findings.level_of(gln::rule::dose_above_self_directed_ceiling) ==
              verdict::clinician_only);
static_assert(gln::check_dose(adult(), purpose::gut_barrier, dose(10.0, 5)).overall ==
              verdict::avoid);
static_assert(gln::check_dose(supervised_adult, purpose::gut_barrier, dose(10.0, 5)).overall ==
              verdict::caution);
static_assert(gln::check_dose(adult(), purpose::gut_barrier, dose(5.0, 2, 9.0))
                  .findings.contains(gln::rule::dose_duration_above_range));
static_assert(gln::check_dose(teenager, purpose::general_recovery, dose(5.0, 3))
                  .findings.level_of(gln::rule::dose_child_per_kg) == verdict::avoid);
static_assert(gln::check_dose(adult(), purpose::critical_illness, dose(20.0, 2))
                  .findings.level_of(gln::rule::dose_critical_per_kg) == verdict::avoid);
static_assert(gln::check_dose(make(30.0, 65.1), purpose::sickle_cell_disease, dose(10.0, 2))
                  .findings.contains(gln::rule::dose_label_band_mismatch));
static_assert(!gln::check_dose(make(30.0, 65.0), purpose::sickle_cell_disease, dose(10.0, 2))
                   .findings.contains(gln::rule::dose_label_band_mismatch));
static_assert(gln::check_dose(no_weight, purpose::sickle_cell_disease, dose(10.0, 2))
                  .findings.contains(gln::rule::dose_weight_needed));
static_assert(!gln::check_dose(adult(), purpose::gut_barrier, dose(not_a_number, 2)).valid());
static_assert(!gln::check_dose(adult(), purpose::gut_barrier, dose(5.0, 13)).valid());
static_assert(!gln::check_dose(adult(), purpose::gut_barrier, dose(5.0, 0)).valid());
static_assert(!gln::check_dose(adult(), purpose::gut_barrier, dose(5.0, 2, -1.0)).valid());

// ---- evidence_for (§7) ----
static_assert(gln::evidence_for(purpose::gut_barrier).grade == gln::evidence_grade::moderate);
static_assert(gln::evidence_for(purpose::gut_barrier).sources_disagree);
static_assert(gln::evidence_for(purpose::gut_barrier).sources.size() == 4);
static_assert(gln::evidence_for(purpose::gut_barrier).sources[0] ==
              gln::source::article_gut_health_guide);
static_assert(gln::evidence_for(purpose::muscle_strength).grade == gln::evidence_grade::against);
static_assert(!gln::evidence_for(purpose::muscle_strength).sources_disagree);
static_assert(gln::evidence_for(purpose::immune_support).grade ==
              gln::evidence_grade::insufficient);
static_assert(gln::evidence_for(purpose::sickle_cell_disease).sources[0] ==
              gln::source::endari_label);
static_assert(!gln::evidence_for(not_a_purpose).valid());

// ---- plan_trial (§8) ----
static_assert(gln::plan_trial(adult(), purpose::general_recovery).status ==
              gln::plan_status::ready);
static_assert(gln::plan_trial(adult(), purpose::general_recovery).step_up_day == 5);
static_assert(gln::plan_trial(adult(), purpose::general_recovery).review_day == 14);
static_assert(gln::plan_trial(adult(), purpose::gut_barrier).hard_stop_day == 56);
static_assert(gln::plan_trial(adult(), purpose::ibs_symptoms).review_day == 28);
static_assert(gln::plan_trial(adult(), purpose::ibs_symptoms).hard_stop_day == 56);
static_assert(gln::plan_trial(adult(), purpose::exercise_recovery).review_day == 14);
static_assert(
    gln::plan_trial(adult(), purpose::exercise_recovery).protein_g_per_kg_day.has_value());
static_assert(gln::plan_trial(with_cirrhosis, purpose::gut_barrier).status ==
              gln::plan_status::do_not_start);
static_assert(!gln::plan_trial(with_cirrhosis, purpose::gut_barrier).has_dosing());
static_assert(gln::plan_trial(pregnant, purpose::gut_barrier).status ==
              gln::plan_status::ask_clinician_first);
static_assert(gln::plan_trial(pregnant_supervised, purpose::gut_barrier).status ==
              gln::plan_status::ready);
static_assert(gln::plan_trial(adult(), purpose::immune_support).status ==
              gln::plan_status::no_self_directed_range);
static_assert(gln::plan_trial(adult(), not_a_purpose).status == gln::plan_status::invalid_input);

// ---- ICD-10-CM (§2) ----
using gln::lookup_status;
constexpr bool icd10_reads(std::string_view code, gln::condition_set expected) {
  const gln::code_match found = gln::icd10_lookup(code);
  return found.status == lookup_status::mapped && found.role == gln::code_role::condition &&
         found.conditions == expected;
}
constexpr bool icd10_is(std::string_view code, lookup_status status) {
  const gln::code_match found = gln::icd10_lookup(code);
  return found.status == status && found.role == gln::code_role::none && found.conditions.empty();
}
// The examples of §2 "Matching".
static_assert(icd10_reads("K74.60", {condition::cirrhosis}));
static_assert(icd10_reads("O90.49", {condition::severe_kidney_disease}));
static_assert(icd10_reads("O03.32", {condition::pregnancy, condition::severe_kidney_disease}));
static_assert(icd10_reads("R65.21",
                          {condition::multiorgan_failure, condition::shock, condition::sepsis}));
// Exact category entries; with coma is failure too; seventh characters; the puerperium.
static_assert(icd10_reads("K72.0", {condition::hepatic_failure}));
static_assert(icd10_reads("R65.2", {condition::multiorgan_failure, condition::sepsis}));
static_assert(icd10_reads("k72.01",
                          {condition::hepatic_encephalopathy, condition::hepatic_failure}));
static_assert(icd10_reads(" T81.44XA ", {condition::sepsis}));
static_assert(icd10_is("T81.44XD", lookup_status::unmapped));
static_assert(icd10_reads("O88.011", {condition::pregnancy}));
static_assert(icd10_is("O88.02", lookup_status::unmapped));
// Unmapped (well-formed) against malformed.
static_assert(icd10_is("D57.3", lookup_status::unmapped));
static_assert(icd10_is("J45.909", lookup_status::unmapped));
static_assert(icd10_is("", lookup_status::malformed));
static_assert(icd10_is("K76..82", lookup_status::malformed));
static_assert(icd10_is("K76.", lookup_status::malformed));
static_assert(icd10_is("1K76", lookup_status::malformed));
// FY2026 added categories with a letter second (QA00101, SCN2A-related neurodevelopmental
// disorder): the shape is a letter, then letters or digits, so KK4.60 is well-formed too.
static_assert(icd10_is("QA00101", lookup_status::unmapped));
static_assert(icd10_is("KK4.60", lookup_status::unmapped));
static_assert(icd10_is("K7", lookup_status::malformed));
static_assert(icd10_is("K74.60123", lookup_status::malformed));
// Every code §2 names as mapping to nothing.
constexpr bool exclusions_are_unmapped() {
  for (std::string_view code : gln::data::icd10_exclusions) {
    if (!icd10_is(code, lookup_status::unmapped)) return false;
  }
  return true;
}
static_assert(exclusions_are_unmapped());
// The single-condition look-up gives the worst, ties to the first in §2's order.
static_assert(gln::condition_from_icd10("K76.82") == condition::hepatic_encephalopathy);
static_assert(gln::condition_from_icd10("  K74.60 ") == condition::cirrhosis);
static_assert(gln::condition_from_icd10("K76.89") == condition::liver_disease);
static_assert(gln::condition_from_icd10("K76.7") == condition::severe_kidney_disease);
static_assert(gln::condition_from_icd10("O03.32") == condition::severe_kidney_disease);
static_assert(gln::condition_from_icd10("R65.21") == condition::multiorgan_failure);
static_assert(gln::condition_from_icd10("C7A.00") == condition::cancer);
static_assert(gln::condition_from_icd10("O9A.119") == condition::pregnancy);
static_assert(gln::condition_from_icd10("D57.00") == condition::sickle_cell_disease);
static_assert(!gln::condition_from_icd10("D57.3").has_value());
static_assert(!gln::condition_from_icd10("").has_value());
static_assert(gln::conditions_from_icd10("R65.21").size() == 3);

// ---- code_lookup (§2b) ----
constexpr gln::code_match septic_shock = gln::code_lookup("http://snomed.info/sct", "76571007");
static_assert(septic_shock.mapped() && septic_shock.role == gln::code_role::condition);
static_assert(septic_shock.conditions == gln::condition_set{condition::shock, condition::sepsis});
static_assert(gln::code_lookup(gln::code_system::snomed_ct, "16402000").status ==
              gln::lookup_status::unmapped);
static_assert(gln::code_lookup(gln::code_system::snomed_ct, "40095003").status ==
              gln::lookup_status::unmapped);
static_assert(gln::code_lookup(gln::code_system::snomed_ct, "40095004").status ==
              gln::lookup_status::malformed);
static_assert(gln::code_lookup(gln::code_system::rxnorm, "2598")
                  .medications.contains(medication::anticonvulsant));
static_assert(!gln::code_lookup(gln::code_system::rxnorm, "1869684").verified);
static_assert(gln::code_lookup(gln::code_system::atc, "L01XX05")
                  .medications.contains(medication::antineoplastic));
static_assert(gln::code_lookup(gln::code_system::atc, "L04AX03").status ==
              gln::lookup_status::unmapped);
static_assert(gln::code_lookup(gln::code_system::atc, "A16AA03").glutamine);
static_assert(gln::code_lookup("http://hl7.org/fhir/sid/ndc", "42457-420").glutamine);
static_assert(gln::code_lookup("http://hl7.org/fhir/sid/ndc", "42457042001").glutamine);
static_assert(gln::code_lookup("http://loinc.org", "29463-7").role == gln::code_role::body_weight);
static_assert(
    gln::code_lookup("http://loinc.org", "LA15173-0").conditions.contains(condition::pregnancy));
static_assert(gln::code_lookup("http://unitsofmeasure.org", "[lb_av]").kilograms_per_unit ==
              0.45359237);
static_assert(gln::code_lookup("http://hl7.org/fhir/sid/icd-10", "R65.1").status ==
              gln::lookup_status::system_not_held);
static_assert(gln::kilograms::from_pounds(1.0) == gln::kilograms{0.45359237});
static_assert(*gln::weight_in_kilograms(70.0, "", "kg") == gln::kilograms{70.0});
static_assert(!gln::weight_in_kilograms(70.0, "", "kgs").has_value());
static_assert(gln::ingredient_in_display("clonazePAM 0.25 MG Oral Tablet").rxcui == 2598);
static_assert(!gln::ingredient_in_display("Diazepam 5 MG Oral Tablet").matched());
static_assert(gln::names_glutamine("L-glutamine oral powder"));

// ---- names and parse ----
static_assert(gln::parse<purpose>("gut_barrier") == purpose::gut_barrier);
static_assert(gln::parse<gln::rule>("contra.cirrhosis") == gln::rule::contra_cirrhosis);
static_assert(gln::parse<condition>("sickle_cell_disease") == condition::sickle_cell_disease);
static_assert(gln::parse<verdict>("clinician_only") == verdict::clinician_only);
static_assert(!gln::parse<condition>("Cirrhosis").has_value());
static_assert(!gln::parse<medication>("").has_value());
static_assert(gln::to_string(verdict::avoid) == "avoid");
static_assert(gln::to_string(gln::rule::dose_label_band_mismatch) == "dose.label_band_mismatch");

// ---- policy ----
constexpr gln::policy loose = [] {
  gln::policy p{};
  p.adult_age_years = 10.0;
  p.self_directed_daily_ceiling = gln::grams{100.0};
  return p;
}();
static_assert(gln::effective(loose).adult_age_years == 18.0);
static_assert(gln::screen(make(15.0, 50.0), purpose::gut_barrier, loose)
                  .findings.contains(gln::rule::caution_minor));
static_assert(gln::check_dose(adult(), purpose::gut_barrier, dose(12.5, 2), loose)
                  .findings.contains(gln::rule::dose_above_self_directed_ceiling));

}  // namespace

// ---- assess ----
namespace assess_checks {
using gln::action;
constexpr gln::profile person_of_40 = gln::profile{}.set_age(40).set_weight(70);
static_assert(gln::assess(person_of_40, purpose::general_recovery).action == action::ok);
static_assert(gln::assess(person_of_40, purpose::general_recovery).dose->summary() ==
              "5 g once or twice a day (5-10 g/day)");
static_assert(gln::assess(with_cirrhosis, purpose::gut_barrier).action == action::do_not_take);
static_assert(!gln::assess(with_cirrhosis, purpose::gut_barrier).dose.has_value());
static_assert(gln::assess(pregnant, purpose::gut_barrier).action == action::ask_clinician);
static_assert(gln::assess(pregnant_supervised, purpose::gut_barrier).action ==
              action::ok_with_care);
static_assert(gln::assess(person_of_40, purpose::muscle_strength).action ==
              action::not_recommended);
static_assert(gln::assess(person_of_40, purpose::muscle_strength, dose(5.0, 1)).action ==
              action::not_recommended);
static_assert(gln::assess(person_of_40, purpose::gut_barrier, dose(10.0, 5)).action ==
              action::do_not_take);
static_assert(gln::assess(person_of_40, purpose::gut_barrier).trial().status ==
              gln::plan_status::ready);
}  // namespace assess_checks
