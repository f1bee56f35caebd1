// Shared by the fuzz targets: a reader that turns fuzz bytes into typed inputs biased
// towards the values that break things, and the invariants every result must keep.
#ifndef GLN_TESTS_FUZZ_SUPPORT_HPP
#define GLN_TESTS_FUZZ_SUPPORT_HPP

#include <gln/gln.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string_view>

// An invariant that fails aborts, which libFuzzer reports as a crash with the input saved.
#define GLN_FUZZ_CHECK(condition) \
  ((condition) ? static_cast<void>(0) : ::gln_fuzz::fail(#condition, __FILE__, __LINE__))

namespace gln_fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: invariant failed: %s\n", file, line, what);
  std::fflush(stderr);
  std::abort();
}

// Values at and around every threshold of knowledge.md, plus the IEEE specials.
inline constexpr std::array<double, 40> interesting_doubles{
    std::numeric_limits<double>::quiet_NaN(),
    -std::numeric_limits<double>::quiet_NaN(),
    std::numeric_limits<double>::infinity(),
    -std::numeric_limits<double>::infinity(),
    0.0,
    -0.0,
    std::numeric_limits<double>::denorm_min(),
    -std::numeric_limits<double>::denorm_min(),
    std::numeric_limits<double>::min(),
    std::numeric_limits<double>::max(),
    std::numeric_limits<double>::lowest(),
    std::numeric_limits<double>::epsilon(),
    1.0e308,
    -1.0,
    0.2,
    0.3,
    0.5,
    0.65,
    1.0,
    2.0,
    4.999999,
    5.0,
    5.000001,
    8.0,
    10.0,
    14.0,
    15.0,
    16.0,
    17.999,
    18.0,
    20.0,
    29.999,
    30.0,
    40.0,
    45.0,
    65.0,
    65.1,
    130.0,
    700.0,
    1.0e6,
};

inline constexpr std::array<int, 16> interesting_ints{std::numeric_limits<int>::min(),
                                                      std::numeric_limits<int>::max(),
                                                      -1,
                                                      0,
                                                      1,
                                                      2,
                                                      3,
                                                      5,
                                                      6,
                                                      12,
                                                      13,
                                                      14,
                                                      28,
                                                      56,
                                                      1000000,
                                                      -1000000};

// Reads typed values from the fuzz bytes; past the end every read yields zero bytes.
class reader {
 public:
  reader(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

  std::size_t remaining() const noexcept { return size_ - pos_; }

  std::uint8_t byte() noexcept { return pos_ < size_ ? data_[pos_++] : std::uint8_t{0}; }

  bool flag() noexcept { return (byte() & 1U) != 0; }

  std::uint16_t word() noexcept {
    const std::uint16_t high = byte();
    return static_cast<std::uint16_t>((high << 8U) | byte());
  }

  std::uint64_t bits64() noexcept {
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value = (value << 8U) | byte();
    return value;
  }

  // Half the time a listed special value; otherwise any bit pattern (NaN payloads and
  // subnormals included) or a small multiple of 1/8.
  double number() noexcept {
    const std::uint8_t mode = byte();
    if (mode < 128) return interesting_doubles[mode % interesting_doubles.size()];
    if (mode < 192) {
      const std::uint64_t bits = bits64();
      double value = 0.0;
      std::memcpy(&value, &bits, sizeof value);
      return value;
    }
    const double small = static_cast<double>(word());
    return (mode & 1U) != 0 ? -small / 8.0 : small / 8.0;
  }

  int count() noexcept {
    const std::uint8_t mode = byte();
    if (mode < 64) return interesting_ints[mode % interesting_ints.size()];
    if (mode < 192) return static_cast<int>(mode % 16U) - 1;
    std::uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) bits = (bits << 8U) | byte();
    std::int32_t value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }

  // Mostly a valid enumerator; otherwise any value of the underlying byte, in range or not.
  template <class E>
  E enumerator() noexcept {
    const std::uint8_t mode = byte();
    if (mode < 224) return static_cast<E>(byte() % gln::enum_count<E>);
    return static_cast<E>(byte());
  }

  // The next `size` bytes as text (fewer near the end).
  std::string_view text(std::size_t size) noexcept {
    const std::size_t n = size < remaining() ? size : remaining();
    const std::string_view out{reinterpret_cast<const char*>(data_ + pos_), n};
    pos_ += n;
    return out;
  }
  std::string_view rest() noexcept { return text(remaining()); }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// A profile from the bytes, with what knowledge.md says about each field's validity
// recorded next to it so the checks do not have to trust the library's own validation.
struct fuzzed_profile {
  gln::profile person{};
  bool conditions_out_of_range = false;
  bool medications_out_of_range = false;
};

template <class E>
gln::enum_set<E> read_set(reader& in, bool& out_of_range) noexcept {
  gln::enum_set<E> set{};
  if (in.flag()) {
    const std::uint64_t bits = in.bits64();
    out_of_range = (bits & ~gln::enum_set<E>::valid_mask) != 0;
    return gln::enum_set<E>::from_bits(bits);
  }
  const unsigned members = in.byte() % 4U;
  for (unsigned i = 0; i < members; ++i) {
    const E value = in.enumerator<E>();
    out_of_range = out_of_range || static_cast<std::size_t>(value) >= gln::enum_count<E>;
    set.insert(value);
  }
  return set;
}

inline fuzzed_profile read_profile(reader& in) noexcept {
  fuzzed_profile out{};
  if (in.flag()) out.person.age_years = gln::optional<double>{in.number()};
  if (in.flag()) out.person.weight_kg = gln::optional<gln::kilograms>{gln::kilograms{in.number()}};
  out.person.conditions = read_set<gln::condition>(in, out.conditions_out_of_range);
  out.person.medications = read_set<gln::medication>(in, out.medications_out_of_range);
  out.person.oversight = in.enumerator<gln::oversight>();
  return out;
}

inline gln::regimen read_regimen(reader& in) noexcept {
  gln::regimen plan{};
  plan.per_dose = gln::grams{in.number()};
  plan.doses_per_day = in.count();
  if (in.flag()) plan.weeks = gln::optional<double>{in.number()};
  return plan;
}

// Each knob of the threshold table is left at its default or set from the bytes: any number
// its type can hold (a double, a whole number, a switch).
inline gln::policy read_policy(reader& in) noexcept {
  gln::policy p{};
  const std::uint64_t which = in.bits64();
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    if (((which >> gln::index_of(knob.id)) & 1U) == 0) continue;
    if (gln::set_knob_value(p, knob.id, in.number())) continue;
    if (gln::set_knob_value(p, knob.id, static_cast<double>(in.count()))) continue;
    static_cast<void>(gln::set_knob_value(p, knob.id, in.flag() ? 1.0 : 0.0));
  }
  return p;
}

// --- Invariants -------------------------------------------------------------------------

inline bool finite(double value) noexcept {
  return value == value && value != std::numeric_limits<double>::infinity() &&
         value != -std::numeric_limits<double>::infinity();
}
// The policy the rules apply is never looser than the defaults, knob by knob, in the direction
// knowledge.md §12 gives each knob.
inline void check_effective(const gln::policy& requested) noexcept {
  const gln::policy e = gln::effective(requested);
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    const double used = gln::knob_value(e, knob.id);
    const double fallback = knob.default_value;
    GLN_FUZZ_CHECK(finite(used));
    switch (knob.stricter) {
      case gln::direction::lower:
      case gln::direction::earlier:
      case gln::direction::shorter: GLN_FUZZ_CHECK(used > 0.0 && used <= fallback); break;
      case gln::direction::higher:
      case gln::direction::longer: GLN_FUZZ_CHECK(used >= fallback); break;
      case gln::direction::later:
        GLN_FUZZ_CHECK(used >= fallback);
        // A requested later day never passes its bound; the default may, when the bound was
        // made earlier than it (the trial plan then drops the step-up).
        if (knob.at_most && used != fallback) {
          GLN_FUZZ_CHECK(used <= gln::knob_value(e, *knob.at_most));
        }
        break;
      case gln::direction::on: GLN_FUZZ_CHECK(used >= fallback && used <= 1.0); break;
      case gln::direction::off: GLN_FUZZ_CHECK(used <= fallback && used >= 0.0); break;
    }
  }
  // Applying it twice changes nothing.
  GLN_FUZZ_CHECK(gln::effective(e) == e);
}

