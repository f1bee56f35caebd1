// The readable report of gln-check.
#include <algorithm>
#include <array>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "request.hpp"
#include "text.hpp"

namespace gln_check {

std::string quote(std::string_view text) {
  constexpr std::size_t max_shown = 60;
  std::string out = "'";
  std::size_t shown = 0;
  for (const char ch : text) {
    if (shown == max_shown) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte >= 0x7F || ch == '\'' || ch == '\\') {
      std::array<char, 5> escaped{};
      std::snprintf(escaped.data(), escaped.size(), "\\x%02X", static_cast<unsigned>(byte));
      out += escaped.data();
    } else {
      out += ch;
    }
    ++shown;
  }
  out += "'";
  return out;
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
  return out;
}

std::string unknown_name_message(std::string_view what, std::string_view name) {
  const std::string list = what == "oversight" ? std::string(what) : std::string(what) + "s";
  return "unknown " + std::string(what) + " " + quote(name) + " (gln-check --list " + list +
         " prints the names)";
}

std::string format_number(double value) {
  std::array<char, 64> buffer{};
  const int written = std::snprintf(buffer.data(), buffer.size(), "%.2f", value);
  if (written <= 0 || static_cast<std::size_t>(written) >= buffer.size()) {
    std::snprintf(buffer.data(), buffer.size(), "%g", value);
    return buffer.data();
  }
  std::string out(buffer.data());
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

namespace {

void collect(const gln::citation_list& list, std::array<bool, gln::enum_count<gln::source>>& seen) {
  for (gln::source id : list) {
    if (gln::is_valid(id)) seen[gln::index_of(id)] = true;
  }
}

void collect(const gln::finding_list& list, std::array<bool, gln::enum_count<gln::source>>& seen) {
  for (const gln::finding& f : list) collect(f.sources(), seen);
}

}  // namespace

std::vector<gln::source> cited_sources(const gln::request_answer& r, bool all_advice) {
  std::array<bool, gln::enum_count<gln::source>> seen{};
  collect(r.screening.findings, seen);
  if (r.check) collect(r.check->findings, seen);
  collect(r.dose.sources, seen);
  collect(r.evidence.sources, seen);
  for (const gln::advice* a : {&r.plan.basics, &r.plan.athlete_basics, &r.plan.side_effects}) {
    collect(a->sources, seen);
  }
  if (all_advice) {
    for (const gln::advice* a :
         {&r.plan.rule, &r.plan.forms, &r.plan.timing, &r.plan.product_quality, &r.plan.context}) {
      collect(a->sources, seen);
    }
  }
  std::vector<gln::source> out;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i]) out.push_back(static_cast<gln::source>(i));
  }
  return out;
}

