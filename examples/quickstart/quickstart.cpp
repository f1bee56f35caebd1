#include <gln/gln.hpp>

#include <iostream>

// Compile time: a person with cirrhosis must never be told glutamine is fine. If a table
// edit ever broke that, this program would not build.
constexpr gln::profile with_cirrhosis{
    58.0, gln::kilograms{80.0}, {gln::condition::cirrhosis}, {}, gln::oversight::self_directed};
static_assert(gln::screen(with_cirrhosis, gln::purpose::gut_barrier).overall ==
              gln::verdict::avoid);

int main() {
  // Run time: the same question for a profile the app filled in.
  gln::profile person{};
  person.age_years = 58.0;
  person.conditions = {gln::condition::cirrhosis};

  const gln::screening s = gln::screen(person, gln::purpose::gut_barrier);
  std::cout << "screening: " << gln::to_string(s.overall) << '\n';
  for (const gln::finding& f : s.findings) {
    std::cout << "  " << f.rule_id() << ": " << f.reason().view() << '\n';
  }

  // A regimen for someone without contraindications: 10 g twice a day for 8 weeks.
  gln::profile runner{};
  runner.age_years = 34.0;
  const gln::dose_check c =
      gln::check_dose(runner, gln::purpose::gut_barrier, gln::regimen{gln::grams{10.0}, 2, 8.0});
  std::cout << "10 g twice a day: " << gln::to_string(c.overall) << '\n';
  for (const gln::finding& f : c.findings) {
    std::cout << "  " << f.rule_id() << " (" << gln::to_string(f.level) << ")\n";
  }

  const gln::evidence e = gln::evidence_for(gln::purpose::gut_barrier);
  std::cout << "evidence: " << gln::to_string(e.grade)
            << (e.sources_disagree ? ", sources disagree" : "") << '\n';
}
