#ifndef GLN_JSON_DOCUMENT_HPP
#define GLN_JSON_DOCUMENT_HPP

// The strict reader of any JSON document into an nlohmann::json: what a service reads from the
// network (a CDS Hooks request, a FHIR server's answer) before it looks at the contents. The
// byte rules are gln::request_parser's (<gln/json/parse.hpp>), shared with it, and the text is
// read by the same simdjson On-Demand parser (link the CMake target gln::json_parse):
// - at most `max_bytes`; a NUL byte anywhere is an error;
// - the document is one JSON object or array; anything but white space after it is an error;
// - a key given twice in one object, at any depth, is an error naming it (parsers differ on
//   which value wins; nlohmann keeps the last, so once parsed it cannot be seen);
// - a string or key holding \u0000 is an error (C strings and many stores end there);
// - nesting deeper than `max_depth` objects and arrays is an error.
// Numbers are read as nlohmann reads them: a signed or unsigned 64-bit integer where one
// holds it, else a double.
//
//   gln::json_document_parser parser;      // reuse it: it keeps its buffers; one per thread
//   nlohmann::json body;
//   if (auto error = parser.parse(text, body)) reply(400, error->text());
//
// An error names where it was found by its path, a key that is not plain letters, digits, _, -,
// $ or @ in quotes: `context.draftOrders.entry[0].resource: duplicate key`, `prefetch.'a b':
// bad JSON: ...`, `[3]: a string holds \u0000`.

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>
#include <nlohmann/json.hpp>

#include "parse.hpp"

namespace gln {

class json_document_parser {
 public:
  // Documents larger than this are refused before they are parsed (8 MiB).
  static constexpr std::size_t default_max_bytes = std::size_t{8} << 20U;
  static constexpr std::size_t default_max_depth = 64;

  explicit json_document_parser(std::size_t max_bytes = default_max_bytes,
                                std::size_t max_depth = default_max_depth) noexcept
      : max_bytes_(max_bytes), max_depth_(max_depth), parser_(max_bytes) {}

  std::size_t max_bytes() const noexcept { return max_bytes_; }
  std::size_t max_depth() const noexcept { return max_depth_; }

  // Reads one document. On success `out` holds it and the result is empty; otherwise the
  // result says why, its field() the path where it was found, and `out` is null. Never throws:
  // running out of memory is an error like any other.
  std::optional<request_error> parse(std::string_view text, nlohmann::json& out) noexcept {
    std::optional<request_error> error;
    try {
      error = parse_into(text, out);
    } catch (const std::bad_alloc&) {
      error = request_error{{}, "out of memory"};
    } catch (...) {
      error = request_error{{}, "could not be read"};
    }
    if (error) out = nullptr;
    return error;
  }

 private:
  // One step of the path to a value: a key, or an index in an array.
  struct step {
    std::string_view key;  // into simdjson's string buffer, valid while the document is read
    std::size_t index = 0;
    bool is_index = false;
  };

  std::optional<request_error> parse_into(std::string_view text, nlohmann::json& out) {
    if (auto error = detail::check_bytes(text, max_bytes_)) return error;
    const char first = detail::first_byte(text);
    if (first == '\0') return request_error{{}, "empty: a JSON object or array is expected"};
    if (auto error = detail::byte_order_mark(text, "a document starts with '{' or '['")) {
      return error;
    }
    if (first != '{' && first != '[') {
      return request_error{{}, "the document must be a JSON object or array"};
    }
    const simdjson::padded_string_view padded = padded_text_.copy(text);
    path_.clear();
    error_ = request_error{};
    simdjson::ondemand::document doc;
    simdjson::ondemand::value top;
    if (failed(parser_.iterate(padded).get(doc)) || failed(doc.get_value().get(top))) {
      return error_;
    }
    if (!read(top, out)) return error_;
    return detail::trailing_bytes(doc, padded_text_.data(), "the document");
  }

  bool read(simdjson::ondemand::value& v, nlohmann::json& out) {
    simdjson::ondemand::json_type type{};
    const simdjson::error_code typed = v.type().get(type);
    if (typed != simdjson::SUCCESS) return not_a_value(v, typed);
    switch (type) {
      case simdjson::ondemand::json_type::object: return read_object(v, out);
      case simdjson::ondemand::json_type::array: return read_array(v, out);
      case simdjson::ondemand::json_type::string: {
        std::string_view text;
        if (failed(v.get_string().get(text))) return false;
        if (text.find('\0') != std::string_view::npos) return fail("a string holds \\u0000");
        out = std::string(text);
        return true;
      }
      case simdjson::ondemand::json_type::number: return read_number(v, out);
      case simdjson::ondemand::json_type::boolean: {
        bool value = false;
        const simdjson::error_code read_bool = v.get_bool().get(value);
        if (read_bool != simdjson::SUCCESS) return not_a_value(v, read_bool);
        out = value;
        return true;
      }
      case simdjson::ondemand::json_type::null: {
        // type() reads the first byte only: make sure it is the literal null.
        bool is_null = false;
        const simdjson::error_code code = v.is_null().get(is_null);
        if (code != simdjson::SUCCESS || !is_null) {
          return not_a_value(v, code != simdjson::SUCCESS ? code : simdjson::N_ATOM_ERROR);
        }
        out = nullptr;
        return true;
      }
    }
    return failed(simdjson::INCORRECT_TYPE);
  }

