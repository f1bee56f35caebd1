// JSON requests in, JSON results out: the parts of gln-check that need nlohmann/json.
#include "request.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <exception>
#include <limits>
#include <new>
#include <utility>

#include <nlohmann/json.hpp>

#include <gln/json.hpp>

#include "text.hpp"

namespace gln_check {
namespace {

using json = nlohmann::ordered_json;  // keys in the order written: id and verdict first

// Requests are at most three levels deep; a deeper document is refused before it is built,
// so hostile input cannot make the parser or the destructor recurse deeply.
constexpr int max_depth = 8;
struct too_deep {};

// Optional sign, digits, optional fraction, optional exponent; nothing else.
bool is_decimal(std::string_view text, bool allow_fraction) noexcept {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t mantissa = digits();
  if (allow_fraction && i < text.size() && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (allow_fraction && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

std::optional<double> finite_number(const json& value) {
  if (!value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!std::isfinite(number)) return std::nullopt;
  return number;
}

std::optional<int> whole_number(const json& value) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return std::nullopt;
    return static_cast<int>(number);
  }
  if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
    return static_cast<int>(number);
  }
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (!std::isfinite(number) || std::trunc(number) != number ||
        number < static_cast<double>(std::numeric_limits<int>::min()) ||
        number > static_cast<double>(std::numeric_limits<int>::max())) {
      return std::nullopt;
    }
    return static_cast<int>(number);
  }
  return std::nullopt;
}

template <class E>
std::optional<parse_error> add_names(const json& value, std::string_view key, std::string_view what,
                                     gln::enum_set<E>& out) {
  if (value.is_null()) return std::nullopt;
  if (!value.is_array()) {
    return parse_error{std::string(key) + " must be an array of " + std::string(what) + " names"};
  }
  for (const json& item : value) {
    if (!item.is_string()) {
      return parse_error{std::string(key) + " must be an array of " + std::string(what) +
                         " names, not " + quote(item.dump())};
    }
    const std::string& name = item.get_ref<const std::string&>();
    const auto parsed = gln::parse<E>(name);
    if (!parsed) return parse_error{unknown_name_message(what, name)};
    out.insert(*parsed);
  }
  return std::nullopt;
}

std::optional<parse_error> read_regimen(const json& value, request& req) {
  if (value.is_null()) {
    req.plan.reset();
    return std::nullopt;
  }
  if (!value.is_object()) return parse_error{"regimen must be an object or null"};
  gln::regimen plan{};
  bool has_grams = false;
  for (const auto& [key, item] : value.items()) {
    if (key == "grams_per_dose") {
      const auto grams = finite_number(item);
      if (!grams) return parse_error{"regimen.grams_per_dose must be a finite number"};
      plan.per_dose = gln::grams{*grams};
      has_grams = true;
    } else if (key == "doses_per_day") {
      const auto doses = whole_number(item);
      if (!doses) return parse_error{"regimen.doses_per_day must be a whole number"};
      plan.doses_per_day = *doses;
    } else if (key == "weeks") {
      if (item.is_null()) continue;
      const auto weeks = finite_number(item);
      if (!weeks) return parse_error{"regimen.weeks must be a finite number or null"};
      plan.weeks = *weeks;
    } else {
      return parse_error{"unknown key " + quote(key) +
                         " in regimen (keys: grams_per_dose, doses_per_day, weeks)"};
    }
  }
  if (!has_grams) return parse_error{"regimen needs grams_per_dose"};
  req.plan = plan;
  return std::nullopt;
}

std::optional<parse_error> read_request(const json& doc, request& req) {
  if (!doc.is_object()) return parse_error{"a request must be a JSON object"};
  for (const auto& [key, value] : doc.items()) {
    if (key == "age_years" || key == "weight_kg") {
      std::optional<double> number;
      if (!value.is_null()) {
        number = finite_number(value);
        if (!number) return parse_error{key + " must be a finite number or null"};
      }
      if (key == "age_years") {
        req.person.age_years = number;
      } else if (number) {
        req.person.weight_kg = gln::kilograms{*number};
      } else {
        req.person.weight_kg.reset();
      }
    } else if (key == "conditions") {
      if (auto error = add_names(value, key, "condition", req.person.conditions)) return error;
    } else if (key == "medications") {
      if (auto error = add_names(value, key, "medication", req.person.medications)) return error;
    } else if (key == "icd10") {
      if (value.is_null()) continue;
      if (!value.is_array()) return parse_error{"icd10 must be an array of codes"};
      for (const json& item : value) {
        if (!item.is_string()) {
          return parse_error{"icd10 must be an array of codes, not " + quote(item.dump())};
        }
        if (auto error = add_icd10(req, item.get_ref<const std::string&>())) return error;
      }
    } else if (key == "oversight") {
      if (!value.is_string()) return parse_error{"oversight must be a name"};
      const std::string& name = value.get_ref<const std::string&>();
      const auto parsed = gln::parse<gln::oversight>(name);
      if (!parsed) return parse_error{unknown_name_message("oversight", name)};
      req.person.oversight = *parsed;
    } else if (key == "purpose") {
      if (value.is_null()) continue;
      if (!value.is_string()) return parse_error{"purpose must be a name"};
      const std::string& name = value.get_ref<const std::string&>();
      const auto parsed = gln::parse<gln::purpose>(name);
      if (!parsed) return parse_error{unknown_name_message("purpose", name)};
      req.purpose = *parsed;
    } else if (key == "regimen") {
      if (auto error = read_regimen(value, req)) return error;
    } else if (key == "id") {
      req.id = value.dump(-1, ' ', false, json::error_handler_t::replace);
    } else {
      return parse_error{"unknown key " + quote(key) +
                         " (keys: age_years, weight_kg, conditions, medications, icd10, "
                         "oversight, purpose, regimen, id)"};
    }
  }
  return std::nullopt;
}

json parse_document(std::string_view text) {
  const json::parser_callback_t limit_depth = [](int depth, json::parse_event_t, json&) {
    if (depth > max_depth) throw too_deep{};
    return true;
  };
  return json::parse(text.begin(), text.end(), limit_depth);
}

// nlohmann's messages start with "[json.exception.parse_error.101] "; the rest is the news.
std::string without_exception_tag(std::string message) {
  if (!message.empty() && message.front() == '[') {
    const std::size_t end = message.find("] ");
    if (end != std::string::npos) message.erase(0, end + 2);
  }
  return one_line(message);
}

json result_document(const request& req, bool citations) {
  const results r = evaluate(req);

  json echo = req.person;
  echo["icd10"] = req.icd10;
  echo["purpose"] = req.purpose ? json(*req.purpose) : json(nullptr);
  echo["regimen"] = req.plan ? json(*req.plan) : json(nullptr);

  json plan = r.plan;
  plan.erase("screening");  // the same as the top-level "screening"

  json doc = {
      {"id", req.id ? json::parse(*req.id) : json(nullptr)},
      {"gln_version", std::string(gln::version)},
      {"knowledge_version", gln::knowledge_version},
      {"knowledge_review_date", std::string(gln::knowledge_review_date)},
      {"request", std::move(echo)},
      {"overall", r.overall},
      {"screening", r.screening},
      {"dose_guidance", r.dose},
      {"dose_check", r.check ? json(*r.check) : json(nullptr)},
      {"evidence", r.evidence},
      {"trial_plan", std::move(plan)},
  };
  if (citations) {
    json records = json::object();
    for (gln::source id : cited_sources(r, true)) {
      records[std::string(gln::to_string(id))] = gln::source_info(id);
    }
    doc["citations"] = std::move(records);
  }
  return doc;
}

std::string dump(const json& doc, int indent) {
  return doc.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::optional<double> parse_number(std::string_view text) noexcept {
  if (!is_decimal(text, true)) return std::nullopt;
  try {
    const std::string copy(text);
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;  // an underflow to zero or a subnormal is a value; the library judges it
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<int> parse_count(std::string_view text) noexcept {
  if (!is_decimal(text, false)) return std::nullopt;
  try {
    const std::string copy(text);
    errno = 0;
    char* end = nullptr;
    const long long value = std::strtoll(copy.c_str(), &end, 10);
    if (errno == ERANGE || end != copy.c_str() + copy.size() ||
        value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
    return static_cast<int>(value);
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<parse_error> add_icd10(request& req, std::string_view code) {
  const gln::condition_set found = gln::conditions_from_icd10(code);
  if (found.empty()) {
    return parse_error{"unknown ICD-10-CM code " + quote(code) +
                       ": it maps to no condition in gln's table"};
  }
  req.person.conditions = req.person.conditions | found;
  req.icd10.emplace_back(code);
  return std::nullopt;
}

std::variant<request, parse_error> parse_json_request(std::string_view text) {
  try {
    const json doc = parse_document(text);
    request req{};
    if (auto error = read_request(doc, req)) return std::move(*error);
    return req;
  } catch (const too_deep&) {
    return parse_error{"bad JSON: nested deeper than " + std::to_string(max_depth) + " levels"};
  } catch (const json::exception& e) {
    return parse_error{"bad JSON: " + without_exception_tag(e.what())};
  } catch (const std::bad_alloc&) {
    return parse_error{"bad JSON: out of memory"};
  } catch (const std::exception& e) {
    return parse_error{"bad request: " + one_line(e.what())};
  } catch (...) {
    return parse_error{"bad request"};
  }
}

results evaluate(const request& req) noexcept {
  // No purpose: a value outside the enum, which every entry point refuses (fail closed).
  const gln::purpose p = req.purpose.value_or(static_cast<gln::purpose>(0xFF));
  results r{};
  r.screening = gln::screen(req.person, p);
  r.dose = gln::dose_for(req.person, p);
  if (req.plan) r.check = gln::check_dose(req.person, p, *req.plan);
  r.evidence = gln::evidence_for(p);
  r.plan = gln::plan_trial(req.person, p);
  r.overall = r.check ? r.check->overall : r.screening.overall;
  return r;
}

std::string result_json(const request& req, int indent, bool citations) {
  return dump(result_document(req, citations), indent);
}

std::string error_json(const parse_error& error, std::size_t line, std::string_view text) {
  json id = nullptr;
  try {
    // Echo the id of a line that is a JSON object, so a failed row can still be matched.
    const json doc = parse_document(text);
    if (doc.is_object() && doc.contains("id")) id = doc["id"];
  } catch (...) {
    id = nullptr;
  }
  return dump(json{{"id", std::move(id)}, {"line", line}, {"error", error.message}}, -1);
}

std::string wrap_json(std::string_view key, std::string_view text) {
  return dump(json{{std::string(key), std::string(text)}}, -1);
}

}  // namespace gln_check
