#include <gln/gln.hpp>

#include <cstddef>
#include <set>
#include <string_view>

#include "catch.hpp"

namespace {

template <class E>
void check_round_trip() {
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
    const auto value = static_cast<E>(i);
    const std::string_view name = gln::to_string(value);
    CAPTURE(i, name);
    REQUIRE_FALSE(name.empty());
    const auto parsed = gln::parse<E>(name);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == value);
  }
  const auto out_of_range = static_cast<E>(gln::enum_count<E>);
  CHECK(gln::to_string(out_of_range).empty());
  CHECK_FALSE(gln::parse<E>("").has_value());
}

}  // namespace

TEST_CASE("every enum round-trips through to_string and parse", "[names]") {
  check_round_trip<gln::purpose>();
  check_round_trip<gln::condition>();
  check_round_trip<gln::medication>();
  check_round_trip<gln::verdict>();
  check_round_trip<gln::evidence_grade>();
  check_round_trip<gln::oversight>();
  check_round_trip<gln::source_kind>();
  check_round_trip<gln::source>();
  check_round_trip<gln::rule>();
  check_round_trip<gln::input_field>();
  check_round_trip<gln::outcome>();
  check_round_trip<gln::dose_access>();
  check_round_trip<gln::plan_status>();
}

TEST_CASE("parse is an exact, case-sensitive match", "[names]") {
  CHECK(gln::parse<gln::purpose>("gut_barrier") == gln::purpose::gut_barrier);
  CHECK_FALSE(gln::parse<gln::purpose>("Gut_Barrier").has_value());
  CHECK_FALSE(gln::parse<gln::purpose>(" gut_barrier").has_value());
  CHECK_FALSE(gln::parse<gln::purpose>("gut_barrier ").has_value());
  CHECK_FALSE(gln::parse<gln::purpose>("gut").has_value());
  CHECK(gln::parse<gln::rule>("contra.cirrhosis") == gln::rule::contra_cirrhosis);
  CHECK_FALSE(gln::parse<gln::rule>("contra_cirrhosis").has_value());
}

namespace {

template <class E>
std::set<std::string_view> names_of() {
  std::set<std::string_view> out;
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i)
    out.insert(gln::to_string(static_cast<E>(i)));
  return out;
}

}  // namespace

TEST_CASE("the vocabulary is knowledge.md's, name for name", "[names]") {
  // §5 purposes.
  CHECK(names_of<gln::purpose>() ==
        std::set<std::string_view>{"general_recovery", "gut_barrier", "exercise_recovery",
                                   "endurance_gut_stress", "immune_support", "muscle_strength",
                                   "athletic_performance", "ibs_symptoms", "oral_mucositis",
                                   "surgical_recovery", "critical_illness", "trauma", "burns",
                                   "sickle_cell_disease", "short_bowel_syndrome"});
  // §2 conditions.
  CHECK(names_of<gln::condition>() == std::set<std::string_view>{"hepatic_encephalopathy",
                                                                 "hepatic_failure",
                                                                 "cirrhosis",
                                                                 "liver_disease",
                                                                 "severe_kidney_disease",
                                                                 "kidney_disease",
                                                                 "multiorgan_failure",
                                                                 "sepsis",
                                                                 "metabolic_acidosis",
                                                                 "shock",
                                                                 "reyes_syndrome",
                                                                 "cancer",
                                                                 "cancer_treatment",
                                                                 "pregnancy",
                                                                 "breastfeeding",
                                                                 "recent_icu_stay",
                                                                 "unexplained_neurologic_symptoms",
                                                                 "seizure_disorder",
                                                                 "bipolar_disorder",
                                                                 "msg_sensitivity",
                                                                 "sickle_cell_disease",
                                                                 "short_bowel_syndrome",
                                                                 "oral_mucositis"});
  // §3 medications.
  CHECK(names_of<gln::medication>() ==
        std::set<std::string_view>{"lactulose", "anticonvulsant", "antineoplastic",
                                   "growth_hormone", "other_prescription", "supplement_stack"});
  // §4 verdicts, §7 grades, §4 oversight, §1 source kinds.
  CHECK(names_of<gln::verdict>() ==
        std::set<std::string_view>{"suitable", "caution", "clinician_only", "avoid"});
  CHECK(names_of<gln::evidence_grade>() ==
        std::set<std::string_view>{"strong", "moderate", "limited", "insufficient", "against"});
  CHECK(names_of<gln::oversight>() ==
        std::set<std::string_view>{"self_directed", "clinician_supervised"});
  CHECK(names_of<gln::source_kind>() ==
        std::set<std::string_view>{"regulatory_label", "guideline", "meta_analysis", "trial",
                                   "review", "safety_assessment", "reference_database", "editorial",
                                   "policy"});
}

TEST_CASE("parse rejects near misses and values outside every enum", "[names]") {
  CHECK_FALSE(gln::parse<gln::condition>(std::string_view("cirrhosis\0", 10)).has_value());
  CHECK_FALSE(gln::parse<gln::medication>("Lactulose").has_value());
  CHECK_FALSE(gln::parse<gln::verdict>("clinician-only").has_value());
  CHECK_FALSE(gln::parse<gln::oversight>("supervised").has_value());
  CHECK_FALSE(gln::parse<gln::source>("shah_2020").has_value());
  CHECK(gln::parse<gln::source>("shah_2020_retracted") == gln::source::shah_2020_retracted);
  CHECK(gln::to_string(static_cast<gln::purpose>(255)).empty());
  CHECK(gln::to_string(static_cast<gln::oversight>(2)).empty());
}
