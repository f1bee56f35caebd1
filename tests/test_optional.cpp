// gln::optional: the results' optional values read and compare as std::optional's do, with
// gln::nullopt; <gln/std_optional.hpp> converts to and from std::optional.
#include <optional>
#include <type_traits>

#include <gln/gln.hpp>
#include <gln/std_optional.hpp>

#include "support.hpp"

namespace {

using gln::optional;

static_assert(std::is_trivially_copyable<optional<gln::range<gln::grams>>>::value);
static_assert(!optional<int>{}.has_value() && !optional<int>{gln::nullopt});
static_assert(optional<int>{3}.has_value() && *optional<int>{3} == 3);
static_assert(optional<int>{}.value_or(7) == 7 && optional<int>{3}.value_or(7) == 3);
static_assert(optional<int>{3}.value() == 3);
static_assert(optional<int>{} == gln::nullopt && gln::nullopt == optional<int>{});
static_assert(optional<int>{3} != gln::nullopt && gln::nullopt != optional<int>{3});
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
  o = gln::nullopt;
  const bool cleared = !o;
  o = 6;
  const bool six = o == 6;
  o = {};
  return emptied && cleared && six && !o;
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

// A large T (a shown dose) is kept in a union that an empty optional leaves unwritten: it reads
// and writes as a small one does, in constant expressions too (where C++17 cannot switch a
// union's member by assignment).
constexpr bool large_values_read_and_write() {
  optional<gln::shown_dose> dose{};
  const bool starts_empty = !dose && dose == gln::nullopt && !dose.has_value();
  dose.emplace();
  const bool made = dose.has_value() && !dose->per_day && dose->amount.empty();
  gln::shown_dose five{};
  five.amount = "5 g";
  dose = five;
  dose->per_day = gln::range<gln::grams>{gln::grams{5.0}, gln::grams{10.0}};
  const optional<gln::shown_dose> copy = dose;
  dose.reset();
  const bool emptied = !dose;
  dose = gln::nullopt;
  return starts_empty && made && emptied && !dose && copy->amount == "5 g" &&
         copy->per_day->max == gln::grams{10.0} && copy.value_or(gln::shown_dose{}).amount == "5 g";
}
static_assert(large_values_read_and_write());
static_assert(std::is_trivially_copyable<optional<gln::shown_dose>>::value);

}  // namespace

// <gln/gln.hpp> does not include <optional>: std::nullopt and std::optional<T> are not
// gln::optional's, and convert only through <gln/std_optional.hpp>.
static_assert(!std::is_convertible<std::nullopt_t, optional<double>>::value);
static_assert(!std::is_convertible<std::optional<double>, optional<double>>::value);
static_assert(!std::is_convertible<optional<double>, std::optional<double>>::value);
static_assert(gln::from_std_optional(std::optional<double>{18.5}) == 18.5);
static_assert(!gln::from_std_optional(std::optional<double>{}));
static_assert(*gln::to_std_optional(optional<int>{3}) == 3);
static_assert(!gln::to_std_optional(optional<int>{}));

TEST_CASE("gln::optional converts to and from std::optional through <gln/std_optional.hpp>") {
  const optional<double> age{40.0};
  const std::optional<double> as_std = gln::to_std_optional(age);
  REQUIRE(as_std);
  CHECK(*as_std == 40.0);
  CHECK_FALSE(gln::to_std_optional(optional<double>{}));

  gln::profile person{};
  person.age_years = gln::from_std_optional(std::optional<double>{18.5});
  REQUIRE(person.age_years);
  CHECK(*person.age_years == 18.5);
  person.age_years = gln::from_std_optional(std::optional<double>{});
  CHECK_FALSE(person.age_years);
  CHECK(person.age_years == gln::nullopt);
}

TEST_CASE("gln::optional compares with values of any type T compares with") {
  gln::profile person{};
  person.age_years = 40;
  // A value of another type, even one the compiler would warn about comparing, as std::optional
  // (gln's header stays quiet under -Wconversion and -Wsign-compare, as a system header is).
  person.weight_age_days = 3;
  const unsigned three = 3;
  const long forty = 40;
  CHECK(person.weight_age_days == three);
  CHECK(person.age_years == forty);
  CHECK(person.age_years != 40.5);
}

TEST_CASE("gln::optional in results: a dose by weight has no daily range without a weight") {
  const gln::dose_guidance g = gln::dose_for(gln::purpose::trauma);
  CHECK(g.weight_needed);
  CHECK(g.per_day == gln::nullopt);
  CHECK_FALSE(g.per_day.has_value());
  // docs/knowledge.md §5: trauma 0.2-0.3 g/kg/day, so 10-15 g a day at 50 kg.
  const gln::dose_guidance weighed =
      gln::dose_for(gln::profile{}.set_age(30).set_weight(50), gln::purpose::trauma);
  REQUIRE(weighed.per_day);
  CHECK(weighed.per_day->min.value() == Approx(10.0));
  CHECK(weighed.per_day.value().max.value() == Approx(15.0));
}
