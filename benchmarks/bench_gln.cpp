// Google Benchmark suite for gln's entry points. Inputs are varied or laundered through
// benchmark::DoNotOptimize so that the compiler cannot evaluate the constexpr calls at
// compile time; every result is consumed the same way.
#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include <gln/gln.hpp>

#include "lookup_codes.hpp"
#include "profiles.hpp"
#include "reference_screen.hpp"

namespace {

using gln_bench::query;

constexpr std::uint64_t seed = 20261123;

// Sizes of the cycled input pools: a power of two so the index is a mask, small enough to
// stay in L1/L2 so the benchmarks time the rules, not memory.
constexpr std::size_t pool = 256;

// The hand-written reference is a floor only if it answers as gln does: every benchmark that
// times it first checks, on its own inputs, that both give the same verdict and rules.
// Both references against gln::screen on every input; the first disagreement stops the run.
void require_agreement(const std::vector<query>& inputs) {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const gln_bench::reference_result theirs =
        gln_bench::as_reference(gln::screen(inputs[i].person, inputs[i].purpose));
    const std::pair<const char*, gln_bench::reference_result> references[] = {
        {"reference_screen", gln_bench::reference_screen(inputs[i].person, inputs[i].purpose)},
        {"reference_screen_branch_free",
         gln_bench::reference_screen_branch_free(inputs[i].person, inputs[i].purpose)}};
    for (const auto& [name, mine] : references) {
      if (mine.overall != theirs.overall || mine.rules != theirs.rules) {
        std::fprintf(stderr,
                     "%s and gln::screen disagree on input %zu: verdict %d vs %d, "
                     "rules %#llx vs %#llx\n",
                     name, i, static_cast<int>(mine.overall), static_cast<int>(theirs.overall),
                     static_cast<unsigned long long>(mine.rules),
                     static_cast<unsigned long long>(theirs.rules));
        std::abort();
      }
    }
  }
}

std::vector<query> one_query(const gln::profile& person, gln::purpose purpose) {
  return {query{person, purpose}};
}

