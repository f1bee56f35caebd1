// condition_from_icd10 and conditions_from_icd10 on any text: the answer does not depend on
// case, the dot or surrounding white space (knowledge.md §2), malformed text maps to nothing,
// and a few categories map as the table of §2 says.
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

// The code as §2 reads it: a letter, a digit, then letters or digits, with an optional dot
// after the third character; upper case, dot removed. Empty when the text is not such a code.
std::string normalized(std::string_view text) {
  text = trim(text);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '.' && i == 3 && i + 1 < text.size()) continue;
    if (!(is_letter(ch) || is_digit(ch))) return {};
    out.push_back(upper(ch));
  }
  if (out.size() < 3 || out.size() > 7 || !is_letter(out[0]) || !is_digit(out[1])) return {};
  return out;
}

void check_same(const condition_set& expected, std::string_view variant) noexcept {
  GLN_FUZZ_CHECK(gln::conditions_from_icd10(variant) == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gln_fuzz::reader in{data, size};
  const std::string_view text = in.rest();

  const condition_set found = gln::conditions_from_icd10(text);
  const auto first = gln::condition_from_icd10(text);
  GLN_FUZZ_CHECK(!found.has_out_of_range());
  GLN_FUZZ_CHECK(first.has_value() == !found.empty());
  if (first) GLN_FUZZ_CHECK(*first == *found.begin());
  GLN_FUZZ_CHECK(found.size() <= 2);  // R65.21 is the one code with two conditions

  const std::string code = normalized(text);
  if (code.empty()) {
    GLN_FUZZ_CHECK(found.empty());
    return 0;
  }

  // Case, the dot and white space do not change the answer.
  std::string lower{text};
  for (char& ch : lower) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
  check_same(found, lower);
  check_same(found, code);
  check_same(found, " \t" + std::string{text} + "\r\n");
  if (code.size() > 3) check_same(found, code.substr(0, 3) + "." + code.substr(3));

  // Spot checks against the §2 table.
  const std::string_view c{code};
  const std::string_view category = c.substr(0, 3);
  if (c.substr(0, 4) == "D573") GLN_FUZZ_CHECK(found.empty());  // trait, not disease
  if (c.substr(0, 5) == "R6521") {
    GLN_FUZZ_CHECK(found == (condition_set{condition::multiorgan_failure, condition::shock}));
  }
  if (c.substr(0, 5) == "K7682")
    GLN_FUZZ_CHECK(found == condition_set{condition::hepatic_encephalopathy});
  if (category >= "C00" && category <= "C96") {
    GLN_FUZZ_CHECK(found == condition_set{condition::cancer});
  }
  if (category >= "O00" && category <= "O9A") {
    GLN_FUZZ_CHECK(found == condition_set{condition::pregnancy});
  }
  if (category == "G40") GLN_FUZZ_CHECK(found == condition_set{condition::seizure_disorder});
  if (category >= "K70" && category <= "K77") {
    // One of the liver conditions, the most specific match.
    GLN_FUZZ_CHECK(found.size() == 1);
    GLN_FUZZ_CHECK(found.intersects(condition_set{condition::hepatic_encephalopathy,
                                                  condition::hepatic_failure, condition::cirrhosis,
                                                  condition::liver_disease}));
  }
  // Codes outside every listed category map to nothing.
  const bool listed_letter = c[0] == 'K' || c[0] == 'N' || c[0] == 'Z' || c[0] == 'R' ||
                             c[0] == 'G' || c[0] == 'C' || c[0] == 'O' || c[0] == 'F' ||
                             c[0] == 'D';
  if (!listed_letter) GLN_FUZZ_CHECK(found.empty());
  return 0;
}
