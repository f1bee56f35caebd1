// evidence_for() against knowledge.md §7: grade, whether the sources disagree, and the exact
// sources in the order given there.
#include <gln/gln.hpp>

#include <cstddef>
#include <set>
#include <vector>

#include "catch.hpp"

namespace {

using gln::purpose;
using gln::source;
using grade = gln::evidence_grade;

struct evidence_spec {
  purpose id;
  grade expected_grade;
  bool disagree;
  std::vector<source> sources;
};

// Table rows laid out by hand, like the tables of knowledge.md.
// clang-format off
std::vector<evidence_spec> knowledge_evidence() {
  using p = purpose;
  using s = source;
  return {
      {p::general_recovery, grade::limited, false, {s::article_immune_recovery, s::cruzat_2018}},
      {p::gut_barrier, grade::moderate, true,
       {s::article_gut_health_guide, s::kim_kim_2017, s::article_immune_recovery,
        s::article_gut_barrier_letter}},
      {p::exercise_recovery, grade::limited, true,
       {s::article_gut_health_guide, s::legault_2015, s::cordova_martinez_2021, s::candow_2001,
        s::article_muscle_recovery}},
      {p::endurance_gut_stress, grade::limited, true,
       {s::article_immune_recovery, s::article_gut_barrier_letter, s::cordova_martinez_2021}},
      {p::immune_support, grade::insufficient, true,
       {s::article_immune_recovery, s::article_gut_health_guide, s::combat_athletes_2024,
        s::performance_meta_2019}},
      {p::muscle_strength, grade::against, false,
       {s::article_gut_health_guide, s::candow_2001, s::performance_meta_2019}},
      {p::athletic_performance, grade::against, false,
       {s::article_immune_recovery, s::performance_meta_2019, s::nih_ods_exercise}},
      {p::ibs_symptoms, grade::limited, true,
       {s::zhou_2019_ibs, s::article_gut_barrier_letter, s::consumerlab_glutamine}},
      {p::oral_mucositis, grade::moderate, false, {s::yarom_2019_mascc, s::article_immune_recovery}},
      {p::surgical_recovery, grade::moderate, true,
       {s::article_gut_barrier_letter, s::article_immune_recovery, s::icu_dose_meta_2014}},
      {p::critical_illness, grade::against, true,
       {s::heyland_2013_redoxs, s::mcclave_2016_aspen, s::singer_2019_espen,
        s::icu_dose_meta_2014}},
      {p::trauma, grade::limited, false, {s::singer_2019_espen}},
      {p::burns, grade::against, true, {s::heyland_2022_reenergize, s::singer_2019_espen}},
      {p::sickle_cell_disease, grade::moderate, false, {s::endari_label}},
      {p::short_bowel_syndrome, grade::limited, true, {s::nutrestore_label, s::sbs_trials}},
  };
}
// clang-format on

}  // namespace

TEST_CASE("every purpose's evidence row matches knowledge.md section 7", "[evidence]") {
  const auto rows = knowledge_evidence();
  REQUIRE(rows.size() == gln::enum_count<purpose>);
  std::set<purpose> covered;
  for (const evidence_spec& spec : rows) {
    CAPTURE(gln::to_string(spec.id));
    covered.insert(spec.id);
    const gln::evidence e = gln::evidence_for(spec.id);
    CHECK(e.valid());
    CHECK(e.purpose == spec.id);
    CHECK(e.grade == spec.expected_grade);
    CHECK(e.sources_disagree == spec.disagree);
    CHECK(std::vector<source>(e.sources.begin(), e.sources.end()) == spec.sources);
    CHECK_FALSE(e.summary.empty());
  }
  CHECK(covered.size() == gln::enum_count<purpose>);
}

TEST_CASE("evidence summaries carry the numbers knowledge.md quotes", "[evidence]") {
  CHECK(gln::evidence_for(purpose::burns).summary.find("1200") != std::string_view::npos);
  CHECK(gln::evidence_for(purpose::sickle_cell_disease).summary.find("3 vs 4") !=
        std::string_view::npos);
  CHECK(gln::evidence_for(purpose::trauma).summary.find("(0)") != std::string_view::npos);
}

TEST_CASE("no purpose is graded strong in knowledge base v2", "[evidence]") {
  for (std::size_t i = 0; i < gln::enum_count<purpose>; ++i) {
    CHECK(gln::evidence_for(static_cast<purpose>(i)).grade != grade::strong);
  }
}
