#ifndef GLN_RULES_FINDINGS_HPP
#define GLN_RULES_FINDINGS_HPP

#include <cstddef>
#include <cstdint>
// std::input_iterator_tag: libstdc++, libc++ and Microsoft's library declare it in the headers
// above; <iterator> itself costs an includer about 0.3 s, so it is read only elsewhere.
#if !defined(__GLIBCXX__) && !defined(_LIBCPP_VERSION) && !defined(_MSVC_STL_VERSION)
#include <iterator>
#endif
#include <string_view>

#include "../core/enum_set.hpp"
#include "../core/enums.hpp"
#include "../core/finding.hpp"
#include "../core/optional.hpp"
#include "../core/precondition.hpp"
#include "../core/profile.hpp"
#include "../core/text.hpp"
#include "../data/contraindications.hpp"
#include "../data/doses.hpp"
#include "../data/rules.hpp"
#include "../data/texts.hpp"
#include "../policy.hpp"

GLN_BEGIN_NAMESPACE

namespace detail {

using rule_mask = std::uint64_t;
using field_mask = std::uint16_t;
static_assert(enum_count<gln::rule> <= 64, "rule_mask holds one bit per rule");
static_assert(enum_count<input_field> <= 16, "field_mask holds one bit per input field");

constexpr rule_mask bit_of(gln::rule id) noexcept { return rule_mask{1} << index_of(id); }
constexpr field_mask bit_of(input_field field) noexcept {
  return static_cast<field_mask>(1U << index_of(field));
}

// The dose rules: the rules from dose.no_self_directed_range on (GLN_RULES keeps them last).
inline constexpr rule_mask dose_rules = ~(bit_of(gln::rule::dose_no_self_directed_range) - 1U);
// The inputs of a regimen; the others belong to the profile and purpose.
inline constexpr field_mask regimen_fields = bit_of(input_field::grams_per_dose) |
                                             bit_of(input_field::doses_per_day) |
                                             bit_of(input_field::weeks);

// The rules of each reported level, for self-directed use [0] and under supervision [1]: the
// worst level of a result is then a few AND operations. Derived from data::rules by
// detail/derive.hpp and written out by scripts/derive-tables.sh (no includer evaluates it).
inline constexpr std::array<std::array<rule_mask, enum_count<verdict>>, 2> rules_by_level{{
    // derived rules_by_level
    // clang-format off
    {{  // self-directed
        0x0000010400000000,  // suitable
        0x0001a2f362e00000,  // caution
        0x00000408951ff850,  // clinician_only
        0x00005800080007af,  // avoid
    }},
    {{  // under supervision
        0x0000010400000000,  // suitable
        0x0001aefbf7fff850,  // caution
        0x0000000000000000,  // clinician_only
        0x00005000080007af,  // avoid
    }},
    // clang-format on
    // end of derived rules_by_level
}};

// The highest level whose bit is set in n (bit l: level l), suitable for none.
static_assert(enum_count<verdict> == 4, "highest_level has an entry per set of levels");
inline constexpr verdict highest_level[16] = {
    // clang-format off
    verdict::suitable,       verdict::suitable,       verdict::caution,        verdict::caution,
    verdict::clinician_only, verdict::clinician_only, verdict::clinician_only, verdict::clinician_only,
    verdict::avoid,          verdict::avoid,          verdict::avoid,          verdict::avoid,
    verdict::avoid,          verdict::avoid,          verdict::avoid,          verdict::avoid,
    // clang-format on
};

struct finding_writer;
struct finding_access;

// The one number a text takes from the profile rather than a table: how old the weight is.
inline constexpr std::string_view weight_age_days_name = "weight_age_days";

}  // namespace detail

// The findings of a result, in a stable order: invalid inputs of the profile and purpose,
// screening rules in rule order, invalid inputs of the regimen, dose rules in rule order.
//
// It holds which rules fired (a bit each) and what is needed to describe them (the purpose,
// the oversight, the conditions and medications and the policy in force), and
// makes each finding when it is read: a result costs the same whether one rule fires or
// twenty, and `for (const gln::finding& f : result.findings)` reads them all. No allocation;
// usable in constant expressions. A finding is always one that a rule produced: there is no
// placeholder finding for an empty list.
class finding_list {
 public:
  // An input iterator that makes each finding as it is read. A finding is a value, so
  // `const gln::finding& f = *it` (or `*std::find_if(...)`, or the loop variable of
  // `for (const gln::finding& f : list)`) extends its life and never dangles; clang's
  // -Wrange-loop-bind-reference says the loop binds to a temporary, which is what keeps it safe.
  // Default-constructible, so a finding_list is a C++20 std::ranges::input_range.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = finding;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = finding;  // made when read, so a value

