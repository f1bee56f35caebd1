// Invariants of one gln-check JSON answer (gln::assess's, inside the envelope), read back
// with nlohmann/json: the verdict is the worst finding, the action follows from the findings,
// a dose is there only when the answer says it is shown, rounded to half grams, and every
// finding's sources exist and are not retracted.
#ifndef GLN_TESTS_FUZZ_RESULT_JSON_CHECK_HPP
#define GLN_TESTS_FUZZ_RESULT_JSON_CHECK_HPP

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"

namespace gln_fuzz {

template <class E>
E name_of(const nlohmann::json& value) {
  GLN_FUZZ_CHECK(value.is_string());
  const auto parsed = gln::parse<E>(value.get<std::string>());
  GLN_FUZZ_CHECK(parsed.has_value());
  return *parsed;
}

inline gln::verdict verdict_of(const nlohmann::json& value) { return name_of<gln::verdict>(value); }

// A {"min", "max"} of grams rounded for people: half grams, min <= max.
inline void check_rounded(const nlohmann::json& range) {
  if (range.is_null()) return;
  const double low = range.at("min").get<double>();
  const double high = range.at("max").get<double>();
  GLN_FUZZ_CHECK(low <= high);
  GLN_FUZZ_CHECK(std::floor(low * 2.0) == low * 2.0 && std::floor(high * 2.0) == high * 2.0);
}

// The answer of a result envelope (result_json); returns its overall verdict.
inline gln::verdict check_result_document(const std::string& text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  GLN_FUZZ_CHECK(!doc.is_discarded());
  GLN_FUZZ_CHECK(doc.is_object());
  const gln::verdict overall = verdict_of(doc.at("overall"));
  const nlohmann::json& findings = doc.at("findings");
  GLN_FUZZ_CHECK(findings.is_array());
  gln::verdict worst = gln::verdict::suitable;
  // The action reads the purpose's lack of a self-directed range from the purpose, not from
  // the regimen's dose.no_self_directed_range finding.
  gln::verdict worst_but_range = gln::verdict::suitable;
  bool invalid = false;
  for (const nlohmann::json& f : findings) {
    const gln::verdict level = verdict_of(f.at("level"));
    worst = gln::worst(worst, level);
    const auto rule = name_of<gln::rule>(f.at("rule"));
    if (rule != gln::rule::dose_no_self_directed_range) {
      worst_but_range = gln::worst(worst_but_range, level);
    }
    if (rule == gln::rule::input_invalid) {
      invalid = true;
      GLN_FUZZ_CHECK(level == gln::verdict::avoid);
      GLN_FUZZ_CHECK(f.at("field").is_string());
    }
    GLN_FUZZ_CHECK(f.at("cause").at("codes").is_array());  // the request is known here
    const nlohmann::json& sources = f.at("sources");
    GLN_FUZZ_CHECK(sources.is_array() && !sources.empty());
    for (const nlohmann::json& s : sources) {
      GLN_FUZZ_CHECK(!gln::source_info(name_of<gln::source>(s)).retracted);
    }
  }
  GLN_FUZZ_CHECK(overall == worst);
  GLN_FUZZ_CHECK(doc.at("valid").get<bool>() == !invalid);
  if (invalid) GLN_FUZZ_CHECK(overall == gln::verdict::avoid);

  const auto action = name_of<gln::action>(doc.at("action"));
  GLN_FUZZ_CHECK(doc.at("label") == std::string(gln::plain_label(action)));
  GLN_FUZZ_CHECK((action == gln::action::do_not_take) == (overall == gln::verdict::avoid));
  if (overall != gln::verdict::avoid) {
    GLN_FUZZ_CHECK((action == gln::action::ask_clinician) ==
                   (worst_but_range == gln::verdict::clinician_only));
  }
  if (action == gln::action::ok) GLN_FUZZ_CHECK(worst_but_range == gln::verdict::suitable);
  if (action == gln::action::ok_with_care) GLN_FUZZ_CHECK(worst_but_range == gln::verdict::caution);
  if (action == gln::action::not_recommended) {
    GLN_FUZZ_CHECK(worst_but_range <= gln::verdict::caution);
  }

  const auto shown = name_of<gln::dose_status>(doc.at("dose_shown"));
  const nlohmann::json& dose = doc.at("dose");
  GLN_FUZZ_CHECK(dose.is_null() == (shown != gln::dose_status::shown));
  const bool may_take = action == gln::action::ok || action == gln::action::ok_with_care;
  if (!may_take) {
    // No dose, and the reason is the action (or a bad input).
    GLN_FUZZ_CHECK(shown == gln::dose_status::invalid_input ||
                   gln::to_string(shown) == gln::to_string(action));
  }
  if (!dose.is_null()) {
    GLN_FUZZ_CHECK(may_take);
    GLN_FUZZ_CHECK(!dose.at("summary").get<std::string>().empty());
    check_rounded(dose.at("per_dose_g"));
    check_rounded(dose.at("per_day_g"));
  }
  (void)name_of<gln::plan_status>(doc.at("trial_plan").at("status"));
  return overall;
}

}  // namespace gln_fuzz

#endif  // GLN_TESTS_FUZZ_RESULT_JSON_CHECK_HPP
