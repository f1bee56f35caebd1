// The dose trigger table (data/dose_triggers.hpp, shown in docs/knowledge.md §6) against
// check_dose: for each dose rule, a case built from the table's row alone must fire it, and
// stop firing at the bound, with any one of its conditions broken, for a purpose outside its
// purposes, and where the rule it yields to fires.
#include <gln/gln.hpp>

#include <optional>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln::dose_bound;
using gln::dose_comparison;
using gln::dose_condition;
using gln::dose_measure;

constexpr double adult_age = 30.0;
constexpr double child_age = 10.0;  // below the adult age, not below the label's lowest age
constexpr double young_child_age = 4.0;
constexpr double adult_kg = 70.0;
constexpr double child_kg = 15.0;
constexpr int stale_days = 400;  // older than both weight-age limits
constexpr double step = 0.5;     // grams (or weeks) past a bound

// One call of check_dose.
struct probe {
  gln::profile person{};
  gln::purpose purpose = gln::purpose::general_recovery;
  gln::regimen plan{};
  gln::policy rules{};

  bool fires(gln::rule id) const {
    return gln::check_dose(person, purpose, plan, rules).findings.contains(id);
  }
};

bool has(const gln::dose_trigger& t, dose_condition c) { return t.conditions.contains(c); }

// Whether a purpose's dose row has what the row's purpose conditions and bound need.
bool purpose_fits(const gln::dose_trigger& t, gln::purpose p) {
  const gln::dose_row& row = gln::dose_row_for(p);
  if (!t.purposes.empty() && !t.purposes.contains(p)) return false;
  if (has(t, dose_condition::no_self_directed_range) &&
      row.access == gln::dose_access::self_directed) {
    return false;
  }
  if (has(t, dose_condition::weight_based_purpose) && !row.weight_based) return false;
  if (has(t, dose_condition::weight_band_purpose) && !row.weight_bands) return false;
  switch (t.bound) {
    case dose_bound::purpose_per_dose_max: return row.per_dose.has_value();
    case dose_bound::purpose_per_day_max:
      return row.per_day || row.per_kg_day || row.max_per_kg_day;
    case dose_bound::purpose_max_weeks: return row.max_weeks.has_value();
    default: return true;
  }
}

std::vector<gln::purpose> all_purposes() {
  std::vector<gln::purpose> out;
  for (std::size_t i = 0; i < gln::enum_count<gln::purpose>; ++i) {
    out.push_back(static_cast<gln::purpose>(i));
  }
  return out;
}

// A per-day bound of the purpose's own row that a weight gives.
bool per_kg_row(gln::purpose p) { return !gln::dose_row_for(p).per_day.has_value(); }

double named_number(std::string_view name) {
  for (const gln::data::named_number& n : gln::data::text_numbers) {
    if (n.name == name) return n.value;
  }
  FAIL("no number " << name);
  return 0.0;
}

// The bound the row compares with, for this purpose and weight (default policy).
double bound_of(const gln::dose_trigger& t, gln::purpose p, double kg) {
  const gln::dose_row& row = gln::dose_row_for(p);
  switch (t.bound) {
    case dose_bound::purpose_per_dose_max: return row.per_dose->max.value();
    case dose_bound::purpose_per_day_max:
      if (row.per_day) return row.per_day->max.value();
      return (row.per_kg_day ? row.per_kg_day->max.value() : row.max_per_kg_day->value()) * kg;
    case dose_bound::purpose_max_weeks: return *row.max_weeks;
    case dose_bound::knob: return gln::describe(*t.knob).default_value;
    case dose_bound::knob_per_kg: return gln::describe(*t.knob).default_value * kg;
    case dose_bound::number: return named_number(t.number);
    case dose_bound::label_band_dose: return gln::sickle_cell_band_dose(gln::kilograms{kg}).value();
    case dose_bound::none: break;
  }
  return 0.0;
}

// The labelled band regimen for a weight: the band dose at the row's most doses a day.
gln::regimen band_regimen(gln::purpose p, double kg, double extra_grams = 0.0) {
  return gln_test::dose(gln::sickle_cell_band_dose(gln::kilograms{kg}).value() + extra_grams,
                        gln::dose_row_for(p).doses_per_day->max);
}

