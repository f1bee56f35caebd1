// gln-check --batch's streaming writer (stream.hpp) against the JSON adapter's DOM: the same
// bytes for every request of the examples, of the tests' and fuzzers' corpora and of seeded,
// generated requests (odd texts, extreme numbers, every name), error lines included; and the
// --compact answer against the full one.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <gln/json.hpp>
#include <gln/json/parse.hpp>

#include "catch.hpp"
#include "request.hpp"
#include "stream.hpp"

namespace {

using nlohmann::json;

const std::string examples_dir = GLN_EXAMPLES_DIR;
const std::string project_dir = examples_dir + "/..";

std::string file_text(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of_file(const std::filesystem::path& path) {
  std::vector<std::string> lines;
  std::istringstream stream(file_text(path));
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

// Every file of a directory, whole (a fuzz seed is one request, maybe with newlines inside).
std::vector<std::string> files_of(const std::filesystem::path& dir) {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) texts.push_back(file_text(entry.path()));
  }
  return texts;
}

std::string dumped(const std::string& text) {
  return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

// The error line as nlohmann would write its texts.
std::string expected_error_line(std::string_view id, std::size_t line,
                                const gln::request_error& error) {
  std::string out = "{\"id\":" + std::string(id) + ",\"line\":" + std::to_string(line) +
                    ",\"error\":" + dumped(std::string(error.text())) + ",\"field\":";
  out += error.field().empty() ? "null" : dumped(std::string(error.field()));
  return out + "}";
}

struct comparison {
  std::size_t answers = 0;
  std::size_t errors = 0;
};

// One batch line through both writers; the counts say what was compared.
void compare_line(const std::string& line, std::size_t number, gln_check::answer_writer& writer,
                  comparison& counted) {
  gln::request_parser parser;
  gln::request req;
  std::optional<gln::request_error> error = parser.parse(line, req);
  if (!error && !req.purpose) error = gln::request_error{"purpose", "is required"};
  if (error) {
    char buffer[4096];
    const std::string_view id = parser.id_of(line);
    const std::size_t size = gln_check::error_line(buffer, sizeof buffer, id, number, *error);
    REQUIRE(std::string(buffer, size) == expected_error_line(id, number, *error));
    ++counted.errors;
    return;
  }
  for (const bool citations : {false, true}) {
    const std::string expected = gln_check::result_json(req, -1, citations);
    REQUIRE(std::string(writer.full(req, citations)) == expected);
    REQUIRE(std::string(writer.wrap("result", expected)) ==
            gln_check::wrap_json("result", expected));
  }
  ++counted.answers;
}

// Seeded requests: valid and invalid values of every key, odd texts and extreme numbers.
class request_generator {
 public:
  explicit request_generator(unsigned seed) : random_(seed) {}

  std::string next() {
    std::string out = "{\"id\": " + pick_of(ids_);
    const auto maybe = [&](const char* key, const std::vector<std::string>& values) {
      if (chance(0.6)) out += std::string(", \"") + key + "\": " + pick_of(values);
    };
    maybe("age_years", numbers_);
    maybe("weight_kg", numbers_);
    maybe("weight_age_days", {"0", "30", "400", "null", "-1"});
    maybe("conditions", {list_of(condition_names()), "null", "[]"});
    maybe("medications", {list_of(medication_names()), "null"});
    maybe("icd10", {list_of(codes_), "null", "[\"D57.1\", \"K74.60\"]"});
    maybe(
        "codes",
        {"[{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": " + pick_of(codes_) + "}]",
         "[{\"system\": \"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": " +
             pick_of(codes_) + "}]",
         "null"});
    maybe("oversight", {"\"self_directed\"", "\"clinician_supervised\"", "null"});
    if (chance(0.95)) out += ", \"purpose\": \"" + pick_of(purpose_names()) + "\"";
    maybe("regimen", {"{\"grams_per_dose\": " + pick_of(numbers_) +
                          ", \"doses_per_day\": " + pick_of({"1", "2", "3", "0", "7"}) +
                          ", \"weeks\": " + pick_of(numbers_) + "}",
                      "null"});
    // Stricter knobs are answered; a knob from numbers_ is mostly refused (a policy only
    // tightens), so it is one choice of three.
    maybe("policy", {"{\"observed_safe_level\": " + pick_of(numbers_) + "}",
                     "{\"observed_safe_level\": " + pick_of({"10", "12.5", "14"}) + "}",
                     "{\"adult_age_years\": 21, \"observed_safe_level\": 14}"});
    return out + "}";
  }

