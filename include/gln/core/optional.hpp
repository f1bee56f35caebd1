#ifndef GLN_CORE_OPTIONAL_HPP
#define GLN_CORE_OPTIONAL_HPP

#include <type_traits>

#include "../version.hpp"
#include "precondition.hpp"

GLN_BEGIN_NAMESPACE

// A value that may be absent, for gln's small value types (numbers, units, ranges, enums).
// It reads as std::optional does (`if (o)`, `*o`, `o->x`, `o.value_or(v)`, `o == v`), with
// gln::nullopt for "no value" (`o = gln::nullopt`, `o == gln::nullopt`; `o = {}` and
// `o.reset()` clear it too).
// Why not std::optional: each of its specialisations costs a translation unit 3-6 ms of template
// work, and gln's types hold seventeen different ones; <optional> itself is about 5% of what
// including gln costs, and converting to and from std::optional implicitly (recognising
// std::nullopt_t and std::optional<T> by their shape) cost as much again at every conversion.
// <gln/std_optional.hpp> converts explicitly. Differences: `value()` on an empty optional stops
// the program (std::abort; a compile error in a constant expression) where std::optional
// throws, and T must be trivially copyable and default-constructible.
template <class T>
class optional;

// The "no value" of gln::optional, as std::nullopt_t is std::optional's.
struct nullopt_t {
  struct tag {
    explicit tag() = default;
  };
  constexpr explicit nullopt_t(tag /*unused*/) noexcept {}
};
inline constexpr nullopt_t nullopt{nullopt_t::tag{}};

namespace detail {
template <class U>
inline constexpr bool is_gln_optional = false;
// The value held by an optional of a small T, T{} when it is empty (every way of emptying one
// writes T{}), read with no test: checks that combine it with has_value() then need no
// branch, which a varied batch of profiles mispredicts.
template <class T>
constexpr T held_or_default(const optional<T>& o) noexcept;
template <class U>
inline constexpr bool is_gln_optional<optional<U>> = true;

// Where an optional of a large T keeps it: a union that an empty optional leaves unwritten.
template <class T>
union unwritten {
  struct none {};
  none nothing;
  T value;
  constexpr unwritten() noexcept : nothing() {}
  constexpr explicit unwritten(const T& v) noexcept : value(v) {}
};

// What gln::optional may hold, by the compilers' own traits where they have them: libstdc++'s
// std::is_trivially_copyable also instantiates a completeness check, which cost a translation
// unit about 2% of including gln over gln's seventeen optionals.
template <class T>
inline constexpr bool small_value =
#if defined(__GNUC__) || defined(__clang__) || defined(_MSC_VER)
    __is_trivially_copyable(T) && __is_constructible(T);
#else
    (std::is_trivially_copyable<T>::value && std::is_default_constructible<T>::value);
#endif
}  // namespace detail

template <class T>
class optional {
  static_assert(detail::small_value<T>, "gln::optional holds small value types only");

 public:
  using value_type = T;

  constexpr optional() noexcept = default;
  constexpr optional(nullopt_t /*none*/) noexcept {}  // NOLINT(*-explicit-*)
  // NOLINTNEXTLINE(*-explicit-*)
  constexpr optional(const T& value) noexcept : value_(value), has_(true) {}

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
    return stored();
  }
  constexpr T& value() noexcept {
    if (!has_) detail::precondition_failed();
    return stored();
  }
  constexpr T value_or(const T& fallback) const noexcept { return has_ ? stored() : fallback; }

  constexpr void reset() noexcept { *this = optional{}; }
  // T made from `args` (none: T{}) by direct initialisation, as std::optional::emplace: no
  // cast, so an enumerator does not become an age.
  template <class... Args>
  constexpr T& emplace(const Args&... args) noexcept {
    // A new optional, not an assignment to value_: C++17 constant evaluation cannot switch a
    // union's member by assignment.
    if constexpr (sizeof...(Args) == 0) {
      *this = optional{T{}};
    } else {
      const T made(args...);
      *this = optional{made};
    }
    return stored();
  }

  template <class U>
  friend constexpr U detail::held_or_default(const optional<U>& o) noexcept;

  friend constexpr bool operator==(const optional& a, const optional& b) noexcept {
    return a.has_ == b.has_ && (!a.has_ || a.stored() == b.stored());
  }
  friend constexpr bool operator!=(const optional& a, const optional& b) noexcept {
    return !(a == b);
  }
  friend constexpr bool operator==(const optional& a, nullopt_t /*none*/) noexcept {
    return !a.has_;
  }
  friend constexpr bool operator==(nullopt_t /*none*/, const optional& a) noexcept {
    return !a.has_;
  }
  friend constexpr bool operator!=(const optional& a, nullopt_t /*none*/) noexcept {
    return a.has_;
  }
  friend constexpr bool operator!=(nullopt_t /*none*/, const optional& a) noexcept {
    return a.has_;
  }

 private:
  // An empty optional of a large T (a shown dose) writes its flag only, so that a result
  // holding one is not cleared whole (GCC does that with `rep stosq`, whose start-up costs as
  // much as a screening); a small T is held as T{}, which the compiler drops where it is
  // overwritten anyway. value_ is read only when has_ says it is there.
  static constexpr bool large = sizeof(T) > 64;
  constexpr const T& stored() const noexcept {
    if constexpr (large) {
      return value_.value;
    } else {
      return value_;
    }
  }
  constexpr T& stored() noexcept {
    if constexpr (large) {
      return value_.value;
    } else {
      return value_;
    }
  }

  std::conditional_t<large, detail::unwritten<T>, T> value_{};
  bool has_ = false;
};

template <class T>
constexpr T detail::held_or_default(const optional<T>& o) noexcept {
  static_assert(!optional<T>::large, "an empty optional of a large T holds nothing to read");
  return o.value_;
}

namespace detail {
// What `o == v` compares with: a value, not an optional or gln::nullopt.
template <class U>
inline constexpr bool plain_value = !is_gln_optional<U> && !std::is_same<U, nullopt_t>::value;
}  // namespace detail

// The comparisons of std::optional: with a value of any type T compares with (an optional<int>
// with a long), on either side; empty equals empty only. Templates on
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
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

GLN_END_NAMESPACE

#endif  // GLN_CORE_OPTIONAL_HPP
