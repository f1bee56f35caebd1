// Every gln entry point allocates nothing. This program replaces every global operator new
// and operator delete, counts the calls, and fails if any call is made while gln is
// working. It is its own executable (no test framework) so that nothing else allocates
// inside the counted regions.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <new>
#include <optional>
#include <string_view>
#include <vector>

#include <gln/gln.hpp>

#include "builders.hpp"

namespace {

std::size_t allocations = 0;
std::size_t deallocations = 0;

void* allocate(std::size_t size) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}

void* allocate_aligned(std::size_t size, std::align_val_t alignment) noexcept {
  ++allocations;
  const auto align = static_cast<std::size_t>(alignment);
  // aligned_alloc wants a size that is a multiple of the alignment.
  const std::size_t rounded = ((size == 0 ? 1 : size) + align - 1) / align * align;
  return std::aligned_alloc(align, rounded);
}

void deallocate(void* pointer) noexcept {
  if (pointer == nullptr) return;
  ++deallocations;
  std::free(pointer);
}

void* checked(void* pointer) {
  if (pointer == nullptr) {
#if defined(__cpp_exceptions)
    throw std::bad_alloc{};
#else
    std::abort();
#endif
  }
  return pointer;
}

}  // namespace

// Every replaceable global allocation and deallocation function (C++17).
void* operator new(std::size_t size) { return checked(allocate(size)); }
void* operator new[](std::size_t size) { return checked(allocate(size)); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size); }
void* operator new(std::size_t size, std::align_val_t alignment) {
  return checked(allocate_aligned(size, alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return checked(allocate_aligned(size, alignment));
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate_aligned(size, alignment);
}
void operator delete(void* pointer) noexcept { deallocate(pointer); }
void operator delete[](void* pointer) noexcept { deallocate(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { deallocate(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { deallocate(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { deallocate(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { deallocate(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { deallocate(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { deallocate(pointer); }
void operator delete(void* pointer, std::size_t, std::align_val_t) noexcept { deallocate(pointer); }
void operator delete[](void* pointer, std::size_t, std::align_val_t) noexcept {
  deallocate(pointer);
}
void operator delete(void* pointer, std::align_val_t, const std::nothrow_t&) noexcept {
  deallocate(pointer);
}
void operator delete[](void* pointer, std::align_val_t, const std::nothrow_t&) noexcept {
  deallocate(pointer);
}

namespace {

int failures = 0;

// Results are folded into this, so an optimizing build cannot drop the calls.
volatile std::size_t sink = 0;

void keep(std::size_t value) { sink = sink + value; }

// Runs `body` and fails if it allocated or freed anything.
template <class Body>
void expect_no_allocation(const char* what, Body body) {
  const std::size_t new_before = allocations;
  const std::size_t delete_before = deallocations;
  body();
  const std::size_t news = allocations - new_before;
  const std::size_t deletes = deallocations - delete_before;
  if (news != 0 || deletes != 0) {
    std::printf("FAIL %s: %zu operator new, %zu operator delete\n", what, news, deletes);
    ++failures;
  } else {
    std::printf("ok   %s\n", what);
  }
}

void keep_screening(const gln::screening& result) {
  keep(gln::index_of(result.overall) + result.findings.size());
  for (const gln::finding& item : result.findings) {
    keep(item.rule_id().size() + item.reason().size() + item.sources().size());
  }
}

using gln_test::person;

// Profiles that reach every branch: none, typical, everything, a child, supervised, and
// each kind of invalid input.
std::vector<gln::profile> profiles() {
  using c = gln::condition;
  using m = gln::medication;
  const auto self = gln::oversight::self_directed;
  const auto supervised = gln::oversight::clinician_supervised;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const auto all_conditions = gln::condition_set::from_bits(gln::condition_set::valid_mask);
  const auto all_medications = gln::medication_set::from_bits(gln::medication_set::valid_mask);
  return {
      gln::profile{},
      person(40.0, 70.0, {c::pregnancy, c::msg_sensitivity, c::kidney_disease},
             {m::other_prescription, m::supplement_stack}, self),
      person(16.0, 60.0, all_conditions, all_medications, self),
      person(3.0, 14.0, {c::sickle_cell_disease}, {}, self),
      person(8.0, 25.0, {c::short_bowel_syndrome}, {m::growth_hormone}, supervised),
      person(55.0, 80.0, {c::cirrhosis, c::shock}, {m::lactulose}, supervised),
      person(nan, inf, {}, {}, self),
      person(-1.0, 0.0, gln::condition_set::from_bits(~std::uint64_t{0}),
             gln::medication_set::from_bits(~std::uint64_t{0}), static_cast<gln::oversight>(9)),
      person(200.0, 900.0, {}, {}, self),
  };
}

std::vector<gln::purpose> purposes() {
  std::vector<gln::purpose> out;
  for (std::size_t i = 0; i <= gln::enum_count<gln::purpose>; ++i) {
    out.push_back(static_cast<gln::purpose>(i));  // the last one is out of range
  }
  return out;
}

std::vector<gln::regimen> regimens() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  return {
      gln::regimen{gln::grams{5.0}, 1, gln::nullopt}, gln::regimen{gln::grams{5.0}, 2, 6.0},
      gln::regimen{gln::grams{15.0}, 3, 52.0},        gln::regimen{gln::grams{0.3}, 2, 24.0},
      gln::regimen{gln::grams{nan}, 0, -1.0},         gln::regimen{gln::grams{-5.0}, 13, nan},
  };
}

gln::policy stricter_policy() {
  gln::policy rules{};
  rules.adult_age_years = 21.0;
  rules.self_directed_daily_ceiling = gln::grams{10.0};
  rules.max_doses_per_day = 3;
  rules.general_recovery_review_day = 10;
  return rules;
}

gln::policy hostile_policy() {
  gln::policy rules{};
  rules.adult_age_years = std::numeric_limits<double>::quiet_NaN();
  rules.adult_maximum_daily = gln::grams{1.0e9};
  rules.max_doses_per_day = -4;
  return rules;
}

template <class E>
void names_round_trip() {
  for (std::size_t i = 0; i <= gln::enum_count<E>; ++i) {
    const auto value = static_cast<E>(i);  // the last one is out of range
    const std::string_view name = gln::to_string(value);
    const auto parsed = gln::parse<E>(name);
    keep(name.size() + (parsed ? gln::index_of(*parsed) : 0U));
  }
  const std::string_view junk[] = {"", "unknown", "General_Recovery", " cirrhosis", "x"};
  for (std::string_view text : junk) keep(gln::parse<E>(text) ? 1U : 0U);
}

}  // namespace

int main() {
  // The inputs are built before counting: only gln's own work is inside the regions.
  const std::vector<gln::profile> people = profiles();
  const std::vector<gln::purpose> goals = purposes();
  const std::vector<gln::regimen> plans = regimens();
  const gln::policy stricter = stricter_policy();
  const gln::policy hostile = hostile_policy();
  const std::string_view codes[] = {
      "K76.82", "k7682",       " N18.6 ", "N186",   "C50.911", "D57.00",  "D57.3",
      "R65.21", "R6521",       "Z99.99",  "",       "K7",      "K76..82", "K76.82X9",
      "O09.90", "\t f10.10\n", "K72",     "O90.49", "O88.011", "T81.44XD"};

  // The replacement must be the one in use, or every check below would pass vacuously.
  {
    const std::size_t before = allocations;
    void* probe = ::operator new(32);
    ::operator delete(probe);
    const std::vector<int> probe_vector(64, 1);
    keep(probe_vector.size());
    if (allocations - before < 2) {
      std::printf("FAIL the counting operator new is not in use\n");
      return 1;
    }
  }

  expect_no_allocation("screen", [&] {
    for (const gln::profile& person : people) {
      for (gln::purpose goal : goals) {
        keep_screening(gln::screen(person, goal));
        keep_screening(gln::screen(person, goal, stricter));
        keep_screening(gln::screen(person, goal, hostile));
      }
    }
  });

  expect_no_allocation("dose_for", [&] {
    for (gln::purpose goal : goals) {
      keep(gln::index_of(gln::dose_for(goal).access));
      for (const gln::profile& person : people) {
        const gln::dose_guidance guidance = gln::dose_for(person, goal);
        keep(guidance.amount.size() + guidance.sources.size() + (guidance.valid() ? 1U : 0U));
        keep(gln::dose_for(person, goal, stricter).weight_needed ? 1U : 0U);
      }
    }
  });

  expect_no_allocation("check_dose", [&] {
    for (const gln::profile& person : people) {
      for (gln::purpose goal : goals) {
        for (const gln::regimen& plan : plans) {
          const gln::dose_check result = gln::check_dose(person, goal, plan);
          keep(gln::index_of(result.overall) + result.findings.size());
          for (const gln::finding& item : result.findings) {
            keep(item.reason().size() + item.sources().size());
          }
          keep(gln::index_of(gln::check_dose(person, goal, plan, stricter).overall));
          keep(gln::index_of(gln::check_dose(person, goal, plan, hostile).overall));
        }
      }
    }
  });

  expect_no_allocation("assess", [&] {
    for (const gln::profile& person : people) {
      for (gln::purpose goal : goals) {
        for (const gln::regimen& plan : plans) {
          const gln::assessment result = gln::assess(person, goal, plan);
          keep(gln::index_of(result.action) + result.label().size() + result.findings.size());
          keep(gln::index_of(gln::assess(person, goal, plan, hostile).action));
        }
        const gln::assessment plain = gln::assess(person, goal, stricter);
        keep(plain.dose ? plain.dose->summary().size() : gln::index_of(plain.dose_shown));
        keep(gln::index_of(plain.trial().status));
      }
    }
  });

  expect_no_allocation("evidence_for", [&] {
    for (gln::purpose goal : goals) {
      const gln::evidence row = gln::evidence_for(goal);
      keep(row.summary.size() + row.sources.size() + gln::index_of(row.grade));
    }
  });

  expect_no_allocation("plan_trial", [&] {
    for (const gln::profile& person : people) {
      for (gln::purpose goal : goals) {
        const gln::trial_plan plan = gln::plan_trial(person, goal);
        keep(gln::index_of(plan.status) + static_cast<std::size_t>(plan.review_day) +
             plan.rule.text.size());
        keep(gln::index_of(gln::plan_trial(person, goal, stricter).status));
        keep(gln::index_of(gln::plan_trial(person, goal, hostile).status));
      }
    }
  });

  expect_no_allocation("icd10_lookup, condition_from_icd10 and conditions_from_icd10", [&] {
    for (std::string_view code : codes) {
      keep(gln::index_of(gln::icd10_lookup(code).status));
      const auto one = gln::condition_from_icd10(code);
      keep(one ? gln::index_of(*one) : 99U);
      keep(gln::conditions_from_icd10(code).size());
    }
  });

  expect_no_allocation("code_lookup, ingredient_in_display, names_glutamine, weights", [&] {
    const std::string_view looked_up[] = {"76571007", "40095003", "2598",   "N03AX14", "42457-420",
                                          "29463-7",  "[lb_av]",  "R65.21", " x "};
    for (std::size_t i = 0; i < gln::enum_count<gln::code_system>; ++i) {
      for (std::string_view code : looked_up) {
        const gln::code_match match = gln::code_lookup(static_cast<gln::code_system>(i), code);
        keep(gln::index_of(match.status) + match.conditions.size() + match.medications.size());
      }
    }
    keep(gln::index_of(gln::code_lookup("http://hl7.org/fhir/sid/icd-10", "R65.1").status));
    keep(gln::ingredient_in_display("clonazePAM 0.25 MG Oral Tablet").rxcui);
    keep(gln::names_glutamine("L-glutamine oral powder") ? 1U : 0U);
    keep(gln::weight_in_kilograms(159.8, "[lb_av]").has_value() ? 1U : 0U);
  });

  expect_no_allocation("to_string and parse, every enum", [&] {
    names_round_trip<gln::purpose>();
    names_round_trip<gln::condition>();
    names_round_trip<gln::medication>();
    names_round_trip<gln::verdict>();
    names_round_trip<gln::evidence_grade>();
    names_round_trip<gln::oversight>();
    names_round_trip<gln::source_kind>();
    names_round_trip<gln::source>();
    names_round_trip<gln::rule>();
    names_round_trip<gln::input_field>();
    names_round_trip<gln::outcome>();
    names_round_trip<gln::dose_access>();
    names_round_trip<gln::plan_status>();
  });

  expect_no_allocation("describe, source_info and effective", [&] {
    for (std::size_t i = 0; i <= gln::enum_count<gln::rule>; ++i) {
      keep(gln::describe(static_cast<gln::rule>(i)).reason.size());
    }
    for (std::size_t i = 0; i <= gln::enum_count<gln::source>; ++i) {
      keep(gln::source_info(static_cast<gln::source>(i)).text.size());
    }
    keep(static_cast<std::size_t>(gln::effective(hostile).max_doses_per_day));
  });

  if (failures != 0) {
    std::printf("%d entry point group(s) allocated\n", failures);
    return 1;
  }
  std::printf("no allocation in any entry point\n");
  return 0;
}
