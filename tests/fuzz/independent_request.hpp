// An independent strict reading of one request line, for the fuzz invariant "the request gln
// answered is the request the bytes say": written from the README's request format with
// nlohmann/json's SAX parser, sharing no code with the JSON adapter's reader (simdjson). It
// yields what gln-check should echo as "request" and "unmapped_codes", or nothing when the
// line must be refused.
#ifndef GLN_TESTS_FUZZ_INDEPENDENT_REQUEST_HPP
#define GLN_TESTS_FUZZ_INDEPENDENT_REQUEST_HPP

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <gln/gln.hpp>

#include "fuzz_support.hpp"
#include "result_json_check.hpp"

namespace gln_fuzz {

using ojson = nlohmann::ordered_json;

// Builds a document, refusing a key given twice in one object; keeps each float's text.
class strict_dom : public nlohmann::json_sax<ojson> {
 public:
  ojson root;
  bool duplicate = false;
  std::string id_float_text;  // the text of a top-level "id" read as a floating-point number

  bool null() override { return put(nullptr); }
  bool boolean(bool value) override { return put(value); }
  bool number_integer(number_integer_t value) override { return put(value); }
  bool number_unsigned(number_unsigned_t value) override { return put(value); }
  bool number_float(number_float_t value, const string_t& text) override {
    if (stack_.size() == 1 && key_ == "id") id_float_text = text;
    return put(value);
  }
  bool string(string_t& value) override { return put(value); }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override {
    open(ojson::object());
    keys_.emplace_back();
    return true;
  }
  bool key(string_t& key) override {
    if (!keys_.back().insert(key).second) duplicate = true;
    key_ = key;
    return !duplicate;
  }
  bool end_object() override {
    keys_.pop_back();
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    open(ojson::array());
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  ojson* place(ojson value) {
    if (stack_.empty()) {
      root = std::move(value);
      return &root;
    }
    ojson& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    parent[key_] = std::move(value);
    return &parent[key_];
  }
  bool put(ojson value) {
    place(std::move(value));
    return true;
  }
  void open(ojson value) { stack_.push_back(place(std::move(value))); }

  std::vector<ojson*> stack_;
  std::vector<std::set<std::string>> keys_;
  std::string key_;
};

inline std::string trimmed(const std::string& text) {
  const char* space = " \t\n\r\f\v";
  const std::size_t first = text.find_first_not_of(space);
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

inline bool finite_number(const ojson& v, double& out) {
  if (!v.is_number()) return false;
  out = v.get<double>();
  return std::isfinite(out);
}

inline bool whole_number(const ojson& v, int& out) {
  double d = 0;
  if (!finite_number(v, d) || std::trunc(d) != d || d < -2147483648.0 || d > 2147483647.0) {
    return false;
  }
  out = static_cast<int>(d);
  return true;
}

template <class E>
bool names(const ojson& v, gln::enum_set<E>& out) {
  if (!v.is_array()) return false;
  for (const ojson& item : v) {
    if (!item.is_string()) return false;
    const auto parsed = gln::parse<E>(trimmed(item.get<std::string>()));
    if (!parsed) return false;
    out.insert(*parsed);
  }
  return true;
}

template <class E>
ojson names_json(gln::enum_set<E> set) {
  ojson out = ojson::array();
  for (E value : set) out.push_back(std::string(gln::to_string(value)));
  return out;
}

struct expected_request {
  ojson request;         // the "request" gln-check should echo
  ojson unmapped_codes;  // and its "unmapped_codes"
  ojson id;              // the id, as a value
};

// The request a line means, or nothing when it must be refused (gln-check also refuses a
// request without a purpose).
inline std::optional<expected_request> independent_request(std::string_view line) {
  if (line.find('\0') != std::string_view::npos) return std::nullopt;
  const std::size_t first = line.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || line[first] != '{') return std::nullopt;
  strict_dom dom;
  if (!ojson::sax_parse(line.begin(), line.end(), &dom) || dom.duplicate) return std::nullopt;
  const ojson& doc = dom.root;
  if (!doc.is_object()) return std::nullopt;

  std::optional<double> age, weight;
  std::optional<int> weight_days;
  gln::condition_set conditions;
  gln::medication_set medications;
  bool conditions_null = false, medications_null = false, icd10_null = false, codes_null = false;
  ojson icd10 = ojson::array(), codes = ojson::array(), unmapped = ojson::array();
  std::string oversight = "self_directed";
  std::optional<std::string> purpose;
  ojson regimen = nullptr;
  ojson policy = ojson::object();
  ojson id = nullptr;

  const auto add_code = [&](gln::code_system system, const std::string& code, bool from_icd10) {
    const gln::code_match m = gln::code_lookup(system, code);
    if (m.status == gln::lookup_status::malformed ||
        m.status == gln::lookup_status::system_not_held) {
      return false;
    }
    if (m.status == gln::lookup_status::unmapped) {
      // LOINC: an answer (LA...) may name a condition; any other code is a question.
      if (system == gln::code_system::loinc && code.rfind("LA", 0) != 0) return false;
      const bool drug = system == gln::code_system::rxnorm || system == gln::code_system::atc ||
                        system == gln::code_system::ndc;
      if (drug) medications.insert(gln::medication::other_prescription);
      if (from_icd10) {
        unmapped.push_back(code);
      } else {
        unmapped.push_back(ojson{{"system", std::string(gln::to_string(system))}, {"code", code}});
      }
      return true;
    }
    if (m.role == gln::code_role::body_weight || m.role == gln::code_role::pregnancy_status ||
        m.role == gln::code_role::weight_unit) {
      return false;
    }
    conditions = conditions | m.conditions;
    medications = medications | m.medications;
    if (m.glutamine) medications.insert(gln::medication::supplement_stack);
    return true;
  };

  for (const auto& [key, v] : doc.items()) {
    if (key == "id") {
      if (v.is_number_float()) {
        // Only an integer too long for 64 bits arrives as a float and is still an id.
        if (dom.id_float_text.find_first_of(".eE") != std::string::npos) return std::nullopt;
      } else if (!v.is_null() && !v.is_string() && !v.is_number_integer()) {
        return std::nullopt;
      }
      id = v;
    } else if (key == "age_years" || key == "weight_kg") {
      double d = 0;
      if (!v.is_null() && !finite_number(v, d)) return std::nullopt;
      (key == "age_years" ? age : weight) = v.is_null() ? std::nullopt : std::optional<double>{d};
    } else if (key == "weight_age_days") {
      int days = 0;
      if (!v.is_null() && !whole_number(v, days)) return std::nullopt;
      weight_days = v.is_null() ? std::nullopt : std::optional<int>{days};
    } else if (key == "conditions") {
      conditions_null = v.is_null();
      if (!v.is_null() && !names(v, conditions)) return std::nullopt;
    } else if (key == "medications") {
      medications_null = v.is_null();
      if (!v.is_null() && !names(v, medications)) return std::nullopt;
    } else if (key == "icd10") {
      icd10_null = v.is_null();
      if (v.is_null()) continue;
      if (!v.is_array()) return std::nullopt;
      for (const ojson& item : v) {
        if (!item.is_string()) return std::nullopt;
        const std::string code = trimmed(item.get<std::string>());
        if (!add_code(gln::code_system::icd10_cm, code, true)) return std::nullopt;
        icd10.push_back(code);
      }
    } else if (key == "codes") {
      codes_null = v.is_null();
      if (v.is_null()) continue;
      if (!v.is_array()) return std::nullopt;
      for (const ojson& item : v) {
        if (!item.is_object() || item.size() != 2 || !item.contains("system") ||
            !item.contains("code") || !item["system"].is_string() || !item["code"].is_string()) {
          return std::nullopt;
        }
        const std::string uri = trimmed(item["system"].get<std::string>());
        const std::string code = trimmed(item["code"].get<std::string>());
        std::optional<gln::code_system> system;
        for (std::size_t i = 0; i < gln::enum_count<gln::code_system>; ++i) {
          if (gln::to_string(static_cast<gln::code_system>(i)) == uri) {
            system = static_cast<gln::code_system>(i);
          }
        }
        if (!system || *system == gln::code_system::ucum) return std::nullopt;
        if (!add_code(*system, code, false)) return std::nullopt;
        codes.push_back(ojson{{"system", uri}, {"code", code}});
      }
    } else if (key == "oversight") {
      if (v.is_null()) continue;
      if (!v.is_string()) return std::nullopt;
      oversight = trimmed(v.get<std::string>());
      if (!gln::parse<gln::oversight>(oversight)) return std::nullopt;
    } else if (key == "purpose") {
      if (v.is_null()) continue;
      if (!v.is_string()) return std::nullopt;
      purpose = trimmed(v.get<std::string>());
      if (!gln::parse<gln::purpose>(*purpose)) return std::nullopt;
    } else if (key == "regimen") {
      if (v.is_null()) continue;
      if (!v.is_object() || !v.contains("grams_per_dose")) return std::nullopt;
      double grams = 0;
      int doses = 1;
      ojson weeks = nullptr;
      for (const auto& [sub, x] : v.items()) {
        if (sub == "grams_per_dose") {
          if (!finite_number(x, grams)) return std::nullopt;
        } else if (sub == "doses_per_day") {
          if (!x.is_null() && !whole_number(x, doses)) return std::nullopt;
        } else if (sub == "weeks") {
          double w = 0;
          if (!x.is_null() && !finite_number(x, w)) return std::nullopt;
          if (!x.is_null()) weeks = w;
        } else {
          return std::nullopt;
        }
      }
      regimen = ojson{{"grams_per_dose", grams}, {"doses_per_day", doses}, {"weeks", weeks}};
    } else if (key == "policy") {
      if (v.is_null()) continue;
      if (!v.is_object()) return std::nullopt;
      gln::policy rules{};
      for (const auto& [knob_name, x] : v.items()) {
        const auto knob = gln::parse<gln::policy_knob>(knob_name);
        if (!knob) return std::nullopt;
        if (x.is_null()) continue;
        double d = 0;
        if (!finite_number(x, d) || !gln::set_knob_value(rules, *knob, d)) return std::nullopt;
      }
      // A value a policy could not apply (looser than the default, or out of range) is refused,
      // not quietly put back: unless the knob is capped by another (a step-up day past the
      // review day), which decides first.
      const gln::policy in_force = gln::effective(rules);
      for (const gln::knob_info& info : gln::data::policy_knobs) {
        const std::string name(gln::to_string(info.id));
        if (!v.contains(name) || v[name].is_null()) continue;
        const double asked = gln::knob_value(rules, info.id);
        const double applied = gln::knob_value(in_force, info.id);
        if (asked == info.default_value || applied != info.default_value) continue;
        if (info.at_most && asked > gln::knob_value(in_force, *info.at_most)) continue;
        return std::nullopt;
      }
      // In knob order, as gln writes them.
      for (std::size_t i = 0; i < gln::enum_count<gln::policy_knob>; ++i) {
        const auto knob = static_cast<gln::policy_knob>(i);
        const std::string name(gln::to_string(knob));
        if (v.contains(name) && !v[name].is_null()) policy[name] = gln::knob_value(rules, knob);
      }
    } else {
      return std::nullopt;
    }
  }
  if (!purpose) return std::nullopt;

  expected_request out;
  out.id = id;
  out.unmapped_codes = unmapped;
  // gln lists the unmapped codes of "icd10" before those of "codes".
  ojson ordered = ojson::array();
  for (const ojson& u : unmapped) {
    if (u.is_string()) ordered.push_back(u);
  }
  for (const ojson& u : unmapped) {
    if (u.is_object()) ordered.push_back(u);
  }
  out.unmapped_codes = ordered;
  out.request = ojson{
      {"age_years", age ? ojson(*age) : ojson(nullptr)},
      {"weight_kg", weight ? ojson(*weight) : ojson(nullptr)},
      {"weight_age_days", weight_days ? ojson(*weight_days) : ojson(nullptr)},
      {"conditions", conditions_null ? ojson(nullptr) : names_json(conditions)},
      {"medications", medications_null ? ojson(nullptr) : names_json(medications)},
      {"icd10", icd10_null ? ojson(nullptr) : icd10},
      {"codes", codes_null ? ojson(nullptr) : codes},
      {"oversight", oversight},
      {"purpose", *purpose},
      {"regimen", regimen},
      {"policy", policy},
  };
  return out;
}

// gln-check's answer to one line against the independent reading of the same line.
inline void check_line_answer(std::string_view line, const std::string& answer) {
  const nlohmann::ordered_json doc = nlohmann::ordered_json::parse(answer, nullptr, false);
  GLN_FUZZ_CHECK(doc.is_object());
  const auto expected = independent_request(line);
  if (doc.contains("error")) {
    GLN_FUZZ_CHECK(!expected.has_value());  // gln refused what the bytes say
    GLN_FUZZ_CHECK(doc.at("error").is_string() && !doc.at("error").get<std::string>().empty());
    return;
  }
  GLN_FUZZ_CHECK(expected.has_value());  // gln answered what a strict reader refuses
  GLN_FUZZ_CHECK(doc.at("request") == expected->request);
  GLN_FUZZ_CHECK(doc.at("unmapped_codes") == expected->unmapped_codes);
  // The id: the same value, its text as the request wrote it.
  const std::string prefix = "{\"id\":";
  GLN_FUZZ_CHECK(answer.rfind(prefix, 0) == 0);
  const std::size_t end = answer.find(",\"gln_version\":");
  GLN_FUZZ_CHECK(end != std::string::npos);
  const std::string id_text = answer.substr(prefix.size(), end - prefix.size());
  GLN_FUZZ_CHECK(id_text == "null" || line.find(id_text) != std::string_view::npos);
  GLN_FUZZ_CHECK(nlohmann::ordered_json::parse(id_text) == expected->id);
  check_result_document(doc.at("answer").dump());
}

}  // namespace gln_fuzz

#endif  // GLN_TESTS_FUZZ_INDEPENDENT_REQUEST_HPP
