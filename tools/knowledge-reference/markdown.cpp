// docs/knowledge.md from the knowledge model: every value comes from the model; the text written
// here is headings, column names and the sentences that say how to read a table.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <vector>

#include "reference.hpp"

namespace gln_reference {
namespace {

std::string str(const json& value) { return value.get<std::string>(); }

// A number as the model holds it.
std::string num(const json& value) { return value.dump(); }

std::string code(const std::string& text) { return "`" + text + "`"; }

// Text in a table cell: a pipe would end the cell.
std::string cell(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += '\\';
    out += ch == '\n' ? ' ' : ch;
  }
  return out;
}

std::string yes_no(const json& flag) { return flag.get<bool>() ? "yes" : "no"; }

// "a, b, c", each item rendered by `render`; `none` for no items.
template <class Items, class Render>
std::string join(const Items& items, Render render, const std::string& none = "",
                 const std::string& separator = ", ") {
  if (items.empty()) return none;
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += render(item);
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  return join(
      parts, [](const std::string& part) { return part; }, "", separator);
}

// "`a` or `b`".
std::string alternatives(const json& items) {
  return join(
      items, [](const json& item) { return code(str(item)); }, "", " or ");
}

std::string codes(const json& items, const std::string& none = "") {
  return join(
      items, [](const json& item) { return code(str(item)); }, none);
}

// A number with its unit: "10 g/day", "18 years", "on".
std::string with_unit(const json& value, const std::string& unit) {
  if (unit == "on/off") return value.get<double>() != 0.0 ? "on" : "off";
  return num(value) + " " + unit;
}

// Weeks; a fraction of a week that is whole days also as days ("2.142857142857143 (15 days)").
std::string weeks_text(const json& value) {
  const double days = value.get<double>() * 7.0;
  if (value.is_number_integer() || std::fabs(days - std::round(days)) > 1e-9) return num(value);
  return num(value) + " (" + std::to_string(std::lround(days)) + " days)";
}

// A template with each "{name}" replaced by its default; a placeholder without one stays.
std::string filled(std::string pattern, const json& numbers) {
  for (const json& n : numbers) {
    if (n["default"].is_null()) continue;
    const std::string slot = "{" + str(n["name"]) + "}";
    for (std::size_t at = pattern.find(slot); at != std::string::npos; at = pattern.find(slot)) {
      pattern.replace(at, slot.size(), num(n["default"]));
    }
  }
  return pattern;
}

// "`name` = 10 g/day; ..." for a template's placeholders.
std::string defaults(const json& numbers) {
  return join(
      numbers,
      [](const json& n) {
        if (n["default"].is_null())
          return code(str(n["name"])) + ": the weight's age, in " + str(n["unit"]);
        return code(str(n["name"])) + " = " + with_unit(n["default"], str(n["unit"]));
      },
      "", "; ");
}

std::string range(const json& r, const std::string& unit = "") {
  if (r.is_null()) return "";
  const std::string suffix = unit.empty() ? "" : " " + unit;
  if (r["min"] == r["max"]) return num(r["min"]) + suffix;
  return num(r["min"]) + "-" + num(r["max"]) + suffix;
}

// "3 concepts", "1 concept"; empty for none.
std::string codes_count(std::size_t count, const std::string& what) {
  if (count == 0) return "";
  return std::to_string(count) + " " + what + (count == 1 ? "" : "s");
}

std::string sources(const json& list) {
  if (list.is_string()) return "the purpose's dose row (§5)";
  return codes(list);
}

struct section {
  std::string heading;
  std::string anchor;
};

// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
std::string anchor_of(const std::string& heading) {
  std::string out;
  for (char ch : heading) {
    if (ch >= 'A' && ch <= 'Z') {
      out += static_cast<char>(ch - 'A' + 'a');
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_') {
      out += ch;
    } else if (ch == ' ') {
      out += '-';
    }
  }
  return out;
}

const std::vector<section>& sections() {
  static const std::vector<section> list = [] {
    std::vector<section> out;
    for (const char* heading :
         {"Notices", "1. Sources", "2. Conditions and ICD-10-CM", "2b. Other code systems",
          "3. Medications", "4. Screening rules", "5. Dose by purpose", "6. Dose check",
          "7. Evidence", "8. Trial plan", "9. Side effects",
          "10. Forms, timing and product quality", "11. Texts", "12. Policy knobs"}) {
      out.push_back({heading, anchor_of(heading)});
    }
    return out;
  }();
  return list;
}

class writer {
 public:
  explicit writer(const json& model) : m_(model) {}

