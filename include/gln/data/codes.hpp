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
// rows. Built by a lambda so that the short names used to lay the table out stay inside it.
inline constexpr std::array<icd10_entry, 160> icd10_codes = [] {
  using c = gln::condition;
  constexpr icd10_match p = icd10_match::prefix;
  constexpr icd10_match e = icd10_match::exact;
  constexpr icd10_match a = icd10_match::initial_encounter;
  return std::array<icd10_entry, 160>{{
      {"A021"sv, c::sepsis, p},
      {"A227"sv, c::sepsis, p},
      {"A267"sv, c::sepsis, p},
      {"A327"sv, c::sepsis, p},
      {"A40"sv, c::sepsis, p},
      {"A41"sv, c::sepsis, p},
      {"A427"sv, c::sepsis, p},
      {"A483"sv, c::shock, p},
      {"A5486"sv, c::sepsis, p},
      {"B150"sv, c::hepatic_encephalopathy, p},
      {"B160"sv, c::hepatic_encephalopathy, p},
      {"B162"sv, c::hepatic_encephalopathy, p},
      {"B1711"sv, c::hepatic_encephalopathy, p},
      {"B18"sv, c::liver_disease, p},
      {"B190"sv, c::hepatic_encephalopathy, p},
      {"B1911"sv, c::hepatic_encephalopathy, p},
      {"B1921"sv, c::hepatic_encephalopathy, p},
      {"B377"sv, c::sepsis, p},
      {"D570"sv, c::sickle_cell_disease, p},
      {"D571"sv, c::sickle_cell_disease, p},
      {"D572"sv, c::sickle_cell_disease, p},
      {"D574"sv, c::sickle_cell_disease, p},
      {"D578"sv, c::sickle_cell_disease, p},
      {"E0822"sv, c::kidney_disease, p},
      {"E0922"sv, c::kidney_disease, p},
      {"E1022"sv, c::kidney_disease, p},
      {"E1122"sv, c::kidney_disease, p},
      {"E1322"sv, c::kidney_disease, p},
      {"E8720"sv, c::metabolic_acidosis, p},
      {"E8721"sv, c::metabolic_acidosis, p},
      {"E8722"sv, c::metabolic_acidosis, p},
      {"F30"sv, c::bipolar_disorder, p},
      {"F31"sv, c::bipolar_disorder, p},
      {"G40"sv, c::seizure_disorder, p},
      {"G937"sv, c::reyes_syndrome, p},
      {"I12"sv, c::kidney_disease, e},
      {"I120"sv, c::severe_kidney_disease, p},
      {"I129"sv, c::kidney_disease, p},
      {"I13"sv, c::kidney_disease, e},
      {"I130"sv, c::kidney_disease, p},
      {"I131"sv, c::kidney_disease, e},
      {"I1310"sv, c::kidney_disease, p},
      {"I1311"sv, c::severe_kidney_disease, p},
      {"I132"sv, c::severe_kidney_disease, p},
      {"K123"sv, c::oral_mucositis, p},
      {"K703"sv, c::cirrhosis, p},
      {"K704"sv, c::hepatic_failure, e},
      {"K7040"sv, c::hepatic_failure, p},
      {"K7041"sv, c::hepatic_encephalopathy, p},
      {"K7041"sv, c::hepatic_failure, p},
      {"K711"sv, c::hepatic_failure, e},
      {"K7110"sv, c::hepatic_failure, p},
      {"K7111"sv, c::hepatic_encephalopathy, p},
      {"K7111"sv, c::hepatic_failure, p},
      {"K717"sv, c::cirrhosis, p},
      {"K72"sv, c::hepatic_failure, e},
      {"K720"sv, c::hepatic_failure, e},
      {"K7200"sv, c::hepatic_failure, p},
      {"K7201"sv, c::hepatic_encephalopathy, p},
      {"K7201"sv, c::hepatic_failure, p},
      {"K721"sv, c::hepatic_failure, e},
      {"K7210"sv, c::hepatic_failure, p},
      {"K7211"sv, c::hepatic_encephalopathy, p},
      {"K7211"sv, c::hepatic_failure, p},
      {"K729"sv, c::hepatic_failure, e},
      {"K7290"sv, c::hepatic_failure, p},
      {"K7291"sv, c::hepatic_encephalopathy, p},
      {"K7291"sv, c::hepatic_failure, p},
      {"K743"sv, c::cirrhosis, p},
      {"K744"sv, c::cirrhosis, p},
      {"K745"sv, c::cirrhosis, p},
      {"K746"sv, c::cirrhosis, p},
      {"K767"sv, c::severe_kidney_disease, p},
      {"K7682"sv, c::hepatic_encephalopathy, p},
      {"K9082"sv, c::short_bowel_syndrome, p},
      {"K9182"sv, c::hepatic_failure, p},
      {"K9183"sv, c::severe_kidney_disease, p},
      {"N17"sv, c::severe_kidney_disease, p},
      {"N18"sv, c::kidney_disease, e},
      {"N181"sv, c::kidney_disease, p},
      {"N182"sv, c::kidney_disease, p},
      {"N183"sv, c::kidney_disease, p},
      {"N184"sv, c::severe_kidney_disease, p},
      {"N185"sv, c::severe_kidney_disease, p},
      {"N186"sv, c::severe_kidney_disease, p},
      {"N189"sv, c::kidney_disease, p},
      {"N19"sv, c::severe_kidney_disease, p},
      {"N990"sv, c::severe_kidney_disease, p},
      {"O0331"sv, c::shock, p},
      {"O0332"sv, c::severe_kidney_disease, p},
      {"O0337"sv, c::sepsis, p},
      {"O0381"sv, c::shock, p},
      {"O0382"sv, c::severe_kidney_disease, p},
      {"O0387"sv, c::sepsis, p},
      {"O0481"sv, c::shock, p},
      {"O0482"sv, c::severe_kidney_disease, p},
      {"O0487"sv, c::sepsis, p},
      {"O0731"sv, c::shock, p},
      {"O0732"sv, c::severe_kidney_disease, p},
      {"O0737"sv, c::sepsis, p},
      {"O083"sv, c::shock, p},
      {"O084"sv, c::severe_kidney_disease, p},
      {"O0882"sv, c::sepsis, p},
      {"O751"sv, c::shock, p},
      {"O85"sv, c::sepsis, p},
      {"O8604"sv, c::sepsis, p},
      {"O8801"sv, c::pregnancy, p},
      {"O8811"sv, c::pregnancy, p},
      {"O8821"sv, c::pregnancy, p},
      {"O8831"sv, c::pregnancy, p},
      {"O8881"sv, c::pregnancy, p},
      {"O904"sv, c::severe_kidney_disease, p},
      {"O9101"sv, c::pregnancy, p},
      {"O9103"sv, c::breastfeeding, p},
      {"O9111"sv, c::pregnancy, p},
      {"O9113"sv, c::breastfeeding, p},
      {"O9121"sv, c::pregnancy, p},
      {"O9123"sv, c::breastfeeding, p},
      {"O9201"sv, c::pregnancy, p},
      {"O9203"sv, c::breastfeeding, p},
      {"O9211"sv, c::pregnancy, p},
      {"O9213"sv, c::breastfeeding, p},
      {"O922"sv, c::pregnancy, p},
      {"O927"sv, c::breastfeeding, p},
      {"P36"sv, c::sepsis, p},
      {"P7881"sv, c::cirrhosis, p},
      {"P960"sv, c::severe_kidney_disease, p},
      {"R561"sv, c::seizure_disorder, p},
      {"R569"sv, c::seizure_disorder, p},
      {"R57"sv, c::shock, p},
      {"R6511"sv, c::multiorgan_failure, p},
      {"R652"sv, c::multiorgan_failure, e},
      {"R652"sv, c::sepsis, e},
      {"R6520"sv, c::multiorgan_failure, p},
      {"R6520"sv, c::sepsis, p},
      {"R6521"sv, c::multiorgan_failure, p},
      {"R6521"sv, c::sepsis, p},
      {"R6521"sv, c::shock, p},
      {"T782"sv, c::shock, a},
      {"T794"sv, c::shock, a},
      {"T811"sv, c::shock, a},
      {"T8144"sv, c::sepsis, a},
      {"T8612"sv, c::severe_kidney_disease, p},
      {"T8642"sv, c::hepatic_failure, p},
      {"T882"sv, c::shock, a},
      {"Z331"sv, c::pregnancy, p},
      {"Z333"sv, c::pregnancy, p},
      {"Z34"sv, c::pregnancy, p},
      {"Z36"sv, c::pregnancy, p},
      {"Z391"sv, c::breastfeeding, p},
      {"Z3A"sv, c::pregnancy, p},
      {"Z49"sv, c::severe_kidney_disease, p},
      {"Z510"sv, c::cancer_treatment, p},
      {"Z511"sv, c::cancer_treatment, e},
      {"Z5111"sv, c::cancer_treatment, p},
      {"Z5112"sv, c::cancer_treatment, p},
      {"Z7963"sv, c::cancer_treatment, p},
      {"Z9115"sv, c::severe_kidney_disease, p},
      {"Z91A5"sv, c::severe_kidney_disease, p},
      {"Z992"sv, c::severe_kidney_disease, p},
  }};
}();

