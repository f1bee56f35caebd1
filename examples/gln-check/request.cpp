// JSON out through the adapter, and the strict number readers of the command line.
#include "request.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <utility>

#include <gln/json.hpp>

#include "text.hpp"

namespace gln_check {
namespace {

using json = nlohmann::ordered_json;  // keys in the order written: id and answer first

// Optional sign, digits, optional fraction, optional exponent; nothing else.
bool is_decimal(std::string_view text, bool allow_fraction) noexcept {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t mantissa = digits();
  if (allow_fraction && i < text.size() && text[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (allow_fraction && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

// Writes into a caller's buffer, never past it; `full` once something did not fit.
struct fixed_writer {
  char* out;
  std::size_t capacity;
  std::size_t size = 0;
  bool full = false;

  void put(char ch) noexcept {
    if (size < capacity) {
      out[size++] = ch;
    } else {
      full = true;
    }
  }
  void raw(std::string_view text) noexcept {
    for (char ch : text) put(ch);
  }
  void number(std::size_t value) noexcept {
    char digits[24];
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % 10U);
      value /= 10U;
    } while (value != 0);
    while (count > 0) put(digits[--count]);
  }
  // A JSON string; the messages are ASCII (request_error escapes the rest), and any other byte
  // is written as '?'.
  void string(std::string_view text) noexcept {
    constexpr std::string_view hex = "0123456789abcdef";
    put('"');
    for (char ch : text) {
      const auto byte = static_cast<unsigned char>(ch);
      if (ch == '"' || ch == '\\') {
        put('\\');
        put(ch);
      } else if (byte < 0x20) {
        raw("\\u00");
        put(hex[byte >> 4U]);
        put(hex[byte & 0xFU]);
      } else {
        put(byte >= 0x80 ? '?' : ch);
      }
    }
    put('"');
  }
};

}  // namespace

std::optional<double> parse_number(std::string_view text) noexcept {
  if (!is_decimal(text, true)) return std::nullopt;
  try {
    const std::string copy(text);
    errno = 0;
    char* end = nullptr;
    const double value = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
    return value;  // an underflow to zero or a subnormal is a value; the library judges it
  } catch (...) {
    return std::nullopt;
  }
}

std::string number_problem(std::string_view text, bool whole) {
  if (!whole) {
    return is_decimal(text, true) ? "is out of range (a number a double can hold)"
                                  : "is not a number";
  }
  const std::optional<double> value = parse_number(text);
  if (is_decimal(text, true) && (!value || std::trunc(*value) == *value)) {
    return "is out of range (a whole number from -2147483648 to 2147483647)";
  }
  return "is not a whole number";
}

// A number whose value is whole, as a request's whole numbers are read (2.0 and 2e0 are 2).
std::optional<int> parse_count(std::string_view text) noexcept {
  const std::optional<double> value = parse_number(text);
  if (!value || std::trunc(*value) != *value || *value < std::numeric_limits<int>::min() ||
      *value > std::numeric_limits<int>::max()) {
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::string result_json(const gln::request& req, int indent, bool citations) {
  const gln::assessment a = gln::assess(req);
  json answer = gln::answer_json<json>(req, a);
  if (citations) {
    json records = json::object();
    for (gln::source id : cited_sources(a, a.trial(), true)) {
      records[std::string(gln::to_string(id))] = gln::source_info(id);
    }
    answer["citations"] = std::move(records);
  }
  return gln::envelope_text(req, std::move(answer), indent);
}

std::size_t error_line(char* out, std::size_t capacity, std::string_view id, std::size_t line,
                       const gln::request_error& error) noexcept {
  for (const std::string_view id_text : {id, std::string_view{"null"}}) {
    fixed_writer w{out, capacity};
    w.raw("{\"id\":");
    w.raw(id_text);
    w.raw(",\"line\":");
    w.number(line);
    w.raw(",\"error\":");
    w.string(error.text());
    w.raw(",\"field\":");
    if (error.field().empty()) {
      w.raw("null");
    } else {
      w.string(error.field());
    }
    w.put('}');
    if (!w.full) return w.size;
  }
  return 0;
}

std::string wrap_json(std::string_view key, std::string_view text) {
  return json{{std::string(key), std::string(text)}}.dump(-1, ' ', false,
                                                          json::error_handler_t::replace);
}

}  // namespace gln_check
