#ifndef GLN_CORE_FINDING_HPP
#define GLN_CORE_FINDING_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../data/doses.hpp"
#include "../data/rules.hpp"
#include "citation.hpp"
#include "enum_set.hpp"
#include "enums.hpp"
#include "names.hpp"

namespace gln {

namespace detail {
struct finding_writer;
}  // namespace detail

// One rule that fired. Four bytes: the text and sources are read from the rule table, so
// building a result copies no strings. (This is why finding.hpp reads data/: the one place
// where core/ depends on the tables.)
struct finding {
  gln::rule rule = gln::rule::input_invalid;
  verdict level = verdict::avoid;                         // as reported, after oversight is applied
  input_field field = input_field::none;                  // the bad field, for input.invalid
  gln::purpose purpose = gln::purpose::general_recovery;  // the purpose screened or checked

  // Stable dotted id, e.g. "contra.cirrhosis".
  constexpr std::string_view rule_id() const noexcept { return gln::to_string(rule); }
  // Why the rule exists; for input.invalid, which field is bad.
  constexpr std::string_view reason() const noexcept {
    if (rule == gln::rule::input_invalid && is_valid(field) && field != input_field::none) {
      return data::invalid_input_reasons[index_of(field)];
    }
    return describe(rule).reason;
  }
  // The sources behind the finding; dose-range findings cite their purpose's dose row.
  constexpr const citation_list& sources() const noexcept {
    const rule_info& info = describe(rule);
    return info.cites_dose_row ? dose_row_for(purpose).sources : info.sources;
  }
  // The rule's verdict for self-directed use, before oversight.
  constexpr verdict self_directed_level() const noexcept { return describe(rule).level; }

  constexpr bool operator==(const finding& other) const noexcept {
    return rule == other.rule && level == other.level && field == other.field &&
           purpose == other.purpose;
  }
  constexpr bool operator!=(const finding& other) const noexcept { return !(*this == other); }
};

namespace detail {

// Zero bytes: what a finding_list's unused slots hold (see finding_list::items_).
template <std::size_t N>
inline constexpr std::array<finding, N> blank_findings = [] {
  std::array<finding, N> slots{};
  for (finding& slot : slots) slot.level = verdict::suitable;
  return slots;
}();

}  // namespace detail

// A fixed-capacity list of findings: no allocation, usable in constant expressions. The
// capacity holds every rule once plus one input.invalid per field, so it cannot fill up;
// no more, since every result carries (and first clears) the whole array.
class finding_list {
 public:
  static constexpr std::size_t capacity = enum_count<gln::rule> + enum_count<input_field>;

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  // Out of range: the first finding, or finding{} (input.invalid, avoid) when empty.
  constexpr const finding& operator[](std::size_t i) const noexcept {
    return i < size_ ? items_[i] : size_ > 0 ? items_[0] : unused_slot;
  }
  constexpr const finding* begin() const noexcept { return items_.data(); }
  constexpr const finding* end() const noexcept { return items_.data() + size_; }

  constexpr bool contains(gln::rule id) const noexcept {
    for (std::size_t i = 0; i < size_; ++i) {
      if (items_[i].rule == id) return true;
    }
    return false;
  }
  // The level of the finding for `id`, or suitable when it did not fire.
  constexpr verdict level_of(gln::rule id) const noexcept {
    verdict level = verdict::suitable;
    for (std::size_t i = 0; i < size_; ++i) {
      if (items_[i].rule == id) level = worst(level, items_[i].level);
    }
    return level;
  }
  // Worst level in the list; suitable when empty.
  constexpr verdict worst_level() const noexcept { return static_cast<verdict>(worst_); }

  constexpr void push_back(const finding& item) noexcept {
    const std::size_t count = size_;
    if (count < capacity) {
      items_[count] = item;
      size_ = static_cast<std::uint16_t>(count + 1);
      if (index_of(item.level) > worst_) worst_ = static_cast<std::uint16_t>(index_of(item.level));
    }
  }

 private:
  friend struct detail::finding_writer;

  // The slots past size() are never read (operator[] returns unused_slot instead), so they
  // start as zero bytes, copied from a constant: compilers emit one block clear. (finding{}
  // has a non-zero level, which cost a store loop over all the slots on every result, and a
  // constexpr function here is evaluated at run time by clang.)
  static constexpr finding unused_slot{};
  std::array<finding, capacity> items_ = detail::blank_findings<capacity>;
  std::uint16_t size_ = 0;
  std::uint16_t worst_ = 0;  // index_of(the worst level)
};

namespace detail {

// How the rule evaluators append: a whole set of rules at once, with the count and the
// worst level kept in registers. (push_back must re-read both after each finding, since
// compilers assume the finding's byte stores may change them.)
struct finding_writer {
  // One finding per set bit of `rules` (bit i is gln::rule i), in rule order, at the
  // rule's level under the given oversight, for purpose `p`.
  static constexpr void append_rules(finding_list& list, std::uint64_t rules, bool supervised,
                                     gln::purpose p) noexcept {
    std::size_t count = list.size_;
    std::size_t worst_index = list.worst_;
    for (; rules != 0 && count < finding_list::capacity; rules &= rules - 1U) {
      const auto id = static_cast<gln::rule>(lowest_bit_index(rules));
      const rule_info& info = describe(id);
      const verdict level = supervised ? info.supervised_level : info.level;
      list.items_[count] = finding{id, level, input_field::none, p};
      ++count;
      if (index_of(level) > worst_index) worst_index = index_of(level);
    }
    list.size_ = static_cast<std::uint16_t>(count);
    list.worst_ = static_cast<std::uint16_t>(worst_index);
  }
};

}  // namespace detail

}  // namespace gln

#endif  // GLN_CORE_FINDING_HPP
