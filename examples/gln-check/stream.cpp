// The --batch answer written by a streaming writer (RapidJSON's Writer into a reused buffer),
// byte for byte what result_json writes with the JSON adapter's nlohmann DOM, without building
// the DOM. Numbers are formatted by nlohmann's own shortest-round-trip formatter and a text
// RapidJSON would escape differently (a control character, bytes that are not UTF-8) is written
// by nlohmann, so the two writers cannot drift; tests/test_answer_writer.cpp compares them.
#include "stream.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include <gln/json.hpp>

#include "text.hpp"

namespace gln_check {
namespace {

constexpr std::uint64_t repeated(std::uint8_t byte) noexcept {
  return 0x0101010101010101ULL * byte;
}

// A byte of the eight is below 0x20, '"', '\\' or not ASCII.
constexpr bool any_special(std::uint64_t x) noexcept {
  constexpr std::uint64_t high = repeated(0x80);
  const auto zero_byte = [](std::uint64_t v) { return (v - repeated(0x01)) & ~v & high; };
  return ((x & high) | ((x - repeated(0x20)) & ~x & high) | zero_byte(x ^ repeated('"')) |
          zero_byte(x ^ repeated('\\'))) != 0;
}

// The length of the UTF-8 sequence at p[0..left), or 0 where it is not one (an overlong form, a
// surrogate, above U+10FFFF, cut short).
std::size_t utf8_sequence(const unsigned char* p, std::size_t left) noexcept {
  const unsigned char c = p[0];
  std::size_t length = 0;
  std::uint32_t point = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    point = c & 0x1FU;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    point = c & 0x0FU;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    point = c & 0x07U;
  } else {
    return 0;
  }
  if (left < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((p[i] & 0xC0U) != 0x80U) return 0;
    point = (point << 6U) | (p[i] & 0x3FU);
  }
  if ((length == 3 && (point < 0x800 || (point >= 0xD800 && point <= 0xDFFF))) ||
      (length == 4 && (point < 0x10000 || point > 0x10FFFF))) {
    return 0;
  }
  return length;
}

}  // namespace

void line_writer::text(std::string_view s) {
  Prefix(rapidjson::kStringType);
  const std::size_t start = os_->GetSize();
  // Each byte becomes at most two ("\\"), and the two quotes.
  char* out = os_->Push(2 * s.size() + 2);
  char* const out_start = out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = p + s.size();
  *out++ = '"';
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t eight = 0;
      std::memcpy(&eight, p, 8);
      if (!any_special(eight)) {
        std::memcpy(out, p, 8);
        out += 8;
        p += 8;
        continue;
      }
    }
    const unsigned char c = *p;
    if (c == '"' || c == '\\') {
      *out++ = '\\';
      *out++ = static_cast<char>(c);
      ++p;
    } else if (c >= 0x20 && c < 0x80) {
      *out++ = static_cast<char>(c);
      ++p;
    } else {
      const std::size_t length = c < 0x20 ? 0 : utf8_sequence(p, static_cast<std::size_t>(end - p));
      if (length == 0) {
        os_->Pop(os_->GetSize() - start);
        const std::string escaped =
            nlohmann::json(std::string(s))
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        std::memcpy(os_->Push(escaped.size()), escaped.data(), escaped.size());
        EndValue(true);
        return;
      }
      std::memcpy(out, p, length);
      out += length;
      p += length;
    }
  }
  *out++ = '"';
  os_->Pop(2 * s.size() + 2 - static_cast<std::size_t>(out - out_start));
  EndValue(true);
}

void line_writer::raw(std::string_view json_text, rapidjson::Type type) {
  Prefix(type);
  std::memcpy(os_->Push(json_text.size()), json_text.data(), json_text.size());
  EndValue(true);
}

void line_writer::name(std::string_view s) {
  Prefix(rapidjson::kStringType);
  char* out = os_->Push(s.size() + 2);
  out[0] = '"';
  std::memcpy(out + 1, s.data(), s.size());
  out[s.size() + 1] = '"';
  EndValue(true);
}

