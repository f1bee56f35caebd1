#ifndef GLN_CHECK_STREAM_HPP
#define GLN_CHECK_STREAM_HPP

// gln-check --batch's writer: each answer line written by RapidJSON's streaming Writer into one
// buffer reused from line to line (no DOM; the buffer keeps the size of the longest line).
// full() writes exactly the bytes of result_json(req, -1, citations).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <gln/gln.hpp>
#include <gln/json/request.hpp>

namespace gln_check {
// The allocator of the writer's buffers, a type of gln-check's own so that their stack is the
// one below.
struct line_allocator : rapidjson::CrtAllocator {};
}  // namespace gln_check

// RapidJSON 1.1.0's Stack starts from a null pointer and adds to it before its first
// allocation, which is undefined behaviour (UBSan: "applying non-zero offset to null pointer").
// The writer's buffers use this stack instead: the same interface, memory from the start.
namespace rapidjson::internal {
template <>
class Stack<gln_check::line_allocator> {
 public:
  Stack(gln_check::line_allocator* /*allocator*/, std::size_t capacity)
      : data_(capacity > 0 ? capacity : 64), top_(data_.data()), end_(top_ + data_.size()) {}
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;
  ~Stack() = default;

  template <typename T>
  void Reserve(std::size_t count = 1) {
    if (static_cast<std::size_t>(end_ - top_) < sizeof(T) * count) grow(sizeof(T) * count);
  }
  template <typename T>
  T* Push(std::size_t count = 1) {
    Reserve<T>(count);
    return PushUnsafe<T>(count);
  }
  template <typename T>
  T* PushUnsafe(std::size_t count = 1) {
    T* at = reinterpret_cast<T*>(top_);
    top_ += sizeof(T) * count;
    return at;
  }
  template <typename T>
  T* Pop(std::size_t count) {
    top_ -= sizeof(T) * count;
    return reinterpret_cast<T*>(top_);
  }
  template <typename T>
  T* Top() {
    return reinterpret_cast<T*>(top_ - sizeof(T));
  }
  template <typename T>
  T* Bottom() {
    return reinterpret_cast<T*>(data_.data());
  }
  void Clear() { top_ = data_.data(); }
  bool Empty() const { return top_ == data_.data(); }
  std::size_t GetSize() const { return static_cast<std::size_t>(top_ - data_.data()); }

 private:
  void grow(std::size_t more) {
    const std::size_t size = GetSize();
    data_.resize(size + more > 2 * data_.size() ? size + more : 2 * data_.size());
    top_ = data_.data() + size;
    end_ = data_.data() + data_.size();
  }

  std::vector<char> data_;
  char* top_;
  char* end_;
};
}  // namespace rapidjson::internal

namespace gln_check {

// RapidJSON's Writer with two additions that keep its commas, colons and nesting checks: a text
// written in runs (bytes that need no escape are copied eight at a time), escaped as nlohmann
// escapes it, and raw JSON copied whole.
using line_buffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, line_allocator>;

class line_writer
    : public rapidjson::Writer<line_buffer, rapidjson::UTF8<>, rapidjson::UTF8<>, line_allocator> {
 public:
  using Writer::Writer;
  // A text, escaped as nlohmann escapes it (RapidJSON's own escapes of control characters
  // and its handling of bytes that are not UTF-8 differ: nlohmann writes those texts).
  void text(std::string_view s);
  void raw(std::string_view json_text, rapidjson::Type type);
  // Counts `count` more keys and values in the current object, written by raw() as part of one.
  void skip_values(std::size_t count) { level_stack_.template Top<Level>()->valueCount += count; }
  // A name of gln's own (a key, an enum value's name: letters, digits, '_', '.', ':', '/',
  // '-'), which needs no escape.
  void name(std::string_view s);
};

// Whether `text` is UTF-8 throughout (no overlong form, surrogate or cut sequence).
bool valid_utf8(std::string_view text) noexcept;

class answer_writer {
 public:
  // The envelope of gln::assess's answer on one line, as result_json writes it.
  std::string_view full(const gln::request& req, bool citations);
  // --compact: {"id": <id>, "action": "...", "overall": "...", "rules": ["<rule id>", ...]},
  // the rules in the order of the full answer's findings.
  std::string_view compact(const gln::request& req);
  // {"<key>": "<text>"}, as wrap_json writes it (text may be a line of this writer).
  std::string_view wrap(std::string_view key, std::string_view text);

 private:
  void begin_line();
  std::string_view line() const noexcept;
  void string(std::string_view s);
  void key(std::string_view k);
  void number(double value);
  template <class Tag>
  void number(gln::detail::quantity<Tag> value);
  void raw(std::string_view json_text);
  template <class E>
  void name(E value);
  template <class E>
  void names(const gln::enum_set<E>& set);
  void sources(const gln::citation_list& list);
  template <class Q>
  void min_max(const gln::range<Q>& r);
  void min_max(const gln::count_range& r);
  // Either optional: the library's results hold gln::optional, a request's parts std::optional.
  template <class Optional, class Write>
  void optional(const Optional& value, Write write);
  void optional_number(const gln::optional<int>& value);
  void coding(gln::code_system system, std::string_view code);
  void regimen(const gln::regimen& r);
  void request(const gln::request& r);
  void arguments(const gln::text_arguments& args);
  void finding(const gln::request& r, const gln::finding& f);
  void finding_texts(const gln::finding& f);
  void advice(const gln::advice& a);
  void write_advice(const gln::advice& a);
  void regimen_check(const gln::regimen_check& c);
  void trial_plan(const gln::trial_plan& t);
  void dose(const gln::shown_dose& d);
  void evidence(const gln::evidence& e);
  void citation(const gln::citation& c);

  // The trial plan's advice comes from gln's tables, the same few objects on every line: each is
  // written once and then copied, found by its text's address and its sources.
  struct written_advice {
    std::string_view text;
    gln::citation_list sources;
    std::string json;
  };
  std::vector<written_advice> advice_written_;

  // A finding's four texts as last written for its rule: formatted again only when its templates
  // or the numbers in them change.
  struct written_texts {
    std::string_view reason, patient, frame;
    gln::text_arguments arguments{};
    std::string json;  // "<reason>","patient_text":"<text>","reason_key":...,"patient_key":"..."
  };
  std::array<written_texts, gln::enum_count<gln::rule>> texts_written_{};

  line_buffer buffer_;
  line_writer writer_{buffer_};
  std::string wrapped_;
};

}  // namespace gln_check

#endif  // GLN_CHECK_STREAM_HPP
