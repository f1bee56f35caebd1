// The bad-input matrix: every entry point fed every special value (NaN, infinities, zero,
// negative zero, negative, 1e308, the smallest denormal; empty, 1 MB, embedded-NUL and
// non-ASCII strings; enum values outside their range), each row stating the exact findings
// or error expected from knowledge.md. Then the never-downgrade guarantee of gln::policy.
#include <gln/gln.hpp>

#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "builders.hpp"
#include "catch.hpp"

namespace {

using gln::input_field;
using gln::plan_status;
using gln::purpose;
using gln::rule;
using gln::verdict;
using gln_test::adult;

constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double denormal = std::numeric_limits<double>::denorm_min();

struct special {
  const char* name;
  double value;
};

// Every special double, in the order the rows below use.
const std::vector<special> special_doubles{
    {"NaN", nan_value}, {"+inf", inf},      {"-inf", -inf},     {"0", 0.0},
    {"-0", -0.0},       {"negative", -1.0}, {"1e308", 1.0e308}, {"denormal", denormal},
};

// One expected finding: rule, level and (for input.invalid) the field.
struct expected {
  rule id;
  verdict level;
  input_field field = input_field::none;
};

expected invalid(input_field field) { return {rule::input_invalid, verdict::avoid, field}; }

// The list holds exactly these findings, in this order, and overall is the worst of them.
void check_exact(const gln::finding_list& findings, verdict overall,
                 const std::vector<expected>& want) {
  REQUIRE(findings.size() == want.size());
  verdict worst = verdict::suitable;
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i, gln::to_string(findings[i].rule));
    CHECK(findings[i].rule == want[i].id);
    CHECK(findings[i].level == want[i].level);
    CHECK(findings[i].field == want[i].field);
    worst = gln::worst(worst, want[i].level);
  }
  CHECK(overall == worst);
}

// 5 g once a day for gut_barrier: inside the range, below every ceiling, no findings.
constexpr gln::regimen quiet_regimen = gln_test::dose(5.0, 1);

constexpr purpose quiet_purpose = purpose::gut_barrier;

// What every profile entry point must say about one profile.
struct profile_row {
  const char* name;
  gln::profile person;
  std::vector<expected> screening;  // screen(person, gut_barrier)
  input_field dose_for_invalid;     // dose_for(person, gut_barrier).invalid_input
  std::vector<expected> check;      // check_dose(person, gut_barrier, 5 g x 1)
  plan_status plan;                 // plan_trial(person, gut_barrier).status
};

void check_profile_row(const profile_row& row) {
  CAPTURE(row.name);
  const gln::screening s = gln::screen(row.person, quiet_purpose);
  check_exact(s.findings, s.overall, row.screening);
  CHECK(gln::dose_for(row.person, quiet_purpose).invalid_input == row.dose_for_invalid);
  const gln::dose_check d = gln::check_dose(row.person, quiet_purpose, quiet_regimen);
  check_exact(d.findings, d.overall, row.check);
  CHECK(gln::plan_trial(row.person, quiet_purpose).status == row.plan);
}

}  // namespace

TEST_CASE("bad-input matrix: age_years", "[matrix][invalid]") {
  for (const special& v : special_doubles) {
    gln::profile p = adult();
    p.age_years = v.value;
    // v2: age 0 is a newborn (and -0 equals 0); only a negative, NaN, infinite or over-130
    // age is refused. The denormal is a (very young) child.
    if (v.value == denormal || v.value == 0.0) {
      const expected minor{rule::caution_minor, verdict::clinician_only};
      check_profile_row(
          {v.name, p, {minor}, input_field::none, {minor}, plan_status::ask_clinician_first});
    } else {
      check_profile_row({v.name,
                         p,
                         {invalid(input_field::age_years)},
                         input_field::age_years,
                         {invalid(input_field::age_years)},
                         plan_status::invalid_input});
    }
  }
}

TEST_CASE("bad-input matrix: weight_kg", "[matrix][invalid]") {
  for (const special& v : special_doubles) {
    gln::profile p = adult();
    p.weight_kg = gln::kilograms{v.value};
    // v2: below policy.min_weight_kg (0.2 kg) is refused, the denormal included.
    {
      check_profile_row({v.name,
                         p,
                         {invalid(input_field::weight_kg)},
                         input_field::weight_kg,
                         {invalid(input_field::weight_kg)},
                         plan_status::invalid_input});
    }
  }
}

