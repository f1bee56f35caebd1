// The threshold table against knowledge.md §12, and the rule that each threshold number lives
// there only: rule texts name thresholds by placeholder and state the number in force.
#include <gln/gln.hpp>

#include <cctype>
#include <cstddef>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln::direction;
using gln::policy_knob;
using gln::unit;

// §12, row by row: knob, default, unit, stricter direction, sources.
struct knob_spec {
  std::string_view id;
  double default_value;
  unit expected_unit;
  direction stricter;
  std::vector<std::string_view> sources;
};

// clang-format off
const std::vector<knob_spec>& knowledge_knobs() {
  static const std::vector<knob_spec> table{
      {"adult_age_years", 18.0, unit::years, direction::higher, {"endari_label", "gln_policy"}},
      {"split_dose_above", 10.0, unit::g, direction::lower, {"article_immune_recovery", "gln_policy"}},
      {"self_directed_daily_ceiling", 20.0, unit::g_per_day, direction::lower, {"garlick_2001", "gln_policy"}},
      {"observed_safe_level", 14.0, unit::g_per_day, direction::lower, {"shao_hathcock_2008"}},
      {"adult_maximum_daily", 40.0, unit::g_per_day, direction::lower, {"natmed_consumer", "nih_ods_exercise"}},
      {"child_per_kg_limit", 0.65, unit::g_per_kg_day, direction::lower, {"natmed_consumer"}},
      {"critical_per_kg_limit", 0.5, unit::g_per_kg_day, direction::lower, {"icu_dose_meta_2014"}},
      {"max_age_years", 130.0, unit::years, direction::lower, {"gln_policy"}},
      {"min_weight_kg", 0.2, unit::kg, direction::higher, {"gln_policy"}},
      {"max_weight_kg", 700.0, unit::kg, direction::lower, {"gln_policy"}},
      {"max_doses_per_day", 12.0, unit::doses_per_day, direction::lower, {"gln_policy"}},
      {"general_recovery_review_day", 14.0, unit::days, direction::earlier, {"gln_policy"}},
      {"gut_barrier_review_day", 14.0, unit::days, direction::earlier, {"gln_policy"}},
      {"ibs_review_day", 28.0, unit::days, direction::earlier, {"gln_policy"}},
      {"training_review_day", 14.0, unit::days, direction::earlier, {"gln_policy"}},
      {"step_up_day", 5.0, unit::days, direction::later, {"gln_policy"}},
      {"require_age", 0.0, unit::on_off, direction::on, {"gln_policy"}},
      {"allow_label_band_dose", 1.0, unit::on_off, direction::off, {"endari_label"}},
      {"max_weight_age_days_adult", 365.0, unit::days, direction::shorter, {"gln_policy"}},
      {"max_weight_age_days_minor", 90.0, unit::days, direction::shorter, {"gln_policy"}},
      {"recent_procedure_days", 90.0, unit::days, direction::longer, {"gln_policy"}},
      {"recent_icu_days", 30.0, unit::days, direction::longer, {"gln_policy"}},
  };
  return table;
}
// clang-format on

// The number tokens of a text: runs of digits with an optional decimal part ("0.65", "14"),
// except section numbers of knowledge.md ("§12").
std::set<std::string> number_tokens(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0 ||
        (i > 0 && text[i - 1] == '\xa7')) {  // the last byte of "§" in UTF-8
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) ++i;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) != 0 ||
                                 (text[end] == '.' && end + 1 < text.size() &&
                                  std::isdigit(static_cast<unsigned char>(text[end + 1])) != 0))) {
      ++end;
    }
    out.insert(std::string(text.substr(i, end - i)));
    i = end;
  }
  return out;
}

// A number as texts write it: "14", "0.65".
std::string spelled(double value) {
  char buffer[32];
  const gln::text_arguments one{{{"n", value}, {}}};
  gln::format_text("{n}", one, buffer, sizeof buffer);
  return buffer;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("the threshold table is knowledge.md §12, knob for knob", "[thresholds]") {
  REQUIRE(knowledge_knobs().size() == gln::enum_count<policy_knob>);
  for (const knob_spec& spec : knowledge_knobs()) {
    CAPTURE(spec.id);
    const auto id = gln::parse<policy_knob>(spec.id);
    REQUIRE(id.has_value());
    const gln::knob_info& row = gln::describe(*id);
    CHECK(row.default_value == spec.default_value);
    CHECK(gln::knob_value(gln::policy{}, *id) == spec.default_value);
    CHECK(row.unit == spec.expected_unit);
    CHECK(row.stricter == spec.stricter);
    std::vector<std::string_view> sources;
    for (gln::source s : row.sources) sources.push_back(gln::to_string(s));
    CHECK(sources == spec.sources);
  }
  // The step-up may not come after the review it leads to.
  CHECK(gln::describe(policy_knob::step_up_day).at_most ==
        policy_knob::general_recovery_review_day);
}

TEST_CASE("threshold numbers appear only in the threshold table", "[thresholds]") {
  std::set<std::string> defaults;
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    if (knob.unit != unit::on_off) defaults.insert(spelled(knob.default_value));
  }
  const auto check_text = [&](std::string_view where, std::string_view text) {
    for (const std::string& token : number_tokens(text)) {
      CAPTURE(where, text, token);
      CHECK(defaults.count(token) == 0);
    }
  };
  for (const gln::rule_info& info : gln::data::rules)
    check_text(gln::to_string(info.id), info.reason);
  for (std::string_view reason : gln::data::invalid_input_reasons)
    check_text("input.invalid", reason);
  for (const char* file : {"include/gln/policy.hpp", "include/gln/detail/validate.hpp"}) {
    check_text(file, read_file(std::string(GLN_SOURCE_DIR) + "/" + file));
  }
}