  std::string render() {
    intro();
    notices();
    sources_section();
    conditions_section();
    code_systems_section();
    medications_section();
    screening_section();
    doses_section();
    dose_check_section();
    evidence_section();
    trial_section();
    side_effects_section();
    forms_section();
    texts_section();
    knobs_section();
    return out_.str();
  }

 private:
  void heading(std::size_t index) { out_ << "\n## " << sections()[index].heading << "\n\n"; }
  void line(const std::string& text = "") { out_ << text << "\n"; }
  // A "###" heading, and the paragraph under it if there is one.
  void subheading(const std::string& title, const std::string& paragraph = "") {
    out_ << "\n### " << title << "\n\n";
    if (!paragraph.empty()) out_ << paragraph << "\n\n";
  }
  void row(const std::vector<std::string>& cells) {
    out_ << "|";
    for (const std::string& c : cells) out_ << " " << cell(c) << " |";
    out_ << "\n";
  }
  void table(const std::vector<std::string>& columns) {
    row(columns);
    out_ << "|";
    for (std::size_t i = 0; i < columns.size(); ++i) out_ << "---|";
    out_ << "\n";
  }

  const json& rule(const std::string& id) const {
    for (const json& r : m_["rules"]) {
      if (r["id"] == id) return r;
    }
    return m_["rules"][0];
  }

  void intro() {
    line("# gln knowledge reference");
    line();
    line("Knowledge base v" + num(m_["knowledge_version"]) + ", reviewed " +
         str(m_["knowledge_review_date"]) + "; gln " + str(m_["gln_version"]) + ".");
    line();
    line(
        "Every value below is read from gln's constexpr tables (`include/gln/data/`) by the "
        "program `tools/knowledge-reference`, which also writes `docs/knowledge.json` (the same "
        "content, machine-readable) and `docs/knowledge.svg` (the chart of §5). The test "
        "`gln.knowledge_reference` fails when these files differ from what the tables give; "
        "`scripts/knowledge-docs.sh` writes them again.");
    line();
    line("Verdicts, from mildest to worst: " +
         join(m_["texts"]["verdicts"], [](const json& v) { return code(str(v["verdict"])); }) +
         "; the worst finding decides. A text is a template: a `{name}` is a policy knob (§12) "
         "or a number of the dose tables (§5), filled with the number in force. Triggers show "
         "the defaults of §12; a policy can only make them stricter.");
    line();
    for (const section& s : sections()) line("- [" + s.heading + "](#" + s.anchor + ")");
  }

  void notices() {
    heading(0);
    line("gln's code tables (§2b) hold codes of systems that come with terms of use:");
    line();
    for (const json& n : m_["notices"]) line("- **" + str(n["title"]) + ".** " + str(n["text"]));
  }

