// gln-cds-hooks over HTTP: each test starts the real service on a free loopback port and talks
// to it with cpp-httplib's client, as an EHR would. A fake FHIR server, started here on loopback
// too, serves what the service fetches.
#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <gln/fhir/read.hpp>
#include "catch.hpp"
#include "fhir_test_support.hpp"

#if GLN_CDS_HAVE_JWT
#include <jwt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#endif

extern char** environ;

namespace {

using gln_fhir_test::json;

// A new, empty directory for one run of the service: <test dir>/<kind>-<pid>-<n>.
std::string fresh_run_dir(const char* kind) {
  static std::atomic<int> count{0};
  const std::string dir = std::string(GLN_CDS_TEST_DIR) + "/" + kind + "-" +
                          std::to_string(::getpid()) + "-" + std::to_string(count++);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Starts the service with --port 0 and `arguments`, its stdout and stderr in files of `dir`.
pid_t spawn_service(const std::string& dir, std::vector<std::string> arguments) {
  std::vector<std::string> args{GLN_CDS_SERVICE, "--port", "0"};
  args.insert(args.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, (dir + "/stdout").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, (dir + "/stderr").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE(spawned == 0);
  return pid;
}

// The service, started with `arguments` (and --port 0 --port-file), stopped with SIGTERM.
class running_service {
 public:
  explicit running_service(std::vector<std::string> arguments = {}) {
    dir_ = fresh_run_dir("run");
    const std::string port_file = dir_ + "/port";
    arguments.insert(arguments.begin(), {"--port-file", port_file});
    pid_ = spawn_service(dir_, std::move(arguments));
    for (int i = 0; i < 400 && port_ == 0; ++i) {
      std::ifstream in(port_file);
      if (!(in >> port_)) port_ = 0;
      int status = 0;
      if (port_ == 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        FAIL("the service exited at start: " << gln_fhir_test::read_text(dir_ + "/stderr"));
      }
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    REQUIRE(port_ > 0);
  }
  running_service(const running_service&) = delete;
  running_service& operator=(const running_service&) = delete;

  ~running_service() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 400; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        // A clean stop: exit 0 (under the sanitizers, no leak either).
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
          UNSCOPED_INFO(gln_fhir_test::read_text(dir_ + "/stderr"));
        }
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
    FAIL_CHECK("the service did not stop on SIGTERM within 10 s");
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& dir() const { return dir_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string stdout_text() const { return gln_fhir_test::read_text(dir_ + "/stdout"); }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// The exit status and stderr of the service started with `arguments` that must refuse to start:
// -1 when it is still running after 10 s (then stopped).
std::pair<int, std::string> refused_start(const std::vector<std::string>& arguments) {
  const std::string dir = fresh_run_dir("refused");
  const pid_t pid = spawn_service(dir, arguments);
  int status = 0;
  for (int i = 0; i < 400; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      return {WIFEXITED(status) ? WEXITSTATUS(status) : -1,
              gln_fhir_test::read_text(dir + "/stderr")};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return {-1, gln_fhir_test::read_text(dir + "/stderr")};
}

// Sends `bytes` as they are on a new connection and returns the first answer (its status line,
// headers and Content-Length bytes of body), or with `until_closed` all it reads until the
// service closes the connection. For requests a client library would not send.
std::string raw_exchange(int port, const std::string& bytes, bool until_closed = false) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  timeval wait{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  REQUIRE(::send(fd, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
  std::string answer;
  char buffer[4096];
  for (;;) {
    const std::size_t head_end = answer.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      const std::size_t length_at = answer.find("Content-Length: ");
      const std::size_t length =
          length_at < head_end ? std::stoul(answer.substr(length_at + 16)) : 0;
      if (!until_closed && answer.size() >= head_end + 4 + length) {
        answer.resize(head_end + 4 + length);
        break;
      }
    }
    const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
    if (got < 0) FAIL_CHECK("no answer within 10 s, or the connection was not closed");
    if (got <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(fd);
  return answer;
}

struct response {
  int status = 0;
  json body;
  std::string text;
  httplib::Headers headers;
};

response post(const running_service& s, const std::string& path, const std::string& body,
              const httplib::Headers& headers = {}) {
  auto c = s.client();
  const auto r = c.Post(path.c_str(), headers, body, "application/json");
  REQUIRE(r);
  response out{r->status, gln_fhir_test::parse(r->body), r->body, r->headers};
  return out;
}

response post(const running_service& s, const std::string& path, const json& body) {
  return post(s, path, body.dump());
}

// The main card of an answer (the first), and the rules it names.
std::set<std::string> rules_of(const json& card) {
  std::set<std::string> out;
  for (const auto& rule : card["extension"]["gln"]["rules"]) out.insert(rule.get<std::string>());
  return out;
}

// Whether a card's Markdown detail says `text`.
bool detail_says(const json& card, const std::string& text) {
  return card["detail"].get<std::string>().find(text) != std::string::npos;
}

std::vector<std::string> fixed_date() { return {"--screening-date", "2026-11-30"}; }

// An order-select request built from a Synthea bundle as an EHR would answer the discovery's
// prefetch templates: the patient, every Condition, the MedicationRequests with the Medications
// they reference, the body weights (latest first); no procedures, allergies or pregnancy status.
// The draft order is L-glutamine oral powder by RxNorm 1869684, 5 g twice a day.
json order_select_for(const json& bundle, const std::string& patient) {
  json conditions = json::array();
  json medications = json::array();
  json included = json::array();
  json weights = json::array();
  json patient_resource;
  for (const auto& entry : bundle["entry"]) {
    const json& r = entry["resource"];
    const std::string type = r["resourceType"];
    if (type == "Patient") patient_resource = r;
    if (type == "Condition") conditions.push_back(r);
    if (type == "MedicationRequest") medications.push_back(r);
    if (type == "Medication") included.push_back(r);
    if (type == "Observation") weights.push_back(r);
  }
  std::sort(weights.begin(), weights.end(), [](const json& a, const json& b) {
    return a["effectiveDateTime"].get<std::string>() > b["effectiveDateTime"].get<std::string>();
  });
  json medication_bundle = gln_fhir_test::searchset(medications);
  for (const json& m : included)
    medication_bundle["entry"].push_back({{"resource", m}, {"search", {{"mode", "include"}}}});
  const std::string draft_id = "gln-draft-" + patient;
  const json dose = {
      {"value", 5}, {"unit", "g"}, {"system", "http://unitsofmeasure.org"}, {"code", "g"}};
  const json draft = {
      {"resourceType", "MedicationRequest"},
      {"id", draft_id},
      {"status", "draft"},
      {"intent", "order"},
      {"medicationCodeableConcept",
       {{"coding", json::array({gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm",
                                                      "1869684")})},
        {"text", "L-glutamine oral powder 5 g per packet"}}},
      {"subject", {{"reference", "Patient/" + patient}}},
      {"authoredOn", "2026-11-30"},
      {"dosageInstruction",
       json::array(
           {{{"text", "5 g by mouth twice daily"},
             {"timing", {{"repeat", {{"frequency", 2}, {"period", 1}, {"periodUnit", "d"}}}}},
             {"doseAndRate", json::array({{{"doseQuantity", dose}}})}}})}};
  return {{"hook", "order-select"},
          {"hookInstance",
           "5b8e3f0a-6d1c-4e2b-9a7f-" + std::string(12 - patient.size(), '0') + patient},
          {"fhirServer", "https://example.org/fhir"},
          {"context",
           {{"userId", "Practitioner/gln-test-prescriber"},
            {"patientId", patient},
            {"selections", json::array({"MedicationRequest/" + draft_id})},
            {"draftOrders", gln_fhir_test::collection(json::array({draft}))}}},
          {"prefetch",
           {{"patient", patient_resource},
            {"conditions", gln_fhir_test::searchset(conditions)},
            {"medications", medication_bundle},
            {"weight", gln_fhir_test::searchset(weights)}}}};
}

// A FHIR server on loopback for the service to fetch from: it answers searches from one bundle
// and records each request's path and Authorization header.
class fake_fhir_server {
 public:
  explicit fake_fhir_server(json bundle) : bundle_(std::move(bundle)) {
    server_.Get(R"(/fhir/([A-Za-z]+)(/[^/?]+)?)", [this](const httplib::Request& request,
                                                         httplib::Response& reply) {
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        seen_.push_back({request.path, request.get_header_value("Authorization")});
      }
      const std::string type = request.matches[1].str();
      if (failing_ == type) {
        reply.status = 500;
        return;
      }
      if (slow_.count(type) > 0) {
        // A byte a second: each read is quick, the whole answer never comes in time.
        reply.set_chunked_content_provider("application/fhir+json",
                                           [](std::size_t sent, httplib::DataSink& sink) {
                                             if (sent >= 60) return false;
                                             std::this_thread::sleep_for(std::chrono::seconds(1));
                                             return sink.write(" ", 1);
                                           });
        return;
      }
      if (type == "Condition") {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!condition_later_page_.is_null() && request.has_param("page")) {
          reply.set_content(condition_later_page_.dump(), "application/fhir+json");
          return;
        }
        if (!condition_page_.is_null()) {
          reply.set_content(condition_page_.dump(), "application/fhir+json");
          return;
        }
      }
      if (type == "Patient") {
        for (const auto& e : bundle_["entry"]) {
          if (e["resource"]["resourceType"] == "Patient")
            reply.set_content(e["resource"].dump(), "application/fhir+json");
        }
        return;
      }
      json matches = json::array();
      for (const auto& e : bundle_["entry"]) {
        if (e["resource"]["resourceType"] == type) matches.push_back(e["resource"]);
      }
      if (type == "Observation" &&
          request.get_param_value("code").find("82810-3") != std::string::npos) {
        matches = json::array();
      }
      if (type == "Observation" && weights_paged_ &&
          request.get_param_value("code").find("29463-7") != std::string::npos) {
        // One weight a page, newest first, and always a next page: more pages than the service
        // follows.
        const int page = request.has_param("page") ? std::stoi(request.get_param_value("page")) : 1;
        json page_bundle = gln_fhir_test::searchset(
            json::array({gln_fhir_test::weight("w" + std::to_string(page), 70.0 + page, "kg",
                                               "2026-11-" + std::to_string(30 - page))}));
        page_bundle.erase("total");
        page_bundle["link"] = json::array(
            {{{"relation", "self"},
              {"url", base() + "/Observation?patient=x&code=29463-7&_sort=-date&_count=1&page=" +
                          std::to_string(page)}},
             {{"relation", "next"},
              {"url", base() + "/Observation?patient=x&code=29463-7&_sort=-date&_count=1&page=" +
                          std::to_string(page + 1)}}});
        reply.set_content(page_bundle.dump(), "application/fhir+json");
        return;
      }
      if (type == "Condition" && paged_ && request.has_param("page")) {
        json last_page = gln_fhir_test::searchset(json::array({matches.back()}));
        last_page.erase("total");  // one page's count is not the search's
        reply.set_content(last_page.dump(), "application/fhir+json");
        return;
      }
      json result;
      if (type == "Condition" && paged_) {
        matches.erase(matches.end() - 1);
        result = gln_fhir_test::searchset(matches);
        result.erase("total");
        // "Next": link relations are case-insensitive (RFC 8288), and "next" is read the same.
        result["link"] =
            json::array({{{"relation", "Next"}, {"url", base() + "/Condition?patient=x&page=2"}}});
      } else {
        result = gln_fhir_test::searchset(matches);
      }
      reply.set_content(result.dump(), "application/fhir+json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~fake_fhir_server() {
    server_.stop();
    thread_.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_) + "/fhir"; }
  void fail(const std::string& type) { failing_ = type; }
  // Searches of `type` answer a byte a second.
  void trickle(const std::string& type) { slow_.insert(type); }
  // Every Condition search answers `page`.
  void answer_conditions_with(json page) {
    const std::lock_guard<std::mutex> lock(mutex_);
    condition_page_ = std::move(page);
  }
  // Condition searches answer `first`, and `later` where they ask for a page.
  void answer_condition_pages_with(json first, json later) {
    const std::lock_guard<std::mutex> lock(mutex_);
    condition_page_ = std::move(first);
    condition_later_page_ = std::move(later);
  }
  void page_conditions() { paged_ = true; }
  void page_weights() { weights_paged_ = true; }
  std::vector<std::pair<std::string, std::string>> seen() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

 private:
  json bundle_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::string failing_;
  json condition_page_;
  json condition_later_page_;
  std::set<std::string> slow_;
  bool paged_ = false;
  bool weights_paged_ = false;
  std::mutex mutex_;
  std::vector<std::pair<std::string, std::string>> seen_;
};

}  // namespace

TEST_CASE("cds: discovery, health, loopback by default, CORS") {
  running_service service(fixed_date());
  CHECK(service.stdout_text().find("listening on http://127.0.0.1:") != std::string::npos);
  auto client = service.client();
  const auto discovery = client.Get("/cds-services");
  REQUIRE(discovery);
  CHECK(discovery->status == 200);
  const json services = gln_fhir_test::parse(discovery->body)["services"];
  std::map<std::string, std::string> hooks;
  for (const auto& s : services) {
    hooks[s["id"]] = s["hook"];
    CHECK_FALSE(s["description"].get<std::string>().empty());
    // The prefetch templates of the issue: patient, active conditions, active medications, the
    // latest body weight (and procedures, allergies, pregnancy status).
    CHECK(s["prefetch"]["patient"] == "Patient/{{context.patientId}}");
    CHECK(s["prefetch"]["conditions"].get<std::string>().rfind(
              "Condition?patient={{context.patientId}}", 0) == 0);
    CHECK(s["prefetch"]["medications"].get<std::string>().find("status=active") !=
          std::string::npos);
    CHECK(s["prefetch"]["weight"].get<std::string>().find("29463-7") != std::string::npos);
  }
  CHECK(hooks == std::map<std::string, std::string>{{"gln-order-select", "order-select"},
                                                    {"gln-order-sign", "order-sign"},
                                                    {"gln-patient-view", "patient-view"}});
  CHECK(discovery->get_header_value("Access-Control-Allow-Origin") == "*");

  const auto health = client.Get("/health");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(gln_fhir_test::parse(health->body)["status"] == "ok");

  // A second service on the same port fails at once (no shared port).
  const std::string second = "timeout 20 " + std::string(GLN_CDS_SERVICE) + " --port " +
                             std::to_string(service.port()) + " >/dev/null 2>&1";
  const int status = std::system(second.c_str());
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);

  const auto preflight = client.Options("/cds-services/gln-order-select");
  REQUIRE(preflight);
  // 200: cpp-httplib writes a Content-Length, which a 204 must not carry (RFC 9110 §8.6).
  CHECK(preflight->status == 200);
  CHECK(preflight->body.empty());
  CHECK(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization") !=
        std::string::npos);
  CHECK(preflight->get_header_value("Access-Control-Allow-Methods").find("POST") !=
        std::string::npos);
}

// The expected answer for an order-select of L-glutamine 5 g twice a day (general_recovery,
// under clinician supervision, 2026-11-30) built from each Synthea record, from its MANIFEST line
// and knowledge.md: §2b for what the record maps to, §4 and §6 for the rules. 10 g/day always
// gives the dose.gi_effects_likely note; the 2018-2021 weights are stale (input.weight_stale);
// every record but test04, test09, test10 and test11 has active conditions gln does not map.
TEST_CASE("cds: an order-select from each Synthea record") {
  struct expected {
    const char* patient;
    const char* indicator;
    const char* overall;
    std::set<std::string> rules;
    // The record's words for the worst finding, which the summary names (MANIFEST displays);
    // empty where no single record fact is the cause.
    const char* names = "";
  };
  const std::string gi = "dose.gi_effects_likely";
  const std::string stale = "input.weight_stale";
  const std::string unmapped = "input.conditions_unmapped";
  const std::string other = "caution.other_prescription";
  const expected table[] = {
      // CKD stage 4 (avoid) and diabetic kidney disorder (clinician_only, caution supervised); no
      // weight.
      {"test01",
       "critical",
       "avoid",
       {"contra.severe_kidney_disease", "contra.kidney_disease", other, unmapped, gi},
       "Chronic kidney disease stage 4 (disorder)"},
      // Septic shock: shock (avoid) and sepsis.
      {"test02",
       "critical",
       "avoid",
       {"contra.shock", "caution.sepsis", other, unmapped, stale, gi},
       "Septic shock (disorder)"},
      // Sepsis resolved: only the unmapped problems and the prescriptions.
      {"test03", "warning", "caution", {other, unmapped, stale, gi}},
      // Pregnancy active; no active medication.
      {"test04", "warning", "caution", {"caution.pregnancy", stale, gi}, "Normal pregnancy"},
      // Colon cancer; oxaliplatin by RxNorm product code is not classed antineoplastic.
      {"test05",
       "warning",
       "caution",
       {"caution.cancer", other, unmapped, stale, gi},
       "Overlapping malignant neoplasm of colon"},
      // Breast cancer; the 1989 miscarriage is unmapped, not a pregnancy.
      {"test06",
       "warning",
       "caution",
       {"caution.cancer", other, unmapped, stale, gi},
       "Malignant neoplasm of breast (disorder)"},
      // A 16-year-old with epilepsy on diazepam (not an antiepileptic ingredient of §2b).
      {"test07",
       "warning",
       "caution",
       {"caution.seizure_disorder", "caution.minor", other, unmapped, stale, gi},
       "Seizure disorder"},
      // A 9-year-old: 10 g/day at 15.8 kg is 0.63 g/kg/day, under the 0.65 limit.
      {"test09", "warning", "caution", {"caution.minor", stale, gi}, "age 9"},
      {"test10", "info", "suitable", {stale, gi}},
      {"test11", "info", "suitable", {stale, gi}},
  };
  if (!gln_fhir_test::shared_file("fhir/synthea/MANIFEST.tsv")) return;
  running_service service(fixed_date());
  for (const expected& e : table) {
    INFO(e.patient);
    const json bundle = gln_fhir_test::read_json(
        *gln_fhir_test::shared_file(std::string("fhir/synthea/") + e.patient + ".json"));
    const response r =
        post(service, "/cds-services/gln-order-select", order_select_for(bundle, e.patient));
    REQUIRE(r.status == 200);
    const json& cards = r.body["cards"];
    REQUIRE(cards.size() == 1);  // everything it needs was sent: no could-not-check card
    const json& card = cards[0];
    CHECK(card["indicator"] == e.indicator);
    CHECK(card["extension"]["gln"]["overall"] == e.overall);
    CHECK(card["extension"]["gln"]["purpose"] == "general_recovery");
    CHECK(rules_of(card) == e.rules);
    CHECK(card["summary"].get<std::string>().size() <= 140);
    if (*e.names != '\0') {
      CHECK(card["summary"].get<std::string>().find(std::string(": ") + e.names + ": ") !=
            std::string::npos);
    } else if (std::string(e.indicator) == "info") {
      CHECK(card["summary"] == "Glutamine: no contraindication in the record sent");
    }
    CHECK(card["source"]["label"].get<std::string>().find("knowledge base v2") !=
          std::string::npos);
    CHECK(card["uuid"].get<std::string>().size() == 36);
    CHECK(card.contains("overrideReasons") == (std::string(e.indicator) != "info"));
    CHECK(card.contains("suggestions") == (std::string(e.indicator) == "critical"));
    const std::string detail = card["detail"];
    CHECK(detail.find("MedicationRequest/gln\\-draft") ==
          std::string::npos);  // never escaped oddly
    CHECK(detail.find(std::string("MedicationRequest/gln-draft-") + e.patient) !=
          std::string::npos);
    CHECK(detail.find("Purpose screened:** general_recovery") != std::string::npos);
    CHECK(detail.find("procedures (recent chemotherapy") !=
          std::string::npos);  // not sent: not checked
    CHECK((detail.find("the record marks this patient deceased") != std::string::npos) ==
          (std::string(e.patient) == "test01" || std::string(e.patient) == "test02"));
  }
}

// patient-view: a glutamine order whose dose cannot be read was not dose-checked; its card says
// so, as order-select's does (a record with nothing else to say gave no card at all).
TEST_CASE("cds: patient-view: a glutamine order whose dose was not read still gets a card") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test11.json");
  if (!path) return;
  running_service service(fixed_date());
  json request = order_select_for(gln_fhir_test::read_json(*path), "test11");
  json order = request["context"]["draftOrders"]["entry"][0]["resource"];
  order["status"] = "active";
  request["hook"] = "patient-view";
  request["context"].erase("selections");
  request["context"].erase("draftOrders");
  json& medications = request["prefetch"]["medications"];
  medications["total"] = medications["total"].get<int>() + 1;
  medications["entry"].push_back({{"resource", order}, {"search", {{"mode", "match"}}}});
  // With its dose (10 g a day): no problem, no card.
  const response dosed = post(service, "/cds-services/gln-patient-view", request);
  REQUIRE(dosed.status == 200);
  CHECK(dosed.body == json{{"cards", json::array()}});
  // Taken 0 or -1 times a day (FHIR's frequency is a positive integer): an invalid regimen, a
  // critical card, as doses_per_day 0 is in a request (it read as a dose not checked, "ok").
  json& repeat =
      medications["entry"].back()["resource"]["dosageInstruction"][0]["timing"]["repeat"];
  for (const int frequency : {0, -1}) {
    repeat["frequency"] = frequency;
    const response invalid = post(service, "/cds-services/gln-patient-view", request);
    REQUIRE(invalid.status == 200);
    REQUIRE(invalid.body["cards"].size() == 1);
    const json& card = invalid.body["cards"][0];
    CHECK(card["indicator"] == "critical");
    CHECK(card["extension"]["gln"]["overall"] == "avoid");
    CHECK(rules_of(card).count("input.invalid") == 1);
  }
  medications["entry"].back()["resource"].erase("dosageInstruction");
  const response r = post(service, "/cds-services/gln-patient-view", request);
  REQUIRE(r.status == 200);
  REQUIRE(r.body["cards"].size() == 1);
  CHECK(r.body["cards"][0]["indicator"] == "warning");
  CHECK(r.body["cards"][0]["summary"] ==
        "Glutamine: dose not checked, no contraindication in the record sent");
  CHECK(r.body["cards"][0]["detail"].get<std::string>().find(
            "Dose: not checked: the order gives no dosage instruction") != std::string::npos);
}

TEST_CASE(
    "cds: test01's CKD stage 4: a critical card that names the Condition and offers to remove the "
    "order") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test01.json");
  if (!path) return;
  running_service service(fixed_date());
  const response r = post(service, "/cds-services/gln-order-select",
                          order_select_for(gln_fhir_test::read_json(*path), "test01"));
  REQUIRE(r.status == 200);
  const json& card = r.body["cards"][0];
  CHECK(card["indicator"] == "critical");
  CHECK(card["summary"].get<std::string>().rfind(
            "Avoid glutamine: Chronic kidney disease stage 4 (disorder)", 0) == 0);
  const std::string detail = card["detail"];
  CHECK(detail.find("`contra.severe_kidney_disease`") != std::string::npos);
  CHECK(detail.find("Condition/adc6375e-f5c5-44c8-3b7c-92d9fc5c81ba \"Chronic kidney disease stage "
                    "4 (disorder)\"") != std::string::npos);
  CHECK(detail.find("[heyland\\_2013\\_redoxs](https://doi.org/10.1056/NEJMoa1212722)") !=
        std::string::npos);
  CHECK(card["selectionBehavior"] == "at-most-one");
  const json& action = card["suggestions"][0]["actions"][0];
  CHECK(action["type"] == "delete");
  CHECK(action["resourceId"] == "MedicationRequest/gln-draft-test01");
}

TEST_CASE("cds: a --screening-date that is no YYYY-MM-DD date refuses to start, empty too") {
  for (const char* date : {"", "2026-02-30", "2026-1-05", "20261130", "today"}) {
    INFO("'" << date << "'");
    const auto [code, err] = refused_start({"--screening-date", date});
    CHECK(code == 2);
    CHECK(err ==
          "gln-cds-hooks: --screening-date: '" + std::string(date) + "' is not YYYY-MM-DD\n");
  }
}

TEST_CASE("cds: every bad argument refuses to start with exit 2") {
  for (const std::vector<std::string>& arguments : {std::vector<std::string>{"--screening-date="},
                                                    {"--port", "abc"},
                                                    {"--threads", "0"},
                                                    {"--no-such-option"},
                                                    {"--screening-date"}}) {
    INFO(arguments.front());
    const auto [code, err] = refused_start(arguments);
    CHECK(code == 2);
    CHECK(err.rfind("gln-cds-hooks: ", 0) == 0);
  }
}

// CLI11 alone reads "010" as octal and "0x3c" as hex: a number is taken in decimal digits only.
TEST_CASE("cds: a number argument not in plain decimal digits refuses to start") {
  for (const char* option :
       {"--port", "--threads", "--max-body", "--fetch-timeout", "--fetch-total-timeout"}) {
    for (const char* number : {"010", "0x3c", "+5", " 12", "12 ", "1e1", "00"}) {
      INFO(option << " '" << number << "'");
      const auto [code, err] = refused_start({option, number});
      CHECK(code == 2);
      CHECK(err == "gln-cds-hooks: " + std::string(option) + ": '" + number +
                       "' is no whole number in decimal digits (no sign, leading zero or 0x) (see "
                       "gln-cds-hooks --help)\n");
    }
  }
}

// A launcher waits for the port file: one that cannot be written stops the service at once.
TEST_CASE("cds: a --port-file that cannot be written stops the service with exit 1") {
  const std::string dir = fresh_run_dir("port-file");
  for (const std::string& file : {std::string("/nonexistent/port"), dir}) {
    INFO(file);
    const auto [code, err] = refused_start({"--port-file", file});
    CHECK(code == 1);
    CHECK(err == "gln-cds-hooks: --port-file: cannot write '" + file + "'\n");
  }
}

// The host is where the service listens: an empty one names none.
TEST_CASE("cds: an empty --host refuses to start") {
  const auto [code, err] = refused_start({"--host", ""});
  CHECK(code == 2);
  CHECK(err == "gln-cds-hooks: --host: empty: give an address or host name to listen on\n");
}

// gln checks glutamine ordered as a MedicationRequest; a NutritionOrder whose supplement or
// formula names glutamine passed with no card at all.
TEST_CASE("cds: a nutrition order that names glutamine gets a card saying it was not checked") {
  running_service service({"--screening-date", "2026-11-30"});
  const auto nutrition = [](const std::string& id, const json& fields) {
    json order = {{"resourceType", "NutritionOrder"},
                  {"id", id},
                  {"status", "draft"},
                  {"intent", "order"},
                  {"patient", {{"reference", "Patient/p"}}}};
    order.update(fields);
    return order;
  };
  const json supplement = nutrition(
      "n1", {{"supplement", json::array({{{"productName", "L-glutamine powder"},
                                          {"quantity", {{"value", 10}, {"unit", "g"}}}}})}});
  const json formula = nutrition("n2", {{"enteralFormula",
                                         {{"additiveType", {{"text", "Glutamine module"}}},
                                          {"baseFormulaProductName", "Standard 1 kcal/mL"}}}});
  const json protein =
      nutrition("n3", {{"supplement", json::array({{{"productName", "Protein shake"},
                                                    {"type", {{"text", "high protein"}}}}})}});
  // The cards of `hook` with `orders` as draftOrders, `selected` selected (order-select).
  const auto cards_of = [&](const std::string& hook, const json& orders,
                            const std::vector<std::string>& selected) {
    json entries = json::array();
    for (const json& order : orders) entries.push_back({{"resource", order}});
    const json request = {
        {"hook", hook},
        {"hookInstance", "x"},
        {"context",
         {{"patientId", "p"},
          {"selections", selected},
          {"draftOrders",
           {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}}}}}};
    const response r = post(service, "/cds-services/gln-" + hook, request.dump());
    REQUIRE(r.status == 200);
    return r.body["cards"];
  };
  const json selected = cards_of("order-select", json::array({supplement, formula, protein}),
                                 {"NutritionOrder/n1", "NutritionOrder/n2", "NutritionOrder/n3"});
  REQUIRE(selected.size() == 2);
  CHECK(selected[0]["indicator"] == "warning");
  CHECK(selected[0]["summary"] ==
        "gln did not check this nutrition order, which names glutamine: it checks "
        "MedicationRequests only");
  CHECK(selected[0]["extension"]["gln"]["order"] == "NutritionOrder/n1");
  CHECK(detail_says(selected[0], "NutritionOrder/n1 names glutamine (L-glutamine powder)"));
  CHECK(selected[1]["extension"]["gln"]["order"] == "NutritionOrder/n2");
  CHECK(detail_says(selected[1], "(Glutamine module)"));
  // Named by a code gln maps to glutamine alone (RxNorm 1869684): it was not seen.
  const json coded = nutrition(
      "n4", {{"supplement", json::array({{{"type",
                                           {{"coding", json::array({gln_fhir_test::coding(
                                                           "http://www.nlm.nih.gov/research/umls/"
                                                           "rxnorm",
                                                           "1869684")})}}}}})}});
  const json by_code = cards_of("order-select", json::array({coded}), {"NutritionOrder/n4"});
  REQUIRE(by_code.size() == 1);
  CHECK(detail_says(by_code[0], "NutritionOrder/n4 names glutamine"));
  // Not selected: not this hook's to check. Signed: every one.
  CHECK(cards_of("order-select", json::array({supplement}), {}).empty());
  CHECK(cards_of("order-sign", json::array({supplement, protein}), {}).size() == 1);
  // Beside a glutamine MedicationRequest, selected or not, it is glutamine already ordered (the
  // order's card read as if none were).
  const json endari = gln_fhir_test::medication_request(
      "o1", gln_fhir_test::coding("http://hl7.org/fhir/sid/ndc", "42457-420", "Endari"), "draft");
  for (const bool also_n1 : {false, true}) {
    INFO(also_n1);
    std::vector<std::string> chosen = {"MedicationRequest/o1"};
    if (also_n1) chosen.emplace_back("NutritionOrder/n1");
    // The nutrition order's card if selected, the order's, and the card of what was not sent.
    const json both = cards_of("order-select", json::array({endari, supplement}), chosen);
    REQUIRE(both.size() == (also_n1 ? 3U : 2U));
    const json& order_card = both[also_n1 ? 1 : 0];
    CHECK(rules_of(order_card).count("caution.supplement_stack") == 1);
    CHECK(detail_says(order_card, "From the record: NutritionOrder/n1 \"L-glutamine powder\""));
  }

  // Each counts as a glutamine order against the limit of 20 a request.
  json entries = json::array();
  for (int i = 0; i < 21; ++i) {
    json order = supplement;
    order["id"] = "n" + std::to_string(i);
    entries.push_back({{"resource", order}});
  }
  const json request = {
      {"hook", "order-sign"},
      {"hookInstance", "x"},
      {"context",
       {{"patientId", "p"},
        {"draftOrders",
         {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", entries}}}}}};
  const response refused = post(service, "/cds-services/gln-order-sign", request.dump());
  CHECK(refused.status == 400);
  CHECK(refused.body.value("error", "") ==
        "context.draftOrders: 21 glutamine orders to check, at most 20 in one request");
}

// Unknown is not "no glutamine": a selected order whose drug cannot be told (its Medication not
// sent, no display, no medication[x]) gets a card that says so, and nothing is checked for it.
TEST_CASE("cds: an order whose medication cannot be told gets a card that says so") {
  running_service service({"--screening-date", "2026-11-30"});
  // The cards of an order-select of MedicationRequest/o1 among `drafts` (a draftOrders Bundle).
  const auto select_among = [&](const json& drafts) {
    json request = {
        {"hook", "order-select"},
        {"hookInstance", "x"},
        {"context",
         {{"patientId", "p"}, {"selections", {"MedicationRequest/o1"}}, {"draftOrders", drafts}}}};
    const response r = post(service, "/cds-services/gln-order-select", request.dump());
    REQUIRE(r.status == 200);
    return r.body["cards"];
  };
  const auto select = [&](const json& order) {
    return select_among(gln_fhir_test::collection(json::array({order})));
  };
  json order = gln_fhir_test::medication_request(
      "o1", gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1"), "draft");
  order.erase("medicationCodeableConcept");
  order["medicationReference"] = {{"reference", "Medication/m1"}};
  json none = order;
  none.erase("medicationReference");
  // The order with a display on its reference.
  const auto named_later = [](json with_display) {
    with_display["medicationReference"]["display"] = "L-glutamine oral powder 5 g";
    return with_display;
  };
  for (const auto& [sent, why] : std::vector<std::pair<json, std::string>>{
           {order,
            "its medicationReference 'Medication/m1' names no Medication sent, and gives "
            "no display"},
           // As Markdown: its brackets escaped.
           {none, "it names no medication (no medication\\[x\\])"}}) {
    INFO(why);
    const json cards = select(sent);
    REQUIRE(cards.size() == 1);
    CHECK(cards[0]["indicator"] == "info");
    CHECK(cards[0]["summary"] ==
          "gln could not tell whether this order is glutamine: what it orders is unknown");
    CHECK(cards[0]["detail"] == "gln checked nothing for MedicationRequest/o1: " + why +
                                    ". Send its Medication in draftOrders, or a "
                                    "medicationCodeableConcept.");
    CHECK(cards[0]["extension"]["gln"]["order"] == "MedicationRequest/o1");
  }
  // Whether `cards` is the one card of an order whose drug cannot be told.
  const auto says_unknown = [](const json& cards) {
    return cards.size() == 1 &&
           cards[0]["summary"] ==
               "gln could not tell whether this order is glutamine: what it orders is unknown";
  };
  // A medicationCodeableConcept that names nothing (no code, display or text; or no concept
  // at all, a string) leaves it as unknown.
  for (const json& concept_given :
       {json::object(), json{{"text", ""}}, json{{"coding", json::array()}},
        json{{"coding", json::array({json::object()})}}, json("L-glutamine")}) {
    INFO(concept_given.dump());
    json nothing = none;
    nothing["medicationCodeableConcept"] = concept_given;
    CHECK(says_unknown(select(nothing)));
  }
  // A Medication sent in draftOrders under a urn is the one that urn names.
  json by_urn = order;
  by_urn["medicationReference"]["reference"] = "urn:uuid:0b9e3c52-8d2f-4c55-9c3e-2d3f0b0f0a11";
  const json glutamine_medication = {{"resourceType", "Medication"},
                                     {"id", "m1"},
                                     {"code", {{"text", "L-glutamine oral powder"}}}};
  json urn_drafts = gln_fhir_test::collection(json::array({by_urn, glutamine_medication}));
  urn_drafts["entry"][1]["fullUrl"] = "urn:uuid:0b9e3c52-8d2f-4c55-9c3e-2d3f0b0f0a11";
  const json urn_cards = select_among(urn_drafts);
  REQUIRE(urn_cards.size() >= 1);
  CHECK_FALSE(says_unknown(urn_cards));
  CHECK(urn_cards[0]["extension"]["gln"].contains("overall"));
  // A Medication sent beside it that names nothing: its display is not read, the drug unknown.
  json uncoded_drafts = gln_fhir_test::collection(
      json::array({named_later(order), {{"resourceType", "Medication"}, {"id", "m1"}}}));
  CHECK(says_unknown(select_among(uncoded_drafts)));
  // Named by its display, or by the Medication sent beside it, it is known: no card.
  json named = order;
  named["medicationReference"]["display"] = "aspirin 81 MG Oral Tablet";
  CHECK(select(named).empty());
  CHECK(select_among(gln_fhir_test::collection(
                         json::array({order,
                                      {{"resourceType", "Medication"},
                                       {"id", "m1"},
                                       {"code", {{"text", "aspirin 81 MG Oral Tablet"}}}}})))
            .empty());
}

TEST_CASE("cds: without --screening-date, today (UTC); an order's authoredOn is not read") {
  const auto path = gln_fhir_test::shared_file("fhir/synthea/test02.json");
  if (!path) return;
  running_service service;
  const json request = order_select_for(gln_fhir_test::read_json(*path), "test02");
  const auto today = [] {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return "(screening date " + std::string(text) + ")";
  };
  // The 2020-03-09 weight of 85.4 kg is stale today, whatever date the draft gives: read as of
  // 2020-03-20 it was 11 days old, read as of a future date the age moved with it, and a date
  // that is no date was read as today.
  for (const json& authored : {json("2020-03-20"), json("2100-01-01"), json("2026-13-45"),
                               json("garbage"), json(12345), json("2026-11"), json(nullptr)}) {
    INFO(authored.dump());
    json dated = request;
    dated["context"]["draftOrders"]["entry"][0]["resource"]["authoredOn"] = authored;
    const std::string before = today();
    const response r = post(service, "/cds-services/gln-order-select", dated);
    const std::string after = today();  // the same, unless the request crossed midnight (UTC)
    REQUIRE(r.status == 200);
    const std::string detail = r.body["cards"][0]["detail"];
    CHECK((detail.find(before) != std::string::npos || detail.find(after) != std::string::npos));
    CHECK(rules_of(r.body["cards"][0]).count("input.weight_stale") == 1);
  }
}

TEST_CASE("cds: the shared CDS Hooks requests") {
  const auto test07 = gln_fhir_test::shared_file("cds-hooks/order-select_test07_rxnorm.json");
  const auto test04 =
      gln_fhir_test::shared_file("cds-hooks/order-select_test04_ndc_weight-lb.json");
  const auto test05 =
      gln_fhir_test::shared_file("cds-hooks/order-sign_test05_no-conditions-prefetch.json");
  const auto test01 =
      gln_fhir_test::shared_file("cds-hooks/patient-view_test01_ckd4_no-weight.json");
  const auto spec_view = gln_fhir_test::shared_file(
      "cds-hooks/spec-examples/calling-a-service_request-example_patient-view.json");
  const auto spec_context =
      gln_fhir_test::shared_file("cds-hooks/spec-examples/order-select_context-example_R4.json");
  const auto spec_discovery =
      gln_fhir_test::shared_file("cds-hooks/spec-examples/discovery-response-example.json");
  if (!test07 || !test04 || !test05 || !test01 || !spec_view || !spec_context || !spec_discovery)
    return;
  running_service service(fixed_date());

  SECTION("test07: RxNorm 1869684, 10 g twice a day, a 16-year-old with epilepsy") {
    const response r =
        post(service, "/cds-services/gln-order-select", gln_fhir_test::read_text(*test07));
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 1);
    const json& card = r.body["cards"][0];
    CHECK(card["indicator"] == "warning");
    CHECK(card["extension"]["gln"]["purpose"] == "general_recovery");
    // 10 g a dose and 20 g/day are above general_recovery's 5 g and 10 g/day (knowledge.md §5).
    CHECK(rules_of(card) ==
          std::set<std::string>{"caution.seizure_disorder", "caution.minor",
                                "caution.other_prescription", "input.conditions_unmapped",
                                "input.weight_stale", "dose.per_dose_above_range",
                                "dose.daily_above_range", "dose.gi_effects_likely"});
    CHECK(card["detail"].get<std::string>().find("Dose: 10 g x 2 a day (20 g/day)") !=
          std::string::npos);
  }
  SECTION("test07 with another patient's data in its prefetch: not used, and said so") {
    json request = gln_fhir_test::read_json(*test07);
    request["prefetch"]["patient"]["id"] = "zzz";
    request["prefetch"]["patient"]["birthDate"] = "1980-01-01";
    for (json& e : request["prefetch"]["conditions"]["entry"]) {
      e["resource"]["subject"]["reference"] = "Patient/other";
    }
    const response r = post(service, "/cds-services/gln-order-select", request);
    REQUIRE(r.status == 200);
    REQUIRE_FALSE(r.body["cards"].empty());
    const json& card = r.body["cards"][0];
    const std::set<std::string> rules = rules_of(card);
    // Neither the other patient's age nor the other patient's conditions are read as test07's.
    CHECK(rules.count("caution.age_unknown") == 1);
    CHECK(rules.count("caution.minor") == 0);
    CHECK(rules.count("input.conditions_unknown") == 1);
    CHECK(rules.count("caution.seizure_disorder") == 0);
    std::string all_details;
    for (const json& c : r.body["cards"]) all_details += c["detail"].get<std::string>();
    CHECK(all_details.find("it is about Patient/zzz, not Patient/test07") != std::string::npos);
    CHECK(all_details.find("it is about Patient/other, not Patient/test07") != std::string::npos);
  }
  SECTION("test07 with conditions of its patient id on another FHIR server: not used") {
    json request = gln_fhir_test::read_json(*test07);
    REQUIRE(request["fhirServer"] == "https://example.org/fhir");
    std::size_t at = 0;
    const char* elsewhere[] = {"https://other.example/fhir/Patient/test07",
                               "https://example.org/other/Patient/test07"};
    for (json& e : request["prefetch"]["conditions"]["entry"]) {
      e["resource"]["subject"]["reference"] = elsewhere[at++ % 2];
    }
    const response r = post(service, "/cds-services/gln-order-select", request);
    REQUIRE(r.status == 200);
    REQUIRE_FALSE(r.body["cards"].empty());
    const std::set<std::string> rules = rules_of(r.body["cards"][0]);
    CHECK(rules.count("input.conditions_unknown") == 1);
    CHECK(rules.count("caution.seizure_disorder") == 0);
    CHECK(rules.count("caution.minor") == 1);  // the patient itself is test07, on this server
    std::string all_details;
    for (const json& c : r.body["cards"]) all_details += c["detail"].get<std::string>();
    for (const char* base : {"https://other.example/fhir", "https://example.org/other"}) {
      CHECK(all_details.find(std::string("it is about a patient of ") + base +
                             ", not of https://example.org/fhir") != std::string::npos);
    }

    // A reference that cannot be shown to name test07 is not read as test07's either.
    for (const char* reference : {"patient/test07", "//other.example/fhir/Patient/test07", "#p"}) {
      INFO(reference);
      for (json& e : request["prefetch"]["conditions"]["entry"]) {
        e["resource"]["subject"]["reference"] = reference;
      }
      const response odd = post(service, "/cds-services/gln-order-select", request);
      REQUIRE(odd.status == 200);
      CHECK(rules_of(odd.body["cards"][0]).count("input.conditions_unknown") == 1);
      CHECK(odd.body.dump().find("its subject '" + std::string(reference) +
                                 "' is no reference to Patient/test07") != std::string::npos);
    }

    // The same server written another way is this one.
    for (json& e : request["prefetch"]["conditions"]["entry"]) {
      e["resource"]["subject"]["reference"] = "HTTPS://Example.ORG:443/fhir/Patient/test07";
    }
    const response same = post(service, "/cds-services/gln-order-select", request);
    REQUIRE(same.status == 200);
    CHECK(rules_of(same.body["cards"][0]).count("caution.seizure_disorder") == 1);
  }
  SECTION("test07 with urn references: the entry of that fullUrl, a draft's entry too") {
    json request = gln_fhir_test::read_json(*test07);
    const std::string urn = "urn:uuid:6f2a0c1e-3d4b-4c5a-9e8f-7a6b5c4d3e2f";
    json patient_search = gln_fhir_test::searchset(json::array({request["prefetch"]["patient"]}));
    patient_search["entry"][0]["fullUrl"] = urn;
    request["prefetch"]["patient"] = patient_search;
    for (json& e : request["prefetch"]["conditions"]["entry"]) {
      e["resource"]["subject"]["reference"] = urn;
    }
    const response read = post(service, "/cds-services/gln-order-select", request);
    REQUIRE(read.status == 200);
    CHECK(rules_of(read.body["cards"][0]).count("caution.seizure_disorder") == 1);
    // A mother's RelatedPerson under the same fullUrl in draftOrders: the urn names two entries.
    request["context"]["draftOrders"]["entry"].push_back(
        {{"fullUrl", urn},
         {"resource",
          {{"resourceType", "RelatedPerson"},
           {"id", "mom"},
           {"patient", {{"reference", "Patient/test07"}}}}}});
    const response shared = post(service, "/cds-services/gln-order-select", request);
    REQUIRE(shared.status == 200);
    CHECK(rules_of(shared.body["cards"][0]).count("input.conditions_unknown") == 1);
    CHECK(shared.body.dump().find("names more than one entry of the data") != std::string::npos);
  }
  SECTION("test04: Endari by NDC for a pregnant woman, weights in pounds") {
    const response r =
        post(service, "/cds-services/gln-order-select", gln_fhir_test::read_text(*test04));
    REQUIRE(r.status == 200);
    const json& card = r.body["cards"][0];
    CHECK(card["indicator"] == "warning");
    CHECK(card["extension"]["gln"]["purpose"] == "sickle_cell_disease");
    const std::string detail = card["detail"];
    CHECK(detail.find("the product is Endari (NDC), labelled for sickle cell disease") !=
          std::string::npos);
    // 159.8 [lb_av] is 72.5 kg; 2018-06-10 is 3095 days before 2026-11-30: too old to choose
    // the Endari band (dose.weight_needed), still shown.
    CHECK(detail.find("Weight: 72.5 kg (159.8 \\[lb\\_av\\]), 2018-06-10, 3095 days old") !=
          std::string::npos);
    CHECK(rules_of(card) == std::set<std::string>{"caution.pregnancy", "purpose.clinician_managed",
                                                  "input.weight_stale", "dose.gi_effects_likely",
                                                  "dose.weight_needed"});
  }
  SECTION("test04 with the order naming Endari only in its text: the same purpose") {
    // A formulary code gln does not know, and "Endari" in the text: still a glutamine order,
    // screened for the purpose of Endari's label.
    json request = gln_fhir_test::read_json(*test04);
    request["context"]["draftOrders"]["entry"][0]["resource"]["medicationCodeableConcept"] = {
        {"coding", json::array({gln_fhir_test::coding("http://example.org/formulary", "GLN-5")})},
        {"text", "Endari 5 g packet"}};
    const response r = post(service, "/cds-services/gln-order-select", request);
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 1);
    const json& card = r.body["cards"][0];
    CHECK(card["extension"]["gln"]["purpose"] == "sickle_cell_disease");
    CHECK(card["detail"].get<std::string>().find(
              "the order names Endari, labelled for sickle\\_cell\\_disease") != std::string::npos);
    CHECK(rules_of(card).count("purpose.clinician_managed") == 1);
  }
  SECTION("test05: order-sign without the conditions prefetch: the could-not-check card") {
    const response r =
        post(service, "/cds-services/gln-order-sign", gln_fhir_test::read_text(*test05));
    REQUIRE(r.status == 200);
    const json& cards = r.body["cards"];
    REQUIRE(cards.size() == 2);
    CHECK(cards[0]["indicator"] == "warning");
    CHECK(rules_of(cards[0]).count("input.conditions_unknown") == 1);
    CHECK(cards[1]["indicator"] == "warning");
    CHECK(cards[1]["summary"] ==
          "Could not check the patient's conditions: not in the data sent to gln");
    const std::string detail = cards[1]["detail"];
    CHECK(detail.find("contraindications") != std::string::npos);
    // example.org is not a FHIR server this service may call: nothing was fetched, and it says so.
    CHECK(detail.find("the fhirServer https://example.org/fhir is not one this service may call") !=
          std::string::npos);
  }
  SECTION("test01 patient-view: no glutamine, no card") {
    const response r =
        post(service, "/cds-services/gln-patient-view", gln_fhir_test::read_text(*test01));
    REQUIRE(r.status == 200);
    CHECK(r.body == json{{"cards", json::array()}});
  }
  // test01's patient-view with `order` added to the medications found.
  const auto view_with = [&](const json& order) {
    json request = gln_fhir_test::read_json(*test01);
    request["prefetch"]["medications"]["entry"].push_back(
        {{"resource", order}, {"search", {{"mode", "match"}}}});
    request["prefetch"]["medications"]["total"] =
        request["prefetch"]["medications"]["total"].get<int>() + 1;
    return post(service, "/cds-services/gln-patient-view", request);
  };
  SECTION("test01 patient-view with an active glutamine order: critical, nothing to remove") {
    const response r = view_with(gln_fhir_test::medication_request(
        "glutamine-1", gln_fhir_test::coding("http://hl7.org/fhir/sid/ndc", "42457-420", "Endari"),
        "active"));
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 1);
    CHECK(r.body["cards"][0]["indicator"] == "critical");
    CHECK(r.body["cards"][0]["extension"]["gln"]["purpose"] == "sickle_cell_disease");
    CHECK_FALSE(r.body["cards"][0].contains("suggestions"));
  }
  // MedicationStatements without the MedicationRequest search: the glutamine statement is
  // checked, and the second card says which part is missing (it said that nothing was checked,
  // beside the critical card).
  SECTION("test01 patient-view with a glutamine statement and no MedicationRequests sent") {
    json statement = gln_fhir_test::medication_request(
        "statement-1", gln_fhir_test::coding("http://hl7.org/fhir/sid/ndc", "42457-420", "Endari"),
        "active");
    statement["resourceType"] = "MedicationStatement";
    json request = gln_fhir_test::read_json(*test01);
    request["prefetch"].erase("medications");
    request["prefetch"]["medicationStatements"] =
        gln_fhir_test::searchset(json::array({statement}));
    json paged = gln_fhir_test::read_json(*test01);
    paged["prefetch"]["medications"]["link"] =
        json::array({{{"relation", "next"}, {"url", "https://example.org/fhir?page=2"}}});
    // Each request's cards, of which the first says what of the medications was missing.
    struct expected {
      const json& request;
      std::size_t cards;
      std::string summary;
      std::string detail;
    };
    for (const expected& e :
         {expected{request, 3,
                   "gln could not check the patient's medication orders for glutamine: no "
                   "MedicationRequests were sent",
                   "No MedicationRequests were sent; the MedicationStatements sent, if any, "
                   "were checked."},
          expected{paged, 1,
                   "gln could not check all of the patient's medications for glutamine: the "
                   "medications sent are incomplete",
                   "The medications were incomplete: the search result has more pages."}}) {
      INFO(e.summary);
      const json cards = post(service, "/cds-services/gln-patient-view", e.request).body["cards"];
      REQUIRE(cards.size() == e.cards);
      CHECK(cards[0]["summary"] == e.summary);
      CHECK(detail_says(cards[0], e.detail));
      if (e.cards == 1) continue;
      // The statement's card, and with it the card of its screening saying that the
      // medications (the interactions) could not be checked.
      CHECK(cards[1]["indicator"] == "critical");
      CHECK(detail_says(cards[1], "**Glutamine order** MedicationStatement/statement-1"));
      CHECK(cards[2]["summary"] ==
            "Could not check the patient's medications: not in the data sent to gln");
    }
  }
  // A card that is no all clear (an allergy gln has no rule for) is shown in patient-view too:
  // there was none, where order-select warned.
  SECTION("test01 patient-view with a glutamine order beside an allergy to glutamine") {
    // test01's record with no condition and the glutamine order, 5 g twice a day, its only
    // medication: no card.
    json order = gln_fhir_test::medication_request(
        "glutamine-2",
        gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1869684"), "active");
    order["dosageInstruction"] = json::array(
        {{{"timing", {{"repeat", {{"frequency", 2}, {"period", 1}, {"periodUnit", "d"}}}}},
          {"doseAndRate", json::array({{{"doseQuantity",
                                         {{"value", 5},
                                          {"unit", "g"},
                                          {"system", "http://unitsofmeasure.org"},
                                          {"code", "g"}}}}})}}});
    json request = gln_fhir_test::read_json(*test01);
    request["prefetch"]["medications"] = gln_fhir_test::searchset(json::array({order}));
    request["prefetch"]["conditions"] = gln_fhir_test::searchset(json::array());
    CHECK(post(service, "/cds-services/gln-patient-view", request).body["cards"].empty());
    request["prefetch"]["allergies"] = gln_fhir_test::searchset(json::array(
        {{{"resourceType", "AllergyIntolerance"},
          {"id", "a1"},
          {"clinicalStatus", gln_fhir_test::status("active", gln_fhir_test::allergy_clinical)},
          {"code", {{"text", "L-glutamine"}}}}}));
    const json cards = post(service, "/cds-services/gln-patient-view", request).body["cards"];
    REQUIRE(cards.size() == 1);
    CHECK(cards[0]["indicator"] == "warning");
    CHECK(cards[0]["summary"] ==
          "Glutamine: allergies to review, no contraindication in the record sent");
  }
  SECTION("test01 patient-view with an active order whose drug cannot be told: an info card") {
    json order = gln_fhir_test::medication_request(
        "unknown-1", gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1"),
        "active");
    order.erase("medicationCodeableConcept");
    order["medicationReference"] = {{"reference", "Medication/notsent"}};
    const response r = view_with(order);
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 1);
    CHECK(r.body["cards"][0]["indicator"] == "info");
    CHECK(r.body["cards"][0]["summary"] ==
          "gln could not tell whether one of the patient's medications is glutamine");
    CHECK(r.body["cards"][0]["extension"]["gln"]["order"] == "MedicationRequest/unknown-1");
  }
  SECTION(
      "the spec's patient-view example: no medications sent, and its FHIR server is not called") {
    const response r =
        post(service, "/cds-services/gln-patient-view", gln_fhir_test::read_text(*spec_view));
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 1);
    CHECK(r.body["cards"][0]["indicator"] == "info");
    CHECK(r.body["cards"][0]["summary"] ==
          "gln could not check the patient's medication orders for glutamine: no "
          "MedicationRequests were sent");
  }
  SECTION("the spec's context-only example and its discovery response are not requests") {
    CHECK(post(service, "/cds-services/gln-order-select", gln_fhir_test::read_text(*spec_context))
              .status == 400);
    const response discovery =
        post(service, "/cds-services/gln-order-select", gln_fhir_test::read_text(*spec_discovery));
    CHECK(discovery.status == 400);
    CHECK(discovery.body["error"] == "not a CDS Hooks request: no hook");
  }
}

TEST_CASE("cds: a missing prefetch is fetched from the FHIR server with the token") {
  const auto test05 =
      gln_fhir_test::shared_file("cds-hooks/order-sign_test05_no-conditions-prefetch.json");
  const auto bundle = gln_fhir_test::shared_file("fhir/synthea/test05.json");
  if (!test05 || !bundle) return;
  fake_fhir_server fhir(gln_fhir_test::read_json(*bundle));
  auto args = fixed_date();
  args.insert(args.end(), {"--fhir-server", fhir.base()});
  running_service service(args);
  json request = gln_fhir_test::read_json(*test05);
  request["fhirServer"] = fhir.base();
  // The prefetch comes from that server: its entries' fullUrls are on it.
  for (auto& [key, value] : request["prefetch"].items()) {
    if (!value.contains("entry")) continue;
    for (json& e : value["entry"]) {
      std::string url = e["fullUrl"];
      REQUIRE(url.rfind("https://example.org/fhir/", 0) == 0);
      e["fullUrl"] = fhir.base() + url.substr(std::string("https://example.org/fhir").size());
    }
  }
  request["fhirAuthorization"] = {{"access_token", "token-0c8e5d3a"},
                                  {"token_type", "Bearer"},
                                  {"expires_in", 300},
                                  {"scope", "user/Condition.read"},
                                  {"subject", "gln-cds"}};

  SECTION("fetched: the colon cancer is found, no could-not-check card") {
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 1);
    CHECK(rules_of(r.body["cards"][0]).count("caution.cancer") == 1);
    CHECK(rules_of(r.body["cards"][0]).count("input.conditions_unknown") == 0);
    std::set<std::string> paths;
    for (const auto& [path, authorization] : fhir.seen()) {
      paths.insert(path);
      CHECK(authorization == "Bearer token-0c8e5d3a");
    }
    // The missing sections, and only those: conditions, pregnancy status, procedures, allergies.
    CHECK(paths == std::set<std::string>{"/fhir/Condition", "/fhir/Observation", "/fhir/Procedure",
                                         "/fhir/AllergyIntolerance"});
    // The 2021 chemoradiation procedure is now read, and is outside the 90-day window.
    CHECK(r.body["cards"][0]["detail"].get<std::string>().find("procedures (") ==
          std::string::npos);
  }
  SECTION("a fhirServer whose scheme and host are in another case is the same server") {
    std::string upper = fhir.base();
    for (std::size_t i = 0; i < upper.find("/fhir"); ++i) {
      upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
    }
    REQUIRE(upper.rfind("HTTP://", 0) == 0);
    request["fhirServer"] = upper;
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    CHECK(rules_of(r.body["cards"][0]).count("caution.cancer") == 1);
    CHECK(fhir.seen().size() == 4);
  }
  SECTION("a next page is followed") {
    fhir.page_conditions();
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    // The cancer is the last Condition of the bundle, served on the second page.
    CHECK(rules_of(r.body["cards"][0]).count("caution.cancer") == 1);
    CHECK(r.body["cards"].size() == 1);
  }
  SECTION("the newest weights answer, however many pages follow them") {
    // The weights are searched newest first: the pages the service follows answer, where more
    // pages than it follows made the weight "not checked".
    fhir.page_weights();
    request["prefetch"].erase("weight");
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    const std::string detail = r.body["cards"][0]["detail"];
    INFO(detail);
    CHECK(detail.find("Weight: 71.0 kg, 2026-11-29") != std::string::npos);
    CHECK(detail.find("weight (") == std::string::npos);
    std::size_t weight_pages = 0;
    for (const auto& seen : fhir.seen()) weight_pages += seen.first == "/fhir/Observation" ? 1 : 0;
    CHECK(weight_pages == 5 + 1);  // five pages of weights, one pregnancy status search
  }
  SECTION("no token: fetched without Authorization") {
    request.erase("fhirAuthorization");
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    for (const auto& seen : fhir.seen()) CHECK(seen.second.empty());
  }
  SECTION("the FHIR server fails: the could-not-check card says so") {
    fhir.fail("Condition");
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 2);
    CHECK(r.body["cards"][1]["detail"].get<std::string>().find(
              "fetching it from the FHIR server failed: HTTP 500") != std::string::npos);
  }
  // Three searches answered a byte a second: the first fetch stops at `each` seconds, and the
  // others find the request's `all` seconds spent.
  auto slow_searches_stop = [&](running_service& checker, int each, int all) {
    fhir.trickle("Condition");
    fhir.trickle("Procedure");
    fhir.trickle("AllergyIntolerance");
    const response r = post(checker, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    REQUIRE(r.body["cards"].size() == 2);
    CHECK(rules_of(r.body["cards"][0]).count("input.conditions_unknown") == 1);
    const std::string detail = r.body.dump();
    INFO(detail);
    CHECK(detail.find("fetching it from the FHIR server failed: no whole answer within " +
                      std::to_string(each) + " s") != std::string::npos);
    CHECK(detail.find("fetching it from the FHIR server failed: the FHIR server took more than " +
                      std::to_string(all) + " s in all for this request") != std::string::npos);
  };
  SECTION("a server that answers a byte at a time: each fetch stops at 5 s, all at 10 s") {
    slow_searches_stop(service, 5, 10);
  }
  // The service's arguments with these two deadlines.
  auto deadlines = [&](const char* each, const char* all) {
    auto arguments = fixed_date();
    arguments.insert(arguments.end(), {"--fhir-server", fhir.base(), "--fetch-timeout", each,
                                       "--fetch-total-timeout", all});
    return arguments;
  };
  SECTION("the two fetch deadlines are --fetch-timeout and --fetch-total-timeout") {
    running_service impatient(deadlines("2", "3"));
    slow_searches_stop(impatient, 2, 3);
  }
  SECTION("a deadline of 1 s leaves quick searches their time: it is counted in milliseconds") {
    running_service impatient(deadlines("1", "1"));
    const response r = post(impatient, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    INFO(r.body.dump());
    CHECK(rules_of(r.body["cards"][0]).count("caution.cancer") == 1);
    CHECK(r.body["cards"].size() == 1);
  }
  SECTION("a fetched search is held to what a prefetched one is: incomplete is never none") {
    auto with = [&](const char* key, json value) {
      json page = gln_fhir_test::searchset(json::array());
      page[key] = std::move(value);
      return page;
    };
    auto next_to = [&](json url) {
      return with("link", json::array({{{"relation", "next"}, {"url", std::move(url)}}}));
    };
    const std::vector<std::pair<json, std::string>> pages{
        {with("total", 3), "the search result holds fewer entries than its total"},
        {with("total", "3"), "its total is not a number"},
        {with("entry", json::object()), "a page's entry is not a list"},
        {with("link", json::object()), "a page's link is not a list"},
        // A next page that is not followed: on another server, outside the base, relative, or
        // none that can be fetched.
        {next_to("http://127.0.0.1:1/fhir/Condition?page=2"), "the search result has more pages"},
        {next_to(fhir.base() + "/../other/Condition?page=2"), "the search result has more pages"},
        {next_to(fhir.base() + "/%2e%2e/Condition?page=2"), "the search result has more pages"},
        {next_to(fhir.base() + "x/Condition?page=2"), "the search result has more pages"},
        {next_to(fhir.base() + "/Condition?page=2#x"), "the search result has more pages"},
        {next_to("Condition?page=2"), "the search result has more pages"},
        {next_to(""), "a page's next link has no URL"},
        // A search answers a searchset Bundle; a bare resource or a collection is no result.
        {json{{"resourceType", "Condition"}, {"id", "c1"}},
         "the answer to a search is not a searchset Bundle (a 'Condition')"},
        {[&] {
           json collection = gln_fhir_test::searchset(json::array());
           collection["type"] = "collection";
           return collection;
         }(),
         "the answer to a search is not a searchset Bundle (a 'Bundle' of type 'collection')"},
        {with("total", -1), "its total is not a whole number of entries"},
        {next_to(5), "a page's next link has no URL"},
        {with("link", json::array({{{"relation", "NEXT"}}})), "a page's next link has no URL"},
        {with("link",
              json::array({{{"relation", "next"}, {"url", fhir.base() + "/Condition?p=2"}},
                           {{"relation", "next"}, {"url", fhir.base() + "/Condition?p=3"}}})),
         "a page names more than one next page"},
    };
    for (const auto& [page, why] : pages) {
      INFO(page.dump());
      fhir.answer_conditions_with(page);
      const response r = post(service, "/cds-services/gln-order-sign", request);
      REQUIRE(r.status == 200);
      REQUIRE(r.body["cards"].size() == 2);
      CHECK(rules_of(r.body["cards"][0]).count("input.conditions_unknown") == 1);
      const std::string detail = r.body["cards"][1]["detail"];
      INFO(detail);
      CHECK(detail.find(why) != std::string::npos);
    }
  }
  SECTION("a later page's total that is no count, or not an earlier page's, is a search in doubt") {
    json first = gln_fhir_test::searchset(json::array());
    first["link"] =
        json::array({{{"relation", "next"}, {"url", fhir.base() + "/Condition?page=2"}}});
    for (const json& total : {json("x"), json(-1), json(1.5), json(0.0), json(true), json(nullptr),
                              json(5), json("0")}) {
      INFO(total.dump());
      const std::string why =
          total == json(5) ? "an earlier page's (0)" : std::string("a count of entries");
      json later = gln_fhir_test::searchset(json::array());
      later["total"] = total;
      fhir.answer_condition_pages_with(first, later);
      const response r = post(service, "/cds-services/gln-order-sign", request);
      REQUIRE(r.status == 200);
      REQUIRE(r.body["cards"].size() == 2);
      CHECK(rules_of(r.body["cards"][0]).count("input.conditions_unknown") == 1);
      CHECK(r.body["cards"][1]["detail"].get<std::string>().find(
                "fetching it from the FHIR server failed: a later page's total (" + total.dump() +
                ") is not " + why) != std::string::npos);
    }
    // A first page without a total: the later page's is the search's, and the entries are
    // held to it (3 matches, none sent).
    json untold = first;
    untold.erase("total");
    json three = gln_fhir_test::searchset(json::array());
    three["total"] = 3;
    fhir.answer_condition_pages_with(untold, three);
    const response short_of_total = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(short_of_total.status == 200);
    CHECK(rules_of(short_of_total.body["cards"][0]).count("input.conditions_unknown") == 1);
    CHECK(short_of_total.body.dump().find("the search result holds fewer entries than its total") !=
          std::string::npos);
    // The same count, or none, on the later page: the search is whole.
    for (const bool with_total : {true, false}) {
      json later = gln_fhir_test::searchset(json::array());
      if (!with_total) later.erase("total");
      fhir.answer_condition_pages_with(first, later);
      const response r = post(service, "/cds-services/gln-order-sign", request);
      REQUIRE(r.status == 200);
      CHECK(rules_of(r.body["cards"][0]).count("input.conditions_unknown") == 0);
    }
  }
  SECTION("a fhirServer is one of --fhir-server exactly: nothing else is fetched from") {
    for (const std::string& server :
         {fhir.base() + "/../secret", fhir.base() + "/%2e%2e/secret", fhir.base() + "/sub",
          fhir.base() + "/.", fhir.base() + "?x=1", fhir.base() + "/#x",
          fhir.base() + "/@127.0.0.1:1/fhir", fhir.base() + "//x", fhir.base() + "x",
          "http://user@" + fhir.base().substr(7), fhir.base().substr(0, fhir.base().size() - 5)}) {
      INFO(server);
      request["fhirServer"] = server;
      const response r = post(service, "/cds-services/gln-order-sign", request);
      REQUIRE(r.status == 200);
      CHECK(r.body.dump().find("the fhirServer " + server + " is not one this service may call") !=
            std::string::npos);
    }
    CHECK(fhir.seen().empty());
    // Trailing slashes are the same base.
    request["fhirServer"] = fhir.base() + "/";
    const response r = post(service, "/cds-services/gln-order-sign", request);
    REQUIRE(r.status == 200);
    CHECK(rules_of(r.body["cards"][0]).count("caution.cancer") == 1);
  }
}

TEST_CASE("cds: a fetch deadline out of 1-60 s refuses to start") {
  for (const char* option : {"--fetch-timeout", "--fetch-total-timeout"}) {
    for (const char* seconds : {"0", "61", "-1", "2.5", "five", "", "99999999999"}) {
      INFO(option << " '" << seconds << "'");
      const auto [code, err] = refused_start({option, seconds});
      CHECK(code == 2);
      CHECK(err.rfind(std::string("gln-cds-hooks: ") + option, 0) == 0);
    }
    // A number too large for any range is told as out of range, not as no number.
    CHECK(refused_start({option, "99999999999"}).second ==
          "gln-cds-hooks: " + std::string(option) +
              ": Value 99999999999 not in range 1 to 60 (see gln-cds-hooks --help)\n");
  }
}

// A FHIR server to fetch from, and the service's own URL (the JWT audience), are plain base
// URLs (an empty --base-url is the default one).
TEST_CASE("cds: a --fhir-server or --base-url that is no plain base URL refuses to start") {
  for (const auto& [option, what] :
       {std::pair<std::string, std::string>{"--fhir-server", "a FHIR base URL"},
        {"--base-url", "a base URL"}}) {
    for (const char* url : {"", "notaurl", "ftp://x/fhir", "http://user:pw@ehr.example/fhir",
                            "https://ehr.example/fhir?x", "https://ehr.example/fhir#x",
                            "https://ehr.example:99999/fhir", "https://ehr.example:0/fhir",
                            "https://ehr.example/../fhir", "https://ehr.example/a%20b",
                            "https:///fhir", "https://ehr example/fhir"}) {
      if (option == "--base-url" && std::string(url).empty()) continue;
      INFO(option << " '" << url << "'");
      const auto [code, err] = refused_start({option, url});
      CHECK(code == 2);
      CHECK(err == "gln-cds-hooks: " + option + ": '" + std::string(url) + "' is not " + what +
                       " (http or https, a host, an optional port and a path of plain segments; "
                       "no user, query or fragment)\n");
    }
  }
}

// A draft order may reference a Medication sent beside it in draftOrders: it is read (the
// glutamine order went unchecked, with no card).
TEST_CASE("cds: a draft order's Medication sent in draftOrders is read") {
  const auto test07 = gln_fhir_test::shared_file("cds-hooks/order-select_test07_rxnorm.json");
  if (!test07) return;
  running_service service(fixed_date());
  json request = gln_fhir_test::read_json(*test07);
  json& entries = request["context"]["draftOrders"]["entry"];
  json& draft = entries[0]["resource"];
  const json concept_sent = draft["medicationCodeableConcept"];
  draft.erase("medicationCodeableConcept");
  draft["medicationReference"] = {{"reference", "Medication/glutamine-powder"}};
  entries.push_back(
      {{"resource",
        {{"resourceType", "Medication"}, {"id", "glutamine-powder"}, {"code", concept_sent}}}});
  const response r = post(service, "/cds-services/gln-order-select", request);
  REQUIRE(r.status == 200);
  REQUIRE(r.body["cards"].size() == 1);
  CHECK(r.body["cards"][0]["extension"]["gln"]["overall"] == "caution");
  CHECK(r.body["cards"][0]["detail"].get<std::string>().find("Dose: 10 g x 2 a day") !=
        std::string::npos);
  // Other copies of that Medication in the prefetch: up to reader::max_medication_copies
  // different ones are all read; past it the rest would not be, the draft's glutamine copy
  // among them, and the order would go unchecked with no card: the request is refused.
  const std::size_t most = gln::fhir::reader::max_medication_copies;
  for (const std::size_t others : {most - 1, most}) {
    INFO(others);
    json crowded = request;
    json& bundle = crowded["prefetch"]["medications"];
    for (std::size_t i = 0; i < others; ++i) {
      bundle["entry"].push_back(
          {{"resource",
            {{"resourceType", "Medication"},
             {"id", "glutamine-powder"},
             {"code", {{"text", "amlodipine 5 MG, copy " + std::to_string(i)}}}}}});
    }
    const response answer = post(service, "/cds-services/gln-order-select", crowded);
    if (others < most) {
      CHECK(answer.status == 200);
      CHECK(answer.body["cards"].size() >= 1);
    } else {
      CHECK(answer.status == 400);
      CHECK(answer.body.value("error", "") ==
            "prefetch and draftOrders: Medication/glutamine-powder is sent in more than " +
                std::to_string(most) + " different copies");
    }
  }
}

TEST_CASE("cds: orders that are not glutamine get no card") {
  const auto test07 = gln_fhir_test::shared_file("cds-hooks/order-select_test07_rxnorm.json");
  if (!test07) return;
  running_service service(fixed_date());
  json request = gln_fhir_test::read_json(*test07);
  json& draft = request["context"]["draftOrders"]["entry"][0]["resource"];
  draft["medicationCodeableConcept"] = {
      {"coding",
       json::array({gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm", "311289",
                                          "levETIRAcetam 500 MG Oral Tablet")})}};
  const response r = post(service, "/cds-services/gln-order-select", request);
  CHECK(r.status == 200);
  CHECK(r.body == json{{"cards", json::array()}});
}

TEST_CASE(
    "cds: bad requests: 400 with a message, 404, 405, 413, 415, and the service keeps answering") {
  running_service service({"--max-body", "65536", "--screening-date", "2026-11-30"});
  const json minimal = {{"hook", "order-select"},
                        {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
                        {"context",
                         {{"patientId", "p"},
                          {"selections", json::array()},
                          {"draftOrders", gln_fhir_test::collection(json::array())}}}};
  CHECK(post(service, "/cds-services/gln-order-select", minimal).status == 200);
  const std::string text = minimal.dump();
  // An order-select of glutamine drafts with these ids, selecting `selected`.
  auto order_select = [](const std::vector<std::string>& selected,
                         const std::vector<std::string>& drafts) {
    json orders = json::array();
    for (const std::string& id : drafts) {
      orders.push_back(gln_fhir_test::medication_request(
          id, gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1869684"),
          "draft"));
    }
    return json{{"hook", "order-select"},
                {"hookInstance", "x"},
                {"context",
                 {{"patientId", "p"},
                  {"selections", selected},
                  {"draftOrders", gln_fhir_test::collection(orders)}}}}
        .dump();
  };
  // An order-select of one glutamine draft for Patient/other while the context is Patient/p.
  json for_another = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  for_another["context"]["draftOrders"]["entry"][0]["resource"]["subject"] = {
      {"reference", "Patient/other"}};
  // A request whose patientId is `id`, and the error for one that is no FHIR id.
  const auto with_patient_id = [](const std::string& id) {
    return json{{"hook", "order-select"}, {"hookInstance", "x"}, {"context", {{"patientId", id}}}}
        .dump();
  };
  const auto not_an_id = [](const std::string& id) {
    return "the context's patientId '" + id + "' is no FHIR id (1-64 letters, digits, '-' and '.')";
  };
  // The order-select of draft o1 with `value` at `pointer` (a JSON pointer; "/-" appends).
  const auto one_draft_with = [&](const std::string& pointer, const json& value) {
    json request = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
    request[json::json_pointer(pointer)] = value;
    return request.dump();
  };
  // The same draft for Patient/p with a modifier that changes what it orders.
  json with_modifier = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  with_modifier["context"]["draftOrders"]["entry"][0]["resource"]["modifierExtension"] =
      json::array(
          {{{"url", "https://ehr.example/fhir/StructureDefinition/held"}, {"valueBoolean", true}}});
  json not_to_give = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  not_to_give["context"]["draftOrders"]["entry"][0]["resource"]["doNotPerform"] = true;
  // A Medication of draftOrders selected: what an order orders, not an order (it got no card).
  json medication_selected = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  medication_selected["context"]["draftOrders"]["entry"].push_back(
      {{"resource", {{"resourceType", "Medication"}, {"id", "m1"}, {"code", {{"text", "x"}}}}}});
  medication_selected["context"]["selections"].push_back("Medication/m1");
  json observation_selected = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  observation_selected["context"]["draftOrders"]["entry"].push_back(
      {{"resource", gln_fhir_test::weight("w9", 70.0, "kg", "2026-11-01")}});
  observation_selected["context"]["selections"].push_back("Observation/w9");
  // A dispense of glutamine is an event, not an order (FHIR R4's Request pattern).
  json dispense_selected = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  dispense_selected["context"]["draftOrders"]["entry"].push_back(
      {{"resource",
        {{"resourceType", "MedicationDispense"},
         {"id", "d1"},
         {"status", "preparation"},
         {"medicationCodeableConcept", {{"text", "L-glutamine powder"}}}}}});
  dispense_selected["context"]["selections"].push_back("MedicationDispense/d1");
  // draftOrders entries that hold no order, or are no list, or an order on another server.
  json no_resource = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  no_resource["context"]["draftOrders"]["entry"].push_back({{"fullUrl", "urn:oid:1.2.3"}});
  json null_entry = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  null_entry["context"]["draftOrders"]["entry"].push_back(nullptr);
  json entry_object = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  entry_object["context"]["draftOrders"]["entry"] =
      entry_object["context"]["draftOrders"]["entry"][0];
  json other_server = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  other_server["fhirServer"] = "https://ehr.example/fhir";
  other_server["context"]["draftOrders"]["entry"][0]["fullUrl"] =
      "https://other.example/fhir/MedicationRequest/o1";
  json no_server = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
  no_server["context"]["draftOrders"]["entry"][0]["fullUrl"] =
      "https://ehr.example/fhir/MedicationRequest/o1";
  // A request on a FHIR server, with this access token.
  const auto with_token = [&](const char* token, json token_type = nullptr) {
    json request = {{"hook", "order-select"},
                    {"hookInstance", "x"},
                    {"fhirServer", "https://ehr.example/fhir"},
                    {"fhirAuthorization", {{"access_token", token}}},
                    {"context", minimal["context"]}};
    if (!token_type.is_null()) request["fhirAuthorization"]["token_type"] = token_type;
    return request.dump();
  };
  const std::string not_bearer_type =
      "fhirAuthorization.token_type is not Bearer: the service sends the access_token as a "
      "bearer token only";
  // RFC 6749 §5.1: the token type in any case; none given (or null) is a bearer token too.
  for (const json& token_type : {json("Bearer"), json("bearer"), json(nullptr)}) {
    CHECK(post(service, "/cds-services/gln-order-select", with_token("abc", token_type)).status ==
          200);
  }
  json null_type = json::parse(with_token("abc"));
  null_type["fhirAuthorization"]["token_type"] = nullptr;
  CHECK(post(service, "/cds-services/gln-order-select", null_type).status == 200);
  const std::string not_bearer =
      "fhirAuthorization.access_token is not a bearer token (RFC 6750: letters, digits, -._~+/ "
      "and trailing =)";
  // Each body, and what the error must say: the JSON adapter's strict reader, then the
  // CDS Hooks request's own members.
  const std::map<std::string, std::pair<std::string, std::string>> bad = {
      {"not JSON", {"{\"hook\": ", "the request body: hook: bad JSON: "}},
      {"trailing bytes", {text + " {}", "the request body: bytes after the document at byte "}},
      {"a duplicate key",
       {"{\"hook\": \"order-select\", \"hook\": \"patient-view\"}",
        "the request body: hook: duplicate key"}},
      {"a nested duplicate key",
       {"{\"context\": {\"patientId\": \"a\", \"patientId\": \"b\"}}",
        "the request body: context.patientId: duplicate key"}},
      {"a NUL byte",
       {text.substr(0, 5) + std::string(1, '\0') + text.substr(5),
        "the request body: a NUL byte at byte 5"}},
      {"an escaped NUL",
       {"{\"hook\": \"order-select\\u0000\"}", "the request body: hook: a string holds \\u0000"}},
      {"not an object", {"[1, 2]", "the request is not a JSON object"}},
      {"a number", {"42", "the request body: the document must be a JSON object or array"}},
      {"empty", {"", "the request body: empty"}},
      {"nested too deep",
       {std::string(200, '[') + std::string(200, ']'), "nested deeper than 64 levels"}},
      {"invalid UTF-8", {"{\"hook\": \"\xff\xfe\"}", "the request body: bad JSON: "}},
      {"the wrong hook",
       {json{{"hook", "patient-view"}, {"hookInstance", "x"}, {"context", {{"patientId", "p"}}}}
            .dump(),
        "this service answers the order-select hook, not \"patient-view\""}},
      {"no context",
       {json{{"hook", "order-select"}, {"hookInstance", "x"}}.dump(),
        "not a CDS Hooks request: no context"}},
      {"no patientId",
       {json{{"hook", "order-select"}, {"hookInstance", "x"}, {"context", json::object()}}.dump(),
        "the context has no patientId"}},
      {"a patientId that is no string",
       {json{{"hook", "order-select"}, {"hookInstance", "x"}, {"context", {{"patientId", 5}}}}
            .dump(),
        "the context's patientId is not a string"}},
      // A patientId that is no FHIR id names no Patient/<id> a record can be matched against.
      {"a patientId that is a path", {with_patient_id("p1/../p2"), not_an_id("p1/../p2")}},
      {"a patientId with a space", {with_patient_id("p 1"), not_an_id("p 1")}},
      {"a patientId that is a reference", {with_patient_id("Patient/p1"), not_an_id("Patient/p1")}},
      {"a patientId of 65 characters",
       {with_patient_id(std::string(65, 'a')), not_an_id(std::string(65, 'a'))}},
      {"a BOM",
       {"\xEF\xBB\xBF" + text,
        "the request body: a UTF-8 byte order mark at byte 0: a document starts with '{' or '['"}},
      {"a token without a server",
       {json{{"hook", "order-select"},
             {"hookInstance", "x"},
             {"fhirAuthorization", {{"access_token", "t"}}},
             {"context", minimal["context"]}}
            .dump(),
        "fhirAuthorization is given without fhirServer"}},
      // A token with bytes that could end its header: CR LF would add a header, or a request,
      // to every fetch.
      {"a token that could end its header", {with_token("abc\r\nX-Evil: 1"), not_bearer}},
      {"a token with a space", {with_token("abc def"), not_bearer}},
      {"a MAC token", {with_token("abc", "MAC"), not_bearer_type}},
      {"a token type that is no text", {with_token("abc", 7), not_bearer_type}},
      {"an empty token type", {with_token("abc", ""), not_bearer_type}},
      {"a selection of no draft order",
       {order_select({"MedicationRequest/o1"}, {"o2"}),
        "selections[0] names no resource of draftOrders: 'MedicationRequest/o1'"}},
      {"a selection of a Medication",
       {medication_selected.dump(),
        "selections[1] names Medication/m1, which is no order: a selection names an order"}},
      {"a selection of a MedicationDispense",
       {dispense_selected.dump(),
        "selections[1] names MedicationDispense/d1, which is no order: a selection names an "
        "order"}},
      {"a selection of an Observation",
       {observation_selected.dump(),
        "selections[1] names Observation/w9, which is no order: a selection names an order"}},
      {"a draft order twice",
       {order_select({"MedicationRequest/o2"}, {"o2", "o2"}),
        "draftOrders holds MedicationRequest/o2 twice"}},
      // Screened against Patient/p's record, it would be checked against the wrong person.
      {"a draft order for another patient",
       {for_another.dump(),
        "draftOrders: MedicationRequest/o1 is about Patient/other, not Patient/p (the context's "
        "patientId)"}},
      // A draft is checked as the order it is: one a modifier changes is not read.
      {"a draft order with a modifierExtension",
       {with_modifier.dump(),
        "draftOrders: MedicationRequest/o1: it carries a modifierExtension (modifierExtension), "
        "which changes its meaning in a way gln does not read"}},
      {"a draft order not to give glutamine",
       {not_to_give.dump(),
        "draftOrders: MedicationRequest/o1: it is an order not to do what it names "
        "(doNotPerform: true)"}},
      {"selections that are no list",
       {[&] {
          json request = json::parse(order_select({"MedicationRequest/o1"}, {"o1"}));
          request["context"]["selections"] = "MedicationRequest/o1";
          return request.dump();
        }(),
        "context.selections is not a list"}},
      {"a draftOrders entry with no resource",
       {no_resource.dump(), "draftOrders.entry[1] holds no resource"}},
      {"a draftOrders entry whose resource is no resource",
       {one_draft_with("/context/draftOrders/entry/-", {{"resource", json::object()}}),
        "draftOrders.entry[1]: its resource has no resourceType"}},
      {"a draft order whose type is in another case",
       {one_draft_with("/context/draftOrders/entry/0/resource/resourceType", "medicationrequest"),
        "draftOrders.entry[0]: its resourceType 'medicationrequest' is not MedicationRequest (FHIR "
        "resource types are case-sensitive)"}},
      {"a draft order whose fullUrl is no string",
       {one_draft_with("/context/draftOrders/entry/0/fullUrl", 5),
        "draftOrders.entry[0]: its fullUrl is not a string"}},
      {"a draft order whose id is no FHIR id",
       {one_draft_with("/context/draftOrders/entry/0/resource/id", "../Patient/x"),
        "draftOrders.entry[0]: its id '../Patient/x' is no FHIR id (1-64 letters, digits, '-' and "
        "'.')"}},
      {"a draft order with two medication[x]",
       {one_draft_with("/context/draftOrders/entry/0/resource/medicationReference",
                       {{"reference", "Medication/zz"}}),
        "draftOrders.entry[0]: it has both medicationCodeableConcept and medicationReference "
        "(FHIR R4: one medication[x])"}},
      {"a draftOrders entry that is null",
       {null_entry.dump(), "draftOrders.entry[1] holds no resource"}},
      {"draftOrders entries that are no list",
       {entry_object.dump(), "draftOrders.entry is not a list"}},
      // FHIR R4 Bundle: its relative references (its Medication's) are to that server.
      {"a draft order on another server",
       {other_server.dump(),
        "draftOrders.entry[0]: its fullUrl 'https://other.example/fhir/MedicationRequest/o1' is "
        "no urn and no URL of this MedicationRequest on https://ehr.example/fhir"}},
      {"a draft order on a server the request does not name",
       {no_server.dump(),
        "draftOrders.entry[0]: its fullUrl 'https://ehr.example/fhir/MedicationRequest/o1' is no "
        "urn, and the request names no fhirServer"}},
      {"a patientId that is a dot segment", {with_patient_id(".."), not_an_id("..")}},
      {"a selection twice",
       {order_select({"MedicationRequest/o1", "MedicationRequest/o1"}, {"o1"}),
        "selections[1] names MedicationRequest/o1 a second time"}},
  };
  // A subject that is given but names no Patient/p cannot be shown to be the context patient's.
  for (const json& subject :
       {json("Patient/p"), json::array({{{"reference", "Patient/p"}}}), json{{"reference", 5}},
        json{{"reference", "patient/p"}}, json{{"reference", " Patient/p"}},
        json{{"reference", "Patient//p"}}, json{{"reference", "Patient/"}}, json{{"reference", ""}},
        json{{"reference", "Group/g1"}}, json{{"reference", "RelatedPerson/r1"}},
        json{{"reference", "#p1"}}, json{{"identifier", {{"system", "urn:mrn"}, {"value", "p"}}}},
        json{{"display", "the patient"}}, json(nullptr),
        json{{"reference", "Patient/p/_history/1/extra"}}, json{{"reference", "Patient/p/"}},
        json{{"reference", "./Patient/p"}}, json{{"reference", "Patient/p/Observation/x"}},
        json{{"reference", "Patient/p"}, {"type", "Group"}},
        json{{"reference", "https://evil.example/fhir/Patient/p"}},
        // The path keeps its case; only scheme and host lose theirs.
        json{{"reference", "https://ehr.example/FHIR/Patient/p"}},
        json{{"reference", "https://ehr.example.evil/fhir/Patient/p"}},
        json{{"reference", "https://x@ehr.example/fhir/Patient/p"}},
        json{{"reference", "https://ehr.example:8443/fhir/Patient/p"}},
        json{{"reference", "https://ehr.example/fhir/./Patient/p"}},
        json{{"reference", "https://ehr.example/fhir//Patient/p"}}}) {
    INFO(subject.dump());
    json body = for_another;
    body["fhirServer"] = "https://ehr.example/fhir/";
    body["context"]["draftOrders"]["entry"][0]["resource"]["subject"] = subject;
    const response r = post(service, "/cds-services/gln-order-select", body.dump());
    CHECK(r.status == 400);
    CHECK(r.body.value("error", "") ==
          "draftOrders: MedicationRequest/o1 has a subject that is no reference to Patient/p (the "
          "context's patientId)");
  }
  // An absolute reference with no fhirServer in the request names a server that cannot be shown
  // to be the EHR's: refused, whatever its server (the patient's or the order's).
  for (const char* key : {"subject", "patient"}) {
    INFO(key);
    json body = for_another;
    json& draft = body["context"]["draftOrders"]["entry"][0]["resource"];
    draft["subject"] = {{"reference", "Patient/p"}};
    draft[key] = {{"reference", "http://evil.example/fhir/Patient/p"}};
    const response r = post(service, "/cds-services/gln-order-select", body.dump());
    CHECK(r.status == 400);
    CHECK(r.body.value("error", "") == "draftOrders: MedicationRequest/o1 has a " +
                                           std::string(key) +
                                           " that is no reference to Patient/p (the context's "
                                           "patientId)");
  }
  // Patient/p however written, and no subject, are the context patient's.
  for (const json& subject :
       {json{{"reference", "Patient/p"}}, json{{"reference", "https://ehr.example/fhir/Patient/p"}},
        // Scheme and host in any case are the same server (RFC 3986 §6.2.2.1).
        json{{"reference", "https://EHR.Example/fhir/Patient/p"}},
        json{{"reference", "HTTPS://ehr.example/fhir/Patient/p"}},
        // The scheme's default port is no port, and so is an empty one (RFC 3986 §6.2.3).
        json{{"reference", "https://ehr.example:443/fhir/Patient/p"}},
        json{{"reference", "https://ehr.example:/fhir/Patient/p"}},
        json{{"reference", "Patient/p/_history/3"}},
        json{{"reference", "Patient/p"}, {"type", "Patient"}}}) {
    INFO(subject.dump());
    json body = for_another;
    body["fhirServer"] = "https://ehr.example/fhir/";
    body["context"]["draftOrders"]["entry"][0]["resource"]["subject"] = subject;
    CHECK(post(service, "/cds-services/gln-order-select", body.dump()).status == 200);
  }
  // A NutritionOrder names its patient in `patient`: held to the same rule, selected or not.
  for (const bool selected : {false, true}) {
    json body = for_another;
    body["context"]["draftOrders"]["entry"][0]["resource"]["subject"] = {
        {"reference", "Patient/p"}};
    body["context"]["draftOrders"]["entry"].push_back(
        {{"resource",
          {{"resourceType", "NutritionOrder"},
           {"id", "n1"},
           {"status", "draft"},
           {"intent", "order"},
           {"patient", {{"reference", "Patient/zzz"}}}}}});
    if (selected) body["context"]["selections"].push_back("NutritionOrder/n1");
    const response r = post(service, "/cds-services/gln-order-select", body.dump());
    CHECK(r.status == 400);
    CHECK(r.body.value("error", "") ==
          "draftOrders: NutritionOrder/n1 is about Patient/zzz, not Patient/p (the context's "
          "patientId)");
    body["context"]["draftOrders"]["entry"][1]["resource"]["patient"] = {{"display", "someone"}};
    CHECK(post(service, "/cds-services/gln-order-select", body.dump()).body.value("error", "") ==
          "draftOrders: NutritionOrder/n1 has a patient that is no reference to Patient/p (the "
          "context's patientId)");
    body["context"]["draftOrders"]["entry"][1]["resource"]["patient"] = {
        {"reference", "Patient/p"}};
    CHECK(post(service, "/cds-services/gln-order-select", body.dump()).status == 200);
  }
  for (const auto& [what, body_and_error] : bad) {
    INFO(what);
    const response r = post(service, "/cds-services/gln-order-select", body_and_error.first);
    CHECK(r.status == 400);
    CHECK(r.body["error"].get<std::string>().find(body_and_error.second) != std::string::npos);
  }
  CHECK(post(service, "/cds-services/gln-order-select", std::string(70000, ' ')).status == 413);
  {
    // A body of another type, curl's form default among them, is named as such: 415.
    auto typed = service.client();
    for (const char* type : {"text/plain", "application/x-www-form-urlencoded"}) {
      INFO(type);
      const auto r = typed.Post("/cds-services/gln-order-select", text, type);
      REQUIRE(r);
      CHECK(r->status == 415);
      CHECK(gln_fhir_test::parse(r->body)["error"] ==
            std::string("the body must be sent with Content-Type: application/json, not '") + type +
                "'");
    }
    const auto with_charset =
        typed.Post("/cds-services/gln-order-select", text, "Application/JSON; charset=utf-8");
    REQUIRE(with_charset);
    CHECK(with_charset->status == 200);
  }
  const response unknown = post(service, "/cds-services/no-such-service", minimal);
  CHECK(unknown.status == 404);
  auto client = service.client();
  const auto nowhere = client.Get("/nowhere");
  REQUIRE(nowhere);
  CHECK(nowhere->status == 404);
  // A path the service has, asked with a method it does not take: 405 and the methods it takes.
  const auto refused = [&](const httplib::Result& r, const std::string& allowed,
                           const std::string& error) {
    REQUIRE(r);
    CHECK(r->status == 405);
    CHECK(r->get_header_value("Allow") == allowed);
    CHECK(gln_fhir_test::parse(r->body)["error"] == error);
  };
  refused(client.Get("/cds-services/gln-order-select"), "POST, OPTIONS",
          "GET is not allowed on this path: it takes POST, OPTIONS");
  refused(client.Get("/cds-services/gln-order-select/feedback"), "POST, OPTIONS",
          "GET is not allowed on this path: it takes POST, OPTIONS");
  refused(client.Delete("/cds-services/gln-order-select"), "POST, OPTIONS",
          "DELETE is not allowed on this path: it takes POST, OPTIONS");
  refused(client.Put("/cds-services/gln-order-select/feedback", text, "application/json"),
          "POST, OPTIONS", "PUT is not allowed on this path: it takes POST, OPTIONS");
  refused(client.Post("/cds-services", text, "application/json"), "GET, HEAD, OPTIONS",
          "POST is not allowed on this path: it takes GET, HEAD, OPTIONS");
  refused(client.Post("/health", "", "text/plain"), "GET, HEAD, OPTIONS",
          "POST is not allowed on this path: it takes GET, HEAD, OPTIONS");
  refused(client.Patch("/health", text, "application/json"), "GET, HEAD, OPTIONS",
          "PATCH is not allowed on this path: it takes GET, HEAD, OPTIONS");
  const auto head = client.Head("/cds-services/gln-order-select");
  REQUIRE(head);
  CHECK(head->status == 405);
  CHECK(head->get_header_value("Allow") == "POST, OPTIONS");
  // A service that does not exist is a 404 whatever the method or body type.
  for (const auto& unknown_service :
       {client.Get("/cds-services/nope"), client.Delete("/cds-services/nope/feedback"),
        client.Post("/cds-services/nope", text, "text/plain")}) {
    REQUIRE(unknown_service);
    CHECK(unknown_service->status == 404);
    CHECK(gln_fhir_test::parse(unknown_service->body)["error"] == "no CDS service 'nope'");
  }
  // Refused before any body is read, and the connection closed after the answer: a
  // Transfer-Encoding (cpp-httplib would read a chunked body whole, past --max-body), a body
  // with no length at all (it waited for it), a Content-Length given twice or not a number.
  const std::string post_head =
      "POST /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: application/json\r\n";
  const std::string chunked = "Transfer-Encoding: chunked\r\n";
  // `count` header fields beside Host, each of `size` bytes.
  auto fields = [](int count, std::size_t size) {
    std::string out;
    for (int i = 0; i < count; ++i) {
      out += "X-" + std::to_string(1000 + i) + ": " + std::string(size, 'v') + "\r\n";
    }
    return out;
  };
  const std::vector<std::array<std::string, 3>> unread = {
      {post_head + chunked + "\r\n2\r\n{}\r\n0\r\n\r\n", "411",
       "a body must be sent with a Content-Length, not a Transfer-Encoding"},
      {post_head + chunked + "Content-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n", "411",
       "a body must be sent with a Content-Length, not a Transfer-Encoding"},
      {"PUT /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + chunked + "\r\n2\r\n{}\r\n0\r\n\r\n", "411",
       "a body must be sent with a Content-Length, not a Transfer-Encoding"},
      {post_head + "\r\n", "411", "the body must be sent with a Content-Length"},
      {"PUT /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "411",
       "the body must be sent with a Content-Length"},
      {post_head + "Content-Length: 2\r\nContent-Length: 5\r\n\r\n{}", "400",
       "Content-Length is given more than once"},
      {post_head + "Content-Length: +2\r\n\r\n{}", "400",
       "Content-Length must be a number of bytes"},
      {post_head + "Content-Length: 2abc\r\n\r\n{}", "400",
       "Content-Length must be a number of bytes"},
      {post_head + "Content-Length: 2, 2\r\n\r\n{}", "400",
       "Content-Length must be a number of bytes"},
      // A space before the colon hid the Transfer-Encoding (RFC 9112 §5.1: a 400).
      {post_head + "Transfer-Encoding :chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", "400",
       "a header name is not a token (no space before the colon): 'Transfer-Encoding '"},
      // cpp-httplib hands a value on as a C string: this length was read as 2.
      {post_head + "Content-Length: 2" + std::string(1, '\0') + " 9\r\n\r\n{}", "400",
       "header Content-Length holds a control character"},
      {post_head + "X-Note: a\rb\r\nContent-Length: 2\r\n\r\n{}", "400",
       "header X-Note holds a control character"},
      // cpp-httplib unpacked a gzip body past --max-body (1 MB on the wire to 1 GB).
      {post_head + "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", "415",
       "the body must be sent without a Content-Encoding, not 'gzip'"},
      // Any number of digits is a length: one too long to read is over --max-body.
      {post_head + "Content-Length: 99999999999999999999999\r\n\r\n{}", "413",
       "the request body is too large: at most 65536 bytes"},
      // cpp-httplib read any number of header lines (300 MB of them) to the handler.
      {"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields(100, 1) + "\r\n", "431",
       "too many header fields: at most 100"},
      {"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields(9, 8000) + "\r\n", "431",
       "the header section is too large: at most 65536 bytes"},
      // One Content-Type: the first of two was read.
      {post_head + "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}", "400",
       "Content-Type is given more than once"},
      // JSON is UTF-8: latin1 bytes were read as UTF-8.
      {"POST /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
       "application/json; charset=latin1\r\nContent-Length: 2\r\n\r\n{}",
       "415", "the body must be UTF-8 JSON, not charset=latin1"},
      // HTTP/1.1 needs exactly one Host, a host name or address (RFC 9112 §3.2).
      {"GET /health HTTP/1.1\r\n\r\n", "400", "a Host header is required in HTTP/1.1"},
      {"GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "400", "Host is given more than once"},
      {"GET /health HTTP/1.1\r\nHost: a b@c\r\n\r\n", "400",
       "Host is not a host name or address with an optional port"},
      // Over --max-body with no body sent: refused at once (it waited its read timeout).
      {post_head + "Content-Length: 65537\r\n\r\n", "413",
       "the request body is too large: at most 65536 bytes"},
      // cpp-httplib answers a Range it cannot parse with a 416 and no handler runs.
      {"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: lines=1\r\n\r\n", "400",
       "Range is not a byte range (this service ignores Range and answers whole bodies: send "
       "none)"},
  };
  for (const auto& [request, status, error] : unread) {
    INFO(request);
    const std::string answer = raw_exchange(service.port(), request, true);
    CHECK(answer.rfind("HTTP/1.1 " + status + " ", 0) == 0);
    CHECK(answer.find("{\"error\":\"" + error + "\"}") != std::string::npos);
    CHECK(answer.find("Connection: close\r\n") != std::string::npos);
    CHECK(answer.rfind("HTTP/1.1 ") == 0);  // one answer, then the connection closed
  }
  // A method the service does not implement is a 501 (cpp-httplib said 400); a request line
  // that cannot be read stays a 400.
  const std::string not_implemented =
      " is not implemented: the service takes GET, HEAD, POST and OPTIONS";
  const std::string unreadable = "not an HTTP/1.1 request that can be read";
  const std::vector<std::array<std::string, 3>> request_lines = {
      {"TRACE /health HTTP/1.1\r\n\r\n", "501 Not Implemented", "TRACE" + not_implemented},
      {"PROPFIND /cds-services HTTP/1.1\r\n\r\n", "501 Not Implemented",
       "PROPFIND" + not_implemented},
      {"CONNECT 127.0.0.1:80 HTTP/1.1\r\n\r\n", "501 Not Implemented", "CONNECT" + not_implemented},
      // cpp-httplib read a PRI's body until its read timeout, after a 100 Continue if asked.
      {"PRI /cds-services/gln-order-select HTTP/1.1\r\n\r\n", "501 Not Implemented",
       "PRI" + not_implemented},
      {"PROPFIND /health HTTP/7.1\r\n\r\n", "400 Bad Request", unreadable},
      {"PROP FIND /health HTTP/1.1\r\n\r\n", "400 Bad Request", unreadable},
  };
  for (const auto& [request, status, error] : request_lines) {
    INFO(request);
    const std::string answer = raw_exchange(service.port(), request);
    CHECK(answer.rfind("HTTP/1.1 " + status + "\r\n", 0) == 0);
    CHECK(answer.find("{\"error\":\"" + error + "\"}") != std::string::npos);
  }
  // Accepted: a length with leading zeros (1*DIGIT), a tab before the media type's parameters
  // (RFC 9110 §5.6.6), an HTTP/1.0 request without Host, a bracketed IPv6 Host with a port, a
  // target in absolute form (RFC 9112 §3.2.2), OPTIONS of the server (`*`), HEAD. A gzipped
  // answer says it varies with Accept-Encoding; no answer offers ranges (HEAD said bytes).
  const std::string minimal_length = std::to_string(text.size());
  for (const std::string& request :
       {post_head + "Content-Length: 000" + minimal_length + "\r\n\r\n" + text,
        "POST /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "application/json\t;charset=utf-8\r\nContent-Length: " +
            minimal_length + "\r\n\r\n" + text,
        std::string("GET /health HTTP/1.0\r\n\r\n"),
        std::string("GET /health HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n"),
        std::string("GET /cds-services HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: "
                    "gzip\r\n\r\n"),
        std::string("GET http://127.0.0.1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        std::string("OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        std::string("HEAD /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields(99, 600) + "\r\n",
        "POST /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "application/json; charset=UTF-8\r\nContent-Length: " +
            minimal_length + "\r\n\r\n" + text}) {
    INFO(request);
    const std::string answer = raw_exchange(service.port(), request, true);
    CHECK(answer.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(answer.find("\r\nVary: Accept-Encoding\r\n") != std::string::npos);
    CHECK(answer.find("\r\nAccept-Ranges: none\r\n") != std::string::npos);
    CHECK(answer.find("Accept-Ranges: bytes") == std::string::npos);
  }
  // A client waiting for `Expect: 100-continue` is refused without the 100 (it was told to send
  // the body first).
  for (const auto& [request, status] : std::vector<std::pair<std::string, std::string>>{
           {post_head + "Expect: 100-continue\r\nContent-Length: 65537\r\n\r\n", "413"},
           {"POST /cds-services/nope HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
            "application/json\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
            "404"},
           {"POST /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
            "text/plain\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
            "415"},
           {"PRI /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: "
            "100-continue\r\n\r\n",
            "501"}}) {
    INFO(request);
    const std::string answer = raw_exchange(service.port(), request, true);
    CHECK(answer.rfind("HTTP/1.1 " + status + " ", 0) == 0);
    CHECK(answer.rfind("HTTP/1.1 ") == 0);
  }
  {
    const std::string answer = raw_exchange(service.port(),
                                            post_head + "Expect: 100-continue\r\nContent-Length: " +
                                                std::to_string(text.size()) + "\r\n\r\n" + text,
                                            true);
    CHECK(answer.rfind("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ", 0) == 0);
  }
  // Range is ignored: the whole answer, never a 206 of part of the JSON or a multipart.
  const std::string health = client.Get("/health")->body;
  for (const char* range : {"bytes=0-5", "bytes=0-1,3-4", "bytes=-3"}) {
    INFO(range);
    const std::string answer = raw_exchange(
        service.port(),
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: " + std::string(range) + "\r\n\r\n");
    CHECK(answer.rfind("HTTP/1.1 200 ", 0) == 0);
    CHECK(answer.find("Content-Range") == std::string::npos);
    CHECK(answer.substr(answer.find("\r\n\r\n") + 4) == health);
    const std::string cards =
        raw_exchange(service.port(), post_head + "Range: bytes=0-3\r\nContent-Length: " +
                                         std::to_string(text.size()) + "\r\n\r\n" + text);
    CHECK(cards.rfind("HTTP/1.1 200 ", 0) == 0);
    CHECK(gln_fhir_test::parse(cards.substr(cards.find("\r\n\r\n") + 4)) ==
          json{{"cards", json::array()}});
  }
  // A request hidden in a refused body, or sent behind another, is never run: one answer a
  // connection.
  const std::string hidden = "GET /cds-services/hidden HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  const std::string form_head =
      "POST /cds-services/gln-order-select HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      "Content-Type: text/plain\r\nContent-Length: ";
  for (const std::string& request :
       {form_head + std::to_string(hidden.size()) + "\r\n\r\n" + hidden,
        "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + hidden}) {
    const std::string answer = raw_exchange(service.port(), request, true);
    CHECK(answer.rfind("HTTP/1.1 ") == 0);
    CHECK(answer.find("hidden") == std::string::npos);
  }
  // Where there is nothing, any method is a 404, whatever the body's type.
  const auto posted_nowhere = client.Post("/nowhere", text, "text/plain");
  REQUIRE(posted_nowhere);
  CHECK(posted_nowhere->status == 404);
  const auto too_deep = client.Get("/cds-services/gln-order-select/other");
  REQUIRE(too_deep);
  CHECK(too_deep->status == 404);
  // Still answering.
  CHECK(post(service, "/cds-services/gln-order-select", minimal).status == 200);
  // Garbage of every byte, bounded: a 400, never a crash or a hang.
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 131 + 7) % 256);
  for (std::size_t cut = 1; cut < noise.size(); cut *= 2) {
    CHECK(post(service, "/cds-services/gln-order-select", noise.substr(0, cut)).status == 400);
  }
  CHECK(post(service, "/cds-services/gln-order-select", minimal).status == 200);
}

// Each glutamine order is read against the whole record: 1,600 in one 1.2 MB request held a
// worker for 12 s, 4,000 for minutes. At most 20 a request; more is a 400 naming the field.
TEST_CASE("cds: at most 20 glutamine orders or medications are checked in one request") {
  running_service service(fixed_date());
  const json glutamine =
      gln_fhir_test::coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1869684");
  auto orders = [&](int count, const std::string& status) {
    json out = json::array();
    for (int i = 0; i < count; ++i) {
      json order = gln_fhir_test::medication_request("o" + std::to_string(i), glutamine, status);
      order["subject"] = {{"reference", "Patient/p"}};
      out.push_back(order);
    }
    return out;
  };
  auto order_select = [&](int count, int selected) {
    json selections = json::array();
    for (int i = 0; i < selected; ++i)
      selections.push_back("MedicationRequest/o" + std::to_string(i));
    return json{{"hook", "order-select"},
                {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
                {"context",
                 {{"patientId", "p"},
                  {"selections", selections},
                  {"draftOrders", gln_fhir_test::collection(orders(count, "draft"))}}}};
  };
  auto patient_view = [&](int count) {
    return json{{"hook", "patient-view"},
                {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2eb"},
                {"context", {{"patientId", "p"}}},
                {"prefetch", {{"medications", gln_fhir_test::searchset(orders(count, "active"))}}}};
  };
  const response twenty = post(service, "/cds-services/gln-order-select", order_select(20, 20));
  CHECK(twenty.status == 200);
  CHECK(twenty.body["cards"].size() >= 20);
  // Drafts not selected are read as the patient's orders, not checked one by one.
  CHECK(post(service, "/cds-services/gln-order-select", order_select(100, 1)).status == 200);
  const response too_many = post(service, "/cds-services/gln-order-select", order_select(21, 21));
  CHECK(too_many.status == 400);
  CHECK(too_many.body.value("error", "") ==
        "context.draftOrders: 21 glutamine orders to check, at most 20 in one request");
  const response signed_all = post(service, "/cds-services/gln-order-sign", [&] {
    json r = order_select(21, 0);
    r["hook"] = "order-sign";
    r["context"].erase("selections");
    return r;
  }());
  CHECK(signed_all.status == 400);
  CHECK(signed_all.body.value("error", "") == too_many.body.value("error", "?"));
  CHECK(post(service, "/cds-services/gln-patient-view", patient_view(20)).status == 200);
  const response viewed = post(service, "/cds-services/gln-patient-view", patient_view(21));
  CHECK(viewed.status == 400);
  CHECK(viewed.body.value("error", "") ==
        "the patient's medications: 21 glutamine orders or statements to check, at most 20 in "
        "one request");
}

// --log writes one line a request: a path's decoded control bytes are escaped, so a `%0A` cannot
// forge a second line nor a `%1B` drive the terminal.
TEST_CASE("cds: --log writes one line a request, control bytes escaped") {
  running_service service({"--log"});
  const std::string answer =
      raw_exchange(service.port(),
                   "GET /x%0APOST%20/cds-services/gln-order-select%20200%1B[31m HTTP/1.1\r\n"
                   "Host: 127.0.0.1\r\n\r\n");
  CHECK(answer.rfind("HTTP/1.1 404 ", 0) == 0);
  std::string log;
  for (int i = 0; i < 200 && log.find(" 404\n") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    log = gln_fhir_test::read_text(service.dir() + "/stderr");
  }
  CHECK(log == "GET /x\\x0aPOST /cds-services/gln-order-select 200\\x1b[31m 404\n");
}

TEST_CASE("cds: feedback lands in the audit file, without patient data") {
  const auto test07 = gln_fhir_test::shared_file("cds-hooks/order-select_test07_rxnorm.json");
  if (!test07) return;
  const std::string audit =
      std::string(GLN_CDS_TEST_DIR) + "/audit-" + std::to_string(::getpid()) + ".jsonl";
  std::filesystem::remove(audit);
  running_service service({"--audit", audit, "--screening-date", "2026-11-30"});
  // 50 g twice a day for the 16-year-old: avoid, and a card that suggests removing the order.
  json request = gln_fhir_test::read_json(*test07);
  request["context"]["draftOrders"]["entry"][0]["resource"]["dosageInstruction"][0]["doseAndRate"]
         [0]["doseQuantity"]["value"] = 50;
  const response answer = post(service, "/cds-services/gln-order-select", request);
  REQUIRE(answer.status == 200);
  REQUIRE(answer.body["cards"][0]["extension"]["gln"]["overall"] == "avoid");
  const std::string card = answer.body["cards"][0]["uuid"];
  const std::string suggestion = answer.body["cards"][0]["suggestions"][0]["uuid"];
  json reason = answer.body["cards"][0]["overrideReasons"][1];
  // The client writes the display: it may name the patient, so it is not kept.
  reason["display"] = "John Smith DOB 1980";
  const json feedback = {
      {"feedback",
       json::array({{{"card", card},
                     {"outcome", "overridden"},
                     {"overrideReason",
                      {{"reason", reason}, {"userComment", "test07 seizures controlled"}}},
                     {"outcomeTimestamp", "2026-11-30T10:05:31Z"}},
                    {{"card", card},
                     {"outcome", "accepted"},
                     {"acceptedSuggestions", json::array({{{"id", suggestion}}})},
                     {"outcomeTimestamp", "2026-11-30T10:06:00Z"}}})}};
  const response stored = post(service, "/cds-services/gln-order-select/feedback", feedback);
  CHECK(stored.status == 200);
  CHECK(post(service, "/cds-services/gln-order-select/feedback",
             json{{"feedback", json::array({{{"card", card}, {"outcome", "ignored"}}})}})
            .status == 400);
  CHECK(post(service, "/cds-services/gln-order-select/feedback", std::string("{\"feedback\": [}"))
            .status == 400);
  CHECK(post(service, "/cds-services/no-such-service/feedback", feedback).status == 404);
  // Refused whole, naming what is wrong: a time that is none (or that hides words), a card or
  // suggestion that is no UUID, an override reason the cards did not offer.
  auto one = [&](json item) { return json{{"feedback", json::array({std::move(item)})}}; };
  const json overridden = feedback["feedback"][0];
  const json accepted = feedback["feedback"][1];
  const std::string bad_time =
      "a feedback outcomeTimestamp is not an ISO 8601 instant (2026-11-30T10:05:31Z)";
  std::vector<std::pair<std::string, json>> refused;
  for (const char* time :
       {"not a time", "2026-11-30Tgarbage", "2026-11-30T", "2026-11-30T99:00:00Z",
        "2026-11-30T10:05:31Z Jane Doe", "2026-11-30T10:05:31", "2026-11-30T10:05:31+15:00",
        "2026-11-30T10:05:31+14:30", "2026-11-30T10:05:31-23:59"}) {
    json item = overridden;
    item["outcomeTimestamp"] = time;
    refused.emplace_back(bad_time, one(item));
  }
  for (const json& name : {json("Jane Doe MRN 12345"), json(7), json("")}) {
    json item = overridden;
    item["card"] = name;
    refused.emplace_back("a feedback card is not a card's UUID", one(item));
    json chosen = accepted;
    chosen["acceptedSuggestions"] = json::array({{{"id", name}}});
    refused.emplace_back("an accepted suggestion's id is not a suggestion's UUID", one(chosen));
  }
  // A suggestion the card did not offer.
  json not_offered = accepted;
  not_offered["acceptedSuggestions"] =
      json::array({{{"id", "e56e1945-20b3-4393-8503-a1a20fd73152"}}});
  refused.emplace_back(
      "acceptedSuggestions names e56e1945-20b3-4393-8503-a1a20fd73152, which "
      "card " +
          card + " did not offer",
      one(not_offered));
  // An item says one thing: accepted with the suggestions taken, overridden with a reason; a
  // suggestion is taken once.
  json accepted_with_reason = accepted;
  accepted_with_reason["overrideReason"] = overridden["overrideReason"];
  refused.emplace_back(
      "an accepted outcome has an overrideReason (only an overridden card has one)",
      one(accepted_with_reason));
  json overridden_with_suggestions = overridden;
  overridden_with_suggestions["acceptedSuggestions"] = accepted["acceptedSuggestions"];
  refused.emplace_back(
      "an overridden outcome names acceptedSuggestions (only an accepted card has them)",
      one(overridden_with_suggestions));
  json twice = accepted;
  twice["acceptedSuggestions"].push_back({{"id", suggestion}});
  refused.emplace_back("acceptedSuggestions names " + suggestion + " twice", one(twice));
  // One interaction is reported once: the same item twice, or one card at one instant both
  // ways, would be counted twice (the same card at two instants is two interactions: above).
  json overridden_at_once = overridden;
  overridden_at_once["outcomeTimestamp"] = accepted["outcomeTimestamp"];
  for (const json& second : {accepted, overridden_at_once}) {
    refused.emplace_back("feedback reports card " + card + " at " +
                             accepted["outcomeTimestamp"].get<std::string>() + " twice",
                         json{{"feedback", json::array({accepted, second})}});
  }
  // One moment however it is written: an offset, a fraction of zeros.
  for (const char* same_moment :
       {"2026-11-30T11:06:00.000+01:00", "2026-11-30T10:06:00-00:00", "2026-11-30T04:36:00-05:30",
        "2026-11-30T10:06:00.0Z", "2026-12-01T00:06:00+14:00"}) {
    json again = overridden;
    again["outcomeTimestamp"] = same_moment;
    REQUIRE(accepted["outcomeTimestamp"] == "2026-11-30T10:06:00Z");
    refused.emplace_back(
        "feedback reports card " + card + " at " + std::string(same_moment) + " twice",
        json{{"feedback", json::array({accepted, again})}});
  }
  json empty_suggestion = accepted;
  empty_suggestion["acceptedSuggestions"] = json::array({json::object()});
  refused.emplace_back("an accepted suggestion's id is not a suggestion's UUID",
                       one(empty_suggestion));
  for (const json& code : {json("Jane Doe 1950-01-01"), json(std::string(100000, 'x')), json(7)}) {
    json item = overridden;
    item["overrideReason"]["reason"]["code"] = code;
    refused.emplace_back("overrideReason.reason is not one of the cards' override reasons",
                         one(item));
  }
  // A reason the other card offered, for an info card, which offers none (Synthea test10:
  // suitable).
  if (const auto test10 = gln_fhir_test::shared_file("fhir/synthea/test10.json")) {
    const response info = post(service, "/cds-services/gln-order-select",
                               order_select_for(gln_fhir_test::read_json(*test10), "test10"));
    REQUIRE(info.status == 200);
    REQUIRE(info.body["cards"][0]["indicator"] == "info");
    REQUIRE_FALSE(info.body["cards"][0].contains("overrideReasons"));
    json item = overridden;
    item["card"] = info.body["cards"][0]["uuid"];
    refused.emplace_back("overrideReason.reason is not one of the override reasons card " +
                             item["card"].get<std::string>() + " offered",
                         one(item));
  }
  for (const auto& [error, body] : refused) {
    const response r = post(service, "/cds-services/gln-order-select/feedback", body);
    CHECK(r.status == 400);
    CHECK(r.body.value("error", "") == error);
  }
  const response elsewhere = post(service, "/cds-services/gln-patient-view/feedback", feedback);
  CHECK(elsewhere.status == 400);
  CHECK(elsewhere.body["error"] == "card " + card +
                                       " was issued by the service gln-order-select, not "
                                       "gln-patient-view");
  // A UUID in upper case names the same card (RFC 4122 §3): refused the same elsewhere, kept
  // with the card's verdict and rules where it was issued.
  std::string shouted = card;
  std::transform(shouted.begin(), shouted.end(), shouted.begin(), [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  });
  REQUIRE(shouted != card);
  json overridden_shouted = overridden;
  overridden_shouted["card"] = shouted;
  overridden_shouted["outcomeTimestamp"] = "2026-11-30T10:07:00Z";  // a new interaction
  const response shouted_elsewhere =
      post(service, "/cds-services/gln-patient-view/feedback", one(overridden_shouted));
  CHECK(shouted_elsewhere.status == 400);
  CHECK(shouted_elsewhere.body.value("error", "") == elsewhere.body.value("error", "?"));
  CHECK(post(service, "/cds-services/gln-order-select/feedback", one(overridden_shouted)).status ==
        200);

  // A leap second is its own moment, and a fraction may have any number of digits (FHIR R4's
  // instant): three interactions, all kept.
  json at_leap = overridden;
  at_leap["outcomeTimestamp"] = "2026-12-31T23:59:60Z";
  json after_leap = overridden;
  after_leap["outcomeTimestamp"] = "2027-01-01T00:00:00Z";
  json fine_fraction = overridden;
  fine_fraction["outcomeTimestamp"] = "2026-11-30T10:05:31.0000000001Z";
  CHECK(post(service, "/cds-services/gln-order-select/feedback",
             json{{"feedback", json::array({at_leap, after_leap, fine_fraction})}})
            .status == 200);

  // An EHR's retry of a request (its answer lost) is not written again, however it writes the
  // moment; the same interaction said another way is refused (409), nothing written.
  CHECK(post(service, "/cds-services/gln-order-select/feedback", feedback).status == 200);
  json retried = overridden;
  retried["outcomeTimestamp"] = "2026-11-30T11:05:31.000+01:00";
  CHECK(post(service, "/cds-services/gln-order-select/feedback", one(retried)).status == 200);
  json without_comment = overridden;
  without_comment["overrideReason"].erase("userComment");
  json other_words = overridden;
  other_words["overrideReason"]["userComment"] = "other words";
  json accepted_then = accepted;
  accepted_then["outcomeTimestamp"] = overridden["outcomeTimestamp"];
  for (const json& changed : {without_comment, other_words, accepted_then}) {
    const response conflict = post(service, "/cds-services/gln-order-select/feedback",
                                   json{{"feedback", json::array({at_leap, changed})}});
    CHECK(conflict.status == 409);
    CHECK(conflict.body.value("error", "") ==
          "feedback reports card " + card +
              " at 2026-11-30T10:05:31Z again, differently from the feedback already recorded");
  }
  // One new interaction sent by eight clients at once is written once.
  json new_one = accepted;
  new_one["outcomeTimestamp"] = "2026-11-30T10:08:00Z";
  std::vector<std::thread> senders;
  std::atomic<int> answered{0};
  for (int i = 0; i < 8; ++i) {
    senders.emplace_back([&] {
      if (post(service, "/cds-services/gln-order-select/feedback", one(new_one)).status == 200)
        ++answered;
    });
  }
  for (std::thread& sender : senders) sender.join();
  CHECK(answered == 8);

  // A card this process did not issue, its suggestions named in another order: the same.
  json two_taken = {
      {"card", "0b6f5b4e-6c1f-4f7e-9a51-2b1d7d0f4c11"},
      {"outcome", "accepted"},
      {"acceptedSuggestions", json::array({{{"id", "8a1f0f2e-5b0c-4b53-a0a5-0b7e1b0d2c01"}},
                                           {{"id", "8a1f0f2e-5b0c-4b53-a0a5-0b7e1b0d2c02"}}})},
      {"outcomeTimestamp", "2026-11-30T10:09:00Z"}};
  CHECK(post(service, "/cds-services/gln-order-select/feedback", one(two_taken)).status == 200);
  std::swap(two_taken["acceptedSuggestions"][0], two_taken["acceptedSuggestions"][1]);
  CHECK(post(service, "/cds-services/gln-order-select/feedback", one(two_taken)).status == 200);

  std::ifstream in(audit);
  std::vector<json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(gln_fhir_test::parse(line));
  REQUIRE(lines.size() == 8);
  CHECK(lines[6]["outcomeTimestamp"] == "2026-11-30T10:08:00Z");
  CHECK(lines[7]["outcomeTimestamp"] == "2026-11-30T10:09:00Z");
  CHECK(lines[5]["outcomeTimestamp"] == "2026-11-30T10:05:31.0000000001Z");
  CHECK(lines[0]["card"] == card);
  CHECK(lines[0]["service"] == "gln-order-select");
  CHECK(lines[0]["outcome"] == "overridden");
  CHECK(lines[0]["overrideReason"]["code"] == reason["code"]);
  CHECK(lines[0]["userComment"] == true);
  CHECK(lines[0]["cardOverall"] == "avoid");
  CHECK(lines[0]["cardRules"] == answer.body["cards"][0]["extension"]["gln"]["rules"]);
  CHECK(lines[1]["outcome"] == "accepted");
  CHECK(lines[1]["acceptedSuggestions"] == json::array({suggestion}));
  CHECK(lines[2]["card"] == card);
  CHECK(lines[2]["cardRules"] == lines[0]["cardRules"]);
  // No patient data: not the patient's id, not the comment's words.
  const std::string all = gln_fhir_test::read_text(audit);
  CHECK(all.find("test07") == std::string::npos);
  CHECK(all.find("seizures") == std::string::npos);
  CHECK(all.find("John Smith") == std::string::npos);
  CHECK_FALSE(lines[0]["overrideReason"].contains("display"));
}

TEST_CASE("cds: bounded threads under concurrent requests") {
  const auto test07 = gln_fhir_test::shared_file("cds-hooks/order-select_test07_rxnorm.json");
  if (!test07) return;
  running_service service({"--threads", "2", "--screening-date", "2026-11-30"});
  const std::string body = gln_fhir_test::read_text(*test07);
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 16; ++i) {
    clients.emplace_back([&] {
      httplib::Client c("127.0.0.1", service.port());
      c.set_read_timeout(30, 0);
      for (int j = 0; j < 5; ++j) {
        const auto r = c.Post("/cds-services/gln-order-select", body, "application/json");
        if (r && r->status == 200) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  CHECK(ok == 80);
  // The main thread, the signal thread and the 2 workers.
  std::ifstream status("/proc/" + std::to_string(service.pid()) + "/status");
  int threads = 0;
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Threads:", 0) == 0) threads = std::stoi(line.substr(8));
  }
  CHECK(threads >= 3);
  CHECK(threads <= 4);
}

#if GLN_CDS_HAVE_JWT
namespace {

struct key_pair {
  std::string private_pem;
  std::string public_pem;
};

key_pair make_key(const char* type, std::size_t rsa_bits = 2048) {
  EVP_PKEY* key = std::string(type) == "RSA" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", rsa_bits)
                                             : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384");
  REQUIRE(key != nullptr);
  auto pem = [&](bool private_part) {
    BIO* bio = BIO_new(BIO_s_mem());
    if (private_part) {
      PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
    } else {
      PEM_write_bio_PUBKEY(bio, key);
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string out(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return out;
  };
  key_pair out{pem(true), pem(false)};
  EVP_PKEY_free(key);
  return out;
}

std::string sign(jwt_alg_t alg, const std::string& key, const json& claims) {
  jwt_t* token = nullptr;
  jwt_new(&token);
  jwt_add_grants_json(token, claims.dump().c_str());
  jwt_set_alg(token, alg, reinterpret_cast<const unsigned char*>(key.data()),
              static_cast<int>(key.size()));
  char* encoded = jwt_encode_str(token);
  std::string out = encoded ? encoded : "";
  free(encoded);
  jwt_free(token);
  return out;
}

}  // namespace

TEST_CASE("cds: the EHR's JWT, when required") {
  const key_pair ehr = make_key("EC");
  const key_pair other = make_key("RSA");
  const std::string key_file =
      std::string(GLN_CDS_TEST_DIR) + "/ehr-" + std::to_string(::getpid()) + ".pem";
  std::ofstream(key_file) << ehr.public_pem;
  const std::string issuer = "https://fhir-ehr.example.com/";
  running_service service(
      {"--require-jwt", "--jwt-issuer", issuer + "=" + key_file, "--screening-date", "2026-11-30"});
  const std::string audience = service.url() + "/cds-services";
  const long now = static_cast<long>(std::time(nullptr));
  int next_id = 0;
  auto claims = [&](const std::string& aud) {
    return json{{"iss", issuer},
                {"aud", aud},
                {"exp", now + 300},
                {"iat", now},
                {"jti", "jti-" + std::to_string(next_id++)}};
  };
  std::string last_error;
  auto get_with = [&](const httplib::Headers& headers) {
    auto c = service.client();
    const auto r = c.Get("/cds-services", headers);
    REQUIRE(r);
    UNSCOPED_INFO(r->body);
    last_error = r->status == 401 ? gln_fhir_test::parse(r->body).value("error", "") : "";
    return r->status;
  };
  auto get = [&](const std::string& token, const std::string& scheme = "Bearer ") {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", scheme + token);
    return get_with(headers);
  };
  CHECK(get("") == 401);
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, claims(audience))) == 200);
  // The audience may be an array holding the URL.
  json listed = claims(audience);
  listed["aud"] = json::array({"https://another.example.org/cds-services", audience});
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, listed)) == 200);
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem,
                 claims(service.url() + "/cds-services/gln-order-select"))) == 401);
  json expired = claims(audience);
  expired["exp"] = now - 10;
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, expired)) == 401);
  // Not valid before its issue time or its nbf (RFC 7519 §4.1.5, §4.1.6), with no leeway, as exp.
  json early = claims(audience);
  early["iat"] = now + 600;
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, early)) == 401);
  json not_yet = claims(audience);
  not_yet["nbf"] = now + 600;
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, not_yet)) == 401);
  json unreadable_nbf = claims(audience);
  unreadable_nbf["nbf"] = std::to_string(now - 10);
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, unreadable_nbf)) == 401);
  json valid_since = claims(audience);
  valid_since["nbf"] = now - 10;
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, valid_since)) == 200);
  // A NumericDate may hold a fraction (RFC 7519 §2), read on the cautious side: exp down, iat
  // and nbf up.
  json fractional = claims(audience);
  fractional["exp"] = static_cast<double>(now) + 300.5;
  fractional["iat"] = static_cast<double>(now) - 10.75;
  fractional["nbf"] = static_cast<double>(now) - 10.25;
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, fractional)) == 200);
  const std::vector<std::tuple<const char*, json, std::string>> bad_times{
      {"exp", static_cast<double>(now) - 0.5, "the token has expired"},
      {"iat", static_cast<double>(now) + 600.5, "the token's issue time is in the future"},
      {"nbf", static_cast<double>(now) + 600.5, "the token is not valid yet (nbf)"},
      {"exp", std::to_string(now + 300),
       "the token has no expiry (exp, a positive number of seconds)"},
      {"exp", 0, "the token has no expiry (exp, a positive number of seconds)"},
      {"iat", -1.5, "the token has no issue time (iat, a positive number of seconds)"},
      {"iat", nullptr, "the token has no issue time (iat, a positive number of seconds)"},
      {"nbf", json::array({now}), "the token's nbf is not a positive number of seconds"},
      {"nbf", 0, "the token's nbf is not a positive number of seconds"},
  };
  for (const auto& [claim, value, error] : bad_times) {
    INFO(claim << " " << value.dump());
    json times = claims(audience);
    times[claim] = value;
    CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, times)) == 401);
    CHECK(last_error == "not authorized: " + error);
  }
  json stranger = claims(audience);
  stranger["iss"] = "https://elsewhere.example.com/";
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, stranger)) == 401);
  CHECK(get(sign(JWT_ALG_RS384, other.private_pem, claims(audience))) == 401);  // another key
  // HMAC with the public key as its secret, the classic confusion: refused.
  CHECK(get(sign(JWT_ALG_HS256, ehr.public_pem, claims(audience))) == 401);
  // A token used twice.
  const std::string once = sign(JWT_ALG_ES384, ehr.private_pem, claims(audience));
  CHECK(get(once) == 200);
  CHECK(get(once) == 401);
  // The scheme in any case (RFC 7235 §2.1); no other scheme, and one space before the token.
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)), "bearer ") == 200);
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)), "BEARER ") == 200);
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)), "Basic ") == 401);
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)), "Bearer") == 401);
  // One or more spaces before the token (RFC 7235 §2.1: 1*SP).
  CHECK(get(sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)), "Bearer   ") == 200);
  CHECK(get("", "Bearer   ") == 401);
  // Each part base64url without padding or spaces, header and claims JSON objects with each key
  // once: a key given twice is read as its last copy by libjwt, maybe as its first elsewhere.
  const std::string malformed =
      "not authorized: the token is not a JWT of three base64url parts with JSON objects (each "
      "key once)";
  const std::string valid = sign(JWT_ALG_ES384, ehr.private_pem, claims(audience));
  // (Spaces after the token are the header's optional white space, RFC 9110 §5.6.3: not read.)
  for (const std::string& token : {valid + "=", valid + "==", valid + ".", "\t" + valid,
                                   valid.substr(0, valid.rfind('.')), valid + "A"}) {
    INFO(token);
    CHECK(get(token) == 401);
    CHECK(last_error == malformed);
  }
  const auto base64url = [](const std::string& bytes) {
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
      buffer = (buffer << 8) | static_cast<unsigned char>(byte);
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out.push_back(digits[(buffer >> bits) & 63u]);
      }
    }
    if (bits > 0) out.push_back(digits[(buffer << (6 - bits)) & 63u]);
    return out;
  };
  const std::string signature = valid.substr(valid.rfind('.'));
  const std::string header = base64url(R"({"alg":"ES384","typ":"JWT"})");
  json duplicated_claims = claims(audience);
  duplicated_claims.erase("iss");
  const std::string twice = R"({"iss":"https://evil.example/","iss":")" + issuer + R"(",)" +
                            duplicated_claims.dump().substr(1);
  CHECK(get(header + "." + base64url(twice) + signature) == 401);
  CHECK(last_error == malformed);
  CHECK(get(base64url(R"({"alg":"none","alg":"ES384"})") + "." +
            base64url(claims(audience).dump()) + signature) == 401);
  CHECK(last_error == malformed);
  CHECK(get(header + "." + base64url("[1]") + signature) == 401);
  CHECK(last_error == malformed);
  // Read before the signature: an alg in another case than RFC 7518's (RFC 7515 §4.1.1), an
  // alg the issuer's key is not for (its P-384 curve is ES384's, RFC 7518 §3.4), a critical
  // extension (RFC 7515 §4.1.11: none is understood here), a typ libjwt does not read.
  const std::string claims_part = base64url(claims(audience).dump());
  for (const auto& [head, error] : std::vector<std::pair<std::string, std::string>>{
           {R"({"alg":"es384","typ":"JWT"})",
            "the token is not signed with RS256/384/512 or ES256/384/512"},
           {R"({"alg":"Es384"})", "the token is not signed with RS256/384/512 or ES256/384/512"},
           {R"({"alg":"ES256","typ":"JWT"})",
            "the token's alg ES256 is not one the issuer's key is for"},
           {R"({"alg":"RS384","typ":"JWT"})",
            "the token's alg RS384 is not one the issuer's key is for"},
           {R"({"alg":"ES384","typ":"JWT","crit":["exp2"],"exp2":1})",
            "the token names critical header extensions (crit), which this service does not "
            "support"},
           {R"({"alg":"ES384","crit":[]})",
            "the token names critical header extensions (crit), which this service does not "
            "support"},
           {R"({"alg":"ES384","typ":"application/jwt"})",
            "the token cannot be read by libjwt (an alg it does not know, such as PS256 or EdDSA; "
            "a typ other than JWT; an integer beyond 64 bits)"},
           {R"({"alg":"PS256","typ":"JWT"})",
            "the token cannot be read by libjwt (an alg it does not know, such as PS256 or EdDSA; "
            "a typ other than JWT; an integer beyond 64 bits)"},
           {R"({"alg":"ES384","typ":1})", "the token's typ is not JWT"},
           {R"({"alg":"ES384","typ":null})", "the token's typ is not JWT"}}) {
    INFO(head);
    CHECK(get(base64url(head) + "." + claims_part + signature) == 401);
    CHECK(last_error == "not authorized: " + error);
  }
  // Bits past the last byte set: "e30" is {} and so would "e31" be, read leniently.
  CHECK(get(header + ".e31" + signature) == 401);
  CHECK(last_error == malformed);
  CHECK(get(header + ".e30" + signature) == 401);
  CHECK(last_error != malformed);
  // Two Authorization headers: neither is read, even when both are valid.
  httplib::Headers two_headers;
  two_headers.emplace("Authorization",
                      "Bearer " + sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)));
  two_headers.emplace("Authorization",
                      "Bearer " + sign(JWT_ALG_ES384, ehr.private_pem, claims(audience)));
  CHECK(get_with(two_headers) == 401);
  CHECK(last_error == "not authorized: more than one Authorization header");
  // /health needs no token.
  auto c = service.client();
  CHECK(c.Get("/health")->status == 200);
}

