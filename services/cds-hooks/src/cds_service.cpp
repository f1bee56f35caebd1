#include "cds_service.hpp"

#include <httplib.h>

#include <gln/json/document.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
#include <regex>
#include <set>
#include <thread>
#include <utility>

namespace gln_cds {

using nlohmann::json;
using nlohmann::ordered_json;
namespace fhir = gln::fhir;

namespace {

// JSON text; bytes that are not UTF-8 (from a message that quotes bad input) are replaced.
std::string text_of(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}
std::string text_of(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

reply error_reply(int status, const std::string& message) {
  return reply{status, text_of(json{{"error", message}})};
}

// The service's own keys for the prefetch sections (gln::fhir::prefetch_keys' defaults).
const fhir::prefetch_keys keys{};

// Reads a request body or a FHIR server's answer with the strict reader of the JSON adapter,
// one per worker thread (it keeps its buffers): duplicate keys, trailing bytes, NUL bytes and
// \u0000, nesting beyond 64 levels are refused. `out` is null on an error. The sizes are
// bounded before (the HTTP server's body limit, the fetch's): `max_bytes` is the larger.
std::optional<gln::request_error> read_json(std::string_view text, json& out,
                                            std::size_t max_bytes) {
  thread_local std::unique_ptr<gln::json_document_parser> parser;
  if (!parser || parser->max_bytes() != max_bytes) {
    parser = std::make_unique<gln::json_document_parser>(max_bytes);
  }
  return parser->parse(text, out);
}

std::size_t largest_document(const config& settings) {
  return std::max(settings.max_body, settings.fetch_max_bytes);
}

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return out;
}

// A string member, or empty.
std::string_view text_at(const json& object, std::string_view key) {
  return fhir::detail::text_at(object, key);
}

// The product names and types of a NutritionOrder's supplements and enteral formula (FHIR R4)
// that name glutamine (gln::names_glutamine, or a code gln maps to a glutamine product), in
// order.
std::vector<std::string> glutamine_in_nutrition_order(const json& order) {
  using fhir::detail::member;
  std::vector<std::string> names;
  const auto consider = [&names](std::string_view text) {
    if (!text.empty() && gln::names_glutamine(text)) names.emplace_back(text);
  };
  const auto consider_concept = [&](const json* concept_json) {
    consider(fhir::detail::text_of(member(concept_json, "text")));
    fhir::detail::for_each_item(member(concept_json, "coding"), [&](const json& c) {
      const std::string_view display = fhir::detail::text_of(member(c, "display"));
      const std::string_view system = fhir::detail::text_of(member(c, "system"));
      const std::string_view code = fhir::detail::text_of(member(c, "code"));
      if (gln::code_lookup(system, code).glutamine) {
        names.emplace_back(display.empty() ? std::string(system) + " " + std::string(code)
                                           : std::string(display));
      } else {
        consider(display);
      }
    });
  };
  fhir::detail::for_each_item(member(order, "supplement"), [&](const json& supplement) {
    consider(fhir::detail::text_of(member(supplement, "productName")));
    consider_concept(member(supplement, "type"));
  });
  const json* formula = member(order, "enteralFormula");
  for (const char* key : {"baseFormulaProductName", "additiveProductName"})
    consider(fhir::detail::text_of(member(formula, key)));
  for (const char* key : {"baseFormulaType", "additiveType"})
    consider_concept(member(formula, key));
  return names;
}

// Percent-encodes a value for a query string or a path segment.
std::string url_encode(std::string_view value) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char byte : value) {
    const auto ch = static_cast<unsigned char>(byte);
    const bool plain = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                       (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~';
    if (plain) {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4U];
      out += hex[ch & 15U];
    }
  }
  return out;
}

// A UUID as the cards carry it: 8-4-4-4-12 hexadecimal digits.
bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool hex =
        (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
    if (dash ? ch != '-' : !hex) return false;
  }
  return true;
}

// An ISO 8601 instant as CDS Hooks feedback gives it (FHIR's instant): YYYY-MM-DDThh:mm:ss, an
// optional fraction, then Z or an offset.
bool is_instant(std::string_view text) {
  const auto digits = [&](std::size_t at, std::size_t count, int most) {
    if (at + count > text.size()) return false;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    return value <= most;
  };
  if (text.size() < 20 || !fhir::parse_date(text.substr(0, 10)) || text[10] != 'T' ||
      !digits(11, 2, 23) || text[13] != ':' || !digits(14, 2, 59) || text[16] != ':' ||
      !digits(17, 2, 60)) {
    return false;
  }
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    const std::size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) return false;
  }
  if (at < text.size() && text[at] == 'Z') return at + 1 == text.size();
  // An offset of at most 14:00, as FHIR's instant allows.
  return at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && digits(at + 1, 2, 14) &&
         text[at + 3] == ':' && digits(at + 4, 2, 59) &&
         !(text.substr(at + 1, 2) == "14" && text.substr(at + 4, 2) != "00");
}

// An is_instant() text as the moment it names, comparable however it is written: UTC seconds
// since 1970 and the fraction's digits without trailing zeros ("...T10:05:31Z" and
// "...T11:05:31.000+01:00" are one key).
std::string instant_key(std::string_view text) {
  const auto number = [&](std::size_t at, std::size_t count) {
    std::int64_t value = 0;
    for (std::size_t i = at; i < at + count; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  std::int64_t seconds = fhir::days_from_civil(*fhir::parse_date(text.substr(0, 10))) * 86400 +
                         number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2);
  std::size_t at = 19;
  std::string fraction;
  if (text[at] == '.') {
    while (++at < text.size() && text[at] >= '0' && text[at] <= '9') fraction += text[at];
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  if (text[at] != 'Z') {
    const std::int64_t offset = number(at + 1, 2) * 3600 + number(at + 4, 2) * 60;
    seconds += text[at] == '+' ? -offset : offset;
  }
  // A leap second (:60) is its own moment, not the next minute's first.
  return std::to_string(seconds) + "." + fraction + (number(17, 2) == 60 ? " leap" : "");
}

// A time in seconds for a message: "5 s", "1.9 s" (tenths, rounded down).
std::string seconds_text(std::chrono::milliseconds time) {
  const std::int64_t tenths = time.count() / 100;
  return std::to_string(tenths / 10) + (tenths % 10 == 0 ? "" : "." + std::to_string(tenths % 10)) +
         " s";
}

// `url` with its scheme and host in lower case (RFC 3986 §6.2.2.1: their case is
// insignificant), for the HTTP client.
std::string with_lower_case_host(std::string_view url) {
  std::string out(url);
  const std::size_t scheme_end = out.find("://");
  if (scheme_end == std::string::npos) return out;
  const std::size_t authority_end = std::min(out.find_first_of("/?#", scheme_end + 3), out.size());
  return fhir::detail::lower_ascii(out.substr(0, authority_end)) + out.substr(authority_end);
}

// Whether `url` (a next page's link) is the FHIR base `base` (a fhir::base_url_key) or a path under
// it, with any query: the page is fetched with the EHR's token, so nothing that a server could
// read as another path (a dot segment, a percent-encoded byte in the path, a fragment, a user)
// is followed.
bool on_base(std::string_view url, const std::string& base) {
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return c <= ' ' || c == '#' || c == '\\' || c >= 0x7f; })) {
    return false;
  }
  const auto key = fhir::base_url_key(url.substr(0, url.find('?')));
  return key && key->compare(0, base.size(), base) == 0 &&
         (key->size() == base.size() || (*key)[base.size()] == '/');
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& prefetch_templates() {
  static const std::vector<std::pair<std::string, std::string>> templates = {
      {keys.patient, "Patient/{{context.patientId}}"},
      {keys.conditions,
       "Condition?patient={{context.patientId}}&clinical-status=active,recurrence,relapse"},
      {keys.medications,
       "MedicationRequest?patient={{context.patientId}}&status=active&_include=MedicationRequest:"
       "medication"},
      {keys.weight,
       "Observation?patient={{context.patientId}}&code=http://loinc.org|29463-7,http://"
       "loinc.org|3141-9,"
       "http://loinc.org|3142-7,http://loinc.org|8335-2,http://loinc.org|8350-1,http://"
       "loinc.org|8351-9"
       "&_sort=-date&_count=3"},
      {keys.pregnancy_status,
       "Observation?patient={{context.patientId}}&code=http://"
       "loinc.org|82810-3&_sort=-date&_count=3"},
      {keys.procedures, "Procedure?patient={{context.patientId}}&_sort=-date&_count=100"},
      {keys.allergies, "AllergyIntolerance?patient={{context.patientId}}"},
  };
  return templates;
}