TEST_CASE("bad-input matrix: enum values outside their range in a profile", "[matrix][invalid]") {
  const auto row_for = [](const char* name, const gln::profile& p, input_field field,
                          std::vector<expected> more = {}) {
    std::vector<expected> want{invalid(field)};
    want.insert(want.end(), more.begin(), more.end());
    return profile_row{name, p, want, field, want, plan_status::invalid_input};
  };
  const expected cirrhosis{rule::contra_cirrhosis, verdict::avoid};
  std::vector<profile_row> rows;
  constexpr auto conditions = static_cast<unsigned>(gln::enum_count<gln::condition>);
  constexpr auto medications = static_cast<unsigned>(gln::enum_count<gln::medication>);
  for (const std::uint64_t bits : {std::uint64_t{1} << conditions, std::uint64_t{1} << 63U}) {
    gln::profile p = adult();
    p.conditions = gln::condition_set::from_bits(bits);
    rows.push_back(row_for("condition bits", p, input_field::conditions));
  }
  {
    gln::profile p = adult();
    p.conditions = gln::condition_set::from_bits((std::uint64_t{1} << conditions) |
                                                 (std::uint64_t{1} << 2U));  // + cirrhosis
    rows.push_back(
        row_for("condition bits with cirrhosis", p, input_field::conditions, {cirrhosis}));
  }
  for (const unsigned raw : {conditions, 64U, 255U}) {
    gln::profile p = adult();
    p.conditions.insert(static_cast<gln::condition>(raw));
    rows.push_back(row_for("condition cast", p, input_field::conditions));
  }
  for (const unsigned raw : {medications, 255U}) {
    gln::profile p = adult();
    p.medications.insert(static_cast<gln::medication>(raw));
    rows.push_back(row_for("medication cast", p, input_field::medications));
    p.medications = gln::medication_set::from_bits(std::uint64_t{1} << raw % 64U);
    rows.push_back(row_for("medication bits", p, input_field::medications));
  }
  for (const unsigned raw : {2U, 255U}) {
    gln::profile p = adult();
    p.oversight = static_cast<gln::oversight>(raw);
    rows.push_back(row_for("oversight cast", p, input_field::oversight));
  }
  for (const profile_row& row : rows) check_profile_row(row);
}

TEST_CASE("bad-input matrix: purpose outside the enum, every entry point", "[matrix][invalid]") {
  constexpr auto purposes = static_cast<unsigned>(gln::enum_count<purpose>);
  for (const unsigned raw : {purposes, purposes + 1U, 128U, 255U}) {
    CAPTURE(raw);
    const auto p = static_cast<purpose>(raw);
    const gln::screening s = gln::screen(adult(), p);
    check_exact(s.findings, s.overall, {invalid(input_field::purpose)});
    CHECK(s.findings[0].purpose == purpose::general_recovery);  // never an invalid index
    const gln::dose_check d = gln::check_dose(adult(), p, quiet_regimen);
    check_exact(d.findings, d.overall, {invalid(input_field::purpose)});
    CHECK_FALSE(d.per_day.has_value());
    const gln::dose_guidance g = gln::dose_for(adult(), p);
    CHECK(g.invalid_input == input_field::purpose);
    CHECK(g.purpose == p);  // as given, as every result holds it: never another purpose's name
    CHECK_FALSE(g.self_directed());
    CHECK(gln::dose_for(p).invalid_input == input_field::purpose);
    const gln::trial_plan t = gln::plan_trial(adult(), p);
    CHECK(t.status == plan_status::invalid_input);
    CHECK_FALSE(t.has_dosing());
    const gln::evidence e = gln::evidence_for(p);
    CHECK(e.invalid_input == input_field::purpose);
    CHECK(e.purpose == p);
    CHECK(s.purpose == p);
    CHECK(t.purpose == p);
    CHECK(gln::assess(adult(), p).purpose == p);
    CHECK(e.grade == gln::evidence_grade::insufficient);
    CHECK(e.summary.empty());
    CHECK(e.sources.empty());
  }
}

