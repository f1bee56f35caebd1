// Compiling this file is the test: each entry point evaluated at compile time.
#include <gln/gln.hpp>

namespace {

constexpr gln::profile adult{40.0, gln::kilograms{70.0}, {}, {}, gln::oversight::self_directed};
constexpr gln::profile with_cirrhosis{40.0, gln::kilograms{70.0}, {gln::condition::cirrhosis},
                                      {}, gln::oversight::self_directed};

static_assert(gln::screen(adult, gln::purpose::gut_barrier).overall == gln::verdict::suitable);
static_assert(gln::screen(with_cirrhosis, gln::purpose::gut_barrier).overall ==
              gln::verdict::avoid);

}  // namespace
