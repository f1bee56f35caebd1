#ifndef GLN_JSON_HPP
#define GLN_JSON_HPP

// nlohmann/json serialisation of gln's results: `nlohmann::json j = gln::screen(p, purpose);`.
// Works with nlohmann::json (keys sorted) and nlohmann::ordered_json (keys in the order
// written here, the order the README shows). Kept outside include/gln/ so the library itself stays
// free of dependencies. The shape is documented in the README (section gln-check, "JSON shape") and
// is stable: keys are only ever added. Every enum is written as its stable name (gln::to_string); a
// value outside the enum's range is written as null. Optional numbers are null when absent, never
// left out, so every object of one type has the same keys.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include <gln/gln.hpp>

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

template <class Json, class T>
Json optional_to_json(const std::optional<T>& value) {
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

// {"rule": "contra.cirrhosis", "level": "avoid", "reason": "...", "sources": [...],
//  "field": null}; field names the bad input of an input.invalid finding.
template <class Json>
void to_json(Json& j, const finding& f) {
  j = Json{
      {"rule", detail::text_or_null<Json>(f.rule_id())},
      {"level", f.level},
      {"reason", std::string(f.reason())},
      {"sources", f.sources()},
      {"field", f.field == input_field::none ? Json(nullptr) : Json(f.field)},
  };
}

template <class Json>
void to_json(Json& j, const finding_list& list) {
  j = Json::array();
  for (const finding& f : list) j.push_back(Json(f));
}

template <class Json>
void to_json(Json& j, const profile& p) {
  j = Json{
      {"age_years", detail::optional_to_json<Json>(p.age_years)},
      {"weight_kg", detail::optional_to_json<Json>(p.weight_kg)},
      {"conditions", p.conditions},
      {"medications", p.medications},
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

// "dosing" is null unless status is "ready"; "screening" is the screening the plan rests on.
template <class Json>
void to_json(Json& j, const trial_plan& t) {
  Json dosing = nullptr;
  if (t.has_dosing()) {
    dosing = Json{
        {"start_per_dose_g", t.start_per_dose},
        {"start_doses_per_day", t.start_doses_per_day},
        {"max_doses_per_day", t.max_doses_per_day},
        {"max_per_day_g", t.max_per_day},
        {"step_up_day", detail::optional_to_json<Json>(t.step_up_day)},
        {"review_day", t.review_day},
        {"hard_stop_day", detail::optional_to_json<Json>(t.hard_stop_day)},
    };
  }
  j = Json{
      {"purpose", t.purpose},
      {"status", t.status},
      {"screening", t.screening_result},
      {"dosing", std::move(dosing)},
      {"outcomes", t.outcomes},
      {"protein_g_per_kg_day", detail::optional_to_json<Json>(t.protein_g_per_kg_day)},
      {"advice",
       {
           {"rule", t.rule},
           {"basics", t.basics},
           {"athlete_basics", t.athlete_basics},
           {"side_effects", t.side_effects},
           {"forms", t.forms},
           {"timing", t.timing},
           {"product_quality", t.product_quality},
           {"context", t.context},
       }},
  };
}

}  // namespace gln

#endif  // GLN_JSON_HPP
