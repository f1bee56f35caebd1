#ifndef GLN_DATA_DOSES_HPP
#define GLN_DATA_DOSES_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "../core/precondition.hpp"
#include "../core/units.hpp"
#include "sources.hpp"

// Dose by purpose (docs/knowledge.md §5), indexed by gln::purpose, the sickle-cell weight bands and
// the §6 numbers that are not policy thresholds (those are in thresholds.hpp).
GLN_BEGIN_NAMESPACE

// One row of §5. Empty optionals mean the source gives no number.
struct dose_row {
  gln::purpose id{};
  dose_access access{};
  optional<range<grams>> per_dose;
  optional<count_range> doses_per_day;
  optional<range<grams>> per_day;
  // Weight-based reference range (trauma, burns); the daily range follows from the weight.
  optional<range<grams_per_kg_day>> per_kg_day;
  // A per-kg ceiling the sources set for this purpose.
  optional<grams_per_kg_day> max_per_kg_day;
  optional<double> min_weeks;
  optional<double> max_weeks;
  bool weight_based = false;  // a dose check needs the weight
  bool weight_bands = false;  // dosed by the labelled weight bands below
  std::string_view amount;    // the dose as the source states it
  std::string_view duration;
  std::string_view timing;
  citation_list sources;
};

// Labelled sickle-cell dose by body weight: < 30 kg, 30-65 kg (both ends inclusive), > 65 kg.
struct weight_band {
  kilograms up_to;  // upper bound of the band
  bool up_to_inclusive = false;
  grams per_dose;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// Trauma and burns: 10-15 days at most (ESPEN 2019), as weeks.
inline constexpr double max_weeks_15_days = 15.0 / 7.0;

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// Built by a lambda so that the short names used to lay the table out stay inside it.
// clang-format off
inline constexpr std::array<dose_row, enum_count<gln::purpose>> doses = [] {
  using p = gln::purpose;
  using a = dose_access;
  using s = gln::source;
  // The cells, each of its field's own type: a per-dose or daily range in grams, a range of
  // doses a day, a range and a ceiling in g/kg/day, weeks; {} where the source gives no number.
  // (Built by these helpers rather than by converting constructors, which every includer's
  // compiler would resolve again for each cell.)
  constexpr auto in_g = [](double min, double max) {
    return optional<range<grams>>{range<grams>{grams{min}, grams{max}}};
  };
  constexpr auto times = [](int min, int max) {
    return optional<count_range>{count_range{min, max}};
  };
  constexpr auto in_g_per_kg = [](double min, double max) {
    return optional<range<grams_per_kg_day>>{
        range<grams_per_kg_day>{grams_per_kg_day{min}, grams_per_kg_day{max}}};
  };
  constexpr auto max_g_per_kg = [](double max) {
    return optional<grams_per_kg_day>{grams_per_kg_day{max}};
  };
  constexpr auto weeks = [](double count) { return optional<double>{count}; };
  return std::array<dose_row, enum_count<gln::purpose>>{{
    {p::general_recovery, a::self_directed, in_g(5.0, 5.0), times(1, 2), in_g(5.0, 10.0), {}, {},
     {}, {}, false, false,
     "5 g once a day, then twice a day if tolerated (5-10 g/day)"sv,
     "step up after several days (5 by policy); review at 14 days (policy)"sv,
     "consistency matters more than timing; take with food if it upsets the stomach"sv,
     {s::article_immune_recovery, s::gln_policy}},
    {p::gut_barrier, a::self_directed, in_g(5.0, 10.0), times(2, 2), in_g(10.0, 20.0), {}, {},
     weeks(2.0), weeks(8.0), false, false,
     "5-10 g twice a day (10-20 g/day)"sv, "2-8 weeks"sv,
     "between meals, or with food if it causes nausea or bloating"sv,
     {s::article_immune_recovery, s::kim_kim_2017}},
    {p::exercise_recovery, a::self_directed, in_g(5.0, 5.0), times(1, 2), in_g(5.0, 10.0), {}, {},
     {}, {}, false, false,
     "5 g once or twice a day (5-10 g/day)"sv,
     "the 2-3 days after a hard block or race; during heavy blocks"sv,
     "5 g within 30-60 min after training, 5 g before bed; more is not better"sv,
     {s::article_muscle_recovery, s::article_immune_recovery}},
    {p::endurance_gut_stress, a::self_directed, in_g(5.0, 5.0), times(1, 2), in_g(5.0, 10.0), {},
     {}, {}, {}, false, false,
     "5 g once or twice a day (5-10 g/day)"sv, "during heavy or hot training blocks"sv,
     "trials used 6 g/day to 0.3 g/kg/day"sv,
     {s::article_muscle_recovery, s::cordova_martinez_2021, s::combat_athletes_2024}},
    {p::immune_support, a::not_recommended, {}, {}, {}, {}, {}, {}, {}, false, false,
     "no self-directed range"sv, ""sv,
     "basics first (sleep, protein, calories); glutamine is not the best first move"sv,
     {s::article_immune_recovery}},
    {p::muscle_strength, a::not_recommended, {}, {}, {}, {}, {}, {}, {}, false, false,
     "no self-directed range"sv, ""sv, "evidence against a benefit"sv,
     {s::article_gut_health_guide, s::candow_2001}},
    {p::athletic_performance, a::not_recommended, {}, {}, {}, {}, {}, {}, {}, false, false,
     "no self-directed range"sv, ""sv, "evidence against a benefit"sv,
     {s::article_immune_recovery, s::performance_meta_2019}},
    {p::ibs_symptoms, a::self_directed, in_g(5.0, 5.0), times(3, 3), in_g(15.0, 15.0), {}, {}, {},
     weeks(8.0), false, false,
     "5 g three times a day (15 g/day)"sv, "8 weeks"sv,
     "the trial dose in post-infectious IBS with diarrhoea; get symptoms assessed first"sv,
     {s::zhou_2019_ibs, s::article_gut_barrier_letter}},
    {p::oral_mucositis, a::clinician, {}, {}, in_g(8.0, 30.0), {}, {}, {}, {}, false, false,
     "reference: 8-30 g/day studied, oral"sv, "during cancer therapy"sv,
     "the treating team's protocol"sv, {s::yarom_2019_mascc, s::article_immune_recovery}},
    {p::surgical_recovery, a::clinician, {}, {}, {}, {}, {}, {}, {}, false, false,
     "the treating team's protocol; parenteral dipeptide at most 0.5 g dipeptide/kg/day"sv, ""sv,
     ""sv, {s::dipeptiven_label, s::article_immune_recovery}},
    {p::critical_illness, a::clinician, {}, {}, {}, {}, max_g_per_kg(0.5), {}, {}, true, false,
     "not routine; never above 0.5 g/kg/day"sv, ""sv, ""sv,
     {s::mcclave_2016_aspen, s::icu_dose_meta_2014}},
    {p::trauma, a::clinician, {}, {}, {}, in_g_per_kg(0.2, 0.3), {}, {}, weeks(max_weeks_15_days),
     true, false,
     "reference: 0.2-0.3 g/kg/day enteral"sv,
     "first 5 days; 10-15 days if wound healing is complicated"sv,
     "weakest guideline grade"sv, {s::singer_2019_espen}},
    {p::burns, a::clinician, {}, {}, {}, in_g_per_kg(0.3, 0.5), {}, {}, weeks(max_weeks_15_days),
     true, false,
     "older guideline: 0.3-0.5 g/kg/day enteral for 10-15 days; the largest trial, at 0.5 "
     "g/kg/day, found no benefit"sv,
     "10-15 days"sv, ""sv, {s::singer_2019_espen, s::heyland_2022_reenergize}},
    {p::sickle_cell_disease, a::prescription, in_g(5.0, 15.0), times(2, 2), in_g(10.0, 30.0), {},
     {}, {}, {}, true, true,
     "by weight: < 30 kg 5 g, 30-65 kg 10 g, > 65 kg 15 g per dose, twice a day"sv,
     "long-term"sv,
     "mix in 8 oz (240 mL) of cold or room-temperature drink or 4-6 oz of soft food; age 5 and "
     "over"sv,
     {s::endari_label}},
    {p::short_bowel_syndrome, a::prescription, in_g(5.0, 5.0), times(6, 6), in_g(30.0, 30.0), {},
     {}, {}, weeks(16.0), false, false,
     "5 g six times a day (30 g/day), with growth hormone"sv, "up to 16 weeks"sv,
     "with meals or snacks, 2-3 hours apart"sv, {s::nutrestore_label}},
  }};
}();
// clang-format on

inline constexpr std::array<weight_band, 3> sickle_cell_weight_bands{{
    {kilograms{30.0}, false, grams{5.0}},
    {kilograms{65.0}, true, grams{10.0}},
    {kilograms{1.0e308}, true, grams{15.0}},
}};

// §6 dose.gi_effects_likely: GI effects more likely from this amount (consumerlab_glutamine,
// article_immune_recovery).
inline constexpr grams gi_effects_daily{10.0};
// §4 purpose.sickle_cell_age: the Endari label's lowest age (endari_label).
inline constexpr double sickle_cell_min_age_years = 5.0;

// The numbers above that rule texts name, as "{name}" placeholders (the policy thresholds are
// named by their policy_knob).
struct named_number {
  std::string_view name;
  double value = 0.0;
  gln::unit unit{};
};
inline constexpr std::array<named_number, 2> text_numbers{{
    {"gi_effects_daily"sv, gi_effects_daily.value(), unit::g_per_day},
    {"sickle_cell_min_age_years"sv, sickle_cell_min_age_years, unit::years},
}};

// What dose_row_for() gives for a value outside gln::purpose: no range, nothing to dose.
inline constexpr dose_row unknown_purpose_row{
    static_cast<gln::purpose>(enum_count<gln::purpose>),
    dose_access::not_recommended,
    {},
    {},
    {},
    {},
    {},
    {},
    {},
    false,
    false,
    "unknown purpose: the id is not a gln::purpose value"sv,
    ""sv,
    ""sv,
    {gln::source::gln_policy}};

}  // namespace data

// The §5 row of a purpose. A value outside the enum yields data::unknown_purpose_row, which has
// no range at all: never another purpose's row.
constexpr const dose_row& dose_row_for(gln::purpose id) noexcept {
  return is_valid(id) ? data::doses[index_of(id)] : data::unknown_purpose_row;
}

// The labelled per-dose amount for a body weight (< 30 kg, 30-65 kg inclusive, > 65 kg).
constexpr grams sickle_cell_band_dose(kilograms weight) noexcept {
  for (const weight_band& band : data::sickle_cell_weight_bands) {
    if (band.up_to_inclusive ? weight <= band.up_to : weight < band.up_to) return band.per_dose;
  }
  return data::sickle_cell_weight_bands.back().per_dose;
}

GLN_END_NAMESPACE

#endif  // GLN_DATA_DOSES_HPP
