#ifndef GLN_FHIR_WRITE_HPP
#define GLN_FHIR_WRITE_HPP

// FHIR R4 and CDS Hooks out: each finding of an assessment as a DetectedIssue, and the whole
// answer as CDS Hooks 2.0 cards. The texts are gln's (gln::assess): reasons, sources, verdicts.

#include <cstdint>
#include <cstdio>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "order.hpp"
#include "read.hpp"

namespace gln {
namespace fhir {

using ordered_json = nlohmann::ordered_json;

// "gln 2.0.0, knowledge base v2 (reviewed 2026-11-30)".
inline std::string gln_label() {
  return "gln " + std::string(gln::version) + ", knowledge base v" +
         std::to_string(gln::knowledge_version) + " (reviewed " +
         std::string(gln::knowledge_review_date) + ")";
}

// DetectedIssue.severity of a reported verdict: avoid high, clinician_only moderate, caution
// low; a suitable finding (a note) has none.
inline std::string_view severity_of(verdict level) {
  switch (level) {
    case verdict::avoid: return "high";
    case verdict::clinician_only: return "moderate";
    case verdict::caution: return "low";
    case verdict::suitable: return {};
  }
  return "high";  // outside the enum: the worst
}

// CDS Hooks card.indicator of an overall verdict.
inline std::string_view indicator_of(verdict level) {
  switch (level) {
    case verdict::suitable: return "info";
    case verdict::caution:
    case verdict::clinician_only: return "warning";
    case verdict::avoid: return "critical";
  }
  return "critical";
}

// The URL of a source's DOI, else of its PMID; empty where it has neither.
inline std::string source_url(gln::source id) {
  const citation& c = gln::source_info(id);
  if (!c.doi.empty()) return "https://doi.org/" + std::string(c.doi);
  if (!c.pmid.empty()) return "https://pubmed.ncbi.nlm.nih.gov/" + std::string(c.pmid) + "/";
  return {};
}

// The first of a finding's sources that has a DOI or PMID, as a URL; empty where none has.
inline std::string first_source_url(const gln::finding& f) {
  for (gln::source id : f.sources()) {
    std::string url = source_url(id);
    if (!url.empty()) return url;
  }
  return {};
}

// The record's facts that made a finding fire: the resources behind its cause.
struct evidence_item {
  std::string resource;
  std::string text;
  coding by;
};

inline std::vector<evidence_item> evidence_for(const gln::finding& f, const record& r,
                                               const order_reading* order) {
  std::vector<evidence_item> out;
  // Each resource and coding once; a set, not a pass over `out`: a record may hold thousands.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto add = [&](const std::string& resource, const std::string& text, const coding& by) {
    if (!seen.emplace(resource, by.system, by.code).second) return;
    out.push_back(evidence_item{resource, text, by});
  };
  if (const auto c = f.cause.which_condition()) {
    for (const condition_fact& fact : r.conditions) {
      if (fact.condition == *c) add(fact.from.resource, fact.from.text, fact.from.by);
    }
  } else if (const auto m = f.cause.which_medication()) {
    for (const medication_fact& fact : r.medications) {
      if (fact.medication == *m) add(fact.from.resource, fact.from.text, fact.from.by);
    }
  } else if (f.rule == gln::rule::input_conditions_unmapped) {
    for (const unmapped_entry& entry : r.unmapped_conditions) {
      add(entry.resource, entry.text,
          entry.codings.empty() ? coding{} : entry.codings.front().value);
    }
  } else {
    switch (f.cause.field) {
      case input_field::age_years:
        if (!r.patient.empty()) {
          add(r.patient,
              r.profile.age_years ? "age " + std::to_string(static_cast<int>(*r.profile.age_years))
                                  : std::string("no usable birth date"),
              coding{});
        }
        break;
      case input_field::weight_kg:
      case input_field::weight_age_days:
        if (r.weight) add(r.weight->resource, "body weight", coding{});
        break;
      case input_field::purpose:
      case input_field::grams_per_dose:
      case input_field::doses_per_day:
      case input_field::weeks:
        if (order != nullptr) add(order->resource, order->text, coding{});
        break;
      default: break;
    }
  }
  return out;
}

namespace detail {

inline ordered_json coding_json(const coding& c) {
  ordered_json out = ordered_json::object();
  if (!c.system.empty()) out["system"] = c.system;
  if (!c.code.empty()) out["code"] = c.code;
  if (!c.display.empty()) out["display"] = c.display;
  return out;
}

inline ordered_json reference_json(const std::string& reference, const std::string& display) {
  ordered_json out = ordered_json::object();
  out["reference"] = reference;
  if (!display.empty()) out["display"] = display;
  return out;
}

// A FHIR string must not be empty.
inline void set_text(ordered_json& object, const char* key, const std::string& text) {
  if (!text.empty()) object[key] = text;
}

}  // namespace detail

// One finding as a FHIR R4 DetectedIssue: status final; severity from the reported verdict;
// code.text the rule id; the patient; identifiedDateTime the screening date; author gln (a
// contained Device with the gln and knowledge versions); implicated the order, when there is
// one; evidence the resources and codings that made it fire; detail the reason; reference the
// first source's DOI or PMID URL.
inline ordered_json detected_issue(const gln::finding& f, const record& r,
                                   const order_reading* order = nullptr) {
  ordered_json issue = ordered_json::object();
  issue["resourceType"] = "DetectedIssue";
  ordered_json device = ordered_json::object();
  device["resourceType"] = "Device";
  device["id"] = "gln";
  device["deviceName"] = ordered_json::array({{{"name", "gln"}, {"type", "user-friendly-name"}}});
  device["version"] =
      ordered_json::array({{{"value", std::string(gln::version)}},
                           {{"type", {{"text", "knowledge base"}}},
                            {"value", std::to_string(gln::knowledge_version) + " (reviewed " +
                                          std::string(gln::knowledge_review_date) + ")"}}});
  issue["contained"] = ordered_json::array({device});
  issue["status"] = "final";
  issue["code"] = {{"text", std::string(f.rule_id())}};
  const std::string_view severity = severity_of(f.level);
  if (!severity.empty()) issue["severity"] = std::string(severity);
  if (!r.patient.empty()) issue["patient"] = detail::reference_json(r.patient, {});
  issue["identifiedDateTime"] = to_string(r.screening_date);
  issue["author"] = detail::reference_json("#gln", gln_label());
  if (order != nullptr && !order->resource.empty()) {
    issue["implicated"] =
        ordered_json::array({detail::reference_json(order->resource, order->text)});
  }
  ordered_json evidence = ordered_json::array();
  for (const evidence_item& item : evidence_for(f, r, order)) {
    ordered_json one = ordered_json::object();
    if (!item.by.code.empty()) {
      ordered_json code_concept = ordered_json::object();
      code_concept["coding"] = ordered_json::array({detail::coding_json(item.by)});
      one["code"] = ordered_json::array({code_concept});
    }
    one["detail"] = ordered_json::array({detail::reference_json(item.resource, item.text)});
    evidence.push_back(std::move(one));
  }
  if (!evidence.empty()) issue["evidence"] = std::move(evidence);
  issue["detail"] = std::string(f.reason().view());
  const std::string url = first_source_url(f);
  if (!url.empty()) issue["reference"] = url;
  return issue;
}

// Every finding of an assessment as a DetectedIssue.
inline std::vector<ordered_json> detected_issues(const gln::assessment& a, const record& r,
                                                 const order_reading* order = nullptr) {
  std::vector<ordered_json> out;
  for (const gln::finding& f : a.findings) out.push_back(detected_issue(f, r, order));
  return out;
}

// A random (version 4) UUID.
inline std::string random_uuid() {
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    return (static_cast<std::uint64_t>(device()) << 32U) ^ device();
  }()};
  const std::uint64_t high = (engine() & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  const std::uint64_t low = (engine() & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char out[40];
  std::snprintf(out, sizeof out, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32U),
                static_cast<unsigned>((high >> 16U) & 0xFFFFU),
                static_cast<unsigned>(high & 0xFFFFU), static_cast<unsigned>(low >> 48U),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return out;
}

// Markdown with the characters that would format or link escaped, and no line breaks: for
// texts that come from a record.
inline std::string markdown_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (ch == '\n' || ch == '\r' || ch == '\t') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>|~&").find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return out;
}

