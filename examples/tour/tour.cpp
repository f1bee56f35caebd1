#include <gln/gln.hpp>

#include <iostream>

// Compile time: the knowledge is constexpr, so a safety property can fail the build.
constexpr gln::profile with_cirrhosis{
    52.0, gln::kilograms{80.0}, {gln::condition::cirrhosis}, {}, gln::oversight::self_directed};
static_assert(gln::screen(with_cirrhosis, gln::purpose::gut_barrier).overall ==
              gln::verdict::avoid);
static_assert(gln::evidence_for(gln::purpose::muscle_strength).grade ==
              gln::evidence_grade::against);

int main() {
  // Run time: fill the profile with what the app knows; age and weight are optional.
  gln::profile person{};
  person.age_years = 34.0;
  person.weight_kg = gln::kilograms{61.0};
  person.conditions = {gln::condition::msg_sensitivity};
  person.medications = {gln::medication::supplement_stack};

  const gln::screening s = gln::screen(person, gln::purpose::gut_barrier);
  std::cout << "overall: " << gln::to_string(s.overall) << '\n';
  for (const gln::finding& f : s.findings) {
    std::cout << "  " << f.rule_id() << " (" << gln::to_string(f.level)
              << "): " << f.reason().view() << '\n';
    for (gln::source id : f.sources()) std::cout << "    source: " << gln::to_string(id) << '\n';
  }

  // The purpose's row, whatever the screening says: what to show a person is assess()'s.
  const gln::dose_guidance g = gln::dose_for(person, gln::purpose::gut_barrier);
  if (g.self_directed()) {
    std::cout << "per dose " << g.per_dose->min.value() << "-" << g.per_dose->max.value() << " g, "
              << g.per_day->min.value() << "-" << g.per_day->max.value() << " g/day, " << g.timing
              << '\n';
  }

  const gln::dose_check c =
      gln::check_dose(person, gln::purpose::gut_barrier, gln::regimen{gln::grams{10.0}, 2, 8.0});
  std::cout << "10 g twice a day for 8 weeks: " << gln::to_string(c.overall) << '\n';
  for (const gln::finding& f : c.findings) std::cout << "  " << f.rule_id() << '\n';

  const gln::evidence e = gln::evidence_for(gln::purpose::gut_barrier);
  std::cout << "evidence: " << gln::to_string(e.grade)
            << (e.sources_disagree ? " (sources disagree): " : ": ") << e.summary << '\n';

  const gln::trial_plan t = gln::plan_trial(person, gln::purpose::gut_barrier);
  std::cout << "trial: " << gln::to_string(t.status);
  if (t.has_dosing()) {
    std::cout << ", start " << t.start_per_dose.value() << " g x " << t.start_doses_per_day
              << " a day, review on day " << t.review_day;
  }
  std::cout << '\n';

  if (const auto condition = gln::condition_from_icd10("k74.60")) {
    std::cout << "K74.60 -> " << gln::to_string(*condition) << '\n';
  }
}
