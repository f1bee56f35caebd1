// One gln-check --batch line on any bytes: exactly one answer line, never an exception; the
// request gln answered is the request an independent strict reading of the same bytes yields
// (tests/fuzz/independent_request.hpp, nlohmann/json), or both refuse it; an answer's
// verdicts are consistent.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "independent_request.hpp"
#include "request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line{reinterpret_cast<const char*>(data), size};
  line = line.substr(0, line.find('\n'));  // one batch line
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

  const char* const argv[] = {"gln-check", "--batch"};
  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in{std::string{line} + "\n"};
  GLN_FUZZ_CHECK(gln_check::run(2, argv, out, err, in) == gln_check::exit_ok);
  GLN_FUZZ_CHECK(err.str().empty());
  const std::string output = out.str();
  GLN_FUZZ_CHECK(!output.empty() && output.back() == '\n');
  GLN_FUZZ_CHECK(output.find('\n') == output.size() - 1);  // one line
  gln_fuzz::check_line_answer(line, output.substr(0, output.size() - 1));
  return 0;
}
