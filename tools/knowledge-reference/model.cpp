// gln's tables as one JSON document. Every value is read from the tables (include/gln/data/)
// or the version header; the only text written here is the licence notices of the code
// systems.
#include <gln/gln.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "reference.hpp"

namespace gln_reference {

json number(double value) {
  if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 1e15) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

namespace {

template <class E>
std::vector<E> all() {
  std::vector<E> out;
  for (std::size_t i = 0; i < gln::enum_count<E>; ++i) out.push_back(static_cast<E>(i));
  return out;
}

std::string text(std::string_view view) { return std::string(view); }

template <class E>
json name(E value) {
  return text(gln::to_string(value));
}

// The stable names of a set's members, in enum order.
template <class E>
json names(const gln::enum_set<E>& set) {
  json out = json::array();
  for (E member : set) out.push_back(name(member));
  return out;
}

json names(const gln::citation_list& list) {
  json out = json::array();
  for (gln::source id : list) out.push_back(name(id));
  return out;
}

template <class Q>
json range_of(const gln::optional<gln::range<Q>>& r) {
  if (!r) return nullptr;
  return json{{"min", number(r->min.value())}, {"max", number(r->max.value())}};
}

template <class T>
json optional_number(const gln::optional<T>& value) {
  if (!value) return nullptr;
  if constexpr (std::is_arithmetic_v<T>) {
    return number(static_cast<double>(*value));
  } else {
    return number(value->value());
  }
}

json optional_text(std::string_view view) {
  if (view.empty()) return nullptr;
  return text(view);
}

// An ICD-10-CM code as it is written: the dot after the category.
std::string icd10_display(std::string_view stored) {
  std::string out(stored.substr(0, 3));
  if (stored.size() > 3) out += "." + std::string(stored.substr(3));
  return out;
}

// The number a "{name}" of a text stands for, by default: a policy knob or a number of the dose
// tables; the weight's age, which a finding takes from the profile, has none.
json placeholder(std::string_view placeholder_name) {
  json out{{"name", text(placeholder_name)}};
  if (const auto knob = gln::parse<gln::policy_knob>(placeholder_name)) {
    const gln::knob_info& info = gln::describe(*knob);
    out["default"] = number(info.default_value);
    out["unit"] = name(info.unit);
    return out;
  }
  for (const gln::data::named_number& n : gln::data::text_numbers) {
    if (n.name == placeholder_name) {
      out["default"] = number(n.value);
      out["unit"] = name(n.unit);
      return out;
    }
  }
  if (placeholder_name == gln::detail::weight_age_days_name) {
    out["default"] = nullptr;
    out["unit"] = name(gln::unit::days);
    return out;
  }
  throw std::runtime_error("a text names {" + text(placeholder_name) + "}, which is no number");
}

// The placeholders of one or more templates, each once, in order of appearance.
json placeholders(std::initializer_list<std::string_view> templates) {
  json out = json::array();
  std::vector<std::string> seen;
  for (std::string_view pattern : templates) {
    for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
         open = pattern.find('{', open + 1)) {
      const std::size_t close = pattern.find('}', open);
      const std::string_view found = pattern.substr(open + 1, close - open - 1);
      if (found == "text") continue;  // a frame's slot for the gist
      if (std::find(seen.begin(), seen.end(), found) != seen.end()) continue;
      seen.emplace_back(found);
      out.push_back(placeholder(found));
    }
  }
  return out;
}

// A frame with "{text}" standing for `gist`.
std::string framed(std::string_view frame, std::string_view gist) {
  const std::string_view slot = "{text}";
  const std::size_t at = frame.find(slot);
  return text(frame.substr(0, at)) + text(gist) + text(frame.substr(at + slot.size()));
}

// The short key and the title of each code system (the stable name of gln::code_system is its
// FHIR URI).
struct system_label {
  gln::code_system system;
  const char* key;
  const char* title;
};
constexpr system_label system_labels[] = {
    {gln::code_system::icd10_cm, "icd10_cm", "ICD-10-CM"},
    {gln::code_system::snomed_ct, "snomed_ct", "SNOMED CT"},
    {gln::code_system::rxnorm, "rxnorm", "RxNorm"},
    {gln::code_system::atc, "atc", "ATC"},
    {gln::code_system::loinc, "loinc", "LOINC"},
    {gln::code_system::ndc, "ndc", "NDC"},
    {gln::code_system::ucum, "ucum", "UCUM"},
};

const system_label& label_of(gln::code_system system) {
  for (const system_label& label : system_labels) {
    if (label.system == system) return label;
  }
  throw std::runtime_error("a code system without a label");
}

gln::source source_of(gln::code_system system) {
  return gln::data::code_system_sources[gln::index_of(system)].source;
}

// ---- Version and notices ----

json notices() {
  json out = json::array();
  const auto add = [&out](gln::code_system system, std::string_view body) {
    const system_label& label = label_of(system);
    out.push_back({{"system", label.key}, {"title", label.title}, {"text", text(body)}});
  };
  add(gln::code_system::snomed_ct,
      "gln includes SNOMED CT concept identifiers (§2b) as a list of identifiers with "
      "short labels, and no hierarchy. SNOMED CT® is a registered trademark of SNOMED "
      "International. Implementers must have the appropriate SNOMED CT Affiliate licence: free "
      "of charge in SNOMED International Member countries, and in the United States through "
      "the NLM UMLS licence.");
  add(gln::code_system::loinc,
      "This material contains content from LOINC® (https://loinc.org). LOINC is copyright © "
      "Regenstrief Institute, Inc. and the Logical Observation Identifiers Names and Codes "
      "(LOINC) Committee and is available at no cost under the license at "
      "https://loinc.org/license. LOINC® is a registered United States trademark of "
      "Regenstrief Institute, Inc.");
  add(gln::code_system::rxnorm,
      "This product uses publicly available data from the U.S. National Library of Medicine "
      "(NLM), National Institutes of Health, Department of Health and Human Services; NLM is "
      "not responsible for the product and does not endorse or recommend this or any other "
      "product.");
  add(gln::code_system::atc,
      "ATC codes © WHO Collaborating Centre for Drug Statistics Methodology, Oslo, Norway "
      "(ATC index 2025). Use of all or parts of the material requires reference to the WHO "
      "Collaborating Centre for Drug Statistics Methodology. gln cites a few codes (§2b)"
      " with this reference and does not ship the index.");
  add(gln::code_system::ucum,
      "The UCUM codes (§2b) are used under the UCUM Terms of Use (Regenstrief "
      "Institute, Inc. and The UCUM Organization).");
  return out;
}

// ---- §1 Sources ----

// Where each source is cited: "rule:<id>", "dose:<purpose>", "evidence:<purpose>",
// "knob:<id>", "advice:<name>", "codes:<system>".
std::map<gln::source, std::vector<std::string>> citations() {
  std::map<gln::source, std::vector<std::string>> out;
  const auto cite = [&out](const gln::citation_list& list, const std::string& where) {
    for (gln::source id : list) out[id].push_back(where);
  };
  for (const gln::rule_info& info : gln::data::rules) {
    cite(info.sources, "rule:" + text(gln::to_string(info.id)));
  }
  for (const gln::dose_row& row : gln::data::doses) {
    cite(row.sources, "dose:" + text(gln::to_string(row.id)));
  }
  for (const gln::evidence_row& row : gln::data::evidence) {
    cite(row.sources, "evidence:" + text(gln::to_string(row.id)));
  }
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    cite(knob.sources, "knob:" + text(gln::to_string(knob.id)));
  }
  for (const auto& [advice_name, advice] : std::vector<std::pair<std::string, gln::advice>>{
           {"trial_rule", gln::data::trial_rule},
           {"basics_first", gln::data::basics_first},
           {"athlete_protein", gln::data::athlete_protein},
           {"side_effects", gln::data::side_effects},
           {"forms", gln::data::forms},
           {"timing", gln::data::timing},
           {"product_quality", gln::data::product_quality},
           {"endurance_context", gln::data::endurance_context}}) {
    cite(advice.sources, "advice:" + advice_name);
  }
  for (const gln::code_system_source& row : gln::data::code_system_sources) {
    out[row.source].push_back(std::string("codes:") + label_of(row.system).key);
  }
  return out;
}

