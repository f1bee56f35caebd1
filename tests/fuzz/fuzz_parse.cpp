// parse<E> and to_string on every enum, enum_set::from_bits, and the by-id look-ups with
// any byte cast into the enum.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"

namespace {

template <class E>
void check_names(std::string_view text, std::uint8_t raw) noexcept {
  const auto parsed = gln::parse<E>(text);
  if (parsed) {
    GLN_FUZZ_CHECK(gln::is_valid(*parsed));
    GLN_FUZZ_CHECK(gln::to_string(*parsed) == text);
  } else {
    for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
      GLN_FUZZ_CHECK(gln::to_string(static_cast<E>(i)) != text);
    }
  }
  // Any byte cast into the enum: a name exactly when it is an enumerator, and it parses back.
  const auto value = static_cast<E>(raw);
  const std::string_view name = gln::to_string(value);
  GLN_FUZZ_CHECK(name.empty() == !gln::is_valid(value));
  GLN_FUZZ_CHECK(gln::is_valid(value) == (raw < gln::enum_count<E>));
  if (!name.empty()) GLN_FUZZ_CHECK(gln::parse<E>(name) == value);
}

template <class E>
void check_set(std::uint64_t bits) noexcept {
  using set = gln::enum_set<E>;
  const set s = set::from_bits(bits);
  GLN_FUZZ_CHECK(s.has_out_of_range() == ((bits & ~set::valid_mask) != 0));
  std::size_t members = 0;
  E previous{};
  for (const E value : s) {
    GLN_FUZZ_CHECK(gln::is_valid(value));
    GLN_FUZZ_CHECK(s.contains(value));
    GLN_FUZZ_CHECK(((bits >> gln::index_of(value)) & 1U) != 0);
    if (members > 0) GLN_FUZZ_CHECK(previous < value);
    previous = value;
    ++members;
  }
  GLN_FUZZ_CHECK(members == s.size());
  GLN_FUZZ_CHECK(s.empty() == (bits == 0));
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
    GLN_FUZZ_CHECK(s.contains(static_cast<E>(i)) == (((bits >> i) & 1U) != 0));
  }
  // Inserting a value outside the enum marks the set; contains() never reports it.
  set marked = s;
  marked.insert(static_cast<E>(gln::enum_count<E>));
  GLN_FUZZ_CHECK(marked.has_out_of_range());
  GLN_FUZZ_CHECK(!marked.contains(static_cast<E>(gln::enum_count<E>)));
  GLN_FUZZ_CHECK(marked.size() == s.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gln_fuzz::reader in{data, size};
  const std::uint8_t raw = in.byte();
  const std::uint64_t bits = in.bits64();
  const std::string_view text = in.rest();

  check_names<gln::purpose>(text, raw);
  check_names<gln::condition>(text, raw);
  check_names<gln::medication>(text, raw);
  check_names<gln::verdict>(text, raw);
  check_names<gln::evidence_grade>(text, raw);
  check_names<gln::oversight>(text, raw);
  check_names<gln::source_kind>(text, raw);
  check_names<gln::source>(text, raw);
  check_names<gln::rule>(text, raw);
  check_names<gln::input_field>(text, raw);
  check_names<gln::outcome>(text, raw);
  check_names<gln::dose_access>(text, raw);
  check_names<gln::plan_status>(text, raw);

  check_set<gln::condition>(bits);
  check_set<gln::medication>(bits);
  check_set<gln::purpose>(bits);

  // By-id look-ups fall back to a safe record for a value outside the enum.
  const auto id = static_cast<gln::source>(raw);
  const gln::citation& cited = gln::source_info(id);
  GLN_FUZZ_CHECK(cited.id == (gln::is_valid(id) ? id : gln::source::gln_policy));
  GLN_FUZZ_CHECK(!cited.text.empty());
  const auto rule = static_cast<gln::rule>(raw);
  const gln::rule_info& info = gln::describe(rule);
  GLN_FUZZ_CHECK(info.id == (gln::is_valid(rule) ? rule : gln::rule::input_invalid));
  GLN_FUZZ_CHECK(!info.reason.empty());
  return 0;
}
