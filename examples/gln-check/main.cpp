// gln-check: screens a person for L-glutamine for one purpose (see README, "gln-check").
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "io.hpp"
#include "request.hpp"

int main(int argc, char* argv[]) {
  // A closed output pipe (gln-check --batch | head -1) ends the process quietly by SIGPIPE, as
  // it does `yes`, whatever disposition the parent left it.
  std::signal(SIGPIPE, SIG_DFL);
  // A file past its size limit (ulimit -f) fails the write with EFBIG, so that the output is cut
  // back to its whole lines and the error said, instead of SIGXFSZ ending the process inside one.
  std::signal(SIGXFSZ, SIG_IGN);
  gln_check::fd_input input(0);
  gln_check::fd_output output(1);
  std::istream in(&input);
  std::ostream out(&output);
  return gln_check::run(argc, argv, out, std::cerr, in, ::isatty(STDERR_FILENO) == 1);
}
