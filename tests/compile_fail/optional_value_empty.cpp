// Must not compile: value() of an empty gln::optional in a constant expression (trauma doses
// by weight, so without one it has no daily range).
#include <gln/gln.hpp>

static_assert(gln::dose_for(gln::purpose::trauma).per_day.value().min.value() > 0.0);