void answer_writer::string(std::string_view s) { writer_.text(s); }

void answer_writer::key(std::string_view k) {
  writer_.name(k);  // in a key's place the writer puts the ':' after it
}

void answer_writer::number(double value) {
  if (!std::isfinite(value)) {
    writer_.Null();
    return;
  }
  char digits[64];
  const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, value);
  writer_.raw({digits, static_cast<std::size_t>(end - digits)}, rapidjson::kNumberType);
}

void answer_writer::raw(std::string_view json_text) {
  writer_.raw(json_text, rapidjson::kNumberType);
}

template <class E>
void answer_writer::name(E value) {
  const std::string_view text = gln::to_string(value);
  if (text.empty()) {
    writer_.Null();
  } else {
    writer_.name(text);
  }
}

template <class E>
void answer_writer::names(const gln::enum_set<E>& set) {
  writer_.StartArray();
  for (E value : set) name(value);
  if (set.has_out_of_range()) writer_.Null();
  writer_.EndArray();
}

void answer_writer::sources(const gln::citation_list& list) {
  writer_.StartArray();
  for (gln::source id : list) name(id);
  writer_.EndArray();
}

template <class Tag>
void answer_writer::number(gln::detail::quantity<Tag> value) {
  number(value.value());
}

template <class Q>
void answer_writer::min_max(const gln::range<Q>& r) {
  writer_.StartObject();
  key("min");
  number(r.min);
  key("max");
  number(r.max);
  writer_.EndObject();
}

void answer_writer::min_max(const gln::count_range& r) {
  writer_.StartObject();
  key("min");
  writer_.Int(r.min);
  key("max");
  writer_.Int(r.max);
  writer_.EndObject();
}

template <class Optional, class Write>
void answer_writer::optional(const Optional& value, Write write) {
  if (value) {
    write(*value);
  } else {
    writer_.Null();
  }
}

void answer_writer::optional_number(const gln::optional<int>& value) {
  optional(value, [this](int v) { writer_.Int(v); });
}

void answer_writer::coding(gln::code_system system, std::string_view code) {
  writer_.StartObject();
  key("system");
  name(system);
  key("code");
  string(code);
  writer_.EndObject();
}

void answer_writer::regimen(const gln::regimen& r) {
  writer_.StartObject();
  key("grams_per_dose");
  number(r.per_dose);
  key("doses_per_day");
  writer_.Int(r.doses_per_day);
  key("weeks");
  optional(r.weeks, [this](double v) { number(v); });
  writer_.EndObject();
}

void answer_writer::request(const gln::request& r) {
  writer_.StartObject();
  key("age_years");
  optional(r.person.age_years, [this](double v) { number(v); });
  key("weight_kg");
  optional(r.person.weight_kg, [this](gln::kilograms v) { number(v); });
  key("weight_age_days");
  optional_number(r.person.weight_age_days);
  key("conditions");
  if (r.conditions_null) {
    writer_.Null();
  } else {
    names(r.person.conditions);
  }
  key("medications");
  if (r.medications_null) {
    writer_.Null();
  } else {
    names(r.person.medications);
  }
  key("icd10");
  if (r.icd10_null) {
    writer_.Null();
  } else {
    writer_.StartArray();
    for (const std::string& code : r.icd10) string(code);
    writer_.EndArray();
  }
  key("codes");
  if (r.codes_null) {
    writer_.Null();
  } else {
    writer_.StartArray();
    for (const gln::request_coding& c : r.codes) coding(c.system, c.code);
    writer_.EndArray();
  }
  key("oversight");
  name(r.person.oversight);
  key("purpose");
  optional(r.purpose, [this](gln::purpose p) { name(p); });
  key("regimen");
  optional(r.plan, [this](const gln::regimen& plan) { regimen(plan); });
  key("policy");
  writer_.StartObject();
  for (std::size_t i = 0; i < gln::enum_count<gln::policy_knob>; ++i) {
    const auto knob = static_cast<gln::policy_knob>(i);
    if (r.knob_given(knob)) {
      key(gln::to_string(knob));
      number(gln::knob_value(r.rules, knob));
    }
  }
  writer_.EndObject();
  writer_.EndObject();
}

