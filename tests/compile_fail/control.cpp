// Must compile: the same constructions as the compile-fail tests beside it, done right, so a
// failure there is the mistake's and not the set-up's.
#include <gln/gln.hpp>

#define TEST_COLOURS(X) \
  X(red, "red")         \
  X(green, "green")

GLN_BEGIN_NAMESPACE
GLN_DEFINE_ENUM(colour, TEST_COLOURS);
GLN_END_NAMESPACE

static_assert(gln::enum_count<gln::colour> == 2);
static_assert(gln::to_string(gln::colour::green) == "green");
static_assert(gln::parse<gln::colour>("red") == gln::colour::red);

constexpr gln::profile with_cirrhosis{
    40.0, gln::kilograms{70.0}, {gln::condition::cirrhosis}, {}, gln::oversight::self_directed};
static_assert(gln::screen(with_cirrhosis, gln::purpose::gut_barrier).findings[0].rule ==
              gln::rule::contra_cirrhosis);
