#ifndef GLN_JSON_HPP
#define GLN_JSON_HPP

// nlohmann/json serialisation of gln: `nlohmann::json j = gln::assess(p, purpose);`, to_json
// for every result type, from_json for a request, a profile, a regimen and a policy, and the
// envelope of an answer (request id, gln and knowledge versions, the request as understood,
// its unmapped codes, the answer: gln::answer_json of gln::assess(request)). Works with
// nlohmann::json (keys sorted) and nlohmann::ordered_json (keys in the order written here, the
// order the README and docs/schema/ show). Kept outside include/gln/ so the library itself stays
// free of dependencies; works with the single header (include it first) as with <gln/gln.hpp>. The
// shape is stable: keys are only ever added. Every enum is written as its stable name
// (gln::to_string); a value outside the enum's range is written as null. Optional members are
// null when absent, never left out, so every object of one type has the same keys.
//
// Reading: from_json applies the rules of <gln/json/request.hpp> to a document nlohmann has
// already parsed, and throws gln::request_exception naming the field. nlohmann keeps the last
// of two equal keys, so a document cannot show them: read a request's bytes with
// gln::request_parser (<gln/json/parse.hpp>), which refuses them, as gln-check does.

#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#ifndef GLN_GLN_HPP
#include <gln/gln.hpp>
#endif

#include "json/request.hpp"

