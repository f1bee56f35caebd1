// Two texts per finding (knowledge.md §11): the professional reason and a plain-language text
// for the person, at most 140 characters, with no rule id, no source id and no number the
// reason does not hold; every message key unique.
#include <gln/gln.hpp>

#include <cctype>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"
#include "support.hpp"

namespace {

using gln::rule;
using gln::verdict;

// The "{name}" placeholders of a template.
std::set<std::string> placeholders(std::string_view pattern) {
  std::set<std::string> out;
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.insert(std::string(pattern.substr(open + 1, close - open - 1)));
  }
  return out;
}

// The digit runs of a text, outside placeholders.
std::set<std::string> literal_numbers(std::string_view pattern) {
  std::set<std::string> out;
  std::string current;
  bool in_placeholder = false;
  for (const char ch : pattern) {
    if (ch == '{') in_placeholder = true;
    if (ch == '}') in_placeholder = false;
    if (!in_placeholder && std::isdigit(static_cast<unsigned char>(ch)) != 0) {
      current += ch;
    } else if (!current.empty()) {
      out.insert(current);
      current.clear();
    }
  }
  if (!current.empty()) out.insert(current);
  return out;
}

// The value a placeholder takes with the default policy: a knob's default, a named number of
// the dose tables, or (the one number from the profile) a weight's age as long as a real one.
double default_value(const std::string& name) {
  if (const auto knob = gln::parse<gln::policy_knob>(name))
    return gln::describe(*knob).default_value;
  for (const gln::data::named_number& number : gln::data::text_numbers) {
    if (number.name == name) return number.value;
  }
  REQUIRE(name == "weight_age_days");
  return 36500.0;
}

// The reasons a rule's patient text must stay within: input.invalid has one per field.
std::vector<std::string_view> reasons_of(rule id) {
  if (id != rule::input_invalid) return {gln::describe(id).reason};
  return {gln::data::invalid_input_reasons.begin(), gln::data::invalid_input_reasons.end()};
}

}  // namespace

TEST_CASE("every patient text fits 140 characters, in either frame, with the numbers in force",
          "[texts]") {
  for (const gln::patient_text_row& row : gln::data::patient_texts) {
    CAPTURE(gln::to_string(row.id), row.gist);
    gln::text_arguments args{};
    std::size_t next = 0;
    for (const std::string& name : placeholders(row.gist)) {
      REQUIRE(next < args.size());
      // Views into the table: the names live as long as the program.
      const std::size_t at = row.gist.find("{" + name + "}");
      args[next++] = gln::text_argument{row.gist.substr(at + 1, name.size()), default_value(name)};
    }
    for (const std::string_view frame :
         {gln::data::patient_frames[gln::index_of(row.frame)], gln::data::supervised_frame}) {
      const gln::text composed{frame, row.gist, args};
      CAPTURE(composed.view());
      CHECK(composed.size() <= gln::data::patient_text_limit);
      CHECK(composed.find("{") == gln::text::npos);  // every placeholder filled
    }
  }
}

TEST_CASE("a patient text holds no rule id, no source id and no number its reason lacks",
          "[texts]") {
  for (const gln::patient_text_row& row : gln::data::patient_texts) {
    CAPTURE(gln::to_string(row.id), row.gist);
    for (std::size_t i = 0; i < gln::enum_count<rule>; ++i) {
      CHECK(row.gist.find(gln::to_string(static_cast<rule>(i))) == std::string_view::npos);
    }
    for (std::size_t i = 0; i < gln::enum_count<gln::source>; ++i) {
      CHECK(row.gist.find(gln::to_string(static_cast<gln::source>(i))) == std::string_view::npos);
    }
    std::set<std::string> reason_placeholders;
    std::set<std::string> reason_numbers;
    for (const std::string_view reason : reasons_of(row.id)) {
      for (const std::string& p : placeholders(reason)) reason_placeholders.insert(p);
      for (const std::string& n : literal_numbers(reason)) reason_numbers.insert(n);
    }
    for (const std::string& p : placeholders(row.gist)) CHECK(reason_placeholders.count(p) == 1);
    for (const std::string& n : literal_numbers(row.gist)) CHECK(reason_numbers.count(n) == 1);
  }
  // The frames add no number either.
  for (const std::string_view frame : gln::data::patient_frames) {
    CHECK(literal_numbers(frame).empty());
  }
}

