// gln-cds-hooks: the CDS Hooks 2.0 service over HTTP (cpp-httplib).
//
//   gln-cds-hooks [--host 127.0.0.1] [--port 8085] [--threads 4] [--max-body BYTES]
//                 [--audit FILE] [--screening-date YYYY-MM-DD] [--fhir-server URL]...
//                 [--base-url URL] [--require-jwt --jwt-issuer ISSUER=PUBLIC_KEY.pem ...]
//                 [--cors-origin ORIGIN] [--port-file FILE] [--log]
//
// Endpoints: GET /cds-services (discovery), POST /cds-services/{id} (a hook call),
// POST /cds-services/{id}/feedback, GET /health; OPTIONS on any path (CORS preflight).

#include <httplib.h>
#include <signal.h>
#include <sys/socket.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include "cds_service.hpp"
#include "jwt_verify.hpp"

namespace {

std::string json_error(const std::string& message) {
  return nlohmann::json{{"error", message}}.dump(-1, ' ', false,
                                                 nlohmann::json::error_handler_t::replace);
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

// A whole number in decimal digits, as the help says: CLI11 reads "0x3c" as hex and "010" as
// octal (8 threads, an 8 s deadline), a silently different number.
CLI::Validator decimal_check() {
  return CLI::Validator(
      [](const std::string& text) {
        const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
          return c >= '0' && c <= '9';
        });
        return digits && (text == "0" || text[0] != '0')
                   ? std::string{}
                   : "'" + text +
                         "' is no whole number in decimal digits (no sign, leading zero or 0x)";
      },
      "", "decimal");
}

std::string too_large(std::size_t max_body) {
  return "the request body is too large: at most " + std::to_string(max_body) + " bytes";
}

// RFC 9110 §5.6.2: a header field name is a token.
bool is_token(const std::string& text) {
  static constexpr std::string_view others = "!#$%&'*+-.^_`|~";
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           others.find(c) != std::string_view::npos;
  });
}

// The methods the service answers; any other is a 501 (RFC 9110 §15.6.2), where cpp-httplib says
// 400 (a method it does not know) or reads a PRI's body without a length until its timeout.
bool implemented(const std::string& method) {
  static const std::set<std::string> methods{"GET",   "HEAD",   "POST",   "PUT",
                                             "PATCH", "DELETE", "OPTIONS"};
  return methods.count(method) != 0;
}

std::string not_implemented(const std::string& method) {
  return method.substr(0, 100) +
         " is not implemented: the service takes GET, HEAD, POST and OPTIONS";
}

// A Host value: a host name, IPv4 or bracketed IPv6 address, and an optional port (RFC 9110 §7.2,
// RFC 3986 §3.2.2), or empty; no space, '@', '/', '?' or '#'.
bool is_host(const std::string& value) {
  return std::all_of(value.begin(), value.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view("-._~%!$&'()*+,;=:[]").find(c) != std::string_view::npos;
  });
}