namespace {

std::string join_sources(const gln::citation_list& list) {
  std::string out;
  for (gln::source id : list) {
    if (!out.empty()) out += ", ";
    out += gln::to_string(id);
  }
  return out.empty() ? "(none)" : out;
}

template <class E>
std::string join_names(const gln::enum_set<E>& set) {
  std::string out;
  for (E value : set) {
    if (!out.empty()) out += ", ";
    out += gln::to_string(value);
  }
  if (set.has_out_of_range()) out += out.empty() ? "(invalid value)" : ", (invalid value)";
  return out.empty() ? "none" : out;
}

std::string grams_range(const gln::range<gln::grams>& r) {
  if (r.min == r.max) return format_number(r.min.value()) + " g";
  return format_number(r.min.value()) + "-" + format_number(r.max.value()) + " g";
}

std::string count_text(const gln::count_range& r) {
  if (r.min == r.max) return std::to_string(r.min);
  return std::to_string(r.min) + "-" + std::to_string(r.max);
}

std::string times_a_day(int doses) {
  switch (doses) {
    case 1: return "once a day";
    case 2: return "twice a day";
    default: return std::to_string(doses) + " times a day";
  }
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

void write_finding(std::ostream& out, const gln::finding& f) {
  out << "  - [" << gln::to_string(f.level) << "] " << f.rule_id();
  if (f.level != f.self_directed_level()) {
    out << " (" << gln::to_string(f.self_directed_level()) << " when self-directed)";
  }
  out << "\n      " << f.reason().view() << "\n      sources: " << join_sources(f.sources())
      << '\n';
}

constexpr std::size_t line_width = 96;

// Writes text from `column` on, wrapped at word boundaries onto lines that start with
// `indent` spaces, and ends the line.
void write_wrapped(std::ostream& out, std::string_view text, std::size_t column,
                   std::size_t indent) {
  bool first = true;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view{} : text.substr(space + 1);
    if (!first && column + 1 + word.size() > line_width) {
      out << '\n' << std::string(indent, ' ');
      column = indent;
    } else if (!first) {
      out << ' ';
      ++column;
    }
    out << word;
    column += word.size();
    first = false;
  }
  out << '\n';
}

// "  label:        text", the text wrapped under its first line.
void write_line(std::ostream& out, std::string_view label, std::string_view text) {
  if (text.empty()) return;
  constexpr std::size_t label_width = 15;
  out << "  " << label << ':';
  for (std::size_t i = label.size() + 1; i < label_width; ++i) out << ' ';
  write_wrapped(out, text, 2 + std::max(label_width, label.size() + 1), 2 + label_width);
}

void write_advice(std::ostream& out, std::string_view label, const gln::advice& a) {
  if (a.text.empty()) return;
  write_line(out, label, std::string(a.text) + " [" + join_sources(a.sources) + "]");
}

void write_person(std::ostream& out, const gln::request& req) {
  const gln::profile& p = req.person;
  std::string line = p.age_years ? "age " + format_number(*p.age_years) + " y" : "age not given";
  line += p.weight_kg ? ", weight " + format_number(p.weight_kg->value()) + " kg"
                      : ", weight not given";
  const std::string_view oversight = gln::to_string(p.oversight);
  line += ", " + (oversight.empty() ? std::string("(invalid oversight)") : std::string(oversight));
  out << "Person\n";
  write_line(out, "profile", line);
  write_line(out, "conditions",
             p.conditions_known ? join_names(p.conditions)
                                : "not known (" + join_names(p.conditions) + " at least)");
  write_line(out, "medications",
             p.medications_known ? join_names(p.medications)
                                 : "not known (" + join_names(p.medications) + " at least)");
  if (!req.icd10.empty()) {
    std::string codes;
    for (const std::string& code : req.icd10) codes += (codes.empty() ? "" : ", ") + code;
    write_line(out, "ICD-10-CM", codes);
  }
  if (!req.codes.empty()) {
    std::string codes;
    for (const gln::request_coding& c : req.codes) {
      codes += (codes.empty() ? "" : ", ") + std::string(gln::to_string(c.system)) + " " + c.code;
    }
    write_line(out, "codes", codes);
  }
  if (!req.unmapped_icd10.empty() || !req.unmapped_codes.empty()) {
    std::string codes;
    for (const std::string& code : req.unmapped_icd10) codes += (codes.empty() ? "" : ", ") + code;
    for (const gln::request_coding& c : req.unmapped_codes) {
      codes += (codes.empty() ? "" : ", ") + c.code;
    }
    write_line(out, "not mapped", codes + " (gln holds no entry for these codes)");
  }
  const std::string_view purpose = req.purpose ? gln::to_string(*req.purpose) : "";
  write_line(out, "purpose", purpose.empty() ? "(none)" : purpose);
  if (req.plan) {
    const gln::regimen& plan = *req.plan;
    std::string text = format_number(plan.per_dose.value()) + " g x " +
                       std::to_string(plan.doses_per_day) + " a day";
    if (plan.doses_per_day > 0) text += " (" + format_number(plan.per_day().value()) + " g/day)";
    if (plan.weeks) text += " for " + format_number(*plan.weeks) + " weeks";
    write_line(out, "regimen", text);
  }
}

void write_dose(std::ostream& out, const gln::dose_guidance& g) {
  out << "\nDose guidance: ";
  switch (g.access) {
    case gln::dose_access::self_directed: out << "self-directed range\n"; break;
    case gln::dose_access::not_recommended:
      out << "no self-directed range (evidence weak or against)\n";
      break;
    case gln::dose_access::clinician: out << "clinician-managed (reference only)\n"; break;
    case gln::dose_access::prescription: out << "prescription product (reference only)\n"; break;
  }
  if (!g.valid()) {
    write_line(out, "not resolved",
               "invalid " + std::string(gln::to_string(g.invalid_input)) + " (see findings)");
  }
  if (g.per_dose) write_line(out, "per dose", grams_range(*g.per_dose));
  if (g.doses_per_day) write_line(out, "doses a day", count_text(*g.doses_per_day));
  if (g.per_day) write_line(out, "per day", grams_range(*g.per_day));
  if (g.per_kg_day) {
    write_line(out, "per kg a day",
               format_number(g.per_kg_day->min.value()) + "-" +
                   format_number(g.per_kg_day->max.value()) + " g/kg/day");
  }
  if (g.max_per_kg_day) {
    std::string text = "at most " + format_number(g.max_per_kg_day->value()) + " g/kg/day";
    if (g.max_per_day_for_weight) {
      text += " (" + format_number(g.max_per_day_for_weight->value()) + " g/day at this weight)";
    }
    write_line(out, "ceiling", text);
  }
  if (g.weight_needed) write_line(out, "weight needed", "dosed by body weight: give --weight");
  write_line(out, "amount", g.amount);
  write_line(out, "duration", g.duration);
  write_line(out, "timing", g.timing);
  write_line(out, "sources", join_sources(g.sources));
}

void write_evidence(std::ostream& out, const gln::evidence& e) {
  out << "\nEvidence: ";
  if (!e.valid()) {
    out << "none (invalid purpose)\n";
    return;
  }
  out << gln::to_string(e.grade) << (e.sources_disagree ? " (sources disagree)" : "") << '\n';
  write_line(out, "summary", e.summary);
  write_line(out, "sources", join_sources(e.sources));
}

std::string_view status_note(gln::plan_status status) {
  switch (status) {
    case gln::plan_status::ready: return "";
    case gln::plan_status::ask_clinician_first:
      return "screening says clinician_only: no plan without a clinician";
    case gln::plan_status::do_not_start: return "screening says avoid: do not start";
    case gln::plan_status::no_self_directed_range:
      return "this purpose has no self-directed dose range";
    case gln::plan_status::invalid_input: return "an input is invalid (see findings)";
  }
  return "";
}

void write_plan(std::ostream& out, const gln::trial_plan& t) {
  const std::string_view note = status_note(t.status);
  out << "\nTrial plan: " << gln::to_string(t.status);
  if (!note.empty()) out << " (" << note << ')';
  out << '\n';
  if (t.has_dosing()) {
    write_line(
        out, "start",
        format_number(t.start_per_dose.value()) + " g " + times_a_day(t.start_doses_per_day));
    if (t.step_up_day) {
      write_line(out, "step-up",
                 "on day " + std::to_string(*t.step_up_day) + " go to " +
                     times_a_day(t.max_doses_per_day) + " if tolerated");
    }
    write_line(out, "at most", format_number(t.max_per_day.value()) + " g/day");
    write_line(out, "review",
               "day " + std::to_string(t.review_day) + ": stop if there is no clear benefit");
    if (t.hard_stop_day) write_line(out, "hard stop", "day " + std::to_string(*t.hard_stop_day));
    write_line(out, "track one of", join_names(t.outcomes));
    write_advice(out, "the rule", t.rule);
  }
  write_advice(out, "basics", t.basics);
  write_advice(out, "athletes", t.athlete_basics);
  write_advice(out, "side effects", t.side_effects);
  if (t.has_dosing()) {
    write_advice(out, "forms", t.forms);
    write_advice(out, "timing", t.timing);
    write_advice(out, "products", t.product_quality);
    write_advice(out, "context", t.context);
  }
}

void write_citations(std::ostream& out, const gln::request_answer& r) {
  out << "\nSources\n";
  // The report shows the plan's details only for a plan that is ready.
  for (gln::source id : cited_sources(r, r.plan.has_dosing())) {
    const gln::citation& c = gln::source_info(id);
    std::string text = std::string(gln::to_string(id)) + " (" +
                       std::string(gln::to_string(c.kind)) + "): " + std::string(c.text);
    if (!c.doi.empty()) text += "; doi:" + std::string(c.doi);
    if (!c.pmid.empty()) text += "; PMID " + std::string(c.pmid);
    if (!c.other_id.empty() && c.text.find(c.other_id) == std::string_view::npos) {
      text += "; " + std::string(c.other_id);
    }
    if (!c.verified) text += " (not verified)";
    out << "  ";
    write_wrapped(out, text, 2, 4);
  }
}

}  // namespace

