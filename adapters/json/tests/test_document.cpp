// gln::json_document_parser: what it reads equals what nlohmann reads, what it refuses (the
// byte rules it shares with gln::request_parser, duplicate keys at any depth, \u0000, depth),
// and the real documents of the shared data, each read the same as nlohmann reads it.
#include <gln/json/document.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>

#include "catch.hpp"

namespace {

using nlohmann::json;

json parsed(std::string_view text) {
  gln::json_document_parser parser;
  json out;
  const auto error = parser.parse(text, out);
  if (error) FAIL(std::string(error->text()));
  return out;
}

std::string refused(std::string_view text, gln::json_document_parser& parser) {
  json out = json::object({{"left", "over"}});
  const auto error = parser.parse(text, out);
  REQUIRE(error.has_value());
  CHECK(out.is_null());  // never half a document
  return std::string(error->text());
}

std::string refused(std::string_view text) {
  gln::json_document_parser parser;
  return refused(text, parser);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("json_document_parser reads every kind of value as nlohmann does") {
  const std::string text = R"( {"resourceType": "Bundle", "total": 2, "entry": [
      {"resource": {"value": 72.47499863528267, "negative": -3, "exp": 1e3, "zero": 0,
                    "big": 18446744073709551615, "bigger": 184467440737095516160,
                    "small": -9223372036854775808, "flag": true, "off": false, "none": null,
                    "text": "caf\u00e9 \"quoted\" \ud83d\ude00", "empty": {}, "list": []}},
      [1, [2, [3]]]]} )";
  const json ours = parsed(text);
  const json theirs = json::parse(text);
  CHECK(ours == theirs);
  // The same types, not only equal values.
  const json& r = ours["entry"][0]["resource"];
  CHECK(r["negative"].is_number_integer());
  CHECK(r["big"].is_number_unsigned());
  CHECK(r["big"].get<std::uint64_t>() == 18446744073709551615ULL);
  CHECK(r["bigger"].is_number_float());
  CHECK(r["small"].get<std::int64_t>() == INT64_MIN);
  CHECK(r["exp"].is_number_float());
  CHECK(r["text"] == "caf\xC3\xA9 \"quoted\" \xF0\x9F\x98\x80");
  CHECK(parsed("[]") == json::array());
  CHECK(parsed("{}\n\t ") == json::object());
}

// simdjson 3.0 (Debian 12's) reads some of these wrong (simdjson issues #2093 and #2099): a
// decimal of more than 19 significant digits whose integer part is 0 (0.95000000000000000000
// as 0.0277), and any such decimal through get_number() (as 0). Both readers give the value
// correctly rounded, as nlohmann (strtod) does.
TEST_CASE("the strict readers read long decimals correctly rounded") {
  const char* const numbers[] = {
      "0.95000000000000000000", "0.50000000000000000000000001", "0.99999999999999999999999",
      "0.1234567890123456789012345", "70.00000000000000000000001", "12345678901234567890.5",
      "-0.95000000000000000000e2", "0.0000000000000000000000000001234", "1000000000.000000001",
      "123456789012345678901234567890e-28",
      // Subnormal (strtod reports an underflow; libc++'s stream then sets failbit).
      "4.94065645841246544176568792868e-324", "2.2250738585072011360574097967e-308"};
  for (const char* number : numbers) {
    INFO(number);
    const std::string text = std::string("[") + number + "]";
    CHECK(parsed(text) == json::parse(text));
    CHECK(parsed(text)[0].get<double>() == json::parse(text)[0].get<double>());
  }
  static_assert(gln::detail::long_mantissa("0.95000000000000000000"), "20 digits");
  static_assert(!gln::detail::long_mantissa("0.9500000000000000000"), "19 digits");
  static_assert(!gln::detail::long_mantissa("-0.000000000000000000000001e5"), "leading zeros");

  gln::request_parser requests;
  gln::request req;
  REQUIRE_FALSE(requests.parse(R"({"age_years": 40.00000000000000000000001,
      "weight_kg": 0.95000000000000000000,
      "regimen": {"grams_per_dose": 0.50000000000000000000000001, "doses_per_day": 2}})",
                               req));
  CHECK(*req.person.age_years == 40.0);
  CHECK(req.person.weight_kg->value() == 0.95);
  CHECK(req.plan->per_dose.value() == 0.5);
}