namespace gln {

namespace detail {

template <class Json, class E>
Json enum_to_json(E value) {
  const std::string_view name = gln::to_string(value);
  if (name.empty()) return nullptr;
  return std::string(name);
}

template <class Json>
Json text_or_null(std::string_view text) {
  if (text.empty()) return nullptr;
  return std::string(text);
}

// Either optional: gln's results hold gln::optional, a request's parts std::optional.
template <class Json, class Optional>
Json optional_to_json(const Optional& value) {
  if (!value) return nullptr;
  return Json(*value);
}

// Quantities (grams, kilograms, g/kg/day) are plain numbers in their unit; the unit is in
// the key's name (per_dose_g, weight_kg, per_kg_day_g).
template <class Json, class Tag>
void to_json(Json& j, quantity<Tag> value) {
  j = value.value();
}

}  // namespace detail

// A value that may be absent: null, or the value (`j["age_years"] = person.age_years;`).
template <class Json, class T>
void to_json(Json& j, const optional<T>& value) {
  j = detail::optional_to_json<Json>(value);
}

template <class Json>
void to_json(Json& j, purpose value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, condition value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, medication value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, verdict value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, evidence_grade value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, oversight value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, source_kind value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, source value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, rule value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, input_field value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, outcome value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, dose_access value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, plan_status value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, action value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, dose_status value) {
  j = detail::enum_to_json<Json>(value);
}

// A set is an array of names in enum order. A value outside the enum's range adds a null,
// so a corrupted set is visible rather than silently smaller.
template <class Json, class E>
void to_json(Json& j, const enum_set<E>& set) {
  j = Json::array();
  for (E value : set) j.push_back(detail::enum_to_json<Json>(value));
  if (set.has_out_of_range()) j.push_back(nullptr);
}

// {"min": 5.0, "max": 10.0}
template <class Json, class Q>
void to_json(Json& j, const range<Q>& r) {
  j = Json{{"min", r.min}, {"max", r.max}};
}

template <class Json>
void to_json(Json& j, const count_range& r) {
  j = Json{{"min", r.min}, {"max", r.max}};
}

// The source ids, in the order the table gives them: ["endari_label", ...]. Use
// gln::source_info(id) (or to_json of a citation) for the full record.
template <class Json>
void to_json(Json& j, const citation_list& list) {
  j = Json::array();
  for (source id : list) j.push_back(detail::enum_to_json<Json>(id));
}

template <class Json>
void to_json(Json& j, const citation& c) {
  j = Json{
      {"id", c.id},
      {"kind", c.kind},
      {"text", std::string(c.text)},
      {"year", c.year > 0 ? Json(c.year) : Json(nullptr)},
      {"doi", detail::text_or_null<Json>(c.doi)},
      {"pmid", detail::text_or_null<Json>(c.pmid)},
      {"other_id", detail::text_or_null<Json>(c.other_id)},
      {"verified", c.verified},
      {"retracted", c.retracted},
  };
}

// {"field": "medications", "member": "anticonvulsant", "codes": null}: the input that made a
// rule fire, and for conditions and medications which one; member is null otherwise, field
// null for none. codes are the request's codes behind it (gln::codes_behind) in the answer of
// an envelope, where the request is known (["D57.1"], an entry of "codes" as {"system",
// "code"}); null elsewhere.
template <class Json>
void to_json(Json& j, const cause& c) {
  Json member = nullptr;
  if (const auto which = c.which_condition()) member = Json(*which);
  if (const auto which = c.which_medication()) member = Json(*which);
  j = Json{
      {"field", c.field == input_field::none ? Json(nullptr) : Json(c.field)},
      {"member", std::move(member)},
      {"codes", nullptr},
  };
}

// {"threshold_g": 20.0}: the numbers in force for a finding's texts, by placeholder name.
template <class Json>
void to_json(Json& j, const text_arguments& arguments) {
  j = Json::object();
  for (const text_argument& a : arguments) {
    if (!a.name.empty()) j[std::string(a.name)] = a.value;
  }
}

// {"rule": "contra.cirrhosis", "level": "avoid", "self_directed_level": "avoid",
//  "reason": "...", "patient_text": "...", "reason_key": "contra.cirrhosis.reason",
//  "patient_key": "contra.cirrhosis.patient", "arguments": {...}, "cause": {...},
//  "sources": [...], "field": null}; field names the bad input of an input.invalid finding.
template <class Json>
void to_json(Json& j, const finding& f) {
  j = Json{
      {"rule", detail::text_or_null<Json>(f.rule_id())},
      {"level", f.level},
      {"self_directed_level", f.self_directed_level()},
      {"reason", std::string(f.reason().view())},
      {"patient_text", std::string(f.patient_text().view())},
      {"reason_key", std::string(f.reason_key().view())},
      {"patient_key", std::string(f.patient_key().view())},
      {"arguments", f.arguments},
      {"cause", f.cause},
      {"sources", f.sources()},
      {"field", f.field == input_field::none ? Json(nullptr) : Json(f.field)},
  };
}

template <class Json>
void to_json(Json& j, const finding_list& list) {
  j = Json::array();
  for (const finding& f : list) j.push_back(Json(f));
}

// The profile as the rules see it (to send a request, write gln::request: its echo can be
// read back).
template <class Json>
void to_json(Json& j, const profile& p) {
  j = Json{
      {"age_years", detail::optional_to_json<Json>(p.age_years)},
      {"weight_kg", detail::optional_to_json<Json>(p.weight_kg)},
      {"weight_age_days", detail::optional_to_json<Json>(p.weight_age_days)},
      {"conditions", p.conditions},
      {"conditions_known", p.conditions_known},
      {"medications", p.medications},
      {"medications_known", p.medications_known},
      {"unmapped_conditions", p.unmapped_conditions},
      {"oversight", p.oversight},
  };
}

template <class Json>
void to_json(Json& j, const regimen& r) {
  j = Json{
      {"grams_per_dose", r.per_dose},
      {"doses_per_day", r.doses_per_day},
      {"weeks", detail::optional_to_json<Json>(r.weeks)},
  };
}

template <class Json>
void to_json(Json& j, const screening& s) {
  j = Json{
      {"purpose", s.purpose}, {"oversight", s.oversight}, {"overall", s.overall},
      {"valid", s.valid()},   {"findings", s.findings},
  };
}

template <class Json>
void to_json(Json& j, const dose_guidance& g) {
  j = Json{
      {"purpose", g.purpose},
      {"access", g.access},
      {"self_directed", g.self_directed()},
      {"per_dose_g", detail::optional_to_json<Json>(g.per_dose)},
      {"doses_per_day", detail::optional_to_json<Json>(g.doses_per_day)},
      {"per_day_g", detail::optional_to_json<Json>(g.per_day)},
      {"per_kg_day_g", detail::optional_to_json<Json>(g.per_kg_day)},
      {"max_per_kg_day_g", detail::optional_to_json<Json>(g.max_per_kg_day)},
      {"max_per_day_for_weight_g", detail::optional_to_json<Json>(g.max_per_day_for_weight)},
      {"min_weeks", detail::optional_to_json<Json>(g.min_weeks)},
      {"max_weeks", detail::optional_to_json<Json>(g.max_weeks)},
      {"weight_based", g.weight_based},
      {"weight_needed", g.weight_needed},
      {"weight_stale", g.weight_stale},
      {"clipped_by_policy", g.clipped_by_policy},
      {"clinician_above_per_day_g", detail::optional_to_json<Json>(g.clinician_above_per_day)},
      {"amount", std::string(g.amount)},
      {"duration", std::string(g.duration)},
      {"timing", std::string(g.timing)},
      {"sources", g.sources},
      {"valid", g.valid()},
      {"invalid_input", g.valid() ? Json(nullptr) : Json(g.invalid_input)},
  };
}

template <class Json>
void to_json(Json& j, const dose_check& c) {
  j = Json{
      {"purpose", c.purpose},
      {"oversight", c.oversight},
      {"overall", c.overall},
      {"valid", c.valid()},
      {"per_day_g", detail::optional_to_json<Json>(c.per_day)},
      {"findings", c.findings},
  };
}

template <class Json>
void to_json(Json& j, const evidence& e) {
  j = Json{
      {"purpose", e.purpose},
      {"grade", e.grade},
      {"sources_disagree", e.sources_disagree},
      {"summary", std::string(e.summary)},
      {"sources", e.sources},
      {"valid", e.valid()},
      {"invalid_input", e.valid() ? Json(nullptr) : Json(e.invalid_input)},
  };
}

// {"text": "...", "sources": [...]}; an empty advice (e.g. athlete_basics for a
// non-athletic purpose) is null.
template <class Json>
void to_json(Json& j, const advice& a) {
  if (a.text.empty()) {
    j = nullptr;
    return;
  }
  j = Json{{"text", std::string(a.text)}, {"sources", a.sources}};
}

// {"regimen": {...}, "overall": "caution", "fired": ["dose.gi_effects_likely"]}
template <class Json>
void to_json(Json& j, const regimen_check& c) {
  j = Json{{"regimen", c.regimen}, {"overall", c.overall}, {"fired", c.fired}};
}

namespace detail {

template <class Json>
Json trial_plan_json(const trial_plan& t, bool with_screening) {
  Json dosing = nullptr;
  if (t.has_dosing()) {
    dosing = Json{
        {"start_per_dose_g", t.start_per_dose},
        {"start_doses_per_day", t.start_doses_per_day},
        {"max_doses_per_day", t.max_doses_per_day},
        {"max_per_day_g", t.max_per_day},
        {"more_needs_clinician", t.more_needs_clinician},
        {"step_up_day", optional_to_json<Json>(t.step_up_day)},
        {"review_day", t.review_day},
        {"hard_stop_day", optional_to_json<Json>(t.hard_stop_day)},
    };
  }
  Json j = Json::object();
  j["purpose"] = t.purpose;
  j["status"] = t.status;
  if (with_screening) j["screening"] = t.screening_result;
  j["dosing"] = std::move(dosing);
  j["start_check"] = optional_to_json<Json>(t.start_check);
  j["max_check"] = optional_to_json<Json>(t.max_check);
  j["outcomes"] = t.outcomes;
  j["protein_g_per_kg_day"] = optional_to_json<Json>(t.protein_g_per_kg_day);
  j["advice"] = Json{
      {"rule", t.rule},
      {"basics", t.basics},
      {"athlete_basics", t.athlete_basics},
      {"side_effects", t.side_effects},
      {"forms", t.forms},
      {"timing", t.timing},
      {"product_quality", t.product_quality},
      {"context", t.context},
  };
  return j;
}

}  // namespace detail

// "dosing" is null unless status is "ready"; "screening" is the screening the plan rests on;
// "start_check" and "max_check" are check_dose's summary of the plan's two regimens, null
// where the plan did not get as far as choosing them.
template <class Json>
void to_json(Json& j, const trial_plan& t) {
  j = detail::trial_plan_json<Json>(t, true);
}

// {"status": "mapped", "role": "condition", "conditions": [...], "medications": [...],
//  "glutamine": false, "verified": true, "kilograms_per_unit": null}
template <class Json>
void to_json(Json& j, const code_match& m) {
  j = Json{
      {"status", m.status},
      {"role", m.role},
      {"conditions", m.conditions},
      {"medications", m.medications},
      {"glutamine", m.glutamine},
      {"verified", m.verified},
      {"kilograms_per_unit",
       m.role == code_role::weight_unit ? Json(m.kilograms_per_unit) : Json(nullptr)},
  };
}
template <class Json>
void to_json(Json& j, lookup_status value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, code_role value) {
  j = detail::enum_to_json<Json>(value);
}
template <class Json>
void to_json(Json& j, code_system value) {
  j = detail::enum_to_json<Json>(value);  // the system's FHIR URI
}
template <class Json>
void to_json(Json& j, policy_knob value) {
  j = detail::enum_to_json<Json>(value);
}

// {"ingredient": "clonazepam", "rxcui": 2598, "medications": ["anticonvulsant"]}; ingredient
// and rxcui are null when the display names none.
template <class Json>
void to_json(Json& j, const ingredient_match& m) {
  j = Json{
      {"ingredient", detail::text_or_null<Json>(m.ingredient)},
      {"rxcui", m.matched() ? Json(m.rxcui) : Json(nullptr)},
      {"medications", m.medications},
  };
}

// {"brand": "Endari", "labelled_for": "sickle_cell_disease", "label": "endari_label"}; all
// three are null when the text names no brand.
template <class Json>
void to_json(Json& j, const brand_match& m) {
  j = Json{
      {"brand", detail::text_or_null<Json>(m.brand)},
      {"labelled_for", m.matched() ? Json(m.labelled_for) : Json(nullptr)},
      {"label", m.matched() ? Json(m.label) : Json(nullptr)},
  };
}

// Every knob by its id, as a number (a switch is 1 or 0): {"adult_age_years": 18.0, ...}.
template <class Json>
void to_json(Json& j, const policy& p) {
  j = Json::object();
  for (std::size_t i = 0; i < enum_count<policy_knob>; ++i) {
    const auto knob = static_cast<policy_knob>(i);
    j[std::string(to_string(knob))] = knob_value(p, knob);
  }
}

// {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}
template <class Json>
void to_json(Json& j, const request_coding& c) {
  j = Json{{"system", c.system}, {"code", c.code}};
}

// The request as gln understood it, in the request format (without its id, which the envelope
// carries): read back, it gives the same profile, purpose, regimen and policy. Conditions and
// medications are every one gln will screen, those the codes map to included; null where
// the request said they are unknown.
template <class Json>
void to_json(Json& j, const request& r) {
  Json policy_given = Json::object();
  for (std::size_t i = 0; i < enum_count<policy_knob>; ++i) {
    const auto knob = static_cast<policy_knob>(i);
    if (r.knob_given(knob)) policy_given[std::string(to_string(knob))] = knob_value(r.rules, knob);
  }
  j = Json{
      {"age_years", detail::optional_to_json<Json>(r.person.age_years)},
      {"weight_kg", detail::optional_to_json<Json>(r.person.weight_kg)},
      {"weight_age_days", detail::optional_to_json<Json>(r.person.weight_age_days)},
      {"conditions", r.conditions_null ? Json(nullptr) : Json(r.person.conditions)},
      {"medications", r.medications_null ? Json(nullptr) : Json(r.person.medications)},
      {"icd10", r.icd10_null ? Json(nullptr) : Json(r.icd10)},
      {"codes", r.codes_null ? Json(nullptr) : Json(r.codes)},
      {"oversight", r.person.oversight},
      {"purpose", r.purpose ? Json(*r.purpose) : Json(nullptr)},
      {"regimen", r.plan ? Json(*r.plan) : Json(nullptr)},
      {"policy", std::move(policy_given)},
  };
}

// from_json's error: the field and what is wrong (request_error).
class request_exception : public std::exception {
 public:
  explicit request_exception(const request_error& error) noexcept : error_(error) {}
  const char* what() const noexcept override { return error_.c_str(); }
  const request_error& error() const noexcept { return error_; }

