#ifndef GLN_CORE_FINDING_HPP
#define GLN_CORE_FINDING_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../data/doses.hpp"
#include "../data/rules.hpp"
#include "citation.hpp"
#include "enums.hpp"
#include "names.hpp"

namespace gln {

// One rule that fired. Four bytes: the text and sources are read from the rule table, so
// building a result copies no strings. (This is why finding.hpp reads data/: the one place
// where core/ depends on the tables.)
struct finding {
  gln::rule rule = gln::rule::input_invalid;
  verdict level = verdict::avoid;            // as reported, after oversight is applied
  input_field field = input_field::none;     // the bad field, for input.invalid
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

// A fixed-capacity list of findings: no allocation, usable in constant expressions. The
// capacity holds every rule once plus one input.invalid per field, so it cannot fill up.
class finding_list {
 public:
  static constexpr std::size_t capacity = 64;
  static_assert(capacity >= enum_count<gln::rule> + enum_count<input_field>);

  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const finding& operator[](std::size_t i) const noexcept {
    return items_[i < size_ ? i : 0];
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
  constexpr verdict worst_level() const noexcept {
    verdict level = verdict::suitable;
    for (std::size_t i = 0; i < size_; ++i) level = worst(level, items_[i].level);
    return level;
  }

  constexpr void push_back(const finding& item) noexcept {
    if (size_ < capacity) {
      items_[size_] = item;
      ++size_;
    }
  }

 private:
  std::array<finding, capacity> items_{};
  std::uint8_t size_ = 0;
};

}  // namespace gln

#endif  // GLN_CORE_FINDING_HPP
