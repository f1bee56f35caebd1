#ifndef GLN_DATA_CODES_HPP
#define GLN_DATA_CODES_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../core/enums.hpp"

// ICD-10-CM to condition (knowledge.md §2). Codes are stored without the dot, upper case.
GLN_BEGIN_NAMESPACE

struct icd10_entry {
  std::string_view first;  // a code prefix, or the first category of a range
  std::string_view last;   // empty for a prefix; the last 3-character category of a range
  gln::condition condition{};
};

namespace data {

// D57.3 (sickle-cell trait) is deliberately absent: trait is not the disease.
// Built by a lambda so that the short names used to lay the table out stay inside it.
inline constexpr std::array<icd10_entry, 51> icd10_codes = [] {
  using c = gln::condition;
  return std::array<icd10_entry, 51>{{
      {"K7682", "", c::hepatic_encephalopathy},
      {"K7201", "", c::hepatic_encephalopathy},
      {"K7211", "", c::hepatic_encephalopathy},
      {"K7291", "", c::hepatic_encephalopathy},
      {"K7041", "", c::hepatic_encephalopathy},
      {"K7111", "", c::hepatic_encephalopathy},
      {"K7200", "", c::hepatic_failure},
      {"K7210", "", c::hepatic_failure},
      {"K7290", "", c::hepatic_failure},
      {"K7040", "", c::hepatic_failure},
      {"K7110", "", c::hepatic_failure},
      {"K746", "", c::cirrhosis},
      {"K703", "", c::cirrhosis},
      {"K70", "K77", c::liver_disease},
      {"N184", "", c::severe_kidney_disease},
      {"N185", "", c::severe_kidney_disease},
      {"N186", "", c::severe_kidney_disease},
      {"Z992", "", c::severe_kidney_disease},
      {"N17", "", c::severe_kidney_disease},
      {"N19", "", c::severe_kidney_disease},
      {"N181", "", c::kidney_disease},
      {"N182", "", c::kidney_disease},
      {"N183", "", c::kidney_disease},
      {"N189", "", c::kidney_disease},
      {"R6511", "", c::multiorgan_failure},
      {"R6520", "", c::multiorgan_failure},
      // Severe sepsis with septic shock is both: conditions_from_icd10 returns both.
      {"R6521", "", c::multiorgan_failure},
      {"R6521", "", c::shock},
      {"R57", "", c::shock},
      {"G937", "", c::reyes_syndrome},
      // Compared as text, C00-C96 also holds the letter categories C4A, C7A and C7B.
      {"C00", "C96", c::cancer},
      {"Z510", "", c::cancer_treatment},
      {"Z5111", "", c::cancer_treatment},
      {"Z5112", "", c::cancer_treatment},
      {"Z331", "", c::pregnancy},
      {"O00", "O9A", c::pregnancy},
      {"Z391", "", c::breastfeeding},
      {"G40", "", c::seizure_disorder},
      {"R561", "", c::seizure_disorder},
      {"R569", "", c::seizure_disorder},
      {"F31", "", c::bipolar_disorder},
      {"F30", "", c::bipolar_disorder},
      {"D570", "", c::sickle_cell_disease},
      {"D571", "", c::sickle_cell_disease},
      {"D572", "", c::sickle_cell_disease},
      {"D574", "", c::sickle_cell_disease},
      {"D578", "", c::sickle_cell_disease},
      {"K90821", "", c::short_bowel_syndrome},
      {"K90822", "", c::short_bowel_syndrome},
      {"K90829", "", c::short_bowel_syndrome},
      {"K123", "", c::oral_mucositis},
  }};
}();

constexpr bool is_normalized_code(std::string_view code) noexcept {
  if (code.size() < 3 || code.size() > 7) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char ch = code[i];
    const bool upper = ch >= 'A' && ch <= 'Z';
    const bool digit = ch >= '0' && ch <= '9';
    if (i == 0 ? !upper : (i == 1 ? !digit : !(upper || digit))) return false;
  }
  return true;
}

constexpr bool codes_are_consistent() noexcept {
  for (std::size_t i = 0; i < icd10_codes.size(); ++i) {
    const icd10_entry& entry = icd10_codes[i];
    if (!is_normalized_code(entry.first) || !is_valid(entry.condition)) return false;
    if (!entry.last.empty() && (entry.first.size() != 3 || !is_normalized_code(entry.last) ||
                                entry.last.size() != 3 || entry.last < entry.first)) {
      return false;
    }
    for (std::size_t j = i + 1; j < icd10_codes.size(); ++j) {
      if (icd10_codes[j].first == entry.first && icd10_codes[j].condition == entry.condition) {
        return false;
      }
    }
    if (entry.first.substr(0, 4) == "D573") return false;  // trait, not disease
  }
  return true;
}

}  // namespace data
GLN_END_NAMESPACE

#endif  // GLN_DATA_CODES_HPP
