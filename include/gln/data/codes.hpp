#ifndef GLN_DATA_CODES_HPP
#define GLN_DATA_CODES_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../core/enum_set.hpp"
#include "../core/enums.hpp"

// ICD-10-CM to condition (docs/knowledge.md §2). Codes are stored without the dot, upper case.

// How an entry matches a code.
// X(match, "name", "description")
#define GLN_ICD10_MATCHES(X)                                            \
  X(prefix, "prefix", "the code itself and every longer code under it") \
  X(exact, "exact", "the code itself only: a category (header) entry")  \
  X(initial_encounter, "initial_encounter",                             \
    "a prefix, for T codes: only with seventh character A (initial encounter), or none")

GLN_BEGIN_NAMESPACE

GLN_DEFINE_DESCRIBED_ENUM(icd10_match, GLN_ICD10_MATCHES);

struct icd10_entry {
  std::string_view code;
  gln::condition condition{};
  icd10_match match = icd10_match::prefix;
};

// A range of 3-character categories, compared as text (so C00-C96 holds C4A, C7A and C7B).
// A not_puerperal range maps nothing itself: it takes its condition back from the codes in it
// that only a wider range gave it (O85-O94 are not pregnancy); an entry of icd10_codes still
// gives it.
struct icd10_range {
  std::string_view first;
  std::string_view last;
  gln::condition condition{};
  bool not_puerperal = false;
};