// As the adapter's object does: each name once, where it first appears, with its last value.
void answer_writer::arguments(const gln::text_arguments& args) {
  writer_.StartObject();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg_name = args[i].name;
    if (arg_name.empty()) continue;
    bool seen = false;
    for (std::size_t k = 0; k < i && !seen; ++k) seen = args[k].name == arg_name;
    if (seen) continue;
    double value = args[i].value;
    for (std::size_t k = i + 1; k < args.size(); ++k) {
      if (args[k].name == arg_name) value = args[k].value;
    }
    key(arg_name);
    number(value);
  }
  writer_.EndObject();
}

void answer_writer::finding_texts(const gln::finding& f) {
  const auto write = [this, &f] {
    string(f.reason().view());
    key("patient_text");
    string(f.patient_text().view());
    key("reason_key");
    string(f.reason_key().view());
    key("patient_key");
    string(f.patient_key().view());
  };
  if (!gln::is_valid(f.rule)) {
    write();
    return;
  }
  written_texts& w = texts_written_[gln::index_of(f.rule)];
  const auto same = [](std::string_view a, std::string_view b) {
    return a.data() == b.data() && a.size() == b.size();
  };
  if (!w.json.empty() && same(w.reason, f.reason_template()) &&
      same(w.patient, f.patient_template()) && same(w.frame, f.patient_frame_template()) &&
      w.arguments == f.arguments) {
    // The texts are written after "reason"'s ':' and end the value of "patient_key".
    writer_.raw(w.json, rapidjson::kStringType);
    writer_.skip_values(6);
    return;
  }
  const std::size_t start = buffer_.GetSize() + 1;
  write();
  w = {f.reason_template(), f.patient_template(), f.patient_frame_template(), f.arguments,
       std::string(buffer_.GetString() + start, buffer_.GetSize() - start)};
}

void answer_writer::finding(const gln::request& r, const gln::finding& f) {
  writer_.StartObject();
  key("rule");
  name(f.rule);
  key("level");
  name(f.level);
  key("self_directed_level");
  name(f.self_directed_level());
  key("reason");
  finding_texts(f);
  key("arguments");
  arguments(f.arguments);
  key("cause");
  writer_.StartObject();
  key("field");
  if (f.cause.field == gln::input_field::none) {
    writer_.Null();
  } else {
    name(f.cause.field);
  }
  key("member");
  if (const auto which = f.cause.which_condition()) {
    name(*which);
  } else if (const auto medication = f.cause.which_medication()) {
    name(*medication);
  } else {
    writer_.Null();
  }
  key("codes");
  writer_.StartArray();
  for (const gln::request_code& c : gln::codes_behind(r, f)) {
    if (c.from_icd10) {
      string(c.code);
    } else {
      coding(c.system, c.code);
    }
  }
  writer_.EndArray();
  writer_.EndObject();
  key("sources");
  sources(f.sources());
  key("field");
  if (f.field == gln::input_field::none) {
    writer_.Null();
  } else {
    name(f.field);
  }
  writer_.EndObject();
}

void answer_writer::advice(const gln::advice& a) {
  if (a.text.empty()) {
    writer_.Null();
    return;
  }
  const auto same_sources = [&a](const gln::citation_list& list) {
    return list.size() == a.sources.size() &&
           std::equal(list.begin(), list.begin() + list.size(), a.sources.begin());
  };
  for (const written_advice& w : advice_written_) {
    if (w.text.data() == a.text.data() && w.text.size() == a.text.size() &&
        same_sources(w.sources)) {
      writer_.raw(w.json, rapidjson::kObjectType);
      return;
    }
  }
  // Advice is always a member's value: the writer puts one ':' before it.
  const std::size_t start = buffer_.GetSize() + 1;
  write_advice(a);
  if (advice_written_.size() < 64) {
    advice_written_.push_back(
        {a.text, a.sources, std::string(buffer_.GetString() + start, buffer_.GetSize() - start)});
  }
}