 private:
  request_error error_;
};

namespace detail {

// request_reader's source over an nlohmann/json document.
template <class Json>
class nlohmann_source {
 public:
  using value = const Json*;

  bool kind(value& v, json_kind& out) noexcept {
    switch (v->type()) {
      case Json::value_t::null: out = json_kind::null; return true;
      case Json::value_t::boolean: out = json_kind::boolean; return true;
      case Json::value_t::number_integer:
      case Json::value_t::number_unsigned:
      case Json::value_t::number_float: out = json_kind::number; return true;
      case Json::value_t::string: out = json_kind::string; return true;
      case Json::value_t::array: out = json_kind::array; return true;
      case Json::value_t::object: out = json_kind::object; return true;
      default: return false;  // binary or discarded: not JSON
    }
  }

  bool string(value& v, std::string_view& out) noexcept {
    out = v->template get_ref<const typename Json::string_t&>();
    return true;
  }

  bool number(value& v, double& out, std::string_view& raw) {
    out = v->template get<double>();
    if (!std::isfinite(out)) {
      text_ = v->dump();
      raw = text_;
    }
    return true;
  }

  // A document has no bytes to echo: the id as nlohmann writes it.
  bool id_text(value& v, std::string_view& out) {
    text_ = v->dump(-1, ' ', false, Json::error_handler_t::replace);
    out = text_;
    return true;
  }

