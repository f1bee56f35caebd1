// Any bytes as a FHIR document, the way gln-cds-hooks reads a request or a FHIR server's answer:
// gln::json_document_parser accepts exactly what an independent reading accepts (nlohmann/json
// with a callback that applies the same rules) and reads the same value; an accepted object,
// read as a Bundle and as a CDS Hooks prefetch, never makes the FHIR adapter throw, and its
// cards and DetectedIssues are valid UTF-8 with a summary of at most 140 bytes.
#include <gln/fhir.hpp>
#include <gln/json/document.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"

namespace {

using nlohmann::json;

struct refused {};

// The rules of json_document_parser, applied to nlohmann's reading: one object or array, no
// duplicate key, no \u0000, no NUL byte, at most `max_depth` levels.
bool independently_accepted(std::string_view text, json& out) {
  if (text.find('\0') != std::string_view::npos) return false;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) return false;
  std::vector<std::set<std::string>> open;
  bool ok = true;
  const auto check = [&](int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        open.emplace_back();
        ok = ok && open.size() <= gln::json_document_parser::default_max_depth;
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end: open.pop_back(); break;
      case json::parse_event_t::key: {
        const auto& key = parsed.get_ref<const std::string&>();
        ok = ok && key.find('\0') == std::string::npos && open.back().insert(key).second;
        break;
      }
      case json::parse_event_t::value:
        if (parsed.is_string()) {
          ok = ok && parsed.get_ref<const std::string&>().find('\0') == std::string::npos;
        }
        break;
    }
    if (!ok) throw refused{};
    return true;
  };
  try {
    out = json::parse(text.begin(), text.end(), check);
  } catch (const refused&) {
    return false;
  } catch (const json::exception&) {
    return false;
  }
  return ok;
}

// Whether a value holds a number nlohmann read as infinite (simdjson refuses 1e400).
bool has_infinity(const json& value) {
  if (value.is_number_float()) return !std::isfinite(value.get<double>());
  if (value.is_structured()) {
    for (const json& item : value) {
      if (has_infinity(item)) return true;
    }
  }
  return false;
}

void check_answer(const gln::fhir::record& read, const gln::fhir::order_reading* order) {
  gln::fhir::record r = read;
  r.profile.oversight = gln::oversight::clinician_supervised;
  const gln::purpose p = order != nullptr ? order->purpose : gln::purpose::general_recovery;
  const gln::assessment a = order != nullptr && order->regimen
                                ? gln::assess(r.profile, p, *order->regimen)
                                : gln::assess(r.profile, p);
  gln::fhir::card_options options;
  options.make_uuid = [] { return std::string("00000000-0000-4000-8000-000000000000"); };
  for (const auto& card : gln::fhir::cds_cards(a, r, order, options)) {
    GLN_FUZZ_CHECK(card.at("summary").get<std::string>().size() <= 140);
    const std::string indicator = card.at("indicator");
    GLN_FUZZ_CHECK(indicator == "info" || indicator == "warning" || indicator == "critical");
    (void)card.dump();  // throws on invalid UTF-8: a text cut inside a character
  }
  for (const auto& issue : gln::fhir::detected_issues(a, r, order)) (void)issue.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  thread_local gln::json_document_parser parser;
  json ours;
  const auto error = parser.parse(text, ours);
  json theirs;
  const bool accepted = independently_accepted(text, theirs);
  if (error) {
    GLN_FUZZ_CHECK(ours.is_null());
    GLN_FUZZ_CHECK(!error->text().empty());
    GLN_FUZZ_CHECK(!accepted || has_infinity(theirs));
    return 0;
  }
  GLN_FUZZ_CHECK(accepted);
  GLN_FUZZ_CHECK(ours == theirs);
  if (!ours.is_object()) return 0;

  try {
    gln::fhir::read_options options;
    options.screening_date = gln::fhir::date{2026, 11, 30};
    gln::fhir::reader bundle(options);
    bundle.add_bundle(ours);
    const gln::fhir::record r = bundle.read();
    check_answer(r, nullptr);
    gln::fhir::detail::for_each_item(gln::fhir::detail::member(ours, "entry"), [&](const json& e) {
      const json* resource = gln::fhir::detail::member(e, "resource");
      if (resource == nullptr || !gln::fhir::detail::is_type(*resource, "MedicationRequest"))
        return;
      const gln::fhir::order_reading order = gln::fhir::read_order(bundle, r, *resource);
      check_answer(bundle.read(order.resource), &order);
    });
    check_answer(gln::fhir::read_prefetch(ours, options), nullptr);
  } catch (...) {
    gln_fuzz::fail("the FHIR adapter threw", __FILE__, __LINE__);
  }
  return 0;
}
