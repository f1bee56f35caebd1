// Fixed work for instruction counts: `gln_count MODE N` runs one entry point N times on the
// typical profile (40 years, 70 kg, 3 conditions, 2 medications). scripts/bench.sh runs it
// under callgrind with N and 2N calls: the difference divided by N is the cost of one call,
// free of start-up work. Mode `reference_screen` runs the hand-written floor
// (reference_screen.hpp) on the same input; mode `loop` runs the same loop with no call, to
// subtract; mode `assess_dose_shown` runs assess for 40 years and 70 kg alone, who is shown
// a dose.
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <gln/gln.hpp>

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

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr
        << "usage: gln_count screen|reference_screen|check_dose|assess|assess_dose_shown|loop N\n";
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