json sources() {
  const auto cited = citations();
  json out = json::array();
  for (const gln::citation& source : gln::data::sources) {
    json row;
    row["id"] = name(source.id);
    row["kind"] = name(source.kind);
    row["citation"] = text(source.text);
    row["year"] = source.year == 0 ? json(nullptr) : json(source.year);
    row["doi"] = optional_text(source.doi);
    row["pmid"] = optional_text(source.pmid);
    row["other_id"] = optional_text(source.other_id);
    row["verified"] = source.verified;
    row["retracted"] = source.retracted;
    const auto where = cited.find(source.id);
    row["cited_by"] = where == cited.end() ? json::array() : json(where->second);
    out.push_back(row);
  }
  return out;
}

// ---- §2 Conditions and ICD-10-CM ----

json icd10_cm() {
  json entries = json::array();
  for (const gln::icd10_entry& entry : gln::data::icd10_codes) {
    entries.push_back({{"code", icd10_display(entry.code)},
                       {"condition", name(entry.condition)},
                       {"match", name(entry.match)}});
  }
  json ranges = json::array();
  for (const gln::icd10_range& range : gln::data::icd10_ranges) {
    ranges.push_back({{"first", text(range.first)},
                      {"last", text(range.last)},
                      {"condition", name(range.condition)},
                      {"not_puerperal", range.not_puerperal}});
  }
  json narrowings = json::array();
  for (const gln::icd10_narrowing& narrowing : gln::data::icd10_narrowings) {
    narrowings.push_back(
        {{"broad", name(narrowing.broad)}, {"specific", names(narrowing.specific)}});
  }
  json exclusions = json::array();
  for (std::string_view code : gln::data::icd10_exclusions) {
    exclusions.push_back(icd10_display(code));
  }
  json matches = json::array();
  for (gln::icd10_match match : all<gln::icd10_match>()) {
    matches.push_back({{"match", name(match)}, {"description", text(gln::description(match))}});
  }
  const gln::code_system system = gln::code_system::icd10_cm;
  return json{{"system", label_of(system).key},
              {"title", label_of(system).title},
              {"uri", name(system)},
              {"source", name(source_of(system))},
              {"count", entries.size()},
              {"match_kinds", matches},
              {"entries", entries},
              {"ranges", ranges},
              {"narrowings", narrowings},
              {"exclusions", exclusions}};
}

