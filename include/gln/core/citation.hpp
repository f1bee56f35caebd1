#ifndef GLN_CORE_CITATION_HPP
#define GLN_CORE_CITATION_HPP

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "enums.hpp"
#include "precondition.hpp"

GLN_BEGIN_NAMESPACE

// One source of the knowledge base (docs/knowledge.md §1).
struct citation {
  gln::source id{};
  source_kind kind{};
  std::string_view text;      // full citation as it should be shown to a reader
  int year = 0;               // 0 where the source gives none
  std::string_view doi;       // without the "doi:" prefix; empty where none
  std::string_view pmid;      // digits only; empty where none
  std::string_view other_id;  // e.g. an NDA number or a PMC id; empty where none
  bool verified = true;       // confirmed from a primary text
  bool retracted = false;     // never cited by a rule, range or grade
};

// The ordered sources behind one rule, dose row or evidence row.
class citation_list {
 public:
  static constexpr std::size_t capacity = 6;

  constexpr citation_list() noexcept = default;
  constexpr citation_list(std::initializer_list<gln::source> ids) noexcept {
    // Plain pointers and a built-in array: this runs for every row of every table in every
    // translation unit's constant evaluation, where each function call costs.
    const std::size_t given = ids.size();
    overflow_ = given > capacity;  // caught by the table invariants at compile time
    count_ = static_cast<std::uint8_t>(overflow_ ? capacity : given);
    const gln::source* from = ids.begin();
    for (std::size_t i = 0; i < count_; ++i) detail::assign(ids_[i], from[i]);
  }

  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr bool overflowed() const noexcept { return overflow_; }
  // Precondition: i < size().
  constexpr gln::source operator[](std::size_t i) const noexcept {
    if (i >= count_) detail::precondition_failed();
    return ids_[i];
  }
  constexpr const gln::source* begin() const noexcept { return ids_; }
  constexpr const gln::source* end() const noexcept { return ids_ + count_; }
  constexpr bool contains(gln::source id) const noexcept {
    for (std::size_t i = 0; i < count_; ++i) {
      if (detail::same(ids_[i], id)) return true;
    }
    return false;
  }

 private:
  gln::source ids_[capacity]{};
  std::uint8_t count_ = 0;
  bool overflow_ = false;
};

namespace detail {
// What a finding made outside gln's rules cites: gln's own responsibility.
inline constexpr citation_list policy_citation{gln::source::gln_policy};
}  // namespace detail

GLN_END_NAMESPACE

#endif  // GLN_CORE_CITATION_HPP