fetch_result http_fetch(const std::string& url, const std::string& bearer_token,
                        std::chrono::milliseconds timeout, std::size_t max_bytes) {
  fetch_result out{};
  // scheme://host[:port] and the rest.
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) {
    out.error = "not an absolute URL";
    return out;
  }
  const std::size_t path_start = url.find('/', scheme_end + 3);
  const std::string origin = with_lower_case_host(url.substr(0, path_start));
  const std::string path = path_start == std::string::npos ? "/" : url.substr(path_start);
  httplib::Client client(origin);
  if (!client.is_valid()) {
    out.error = "cannot connect to " + origin;
    return out;
  }
  // The client's own timeouts a second past the deadline: the watchdog below stops a slow
  // server first, and says so.
  const std::chrono::milliseconds client_timeout = timeout + std::chrono::seconds(1);
  const auto seconds = static_cast<time_t>(client_timeout.count() / 1000);
  const auto microseconds = static_cast<time_t>(client_timeout.count() % 1000 * 1000);
  client.set_connection_timeout(seconds, microseconds);
  client.set_read_timeout(seconds, microseconds);
  client.set_write_timeout(seconds, microseconds);
  client.set_follow_location(false);
  httplib::Headers headers{{"Accept", "application/fhir+json"}};
  if (!bearer_token.empty()) headers.emplace("Authorization", "Bearer " + bearer_token);
  std::string body;
  bool too_large = false;
  // The whole answer within `timeout`, however slowly it trickles in (each read's timeout
  // alone lets a server that sends a byte every few seconds hold the request for minutes): a
  // watchdog stops the client at the deadline.
  std::mutex watch_mutex;
  std::condition_variable watch_done;
  bool answered = false;
  std::atomic<bool> timed_out{false};
  std::thread watchdog([&] {
    std::unique_lock<std::mutex> lock(watch_mutex);
    if (!watch_done.wait_for(lock, timeout, [&] { return answered; })) {
      timed_out = true;
      client.stop();
    }
  });
  const auto result = client.Get(path, headers, [&](const char* data, std::size_t length) {
    if (body.size() + length > max_bytes) {
      too_large = true;
      return false;
    }
    body.append(data, length);
    return true;
  });
  {
    const std::lock_guard<std::mutex> lock(watch_mutex);
    answered = true;
  }
  watch_done.notify_one();
  watchdog.join();
  if (timed_out) {
    out.error = "no whole answer within " + seconds_text(timeout);
    return out;
  }
  if (too_large) {
    out.error = "the answer is larger than " + std::to_string(max_bytes) + " bytes";
    return out;
  }
  if (!result) {
    out.error = "no answer (" + httplib::to_string(result.error()) + ")";
    return out;
  }
  out.status = result->status;
  out.body = std::move(body);
  return out;
}

struct service::request_state {
  const service_info* info = nullptr;
  const json* request = nullptr;
  std::string patient_id;
  fhir::reader reader;
  std::deque<json> fetched;  // owns what was fetched: the reader points into it
  std::vector<std::string> not_checked;

  request_state(const service_info& i, const json& r, fhir::read_options options)
      : info(&i), request(&r), reader(std::move(options)) {}
};

service::service(config settings)
    : settings_(std::move(settings)),
      services_{{"gln-order-select", "order-select"},
                {"gln-order-sign", "order-sign"},
                {"gln-patient-view", "patient-view"}} {
  const std::size_t max_bytes = settings_.fetch_max_bytes;
  fetch_ = [max_bytes](const std::string& url, const std::string& token,
                       std::chrono::milliseconds timeout) {
    return http_fetch(url, token, timeout, max_bytes);
  };
  if (!settings_.audit_path.empty()) audit_ = std::make_unique<audit_log>(settings_.audit_path);

  ordered_json prefetch = ordered_json::object();
  for (const auto& [key, query] : prefetch_templates()) prefetch[key] = query;
  const std::string label = fhir::gln_label();
  ordered_json list = ordered_json::array();
  list.push_back(
      {{"hook", "order-select"},
       {"title", "Glutamine order check (gln)"},
       {"description",
        "When a glutamine order (Endari, L-glutamine powder) is selected: screens the patient's "
        "conditions, medications, procedures and allergies and checks the dose. " +
            label + "."},
       {"id", "gln-order-select"},
       {"prefetch", prefetch}});
  list.push_back(
      {{"hook", "order-sign"},
       {"title", "Glutamine order check at signing (gln)"},
       {"description",
        "The same check as gln-order-select, when the orders are signed. " + label + "."},
       {"id", "gln-order-sign"},
       {"prefetch", prefetch}});
  list.push_back({{"hook", "patient-view"},
                  {"title", "Glutamine the patient takes (gln)"},
                  {"description",
                   "When a chart is opened: a card if the patient has an active glutamine order "
                   "and gln finds a "
                   "problem with it. " +
                       label + "."},
                  {"id", "gln-patient-view"},
                  {"prefetch", prefetch}});
  discovery_ = ordered_json{{"services", list}}.dump();
}

bool service::has(std::string_view id) const {
  return std::any_of(services_.begin(), services_.end(),
                     [&](const service_info& s) { return s.id == id; });
}

