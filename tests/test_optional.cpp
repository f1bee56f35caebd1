// gln::optional: the results' optional values read and compare as std::optional's do, and
// convert to and from it.
#include <optional>
#include <type_traits>

#include <gln/gln.hpp>

#include "support.hpp"

namespace {

using gln::optional;

static_assert(std::is_trivially_copyable<optional<gln::range<gln::grams>>>::value);
static_assert(!optional<int>{}.has_value() && !optional<int>{std::nullopt});
static_assert(optional<int>{3}.has_value() && *optional<int>{3} == 3);
static_assert(optional<int>{}.value_or(7) == 7 && optional<int>{3}.value_or(7) == 3);
static_assert(optional<int>{3}.value() == 3);
static_assert(optional<int>{} == std::nullopt && std::nullopt == optional<int>{});
static_assert(optional<int>{3} != std::nullopt && std::nullopt != optional<int>{3});
static_assert(optional<int>{3} == optional<int>{3} && optional<int>{3} != optional<int>{4});
static_assert(optional<int>{} != optional<int>{0} && optional<int>{} == optional<int>{});
// Against a plain value, of T or of any type T compares with, on either side.
static_assert(optional<int>{3} == 3 && 3 == optional<int>{3} && optional<int>{3} != 4);
static_assert(optional<int>{} != 0 && 0 != optional<int>{} && !(optional<int>{} == 0));
static_assert(optional<int>{3} == 3L && optional<double>{40.0} == 40);
static_assert(optional<gln::grams>{gln::grams{5.0}} == gln::grams{5.0});

constexpr optional<double> assigned() {
  gln::profile person{};
  person.age_years = 40;  // an int, in a constant expression
  return person.age_years;
}
static_assert(assigned() == 40.0);

constexpr bool reset_and_emplace() {
  optional<int> o{3};
  o.reset();
  const bool emptied = !o;
  o.emplace(5);
  o = std::nullopt;
  const bool cleared = !o;
  o = 6;
  return emptied && cleared && o == 6;
}
static_assert(reset_and_emplace());

constexpr bool value_writes_and_emplace_builds() {
  gln::profile person{};
  person.age_years = 40;
  person.age_years.value() += 1;   // value() of a non-const optional is writable
  person.weight_kg.emplace(70.0);  // T made from the arguments, as std::optional::emplace
  optional<int> none_yet{};
  none_yet.emplace();  // T{}
  return person.age_years == 41.0 && person.weight_kg == gln::kilograms{70.0} && none_yet == 0;
}
static_assert(value_writes_and_emplace_builds());

}  // namespace

TEST_CASE("gln::optional converts to and from std::optional") {
  const optional<double> age{40.0};
  const std::optional<double> as_std = age;
  REQUIRE(as_std);
  CHECK(*as_std == 40.0);
  const std::optional<double> none_std = optional<double>{};
  CHECK_FALSE(none_std);

  gln::profile person{};
  person.age_years = std::optional<double>{18.5};
  REQUIRE(person.age_years);
  CHECK(*person.age_years == 18.5);
  person.age_years = std::optional<double>{};
  CHECK_FALSE(person.age_years);
  CHECK(person.age_years == std::nullopt);
}

TEST_CASE("gln::optional compares with std::optional as std::optional does: empty equals empty") {
  const std::optional<double> from_record{40.0};
  const std::optional<double> none{};
  gln::profile person{};
  CHECK(person.age_years == none);
  CHECK(none == person.age_years);
  CHECK(person.age_years != from_record);
  CHECK(from_record != person.age_years);
  person.age_years = 40;
  CHECK(person.age_years == from_record);
  CHECK(from_record == person.age_years);
  CHECK(person.age_years != none);
  CHECK(person.age_years != std::optional<double>{40.5});
  // A value of another type, even one the compiler would warn about comparing, as std::optional
  // (gln's header stays quiet under -Wconversion and -Wsign-compare, as a system header is).
  person.weight_age_days = 3;
  const unsigned three = 3;
  const long forty = 40;
  CHECK(person.weight_age_days == three);
  CHECK(person.age_years == forty);
}

TEST_CASE("gln::optional in results: a dose by weight has no daily range without a weight") {
  const gln::dose_guidance g = gln::dose_for(gln::purpose::trauma);
  CHECK(g.weight_needed);
  CHECK(g.per_day == std::nullopt);
  CHECK_FALSE(g.per_day.has_value());
  // docs/knowledge.md §5: trauma 0.2-0.3 g/kg/day, so 10-15 g a day at 50 kg.
  const gln::dose_guidance weighed =
      gln::dose_for(gln::profile{}.set_age(30).set_weight(50), gln::purpose::trauma);
  REQUIRE(weighed.per_day);
  CHECK(weighed.per_day->min.value() == Approx(10.0));
  CHECK(weighed.per_day.value().max.value() == Approx(15.0));
}
