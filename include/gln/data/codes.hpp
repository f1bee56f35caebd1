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

// Every code entry of docs/knowledge.md §2's table, sorted by code (then match, then condition) so
// a look-up is a binary search. One row per fact: a code that names two conditions has two
// rows. Built by a lambda so that the short names used to lay the table out stay inside it.
inline constexpr std::array<icd10_entry, 160> icd10_codes = [] {
  using c = gln::condition;
  constexpr icd10_match p = icd10_match::prefix;
  constexpr icd10_match e = icd10_match::exact;
  constexpr icd10_match a = icd10_match::initial_encounter;
  return std::array<icd10_entry, 160>{{
      {"A021", c::sepsis, p},
      {"A227", c::sepsis, p},
      {"A267", c::sepsis, p},
      {"A327", c::sepsis, p},
      {"A40", c::sepsis, p},
      {"A41", c::sepsis, p},
      {"A427", c::sepsis, p},
      {"A483", c::shock, p},
      {"A5486", c::sepsis, p},
      {"B150", c::hepatic_encephalopathy, p},
      {"B160", c::hepatic_encephalopathy, p},
      {"B162", c::hepatic_encephalopathy, p},
      {"B1711", c::hepatic_encephalopathy, p},
      {"B18", c::liver_disease, p},
      {"B190", c::hepatic_encephalopathy, p},
      {"B1911", c::hepatic_encephalopathy, p},
      {"B1921", c::hepatic_encephalopathy, p},
      {"B377", c::sepsis, p},
      {"D570", c::sickle_cell_disease, p},
      {"D571", c::sickle_cell_disease, p},
      {"D572", c::sickle_cell_disease, p},
      {"D574", c::sickle_cell_disease, p},
      {"D578", c::sickle_cell_disease, p},
      {"E0822", c::kidney_disease, p},
      {"E0922", c::kidney_disease, p},
      {"E1022", c::kidney_disease, p},
      {"E1122", c::kidney_disease, p},
      {"E1322", c::kidney_disease, p},
      {"E8720", c::metabolic_acidosis, p},
      {"E8721", c::metabolic_acidosis, p},
      {"E8722", c::metabolic_acidosis, p},
      {"F30", c::bipolar_disorder, p},
      {"F31", c::bipolar_disorder, p},
      {"G40", c::seizure_disorder, p},
      {"G937", c::reyes_syndrome, p},
      {"I12", c::kidney_disease, e},
      {"I120", c::severe_kidney_disease, p},
      {"I129", c::kidney_disease, p},
      {"I13", c::kidney_disease, e},
      {"I130", c::kidney_disease, p},
      {"I131", c::kidney_disease, e},
      {"I1310", c::kidney_disease, p},
      {"I1311", c::severe_kidney_disease, p},
      {"I132", c::severe_kidney_disease, p},
      {"K123", c::oral_mucositis, p},
      {"K703", c::cirrhosis, p},
      {"K704", c::hepatic_failure, e},
      {"K7040", c::hepatic_failure, p},
      {"K7041", c::hepatic_encephalopathy, p},
      {"K7041", c::hepatic_failure, p},
      {"K711", c::hepatic_failure, e},
      {"K7110", c::hepatic_failure, p},
      {"K7111", c::hepatic_encephalopathy, p},
      {"K7111", c::hepatic_failure, p},
      {"K717", c::cirrhosis, p},
      {"K72", c::hepatic_failure, e},
      {"K720", c::hepatic_failure, e},
      {"K7200", c::hepatic_failure, p},
      {"K7201", c::hepatic_encephalopathy, p},
      {"K7201", c::hepatic_failure, p},
      {"K721", c::hepatic_failure, e},
      {"K7210", c::hepatic_failure, p},
      {"K7211", c::hepatic_encephalopathy, p},
      {"K7211", c::hepatic_failure, p},
      {"K729", c::hepatic_failure, e},
      {"K7290", c::hepatic_failure, p},
      {"K7291", c::hepatic_encephalopathy, p},
      {"K7291", c::hepatic_failure, p},
      {"K743", c::cirrhosis, p},
      {"K744", c::cirrhosis, p},
      {"K745", c::cirrhosis, p},
      {"K746", c::cirrhosis, p},
      {"K767", c::severe_kidney_disease, p},
      {"K7682", c::hepatic_encephalopathy, p},
      {"K9082", c::short_bowel_syndrome, p},
      {"K9182", c::hepatic_failure, p},
      {"K9183", c::severe_kidney_disease, p},
      {"N17", c::severe_kidney_disease, p},
      {"N18", c::kidney_disease, e},
      {"N181", c::kidney_disease, p},
      {"N182", c::kidney_disease, p},
      {"N183", c::kidney_disease, p},
      {"N184", c::severe_kidney_disease, p},
      {"N185", c::severe_kidney_disease, p},
      {"N186", c::severe_kidney_disease, p},
      {"N189", c::kidney_disease, p},
      {"N19", c::severe_kidney_disease, p},
      {"N990", c::severe_kidney_disease, p},
      {"O0331", c::shock, p},
      {"O0332", c::severe_kidney_disease, p},
      {"O0337", c::sepsis, p},
      {"O0381", c::shock, p},
      {"O0382", c::severe_kidney_disease, p},
      {"O0387", c::sepsis, p},
      {"O0481", c::shock, p},
      {"O0482", c::severe_kidney_disease, p},
      {"O0487", c::sepsis, p},
      {"O0731", c::shock, p},
      {"O0732", c::severe_kidney_disease, p},
      {"O0737", c::sepsis, p},
      {"O083", c::shock, p},
      {"O084", c::severe_kidney_disease, p},
      {"O0882", c::sepsis, p},
      {"O751", c::shock, p},
      {"O85", c::sepsis, p},
      {"O8604", c::sepsis, p},
      {"O8801", c::pregnancy, p},
      {"O8811", c::pregnancy, p},
      {"O8821", c::pregnancy, p},
      {"O8831", c::pregnancy, p},
      {"O8881", c::pregnancy, p},
      {"O904", c::severe_kidney_disease, p},
      {"O9101", c::pregnancy, p},
      {"O9103", c::breastfeeding, p},
      {"O9111", c::pregnancy, p},
      {"O9113", c::breastfeeding, p},
      {"O9121", c::pregnancy, p},
      {"O9123", c::breastfeeding, p},
      {"O9201", c::pregnancy, p},
      {"O9203", c::breastfeeding, p},
      {"O9211", c::pregnancy, p},
      {"O9213", c::breastfeeding, p},
      {"O922", c::pregnancy, p},
      {"O927", c::breastfeeding, p},
      {"P36", c::sepsis, p},
      {"P7881", c::cirrhosis, p},
      {"P960", c::severe_kidney_disease, p},
      {"R561", c::seizure_disorder, p},
      {"R569", c::seizure_disorder, p},
      {"R57", c::shock, p},
      {"R6511", c::multiorgan_failure, p},
      {"R652", c::multiorgan_failure, e},
      {"R652", c::sepsis, e},
      {"R6520", c::multiorgan_failure, p},
      {"R6520", c::sepsis, p},
      {"R6521", c::multiorgan_failure, p},
      {"R6521", c::sepsis, p},
      {"R6521", c::shock, p},
      {"T782", c::shock, a},
      {"T794", c::shock, a},
      {"T811", c::shock, a},
      {"T8144", c::sepsis, a},
      {"T8612", c::severe_kidney_disease, p},
      {"T8642", c::hepatic_failure, p},
      {"T882", c::shock, a},
      {"Z331", c::pregnancy, p},
      {"Z333", c::pregnancy, p},
      {"Z34", c::pregnancy, p},
      {"Z36", c::pregnancy, p},
      {"Z391", c::breastfeeding, p},
      {"Z3A", c::pregnancy, p},
      {"Z49", c::severe_kidney_disease, p},
      {"Z510", c::cancer_treatment, p},
      {"Z511", c::cancer_treatment, e},
      {"Z5111", c::cancer_treatment, p},
      {"Z5112", c::cancer_treatment, p},
      {"Z7963", c::cancer_treatment, p},
      {"Z9115", c::severe_kidney_disease, p},
      {"Z91A5", c::severe_kidney_disease, p},
      {"Z992", c::severe_kidney_disease, p},
  }};
}();

// The category ranges of §2. O85-O94 (the puerperium and its sequelae: the person has given
// birth) is not pregnancy, though O00-O9A holds it.
inline constexpr std::array<icd10_range, 4> icd10_ranges = [] {
  using c = gln::condition;
  return std::array<icd10_range, 4>{{
      {"C00", "C96", c::cancer, false},
      {"K70", "K77", c::liver_disease, false},
      {"O00", "O9A", c::pregnancy, false},
      {"O85", "O94", c::pregnancy, true},
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
    "D573", "Z332", "R651", "Z51A", "E8729", "T750", "T754", "R457", "O923", "O925"};

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_CODES_HPP