void BM_screen_empty(benchmark::State& state) {
  gln::profile person{};
  gln::purpose purpose = gln::purpose::gut_barrier;
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    gln::screening result = gln::screen(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_screen_empty);

void BM_screen_typical(benchmark::State& state) {
  gln::profile person = gln_bench::typical_profile();
  gln::purpose purpose = gln::purpose::exercise_recovery;
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    gln::screening result = gln::screen(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_screen_typical);

// Typical shape (3 conditions, 2 medications) but a different person and purpose each call:
// includes the branch mispredictions a real mix causes.
void BM_screen_typical_varied(benchmark::State& state) {
  const std::vector<query> inputs = gln_bench::typical_queries(pool, seed);
  std::size_t i = 0;
  for (auto _ : state) {
    const query& q = inputs[i++ & (pool - 1)];
    gln::screening result = gln::screen(q.person, q.purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_screen_typical_varied);

void BM_screen_worst_case(benchmark::State& state) {
  gln::profile person = gln_bench::worst_case_profile();
  gln::purpose purpose = gln::purpose::critical_illness;
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    gln::screening result = gln::screen(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_screen_worst_case);

// The same three inputs through the hand-written reference (benchmarks/reference_screen.hpp).
void BM_reference_screen_typical(benchmark::State& state) {
  gln::profile person = gln_bench::typical_profile();
  gln::purpose purpose = gln::purpose::exercise_recovery;
  require_agreement(one_query(person, purpose));
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    gln_bench::reference_result result = gln_bench::reference_screen(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_reference_screen_typical);

void BM_reference_screen_typical_varied(benchmark::State& state) {
  const std::vector<query> inputs = gln_bench::typical_queries(pool, seed);
  require_agreement(inputs);
  std::size_t i = 0;
  for (auto _ : state) {
    const query& q = inputs[i++ & (pool - 1)];
    gln_bench::reference_result result = gln_bench::reference_screen(q.person, q.purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_reference_screen_typical_varied);

void BM_reference_screen_worst_case(benchmark::State& state) {
  gln::profile person = gln_bench::worst_case_profile();
  gln::purpose purpose = gln::purpose::critical_illness;
  require_agreement(one_query(person, purpose));
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    gln_bench::reference_result result = gln_bench::reference_screen(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_reference_screen_worst_case);

void BM_check_dose(benchmark::State& state) {
  gln::profile person = gln_bench::typical_profile();
  gln::purpose purpose = gln::purpose::exercise_recovery;
  gln::regimen plan{gln::grams{5.0}, 2, 6.0};
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    benchmark::DoNotOptimize(plan);
    gln::dose_check result = gln::check_dose(person, purpose, plan);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_check_dose);

// assess() with a regimen: screening, dose check, the action, evidence. typical: the typical
// profile (pregnancy among its conditions) is asked to see a clinician, so no dose is shown;
// dose_shown: 40 years and 70 kg alone may take it, so the dose row is resolved and rounded.
void BM_assess(benchmark::State& state, gln::profile person) {
  gln::purpose purpose = gln::purpose::exercise_recovery;
  gln::regimen plan{gln::grams{5.0}, 2, 6.0};
  for (auto _ : state) {
    benchmark::DoNotOptimize(person);
    benchmark::DoNotOptimize(purpose);
    benchmark::DoNotOptimize(plan);
    gln::assessment result = gln::assess(person, purpose, plan);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK_CAPTURE(BM_assess, typical, gln_bench::typical_profile());
BENCHMARK_CAPTURE(BM_assess, dose_shown, gln_bench::plain_adult());

void BM_check_dose_varied(benchmark::State& state) {
  const std::vector<query> inputs = gln_bench::typical_queries(pool, seed);
  std::array<gln::regimen, pool> plans{};
  gln_bench::rng r{seed};
  for (gln::regimen& plan : plans) {
    plan.per_dose = gln::grams{1.0 + static_cast<double>(r.below(200)) / 10.0};
    plan.doses_per_day = 1 + static_cast<int>(r.below(4));
    if (r.chance(50)) plan.weeks = static_cast<double>(1 + r.below(20));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ & (pool - 1);
    gln::dose_check result = gln::check_dose(inputs[k].person, inputs[k].purpose, plans[k]);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_check_dose_varied);

void BM_dose_for(benchmark::State& state) {
  gln::profile person = gln_bench::typical_profile();
  std::uint32_t k = 0;
  for (auto _ : state) {
    const auto purpose = static_cast<gln::purpose>(k++ % gln::enum_count<gln::purpose>);
    benchmark::DoNotOptimize(person);
    gln::dose_guidance result = gln::dose_for(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_dose_for);

void BM_evidence_for(benchmark::State& state) {
  std::uint32_t k = 0;
  for (auto _ : state) {
    const auto purpose = static_cast<gln::purpose>(k++ % gln::enum_count<gln::purpose>);
    gln::evidence result = gln::evidence_for(purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_evidence_for);

void BM_plan_trial(benchmark::State& state) {
  gln::profile person{};
  person.age_years = 35.0;
  person.weight_kg = gln::kilograms{75.0};
  std::uint32_t k = 0;
  for (auto _ : state) {
    const auto purpose = static_cast<gln::purpose>(k++ % gln::enum_count<gln::purpose>);
    benchmark::DoNotOptimize(person);
    gln::trial_plan result = gln::plan_trial(person, purpose);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_plan_trial);

void BM_parse_purpose(benchmark::State& state) {
  // Every name once, plus one miss: a linear search, so the average over all of them.
  std::array<std::string_view, gln::enum_count<gln::purpose> + 1> names{};
  for (std::size_t i = 0; i < gln::enum_count<gln::purpose>; ++i) {
    names[i] = gln::to_string(static_cast<gln::purpose>(i));
  }
  names.back() = "not_a_purpose";
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view name = names[i++ % names.size()];
    benchmark::DoNotOptimize(name);
    auto result = gln::parse<gln::purpose>(name);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_parse_purpose);

// One ICD-10-CM look-up per iteration over gln_bench::icd10_codes (lookup_codes.hpp).
void BM_condition_from_icd10(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view code = gln_bench::icd10_codes[i++ & (gln_bench::icd10_codes.size() - 1)];
    benchmark::DoNotOptimize(code);
    auto result = gln::condition_from_icd10(code);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_condition_from_icd10);

void BM_icd10_lookup(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view code = gln_bench::icd10_codes[i++ & (gln_bench::icd10_codes.size() - 1)];
    benchmark::DoNotOptimize(code);
    gln::code_match result = gln::icd10_lookup(code);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_icd10_lookup);

// code_lookup of one system over its codes in turn.
template <std::size_t N>
void BM_code_lookup(benchmark::State& state, gln::code_system system,
                    const gln_bench::code_list<N>& codes) {
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view code = codes[i++ & (N - 1)];
    benchmark::DoNotOptimize(code);
    benchmark::DoNotOptimize(system);
    gln::code_match result = gln::code_lookup(system, code);
    benchmark::DoNotOptimize(result);
  }
}

// The reference beside each look-up: the same codes, in the same order, looked up in a
// std::unordered_map that holds gln's answer for each (gln_bench::answers_of).
template <std::size_t N>
void BM_code_lookup_reference(benchmark::State& state, gln::code_system system,
                              const gln_bench::code_list<N>& codes) {
  const auto answers = gln_bench::answers_of(
      codes, [system](std::string_view code) { return gln::code_lookup(system, code); });
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view code = codes[i++ & (N - 1)];
    benchmark::DoNotOptimize(code);
    gln::code_match result = answers.find(code)->second;
    benchmark::DoNotOptimize(result);
  }
}

#define GLN_BENCH_LOOKUP(system, codes)                                                  \
  BENCHMARK_CAPTURE(BM_code_lookup, system, gln::code_system::system, gln_bench::codes); \
  BENCHMARK_CAPTURE(BM_code_lookup_reference, system, gln::code_system::system, gln_bench::codes)
GLN_BENCH_LOOKUP(icd10_cm, icd10_codes);
GLN_BENCH_LOOKUP(snomed_ct, snomed_codes);
GLN_BENCH_LOOKUP(rxnorm, rxnorm_codes);
GLN_BENCH_LOOKUP(atc, atc_codes);
GLN_BENCH_LOOKUP(ndc, ndc_codes);
GLN_BENCH_LOOKUP(loinc, loinc_codes);
GLN_BENCH_LOOKUP(ucum, ucum_codes);
#undef GLN_BENCH_LOOKUP

// The URI overload: the system named by its FHIR URI, one held and one not.
void BM_code_lookup_uri(benchmark::State& state) {
  const std::array<std::string_view, 4> systems{
      "http://snomed.info/sct", "http://www.nlm.nih.gov/research/umls/rxnorm", "http://loinc.org",
      "http://hl7.org/fhir/sid/icd-10"};
  const std::array<std::string_view, 4> codes{"76571007", "2598", "29463-7", "R65.1"};
  std::size_t i = 0;
  for (auto _ : state) {
    const std::size_t k = i++ % systems.size();
    std::string_view system = systems[k];
    std::string_view code = codes[k];
    benchmark::DoNotOptimize(system);
    benchmark::DoNotOptimize(code);
    gln::code_match result = gln::code_lookup(system, code);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_code_lookup_uri);

// RxNorm product displays as Synthea writes them: three name an antiepileptic, one does not.
void BM_ingredient_in_display(benchmark::State& state) {
  const std::array<std::string_view, 4> displays{
      "clonazePAM 0.25 MG Oral Tablet", "Diazepam 5 MG Oral Tablet",
      "carbamazepine 20 MG/ML Oral Suspension [Tegretol]",
      "divalproex sodium 500 MG Delayed Release Oral Tablet"};
  std::size_t i = 0;
  for (auto _ : state) {
    std::string_view display = displays[i++ % displays.size()];
    benchmark::DoNotOptimize(display);
    gln::ingredient_match result = gln::ingredient_in_display(display);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ingredient_in_display);

// Screens 1 M varied profiles per iteration with `screen_one` (a profile and purpose to a
// result with an `overall`); the counter is profiles per second on one core. A reference is
// first checked to agree with gln on every one of the profiles.
template <class ScreenOne>
void screen_batch_1M(benchmark::State& state, const ScreenOne& screen_one, bool check_agreement) {
  constexpr std::size_t count = 1'000'000;
  const std::vector<query> inputs = gln_bench::varied_queries(count, seed);
  if (check_agreement) require_agreement(inputs);
  for (auto _ : state) {
    std::array<std::size_t, gln::enum_count<gln::verdict>> tally{};
    for (const query& q : inputs) {
      const gln::verdict overall = screen_one(q.person, q.purpose).overall;
      ++tally[gln::index_of(overall)];
    }
    benchmark::DoNotOptimize(tally);
  }
  state.counters["profiles/s"] =
      benchmark::Counter(static_cast<double>(count) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_screen_batch_1M(benchmark::State& state) {
  screen_batch_1M(
      state, [](const gln::profile& p, gln::purpose why) { return gln::screen(p, why); }, false);
}
BENCHMARK(BM_screen_batch_1M)->Unit(benchmark::kMillisecond);

// The same batch through the straight-line reference, then the branch-free one.
void BM_reference_screen_batch_1M(benchmark::State& state) {
  screen_batch_1M(state, gln_bench::reference_screen, true);
}
BENCHMARK(BM_reference_screen_batch_1M)->Unit(benchmark::kMillisecond);

void BM_reference_branch_free_batch_1M(benchmark::State& state) {
  screen_batch_1M(state, gln_bench::reference_screen_branch_free, true);
}
BENCHMARK(BM_reference_branch_free_batch_1M)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
