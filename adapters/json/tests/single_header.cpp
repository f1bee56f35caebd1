// The JSON adapter with gln's single header (scripts/amalgamate.py) and not include/ on the
// include path: <gln/json.hpp> must not need <gln/gln.hpp>.
#include "gln.hpp"

#include <gln/json.hpp>
#include <gln/json/parse.hpp>

int main() {
  gln::request_parser parser;
  gln::request req;
  if (parser.parse(R"({"id": 7, "icd10": ["E11.9", "K74.60"], "purpose": "gut_barrier"})", req)) {
    return 1;
  }
  const auto envelope = gln::envelope_json(req, nlohmann::ordered_json(gln::answer(req)));
  const bool ok = envelope.at("id") == 7 && envelope.at("answer").at("overall") == "avoid" &&
                  envelope.at("unmapped_codes") == nlohmann::ordered_json({"E11.9"});
  return ok ? 0 : 1;
}