    constexpr iterator() noexcept = default;  // the end of no list

    // Precondition: not the end (reading it stops the program; it never makes up a finding).
    constexpr finding operator*() const noexcept {
      if (phase_ >= phases) detail::precondition_failed();  // the end, or no list
      return list_->make(position{phase_, rest_});
    }
    constexpr iterator& operator++() noexcept {
      rest_ &= rest_ - 1U;
      if (rest_ == 0) advance_phase();
      return *this;
    }
    // As the iterator requirements have it (CERT's const return would forbid nothing here).
    constexpr iterator operator++(int) noexcept {  // NOLINT(cert-dcl21-cpp)
      iterator before = *this;
      ++*this;
      return before;
    }
    constexpr bool operator==(const iterator& other) const noexcept {
      return phase_ == other.phase_ && rest_ == other.rest_;
    }
    constexpr bool operator!=(const iterator& other) const noexcept { return !(*this == other); }

   private:
    friend class finding_list;
    constexpr iterator(const finding_list* list, int phase) noexcept : list_(list), phase_(phase) {
      rest_ = phase_ < phases ? list_->phase_bits(phase_) : 0U;
      if (rest_ == 0 && phase_ < phases) advance_phase();
    }
    constexpr void advance_phase() noexcept {
      while (rest_ == 0 && phase_ < phases) {
        ++phase_;
        rest_ = phase_ < phases ? list_->phase_bits(phase_) : 0U;
      }
    }

    const finding_list* list_ = nullptr;
    int phase_ = phases;
    std::uint64_t rest_ = 0;
  };

  constexpr std::size_t size() const noexcept {
    std::size_t count = 0;
    for (int phase = 0; phase < phases; ++phase) count += bit_count(phase_bits(phase));
    return count;
  }
  constexpr bool empty() const noexcept { return fired_ == 0 && invalid_ == 0; }
  constexpr iterator begin() const noexcept { return iterator{this, 0}; }
  constexpr iterator end() const noexcept { return iterator{this, phases}; }

  // The i-th finding. Precondition: i < size(); reading past the end does not compile in a
  // constant expression and stops the program at run time (it never makes up a finding).
  constexpr finding operator[](std::size_t i) const noexcept {
    for (int phase = 0; phase < phases; ++phase) {
      std::uint64_t bits = phase_bits(phase);
      for (; bits != 0; bits &= bits - 1U, --i) {
        if (i == 0) return make(position{phase, bits});
      }
    }
    detail::precondition_failed();
  }
  // The first finding, or no value for an empty list.
  constexpr optional<finding> first() const noexcept {
    if (empty()) return nullopt;
    return *begin();
  }

  constexpr bool contains(gln::rule id) const noexcept {
    if (detail::same(id, gln::rule::input_invalid)) return invalid_ != 0;
    return is_valid(id) && (fired_ & detail::bit_of(id)) != 0;
  }
  // The level of the finding for `id` as reported, or suitable when it did not fire.
  constexpr verdict level_of(gln::rule id) const noexcept {
    if (!contains(id)) return verdict::suitable;
    return detail::same(id, gln::rule::input_invalid) ? verdict::avoid : level_for(id);
  }
  // The rules that fired, input.invalid included: a small summary of the list.
  constexpr rule_set rules() const noexcept {
    return rule_set::from_bits(
        fired_ | (invalid_ != 0 ? detail::bit_of(gln::rule::input_invalid) : detail::rule_mask{0}));
  }
  // The policy the rules applied (effective(), so never looser than the defaults).
  constexpr const policy& policy_in_force() const noexcept { return rules_; }
  // Worst level in the list; suitable when empty.
  constexpr verdict worst_level() const noexcept { return worst_; }

  constexpr finding_list() noexcept = default;  // no findings, default policy

 private:
  friend struct detail::finding_writer;
  static constexpr int phases = 4;

  // A list for a person, purpose and the effective policy, no rule fired yet; an out-of-range
  // purpose is described as general_recovery (an input.invalid finding names the purpose).
  // Written member by member from run-time values, so a result made with it is not first
  // cleared whole.
  constexpr finding_list(const profile& person, gln::purpose p, const policy& rules) noexcept
      : purpose_(is_valid(p) ? p : gln::purpose::general_recovery),
        supervised_(detail::same(person.oversight, gln::oversight::clinician_supervised)),
        conditions_(person.conditions),
        medications_(person.medications),
        rules_(rules),
        weight_age_days_(person.weight_age_days.value_or(0)) {}

  static constexpr std::size_t bit_count(std::uint64_t bits) noexcept {
    std::size_t count = 0;
    for (; bits != 0; bits &= bits - 1U) ++count;
    return count;
  }

  // Phase 0: invalid profile inputs; 1: screening rules; 2: invalid regimen inputs; 3: dose
  // rules. Bits of phases 0 and 2 are input_field indices, of 1 and 3 rule indices.
  constexpr std::uint64_t phase_bits(int phase) const noexcept {
    switch (phase) {
      case 0: return static_cast<detail::field_mask>(invalid_ & ~detail::regimen_fields);
      case 1: return fired_ & ~detail::dose_rules;
      case 2: return invalid_ & detail::regimen_fields;
      case 3: return fired_ & detail::dose_rules;
      default: return 0U;
    }
  }

  constexpr verdict level_for(gln::rule id) const noexcept {
    const rule_info& info = describe(id);
    // policy.require_age: an app that must never serve a child makes an unknown age
    // clinician_only (docs/knowledge.md §4).
    if (detail::same(id, gln::rule::caution_age_unknown) && rules_.require_age) {
      return supervised_ ? verdict::caution : verdict::clinician_only;
    }
    return supervised_ ? info.supervised_level : info.level;
  }

  // Where a finding is: its phase, and the bits left there (the finding is the lowest).
  struct position {
    int phase;
    std::uint64_t bits;
  };
  constexpr finding make(position at) const noexcept;
  constexpr gln::cause cause_for(gln::rule id) const noexcept;
  constexpr text_arguments arguments_for(std::string_view pattern) const noexcept;
  constexpr optional<double> number_named(std::string_view name) const noexcept;

  detail::rule_mask fired_ = 0;     // one bit per gln::rule that fired (not input.invalid)
  detail::field_mask invalid_ = 0;  // one bit per input_field with an input.invalid finding
  verdict worst_ = verdict::suitable;
  gln::purpose purpose_ = gln::purpose::general_recovery;
  bool supervised_ = false;
  condition_set conditions_{};
  medication_set medications_{};
  policy rules_{};           // the effective policy the rules applied
  int weight_age_days_ = 0;  // for input.weight_stale's text
};