reply service::call(std::string_view id, std::string_view body) const {
  const auto found = std::find_if(services_.begin(), services_.end(),
                                  [&](const service_info& s) { return s.id == id; });
  if (found == services_.end()) return error_reply(404, "no CDS service '" + std::string(id) + "'");
  json request;
  if (const auto error = read_json(body, request, largest_document(settings_))) {
    return error_reply(400, "the request body: " + std::string(error->text()));
  }
  // A CDS Hooks request (CDS Hooks 2.0, "Calling a CDS Service").
  if (!request.is_object()) return error_reply(400, "the request is not a JSON object");
  const json* hook = fhir::detail::member(request, "hook");
  if (hook == nullptr || !hook->is_string())
    return error_reply(400, "not a CDS Hooks request: no hook");
  if (hook->get_ref<const std::string&>() != found->hook) {
    return error_reply(400,
                       "this service answers the " + found->hook + " hook, not " + hook->dump());
  }
  const json* instance = fhir::detail::member(request, "hookInstance");
  if (instance == nullptr || !instance->is_string() ||
      instance->get_ref<const std::string&>().empty()) {
    return error_reply(400, "not a CDS Hooks request: no hookInstance");
  }
  const json* context = fhir::detail::member(request, "context");
  if (context == nullptr || !context->is_object())
    return error_reply(400, "not a CDS Hooks request: no context");
  const json* given_patient = fhir::detail::member(*context, "patientId");
  if (given_patient != nullptr && !given_patient->is_string())
    return error_reply(400, "the context's patientId is not a string");
  if (text_at(*context, "patientId").empty())
    return error_reply(400, "the context has no patientId");
  // A FHIR id ([A-Za-z0-9-.]{1,64}): anything else names no Patient/<id> a record can be
  // matched against, and would be read into the fetch queries as written.
  if (!fhir::detail::is_fhir_id(text_at(*context, "patientId"))) {
    return error_reply(400, "the context's patientId '" +
                                fhir::detail::shown(text_at(*context, "patientId")) +
                                "' is no FHIR id (1-64 letters, digits, '-' and '.')");
  }
  const json* server = fhir::detail::member(request, "fhirServer");
  if (server != nullptr && !server->is_string())
    return error_reply(400, "fhirServer is not a string");
  const json* authorization = fhir::detail::member(request, "fhirAuthorization");
  if (authorization != nullptr && !authorization->is_null()) {
    if (!authorization->is_object() || text_at(*authorization, "access_token").empty()) {
      return error_reply(400, "fhirAuthorization has no access_token");
    }
    // The token goes into an Authorization header: only RFC 6750's b64token, so that no byte of
    // it can end the header or add another (a CR LF would start a header, or a request, of the
    // sender's choosing).
    static const std::regex b64token(R"(^[A-Za-z0-9\-._~+/]+=*$)");
    const std::string access_token(text_at(*authorization, "access_token"));
    if (!std::regex_match(access_token, b64token)) {
      return error_reply(400,
                         "fhirAuthorization.access_token is not a bearer token (RFC 6750: letters, "
                         "digits, -._~+/ and trailing =)");
    }
    // The service sends the token as a bearer token (CDS Hooks: token_type is "Bearer", RFC
    // 6749 §5.1: in any case); a token of another type would be sent as what it is not.
    const json* token_type = fhir::detail::member(*authorization, "token_type");
    if (token_type != nullptr && !token_type->is_null() &&
        fhir::detail::lower_ascii(fhir::detail::text_of(token_type)) != "bearer") {
      return error_reply(400,
                         "fhirAuthorization.token_type is not Bearer: the service sends the "
                         "access_token as a bearer token only");
    }
    if (server == nullptr) return error_reply(400, "fhirAuthorization is given without fhirServer");
  }
  const json* prefetch = fhir::detail::member(request, "prefetch");
  if (prefetch != nullptr && !prefetch->is_null() && !prefetch->is_object()) {
    return error_reply(400, "prefetch is not an object");
  }
  if (found->hook != "patient-view") {
    const json* drafts = fhir::detail::member(*context, "draftOrders");
    if (drafts == nullptr || !drafts->is_object() || text_at(*drafts, "resourceType") != "Bundle") {
      return error_reply(400, "the context has no draftOrders Bundle");
    }
    // Each draft once: two orders under one reference would be checked as one or the other.
    // A draft about another patient than the context's would be checked against the wrong
    // person's record: a subject, where there is one, names Patient/<context.patientId> (a
    // draft without a subject is the context patient's), and a draft is read as written.
    std::vector<std::string> drafted;
    std::string refused;
    const std::string patient_id(text_at(*context, "patientId"));
    const json* entries = fhir::detail::member(*drafts, "entry");
    if (entries != nullptr && !entries->is_null() && !entries->is_array())
      return error_reply(400, "draftOrders.entry is not a list");
    std::size_t index = 0;
    fhir::detail::for_each_item(entries, [&](const json& e) {
      const std::string at = "draftOrders.entry[" + std::to_string(index++) + "]";
      const json* resource = fhir::detail::member(e, "resource");
      if (resource == nullptr || !resource->is_object()) {
        // An order that cannot be read would go unchecked without a word.
        if (refused.empty()) refused = at + " holds no resource";
        return;
      }
      // What it is: a resource type as FHIR writes it. "medicationrequest" would be passed over
      // as no order at all.
      const std::string_view resource_type = text_at(*resource, "resourceType");
      if (resource_type.empty()) {
        if (refused.empty()) refused = at + ": its resource has no resourceType";
        return;
      }
      for (const std::string_view known : {"MedicationRequest", "Medication", "NutritionOrder"}) {
        if (refused.empty() && resource_type != known &&
            fhir::detail::lower_ascii(resource_type) == fhir::detail::lower_ascii(known)) {
          refused = at + ": its resourceType '" + fhir::detail::shown(resource_type) + "' is not " +
                    std::string(known) + " (FHIR resource types are case-sensitive)";
        }
      }
      // Its id names it in selections and in a suggestion to delete it: a FHIR id, where given.
      const json* draft_id = fhir::detail::member(*resource, "id");
      if (refused.empty() && draft_id != nullptr && !draft_id->is_null() &&
          !fhir::detail::is_fhir_id(fhir::detail::text_of(draft_id))) {
        refused = at + ": its id " +
                  (draft_id->is_string()
                       ? "'" + fhir::detail::shown(draft_id->get_ref<const std::string&>()) + "'"
                       : draft_id->dump()) +
                  " is no FHIR id (1-64 letters, digits, '-' and '.')";
      }
      // FHIR R4: one medication[x]. An order with two names two drugs, or one and a guess.
      const auto given = [&](const char* key) {
        const json* value = fhir::detail::member(*resource, key);
        return value != nullptr && !value->is_null();
      };
      if (refused.empty() && given("medicationCodeableConcept") && given("medicationReference")) {
        refused = at +
                  ": it has both medicationCodeableConcept and medicationReference (FHIR R4: one "
                  "medication[x])";
      }
      drafted.push_back(fhir::detail::reference_of(*resource));
      // Where the EHR put it (FHIR R4 Bundle: its relative references, its Medication's
      // among them, are to that server): an entry's urn, or [fhirServer]/<type>/<id>; with no
      // fhirServer, a urn only. Another server's order is not this record's.
      if (const json* full_url = fhir::detail::member(e, "fullUrl");
          full_url != nullptr && !full_url->is_null() && refused.empty()) {
        if (!full_url->is_string()) {
          refused = at + ": its fullUrl is not a string";
          return;
        }
        const std::string_view url = fhir::detail::text_of(full_url);
        // The reader's rule for prefetched entries, with the request's server (none: "").
        const std::optional<std::string> named_server(
            server != nullptr && server->is_string() ? server->get<std::string>() : std::string());
        if (!fhir::detail::misplaced(named_server, url, url.empty(), *resource).empty()) {
          refused =
              at + ": its fullUrl '" + fhir::detail::shown(url) + "' is no urn" +
              (server != nullptr && server->is_string()
                   ? " and no URL of this " + std::string(text_at(*resource, "resourceType")) +
                         " on " + fhir::detail::shown(server->get_ref<const std::string&>())
                   : ", and the request names no fhirServer");
        }
      }
      // The patient is a `subject` (MedicationRequest, ServiceRequest) or a `patient`
      // (NutritionOrder); each one sent must name the context's.
      for (const char* key : {"subject", "patient"}) {
        const json* subject = fhir::detail::member(*resource, key);
        if (subject == nullptr || !refused.empty()) continue;
        // Patient/<id>, on the request's FHIR server where absolute (with no fhirServer, no
        // absolute reference), versioned or not, and typed Patient where typed: anything else
        // cannot be shown to be the context patient.
        static const std::regex literal(
            R"(^(?:([Hh][Tt][Tt][Pp][Ss]?://\S+)/)?Patient/([A-Za-z0-9.\-]{1,64})(?:/_history/[A-Za-z0-9.\-]{1,64})?$)");
        const std::string reference(
            fhir::detail::text_of(fhir::detail::member(subject, "reference")));
        const std::string_view type = fhir::detail::text_of(fhir::detail::member(subject, "type"));
        std::smatch parts;
        const bool patient_reference =
            std::regex_match(reference, parts, literal) &&
            (fhir::detail::member(subject, "type") == nullptr || type == "Patient") &&
            (!parts[1].matched || (server != nullptr && server->is_string() &&
                                   fhir::on_server(parts[1].str(), server->get<std::string>())));
        const std::string named = patient_reference ? parts[2].str() : std::string();
        if (named == patient_id) continue;
        refused = "draftOrders: " + drafted.back() +
                  (named.empty() ? " has a " + std::string(key) +
                                       " that is no reference to Patient/" + patient_id
                                 : " is about Patient/" + named + ", not Patient/" + patient_id) +
                  " (the context's patientId)";
      }
      // An order whose meaning a modifier changes (a modifierExtension, doNotPerform: an order
      // not to give it) would be checked as the order it is not.
      if (refused.empty()) {
        if (const std::string why = fhir::detail::unread_modifier(*resource); !why.empty())
          refused = "draftOrders: " + drafted.back() + ": " + why;
      }
    });
    if (!refused.empty()) return error_reply(400, refused);
    std::vector<std::string> sorted = drafted;
    std::sort(sorted.begin(), sorted.end());
    if (const auto twice = std::adjacent_find(sorted.begin(), sorted.end());
        twice != sorted.end()) {
      return error_reply(400, "draftOrders holds " + *twice + " twice");
    }
    const json* selections = fhir::detail::member(*context, "selections");
    if (found->hook == "order-select") {
      if (selections == nullptr || selections->is_null())
        return error_reply(400, "the context has no selections");
      if (!selections->is_array()) return error_reply(400, "context.selections is not a list");
      // A selection names a resource of draftOrders ("MedicationRequest/<id>", CDS Hooks
      // order-select): one that names none would leave its order unchecked without a word.
      std::set<std::string> selected;
      for (std::size_t i = 0; i < selections->size(); ++i) {
        const json& s = (*selections)[i];
        if (!s.is_string()) return error_reply(400, "a selection is not a string");
        if (!std::binary_search(sorted.begin(), sorted.end(), s.get<std::string>())) {
          return error_reply(400, "selections[" + std::to_string(i) +
                                      "] names no resource of draftOrders: '" +
                                      s.get<std::string>() + "'");
        }
        // A selection names an order: a resource of FHIR R4's Request pattern (its
        // implementations, hl7.org/fhir/R4/request-implementations.html). Any other (what an
        // order orders, a dispense, the patient, the record) checks nothing when selected.
        static const std::set<std::string, std::less<>> requests = {"Appointment",
                                                                    "AppointmentResponse",
                                                                    "CarePlan",
                                                                    "Claim",
                                                                    "CommunicationRequest",
                                                                    "Contract",
                                                                    "CoverageEligibilityRequest",
                                                                    "DeviceRequest",
                                                                    "EnrollmentRequest",
                                                                    "ImmunizationRecommendation",
                                                                    "MedicationRequest",
                                                                    "NutritionOrder",
                                                                    "RequestGroup",
                                                                    "ServiceRequest",
                                                                    "SupplyRequest",
                                                                    "Task",
                                                                    "VisionPrescription"};
        const std::string& named = s.get_ref<const std::string&>();
        if (requests.count(std::string_view(named).substr(0, named.find('/'))) == 0) {
          return error_reply(400, "selections[" + std::to_string(i) + "] names " + named +
                                      ", which is no order: a selection names an order");
        }
        if (!selected.insert(s.get<std::string>()).second) {
          return error_reply(400, "selections[" + std::to_string(i) + "] names " +
                                      s.get<std::string>() + " a second time");
        }
      }
    }
  }
  return answer(*found, request);
}