// simdjson 3.0 refuses an exponent of more than 18 digits, though "0e2036854372036854775809"
// is a valid JSON 0 and "1e-2036854372036854775809" rounds to 0: both readers read them as
// nlohmann does, and a number too large for a double is still an error naming where it is.
TEST_CASE("the strict readers read long exponents as nlohmann does") {
  const char* const numbers[] = {"0e2036854372036854775809", "-0.0E+99999999999999999999999",
                                 "1e-2036854372036854775809", "5.5e-0000000000000000000000000001",
                                 "0e0000000000000000000000000000000000000000000000000001"};
  for (const char* number : numbers) {
    INFO(number);
    const std::string text = std::string("{\"n\": [") + number + "]}";
    CHECK(parsed(text) == json::parse(text));
  }
  static_assert(gln::detail::long_exponent("0e2036854372036854775809"), "19 digits");
  static_assert(!gln::detail::long_exponent("0e203685437203685477"), "18 digits");
  static_assert(gln::detail::long_exponent("1E-0000000000000000000001"), "leading zeros count");
  static_assert(!gln::detail::long_exponent("01e2036854372036854775809"), "not JSON: leading 0");
  static_assert(!gln::detail::long_exponent("1.e2036854372036854775809"), "not JSON: 1.");
  static_assert(!gln::detail::long_exponent("1e2036854372036854775809x"), "not JSON: x");

  for (const char* number : {"1e2036854372036854775809", "-7.5E+99999999999999999999999"}) {
    INFO(number);
    gln::json_document_parser parser;
    json out;
    const auto error = parser.parse(std::string("{\"n\": [1, ") + number + "]}", out);
    REQUIRE(error);
    CHECK(error->text() == std::string("n[1]: '") + number + "' is not a finite number");
    CHECK_THROWS(json::parse(std::string("[") + number + "]"));
  }

  gln::request_parser requests;
  gln::request req;
  REQUIRE_FALSE(requests.parse(R"({"age_years": 40, "weight_kg": 70,
      "regimen": {"grams_per_dose": 5, "doses_per_day": 2, "weeks": 0e99999999999999999999}})",
                               req));
  REQUIRE(req.plan);
  REQUIRE(req.plan->weeks);
  CHECK(*req.plan->weeks == 0.0);
  const auto refused = requests.parse(R"({"age_years": 4e99999999999999999999})", req);
  REQUIRE(refused);
  CHECK(std::string(refused->c_str()).find("age_years") != std::string::npos);
}

