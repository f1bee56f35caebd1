// The knowledge tables against knowledge.md: the sources of §1 and the rule metadata of §4
// and §6. Every expected value below is transcribed from knowledge.md, keyed by the ids it
// uses, so a renamed id or a changed number shows up here.
#include <gln/gln.hpp>

#include <cstddef>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln_test::ids_of;

using gln::source;
using gln::verdict;
using kind = gln::source_kind;

std::string names_of(const std::vector<source>& ids) {
  std::string out;
  for (source id : ids) {
    if (!out.empty()) out += ", ";
    out += std::string(gln::to_string(id));
  }
  return out;
}

// §1: id, kind, DOI, PMID and any other identifier the table gives.
struct source_spec {
  std::string_view id;
  kind expected_kind;
  std::string_view doi;
  std::string_view pmid;
  std::string_view other;
};

// Table rows laid out by hand, like the tables of knowledge.md.
// clang-format off
const std::vector<source_spec>& knowledge_sources() {
  static const std::vector<source_spec> table{
      {"endari_label", kind::regulatory_label, "", "", "NDA 208587"},
      {"nutrestore_label", kind::regulatory_label, "", "", ""},
      {"dipeptiven_label", kind::regulatory_label, "", "", ""},
      {"shao_hathcock_2008", kind::safety_assessment, "10.1016/j.yrtph.2008.01.004", "18325648", ""},
      {"garlick_2001", kind::safety_assessment, "10.1093/jn/131.9.2556S", "11533313", ""},
      {"ziegler_1990", kind::trial, "10.1177/0148607190014004201", "", ""},
      {"nih_ods_exercise", kind::reference_database, "", "", ""},
      {"natmed_consumer", kind::reference_database, "", "", ""},
      {"consumerlab_glutamine", kind::reference_database, "", "", ""},
      {"critical_care_text", kind::reference_database, "", "", ""},
      {"pediatric_oncall", kind::reference_database, "", "", ""},
      {"singer_2019_espen", kind::guideline, "10.1016/j.clnu.2018.08.037", "", ""},
      {"mcclave_2016_aspen", kind::guideline, "10.1177/0148607115621863", "", ""},
      {"yarom_2019_mascc", kind::guideline, "10.1007/s00520-019-04887-x", "", ""},
      {"heyland_2013_redoxs", kind::trial, "10.1056/NEJMoa1212722", "23594003", ""},
      {"heyland_2022_reenergize", kind::trial, "10.1056/NEJMoa2203364", "", ""},
      {"icu_dose_meta_2014", kind::meta_analysis, "", "", "PMC4057299"},
      {"kim_kim_2017", kind::review, "10.3390/ijms18051051", "28498331", ""},
      {"cruzat_2018", kind::review, "10.3390/nu10111564", "", ""},
      {"cordova_martinez_2021", kind::trial, "10.3390/nu13062073", "34204359", ""},
      {"legault_2015", kind::trial, "", "25811544", ""},
      {"candow_2001", kind::trial, "", "11822473", ""},
      {"performance_meta_2019", kind::meta_analysis, "", "29784526", ""},
      {"zhou_2019_ibs", kind::trial, "", "30108163", ""},
      {"morton_2018", kind::meta_analysis, "", "", ""},
      {"combat_athletes_2024", kind::trial, "10.1080/15502783.2023.2300259", "", ""},
      {"sbs_trials", kind::trial, "", "", ""},
      {"article_immune_recovery", kind::editorial, "", "", ""},
      {"article_gut_health_guide", kind::editorial, "", "", ""},
      {"article_gut_barrier_letter", kind::editorial, "", "", ""},
      {"article_muscle_recovery", kind::editorial, "", "", ""},
      {"icd10cm", kind::reference_database, "", "", ""},
      {"snomed_ct", kind::reference_database, "", "", ""},
      {"rxnorm", kind::reference_database, "", "", ""},
      {"who_atc", kind::reference_database, "", "", ""},
      {"loinc", kind::reference_database, "", "", ""},
      {"gln_policy", kind::policy, "", "", ""},
  };
  return table;
}
// clang-format on

