#ifndef GLN_BENCHMARKS_PROFILES_HPP
#define GLN_BENCHMARKS_PROFILES_HPP

// Deterministic, varied screening inputs shared by the benchmarks, the instruction-count
// driver and the peer comparison: the same seed gives the same profiles on every machine.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <gln/gln.hpp>

#include "builders.hpp"

namespace gln_bench {

// One screening question: a person and a purpose.
struct query {
  gln::profile person;
  gln::purpose purpose = gln::purpose::general_recovery;
};

// splitmix64: tiny, portable, and the same sequence everywhere (unlike std:: distributions).
class rng {
 public:
  explicit rng(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  // Uniform in [0, n).
  std::uint32_t below(std::uint32_t n) noexcept {
    return static_cast<std::uint32_t>((next() >> 32U) * n >> 32U);
  }
  // Percent chance.
  bool chance(std::uint32_t percent) noexcept { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

template <class E>
E pick(rng& r) noexcept {
  return static_cast<E>(r.below(static_cast<std::uint32_t>(gln::enum_count<E>)));
}

// A person roughly like an app's users: mostly adults with few conditions, some minors,
// some supervised, a few bad inputs (caught by input.invalid). Ages and weights have one
// decimal so they survive a JSON round trip exactly.
inline query varied_query(rng& r) {
  query q;
  gln::profile& p = q.person;
  const std::uint32_t age_kind = r.below(100);
  if (age_kind < 8) {
    // unknown age
  } else if (age_kind < 10) {
    const double bad_ages[] = {-1.0, -0.1, 131.0, 250.0};
    p.age_years = bad_ages[r.below(4)];
  } else if (age_kind < 25) {
    p.age_years = 0.5 + static_cast<double>(r.below(175)) / 10.0;  // 0.5 to 17.9
  } else {
    p.age_years = 18.0 + static_cast<double>(r.below(700)) / 10.0;  // 18 to 87.9
  }
  const std::uint32_t weight_kind = r.below(100);
  if (weight_kind < 20) {
    // unknown weight
  } else if (weight_kind < 22) {
    const double bad_weights[] = {-5.0, 0.0, 701.0, 1200.0};
    p.weight_kg = gln::kilograms{bad_weights[r.below(4)]};
  } else {
    p.weight_kg = gln::kilograms{8.0 + static_cast<double>(r.below(1500)) / 10.0};
  }
  // 0 to 4 conditions, mostly few.
  const std::uint32_t condition_count =
      r.below(100) < 45 ? 0U : 1U + r.below(r.chance(70) ? 1U : 4U);
  for (std::uint32_t i = 0; i < condition_count; ++i) p.conditions.insert(pick<gln::condition>(r));
  const std::uint32_t medication_count = r.below(100) < 55 ? 0U : 1U + r.below(2U);
  for (std::uint32_t i = 0; i < medication_count; ++i) {
    p.medications.insert(pick<gln::medication>(r));
  }
  p.oversight = r.chance(20) ? gln::oversight::clinician_supervised : gln::oversight::self_directed;
  q.purpose = pick<gln::purpose>(r);
  return q;
}

inline std::vector<query> varied_queries(std::size_t count, std::uint64_t seed) {
  rng r{seed};
  std::vector<query> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.push_back(varied_query(r));
  return out;
}

// "Typical": an adult with exactly 3 conditions and 2 medications, a self-directed purpose.
inline std::vector<query> typical_queries(std::size_t count, std::uint64_t seed) {
  rng r{seed};
  std::vector<query> out;
  out.reserve(count);
  while (out.size() < count) {
    query q;
    q.person.age_years = 18.0 + static_cast<double>(r.below(600)) / 10.0;
    q.person.weight_kg = gln::kilograms{50.0 + static_cast<double>(r.below(600)) / 10.0};
    while (q.person.conditions.size() < 3) q.person.conditions.insert(pick<gln::condition>(r));
    while (q.person.medications.size() < 2) q.person.medications.insert(pick<gln::medication>(r));
    q.purpose = pick<gln::purpose>(r);
    out.push_back(q);
  }
  return out;
}

// The fixed typical profile: 40 years, 70 kg, 3 conditions, 2 medications.
inline gln::profile typical_profile() noexcept {
  return gln_test::adult(
      {gln::condition::pregnancy, gln::condition::msg_sensitivity, gln::condition::kidney_disease},
      {gln::medication::other_prescription, gln::medication::supplement_stack});
}

// 40 years, 70 kg, no conditions or medications: nothing stands in the way.
inline gln::profile plain_adult() noexcept { return gln_test::adult(); }

// Every condition and every medication.
inline gln::profile worst_case_profile() noexcept {
  return gln_test::person(16.0, 60.0, gln::condition_set::from_bits(gln::condition_set::valid_mask),
                          gln::medication_set::from_bits(gln::medication_set::valid_mask));
}

}  // namespace gln_bench

#endif  // GLN_BENCHMARKS_PROFILES_HPP