void answer_writer::write_advice(const gln::advice& a) {
  writer_.StartObject();
  key("text");
  string(a.text);
  key("sources");
  sources(a.sources);
  writer_.EndObject();
}

void answer_writer::regimen_check(const gln::regimen_check& c) {
  writer_.StartObject();
  key("regimen");
  regimen(c.regimen);
  key("overall");
  name(c.overall);
  key("fired");
  names(c.fired);
  writer_.EndObject();
}

// The adapter's trial plan without its screening (the answer's findings say it).
void answer_writer::trial_plan(const gln::trial_plan& t) {
  writer_.StartObject();
  key("purpose");
  name(t.purpose);
  key("status");
  name(t.status);
  key("dosing");
  if (t.has_dosing()) {
    writer_.StartObject();
    key("start_per_dose_g");
    number(t.start_per_dose);
    key("start_doses_per_day");
    writer_.Int(t.start_doses_per_day);
    key("max_doses_per_day");
    writer_.Int(t.max_doses_per_day);
    key("max_per_day_g");
    number(t.max_per_day);
    key("more_needs_clinician");
    writer_.Bool(t.more_needs_clinician);
    key("step_up_day");
    optional_number(t.step_up_day);
    key("review_day");
    writer_.Int(t.review_day);
    key("hard_stop_day");
    optional_number(t.hard_stop_day);
    writer_.EndObject();
  } else {
    writer_.Null();
  }
  const auto check = [this](const gln::regimen_check& c) { regimen_check(c); };
  key("start_check");
  optional(t.start_check, check);
  key("max_check");
  optional(t.max_check, check);
  key("outcomes");
  names(t.outcomes);
  key("protein_g_per_kg_day");
  optional(t.protein_g_per_kg_day, [this](const gln::range<double>& r) { min_max(r); });
  key("advice");
  writer_.StartObject();
  key("rule");
  advice(t.rule);
  key("basics");
  advice(t.basics);
  key("athlete_basics");
  advice(t.athlete_basics);
  key("side_effects");
  advice(t.side_effects);
  key("forms");
  advice(t.forms);
  key("timing");
  advice(t.timing);
  key("product_quality");
  advice(t.product_quality);
  key("context");
  advice(t.context);
  writer_.EndObject();
  writer_.EndObject();
}

void answer_writer::dose(const gln::shown_dose& d) {
  const auto grams_range = [this](const gln::range<gln::grams>& r) { min_max(r); };
  writer_.StartObject();
  key("summary");
  string(d.summary().view());
  key("per_dose_g");
  optional(d.per_dose, grams_range);
  key("doses_per_day");
  optional(d.doses_per_day, [this](const gln::count_range& r) { min_max(r); });
  key("per_day_g");
  optional(d.per_day, grams_range);
  key("clinician_above_per_day_g");
  optional(d.clinician_above_per_day, [this](gln::grams g) { number(g); });
  key("amount");
  string(d.amount);
  key("duration");
  string(d.duration);
  key("timing");
  string(d.timing);
  key("sources");
  sources(d.sources);
  writer_.EndObject();
}

void answer_writer::evidence(const gln::evidence& e) {
  writer_.StartObject();
  key("purpose");
  name(e.purpose);
  key("grade");
  name(e.grade);
  key("sources_disagree");
  writer_.Bool(e.sources_disagree);
  key("summary");
  string(e.summary);
  key("sources");
  sources(e.sources);
  key("valid");
  writer_.Bool(e.valid());
  key("invalid_input");
  if (e.valid()) {
    writer_.Null();
  } else {
    name(e.invalid_input);
  }
  writer_.EndObject();
}

