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
// Derived by detail/derive.hpp and written out by scripts/derive-tables.sh, as one string
// literal: an array of 256 numbers would cost every includer 6 million compiler instructions.
inline constexpr char code_characters[] =
    // derived code_characters
    // clang-format off
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0x00
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0x10
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0x20
    "0123456789\000\000\000\000\000\000"  // bytes from 0x30
    "\000ABCDEFGHIJKLMNO"  // bytes from 0x40
    "PQRSTUVWXYZ\000\000\000\000\000"  // bytes from 0x50
    "\000ABCDEFGHIJKLMNO"  // bytes from 0x60
    "PQRSTUVWXYZ\000\000\000\000\000"  // bytes from 0x70
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0x80
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0x90
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0xa0
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0xb0
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0xc0
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0xd0
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0xe0
    "\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000"  // bytes from 0xf0
    // clang-format on
    // end of derived code_characters
    ;

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
    const auto ch =
        static_cast<unsigned char>(code_characters[static_cast<unsigned char>(text[i])]);
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

// Derived by detail/derive.hpp and written out by scripts/derive-tables.sh, so that no
// includer evaluates the keys (about 55 million compiler instructions with g++).
inline constexpr std::array<keyed_entry, data::icd10_codes.size()> icd10_keyed_codes{{
    // derived icd10_keyed_codes
    // clang-format off
    {0x4130323100000000, 4, gln::condition::sepsis, icd10_match::prefix},  // A021
    {0x4132323700000000, 4, gln::condition::sepsis, icd10_match::prefix},  // A227
    {0x4132363700000000, 4, gln::condition::sepsis, icd10_match::prefix},  // A267
    {0x4133323700000000, 4, gln::condition::sepsis, icd10_match::prefix},  // A327
    {0x4134300000000000, 3, gln::condition::sepsis, icd10_match::prefix},  // A40
    {0x4134310000000000, 3, gln::condition::sepsis, icd10_match::prefix},  // A41
    {0x4134323700000000, 4, gln::condition::sepsis, icd10_match::prefix},  // A427
    {0x4134383300000000, 4, gln::condition::shock, icd10_match::prefix},  // A483
    {0x4135343836000000, 5, gln::condition::sepsis, icd10_match::prefix},  // A5486
    {0x4231353000000000, 4, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B150
    {0x4231363000000000, 4, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B160
    {0x4231363200000000, 4, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B162
    {0x4231373131000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B1711
    {0x4231380000000000, 3, gln::condition::liver_disease, icd10_match::prefix},  // B18
    {0x4231393000000000, 4, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B190
    {0x4231393131000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B1911
    {0x4231393231000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // B1921
    {0x4233373700000000, 4, gln::condition::sepsis, icd10_match::prefix},  // B377
    {0x4435373000000000, 4, gln::condition::sickle_cell_disease, icd10_match::prefix},  // D570
    {0x4435373100000000, 4, gln::condition::sickle_cell_disease, icd10_match::prefix},  // D571
    {0x4435373200000000, 4, gln::condition::sickle_cell_disease, icd10_match::prefix},  // D572
    {0x4435373400000000, 4, gln::condition::sickle_cell_disease, icd10_match::prefix},  // D574
    {0x4435373800000000, 4, gln::condition::sickle_cell_disease, icd10_match::prefix},  // D578
    {0x4530383232000000, 5, gln::condition::kidney_disease, icd10_match::prefix},  // E0822
    {0x4530393232000000, 5, gln::condition::kidney_disease, icd10_match::prefix},  // E0922
    {0x4531303232000000, 5, gln::condition::kidney_disease, icd10_match::prefix},  // E1022
    {0x4531313232000000, 5, gln::condition::kidney_disease, icd10_match::prefix},  // E1122
    {0x4531333232000000, 5, gln::condition::kidney_disease, icd10_match::prefix},  // E1322
    {0x4538373230000000, 5, gln::condition::metabolic_acidosis, icd10_match::prefix},  // E8720
    {0x4538373231000000, 5, gln::condition::metabolic_acidosis, icd10_match::prefix},  // E8721
    {0x4538373232000000, 5, gln::condition::metabolic_acidosis, icd10_match::prefix},  // E8722
    {0x4633300000000000, 3, gln::condition::bipolar_disorder, icd10_match::prefix},  // F30
    {0x4633310000000000, 3, gln::condition::bipolar_disorder, icd10_match::prefix},  // F31
    {0x4734300000000000, 3, gln::condition::seizure_disorder, icd10_match::prefix},  // G40
    {0x4739333700000000, 4, gln::condition::reyes_syndrome, icd10_match::prefix},  // G937
    {0x4931320000000000, 3, gln::condition::kidney_disease, icd10_match::exact},  // I12
    {0x4931323000000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // I120
    {0x4931323900000000, 4, gln::condition::kidney_disease, icd10_match::prefix},  // I129
    {0x4931330000000000, 3, gln::condition::kidney_disease, icd10_match::exact},  // I13
    {0x4931333000000000, 4, gln::condition::kidney_disease, icd10_match::prefix},  // I130
    {0x4931333100000000, 4, gln::condition::kidney_disease, icd10_match::exact},  // I131
    {0x4931333130000000, 5, gln::condition::kidney_disease, icd10_match::prefix},  // I1310
    {0x4931333131000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // I1311
    {0x4931333200000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // I132
    {0x4b31323300000000, 4, gln::condition::oral_mucositis, icd10_match::prefix},  // K123
    {0x4b37303300000000, 4, gln::condition::cirrhosis, icd10_match::prefix},  // K703
    {0x4b37303400000000, 4, gln::condition::hepatic_failure, icd10_match::exact},  // K704
    {0x4b37303430000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7040
    {0x4b37303431000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // K7041
    {0x4b37303431000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7041
    {0x4b37313100000000, 4, gln::condition::hepatic_failure, icd10_match::exact},  // K711
    {0x4b37313130000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7110
    {0x4b37313131000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // K7111
    {0x4b37313131000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7111
    {0x4b37313700000000, 4, gln::condition::cirrhosis, icd10_match::prefix},  // K717
    {0x4b37320000000000, 3, gln::condition::hepatic_failure, icd10_match::exact},  // K72
    {0x4b37323000000000, 4, gln::condition::hepatic_failure, icd10_match::exact},  // K720
    {0x4b37323030000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7200
    {0x4b37323031000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // K7201
    {0x4b37323031000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7201
    {0x4b37323100000000, 4, gln::condition::hepatic_failure, icd10_match::exact},  // K721
    {0x4b37323130000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7210
    {0x4b37323131000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // K7211
    {0x4b37323131000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7211
    {0x4b37323900000000, 4, gln::condition::hepatic_failure, icd10_match::exact},  // K729
    {0x4b37323930000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7290
    {0x4b37323931000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // K7291
    {0x4b37323931000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K7291
    {0x4b37343300000000, 4, gln::condition::cirrhosis, icd10_match::prefix},  // K743
    {0x4b37343400000000, 4, gln::condition::cirrhosis, icd10_match::prefix},  // K744
    {0x4b37343500000000, 4, gln::condition::cirrhosis, icd10_match::prefix},  // K745
    {0x4b37343600000000, 4, gln::condition::cirrhosis, icd10_match::prefix},  // K746
    {0x4b37363700000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // K767
    {0x4b37363832000000, 5, gln::condition::hepatic_encephalopathy, icd10_match::prefix},  // K7682
    {0x4b39303832000000, 5, gln::condition::short_bowel_syndrome, icd10_match::prefix},  // K9082
    {0x4b39313832000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // K9182
    {0x4b39313833000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // K9183
    {0x4e31370000000000, 3, gln::condition::severe_kidney_disease, icd10_match::prefix},  // N17
    {0x4e31380000000000, 3, gln::condition::kidney_disease, icd10_match::exact},  // N18
    {0x4e31383100000000, 4, gln::condition::kidney_disease, icd10_match::prefix},  // N181
    {0x4e31383200000000, 4, gln::condition::kidney_disease, icd10_match::prefix},  // N182
    {0x4e31383300000000, 4, gln::condition::kidney_disease, icd10_match::prefix},  // N183
    {0x4e31383400000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // N184
    {0x4e31383500000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // N185
    {0x4e31383600000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // N186
    {0x4e31383900000000, 4, gln::condition::kidney_disease, icd10_match::prefix},  // N189
    {0x4e31390000000000, 3, gln::condition::severe_kidney_disease, icd10_match::prefix},  // N19
    {0x4e39393000000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // N990
    {0x4f30333331000000, 5, gln::condition::shock, icd10_match::prefix},  // O0331
    {0x4f30333332000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // O0332
    {0x4f30333337000000, 5, gln::condition::sepsis, icd10_match::prefix},  // O0337
    {0x4f30333831000000, 5, gln::condition::shock, icd10_match::prefix},  // O0381
    {0x4f30333832000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // O0382
    {0x4f30333837000000, 5, gln::condition::sepsis, icd10_match::prefix},  // O0387
    {0x4f30343831000000, 5, gln::condition::shock, icd10_match::prefix},  // O0481
    {0x4f30343832000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // O0482
    {0x4f30343837000000, 5, gln::condition::sepsis, icd10_match::prefix},  // O0487
    {0x4f30373331000000, 5, gln::condition::shock, icd10_match::prefix},  // O0731
    {0x4f30373332000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // O0732
    {0x4f30373337000000, 5, gln::condition::sepsis, icd10_match::prefix},  // O0737
    {0x4f30383300000000, 4, gln::condition::shock, icd10_match::prefix},  // O083
    {0x4f30383400000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // O084
    {0x4f30383832000000, 5, gln::condition::sepsis, icd10_match::prefix},  // O0882
    {0x4f37353100000000, 4, gln::condition::shock, icd10_match::prefix},  // O751
    {0x4f38350000000000, 3, gln::condition::sepsis, icd10_match::prefix},  // O85
    {0x4f38363034000000, 5, gln::condition::sepsis, icd10_match::prefix},  // O8604
    {0x4f38383031000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O8801
    {0x4f38383131000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O8811
    {0x4f38383231000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O8821
    {0x4f38383331000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O8831
    {0x4f38383831000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O8881
    {0x4f39303400000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // O904
    {0x4f39313031000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O9101
    {0x4f39313033000000, 5, gln::condition::breastfeeding, icd10_match::prefix},  // O9103
    {0x4f39313131000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O9111
    {0x4f39313133000000, 5, gln::condition::breastfeeding, icd10_match::prefix},  // O9113
    {0x4f39313231000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O9121
    {0x4f39313233000000, 5, gln::condition::breastfeeding, icd10_match::prefix},  // O9123
    {0x4f39323031000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O9201
    {0x4f39323033000000, 5, gln::condition::breastfeeding, icd10_match::prefix},  // O9203
    {0x4f39323131000000, 5, gln::condition::pregnancy, icd10_match::prefix},  // O9211
    {0x4f39323133000000, 5, gln::condition::breastfeeding, icd10_match::prefix},  // O9213
    {0x4f39323200000000, 4, gln::condition::pregnancy, icd10_match::prefix},  // O922
    {0x4f39323700000000, 4, gln::condition::breastfeeding, icd10_match::prefix},  // O927
    {0x5033360000000000, 3, gln::condition::sepsis, icd10_match::prefix},  // P36
    {0x5037383831000000, 5, gln::condition::cirrhosis, icd10_match::prefix},  // P7881
    {0x5039363000000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // P960
    {0x5235363100000000, 4, gln::condition::seizure_disorder, icd10_match::prefix},  // R561
    {0x5235363900000000, 4, gln::condition::seizure_disorder, icd10_match::prefix},  // R569
    {0x5235370000000000, 3, gln::condition::shock, icd10_match::prefix},  // R57
    {0x5236353131000000, 5, gln::condition::multiorgan_failure, icd10_match::prefix},  // R6511
    {0x5236353200000000, 4, gln::condition::multiorgan_failure, icd10_match::exact},  // R652
    {0x5236353200000000, 4, gln::condition::sepsis, icd10_match::exact},  // R652
    {0x5236353230000000, 5, gln::condition::multiorgan_failure, icd10_match::prefix},  // R6520
    {0x5236353230000000, 5, gln::condition::sepsis, icd10_match::prefix},  // R6520
    {0x5236353231000000, 5, gln::condition::multiorgan_failure, icd10_match::prefix},  // R6521
    {0x5236353231000000, 5, gln::condition::sepsis, icd10_match::prefix},  // R6521
    {0x5236353231000000, 5, gln::condition::shock, icd10_match::prefix},  // R6521
    {0x5437383200000000, 4, gln::condition::shock, icd10_match::initial_encounter},  // T782
    {0x5437393400000000, 4, gln::condition::shock, icd10_match::initial_encounter},  // T794
    {0x5438313100000000, 4, gln::condition::shock, icd10_match::initial_encounter},  // T811
    {0x5438313434000000, 5, gln::condition::sepsis, icd10_match::initial_encounter},  // T8144
    {0x5438363132000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // T8612
    {0x5438363432000000, 5, gln::condition::hepatic_failure, icd10_match::prefix},  // T8642
    {0x5438383200000000, 4, gln::condition::shock, icd10_match::initial_encounter},  // T882
    {0x5a33333100000000, 4, gln::condition::pregnancy, icd10_match::prefix},  // Z331
    {0x5a33333300000000, 4, gln::condition::pregnancy, icd10_match::prefix},  // Z333
    {0x5a33340000000000, 3, gln::condition::pregnancy, icd10_match::prefix},  // Z34
    {0x5a33360000000000, 3, gln::condition::pregnancy, icd10_match::prefix},  // Z36
    {0x5a33393100000000, 4, gln::condition::breastfeeding, icd10_match::prefix},  // Z391
    {0x5a33410000000000, 3, gln::condition::pregnancy, icd10_match::prefix},  // Z3A
    {0x5a34390000000000, 3, gln::condition::severe_kidney_disease, icd10_match::prefix},  // Z49
    {0x5a35313000000000, 4, gln::condition::cancer_treatment, icd10_match::prefix},  // Z510
    {0x5a35313100000000, 4, gln::condition::cancer_treatment, icd10_match::exact},  // Z511
    {0x5a35313131000000, 5, gln::condition::cancer_treatment, icd10_match::prefix},  // Z5111
    {0x5a35313132000000, 5, gln::condition::cancer_treatment, icd10_match::prefix},  // Z5112
    {0x5a37393633000000, 5, gln::condition::cancer_treatment, icd10_match::prefix},  // Z7963
    {0x5a39313135000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // Z9115
    {0x5a39314135000000, 5, gln::condition::severe_kidney_disease, icd10_match::prefix},  // Z91A5
    {0x5a39393200000000, 4, gln::condition::severe_kidney_disease, icd10_match::prefix},  // Z992
    // clang-format on
    // end of derived icd10_keyed_codes
}};

inline constexpr std::array<keyed_range, data::icd10_ranges.size()> icd10_keyed_ranges{{
    // derived icd10_keyed_ranges
    // clang-format off
    {0x4330300000000000, 0x4339360000000000, gln::condition::cancer, false},  // C00-C96
    {0x4b37300000000000, 0x4b37370000000000, gln::condition::liver_disease, false},  // K70-K77
    {0x4f30300000000000, 0x4f39410000000000, gln::condition::pregnancy, false},  // O00-O9A
    {0x4f38350000000000, 0x4f39340000000000, gln::condition::pregnancy, true},  // O85-O94
    // clang-format on
    // end of derived icd10_keyed_ranges
}};

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
  const bool none = out.conditions.empty();
  detail::assign(out.status, none ? lookup_status::unmapped : lookup_status::mapped);
  detail::assign(out.role, none ? code_role::none : code_role::condition);
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
    if (!worst || index_of(v) > index_of(worst_verdict)) {
      worst = c;
      detail::assign(worst_verdict, v);
    }
  }
  return worst;
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_CODES_HPP
