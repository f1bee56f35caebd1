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
  const auto envelope =
      gln::envelope_json(req, gln::answer_json<nlohmann::ordered_json>(req, gln::assess(req)));
  const auto& answer = envelope.at("answer");
  const bool ok =
      envelope.at("id") == 7 && answer.at("action") == "do_not_take" &&
      answer.at("overall") == "avoid" && answer.at("dose").is_null() &&
      answer.at("findings").at(0).at("cause").at("codes") == nlohmann::ordered_json({"K74.60"}) &&
      envelope.at("unmapped_codes") == nlohmann::ordered_json({"E11.9"}) &&
      nlohmann::ordered_json(gln::answer(req)).at("overall") == "avoid";
  return ok ? 0 : 1;
}