  void sources_section() {
    heading(1);
    const json& list = m_["sources"];
    std::size_t retracted = 0;
    std::size_t unverified = 0;
    for (const json& s : list) {
      retracted += s["retracted"].get<bool>() ? 1U : 0U;
      unverified += s["verified"].get<bool>() ? 0U : 1U;
    }
    line(std::to_string(list.size()) + " sources; " + std::to_string(unverified) +
         " not verified, " + std::to_string(retracted) +
         " retracted (kept so that the rule \"no rule, range or grade cites a retracted "
         "source\" has something to check). \"Cited by\" names the rules (§4, §6), dose rows "
         "(§5), evidence rows (§7), policy knobs (§12), advice (§8-§10) and code tables (§2, "
         "§2b) that cite each.");
    line();
    table({"id", "kind", "citation", "year", "ids", "verified", "retracted", "cited by"});
    for (const json& s : list) {
      std::vector<std::string> ids;
      if (!s["doi"].is_null()) ids.push_back("doi:" + str(s["doi"]));
      if (!s["pmid"].is_null()) ids.push_back("PMID " + str(s["pmid"]));
      if (!s["other_id"].is_null()) ids.push_back(str(s["other_id"]));
      const std::string id_text = joined(ids, ", ");
      row({code(str(s["id"])), str(s["kind"]), str(s["citation"]),
           s["year"].is_null() ? "" : num(s["year"]), id_text, yes_no(s["verified"]),
           yes_no(s["retracted"]), codes(s["cited_by"])});
    }
  }

  void conditions_section() {
    heading(2);
    const json& icd = m_["icd10_cm"];
    line(
        "The conditions gln screens for (`gln::condition`) and the codes that map to them. "
        "ICD-10-CM (FHIR system `" +
        str(icd["uri"]) + "`, source " + code(str(icd["source"])) + "): " + num(icd["count"]) +
        " entries, one per code and condition, and " + std::to_string(icd["ranges"].size()) +
        " category ranges. Codes are written with the dot after the category; a look-up "
        "accepts them with or without it, in any case.");
    line();
    table({"condition", "ICD-10-CM", "SNOMED CT (§2b)", "LOINC (§2b)", "screening rules (§4)"});
    for (const json& c : m_["conditions"]) {
      std::string icd_text = join(c["icd10_cm"], [](const json& e) {
        const std::string match = str(e["match"]);
        return str(e["code"]) + (match == "prefix" ? "" : " (" + match + ")");
      });
      for (const json& r : c["icd10_cm_ranges"]) {
        if (!icd_text.empty()) icd_text += ", ";
        icd_text += r["not_puerperal"].get<bool>() ? "not " + str(r["range"]) + " (not puerperal)"
                                                   : str(r["range"]) + " (range)";
      }
      row({code(str(c["id"])), icd_text, codes_count(c["snomed_ct"].size(), "concept"),
           join(c["loinc"], str), codes(c["screening_rules"])});
    }

    subheading("Match kinds",
               "A code maps to every condition with a matching entry or range, except as narrowed "
               "below.");
    table({"match", "an entry matches"});
    for (const json& k : icd["match_kinds"]) row({code(str(k["match"])), str(k["description"])});

    subheading(
        "Category ranges",
        "Three-character categories, compared as text (so C00-C96 holds C4A, C7A and C7B). A "
        "not-puerperal range maps nothing itself: the codes in it lose the condition that only "
        "a wider range gave them, and keep what an entry of their own gives.");
    table({"first", "last", "condition", "not puerperal"});
    for (const json& r : icd["ranges"]) {
      row({str(r["first"]), str(r["last"]), code(str(r["condition"])), yes_no(r["not_puerperal"])});
    }

    subheading(
        "Narrowing",
        "Within one organ, a code that also means a specific condition loses the broad one.");
    table({"broad condition", "dropped when any of these matches"});
    for (const json& n : icd["narrowings"]) row({code(str(n["broad"])), codes(n["specific"])});

    subheading("Codes that map to nothing");
    line(
        "Well-formed codes next to mapped ones that map to no condition (a look-up says "
        "unmapped): " +
        join(icd["exclusions"], str) + ".");
  }

