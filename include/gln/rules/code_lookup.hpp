#ifndef GLN_RULES_CODE_LOOKUP_HPP
#define GLN_RULES_CODE_LOOKUP_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../core/code_match.hpp"
#include "../core/enum_set.hpp"
#include "../core/names.hpp"
#include "../core/units.hpp"
#include "../data/terminology.hpp"
#include "codes.hpp"

// One look-up for every code system gln reads (knowledge.md §2 and §2b), and the readings of
// medication texts and weight units that go with them.
GLN_BEGIN_NAMESPACE

// The RxNorm ingredient a product display names (ingredient_in_display).
struct ingredient_match {
  std::string_view ingredient;   // the listed name that matched first, lower case; empty: none
  std::uint32_t rxcui = 0;       // the ingredient's RxCUI
  medication_set medications{};  // the classes of every ingredient the display names

  constexpr bool matched() const noexcept { return !ingredient.empty(); }
};

namespace detail {

constexpr std::string_view trim_spaces(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The first index of `rows` for which `before` is false (it holds for a leading run).
template <class Row, std::size_t N, class Before>
constexpr std::size_t partition_point(const std::array<Row, N>& rows, Before before) noexcept {
  std::size_t low = 0;
  std::size_t high = N;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (before(rows[middle])) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

// 1 to 19 decimal digits (leading zeros allowed) as a number; anything else no value.
constexpr std::optional<std::uint64_t> parse_digits(std::string_view text) noexcept {
  if (text.empty() || text.size() > 19) return std::nullopt;
  std::uint64_t value = 0;
  for (char ch : text) {
    if (!data::is_digit(ch)) return std::nullopt;
    value = value * 10U + static_cast<std::uint64_t>(ch - '0');
  }
  return value;
}

// A positive integer of at most `max_digits` digits written without leading zeros.
constexpr std::optional<std::uint64_t> parse_identifier(std::string_view text,
                                                        std::size_t max_digits) noexcept {
  if (text.empty() || text.size() > max_digits || text.front() == '0') return std::nullopt;
  return parse_digits(text);
}

constexpr code_match answer(lookup_status status) noexcept {
  code_match match{};
  match.status = status;
  return match;
}

constexpr code_match mapped(code_role role, bool verified) noexcept {
  code_match match = answer(lookup_status::mapped);
  match.role = role;
  match.verified = verified;
  return match;
}

// Up to N characters of `text`, letters upper-cased; no value when it is longer.
template <std::size_t N>
struct upper_code {
  std::array<char, N> chars{};
  std::size_t size = 0;
  constexpr std::string_view view() const noexcept { return {chars.data(), size}; }
};

template <std::size_t N>
constexpr std::optional<upper_code<N>> to_upper_code(std::string_view text) noexcept {
  if (text.size() > N) return std::nullopt;
  upper_code<N> code{};
  for (char ch : text) {
    code.chars[code.size++] = ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
  }
  return code;
}

// SNOMED CT: an SCTID (6 to 18 digits, no leading zero, Verhoeff check digit), matched
// exactly. The check digit is only computed for codes gln does not list.
constexpr code_match snomed_lookup(std::string_view code) noexcept {
  const auto value = parse_identifier(trim_spaces(code), 18);
  if (!value || *value < 100'000U) return answer(lookup_status::malformed);
  const auto& rows = data::snomed_codes;
  const std::size_t i =
      partition_point(rows, [&](const snomed_entry& row) { return row.code < *value; });
  if (i < rows.size() && rows[i].code == *value) {
    code_match match = mapped(rows[i].role, rows[i].verified);
    match.conditions = rows[i].conditions;
    return match;
  }
  return answer(data::verhoeff_valid(*value) ? lookup_status::unmapped : lookup_status::malformed);
}

constexpr const rxnorm_entry* find_rxnorm(std::uint64_t rxcui) noexcept {
  const auto& rows = data::rxnorm_codes;
  const std::size_t i =
      partition_point(rows, [&](const rxnorm_entry& row) { return row.code < rxcui; });
  return i < rows.size() && rows[i].code == rxcui ? &rows[i] : nullptr;
}

// RxNorm: an RxCUI, a positive integer of at most 8 digits (the width of RxNorm's RXCUI
// field), no leading zero.
constexpr code_match rxnorm_lookup(std::string_view code) noexcept {
  const auto value = parse_identifier(trim_spaces(code), 8);
  if (!value) return answer(lookup_status::malformed);
  const rxnorm_entry* row = find_rxnorm(*value);
  if (row == nullptr) return answer(lookup_status::unmapped);
  code_match match = mapped(code_role::medication, row->verified);
  match.medications = row->medications;
  match.glutamine = row->glutamine;
  return match;
}

// ATC: a code of any level (A, A01, A01A, A01AA, A01AA01; letters in any case), mapped when it
// is or lies under a listed code. The table has no code under another, so the only candidate
// is the greatest listed code not after this one.
constexpr code_match atc_lookup(std::string_view code) noexcept {
  const auto upper = to_upper_code<7>(trim_spaces(code));
  if (!upper || !data::is_atc_code(upper->view())) return answer(lookup_status::malformed);
  const std::string_view text = upper->view();
  const auto& rows = data::atc_codes;
  const std::size_t after =
      partition_point(rows, [&](const atc_entry& row) { return row.code <= text; });
  if (after == 0 || text.substr(0, rows[after - 1].code.size()) != rows[after - 1].code) {
    return answer(lookup_status::unmapped);
  }
  const atc_entry& row = rows[after - 1];
  code_match match = mapped(code_role::medication, row.verified);
  match.medications = row.medications;
  match.glutamine = row.glutamine;
  return match;
}

// LOINC: digits, a hyphen and the mod-10 check digit, or an answer (LA...); "la" read as "LA".
constexpr code_match loinc_lookup(std::string_view code) noexcept {
  const auto upper = to_upper_code<10>(trim_spaces(code));
  if (!upper || !data::is_loinc_code(upper->view())) return answer(lookup_status::malformed);
  const std::string_view text = upper->view();
  const auto& rows = data::loinc_codes;
  const std::size_t i =
      partition_point(rows, [&](const loinc_entry& row) { return row.code < text; });
  if (i == rows.size() || rows[i].code != text) return answer(lookup_status::unmapped);
  code_match match = mapped(rows[i].role, rows[i].verified);
  match.conditions = rows[i].conditions;
  return match;
}

// NDC: a hyphenated 10-digit code (4-4-2, 5-3-2, 5-4-1), the 11-digit 5-4-2 code with or
// without hyphens, or the labeler and product parts alone (4-4, 5-3, 5-4, as "42457-420").
// Compared by labeler and product, the 5-4 of the 11-digit form once padded; any package.
constexpr code_match ndc_lookup(std::string_view code) noexcept {
  const std::string_view text = trim_spaces(code);
  std::array<std::string_view, 3> parts{};
  std::size_t count = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '-') continue;
    if (count == parts.size()) return answer(lookup_status::malformed);
    parts[count++] = text.substr(start, i - start);
    start = i + 1;
  }
  if (count == 1 && parts[0].size() == 11) {  // 5-4-2 without hyphens
    parts = {text.substr(0, 5), text.substr(5, 4), text.substr(9, 2)};
    count = 3;
  }
  const std::size_t labeler = parts[0].size();
  const std::size_t product = parts[1].size();
  const std::size_t package = parts[2].size();
  const bool five_four = labeler == 5 && product == 4;
  const bool labeler_product =
      (labeler == 4 && product == 4) || (labeler == 5 && product == 3) || five_four;
  // 4-4-2, 5-3-2, 5-4-2 or 5-4-1.
  const bool package_fits = package == 2 || (package == 1 && five_four);
  const bool well_formed = labeler_product && (count == 2 || (count == 3 && package_fits));
  const auto labeler_value = parse_digits(parts[0]);
  const auto product_value = parse_digits(parts[1]);
  if (!well_formed || !labeler_value || !product_value || (count == 3 && !parse_digits(parts[2]))) {
    return answer(lookup_status::malformed);
  }
  for (const ndc_entry& row : data::ndc_codes) {
    if (row.labeler == *labeler_value && row.product == *product_value) {
      code_match match = mapped(code_role::medication, row.verified);
      match.glutamine = row.glutamine;
      return match;
    }
  }
  return answer(lookup_status::unmapped);
}

// UCUM: case-sensitive codes, read exactly as given; a code of printable ASCII that is not a
// body-weight unit is unmapped.
constexpr code_match ucum_lookup(std::string_view code) noexcept {
  if (code.empty()) return answer(lookup_status::malformed);
  for (char ch : code) {
    if (ch <= ' ' || ch > '~') return answer(lookup_status::malformed);
  }
  for (const ucum_entry& row : data::ucum_weight_units) {
    if (row.code == code) {
      code_match match = mapped(code_role::weight_unit, true);
      match.kilograms_per_unit = row.kilograms_per_unit;
      return match;
    }
  }
  return answer(lookup_status::unmapped);
}

constexpr bool is_word_char(char ch) noexcept {
  return data::is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

constexpr unsigned char lower_byte(char ch) noexcept {
  const auto byte = static_cast<unsigned char>(ch);
  return byte >= 'A' && byte <= 'Z' ? static_cast<unsigned char>(byte - 'A' + 'a') : byte;
}

// How lower-case `name` compares with the start of `text` read in lower case: negative when
// name sorts first, 0 when text starts with name, positive otherwise (as std::string_view
// orders, byte by byte).
constexpr int compare_start(std::string_view name, std::string_view text) noexcept {
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (i == text.size()) return 1;
    const auto want = static_cast<unsigned char>(name[i]);
    const unsigned char have = lower_byte(text[i]);
    if (want != have) return want < have ? -1 : 1;
  }
  return 0;
}

// True when `text` holds `name` (lower case) at `position` as whole words, in any case.
constexpr bool word_at(std::string_view text, std::size_t position,
                       std::string_view name) noexcept {
  const std::string_view rest = text.substr(position);
  return compare_start(name, rest) == 0 &&
         (rest.size() == name.size() || !is_word_char(rest[name.size()]));
}

// Where words start: a letter or digit after anything else, or at the start.
constexpr bool word_starts_at(std::string_view text, std::size_t position) noexcept {
  return is_word_char(text[position]) && (position == 0 || !is_word_char(text[position - 1]));
}

// The ingredient name that `text` holds as whole words at `position`, if any.
constexpr const rxnorm_name* ingredient_at(std::string_view text, std::size_t position) noexcept {
  const auto& names = data::rxnorm_names_by_name;
  const std::string_view rest = text.substr(position);
  const std::size_t i = partition_point(
      names, [&](const rxnorm_name& entry) { return compare_start(entry.name, rest) < 0; });
  if (i == names.size() || !word_at(text, position, names[i].name)) return nullptr;
  return &names[i];
}

}  // namespace detail

// What `code` of `system` means to gln: mapped (with its role, conditions, medication
// classes, whether it is a glutamine product, whether its row is verified, and for a weight
// unit its kilograms), unmapped (well-formed, not listed), malformed (not of the system's
// shape), or system_not_held for a value outside gln::code_system. SNOMED CT is matched
// exactly, never by hierarchy; ATC codes match the listed codes they fall under.
constexpr code_match code_lookup(code_system system, std::string_view code) noexcept {
  switch (system) {
    case code_system::icd10_cm: return icd10_lookup(code);
    case code_system::snomed_ct: return detail::snomed_lookup(code);
    case code_system::rxnorm: return detail::rxnorm_lookup(code);
    case code_system::atc: return detail::atc_lookup(code);
    case code_system::loinc: return detail::loinc_lookup(code);
    case code_system::ndc: return detail::ndc_lookup(code);
    case code_system::ucum: return detail::ucum_lookup(code);
  }
  return detail::answer(lookup_status::system_not_held);
}

// The same, the system named by its FHIR URI, exactly. Any other system is system_not_held:
// WHO ICD-10 (http://hl7.org/fhir/sid/icd-10) and the national modifications share codes with
// ICD-10-CM that mean other things, so they are never read through its table.
constexpr code_match code_lookup(std::string_view system_uri, std::string_view code) noexcept {
  const std::optional<code_system> system = parse<code_system>(system_uri);
  if (!system) return detail::answer(lookup_status::system_not_held);
  return code_lookup(*system, code);
}

// The RxNorm ingredients a product display names ("clonazePAM 0.25 MG Oral Tablet" names
// clonazepam), as whole words in any case; valproate also as "valproic acid" or
// "divalproex". For a RxNorm code code_lookup does not map: an adapter that uses it says so.
constexpr ingredient_match ingredient_in_display(std::string_view display) noexcept {
  ingredient_match found{};
  for (std::size_t position = 0; position < display.size(); ++position) {
    if (!detail::word_starts_at(display, position)) continue;
    const rxnorm_name* name = detail::ingredient_at(display, position);
    if (name == nullptr) continue;
    if (!found.matched()) {
      found.ingredient = name->name;
      found.rxcui = name->code;
    }
    found.medications = found.medications | detail::find_rxnorm(name->code)->medications;
  }
  return found;
}

// True when a medication's text or display names glutamine as a whole word, in any case
// ("L-glutamine oral powder", "GLUTAMINE 500 MG").
constexpr bool names_glutamine(std::string_view text) noexcept {
  for (std::size_t position = 0; position < text.size(); ++position) {
    if (detail::word_starts_at(text, position) && detail::word_at(text, position, "glutamine")) {
      return true;
    }
  }
  return false;
}

// A body weight in kilograms from a quantity's UCUM code (kg, g, [lb_av]); without a code,
// from its unit text only when that is exactly kg, g, lb or [lb_av]. Any other unit gives no
// value: skipped and reported by the reader, never guessed. The value itself is not checked
// here (screening rejects a weight out of range).
constexpr std::optional<kilograms> weight_in_kilograms(double value, std::string_view ucum_code,
                                                       std::string_view unit_text = {}) noexcept {
  std::string_view unit = ucum_code;
  if (unit.empty()) unit = unit_text == "lb" ? std::string_view{"[lb_av]"} : unit_text;
  const code_match match = detail::ucum_lookup(unit);
  if (!match.mapped()) return std::nullopt;
  return kilograms{value * match.kilograms_per_unit};
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_CODE_LOOKUP_HPP
