// The readable report of gln-check.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "request.hpp"
#include "text.hpp"

namespace gln_check {

std::string quote(std::string_view text, std::size_t max_shown) {
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
  const auto printed = [&buffer](const char* format, int precision, double number) {
    const int written = std::snprintf(buffer.data(), buffer.size(), format, precision, number);
    if (written <= 0 || static_cast<std::size_t>(written) >= buffer.size()) return std::string();
    return std::string(buffer.data(), static_cast<std::size_t>(written));
  };
  const auto says = [value](const std::string& text) {
    return !text.empty() && std::strtod(text.c_str(), nullptr) == value;
  };
  // Two decimals where they say the value exactly (62.5, 10); else the fewest digits that do,
  // up to 15: 17.9999999 years must not read 18 beside the children's rule, nor 1e-320 g read
  // 0 g, while 1.1 x 3 still reads 3.3.
  std::string out = printed("%.*f", 2, value);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  if (says(out) || !std::isfinite(value)) return out;
  for (int digits = 1; digits <= 15; ++digits) {
    out = printed("%.*g", digits, value);
    if (says(out)) return out;
  }
  return printed("%.*g", 15, value);
}

namespace {

void collect(const gln::citation_list& list, std::array<bool, gln::enum_count<gln::source>>& seen) {
  for (gln::source id : list) {
    if (gln::is_valid(id)) seen[gln::index_of(id)] = true;
  }
}

}  // namespace

std::vector<gln::source> cited_sources(const gln::assessment& a, const gln::trial_plan& plan,
                                       bool all_advice) {
  std::array<bool, gln::enum_count<gln::source>> seen{};
  for (const gln::finding& f : a.findings) collect(f.sources(), seen);
  if (a.dose) collect(a.dose->sources, seen);
  collect(a.evidence.sources, seen);
  for (const gln::advice* advice : {&plan.basics, &plan.athlete_basics, &plan.side_effects}) {
    collect(advice->sources, seen);
  }
  if (all_advice) {
    for (const gln::advice* advice :
         {&plan.rule, &plan.forms, &plan.timing, &plan.product_quality, &plan.context}) {
      collect(advice->sources, seen);
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

// A list the app knows ("none" when empty), or one it does not: "not known", with the names it
// gave as "at least".
template <class Set>
std::string known_or_not(bool known, const Set& names) {
  if (known) return join_names(names);
  return names.empty() ? std::string("not known")
                       : "not known (" + join_names(names) + " at least)";
}

// A stable name in words, for a person: "severe_kidney_disease" -> "severe kidney disease".
std::string in_words(std::string_view name) {
  std::string out(name);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string times_a_day(int doses) {
  switch (doses) {
    case 1: return "once a day";
    case 2: return "twice a day";
    default: return std::to_string(doses) + " times a day";
  }
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

// "<indent>label:   text", the label padded to `width`, the text wrapped under its first line.
void write_field(std::ostream& out, std::size_t indent, std::size_t width, std::string_view label,
                 std::string_view text) {
  if (text.empty()) return;
  out << std::string(indent, ' ') << label << ':';
  for (std::size_t i = label.size() + 1; i < width; ++i) out << ' ';
  write_wrapped(out, text, indent + std::max(width, label.size() + 1), indent + width);
}

// "  label:        text": a section's line.
void write_line(std::ostream& out, std::string_view label, std::string_view text) {
  write_field(out, 2, 15, label, text);
}

// The codes of the request behind a finding: "ICD-10-CM D57.1, SNOMED CT 19943007".
std::string codes_text(const gln::request& req, const gln::finding& f) {
  std::string out;
  for (const gln::request_code& c : gln::codes_behind(req, f)) {
    if (!out.empty()) out += ", ";
    out += std::string(gln::detail::system_label(c.system)) + " " + std::string(c.code);
  }
  return out;
}

std::string number_or_not_given(const gln::optional<double>& value) {
  return value ? format_number(*value) : "not given";
}

// "5 g x 2 a day (10 g/day) for 6 weeks"
std::string regimen_text(const gln::regimen& plan) {
  std::string text = format_number(plan.per_dose.value()) + " g x " +
                     std::to_string(plan.doses_per_day) + " a day";
  if (plan.doses_per_day > 0) text += " (" + format_number(plan.per_day().value()) + " g/day)";
  if (plan.weeks) text += " for " + format_number(*plan.weeks) + " weeks";
  return text;
}

// The input that made a finding fire, with its value: "conditions: sickle_cell_disease
// (ICD-10-CM D57.1)", "age_years: 16". Empty when the rule names no input.
std::string cause_text(const gln::request& req, const gln::finding& f) {
  const gln::cause& c = f.cause;
  if (c.field == gln::input_field::none || !gln::is_valid(c.field)) return {};
  std::string out(gln::to_string(c.field));
  const gln::profile& p = req.person;
  switch (c.field) {
    case gln::input_field::conditions:
      if (const auto which = c.which_condition()) out += ": " + std::string(gln::to_string(*which));
      break;
    case gln::input_field::medications:
      if (const auto which = c.which_medication()) {
        out += ": " + std::string(gln::to_string(*which));
      }
      break;
    case gln::input_field::age_years: out += ": " + number_or_not_given(p.age_years); break;
    case gln::input_field::weight_kg:
      out += ": " + number_or_not_given(p.weight_kg ? gln::optional<double>(p.weight_kg->value())
                                                    : gln::nullopt);
      break;
    case gln::input_field::weight_age_days:
      out += ": " + (p.weight_age_days ? std::to_string(*p.weight_age_days) : "not given");
      break;
    case gln::input_field::oversight: out += ": " + std::string(gln::to_string(p.oversight)); break;
    case gln::input_field::purpose:
      out += ": " + std::string(req.purpose ? gln::to_string(*req.purpose) : "not given");
      break;
    case gln::input_field::grams_per_dose:
    case gln::input_field::doses_per_day:
    case gln::input_field::weeks:
      // A dose rule may weigh the regimen as a whole (grams a day): show all of it.
      if (req.plan) out += " of the regimen " + regimen_text(*req.plan);
      break;
    case gln::input_field::none: break;
  }
  const std::string codes = codes_text(req, f);
  if (!codes.empty()) {
    out += f.rule == gln::rule::input_conditions_unmapped ? " (not mapped: " + codes + ")"
                                                          : " (" + codes + ")";
  }
  return out;
}

// The same for the person: "your condition: sickle cell disease", "your age".
std::string cause_words(const gln::finding& f) {
  const gln::cause& c = f.cause;
  switch (c.field) {
    case gln::input_field::conditions:
      if (const auto which = c.which_condition()) {
        return "your condition: " + in_words(gln::to_string(*which));
      }
      return "your conditions";
    case gln::input_field::medications:
      if (const auto which = c.which_medication()) {
        return "your medicine: " + in_words(gln::to_string(*which));
      }
      return "your medicines";
    case gln::input_field::age_years: return "your age";
    case gln::input_field::weight_kg: return "your weight";
    case gln::input_field::weight_age_days: return "when your weight was measured";
    case gln::input_field::oversight: return "who looks after your use of it";
    case gln::input_field::purpose: return "your goal";
    case gln::input_field::grams_per_dose:
    case gln::input_field::doses_per_day: return "the dose you plan to take";
    case gln::input_field::weeks: return "how long you plan to take it";
    case gln::input_field::none: break;
  }
  return {};
}

void write_action(std::ostream& out, const gln::assessment& a, audience who) {
  const std::string_view label = a.label();
  out << "ACTION: " << (label.empty() ? "(unknown)" : label);
  if (who == audience::professional) {
    out << " (" << gln::to_string(a.action) << ")\n  safety verdict: " << gln::to_string(a.overall)
        << " (suitable < caution < clinician_only < avoid: the worst finding decides)";
  }
  out << '\n';
}

void write_findings(std::ostream& out, const gln::request& req, const gln::assessment& a,
                    audience who) {
  if (a.findings.empty()) {
    out << (who == audience::professional ? "\nWhy: no findings\n"
                                          : "\nWhy: nothing you told us stands in the way\n");
    return;
  }
  out << "\nWhy\n";
  for (const gln::finding& f : a.findings) {
    if (who == audience::patient) {
      out << "  - ";
      write_wrapped(out, f.patient_text().view(), 4, 4);
      write_field(out, 4, 12, "because of", cause_words(f));
      continue;
    }
    out << "  - [" << gln::to_string(f.level) << "] " << f.rule_id();
    if (f.level != f.self_directed_level()) {
      out << " (" << gln::to_string(f.self_directed_level()) << " when self-directed)";
    }
    out << '\n';
    write_field(out, 6, 9, "cause", cause_text(req, f));
    write_field(out, 6, 9, "reason", f.reason().view());
    write_field(out, 6, 9, "sources", join_sources(f.sources()));
  }
}

// Why no dose is shown (assessment::dose_shown), in words.
std::string_view no_dose_text(gln::dose_status status) {
  switch (status) {
    case gln::dose_status::shown: break;
    case gln::dose_status::do_not_take: return "do not take glutamine";
    case gln::dose_status::ask_clinician: return "ask your doctor first; a clinician sets the dose";
    case gln::dose_status::not_recommended:
      return "not recommended for this goal: the evidence is insufficient or against";
    case gln::dose_status::weight_needed:
      return "this dose depends on body weight, and no current weight was given";
    case gln::dose_status::closed_by_policy:
      return "the policy in force leaves no self-directed range for this goal";
    case gln::dose_status::no_range: return "gln holds no dose range to show for this goal";
    case gln::dose_status::invalid_input: return "an input is invalid (see why)";
  }
  return "no dose to show";
}

void write_dose(std::ostream& out, const gln::assessment& a, audience who) {
  if (!a.dose) {
    out << "\nNo dose: " << no_dose_text(a.dose_shown);
    if (who == audience::professional)
      out << " (dose_shown: " << gln::to_string(a.dose_shown) << ')';
    out << '\n';
    return;
  }
  const gln::shown_dose& d = *a.dose;
  out << "\nDose: ";
  write_wrapped(out, d.summary().view(), 6, 2);
  if (who == audience::professional) write_line(out, "amount", d.amount);
  write_line(out, "duration", d.duration);
  write_line(out, "timing", d.timing);
  if (who == audience::professional) {
    write_line(out, "sources", join_sources(d.sources));
    write_line(out, "rounded", "to the half gram inside the range the rules give");
  }
}

void write_evidence(std::ostream& out, const gln::evidence& e, audience who) {
  out << "\nEvidence: ";
  if (!e.valid()) {
    out << "none (invalid purpose)\n";
    return;
  }
  out << gln::to_string(e.grade) << (e.sources_disagree ? " (sources disagree)" : "") << '\n';
  write_line(out, "summary", e.summary);
  if (who == audience::professional) write_line(out, "sources", join_sources(e.sources));
}

// The knobs a request gave, each with its unit, and the value in force where it differs: the
// reader refuses a knob effective() would put back to its default, so what differs here is a
// step-up day asked for after the review day, held to the review day (docs/knowledge.md §12).
std::string policy_text(const gln::request& req) {
  const gln::policy applied = gln::effective(req.rules);
  std::string text;
  for (std::size_t i = 0; i < gln::enum_count<gln::policy_knob>; ++i) {
    const auto knob = static_cast<gln::policy_knob>(i);
    if (!req.knob_given(knob)) continue;
    const gln::knob_info& info = gln::describe(knob);
    const bool on_off = info.unit == gln::unit::on_off;
    const auto shown = [&](double value) {
      if (on_off) return std::string(value != 0.0 ? "on" : "off");
      return format_number(value) + " " + std::string(gln::to_string(info.unit));
    };
    const double asked = gln::knob_value(req.rules, knob);
    const double used = gln::knob_value(applied, knob);
    text += (text.empty() ? "" : "; ") + std::string(gln::to_string(knob)) + " " + shown(asked);
    if (asked == used) continue;
    // A later day past the knob it may not pass is held to that knob: say which.
    if (info.at_most && used == gln::knob_value(applied, *info.at_most)) {
      text += " (held to " + std::string(gln::to_string(*info.at_most)) + ": " + shown(used) + ")";
    } else {
      text += " (not applied; in force: " + shown(used) + ")";
    }
  }
  return text;
}

// Why a plan has no dosing. A clinician is asked first for one of three reasons: the
// screening, the trial's own doses failing the dose check, or a policy that leaves no range.
std::string_view status_note(const gln::trial_plan& plan) {
  switch (plan.status) {
    case gln::plan_status::ready: return "";
    case gln::plan_status::ask_clinician_first:
      if (plan.screening_result.overall == gln::verdict::clinician_only) {
        return "screening says clinician_only: no plan without a clinician";
      }
      if (plan.start_check || plan.max_check) {
        return "the trial's doses fail the dose check for this person: a clinician sets the dose";
      }
      return "the policy in force leaves no self-directed range: a clinician sets the dose";
    case gln::plan_status::do_not_start: return "screening says avoid: do not start";
    case gln::plan_status::no_self_directed_range:
      return "this purpose has no self-directed dose range";
    case gln::plan_status::invalid_input: return "an input is invalid (see why)";
  }
  return "";
}

void write_advice(std::ostream& out, std::string_view label, const gln::advice& a, audience who) {
  if (a.text.empty()) return;
  if (who == audience::patient) {
    write_line(out, label, a.text);
  } else {
    write_line(out, label, std::string(a.text) + " [" + join_sources(a.sources) + "]");
  }
}

// The plan; for the person, only a plan that is ready (and the basics, which always hold).
void write_plan(std::ostream& out, const gln::trial_plan& t, audience who) {
  const std::string_view note = status_note(t);
  if (who == audience::professional) {
    out << "\nTrial plan: " << gln::to_string(t.status);
    if (!note.empty()) out << " (" << note << ')';
    out << '\n';
  } else {
    out << (t.has_dosing() ? "\nIf you try it\n" : "\nIn any case\n");
  }
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
    write_line(
        out, "track one of",
        who == audience::patient ? in_words(join_names(t.outcomes)) : join_names(t.outcomes));
    write_advice(out, "the rule", t.rule, who);
  }
  write_advice(out, "basics", t.basics, who);
  write_advice(out, "athletes", t.athlete_basics, who);
  if (who == audience::professional || t.has_dosing()) {
    write_advice(out, "side effects", t.side_effects, who);
  }
  if (t.has_dosing()) {
    write_advice(out, "forms", t.forms, who);
    write_advice(out, "timing", t.timing, who);
    write_advice(out, "products", t.product_quality, who);
    write_advice(out, "context", t.context, who);
  }
}

void write_person(std::ostream& out, const gln::request& req) {
  const gln::profile& p = req.person;
  std::string line = p.age_years ? "age " + format_number(*p.age_years) + " y" : "age not given";
  line += p.weight_kg ? ", weight " + format_number(p.weight_kg->value()) + " kg"
                      : ", weight not given";
  const std::string_view oversight = gln::to_string(p.oversight);
  line += ", " + (oversight.empty() ? std::string("(invalid oversight)") : std::string(oversight));
  out << "\nPerson (as read)\n";
  write_line(out, "profile", line);
  write_line(out, "conditions", known_or_not(p.conditions_known, p.conditions));
  write_line(out, "medications", known_or_not(p.medications_known, p.medications));
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
  if (req.plan) write_line(out, "regimen", regimen_text(*req.plan));
  if (req.policy_given != 0) write_line(out, "policy", policy_text(req));
}

void write_citations(std::ostream& out, const gln::assessment& a, const gln::trial_plan& plan) {
  out << "\nSources\n";
  // The report shows the plan's details only for a plan that is ready.
  for (gln::source id : cited_sources(a, plan, plan.has_dosing())) {
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

void write_report(const gln::request& req, std::ostream& out, bool citations, audience who) {
  const gln::assessment a = gln::assess(req);
  const gln::trial_plan plan = a.trial();
  out << "gln-check " << gln::version << ", knowledge base v" << gln::knowledge_version
      << " (reviewed " << gln::knowledge_review_date << "). Not medical advice.\n\n";
  write_action(out, a, who);
  write_findings(out, req, a, who);
  write_dose(out, a, who);
  write_evidence(out, a.evidence, who);
  write_plan(out, plan, who);
  write_person(out, req);
  if (citations) write_citations(out, a, plan);
}

}  // namespace gln_check
