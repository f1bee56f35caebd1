// Run time: a broken precondition stops the program (std::abort) instead of making up an
// answer. The SIGABRT handler reports it, so the test passes only on abort. The mistake:
//   finding         reading past the end of a finding list;
//   finding_end     *end() of a finding list;
//   optional_value  value() of an empty gln::optional;
//   optional_deref  *o of an empty gln::optional (a purpose's name with a typo).
#include <gln/gln.hpp>

#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" void on_abort(int) {
  static const char message[] = "aborted on a broken precondition, as required\n";
  static_cast<void>(write(2, message, sizeof message - 1));
  _exit(0);
}

int main(int argc, char** argv) {
  static_cast<void>(std::signal(SIGABRT, on_abort));
  if (argc != 2) return 2;
  gln::profile person{};
  person.age_years = 40.0 * argc;  // at run time, not folded
  if (std::strcmp(argv[1], "finding") == 0) {
    const gln::screening fine = gln::screen(person, gln::purpose::gut_barrier);
    const gln::finding made_up = fine.findings[static_cast<std::size_t>(argc - 2)];
    std::printf("read a finding that no rule produced: %s\n", made_up.rule_id().data());
  } else if (std::strcmp(argv[1], "finding_end") == 0) {
    const gln::screening fine = gln::screen(person, gln::purpose::gut_barrier);
    const gln::finding made_up = *fine.findings.end();
    std::printf("read the finding at the end: %s\n", made_up.rule_id().data());
  } else if (std::strcmp(argv[1], "optional_value") == 0) {
    std::printf("read the weight of a profile without one: %g kg\n",
                person.weight_kg.value().value());
  } else if (std::strcmp(argv[1], "optional_deref") == 0) {
    const gln::purpose typo = *gln::parse<gln::purpose>(argc == 2 ? "gut_barier" : "gut_barrier");
    std::printf("a typo read as the purpose %s\n", gln::to_string(typo).data());
  }
  return 1;
}
