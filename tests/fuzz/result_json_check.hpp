// Invariants of one gln-check JSON result document, read back with nlohmann/json: the
// verdicts are consistent and every finding's sources exist and are not retracted.
#ifndef GLN_TESTS_FUZZ_RESULT_JSON_CHECK_HPP
#define GLN_TESTS_FUZZ_RESULT_JSON_CHECK_HPP

#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"

namespace gln_fuzz {

inline gln::verdict verdict_of(const nlohmann::json& value) {
  GLN_FUZZ_CHECK(value.is_string());
  const auto parsed = gln::parse<gln::verdict>(value.get<std::string>());
  GLN_FUZZ_CHECK(parsed.has_value());
  return *parsed;
}

// A screening or dose_check object: overall is the worst finding; input.invalid is avoid.
inline gln::verdict check_result_findings(const nlohmann::json& result) {
  GLN_FUZZ_CHECK(result.is_object());
  const gln::verdict overall = verdict_of(result.at("overall"));
  const nlohmann::json& findings = result.at("findings");
  GLN_FUZZ_CHECK(findings.is_array());
  gln::verdict worst = gln::verdict::suitable;
  bool invalid = false;
  for (const nlohmann::json& f : findings) {
    const gln::verdict level = verdict_of(f.at("level"));
    worst = gln::worst(worst, level);
    GLN_FUZZ_CHECK(f.at("rule").is_string());
    const auto rule = gln::parse<gln::rule>(f.at("rule").get<std::string>());
    GLN_FUZZ_CHECK(rule.has_value());
    if (*rule == gln::rule::input_invalid) {
      invalid = true;
      GLN_FUZZ_CHECK(level == gln::verdict::avoid);
      GLN_FUZZ_CHECK(f.at("field").is_string());
    }
    const nlohmann::json& sources = f.at("sources");
    GLN_FUZZ_CHECK(sources.is_array() && !sources.empty());
    for (const nlohmann::json& s : sources) {
      GLN_FUZZ_CHECK(s.is_string());
      const auto id = gln::parse<gln::source>(s.get<std::string>());
      GLN_FUZZ_CHECK(id.has_value());
      GLN_FUZZ_CHECK(!gln::source_info(*id).retracted);
    }
  }
  GLN_FUZZ_CHECK(overall == worst);
  GLN_FUZZ_CHECK(result.at("valid").get<bool>() == !invalid);
  if (invalid) GLN_FUZZ_CHECK(overall == gln::verdict::avoid);
  return overall;
}

// The "answer" of a result envelope (result_json); returns its overall verdict.
inline gln::verdict check_result_document(const std::string& text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  GLN_FUZZ_CHECK(!doc.is_discarded());
  GLN_FUZZ_CHECK(doc.is_object());
  const gln::verdict overall = verdict_of(doc.at("overall"));
  const gln::verdict screened = check_result_findings(doc.at("screening"));
  const nlohmann::json& check = doc.at("dose_check");
  if (check.is_null()) {
    GLN_FUZZ_CHECK(overall == screened);
  } else {
    const gln::verdict checked = check_result_findings(check);
    GLN_FUZZ_CHECK(overall == checked);
    GLN_FUZZ_CHECK(checked >= screened);
  }
  return overall;
}

}  // namespace gln_fuzz

#endif  // GLN_TESTS_FUZZ_RESULT_JSON_CHECK_HPP