  template <class F>
  bool fields(value& v, F&& f) {
    for (auto it = v->begin(); it != v->end(); ++it) {
      value child = &it.value();
      if (!f(std::string_view(it.key()), child)) return false;
    }
    return true;
  }

  template <class F>
  bool elements(value& v, F&& f) {
    for (const Json& item : *v) {
      value child = &item;
      if (!f(child)) return false;
    }
    return true;
  }

  std::string_view error() const noexcept { return "a value JSON does not have (binary)"; }
  std::string_view bad_value() const noexcept { return {}; }  // a DOM holds JSON values only

 private:
  std::string text_;
};

template <class Json, class Read>
request read_document(const Json& j, Read read) {
  request out;
  request_error error;
  nlohmann_source<Json> source;
  request_reader<nlohmann_source<Json>> reader{source, out, error};
  const Json* top = &j;
  if (!read(reader, top)) throw request_exception(error);
  return out;
}

}  // namespace detail

// A request, read by the rules of <gln/json/request.hpp>; throws gln::request_exception.
template <class Json>
void from_json(const Json& j, request& out) {
  out = detail::read_document(j, [](auto& reader, auto& top) { return reader.read(top); });
}

// A profile: the request's profile keys (age_years, weight_kg, weight_age_days, conditions,
// medications, icd10, codes, oversight), nothing else.
template <class Json>
void from_json(const Json& j, profile& out) {
  out = detail::read_document(j, [](auto& reader, auto& top) {
          return reader.read_object_of(
              top,
              [](std::string_view key) {
                return std::decay_t<decltype(reader)>::is_profile_key(key);
              },
              "a profile must be a JSON object");
        }).person;
}

// {"grams_per_dose": 5, "doses_per_day": 2, "weeks": 8}
template <class Json>
void from_json(const Json& j, regimen& out) {
  const request read = detail::read_document(
      j, [](auto& reader, auto& top) { return reader.read_regimen_object(top); });
  if (!read.plan) throw request_exception(request_error{{}, "a regimen must be a JSON object"});
  out = *read.plan;
}

// {"<knob id>": number, ...}: the knobs given, the others at their defaults.
template <class Json>
void from_json(const Json& j, policy& out) {
  out = detail::read_document(j, [](auto& reader, auto& top) {
          return reader.read_policy_object(top);
        }).rules;
}

// {"overall", "screening", "dose_guidance", "dose_check", "evidence", "trial_plan"}; the trial
// plan without the screening it rests on (the top-level "screening").
template <class Json>
void to_json(Json& j, const request_answer& a) {
  j = Json{
      {"overall", a.overall},    {"screening", a.screening},
      {"dose_guidance", a.dose}, {"dose_check", detail::optional_to_json<Json>(a.check)},
      {"evidence", a.evidence},  {"trial_plan", detail::trial_plan_json<Json>(a.plan, false)},
  };
}

// The codes gln holds no entry for, each as the request gave it: an ICD-10-CM code of "icd10"
// as a string, an entry of "codes" as {"system", "code"}.
template <class Json>
Json unmapped_codes_json(const request& r) {
  Json list = Json::array();
  for (const std::string& code : r.unmapped_icd10) list.push_back(code);
  for (const request_coding& c : r.unmapped_codes) list.push_back(Json(c));
  return list;
}

// {"summary": "5 g once or twice a day (5-10 g/day)", "per_dose_g": {"min": 5.0, "max": 5.0},
//  "doses_per_day": {"min": 1, "max": 2}, "per_day_g": {...}, "clinician_above_per_day_g":
//  null, "amount": "...", "duration": "...", "timing": "...", "sources": [...]}: grams rounded
// for people (README, "Numbers for people").
template <class Json>
void to_json(Json& j, const shown_dose& d) {
  j = Json{
      {"summary", std::string(d.summary().view())},
      {"per_dose_g", detail::optional_to_json<Json>(d.per_dose)},
      {"doses_per_day", detail::optional_to_json<Json>(d.doses_per_day)},
      {"per_day_g", detail::optional_to_json<Json>(d.per_day)},
      {"clinician_above_per_day_g", detail::optional_to_json<Json>(d.clinician_above_per_day)},
      {"amount", std::string(d.amount)},
      {"duration", std::string(d.duration)},
      {"timing", std::string(d.timing)},
      {"sources", d.sources},
  };
}

namespace detail {

// The assessment; with the request, each finding's cause gains the codes behind it.
template <class Json>
Json assessment_json(const assessment& a, const request* r) {
  Json findings = Json::array();
  for (const finding& f : a.findings) {
    Json item = f;
    if (r != nullptr) {
      Json codes = Json::array();
      for (const request_code& c : codes_behind(*r, f)) {
        if (c.from_icd10) {
          codes.push_back(std::string(c.code));
        } else {
          codes.push_back(Json(request_coding{c.system, std::string(c.code)}));
        }
      }
      item["cause"]["codes"] = std::move(codes);
    }
    findings.push_back(std::move(item));
  }
  return Json{
      {"action", a.action},
      {"label", text_or_null<Json>(a.label())},
      {"overall", a.overall},
      {"valid", a.valid()},
      {"purpose", a.purpose},
      {"oversight", a.oversight},
      {"findings", std::move(findings)},
      {"dose_shown", a.dose_shown},
      {"dose", optional_to_json<Json>(a.dose)},
      {"evidence", a.evidence},
      {"regimen", optional_to_json<Json>(a.regimen)},
      {"trial_plan", trial_plan_json<Json>(a.trial(), false)},
  };
}

}  // namespace detail

// {"action": "do_not_take", "label": "Do not take", "overall": "avoid", "valid": true,
//  "purpose", "oversight", "findings": [...], "dose_shown": "do_not_take", "dose": null,
//  "evidence": {...}, "regimen": null, "trial_plan": {...}}: gln::assess's answer. dose is
// null unless dose_shown is "shown"; the trial plan is a.trial(), without the screening it
// rests on (the findings say it).
template <class Json>
void to_json(Json& j, const assessment& a) {
  j = detail::assessment_json<Json>(a, nullptr);
}

// The answer of an envelope: the assessment of the request, each finding's cause with the
// request's codes behind it (cause.codes an array, not null).
template <class Json>
Json answer_json(const request& r, const assessment& a) {
  return detail::assessment_json<Json>(a, &r);
}

// The envelope of an answer, for gln-check and every service: {"id", "gln_version",
// "knowledge_version", "knowledge_review_date", "request", "unmapped_codes", "answer"}. In a
// document the id is the value its text reads as (an integer beyond 64 bits becomes a
// floating-point number); envelope_text writes its bytes as the request gave them.
namespace detail {

// The envelope's members, the id first when `with_id`.
template <class Json>
Json envelope_members(const request& r, Json answer_json, bool with_id) {
  Json j = Json::object();
  if (with_id) j["id"] = Json::parse(r.id);
  j["gln_version"] = std::string(version);
  j["knowledge_version"] = knowledge_version;
  j["knowledge_review_date"] = std::string(knowledge_review_date);
  j["request"] = r;
  j["unmapped_codes"] = unmapped_codes_json<Json>(r);
  j["answer"] = std::move(answer_json);
  return j;
}

}  // namespace detail

template <class Json>
Json envelope_json(const request& r, Json answer_json) {
  return detail::envelope_members(r, std::move(answer_json), true);
}

// The envelope as text, on one line (indent < 0) or indented, the id written as the request's
// own bytes. Invalid UTF-8 in a text is replaced (U+FFFD), never written.
template <class Json>
std::string envelope_text(const request& r, Json answer_json, int indent = -1) {
  const std::string rest = detail::envelope_members(r, std::move(answer_json), false)
                               .dump(indent, ' ', false, Json::error_handler_t::replace);
  // rest is "{" then the first key ("{\n  \"gln_version\"..." when indented).
  std::string out;
  out.reserve(rest.size() + r.id.size() + 16);
  out += indent < 0 ? "{\"id\":"
                    : "{\n" + std::string(static_cast<std::size_t>(indent), ' ') + "\"id\": ";
  out += r.id;
  out += ',';
  out.append(rest, 1, std::string::npos);
  return out;
}

}  // namespace gln

#endif  // GLN_JSON_HPP