  // By type, then with the typed getter: simdjson 3.0's get_number() reads a decimal of more
  // than 19 significant digits ("70.00000000000000000000001") as 0.
  bool read_number(simdjson::ondemand::value& v, nlohmann::json& out) {
    simdjson::ondemand::number_type type{};
    if (v.get_number_type().get(type) != simdjson::SUCCESS) return not_a_number(v);
    if (type == simdjson::ondemand::number_type::signed_integer) {
      std::int64_t value = 0;
      if (v.get_int64().get(value) == simdjson::SUCCESS) {
        out = value;
        return true;
      }
    } else if (type == simdjson::ondemand::number_type::unsigned_integer) {
      std::uint64_t value = 0;
      if (v.get_uint64().get(value) == simdjson::SUCCESS) {
        out = value;
        return true;
      }
    }
    // A decimal, or an integer beyond 64 bits: a double, as nlohmann reads it.
    double value = 0;
    if (detail::read_double(v, detail::raw_token(v), value) != simdjson::SUCCESS) {
      return not_a_number(v);
    }
    out = value;
    return true;
  }

  bool read_object(simdjson::ondemand::value& v, nlohmann::json& out) {
    if (path_.size() >= max_depth_) return too_deep();
    simdjson::ondemand::object object;
    if (failed(v.get_object().get(object))) return false;
    out = nlohmann::json::object();
    auto& members = out.get_ref<nlohmann::json::object_t&>();
    path_.push_back(step{});
    for (auto member : object) {
      simdjson::ondemand::field field;
      std::string_view key;
      if (failed(std::move(member).get(field)) || failed(field.unescaped_key().get(key))) {
        return false;
      }
      path_.back().key = key;
      if (key.find('\0') != std::string_view::npos) return fail("a key holds \\u0000");
      const auto inserted = members.emplace(std::string(key), nullptr);
      if (!inserted.second) return fail("duplicate key");
      simdjson::ondemand::value item = field.value();
      if (!read(item, inserted.first->second)) return false;
    }
    path_.pop_back();
    return true;
  }

  bool read_array(simdjson::ondemand::value& v, nlohmann::json& out) {
    if (path_.size() >= max_depth_) return too_deep();
    simdjson::ondemand::array array;
    if (failed(v.get_array().get(array))) return false;
    out = nlohmann::json::array();
    path_.push_back(step{{}, 0, true});
    for (auto element : array) {
      simdjson::ondemand::value item;
      if (failed(std::move(element).get(item))) return false;
      out.push_back(nullptr);
      if (!read(item, out.back())) return false;
      ++path_.back().index;
    }
    path_.pop_back();
    return true;
  }

  // NaN, Infinity, .5, tru: named, where they are. A value missing before a comma or a
  // bracket is bad JSON.
  bool not_a_value(simdjson::ondemand::value& v, simdjson::error_code code) noexcept {
    const std::string_view raw = detail::nameable_value(detail::raw_token(v));
    if (raw.empty()) {
      failed(code);
      return false;
    }
    begin().append_quoted(raw).append(" is not a JSON value");
    return false;
  }
  // 1e999 is JSON but no double; 01, 1. and -Infinity are not JSON numbers at all.
  bool not_a_number(simdjson::ondemand::value& v) noexcept {
    const std::string_view raw = detail::raw_token(v);
    begin().append_quoted(raw).append(detail::bad_number_message(detail::is_json_number(raw)));
    return false;
  }

  bool too_deep() noexcept {
    begin().append("nested deeper than ").append_number(max_depth_).append(" levels");
    return false;
  }

  bool fail(std::string_view message) noexcept {
    begin().append(message);
    return false;
  }

  // True, with the error set, when simdjson reports one (bad JSON, at the current path).
  bool failed(simdjson::error_code code) noexcept {
    if (code == simdjson::SUCCESS) return false;
    begin().append("bad JSON: ").append(simdjson::error_message(code));
    return true;
  }

  // A new error at the current path: "context.draftOrders.entry[0]"; what is appended next
  // is the message.
  request_error& begin() noexcept {
    error_ = request_error{};
    bool first = true;
    for (const step& s : path_) {
      if (s.is_index) {
        error_.append("[").append_number(s.index).append("]");
      } else {
        if (!first) error_.append(".");
        append_key(s.key);
      }
      first = false;
    }
    return error_.end_field();
  }

  // A key as it is where it reads plainly, else quoted and escaped (a key may hold anything).
  void append_key(std::string_view key) noexcept {
    constexpr std::size_t max_plain = 60;
    bool plain = !key.empty() && key.size() <= max_plain;
    for (char ch : key) {
      const bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
      const bool digit = ch >= '0' && ch <= '9';
      plain = plain && (letter || digit || ch == '_' || ch == '-' || ch == '$' || ch == '@');
    }
    if (plain) {
      error_.append(key);
    } else {
      error_.append_quoted(key);
    }
  }

  std::size_t max_bytes_;
  std::size_t max_depth_;
  simdjson::ondemand::parser parser_;
  detail::padded_text padded_text_;
  std::vector<step> path_;
  request_error error_;
};

}  // namespace gln

#endif  // GLN_JSON_DOCUMENT_HPP
