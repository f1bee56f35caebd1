#ifndef GLN_DATA_DOSE_TRIGGERS_HPP
#define GLN_DATA_DOSE_TRIGGERS_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/enum_set.hpp"
#include "../core/enum_traits.hpp"
#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "doses.hpp"
#include "rules.hpp"
#include "thresholds.hpp"

// What makes each dose rule of docs/knowledge.md §6 fire, described: the dose check itself is
// rules/dose.hpp, and tests/test_dose_triggers.cpp checks that this table says what it does.
// A "{name}" in a description is a policy knob or a number of the dose tables, as in the rule
// texts.

// X(enumerator, "name", "description")
#define GLN_DOSE_MEASURES(X)                            \
  X(none, "none", "")                                   \
  X(grams_per_dose, "grams_per_dose", "grams per dose") \
  X(grams_per_day, "grams_per_day", "grams per day")    \
  X(weeks, "weeks", "planned weeks")                    \
  X(regimen, "regimen", "the regimen (grams per dose, doses per day)")

#define GLN_DOSE_COMPARISONS(X)       \
  X(none, "none", "")                 \
  X(above, "above", "above")          \
  X(at_least, "at_least", "at least") \
  X(differs, "differs", "differs from")

#define GLN_DOSE_BOUNDS(X)                                                                      \
  X(none, "none", "")                                                                           \
  X(purpose_per_dose_max, "purpose_per_dose_max", "the purpose's maximum per dose (§5)")        \
  X(purpose_per_day_max, "purpose_per_day_max",                                                 \
    "the purpose's maximum per day (§5); for a purpose dosed per kg, its per-kg maximum or "   \
    "ceiling times a current weight")                                                           \
  X(purpose_max_weeks, "purpose_max_weeks", "the purpose's longest duration (§5)")              \
  X(knob, "knob", "a policy threshold in force (§12)")                                          \
  X(knob_per_kg, "knob_per_kg", "a per-kg policy threshold in force (§12) times the weight")    \
  X(number, "number", "a number of the dose tables (§5)")                                       \
  X(label_band_dose, "label_band_dose",                                                         \
    "the labelled weight-band dose for the weight, at the purpose's largest number of doses a " \
    "day (§5)")

#define GLN_DOSE_CONDITIONS(X)                                                                \
  X(no_self_directed_range, "no_self_directed_range",                                         \
    "the purpose has no self-directed dose range (§5)")                                       \
  X(weight_based_purpose, "weight_based_purpose", "the purpose is dosed by body weight (§5)") \
  X(weight_band_purpose, "weight_band_purpose",                                               \
    "the purpose is dosed by the labelled weight bands (§5)")                                 \
  X(age_below_adult, "age_below_adult", "age known and below {adult_age_years} years")        \
  X(age_at_least_sickle_min, "age_at_least_sickle_min",                                       \
    "age at least {sickle_cell_min_age_years} years, the Endari label's lowest age")          \
  X(weight_known, "weight_known", "a valid weight, however old")                              \
  X(weight_current, "weight_current",                                                         \
    "a valid weight no older than {max_weight_age_days_adult} days for an adult, "            \
    "{max_weight_age_days_minor} days for anyone not known to be an adult")                   \
  X(no_current_weight, "no_current_weight",                                                   \
    "no valid weight, or one older than the limit for the age")                               \
  X(supervised, "supervised", "under clinician supervision")                                  \
  X(label_band_dose_allowed, "label_band_dose_allowed",                                       \
    "the policy's allow_label_band_dose is on")                                               \
  X(label_band_regimen, "label_band_regimen",                                                 \
    "the regimen is the labelled weight-band dose for the weight, at the purpose's largest "  \
    "number of doses a day")

GLN_BEGIN_NAMESPACE

// What a dose rule compares, how, and with what; the further conditions that must hold.
GLN_DEFINE_DESCRIBED_ENUM(dose_measure, GLN_DOSE_MEASURES);
GLN_DEFINE_DESCRIBED_ENUM(dose_comparison, GLN_DOSE_COMPARISONS);
GLN_DEFINE_DESCRIBED_ENUM(dose_bound, GLN_DOSE_BOUNDS);
GLN_DEFINE_DESCRIBED_ENUM(dose_condition, GLN_DOSE_CONDITIONS);

