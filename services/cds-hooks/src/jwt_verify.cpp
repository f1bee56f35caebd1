#include "jwt_verify.hpp"

#if GLN_CDS_HAVE_JWT
#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#endif

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

#include <gln/json/document.hpp>

namespace gln_cds {

#if GLN_CDS_HAVE_JWT

namespace {

struct jwt_free_t {
  void operator()(jwt_t* token) const { jwt_free(token); }
};
using jwt_ptr = std::unique_ptr<jwt_t, jwt_free_t>;

jwt_ptr decode(const std::string& token, const std::string* key) {
  jwt_t* out = nullptr;
  const auto* bytes = key ? reinterpret_cast<const unsigned char*>(key->data()) : nullptr;
  const int length = key ? static_cast<int>(key->size()) : 0;
  if (jwt_decode(&out, token.c_str(), bytes, length) != 0) return nullptr;
  return jwt_ptr(out);
}

bool asymmetric(jwt_alg_t alg) {
  switch (alg) {
    case JWT_ALG_RS256:
    case JWT_ALG_RS384:
    case JWT_ALG_RS512:
    case JWT_ALG_ES256:
    case JWT_ALG_ES384:
    case JWT_ALG_ES512: return true;
    default: return false;
  }
}

// The bytes of one part of a compact JWS (RFC 7515 §2: base64url, no padding, no white space);
// none for any other character or a length no encoding gives.
std::optional<std::string> base64url_decode(std::string_view text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    unsigned value = 0;
    if (c >= 'A' && c <= 'Z') {
      value = static_cast<unsigned>(c - 'A');
    } else if (c >= 'a' && c <= 'z') {
      value = static_cast<unsigned>(c - 'a') + 26;
    } else if (c >= '0' && c <= '9') {
      value = static_cast<unsigned>(c - '0') + 52;
    } else if (c == '-') {
      value = 62;
    } else if (c == '_') {
      value = 63;
    } else {
      return std::nullopt;
    }
    buffer = ((buffer << 6) | value) & 0xFFFFu;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFFu));
    }
  }
  if (bits >= 6) return std::nullopt;  // one character past a whole group encodes no byte
  // The bits past the last byte are zero (RFC 4648 §3.5): otherwise two texts are one token.
  if ((buffer & ((1u << bits) - 1u)) != 0) return std::nullopt;
  return out;
}

// Whether a token is three base64url parts whose first two are JSON objects the strict reader
// takes: a key given twice ({"iss": "a", "iss": "b"}) would be read as its last copy by libjwt
// and maybe as its first by another reader of the same token.
bool strictly_formed(std::string_view token) {
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    return false;
  for (const std::string_view part :
       {token.substr(0, first), token.substr(first + 1, second - first - 1)}) {
    const auto bytes = base64url_decode(part);
    if (!bytes) return false;
    nlohmann::json parsed;
    gln::json_document_parser parser(16384);
    if (parser.parse(*bytes, parsed) || !parsed.is_object()) return false;
  }
  return base64url_decode(token.substr(second + 1)).has_value();
}

// Whether the token has the grant at all, of any JSON type.
bool has_grant(jwt_t* token, const char* grant) {
  char* value = jwt_get_grants_json(token, grant);
  const bool present = value != nullptr;
  std::free(value);
  return present;
}

// A NumericDate claim (RFC 7519 §2: seconds since 1970, a fraction allowed) in whole seconds,
// rounded toward the cautious side (`up` for iat and nbf, down for exp); none when the token
// does not hold the claim as a positive number.
std::optional<std::int64_t> numeric_date(jwt_t* token, const char* grant, bool up) {
  char* value = jwt_get_grants_json(token, grant);
  if (value == nullptr) return std::nullopt;
  // (The strict reader takes a document, an object or array: the value is read as a list.)
  nlohmann::json parsed;
  gln::json_document_parser parser(16384);
  const bool read = !parser.parse("[" + std::string(value) + "]", parsed);
  std::free(value);
  if (!read || parsed.size() != 1 || !parsed[0].is_number()) return std::nullopt;
  const double seconds = parsed[0].get<double>();
  if (!(seconds > 0) || !std::isfinite(seconds)) return std::nullopt;
  // Past 2^62 s (10^11 years) every time compares the same.
  const double whole = std::min(up ? std::ceil(seconds) : std::floor(seconds), 0x1p62);
  return static_cast<std::int64_t>(whole);
}