TEST_CASE("bad-input matrix: grams per dose", "[matrix][invalid][dose]") {
  for (const special& v : special_doubles) {
    CAPTURE(v.name);
    const gln::regimen r{gln::grams{v.value}, 1, gln::nullopt};
    const gln::dose_check d = gln::check_dose(adult(), quiet_purpose, r);
    if (v.value == denormal) {
      check_exact(d.findings, d.overall, {});
      REQUIRE(d.per_day.has_value());
      CHECK(d.per_day->value() == denormal);
    } else if (v.value == 1.0e308) {
      // Finite, so a dose: every ceiling it passes fires, up to the adult maximum (avoid).
      check_exact(d.findings, d.overall,
                  {{rule::dose_per_dose_above_range, verdict::caution},
                   {rule::dose_daily_above_range, verdict::caution},
                   {rule::dose_per_dose_large, verdict::caution},
                   {rule::dose_gi_effects_likely, verdict::suitable},
                   {rule::dose_above_observed_safe_level, verdict::caution},
                   {rule::dose_above_self_directed_ceiling, verdict::clinician_only},
                   {rule::dose_above_adult_maximum, verdict::avoid}});
      REQUIRE(d.per_day.has_value());
      CHECK(d.per_day->value() == 1.0e308);
    } else {
      check_exact(d.findings, d.overall, {invalid(input_field::grams_per_dose)});
      CHECK_FALSE(d.per_day.has_value());
    }
  }
}

TEST_CASE("bad-input matrix: doses per day", "[matrix][invalid][dose]") {
  for (const int doses : {INT_MIN, -1, 0, 13, 1000, INT_MAX}) {
    CAPTURE(doses);
    const gln::dose_check d =
        gln::check_dose(adult(), quiet_purpose, gln::regimen{gln::grams{5.0}, doses, gln::nullopt});
    check_exact(d.findings, d.overall, {invalid(input_field::doses_per_day)});
    CHECK_FALSE(d.per_day.has_value());
  }
  // 12 is the most a day: valid, and 60 g/day passes every daily ceiling.
  const gln::dose_check twelve =
      gln::check_dose(adult(), quiet_purpose, gln::regimen{gln::grams{5.0}, 12, gln::nullopt});
  check_exact(twelve.findings, twelve.overall,
              {{rule::dose_daily_above_range, verdict::caution},
               {rule::dose_gi_effects_likely, verdict::suitable},
               {rule::dose_above_observed_safe_level, verdict::caution},
               {rule::dose_above_self_directed_ceiling, verdict::clinician_only},
               {rule::dose_above_adult_maximum, verdict::avoid}});
}

TEST_CASE("bad-input matrix: weeks", "[matrix][invalid][dose]") {
  for (const special& v : special_doubles) {
    CAPTURE(v.name);
    const gln::dose_check d =
        gln::check_dose(adult(), quiet_purpose, gln::regimen{gln::grams{5.0}, 1, v.value});
    const bool zero = v.value == 0.0;  // 0 and -0: no weeks planned yet, valid
    if (zero || v.value == denormal) {
      check_exact(d.findings, d.overall, {});
    } else if (v.value == 1.0e308) {
      check_exact(d.findings, d.overall, {{rule::dose_duration_above_range, verdict::caution}});
    } else {
      check_exact(d.findings, d.overall, {invalid(input_field::weeks)});
      // Weeks do not enter the daily amount, which is still reported.
      REQUIRE(d.per_day.has_value());
      CHECK(d.per_day->value() == 5.0);
    }
  }
}

TEST_CASE("bad-input matrix: every bad field at once", "[matrix][invalid]") {
  gln::profile p{};
  p.age_years = nan_value;
  p.weight_kg = gln::kilograms{-inf};
  p.conditions =
      gln::condition_set::from_bits(~std::uint64_t{0} << gln::enum_count<gln::condition>);
  p.medications.insert(static_cast<gln::medication>(200));
  p.oversight = static_cast<gln::oversight>(7);
  const auto bad_purpose = static_cast<purpose>(99);
  const gln::dose_check d =
      gln::check_dose(p, bad_purpose, gln::regimen{gln::grams{nan_value}, 0, -inf});
  check_exact(d.findings, d.overall,
              {invalid(input_field::age_years), invalid(input_field::weight_kg),
               invalid(input_field::conditions), invalid(input_field::medications),
               invalid(input_field::oversight), invalid(input_field::purpose),
               invalid(input_field::grams_per_dose), invalid(input_field::doses_per_day),
               invalid(input_field::weeks)});
  for (const gln::finding& f : d.findings) {
    CHECK_FALSE(f.reason().empty());
    CHECK(f.sources().contains(gln::source::gln_policy));
  }
}