  void code_systems_section() {
    heading(3);
    line(
        "Each system's codes, as gln matches them: exactly, by the code. A code not listed is "
        "unmapped, never guessed. \"Verified: no (verify)\" marks a row whose fact was not "
        "confirmed from a primary text.");
    line();
    table({"system", "FHIR system", "source", "codes"});
    for (const json& s : m_["code_systems"]) {
      row({str(s["title"]), code(str(s["uri"])), code(str(s["source"])), num(s["count"])});
    }
    const auto verified = [](const json& flag) {
      return flag.get<bool>() ? std::string("yes") : std::string("no (verify)");
    };
    for (const json& s : m_["code_systems"]) {
      const std::string system = str(s["system"]);
      std::string intro;
      if (system == "snomed_ct") {
        intro =
            "Concept identifiers only: a concept under a listed one is not matched (gln does not "
            "ship the SNOMED CT hierarchy).";
      } else if (system == "rxnorm") {
        intro =
            "Ingredients, with the names a product display is read for (whole words, any case); "
            "\"other name\" marks a name that is not the RxNorm name.";
      } else if (system == "atc") {
        intro = "Each code maps with every code under it.";
      } else if (system == "ndc") {
        intro = "Labeler and product, any package.";
      } else if (system == "ucum") {
        intro = "Body-weight units, by their case-sensitive codes.";
      }
      subheading(str(s["title"]) + " (" + num(s["count"]) + ")", intro);
      if (system == "snomed_ct" || system == "loinc") {
        table({system == "snomed_ct" ? "SCTID" : "code", "role", "conditions", "verified",
               "display"});
        for (const json& c : s["codes"]) {
          row({str(c["code"]), str(c["role"]), codes(c["conditions"]), verified(c["verified"]),
               str(c["display"])});
        }
      } else if (system == "rxnorm") {
        table({"RxCUI", "medication classes", "glutamine", "verified", "names"});
        for (const json& c : s["codes"]) {
          row({str(c["code"]), codes(c["medications"]), yes_no(c["glutamine"]),
               verified(c["verified"]), join(c["names"], [](const json& n) {
                 return str(n["name"]) + (n["rxnorm_name"].get<bool>() ? "" : " (other name)");
               })});
        }
      } else if (system == "atc") {
        table({"code", "medication classes", "glutamine", "verified", "WHO ATC name"});
        for (const json& c : s["codes"]) {
          row({str(c["code"]), codes(c["medications"]), yes_no(c["glutamine"]),
               verified(c["verified"]), str(c["name"])});
        }
      } else if (system == "ndc") {
        table({"labeler-product", "glutamine", "verified", "product"});
        for (const json& c : s["codes"]) {
          row({str(c["code"]), yes_no(c["glutamine"]), verified(c["verified"]), str(c["name"])});
        }
      } else if (system == "ucum") {
        table({"code", "kilograms per unit"});
        for (const json& c : s["codes"]) row({code(str(c["code"])), num(c["kilograms_per_unit"])});
      }
      if (!s["exclusions"].empty()) {
        line();
        line("Codes that map to nothing (a look-up says unmapped): " + join(s["exclusions"], str) +
             ".");
      }
    }
    subheading("Brands of prescription L-glutamine (" + num(m_["glutamine_brands"].size()) + ")",
               "A medication text or display that names one, as a whole word in any case, names "
               "glutamine (`gln::names_glutamine`); `gln::glutamine_brand_in` gives the purpose "
               "of its label.");
    table({"brand", "labelled for", "label"});
    for (const json& b : m_["glutamine_brands"]) {
      row({str(b["brand"]), code(str(b["labelled_for"])), code(str(b["label"]))});
    }
  }

  void medications_section() {
    heading(4);
    line(
        "The medication classes gln screens for (`gln::medication`) and the codes that map "
        "to them (§2b).");
    line();
    table({"medication", "screening rules (§4)", "ATC", "RxNorm"});
    for (const json& m : m_["medications"]) {
      row({code(str(m["id"])), codes(m["screening_rules"]), join(m["atc"], str),
           codes_count(m["rxnorm"].size(), "ingredient")});
    }
  }