// Which profile fields knowledge.md calls invalid (§4 input.invalid), under policy `e`.
struct invalid_fields {
  bool age = false;
  bool weight = false;
  bool conditions = false;
  bool medications = false;
  bool oversight = false;
  bool purpose = false;
  bool any() const noexcept {
    return age || weight || conditions || medications || oversight || purpose;
  }
};

inline invalid_fields expected_invalid(const fuzzed_profile& in, gln::purpose p,
                                       const gln::policy& e) noexcept {
  invalid_fields out{};
  const gln::profile& person = in.person;
  if (person.age_years) {
    const double age = *person.age_years;
    out.age = !finite(age) || age < 0.0 || age > e.max_age_years;  // 0: a newborn (§4)
  }
  if (person.weight_kg) {
    const double kg = person.weight_kg->value();
    out.weight = !finite(kg) || kg < e.min_weight.value() || kg > e.max_weight.value();
  }
  out.conditions = in.conditions_out_of_range;
  out.medications = in.medications_out_of_range;
  out.oversight = static_cast<std::size_t>(person.oversight) >= gln::enum_count<gln::oversight>;
  out.purpose = static_cast<std::size_t>(p) >= gln::enum_count<gln::purpose>;
  return out;
}

inline bool has_invalid(const gln::finding_list& findings, gln::input_field field) noexcept {
  for (const gln::finding& f : findings) {
    if (f.rule == gln::rule::input_invalid && f.field == field) return true;
  }
  return false;
}