TEST_CASE("every message key is unique", "[texts]") {
  std::set<std::string> keys;
  std::size_t count = 0;
  const auto add = [&](std::string key) {
    ++count;
    CAPTURE(key);
    CHECK(keys.insert(std::move(key)).second);
  };
  for (std::size_t i = 0; i < gln::enum_count<rule>; ++i) {
    const std::string id(gln::to_string(static_cast<rule>(i)));
    add(id + ".reason");
    add(id + ".patient");
  }
  for (std::size_t i = 0; i < gln::enum_count<gln::patient_frame>; ++i) {
    add("patient.frame." + std::string(gln::to_string(static_cast<gln::patient_frame>(i))));
  }
  add("patient.frame.supervised");
  for (std::size_t i = 0; i < gln::enum_count<verdict>; ++i) {
    add("verdict." + std::string(gln::to_string(static_cast<verdict>(i))));
  }
  CHECK(keys.size() == count);
}

TEST_CASE("a finding's patient text says what to do, or defers to the prescriber", "[texts]") {
  const gln::profile cirrhosis = gln_test::adult({gln::condition::cirrhosis});
  const gln::finding alone = *gln::screen(cirrhosis, gln::purpose::gut_barrier).findings.first();
  CHECK(alone.patient_text() ==
        "With cirrhosis (advanced liver disease), ammonia from glutamine can build up. Do not "
        "take glutamine on your own.");
  CHECK(alone.reason_key() == "contra.cirrhosis.reason");
  CHECK(alone.patient_key() == "contra.cirrhosis.patient");
  CHECK(alone.patient_frame_template() == "{text} Do not take glutamine on your own.");
  char buffer[200];
  CHECK(std::string_view(buffer, alone.format_patient_text(buffer, sizeof buffer)) ==
        alone.patient_text().view());

  const gln::finding cared =
      *gln::screen(gln_test::supervised(cirrhosis), gln::purpose::gut_barrier).findings.first();
  CHECK(cared.patient_text() ==
        "Your doctor should know: With cirrhosis (advanced liver disease), ammonia from "
        "glutamine can build up.");

  // A dose finding states the threshold in force, and says to take less.
  gln::policy thirty{};
  thirty.adult_maximum_daily = gln::grams{30.0};
  for (const gln::finding& f : gln::check_dose(gln_test::adult(), gln::purpose::gut_barrier,
                                               gln_test::dose(20.0, 2), thirty)
                                   .findings) {
    if (f.rule != rule::dose_above_adult_maximum) continue;
    CHECK(f.patient_text() ==
          "Take less: more than 30 g a day is above the adult maximum without a doctor.");
  }
  // An input finding says what could not be checked.
  const gln::screening no_age =
      gln::screen(gln_test::person(gln::nullopt, 70.0), gln::purpose::gut_barrier);
  CHECK(no_age.findings.first()->patient_text().find("We could not check this: your age") == 0);
}

TEST_CASE("the verdicts have plain labels", "[texts]") {
  CHECK(gln::plain_label(verdict::suitable) == "OK to try");
  CHECK(gln::plain_label(verdict::caution) == "OK with care");
  CHECK(gln::plain_label(verdict::clinician_only) == "Ask your doctor first");
  CHECK(gln::plain_label(verdict::avoid) == "Do not take");
  CHECK(gln::plain_label(static_cast<verdict>(9)).empty());
}
