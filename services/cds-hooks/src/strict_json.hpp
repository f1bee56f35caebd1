#ifndef GLN_CDS_STRICT_JSON_HPP
#define GLN_CDS_STRICT_JSON_HPP

// The one JSON parser of the service, for request bodies and for what a FHIR server returns:
// nlohmann/json with a callback that refuses what nlohmann accepts but a request must not hold.

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace gln_cds {

struct parsed_json {
  nlohmann::json value;
  std::string error;  // empty when parsed

  bool ok() const { return error.empty(); }
};

// Parses `text` as one JSON value. Refused, with a message: invalid JSON or UTF-8, bytes after
// the value (white space aside), a NUL byte anywhere or a \u0000 in a string, an object with the
// same key twice, nesting deeper than `max_depth`.
parsed_json parse_strict(std::string_view text, std::size_t max_depth = 64);

}  // namespace gln_cds

#endif  // GLN_CDS_STRICT_JSON_HPP