template <class Rows>
json codes_with_conditions(const Rows& rows, gln::condition c) {
  json out = json::array();
  for (const auto& row : rows) {
    if (row.conditions.contains(c)) out.push_back(std::to_string(row.code));
  }
  return out;
}

json conditions() {
  json out = json::array();
  for (gln::condition c : all<gln::condition>()) {
    json icd = json::array();
    for (const gln::icd10_entry& entry : gln::data::icd10_codes) {
      if (entry.condition == c) {
        icd.push_back({{"code", icd10_display(entry.code)}, {"match", name(entry.match)}});
      }
    }
    json ranges = json::array();
    for (const gln::icd10_range& range : gln::data::icd10_ranges) {
      if (range.condition == c) {
        ranges.push_back({{"range", text(range.first) + "-" + text(range.last)},
                          {"not_puerperal", range.not_puerperal}});
      }
    }
    json loinc = json::array();
    for (const gln::loinc_entry& entry : gln::data::loinc_codes) {
      if (entry.conditions.contains(c)) loinc.push_back(text(entry.code));
    }
    json rules = json::array();
    for (const gln::data::screening_trigger& t : gln::data::screening_triggers) {
      if (t.conditions.contains(c)) rules.push_back(name(t.id));
    }
    out.push_back({{"id", name(c)},
                   {"icd10_cm", icd},
                   {"icd10_cm_ranges", ranges},
                   {"snomed_ct", codes_with_conditions(gln::data::snomed_codes, c)},
                   {"loinc", loinc},
                   {"screening_rules", rules}});
  }
  return out;
}

