#ifndef GLN_CORE_FINDING_HPP
#define GLN_CORE_FINDING_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "citation.hpp"
#include "enums.hpp"
#include "names.hpp"
#include "optional.hpp"
#include "text.hpp"

GLN_BEGIN_NAMESPACE

// What made a rule fire: one input of the request. For conditions and medications, also which
// one (a seizure caution fired by an anticonvulsant says medications / anticonvulsant).
struct cause {
  static constexpr std::uint8_t no_member = 0xFF;

  input_field field = input_field::none;
  std::uint8_t member = no_member;  // a gln::condition or gln::medication, by index

  static constexpr cause of(input_field input) noexcept { return cause{input, no_member}; }
  static constexpr cause of(gln::condition c) noexcept {
    return cause{input_field::conditions, static_cast<std::uint8_t>(c)};
  }
  static constexpr cause of(gln::medication m) noexcept {
    return cause{input_field::medications, static_cast<std::uint8_t>(m)};
  }

  constexpr optional<gln::condition> which_condition() const noexcept {
    const auto c = static_cast<gln::condition>(member);
    if (!detail::same(field, input_field::conditions) || !is_valid(c)) return nullopt;
    return c;
  }
  constexpr optional<gln::medication> which_medication() const noexcept {
    const auto m = static_cast<gln::medication>(member);
    if (!detail::same(field, input_field::medications) || !is_valid(m)) return nullopt;
    return m;
  }

  constexpr bool operator==(const cause& other) const noexcept {
    return detail::same(field, other.field) && member == other.member;
  }
  constexpr bool operator!=(const cause& other) const noexcept { return !(*this == other); }
};

namespace detail {
struct finding_access;
}  // namespace detail

// One rule that fired, as a value: which rule, at what level, for which purpose, what input
// made it fire, and the numbers in force for its reason. Findings are made by the library
// (iterate a result's `findings`); the text and sources are views of gln's static tables, so a
// finding holds no formatted text and needs no allocation.
class finding {
 public:
  constexpr finding() noexcept = default;
  // A finding made by hand, to compare with or to store: it has no reason of its own (the
  // reason says so) and cites gln_policy. The library's findings come from results.
  constexpr finding(gln::rule id, verdict reported, input_field bad, gln::purpose p) noexcept
      : rule(id), level(reported), field(bad), purpose(p) {}

  // A finding is a value: these fields are its API (the views of the tables stay private).
  // NOLINTBEGIN(misc-non-private-member-variables-in-classes)
  gln::rule rule = gln::rule::input_invalid;
  verdict level = verdict::avoid;         // as reported, after oversight and policy are applied
  input_field field = input_field::none;  // the bad input of an input.invalid finding
  gln::purpose purpose = gln::purpose::general_recovery;  // the purpose screened or checked
  gln::cause cause{};                                     // the input that made it fire
  text_arguments arguments{};  // the numbers in force for the reason's placeholders
  // NOLINTEND(misc-non-private-member-variables-in-classes)

  // Stable dotted id, e.g. "contra.cirrhosis".
  constexpr std::string_view rule_id() const noexcept { return gln::to_string(rule); }
  // Why the rule exists, with the numbers in force: "above the 30 g/day maximum ...".
  constexpr text reason() const noexcept { return text{reason_, arguments}; }
  // The reason as a template, with "{name}" placeholders for `arguments` (for translation).
  constexpr std::string_view reason_template() const noexcept { return reason_; }
  // The reason formatted into out[0..capacity); returns its size (see gln::format_text).
  constexpr std::size_t format_reason(char* out, std::size_t capacity) const noexcept {
    return format_text(reason_, arguments, out, capacity);
  }
  // The same for the person (docs/knowledge.md §11): a plain-language gist with the numbers in
  // force, set in the frame that says what to do ("... Ask your doctor first."), or under
  // clinician supervision in one that defers to the prescriber. At most 140 characters.
  constexpr text patient_text() const noexcept { return text{frame_, patient_, arguments}; }
  // Its parts, for translation: the gist (message key `<rule id>.patient`) and the frame, in
  // which "{text}" stands for the gist (key `patient.frame.<frame>`).
  constexpr std::string_view patient_template() const noexcept { return patient_; }
  constexpr std::string_view patient_frame_template() const noexcept { return frame_; }
  // The patient text formatted into out[0..capacity); returns its size.
  constexpr std::size_t format_patient_text(char* out, std::size_t capacity) const noexcept {
    return format_framed_text(frame_, patient_, arguments, out, capacity);
  }
  // The message keys of the two texts: "contra.cirrhosis.reason", "contra.cirrhosis.patient".
  constexpr text reason_key() const noexcept { return key(".reason"); }
  constexpr text patient_key() const noexcept { return key(".patient"); }
  // The sources behind the finding; dose-range findings cite their purpose's dose row.
  constexpr const citation_list& sources() const noexcept { return *sources_; }
  // The rule's verdict for self-directed use, before oversight.
  constexpr verdict self_directed_level() const noexcept { return self_directed_level_; }

  constexpr bool operator==(const finding& other) const noexcept {
    return detail::same(rule, other.rule) && detail::same(level, other.level) &&
           detail::same(field, other.field) && detail::same(purpose, other.purpose) &&
           cause == other.cause && same_arguments(other);
  }
  constexpr bool operator!=(const finding& other) const noexcept { return !(*this == other); }

 private:
  friend struct detail::finding_access;

  // By hand: std::array's operator== instantiates std::equal in every translation unit.
  constexpr bool same_arguments(const finding& other) const noexcept {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
      if (!(arguments[i] == other.arguments[i])) return false;
    }
    return true;
  }

  constexpr text key(std::string_view suffix) const noexcept {
    text out{};
    out.append(rule_id()).append(suffix);
    return out;
  }

  std::string_view reason_ = "not described: this finding was not made by gln's rules";
  std::string_view patient_ = "this finding was not made by gln's rules.";
  std::string_view frame_ = "We could not check this: {text}";
  const citation_list* sources_ = &detail::policy_citation;
  verdict self_directed_level_ = verdict::avoid;
};

GLN_END_NAMESPACE

#endif  // GLN_CORE_FINDING_HPP
