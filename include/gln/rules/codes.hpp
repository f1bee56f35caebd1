#ifndef GLN_RULES_CODES_HPP
#define GLN_RULES_CODES_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../core/code_match.hpp"
#include "../core/enum_set.hpp"
#include "../core/enums.hpp"
#include "../core/optional.hpp"
#include "../data/codes.hpp"
#include "screen.hpp"

GLN_BEGIN_NAMESPACE
namespace detail {

// A code as a number: its characters from the top byte down, zeros after. Numbers order as
// the codes do as text (a prefix first), and "starts with" is a masked compare, so the
// look-up compares integers, not strings.
using code_key = std::uint64_t;

constexpr code_key key_mask(std::size_t length) noexcept {
  return length == 0 ? code_key{0} : ~code_key{0} << (8U * (8U - length));
}

constexpr code_key key_of(std::string_view code) noexcept {
  code_key key = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    key = key << 8U | (i < code.size() ? static_cast<unsigned char>(code[i]) : 0U);
  }
  return key;
}

// An ICD-10-CM code as the table stores it (upper case, no dot, 3 to 7 characters), keyed;
// size 0 for text that is no code.
struct normalized_code {
  code_key key = 0;
  std::size_t size = 0;
  constexpr char at(std::size_t i) const noexcept {
    return static_cast<char>(key >> (8U * (7U - i)) & 0xFFU);
  }
};

constexpr bool is_space(char ch) noexcept {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

// Each byte as a code character: letters upper-cased, digits as they are, 0 for any other.
inline constexpr auto code_characters = [] {
  std::array<unsigned char, 256> out{};
  for (unsigned char ch = '0'; ch <= '9'; ++ch) out[ch] = ch;
  for (unsigned char ch = 'A'; ch <= 'Z'; ++ch) {
    out[ch] = ch;
    out[ch - 'A' + 'a'] = ch;
  }
  return out;
}();

// Trims white space, drops a dot after the category, upper-cases; text of any other shape
// (other punctuation, a misplaced dot, non-ASCII, a digit first, too short or long) gives
// size 0.
constexpr normalized_code normalize_icd10(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.size() < 3 || text.size() > 8) return {};
  normalized_code code{};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      // The dot separates the 3-character category from at least one more character.
      if (i != 3 || i + 1 == text.size()) return {};
      continue;
    }
    const unsigned char ch = code_characters[static_cast<unsigned char>(text[i])];
    if (ch == 0) return {};
    // At most 8 characters arrive here, so the shift stays within the key.
    code.key |= code_key{ch} << (8U * (7U - code.size));
    ++code.size;
  }
  if (code.size < 3 || code.size > 7 || code.at(0) < 'A') return {};
  return code;
}

// data::icd10_codes and data::icd10_ranges as keys, in the same order.
struct keyed_entry {
  code_key key = 0;
  std::uint8_t size = 0;
  gln::condition condition{};
  icd10_match match = icd10_match::prefix;
};

struct keyed_range {
  code_key first = 0;
  code_key last = 0;
  gln::condition condition{};
  bool not_puerperal = false;
};

inline constexpr auto icd10_keyed_codes = [] {
  std::array<keyed_entry, data::icd10_codes.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const icd10_entry& entry = data::icd10_codes[i];
    out[i] = {key_of(entry.code), static_cast<std::uint8_t>(entry.code.size()), entry.condition,
              entry.match};
  }
  return out;
}();

inline constexpr auto icd10_keyed_ranges = [] {
  std::array<keyed_range, data::icd10_ranges.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const icd10_range& range = data::icd10_ranges[i];
    out[i] = {key_of(range.first), key_of(range.last), range.condition, range.not_puerperal};
  }
  return out;
}();

constexpr bool matches(const keyed_entry& entry, const normalized_code& code) noexcept {
  if ((code.key & key_mask(entry.size)) != entry.key) return false;
  switch (entry.match) {
    case icd10_match::exact: return code.size == entry.size;
    // A T code's seventh character D (subsequent encounter) or S (sequela) is a shock or
    // sepsis that is over.
    case icd10_match::initial_encounter: return code.size < 7 || code.at(6) == 'A';
    case icd10_match::prefix: break;
  }
  return true;
}

// The first entry whose key is not below `key` (the table is sorted by code).
constexpr std::size_t first_entry_not_below(code_key key) noexcept {
  std::size_t first = 0;
  std::size_t count = icd10_keyed_codes.size();
  while (count > 0) {
    const std::size_t half = count / 2;
    const bool below = icd10_keyed_codes[first + half].key < key;
    first = below ? first + half + 1 : first;
    count = below ? count - half - 1 : half;
  }
  return first;
}

// The conditions of a normalized code: those of the ranges holding it (less what a
// not-puerperal range takes back), then those of every matching entry, then the broad
// conditions a specific one narrows away.
constexpr condition_set icd10_conditions(const normalized_code& code) noexcept {
  const code_key category = code.key & key_mask(3);
  condition_set found{};
  condition_set taken_back{};
  for (const keyed_range& range : icd10_keyed_ranges) {
    if (range.first <= category && category <= range.last) {
      (range.not_puerperal ? taken_back : found).insert(range.condition);
    }
  }
  for (gln::condition c : taken_back) found.erase(c);
  // Every entry that can match is a prefix of the code: in its category, sorted before it.
  for (std::size_t i = first_entry_not_below(category);
       i < icd10_keyed_codes.size() && icd10_keyed_codes[i].key <= code.key; ++i) {
    if (matches(icd10_keyed_codes[i], code)) found.insert(icd10_keyed_codes[i].condition);
  }
  for (const icd10_narrowing& narrowing : data::icd10_narrowings) {
    if (found.intersects(narrowing.specific)) found.erase(narrowing.broad);
  }
  return found;
}

}  // namespace detail

// Reads an ICD-10-CM code (docs/knowledge.md §2): with or without the dot after the category, any
// case, surrounding white space trimmed. Text that is not of the ICD-10-CM shape is malformed;
// a well-formed code that means none of gln's conditions is unmapped (a real diagnosis gln
// has no rule for, or a code §2 names as mapping to nothing, such as D57.3, sickle-cell
// trait); any other is mapped, role condition, with every condition it means.
constexpr code_match icd10_lookup(std::string_view code) noexcept {
  code_match out{};
  const detail::normalized_code normalized = detail::normalize_icd10(code);
  if (normalized.size == 0) return out;
  out.conditions = detail::icd10_conditions(normalized);
  out.status = out.conditions.empty() ? lookup_status::unmapped : lookup_status::mapped;
  out.role = out.conditions.empty() ? code_role::none : code_role::condition;
  return out;
}

// Every condition an ICD-10-CM code means (icd10_lookup); empty for a malformed or unmapped
// code. R65.21 is multiorgan failure, shock and sepsis.
constexpr condition_set conditions_from_icd10(std::string_view code) noexcept {
  return icd10_lookup(code).conditions;
}

// The most serious condition an ICD-10-CM code means: the one whose self-directed verdict is
// worst, ties to the first in gln::condition order (docs/knowledge.md §2). No value for a
// malformed or unmapped code.
constexpr optional<condition> condition_from_icd10(std::string_view code) noexcept {
  optional<condition> worst;
  verdict worst_verdict = verdict::suitable;
  for (gln::condition c : conditions_from_icd10(code)) {
    const verdict v = self_directed_verdict_of(condition_set{c});
    if (!worst || v > worst_verdict) {
      worst = c;
      worst_verdict = v;
    }
  }
  return worst;
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_CODES_HPP