// ---- §2b Other code systems ----

// A system's table; `exclusions`: the codes next to mapped ones that map to nothing.
json code_system(gln::code_system system, json codes, json exclusions = json::array()) {
  return json{{"system", label_of(system).key},
              {"title", label_of(system).title},
              {"uri", name(system)},
              {"source", name(source_of(system))},
              {"count", codes.size()},
              {"codes", std::move(codes)},
              {"exclusions", std::move(exclusions)}};
}

json code_systems() {
  json snomed = json::array();
  for (const gln::snomed_entry& entry : gln::data::snomed_codes) {
    snomed.push_back({{"code", std::to_string(entry.code)},
                      {"role", name(entry.role)},
                      {"conditions", names(entry.conditions)},
                      {"verified", entry.verified},
                      {"display", text(entry.display)}});
  }
  json rxnorm = json::array();
  for (const gln::rxnorm_entry& entry : gln::data::rxnorm_codes) {
    json ingredient_names = json::array();
    for (const gln::rxnorm_name& n : gln::data::rxnorm_names) {
      if (n.code == entry.code) {
        ingredient_names.push_back({{"name", text(n.name)}, {"rxnorm_name", n.rxnorm}});
      }
    }
    rxnorm.push_back({{"code", std::to_string(entry.code)},
                      {"medications", names(entry.medications)},
                      {"glutamine", entry.glutamine},
                      {"verified", entry.verified},
                      {"names", ingredient_names}});
  }
  json atc = json::array();
  for (const gln::atc_entry& entry : gln::data::atc_codes) {
    atc.push_back({{"code", text(entry.code)},
                   {"medications", names(entry.medications)},
                   {"glutamine", entry.glutamine},
                   {"verified", entry.verified},
                   {"name", text(entry.name)}});
  }
  json ndc = json::array();
  for (const gln::ndc_entry& entry : gln::data::ndc_codes) {
    std::string product = std::to_string(entry.product);
    product.insert(0, 4 - product.size(), '0');  // the 5-4 form's four product digits
    ndc.push_back({{"code", std::to_string(entry.labeler) + "-" + product},
                   {"glutamine", entry.glutamine},
                   {"verified", entry.verified},
                   {"name", text(entry.name)}});
  }
  json loinc = json::array();
  for (const gln::loinc_entry& entry : gln::data::loinc_codes) {
    loinc.push_back({{"code", text(entry.code)},
                     {"role", name(entry.role)},
                     {"conditions", names(entry.conditions)},
                     {"verified", entry.verified},
                     {"display", text(entry.display)}});
  }
  json ucum = json::array();
  for (const gln::ucum_entry& entry : gln::data::ucum_weight_units) {
    ucum.push_back(
        {{"code", text(entry.code)}, {"kilograms_per_unit", number(entry.kilograms_per_unit)}});
  }
  json out = json::array();
  json snomed_exclusions = json::array();
  for (std::uint64_t code : gln::data::snomed_exclusions) {
    snomed_exclusions.push_back(std::to_string(code));
  }
  json atc_exclusions = json::array();
  for (std::string_view code : gln::data::atc_exclusions) atc_exclusions.push_back(text(code));
  out.push_back(
      code_system(gln::code_system::snomed_ct, std::move(snomed), std::move(snomed_exclusions)));
  out.push_back(code_system(gln::code_system::rxnorm, std::move(rxnorm)));
  out.push_back(code_system(gln::code_system::atc, std::move(atc), std::move(atc_exclusions)));
  out.push_back(code_system(gln::code_system::ndc, std::move(ndc)));
  out.push_back(code_system(gln::code_system::loinc, std::move(loinc)));
  out.push_back(code_system(gln::code_system::ucum, std::move(ucum)));
  return out;
}

