#ifndef GLN_DATA_TERMINOLOGY_HPP
#define GLN_DATA_TERMINOLOGY_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../core/code_match.hpp"
#include "../core/enum_set.hpp"
#include "../core/enums.hpp"
#include "../core/units.hpp"
#include "sources.hpp"

// The code systems other than ICD-10-CM (docs/knowledge.md §2b): SNOMED CT, RxNorm, ATC, NDC, LOINC
// and UCUM, each code with what it means to gln. Only the codes docs/knowledge.md §2b names, or the
// rows of terminology.md it lets through, are here; any other code of these systems is
// unmapped, never guessed. Every table is sorted by its code (ATC and LOINC by the number the
// code reads as), for a binary search.
GLN_BEGIN_NAMESPACE

// A SNOMED CT concept, matched by its identifier alone: gln ships identifiers, not the SNOMED
// CT hierarchy, so a concept under a listed one is not matched (that is a licensed
// terminology service's job). An empty condition set is a concept gln knows to mean none of
// its conditions (sickle cell trait, "not pregnant").
struct snomed_entry {
  std::uint64_t code = 0;
  code_role role = code_role::none;  // condition, procedure or substance
  condition_set conditions{};
  bool verified = true;
  std::string_view display;
};

// An RxNorm concept: an ingredient (IN), whose names are in rxnorm_names, or a product that is
// glutamine.
struct rxnorm_entry {
  std::uint32_t code = 0;
  medication_set medications{};
  bool glutamine = false;
  bool verified = true;
};

// A name of an RxNorm ingredient, for matching the ingredient in the normalised display of a
// product code: its RxNorm name, or another name displays use.
struct rxnorm_name {
  std::string_view name;  // lower case, whole words
  std::uint32_t code = 0;
  bool rxnorm = true;  // the ingredient's RxNorm name; false for another name
};

// An ATC code that maps, with every code under it (a prefix).
struct atc_entry {
  std::string_view code;
  medication_set medications{};
  bool glutamine = false;
  bool verified = true;
  std::string_view name;  // the WHO ATC index name
};

// An NDC product (labeler and product parts, as numbers), any package.
struct ndc_entry {
  std::uint32_t labeler = 0;
  std::uint32_t product = 0;
  bool glutamine = false;
  bool verified = true;
  std::string_view name;
};

// A brand name of prescription L-glutamine and the purpose its label is for.
struct glutamine_brand {
  std::string_view name;
  gln::purpose labelled_for = gln::purpose::general_recovery;
  source label = source::endari_label;
};

// A LOINC observation code or answer.
struct loinc_entry {
  std::string_view code;
  code_role role = code_role::none;  // body_weight, pregnancy_status or observation_answer
  condition_set conditions{};        // what an answer means (empty: none of gln's conditions)
  bool verified = true;
  std::string_view display;
};

// A UCUM body-weight unit.
struct ucum_entry {
  std::string_view code;
  double kilograms_per_unit = 0.0;
};

// The source each code system's table cites.
struct code_system_source {
  code_system system{};
  gln::source source{};
};