// §4 and §6: rule id, self-directed verdict and sources. An empty source list stands for
// "as §5": the finding cites its purpose's dose row (checked in test_dose.cpp).
struct rule_spec {
  std::string_view id;
  verdict level;
  std::vector<source> sources;
};

// Table rows laid out by hand, like the tables of knowledge.md.
// clang-format off
const std::vector<rule_spec>& knowledge_rules() {
  using s = source;
  using v = verdict;
  static const std::vector<rule_spec> table{
      {"input.invalid", v::avoid, {s::gln_policy}},
      // §4
      {"contra.hepatic_encephalopathy", v::avoid,
       {s::article_immune_recovery, s::natmed_consumer, s::critical_care_text}},
      {"contra.hepatic_failure", v::avoid, {s::article_immune_recovery, s::pediatric_oncall}},
      {"contra.cirrhosis", v::avoid,
       {s::article_immune_recovery, s::article_gut_health_guide, s::critical_care_text}},
      {"contra.liver_disease", v::clinician_only,
       {s::article_gut_health_guide, s::article_muscle_recovery, s::pediatric_oncall}},
      {"contra.severe_kidney_disease", v::avoid,
       {s::article_immune_recovery, s::critical_care_text, s::heyland_2013_redoxs}},
      {"contra.kidney_disease", v::clinician_only,
       {s::article_gut_health_guide, s::article_immune_recovery, s::article_muscle_recovery}},
      {"contra.multiorgan_failure", v::avoid,
       {s::heyland_2013_redoxs, s::article_immune_recovery, s::pediatric_oncall}},
      {"contra.shock", v::avoid, {s::dipeptiven_label, s::pediatric_oncall}},
      {"contra.reyes_syndrome", v::avoid, {s::article_gut_health_guide, s::pediatric_oncall}},
      {"caution.cancer", v::clinician_only, {s::article_immune_recovery}},
      {"caution.cancer_treatment", v::clinician_only,
       {s::article_immune_recovery, s::natmed_consumer}},
      {"caution.pregnancy", v::clinician_only,
       {s::article_immune_recovery, s::natmed_consumer, s::endari_label}},
      {"caution.breastfeeding", v::clinician_only,
       {s::article_immune_recovery, s::natmed_consumer, s::endari_label}},
      {"caution.recent_icu_stay", v::clinician_only, {s::article_immune_recovery}},
      {"caution.neurologic_symptoms", v::clinician_only,
       {s::article_immune_recovery, s::garlick_2001}},
      {"caution.seizure_disorder", v::clinician_only,
       {s::natmed_consumer, s::consumerlab_glutamine}},
      {"caution.bipolar_disorder", v::clinician_only,
       {s::natmed_consumer, s::consumerlab_glutamine}},
      {"caution.lactulose", v::clinician_only, {s::natmed_consumer}},
      {"caution.msg_sensitivity", v::caution, {s::natmed_consumer, s::consumerlab_glutamine}},
      {"caution.other_prescription", v::caution, {s::article_immune_recovery}},
      {"caution.supplement_stack", v::caution, {s::article_immune_recovery}},
      {"caution.minor", v::clinician_only, {s::endari_label, s::gln_policy}},
      {"purpose.clinician_managed", v::clinician_only, {s::article_immune_recovery}},
      {"purpose.critical_with_organ_failure", v::avoid,
       {s::heyland_2013_redoxs, s::singer_2019_espen, s::mcclave_2016_aspen}},
      {"purpose.sickle_cell_age", v::clinician_only, {s::endari_label}},
      {"purpose.short_bowel_needs_gh", v::caution, {s::nutrestore_label, s::sbs_trials}},
      {"purpose.ibs_other_causes", v::caution,
       {s::article_immune_recovery, s::article_gut_barrier_letter}},
      // §6
      {"dose.no_self_directed_range", v::clinician_only, {}},
      {"dose.per_dose_above_range", v::caution, {}},
      {"dose.daily_above_range", v::caution, {}},
      {"dose.duration_above_range", v::caution, {s::article_immune_recovery}},
      {"dose.per_dose_large", v::caution, {s::article_immune_recovery, s::gln_policy}},
      {"dose.gi_effects_likely", v::suitable,
       {s::consumerlab_glutamine, s::article_immune_recovery}},
      {"dose.above_observed_safe_level", v::caution, {s::shao_hathcock_2008}},
      {"dose.above_self_directed_ceiling", v::clinician_only,
       {s::garlick_2001, s::article_gut_barrier_letter, s::gln_policy}},
      {"dose.above_adult_maximum", v::avoid, {s::natmed_consumer, s::nih_ods_exercise}},
      {"dose.child_per_kg", v::avoid, {s::natmed_consumer}},
      {"dose.critical_per_kg", v::avoid, {s::icu_dose_meta_2014, s::heyland_2013_redoxs}},
      {"dose.label_band_mismatch", v::caution, {s::endari_label}},
      {"dose.weight_needed", v::caution, {s::endari_label}},
  };
  return table;
}
// clang-format on