namespace detail {

// Makes findings: the one place that sets a finding's texts and sources.
struct finding_access {
  static constexpr finding make(gln::rule id, verdict level, input_field field, gln::purpose p,
                                gln::cause why, const text_arguments& arguments,
                                std::string_view reason, const citation_list& sources,
                                verdict self_directed_level, bool supervised) noexcept {
    finding out{};
    detail::assign(out.rule, id);
    detail::assign(out.level, level);
    detail::assign(out.field, field);
    detail::assign(out.purpose, p);
    out.cause = why;
    out.arguments = arguments;
    out.reason_ = reason;
    out.sources_ = &sources;
    detail::assign(out.self_directed_level_, self_directed_level);
    const patient_text_row& text = row_at(data::patient_texts, index_of(id));
    out.patient_ = text.gist;
    out.frame_ =
        supervised ? data::supervised_frame : row_at(data::patient_frames, index_of(text.frame));
    return out;
  }
};

// How the rule evaluators fill a result's findings.
struct finding_writer {
  // A list for a person, purpose and the effective policy, no rule fired yet.
  static constexpr finding_list started(const profile& person, gln::purpose p,
                                        const policy& rules) noexcept {
    return finding_list{person, p, rules};
  }
  // Starts `list`, a member of a result made from `{}`, the same way: member by member, which
  // GCC compiles to fewer instructions there than a copy of a new list.
  static constexpr void start(finding_list& list, const profile& person, gln::purpose p,
                              const policy& rules) noexcept {
    detail::assign(list.purpose_, is_valid(p) ? p : gln::purpose::general_recovery);
    list.supervised_ = detail::same(person.oversight, gln::oversight::clinician_supervised);
    list.conditions_ = person.conditions;
    list.medications_ = person.medications;
    list.weight_age_days_ = person.weight_age_days.value_or(0);
    list.rules_ = rules;
  }
  static constexpr void add_invalid(finding_list& list, field_mask fields) noexcept {
    list.invalid_ = static_cast<field_mask>(list.invalid_ | fields);
  }
  static constexpr void add_rules(finding_list& list, rule_mask rules) noexcept {
    list.fired_ |= rules & ~bit_of(gln::rule::input_invalid);
  }
  // Sets the worst level once every finding is in.
  static constexpr void finish(finding_list& list) noexcept {
    detail::assign(list.worst_, worst_except(list, 0));
  }
  // The worst level of the findings but the `excluded` rules: a few AND operations and one
  // look-up, with no branch on the findings (a varied batch mispredicts one).
  static constexpr verdict worst_except(const finding_list& list, rule_mask excluded) noexcept {
    const auto& by_level = rules_by_level[list.supervised_ ? 1 : 0];
    const rule_mask fired = list.fired_ & ~excluded;
    // bit l: a finding at level l (caution 1, clinician_only 2, avoid 3)
    unsigned present = static_cast<unsigned>((fired & by_level[1]) != 0) << 1U;
    present |= static_cast<unsigned>((fired & by_level[2]) != 0) << 2U;
    present |= static_cast<unsigned>((fired & by_level[3]) != 0) << 3U;
    // policy.require_age raises caution.age_unknown above its level in the table. A branch on
    // the policy, not the profile: a batch under one policy predicts it.
    if (list.rules_.require_age) {
      const bool age_unknown = (fired & bit_of(gln::rule::caution_age_unknown)) != 0;
      present |= static_cast<unsigned>(age_unknown)
                 << index_of(list.level_for(gln::rule::caution_age_unknown));
    }
    present |= static_cast<unsigned>(list.invalid_ != 0) << index_of(verdict::avoid);
    return highest_level[present];
  }
  // Whether an input of the profile or the purpose (not of a regimen) is invalid.
  static constexpr bool profile_invalid(const finding_list& list) noexcept {
    return (list.invalid_ & ~regimen_fields) != 0;
  }
};

}  // namespace detail

