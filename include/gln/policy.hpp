#ifndef GLN_POLICY_HPP
#define GLN_POLICY_HPP

#include <cstddef>
#include <type_traits>

#include "core/enum_traits.hpp"
#include "core/enums.hpp"
#include "core/units.hpp"
#include "data/thresholds.hpp"

GLN_BEGIN_NAMESPACE

// Thresholds an app may tune: one member per row of the threshold table
// (data/thresholds.hpp, docs/knowledge.md §12), with its default. A policy can only make the
// library stricter: every entry point reads it through effective(), which keeps a value only where
// it is stricter than the default in the table's direction and otherwise uses the default (NaN,
// infinities, zero and negative values fall back too), so no policy can loosen an `avoid` rule
// or any other threshold. docs/knowledge.md lists every member with its unit and sources.
struct policy {
#define GLN_DETAIL_POLICY_MEMBER(id, member, type, value, unit, stricter, at_most, sources) \
  type member = type{value};  // NOLINT(bugprone-macro-parentheses): `type` names a type
  GLN_POLICY_KNOBS(GLN_DETAIL_POLICY_MEMBER)
#undef GLN_DETAIL_POLICY_MEMBER

  // Knob by knob over the table: `gln::effective(p) == p` tells whether every value of p was
  // kept.
  constexpr bool operator==(const policy& other) const noexcept;
  constexpr bool operator!=(const policy& other) const noexcept { return !(*this == other); }
};

namespace detail {

constexpr double as_number(double value) noexcept { return value; }
constexpr double as_number(int value) noexcept { return static_cast<double>(value); }
constexpr double as_number(bool value) noexcept { return value ? 1.0 : 0.0; }
template <class Tag>
constexpr double as_number(quantity<Tag> value) noexcept {
  return value.value();
}

template <class T>
constexpr T from_number(double value) noexcept {
  if constexpr (std::is_same_v<T, bool>) {
    return !same_number(value, 0.0);
  } else if constexpr (std::is_same_v<T, int>) {
    return static_cast<int>(value);  // only values read from an int member come back
  } else {
    return T{value};
  }
}

template <class T>
constexpr bool fits(double number) noexcept {
  if constexpr (std::is_same_v<T, bool>) {
    return same_number(number, 0.0) || same_number(number, 1.0);
  } else if constexpr (std::is_same_v<T, int>) {
    return number >= -2147483648.0 && number <= 2147483647.0 &&
           same_number(static_cast<double>(static_cast<long long>(number)), number);
  } else {
    return true;  // any double, NaN included: effective() decides what it means
  }
}

}  // namespace detail

// The value of one knob of a policy, as a number (a switch is 1 or 0). Precondition: `id` is
// a policy_knob.
constexpr double knob_value(const policy& p, policy_knob id) noexcept {
  switch (id) {
#define GLN_DETAIL_POLICY_GET(id_, member, type, value, unit, stricter, at_most, sources) \
  case policy_knob::id_: return detail::as_number(p.member);
    GLN_POLICY_KNOBS(GLN_DETAIL_POLICY_GET)
#undef GLN_DETAIL_POLICY_GET
  }
  detail::precondition_failed();
}

// Sets one knob of a policy from a number, as a configuration file or a request gives it: a
// switch takes 1 or 0, a day or count a whole number that fits an int, any other knob any
// number (effective() keeps it only where it is stricter). Returns false, and changes
// nothing, for a number the knob cannot hold. Precondition: `id` is a policy_knob.
constexpr bool set_knob_value(policy& p, policy_knob id, double number) noexcept {
  switch (id) {
#define GLN_DETAIL_POLICY_SET(id_, member, type, value, unit, stricter, at_most, sources) \
  case policy_knob::id_:                                                                  \
    if (!detail::fits<type>(number)) return false;                                        \
    p.member = detail::from_number<type>(number);                                         \
    return true;
    GLN_POLICY_KNOBS(GLN_DETAIL_POLICY_SET)
#undef GLN_DETAIL_POLICY_SET
  }
  detail::precondition_failed();
}

namespace detail {

// The largest value a larger-is-stricter knob keeps (a million years, kilograms or days):
// past it effective() puts the default back.
inline constexpr double largest_stricter_value = 1.0e6;

// Whether `requested` may replace `fallback` (the default) for a knob: only a finite value
// that is stricter in the knob's direction. Larger-is-stricter values stop at
// largest_stricter_value, and a later day stops at the knob it may not pass.
constexpr bool is_stricter(double requested, double fallback, direction stricter,
                           double at_most) noexcept {
  if (is_nan(requested)) return false;
  switch (stricter) {
    case direction::lower:
    case direction::earlier:
    case direction::shorter: return requested > 0.0 && requested < fallback;
    case direction::higher:
    case direction::longer: return requested > fallback && requested <= largest_stricter_value;
    case direction::later: return requested > fallback && requested <= at_most;
    case direction::on: return !same_number(requested, 0.0);
    case direction::off: return same_number(requested, 0.0);
  }
  return false;
}

}  // namespace detail

constexpr bool policy::operator==(const policy& other) const noexcept {
  for (const knob_info& knob : data::policy_knobs) {
    if (!detail::same_number(knob_value(*this, knob.id), knob_value(other, knob.id))) {
      return false;
    }
  }
  return true;
}

// The policy the rules apply: each knob kept where it is stricter than its default, in the
// direction of the threshold table, else the default. Knobs bounded by another knob (the
// step-up day may not pass the review day) are settled after the knob they depend on, and a
// later day past its bound is the bound.
constexpr policy effective(const policy& requested) noexcept {
  policy out{};
  for (int pass = 0; pass < 2; ++pass) {
    for (const knob_info& knob : data::policy_knobs) {
      if (knob.at_most.has_value() != (pass == 1)) continue;
      const double bound = knob.at_most ? knob_value(out, *knob.at_most) : 0.0;
      const double want = knob_value(requested, knob.id);
      const bool keep = detail::is_stricter(want, knob.default_value, knob.stricter, bound);
      double value = keep ? want : knob.default_value;
      // A later day past the knob it may not pass (a step-up after the review) is as late as
      // that knob allows, never earlier than the default: falling back to the default would
      // make a stricter request looser.
      if (!keep && knob.at_most && detail::same(knob.stricter, direction::later) && want > bound &&
          want <= detail::largest_stricter_value && bound > knob.default_value) {
        value = bound;
      }
      set_knob_value(out, knob.id, value);
    }
  }
  return out;
}

namespace detail {

// The default policy, built once: what an entry point applies when it is given no policy.
inline constexpr policy default_policy{};

// evaluate(args..., the policy in force): the default policy as it stands (it is already as
// strict as effective() allows), any other through effective().
template <class Evaluate, class... Args>
constexpr auto with_policy_in_force(const policy& requested, Evaluate evaluate,
                                    const Args&... args) noexcept {
  if (&requested == &default_policy) return evaluate(args..., requested);
  return evaluate(args..., effective(requested));
}

}  // namespace detail

GLN_END_NAMESPACE

#endif  // GLN_POLICY_HPP