// The brands of prescription L-glutamine a medication text is read for.
json glutamine_brands() {
  json out = json::array();
  for (const gln::glutamine_brand& brand : gln::data::glutamine_brands) {
    out.push_back({{"brand", text(brand.name)},
                   {"labelled_for", name(brand.labelled_for)},
                   {"label", name(brand.label)}});
  }
  return out;
}

// ---- §3 Medications ----

json medications() {
  json out = json::array();
  for (gln::medication m : all<gln::medication>()) {
    json rules = json::array();
    for (const gln::data::screening_trigger& t : gln::data::screening_triggers) {
      if (t.medications.contains(m)) rules.push_back(name(t.id));
    }
    json atc = json::array();
    for (const gln::atc_entry& entry : gln::data::atc_codes) {
      if (entry.medications.contains(m)) atc.push_back(text(entry.code));
    }
    json rxnorm = json::array();
    for (const gln::rxnorm_entry& entry : gln::data::rxnorm_codes) {
      if (entry.medications.contains(m)) rxnorm.push_back(std::to_string(entry.code));
    }
    out.push_back({{"id", name(m)}, {"screening_rules", rules}, {"atc", atc}, {"rxnorm", rxnorm}});
  }
  return out;
}

// ---- §4 and §6 Rules, §11 their texts ----

json described(std::string_view item_name, std::string_view description) {
  return json{{"name", text(item_name)},
              {"description", text(description)},
              {"numbers", placeholders({description})}};
}

template <class E>
json described(E value) {
  return described(gln::to_string(value), gln::description(value));
}

json screening_trigger(const gln::data::screening_trigger& t) {
  return json{{"purposes", names(t.purposes)},
              {"conditions", names(t.conditions)},
              {"medications", names(t.medications)},
              {"extra", t.extra == gln::trigger_extra::none ? json(nullptr) : described(t.extra)}};
}

json dose_trigger(const gln::dose_trigger& t) {
  json conditions = json::array();
  for (gln::dose_condition c : t.conditions) conditions.push_back(described(c));
  json bound = nullptr;
  if (t.bound != gln::dose_bound::none) {
    bound = described(t.bound);
    if (t.knob) bound["knob"] = placeholder(gln::to_string(*t.knob));
    if (!t.number.empty()) bound["number"] = placeholder(t.number);
  }
  return json{
      {"measure", t.measure == gln::dose_measure::none ? json(nullptr) : described(t.measure)},
      {"comparison",
       t.comparison == gln::dose_comparison::none ? json(nullptr) : described(t.comparison)},
      {"bound", bound},
      {"purposes", names(t.purposes)},
      {"conditions", conditions},
      {"yields_to", t.yields_to ? name(*t.yields_to) : json(nullptr)}};
}

json invalid_input_trigger() {
  json fields = json::array();
  for (gln::input_field field : all<gln::input_field>()) {
    if (field == gln::input_field::none) continue;
    const std::string_view reason = gln::data::invalid_input_reasons[gln::index_of(field)];
    fields.push_back(
        {{"field", name(field)}, {"template", text(reason)}, {"numbers", placeholders({reason})}});
  }
  return json{{"invalid_fields", fields}};
}

