// icd10_lookup, conditions_from_icd10 and condition_from_icd10 on any text: malformed exactly
// when the text is not of the ICD-10-CM shape, the answer does not depend on case, the dot or
// surrounding white space (knowledge.md §2), at most three conditions, the single look-up the
// worst of them, and a few categories map as the table of §2 says.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

using gln::condition;
using gln::condition_set;

bool is_space(char ch) noexcept {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}
bool is_digit(char ch) noexcept { return ch >= '0' && ch <= '9'; }
bool is_letter(char ch) noexcept { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'); }
char upper(char ch) noexcept {
  return ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 'a' + 'A') : ch;
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// The code as §2 reads it: a letter, then letters or digits, with an optional dot after the
// third character; upper case, dot removed. Empty when the text is not such a code.
std::string normalized(std::string_view text) {
  text = trim(text);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '.' && i == 3 && i + 1 < text.size()) continue;
    if (!(is_letter(ch) || is_digit(ch))) return {};
    out.push_back(upper(ch));
  }
  if (out.size() < 3 || out.size() > 7 || !is_letter(out[0])) return {};
  return out;
}

bool same(const gln::code_match& a, const gln::code_match& b) noexcept {
  return a.status == b.status && a.role == b.role && a.conditions == b.conditions &&
         a.medications == b.medications && a.glutamine == b.glutamine;
}

bool starts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.substr(0, prefix.size()) == prefix;
}

// A first letter that some entry or range of the table starts with.
bool letter_in_table(char letter) noexcept {
  for (const gln::icd10_entry& entry : gln::data::icd10_codes) {
    if (entry.code[0] == letter) return true;
  }
  for (const gln::icd10_range& range : gln::data::icd10_ranges) {
    if (range.first[0] <= letter && letter <= range.last[0]) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gln_fuzz::reader in{data, size};
  const std::string_view text = in.rest();

  const gln::code_match answer = gln::icd10_lookup(text);
  const condition_set found = answer.conditions;
  const auto worst = gln::condition_from_icd10(text);
  GLN_FUZZ_CHECK(gln::conditions_from_icd10(text) == found);
  GLN_FUZZ_CHECK(!found.has_out_of_range());
  GLN_FUZZ_CHECK(found.size() <= 3);  // R65.21: multiorgan failure, shock and sepsis
  GLN_FUZZ_CHECK(answer.mapped() == !found.empty());
  GLN_FUZZ_CHECK(answer.role == (found.empty() ? gln::code_role::none : gln::code_role::condition));
  GLN_FUZZ_CHECK(answer.medications.empty() && !answer.glutamine && answer.verified);
  GLN_FUZZ_CHECK(worst.has_value() == !found.empty());
  if (worst) {
    // The worst condition, ties to the first.
    GLN_FUZZ_CHECK(found.contains(*worst));
    const gln::verdict level = gln::self_directed_verdict_of(condition_set{*worst});
    for (condition other : found) {
      const gln::verdict v = gln::self_directed_verdict_of(condition_set{other});
      GLN_FUZZ_CHECK(v <= level);
      if (gln::index_of(other) < gln::index_of(*worst)) GLN_FUZZ_CHECK(v < level);
    }
  }

  const std::string code = normalized(text);
  GLN_FUZZ_CHECK((answer.status == gln::lookup_status::malformed) == code.empty());
  if (code.empty()) return 0;

  // Case, the dot and white space do not change the answer.
  std::string lower{text};
  for (char& ch : lower) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  GLN_FUZZ_CHECK(same(gln::icd10_lookup(lower), answer));
  GLN_FUZZ_CHECK(same(gln::icd10_lookup(code), answer));
  GLN_FUZZ_CHECK(same(gln::icd10_lookup(" \t" + std::string{text} + "\r\n"), answer));
  if (code.size() > 3) {
    GLN_FUZZ_CHECK(same(gln::icd10_lookup(code.substr(0, 3) + "." + code.substr(3)), answer));
  }

  // Spot checks against the §2 table.
  const std::string_view c{code};
  const std::string_view category = c.substr(0, 3);
  if (starts_with(c, "D573")) GLN_FUZZ_CHECK(found.empty());  // trait, not disease
  if (starts_with(c, "R6521")) {
    GLN_FUZZ_CHECK(found == (condition_set{condition::multiorgan_failure, condition::shock,
                                           condition::sepsis}));
  }
  if (starts_with(c, "K7682")) {
    GLN_FUZZ_CHECK(found == condition_set{condition::hepatic_encephalopathy});
  }
  if (category >= "C00" && category <= "C96") {
    GLN_FUZZ_CHECK(found == condition_set{condition::cancer});
  }
  if (category >= "O00" && category <= "O9A") {
    // Pregnancy, but for the puerperium O85-O94 less its "in pregnancy" codes.
    const bool puerperium = category >= "O85" && category <= "O94";
    bool in_pregnancy = false;
    for (const std::string_view prefix : {"O8801", "O8811", "O8821", "O8831", "O8881", "O9101",
                                          "O9111", "O9121", "O9201", "O9211", "O922"}) {
      in_pregnancy = in_pregnancy || starts_with(c, prefix);
    }
    GLN_FUZZ_CHECK(found.contains(condition::pregnancy) == (!puerperium || in_pregnancy));
  }
  if (category == "G40") GLN_FUZZ_CHECK(found == condition_set{condition::seizure_disorder});
  if (category >= "K70" && category <= "K77") {
    // A liver condition, and never the broad one beside a specific one.
    const condition_set specific{condition::hepatic_encephalopathy, condition::hepatic_failure,
                                 condition::cirrhosis};
    GLN_FUZZ_CHECK(found.intersects(specific) || found.contains(condition::liver_disease));
    GLN_FUZZ_CHECK(!(found.intersects(specific) && found.contains(condition::liver_disease)));
  }
  if (found.contains(condition::severe_kidney_disease)) {
    GLN_FUZZ_CHECK(!found.contains(condition::kidney_disease));
  }
  // A T code that takes a seventh character maps only with A, or none. T86 (complications of
  // transplanted organs) takes none: a longer code under T86.12 still reads as its failure.
  if (c[0] == 'T' && c.size() == 7 && c[6] != 'A' && category != "T86") {
    GLN_FUZZ_CHECK(found.empty());
  }
  // Codes under a letter the table does not use map to nothing.
  if (!letter_in_table(c[0])) GLN_FUZZ_CHECK(found.empty());
  return 0;
}