// Every finding is well formed, traceable to live sources, at the level its rule gives for
// the oversight, and the overall verdict is the worst of them.
inline void check_findings(const gln::finding_list& findings, gln::verdict overall, gln::purpose p,
                           gln::oversight oversight, const gln::policy& applied) noexcept {
  std::size_t count = 0;
  for (auto it = findings.begin(); it != findings.end(); ++it) ++count;
  GLN_FUZZ_CHECK(count == findings.size());
  GLN_FUZZ_CHECK(findings.empty() == (count == 0));
  const bool supervised = oversight == gln::oversight::clinician_supervised;
  gln::verdict worst = gln::verdict::suitable;
  std::uint64_t rules_seen = 0;
  std::uint64_t fields_seen = 0;
  for (const gln::finding& f : findings) {
    GLN_FUZZ_CHECK(gln::is_valid(f.rule));
    GLN_FUZZ_CHECK(gln::is_valid(f.level));
    GLN_FUZZ_CHECK(gln::is_valid(f.field));
    GLN_FUZZ_CHECK(gln::is_valid(f.purpose));
    GLN_FUZZ_CHECK(f.purpose == (gln::is_valid(p) ? p : gln::purpose::general_recovery));
    GLN_FUZZ_CHECK(!f.rule_id().empty());
    GLN_FUZZ_CHECK(!f.reason().empty());
    worst = gln::worst(worst, f.level);

    const gln::citation_list& sources = f.sources();
    GLN_FUZZ_CHECK(!sources.empty());
    GLN_FUZZ_CHECK(!sources.overflowed());
    for (const gln::source id : sources) {
      GLN_FUZZ_CHECK(gln::is_valid(id));
      GLN_FUZZ_CHECK(gln::source_info(id).id == id);
      GLN_FUZZ_CHECK(!gln::source_info(id).retracted);
    }

    const gln::rule_info& info = gln::describe(f.rule);
    if (f.rule == gln::rule::input_invalid) {
      GLN_FUZZ_CHECK(f.level == gln::verdict::avoid);
      GLN_FUZZ_CHECK(f.field != gln::input_field::none);
      const std::uint64_t bit = std::uint64_t{1} << gln::index_of(f.field);
      GLN_FUZZ_CHECK((fields_seen & bit) == 0);  // one finding per bad field
      fields_seen |= bit;
      continue;
    }
    GLN_FUZZ_CHECK(f.field == gln::input_field::none);
    const std::uint64_t bit = std::uint64_t{1} << gln::index_of(f.rule);
    GLN_FUZZ_CHECK((rules_seen & bit) == 0);  // each rule fires at most once
    rules_seen |= bit;
    // policy.require_age makes an unknown age clinician_only (§4, §12).
    const bool age_required = f.rule == gln::rule::caution_age_unknown && applied.require_age;
    const gln::verdict unsupervised = age_required ? gln::verdict::clinician_only : info.level;
    GLN_FUZZ_CHECK(f.level == (supervised ? info.supervised_level : unsupervised));
    if (supervised) GLN_FUZZ_CHECK(!info.self_directed_only);
    // Supervision never lowers avoid, except the documented adult-maximum ceiling.
    if (info.level == gln::verdict::avoid && f.rule != gln::rule::dose_above_adult_maximum) {
      GLN_FUZZ_CHECK(f.level == gln::verdict::avoid);
    }
  }
  GLN_FUZZ_CHECK(overall == worst);
  GLN_FUZZ_CHECK(overall == findings.worst_level());
}