// A value JSON does not have (JavaScript's NaN and Infinity, Python's nan and inf, a number
// as a person writes it) is named as such, where it is; a JSON number too large for a double
// is named as not finite.
TEST_CASE("request_parser names a value that is not JSON, and where it is") {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"age_years": Infinity})", "age_years: 'Infinity' is not a JSON value"},
      {R"({"age_years": NaN})", "age_years: 'NaN' is not a JSON value"},
      {R"({"age_years": nan})", "age_years: 'nan' is not a JSON value"},
      {R"({"age_years": .5})", "age_years: '.5' is not a JSON value"},
      {R"({"age_years": +5})", "age_years: '+5' is not a JSON value"},
      {R"({"age_years": nul})", "age_years: 'nul' is not a JSON value"},
      {R"({"age_years": tru})", "age_years: 'tru' is not a JSON value"},
      {R"({"policy": {"require_age": fals}})", "policy.require_age: 'fals' is not a JSON value"},
      {R"({"age_years": -Infinity})", "age_years: '-Infinity' is not a JSON number"},
      {R"({"age_years": 01})", "age_years: '01' is not a JSON number"},
      {R"({"age_years": 0x10})", "age_years: '0x10' is not a JSON number"},
      {R"({"age_years": 5.})", "age_years: '5.' is not a JSON number"},
      {R"({"age_years": 1e999})", "age_years: '1e999' is not a finite number"},
      {R"({"id": 01})", "id: '01' is not a JSON number"},
      {R"({"id": -01})", "id: '-01' is not a JSON number"},
      {R"({"id": 1.})", "id: '1.' is not a JSON number"},
      {R"({"id": Infinity})", "id: 'Infinity' is not a JSON value"},
      {R"({"conditions": ["cirrhosis", Infinity]})",
       "conditions[1]: 'Infinity' is not a JSON value"},
      {R"({"regimen": {"grams_per_dose": NaN, "doses_per_day": 1}})",
       "regimen.grams_per_dose: 'NaN' is not a JSON value"}};
  gln::request_parser parser;
  for (const auto& [text, message] : cases) {
    INFO(text);
    gln::request req;
    const auto error = parser.parse(text, req);
    REQUIRE(error);
    CHECK(std::string(error->c_str()) == message);
    CHECK_THROWS(json::parse(text));  // not JSON to nlohmann either
  }
  static_assert(gln::detail::is_json_number("-0.5e+10"), "JSON");
  static_assert(gln::detail::is_json_number("0"), "JSON");
  static_assert(!gln::detail::is_json_number(""), "empty");
  static_assert(!gln::detail::is_json_number("-"), "a sign alone");
  static_assert(!gln::detail::is_json_number("1e"), "no exponent digits");
  static_assert(!gln::detail::is_json_number("1.5 "), "a trailing space");
  static_assert(gln::detail::scan_json_number("12e345,").length == 6, "stops at the comma");
  static_assert(gln::detail::scan_json_number("12e345").exponent_digits == 3, "exponent digits");
}

TEST_CASE("json_document_parser refuses what a request must not hold, naming where") {
  using map = std::map<std::string, std::string>;
  const map cases = {
      {"", "empty: a JSON object or array is expected"},
      {" \n\t", "empty: a JSON object or array is expected"},
      {"7", "the document must be a JSON object or array"},
      {"\"text\"", "the document must be a JSON object or array"},
      {"null", "the document must be a JSON object or array"},
      {"\xEF\xBB\xBF{}", "a UTF-8 byte order mark at byte 0: a document starts with '{' or '['"},
      {"{\"a\": 1} {}", "bytes after the document at byte 9"},
      {"[1] x", "bytes after the document at byte 4"},
      {std::string("{\"a\":") + '\0' + "1}", "a NUL byte at byte 5"},
      {R"({"hook": "a", "hook": "b"})", "hook: duplicate key"},
      {R"({"context": {"draftOrders": {"entry": [{"resource": {}, "resource": {}}]}}})",
       "context.draftOrders.entry[0].resource: duplicate key"},
      {R"({"a b": {"c": 1, "c": 2}})", "'a b'.c: duplicate key"},
      {R"({"a": ["x\u0000y"]})", "a[0]: a string holds \\u0000"},
      {R"({"a\u0000": 1})", "'a\\x00': a key holds \\u0000"},
  };
  for (const auto& [text, error] : cases) {
    INFO(text);
    CHECK(refused(text) == error);
  }
  // Not JSON: simdjson's reason, at the path where it was found.
  const std::string bad[] = {
      "{\"a\": 1,}", "{\"a\" 1}", "[1 2]", "{\"a\": \"\xff\"}",      "{\"a\": \"\\x\"}", "[\"open",
      "{",           "[,1]",      "[1,]",  "{\"a\": [1, {\"b\": }]}"};
  for (const std::string& text : bad) {
    INFO(text);
    CHECK(refused(text).find("bad JSON: ") != std::string::npos);
    CHECK_THROWS(json::parse(text));  // nlohmann refuses each as well
  }
  CHECK(refused("{\"a\": [1, {\"b\": }]}").rfind("a[1].b: bad JSON: ", 0) == 0);
  CHECK(refused("[1,]").rfind("[1]: bad JSON: ", 0) == 0);
  // A value JSON does not have is named, where it is.
  const map values = {
      {"{\"a\": tru}", "a: 'tru' is not a JSON value"},
      {"{\"a\": nul}", "a: 'nul' is not a JSON value"},
      {"[true, fals]", "[1]: 'fals' is not a JSON value"},
      {"[Infinity]", "[0]: 'Infinity' is not a JSON value"},
      {"{\"a\": {\"b\": NaN}}", "a.b: 'NaN' is not a JSON value"},
      {"[.5]", "[0]: '.5' is not a JSON value"},
      {"[1.]", "[0]: '1.' is not a JSON number"},
      {"[01]", "[0]: '01' is not a JSON number"},
      {"[-]", "[0]: '-' is not a JSON number"},
      {"[1, -Infinity]", "[1]: '-Infinity' is not a JSON number"},
      {"[1e999]", "[0]: '1e999' is not a finite number"},
  };
  for (const auto& [text, error] : values) {
    INFO(text);
    CHECK(refused(text) == error);
    CHECK_THROWS(json::parse(text));
  }
}

