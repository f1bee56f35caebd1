// docs/knowledge.md §5: the self-directed IBS dose is 5 g three times a day, 15 g/day.
#include <cstdio>

#include <gln/gln.hpp>

static_assert(gln::dose_for(gln::purpose::ibs_symptoms).self_directed(),
              "ibs_symptoms has a self-directed range");

int main() {
  const gln::dose_guidance dose = gln::dose_for(gln::purpose::ibs_symptoms);
  if (!dose.per_day || dose.per_day->max != gln::grams{15.0}) return 1;
  std::printf("gln %.*s: ibs_symptoms up to %g g/day\n", static_cast<int>(gln::version.size()),
              gln::version.data(), dose.per_day->max.value());
  return 0;
}