// At most `limit` bytes, cut at a space with "..." where it is longer.
inline std::string shorten(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit - 3;
  while (cut > 0 && text[cut] != ' ') --cut;
  if (cut == 0) cut = limit - 3;
  // never cut inside a UTF-8 sequence
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  text.resize(cut);
  while (!text.empty() &&
         (text.back() == ' ' || text.back() == ',' || text.back() == ';' || text.back() == ':')) {
    text.pop_back();
  }
  return text + "...";
}

struct card_options {
  std::string source_label = gln_label();
  // The code system of the override reasons gln's cards offer.
  std::string override_system = "https://github.com/gln-project/gln/cds-hooks/override-reason";
  std::vector<std::string> not_checked;  // more "not checked" lines (a fetch that failed)
  std::function<std::string()> make_uuid = random_uuid;
};

namespace detail {

inline ordered_json override_reasons(const card_options& o) {
  const std::pair<const char*, const char*> reasons[] = {
      {"record-out-of-date", "The record is wrong or out of date"},
      {"benefit-outweighs-risk", "Clinical judgement: the benefit outweighs the risk"},
      {"treating-team-protocol", "Part of the treating team's protocol"},
  };
  ordered_json out = ordered_json::array();
  for (const auto& [code, display] : reasons) {
    out.push_back({{"code", code}, {"system", o.override_system}, {"display", display}});
  }
  return out;
}

inline ordered_json source_json(const card_options& o) { return {{"label", o.source_label}}; }

inline std::string sources_markdown(const gln::finding& f) {
  std::string out;
  for (gln::source id : f.sources()) {
    if (!out.empty()) out += ", ";
    const std::string url = source_url(id);
    const std::string name(gln::to_string(id));
    out += url.empty() ? markdown_text(name) : "[" + markdown_text(name) + "](" + url + ")";
  }
  return out;
}

inline std::string evidence_markdown(const evidence_item& item) {
  std::string out = markdown_text(item.resource);
  if (!item.text.empty()) out += " \"" + markdown_text(item.text) + "\"";
  if (!item.by.code.empty()) out += " (" + markdown_text(item.by.system + " " + item.by.code) + ")";
  return out;
}

// What could not be checked, in words, for the record's sections that were not sent or were
// incomplete, and for a weight section that held no usable weight.
inline std::vector<std::string> not_checked_lines(const record& r) {
  std::vector<std::string> out;
  auto line = [&](section s, const char* what, const char* type) {
    const section_status& status = r.status(s);
    if (status.state == section_state::read) return;
    std::string text = std::string(to_string(s)) + " (" + what + "): ";
    text += status.state == section_state::not_sent ? std::string("no ") + type + " data was sent"
                                                    : "incomplete: " + status.why;
    out.push_back(text);
  };
  line(section::conditions, "contraindications", "Condition");
  line(section::medications, "interactions, glutamine already taken", "MedicationRequest");
  line(section::procedures, "recent chemotherapy, radiotherapy, dialysis or intensive care",
       "Procedure");
  line(section::allergies, "MSG sensitivity", "AllergyIntolerance");
  line(section::pregnancy_status,
       "the pregnancy status observation; pregnancy was read from the conditions",
       "pregnancy status Observation");
  line(section::weight, "the per-kg ceilings and the weight-based doses",
       "body weight Observation");
  // Weights sent, none usable (a unit not read, a comparator, no date, an empty search): the
  // weight is unknown, not none.
  if (r.status(section::weight).state == section_state::read && !r.weight) {
    out.push_back(
        "weight (the per-kg ceilings and the weight-based doses): no usable body weight was "
        "sent");
  }
  // An age read from the patient's own record was checked, whatever else the section held:
  // another patient's record beside it is listed as not used, and says nothing of this one.
  if (!r.profile.age_years) {
    line(section::patient, "age", "Patient");
    // A patient search sent, with no Patient of hers or no birth date that can be read in it.
    if (r.status(section::patient).state == section_state::read)
      out.push_back("patient (age): no usable birth date was sent");
  }
  return out;
}

// The same for software: the key of each section not checked (`pregnancy_status`), by the rules
// of not_checked_lines.
inline std::vector<std::string> not_checked_keys(const record& r) {
  std::vector<std::string> out;
  static constexpr std::pair<section, const char*> keys[] = {
      {section::conditions, "conditions"},
      {section::medications, "medications"},
      {section::procedures, "procedures"},
      {section::allergies, "allergies"},
      {section::pregnancy_status, "pregnancy_status"},
      {section::weight, "weight"},
      {section::patient, "age"}};
  for (const auto& [s, key] : keys) {
    const bool unread = r.status(s).state != section_state::read;
    if ((s == section::weight && !r.weight) || (s == section::patient && !r.profile.age_years) ||
        (unread && s != section::patient)) {
      out.emplace_back(key);
    }
  }
  return out;
}

inline std::string record_markdown(const record& r) {
  std::string out = "**Record read** (screening date " + to_string(r.screening_date) + "): ";
  out += r.patient.empty() ? std::string("no Patient") : markdown_text(r.patient);
  if (r.profile.age_years) {
    out += ", age " + std::to_string(static_cast<int>(*r.profile.age_years));
    if (r.birth_date)
      out += " (born " + to_string(r.birth_date->latest) +
             (r.birth_date->complete ? ")" : " at the latest)");
  } else {
    out += ", age unknown";
  }
  if (r.deceased) {
    out += "; **the record marks this patient deceased**";
    if (r.deceased_text != "yes") out += " (" + markdown_text(r.deceased_text) + ")";
  }
  out += ". Weight: ";
  if (r.weight) {
    // One decimal as weights are shown; a value too large for that (1e308 kg, which the checks
    // refuse) in full precision rather than cut to the buffer.
    char kg[48];
    if (r.weight->kilograms < 1e6 && r.weight->kilograms > -1e6) {
      std::snprintf(kg, sizeof kg, "%.1f kg", r.weight->kilograms);
    } else {
      std::snprintf(kg, sizeof kg, "%.17g kg", r.weight->kilograms);
    }
    out += kg;
    if (r.weight->unit != "kg")
      out += " (" + number_text(r.weight->value) + " " + markdown_text(r.weight->unit) + ")";
    out += ", " + to_string(r.weight->measured) + ", " + std::to_string(r.weight->age_days) +
           " days old, " + markdown_text(r.weight->resource);
  } else {
    out += "none";
  }
  if (r.known(section::conditions)) {
    out += ". Conditions: " + std::to_string(r.active_conditions) + " active, " +
           std::to_string(r.unmapped_conditions.size()) + " of them not mapped by gln";
  }
  if (r.known(section::medications)) {
    out += ". Medications: " + std::to_string(r.active_medications) + " active";
  }
  return out + ".";
}

// Why a coding of an unmapped condition was not read, where it is not simply absent from gln's
// tables: a code system gln does not hold (WHO ICD-10, a national ICD-10), or a malformed code.
inline std::string_view unread_because(lookup_status status) {
  switch (status) {
    case lookup_status::system_not_held: return "a code system gln does not hold";
    case lookup_status::malformed: return "not a well-formed code of its system";
    default: return {};
  }
}

// "Condition/7 \"Severe sepsis\" (http://hl7.org/fhir/sid/icd-10 R65.1: a code system gln does
// not hold)".
inline std::string unmapped_markdown(const unmapped_entry& e) {
  std::string out = markdown_text(e.resource);
  if (!e.text.empty()) out += " \"" + markdown_text(e.text) + "\"";
  std::string why;
  for (const read_coding& c : e.codings) {
    const std::string_view because = unread_because(c.status);
    if (because.empty()) continue;
    if (!why.empty()) why += "; ";
    why += markdown_text(c.value.system + " " + c.value.code) + ": " + std::string(because);
  }
  return why.empty() ? out : out + " (" + why + ")";
}

template <class Entries, class Line>
std::string list_markdown(const Entries& entries, std::size_t limit, Line line) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& entry : entries) {
    if (shown == limit) {
      out += "; and " + std::to_string(entries.size() - limit) + " more";
      break;
    }
    if (shown++ > 0) out += "; ";
    out += line(entry);
  }
  return out;
}

}  // namespace detail