TEST_CASE("json_document_parser: the depth and size limits") {
  const auto nested = [](std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
  };
  gln::json_document_parser parser(1024, 4);
  json out;
  CHECK_FALSE(parser.parse(nested(4), out));
  CHECK(refused(nested(5), parser) == "[0][0][0][0]: nested deeper than 4 levels");
  CHECK(refused(std::string(1025, ' '), parser) == "larger than 1024 bytes");
  // The defaults: 64 levels, 8 MiB.
  CHECK_FALSE(gln::json_document_parser{}.parse(nested(64), out));
  CHECK(refused(nested(65)).find("nested deeper than 64 levels") != std::string::npos);
  CHECK(refused(nested(100000)).find("nested deeper than 64 levels") != std::string::npos);
  CHECK(gln::json_document_parser{}.max_bytes() == 8U << 20U);
}

TEST_CASE("json_document_parser shares the byte rules of request_parser") {
  const std::string with_nul = std::string("{\"id\": 1") + '\0' + "}";
  const std::string large(2048, ' ');
  gln::json_document_parser document(1024);
  gln::request_parser request(1024);
  gln::request req;
  for (const std::string& text : {with_nul, large}) {
    INFO(text.size());
    const auto from_request = request.parse(text, req);
    REQUIRE(from_request);
    CHECK(refused(text, document) == std::string(from_request->text()));
  }
  // An empty view, whose data() may be null (as a fuzzer's empty input is).
  CHECK(refused(std::string_view{}, document) == "empty: a JSON object or array is expected");
  CHECK(request.parse(std::string_view{}, req)->text() == "empty: a request is a JSON object");
  // Reused after an error, it reads the next document.
  json out;
  CHECK_FALSE(document.parse(R"({"id": 1})", out));
  CHECK(out == json{{"id", 1}});
}

TEST_CASE("json_document_parser reads the shared FHIR and CDS Hooks documents as nlohmann does") {
  const std::filesystem::path shared = GLN_SHARED_DATA_DIR;
  if (!std::filesystem::is_directory(shared / "cds-hooks") ||
      !std::filesystem::is_directory(shared / "fhir")) {
    std::cout << "skipped: the shared test data is absent (" << shared.string() << ")" << std::endl;
    return;
  }
  gln::json_document_parser parser;
  std::size_t files = 0;
  for (const char* folder : {"cds-hooks", "fhir"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(shared / folder)) {
      if (entry.path().extension() != ".json") continue;
      INFO(entry.path().string());
      const std::string text = read_text(entry.path());
      json ours;
      const auto error = parser.parse(text, ours);
      CHECK_FALSE(error);
      CHECK(ours == json::parse(text));
      ++files;
    }
  }
  // 7 CDS Hooks requests and examples, 10 Synthea bundles, 5 DetectedIssue examples.
  CHECK(files == 22);
}
