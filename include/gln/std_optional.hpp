#ifndef GLN_STD_OPTIONAL_HPP
#define GLN_STD_OPTIONAL_HPP

// Conversions between gln::optional<T> and std::optional<T>, for apps whose own types hold
// std::optional: `p.age_years = gln::from_std_optional(record.age);`. Not part of
// <gln/gln.hpp>, which does not include <optional> (about 5% of what including gln costs).
#include <optional>

#include "core/optional.hpp"
#include "version.hpp"

GLN_BEGIN_NAMESPACE

// The same value, or none.
template <class T>
constexpr std::optional<T> to_std_optional(const optional<T>& value) noexcept {
  return value ? std::optional<T>{*value} : std::optional<T>{};
}

// The same value, or none. T must be one gln::optional holds (trivially copyable).
template <class T>
constexpr optional<T> from_std_optional(const std::optional<T>& value) noexcept {
  return value ? optional<T>{*value} : optional<T>{};
}

GLN_END_NAMESPACE

#endif  // GLN_STD_OPTIONAL_HPP