// What in a request's head refuses it before its body is read: a method not implemented (501); a
// header name that is no token, a space before the colon among them (400, RFC 9112 §5.1:
// `Transfer-Encoding :chunked` would otherwise pass as another header); a value holding a control
// character (400, RFC 9110 §5.5: cpp-httplib hands values on as C strings, so `Content-Length:
// 4\0...` read as 4); in HTTP/1.1, no Host, two, or one that is no host (400, RFC 9112 §3.2); a
// Transfer-Encoding (411: cpp-httplib reads a chunked body whole, past --max-body); a
// Content-Encoding (415, RFC 9110 §15.5.16); a POST, PUT or PATCH without a Content-Length (411: it
// waited its read timeout for the body); a Content-Length given twice or not a plain number (400);
// one over --max-body (413 at once: cpp-httplib read the whole body, or waited for it, to refuse
// it).
std::optional<std::pair<int, std::string>> refusal(const httplib::Request& request,
                                                   std::size_t max_body) {
  using found = std::optional<std::pair<int, std::string>>;
  if (!implemented(request.method)) return found({501, not_implemented(request.method)});
  // cpp-httplib limits a header line, not their number or sum (300 MB of headers were read).
  constexpr std::size_t max_fields = 100;
  constexpr std::size_t max_header_bytes = 64U << 10U;
  // cpp-httplib adds the connection's addresses as four headers of its own.
  if (request.headers.size() > max_fields + 4) {
    return found({431, "too many header fields: at most " + std::to_string(max_fields)});
  }
  std::size_t header_bytes = 0;
  for (const auto& [name, value] : request.headers) header_bytes += name.size() + value.size() + 4;
  if (header_bytes > max_header_bytes) {
    return found({431, "the header section is too large: at most " +
                           std::to_string(max_header_bytes) + " bytes"});
  }
  for (const auto& [name, value] : request.headers) {
    if (!is_token(name)) {
      return found({400, "a header name is not a token (no space before the colon): '" +
                             name.substr(0, 100) + "'"});
    }
    const bool control = std::any_of(value.begin(), value.end(), [](char c) {
      return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f;
    });
    if (control) return found({400, "header " + name + " holds a control character"});
  }
  if (request.version == "HTTP/1.1") {
    const std::size_t hosts = request.get_header_value_count("Host");
    if (hosts != 1) {
      return found({400, hosts == 0 ? "a Host header is required in HTTP/1.1"
                                    : "Host is given more than once"});
    }
    if (!is_host(request.get_header_value("Host"))) {
      return found({400, "Host is not a host name or address with an optional port"});
    }
  }
  if (request.has_header("Transfer-Encoding")) {
    return found({411, "a body must be sent with a Content-Length, not a Transfer-Encoding"});
  }
  // cpp-httplib would decompress a gzip body past --max-body (a 1 MB body unpacked to 1 GB).
  if (request.has_header("Content-Encoding")) {
    return found({415, "the body must be sent without a Content-Encoding, not '" +
                           request.get_header_value("Content-Encoding").substr(0, 100) + "'"});
  }
  if (request.get_header_value_count("Content-Type") > 1) {
    return found({400, "Content-Type is given more than once"});
  }
  const std::size_t lengths = request.get_header_value_count("Content-Length");
  if (lengths > 1) return found({400, "Content-Length is given more than once"});
  std::string length = request.get_header_value("Content-Length");
  if (lengths == 1 &&
      (length.empty() || length.find_first_not_of("0123456789") != std::string::npos)) {
    return found({400, "Content-Length must be a number of bytes"});
  }
  // Any number of digits is a length (RFC 9112 §6.2): leading zeros dropped, one too long to
  // read is over --max-body.
  length.erase(0, std::min(length.find_first_not_of('0'), length.size()));
  if (lengths == 1 && length.size() > 18) return found({413, too_large(max_body)});
  if (length.empty()) length = "0";
  const bool sends_body =
      request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
  if (sends_body && lengths == 0) {
    return found({411, "the body must be sent with a Content-Length"});
  }
  if (lengths == 1 && std::stoull(length) > max_body) return found({413, too_large(max_body)});
  return std::nullopt;
}