void answer_writer::citation(const gln::citation& c) {
  const auto text_or_null = [this](std::string_view text) {
    if (text.empty()) {
      writer_.Null();
    } else {
      string(text);
    }
  };
  writer_.StartObject();
  key("id");
  name(c.id);
  key("kind");
  name(c.kind);
  key("text");
  string(c.text);
  key("year");
  if (c.year > 0) {
    writer_.Int(c.year);
  } else {
    writer_.Null();
  }
  key("doi");
  text_or_null(c.doi);
  key("pmid");
  text_or_null(c.pmid);
  key("other_id");
  text_or_null(c.other_id);
  key("verified");
  writer_.Bool(c.verified);
  key("retracted");
  writer_.Bool(c.retracted);
  writer_.EndObject();
}

void answer_writer::begin_line() {
  buffer_.Clear();
  writer_.Reset(buffer_);
}

bool valid_utf8(std::string_view text) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = p + text.size();
  while (p < end) {
    const std::size_t length = *p < 0x80 ? 1 : utf8_sequence(p, static_cast<std::size_t>(end - p));
    if (length == 0) return false;
    p += length;
  }
  return true;
}

std::string_view answer_writer::line() const noexcept {
  return {buffer_.GetString(), buffer_.GetSize()};
}

std::string_view answer_writer::full(const gln::request& req, bool citations) {
  const gln::assessment a = gln::assess(req);
  begin_line();
  writer_.StartObject();
  key("id");
  raw(req.id);
  key("gln_version");
  string(gln::version);
  key("knowledge_version");
  writer_.Int64(gln::knowledge_version);
  key("knowledge_review_date");
  string(gln::knowledge_review_date);
  key("request");
  request(req);
  key("unmapped_codes");
  writer_.StartArray();
  for (const std::string& code : req.unmapped_icd10) string(code);
  for (const gln::request_coding& c : req.unmapped_codes) coding(c.system, c.code);
  writer_.EndArray();

  key("answer");
  writer_.StartObject();
  key("action");
  name(a.action);
  key("label");
  if (a.label().empty()) {
    writer_.Null();
  } else {
    string(a.label());
  }
  key("overall");
  name(a.overall);
  key("valid");
  writer_.Bool(a.valid());
  key("purpose");
  name(a.purpose);
  key("oversight");
  name(a.oversight);
  key("findings");
  writer_.StartArray();
  for (const gln::finding& f : a.findings) finding(req, f);
  writer_.EndArray();
  key("dose_shown");
  name(a.dose_shown);
  key("dose");
  optional(a.dose, [this](const gln::shown_dose& d) { dose(d); });
  key("evidence");
  evidence(a.evidence);
  key("regimen");
  optional(a.regimen, [this](const gln::regimen& r) { regimen(r); });
  key("trial_plan");
  const gln::trial_plan plan = a.trial();
  trial_plan(plan);
  if (citations) {
    key("citations");
    writer_.StartObject();
    for (gln::source id : cited_sources(a, plan, true)) {
      key(gln::to_string(id));
      citation(gln::source_info(id));
    }
    writer_.EndObject();
  }
  writer_.EndObject();
  writer_.EndObject();
  return line();
}

std::string_view answer_writer::compact(const gln::request& req) {
  const gln::assessment a = gln::assess(req);
  begin_line();
  writer_.StartObject();
  key("id");
  raw(req.id);
  key("action");
  name(a.action);
  key("overall");
  name(a.overall);
  key("rules");
  writer_.StartArray();
  for (const gln::finding& f : a.findings) name(f.rule);
  writer_.EndArray();
  writer_.EndObject();
  return line();
}

std::string_view answer_writer::wrap(std::string_view wrap_key, std::string_view text) {
  // The text may be this writer's own line: copied out before the buffer is reused.
  wrapped_.assign(text.data(), text.size());
  begin_line();
  writer_.StartObject();
  string(wrap_key);  // a key, given by the user
  string(wrapped_);
  writer_.EndObject();
  return line();
}

}  // namespace gln_check