// The category ranges of §2. O85-O94 (the puerperium and its sequelae: the person has given
// birth) is not pregnancy, though O00-O9A holds it.
inline constexpr std::array<icd10_range, 4> icd10_ranges = [] {
  using c = gln::condition;
  return std::array<icd10_range, 4>{{
      {"C00"sv, "C96"sv, c::cancer, false},
      {"K70"sv, "K77"sv, c::liver_disease, false},
      {"O00"sv, "O9A"sv, c::pregnancy, false},
      {"O85"sv, "O94"sv, c::pregnancy, true},
  }};
}();

// liver_disease and kidney_disease are "other" liver and kidney disease: a code that also
// means a specific one is read as the specific one only.
inline constexpr std::array<icd10_narrowing, 2> icd10_narrowings = [] {
  using c = gln::condition;
  return std::array<icd10_narrowing, 2>{{
      {c::liver_disease, {c::cirrhosis, c::hepatic_failure, c::hepatic_encephalopathy}},
      {c::kidney_disease, {c::severe_kidney_disease}},
  }};
}();

// Codes §2 names as mapping to nothing, each next to codes that do: sickle-cell trait, elective
// termination, non-infectious SIRS, sepsis aftercare, other (respiratory) acidosis, electric
// and emotional shock, agalactia, suppressed lactation.
inline constexpr std::array<std::string_view, 10> icd10_exclusions{
    "D573"sv, "Z332"sv, "R651"sv, "Z51A"sv, "E8729"sv,
    "T750"sv, "T754"sv, "R457"sv, "O923"sv, "O925"sv};

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_CODES_HPP
