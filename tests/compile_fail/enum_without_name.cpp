// Must not compile: an enumerator appended to an enum's list without its stable name.
#include <gln/core/enum_traits.hpp>

#define TEST_COLOURS(X) \
  X(red, "red")         \
  X(green)

GLN_BEGIN_NAMESPACE
GLN_DEFINE_ENUM(colour, TEST_COLOURS);
GLN_END_NAMESPACE