// A decoded path as one log line: control bytes and backslashes as \xNN, so a `%0A` in a path
// cannot start a forged line nor a `%1B` drive the terminal.
std::string printable(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\') {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

// A target in absolute form (`GET http://host/health`) is routed by its path: a server must
// accept one (RFC 9112 §3.2.2). The request object is cpp-httplib's non-const local.
void route_absolute_form(const httplib::Request& request) {
  const std::string scheme = gln::fhir::detail::lower_ascii(request.path.substr(0, 8));
  const std::size_t authority = scheme.rfind("http://", 0) == 0    ? 7
                                : scheme.rfind("https://", 0) == 0 ? 8
                                                                   : std::string::npos;
  if (authority == std::string::npos) return;
  const std::size_t path = request.path.find('/', authority);
  const_cast<httplib::Request&>(request).path =
      path == std::string::npos ? "/" : request.path.substr(path);
}

// Range is ignored (RFC 9110 §14.2: a server may; it must for a POST): cpp-httplib would answer
// a Range with a 206 of part of the JSON. Its parsed ranges are cleared before the answer is
// written; the request object is cpp-httplib's own non-const local, handed to handlers as const.
void ignore_ranges(const httplib::Request& request) {
  const_cast<httplib::Request&>(request).ranges.clear();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gln-cds-hooks: glutamine order checks as a CDS Hooks 2.0 service"};
  std::string host = "127.0.0.1";
  int port = 8085;
  std::size_t threads = 4;
  std::size_t max_body = 4U << 20U;
  std::string audit_path;
  std::string screening_date;
  std::vector<std::string> fhir_servers;
  int fetch_timeout = gln_cds::config{}.fetch_timeout_seconds;
  int fetch_total_timeout = gln_cds::config{}.fetch_total_seconds;
  std::string base_url;
  bool require_jwt = false;
  std::vector<std::string> jwt_issuers;
  std::string cors_origin = "*";
  std::string port_file;
  bool log = false;
  app.add_option("--host", host, "address to listen on")->capture_default_str();
  app.add_option("--port", port, "port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(decimal_check())
      ->check(CLI::Range(0, 65535));
  app.add_option("--threads", threads, "worker threads (requests handled at once)")
      ->capture_default_str()
      ->check(decimal_check())
      ->check(CLI::Range(1, 256));
  app.add_option("--max-body", max_body, "largest request body in bytes (413 beyond)")
      ->capture_default_str()
      ->check(decimal_check())
      ->check(CLI::Range(1024, 256 << 20));
  app.add_option("--audit", audit_path,
                 "append-only JSON Lines file for feedback (none: feedback is refused)");
  auto* screening_date_option =
      app.add_option("--screening-date", screening_date,
                     "screening date YYYY-MM-DD (default: today, UTC, when each request arrives)");
  app.add_option(
      "--fhir-server", fhir_servers,
      "a FHIR server base URL the service may fetch a missing prefetch from (repeatable)");
  app.add_option("--fetch-timeout", fetch_timeout,
                 "seconds one fetch from a FHIR server has for its whole answer")
      ->capture_default_str()
      ->check(decimal_check())
      ->check(CLI::Range(1, 60));
  app.add_option("--fetch-total-timeout", fetch_total_timeout,
                 "seconds all the fetches of one request have (the EHR waits for the cards)")
      ->capture_default_str()
      ->check(decimal_check())
      ->check(CLI::Range(1, 60));
  app.add_option("--base-url", base_url,
                 "the service's public URL, the JWT audience (default http://HOST:PORT)");
  app.add_flag("--require-jwt", require_jwt,
               "require the CDS Client's signed JWT on every call but /health");
  app.add_option("--jwt-issuer", jwt_issuers,
                 "ISSUER=PUBLIC_KEY.pem: a trusted issuer and its key (repeatable)");
  app.add_option("--cors-origin", cors_origin, "Access-Control-Allow-Origin")
      ->capture_default_str();
  app.add_option("--port-file", port_file, "write the port listened on to this file");
  app.add_flag("--log", log,
               "log each request (method, path, status, time; never bodies) to stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // Every bad argument exits 2, as a bad value of ours does (CLI11's own codes vary by kind).
    std::cerr << "gln-cds-hooks: " << e.what() << " (see gln-cds-hooks --help)\n";
    return 2;
  }

  gln_cds::config settings;
  if (screening_date_option->count() > 0) {  // given empty is no date either
    settings.screening_date = gln::fhir::parse_date(screening_date);
    if (!settings.screening_date || screening_date.size() != 10) {
      std::cerr << "gln-cds-hooks: --screening-date: '" << screening_date
                << "' is not YYYY-MM-DD\n";
      return 2;
    }
  }
  for (const std::string& server : fhir_servers) {
    if (!gln::fhir::server_base_key(server)) {
      std::cerr << "gln-cds-hooks: --fhir-server: '" << server
                << "' is not a FHIR base URL (http or https, a host, an optional port and a path "
                   "of plain segments; no user, query or fragment)\n";
      return 2;
    }
  }
  // The JWT audience is compared with this URL as the EHR writes it: one that is no URL would
  // refuse every token, or take one meant for something else.
  if (!base_url.empty() && !gln::fhir::server_base_key(base_url)) {
    std::cerr << "gln-cds-hooks: --base-url: '" << base_url
              << "' is not a base URL (http or https, a host, an optional port and a path of "
                 "plain segments; no user, query or fragment)\n";
    return 2;
  }
  if (host.empty()) {  // cpp-httplib would listen on some address, and name none
    std::cerr << "gln-cds-hooks: --host: empty: give an address or host name to listen on\n";
    return 2;
  }
  settings.fhir_servers = fhir_servers;
  settings.fetch_timeout_seconds = fetch_timeout;
  settings.fetch_total_seconds = fetch_total_timeout;
  settings.max_body = max_body;
  settings.audit_path = audit_path;
  std::map<std::string, std::string> keys;
  for (const std::string& item : jwt_issuers) {
    const std::size_t equals = item.rfind('=');
    std::string pem;
    if (equals == std::string::npos || !read_file(item.substr(equals + 1), pem)) {
      std::cerr << "gln-cds-hooks: --jwt-issuer: '" << item
                << "' is not ISSUER=readable PEM file\n";
      return 2;
    }
    if (gln_cds::jwt_available && gln_cds::jwt_key_algorithms(pem).empty()) {
      std::cerr << "gln-cds-hooks: --jwt-issuer: '" << item
                << "' is not one RSA (2048 bits or more) or EC (P-256, P-384, P-521) public key "
                   "in PEM\n";
      return 2;
    }
    keys[item.substr(0, equals)] = pem;
  }
  if (require_jwt && !gln_cds::jwt_available) {
    std::cerr << "gln-cds-hooks: --require-jwt: this build has no JWT verification (libjwt was not "
                 "found)\n";
    return 2;
  }
  if (require_jwt && keys.empty()) {
    std::cerr << "gln-cds-hooks: --require-jwt needs at least one --jwt-issuer\n";
    return 2;
  }

  gln_cds::service service(settings);
  if (!audit_path.empty()) {
    gln_cds::audit_log probe(audit_path);
    if (!probe.ok()) {
      std::cerr << "gln-cds-hooks: " << probe.error() << "\n";
      return 2;
    }
  }
  gln_cds::jwt_verifier verifier(keys);

  // SIGINT and SIGTERM stop the server; blocked here so that every thread inherits the mask and
  // one thread waits for them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(max_body);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_timeout(5);
  // One request a connection, each answer closing it: cpp-httplib cannot close a connection
  // from a handler, so a body refused unread (404, 411, 415 below) or a second request sent
  // behind the first would be read as the next request, a body's bytes run as a request.
  server.set_keep_alive_max_count(1);
  // Headers and body go out in separate writes: without this, Nagle and delayed ACKs add 40 ms.
  server.set_tcp_nodelay(true);
  // Vary: cpp-httplib gzips an answer for a client that accepts it (RFC 9110 §12.5.5).
  // Accept-Ranges: none, as ranges are ignored (cpp-httplib said bytes on HEAD alone).
  server.set_default_headers({{"Access-Control-Allow-Origin", cors_origin},
                              {"Vary", "Accept-Encoding"},
                              {"Accept-Ranges", "none"}});

  auto authorized = [&](const httplib::Request& request, httplib::Response& response) {
    if (!require_jwt) return true;
    const std::string audience = base_url + request.path;
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    // Two Authorization headers are two answers to one question: neither is read.
    const std::string problem =
        request.get_header_value_count("Authorization") > 1
            ? "more than one Authorization header"
            : verifier.verify(request.get_header_value("Authorization"), audience, now);
    if (problem.empty()) return true;
    response.status = 401;
    response.set_header("WWW-Authenticate", "Bearer");
    response.set_content(json_error("not authorized: " + problem), "application/json");
    return false;
  };

  // Refused before any body is read, by the pre-routing handler and, for a client that waits
  // for `Expect: 100-continue`, before the 100 is sent (see refusal()); then for a service: one
  // that does not exist (404), a body that is not JSON (415: a form body, curl's default, would
  // otherwise meet cpp-httplib's smaller form limit as a 413). Before the JWT check, like the
  // 405s: the service ids are fixed and public (discovery).
  static const std::string service_paths = R"(/cds-services/([^/]+)(/feedback)?)";
  static const std::regex service_path(service_paths);
  const auto refused = [&service, max_body](const httplib::Request& request) {
    route_absolute_form(request);
    if (std::optional<std::pair<int, std::string>> header = refusal(request, max_body)) {
      return header;
    }
    std::smatch match;
    if (request.method != "POST" || !std::regex_match(request.path, match, service_path)) {
      return std::optional<std::pair<int, std::string>>();
    }
    if (!service.has(match[1].str())) {
      return std::optional(std::pair{404, "no CDS service '" + match[1].str() + "'"});
    }
    const std::string given = request.get_header_value("Content-Type");
    std::string type = gln::fhir::detail::lower_ascii(given.substr(0, given.find(';')));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
    // JSON is UTF-8 (RFC 8259 §8.1): a charset parameter naming another is refused, not read as
    // UTF-8 anyway.
    const std::string parameters = gln::fhir::detail::lower_ascii(
        given.find(';') == std::string::npos ? std::string() : given.substr(given.find(';')));
    const std::size_t charset = parameters.find("charset=");
    if (type == "application/json" && charset != std::string::npos) {
      std::string named = parameters.substr(charset + 8);
      named = named.substr(0, named.find_first_of("; \t"));
      if (named != "utf-8" && named != "\"utf-8\"") {
        return std::optional(
            std::pair{415, "the body must be UTF-8 JSON, not charset=" + named.substr(0, 40)});
      }
    }
    if (type == "application/json") return std::optional<std::pair<int, std::string>>();
    return std::optional(std::pair{
        415, "the body must be sent with Content-Type: application/json, not " +
                 (given.empty() ? std::string("none") : "'" + given.substr(0, 100) + "'")});
  };
  const auto answer_refusal = [](httplib::Response& response,
                                 const std::pair<int, std::string>& refusal_found) {
    response.status = refusal_found.first;
    response.set_content(json_error(refusal_found.second), "application/json");
  };
  server.set_pre_routing_handler([&](const httplib::Request& request, httplib::Response& response) {
    ignore_ranges(request);
    const std::optional<std::pair<int, std::string>> found = refused(request);
    if (!found) return httplib::Server::HandlerResponse::Unhandled;
    answer_refusal(response, *found);
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_expect_100_continue_handler(
      [&](const httplib::Request& request, httplib::Response& response) {
        const std::optional<std::pair<int, std::string>> found = refused(request);
        if (!found) return 100;
        answer_refusal(response, *found);
        return found->first;
      });
  // 200, not 204: cpp-httplib writes a Content-Length on every answer, which a 204 must not have
  // (RFC 9110 §8.6); the preflight takes any 2xx. `*` is OPTIONS asked of the server itself.
  server.Options(R"(\*|/.*)", [](const httplib::Request&, httplib::Response& response) {
    response.status = 200;
    response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.set_header("Access-Control-Max-Age", "600");
  });
  server.Get("/health", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(
        nlohmann::ordered_json{{"status", "ok"},
                               {"gln", std::string(gln::version)},
                               {"knowledge_version", gln::knowledge_version},
                               {"knowledge_review_date", std::string(gln::knowledge_review_date)}}
            .dump(),
        "application/json");
  });
  server.Get("/cds-services", [&](const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    response.set_content(service.discovery(), "application/json");
  });
  server.Post(R"(/cds-services/([^/]+))",
              [&](const httplib::Request& request, httplib::Response& response) {
                if (!authorized(request, response)) return;
                const gln_cds::reply reply = service.call(request.matches[1].str(), request.body);
                response.status = reply.status;
                response.set_content(reply.body, "application/json");
              });
  server.Post(R"(/cds-services/([^/]+)/feedback)", [&](const httplib::Request& request,
                                                       httplib::Response& response) {
    if (!authorized(request, response)) return;
    const gln_cds::reply reply = service.feedback(request.matches[1].str(), request.body);
    response.status = reply.status;
    response.set_content(reply.body, "application/json");
  });
  // A known path asked with a method it does not take: 405 with the methods it takes (RFC 9110
  // §15.5.6), not a 404 that reads as a wrong address.
  const auto refuse_method = [&service](std::string allowed) {
    return [allowed, &service](const httplib::Request& request, httplib::Response& response) {
      std::smatch match;
      if (std::regex_match(request.path, match, service_path) && !service.has(match[1].str())) {
        response.status = 404;
        response.set_content(json_error("no CDS service '" + match[1].str() + "'"),
                             "application/json");
        return;
      }
      response.status = 405;
      response.set_header("Allow", allowed);
      // The path is not echoed: the client knows it, and it may be long or anything.
      response.set_content(
          json_error(request.method + " is not allowed on this path: it takes " + allowed),
          "application/json");
    };
  };
  const std::string read_paths = "/health|/cds-services";
  const std::string takes_post = "POST, OPTIONS";
  const std::string takes_get = "GET, HEAD, OPTIONS";
  server.Get(service_paths, refuse_method(takes_post));
  server.Post(read_paths, refuse_method(takes_get));
  for (const auto& [paths, allowed] :
       {std::pair{service_paths, takes_post}, std::pair{read_paths, takes_get}}) {
    server.Put(paths, refuse_method(allowed));
    server.Patch(paths, refuse_method(allowed));
    server.Delete(paths, refuse_method(allowed));
  }
  server.set_error_handler(
      [max_body](const httplib::Request& request, httplib::Response& response) {
        ignore_ranges(request);
        // cpp-httplib answers a Range header it cannot parse with a 416 before any handler runs.
        if (response.status == 416) {
          response.status = 400;
          response.set_content(json_error("Range is not a byte range (this service ignores Range "
                                          "and answers whole bodies: send none)"),
                               "application/json");
          return;
        }
        // A method cpp-httplib does not know (PROPFIND) is its 400 before any handler runs.
        if (response.status == 400 && response.body.empty() && is_token(request.method) &&
            !implemented(request.method) &&
            (request.version == "HTTP/1.1" || request.version == "HTTP/1.0")) {
          response.status = 501;
          response.set_content(json_error(not_implemented(request.method)), "application/json");
          return;
        }
        if (!response.body.empty()) return;
        std::string message = "HTTP " + std::to_string(response.status);
        if (response.status == 413) message = too_large(max_body);
        if (response.status == 404) message = "not found: the services are under /cds-services";
        if (response.status == 400) message = "not an HTTP/1.1 request that can be read";
        response.set_content(json_error(message), "application/json");
      });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
        response.status = 500;
        response.set_content(json_error("internal error"), "application/json");
      });
  if (log) {
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
      std::fprintf(stderr, "%s %s %d\n", printable(request.method).c_str(),
                   printable(request.path).c_str(), response.status);
    });
  }

  // The listening socket: SO_REUSEADDR for a quick restart, never cpp-httplib's SO_REUSEPORT
  // (a second service started on the same port must fail, not share the connections); and once
  // bound, the system's backlog: Debian's cpp-httplib listens with a backlog of 5, so a burst of
  // connections saw dropped handshakes and waited seconds for the kernel to retry them.
  int listening = -1;
  server.set_socket_options([&listening](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening = sock;
  });
  const int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0 || listening < 0 || ::listen(listening, SOMAXCONN) != 0) {
    std::cerr << "gln-cds-hooks: cannot listen on " << host << ":" << port << "\n";
    return 1;
  }
  if (base_url.empty()) base_url = "http://" + host + ":" + std::to_string(bound);
  while (!base_url.empty() && base_url.back() == '/') base_url.pop_back();
  if (!port_file.empty()) {
    // A launcher waits for this file: one that cannot be written is an error, not a hang.
    const std::string written = port_file + ".tmp";
    std::ofstream out(written);
    out << bound << "\n";
    out.close();
    if (!out || std::rename(written.c_str(), port_file.c_str()) != 0) {
      std::remove(written.c_str());
      std::cerr << "gln-cds-hooks: --port-file: cannot write '" << port_file << "'\n";
      return 1;
    }
  }
  std::cout << "gln-cds-hooks " << gln::version << " listening on http://" << host << ":" << bound
            << " (discovery: " << base_url << "/cds-services)" << std::endl;

  std::atomic<bool> signalled{false};
  std::thread stopper([&] {
    int received = 0;
    sigwait(&stop_signals, &received);
    signalled = true;
    server.stop();
  });
  const bool ok = server.listen_after_bind();
  // listen ended without a signal (an error): wake the waiting thread.
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return ok ? 0 : 1;
}