  std::string screening_trigger(const json& r) const {
    const json& t = r["trigger"];
    std::vector<std::string> parts;
    if (!t["purposes"].empty()) parts.push_back("purpose " + alternatives(t["purposes"]));
    if (!t["conditions"].empty()) parts.push_back("condition " + alternatives(t["conditions"]));
    const bool absent = !t["extra"].is_null() && t["extra"]["name"] == "medication_absent";
    if (!t["medications"].empty() && !absent) {
      parts.push_back((t["conditions"].empty() ? "medication " : "or medication ") +
                      alternatives(t["medications"]));
    }
    if (!t["extra"].is_null()) {
      parts.push_back(filled(str(t["extra"]["description"]), t["extra"]["numbers"]) +
                      (absent ? ": " + alternatives(t["medications"]) : ""));
    }
    return joined(parts, "; ");
  }

  void screening_section() {
    heading(5);
    line(
        "A screening rule fires when the purpose is one of its purposes (any purpose when none "
        "is named) and any of its conditions or medications is present, or, where the trigger "
        "names a further condition, that condition holds; a rule that names only purposes "
        "fires on the purpose alone. The reasons are templates (§11 gives both texts of each "
        "rule).");
    line();
    table({"rule", "trigger", "self-directed", "supervised", "reason", "sources"});
    for (const json& r : m_["rules"]) {
      if (r["kind"] == "dose") continue;
      const std::string trigger =
          r["kind"] == "input" ? "an input is invalid (below)" : screening_trigger(r);
      row({code(str(r["id"])), trigger, str(r["verdict"]), str(r["supervised_verdict"]),
           str(r["reason"]["template"]), sources(r["sources"])});
    }
    line();
    line("`input.invalid` names the invalid field; its reason is the field's:");
    line();
    table({"field", "reason", "numbers in force by default"});
    for (const json& f : rule("input.invalid")["trigger"]["invalid_fields"]) {
      row({code(str(f["field"])), str(f["template"]), defaults(f["numbers"])});
    }
  }

  void doses_section() {
    heading(6);
    line("Grams of L-glutamine. Only `self_directed` rows are for use without a clinician.");
    line();
    line(
        "![Self-directed daily ranges against the observed safe level, the self-directed "
        "ceiling and the adult maximum](knowledge.svg)");
    line();
    table({"purpose", "access", "per dose (g)", "doses/day", "g/day", "g/kg/day",
           "at most g/kg/day", "weeks", "weight"});
    for (const json& d : m_["doses"]) {
      std::string weeks;
      if (!d["max_weeks"].is_null()) {
        weeks = d["min_weeks"].is_null() ? "up to " + weeks_text(d["max_weeks"])
                                         : num(d["min_weeks"]) + "-" + weeks_text(d["max_weeks"]);
      }
      std::string weight = d["weight_bands"].get<bool>()   ? "bands (below)"
                           : d["weight_based"].get<bool>() ? "per kg"
                                                           : "";
      row({code(str(d["purpose"])), str(d["access"]), range(d["per_dose"]),
           range(d["doses_per_day"]), range(d["per_day"]), range(d["per_kg_day"]),
           d["max_per_kg_day"].is_null() ? "" : num(d["max_per_kg_day"]), weeks, weight});
    }
    line();
    table({"purpose", "amount", "duration", "timing, notes", "sources"});
    for (const json& d : m_["doses"]) {
      row({code(str(d["purpose"])), str(d["amount"]),
           d["duration"].is_null() ? "" : str(d["duration"]),
           d["timing"].is_null() ? "" : str(d["timing"]), codes(d["sources"])});
    }
    subheading("Sickle-cell weight bands",
               "The labelled dose per dose by body weight; the last band takes every heavier "
               "weight.");
    table({"weight", "per dose"});
    const json& bands = m_["sickle_cell_weight_bands"];
    for (std::size_t i = 0; i < bands.size(); ++i) {
      const json& band = bands[i];
      std::string weight;
      if (i + 1 == bands.size()) {
        weight = "above " + num(bands[i - 1]["up_to_kg"]) + " kg";
      } else {
        const std::string lower =
            i == 0 ? ""
                   : (bands[i - 1]["up_to_inclusive"].get<bool>() ? "above " : "from ") +
                         num(bands[i - 1]["up_to_kg"]) + " kg ";
        weight = lower + (band["up_to_inclusive"].get<bool>() ? "up to and including " : "below ") +
                 num(band["up_to_kg"]) + " kg";
      }
      row({weight, num(band["per_dose"]) + " g"});
    }
    subheading("Numbers of the dose tables");
    table({"name", "value"});
    for (const json& n : m_["named_numbers"]) {
      row({code(str(n["name"])), with_unit(n["value"], str(n["unit"]))});
    }
  }

