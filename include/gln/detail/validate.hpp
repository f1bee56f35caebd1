#ifndef GLN_DETAIL_VALIDATE_HPP
#define GLN_DETAIL_VALIDATE_HPP

#include "../core/finding.hpp"
#include "../core/profile.hpp"
#include "../core/units.hpp"
#include "../policy.hpp"

// Input checks shared by every entry point: each bad field becomes an input.invalid finding
// at verdict avoid, whatever the oversight (fail closed).
namespace gln {
namespace detail {

constexpr finding invalid_input(input_field field, gln::purpose p) noexcept {
  return finding{gln::rule::input_invalid, verdict::avoid, field,
                 is_valid(p) ? p : gln::purpose::general_recovery};
}

constexpr bool age_is_valid(const profile& person, const policy& rules) noexcept {
  if (!person.age_years) return true;
  const double age = *person.age_years;
  return is_finite(age) && age > 0.0 && age <= rules.max_age_years;
}

constexpr bool weight_is_valid(const profile& person, const policy& rules) noexcept {
  if (!person.weight_kg) return true;
  const double kg = person.weight_kg->value();
  return is_finite(kg) && kg > 0.0 && kg <= rules.max_weight.value();
}

// The first invalid field of a profile and purpose, or input_field::none.
constexpr input_field first_invalid_field(const profile& person, gln::purpose p,
                                          const policy& rules) noexcept {
  if (!age_is_valid(person, rules)) return input_field::age_years;
  if (!weight_is_valid(person, rules)) return input_field::weight_kg;
  if (person.conditions.has_out_of_range()) return input_field::conditions;
  if (person.medications.has_out_of_range()) return input_field::medications;
  if (!is_valid(person.oversight)) return input_field::oversight;
  if (!is_valid(p)) return input_field::purpose;
  return input_field::none;
}

// Appends one input.invalid finding per bad field of the profile and purpose.
constexpr void check_profile(const profile& person, gln::purpose p, const policy& rules,
                             finding_list& out) noexcept {
  if (!age_is_valid(person, rules)) out.push_back(invalid_input(input_field::age_years, p));
  if (!weight_is_valid(person, rules)) out.push_back(invalid_input(input_field::weight_kg, p));
  if (person.conditions.has_out_of_range()) {
    out.push_back(invalid_input(input_field::conditions, p));
  }
  if (person.medications.has_out_of_range()) {
    out.push_back(invalid_input(input_field::medications, p));
  }
  if (!is_valid(person.oversight)) out.push_back(invalid_input(input_field::oversight, p));
  if (!is_valid(p)) out.push_back(invalid_input(input_field::purpose, p));
}

// An unknown oversight value counts as self-directed, the stricter reading.
constexpr bool is_supervised(const profile& person) noexcept {
  return person.oversight == gln::oversight::clinician_supervised;
}

// The level a rule is reported at under the profile's oversight.
constexpr verdict reported_level(gln::rule id, const profile& person) noexcept {
  const rule_info& info = describe(id);
  return is_supervised(person) ? info.supervised_level : info.level;
}

}  // namespace detail
}  // namespace gln

#endif  // GLN_DETAIL_VALIDATE_HPP
