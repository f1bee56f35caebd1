#ifndef GLN_DATA_DOSES_HPP
#define GLN_DATA_DOSES_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
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
  std::optional<range<grams>> per_dose;
  std::optional<count_range> doses_per_day;
  std::optional<range<grams>> per_day;
  // Weight-based reference range (trauma, burns); the daily range follows from the weight.
  std::optional<range<grams_per_kg_day>> per_kg_day;
  // A per-kg ceiling the sources set for this purpose.
  std::optional<grams_per_kg_day> max_per_kg_day;
  std::optional<double> min_weeks;
  std::optional<double> max_weeks;
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

// Trauma and burns: 10-15 days at most (ESPEN 2019), as weeks.
inline constexpr double max_weeks_15_days = 15.0 / 7.0;

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// Built by a lambda so that the short names used to lay the table out stay inside it.
// clang-format off
inline constexpr std::array<dose_row, enum_count<gln::purpose>> doses = [] {
  using p = gln::purpose;
  using a = dose_access;
  using s = gln::source;
  using g = grams;
  using gpk = grams_per_kg_day;
  return std::array<dose_row, enum_count<gln::purpose>>{{
    {p::general_recovery, a::self_directed, range<g>{g{5.0}, g{5.0}}, count_range{1, 2},
     range<g>{g{5.0}, g{10.0}}, std::nullopt, std::nullopt, std::nullopt, std::nullopt, false,
     false, "5 g once a day, then twice a day if tolerated (5-10 g/day)",
     "step up after several days (5 by policy); review at 14 days (policy)",
     "consistency matters more than timing; take with food if it upsets the stomach",
     {s::article_immune_recovery, s::gln_policy}},
    {p::gut_barrier, a::self_directed, range<g>{g{5.0}, g{10.0}}, count_range{2, 2},
     range<g>{g{10.0}, g{20.0}}, std::nullopt, std::nullopt, 2.0, 8.0, false, false,
     "5-10 g twice a day (10-20 g/day)", "2-8 weeks",
     "between meals, or with food if it causes nausea or bloating",
     {s::article_immune_recovery, s::kim_kim_2017}},
    {p::exercise_recovery, a::self_directed, range<g>{g{5.0}, g{5.0}}, count_range{1, 2},
     range<g>{g{5.0}, g{10.0}}, std::nullopt, std::nullopt, std::nullopt, std::nullopt, false,
     false, "5 g once or twice a day (5-10 g/day)",
     "the 2-3 days after a hard block or race; during heavy blocks",
     "5 g within 30-60 min after training, 5 g before bed; more is not better",
     {s::article_muscle_recovery, s::article_immune_recovery}},
    {p::endurance_gut_stress, a::self_directed, range<g>{g{5.0}, g{5.0}}, count_range{1, 2},
     range<g>{g{5.0}, g{10.0}}, std::nullopt, std::nullopt, std::nullopt, std::nullopt, false,
     false, "5 g once or twice a day (5-10 g/day)", "during heavy or hot training blocks",
     "trials used 6 g/day to 0.3 g/kg/day",
     {s::article_muscle_recovery, s::cordova_martinez_2021, s::combat_athletes_2024}},
    {p::immune_support, a::not_recommended, std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, false, false,
     "no self-directed range", "",
     "basics first (sleep, protein, calories); glutamine is not the best first move",
     {s::article_immune_recovery}},
    {p::muscle_strength, a::not_recommended, std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, false, false,
     "no self-directed range", "", "evidence against a benefit",
     {s::article_gut_health_guide, s::candow_2001}},
    {p::athletic_performance, a::not_recommended, std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, false, false,
     "no self-directed range", "", "evidence against a benefit",
     {s::article_immune_recovery, s::performance_meta_2019}},
    {p::ibs_symptoms, a::self_directed, range<g>{g{5.0}, g{5.0}}, count_range{3, 3},
     range<g>{g{15.0}, g{15.0}}, std::nullopt, std::nullopt, std::nullopt, 8.0, false, false,
     "5 g three times a day (15 g/day)", "8 weeks",
     "the trial dose in post-infectious IBS with diarrhoea; get symptoms assessed first",
     {s::zhou_2019_ibs, s::article_gut_barrier_letter}},
    {p::oral_mucositis, a::clinician, std::nullopt, std::nullopt, range<g>{g{8.0}, g{30.0}},
     std::nullopt, std::nullopt, std::nullopt, std::nullopt, false, false,
     "reference: 8-30 g/day studied, oral", "during cancer therapy",
     "the treating team's protocol", {s::yarom_2019_mascc, s::article_immune_recovery}},
    {p::surgical_recovery, a::clinician, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
     std::nullopt, std::nullopt, std::nullopt, false, false,
     "the treating team's protocol; parenteral dipeptide at most 0.5 g dipeptide/kg/day", "",
     "", {s::dipeptiven_label, s::article_immune_recovery}},
    {p::critical_illness, a::clinician, std::nullopt, std::nullopt, std::nullopt, std::nullopt,
     gpk{0.5}, std::nullopt, std::nullopt, true, false,
     "not routine; never above 0.5 g/kg/day", "", "",
     {s::mcclave_2016_aspen, s::icu_dose_meta_2014}},
    {p::trauma, a::clinician, std::nullopt, std::nullopt, std::nullopt,
     range<gpk>{gpk{0.2}, gpk{0.3}}, std::nullopt, std::nullopt, max_weeks_15_days, true, false,
     "reference: 0.2-0.3 g/kg/day enteral",
     "first 5 days; 10-15 days if wound healing is complicated",
     "weakest guideline grade", {s::singer_2019_espen}},
    {p::burns, a::clinician, std::nullopt, std::nullopt, std::nullopt,
     range<gpk>{gpk{0.3}, gpk{0.5}}, std::nullopt, std::nullopt, max_weeks_15_days, true, false,
     "older guideline: 0.3-0.5 g/kg/day enteral for 10-15 days; the largest trial, at 0.5 "
     "g/kg/day, found no benefit",
     "10-15 days", "", {s::singer_2019_espen, s::heyland_2022_reenergize}},
    {p::sickle_cell_disease, a::prescription, range<g>{g{5.0}, g{15.0}}, count_range{2, 2},
     range<g>{g{10.0}, g{30.0}}, std::nullopt, std::nullopt, std::nullopt, std::nullopt, true,
     true, "by weight: < 30 kg 5 g, 30-65 kg 10 g, > 65 kg 15 g per dose, twice a day",
     "long-term",
     "mix in 8 oz (240 mL) of cold or room-temperature drink or 4-6 oz of soft food; age 5 and "
     "over",
     {s::endari_label}},
    {p::short_bowel_syndrome, a::prescription, range<g>{g{5.0}, g{5.0}}, count_range{6, 6},
     range<g>{g{30.0}, g{30.0}}, std::nullopt, std::nullopt, std::nullopt, 16.0, false, false,
     "5 g six times a day (30 g/day), with growth hormone", "up to 16 weeks",
     "with meals or snacks, 2-3 hours apart", {s::nutrestore_label}},
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
    {"gi_effects_daily", gi_effects_daily.value(), unit::g_per_day},
    {"sickle_cell_min_age_years", sickle_cell_min_age_years, unit::years},
}};

// What dose_row_for() gives for a value outside gln::purpose: no range, nothing to dose.
inline constexpr dose_row unknown_purpose_row{static_cast<gln::purpose>(enum_count<gln::purpose>),
                                              dose_access::not_recommended,
                                              std::nullopt,
                                              std::nullopt,
                                              std::nullopt,
                                              std::nullopt,
                                              std::nullopt,
                                              std::nullopt,
                                              std::nullopt,
                                              false,
                                              false,
                                              "unknown purpose: the id is not a gln::purpose value",
                                              "",
                                              "",
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
