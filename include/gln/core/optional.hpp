#ifndef GLN_CORE_OPTIONAL_HPP
#define GLN_CORE_OPTIONAL_HPP

// std::nullopt_t and the conversions to and from std::optional; the header is read, but no
// std::optional is instantiated unless a caller converts.
#include <optional>
#include <type_traits>

#include "../version.hpp"
#include "precondition.hpp"

GLN_BEGIN_NAMESPACE

// A value that may be absent, for gln's small value types (numbers, units, ranges, enums).
// It reads as std::optional does (`if (o)`, `*o`, `o->x`, `o.value_or(v)`, `o = std::nullopt`,
// `o == std::nullopt`, `o == v`) and converts to and from std::optional<T> implicitly.
// Why not std::optional itself: each of its specialisations costs a translation unit 3-6 ms of
// template work, and gln's types hold seventeen different ones; this one costs almost nothing.
// Differences: `value()` on an empty optional stops the program (std::abort; a compile error
// in a constant expression) where std::optional throws, and T must be trivially copyable and
// default-constructible, so an empty optional holds a T{} that is never read.
template <class T>
class optional;

namespace detail {
template <class U>
inline constexpr bool is_gln_optional = false;
template <class U>
inline constexpr bool is_gln_optional<optional<U>> = true;
template <class U>
inline constexpr bool is_std_optional = false;
template <class U>
inline constexpr bool is_std_optional<std::optional<U>> = true;
}  // namespace detail

template <class T>
class optional {
  static_assert(std::is_trivially_copyable<T>::value && std::is_default_constructible<T>::value,
                "gln::optional holds small value types only");

 public:
  using value_type = T;

  constexpr optional() noexcept = default;
  constexpr optional(std::nullopt_t /*none*/) noexcept {}  // NOLINT(*-explicit-*)
  // NOLINTNEXTLINE(*-explicit-*)
  constexpr optional(const T& value) noexcept : value_(value), has_(true) {}
  // From std::optional<T> (a template, so that no std::optional is instantiated to find out
  // whether some other argument converts).
  template <class U, std::enable_if_t<std::is_same<U, T>::value, int> = 0>
  constexpr optional(const std::optional<U>& other) noexcept  // NOLINT(*-explicit-*)
      : value_(other.has_value() ? *other : T{}), has_(other.has_value()) {}
  template <class U, std::enable_if_t<std::is_same<U, T>::value, int> = 0>
  constexpr operator std::optional<U>() const noexcept {  // NOLINT(*-explicit-*)
    return has_ ? std::optional<U>{value_} : std::optional<U>{};
  }

  constexpr bool has_value() const noexcept { return has_; }
  constexpr explicit operator bool() const noexcept { return has_; }

  // Every read of an empty optional (*o, o->, value()) is a broken precondition: it stops the
  // program, and does not compile in a constant expression, rather than read a made-up T{}
  // (a typo in a purpose's name must not read as the first purpose).
  constexpr const T& operator*() const noexcept { return value(); }
  constexpr T& operator*() noexcept { return value(); }
  constexpr const T* operator->() const noexcept { return &value(); }
  constexpr T* operator->() noexcept { return &value(); }
  constexpr const T& value() const noexcept {
    if (!has_) detail::precondition_failed();
    return value_;
  }
  constexpr T& value() noexcept {
    if (!has_) detail::precondition_failed();
    return value_;
  }
  constexpr T value_or(const T& fallback) const noexcept { return has_ ? value_ : fallback; }

  constexpr void reset() noexcept { *this = optional{}; }
  // T made from `args` (none: T{}) by direct initialisation, as std::optional::emplace: no
  // cast, so an enumerator does not become an age.
  template <class... Args>
  constexpr T& emplace(const Args&... args) noexcept {
    if constexpr (sizeof...(Args) == 0) {
      value_ = T{};
    } else {
      T made(args...);
      value_ = made;
    }
    has_ = true;
    return value_;
  }

  friend constexpr bool operator==(const optional& a, const optional& b) noexcept {
    return a.has_ == b.has_ && (!a.has_ || a.value_ == b.value_);
  }
  friend constexpr bool operator!=(const optional& a, const optional& b) noexcept {
    return !(a == b);
  }
  friend constexpr bool operator==(const optional& a, std::nullopt_t /*none*/) noexcept {
    return !a.has_;
  }
  friend constexpr bool operator==(std::nullopt_t /*none*/, const optional& a) noexcept {
    return !a.has_;
  }
  friend constexpr bool operator!=(const optional& a, std::nullopt_t /*none*/) noexcept {
    return a.has_;
  }
  friend constexpr bool operator!=(std::nullopt_t /*none*/, const optional& a) noexcept {
    return a.has_;
  }

 private:
  T value_{};
  bool has_ = false;
};

namespace detail {
// What `o == v` compares with: a value, not an optional or std::nullopt.
template <class U>
inline constexpr bool plain_value =
    !is_gln_optional<U> && !is_std_optional<U> && !std::is_same<U, std::nullopt_t>::value;
}  // namespace detail

// The comparisons of std::optional: with a value of any type T compares with (an optional<int>
// with a long) and with a std::optional, on either side; empty equals empty only. Templates on
// both sides, so that neither argument is converted to an optional to match. Warnings of the
// value comparison are the caller's to ask for, as std::optional (a system header) has it.
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wfloat-equal"
#endif
template <class T, class U, std::enable_if_t<detail::plain_value<U>, int> = 0>
constexpr auto operator==(const optional<T>& a, const U& b) noexcept -> decltype(bool(*a == b)) {
  return a.has_value() && *a == b;
}
template <class T, class U, std::enable_if_t<detail::plain_value<U>, int> = 0>
constexpr auto operator==(const U& b, const optional<T>& a) noexcept -> decltype(bool(b == *a)) {
  return a.has_value() && b == *a;
}
template <class T, class U, std::enable_if_t<detail::plain_value<U>, int> = 0>
constexpr auto operator!=(const optional<T>& a, const U& b) noexcept -> decltype(bool(*a == b)) {
  return !(a == b);
}
template <class T, class U, std::enable_if_t<detail::plain_value<U>, int> = 0>
constexpr auto operator!=(const U& b, const optional<T>& a) noexcept -> decltype(bool(b == *a)) {
  return !(b == a);
}
template <class T, class U>
constexpr auto operator==(const optional<T>& a, const std::optional<U>& b) noexcept
    -> decltype(bool(*a == *b)) {
  return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
}
template <class T, class U>
constexpr auto operator==(const std::optional<U>& b, const optional<T>& a) noexcept
    -> decltype(bool(*b == *a)) {
  return a.has_value() == b.has_value() && (!a.has_value() || *b == *a);
}
template <class T, class U>
constexpr auto operator!=(const optional<T>& a, const std::optional<U>& b) noexcept
    -> decltype(bool(*a == *b)) {
  return !(a == b);
}
template <class T, class U>
constexpr auto operator!=(const std::optional<U>& b, const optional<T>& a) noexcept
    -> decltype(bool(*b == *a)) {
  return !(b == a);
}
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

GLN_END_NAMESPACE

#endif  // GLN_CORE_OPTIONAL_HPP
