// The request parser chosen by measurement: microseconds per batch line for the same strict
// rules (gln/json/request.hpp) fed by nlohmann/json's DOM (parse, then from_json), and by
// simdjson On-Demand (gln::request_parser, what gln-check uses); and, for scale, nlohmann's SAX
// parser with a handler that only counts events (the floor of any SAX reader). Lines from
// examples/batch/requests.jsonl. Build -O2; prints one line per parser.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <gln/json.hpp>
#include <gln/json/parse.hpp>

namespace {

struct counting_sax : nlohmann::json_sax<nlohmann::json> {
  std::size_t events = 0;
  bool null() override { return ++events != 0; }
  bool boolean(bool) override { return ++events != 0; }
  bool number_integer(number_integer_t) override { return ++events != 0; }
  bool number_unsigned(number_unsigned_t) override { return ++events != 0; }
  bool number_float(number_float_t, const string_t&) override { return ++events != 0; }
  bool string(string_t&) override { return ++events != 0; }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return ++events != 0; }
  bool key(string_t&) override { return ++events != 0; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }
};

template <class F>
void measure(const char* name, const std::vector<std::string>& lines, F parse) {
  double best = 1e300;
  std::size_t ok = 0;
  for (int run = 0; run < 5; ++run) {
    ok = 0;
    const auto start = std::chrono::steady_clock::now();
    for (const std::string& line : lines) ok += parse(line) ? 1U : 0U;
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count() / static_cast<double>(lines.size()));
  }
  std::printf("%-44s %.3f us/line (%zu of %zu read)\n", name, best, ok, lines.size());
}

}  // namespace

int main() {
  const std::vector<std::string> examples{
      R"({"id": 1, "age_years": 34, "weight_kg": 62, "purpose": "endurance_gut_stress", "regimen": {"grams_per_dose": 5, "doses_per_day": 2}})",
      R"({"id": 2, "age_years": 58, "conditions": ["cirrhosis"], "purpose": "gut_barrier"})",
      R"({"id": 3, "age_years": 29, "conditions": ["pregnancy"], "purpose": "gut_barrier"})",
      R"({"id": 5, "age_years": 12, "weight_kg": 40, "icd10": ["D57.1"], "oversight": "clinician_supervised", "purpose": "sickle_cell_disease", "regimen": {"grams_per_dose": 10, "doses_per_day": 2}})"};
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < 200000; ++i) lines.push_back(examples[i % examples.size()]);

  measure("nlohmann DOM + from_json (same rules)", lines, [](const std::string& line) {
    try {
      const auto req = nlohmann::json::parse(line).get<gln::request>();
      return req.purpose.has_value();
    } catch (...) {
      return false;
    }
  });
  counting_sax sax;
  measure("nlohmann SAX, counting events only", lines, [&sax](const std::string& line) {
    return nlohmann::json::sax_parse(line.begin(), line.end(), &sax);
  });
  gln::request_parser parser;
  gln::request req;
  measure("simdjson On-Demand + rules (request_parser)", lines,
          [&](const std::string& line) { return !parser.parse(line, req).has_value(); });
  return 0;
}
