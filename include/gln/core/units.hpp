#ifndef GLN_CORE_UNITS_HPP
#define GLN_CORE_UNITS_HPP

#include "../version.hpp"

#if !defined(__GNUC__) && !defined(__clang__)
#include <limits>
#endif

GLN_BEGIN_NAMESPACE
namespace detail {

// +infinity, a constant expression on every compiler (1e308 * 2 is not); g++ and clang++ do
// without <limits>.
#if defined(__GNUC__) || defined(__clang__)
inline constexpr double infinity = __builtin_huge_val();
#else
inline constexpr double infinity = std::numeric_limits<double>::infinity();
#endif

// Whether two numbers are exactly the same (NaN is the same as nothing): the comparison gln
// means wherever it compares a number with a limit, a default or itself. In one place, so that
// an app building with -Wfloat-equal sees no warning from gln's headers.
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wfloat-equal"
#endif
constexpr bool same_number(double a, double b) noexcept { return a == b; }
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif

// NaN is the only value not equal to itself; std::isnan is not constexpr before C++23.
constexpr bool is_nan(double value) noexcept { return !same_number(value, value); }

constexpr bool is_finite(double value) noexcept {
  return !is_nan(value) && value <= 1.7976931348623157e308 && value >= -1.7976931348623157e308;
}

// A quantity of one unit. Construction is explicit so that a bare double never stands in
// for a dose or a weight; no arithmetic beyond what the rules need.
template <class Tag>
class quantity {
 public:
  constexpr quantity() noexcept = default;
  constexpr explicit quantity(double value) noexcept : value_(value) {}
  constexpr double value() const noexcept { return value_; }

  friend constexpr bool operator==(quantity a, quantity b) noexcept {
    return same_number(a.value_, b.value_);
  }
  friend constexpr bool operator!=(quantity a, quantity b) noexcept {
    return !same_number(a.value_, b.value_);
  }
  friend constexpr bool operator<(quantity a, quantity b) noexcept { return a.value_ < b.value_; }
  friend constexpr bool operator<=(quantity a, quantity b) noexcept { return a.value_ <= b.value_; }
  friend constexpr bool operator>(quantity a, quantity b) noexcept { return a.value_ > b.value_; }
  friend constexpr bool operator>=(quantity a, quantity b) noexcept { return a.value_ >= b.value_; }

 private:
  double value_ = 0.0;
};

struct grams_tag {};
struct kilograms_tag {};
struct grams_per_kg_day_tag {};

}  // namespace detail

// Grams of L-glutamine.
using grams = detail::quantity<detail::grams_tag>;
// Weight-based daily dose, g/kg/day.
using grams_per_kg_day = detail::quantity<detail::grams_per_kg_day_tag>;

// The international avoirdupois pound (UCUM [lb_av]), by definition exactly this many kg.
inline constexpr double kilograms_per_pound = 0.45359237;

// Body weight. Its own class (a quantity of kilograms) so that it alone converts pounds.
class kilograms : public detail::quantity<detail::kilograms_tag> {
 public:
  using quantity::quantity;
  // A weight given in pounds: gln::kilograms::from_pounds(154.0).
  static constexpr kilograms from_pounds(double pounds) noexcept {
    return kilograms{pounds * kilograms_per_pound};
  }
};

// A closed range [min, max] of one unit.
template <class Q>
struct range {
  Q min{};
  Q max{};
  constexpr bool contains(Q value) const noexcept { return min <= value && value <= max; }
  constexpr bool operator==(const range& other) const noexcept {
    return min == other.min && max == other.max;
  }
  constexpr bool operator!=(const range& other) const noexcept { return !(*this == other); }
};

// Closed range of whole counts (doses per day).
struct count_range {
  int min = 0;
  int max = 0;
  constexpr bool operator==(const count_range& other) const noexcept {
    return min == other.min && max == other.max;
  }
  constexpr bool operator!=(const count_range& other) const noexcept { return !(*this == other); }
};

GLN_END_NAMESPACE

#endif  // GLN_CORE_UNITS_HPP
