// Must not compile: reading a finding that no rule produced (the first of an empty list) in a
// constant expression.
#include <gln/gln.hpp>

constexpr gln::profile adult{40.0, gln::kilograms{70.0}, {}, {}, gln::oversight::self_directed};
static_assert(gln::screen(adult, gln::purpose::gut_barrier).findings[0].rule ==
              gln::rule::input_invalid);