  std::string dose_trigger(const json& r) const {
    const json& t = r["trigger"];
    std::vector<std::string> parts;
    if (!t["purposes"].empty()) parts.push_back("purpose " + alternatives(t["purposes"]));
    if (!t["measure"].is_null()) {
      const json& bound = t["bound"];
      std::string limit;
      if (bound.contains("knob")) {
        const json& knob = bound["knob"];
        limit =
            code(str(knob["name"])) + " (" + with_unit(knob["default"], str(knob["unit"])) + ")";
        if (str(bound["name"]) == "knob_per_kg") limit += " times the weight";
      } else if (bound.contains("number")) {
        const json& n = bound["number"];
        limit = code(str(n["name"])) + " (" + with_unit(n["default"], str(n["unit"])) + ")";
      } else {
        limit = filled(str(bound["description"]), bound["numbers"]);
      }
      parts.push_back(str(t["measure"]["description"]) + " " + str(t["comparison"]["description"]) +
                      " " + limit);
    }
    for (const json& c : t["conditions"]) {
      parts.push_back(filled(str(c["description"]), c["numbers"]));
    }
    if (!t["yields_to"].is_null()) {
      parts.push_back("not where " + code(str(t["yields_to"])) + " fires");
    }
    return joined(parts, "; ");
  }

  void dose_check_section() {
    heading(7);
    line(
        "A dose rule fires when the purpose is one of its purposes (any purpose when none is "
        "named), each of its conditions holds, and the measure compares so with the bound; a "
        "measure needs a valid regimen (grams per dose, doses per day, weeks). The screening "
        "findings of §4 come first. \"Self-directed only\" rules do not fire under clinician "
        "supervision.");
    line();
    table({"rule", "trigger", "self-directed", "supervised", "self-directed only", "reason",
           "sources"});
    for (const json& r : m_["rules"]) {
      if (r["kind"] != "dose") continue;
      row({code(str(r["id"])), dose_trigger(r), str(r["verdict"]), str(r["supervised_verdict"]),
           yes_no(r["self_directed_only"]), str(r["reason"]["template"]), sources(r["sources"])});
    }
  }

  void evidence_section() {
    heading(8);
    line("Grades: " + codes(m_["evidence_grades"]) +
         ". \"Disagree\" marks rows whose sources conflict; the summary says how.");
    line();
    table({"purpose", "grade", "disagree", "summary", "sources"});
    for (const json& e : m_["evidence"]) {
      row({code(str(e["purpose"])), str(e["grade"]), yes_no(e["sources_disagree"]),
           str(e["summary"]), codes(e["sources"])});
    }
  }

  std::string knob_day(const json& knob) const {
    return "day " + num(knob["default"]) + " (" + code(str(knob["name"])) + ")";
  }

  void advice_list(const json& items) {
    for (const json& a : items) {
      line("- **" + str(a["name"]) + "**: " + str(a["text"]) + " (" + codes(a["sources"]) + ")");
    }
  }

