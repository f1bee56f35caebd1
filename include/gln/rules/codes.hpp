#ifndef GLN_RULES_CODES_HPP
#define GLN_RULES_CODES_HPP

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

#include "../core/code_match.hpp"
#include "../core/enum_set.hpp"
#include "../core/enums.hpp"
#include "../data/codes.hpp"

GLN_BEGIN_NAMESPACE
namespace detail {

// An ICD-10-CM code as the table stores it: upper case, no dot, 3 to 7 characters.
struct normalized_code {
  std::array<char, 7> chars{};
  std::size_t size = 0;
  constexpr std::string_view view() const noexcept { return {chars.data(), size}; }
};

constexpr bool is_space(char ch) noexcept {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

// Trims white space, drops a dot after the category, upper-cases; anything else malformed
// (other punctuation, a misplaced dot, non-ASCII, too short or long) gives no value.
constexpr std::optional<normalized_code> normalize_icd10(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.size() < 3 || text.size() > 8) return std::nullopt;
  normalized_code code{};
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '.') {
      // The dot separates the 3-character category from at least one more character.
      if (i != 3 || i + 1 == text.size()) return std::nullopt;
      continue;
    }
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (code.size == code.chars.size()) return std::nullopt;
    code.chars[code.size++] = ch;
  }
  if (!data::is_normalized_code(code.view())) return std::nullopt;
  return code;
}

// How specific an entry's match is (its prefix length), or 0 when it does not match.
constexpr std::size_t match_length(const icd10_entry& entry, std::string_view code) noexcept {
  if (entry.last.empty()) {
    return code.substr(0, entry.first.size()) == entry.first ? entry.first.size() : 0U;
  }
  const std::string_view category = code.substr(0, 3);
  return entry.first <= category && category <= entry.last ? 3U : 0U;
}

}  // namespace detail

// Every condition an ICD-10-CM code maps to: the most specific (longest) match wins; a code
// can name two conditions (R65.21 is multiorgan failure and shock). Codes are accepted with
// or without the dot, in any case, with surrounding white space. Unknown or malformed codes,
// and D57.3 (sickle-cell trait), give an empty set.
constexpr condition_set conditions_from_icd10(std::string_view code) noexcept {
  condition_set out{};
  const auto normalized = detail::normalize_icd10(code);
  if (!normalized) return out;
  const std::string_view text = normalized->view();
  std::size_t best = 0;
  for (const icd10_entry& entry : data::icd10_codes) {
    const std::size_t length = detail::match_length(entry, text);
    if (length == 0 || length < best) continue;
    if (length > best) {
      best = length;
      out = condition_set{};
    }
    out.insert(entry.condition);
  }
  return out;
}

// The condition an ICD-10-CM code maps to, as conditions_from_icd10; where a code names two,
// the first in gln::condition order. No value for unknown or malformed codes.
constexpr std::optional<condition> condition_from_icd10(std::string_view code) noexcept {
  const condition_set matches = conditions_from_icd10(code);
  if (matches.empty()) return std::nullopt;
  return *matches.begin();
}

// An ICD-10-CM code as code_lookup reports it: malformed (not of the ICD-10-CM shape),
// unmapped (well-formed, no entry) or mapped (role condition, with conditions_from_icd10's
// set). Built on conditions_from_icd10 until the knowledge v2 map replaces both.
constexpr code_match icd10_lookup(std::string_view code) noexcept {
  code_match out{};
  if (!detail::normalize_icd10(code)) return out;
  out.conditions = conditions_from_icd10(code);
  if (out.conditions.empty()) {
    out.status = lookup_status::unmapped;
    return out;
  }
  out.status = lookup_status::mapped;
  out.role = code_role::condition;
  return out;
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_CODES_HPP