TEST_CASE("bad-input matrix: parse<E> on bad strings", "[matrix][names]") {
  const std::string megabyte(std::size_t{1} << 20U, 'a');
  const std::string padded_name = std::string(std::size_t{1} << 20U, ' ') + "gut_barrier";
  const std::vector<std::string_view> bad{
      std::string_view{},
      megabyte,
      padded_name,
      std::string_view{"gut_barrier\0", 12},
      std::string_view{"\0gut_barrier", 12},
      std::string_view{"gut\0barrier", 11},
      "gut_barri\xC3\xA8r",      // non-ASCII (UTF-8 e-grave)
      "\xEF\xBD\x87ut_barrier",  // full-width g
      "gut_barrier\xFF",         // not UTF-8 at all
      "avoid\xC2\xA0",           // trailing no-break space
  };
  for (const std::string_view text : bad) {
    CAPTURE(text.size());
    CHECK_FALSE(gln::parse<gln::purpose>(text));
    CHECK_FALSE(gln::parse<gln::condition>(text));
    CHECK_FALSE(gln::parse<gln::medication>(text));
    CHECK_FALSE(gln::parse<gln::verdict>(text));
    CHECK_FALSE(gln::parse<gln::evidence_grade>(text));
    CHECK_FALSE(gln::parse<gln::oversight>(text));
    CHECK_FALSE(gln::parse<gln::source_kind>(text));
    CHECK_FALSE(gln::parse<gln::source>(text));
    CHECK_FALSE(gln::parse<gln::rule>(text));
    CHECK_FALSE(gln::parse<gln::input_field>(text));
    CHECK_FALSE(gln::parse<gln::outcome>(text));
    CHECK_FALSE(gln::parse<gln::dose_access>(text));
    CHECK_FALSE(gln::parse<gln::plan_status>(text));
  }
}

TEST_CASE("bad-input matrix: ICD-10 codes from bad strings", "[matrix][codes]") {
  struct row {
    const char* name;
    std::string text;
    gln::condition_set want;
  };
  const std::string spaces(std::size_t{1} << 20U, ' ');
  const std::vector<row> rows{
      {"empty", "", {}},
      {"1 MB of letters", std::string(std::size_t{1} << 20U, 'K'), {}},
      {"1 MB of spaces", spaces, {}},
      // White space around a code is trimmed, however much of it there is (knowledge.md §2).
      {"1 MB of spaces around K76.82",
       spaces + "K76.82" + spaces,
       {gln::condition::hepatic_encephalopathy}},
      {"embedded NUL after", std::string("K76.82\0", 7), {}},
      {"embedded NUL inside", std::string("K76\0.82", 7), {}},
      {"leading NUL", std::string("\0K76.82", 7), {}},
      {"non-ASCII digit", "K76.8\xD9\xA2", {}},                          // Arabic-Indic two
      {"full-width letter", std::string("\xEF\xBC\xAB") + "76.82", {}},  // full-width K
      {"Latin-1 byte", "K76.8\xB2", {}},
      {"no-break space", "\xC2\xA0K76.82", {}},
  };
  for (const row& r : rows) {
    CAPTURE(r.name);
    CHECK(gln::conditions_from_icd10(r.text) == r.want);
    const auto one = gln::condition_from_icd10(r.text);
    CHECK(one.has_value() == !r.want.empty());
    if (one) CHECK(r.want.contains(*one));
  }
}

TEST_CASE("bad-input matrix: look-ups by an id outside the enum", "[matrix][tables]") {
  for (const unsigned raw : {static_cast<unsigned>(gln::enum_count<rule>), 64U, 255U}) {
    CAPTURE(raw);
    CHECK(gln::source_info(static_cast<gln::source>(raw)).id == gln::source::gln_policy);
    CHECK(gln::describe(static_cast<rule>(raw)).id == rule::input_invalid);
    CHECK(gln::to_string(static_cast<gln::source>(raw)).empty());
    CHECK(gln::to_string(static_cast<rule>(raw)).empty());
    CHECK(gln::to_string(static_cast<verdict>(raw)).empty());
  }
  CHECK(gln::source_info(static_cast<gln::source>(gln::enum_count<gln::source>)).id ==
        gln::source::gln_policy);
  // A finding with a rule outside the enum still has a reason and live sources.
  const gln::finding f{static_cast<rule>(200), verdict::avoid, input_field::none,
                       purpose::general_recovery};
  CHECK(f.rule_id().empty());
  CHECK_FALSE(f.reason().empty());
  CHECK(f.sources().contains(gln::source::gln_policy));
}

