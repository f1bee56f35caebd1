#ifndef GLN_JSON_PARSE_HPP
#define GLN_JSON_PARSE_HPP

// The strict reader of a request's bytes (a gln-check --batch line, a --profile file, an HTTP
// body), on simdjson's On-Demand parser (Debian libsimdjson-dev; link simdjson::simdjson, or
// the CMake target gln::json_parse). The rules are those of <gln/json/request.hpp>; here the
// bytes are held to JSON (RFC 8259) and to one value per request:
// - a NUL byte anywhere is an error (some parsers end the text there);
// - the request is one JSON object; anything but white space after it is an error;
// - a key given twice in one object, at any depth, is an error naming it (parsers differ on
//   which value wins, so the request would mean different things to different readers).
//
//   gln::request_parser parser;            // reuse it: it keeps its buffers
//   gln::request req;
//   if (auto error = parser.parse(line, req)) std::puts(error->c_str());

#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <locale>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include <simdjson.h>

#include "request.hpp"

namespace gln {

namespace detail {

// A scalar's text without the white space simdjson keeps after it.
inline std::string_view raw_token(simdjson::ondemand::value& v) noexcept {
  std::string_view raw = v.raw_json_token();
  while (!raw.empty() && is_json_space(raw.back())) raw.remove_suffix(1);
  return raw;
}

// Whether a JSON number has more than 19 significant digits (leading zeros aside).
constexpr bool long_mantissa(std::string_view number) noexcept {
  std::size_t digits = 0;
  for (char ch : number) {
    if (ch == 'e' || ch == 'E') break;
    if (ch < '0' || ch > '9' || (ch == '0' && digits == 0)) continue;
    ++digits;
  }
  return digits > 19;
}

// Whether `number` is a JSON number whose exponent has more than 18 digits: simdjson 3.0
// refuses some of those ("0e2036854372036854775809" is a valid 0).
constexpr bool long_exponent(std::string_view number) noexcept {
  return is_json_number(number) && scan_json_number(number).exponent_digits > 18;
}

// A number's value. simdjson 3.0 (Debian 12's) misreads decimals of more than 19 significant
// digits whose integer part is 0 (simdjson issue #2093: 0.95000000000000000000 read as
// 0.0277) and refuses an exponent of more than 18 digits: such a number is read again from its
// text, correctly rounded (strtod in the C locale, whatever the program's locale); one too large
// for a double is still an error.
inline simdjson::error_code read_double(simdjson::ondemand::value& v, std::string_view token,
                                        double& out) noexcept {
  const simdjson::error_code error = v.get_double().get(out);
  const bool read_again = error == simdjson::SUCCESS
                              ? long_mantissa(token)
                              : error == simdjson::NUMBER_ERROR && long_exponent(token);
  if (!read_again) return error;
  try {
    std::istringstream in{std::string(token)};
    in.imbue(std::locale::classic());
    double value = 0;
    in >> value;
    // libc++ sets failbit where strtod reports an underflow, keeping its 0 or subnormal, which
    // is the value (libstdc++ keeps it without failing); an overflow still fails with both.
    const bool underflow = in.fail() && std::fabs(value) < std::numeric_limits<double>::min();
    if (underflow) {
      out = value;
      return simdjson::SUCCESS;
    }
    if (in.fail() || in.peek() != std::istringstream::traits_type::eof()) {
      return simdjson::NUMBER_ERROR;
    }
    out = value;
    return simdjson::SUCCESS;
  } catch (...) {
    return simdjson::MEMALLOC;
  }
}

// request_reader's source over simdjson On-Demand values.
class simdjson_source {
 public:
  using value = simdjson::ondemand::value;

  bool kind(value& v, json_kind& out) noexcept {
    simdjson::ondemand::json_type type{};
    bad_value_ = {};
    if (failed(v.type().get(type))) return not_a_value(v);
    switch (type) {
      case simdjson::ondemand::json_type::null: {
        // type() reads the first byte only: make sure it is the literal null.
        bool is_null = false;
        if (failed(v.is_null().get(is_null)) || !is_null) {
          failed(simdjson::N_ATOM_ERROR);
          return not_a_value(v);
        }
        out = json_kind::null;
        return true;
      }
      case simdjson::ondemand::json_type::boolean: {
        // type() reads the first byte only: "tru" is not a boolean.
        const std::string_view raw = raw_token(v);
        if (raw != "true" && raw != "false") {
          failed(simdjson::T_ATOM_ERROR);
          return not_a_value(v);
        }
        out = json_kind::boolean;
        return true;
      }
      case simdjson::ondemand::json_type::number: out = json_kind::number; return true;
      case simdjson::ondemand::json_type::string: out = json_kind::string; return true;
      case simdjson::ondemand::json_type::array: out = json_kind::array; return true;
      case simdjson::ondemand::json_type::object: out = json_kind::object; return true;
    }
    return failed(simdjson::INCORRECT_TYPE);
  }