TEST_CASE("cds: a --jwt-issuer key that is no RSA or EC public key refuses to start") {
  const std::string directory =
      std::string(GLN_CDS_TEST_DIR) + "/keys-" + std::to_string(::getpid());
  std::filesystem::create_directories(directory);
  const key_pair ec = make_key("EC");
  const key_pair rsa = make_key("RSA");
  // RFC 7518 §3.3: an RSA key of 2048 bits or larger.
  const key_pair short_rsa = make_key("RSA", 1024);
  const std::vector<std::pair<std::string, std::string>> files{
      {"private.pem", ec.private_pem},
      {"text.pem", "not a key\n"},
      {"empty.pem", ""},
      {"rsa-1024.pem", short_rsa.public_pem},
      // One key a file: a second would be ignored, a private key does not belong there.
      {"two.pem", rsa.public_pem + ec.public_pem},
      {"public-and-private.pem", ec.public_pem + ec.private_pem},
      {"trailing.pem", ec.public_pem + "garbage\n"}};
  for (const auto& [name, content] : files) {
    const std::string path = directory + "/" + name;
    std::ofstream(path) << content;
    INFO(name);
    const auto [code, err] = refused_start({"--jwt-issuer", "https://ehr.example/=" + path});
    CHECK(code == 2);
    CHECK(err == "gln-cds-hooks: --jwt-issuer: 'https://ehr.example/=" + path +
                     "' is not one RSA (2048 bits or more) or EC (P-256, P-384, P-521) public "
                     "key in PEM\n");
  }
  // Each kind alone starts (the refused start above is then the key's doing).
  for (const std::string& pem : {rsa.public_pem, ec.public_pem, "\n" + ec.public_pem + "\n\n"}) {
    const std::string path = directory + "/good.pem";
    std::ofstream(path) << pem;
    running_service service({"--jwt-issuer", "https://ehr.example/=" + path, "--require-jwt"});
    auto c = service.client();
    CHECK(c.Get("/health")->status == 200);
  }
  std::filesystem::remove_all(directory);
}
#endif
