#include <gln/gln.hpp>

#include <cstddef>
#include <string_view>

#include "catch.hpp"

namespace {

template <class E>
void check_round_trip() {
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
    const auto value = static_cast<E>(i);
    const std::string_view name = gln::to_string(value);
    CAPTURE(i, name);
    REQUIRE_FALSE(name.empty());
    const auto parsed = gln::parse<E>(name);
    REQUIRE(parsed.has_value());
    CHECK(*parsed == value);
  }
  const auto out_of_range = static_cast<E>(gln::enum_count<E>);
  CHECK(gln::to_string(out_of_range).empty());
  CHECK_FALSE(gln::parse<E>("").has_value());
}

}  // namespace

TEST_CASE("every enum round-trips through to_string and parse", "[names]") {
  check_round_trip<gln::purpose>();
  check_round_trip<gln::condition>();
  check_round_trip<gln::medication>();
  check_round_trip<gln::verdict>();
  check_round_trip<gln::evidence_grade>();
  check_round_trip<gln::oversight>();
  check_round_trip<gln::source_kind>();
  check_round_trip<gln::source>();
  check_round_trip<gln::rule>();
  check_round_trip<gln::input_field>();
  check_round_trip<gln::outcome>();
  check_round_trip<gln::dose_access>();
  check_round_trip<gln::plan_status>();
}

TEST_CASE("parse is an exact, case-sensitive match", "[names]") {
  CHECK(gln::parse<gln::purpose>("gut_barrier") == gln::purpose::gut_barrier);
  CHECK_FALSE(gln::parse<gln::purpose>("Gut_Barrier").has_value());
  CHECK_FALSE(gln::parse<gln::purpose>(" gut_barrier").has_value());
  CHECK_FALSE(gln::parse<gln::purpose>("gut_barrier ").has_value());
  CHECK_FALSE(gln::parse<gln::purpose>("gut").has_value());
  CHECK(gln::parse<gln::rule>("contra.cirrhosis") == gln::rule::contra_cirrhosis);
  CHECK_FALSE(gln::parse<gln::rule>("contra_cirrhosis").has_value());
}
