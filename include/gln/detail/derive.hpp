#ifndef GLN_DETAIL_DERIVE_HPP
#define GLN_DETAIL_DERIVE_HPP

// How gln's look-up tables derive from its knowledge tables. The headers hold each derived
// table written out as literals, so that no translation unit that includes gln evaluates these
// loops (144 million compiler instructions with g++); this header is included only by
// gln's own build: tests/table_invariants.cpp asserts that every written-out table equals its
// derivation, and tools/derive-tables prints them for scripts/derive-tables.sh to write in
// after an edit of a knowledge table.
#include <array>
#include <cstddef>
#include <cstdint>

#include "../gln.hpp"

GLN_BEGIN_NAMESPACE
namespace detail::derive {

// ---- Screening (rules/screen.hpp) ----

// Fires on a condition or medication alone, whatever the purpose.
constexpr bool is_plain(const data::screening_trigger& t) noexcept {
  return t.purposes.empty() && t.extra == trigger_extra::none;
}

// Fires on the purpose alone (no condition, medication or extra).
constexpr bool is_purpose_only(const data::screening_trigger& t) noexcept {
  return !t.purposes.empty() && t.extra == trigger_extra::none && t.conditions.empty() &&
         t.medications.empty();
}

// Fires on a fact alone, for any purpose or some (caution.minor, input.conditions_unknown...).
constexpr bool is_fact_only(const data::screening_trigger& t) noexcept {
  return is_fact(t.extra) && t.conditions.empty() && t.medications.empty();
}

// Any other trigger: a purpose with a condition or medication, an absent medication, or a fact
// with a condition or medication. Few, so screening checks them one by one.
constexpr bool is_compound(const data::screening_trigger& t) noexcept {
  return !is_plain(t) && !is_purpose_only(t) && !is_fact_only(t);
}

constexpr bool applies_to(const data::screening_trigger& t, gln::purpose p) noexcept {
  return t.purposes.empty() || t.purposes.contains(p);
}

template <class E, class Pick>
constexpr std::array<rule_mask, enum_count<E>> plain_rules_by(Pick pick) noexcept {
  std::array<rule_mask, enum_count<E>> masks{};
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (!is_plain(t)) continue;
    for (E member : pick(t)) masks[index_of(member)] |= bit_of(t.id);
  }
  return masks;
}

constexpr std::array<rule_mask, enum_count<gln::condition>> rules_by_condition() noexcept {
  return plain_rules_by<gln::condition>(
      [](const data::screening_trigger& t) constexpr noexcept { return t.conditions; });
}

constexpr std::array<rule_mask, enum_count<gln::medication>> rules_by_medication() noexcept {
  return plain_rules_by<gln::medication>(
      [](const data::screening_trigger& t) constexpr noexcept { return t.medications; });
}

// Entry [k][n]: the rules of the members 4k to 4k+3 whose bits are set in n (none for a bit
// past the last member).
template <std::size_t N>
constexpr std::array<std::array<rule_mask, 16>, (N + 3) / 4> by_nibble(
    const std::array<rule_mask, N>& rules_by_member) noexcept {
  std::array<std::array<rule_mask, 16>, (N + 3) / 4> out{};
  for (std::size_t k = 0; k < out.size(); ++k) {
    for (std::size_t n = 0; n < 16; ++n) {
      for (std::size_t b = 0; b < 4; ++b) {
        if (((n >> b) & 1U) != 0 && 4 * k + b < N) out[k][n] |= rules_by_member[4 * k + b];
      }
    }
  }
  return out;
}

constexpr auto condition_rules_by_nibble() noexcept { return by_nibble(rules_by_condition()); }
constexpr auto medication_rules_by_nibble() noexcept { return by_nibble(rules_by_medication()); }

constexpr std::array<rule_mask, enum_count<trigger_extra>> rules_by_fact() noexcept {
  std::array<rule_mask, enum_count<trigger_extra>> out{};
  for (const data::screening_trigger& t : data::screening_triggers) {
    if (is_fact_only(t)) out[index_of(t.extra)] |= bit_of(t.id);
  }
  return out;
}

constexpr auto fact_rules_by_nibble() noexcept { return by_nibble(rules_by_fact()); }

constexpr std::size_t compound_trigger_count() noexcept {
  std::size_t count = 0;
  for (const data::screening_trigger& t : data::screening_triggers) {
    count += is_compound(t) ? 1U : 0U;
  }
  return count;
}

// Rows of data::screening_triggers, in table order.
constexpr std::array<std::uint8_t, compound_trigger_count()> compound_trigger_rows() noexcept {
  std::array<std::uint8_t, compound_trigger_count()> out{};
  std::size_t next = 0;
  for (std::size_t row = 0; row < data::screening_triggers.size(); ++row) {
    if (is_compound(data::screening_triggers[row])) out[next++] = static_cast<std::uint8_t>(row);
  }
  return out;
}

