// Bad input fails closed (knowledge.md §4 and §6, input.invalid): every invalid field gives
// an input.invalid finding at avoid whose reason names the field, from every entry point.
#include <gln/gln.hpp>

#include <climits>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "builders.hpp"
#include "catch.hpp"

namespace {

using gln::input_field;
using gln::purpose;
using gln::verdict;
using gln_test::adult;

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

constexpr gln::regimen good_regimen = gln_test::dose(5.0, 1);

// The word a reason must contain to name the field.
std::string_view field_word(input_field field) {
  switch (field) {
    case input_field::age_years: return "age";
    case input_field::weight_kg: return "weight";
    case input_field::weight_age_days: return "weight_age_days";
    case input_field::conditions: return "conditions";
    case input_field::medications: return "medications";
    case input_field::oversight: return "oversight";
    case input_field::purpose: return "purpose";
    case input_field::grams_per_dose: return "grams";
    case input_field::doses_per_day: return "doses";
    case input_field::weeks: return "weeks";
    case input_field::none: break;
  }
  return "?";
}

// The list holds an input.invalid finding for `field`, at avoid, naming it, citing gln_policy.
void check_invalid(const gln::finding_list& findings, input_field field) {
  bool found = false;
  for (const gln::finding& f : findings) {
    if (f.rule != gln::rule::input_invalid || f.field != field) continue;
    found = true;
    CHECK(f.rule_id() == "input.invalid");
    CHECK(f.level == verdict::avoid);
    CHECK(f.reason().find(field_word(field)) != std::string_view::npos);
    REQUIRE(f.sources().size() == 1);
    CHECK(f.sources()[0] == gln::source::gln_policy);
  }
  CHECK(found);
}

struct profile_case {
  std::string name;
  gln::profile who;
  purpose why;
  input_field field;
};

std::vector<profile_case> bad_profiles() {
  std::vector<profile_case> out;
  const auto add = [&](std::string name, gln::profile who, purpose why, input_field field) {
    out.push_back({std::move(name), who, why, field});
  };
  const purpose ok = purpose::gut_barrier;
  // v2: age 0 is a newborn, valid; -0 equals 0.
  for (const double age : {not_a_number, infinity, -infinity, -1.0, -0.01, 130.01, 131.0, 1.0e9}) {
    gln::profile p = adult();
    p.age_years = age;
    add("age " + std::to_string(age), p, ok, input_field::age_years);
  }
  // v2: below policy.min_weight_kg, 0.2 kg, is refused.
  for (const double kg :
       {not_a_number, infinity, -infinity, -70.0, -0.0, 0.0, 0.19, 5e-324, 700.1, 1.0e9}) {
    gln::profile p = adult();
    p.weight_kg = gln::kilograms{kg};
    add("weight " + std::to_string(kg), p, ok, input_field::weight_kg);
  }
  {
    gln::profile p = adult();
    p.weight_age_days = -1;
    add("weight measured in the future", p, ok, input_field::weight_age_days);
  }
  {
    gln::profile p = adult();
    p.conditions =
        gln::condition_set::from_bits(std::uint64_t{1} << gln::enum_count<gln::condition>);
    add("condition bits past the enum", p, ok, input_field::conditions);
    p.conditions = gln::condition_set::from_bits(std::uint64_t{1} << 63U);
    add("condition bit 63", p, ok, input_field::conditions);
    // Valid bits with a stray one: the valid ones do not hide it.
    p.conditions = gln::condition_set::from_bits(0x1U | (std::uint64_t{1} << 40U));
    add("valid and stray condition bits", p, ok, input_field::conditions);
    p.conditions = gln::condition_set{static_cast<gln::condition>(gln::enum_count<gln::condition>)};
    add("condition value out of range", p, ok, input_field::conditions);
    p.conditions =
        gln::condition_set{gln::condition::msg_sensitivity, static_cast<gln::condition>(255)};
    add("condition 255", p, ok, input_field::conditions);
  }
  {
    gln::profile p = adult();
    p.medications =
        gln::medication_set{static_cast<gln::medication>(gln::enum_count<gln::medication>)};
    add("medication value out of range", p, ok, input_field::medications);
    p.medications =
        gln::medication_set{gln::medication::lactulose, static_cast<gln::medication>(200)};
    add("medication 200", p, ok, input_field::medications);
    p.medications =
        gln::medication_set::from_bits(std::uint64_t{1} << gln::enum_count<gln::medication>);
    add("medication bits past the enum", p, ok, input_field::medications);
  }
  for (const int raw : {2, 255}) {
    gln::profile p = adult();
    p.oversight = static_cast<gln::oversight>(raw);
    add("oversight " + std::to_string(raw), p, ok, input_field::oversight);
  }
  for (const int raw : {static_cast<int>(gln::enum_count<purpose>), 200, 255}) {
    add("purpose " + std::to_string(raw), adult(), static_cast<purpose>(raw), input_field::purpose);
  }
  return out;
}

struct regimen_case {
  std::string name;
  gln::regimen plan;
  input_field field;
};

std::vector<regimen_case> bad_regimens() {
  std::vector<regimen_case> out;
  for (const double grams : {not_a_number, infinity, -infinity, 0.0, -0.0, -5.0}) {
    gln::regimen r = good_regimen;
    r.per_dose = gln::grams{grams};
    out.push_back({"grams " + std::to_string(grams), r, input_field::grams_per_dose});
  }
  for (const int doses : {0, -1, 13, 100, INT_MIN, INT_MAX}) {
    gln::regimen r = good_regimen;
    r.doses_per_day = doses;
    out.push_back({"doses " + std::to_string(doses), r, input_field::doses_per_day});
  }
  for (const double weeks : {-1.0, -0.001, not_a_number, infinity, -infinity}) {
    gln::regimen r = good_regimen;
    r.weeks = weeks;
    out.push_back({"weeks " + std::to_string(weeks), r, input_field::weeks});
  }
  return out;
}

}  // namespace

