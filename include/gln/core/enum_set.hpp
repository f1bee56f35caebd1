#ifndef GLN_CORE_ENUM_SET_HPP
#define GLN_CORE_ENUM_SET_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "enums.hpp"

GLN_BEGIN_NAMESPACE

namespace detail {

// Index of the lowest set bit. Precondition: bits != 0.
constexpr unsigned lowest_bit_index(std::uint64_t bits) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<unsigned>(__builtin_ctzll(bits));
#else
  unsigned index = 0;
  while ((bits & 1U) == 0) {
    bits >>= 1U;
    ++index;
  }
  return index;
#endif
}

}  // namespace detail

// A constexpr set of enumerators, one bit each. A value outside the enum's range (an
// integer cast into the enum, or stray bits from from_bits) is kept as a marker rather than
// dropped, so screening can fail closed on it instead of ignoring it.
template <class E>
class enum_set {
  static_assert(enum_count<E> > 0 && enum_count<E> < 64, "enum_set holds at most 63 enumerators");

 public:
  using bits_type = std::uint64_t;
  // The low enum_count<E> bits. (Written without "(...) - 1", which clang-format 14 takes
  // for a cast.)
  static constexpr bits_type valid_mask = ~(~bits_type{0} << enum_count<E>);
  static constexpr bits_type out_of_range_bit = bits_type{1} << 63U;

  constexpr enum_set() noexcept = default;
  // Written out rather than through insert(): table rows build thousands of these in every
  // includer's constant evaluation, where each call costs.
  constexpr enum_set(std::initializer_list<E> values) noexcept {
    for (const E* it = values.begin(); it != values.end(); ++it) {
      const auto index = static_cast<std::size_t>(*it);
      bits_ |= index < enum_count<E> ? bits_type{1} << index : out_of_range_bit;
    }
  }

  // Raw bits, as stored or sent over a wire; bits outside the enum mark the set invalid.
  static constexpr enum_set from_bits(bits_type bits) noexcept {
    enum_set set;
    set.bits_ = (bits & valid_mask) | ((bits & ~valid_mask) != 0 ? out_of_range_bit : 0U);
    return set;
  }

  constexpr enum_set& insert(E value) noexcept {
    bits_ |= is_valid(value) ? bit(value) : out_of_range_bit;
    return *this;
  }
  constexpr enum_set& erase(E value) noexcept {
    if (is_valid(value)) bits_ &= ~bit(value);
    return *this;
  }
  constexpr bool contains(E value) const noexcept {
    return is_valid(value) && (bits_ & bit(value)) != 0;
  }
  constexpr bool intersects(enum_set other) const noexcept {
    return (bits_ & other.bits_ & valid_mask) != 0;
  }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  // True when a value outside the enum's range was ever put in.
  constexpr bool has_out_of_range() const noexcept { return (bits_ & out_of_range_bit) != 0; }
  constexpr std::size_t size() const noexcept {
    std::size_t count = 0;
    for (bits_type rest = bits_ & valid_mask; rest != 0; rest &= rest - 1U) ++count;
    return count;
  }
  constexpr bits_type bits() const noexcept { return bits_; }

  constexpr enum_set operator|(enum_set other) const noexcept {
    enum_set set;
    set.bits_ = bits_ | other.bits_;
    return set;
  }
  constexpr bool operator==(enum_set other) const noexcept { return bits_ == other.bits_; }
  constexpr bool operator!=(enum_set other) const noexcept { return bits_ != other.bits_; }

  // Iterates the valid members in enumerator order.
  class iterator {
   public:
    constexpr explicit iterator(bits_type rest) noexcept : rest_(rest) {}
    constexpr E operator*() const noexcept {
      return static_cast<E>(detail::lowest_bit_index(rest_));
    }
    constexpr iterator& operator++() noexcept {
      rest_ &= rest_ - 1U;
      return *this;
    }
    constexpr bool operator==(iterator other) const noexcept { return rest_ == other.rest_; }
    constexpr bool operator!=(iterator other) const noexcept { return rest_ != other.rest_; }

   private:
    bits_type rest_;
  };
  constexpr iterator begin() const noexcept { return iterator{bits_ & valid_mask}; }
  constexpr iterator end() const noexcept { return iterator{0}; }

 private:
  static constexpr bits_type bit(E value) noexcept { return bits_type{1} << index_of(value); }

  bits_type bits_ = 0;
};

using condition_set = enum_set<condition>;
using medication_set = enum_set<medication>;
using purpose_set = enum_set<purpose>;
using rule_set = enum_set<rule>;

GLN_END_NAMESPACE

#endif  // GLN_CORE_ENUM_SET_HPP
