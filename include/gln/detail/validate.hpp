#ifndef GLN_DETAIL_VALIDATE_HPP
#define GLN_DETAIL_VALIDATE_HPP

#include "../core/enums.hpp"
#include "../core/profile.hpp"
#include "../core/units.hpp"
#include "../policy.hpp"
#include "../rules/findings.hpp"

// Input checks shared by every entry point: each bad field becomes an input.invalid finding
// at verdict avoid, whatever the oversight (fail closed).
GLN_BEGIN_NAMESPACE
namespace detail {

constexpr bool age_is_valid(const profile& person, const policy& rules) noexcept {
  if (!person.age_years) return true;
  // 0 is a newborn. Comparisons are false for NaN, and the limit of an effective() policy is
  // finite, so these two reject NaN and the infinities too.
  const double age = *person.age_years;
  return age >= 0.0 && age <= rules.max_age_years;
}

constexpr bool weight_is_valid(const profile& person, const policy& rules) noexcept {
  if (!person.weight_kg) return true;
  const double kg = person.weight_kg->value();  // NaN and infinities fail as for the age
  return kg >= rules.min_weight.value() && kg <= rules.max_weight.value();
}

// The bad fields of a profile and purpose, one bit per input_field.
constexpr field_mask invalid_fields(const profile& person, gln::purpose p,
                                    const policy& rules) noexcept {
  field_mask bad = 0;
  if (!age_is_valid(person, rules)) bad |= bit_of(input_field::age_years);
  if (!weight_is_valid(person, rules)) bad |= bit_of(input_field::weight_kg);
  if (person.weight_age_days && *person.weight_age_days < 0) {
    bad |= bit_of(input_field::weight_age_days);
  }
  if (person.conditions.has_out_of_range()) bad |= bit_of(input_field::conditions);
  if (person.medications.has_out_of_range()) bad |= bit_of(input_field::medications);
  if (!is_valid(person.oversight)) bad |= bit_of(input_field::oversight);
  if (!is_valid(p)) bad |= bit_of(input_field::purpose);
  return bad;
}

// An unknown oversight value counts as self-directed, the stricter reading.
constexpr bool is_supervised(const profile& person) noexcept {
  return person.oversight == gln::oversight::clinician_supervised;
}

}  // namespace detail
GLN_END_NAMESPACE

#endif  // GLN_DETAIL_VALIDATE_HPP
