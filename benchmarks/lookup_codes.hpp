#ifndef GLN_BENCHMARKS_LOOKUP_CODES_HPP
#define GLN_BENCHMARKS_LOOKUP_CODES_HPP

// The codes each look-up benchmark cycles through, shared by the Google Benchmark suite and
// the instruction-count driver: listed codes, unlisted ones and malformed ones, in the
// spellings records use, as a record mixes them. Each list's size is a power of two, so the
// index is a mask.
#include <array>
#include <cstddef>
#include <string_view>
#include <unordered_map>

#include <gln/gln.hpp>

namespace gln_bench {

template <std::size_t N>
using code_list = std::array<std::string_view, N>;

// ICD-10-CM: mapped codes from several chapters (a range, a prefix, an exact category, a T code
// with seventh character A, a puerperium code), unmapped codes (a real diagnosis, an exclusion,
// a seventh character D) and malformed text; dotted, undotted, lower case, padded.
inline constexpr code_list<16> icd10_codes{
    "K76.82", "k7460",    " C50.911 ", "N18.6",   "K72",   "R65.21",   "O03.32", "O90.49",
    "D57.00", "T81.44XA", "O88.011",   "J45.909", "D57.3", "T81.44XD", "E11.9",  "K76..82"};

inline constexpr code_list<8> snomed_codes{"76571007", "72892002",  "129721000119106", "16402000",
                                           "40095003", "195662009", "13920008",        "K76.82"};
inline constexpr code_list<8> rxnorm_codes{"2598",   "114477", "1869684", "6218",
                                           "204892", "313782", "0123",    "123456789"};
inline constexpr code_list<8> atc_codes{"N03AX14", "L01XX05", "A16AA03", "n03ax14",
                                        "L04AX03", "A06AD",   "N05BA01", "N03AX1"};
inline constexpr code_list<8> ndc_codes{"42457-420",    "42457-0420-01", "42457042001",
                                        "42457-420-60", "31722-483",     "0121-4577-01",
                                        "4245704201",   "42457-420-001"};
inline constexpr code_list<8> loinc_codes{"29463-7",   "3141-9", "82810-3", "LA15173-0",
                                          "la26683-5", "8302-2", "29463-8", "29463"};
inline constexpr code_list<4> ucum_codes{"kg", "[lb_av]", "g", "mg"};

// The reference a look-up is set beside: std::unordered_map from the code as written to
// gln's answer for it, filled in at set-up. A look-up in it hashes and compares the text and
// nothing else (no parsing, no normalisation, no search): the floor of any table keyed by
// text.
template <std::size_t N, class Lookup>
std::unordered_map<std::string_view, gln::code_match> answers_of(const code_list<N>& codes,
                                                                 Lookup lookup) {
  std::unordered_map<std::string_view, gln::code_match> answers;
  for (std::string_view code : codes) answers.emplace(code, lookup(code));
  return answers;
}

}  // namespace gln_bench

#endif  // GLN_BENCHMARKS_LOOKUP_CODES_HPP
