#ifndef GLN_CHECK_REQUEST_HPP
#define GLN_CHECK_REQUEST_HPP

// gln-check without its main(): argument and JSON request parsing, the report and the JSON
// result, so tests and fuzz targets can drive the tool in-process. Link the CMake target
// gln_check_core (or compile request.cpp, report.cpp and run.cpp). None of these functions
// lets an exception escape: CLI11 and nlohmann/json throw, and every throw is caught here
// and turned into a parse_error or an exit code.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <gln/gln.hpp>

namespace gln_check {

// Exit codes of run().
inline constexpr int exit_ok = 0;                   // it ran; the verdict is in the output
inline constexpr int exit_io_error = 1;             // the output could not be written
inline constexpr int exit_usage = 2;                // bad arguments, bad JSON, unknown name or code
inline constexpr int exit_verdict_at_or_above = 3;  // --fail-on: the verdict reached the level

// One question: a person, a purpose and optionally a regimen to check.
struct request {
  gln::profile person{};
  std::optional<gln::purpose> purpose;  // required to evaluate; a profile file may omit it
  std::optional<gln::regimen> plan;
  std::vector<std::string> icd10;  // codes as given; their conditions are in person.conditions
  std::optional<std::string> id;   // a batch line's "id", as JSON text, echoed in the result
};

struct parse_error {
  std::string message;  // one line, names the bad value
};

// Parses one JSON request: a --profile file or one --batch line. An object with the keys
//   age_years, weight_kg (numbers or null), conditions, medications, icd10 (arrays of
//   strings), oversight ("self_directed" or "clinician_supervised"), purpose (a name),
//   regimen ({"grams_per_dose": n, "doses_per_day": whole n, "weeks": n or null}), id (any).
// Every key is optional; unknown keys, unknown names, unmapped ICD-10 codes, wrong types and
// non-finite numbers are errors. Numbers are not range-checked: that is the library's job
// (a negative weight gives an input.invalid finding).
std::variant<request, parse_error> parse_json_request(std::string_view text);

// Strict decimal number: optional sign, digits, optional fraction and exponent. No value for
// anything else, including "nan", "inf", hex, white space and numbers that overflow a double.
std::optional<double> parse_number(std::string_view text) noexcept;

// A whole number that fits an int, in the same strict syntax (no fraction, no exponent).
std::optional<int> parse_count(std::string_view text) noexcept;

// Adds the condition(s) an ICD-10-CM code maps to; an error names a code that maps to none.
std::optional<parse_error> add_icd10(request& req, std::string_view code);

// What the library says about a request. The purpose must be set; a request without one is
// evaluated with an out-of-range purpose, which fails closed (input.invalid, avoid).
struct results {
  gln::screening screening;
  gln::dose_guidance dose;
  std::optional<gln::dose_check> check;  // when the request has a regimen
  gln::evidence evidence;
  gln::trial_plan plan;
  gln::verdict overall = gln::verdict::avoid;  // the dose check's if any, else the screening's
};
results evaluate(const request& req) noexcept;

// The result as one JSON object (shape in the README); indent < 0 gives a single line.
// With citations, a "citations" object maps every cited source id to its full record.
std::string result_json(const request& req, int indent, bool citations);
// The error object of a batch line: {"id": ..., "line": n, "error": "..."}; the id is taken
// from the line's text when it is a JSON object with one, else null.
std::string error_json(const parse_error& error, std::size_t line, std::string_view text);

// {"key": "<text>"}: an answer wrapped as one string field, the row shape a ClickHouse
// executable UDF with format JSONEachRow and return_name `key` expects.
std::string wrap_json(std::string_view key, std::string_view text);

// The readable report; with citations, the full text of every cited source at the end.
void write_report(const request& req, std::ostream& out, bool citations);

// The whole tool: argv[0] is the program name. Reads stdin only for --batch.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, std::istream& in);

}  // namespace gln_check

#endif  // GLN_CHECK_REQUEST_HPP
