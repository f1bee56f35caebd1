// gln-check's command line, run in-process on any arguments and any stdin: exit codes 0, 2
// or 3 only (1 is an internal error or an output failure, impossible with string streams),
// a one-line message on a usage error, consistent answers in every JSON answer and report.
//
// Input layout: arguments separated by NUL bytes, then two NUL bytes, then stdin.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "independent_request.hpp"
#include "request.hpp"
#include "result_json_check.hpp"

namespace {

bool has_arg(const std::vector<std::string>& args, std::string_view name) {
  for (const std::string& arg : args) {
    if (arg == name || arg.rfind(std::string(name) + "=", 0) == 0) return true;
  }
  return false;
}

// An argument CLI11 would split as a group of short options with a dash inside: "-v-batch"
// reads as -v --batch. gln-check refuses it (exit 2); a negative number is a value.
bool dash_in_short_group(const std::vector<std::string>& args) {
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return false;
    if (arg.size() < 3 || arg[0] != '-' || arg[1] == '-') continue;
    if ((arg[1] >= '0' && arg[1] <= '9') || arg[1] == '.') continue;
    if (arg.find('-', 1) != std::string::npos) return true;
  }
  return false;
}

std::size_t count_lines(std::string_view text) {
  std::size_t lines = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    ++lines;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes{reinterpret_cast<const char*>(data), size};
  const std::size_t split = bytes.find(std::string_view{"\0\0", 2});
  const std::string_view arg_bytes = bytes.substr(0, split);
  const std::string_view stdin_text =
      split == std::string_view::npos ? std::string_view{} : bytes.substr(split + 2);

  std::vector<std::string> args{"gln-check"};
  std::size_t start = 0;
  while (start <= arg_bytes.size() && args.size() < 24) {
    const std::size_t end = arg_bytes.find('\0', start);
    std::string arg{arg_bytes.substr(start, end == std::string_view::npos ? end : end - start)};
    // --profile reads a file by name: keep the fuzzer away from the file system.
    if (arg.find("-prof") == std::string::npos) args.push_back(std::move(arg));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  argv.push_back(nullptr);

  std::ostringstream out;
  std::ostringstream err;
  std::istringstream in{std::string{stdin_text}};
  const int code = gln_check::run(static_cast<int>(args.size()), argv.data(), out, err, in);

  GLN_FUZZ_CHECK(code == gln_check::exit_ok || code == gln_check::exit_usage ||
                 code == gln_check::exit_verdict_at_or_above);
  const std::string output = out.str();
  const std::string errors = err.str();
  if (dash_in_short_group(args)) GLN_FUZZ_CHECK(code == gln_check::exit_usage);
  if (code == gln_check::exit_usage) {
    GLN_FUZZ_CHECK(output.empty());
    GLN_FUZZ_CHECK(errors.rfind("gln-check: ", 0) == 0);
    GLN_FUZZ_CHECK(errors.find('\n') == errors.size() - 1);  // exactly one line
    return 0;
  }
  GLN_FUZZ_CHECK(errors.empty());

  // CLI11 also finds -h inside a group of short flags ("-hv"): recognise help by its text.
  const bool help = output.find("Usage: ") != std::string::npos;
  const bool other_mode = help || has_arg(args, "--version") || has_arg(args, "--list");
  if (other_mode) return 0;
  if (has_arg(args, "--batch")) {
    // One answer line per input line, each a JSON object: a result or an error (with --wrap,
    // wrapped in one string field whose name the caller picks).
    GLN_FUZZ_CHECK(count_lines(output) == count_lines(stdin_text));
    const bool wrapped = has_arg(args, "--wrap");
    std::istringstream lines{output};
    std::string line;
    std::size_t next = 0;
    while (std::getline(lines, line)) {
      // The input line this answers, as gln-check reads it.
      const std::size_t end = stdin_text.find('\n', next);
      std::string_view request =
          stdin_text.substr(next, end == std::string_view::npos ? end : end - next);
      next = end == std::string_view::npos ? stdin_text.size() : end + 1;
      if (!request.empty() && request.back() == '\r') request.remove_suffix(1);
      const nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
      GLN_FUZZ_CHECK(doc.is_object());
      if (wrapped) continue;
      // A line over 1 MiB is refused before it is read.
      if (request.size() <= (std::size_t{1} << 20)) gln_fuzz::check_line_answer(request, line);
    }
    return 0;
  }
  if (has_arg(args, "--json")) {
    gln_fuzz::check_result_document(nlohmann::json::parse(output).at("answer").dump());
  } else {
    // The readable report leads with the action, fails closed too (an input.invalid finding
    // means "Do not take"), and shows a dose, or says why there is none, exactly once.
    const std::size_t action = output.find("\n\nACTION: ");
    GLN_FUZZ_CHECK(action != std::string::npos && action == output.find('\n'));
    const bool do_not_take = output.find("\n\nACTION: Do not take") == action;
    if (output.find("input.invalid") != std::string::npos) GLN_FUZZ_CHECK(do_not_take);
    const std::size_t dose = output.find("\nDose: ");
    const std::size_t no_dose = output.find("\nNo dose: ");
    GLN_FUZZ_CHECK((dose == std::string::npos) != (no_dose == std::string::npos));
    if (do_not_take) GLN_FUZZ_CHECK(dose == std::string::npos);
    GLN_FUZZ_CHECK(output.find("\nDose: ", dose + 1) == std::string::npos ||
                   dose == std::string::npos);
  }
  return 0;
}