namespace data {

using std::string_view_literals::operator""sv;  // see GLN_DETAIL_TEXT

// Indexed by gln::code_system. NDC has no source of its own in docs/knowledge.md §1: Endari's
// product code is the one on its label.
namespace code_system_sources_table {  // the short names that lay the table out, kept out of data::
using cs = code_system;
using src = gln::source;
inline constexpr std::array<code_system_source, enum_count<code_system>> code_system_sources{{
    {cs::icd10_cm, src::icd10cm},
    {cs::snomed_ct, src::snomed_ct},
    {cs::rxnorm, src::rxnorm},
    {cs::atc, src::who_atc},
    {cs::loinc, src::loinc},
    {cs::ndc, src::endari_label},
    {cs::ucum, src::loinc},
}};
}  // namespace code_system_sources_table
using code_system_sources_table::code_system_sources;

// ---- Shape rules: what a well-formed code of each system looks like ----

constexpr std::size_t decimal_digits(std::uint64_t value) noexcept {
  std::size_t count = 1;
  while (value >= 10U) {
    value /= 10U;
    ++count;
  }
  return count;
}

// Verhoeff's check digit scheme: the multiplication table of the dihedral group D5 and the
// position permutations.
inline constexpr std::array<std::array<std::uint8_t, 10>, 10> verhoeff_multiply{{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
    {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
    {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
}};
inline constexpr std::array<std::array<std::uint8_t, 10>, 8> verhoeff_permute{{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
    {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
    {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
}};

// Verhoeff's check over every decimal digit of `value`, check digit last (SNOMED CT
// identifiers carry one).
constexpr bool verhoeff_valid(std::uint64_t value) noexcept {
  std::uint8_t check = 0;
  for (std::size_t position = 0; position == 0 || value != 0; ++position) {
    check = verhoeff_multiply[check][verhoeff_permute[position % 8U][value % 10U]];
    value /= 10U;
  }
  return check == 0;
}

// A SNOMED CT concept identifier (SCTID): 6 to 18 digits, no leading zero, the partition
// identifier of a concept (the second and third digits from the right: 00, or 10 in an
// extension), and Verhoeff's check digit last (SNOMED CT Release File Specification, 6).
constexpr bool is_sctid(std::uint64_t value) noexcept {
  const std::size_t digits = decimal_digits(value);
  const std::uint64_t partition = value / 10U % 100U;
  return digits >= 6 && digits <= 18 && (partition == 0 || partition == 10) &&
         verhoeff_valid(value);
}

// RXCUIs are positive integers; RxNorm's files hold them in at most 8 characters.
inline constexpr std::uint32_t max_rxcui = 99'999'999;

constexpr bool is_rxcui(std::uint32_t value) noexcept { return value >= 1 && value <= max_rxcui; }

constexpr bool is_upper(char ch) noexcept { return ch >= 'A' && ch <= 'Z'; }
constexpr bool is_digit(char ch) noexcept { return ch >= '0' && ch <= '9'; }
constexpr char to_upper(char ch) noexcept {
  return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
}
constexpr bool has_lower(std::string_view text) noexcept {
  for (char ch : text) {
    if (ch >= 'a' && ch <= 'z') return true;
  }
  return false;
}

// An ATC code of one of the five levels (A, A01, A01A, A01AA, A01AA01; letters in either
// case) as a number that sorts as the upper-case code does: its characters from the most
// significant byte, padded with zeros to 7. 0 for anything else (no code reads as 0).
constexpr std::uint64_t atc_key(std::string_view code) noexcept {
  const std::size_t size = code.size();
  if (size != 1 && size != 3 && size != 4 && size != 5 && size != 7) return 0;
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 7; ++i) {
    const char ch = i < size ? to_upper(code[i]) : '\0';
    const bool letter_here = i == 0 || i == 3 || i == 4;
    if (i < size && (letter_here ? !is_upper(ch) : !is_digit(ch))) return 0;
    key = key << 8U | static_cast<unsigned char>(ch);
  }
  return key;
}

// The bits of an ATC key that a code of `size` characters (1 to 7) sets: a code falls under
// a listed one when its key, so masked, is the listed key.
constexpr std::uint64_t atc_key_mask(std::size_t size) noexcept {
  return ~std::uint64_t{0} << (8U * (7U - size));
}

constexpr bool is_atc_code(std::string_view code) noexcept {
  return atc_key(code) != 0 && !has_lower(code);
}

// LOINC's mod-10 check digit of an identifier without its check digit: the Luhn algorithm, in
// the variant LOINC uses for answer (LA) and part (LP) identifiers, where a character counts
// as its upper-case ASCII code minus '0' (the LOINC Users' Guide, "Calculating Mod 10 Check
// Digits"). For digits alone it is the plain Luhn algorithm.
constexpr int loinc_check_digit(std::string_view identifier) noexcept {
  int sum = 0;
  bool doubled = true;
  for (std::size_t i = identifier.size(); i-- > 0;) {
    const int value = to_upper(identifier[i]) - '0';
    sum += doubled ? 2 * value - (value / 5) * 9 : value;
    doubled = !doubled;
  }
  return (10 - sum % 10) % 10;
}

// The 14 deprecated LOINC codes whose check digit does not follow the rule (the LOINC Users'
// Guide lists them as a known issue): real codes, so not malformed.
inline constexpr std::array<std::string_view, 14> loinc_codes_with_wrong_check_digit{
    "11491-6"sv, "11501-6"sv, "5895-7"sv, "5896-5"sv, "5897-3"sv, "5928-1"sv, "6028-3"sv,
    "6415-5"sv,  "6580-7"sv,  "6645-7"sv, "6646-5"sv, "6647-3"sv, "6648-1"sv, "6649-9"sv};

constexpr bool has_wrong_check_digit(std::string_view code) noexcept {
  for (std::string_view listed : loinc_codes_with_wrong_check_digit) {
    if (code == listed) return true;
  }
  return false;
}

// A LOINC code (1 to 8 digits, no leading zero) or answer (LA, in either case, and 1 to 6
// digits, no leading zero), then a hyphen and the check digit, as a number in table order:
// the codes by number, then the answers by number. 0 for anything else (no code reads as 0).
constexpr std::uint64_t loinc_key(std::string_view code) noexcept {
  const bool answer = code.size() > 2 && to_upper(code[0]) == 'L' && to_upper(code[1]) == 'A';
  const std::size_t first = answer ? 2U : 0U;
  if (code.size() < first + 3) return 0;  // a digit, the hyphen, the check digit
  const std::size_t hyphen = code.size() - 2;
  if (code[hyphen] != '-' || !is_digit(code.back()) || code[first] == '0') return 0;
  if (hyphen - first > (answer ? 6U : 8U)) return 0;
  std::uint64_t number = 0;
  for (std::size_t i = first; i < hyphen; ++i) {
    if (!is_digit(code[i])) return 0;
    number = number * 10U + static_cast<std::uint64_t>(code[i] - '0');
  }
  const int check = code.back() - '0';
  if (loinc_check_digit(code.substr(0, hyphen)) != check && !has_wrong_check_digit(code)) {
    return 0;
  }
  return (answer ? std::uint64_t{1} << 40U : 0U) + number * 10U + static_cast<std::uint64_t>(check);
}

constexpr bool is_loinc_code(std::string_view code) noexcept {
  return loinc_key(code) != 0 && !has_lower(code);
}

// An NDC product: a labeler part of at most 5 digits and a product part of at most 4.
constexpr bool is_ndc_product(std::uint32_t labeler, std::uint32_t product) noexcept {
  return labeler <= 99'999 && product <= 9'999;
}

// ---- The tables ----

// docs/knowledge.md §2b, SNOMED CT: conditions, procedures and allergies, the SNOMED CT rows of
// terminology.md §1a-§1c marked High or Medium, with §2b's decisions. Left out, so unmapped:
// 40095003 Injury of kidney (an injury, not failure), the history-of-seizure situations
// 703151001 and 1290882004, the suspected-cancer situations 162573006 and 315268008, 92691004
// carcinoma in situ of prostate (in situ is not cancer, as in ICD-10-CM D00-D09), 61170000
// Stomatitis (Low-Medium confidence), the ICU location 309904001 and the care plans (gln reads
// no Encounter or CarePlan), and the two codes §2b says map to nothing, 16402000 sickle cell
// trait and 60001007 "Not pregnant": like ICD-10-CM's D57.3, a code that names no condition is
// unmapped, so a record holding one is still reviewed (input.conditions_unmapped). Severe sepsis
// 1036671000000106, a UK-extension concept, reads as ICD-10-CM's severe sepsis R65.20 does. The
// time windows of the procedures (recent treatment, recent ICU stay) are the reader's. A plain
// initializer, as data::icd10_codes.
// clang-format off
inline constexpr std::array<snomed_entry, 112> snomed_codes{{
    {355001, code_role::condition, {condition::shock}, true, "Hemorrhagic shock"sv},
    {10295004, code_role::condition, {condition::liver_disease}, true, "Chronic viral hepatitis"sv},
    {13746004, code_role::condition, {condition::bipolar_disorder}, true, "Bipolar disorder"sv},
    {13920009, code_role::condition, {condition::hepatic_encephalopathy}, true,
     "Hepatic encephalopathy"sv},
    {14669001, code_role::condition, {condition::severe_kidney_disease}, true,
     "Acute renal failure syndrome"sv},
    {19943007, code_role::condition, {condition::cirrhosis}, true, "Cirrhosis of liver"sv},
    {25472008, code_role::condition, {condition::sickle_cell_disease}, true,
     "Sickle cell-hemoglobin D disease"sv},
    {26629001, code_role::condition, {condition::short_bowel_syndrome}, true,
     "Short bowel syndrome"sv},
    {27942005, code_role::condition, {condition::shock}, true, "Shock"sv},
    {33195004, code_role::procedure, {condition::cancer_treatment}, true,
     "External beam radiation therapy procedure"sv},
    {35434009, code_role::condition, {condition::sickle_cell_disease}, true,
     "Sickle cell-hemoglobin C disease"sv},
    {36472007, code_role::condition, {condition::sickle_cell_disease}, true,
     "Sickle cell-thalassemia disease"sv},
    {46177005, code_role::condition, {condition::severe_kidney_disease}, true,
     "End-stage renal disease"sv},
    {47024008, code_role::condition, {condition::sickle_cell_disease}, true,
     "Sickle cell-hemoglobin E disease"sv},
    {47200007, code_role::condition, {condition::pregnancy}, true, "High risk pregnancy"sv},
    {57653000, code_role::condition, {condition::multiorgan_failure}, true,
     "Multiple organ failure"sv},
    {59927004, code_role::condition, {condition::hepatic_failure}, true, "Hepatic failure"sv},
    {61977001, code_role::condition, {condition::liver_disease}, true,
     "Chronic type B viral hepatitis"sv},
    {69840006, code_role::condition, {condition::breastfeeding}, true, "Normal breast feeding"sv},
    {71192002, code_role::procedure, {condition::severe_kidney_disease}, true,
     "Peritoneal dialysis"sv},
    {72836002, code_role::condition, {condition::hepatic_encephalopathy}, true, "Hepatic coma"sv},
    {72892002, code_role::condition, {condition::pregnancy}, true, "Normal pregnancy"sv},
    {74351001, code_role::condition, {condition::reyes_syndrome}, true, "Reye's syndrome"sv},
    {75665004, code_role::substance, {condition::msg_sensitivity}, true, "Monosodium glutamate"sv},
    {76334006, code_role::procedure, {condition::cancer_treatment}, true, "Immunotherapy"sv},
    {76571007, code_role::condition, {condition::sepsis, condition::shock}, true, "Septic shock"sv},
    {76783007, code_role::condition, {condition::liver_disease}, true, "Chronic hepatitis"sv},
    {77386006, code_role::condition, {condition::pregnancy}, true, "Pregnant"sv},
    {84757009, code_role::condition, {condition::seizure_disorder}, true, "Epilepsy"sv},
    {89138009, code_role::condition, {condition::shock}, true, "Cardiogenic shock"sv},
    {91302008, code_role::condition, {condition::sepsis}, true, "Sepsis"sv},
    {91861009, code_role::condition, {condition::cancer}, true, "Acute myeloid leukemia"sv},
    {93143009, code_role::condition, {condition::cancer}, true, "Leukemia, disease"sv},
    {93761005, code_role::condition, {condition::cancer}, true,
     "Primary malignant neoplasm of colon"sv},
    {94260004, code_role::condition, {condition::cancer}, true,
     "Metastatic malignant neoplasm to colon"sv},
    {94503003, code_role::condition, {condition::cancer}, true,
     "Metastatic malignant neoplasm to prostate"sv},
    {105502003, code_role::condition, {condition::severe_kidney_disease}, true,
     "Dependence on renal dialysis"sv},
    {108241001, code_role::procedure, {condition::severe_kidney_disease}, true,
     "Dialysis procedure"sv},
    {108290001, code_role::procedure, {condition::cancer_treatment}, true,
     "Radiation oncology AND/OR radiotherapy"sv},
    {109838007, code_role::condition, {condition::cancer}, true,
     "Overlapping malignant neoplasm of colon"sv},
    {109989006, code_role::condition, {condition::cancer}, true, "Multiple myeloma"sv},
    {113120007, code_role::procedure, {condition::cancer_treatment}, true,
     "Interstitial brachytherapy"sv},
    {126906006, code_role::condition, {condition::cancer}, true, "Neoplasm of prostate"sv},
    {127013003, code_role::condition, {condition::kidney_disease}, true,
     "Disorder of kidney due to diabetes mellitus"sv},
    {127040003, code_role::condition, {condition::sickle_cell_disease}, true,
     "Sickle cell-hemoglobin SS disease"sv},
    {128302006, code_role::condition, {condition::liver_disease}, true, "Chronic hepatitis C"sv},
    {128613002, code_role::condition, {condition::seizure_disorder}, true, "Seizure disorder"sv},
    {197270009, code_role::condition, {condition::hepatic_failure}, true,
     "Acute hepatic failure"sv},
    {197315008, code_role::condition, {condition::liver_disease}, true,
     "Non-alcoholic fatty liver"sv},
    {197321007, code_role::condition, {condition::liver_disease}, true, "Steatosis of liver"sv},
    {225604004, code_role::condition, {condition::breastfeeding}, true, "Lactation established"sv},
    {235724004, code_role::condition, {condition::short_bowel_syndrome}, true,
     "Acquired short bowel syndrome"sv},
    {235856003, code_role::condition, {condition::liver_disease}, true, "Disease of liver"sv},
    {235881000, code_role::condition, {condition::hepatic_failure}, true,
     "Alcoholic hepatic failure"sv},
    {235886005, code_role::condition, {condition::hepatic_failure}, true,
     "Chronic hepatic failure"sv},
    {236428007, code_role::condition, {condition::severe_kidney_disease}, true,
     "Acute kidney injury due to nephrotoxicity"sv},
    {236429004, code_role::condition, {condition::severe_kidney_disease}, true,
     "Acute drug-induced renal failure"sv},
    {236435004, code_role::condition, {condition::severe_kidney_disease}, true,
     "End stage renal failure on dialysis"sv},
    {254632001, code_role::condition, {condition::cancer}, true, "Small cell carcinoma of lung"sv},
    {254637007, code_role::condition, {condition::cancer}, true, "Non-small cell lung cancer"sv},
    {254837009, code_role::condition, {condition::cancer}, true, "Malignant neoplasm of breast"sv},
    {265764009, code_role::procedure, {condition::severe_kidney_disease}, true, "Renal dialysis"sv},
    {275408006, code_role::condition, {condition::severe_kidney_disease}, true,
     "Postoperative renal failure"sv},
    {302497006, code_role::procedure, {condition::severe_kidney_disease}, true, "Hemodialysis"sv},
    {305351004, code_role::procedure, {condition::recent_icu_stay}, true,
     "Admission to intensive care unit"sv},
    {313307000, code_role::condition, {condition::seizure_disorder}, true, "Epileptic seizure"sv},
    {314994000, code_role::condition, {condition::cancer}, true,
     "Metastasis from malignant tumor of prostate"sv},
    {328383001, code_role::condition, {condition::liver_disease}, true, "Chronic liver disease"sv},
    {363346000, code_role::condition, {condition::cancer}, true, "Malignant neoplastic disease"sv},
    {363406005, code_role::condition, {condition::cancer}, true, "Malignant neoplasm of colon"sv},
    {363688001, code_role::procedure, {condition::cancer_treatment}, true,
     "Administration of antineoplastic agent"sv},
    {367336001, code_role::procedure, {condition::cancer_treatment}, true, "Chemotherapy"sv},
    {384692006, code_role::procedure, {condition::cancer_treatment}, true,
     "Intracavitary brachytherapy"sv},
    {385798007, code_role::procedure, {condition::cancer_treatment}, true,
     "Radiation therapy care"sv},
    {394894008, code_role::procedure, {condition::cancer_treatment}, true,
     "Pre-operative chemotherapy"sv},
    {397821002, code_role::procedure, {condition::recent_icu_stay}, true,
     "Patient transfer to intensive care unit"sv},
    {417357006, code_role::condition, {condition::sickle_cell_disease}, true,
     "Sickling disorder due to hemoglobin S"sv},
    {420054005, code_role::condition, {condition::cirrhosis}, true, "Alcoholic cirrhosis"sv},
    {422968005, code_role::condition, {condition::cancer}, true,
     "Non-small cell carcinoma of lung, TNM stage 3"sv},
    {423121009, code_role::condition, {condition::cancer}, true,
     "Non-small cell carcinoma of lung, TNM stage 4"sv},
    {424132000, code_role::condition, {condition::cancer}, true,
     "Non-small cell carcinoma of lung, TNM stage 1"sv},
    {425048006, code_role::condition, {condition::cancer}, true,
     "Non-small cell carcinoma of lung, TNM stage 2"sv},
    {431855005, code_role::condition, {condition::kidney_disease}, true,
     "Chronic kidney disease stage 1"sv},
    {431856006, code_role::condition, {condition::kidney_disease}, true,
     "Chronic kidney disease stage 2"sv},
    {431857002, code_role::condition, {condition::severe_kidney_disease}, true,
     "Chronic kidney disease stage 4"sv},
    {433144002, code_role::condition, {condition::kidney_disease}, true,
     "Chronic kidney disease stage 3"sv},
    {433146000, code_role::condition, {condition::severe_kidney_disease}, true,
     "Chronic kidney disease stage 5"sv},
    {447759004, code_role::procedure, {condition::cancer_treatment}, true,
     "Brachytherapy of breast"sv},
    {700378005, code_role::condition, {condition::kidney_disease}, true,
     "Chronic kidney disease stage 3A"sv},
    {700379002, code_role::condition, {condition::kidney_disease}, true,
     "Chronic kidney disease stage 3B"sv},
    {703423002, code_role::procedure, {condition::cancer_treatment}, true,
     "Combined chemotherapy and radiation therapy"sv},
    {708248004, code_role::condition, {condition::hepatic_failure}, true,
     "End stage liver disease"sv},
    {709044004, code_role::condition, {condition::kidney_disease}, true,
     "Chronic kidney disease"sv},
    {714152005, code_role::condition, {condition::severe_kidney_disease}, true,
     "Chronic kidney disease stage 5 on dialysis"sv},
    {716203000, code_role::condition, {condition::cirrhosis}, true,
     "Decompensated cirrhosis of liver"sv},
    {716872004, code_role::procedure, {condition::cancer_treatment}, true,
     "Antineoplastic chemotherapy regimen"sv},
    {723190009, code_role::condition, {condition::kidney_disease}, true,
     "Chronic renal insufficiency"sv},
    {735173007, code_role::condition, {condition::shock}, true, "Shock due to anaphylaxis"sv},
    {770349000, code_role::condition, {condition::sepsis}, true, "Sepsis caused by virus"sv},
    {866041003, code_role::condition, {condition::breastfeeding}, true,
     "Mother currently breastfeeding"sv},
    {897713009, code_role::procedure, {condition::cancer_treatment}, true,
     "Antineoplastic chemoimmunotherapy"sv},
    {1255831008, code_role::procedure, {condition::cancer_treatment}, true,
     "Chemotherapy for malignant neoplastic disease using targeted agent"sv},
    {1258998001, code_role::condition, {condition::breastfeeding}, true,
     "Partial maternal breastfeeding"sv},
    {1258999009, code_role::condition, {condition::breastfeeding}, true,
     "Maternal exclusive breastfeeding"sv},
    {1260078007, code_role::condition, {condition::breastfeeding}, true,
     "Maternal breastfeeding"sv},
    {1287742003, code_role::procedure, {condition::cancer_treatment}, true, "Radiotherapy"sv},
    {67811000119102, code_role::condition, {condition::cancer}, true,
     "Primary small cell malignant neoplasm of lung, TNM stage 1"sv},
    {67821000119109, code_role::condition, {condition::cancer}, true,
     "Primary small cell malignant neoplasm of lung, TNM stage 2"sv},
    {67831000119107, code_role::condition, {condition::cancer}, true,
     "Primary small cell malignant neoplasm of lung, TNM stage 3"sv},
    {67841000119103, code_role::condition, {condition::cancer}, true,
     "Primary small cell malignant neoplasm of lung, TNM stage 4"sv},
    {129721000119106, code_role::condition, {condition::severe_kidney_disease}, true,
     "Acute renal failure on dialysis"sv},
    {1036671000000106, code_role::condition, {condition::multiorgan_failure, condition::sepsis}, true,
     "Severe sepsis (UK extension)"sv},
  }};
// clang-format on

// The concepts left out of snomed_codes, named above: they read as unmapped.
inline constexpr std::array<std::uint64_t, 10> snomed_exclusions{
    40095003, 703151001, 1290882004, 162573006, 315268008,
    92691004, 61170000,  309904001,  16402000,  60001007};

// docs/knowledge.md §2b, RxNorm: lactulose and the 27 antiepileptic
// ingredients of terminology.md §2 (gabapentin, pregabalin and clobazam classed by drug), and
// the one glutamine product code. No rows for antineoplastics (matched by ATC), glutamine or
// somatropin ingredients (no RxCUI confirmed), nor for product codes (SCD, SBD), whose display
// names the ingredient: ingredient_in_display reads those.
namespace rxnorm_codes_table {  // the short names that lay the table out, kept out of data::
using m = gln::medication;
inline constexpr std::array<rxnorm_entry, 29> rxnorm_codes{{
    {2002, {m::anticonvulsant}, false, true},     // carbamazepine
    {2598, {m::anticonvulsant}, false, true},     // clonazepam
    {4135, {m::anticonvulsant}, false, true},     // ethosuximide
    {6218, {m::lactulose}, false, true},          // lactulose
    {8134, {m::anticonvulsant}, false, true},     // phenobarbital
    {8183, {m::anticonvulsant}, false, true},     // phenytoin
    {8691, {m::anticonvulsant}, false, true},     // primidone
    {14851, {m::anticonvulsant}, false, true},    // vigabatrin
    {21241, {m::anticonvulsant}, false, true},    // clobazam
    {24812, {m::anticonvulsant}, false, true},    // felbamate
    {25480, {m::anticonvulsant}, false, true},    // gabapentin
    {28439, {m::anticonvulsant}, false, true},    // lamotrigine
    {31914, {m::anticonvulsant}, false, true},    // tiagabine
    {32624, {m::anticonvulsant}, false, true},    // oxcarbazepine
    {38404, {m::anticonvulsant}, false, true},    // topiramate
    {39998, {m::anticonvulsant}, false, true},    // zonisamide
    {40254, {m::anticonvulsant}, false, true},    // valproate
    {69036, {m::anticonvulsant}, false, true},    // rufinamide
    {72236, {m::anticonvulsant}, false, true},    // fosphenytoin
    {114477, {m::anticonvulsant}, false, true},   // levetiracetam
    {187832, {m::anticonvulsant}, false, true},   // pregabalin
    {623400, {m::anticonvulsant}, false, true},   // lacosamide
    {1356552, {m::anticonvulsant}, false, true},  // perampanel
    {1482502, {m::anticonvulsant}, false, true},  // eslicarbazepine
    {1739745, {m::anticonvulsant}, false, true},  // brivaracetam
    // The product-level RxCUI openFDA gives for Endari and a generic 5 g L-glutamine powder;
    // its term type and RxNorm name were not seen (docs/knowledge.md §2b, "(verify)").
    {1869684, {}, true, false},
    {2045371, {m::anticonvulsant}, false, true},  // cannabidiol
    {2054968, {m::anticonvulsant}, false, true},  // stiripentol
    {2265690, {m::anticonvulsant}, false, true},  // cenobamate
}};
}  // namespace rxnorm_codes_table
using rxnorm_codes_table::rxnorm_codes;

// The names of the ingredients of rxnorm_codes, sorted, none the start of another. Valproate
// is also "valproic acid" and "divalproex" in product displays ("Valproic Acid 250 MG Oral
// Capsule", "divalproex sodium 500 MG Delayed Release Oral Tablet").
inline constexpr std::array<rxnorm_name, 30> rxnorm_names{{
    {"brivaracetam"sv, 1739745, true}, {"cannabidiol"sv, 2045371, true},
    {"carbamazepine"sv, 2002, true},   {"cenobamate"sv, 2265690, true},
    {"clobazam"sv, 21241, true},       {"clonazepam"sv, 2598, true},
    {"divalproex"sv, 40254, false},    {"eslicarbazepine"sv, 1482502, true},
    {"ethosuximide"sv, 4135, true},    {"felbamate"sv, 24812, true},
    {"fosphenytoin"sv, 72236, true},   {"gabapentin"sv, 25480, true},
    {"lacosamide"sv, 623400, true},    {"lactulose"sv, 6218, true},
    {"lamotrigine"sv, 28439, true},    {"levetiracetam"sv, 114477, true},
    {"oxcarbazepine"sv, 32624, true},  {"perampanel"sv, 1356552, true},
    {"phenobarbital"sv, 8134, true},   {"phenytoin"sv, 8183, true},
    {"pregabalin"sv, 187832, true},    {"primidone"sv, 8691, true},
    {"rufinamide"sv, 69036, true},     {"stiripentol"sv, 2054968, true},
    {"tiagabine"sv, 31914, true},      {"topiramate"sv, 38404, true},
    {"valproate"sv, 40254, true},      {"valproic acid"sv, 40254, false},
    {"vigabatrin"sv, 14851, true},     {"zonisamide"sv, 39998, true},
}};

// Where the names of each first letter start in rxnorm_names: those of letter k (0 for a)
// are the rows from entry k to entry k + 1 of this table. A word of a display is compared with the
// names of its first letter only.
// Derived by detail/derive.hpp and written out by scripts/derive-tables.sh.
inline constexpr std::array<std::uint8_t, 27> rxnorm_names_by_letter{{
    // derived rxnorm_names_by_letter
    // clang-format off
    0,  // a
    0,  // b
    1,  // c
    6,  // d
    7,  // e
    9,  // f
    11,  // g
    12,  // h
    12,  // i
    12,  // j
    12,  // k
    12,  // l
    16,  // m
    16,  // n
    16,  // o
    17,  // p
    22,  // q
    22,  // r
    23,  // s
    24,  // t
    26,  // u
    26,  // v
    29,  // w
    29,  // x
    29,  // y
    29,  // z
    30,  // the end
    // clang-format on
    // end of derived rxnorm_names_by_letter
}};

// docs/knowledge.md §2b, ATC: medication classes and glutamine. Each code maps with
// every code under it. The former codes of gabapentin and pregabalin, N03AX12 and N03AX16, are
// under N03A. Groups that hold other drugs map to nothing: A06AD (macrogol beside lactulose),
// A16AA (carnitine beside glutamine), N03 above N03A; so do methotrexate L04AX03, ophthalmic
// bevacizumab S01LA08 and BCG L03AX03.
namespace atc_codes_table {  // the short names that lay the table out, kept out of data::
using m = gln::medication;
inline constexpr std::array<atc_entry, 12> atc_codes{{
    {"A06AD11"sv, {m::lactulose}, false, true, "lactulose"sv},
    {"A16AA03"sv, {}, true, true, "glutamine"sv},
    {"H01AC"sv, {m::growth_hormone}, false, true, "Somatropin and somatropin agonists"sv},
    {"L01"sv, {m::antineoplastic}, false, true, "ANTINEOPLASTIC AGENTS"sv},
    {"L02"sv, {m::antineoplastic}, false, true, "ENDOCRINE THERAPY"sv},
    {"L04AX02"sv, {m::antineoplastic}, false, true, "thalidomide"sv},
    {"L04AX04"sv, {m::antineoplastic}, false, true, "lenalidomide"sv},
    {"L04AX06"sv, {m::antineoplastic}, false, true, "pomalidomide"sv},
    {"N02BF01"sv, {m::anticonvulsant}, false, true, "gabapentin"sv},
    {"N02BF02"sv, {m::anticonvulsant}, false, true, "pregabalin"sv},
    {"N03A"sv, {m::anticonvulsant}, false, true, "ANTIEPILEPTICS"sv},
    {"N05BA09"sv, {m::anticonvulsant}, false, true, "clobazam"sv},
}};
}  // namespace atc_codes_table
using atc_codes_table::atc_codes;

// The codes left out of atc_codes, named above: under no entry, so they map to nothing.
inline constexpr std::array<std::string_view, 6> atc_exclusions{
    "A06AD"sv, "A16AA"sv, "N03"sv, "L04AX03"sv, "S01LA08"sv, "L03AX03"sv};

// docs/knowledge.md §2b, NDC: Endari, labeler 42457, product 0420, any package.
inline constexpr std::array<ndc_entry, 1> ndc_codes{{
    {42457, 420, true, true, "Endari (L-glutamine oral powder), Emmaus Medical"sv},
}};

// The brands of prescription L-glutamine: docs/knowledge.md §1 (endari_label: Endari,
// L-glutamine oral powder; nutrestore_label: NutreStore, L-glutamine powder for oral solution),
// each labelled for one purpose of §5 (sickle_cell_disease, short_bowel_syndrome).
inline constexpr std::array<glutamine_brand, 2> glutamine_brands{{
    {"Endari"sv, gln::purpose::sickle_cell_disease, source::endari_label},
    {"NutreStore"sv, gln::purpose::short_bowel_syndrome, source::nutrestore_label},
}};

// docs/knowledge.md §2b, LOINC: body weight, pregnancy status and its answers, in the order
// of loinc_key. "Not pregnant" and "unknown" are known answers that name no condition. The
// pregnancy status may also be answered in SNOMED CT: 77386006 Pregnant (snomed_codes) and
// 60001007 Not pregnant (unmapped: it names nothing). Neither answer ever removes a coded
// pregnancy.
namespace loinc_codes_table {  // the short names that lay the table out, kept out of data::
using c = gln::condition;
using r = code_role;
inline constexpr std::array<loinc_entry, 10> loinc_codes{{
    {"3141-9"sv, r::body_weight, {}, true, "Body weight Measured"sv},
    {"3142-7"sv, r::body_weight, {}, true, "Body weight Stated"sv},
    {"8335-2"sv, r::body_weight, {}, true, "Body weight Estimated"sv},
    {"8350-1"sv, r::body_weight, {}, true, "Body weight Measured --with clothes"sv},
    {"8351-9"sv, r::body_weight, {}, true, "Body weight Measured --without clothes"sv},
    {"29463-7"sv, r::body_weight, {}, true, "Body weight"sv},
    {"82810-3"sv, r::pregnancy_status, {}, true, "Pregnancy status"sv},
    {"LA4489-6"sv, r::observation_answer, {}, true, "Unknown"sv},
    {"LA15173-0"sv, r::observation_answer, {c::pregnancy}, true, "Pregnant"sv},
    {"LA26683-5"sv, r::observation_answer, {}, true, "Not pregnant"sv},
}};
}  // namespace loinc_codes_table
using loinc_codes_table::loinc_codes;

// Each row's code as a number (atc_key, loinc_key), for the look-ups' binary search. Derived
// by detail/derive.hpp and written out by scripts/derive-tables.sh.
inline constexpr std::array<std::uint64_t, atc_codes.size()> atc_keys{{
    // derived atc_keys
    // clang-format off
    0x0041303641443131,  // A06AD11
    0x0041313641413033,  // A16AA03
    0x0048303141430000,  // H01AC
    0x004c303100000000,  // L01
    0x004c303200000000,  // L02
    0x004c303441583032,  // L04AX02
    0x004c303441583034,  // L04AX04
    0x004c303441583036,  // L04AX06
    0x004e303242463031,  // N02BF01
    0x004e303242463032,  // N02BF02
    0x004e303341000000,  // N03A
    0x004e303542413039,  // N05BA09
    // clang-format on
    // end of derived atc_keys
}};
inline constexpr std::array<std::uint64_t, loinc_codes.size()> loinc_keys{{
    // derived loinc_keys
    // clang-format off
    0x0000000000007abb,  // 3141-9
    0x0000000000007ac3,  // 3142-7
    0x0000000000014598,  // 8335-2
    0x000000000001462d,  // 8350-1
    0x000000000001463f,  // 8351-9
    0x0000000000047eed,  // 29463-7
    0x00000000000ca2c7,  // 82810-3
    0x000001000000af60,  // LA4489-6
    0x00000100000250b2,  // LA15173-0
    0x0000010000041253,  // LA26683-5
    // clang-format on
    // end of derived loinc_keys
}};

// docs/knowledge.md §2b: the UCUM body-weight units, by their case-sensitive codes.
inline constexpr std::array<ucum_entry, 3> ucum_weight_units{{
    {"[lb_av]"sv, kilograms_per_pound},
    {"g"sv, 0.001},
    {"kg"sv, 1.0},
}};

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_TERMINOLOGY_HPP