// The case the row describes, for one purpose: every condition holds, and the measure is
// past the bound by `past` (negative: short of it).
probe satisfying(const gln::dose_trigger& t, gln::purpose p, double past) {
  probe out;
  out.purpose = p;
  const bool child = has(t, dose_condition::age_below_adult);
  out.person.age_years = child ? gln::optional<double>{child_age} : gln::nullopt;
  if (has(t, dose_condition::supervised))
    out.person.oversight = gln::oversight::clinician_supervised;
  // A weight only where the row needs one: however old unless it must be current.
  const bool per_kg_bound = t.bound == dose_bound::purpose_per_day_max && per_kg_row(p);
  const bool current = has(t, dose_condition::weight_current) || per_kg_bound ||
                       t.bound == dose_bound::label_band_dose;
  if (current || has(t, dose_condition::weight_known)) {
    out.person.weight_kg = gln::kilograms{child ? child_kg : adult_kg};
    out.person.weight_age_days = current ? 0 : stale_days;
  }
  const double kg = out.person.weight_kg ? out.person.weight_kg->value() : 0.0;
  const double bound = bound_of(t, p, kg);
  switch (t.measure) {
    case dose_measure::grams_per_dose:
    case dose_measure::grams_per_day: out.plan = gln_test::dose(bound + past, 1); break;
    case dose_measure::weeks: out.plan = gln_test::dose(1.0, 1, bound + past); break;
    case dose_measure::regimen: out.plan = band_regimen(p, kg, past); break;
    case dose_measure::none: out.plan = gln_test::dose(1.0, 1); break;
  }
  if (has(t, dose_condition::label_band_regimen)) out.plan = band_regimen(p, kg);
  return out;
}

// The same case with one condition broken; the ways to break it.
std::vector<probe> breaking(const probe& base, dose_condition c) {
  std::vector<probe> out;
  const auto with = [&](auto change) {
    probe changed = base;
    change(changed);
    out.push_back(changed);
  };
  const auto other_purposes = [&](auto excluded) {
    for (gln::purpose p : all_purposes()) {
      if (!excluded(gln::dose_row_for(p))) continue;
      with([p](probe& b) { b.purpose = p; });
    }
  };
  switch (c) {
    case dose_condition::no_self_directed_range:
      other_purposes(
          [](const gln::dose_row& row) { return row.access == gln::dose_access::self_directed; });
      break;
    case dose_condition::weight_based_purpose:
      other_purposes([](const gln::dose_row& row) { return !row.weight_based; });
      break;
    case dose_condition::weight_band_purpose:
      other_purposes([](const gln::dose_row& row) { return !row.weight_bands; });
      break;
    case dose_condition::age_below_adult:
      with([](probe& b) { b.person.age_years = adult_age; });
      with([](probe& b) { b.person.age_years = gln::nullopt; });
      break;
    case dose_condition::age_at_least_sickle_min:
      with([](probe& b) { b.person.age_years = young_child_age; });
      break;
    case dose_condition::weight_known:
      with([](probe& b) { b.person.weight_kg = gln::nullopt; });
      break;
    case dose_condition::weight_current:
      with([](probe& b) { b.person.weight_age_days = stale_days; });
      break;
    case dose_condition::no_current_weight:
      with([](probe& b) {
        b.person.weight_kg = gln::kilograms{adult_kg};
        b.person.weight_age_days = 0;
      });
      break;
    case dose_condition::supervised:
      with([](probe& b) { b.person.oversight = gln::oversight::self_directed; });
      break;
    case dose_condition::label_band_dose_allowed:
      with([](probe& b) { b.rules.allow_label_band_dose = false; });
      break;
    case dose_condition::label_band_regimen:
      with([&](probe& b) { b.plan = band_regimen(b.purpose, b.person.weight_kg->value(), step); });
      break;
  }
  return out;
}

const gln::dose_trigger& trigger_of(gln::rule id) {
  for (const gln::dose_trigger& t : gln::data::dose_triggers) {
    if (t.id == id) return t;
  }
  FAIL("no dose trigger for " << gln::to_string(id));
  return gln::data::dose_triggers[0];
}

}  // namespace