void service::fetch_missing(request_state& state) const {
  const json& request = *state.request;
  const std::string server(text_at(request, "fhirServer"));
  const json* authorization = fhir::detail::member(request, "fhirAuthorization");
  const std::string token(authorization != nullptr ? text_at(*authorization, "access_token")
                                                   : std::string_view{});
  const json* prefetch = fhir::detail::member(request, "prefetch");
  std::vector<std::pair<std::string, fhir::section>> missing;
  const std::pair<const std::string*, fhir::section> sections[] = {
      {&keys.patient, fhir::section::patient},
      {&keys.conditions, fhir::section::conditions},
      {&keys.medications, fhir::section::medications},
      {&keys.weight, fhir::section::weight},
      {&keys.pregnancy_status, fhir::section::pregnancy_status},
      {&keys.procedures, fhir::section::procedures},
      {&keys.allergies, fhir::section::allergies}};
  for (const auto& [key, s] : sections) {
    const bool sent = prefetch != nullptr && prefetch->is_object() && prefetch->contains(*key);
    if (!sent &&
        !(s == fhir::section::patient &&
          state.reader.status(fhir::section::patient).state == fhir::section_state::read)) {
      missing.emplace_back(*key, s);
    }
  }
  if (missing.empty()) return;
  const std::optional<std::string> base_key = fhir::server_base_key(server);
  const bool allowed =
      base_key &&
      std::any_of(settings_.fhir_servers.begin(), settings_.fhir_servers.end(),
                  [&](const std::string& p) { return fhir::server_base_key(p) == base_key; });
  if (!allowed) {
    std::string names;
    for (const auto& m : missing) names += (names.empty() ? "" : ", ") + m.first;
    state.not_checked.push_back(
        "not fetched (" + names + "): " +
        (server.empty() ? std::string("the request names no fhirServer")
                        : "the fhirServer " + server + " is not one this service may call"));
    return;
  }
  const std::string& base = *base_key;
  const auto give_up =
      std::chrono::steady_clock::now() + std::chrono::seconds(settings_.fetch_total_seconds);
  for (const auto& [key, s] : missing) {
    std::string query;
    for (const auto& [template_key, text] : prefetch_templates()) {
      if (template_key == key) query = text;
    }
    const std::string token_name = "{{context.patientId}}";
    for (std::size_t at = query.find(token_name); at != std::string::npos;
         at = query.find(token_name)) {
      query.replace(at, token_name.size(), url_encode(state.patient_id));
    }
    std::string url = base + "/" + query;
    json merged;
    json first_links;  // the first page's links: its self link says how the server sorted
    std::string problem;
    for (std::size_t page = 0; !url.empty(); ++page) {
      if (page == settings_.fetch_max_pages) {
        if (fhir::read_newest_first(s)) {
          // The pages read may answer (the reader decides): they go with their next page.
          merged["link"] = first_links;
          merged["link"].push_back({{"relation", "next"}, {"url", url}});
          break;
        }
        problem = "more than " + std::to_string(settings_.fetch_max_pages) + " pages";
        break;
      }
      // Each fetch within fetch_timeout_seconds, and all of one request's within
      // fetch_total_seconds: an EHR waits for the cards.
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          give_up - std::chrono::steady_clock::now());
      if (left.count() <= 0) {
        problem = "the FHIR server took more than " +
                  std::to_string(settings_.fetch_total_seconds) + " s in all for this request";
        break;
      }
      const fetch_result got =
          fetch_(url, token,
                 std::min<std::chrono::milliseconds>(
                     std::chrono::seconds(settings_.fetch_timeout_seconds), left));
      url.clear();
      if (!got.error.empty() && std::chrono::steady_clock::now() >= give_up) {
        problem = "the FHIR server took more than " +
                  std::to_string(settings_.fetch_total_seconds) + " s in all for this request";
        break;
      }
      if (!got.error.empty() || got.status != 200) {
        problem = got.error.empty() ? "HTTP " + std::to_string(got.status) : got.error;
        break;
      }
      json body;
      if (const auto error = read_json(got.body, body, largest_document(settings_))) {
        problem = "its answer: " + std::string(error->text());
        break;
      }
      if (!body.is_object()) {
        problem = "not a FHIR resource";
        break;
      }
      // A read (the patient) answers a resource; a search, a searchset Bundle, or an
      // OperationOutcome that says why not (read as such). Anything else is no search result.
      const std::string_view type = text_at(body, "resourceType");
      if (type != "Bundle" && (s == fhir::section::patient || type == "OperationOutcome")) {
        if (page > 0) problem = "a next page is not a Bundle";
        merged = std::move(body);
        break;
      }
      if (type != "Bundle" || text_at(body, "type") != "searchset") {
        problem = "the answer to a search is not a searchset Bundle (a '" +
                  std::string(type.empty() ? "?" : type) +
                  (type == "Bundle" ? "' of type '" + std::string(text_at(body, "type")) : "") +
                  "')";
        break;
      }
      // Each page is held to what a prefetched Bundle is: its entry and link lists, and its
      // total (the first page's, kept for the reader to compare with the entries read).
      const json* entries = fhir::detail::member(body, "entry");
      const json* links = fhir::detail::member(body, "link");
      if (entries != nullptr && !entries->is_array()) {
        problem = "a page's entry is not a list";
        break;
      }
      if (links != nullptr && !links->is_array()) {
        problem = "a page's link is not a list";
        break;
      }
      // A later page's total is the search's too (FHIR: the matches in all pages): one that is
      // no count, or not an earlier page's, leaves the search in doubt; where the first page
      // had none, it is the total the reader holds the entries to.
      const json* total = fhir::detail::member(body, "total");
      // (The first page's is the reader's to check, as a prefetch's.)
      if (!merged.is_null() && total != nullptr) {
        // FHIR's unsignedInt: an integer, so 2.0 is none.
        const bool count = total->is_number_unsigned() ||
                           (total->is_number_integer() && total->get<std::int64_t>() >= 0);
        const json* earlier = fhir::detail::member(merged, "total");
        if (!count || (earlier != nullptr && earlier->dump() != total->dump())) {
          problem = "a later page's total (" + total->dump() + ") is not " +
                    (count ? "an earlier page's (" + earlier->dump() + ")"
                           : std::string("a count of entries"));
          break;
        }
        if (earlier == nullptr) merged["total"] = *total;
      }
      // The next page, followed only on the same FHIR base; one that cannot be followed stays
      // in the result, so the reader finds the search incomplete (or, newest first, decides
      // whether the pages read answer).
      std::vector<const json*> next_pages;
      fhir::detail::for_each_item(links, [&](const json& link) {
        if (fhir::detail::lower_ascii(text_at(link, "relation")) == "next") {
          next_pages.push_back(&link);
        }
      });
      const json* unfollowed = nullptr;
      if (next_pages.size() > 1) {
        problem = "a page names more than one next page";
        break;
      }
      if (next_pages.size() == 1) {
        const json* next_url = fhir::detail::member(*next_pages.front(), "url");
        if (next_url == nullptr || !next_url->is_string() ||
            next_url->get_ref<const std::string&>().empty()) {
          problem = "a page's next link has no URL";
          break;
        }
        if (on_base(next_url->get_ref<const std::string&>(), base)) {
          url = next_url->get<std::string>();
        } else {
          unfollowed = next_pages.front();
        }
      }
      if (merged.is_null()) {
        merged = body;
        merged["entry"] = json::array();
        first_links = json::array();
        fhir::detail::for_each_item(links, [&](const json& link) {
          if (fhir::detail::lower_ascii(text_at(link, "relation")) != "next")
            first_links.push_back(link);
        });
        merged.erase("link");
      }
      if (entries != nullptr) {
        for (const json& e : *entries) merged["entry"].push_back(e);
      }
      if (unfollowed != nullptr) {
        merged["link"] = first_links;
        merged["link"].push_back(*unfollowed);
      }
    }
    if (!problem.empty()) {
      state.reader.mark_incomplete(s, "fetching it from the FHIR server failed: " + problem);
      continue;
    }
    state.fetched.push_back(std::move(merged));
    state.reader.add_section(s, state.fetched.back(), true,
                             s == fhir::section::medications ? "MedicationRequest" : "");
  }
}

