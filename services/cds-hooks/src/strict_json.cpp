#include "strict_json.hpp"

#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gln_cds {

namespace {

struct refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace

parsed_json parse_strict(std::string_view text, std::size_t max_depth) {
  parsed_json out{};
  if (text.find('\0') != std::string_view::npos) {
    out.error = "the body holds a NUL byte";
    return out;
  }
  // The keys seen in each open object; a marker for each open array keeps the depth.
  std::vector<std::set<std::string>> open;
  using event = nlohmann::json::parse_event_t;
  auto check = [&](int /*depth*/, event e, nlohmann::json& parsed) -> bool {
    switch (e) {
      case event::object_start:
      case event::array_start:
        open.emplace_back();
        if (open.size() > max_depth) {
          throw refused("nested deeper than " + std::to_string(max_depth) + " levels");
        }
        break;
      case event::object_end:
      case event::array_end:
        if (!open.empty()) open.pop_back();
        break;
      case event::key: {
        const std::string& key = parsed.get_ref<const std::string&>();
        if (key.find('\0') != std::string::npos) throw refused("a key holds \\u0000");
        if (!open.empty() && !open.back().insert(key).second) {
          throw refused("duplicate key \"" + key.substr(0, 64) + "\"");
        }
        break;
      }
      case event::value:
        if (parsed.is_string() &&
            parsed.get_ref<const std::string&>().find('\0') != std::string::npos) {
          throw refused("a string holds \\u0000");
        }
        break;
    }
    return true;
  };
  try {
    out.value = nlohmann::json::parse(text.begin(), text.end(), check, true, false);
  } catch (const refused& e) {
    out.error = e.what();
  } catch (const nlohmann::json::exception& e) {
    out.error = std::string("invalid JSON: ") + e.what();
  }
  if (!out.error.empty()) out.value = nullptr;
  return out;
}

}  // namespace gln_cds