bool is_self_directed_only(std::string_view id) {
  // §6 "Which verdicts can move".
  return id == "dose.per_dose_large" || id == "dose.above_observed_safe_level" ||
         id == "dose.above_self_directed_ceiling" || id == "dose.no_self_directed_range";
}

// §4/§6: under supervision clinician_only counts as caution, avoid stays avoid, except the
// adult maximum, which is reported at caution.
verdict supervised_level(std::string_view id, verdict self_directed) {
  if (id == "dose.above_adult_maximum") return verdict::caution;
  return self_directed == verdict::clinician_only ? verdict::caution : self_directed;
}

}  // namespace

TEST_CASE("every source of knowledge.md section 1 is in the table as specified",
          "[tables][sources]") {
  REQUIRE(gln::enum_count<source> == knowledge_sources().size() + 1);  // + the retracted one
  for (const source_spec& spec : knowledge_sources()) {
    CAPTURE(spec.id);
    const auto id = gln::parse<source>(spec.id);
    REQUIRE(id.has_value());
    const gln::citation& record = gln::source_info(*id);
    CHECK(record.id == *id);
    CHECK(record.kind == spec.expected_kind);
    CHECK(record.doi == spec.doi);
    CHECK(record.pmid == spec.pmid);
    CHECK(record.other_id == spec.other);
    CHECK_FALSE(record.text.empty());
    CHECK_FALSE(record.retracted);
    // No line of §1 is marked "(verify)".
    CHECK(record.verified);
  }
}

TEST_CASE("citation text carries what knowledge.md quotes", "[tables][sources]") {
  CHECK(gln::source_info(source::endari_label).text.find("NDA 208587") != std::string_view::npos);
  CHECK(gln::source_info(source::shao_hathcock_2008).text.find("2008;50(3):376-99") !=
        std::string_view::npos);
  CHECK(gln::source_info(source::heyland_2013_redoxs).text.find("REDOXS") !=
        std::string_view::npos);
  CHECK(gln::source_info(source::heyland_2022_reenergize).text.find("RE-ENERGIZE") !=
        std::string_view::npos);
  CHECK(gln::source_info(source::zhou_2019_ibs).year == 2019);
  CHECK(gln::source_info(source::candow_2001).year == 2001);
}