 private:
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }
  const std::string& pick_of(const std::vector<std::string>& values) {
    return values[std::uniform_int_distribution<std::size_t>(0, values.size() - 1)(random_)];
  }
  std::string list_of(const std::vector<std::string>& values) {
    std::string out = "[";
    const std::size_t count = std::uniform_int_distribution<std::size_t>(0, 3)(random_);
    for (std::size_t i = 0; i < count; ++i) {
      out += (i > 0 ? ", " : "") + pick_of(values);
    }
    return out + "]";
  }
  template <class E>
  static std::vector<std::string> names(bool quoted) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < gln::enum_count<E>; ++i) {
      const std::string name(gln::to_string(static_cast<E>(i)));
      out.push_back(quoted ? "\"" + name + "\"" : name);
    }
    return out;
  }
  static std::vector<std::string> condition_names() { return names<gln::condition>(true); }
  static std::vector<std::string> medication_names() { return names<gln::medication>(true); }
  static std::vector<std::string> purpose_names() { return names<gln::purpose>(false); }

  std::mt19937 random_;
  const std::vector<std::string> ids_{
      "1",    "-0",          "12345678901234567890123", "1.5e3",  "\"r-1\"",   "\"tab\\there\"",
      "null", "\"\\u0001\"", "\"caf\xc3\xa9\"",         "[1, 2]", "{\"a\": 1}"};
  const std::vector<std::string> numbers_{"0",
                                          "-0.0",
                                          "5",
                                          "7.5",
                                          "0.1",
                                          "1e-7",
                                          "1e21",
                                          "123456789012345678",
                                          "1e300",
                                          "-3",
                                          "62.3",
                                          "1e-320",
                                          "0.30000000000000004",
                                          "70",
                                          "12",
                                          "40.25",
                                          "99999",
                                          "1.5e15",
                                          "null",
                                          "\"ten\"",
                                          "true"};
  const std::vector<std::string> codes_{"\"K74.60\"",
                                        "\"D57.1\"",
                                        "\"E11.9\"",
                                        "\"N18.4\"",
                                        "\"Z99.99\"",
                                        "\"X9\"",
                                        "\" k74.60 \"",
                                        "\"A\\u0007B\"",
                                        "\"\xc3\xa9t\xc3\xa9\"",
                                        "\"\xff\xfe\"",
                                        "\"\xed\xa0\x80\"",
                                        "\"q\\\"uote\\\\\"",
                                        "\"2598\"",
                                        "\"\""};
};

}  // namespace

TEST_CASE("the streaming writer writes result_json's bytes, answers and error lines alike") {
  gln_check::answer_writer writer;
  comparison counted;
  std::size_t number = 0;
  const auto compare_all = [&](const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      INFO(line);
      compare_line(line, ++number, writer, counted);
    }
  };
  compare_all(lines_of_file(examples_dir + "/batch/requests.jsonl"));
  compare_all(lines_of_file(examples_dir + "/gln-check/tests/mixed.jsonl"));
  for (const auto& entry : std::filesystem::directory_iterator(examples_dir + "/profiles")) {
    compare_all({file_text(entry.path())});
  }
  compare_all(files_of(project_dir + "/tests/fuzz/corpus/gln_check_json"));
  compare_all(files_of(project_dir + "/tests/fuzz/corpus/parse"));
  request_generator generate(13);
  std::vector<std::string> generated;
  for (int i = 0; i < 4000; ++i) generated.push_back(generate.next());
  compare_all(generated);
  // Both kinds were compared, many of each (the corpora hold well over a thousand seeds).
  CHECK(counted.answers > 1000);
  CHECK(counted.errors > 500);
}

