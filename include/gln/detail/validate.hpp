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

// The checks below hold no branch on which fields are given (a varied batch mispredicts
// one): the value is read whether or not it is there, and has_value() decides after.

// a && b and a || b with both evaluated: g++ keeps `x >= lo && x <= hi` on doubles a branch
// (the second comparison may raise a floating-point exception), so these are functions.
constexpr bool both(bool a, bool b) noexcept {
  return (static_cast<unsigned>(a) & static_cast<unsigned>(b)) != 0;
}
constexpr bool either(bool a, bool b) noexcept {
  return (static_cast<unsigned>(a) | static_cast<unsigned>(b)) != 0;
}

constexpr bool age_is_valid(const profile& person, const policy& rules) noexcept {
  // 0 is a newborn. Comparisons are false for NaN, and the limit of an effective() policy is
  // finite, so these two reject NaN and the infinities too.
  const double age = held_or_default(person.age_years);
  return either(!person.age_years.has_value(), both(age >= 0.0, age <= rules.max_age_years));
}

constexpr bool weight_is_valid(const profile& person, const policy& rules) noexcept {
  const double kg = held_or_default(person.weight_kg).value();  // NaN fails as for the age
  const double lowest = rules.min_weight.value();
  const double highest = rules.max_weight.value();
  return either(!person.weight_kg.has_value(), both(kg >= lowest, kg <= highest));
}

// The bit of `field` when `holds`, else 0.
constexpr field_mask field_bit_if(bool holds, input_field field) noexcept {
  return static_cast<field_mask>(static_cast<unsigned>(holds) * bit_of(field));
}

// The bad fields of a profile and purpose, one bit per input_field.
constexpr field_mask invalid_fields(const profile& person, gln::purpose p,
                                    const policy& rules) noexcept {
  const bool bad_days = held_or_default(person.weight_age_days) < 0;  // 0 when absent
  return static_cast<field_mask>(
      field_bit_if(!age_is_valid(person, rules), input_field::age_years) |
      field_bit_if(!weight_is_valid(person, rules), input_field::weight_kg) |
      field_bit_if(bad_days, input_field::weight_age_days) |
      field_bit_if(person.conditions.has_out_of_range(), input_field::conditions) |
      field_bit_if(person.medications.has_out_of_range(), input_field::medications) |
      field_bit_if(!is_valid(person.oversight), input_field::oversight) |
      field_bit_if(!is_valid(p), input_field::purpose));
}

// An unknown oversight value counts as self-directed, the stricter reading.
constexpr bool is_supervised(const profile& person) noexcept {
  return detail::same(person.oversight, gln::oversight::clinician_supervised);
}

}  // namespace detail
GLN_END_NAMESPACE

#endif  // GLN_DETAIL_VALIDATE_HPP
