// Run time: reading past the end of a finding list stops the program (std::abort) instead of
// making up a finding. The SIGABRT handler reports it, so the test passes only on abort.
#include <gln/gln.hpp>

#include <unistd.h>
#include <csignal>
#include <cstdio>
#include <cstdlib>

extern "C" void on_abort(int) {
  static const char message[] = "aborted on a broken precondition, as required\n";
  static_cast<void>(write(2, message, sizeof message - 1));
  _exit(0);
}

int main(int argc, char**) {
  static_cast<void>(std::signal(SIGABRT, on_abort));
  gln::profile person{};
  person.age_years = 40.0 * argc;  // at run time, not folded
  const gln::screening fine = gln::screen(person, gln::purpose::gut_barrier);
  const gln::finding made_up = fine.findings[static_cast<std::size_t>(argc - 1)];
  std::printf("read a finding that no rule produced: %s\n", made_up.rule_id().data());
  return 1;
}