  bool string(value& v, std::string_view& out) noexcept { return !failed(v.get_string().get(out)); }

  bool number(value& v, double& out, std::string_view& raw) noexcept {
    raw = raw_token(v);
    bad_value_ = {};
    if (!failed(read_double(v, raw, out))) return true;
    if (!is_json_number(raw)) bad_value_ = raw;  // 01, 0x10, -Infinity; not 1e999
    return false;
  }

  // The JSON text of a string or an integer, checked: a string is unescaped once to validate
  // it (its escapes and UTF-8), an integer must be nothing but digits (the rules check that).
  bool id_text(value& v, std::string_view& out) noexcept {
    out = raw_token(v);
    if (!out.empty() && out.front() == '"') {
      std::string_view unescaped;
      return !failed(v.get_string().get(unescaped));
    }
    return true;
  }

  template <class F>
  bool fields(value& v, F&& f) {
    simdjson::ondemand::object object;
    if (failed(v.get_object().get(object))) return false;
    for (auto member : object) {
      simdjson::ondemand::field field;
      if (failed(std::move(member).get(field))) return false;
      std::string_view key;
      if (failed(field.unescaped_key().get(key))) return false;
      if (!f(key, field.value())) return false;
    }
    return true;
  }

  template <class F>
  bool elements(value& v, F&& f) {
    simdjson::ondemand::array array;
    if (failed(v.get_array().get(array))) return false;
    for (auto element : array) {
      value item;
      if (failed(std::move(element).get(item))) return false;
      if (!f(item)) return false;
    }
    return true;
  }

  std::string_view error() const noexcept { return simdjson::error_message(error_); }
  // The text of the last value kind() or number() found not to be JSON at all (NaN,
  // Infinity, .5, 01), or empty.
  std::string_view bad_value() const noexcept { return bad_value_; }
  bool failed(simdjson::error_code code) noexcept {
    if (code == simdjson::SUCCESS) return false;
    error_ = code;
    return true;
  }

 private:
  // A value missing before a comma or a bracket is bad JSON, with no text to name.
  bool not_a_value(value& v) noexcept {
    bad_value_ = nameable_value(raw_token(v));
    return false;
  }

  simdjson::error_code error_ = simdjson::SUCCESS;
  std::string_view bad_value_;  // into the document, valid while it is read
};

// A copy of the text with the padding simdjson reads past the end; kept for reuse.
class padded_text {
 public:
  simdjson::padded_string_view copy(std::string_view text) {
    const std::size_t need = text.size() + simdjson::SIMDJSON_PADDING;
    if (capacity_ < need) {
      buffer_.reset(new char[need]);
      capacity_ = need;
    }
    if (!text.empty()) std::memcpy(buffer_.get(), text.data(), text.size());
    std::memset(buffer_.get() + text.size(), 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(buffer_.get(), text.size(), need);
  }
  const char* data() const noexcept { return buffer_.get(); }

 private:
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
};

// The rules on the bytes themselves, before any parsing, of every strict reader: at most
// `max_bytes`, and no NUL byte anywhere (some parsers end the text there).
inline std::optional<request_error> check_bytes(std::string_view text,
                                                std::size_t max_bytes) noexcept {
  if (text.size() > max_bytes) {
    request_error error{{}, "larger than "};
    error.append_number(max_bytes).append(" bytes");
    return error;
  }
  // (memchr must not be given a null pointer, which an empty view may hold.)
  const void* nul = text.empty() ? nullptr : std::memchr(text.data(), '\0', text.size());
  if (nul != nullptr) {
    request_error error{{}, "a NUL byte at byte "};
    error.append_number(static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()));
    return error;
  }
  return std::nullopt;
}

// The first byte that is not JSON white space, or '\0' when there is none.
constexpr char first_byte(std::string_view text) noexcept {
  for (char ch : text) {
    if (!is_json_space(ch)) return ch;
  }
  return '\0';
}

// RFC 8259 §8.1: a JSON text has no byte order mark. The error says so rather than "not an
// object": `starts` is what the text must start with instead.
inline std::optional<request_error> byte_order_mark(std::string_view text,
                                                    std::string_view starts) noexcept {
  if (text.substr(0, 3) != "\xEF\xBB\xBF") return std::nullopt;
  request_error error{{}, "a UTF-8 byte order mark at byte 0: "};
  error.append(starts);
  return error;
}

// Once the value is read: anything but white space after it is an error ("bytes after `what`
// at byte N"). At the end of the document there is no current location.
inline std::optional<request_error> trailing_bytes(simdjson::ondemand::document& doc,
                                                   const char* start,
                                                   std::string_view what) noexcept {
  const char* at = nullptr;
  if (doc.current_location().get(at) != simdjson::SUCCESS) return std::nullopt;
  request_error trailing{{}, "bytes after "};
  trailing.append(what).append(" at byte ").append_number(static_cast<std::size_t>(at - start));
  return trailing;
}

}  // namespace detail

// Reads requests; keep one per thread and reuse it (it keeps simdjson's buffers and a padded
// copy of the text). Not thread-safe.
class request_parser {
 public:
  // Requests larger than this are refused before they are parsed (1 MiB).
  static constexpr std::size_t default_max_bytes = std::size_t{1} << 20U;

