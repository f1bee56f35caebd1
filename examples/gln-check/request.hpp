#ifndef GLN_CHECK_REQUEST_HPP
#define GLN_CHECK_REQUEST_HPP

// gln-check without its main(): the command line, the report and the JSON answer, so tests
// and fuzz targets can drive the tool in-process. Link the CMake target gln_check_core (or
// compile report.cpp and run.cpp). Requests are read and answers written by the JSON adapter
// (gln/json.hpp, gln/json/parse.hpp). None of these functions lets an exception escape.

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include <gln/json/request.hpp>

namespace gln_check {

// Exit codes of run(). A closed output pipe ends the process by SIGPIPE (main() restores its
// default), quietly, as `yes | head -1` does: the shell reports 141.
inline constexpr int exit_ok = 0;                   // it ran; the verdict is in the output
inline constexpr int exit_io_error = 1;             // the output could not be written
inline constexpr int exit_usage = 2;                // bad arguments or input: one line on stderr
inline constexpr int exit_verdict_at_or_above = 3;  // --fail-on: the verdict reached the level

// Strict decimal number: optional sign, digits, optional fraction and exponent. No value for
// anything else, including "nan", "inf", hex, white space and numbers that overflow a double.
std::optional<double> parse_number(std::string_view text) noexcept;

// A number in the same syntax whose value is whole and fits an int, as a request reads a
// whole number: 2.0 and 2e0 are 2.
std::optional<int> parse_count(std::string_view text) noexcept;

// Why parse_number (whole: parse_count) gives no value for `text`, for a usage message:
// "is not a number" ("is not a whole number"), or "is out of range" for one in the syntax
// that does not fit (1e999, 2147483648).
std::string number_problem(std::string_view text, bool whole);

// The answer to a request, gln::assess's, as the JSON envelope (gln::envelope_text with
// gln::answer_json; shape in the README and docs/schema/); indent < 0 gives a single line.
// With citations, the answer gains a "citations" object from every cited source id to its
// full record. --json's writer, and the reference --batch's streaming writer (stream.hpp)
// matches byte for byte.
std::string result_json(const gln::request& req, int indent, bool citations);

// The error object of a batch line, {"id": <id>, "line": n, "error": "...", "field": "..."},
// written into out[0..capacity) without allocating; returns its size (0 if it does not fit).
// The id is JSON text ("null" when unknown); one that does not fit is written as null.
std::size_t error_line(char* out, std::size_t capacity, std::string_view id, std::size_t line,
                       const gln::request_error& error) noexcept;

// {"key": "<text>"}: an answer wrapped as one string field, the row shape a ClickHouse
// executable UDF with format JSONEachRow and return_name `key` expects.
std::string wrap_json(std::string_view key, std::string_view text);

// Whose texts the report shows (--audience). professional, the default: the action and its
// name, each finding's level, rule id, cause (the input and its value, the codes behind it),
// reason and sources, the dose's source text. patient: the action in plain words, each
// finding's plain-language text and what in the request it is about, the dose in words, no
// rule ids or sources.
enum class audience { professional, patient };

// The readable report of gln::assess's answer: the action first, then why (the findings),
// the dose (or why none is shown), the evidence, the trial plan and the request as read; with
// citations, the full text of every cited source at the end.
void write_report(const gln::request& req, std::ostream& out, bool citations,
                  audience who = audience::professional);

// The whole tool: argv[0] is the program name. Reads stdin only for --batch. Every write is
// checked: a failure prints one line on `err` and returns exit_io_error. With err_is_terminal,
// --batch shows its progress on `err` (lines done, lines/s); otherwise it writes nothing there.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, std::istream& in,
        bool err_is_terminal = false);

}  // namespace gln_check

#endif  // GLN_CHECK_REQUEST_HPP
