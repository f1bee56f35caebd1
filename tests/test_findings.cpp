// The findings of a result: a stable order, the input that made each rule fire, no finding
// that no rule produced, and no look-up that hands back another row.
#include <gln/gln.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <type_traits>
#include <vector>
#if __cplusplus >= 202002L
#include <ranges>
#endif

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln::condition;
using gln::input_field;
using gln::medication;
using gln::purpose;
using gln::rule;
using gln::verdict;
using gln_test::adult;
using gln_test::dose;
using gln_test::person;

}  // namespace

TEST_CASE("findings come in a stable order: profile inputs, screening, regimen inputs, dose",
          "[findings]") {
  gln::profile p = adult({condition::pregnancy}, {medication::lactulose});
  p.weight_kg = gln::kilograms{-1.0};
  const gln::dose_check c = gln::check_dose(p, purpose::gut_barrier, dose(30.0, 0, -1.0));
  std::vector<gln::finding> all(c.findings.begin(), c.findings.end());
  REQUIRE(all.size() == 5);
  CHECK(all[0].rule == rule::input_invalid);
  CHECK(all[0].field == input_field::weight_kg);
  CHECK(all[1].rule == rule::caution_pregnancy);
  CHECK(all[2].rule == rule::caution_lactulose);
  CHECK(all[3].field == input_field::doses_per_day);
  CHECK(all[4].field == input_field::weeks);
  for (std::size_t i = 0; i < all.size(); ++i) CHECK(c.findings[i] == all[i]);
  CHECK(c.findings.size() == all.size());
  CHECK(c.overall == verdict::avoid);
}

TEST_CASE("a finding read through an iterator is a value: a reference to it never dangles",
          "[findings]") {
  static_assert(std::is_same<std::iterator_traits<gln::finding_list::iterator>::reference,
                             gln::finding>::value,
                "a reference bound to *it extends the finding's life");
  const gln::screening s = gln::screen(adult({condition::pregnancy}, {medication::anticonvulsant}),
                                       purpose::gut_barrier);
  const auto is_seizure = [](const gln::finding& f) {
    return f.rule == rule::caution_seizure_disorder;
  };
  // Each iterator here is gone by the next line; the findings are not (ASan checks it).
  const gln::finding& first = *s.findings.begin();
  const gln::finding& found = *std::find_if(s.findings.begin(), s.findings.end(), is_seizure);
  gln::finding_list::iterator it = s.findings.begin();
  const gln::finding& before = *it++;
  CHECK(first.rule == rule::caution_pregnancy);
  CHECK(found.rule == rule::caution_seizure_disorder);
  CHECK(before.rule == rule::caution_pregnancy);
  CHECK((*it).rule == rule::caution_seizure_disorder);
  CHECK(++it == s.findings.end());
  CHECK(gln::finding_list::iterator{} == gln::finding_list::iterator{});
#if __cplusplus >= 202002L && defined(__cpp_lib_ranges)
  static_assert(std::ranges::input_range<gln::finding_list>);
  CHECK(std::ranges::count_if(s.findings, is_seizure) == 1);
  CHECK((*std::ranges::find_if(s.findings, is_seizure)).rule == rule::caution_seizure_disorder);
#endif
}

TEST_CASE("each finding says which input made its rule fire", "[findings]") {
  // An anticonvulsant, not a seizure disorder, fires the seizure caution.
  const gln::screening s = gln::screen(adult({condition::pregnancy}, {medication::anticonvulsant}),
                                       purpose::gut_barrier);
  REQUIRE(s.findings.size() == 2);
  CHECK(s.findings[0].cause.which_condition() == condition::pregnancy);
  CHECK(s.findings[1].rule == rule::caution_seizure_disorder);
  CHECK(s.findings[1].cause.field == input_field::medications);
  CHECK(s.findings[1].cause.which_medication() == medication::anticonvulsant);
  CHECK_FALSE(s.findings[1].cause.which_condition().has_value());

  // Age, purpose and regimen rules name those inputs.
  const gln::dose_check child =
      gln::check_dose(person(10.0, 15.0), purpose::ibs_symptoms, dose(12.0, 1, 10.0));
  for (const gln::finding& f : child.findings) {
    CAPTURE(f.rule_id());
    switch (f.rule) {
      case rule::caution_minor: CHECK(f.cause.field == input_field::age_years); break;
      case rule::purpose_ibs_other_causes: CHECK(f.cause.field == input_field::purpose); break;
      case rule::dose_duration_above_range: CHECK(f.cause.field == input_field::weeks); break;
      case rule::dose_per_dose_large:
      case rule::dose_child_per_kg: CHECK(f.cause.field == input_field::grams_per_dose); break;
      default: break;
    }
  }
  // An organ failure that makes critical illness avoid is named.
  const gln::screening icu = gln::screen(adult({condition::shock}), purpose::critical_illness);
  for (const gln::finding& f : icu.findings) {
    if (f.rule == rule::purpose_critical_with_organ_failure) {
      CHECK(f.cause.which_condition() == condition::shock);
    }
  }
}

TEST_CASE("an empty list has no finding to hand out", "[findings]") {
  const gln::screening fine = gln::screen(adult(), purpose::gut_barrier);
  CHECK(fine.findings.empty());
  CHECK(fine.findings.size() == 0);
  CHECK_FALSE(fine.findings.first().has_value());
  CHECK(fine.findings.begin() == fine.findings.end());
  CHECK(fine.findings.level_of(rule::input_invalid) == verdict::suitable);
  CHECK(fine.findings.worst_level() == verdict::suitable);
}

TEST_CASE("no silent fallbacks: a stray verdict is avoid, a stray id gets no real row",
          "[findings][tables]") {
  const auto stray = static_cast<verdict>(9);
  CHECK(gln::worst(verdict::suitable, stray) == verdict::avoid);
  CHECK(gln::worst(stray, verdict::suitable) == verdict::avoid);
  CHECK(gln::worst(stray, stray) == verdict::avoid);

  const auto stray_purpose = static_cast<purpose>(gln::enum_count<purpose>);
  const gln::dose_row& row = gln::dose_row_for(stray_purpose);
  CHECK_FALSE(gln::is_valid(row.id));
  CHECK(row.access == gln::dose_access::not_recommended);
  CHECK_FALSE(row.per_dose.has_value());
  CHECK_FALSE(row.per_day.has_value());
  CHECK_FALSE(row.doses_per_day.has_value());
  for (std::size_t i = 0; i < gln::enum_count<purpose>; ++i) {
    CHECK(&row != &gln::dose_row_for(static_cast<purpose>(i)));
  }
  const gln::citation& source = gln::source_info(static_cast<gln::source>(250));
  for (std::size_t i = 0; i < gln::enum_count<gln::source>; ++i) {
    CHECK(&source != &gln::source_info(static_cast<gln::source>(i)));
  }
  CHECK_FALSE(source.verified);
  const gln::rule_info& unknown = gln::describe(static_cast<rule>(250));
  CHECK(unknown.level == verdict::avoid);
  CHECK(&unknown != &gln::describe(rule::input_invalid));
}

TEST_CASE("a finding made by hand says it was not made by gln's rules", "[findings]") {
  const gln::finding f{rule::contra_cirrhosis, verdict::avoid, input_field::none,
                       purpose::gut_barrier};
  CHECK(f.rule_id() == "contra.cirrhosis");
  CHECK(f.reason().find("not made by gln") != gln::text::npos);
  CHECK(f.sources().contains(gln::source::gln_policy));
}