  explicit request_parser(std::size_t max_bytes = default_max_bytes) noexcept
      : max_bytes_(max_bytes), parser_(max_bytes) {}

  // Reads one request. On success `out` holds it and the result is empty; otherwise the
  // result says why and names the field, and `out` is unspecified. Never throws: running out
  // of memory is an error like any other.
  std::optional<request_error> parse(std::string_view text, request& out) noexcept {
    try {
      out = request{};
      return parse_into(text, out);
    } catch (const std::bad_alloc&) {
      return request_error{{}, "out of memory"};
    } catch (...) {
      return request_error{{}, "could not be read"};
    }
  }

  // The text's id when it is a JSON object with one "id" that is a string, an integer or
  // null: "null" otherwise. For an error line that still names its row.
  std::string_view id_of(std::string_view text) noexcept {
    try {
      if (!prepare(text)) return "null";
      simdjson::ondemand::document doc;
      if (parser_.iterate(padded_).get(doc) != simdjson::SUCCESS) return "null";
      simdjson::ondemand::object object;
      if (doc.get_object().get(object) != simdjson::SUCCESS) return "null";
      std::string_view found = "null";
      int count = 0;
      for (auto member : object) {
        simdjson::ondemand::field field;
        std::string_view key;
        if (std::move(member).get(field) != simdjson::SUCCESS ||
            field.unescaped_key().get(key) != simdjson::SUCCESS) {
          return "null";
        }
        if (key != "id") continue;
        if (++count > 1) return "null";
        simdjson::ondemand::value v = field.value();
        detail::simdjson_source source;
        detail::json_kind kind{};
        std::string_view token;
        if (!source.kind(v, kind)) return "null";
        if (kind == detail::json_kind::null) continue;
        if (kind != detail::json_kind::string && kind != detail::json_kind::number) return "null";
        if (!source.id_text(v, token)) return "null";
        if (kind == detail::json_kind::number && !detail::is_json_integer(token)) return "null";
        found = token;
      }
      return found;
    } catch (...) {
      return "null";
    }
  }

 private:
  // Copies the text into the padded buffer simdjson reads; false when it is too long.
  bool prepare(std::string_view text) {
    if (text.size() > max_bytes_) return false;
    padded_ = padded_text_.copy(text);
    return true;
  }

  std::optional<request_error> parse_into(std::string_view text, request& out) {
    if (auto error = detail::check_bytes(text, max_bytes_)) return error;
    const char first = detail::first_byte(text);
    if (first == '\0') return request_error{{}, "empty: a request is a JSON object"};
    if (auto error = detail::byte_order_mark(text, "a request starts with '{'")) return error;
    if (first != '{') return request_error{{}, "a request must be a JSON object"};
    prepare(text);

    detail::simdjson_source source;
    request_error error;
    simdjson::ondemand::document doc;
    if (source.failed(parser_.iterate(padded_).get(doc))) {
      return request_error{{}, "bad JSON: "}.append(source.error());
    }
    simdjson::ondemand::value top;
    if (source.failed(doc.get_value().get(top))) {
      return request_error{{}, "bad JSON: "}.append(source.error());
    }
    detail::request_reader<detail::simdjson_source> reader{source, out, error};
    if (!reader.read(top)) return error;
    return detail::trailing_bytes(doc, padded_text_.data(), "the request");
  }

  std::size_t max_bytes_;
  simdjson::ondemand::parser parser_;
  detail::padded_text padded_text_;
  simdjson::padded_string_view padded_{};
};

}  // namespace gln

#endif  // GLN_JSON_PARSE_HPP
