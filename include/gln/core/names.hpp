#ifndef GLN_CORE_NAMES_HPP
#define GLN_CORE_NAMES_HPP

#include <cstddef>
#include <string_view>

#include "enum_traits.hpp"
#include "enums.hpp"
#include "optional.hpp"

// Stable string names for every enum, from the enum's one list (enums.hpp).
GLN_BEGIN_NAMESPACE

// The stable name of `value`; an empty view for a value outside the enum's range.
template <class E, class = decltype(enum_traits<E>::names)>
constexpr std::string_view to_string(E value) noexcept {
  return is_valid(value) ? enum_traits<E>::names[index_of(value)] : std::string_view{};
}

// Exact, case-sensitive match of a stable name; anything else is no value.
template <class E, class = decltype(enum_traits<E>::names)>
constexpr optional<E> parse(std::string_view name) noexcept {
  for (std::size_t i = 0; i < enum_count<E>; ++i) {
    if (enum_traits<E>::names[i] == name) return static_cast<E>(i);
  }
  return nullopt;
}

// What `value` means, for an enum declared with descriptions (GLN_DEFINE_DESCRIBED_ENUM); an
// empty view for a value outside the enum's range.
template <class E, class = decltype(enum_traits<E>::descriptions)>
constexpr std::string_view description(E value) noexcept {
  return is_valid(value) ? enum_traits<E>::descriptions[index_of(value)] : std::string_view{};
}

GLN_END_NAMESPACE

#endif  // GLN_CORE_NAMES_HPP