TEST_CASE("the streaming writer escapes and replaces texts as nlohmann does") {
  gln_check::answer_writer writer;
  const std::vector<std::string> texts{
      "",
      "plain",
      "q\"uote\\back",
      std::string("nul\0byte", 8),
      "\x01\x1f\x7f",
      "tab\there\r\n",
      "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80",
      "\xff",
      "\xc3",
      "\xe0\x80\x80",
      "\xed\xa0\x80",
      "\xf4\x90\x80\x80",
      "a long text of more than eight bytes with a \" quote in the middle and \xc3\xa9"};
  for (const std::string& text : texts) {
    INFO(text);
    REQUIRE(std::string(writer.wrap(text, text)) == gln_check::wrap_json(text, text));
  }
}

TEST_CASE("compact answers: the id, the action, the verdict and the full answer's rule ids") {
  const std::string input = file_text(examples_dir + "/batch/requests.jsonl") +
                            file_text(examples_dir + "/gln-check/tests/mixed.jsonl");
  const auto run_batch = [&input](std::vector<const char*> argv) {
    std::ostringstream out;
    std::ostringstream err;
    std::istringstream in(input);
    REQUIRE(gln_check::run(static_cast<int>(argv.size()), argv.data(), out, err, in) ==
            gln_check::exit_ok);
    REQUIRE(err.str().empty());
    std::vector<json> lines;
    std::istringstream stream(out.str());
    for (std::string line; std::getline(stream, line);) lines.push_back(json::parse(line));
    return lines;
  };
  const std::vector<json> full = run_batch({"gln-check", "--batch"});
  const std::vector<json> compact = run_batch({"gln-check", "--batch", "--compact"});
  REQUIRE(compact.size() == full.size());
  REQUIRE(compact.size() == 9);
  std::size_t answers = 0;
  for (std::size_t i = 0; i < full.size(); ++i) {
    INFO(full[i].dump());
    if (full[i].contains("error")) {
      CHECK(compact[i] == full[i]);  // an error line is the same in both shapes
      continue;
    }
    ++answers;
    json rules = json::array();
    for (const json& f : full[i].at("answer").at("findings")) rules.push_back(f.at("rule"));
    const json expected = {{"id", full[i].at("id")},
                           {"action", full[i].at("answer").at("action")},
                           {"overall", full[i].at("answer").at("overall")},
                           {"rules", rules}};
    CHECK(compact[i] == expected);
  }
  CHECK(answers == 6);
}

TEST_CASE("compact answers go with --batch only, and without --verbose") {
  const auto code_of = [](std::vector<const char*> argv) {
    std::ostringstream out;
    std::ostringstream err;
    std::istringstream in;
    return gln_check::run(static_cast<int>(argv.size()), argv.data(), out, err, in);
  };
  CHECK(code_of({"gln-check", "--compact", "--purpose", "gut_barrier"}) == gln_check::exit_usage);
  CHECK(code_of({"gln-check", "--batch", "--compact", "-v"}) == gln_check::exit_usage);
}

TEST_CASE("batch progress: lines done and lines/s on a terminal's stderr, nothing otherwise") {
  const std::string input = file_text(examples_dir + "/batch/requests.jsonl");
  const char* const argv[] = {"gln-check", "--batch"};
  for (const bool terminal : {false, true}) {
    std::ostringstream out;
    std::ostringstream err;
    std::istringstream in(input);
    REQUIRE(gln_check::run(2, argv, out, err, in, terminal) == gln_check::exit_ok);
    if (terminal) {
      CHECK(err.str().rfind("\rgln-check: 5 lines, ", 0) == 0);
      CHECK(err.str().find(" lines/s\n") != std::string::npos);
    } else {
      CHECK(err.str().empty());
    }
  }
}