constexpr finding finding_list::make(position at) const noexcept {
  const std::size_t bit = detail::lowest_bit_index(at.bits);
  if (at.phase == 0 || at.phase == 2) {
    const auto field = static_cast<input_field>(bit);
    const std::string_view reason = data::invalid_input_reasons[bit];
    const rule_info& info = describe(gln::rule::input_invalid);
    return detail::finding_access::make(gln::rule::input_invalid, verdict::avoid, field, purpose_,
                                        gln::cause::of(field), arguments_for(reason), reason,
                                        info.sources, verdict::avoid, supervised_);
  }
  const auto id = static_cast<gln::rule>(bit);
  const rule_info& info = describe(id);
  const citation_list& sources =
      info.cites_dose_row ? dose_row_for(purpose_).sources : info.sources;
  return detail::finding_access::make(id, level_for(id), input_field::none, purpose_, cause_for(id),
                                      arguments_for(info.reason), info.reason, sources, info.level,
                                      supervised_);
}

// The condition or medication of the rule's trigger that the person has (the first, in enum
// order), else the input the rule table names.
constexpr gln::cause finding_list::cause_for(gln::rule id) const noexcept {
  const std::size_t first_screening = index_of(gln::rule::input_invalid) + 1;
  const std::size_t i = index_of(id) - first_screening;
  if (index_of(id) >= first_screening && i < data::screening_triggers.size()) {
    const data::screening_trigger& trigger = data::screening_triggers[i];
    if (!detail::same(trigger.extra, trigger_extra::medication_absent)) {
      for (gln::condition c : trigger.conditions) {
        if (conditions_.contains(c)) return gln::cause::of(c);
      }
      for (gln::medication m : trigger.medications) {
        if (medications_.contains(m)) return gln::cause::of(m);
      }
    }
  }
  return gln::cause::of(describe(id).cause);
}

// The numbers a text names: "{name}" is a policy knob (its value in force) or a number of the
// dose tables. At most two per text.
constexpr text_arguments finding_list::arguments_for(std::string_view pattern) const noexcept {
  text_arguments out{};
  std::size_t next = 0;
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos && next < out.size();
       open = pattern.find('{', open + 1)) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = pattern.substr(open + 1, close - open - 1);
    if (const auto value = number_named(name)) out[next++] = text_argument{name, *value};
  }
  return out;
}

constexpr optional<double> finding_list::number_named(std::string_view name) const noexcept {
  if (const auto knob = parse<policy_knob>(name)) return knob_value(rules_, *knob);
  if (name == detail::weight_age_days_name) return static_cast<double>(weight_age_days_);
  for (const data::named_number& number : data::text_numbers) {
    if (number.name == name) return number.value;
  }
  return nullopt;
}

GLN_END_NAMESPACE

#endif  // GLN_RULES_FINDINGS_HPP
