// The gln side of the peer comparison (scripts/peer-compare.sh):
//   gln_peer generate --count N --seed S --out profiles.json
//     writes N varied screening questions (the same generator as the benchmarks);
//   gln_peer screen --in profiles.json --out gln.json
//     reads them back, screens each one, times the screening, and writes every overall
//     verdict and fired rule id with the time per query.
// The json-rules-engine side (benchmarks/peer/screen.js) reads the same profiles.json.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <gln/gln.hpp>

#include "profiles.hpp"

namespace {

using json = nlohmann::json;
using gln_bench::query;

template <class E, class Set>
json names_of(const Set& set) {
  json out = json::array();
  for (E member : set) out.push_back(std::string(gln::to_string(member)));
  return out;
}

json to_json(const query& q) {
  json out;
  out["age"] = q.person.age_years ? json(*q.person.age_years) : json(nullptr);
  out["weight_kg"] = q.person.weight_kg ? json(q.person.weight_kg->value()) : json(nullptr);
  out["conditions"] = names_of<gln::condition>(q.person.conditions);
  out["medications"] = names_of<gln::medication>(q.person.medications);
  out["oversight"] = std::string(gln::to_string(q.person.oversight));
  out["purpose"] = std::string(gln::to_string(q.purpose));
  return out;
}

// Fails loudly on a name gln does not know: the file must come from `generate`.
template <class E>
E parse_or_die(const std::string& name) {
  const auto value = gln::parse<E>(name);
  if (!value) {
    std::cerr << "gln_peer: unknown name '" << name << "'\n";
    std::exit(2);
  }
  return *value;
}

query from_json(const json& item) {
  query q;
  if (!item.at("age").is_null()) q.person.age_years = item.at("age").get<double>();
  if (!item.at("weight_kg").is_null()) {
    q.person.weight_kg = gln::kilograms{item.at("weight_kg").get<double>()};
  }
  for (const auto& name : item.at("conditions")) {
    q.person.conditions.insert(parse_or_die<gln::condition>(name.get<std::string>()));
  }
  for (const auto& name : item.at("medications")) {
    q.person.medications.insert(parse_or_die<gln::medication>(name.get<std::string>()));
  }
  q.person.oversight = parse_or_die<gln::oversight>(item.at("oversight").get<std::string>());
  q.purpose = parse_or_die<gln::purpose>(item.at("purpose").get<std::string>());
  return q;
}

int generate(std::size_t count, std::uint64_t seed, const std::string& path) {
  const std::vector<query> queries = gln_bench::varied_queries(count, seed);
  json out;
  out["generator"] = "gln_bench::varied_queries (splitmix64)";
  out["seed"] = seed;
  out["count"] = count;
  json& profiles = out["profiles"] = json::array();
  for (const query& q : queries) profiles.push_back(to_json(q));
  std::ofstream file(path);
  file << out.dump() << '\n';
  if (!file) {
    std::cerr << "gln_peer: cannot write " << path << '\n';
    return 1;
  }
  return 0;
}

int screen_file(const std::string& in_path, const std::string& out_path, double min_seconds) {
  std::ifstream file(in_path);
  if (!file) {
    std::cerr << "gln_peer: cannot read " << in_path << '\n';
    return 1;
  }
  const json input = json::parse(file);
  std::vector<query> queries;
  for (const json& item : input.at("profiles")) queries.push_back(from_json(item));
  if (queries.empty()) {
    std::cerr << "gln_peer: no profiles in " << in_path << '\n';
    return 1;
  }

  // Timed: screening only, on inputs already in memory (as for the peer). Whole passes
  // over the profiles until min_seconds have gone by; the fastest pass is reported too.
  using clock = std::chrono::steady_clock;
  std::vector<gln::verdict> verdicts(queries.size());
  std::size_t passes = 0;
  double total_seconds = 0.0;
  double best_pass = 1.0e300;
  while (total_seconds < min_seconds || passes < 3) {
    const auto start = clock::now();
    for (std::size_t i = 0; i < queries.size(); ++i) {
      verdicts[i] = gln::screen(queries[i].person, queries[i].purpose).overall;
    }
    const double seconds = std::chrono::duration<double>(clock::now() - start).count();
    total_seconds += seconds;
    best_pass = std::min(best_pass, seconds);
    ++passes;
  }
  const double queries_run = static_cast<double>(queries.size()) * static_cast<double>(passes);

  json out;
  out["tool"] = std::string("gln ") + std::string(gln::version);
  out["queries"] = queries.size();
  out["passes"] = passes;
  out["ns_per_query"] = total_seconds * 1.0e9 / queries_run;
  out["best_pass_ns_per_query"] = best_pass * 1.0e9 / static_cast<double>(queries.size());
  json& results = out["results"] = json::array();
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const gln::screening full = gln::screen(queries[i].person, queries[i].purpose);
    json rules = json::array();
    for (const gln::finding& item : full.findings) rules.push_back(std::string(item.rule_id()));
    results.push_back({{"verdict", std::string(gln::to_string(verdicts[i]))}, {"rules", rules}});
  }
  std::ofstream result_file(out_path);
  result_file << out.dump() << '\n';
  if (!result_file) {
    std::cerr << "gln_peer: cannot write " << out_path << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gln side of the json-rules-engine comparison"};
  app.require_subcommand(1);

  std::size_t count = 10000;
  std::uint64_t seed = 20261123;
  std::string profiles_path;
  CLI::App* gen = app.add_subcommand("generate", "write varied screening questions as JSON");
  gen->add_option("--count", count, "how many profiles")->check(CLI::Range(1, 10000000));
  gen->add_option("--seed", seed, "generator seed");
  gen->add_option("--out", profiles_path, "profiles file to write")->required();

  std::string in_path;
  std::string out_path;
  double min_seconds = 1.0;
  CLI::App* scr = app.add_subcommand("screen", "screen every profile of a file, timed");
  scr->add_option("--in", in_path, "profiles file from `generate`")->required();
  scr->add_option("--out", out_path, "results file to write")->required();
  scr->add_option("--min-seconds", min_seconds, "time at least this long");

  CLI11_PARSE(app, argc, argv);
  if (gen->parsed()) return generate(count, seed, profiles_path);
  return screen_file(in_path, out_path, min_seconds);
}