  void trial_section() {
    heading(9);
    line(
        "The purposes with a self-directed trial: its review day, hard stop, step-up and what "
        "to track (the person picks the one that matters to them).");
    line();
    table({"purpose", "review", "hard stop", "step up to the most doses a day", "athletes' protein",
           "outcomes to track"});
    for (const json& t : m_["trials"]) {
      if (t["review_day"].is_null()) continue;
      row({code(str(t["purpose"])), knob_day(t["review_day"]),
           t["hard_stop_day"].is_null() ? "" : "day " + num(t["hard_stop_day"]),
           t["step_up_day"].is_null() ? "" : knob_day(t["step_up_day"]),
           yes_no(t["athlete_protein"]), codes(t["outcomes"])});
    }
    std::vector<std::string> no_plan;
    for (const json& t : m_["trials"]) {
      if (t["review_day"].is_null()) no_plan.push_back(code(str(t["purpose"])));
    }
    line();
    line("No self-directed trial: " + joined(no_plan, ", ") + ".");
    line();
    line("Shown with every plan:");
    line();
    advice_list(m_["trial_advice"]);
  }

  void side_effects_section() {
    heading(10);
    const json& s = m_["side_effects"];
    line(str(s["text"]) + " (" + codes(s["sources"]) + ").");
    line();
    table({"number", "g/day"});
    row({code("gi_from_g_per_day"), num(s["gi_from_g_per_day"])});
    row({code("neurologic_from_g_per_day"), num(s["neurologic_from_g_per_day"])});
  }

  void forms_section() {
    heading(11);
    advice_list(m_["forms_timing_quality"]);
  }

  void texts_section() {
    heading(12);
    const json& t = m_["texts"];
    line(
        "Every rule has two texts, each with a stable message key: the professional reason "
        "(`<rule id>.reason`) and a plain-language text for the person (`<rule id>.patient`), a "
        "gist set in a frame that says what to do. Under clinician supervision every gist is "
        "set in the supervised frame instead. A composed patient text is at most " +
        num(t["patient_text_limit"]) + " characters.");
    subheading("Verdict labels");
    table({"verdict", "key", "label"});
    for (const json& v : t["verdicts"]) {
      row({code(str(v["verdict"])), code(str(v["key"])), str(v["label"])});
    }
    subheading("Patient frames", "`{text}` stands for the gist.");
    table({"frame", "key", "text"});
    for (const json& f : t["frames"]) {
      row({code(str(f["frame"])), code(str(f["key"])), str(f["text"])});
    }
    row({"supervised", code(str(t["supervised_frame"]["key"])),
         str(t["supervised_frame"]["text"])});
    subheading("The texts of each rule");
    table({"rule", "reason", "patient text (frame)", "numbers in force by default"});
    for (const json& r : m_["rules"]) {
      const json& p = r["patient"];
      json numbers = r["reason"]["numbers"];
      for (const json& n : p["numbers"]) {
        if (std::find(numbers.begin(), numbers.end(), n) == numbers.end()) numbers.push_back(n);
      }
      row({code(str(r["id"])), str(r["reason"]["template"]),
           str(p["self_directed"]) + " (" + code(str(p["frame"])) + ")", defaults(numbers)});
    }
  }

  void knobs_section() {
    heading(13);
    line(
        "A policy may only tighten: it keeps a value where it is stricter than the default in "
        "the direction below, and otherwise uses the default. \"At most\" names the knob a "
        "value may not pass.");
    line();
    table({"knob", "`gln::policy` member", "default", "stricter is", "at most", "sources"});
    for (const json& k : m_["policy_knobs"]) {
      row({code(str(k["id"])), code(str(k["member"])), with_unit(k["default"], str(k["unit"])),
           str(k["stricter"]), k["at_most"].is_null() ? "" : code(str(k["at_most"])),
           codes(k["sources"])});
    }
  }

  const json& m_;
  std::ostringstream out_;
};

}  // namespace

std::string render_markdown(const json& model) { return writer(model).render(); }

}  // namespace gln_reference