// --- Never downgrade ----------------------------------------------------------------------

namespace {

// A policy that tries to loosen every knob of the threshold table.
constexpr gln::policy loosest() {
  gln::policy p{};
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    double looser = 0.0;  // below a larger-is-stricter knob; off for an `on` switch
    switch (knob.stricter) {
      case gln::direction::lower:
      case gln::direction::earlier:
      case gln::direction::shorter: looser = 1.0e9; break;
      case gln::direction::off: looser = 1.0; break;
      default: break;
    }
    if (!gln::set_knob_value(p, knob.id, looser)) return gln::policy{};
  }
  return p;
}

constexpr bool is_default(const gln::policy& p) { return p == gln::policy{}; }

// Every knob loosened at once gives exactly the defaults, at compile time.
static_assert(!is_default(loosest()));
static_assert(is_default(gln::effective(loosest())));
static_assert(is_default(gln::effective(gln::policy{})));

}  // namespace

TEST_CASE("never downgrade: every policy knob, every special value", "[matrix][policy]") {
  const gln::policy defaults{};
  std::vector<double> values;
  for (const special& v : special_doubles) values.push_back(v.value);
  for (const double v : {0.0, 1.0, 2.0, 1.5, 1.0e6, 1.0e9, static_cast<double>(INT_MAX),
                         static_cast<double>(INT_MIN), 1.0e10}) {
    values.push_back(v);
  }
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    const double fallback = gln::knob_value(defaults, knob.id);
    CHECK(fallback == knob.default_value);
    const bool larger_is_stricter =
        knob.stricter == gln::direction::higher || knob.stricter == gln::direction::later ||
        knob.stricter == gln::direction::longer || knob.stricter == gln::direction::on;
    for (const double value : values) {
      CAPTURE(gln::to_string(knob.id), value);
      gln::policy requested{};
      if (!gln::set_knob_value(requested, knob.id, value)) {
        // Only a number the knob's type cannot hold is refused, and it changes nothing.
        CHECK(requested == defaults);
        const bool whole_int = value >= INT_MIN && value <= INT_MAX && std::trunc(value) == value;
        CHECK((knob.unit == gln::unit::on_off || !whole_int));
        continue;
      }
      const double wanted = gln::knob_value(requested, knob.id);
      const double used = gln::knob_value(gln::effective(requested), knob.id);
      // Either the default, or the requested value when that is stricter; a later day past
      // the knob it may not pass is that knob's value, between the default and the request.
      const bool stricter = larger_is_stricter ? wanted > fallback : wanted < fallback;
      if (used != fallback) {
        if (knob.at_most && wanted > used) {
          CHECK(used == gln::knob_value(gln::effective(requested), *knob.at_most));
        } else {
          CHECK(used == wanted);
        }
        CHECK(stricter);
      }
      CHECK(used == used);  // never NaN
      if (larger_is_stricter) {
        CHECK(used >= fallback);
      } else {
        CHECK(used <= fallback);
        if (knob.unit != gln::unit::on_off) CHECK(used > 0.0);  // zero or negative is nonsense
      }
      // Every other knob keeps its default.
      gln::policy others = gln::effective(requested);
      REQUIRE(gln::set_knob_value(others, knob.id, fallback));
      CHECK(is_default(others));
    }
  }
}

