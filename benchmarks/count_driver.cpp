// Fixed work for instruction counts: `gln_count MODE N` runs one entry point N times on the
// typical profile (40 years, 70 kg, 3 conditions, 2 medications). scripts/bench.sh runs it
// under callgrind with N and 2N calls: the difference divided by N is the cost of one call,
// free of start-up work. Mode `reference_screen` runs the hand-written floor
// (reference_screen.hpp) on the same input; mode `loop` runs the same loop with no call, to
// subtract; mode `assess_dose_shown` runs assess for 40 years and 70 kg alone, who is shown
// a dose. Mode `lookup SYSTEM` (icd10_cm, snomed_ct, rxnorm, atc, ndc, loinc, ucum, or
// condition_from_icd10) runs a code look-up over that system's codes in lookup_codes.hpp, one
// a call, and `reference SYSTEM` the std::unordered_map reference beside it; `lookup_loop`
// the same loop with no look-up, to subtract.
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include <gln/gln.hpp>

#include "lookup_codes.hpp"
#include "profiles.hpp"
#include "reference_screen.hpp"

namespace {

// Makes the compiler assume `value` is read and changed here, so no call is folded or hoisted.
template <class T>
inline void launder(T& value) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  asm volatile("" : "+m"(value) : : "memory");
#else
  static_cast<void>(value);
#endif
}

unsigned long summary(const gln::code_match& match) {
  return static_cast<unsigned long>(match.status);
}
unsigned long summary(const gln::optional<gln::condition>& condition) {
  return condition ? static_cast<unsigned long>(*condition) + 1 : 0;
}

// Calls `lookup` `count` times over `codes` in turn; returns a sum of the answers.
template <std::size_t N, class Lookup>
unsigned long cycle_codes(const gln_bench::code_list<N>& codes, long count, Lookup lookup) {
  unsigned long sum = 0;
  for (long i = 0; i < count; ++i) {
    std::string_view code = codes[static_cast<std::size_t>(i) & (N - 1)];
    launder(code);
    auto result = lookup(code);
    launder(result);
    sum += summary(result);
  }
  return sum;
}

// `kind` is lookup, reference or lookup_loop; -1 for an unknown system.
template <std::size_t N>
long run_codes(std::string_view kind, gln::code_system system, const gln_bench::code_list<N>& codes,
               long count) {
  if (kind == "lookup") {
    return static_cast<long>(cycle_codes(
        codes, count, [system](std::string_view code) { return gln::code_lookup(system, code); }));
  }
  if (kind == "reference") {
    const auto answers = gln_bench::answers_of(
        codes, [system](std::string_view code) { return gln::code_lookup(system, code); });
    return static_cast<long>(cycle_codes(
        codes, count, [&answers](std::string_view code) { return answers.find(code)->second; }));
  }
  return static_cast<long>(
      cycle_codes(codes, count, [](std::string_view) { return gln::code_match{}; }));
}

long run_lookup(std::string_view kind, std::string_view system, long count) {
  using gln::code_system;
  if (system == "condition_from_icd10" && kind == "lookup") {
    return static_cast<long>(cycle_codes(gln_bench::icd10_codes, count, [](std::string_view code) {
      return gln::condition_from_icd10(code);
    }));
  }
  if (system == "icd10_cm" || system == "condition_from_icd10") {
    return run_codes(kind, code_system::icd10_cm, gln_bench::icd10_codes, count);
  }
  if (system == "snomed_ct")
    return run_codes(kind, code_system::snomed_ct, gln_bench::snomed_codes, count);
  if (system == "rxnorm")
    return run_codes(kind, code_system::rxnorm, gln_bench::rxnorm_codes, count);
  if (system == "atc") return run_codes(kind, code_system::atc, gln_bench::atc_codes, count);
  if (system == "ndc") return run_codes(kind, code_system::ndc, gln_bench::ndc_codes, count);
  if (system == "loinc") return run_codes(kind, code_system::loinc, gln_bench::loinc_codes, count);
  if (system == "ucum") return run_codes(kind, code_system::ucum, gln_bench::ucum_codes, count);
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4) {
    const long sum = run_lookup(argv[1], argv[2], std::strtol(argv[3], nullptr, 10));
    if (sum < 0) {
      std::cerr << "gln_count: unknown code system '" << argv[2] << "'\n";
      return 2;
    }
    std::cout << sum << '\n';
    return 0;
  }
  if (argc != 3) {
    std::cerr
        << "usage: gln_count screen|reference_screen|check_dose|assess|assess_dose_shown|loop N\n"
           "       gln_count lookup|reference|lookup_loop SYSTEM N\n";
    return 2;
  }
  const char* mode = argv[1];
  const long count = std::strtol(argv[2], nullptr, 10);
  gln::profile person = gln_bench::typical_profile();
  gln::purpose purpose = gln::purpose::exercise_recovery;
  gln::regimen plan{gln::grams{5.0}, 2, 6.0};
  unsigned long sum = 0;
  if (std::strcmp(mode, "screen") == 0) {
    for (long i = 0; i < count; ++i) {
      launder(person);
      launder(purpose);
      gln::screening result = gln::screen(person, purpose);
      launder(result);
      sum += static_cast<unsigned long>(result.overall);
    }
  } else if (std::strcmp(mode, "reference_screen") == 0) {
    for (long i = 0; i < count; ++i) {
      launder(person);
      launder(purpose);
      gln_bench::reference_result result = gln_bench::reference_screen(person, purpose);
      launder(result);
      sum += static_cast<unsigned long>(result.overall);
    }
  } else if (std::strcmp(mode, "check_dose") == 0) {
    for (long i = 0; i < count; ++i) {
      launder(person);
      launder(purpose);
      launder(plan);
      gln::dose_check result = gln::check_dose(person, purpose, plan);
      launder(result);
      sum += static_cast<unsigned long>(result.overall);
    }
  } else if (std::strcmp(mode, "assess") == 0 || std::strcmp(mode, "assess_dose_shown") == 0) {
    // assess_dose_shown: a person who may take it, so the dose is resolved and written.
    if (std::strcmp(mode, "assess_dose_shown") == 0) person = gln_bench::plain_adult();
    for (long i = 0; i < count; ++i) {
      launder(person);
      launder(purpose);
      launder(plan);
      gln::assessment result = gln::assess(person, purpose, plan);
      launder(result);
      sum += static_cast<unsigned long>(result.action);
    }
  } else if (std::strcmp(mode, "loop") == 0) {
    for (long i = 0; i < count; ++i) {
      launder(person);
      launder(purpose);
      launder(plan);
      gln::verdict overall = gln::verdict::caution;
      launder(overall);
      sum += static_cast<unsigned long>(overall);
    }
  } else {
    std::cerr << "gln_count: unknown mode '" << mode << "'\n";
    return 2;
  }
  // Printing the sum keeps the loop's results alive.
  std::cout << sum << '\n';
  return 0;
}
