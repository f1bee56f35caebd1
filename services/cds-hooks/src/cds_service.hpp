#ifndef GLN_CDS_SERVICE_HPP
#define GLN_CDS_SERVICE_HPP

// The CDS Hooks 2.0 service without its HTTP server: discovery, the three hooks, feedback.
// Everything it answers is made here from request bodies; main.cpp puts it behind cpp-httplib.

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gln/fhir.hpp>

#include "audit_log.hpp"

namespace gln_cds {

struct config {
  // The screening date; empty: the service's UTC date when a request arrives.
  std::optional<gln::fhir::date> screening_date;
  // FHIR servers the service may fetch a missing prefetch from (a request's fhirServer must be
  // one of these, as gln::fhir::server_base_key reads both); none by default, so a request cannot
  // make the service call any address.
  std::vector<std::string> fhir_servers;
  int fetch_timeout_seconds = 5;  // one fetch, its whole answer (--fetch-timeout)
  int fetch_total_seconds = 10;   // all the fetches of one request (--fetch-total-timeout)
  std::size_t fetch_max_pages = 5;
  std::size_t fetch_max_bytes = 8U << 20U;
  std::size_t max_body = 4U << 20U;  // the largest request body (the HTTP server refuses more)
  // The most glutamine orders (order-select, order-sign) or glutamine medications (patient-view)
  // one request may ask to check: each is read against the whole record, so a request with
  // thousands of them held a worker for minutes. More is a 400.
  std::size_t max_glutamine_orders = 20;
  gln::policy policy{};
  std::string audit_path;  // feedback, as JSON Lines; empty: feedback is refused
};

// An HTTP answer.
struct reply {
  int status = 200;
  std::string body;
};

// A FHIR GET: status (0: no answer) and body, or an error. Replaceable for tests.
struct fetch_result {
  int status = 0;
  std::string body;
  std::string error;
};
using fetcher = std::function<fetch_result(const std::string& url, const std::string& bearer_token,
                                           std::chrono::milliseconds timeout)>;

// One service of the discovery document.
struct service_info {
  std::string id;
  std::string hook;
};

class service {
 public:
  explicit service(config settings);

  // GET /cds-services.
  const std::string& discovery() const { return discovery_; }
  // The services, by id.
  const std::vector<service_info>& services() const { return services_; }
  bool has(std::string_view id) const;

  // POST /cds-services/{id}.
  reply call(std::string_view id, std::string_view body) const;
  // POST /cds-services/{id}/feedback.
  reply feedback(std::string_view id, std::string_view body) const;

  // How the service fetches from a FHIR server (cpp-httplib by default).
  void set_fetcher(fetcher f) { fetch_ = std::move(f); }

 private:
  struct request_state;

  reply answer(const service_info& info, const nlohmann::json& request) const;
  void fetch_missing(request_state& state) const;
  void remember(const nlohmann::ordered_json& cards, std::string_view id) const;

  config settings_;
  std::vector<service_info> services_;
  std::string discovery_;
  fetcher fetch_;
  std::unique_ptr<audit_log> audit_;

  // The cards issued lately (uuid to what they said, no patient data), so feedback can name the
  // rules a clinician accepted or overrode.
  struct issued_card {
    std::string service;
    std::string overall;
    std::vector<std::string> rules;
    std::vector<std::string> suggestions;  // the UUIDs of the suggestions it offered
    std::vector<std::pair<std::string, std::string>> override_reasons;  // (system, code) offered
  };
  mutable std::mutex issued_mutex_;
  mutable std::map<std::string, issued_card> issued_;
  mutable std::deque<std::string> issued_order_;
  // The feedback interactions written (service, card, instant) and what was written of each,
  // the latest 10,000: an EHR's retry of a request is not written twice. Held while writing, so
  // two copies sent at once are written once.
  mutable std::mutex recorded_mutex_;
  mutable std::map<std::string, std::string> recorded_;
  mutable std::deque<std::string> recorded_order_;
};

// The prefetch templates of the discovery document, by key.
const std::vector<std::pair<std::string, std::string>>& prefetch_templates();

// The default fetcher: cpp-httplib's client, GET with Accept application/fhir+json and the bearer
// token when given; the whole answer within `timeout`, else an error.
fetch_result http_fetch(const std::string& url, const std::string& bearer_token,
                        std::chrono::milliseconds timeout, std::size_t max_bytes);

}  // namespace gln_cds

#endif  // GLN_CDS_SERVICE_HPP