TEST_CASE("a reason states the threshold in force, the default or a stricter policy's",
          "[thresholds]") {
  const gln::regimen twenty_twice = gln_test::dose(20.0, 2);  // 40+ g/day under 30 and 40
  gln::policy thirty{};
  thirty.adult_maximum_daily = gln::grams{30.0};
  const auto finding_of = [](const gln::dose_check& c, gln::rule id) {
    for (const gln::finding& f : c.findings) {
      if (f.rule == id) return f;
    }
    FAIL("no finding " << gln::to_string(id));
    return gln::finding{};
  };

  const gln::finding strict = finding_of(
      gln::check_dose(gln_test::adult(), gln::purpose::gut_barrier, twenty_twice, thirty),
      gln::rule::dose_above_adult_maximum);
  CHECK(strict.reason() == "above 30 g/day, the adult maximum for unsupervised use");
  CHECK(strict.reason_template() ==
        "above {adult_maximum_daily} g/day, the adult maximum for unsupervised use");
  CHECK(strict.arguments[0] == gln::text_argument{"adult_maximum_daily", 30.0});
  CHECK(strict.reason().find("40") == gln::text::npos);

  const gln::finding by_default = finding_of(
      gln::check_dose(gln_test::adult(), gln::purpose::gut_barrier, gln_test::dose(21.0, 2)),
      gln::rule::dose_above_adult_maximum);
  CHECK(by_default.reason() == "above 40 g/day, the adult maximum for unsupervised use");

  // The other numbered texts, under a policy that tightens each of them.
  gln::policy tight{};
  tight.split_dose_above = gln::grams{4.0};
  tight.observed_safe_daily = gln::grams{7.5};
  tight.self_directed_daily_ceiling = gln::grams{8.0};
  tight.child_max_per_kg = gln::grams_per_kg_day{0.1};
  const gln::dose_check child = gln::check_dose(
      gln_test::person(12.0, 40.0), gln::purpose::general_recovery, gln_test::dose(5.0, 2), tight);
  CHECK(finding_of(child, gln::rule::dose_per_dose_large).reason().find("above 4 g,") !=
        gln::text::npos);
  CHECK(finding_of(child, gln::rule::dose_above_observed_safe_level)
            .reason()
            .find("above 7.5 g/day") != gln::text::npos);
  CHECK(finding_of(child, gln::rule::dose_above_self_directed_ceiling)
            .reason()
            .find("above 8 g/day") != gln::text::npos);
  CHECK(finding_of(child, gln::rule::dose_child_per_kg).reason() == "child: above 0.1 g/kg/day");

  // input.invalid names the bound in force.
  gln::policy younger{};
  younger.max_age_years = 100.0;
  const gln::screening old =
      gln::screen(gln_test::person(101.0, 70.0), gln::purpose::gut_barrier, younger);
  REQUIRE(old.findings.first().has_value());
  CHECK(old.findings.first()->reason().find("above 100 years") != gln::text::npos);
}

TEST_CASE("format_text fills placeholders into a caller's buffer and never overflows",
          "[thresholds][text]") {
  const gln::text_arguments args{{{"a", 0.65}, {"b", 19.654}}};
  char small[8];
  CHECK(gln::format_text("x{a}y{b}z", args, small, sizeof small) == 7);
  CHECK(std::string_view(small) == "x0.65y1");
  char big[64];
  CHECK(std::string_view(big, gln::format_text("x{a}y{b}z {c}", args, big, sizeof big)) ==
        "x0.65y19.65z {c}");  // an unknown placeholder stays as written
  CHECK(gln::format_text("abc", args, big, 0) == 0);
  CHECK(spelled(14.0) == "14");
  CHECK(spelled(0.2) == "0.2");
  CHECK(spelled(2.0 / 3.0) == "0.67");
  CHECK(spelled(1e300) == "?");
  // A positive value two decimals would print as 0 keeps three significant digits: a
  // stricter policy's bound of 0.001 years is not "0 years".
  CHECK(spelled(0.005) == "0.01");
  CHECK(spelled(0.001) == "0.001");
  CHECK(spelled(0.00499) == "0.00499");
  CHECK(spelled(0.0000123) == "0.0000123");
  CHECK(spelled(-0.001) == "-0.001");
  CHECK(spelled(1e-5) == "0.00001");
  CHECK(spelled(1e-15) == "0.000000000000001");
  CHECK(spelled(1e-17) == "?");
  CHECK(spelled(0.0) == "0");

  gln::policy tiny;
  tiny.max_age_years = 0.001;
  const gln::screening s =
      gln::screen(gln_test::person(40.0, 70.0), gln::purpose::gut_barrier, tiny);
  REQUIRE(s.findings.first().has_value());
  CHECK(s.findings.first()->reason().find("above 0.001 years") != gln::text::npos);
}