reply service::answer(const service_info& info, const json& request) const {
  const json& context = *fhir::detail::member(request, "context");
  const bool patient_view = info.hook == "patient-view";

  // The draft orders to check: the selected ones (order-select), or all (order-sign).
  std::vector<const json*> drafts;
  std::vector<const json*> checked;
  // The NutritionOrders of draftOrders, each with whether it is to be checked (selected or
  // signed): gln screens none, but one that names glutamine must not pass unremarked, and is
  // glutamine already ordered for the orders that are checked.
  std::vector<std::pair<const json*, bool>> nutrition_orders;
  // Medications the draft orders may reference, with their entries' fullUrls.
  std::vector<std::pair<const json*, std::string>> draft_medications;
  if (!patient_view) {
    std::set<std::string> selections;
    fhir::detail::for_each_item(fhir::detail::member(context, "selections"),
                                [&](const json& s) { selections.insert(s.get<std::string>()); });
    fhir::detail::for_each_item(
        fhir::detail::member(*fhir::detail::member(context, "draftOrders"), "entry"),
        [&](const json& e) {
          const json* resource = fhir::detail::member(e, "resource");
          if (resource != nullptr && resource->is_object() &&
              text_at(*resource, "resourceType") == "Medication") {
            draft_medications.emplace_back(resource, std::string(text_at(e, "fullUrl")));
          }
          if (resource == nullptr || !resource->is_object()) return;
          const std::string_view type = text_at(*resource, "resourceType");
          const bool to_check = info.hook == "order-sign" ||
                                selections.count(fhir::detail::reference_of(*resource)) != 0;
          if (type == "NutritionOrder") nutrition_orders.emplace_back(resource, to_check);
          if (type != "MedicationRequest") return;
          drafts.push_back(resource);
          if (to_check) checked.push_back(resource);
        });
  }

  // The screening date: the service's option, else today (UTC), the request's time
  // (knowledge.md §2b). An order's authoredOn is not read: a draft saved long ago is signed
  // against today's record, and a date in the future, or one that is no date, is no age.
  fhir::read_options options;
  options.policy = settings_.policy;
  // Data about another patient than the context's is not used (it is reported as not checked).
  options.patient_id = std::string(text_at(context, "patientId"));
  // Data about a patient of another server is not used either.
  options.fhir_server = std::string(text_at(request, "fhirServer"));
  options.screening_date = settings_.screening_date.value_or(fhir::today_utc());

  request_state state(info, request, options);
  state.patient_id = std::string(text_at(context, "patientId"));
  if (const json* prefetch = fhir::detail::member(request, "prefetch");
      prefetch != nullptr && prefetch->is_object()) {
    state.reader.add_prefetch(*prefetch, keys);
  }
  for (const auto& [medication, full_url] : draft_medications)
    state.reader.add_draft_medication(*medication, full_url);
  // A urn reference names whatever entry holds that fullUrl, a draft's entry too.
  if (!patient_view) {
    fhir::detail::for_each_item(
        fhir::detail::member(*fhir::detail::member(context, "draftOrders"), "entry"),
        [&](const json& e) {
          const json* resource = fhir::detail::member(e, "resource");
          if (resource != nullptr) state.reader.add_entry_url(text_at(e, "fullUrl"), *resource);
        });
  }
  // Past that many different copies of one Medication the rest are not read: a glutamine copy
  // among them would leave a glutamine order unchecked, with no card at all.
  if (const std::string& many = state.reader.too_many_medication_copies(); !many.empty()) {
    return error_reply(400, "prefetch and draftOrders: " + many + " is sent in more than " +
                                std::to_string(fhir::reader::max_medication_copies) +
                                " different copies");
  }

  ordered_json cards = ordered_json::array();
  fhir::card_options card_options;
  // The card for an order (a draft, or one in the record) whose drug cannot be told: it may be
  // glutamine, and nothing was checked for it.
  const auto unidentified_card = [&card_options](const std::string& order, const std::string& why,
                                                 bool draft) {
    ordered_json card;
    card["uuid"] = card_options.make_uuid();
    card["summary"] = draft ? "gln could not tell whether this order is glutamine: what it "
                              "orders is unknown"
                            : "gln could not tell whether one of the patient's medications is "
                              "glutamine";
    card["detail"] =
        "gln checked nothing for " + fhir::markdown_text(order) + ": " + fhir::markdown_text(why) +
        (draft ? ". Send its Medication in draftOrders, or a medicationCodeableConcept."
               : ". Send its Medication in the prefetch, or a "
                 "medicationCodeableConcept.");
    card["indicator"] = "info";
    card["source"] = {{"label", card_options.source_label}};
    card["extension"] = {{"gln", {{"not_checked", {"medication"}}, {"order", order}}}};
    return card;
  };

  if (!patient_view) {
    // A NutritionOrder whose supplement or formula names glutamine: not checked, and said so.
    // Every such order, as glutamine already ordered; and those to check: reference, names.
    std::vector<fhir::medication_fact> nutrition_glutamine;
    std::vector<std::pair<std::string, std::string>> glutamine_nutrition;
    for (const auto& [order, to_check] : nutrition_orders) {
      std::string names;
      for (const std::string& name : glutamine_in_nutrition_order(*order))
        names += (names.empty() ? "" : ", ") + name;
      if (names.empty()) continue;
      const std::string reference = fhir::detail::reference_of(*order);
      nutrition_glutamine.push_back(fhir::medication_fact{
          gln::medication::supplement_stack,
          fhir::provenance{reference, names, fhir::coding{}, fhir::matched_by::medication_text}});
      if (to_check) glutamine_nutrition.emplace_back(reference, std::move(names));
    }
    // Only glutamine orders are checked: read them before fetching anything.
    std::vector<const json*> glutamine;
    const fhir::record empty{};
    for (const json* order : checked) {
      const fhir::order_reading reading = fhir::read_order(state.reader, empty, *order);
      if (reading.glutamine) glutamine.push_back(order);
      // Unknown is not "no glutamine": an order whose drug cannot be told says so.
      if (!reading.medication_unknown.empty())
        cards.push_back(unidentified_card(reading.resource, reading.medication_unknown, true));
    }
    if (glutamine.size() + glutamine_nutrition.size() > settings_.max_glutamine_orders) {
      return error_reply(
          400,
          "context.draftOrders: " + std::to_string(glutamine.size() + glutamine_nutrition.size()) +
              " glutamine orders to check, at most " +
              std::to_string(settings_.max_glutamine_orders) + " in one request");
    }
    for (const auto& [reference, names] : glutamine_nutrition) {
      ordered_json card;
      card["uuid"] = card_options.make_uuid();
      card["summary"] =
          "gln did not check this nutrition order, which names glutamine: it checks "
          "MedicationRequests only";
      card["detail"] = fhir::markdown_text(reference) + " names glutamine (" +
                       fhir::markdown_text(names) +
                       "), but gln screens and dose-checks glutamine ordered as a "
                       "MedicationRequest only: nothing was checked for this order.";
      card["indicator"] = "warning";
      card["source"] = {{"label", card_options.source_label}};
      card["extension"] = {{"gln", {{"not_checked", {"nutrition_order"}}, {"order", reference}}}};
      cards.push_back(std::move(card));
    }
    if (glutamine.empty()) {
      remember(cards, info.id);
      return reply{200, text_of(ordered_json{{"cards", cards}})};
    }
    for (const json* draft : drafts) state.reader.add_draft_order(*draft);
    fetch_missing(state);
    card_options.not_checked = state.not_checked;
    for (const json* order : glutamine) {
      const std::string reference = fhir::detail::reference_of(*order);
      fhir::record record = state.reader.read(reference);
      record.profile.oversight = gln::oversight::clinician_supervised;
      // Glutamine in a nutrition order of the same session is glutamine already ordered.
      for (const fhir::medication_fact& fact : nutrition_glutamine) {
        record.profile.medications.insert(fact.medication);
        record.medications.push_back(fact);
      }
      const fhir::order_reading reading = fhir::read_order(state.reader, record, *order);
      const gln::assessment a =
          reading.regimen
              ? gln::assess(record.profile, reading.purpose, *reading.regimen, settings_.policy)
              : gln::assess(record.profile, reading.purpose, settings_.policy);
      for (auto& card : fhir::cds_cards(a, record, &reading, card_options))
        cards.push_back(std::move(card));
    }
  } else {
    fetch_missing(state);
    card_options.not_checked = state.not_checked;
    const fhir::record whole = state.reader.read();
    if (!whole.known(fhir::section::medications)) {
      // MedicationStatements may have been read (and checked, each on a card of its own)
      // without the MedicationRequest search that makes the medications known: say which part
      // is missing, never that nothing was checked.
      ordered_json card;
      card["uuid"] = card_options.make_uuid();
      const fhir::section_status& status = whole.status(fhir::section::medications);
      const bool incomplete = status.state == fhir::section_state::incomplete;
      card["summary"] =
          incomplete ? "gln could not check all of the patient's medications for glutamine: the "
                       "medications sent are incomplete"
                     : "gln could not check the patient's medication orders for glutamine: no "
                       "MedicationRequests were sent";
      std::string detail =
          "Without the whole medication list gln cannot tell whether this patient takes "
          "glutamine: what is missing was not checked. ";
      detail += incomplete ? "The medications were incomplete: " + status.why + "."
                           : std::string(
                                 "No MedicationRequests were sent; the "
                                 "MedicationStatements sent, if any, were checked.");
      for (const std::string& line : state.not_checked)
        detail += " " + fhir::markdown_text(line) + ".";
      card["detail"] = detail;
      card["indicator"] = "info";
      card["source"] = {{"label", card_options.source_label}};
      card["extension"] = {{"gln", {{"not_checked", {"medications"}}}}};
      cards.push_back(std::move(card));
    }
    for (const fhir::skipped_entry& unknown : whole.unidentified_medications)
      cards.push_back(unidentified_card(unknown.resource, unknown.why, false));
    const auto to_check = std::count_if(whole.glutamine.begin(), whole.glutamine.end(),
                                        [](const fhir::glutamine_medication& taken) {
                                          return !taken.draft && taken.resource_json != nullptr;
                                        });
    if (static_cast<std::size_t>(to_check) > settings_.max_glutamine_orders) {
      return error_reply(400, "the patient's medications: " + std::to_string(to_check) +
                                  " glutamine orders or statements to check, at most " +
                                  std::to_string(settings_.max_glutamine_orders) +
                                  " in one request");
    }
    for (const fhir::glutamine_medication& taken : whole.glutamine) {
      if (taken.draft || taken.resource_json == nullptr) continue;
      fhir::record record = state.reader.read(taken.resource);
      record.profile.oversight = gln::oversight::clinician_supervised;
      fhir::order_reading reading = fhir::read_order(state.reader, record, *taken.resource_json);
      reading.draft = false;
      const gln::assessment a =
          reading.regimen
              ? gln::assess(record.profile, reading.purpose, *reading.regimen, settings_.policy)
              : gln::assess(record.profile, reading.purpose, settings_.policy);
      // No problem, no card; but a card that is no info all clear (a dose that could not be
      // read, allergies or a pregnancy status to review) is shown, as it is for an order.
      ordered_json made = fhir::cds_cards(a, record, &reading, card_options);
      if (a.overall == gln::verdict::suitable && made[0]["indicator"] == "info") continue;
      for (auto& card : made) cards.push_back(std::move(card));
    }
  }
  remember(cards, info.id);
  return reply{200, text_of(ordered_json{{"cards", cards}})};
}

