// gln-check's JSON request parsing (a --profile file or one --batch line) on any bytes:
// a request or a one-line error, never an exception; a parsed request fails closed on
// invalid values and its result document is consistent.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "request.hpp"
#include "result_json_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto parsed = gln_check::parse_json_request(text);

  if (const auto* error = std::get_if<gln_check::parse_error>(&parsed)) {
    GLN_FUZZ_CHECK(!error->message.empty());
    GLN_FUZZ_CHECK(error->message.find('\n') == std::string::npos);
    const std::string line = gln_check::error_json(*error, 7, text);
    GLN_FUZZ_CHECK(line.find('\n') == std::string::npos);
    const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
    GLN_FUZZ_CHECK(doc.is_object());
    GLN_FUZZ_CHECK(doc.at("line") == 7);
    // The message may quote bytes that are not UTF-8; the JSON replaces those.
    GLN_FUZZ_CHECK(doc.at("error").is_string() && !doc.at("error").get<std::string>().empty());
    return 0;
  }

  const gln_check::request& req = std::get<gln_check::request>(parsed);
  // Names were parsed, so no set can hold a value outside its enum.
  GLN_FUZZ_CHECK(!req.person.conditions.has_out_of_range());
  GLN_FUZZ_CHECK(!req.person.medications.has_out_of_range());
  GLN_FUZZ_CHECK(gln::is_valid(req.person.oversight));
  if (req.purpose) GLN_FUZZ_CHECK(gln::is_valid(*req.purpose));

  const gln_check::results r = gln_check::evaluate(req);
  const gln::purpose p = req.purpose ? *req.purpose : static_cast<gln::purpose>(0xFF);
  gln_fuzz::check_findings(r.screening.findings, r.screening.overall, p, req.person.oversight);
  gln_fuzz::fuzzed_profile as_fuzzed{req.person, false, false};
  const gln_fuzz::invalid_fields bad = gln_fuzz::expected_invalid(as_fuzzed, p, gln::policy{});
  gln_fuzz::check_invalid_profile(r.screening.findings, r.screening.overall, bad);
  if (!req.purpose) GLN_FUZZ_CHECK(r.overall == gln::verdict::avoid);
  if (r.check) {
    gln_fuzz::check_findings(r.check->findings, r.check->overall, p, req.person.oversight);
    GLN_FUZZ_CHECK(r.overall == r.check->overall);
  } else {
    GLN_FUZZ_CHECK(!req.plan.has_value());
    GLN_FUZZ_CHECK(r.overall == r.screening.overall);
  }

  // The JSON result, compact and indented, with and without citations, says the same.
  const std::string compact = gln_check::result_json(req, -1, false);
  GLN_FUZZ_CHECK(compact.find('\n') == std::string::npos);  // one JSON Lines row
  GLN_FUZZ_CHECK(gln_fuzz::check_result_document(compact) == r.overall);
  GLN_FUZZ_CHECK(gln_fuzz::check_result_document(gln_check::result_json(req, 2, true)) ==
                 r.overall);
  return 0;
}
