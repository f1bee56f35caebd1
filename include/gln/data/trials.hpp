#ifndef GLN_DATA_TRIALS_HPP
#define GLN_DATA_TRIALS_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enum_set.hpp"
#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "../core/units.hpp"
#include "sources.hpp"
#include "thresholds.hpp"

// What a defined trial contains (docs/knowledge.md §8), the side effects to show (§9) and the
// advice on forms, timing and product quality (§10).
GLN_BEGIN_NAMESPACE

using outcome_set = enum_set<outcome>;

// A text shown with a plan, and the sources behind it.
struct advice {
  std::string_view text;
  citation_list sources;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

struct trial_row {
  gln::purpose id{};
  // The policy knob that gives the review day (training purposes review after two training
  // cycles: training_review_day); none for a purpose without a self-directed trial.
  optional<policy_knob> review;
  int hard_stop_day = 0;  // 0: none
  bool step_up = false;   // start at the lowest doses per day, step up after policy days
  bool athlete = false;   // show the athletes' protein target with the basics
  outcome_set outcomes;   // what to track; the person picks the one that matters to them
};

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
// clang-format off
namespace trials_table {  // the short names that lay the table out, kept out of data::
using p = gln::purpose;
using o = gln::outcome;
using k = policy_knob;
inline constexpr std::array<trial_row, enum_count<gln::purpose>> trials{{
    {p::general_recovery, k::general_recovery_review_day, 0, true, false,
     {o::tolerance_in_stressful_period}},
    {p::gut_barrier, k::gut_barrier_review_day, 56, false, false,
     {o::fewer_gut_symptoms, o::easier_food_tolerance}},
    {p::exercise_recovery, k::training_review_day, 0, false, true,
     {o::smoother_training_recovery, o::soreness_24_48_72h}},
    {p::endurance_gut_stress, k::training_review_day, 0, false, true,
     {o::fewer_gut_symptoms, o::smoother_training_recovery}},
    {p::immune_support, nullopt, 0, false, false, {}},
    {p::muscle_strength, nullopt, 0, false, true, {}},
    {p::athletic_performance, nullopt, 0, false, true, {}},
    {p::ibs_symptoms, k::ibs_review_day, 56, false, false,
     {o::fewer_gut_symptoms, o::easier_food_tolerance}},
    {p::oral_mucositis, nullopt, 0, false, false, {}},
    {p::surgical_recovery, nullopt, 0, false, false, {}},
    {p::critical_illness, nullopt, 0, false, false, {}},
    {p::trauma, nullopt, 0, false, false, {}},
    {p::burns, nullopt, 0, false, false, {}},
    {p::sickle_cell_disease, nullopt, 0, false, false, {}},
    {p::short_bowel_syndrome, nullopt, 0, false, false, {}},
}};
}  // namespace trials_table
using trials_table::trials;
// clang-format on

inline constexpr advice trial_rule{
    "a defined trial: one product, one dose, one goal, one review date; stop if there is no "
    "clear benefit"sv,
    {gln::source::article_immune_recovery}};

inline constexpr advice basics_first{"basics first: sleep, calories, protein, hydration and rest"sv,
                                     {gln::source::article_immune_recovery}};

inline constexpr advice athlete_protein{
    "athletes: protein 1.6-2.2 g/kg/day comes before any supplement"sv,
    {gln::source::article_muscle_recovery, gln::source::morton_2018}};
inline constexpr range<double> athlete_protein_g_per_kg_day{1.6, 2.2};

inline constexpr advice side_effects{
    "gastrointestinal: bloating, nausea, gas, belching, abdominal discomfort, constipation; "
    "more likely from 10 g/day; dry mouth, headache and dizziness reported from 30 g/day"sv,
    {gln::source::article_immune_recovery, gln::source::consumerlab_glutamine,
     gln::source::endari_label}};
inline constexpr double side_effects_gi_from_g_per_day = 10.0;
inline constexpr double side_effects_neurologic_from_g_per_day = 30.0;

inline constexpr advice forms{
    "powder is the practical form for gram amounts (capsules need many a day); tasteless in "
    "water or mixed into shakes"sv,
    {gln::source::article_immune_recovery, gln::source::article_gut_health_guide}};

inline constexpr advice timing{
    "timing matters less than consistency and tolerance: between meals, after training, or "
    "split morning and evening; with food if it causes bloating or nausea"sv,
    {gln::source::article_immune_recovery}};

inline constexpr advice product_quality{
    "check every label in a stack for overlapping amino acids; prefer third-party-tested "
    "products"sv,
    {gln::source::article_immune_recovery}};

inline constexpr advice endurance_context{
    "training sessions longer than about 90 minutes raise intestinal permeability"sv,
    {gln::source::article_muscle_recovery}};

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_TRIALS_HPP