// Findings in [first, last) come in rule order (input.invalid, index 0, first).
inline void check_sorted(const gln::finding_list& findings, std::size_t first,
                         std::size_t last) noexcept {
  for (std::size_t i = first + 1; i < last; ++i) {
    GLN_FUZZ_CHECK(!(findings[i].rule < findings[i - 1].rule));
  }
}

// Invalid input always yields input.invalid at avoid for that field, and valid input never
// does.
inline void check_invalid_profile(const gln::finding_list& findings, gln::verdict overall,
                                  const invalid_fields& bad) noexcept {
  GLN_FUZZ_CHECK(has_invalid(findings, gln::input_field::age_years) == bad.age);
  GLN_FUZZ_CHECK(has_invalid(findings, gln::input_field::weight_kg) == bad.weight);
  GLN_FUZZ_CHECK(has_invalid(findings, gln::input_field::conditions) == bad.conditions);
  GLN_FUZZ_CHECK(has_invalid(findings, gln::input_field::medications) == bad.medications);
  GLN_FUZZ_CHECK(has_invalid(findings, gln::input_field::oversight) == bad.oversight);
  GLN_FUZZ_CHECK(has_invalid(findings, gln::input_field::purpose) == bad.purpose);
  if (bad.any()) GLN_FUZZ_CHECK(overall == gln::verdict::avoid);
}

// Every avoid finding of `baseline` is still an avoid finding of `other`, unless `other`
// failed closed on an input that the stricter policy now rejects. With `supervised` (other is
// baseline under clinician supervision) the two exceptions of docs/knowledge.md §6 hold: the
// adult maximum is reported at caution, and the Endari label's band dose for a child is
// dose.child_per_kg_label_band instead of dose.child_per_kg.
inline void check_avoid_kept(const gln::finding_list& baseline, const gln::finding_list& other,
                             bool supervised) noexcept {
  const bool other_invalid = other.contains(gln::rule::input_invalid);
  for (const gln::finding& f : baseline) {
    if (f.level != gln::verdict::avoid) continue;
    if (supervised && f.rule == gln::rule::dose_above_adult_maximum) continue;
    if (supervised && f.rule == gln::rule::dose_child_per_kg &&
        other.contains(gln::rule::dose_child_per_kg_label_band)) {
      continue;
    }
    GLN_FUZZ_CHECK(other.level_of(f.rule) == gln::verdict::avoid || other_invalid);
  }
}

}  // namespace gln_fuzz

#endif  // GLN_TESTS_FUZZ_SUPPORT_HPP