json rules() {
  json out = json::array();
  for (const gln::rule_info& info : gln::data::rules) {
    const std::string id = text(gln::to_string(info.id));
    const std::size_t i = gln::index_of(info.id);
    const bool dose = gln::data::is_dose_rule(info.id);
    json row;
    row["id"] = id;
    row["kind"] = info.id == gln::rule::input_invalid ? "input" : dose ? "dose" : "screening";
    if (info.id == gln::rule::input_invalid) {
      row["trigger"] = invalid_input_trigger();
    } else if (dose) {
      row["trigger"] = dose_trigger(
          gln::data::dose_triggers[i - gln::index_of(gln::rule::dose_no_self_directed_range)]);
    } else {
      row["trigger"] = screening_trigger(gln::data::screening_triggers[i - 1]);
    }
    row["verdict"] = name(info.level);
    row["supervised_verdict"] = name(info.supervised_level);
    row["self_directed_only"] = info.self_directed_only;
    row["cause"] = name(info.cause);
    row["sources"] = info.cites_dose_row ? json("dose_row") : names(info.sources);
    row["reason"] = json{{"key", id + ".reason"},
                         {"template", text(info.reason)},
                         {"numbers", placeholders({info.reason})}};
    const gln::patient_text_row& patient = gln::data::patient_texts[i];
    const std::string_view frame = gln::data::patient_frames[gln::index_of(patient.frame)];
    row["patient"] = json{{"key", id + ".patient"},
                          {"gist", text(patient.gist)},
                          {"frame", name(patient.frame)},
                          {"self_directed", framed(frame, patient.gist)},
                          {"supervised", framed(gln::data::supervised_frame, patient.gist)},
                          {"numbers", placeholders({patient.gist})}};
    out.push_back(row);
  }
  return out;
}

// ---- §5 Dose by purpose ----

json doses() {
  json out = json::array();
  for (const gln::dose_row& row : gln::data::doses) {
    json doses_per_day = nullptr;
    if (row.doses_per_day) {
      doses_per_day = json{{"min", row.doses_per_day->min}, {"max", row.doses_per_day->max}};
    }
    out.push_back({{"purpose", name(row.id)},
                   {"access", name(row.access)},
                   {"per_dose", range_of(row.per_dose)},
                   {"doses_per_day", doses_per_day},
                   {"per_day", range_of(row.per_day)},
                   {"per_kg_day", range_of(row.per_kg_day)},
                   {"max_per_kg_day", optional_number(row.max_per_kg_day)},
                   {"min_weeks", optional_number(row.min_weeks)},
                   {"max_weeks", optional_number(row.max_weeks)},
                   {"weight_based", row.weight_based},
                   {"weight_bands", row.weight_bands},
                   {"amount", text(row.amount)},
                   {"duration", optional_text(row.duration)},
                   {"timing", optional_text(row.timing)},
                   {"sources", names(row.sources)}});
  }
  return out;
}

json weight_bands() {
  json out = json::array();
  for (const gln::weight_band& band : gln::data::sickle_cell_weight_bands) {
    out.push_back({{"up_to_kg", number(band.up_to.value())},
                   {"up_to_inclusive", band.up_to_inclusive},
                   {"per_dose", number(band.per_dose.value())}});
  }
  return out;
}

json named_numbers() {
  json out = json::array();
  for (const gln::data::named_number& n : gln::data::text_numbers) {
    out.push_back({{"name", text(n.name)}, {"value", number(n.value)}, {"unit", name(n.unit)}});
  }
  return out;
}

// ---- §7 Evidence ----

json evidence() {
  json out = json::array();
  for (const gln::evidence_row& row : gln::data::evidence) {
    out.push_back({{"purpose", name(row.id)},
                   {"grade", name(row.grade)},
                   {"sources_disagree", row.sources_disagree},
                   {"summary", text(row.summary)},
                   {"sources", names(row.sources)}});
  }
  return out;
}

// ---- §8 Trial plan, §9 and §10 advice ----

json trials() {
  json out = json::array();
  for (const gln::data::trial_row& row : gln::data::trials) {
    out.push_back(
        {{"purpose", name(row.id)},
         {"review_day", row.review ? placeholder(gln::to_string(*row.review)) : json(nullptr)},
         {"hard_stop_day", row.hard_stop_day > 0 ? json(row.hard_stop_day) : json(nullptr)},
         {"step_up_day",
          row.step_up ? placeholder(gln::to_string(gln::policy_knob::step_up_day)) : json(nullptr)},
         {"athlete_protein", row.athlete},
         {"outcomes", names(row.outcomes)}});
  }
  return out;
}

json advice(std::string_view advice_name, const gln::advice& item) {
  return json{
      {"name", text(advice_name)}, {"text", text(item.text)}, {"sources", names(item.sources)}};
}