TEST_CASE("the retracted review is kept, flagged, and cited nowhere", "[tables][sources]") {
  const auto retracted = gln::parse<source>("shah_2020_retracted");
  REQUIRE(retracted.has_value());
  CHECK(gln::source_info(*retracted).retracted);

  std::size_t retracted_count = 0;
  for (std::size_t i = 0; i < gln::enum_count<source>; ++i) {
    if (gln::source_info(static_cast<source>(i)).retracted) ++retracted_count;
  }
  CHECK(retracted_count == 1);

  const auto cites_retracted = [](const gln::citation_list& list) {
    for (source id : list) {
      if (gln::source_info(id).retracted) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < gln::enum_count<gln::rule>; ++i) {
    const auto id = static_cast<gln::rule>(i);
    CAPTURE(gln::to_string(id));
    CHECK_FALSE(cites_retracted(gln::describe(id).sources));
  }
  for (std::size_t i = 0; i < gln::enum_count<gln::purpose>; ++i) {
    const auto p = static_cast<gln::purpose>(i);
    CAPTURE(gln::to_string(p));
    CHECK_FALSE(cites_retracted(gln::dose_row_for(p).sources));
    CHECK_FALSE(cites_retracted(gln::evidence_for(p).sources));
    CHECK_FALSE(gln::dose_row_for(p).sources.empty());
    CHECK_FALSE(gln::evidence_for(p).sources.empty());
  }
  const gln::trial_plan plan = gln::plan_trial(
      gln::profile{40.0, gln::kilograms{70.0}, {}, {}, gln::oversight::self_directed},
      gln::purpose::exercise_recovery);
  for (const gln::advice* text :
       {&plan.rule, &plan.basics, &plan.athlete_basics, &plan.side_effects, &plan.forms,
        &plan.timing, &plan.product_quality}) {
    CHECK_FALSE(cites_retracted(text->sources));
  }
}

TEST_CASE("the rule ids are exactly those of knowledge.md sections 4 and 6", "[tables][rules]") {
  std::set<std::string_view> expected;
  for (const rule_spec& spec : knowledge_rules()) expected.insert(spec.id);
  REQUIRE(expected.size() == knowledge_rules().size());  // no id listed twice

  std::set<std::string_view> actual;
  for (std::size_t i = 0; i < gln::enum_count<gln::rule>; ++i) {
    const std::string_view id = gln::to_string(static_cast<gln::rule>(i));
    CAPTURE(id);
    CHECK(expected.count(id) == 1);
    actual.insert(id);
  }
  CHECK(actual == expected);
}

TEST_CASE("every rule's verdict, supervised verdict and sources match knowledge.md",
          "[tables][rules]") {
  for (const rule_spec& spec : knowledge_rules()) {
    CAPTURE(spec.id);
    const auto id = gln::parse<gln::rule>(spec.id);
    REQUIRE(id.has_value());
    const gln::rule_info& info = gln::describe(*id);
    CHECK(info.id == *id);
    CHECK(info.level == spec.level);
    CHECK(info.supervised_level == supervised_level(spec.id, spec.level));
    CHECK(info.self_directed_only == is_self_directed_only(spec.id));
    CHECK_FALSE(info.reason.empty());
    if (spec.sources.empty()) {
      CHECK(info.cites_dose_row);
    } else {
      CHECK_FALSE(info.cites_dose_row);
      INFO("table cites: " << names_of(ids_of(info.sources)));
      CHECK(ids_of(info.sources) == spec.sources);
    }
  }
}

TEST_CASE("the verdict scale is ordered and worst() picks the worse", "[tables][verdict]") {
  CHECK(verdict::suitable < verdict::caution);
  CHECK(verdict::caution < verdict::clinician_only);
  CHECK(verdict::clinician_only < verdict::avoid);
  CHECK(gln::worst(verdict::caution, verdict::avoid) == verdict::avoid);
  CHECK(gln::worst(verdict::avoid, verdict::suitable) == verdict::avoid);
  CHECK(gln::worst(verdict::clinician_only, verdict::caution) == verdict::clinician_only);
}

TEST_CASE("look-ups with a value outside the enum stay in bounds", "[tables]") {
  const auto bad_source = static_cast<source>(200);
  CHECK_FALSE(gln::source_info(bad_source).retracted);
  const auto bad_rule = static_cast<gln::rule>(200);
  CHECK(gln::describe(bad_rule).level == verdict::avoid);
  CHECK(gln::to_string(bad_rule).empty());
}