TEST_CASE("every dose rule fires on the trigger the table describes", "[dose][triggers]") {
  for (const gln::dose_trigger& t : gln::data::dose_triggers) {
    const gln::rule_info& info = gln::describe(t.id);
    for (gln::purpose p : all_purposes()) {
      if (!purpose_fits(t, p)) continue;
      CAPTURE(gln::to_string(t.id), gln::to_string(p));
      const probe case_ = satisfying(t, p, step);
      CHECK(case_.fires(t.id));

      // At the bound (above, differs) or short of it (at least), it does not fire.
      if (t.comparison == dose_comparison::at_least) CHECK(satisfying(t, p, 0.0).fires(t.id));
      if (t.comparison != dose_comparison::none) {
        probe at = satisfying(t, p, t.comparison == dose_comparison::at_least ? -step : 0.0);
        if (has(t, dose_condition::label_band_regimen)) {
          // The regimen is fixed; a heavier person in the same band lifts the per-kg bound to it.
          const double kg = at.plan.per_day().value() / gln::describe(*t.knob).default_value;
          at.person.weight_kg = gln::kilograms{kg * 1.001};
          REQUIRE(gln::sickle_cell_band_dose(*at.person.weight_kg) ==
                  gln::sickle_cell_band_dose(*case_.person.weight_kg));
        }
        CHECK_FALSE(at.fires(t.id));
        if (t.measure == dose_measure::regimen) {
          probe fewer = at;  // the band dose, but fewer doses a day
          fewer.plan.doses_per_day -= 1;
          CHECK(fewer.fires(t.id));
        }
      }
      // A per-day maximum that a weight gives needs a current weight.
      if (t.bound == dose_bound::purpose_per_day_max && per_kg_row(p)) {
        probe stale = case_;
        stale.person.weight_age_days = stale_days;
        CHECK_FALSE(stale.fires(t.id));
      }
      // Each condition is needed.
      for (dose_condition c : t.conditions) {
        CAPTURE(gln::to_string(c));
        for (const probe& broken : breaking(case_, c)) {
          CAPTURE(gln::to_string(broken.purpose));
          CHECK_FALSE(broken.fires(t.id));
        }
      }
      // "No current weight" holds for a weight too old as for none.
      if (has(t, dose_condition::no_current_weight)) {
        probe stale = case_;
        stale.person.weight_kg = gln::kilograms{adult_kg};
        stale.person.weight_age_days = stale_days;
        stale.person.age_years = adult_age;
        CHECK(stale.fires(t.id));
      }
      // Supervision: the self-directed rules stop, the others fire on.
      if (!has(t, dose_condition::supervised)) {
        probe supervised = case_;
        supervised.person.oversight = gln::oversight::clinician_supervised;
        CHECK(supervised.fires(t.id) == !info.self_directed_only);
      }
    }
    // A purpose outside the row's purposes does not fire it.
    if (!t.purposes.empty()) {
      const gln::purpose inside = *t.purposes.begin();
      for (gln::purpose p : all_purposes()) {
        if (t.purposes.contains(p)) continue;
        CAPTURE(gln::to_string(t.id), gln::to_string(p));
        probe outside = satisfying(t, inside, step);
        outside.purpose = p;
        CHECK_FALSE(outside.fires(t.id));
      }
    }
    // Where the rule it yields to fires, it does not.
    if (t.yields_to) {
      const gln::dose_trigger& other = trigger_of(*t.yields_to);
      for (gln::purpose p : all_purposes()) {
        if (!purpose_fits(other, p)) continue;
        CAPTURE(gln::to_string(t.id), gln::to_string(p));
        const probe case_ = satisfying(other, p, step);
        REQUIRE(case_.fires(other.id));
        CHECK_FALSE(case_.fires(t.id));
      }
    }
  }
}

TEST_CASE("every dose rule fires for some purpose", "[dose][triggers]") {
  for (const gln::dose_trigger& t : gln::data::dose_triggers) {
    CAPTURE(gln::to_string(t.id));
    bool some = false;
    for (gln::purpose p : all_purposes()) some = some || purpose_fits(t, p);
    CHECK(some);
  }
}