void service::remember(const ordered_json& cards, std::string_view id) const {
  const std::lock_guard<std::mutex> lock(issued_mutex_);
  for (const auto& card : cards) {
    issued_card entry{std::string(id), {}, {}, {}, {}};
    const auto suggestions = card.find("suggestions");
    if (suggestions != card.end() && suggestions->is_array()) {
      for (const auto& suggestion : *suggestions) {
        entry.suggestions.push_back(fhir::detail::lower_ascii(suggestion.value("uuid", "")));
      }
    }
    const auto reasons = card.find("overrideReasons");
    if (reasons != card.end() && reasons->is_array()) {
      for (const auto& reason : *reasons) {
        entry.override_reasons.emplace_back(reason.value("system", ""), reason.value("code", ""));
      }
    }
    const auto extension = card.find("extension");
    if (extension != card.end() && extension->contains("gln")) {
      const auto& about = (*extension)["gln"];
      if (about.contains("overall")) entry.overall = about["overall"].get<std::string>();
      if (about.contains("rules")) entry.rules = about["rules"].get<std::vector<std::string>>();
      // A card that says only what was not checked (no verdict of its own).
      if (about.contains("not_checked") && !about.contains("overall"))
        entry.overall = "not_checked";
    }
    const std::string uuid = fhir::detail::lower_ascii(card.value("uuid", ""));
    if (uuid.empty()) continue;
    issued_[uuid] = std::move(entry);
    issued_order_.push_back(uuid);
    if (issued_order_.size() > 10000) {
      issued_.erase(issued_order_.front());
      issued_order_.pop_front();
    }
  }
}

