// Must not compile: emplace makes T by direct initialisation, as std::optional does, never by a
// cast (an enumerator is not an age).
#include <gln/gln.hpp>

void set_age_from_a_purpose(gln::profile& person) { person.age_years.emplace(gln::purpose::burns); }
