// Must not compile: reading the finding at a finding list's end in a constant expression (the
// iterator holds no finding there).
#include <gln/gln.hpp>

constexpr gln::screening pregnant = gln::screen(
    gln::profile{
        30.0, gln::kilograms{65.0}, {gln::condition::pregnancy}, {}, gln::oversight::self_directed},
    gln::purpose::gut_barrier);
static_assert((*pregnant.findings.end()).rule == gln::rule::caution_pregnancy);
