// Must not compile: *o or o-> of an empty gln::optional in a constant expression (the first
// finding of a list that holds none: no placeholder finding is made up).
#include <gln/gln.hpp>

constexpr gln::profile adult{40.0, gln::kilograms{70.0}, {}, {}, gln::oversight::self_directed};
static_assert(gln::screen(adult, gln::purpose::gut_barrier).findings.first()->level ==
              gln::verdict::avoid);