// Whether the "aud" grant is `audience` or an array holding it.
bool audience_matches(jwt_t* token, const std::string& audience) {
  if (const char* single = jwt_get_grant(token, "aud")) return audience == single;
  char* list = jwt_get_grants_json(token, "aud");
  if (list == nullptr) return false;
  nlohmann::json parsed;
  gln::json_document_parser parser(16384);
  const bool read = !parser.parse(list, parsed);
  std::free(list);
  if (!read || !parsed.is_array()) return false;
  for (const auto& item : parsed) {
    if (item.is_string() && item.get<std::string>() == audience) return true;
  }
  return false;
}

}  // namespace

std::string jwt_key_algorithms(const std::string& pem) {
  // One SubjectPublicKeyInfo block and nothing else: a second key would be ignored (a rollover
  // that fails unseen), a private key does not belong in a verifier's file.
  constexpr std::string_view begin = "-----BEGIN PUBLIC KEY-----";
  constexpr std::string_view end = "-----END PUBLIC KEY-----";
  const std::size_t first = pem.find_first_not_of(" \t\r\n");
  const std::size_t last = pem.find_last_not_of(" \t\r\n");
  if (first == std::string::npos || pem.compare(first, begin.size(), begin) != 0 ||
      last + 1 < end.size() || pem.compare(last + 1 - end.size(), end.size(), end) != 0 ||
      pem.find("-----", first + begin.size()) != last + 1 - end.size()) {
    return {};
  }
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return {};
  EVP_PKEY* key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (key == nullptr) return {};
  std::string out;
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
    // RFC 7518 §3.3: a key of 2048 bits or larger MUST be used.
    if (EVP_PKEY_get_bits(key) >= 2048) out = "RS";
  } else if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC) {
    // A named curve (RFC 5480 §2.1.1: explicit parameters are not used; libjwt verifies none).
    char encoding[32] = {};
    char name[80] = {};
    std::size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_EC_ENCODING, encoding, sizeof encoding,
                                       nullptr) == 1 &&
        std::string_view(encoding) == OSSL_PKEY_EC_ENCODING_GROUP &&
        EVP_PKEY_get_group_name(key, name, sizeof name, &length) == 1) {
      const std::string_view group(name, length);
      if (group == "prime256v1" || group == "P-256") out = "ES256";
      if (group == "secp384r1" || group == "P-384") out = "ES384";
      if (group == "secp521r1" || group == "P-521") out = "ES512";
    }
  }
  EVP_PKEY_free(key);
  return out;
}

jwt_verifier::jwt_verifier(std::map<std::string, std::string> keys) : keys_(std::move(keys)) {
  for (const auto& [issuer, pem] : keys_) algorithms_[issuer] = jwt_key_algorithms(pem);
}