reply service::feedback(std::string_view id, std::string_view body) const {
  if (!has(id)) return error_reply(404, "no CDS service '" + std::string(id) + "'");
  if (!audit_ || !audit_->ok())
    return error_reply(503, "feedback is not recorded by this service (no audit file)");
  json request;
  if (const auto error = read_json(body, request, largest_document(settings_))) {
    return error_reply(400, "the request body: " + std::string(error->text()));
  }
  const json* items = fhir::detail::member(request, "feedback");
  if (items == nullptr || !items->is_array())
    return error_reply(400, "not CDS Hooks feedback: no feedback array");
  // Checked whole before anything is written.
  std::vector<ordered_json> lines;
  std::vector<std::string> comments;  // each line's comment, to tell a retry from a change
  const std::string received = now_utc();
  // The override reasons the cards offer: feedback names one of them or none.
  const ordered_json offered = fhir::detail::override_reasons(fhir::card_options{});
  // A card may be acted on more than once (CDS Hooks: each interaction reported), but one
  // interaction, a card at one moment (however its outcomeTimestamp writes it), is reported
  // once: twice would count it twice.
  std::set<std::pair<std::string, std::string>> interactions;
  for (const json& item : *items) {
    if (!item.is_object()) return error_reply(400, "a feedback item is not an object");
    // A UUID is read in either case (RFC 4122 §3), kept and looked up in lower case.
    const std::string card = fhir::detail::lower_ascii(text_at(item, "card"));
    const std::string_view outcome = text_at(item, "outcome");
    const std::string_view timestamp = text_at(item, "outcomeTimestamp");
    if (!is_uuid(card)) return error_reply(400, "a feedback card is not a card's UUID");
    if (outcome != "accepted" && outcome != "overridden") {
      return error_reply(400, "a feedback outcome is neither accepted nor overridden");
    }
    if (!is_instant(timestamp)) {
      return error_reply(400,
                         "a feedback outcomeTimestamp is not an ISO 8601 instant "
                         "(2026-11-30T10:05:31Z)");
    }
    if (!interactions.emplace(card, instant_key(timestamp)).second) {
      return error_reply(
          400, "feedback reports card " + card + " at " + std::string(timestamp) + " twice");
    }
    // Only what the feedback says of the card: ids, codes and times, never patient data (a
    // user's comment may hold some: whether there was one is kept, not its words).
    ordered_json line = ordered_json::object();
    line["received"] = received;
    line["service"] = std::string(id);
    line["card"] = card;
    line["outcome"] = std::string(outcome);
    line["outcomeTimestamp"] = std::string(timestamp);
    ordered_json accepted = ordered_json::array();
    const json* suggestions = fhir::detail::member(item, "acceptedSuggestions");
    if (suggestions != nullptr && !suggestions->is_array())
      return error_reply(400, "acceptedSuggestions is not an array");
    bool bad_id = false;
    fhir::detail::for_each_item(suggestions, [&](const json& s) {
      bad_id = bad_id || !is_uuid(text_at(s, "id"));
      accepted.push_back(fhir::detail::lower_ascii(text_at(s, "id")));
    });
    if (bad_id) return error_reply(400, "an accepted suggestion's id is not a suggestion's UUID");
    if (outcome == "accepted" && accepted.empty()) {
      return error_reply(400, "an accepted outcome names no acceptedSuggestions");
    }
    // An item says one thing: the audit must not record a card both accepted and overridden.
    if (outcome == "overridden" && !accepted.empty()) {
      return error_reply(
          400, "an overridden outcome names acceptedSuggestions (only an accepted card has them)");
    }
    std::set<std::string> taken;
    for (const ordered_json& suggestion : accepted) {
      if (!taken.insert(suggestion.get<std::string>()).second) {
        return error_reply(400,
                           "acceptedSuggestions names " + suggestion.get<std::string>() + " twice");
      }
    }
    line["acceptedSuggestions"] = accepted;
    const json* override_reason = fhir::detail::member(item, "overrideReason");
    if (override_reason != nullptr && !override_reason->is_object())
      return error_reply(400, "overrideReason is not an object");
    if (override_reason != nullptr && outcome == "accepted") {
      return error_reply(
          400, "an accepted outcome has an overrideReason (only an overridden card has one)");
    }
    const json* reason = fhir::detail::member(override_reason, "reason");
    if (reason != nullptr) {
      const bool known = reason->is_object() &&
                         std::any_of(offered.begin(), offered.end(), [&](const ordered_json& o) {
                           return text_at(*reason, "system") == o["system"].get<std::string>() &&
                                  text_at(*reason, "code") == o["code"].get<std::string>();
                         });
      if (!known) {
        return error_reply(400, "overrideReason.reason is not one of the cards' override reasons");
      }
      // The coding's system and code; not its display, a text the client writes.
      line["overrideReason"] = {{"system", std::string(text_at(*reason, "system"))},
                                {"code", std::string(text_at(*reason, "code"))}};
    } else {
      line["overrideReason"] = nullptr;
    }
    line["userComment"] =
        override_reason != nullptr && !text_at(*override_reason, "userComment").empty();
    comments.emplace_back(override_reason != nullptr ? text_at(*override_reason, "userComment")
                                                     : std::string_view{});
    {
      const std::lock_guard<std::mutex> lock(issued_mutex_);
      const auto known = issued_.find(card);
      if (known != issued_.end() && known->second.service != id) {
        return error_reply(400, "card " + card + " was issued by the service " +
                                    known->second.service + ", not " + std::string(id));
      }
      // A reason given for a card this process issued is one that card offered (an info card
      // offers none).
      if (known != issued_.end() && reason != nullptr) {
        const std::pair<std::string, std::string> given{std::string(text_at(*reason, "system")),
                                                        std::string(text_at(*reason, "code"))};
        const auto& reasons = known->second.override_reasons;
        if (std::find(reasons.begin(), reasons.end(), given) == reasons.end()) {
          return error_reply(400, "overrideReason.reason is not one of the override reasons card " +
                                      card + " offered");
        }
      }
      // A suggestion of a card this process issued is one the card offered.
      for (const ordered_json& suggestion : accepted) {
        const std::string& chosen = suggestion.get_ref<const std::string&>();
        if (known != issued_.end() &&
            std::find(known->second.suggestions.begin(), known->second.suggestions.end(), chosen) ==
                known->second.suggestions.end()) {
          return error_reply(400, "acceptedSuggestions names " + chosen + ", which card " + card +
                                      " did not offer");
        }
      }
      if (known != issued_.end()) {
        line["cardOverall"] = known->second.overall;
        line["cardRules"] = known->second.rules;
      } else {
        line["cardOverall"] = nullptr;
        line["cardRules"] = nullptr;
      }
    }
    lines.push_back(std::move(line));
  }
  // A request sent again (an EHR's retry after a lost answer) reports interactions already
  // written: they are not written twice, however the moment is written. One of them with
  // another outcome, suggestions, reason or comment is refused whole: one interaction has one.
  const std::lock_guard<std::mutex> lock(recorded_mutex_);
  std::vector<std::pair<std::string, std::string>> interaction_of;  // (key, what is written)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const ordered_json& line = lines[i];
    ordered_json written = line;  // what it says, with the moment in the key
    written.erase("received");
    written.erase("outcomeTimestamp");
    // The suggestions as a set, and the comment by a hash of its words (never kept).
    std::vector<std::string> taken = written["acceptedSuggestions"];
    std::sort(taken.begin(), taken.end());
    written["acceptedSuggestions"] = taken;
    written["userComment"] = std::hash<std::string>{}(comments[i]);
    interaction_of.emplace_back(std::string(id) + " " + line["card"].get<std::string>() + " " +
                                    instant_key(line["outcomeTimestamp"].get<std::string>()),
                                written.dump());
    const auto before = recorded_.find(interaction_of.back().first);
    if (before != recorded_.end() && before->second != interaction_of.back().second) {
      return error_reply(409, "feedback reports card " + line["card"].get<std::string>() + " at " +
                                  line["outcomeTimestamp"].get<std::string>() +
                                  " again, differently from the feedback already recorded");
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& [key, written] = interaction_of[i];
    if (recorded_.count(key) != 0) continue;
    if (!audit_->append(lines[i].dump())) {
      return error_reply(500, "the feedback could not be written");
    }
    recorded_.emplace(key, written);
    recorded_order_.push_back(key);
    if (recorded_order_.size() > 10000) {
      recorded_.erase(recorded_order_.front());
      recorded_order_.pop_front();
    }
  }
  return reply{200, "{}"};
}

}  // namespace gln_cds