// The whole answer as CDS Hooks cards (an array): one card with the verdict, its findings and
// what they rest on; and, when the conditions or medications could not be checked, a second
// card that says so (never an empty "all clear"). `order` is the glutamine order checked (a
// draft for order-select and order-sign, an active order for patient-view).
inline ordered_json cds_cards(const gln::assessment& a, const record& r, const order_reading* order,
                              const card_options& o = {}) {
  ordered_json cards = ordered_json::array();
  const verdict overall = a.overall;
  // An order whose dose could not be read was screened but not dose-checked: never "info".
  const bool dose_unchecked = order != nullptr && !order->regimen;
  // An active allergy no rule looked at (an allergy to glutamine itself): never "info" either.
  const bool allergies_to_review = !r.unmapped_allergies.empty();
  // Nor a pregnancy status that may say pregnant but could not be used.
  const bool pregnancy_to_review = !r.pregnancy_to_review.empty();
  const std::string_view indicator =
      (dose_unchecked || allergies_to_review || pregnancy_to_review) && overall == verdict::suitable
          ? "warning"
          : indicator_of(overall);

  // The first of the worst findings names the problem in the summary.
  std::optional<gln::finding> worst;
  for (const gln::finding& f : a.findings) {
    if (!worst || f.level > worst->level) worst = f;
  }
  std::string headline;
  switch (overall) {
    case verdict::avoid: headline = "Avoid glutamine"; break;
    case verdict::clinician_only:
    case verdict::caution: headline = "Glutamine: check before giving"; break;
    case verdict::suitable:
      headline = std::string("Glutamine: ") + (dose_unchecked ? "dose not checked, " : "") +
                 (allergies_to_review ? "allergies to review, " : "") +
                 (pregnancy_to_review ? "pregnancy status to review, " : "") +
                 "no contraindication in the record sent";
      break;
  }
  // "Avoid glutamine: Chronic kidney disease stage 4 (disorder): severe renal failure: ..."
  std::string summary = headline;
  if (worst && overall != verdict::suitable) {
    const auto evidence = evidence_for(*worst, r, order);
    const bool from_record = !evidence.empty() && !evidence.front().text.empty() &&
                             (order == nullptr || evidence.front().resource != order->resource);
    if (from_record) summary += ": " + evidence.front().text;
    summary += ": " + std::string(worst->reason().view());
  }
  std::string detail;
  if (order != nullptr) {
    detail += "**Glutamine order** " + markdown_text(order->resource);
    if (!order->text.empty()) detail += ": " + markdown_text(order->text);
    detail += ". Dose: " +
              markdown_text(order->regimen ? order->regimen_text
                                           : "not checked: " + order->regimen_text) +
              ".\n\n";
    detail += "**Purpose screened:** " + std::string(gln::to_string(a.purpose)) + ": " +
              markdown_text(order->purpose_reason) + ".\n\n";
  }
  detail +=
      "**Verdict:** " + std::string(gln::to_string(overall)) +
      (a.oversight == gln::oversight::clinician_supervised ? " under clinician supervision" : "") +
      ".\n\n";
  if (!a.findings.empty()) detail += "**Findings**\n\n";
  std::vector<std::string> rules;
  for (const gln::finding& f : a.findings) {
    rules.push_back(std::string(f.rule_id()));
    detail += "- **" + std::string(gln::to_string(f.level)) + "** `" + std::string(f.rule_id()) +
              "`: " + markdown_text(f.reason().view()) + ".";
    const auto evidence = evidence_for(f, r, order);
    if (!evidence.empty()) {
      detail +=
          " From the record: " + detail::list_markdown(evidence, 5, detail::evidence_markdown) +
          ".";
    }
    const std::string sources = detail::sources_markdown(f);
    if (!sources.empty()) detail += " Sources: " + sources + ".";
    detail += "\n";
  }
  if (!a.findings.empty()) detail += "\n";
  detail += detail::record_markdown(r) + "\n\n";
  std::vector<std::string> not_checked = detail::not_checked_lines(r);
  not_checked.insert(not_checked.end(), o.not_checked.begin(), o.not_checked.end());
  if (!not_checked.empty()) {
    detail += "**Not checked:** " +
              detail::list_markdown(not_checked, 20,
                                    [](const std::string& line) { return markdown_text(line); }) +
              ".\n\n";
  }
  if (!r.unmapped_conditions.empty()) {
    detail += "**Active conditions gln does not map** (review them): " +
              detail::list_markdown(r.unmapped_conditions, 10, detail::unmapped_markdown) + ".\n\n";
  }
  if (!r.unmapped_allergies.empty()) {
    detail += "**Active allergies gln does not check** (review them): " +
              detail::list_markdown(r.unmapped_allergies, 10, detail::unmapped_markdown) + ".\n\n";
  }
  if (!r.skipped.empty()) {
    detail += "**Not used:** " +
              detail::list_markdown(
                  r.skipped, 10,
                  [](const skipped_entry& e) { return markdown_text(e.resource + ": " + e.why); }) +
              ".\n\n";
  }
  detail += markdown_text(o.source_label) +
            ". Decision support for the prescriber, not a substitute for clinical judgement.";

  ordered_json card = ordered_json::object();
  card["uuid"] = o.make_uuid();
  card["summary"] = shorten(summary, 140);
  card["detail"] = detail;
  card["indicator"] = std::string(indicator);
  card["source"] = detail::source_json(o);
  if (overall == verdict::avoid && order != nullptr && order->draft) {
    ordered_json action = {{"type", "delete"},
                           {"description", "Remove the draft order " + order->resource},
                           {"resourceId", order->resource}};
    card["suggestions"] = ordered_json::array({{{"label", "Remove the glutamine order"},
                                                {"uuid", o.make_uuid()},
                                                {"isRecommended", true},
                                                {"actions", ordered_json::array({action})}}});
    card["selectionBehavior"] = "at-most-one";
  }
  if (overall != verdict::suitable) card["overrideReasons"] = detail::override_reasons(o);
  card["extension"] = {{"gln",
                        {{"purpose", std::string(gln::to_string(a.purpose))},
                         {"overall", std::string(gln::to_string(overall))},
                         {"action", std::string(gln::to_string(a.action))},
                         {"rules", rules},
                         {"knowledge_version", gln::knowledge_version}}}};
  // For software as for people: a verdict beside a dose not checked, allergies no rule looked
  // at, or a pregnancy status that could not be used, is not all that was needed.
  // And what the record left unchecked, section by section.
  std::vector<std::string> unchecked;
  if (dose_unchecked) unchecked.emplace_back("dose");
  for (std::string& key : detail::not_checked_keys(r)) unchecked.push_back(std::move(key));
  const auto add_once = [&unchecked](const char* key) {
    if (std::find(unchecked.begin(), unchecked.end(), key) == unchecked.end())
      unchecked.emplace_back(key);
  };
  if (allergies_to_review) add_once("allergies");
  if (pregnancy_to_review) add_once("pregnancy_status");
  if (!unchecked.empty()) card["extension"]["gln"]["not_checked"] = unchecked;
  cards.push_back(std::move(card));

  // What could not be checked, on a card of its own.
  std::vector<std::string> unknown;
  if (a.findings.contains(gln::rule::input_conditions_unknown)) unknown.push_back("conditions");
  if (a.findings.contains(gln::rule::input_medications_unknown)) unknown.push_back("medications");
  if (!unknown.empty()) {
    std::string what = unknown.front();
    if (unknown.size() == 2) what += " and " + unknown.back();
    std::string text = "**Could not check the patient's " + what + ".** ";
    if (!r.profile.conditions_known) {
      text +=
          "Without the conditions, the contraindications (kidney and liver disease, organ failure, "
          "shock, cancer, pregnancy and the others gln screens for) were not checked. ";
    }
    if (!r.profile.medications_known) {
      text +=
          "Without the medications, the interactions (anticonvulsants, lactulose, antineoplastic "
          "therapy, other prescriptions, glutamine already taken) were not checked. ";
    }
    text += "\n\n**Not checked:** " +
            detail::list_markdown(not_checked, 20,
                                  [](const std::string& line) { return markdown_text(line); }) +
            ".\n\nCheck the record before relying on the other card.";
    ordered_json gap = ordered_json::object();
    gap["uuid"] = o.make_uuid();
    // Sent but incomplete (another page, data about another patient), or not sent at all.
    const bool sent = r.status(section::conditions).state == section_state::incomplete ||
                      r.status(section::medications).state == section_state::incomplete;
    gap["summary"] = shorten(
        "Could not check the patient's " + what +
            (sent ? ": the data sent to gln is incomplete" : ": not in the data sent to gln"),
        140);
    gap["detail"] = text;
    gap["indicator"] = "warning";
    gap["source"] = detail::source_json(o);
    gap["overrideReasons"] = detail::override_reasons(o);
    gap["extension"] = {{"gln", {{"not_checked", unknown}}}};
    cards.push_back(std::move(gap));
  }
  return cards;
}

}  // namespace fhir
}  // namespace gln

#endif  // GLN_FHIR_WRITE_HPP