TEST_CASE("an invalid profile field or purpose fails closed in every entry point", "[invalid]") {
  for (const profile_case& c : bad_profiles()) {
    for (const bool under_care : {false, true}) {
      CAPTURE(c.name, under_care);
      gln::profile who = c.who;
      if (under_care && c.field != input_field::oversight) {
        who.oversight = gln::oversight::clinician_supervised;
      }

      const gln::screening s = gln::screen(who, c.why);
      check_invalid(s.findings, c.field);
      CHECK(s.overall == verdict::avoid);
      CHECK_FALSE(s.valid());

      const gln::dose_check d = gln::check_dose(who, c.why, good_regimen);
      check_invalid(d.findings, c.field);
      CHECK(d.overall == verdict::avoid);
      CHECK_FALSE(d.valid());

      const gln::dose_guidance g = gln::dose_for(who, c.why);
      CHECK(g.invalid_input == c.field);
      CHECK_FALSE(g.valid());
      CHECK_FALSE(g.self_directed());

      const gln::trial_plan t = gln::plan_trial(who, c.why);
      CHECK(t.status == gln::plan_status::invalid_input);
      CHECK_FALSE(t.has_dosing());
      CHECK(t.review_day == 0);
      check_invalid(t.screening_result.findings, c.field);
    }
  }
}

TEST_CASE("evidence_for an invalid purpose is invalid, naming the purpose", "[invalid][evidence]") {
  for (const int raw : {static_cast<int>(gln::enum_count<purpose>), 200, 255}) {
    CAPTURE(raw);
    const gln::evidence e = gln::evidence_for(static_cast<purpose>(raw));
    CHECK_FALSE(e.valid());
    CHECK(e.invalid_input == input_field::purpose);
    CHECK(e.sources.empty());
    CHECK(e.grade != gln::evidence_grade::strong);
    CHECK(e.grade != gln::evidence_grade::moderate);
  }
}

TEST_CASE("an invalid regimen fails closed in check_dose", "[invalid][dose]") {
  for (const regimen_case& c : bad_regimens()) {
    for (const bool under_care : {false, true}) {
      CAPTURE(c.name, under_care);
      gln::profile who = adult();
      if (under_care) who.oversight = gln::oversight::clinician_supervised;
      const gln::dose_check d = gln::check_dose(who, purpose::gut_barrier, c.plan);
      check_invalid(d.findings, c.field);
      CHECK(d.overall == verdict::avoid);
      CHECK_FALSE(d.valid());
      if (c.field != input_field::weeks) CHECK_FALSE(d.per_day.has_value());
    }
  }
}

TEST_CASE("each bad field is reported, not only the first", "[invalid]") {
  gln::profile who = adult();
  who.age_years = not_a_number;
  who.weight_kg = gln::kilograms{-1.0};
  who.medications = gln::medication_set{static_cast<gln::medication>(99)};
  gln::regimen r{};
  r.per_dose = gln::grams{not_a_number};
  r.doses_per_day = 0;
  r.weeks = -2.0;
  const gln::dose_check d = gln::check_dose(who, purpose::general_recovery, r);
  for (const input_field field :
       {input_field::age_years, input_field::weight_kg, input_field::medications,
        input_field::grams_per_dose, input_field::doses_per_day, input_field::weeks}) {
    CAPTURE(gln::to_string(field));
    check_invalid(d.findings, field);
  }
  CHECK(d.overall == verdict::avoid);
}

TEST_CASE("the plausible edges are valid", "[invalid]") {
  // §4: age > 130 and weight > 700 kg are invalid; the bounds themselves are not.
  gln::profile edge = adult();
  edge.age_years = 130.0;
  edge.weight_kg = gln::kilograms{700.0};
  CHECK(gln::screen(edge, purpose::general_recovery).valid());
  edge.age_years = 0.01;
  edge.weight_kg = gln::kilograms{0.5};
  CHECK(gln::screen(edge, purpose::general_recovery).valid());
  // v2: a newborn (age 0) and the lowest plausible weight, 0.2 kg, are valid.
  edge.age_years = 0.0;
  edge.weight_kg = gln::kilograms{0.2};
  edge.weight_age_days = 0;
  CHECK(gln::screen(edge, purpose::general_recovery).valid());
  gln::policy heavier{};
  heavier.min_weight = gln::kilograms{0.5};
  CHECK_FALSE(gln::screen(edge, purpose::general_recovery, heavier).valid());

  // §6: 1 to 12 doses a day, weeks of 0 or more.
  gln::regimen r = good_regimen;
  r.doses_per_day = 12;
  r.weeks = 0.0;
  CHECK(gln::check_dose(adult(), purpose::gut_barrier, r).valid());
  r.doses_per_day = 1;
  r.per_dose = gln::grams{0.001};
  CHECK(gln::check_dose(adult(), purpose::gut_barrier, r).valid());

  // Age and weight may be unknown.
  gln::profile unknown{};
  CHECK(gln::screen(unknown, purpose::general_recovery).valid());
  CHECK(gln::dose_for(unknown, purpose::general_recovery).valid());
  CHECK(gln::plan_trial(unknown, purpose::general_recovery).status !=
        gln::plan_status::invalid_input);
}
