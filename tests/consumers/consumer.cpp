// What an application does with gln, built by every consumer route: one query evaluated at
// compile time, one at run time on data the compiler cannot see. Exits non-zero on a wrong
// answer. The expected answers come from knowledge.md: cirrhosis (ICD-10-CM K74.6x) is a
// contraindication, so screening for any purpose says `avoid` (section 4).
#include <cstdio>
#include <string_view>

#ifdef GLN_CONSUMER_SINGLE_HEADER
#include "gln.hpp"
#else
#include <gln/gln.hpp>
#endif

namespace {

constexpr gln::profile with_cirrhosis{
    40.0, gln::kilograms{70.0}, {gln::condition::cirrhosis}, {}, gln::oversight::self_directed};
static_assert(gln::screen(with_cirrhosis, gln::purpose::gut_barrier).overall == gln::verdict::avoid,
              "cirrhosis is a contraindication");

#ifdef GLN_EXPECTED_VERSION
// The version the package manager reported (CMake package, pkg-config) is the header's.
static_assert(gln::version == std::string_view{GLN_EXPECTED_VERSION},
              "package version differs from include/gln/version.hpp");
#endif

int fail(const char* what) {
  std::fprintf(stderr, "gln consumer: %s\n", what);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view code = argc > 1 ? argv[1] : "k74.60";
  const auto condition = gln::condition_from_icd10(code);
  if (!condition) return fail("the ICD-10-CM code was not recognised");
  if (*condition != gln::condition::cirrhosis) return fail("the code did not map to cirrhosis");

  gln::profile person{};
  person.conditions.insert(*condition);
  const gln::screening result = gln::screen(person, gln::purpose::gut_barrier);
  if (result.overall != gln::verdict::avoid) return fail("screening did not say avoid");
  if (!result.findings.contains(gln::rule::contra_cirrhosis)) {
    return fail("screening did not report contra.cirrhosis");
  }

  const std::string_view version = gln::version;
  const std::string_view verdict = gln::to_string(result.overall);
  const std::string_view rule = result.findings[0].rule_id();
  std::printf("gln %.*s: %.*s -> %.*s (%.*s)\n", static_cast<int>(version.size()), version.data(),
              static_cast<int>(code.size()), code.data(), static_cast<int>(verdict.size()),
              verdict.data(), static_cast<int>(rule.size()), rule.data());
  return 0;
}
