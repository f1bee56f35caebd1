#ifndef GLN_RULES_CODE_LOOKUP_HPP
#define GLN_RULES_CODE_LOOKUP_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../core/code_match.hpp"
#include "../core/enum_set.hpp"
#include "../core/enum_traits.hpp"
#include "../core/optional.hpp"
#include "../core/units.hpp"
#include "../data/terminology.hpp"
#include "codes.hpp"

// One look-up for every code system gln reads (docs/knowledge.md §2 and §2b), and the readings of
// medication texts and weight units that go with them.
GLN_BEGIN_NAMESPACE

// The RxNorm ingredient a product display names (ingredient_in_display).
struct ingredient_match {
  std::string_view ingredient;   // the listed name that matched first, lower case; empty: none
  std::uint32_t rxcui = 0;       // the ingredient's RxCUI
  medication_set medications{};  // the classes of every ingredient the display names

  constexpr bool matched() const noexcept { return !ingredient.empty(); }
};

// The prescription L-glutamine brand a text names (glutamine_brand_in).
struct brand_match {
  std::string_view brand;  // as the table spells it ("Endari"); empty: none
  gln::purpose labelled_for = gln::purpose::general_recovery;  // the purpose of its label
  source label = source::endari_label;                         // the label

  constexpr bool matched() const noexcept { return !brand.empty(); }
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

// A positive integer of at most `max_digits` (up to 19) digits written without leading zeros;
// 0 for anything else.
constexpr std::uint64_t parse_identifier(std::string_view text, std::size_t max_digits) noexcept {
  if (text.empty() || text.size() > max_digits || text.front() == '0') return 0;
  std::uint64_t value = 0;
  for (char ch : text) {
    if (!data::is_digit(ch)) return 0;
    value = value * 10U + static_cast<std::uint64_t>(ch - '0');
  }
  return value;
}

constexpr code_match answer(lookup_status status) noexcept {
  code_match match{};
  detail::assign(match.status, status);
  return match;
}

constexpr code_match mapped(code_role role, bool verified) noexcept {
  code_match match = answer(lookup_status::mapped);
  detail::assign(match.role, role);
  match.verified = verified;
  return match;
}

// SNOMED CT: a concept's SCTID (data::is_sctid), matched exactly. The partition and check
// digit are only checked for codes gln does not list.
constexpr code_match snomed_lookup(std::string_view code) noexcept {
  const std::uint64_t value = parse_identifier(trim_spaces(code), 18);
  if (value < 100'000U) return answer(lookup_status::malformed);  // 6 digits at least
  const auto& rows = data::snomed_codes;
  const std::size_t i =
      partition_point(rows, [&](const snomed_entry& row) { return row.code < value; });
  if (i < rows.size() && rows[i].code == value) {
    code_match match = mapped(rows[i].role, rows[i].verified);
    match.conditions = rows[i].conditions;
    return match;
  }
  return answer(data::is_sctid(value) ? lookup_status::unmapped : lookup_status::malformed);
}

// The row of `rxcui` in data::rxnorm_codes, or the table's size when it has none. (An index,
// not a pointer: g++ with -fsanitize=undefined cannot compare a table address with nullptr
// in a constant expression.)
constexpr std::size_t find_rxnorm(std::uint64_t rxcui) noexcept {
  const auto& rows = data::rxnorm_codes;
  const std::size_t i =
      partition_point(rows, [&](const rxnorm_entry& row) { return row.code < rxcui; });
  return i < rows.size() && rows[i].code == rxcui ? i : rows.size();
}

// RxNorm: an RxCUI, a positive integer of at most 8 digits (the width of RxNorm's RXCUI
// field), no leading zero.
constexpr code_match rxnorm_lookup(std::string_view code) noexcept {
  const std::uint64_t value = parse_identifier(trim_spaces(code), 8);
  if (value == 0) return answer(lookup_status::malformed);
  const std::size_t i = find_rxnorm(value);
  if (i == data::rxnorm_codes.size()) return answer(lookup_status::unmapped);
  const rxnorm_entry& row = data::rxnorm_codes[i];
  code_match match = mapped(code_role::medication, row.verified);
  match.medications = row.medications;
  match.glutamine = row.glutamine;
  return match;
}

// ATC: a code of any level (A, A01, A01A, A01AA, A01AA01; letters in any case), mapped when it
// is or lies under a listed code. The table has no code under another, so the only candidate
// is the greatest listed code not after this one.
constexpr code_match atc_lookup(std::string_view code) noexcept {
  const std::uint64_t key = data::atc_key(trim_spaces(code));
  if (key == 0) return answer(lookup_status::malformed);
  const auto& keys = data::atc_keys;
  const std::size_t after = partition_point(keys, [&](std::uint64_t row) { return row <= key; });
  if (after == 0) return answer(lookup_status::unmapped);
  const atc_entry& row = data::atc_codes[after - 1];
  if ((key & data::atc_key_mask(row.code.size())) != keys[after - 1]) {
    return answer(lookup_status::unmapped);
  }
  code_match match = mapped(code_role::medication, row.verified);
  match.medications = row.medications;
  match.glutamine = row.glutamine;
  return match;
}

// LOINC: digits, a hyphen and the mod-10 check digit, or an answer (LA..., in any case).
constexpr code_match loinc_lookup(std::string_view code) noexcept {
  const std::uint64_t key = data::loinc_key(trim_spaces(code));
  if (key == 0) return answer(lookup_status::malformed);
  const auto& keys = data::loinc_keys;
  const std::size_t i = partition_point(keys, [&](std::uint64_t row) { return row < key; });
  if (i == keys.size() || keys[i] != key) return answer(lookup_status::unmapped);
  const loinc_entry& row = data::loinc_codes[i];
  code_match match = mapped(row.role, row.verified);
  match.conditions = row.conditions;
  return match;
}

// NDC: a hyphenated 10-digit code (4-4-2, 5-3-2, 5-4-1), the 11-digit 5-4-2 code with or
// without hyphens, or the labeler and product parts alone (4-4, 5-3, 5-4, as "42457-420").
// Compared by labeler and product, the 5-4 of the 11-digit form once padded; any package.
constexpr code_match ndc_lookup(std::string_view code) noexcept {
  std::array<std::uint64_t, 3> value{};
  std::array<std::size_t, 3> size{};
  std::size_t parts = 1;
  for (char ch : trim_spaces(code)) {
    if (ch == '-' && parts < 3) {
      ++parts;
      continue;
    }
    std::size_t& digits = size[parts - 1];
    if (!data::is_digit(ch) || digits == 11) return answer(lookup_status::malformed);
    value[parts - 1] = value[parts - 1] * 10U + static_cast<std::uint64_t>(ch - '0');
    ++digits;
  }
  if (parts == 1 && size[0] == 11) {  // 5-4-2 without hyphens
    value = {value[0] / 1'000'000U, value[0] / 100U % 10'000U, value[0] % 100U};
    size = {5, 4, 2};
    parts = 3;
  }
  const bool five_four = size[0] == 5 && size[1] == 4;
  const bool labeler_product =
      (size[0] == 4 && size[1] == 4) || (size[0] == 5 && size[1] == 3) || five_four;
  const bool package_fits = size[2] == 2 || (size[2] == 1 && five_four);  // or 5-4-1
  if (!labeler_product || parts == 1 || (parts == 3 && !package_fits)) {
    return answer(lookup_status::malformed);
  }
  for (const ndc_entry& row : data::ndc_codes) {
    if (row.labeler == value[0] && row.product == value[1]) {
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

constexpr bool is_letter(char ch) noexcept { return data::is_upper(data::to_upper(ch)); }
constexpr bool is_word_char(char ch) noexcept { return data::is_digit(ch) || is_letter(ch); }

// True when `text` holds `name` (lower case) at `position` as whole words, in any case.
constexpr bool word_at(std::string_view text, std::size_t position,
                       std::string_view name) noexcept {
  const std::string_view rest = text.substr(position);
  if (rest.size() < name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (data::to_upper(rest[i]) != data::to_upper(name[i])) return false;
  }
  return rest.size() == name.size() || !is_word_char(rest[name.size()]);
}

// Calls `visit(position)` at the start of each word (a run of letters and digits) of `text`
// that starts with a letter, where a name can start, until a call returns true; returns whether
// one did.
template <class Visit>
constexpr bool visit_words(std::string_view text, Visit visit) noexcept {
  std::size_t position = 0;
  while (position < text.size()) {
    if (!is_word_char(text[position])) {
      ++position;
      continue;
    }
    if (is_letter(text[position]) && visit(position)) return true;
    while (position < text.size() && is_word_char(text[position])) ++position;
  }
  return false;
}

// The row in data::rxnorm_names of the ingredient name that `text` holds as whole words at
// `position` (a word that starts with a letter), or the table's size if none.
constexpr std::size_t ingredient_at(std::string_view text, std::size_t position) noexcept {
  const std::size_t letter = static_cast<std::size_t>(data::to_upper(text[position]) - 'A');
  for (std::size_t i = data::rxnorm_names_by_letter[letter];
       i < data::rxnorm_names_by_letter[letter + 1]; ++i) {
    if (word_at(text, position, data::rxnorm_names[i].name)) return i;
  }
  return data::rxnorm_names.size();
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
// ICD-10-CM that mean other things, so they are never read through its table. (The names are
// searched here rather than through parse<code_system>, an instantiation every includer would
// pay for.)
// System, then code, as a FHIR Coding holds them; swapped, the code names no system gln holds
// and the answer is system_not_held.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters)
constexpr code_match code_lookup(std::string_view system_uri, std::string_view code) noexcept {
  for (std::size_t i = 0; i < enum_count<code_system>; ++i) {
    if (enum_traits<code_system>::names[i] == system_uri) {
      return code_lookup(static_cast<code_system>(i), code);
    }
  }
  return detail::answer(lookup_status::system_not_held);
}

// The RxNorm ingredients a product display names ("clonazePAM 0.25 MG Oral Tablet" names
// clonazepam), as whole words in any case; valproate also as "valproic acid" or
// "divalproex". Meant for an RxNorm product code that code_lookup does not map; a reader that
// classes a drug by its display says so (docs/knowledge.md §2b).
constexpr ingredient_match ingredient_in_display(std::string_view display) noexcept {
  ingredient_match found{};
  detail::visit_words(display, [&](std::size_t position) {
    const std::size_t i = detail::ingredient_at(display, position);
    if (i == data::rxnorm_names.size()) return false;
    const rxnorm_name& name = data::rxnorm_names[i];
    if (!found.matched()) {
      found.ingredient = name.name;
      found.rxcui = name.code;
    }
    // Every name's RxCUI is in rxnorm_codes (tests/table_invariants.hpp).
    found.medications =
        found.medications | data::rxnorm_codes[detail::find_rxnorm(name.code)].medications;
    return false;  // read every word: a display may name two ingredients
  });
  return found;
}

// The first brand of prescription L-glutamine a text names as a whole word, in any case
// ("ENDARI 5 g packet": Endari, labelled for sickle_cell_disease; docs/knowledge.md §1, §5), or
// no match.
constexpr brand_match glutamine_brand_in(std::string_view text) noexcept {
  brand_match found{};
  detail::visit_words(text, [&](std::size_t position) {
    for (const glutamine_brand& brand : data::glutamine_brands) {
      if (detail::word_at(text, position, brand.name)) {
        found = brand_match{brand.name, brand.labelled_for, brand.label};
        return true;
      }
    }
    return false;
  });
  return found;
}

// True when a medication's text or display names glutamine as a whole word, in any case
// ("L-glutamine oral powder", "GLUTAMINE 500 MG"), or a brand of prescription L-glutamine
// (Endari, NutreStore: glutamine_brand_in).
constexpr bool names_glutamine(std::string_view text) noexcept {
  return detail::visit_words(
             text,
             [&](std::size_t position) { return detail::word_at(text, position, "glutamine"); }) ||
         glutamine_brand_in(text).matched();
}

// A body weight in kilograms from a quantity's UCUM code (kg, g, [lb_av]); without a code,
// from its unit text only when that is exactly kg, g, lb or [lb_av]. Any other unit gives no
// value: skipped and reported by the reader, never guessed. The value itself is not checked
// here (screening rejects a weight out of range).
// Code, then text, as a FHIR Quantity holds them.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters)
constexpr optional<kilograms> weight_in_kilograms(double value, std::string_view ucum_code,
                                                  std::string_view unit_text = {}) noexcept {
  std::string_view unit = ucum_code;
  if (unit.empty()) unit = unit_text == "lb" ? std::string_view{"[lb_av]"} : unit_text;
  const code_match match = detail::ucum_lookup(unit);
  if (!match.mapped()) return nullopt;
  return kilograms{value * match.kilograms_per_unit};
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_CODE_LOOKUP_HPP
