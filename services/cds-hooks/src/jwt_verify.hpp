#ifndef GLN_CDS_JWT_VERIFY_HPP
#define GLN_CDS_JWT_VERIFY_HPP

// Verifies the JWT a CDS Client sends as its bearer token (CDS Hooks 2.0, "Trusting CDS
// Clients"), with libjwt: an issuer on the allow-list, signed with that issuer's public key by an
// asymmetric algorithm (RS256/384/512, ES256/384/512; never none nor HMAC), audience the URL
// being called, not expired, issued, and a jti not seen before while it is valid.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace gln_cds {

// Whether the service was built with libjwt (GLN_CDS_HAVE_JWT).
#if GLN_CDS_HAVE_JWT
inline constexpr bool jwt_available = true;
#else
inline constexpr bool jwt_available = false;
#endif

// The JWS algorithms a PEM public key can verify: "RS" for an RSA key of at least 2048 bits
// (RS256/384/512, RFC 7518 §3.3), or the one ES algorithm of its named EC curve ("ES256" P-256,
// "ES384" P-384, "ES512" P-521, §3.4); empty for anything else: a private key, a certificate,
// another curve or kind, explicit curve parameters, a PKCS#1 block, more than the one
// "PUBLIC KEY" block. Empty too in a build without libjwt.
std::string jwt_key_algorithms(const std::string& pem);

class jwt_verifier {
 public:
  // issuer -> the PEM public key that verifies its tokens.
  explicit jwt_verifier(std::map<std::string, std::string> keys);

  // Empty when `authorization` (the Authorization header) carries a valid token for `audience`
  // at `now` (seconds since the epoch); else why not.
  std::string verify(const std::string& authorization, const std::string& audience,
                     std::int64_t now);

 private:
  std::map<std::string, std::string> keys_;
  std::map<std::string, std::string> algorithms_;  // issuer -> jwt_key_algorithms of its key
  std::mutex seen_mutex_;
  std::map<std::string, std::int64_t> seen_;  // jti -> exp
};

}  // namespace gln_cds

#endif  // GLN_CDS_JWT_VERIFY_HPP
