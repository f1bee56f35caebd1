#ifndef GLN_DATA_EVIDENCE_HPP
#define GLN_DATA_EVIDENCE_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/citation.hpp"
#include "../core/enums.hpp"
#include "sources.hpp"

// Evidence grade per purpose (docs/knowledge.md §7), indexed by gln::purpose.
GLN_BEGIN_NAMESPACE

struct evidence_row {
  gln::purpose id{};
  evidence_grade grade{};
  bool sources_disagree = false;  // the cited sources conflict; the summary says how
  std::string_view summary;
  citation_list sources;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// Laid out by hand, one row per entry: clang-format would put each field on its own line.
// A plain initializer (a lambda's return would copy every row in every includer's compiler),
// in a namespace of its own that holds the short names it is laid out with.
// clang-format off
namespace evidence_table {  // the short names that lay the table out, kept out of data::
using p = gln::purpose;
using eg = evidence_grade;
using s = gln::source;
inline constexpr std::array<evidence_row, enum_count<gln::purpose>> evidence{{
    {p::general_recovery, eg::limited, false,
     "helps in heavy physiologic stress; modest or uncertain in healthy adults"sv,
     {s::article_immune_recovery, s::cruzat_2018}},
    {p::gut_barrier, eg::moderate, true,
     "strong in clinical populations (post-surgical, IBD, ICU); modest in healthy adults; the "
     "mechanism via tight junctions is well described"sv,
     {s::article_gut_health_guide, s::kim_kim_2017, s::article_immune_recovery,
      s::article_gut_barrier_letter}},
    {p::exercise_recovery, eg::limited, true,
     "one guide rates it moderate; small positive trials against null trials"sv,
     {s::article_gut_health_guide, s::legault_2015, s::cordova_martinez_2021, s::candow_2001,
      s::article_muscle_recovery}},
    {p::endurance_gut_stress, eg::limited, true,
     "short-term studies in heat or heavy endurance load; small samples"sv,
     {s::article_immune_recovery, s::article_gut_barrier_letter, s::cordova_martinez_2021}},
    {p::immune_support, eg::insufficient, true,
     "healthy adults: weak; athletes: one positive trial, one null"sv,
     {s::article_immune_recovery, s::article_gut_health_guide, s::combat_athletes_2024,
      s::performance_meta_2019}},
    {p::muscle_strength, eg::against, false, "minimal benefit with adequate protein"sv,
     {s::article_gut_health_guide, s::candow_2001, s::performance_meta_2019}},
    {p::athletic_performance, eg::against, false, "no clear, reliable edge"sv,
     {s::article_immune_recovery, s::performance_meta_2019, s::nih_ods_exercise}},
    {p::ibs_symptoms, eg::limited, true,
     "one RCT positive in post-infectious IBS with diarrhoea; other trials improve "
     "permeability markers without an effect on symptoms"sv,
     {s::zhou_2019_ibs, s::article_gut_barrier_letter, s::consumerlab_glutamine}},
    {p::oral_mucositis, eg::moderate, false,
     "MASCC/ISOO suggestion for head and neck radiotherapy with chemotherapy"sv,
     {s::yarom_2019_mascc, s::article_immune_recovery}},
    {p::surgical_recovery, eg::moderate, true,
     "fewer infections and shorter stays in trials; the overall picture is mixed"sv,
     {s::article_gut_barrier_letter, s::article_immune_recovery, s::icu_dose_meta_2014}},
    {p::critical_illness, eg::against, true,
     "harm in multiorgan failure; not routine per ASPEN/SCCM; no additional enteral glutamine "
     "per ESPEN; fewer infections in pooled trials"sv,
     {s::heyland_2013_redoxs, s::mcclave_2016_aspen, s::singer_2019_espen,
      s::icu_dose_meta_2014}},
    {p::trauma, eg::limited, false, "a guideline recommendation of the weakest grade (0)"sv,
     {s::singer_2019_espen}},
    {p::burns, eg::against, true,
     "RE-ENERGIZE (n=1200) found no benefit; the 2019 guideline recommended it and is flagged "
     "for revision"sv,
     {s::heyland_2022_reenergize, s::singer_2019_espen}},
    {p::sickle_cell_disease, eg::moderate, false,
     "FDA approval on one phase 3 RCT (median crises 3 vs 4)"sv, {s::endari_label}},
    {p::short_bowel_syndrome, eg::limited, true,
     "labelled only with growth hormone; glutamine alone showed no improvement"sv,
     {s::nutrestore_label, s::sbs_trials}},
}};
}  // namespace evidence_table
using evidence_table::evidence;
// clang-format on

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_EVIDENCE_HPP
