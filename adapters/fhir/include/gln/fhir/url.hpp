#ifndef GLN_FHIR_URL_HPP
#define GLN_FHIR_URL_HPP

// FHIR base URLs compared as one server: a CDS Hooks request's fhirServer, a server a deployer
// allows, the base of an absolute reference (FHIR R4 §3.1.0.1.1: [base]/[type]/[id]).

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace gln {
namespace fhir {
namespace detail {

// `text` with its ASCII letters in lower case (codes, media types, schemes and hosts are ASCII).
inline std::string lower_ascii(std::string_view text) {
  std::string lower(text);
  for (char& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return lower;
}

}  // namespace detail

// `url` as a FHIR base URL, in the form in which two bases of one server are equal: http or
// https, a host name or address, an optional port (1-65535), a path of plain segments
// (unreserved characters only, no "." or "..", no empty one); no user, query or fragment.
// Returned with scheme and host in lower case and the scheme's default port (or an empty one,
// "host:") dropped (RFC 3986 §6.2.2.1, §6.2.3); the path as written. None for anything else:
// such a URL names no server gln can show to be the one asked for.
inline std::optional<std::string> base_url_key(std::string_view url) {
  const auto all_of = [](std::string_view text, std::string_view allowed) {
    return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
  };
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  const std::string scheme = detail::lower_ascii(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  const std::size_t authority = scheme_end + 3;
  const std::size_t path_start = std::min(url.find('/', authority), url.size());
  const std::string_view host_port = url.substr(authority, path_start - authority);
  std::string_view host = host_port;
  std::string_view port;
  if (!host_port.empty() && host_port.front() == '[') {  // an IPv6 address
    const std::size_t close = host_port.find(']');
    if (close == std::string_view::npos ||
        !all_of(host_port.substr(1, close - 1), "0123456789abcdefABCDEF:.")) {
      return std::nullopt;
    }
    host = host_port.substr(0, close + 1);
    const std::string_view rest = host_port.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return std::nullopt;
    if (!rest.empty()) port = rest.substr(1);
  } else {
    const std::size_t colon = host_port.find(':');
    host = host_port.substr(0, colon);
    if (colon != std::string_view::npos) port = host_port.substr(colon + 1);
    if (!all_of(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")) {
      return std::nullopt;
    }
  }
  std::string port_text;
  if (!port.empty()) {
    if (!all_of(port, "0123456789") || port.size() > 5) return std::nullopt;
    long number = 0;
    for (const char digit : port) number = number * 10 + (digit - '0');
    if (number < 1 || number > 65535) return std::nullopt;
    if (!(scheme == "http" && number == 80) && !(scheme == "https" && number == 443)) {
      port_text = ":" + std::to_string(number);
    }
  }
  const std::string_view path = url.substr(path_start);
  for (std::size_t at = 0; at < path.size();) {  // at: a '/'
    const std::size_t next = std::min(path.find('/', at + 1), path.size());
    const std::string_view segment = path.substr(at + 1, next - at - 1);
    if (segment == "." || segment == ".." ||
        !all_of(segment, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) {
      return std::nullopt;
    }
    at = next;
  }
  return scheme + "://" + detail::lower_ascii(host) + port_text + std::string(path);
}

// A server's base URL as a deployer or a request names it (a CDS Hooks fhirServer), read as
// base_url_key reads it with its trailing slashes ignored.
inline std::optional<std::string> server_base_key(std::string_view url) {
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return base_url_key(url);
}

// Whether `base`, the base of an absolute reference as written (no trailing slash), is the
// server `server` names (as server_base_key reads it).
inline bool on_server(std::string_view base, std::string_view server) {
  const std::optional<std::string> key = base_url_key(base);
  return key && key == server_base_key(server);
}

}  // namespace fhir
}  // namespace gln

#endif