// Within one organ, the broad condition a code loses when a specific one also matches.
struct icd10_narrowing {
  gln::condition broad{};
  condition_set specific;
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// Every code entry of docs/knowledge.md §2's table, sorted by code (then match, then condition) so
// a look-up is a binary search. One row per fact: a code that names two conditions has two
// rows. A row without a match is a prefix. Written as a plain initializer, without the lambda
// and short names the other tables use: that saves every includer some 5 million compiler
// instructions (g++).
inline constexpr std::array<icd10_entry, 160> icd10_codes{{
    {"A021"sv, condition::sepsis},
    {"A227"sv, condition::sepsis},
    {"A267"sv, condition::sepsis},
    {"A327"sv, condition::sepsis},
    {"A40"sv, condition::sepsis},
    {"A41"sv, condition::sepsis},
    {"A427"sv, condition::sepsis},
    {"A483"sv, condition::shock},
    {"A5486"sv, condition::sepsis},
    {"B150"sv, condition::hepatic_encephalopathy},
    {"B160"sv, condition::hepatic_encephalopathy},
    {"B162"sv, condition::hepatic_encephalopathy},
    {"B1711"sv, condition::hepatic_encephalopathy},
    {"B18"sv, condition::liver_disease},
    {"B190"sv, condition::hepatic_encephalopathy},
    {"B1911"sv, condition::hepatic_encephalopathy},
    {"B1921"sv, condition::hepatic_encephalopathy},
    {"B377"sv, condition::sepsis},
    {"D570"sv, condition::sickle_cell_disease},
    {"D571"sv, condition::sickle_cell_disease},
    {"D572"sv, condition::sickle_cell_disease},
    {"D574"sv, condition::sickle_cell_disease},
    {"D578"sv, condition::sickle_cell_disease},
    {"E0822"sv, condition::kidney_disease},
    {"E0922"sv, condition::kidney_disease},
    {"E1022"sv, condition::kidney_disease},
    {"E1122"sv, condition::kidney_disease},
    {"E1322"sv, condition::kidney_disease},
    {"E8720"sv, condition::metabolic_acidosis},
    {"E8721"sv, condition::metabolic_acidosis},
    {"E8722"sv, condition::metabolic_acidosis},
    {"F30"sv, condition::bipolar_disorder},
    {"F31"sv, condition::bipolar_disorder},
    {"G40"sv, condition::seizure_disorder},
    {"G937"sv, condition::reyes_syndrome},
    {"I12"sv, condition::kidney_disease, icd10_match::exact},
    {"I120"sv, condition::severe_kidney_disease},
    {"I129"sv, condition::kidney_disease},
    {"I13"sv, condition::kidney_disease, icd10_match::exact},
    {"I130"sv, condition::kidney_disease},
    {"I131"sv, condition::kidney_disease, icd10_match::exact},
    {"I1310"sv, condition::kidney_disease},
    {"I1311"sv, condition::severe_kidney_disease},
    {"I132"sv, condition::severe_kidney_disease},
    {"K123"sv, condition::oral_mucositis},
    {"K703"sv, condition::cirrhosis},
    {"K704"sv, condition::hepatic_failure, icd10_match::exact},
    {"K7040"sv, condition::hepatic_failure},
    {"K7041"sv, condition::hepatic_encephalopathy},
    {"K7041"sv, condition::hepatic_failure},
    {"K711"sv, condition::hepatic_failure, icd10_match::exact},
    {"K7110"sv, condition::hepatic_failure},
    {"K7111"sv, condition::hepatic_encephalopathy},
    {"K7111"sv, condition::hepatic_failure},
    {"K717"sv, condition::cirrhosis},
    {"K72"sv, condition::hepatic_failure, icd10_match::exact},
    {"K720"sv, condition::hepatic_failure, icd10_match::exact},
    {"K7200"sv, condition::hepatic_failure},
    {"K7201"sv, condition::hepatic_encephalopathy},
    {"K7201"sv, condition::hepatic_failure},
    {"K721"sv, condition::hepatic_failure, icd10_match::exact},
    {"K7210"sv, condition::hepatic_failure},
    {"K7211"sv, condition::hepatic_encephalopathy},
    {"K7211"sv, condition::hepatic_failure},
    {"K729"sv, condition::hepatic_failure, icd10_match::exact},
    {"K7290"sv, condition::hepatic_failure},
    {"K7291"sv, condition::hepatic_encephalopathy},
    {"K7291"sv, condition::hepatic_failure},
    {"K743"sv, condition::cirrhosis},
    {"K744"sv, condition::cirrhosis},
    {"K745"sv, condition::cirrhosis},
    {"K746"sv, condition::cirrhosis},
    {"K767"sv, condition::severe_kidney_disease},
    {"K7682"sv, condition::hepatic_encephalopathy},
    {"K9082"sv, condition::short_bowel_syndrome},
    {"K9182"sv, condition::hepatic_failure},
    {"K9183"sv, condition::severe_kidney_disease},
    {"N17"sv, condition::severe_kidney_disease},
    {"N18"sv, condition::kidney_disease, icd10_match::exact},
    {"N181"sv, condition::kidney_disease},
    {"N182"sv, condition::kidney_disease},
    {"N183"sv, condition::kidney_disease},
    {"N184"sv, condition::severe_kidney_disease},
    {"N185"sv, condition::severe_kidney_disease},
    {"N186"sv, condition::severe_kidney_disease},
    {"N189"sv, condition::kidney_disease},
    {"N19"sv, condition::severe_kidney_disease},
    {"N990"sv, condition::severe_kidney_disease},
    {"O0331"sv, condition::shock},
    {"O0332"sv, condition::severe_kidney_disease},
    {"O0337"sv, condition::sepsis},
    {"O0381"sv, condition::shock},
    {"O0382"sv, condition::severe_kidney_disease},
    {"O0387"sv, condition::sepsis},
    {"O0481"sv, condition::shock},
    {"O0482"sv, condition::severe_kidney_disease},
    {"O0487"sv, condition::sepsis},
    {"O0731"sv, condition::shock},
    {"O0732"sv, condition::severe_kidney_disease},
    {"O0737"sv, condition::sepsis},
    {"O083"sv, condition::shock},
    {"O084"sv, condition::severe_kidney_disease},
    {"O0882"sv, condition::sepsis},
    {"O751"sv, condition::shock},
    {"O85"sv, condition::sepsis},
    {"O8604"sv, condition::sepsis},
    {"O8801"sv, condition::pregnancy},
    {"O8811"sv, condition::pregnancy},
    {"O8821"sv, condition::pregnancy},
    {"O8831"sv, condition::pregnancy},
    {"O8881"sv, condition::pregnancy},
    {"O904"sv, condition::severe_kidney_disease},
    {"O9101"sv, condition::pregnancy},
    {"O9103"sv, condition::breastfeeding},
    {"O9111"sv, condition::pregnancy},
    {"O9113"sv, condition::breastfeeding},
    {"O9121"sv, condition::pregnancy},
    {"O9123"sv, condition::breastfeeding},
    {"O9201"sv, condition::pregnancy},
    {"O9203"sv, condition::breastfeeding},
    {"O9211"sv, condition::pregnancy},
    {"O9213"sv, condition::breastfeeding},
    {"O922"sv, condition::pregnancy},
    {"O927"sv, condition::breastfeeding},
    {"P36"sv, condition::sepsis},
    {"P7881"sv, condition::cirrhosis},
    {"P960"sv, condition::severe_kidney_disease},
    {"R561"sv, condition::seizure_disorder},
    {"R569"sv, condition::seizure_disorder},
    {"R57"sv, condition::shock},
    {"R6511"sv, condition::multiorgan_failure},
    {"R652"sv, condition::multiorgan_failure, icd10_match::exact},
    {"R652"sv, condition::sepsis, icd10_match::exact},
    {"R6520"sv, condition::multiorgan_failure},
    {"R6520"sv, condition::sepsis},
    {"R6521"sv, condition::multiorgan_failure},
    {"R6521"sv, condition::sepsis},
    {"R6521"sv, condition::shock},
    {"T782"sv, condition::shock, icd10_match::initial_encounter},
    {"T794"sv, condition::shock, icd10_match::initial_encounter},
    {"T811"sv, condition::shock, icd10_match::initial_encounter},
    {"T8144"sv, condition::sepsis, icd10_match::initial_encounter},
    {"T8612"sv, condition::severe_kidney_disease},
    {"T8642"sv, condition::hepatic_failure},
    {"T882"sv, condition::shock, icd10_match::initial_encounter},
    {"Z331"sv, condition::pregnancy},
    {"Z333"sv, condition::pregnancy},
    {"Z34"sv, condition::pregnancy},
    {"Z36"sv, condition::pregnancy},
    {"Z391"sv, condition::breastfeeding},
    {"Z3A"sv, condition::pregnancy},
    {"Z49"sv, condition::severe_kidney_disease},
    {"Z510"sv, condition::cancer_treatment},
    {"Z511"sv, condition::cancer_treatment, icd10_match::exact},
    {"Z5111"sv, condition::cancer_treatment},
    {"Z5112"sv, condition::cancer_treatment},
    {"Z7963"sv, condition::cancer_treatment},
    {"Z9115"sv, condition::severe_kidney_disease},
    {"Z91A5"sv, condition::severe_kidney_disease},
    {"Z992"sv, condition::severe_kidney_disease},
}};

// The category ranges of §2. O85-O94 (the puerperium and its sequelae: the person has given
// birth) is not pregnancy, though O00-O9A holds it.
namespace icd10_ranges_table {  // the short names that lay the table out, kept out of data::
using c = gln::condition;
inline constexpr std::array<icd10_range, 4> icd10_ranges{{
    {"C00"sv, "C96"sv, c::cancer, false},
    {"K70"sv, "K77"sv, c::liver_disease, false},
    {"O00"sv, "O9A"sv, c::pregnancy, false},
    {"O85"sv, "O94"sv, c::pregnancy, true},
}};
}  // namespace icd10_ranges_table
using icd10_ranges_table::icd10_ranges;

// liver_disease and kidney_disease are "other" liver and kidney disease: a code that also
// means a specific one is read as the specific one only.
namespace icd10_narrowings_table {  // the short names that lay the table out, kept out of data::
using c = gln::condition;
inline constexpr std::array<icd10_narrowing, 2> icd10_narrowings{{
    {c::liver_disease, {c::cirrhosis, c::hepatic_failure, c::hepatic_encephalopathy}},
    {c::kidney_disease, {c::severe_kidney_disease}},
}};
}  // namespace icd10_narrowings_table
using icd10_narrowings_table::icd10_narrowings;

// Codes §2 names as mapping to nothing, each next to codes that do: sickle-cell trait, elective
// termination, non-infectious SIRS, sepsis aftercare, other (respiratory) acidosis, electric
// and emotional shock, agalactia, suppressed lactation.
inline constexpr std::array<std::string_view, 10> icd10_exclusions{
    "D573"sv, "Z332"sv, "R651"sv, "Z51A"sv, "E8729"sv,
    "T750"sv, "T754"sv, "R457"sv, "O923"sv, "O925"sv};

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_CODES_HPP
