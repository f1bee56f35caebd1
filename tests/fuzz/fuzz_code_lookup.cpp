// code_lookup on any text of any system (knowledge.md §2b): the answer is one of the four
// statuses and carries only what its status allows; white space around a code, the case of
// ATC and LOINC letters and the URI spelling of the system do not change it; the readings of
// displays, medication texts and weight units never fail.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

using gln::code_match;
using gln::code_role;
using gln::code_system;
using gln::lookup_status;

bool same(const code_match& a, const code_match& b) noexcept {
  return a.status == b.status && a.role == b.role && a.conditions == b.conditions &&
         a.medications == b.medications && a.glutamine == b.glutamine && a.verified == b.verified &&
         a.kilograms_per_unit == b.kilograms_per_unit;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gln_fuzz::reader in{data, size};
  const auto system =
      static_cast<code_system>(in.byte() % (gln::enum_count<code_system> + 1));  // + one not held
  const std::string_view text = in.rest();

  const code_match match = gln::code_lookup(system, text);
  GLN_FUZZ_CHECK(gln::is_valid(match.status));
  GLN_FUZZ_CHECK(!match.conditions.has_out_of_range() && !match.medications.has_out_of_range());
  GLN_FUZZ_CHECK((match.status == lookup_status::system_not_held) == !gln::is_valid(system));
  if (!match.mapped()) {
    GLN_FUZZ_CHECK(match.role == code_role::none && match.conditions.empty() &&
                   match.medications.empty() && !match.glutamine && match.verified &&
                   match.kilograms_per_unit == 0.0);
  } else {
    GLN_FUZZ_CHECK(match.role != code_role::none);
    GLN_FUZZ_CHECK((match.role == code_role::weight_unit) == (match.kilograms_per_unit > 0.0));
    if (match.role == code_role::medication) {
      GLN_FUZZ_CHECK(match.glutamine || !match.medications.empty());
    }
  }

  if (gln::is_valid(system)) {
    GLN_FUZZ_CHECK(same(match, gln::code_lookup(gln::to_string(system), text)));
    if (system != code_system::ucum) {
      GLN_FUZZ_CHECK(same(match, gln::code_lookup(system, " \t" + std::string{text} + "\r\n")));
    }
    if (system == code_system::atc || system == code_system::loinc) {
      std::string lower{text};
      for (char& ch : lower) ch = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      GLN_FUZZ_CHECK(same(match, gln::code_lookup(system, lower)));
    }
  }

  const gln::ingredient_match ingredient = gln::ingredient_in_display(text);
  GLN_FUZZ_CHECK(ingredient.matched() == !ingredient.medications.empty());
  GLN_FUZZ_CHECK(ingredient.matched() == (ingredient.rxcui != 0));
  if (ingredient.matched()) {
    GLN_FUZZ_CHECK(gln::code_lookup(code_system::rxnorm, std::to_string(ingredient.rxcui))
                       .medications.intersects(ingredient.medications));
  }
  static_cast<void>(gln::names_glutamine(text));
  const auto kilograms = gln::weight_in_kilograms(70.0, text, text);
  GLN_FUZZ_CHECK(kilograms.has_value() == gln::code_lookup(code_system::ucum, text).mapped());
  return 0;
}
