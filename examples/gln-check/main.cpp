// gln-check: screens a person for L-glutamine for one purpose (see README, "gln-check").
#include <iostream>

#include "request.hpp"

int main(int argc, char* argv[]) {
  std::ios::sync_with_stdio(false);  // only iostreams are used; faster --batch
  return gln_check::run(argc, argv, std::cout, std::cerr, std::cin);
}