void write_report(const gln::request& req, std::ostream& out, bool citations) {
  const gln::request_answer r = gln::answer(req);
  out << "gln-check " << gln::version << ", knowledge base v" << gln::knowledge_version
      << " (reviewed " << gln::knowledge_review_date << "). Not medical advice.\n\n";
  write_person(out, req);

  out << "\nVERDICT: " << upper(gln::to_string(r.overall)) << '\n'
      << "  (suitable < caution < clinician_only < avoid: the worst finding decides)\n";

  out << "\nScreening: " << gln::to_string(r.screening.overall) << '\n';
  if (r.screening.findings.empty()) out << "  no findings\n";
  for (const gln::finding& f : r.screening.findings) write_finding(out, f);

  if (r.check) {
    // The dose check repeats the screening findings first; show only what it adds.
    out << "\nDose check: " << gln::to_string(r.check->overall) << '\n';
    bool any = false;
    for (const gln::finding& f : r.check->findings) {
      bool screened = false;
      for (const gln::finding& s : r.screening.findings) screened = screened || s == f;
      if (screened) continue;
      write_finding(out, f);
      any = true;
    }
    if (!any) out << "  no dose findings\n";
  }

  write_dose(out, r.dose);
  write_evidence(out, r.evidence);
  write_plan(out, r.plan);
  if (citations) write_citations(out, r);
}

}  // namespace gln_check