using dose_condition_set = enum_set<dose_condition>;

// A dose rule fires when the purpose is in `purposes` (an empty set means any purpose), every
// one of `conditions` holds, and the measure compares so with the bound (a rule without a
// measure fires on the conditions alone); a measure needs a valid regimen. It does not fire
// where the rule `yields_to` fires.
struct dose_trigger {
  gln::rule id{};
  dose_measure measure = dose_measure::none;
  dose_comparison comparison = dose_comparison::none;
  dose_bound bound = dose_bound::none;
  optional<policy_knob> knob;  // the threshold of a knob or knob_per_kg bound
  std::string_view number;     // the name of a number bound (data::text_numbers)
  purpose_set purposes;
  dose_condition_set conditions;
  optional<gln::rule> yields_to;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
// clang-format off
namespace dose_triggers_table {  // the short names that lay the table out, kept out of data::
using r = gln::rule;
using m = dose_measure;
using cmp = dose_comparison;
using b = dose_bound;
using c = dose_condition;
using k = policy_knob;
using p = gln::purpose;
inline constexpr std::array<dose_trigger, 14> dose_triggers{{
    {r::dose_no_self_directed_range, m::none, cmp::none, b::none, {}, {}, {},
     {c::no_self_directed_range}, {}},
    {r::dose_per_dose_above_range, m::grams_per_dose, cmp::above, b::purpose_per_dose_max, {}, {},
     {}, {}, {}},
    {r::dose_daily_above_range, m::grams_per_day, cmp::above, b::purpose_per_day_max, {}, {}, {},
     {}, {}},
    {r::dose_duration_above_range, m::weeks, cmp::above, b::purpose_max_weeks, {}, {}, {}, {}, {}},
    {r::dose_per_dose_large, m::grams_per_dose, cmp::above, b::knob, k::split_dose_above, {}, {},
     {}, {}},
    {r::dose_gi_effects_likely, m::grams_per_day, cmp::at_least, b::number, {},
     "gi_effects_daily"sv, {}, {}, {}},
    {r::dose_above_observed_safe_level, m::grams_per_day, cmp::above, b::knob,
     k::observed_safe_level, {}, {}, {}, {}},
    {r::dose_above_self_directed_ceiling, m::grams_per_day, cmp::above, b::knob,
     k::self_directed_daily_ceiling, {}, {}, {}, {}},
    {r::dose_above_adult_maximum, m::grams_per_day, cmp::above, b::knob, k::adult_maximum_daily,
     {}, {}, {}, {}},
    {r::dose_child_per_kg, m::grams_per_day, cmp::above, b::knob_per_kg, k::child_per_kg_limit, {},
     {}, {c::age_below_adult, c::weight_known}, r::dose_child_per_kg_label_band},
    {r::dose_child_per_kg_label_band, m::grams_per_day, cmp::above, b::knob_per_kg,
     k::child_per_kg_limit, {}, {},
     {c::weight_band_purpose, c::supervised, c::age_below_adult, c::age_at_least_sickle_min,
      c::weight_current, c::label_band_regimen, c::label_band_dose_allowed}, {}},
    {r::dose_critical_per_kg, m::grams_per_day, cmp::above, b::knob_per_kg,
     k::critical_per_kg_limit, {}, {p::critical_illness, p::trauma, p::burns}, {c::weight_known},
     {}},
    {r::dose_label_band_mismatch, m::regimen, cmp::differs, b::label_band_dose, {}, {}, {},
     {c::weight_band_purpose, c::weight_current}, {}},
    {r::dose_weight_needed, m::none, cmp::none, b::none, {}, {}, {},
     {c::weight_based_purpose, c::no_current_weight}, {}},
}};
}  // namespace dose_triggers_table
using dose_triggers_table::dose_triggers;
// clang-format on

constexpr bool is_dose_rule(gln::rule id) noexcept {
  return is_valid(id) && index_of(id) >= index_of(gln::rule::dose_no_self_directed_range);
}

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_DOSE_TRIGGERS_HPP