json trial_advice() {
  const gln::range<double>& protein = gln::data::athlete_protein_g_per_kg_day;
  json athlete = advice("athlete_protein", gln::data::athlete_protein);
  athlete["protein_g_per_kg_day"] =
      json{{"min", number(protein.min)}, {"max", number(protein.max)}};
  return json::array({advice("trial_rule", gln::data::trial_rule),
                      advice("basics_first", gln::data::basics_first), athlete});
}

json side_effects() {
  json out = advice("side_effects", gln::data::side_effects);
  out["gi_from_g_per_day"] = number(gln::data::side_effects_gi_from_g_per_day);
  out["neurologic_from_g_per_day"] = number(gln::data::side_effects_neurologic_from_g_per_day);
  return out;
}

json product_advice() {
  json context = advice("endurance_context", gln::data::endurance_context);
  context["purpose"] = name(gln::purpose::endurance_gut_stress);
  return json::array({advice("forms", gln::data::forms), advice("timing", gln::data::timing),
                      advice("product_quality", gln::data::product_quality), context});
}

// ---- §11 Texts ----

json texts() {
  json frames = json::array();
  for (gln::patient_frame frame : all<gln::patient_frame>()) {
    frames.push_back({{"frame", name(frame)},
                      {"key", "patient.frame." + text(gln::to_string(frame))},
                      {"text", text(gln::data::patient_frames[gln::index_of(frame)])}});
  }
  json verdicts = json::array();
  for (gln::verdict v : all<gln::verdict>()) {
    verdicts.push_back({{"verdict", name(v)},
                        {"key", "verdict." + text(gln::to_string(v))},
                        {"label", text(gln::plain_label(v))}});
  }
  return json{{"patient_text_limit", gln::data::patient_text_limit},
              {"frames", frames},
              {"supervised_frame", json{{"key", "patient.frame.supervised"},
                                        {"text", text(gln::data::supervised_frame)}}},
              {"verdicts", verdicts}};
}

// ---- §12 Policy knobs ----

json policy_knobs() {
  // The gln::policy member of each knob, from the same list as the table.
  const std::vector<std::string> members{
#define GLN_REFERENCE_MEMBER(id, member, type, value, unit, stricter, at_most, sources) #member,
      GLN_POLICY_KNOBS(GLN_REFERENCE_MEMBER)
#undef GLN_REFERENCE_MEMBER
  };
  json out = json::array();
  for (const gln::knob_info& knob : gln::data::policy_knobs) {
    out.push_back({{"id", name(knob.id)},
                   {"member", members[gln::index_of(knob.id)]},
                   {"default", number(knob.default_value)},
                   {"unit", name(knob.unit)},
                   {"stricter", name(knob.stricter)},
                   {"at_most", knob.at_most ? name(*knob.at_most) : json(nullptr)},
                   {"sources", names(knob.sources)}});
  }
  return out;
}

}  // namespace

json knowledge_model() {
  json out;
  out["gln_version"] = text(gln::version);
  out["knowledge_version"] = gln::knowledge_version;
  out["knowledge_review_date"] = text(gln::knowledge_review_date);
  out["notices"] = notices();
  out["sources"] = sources();
  out["conditions"] = conditions();
  out["icd10_cm"] = icd10_cm();
  out["code_systems"] = code_systems();
  out["glutamine_brands"] = glutamine_brands();
  out["medications"] = medications();
  out["rules"] = rules();
  out["doses"] = doses();
  out["sickle_cell_weight_bands"] = weight_bands();
  out["named_numbers"] = named_numbers();
  out["evidence_grades"] = [] {
    json grades = json::array();
    for (gln::evidence_grade grade : all<gln::evidence_grade>()) grades.push_back(name(grade));
    return grades;
  }();
  out["evidence"] = evidence();
  out["trials"] = trials();
  out["trial_advice"] = trial_advice();
  out["side_effects"] = side_effects();
  out["forms_timing_quality"] = product_advice();
  out["texts"] = texts();
  out["policy_knobs"] = policy_knobs();
  return out;
}

}  // namespace gln_reference
