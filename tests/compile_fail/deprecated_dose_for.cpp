// Must not compile with deprecations as errors: the 1.x argument order of dose_for, kept for
// one major version, is deprecated (every entry point takes the profile first).
#include <gln/gln.hpp>

int main() {
  const gln::profile person{};
  return gln::dose_for(gln::purpose::gut_barrier, person).self_directed() ? 0 : 1;
}