TEST_CASE("never downgrade: an avoid stays avoid under every policy and oversight",
          "[matrix][policy]") {
  std::vector<gln::policy> policies{gln::policy{}, loosest()};
  for (const special& v : special_doubles) {
    gln::policy p{};
    for (const gln::knob_info& knob : gln::data::policy_knobs) {
      static_cast<void>(gln::set_knob_value(p, knob.id, v.value));
    }
    policies.push_back(p);
  }
  gln::profile avoid_profile = adult();
  avoid_profile.conditions = {gln::condition::hepatic_encephalopathy};
  gln::profile child = adult();
  child.age_years = 10.0;
  child.weight_kg = gln::kilograms{20.0};
  for (const gln::policy& rules : policies) {
    for (const gln::oversight o :
         {gln::oversight::self_directed, gln::oversight::clinician_supervised}) {
      CAPTURE(gln::to_string(o), rules.adult_age_years, rules.max_doses_per_day);
      avoid_profile.oversight = o;
      child.oversight = o;
      // A stricter plausibility bound may turn the age or dose into input.invalid: still avoid.
      const gln::screening s = gln::screen(avoid_profile, purpose::gut_barrier, rules);
      CHECK(s.findings.level_of(rule::contra_hepatic_encephalopathy) == verdict::avoid);
      CHECK(s.overall == verdict::avoid);
      const gln::trial_plan t = gln::plan_trial(avoid_profile, purpose::gut_barrier, rules);
      CHECK_FALSE(t.has_dosing());
      CHECK((t.status == plan_status::do_not_start || t.status == plan_status::invalid_input));
      // 0.75 g/kg/day for a child: dose.child_per_kg, avoid whatever the oversight.
      const gln::dose_check d = gln::check_dose(
          child, purpose::ibs_symptoms, gln::regimen{gln::grams{5.0}, 3, gln::nullopt}, rules);
      CHECK(d.overall == verdict::avoid);
      CHECK((d.findings.level_of(rule::dose_child_per_kg) == verdict::avoid || !d.valid()));
      // 42 g/day: above the adult maximum, avoid when self-directed (under supervision it is
      // the documented exception, a caution).
      if (o == gln::oversight::self_directed) {
        const gln::dose_check high = gln::check_dose(
            adult(), purpose::gut_barrier, gln::regimen{gln::grams{10.5}, 4, gln::nullopt}, rules);
        CHECK(high.overall == verdict::avoid);
      }
    }
  }
}

TEST_CASE("never downgrade: a plan never proposes doses check_dose would refuse",
          "[matrix][policy][trial]") {
  // A supervised 10-year-old: the cautions do not block the plan, but 5 g three times a
  // day is 0.75 g/kg/day at 20 kg, above the children's 0.65 g/kg/day (avoid).
  gln::profile child{};
  child.age_years = 10.0;
  child.weight_kg = gln::kilograms{20.0};
  child.oversight = gln::oversight::clinician_supervised;
  CHECK(gln::plan_trial(child, purpose::ibs_symptoms).status == plan_status::ask_clinician_first);
  // At 30 kg the same plan is 0.5 g/kg/day, within the limit.
  child.weight_kg = gln::kilograms{30.0};
  CHECK(gln::plan_trial(child, purpose::ibs_symptoms).status == plan_status::ready);

  // A ceiling inside the purpose's range: general_recovery would step up to 10 g/day; under
  // 8 g/day the plan stays at 5 g once a day, with no step-up.
  gln::policy ceiling{};
  ceiling.self_directed_daily_ceiling = gln::grams{8.0};
  const gln::trial_plan once = gln::plan_trial(adult(), purpose::general_recovery, ceiling);
  REQUIRE(once.status == plan_status::ready);
  CHECK(once.max_doses_per_day == 1);
  CHECK_FALSE(once.step_up_day.has_value());
  REQUIRE(once.max_check.has_value());
  CHECK(once.max_check->overall <= gln::verdict::caution);
  ceiling.self_directed_daily_ceiling = gln::grams{10.0};
  const gln::trial_plan twice = gln::plan_trial(adult(), purpose::general_recovery, ceiling);
  REQUIRE(twice.status == plan_status::ready);
  CHECK(twice.max_doses_per_day == 2);
  // A ceiling below the purpose's smallest dose: no plan a person starts alone.
  ceiling.self_directed_daily_ceiling = gln::grams{4.0};
  CHECK(gln::plan_trial(adult(), purpose::general_recovery, ceiling).status ==
        plan_status::ask_clinician_first);

  // Fewer doses a day than the plan takes: ibs_symptoms is three a day.
  gln::policy doses{};
  doses.max_doses_per_day = 2;
  CHECK(gln::plan_trial(adult(), purpose::ibs_symptoms, doses).status ==
        plan_status::ask_clinician_first);
  CHECK(gln::plan_trial(adult(), purpose::gut_barrier, doses).status == plan_status::ready);
}