std::string jwt_verifier::verify(const std::string& authorization, const std::string& audience,
                                 std::int64_t now) {
  // The scheme's name is read in any case (RFC 7235 §2.1: "Bearer", "bearer").
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size() ||
      !std::equal(scheme.begin(), scheme.end(), authorization.begin(), [](char want, char got) {
        return want == static_cast<char>(std::tolower(static_cast<unsigned char>(got)));
      })) {
    return "no bearer token";
  }
  // One or more spaces before the token (RFC 7235 §2.1: 1*SP).
  const std::size_t token_start = authorization.find_first_not_of(' ', scheme.size());
  if (token_start == std::string::npos) return "no bearer token";
  const std::string token = authorization.substr(token_start);
  if (token.size() > 16384) return "the token is too long";
  if (!strictly_formed(token)) {
    return "the token is not a JWT of three base64url parts with JSON objects (each key once)";
  }
  // Read the header and the issuer first: the key is chosen by the issuer, and a token signed
  // with a symmetric algorithm must never be checked with a public key as its secret.
  const jwt_ptr unverified = decode(token, nullptr);
  if (!unverified) {
    return "the token cannot be read by libjwt (an alg it does not know, such as PS256 or "
           "EdDSA; a typ other than JWT; an integer beyond 64 bits)";
  }
  // (libjwt reports no algorithm for a token decoded without a key: read the header's.)
  // (libjwt reads alg in any case; RFC 7515 §4.1.1 makes it case-sensitive.)
  const char* algorithm = jwt_get_header(unverified.get(), "alg");
  const std::string_view alg = algorithm == nullptr ? "" : algorithm;
  if (!asymmetric(jwt_str_alg(algorithm == nullptr ? "" : algorithm)) ||
      !(alg.substr(0, 2) == "RS" || alg.substr(0, 2) == "ES")) {
    return "the token is not signed with RS256/384/512 or ES256/384/512";
  }
  // libjwt checks a typ that is text (JWT in any case); one of another JSON type is no typ.
  if (char* typ = jwt_get_headers_json(unverified.get(), "typ")) {
    std::free(typ);
    if (jwt_get_header(unverified.get(), "typ") == nullptr) return "the token's typ is not JWT";
  }
  // An extension the token marks critical must be understood (RFC 7515 §4.1.11); this service
  // understands none.
  if (char* critical = jwt_get_headers_json(unverified.get(), "crit")) {
    std::free(critical);
    return "the token names critical header extensions (crit), which this service does not "
           "support";
  }
  const char* issuer = jwt_get_grant(unverified.get(), "iss");
  if (issuer == nullptr) return "the token has no issuer";
  const auto key = keys_.find(issuer);
  if (key == keys_.end()) return "the issuer is not trusted";
  // An ES algorithm names its curve (RFC 7518 §3.4): ES384 is P-384, whatever libjwt accepts.
  const auto known = algorithms_.find(issuer);
  const std::string fits = known == algorithms_.end() ? std::string() : known->second;
  if (fits.empty() || alg.substr(0, fits.size()) != fits) {
    return "the token's alg " + std::string(alg) + " is not one the issuer's key is for";
  }
  const jwt_ptr verified = decode(token, &key->second);
  if (!verified || jwt_get_alg(verified.get()) != jwt_str_alg(algorithm))
    return "the signature does not verify";
  if (!audience_matches(verified.get(), audience)) return "the audience is not " + audience;
  // No leeway: a token is not accepted at or after its exp, before it was issued or before its
  // nbf (RFC 7519 §4.1.4-6). A time claim that is there but is no positive number is refused,
  // not read as absent.
  const auto expires = numeric_date(verified.get(), "exp", false);
  if (!expires) return "the token has no expiry (exp, a positive number of seconds)";
  if (*expires <= now) return "the token has expired";
  const auto issued = numeric_date(verified.get(), "iat", true);
  if (!issued) return "the token has no issue time (iat, a positive number of seconds)";
  if (*issued > now) return "the token's issue time is in the future";
  const auto not_before = numeric_date(verified.get(), "nbf", true);
  if (!not_before && has_grant(verified.get(), "nbf")) {
    return "the token's nbf is not a positive number of seconds";
  }
  if (not_before && *not_before > now) return "the token is not valid yet (nbf)";
  const char* id = jwt_get_grant(verified.get(), "jti");
  if (id == nullptr || *id == '\0') return "the token has no jti (a string, not empty)";
  const std::lock_guard<std::mutex> lock(seen_mutex_);
  for (auto it = seen_.begin(); it != seen_.end();) {
    it = it->second <= now ? seen_.erase(it) : std::next(it);
  }
  if (seen_.size() > 100000) return "too many tokens in flight";
  if (!seen_.emplace(std::string(issuer) + " " + id, *expires).second)
    return "the token was used before";
  return {};
}

#else

std::string jwt_key_algorithms(const std::string&) { return {}; }

jwt_verifier::jwt_verifier(std::map<std::string, std::string> keys) : keys_(std::move(keys)) {}

std::string jwt_verifier::verify(const std::string&, const std::string&, std::int64_t) {
  return "this service was built without libjwt";
}

#endif

}  // namespace gln_cds