constexpr std::array<purpose_screen, enum_count<gln::purpose> + 1> screen_by_purpose() noexcept {
  constexpr auto compound = compound_trigger_rows();
  std::array<purpose_screen, enum_count<gln::purpose> + 1> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto p = static_cast<gln::purpose>(i);
    for (const data::screening_trigger& t : data::screening_triggers) {
      if (is_purpose_only(t) && t.purposes.contains(p)) out[i].fires |= bit_of(t.id);
      if (is_fact_only(t) && applies_to(t, p)) out[i].fact_rules |= bit_of(t.id);
    }
    for (std::size_t j = 0; j < compound.size(); ++j) {
      if (applies_to(data::screening_triggers[compound[j]], p)) {
        out[i].checks |= std::uint32_t{1} << j;
      }
    }
  }
  return out;
}

// ---- Levels (rules/findings.hpp, rules/dose.hpp) ----

constexpr std::array<std::array<rule_mask, enum_count<verdict>>, 2> rules_by_level() noexcept {
  std::array<std::array<rule_mask, enum_count<verdict>>, 2> out{};
  for (const rule_info& info : data::rules) {
    out[0][index_of(info.level)] |= bit_of(info.id);
    out[1][index_of(info.supervised_level)] |= bit_of(info.id);
  }
  return out;
}

constexpr rule_mask self_directed_only_rules() noexcept {
  rule_mask out = 0;
  for (const rule_info& info : data::rules) {
    if (info.self_directed_only) out |= bit_of(info.id);
  }
  return out;
}

// ---- Codes (rules/codes.hpp, data/terminology.hpp) ----

constexpr std::array<unsigned char, 256> code_characters() noexcept {
  std::array<unsigned char, 256> out{};
  for (unsigned char ch = '0'; ch <= '9'; ++ch) out[ch] = ch;
  for (unsigned char ch = 'A'; ch <= 'Z'; ++ch) {
    out[ch] = ch;
    out[static_cast<unsigned char>(ch - 'A' + 'a')] = ch;
  }
  return out;
}

constexpr std::array<keyed_entry, data::icd10_codes.size()> icd10_keyed_codes() noexcept {
  std::array<keyed_entry, data::icd10_codes.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const icd10_entry& entry = data::icd10_codes[i];
    out[i] = {key_of(entry.code), static_cast<std::uint8_t>(entry.code.size()), entry.condition,
              entry.match};
  }
  return out;
}

constexpr std::array<keyed_range, data::icd10_ranges.size()> icd10_keyed_ranges() noexcept {
  std::array<keyed_range, data::icd10_ranges.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const icd10_range& range = data::icd10_ranges[i];
    out[i] = {key_of(range.first), key_of(range.last), range.condition, range.not_puerperal};
  }
  return out;
}

constexpr std::array<std::uint8_t, 27> rxnorm_names_by_letter() noexcept {
  std::array<std::uint8_t, 27> first{};
  std::size_t i = 0;
  for (std::size_t letter = 0; letter < first.size(); ++letter) {
    while (i < data::rxnorm_names.size() &&
           static_cast<std::size_t>(data::rxnorm_names[i].name[0] - 'a') < letter) {
      ++i;
    }
    first[letter] = static_cast<std::uint8_t>(i);
  }
  return first;
}

constexpr std::array<std::uint64_t, data::atc_codes.size()> atc_keys() noexcept {
  std::array<std::uint64_t, data::atc_codes.size()> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = data::atc_key(data::atc_codes[i].code);
  return keys;
}

constexpr std::array<std::uint64_t, data::loinc_codes.size()> loinc_keys() noexcept {
  std::array<std::uint64_t, data::loinc_codes.size()> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) {
    keys[i] = data::loinc_key(data::loinc_codes[i].code);
  }
  return keys;
}

// ---- Comparing a written-out table with its derivation (std::array's == is constexpr only
// from C++20) ----

constexpr bool same(std::uint64_t a, std::uint64_t b) noexcept { return a == b; }
constexpr bool same(const purpose_screen& a, const purpose_screen& b) noexcept {
  return a.fires == b.fires && a.fact_rules == b.fact_rules && a.checks == b.checks;
}
constexpr bool same(const keyed_entry& a, const keyed_entry& b) noexcept {
  return a.key == b.key && a.size == b.size && a.condition == b.condition && a.match == b.match;
}
constexpr bool same(const keyed_range& a, const keyed_range& b) noexcept {
  return a.first == b.first && a.last == b.last && a.condition == b.condition &&
         a.not_puerperal == b.not_puerperal;
}
template <class T, std::size_t N, std::size_t M>
constexpr bool same(const std::array<T, N>& a, const std::array<T, M>& b) noexcept {
  if (N != M) return false;
  for (std::size_t i = 0; i < N; ++i) {
    if (!same(a[i], b[i])) return false;
  }
  return true;
}
// A table of bytes written as a string literal: its 256 bytes, then the literal's terminator.
constexpr bool same(const char (&a)[257], const std::array<unsigned char, 256>& b) noexcept {
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (static_cast<unsigned char>(a[i]) != b[i]) return false;
  }
  return a[256] == '\0';
}
template <class T, class U, std::size_t N, std::size_t M>
constexpr bool same(const T (&a)[N], const std::array<U, M>& b) noexcept {
  if (N != M) return false;
  for (std::size_t i = 0; i < N; ++i) {
    if (!same(a[i], b[i])) return false;
  }
  return true;
}

}  // namespace detail::derive
GLN_END_NAMESPACE

#endif  // GLN_DETAIL_DERIVE_HPP
