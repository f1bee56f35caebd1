#ifndef GLN_CORE_TEXT_HPP
#define GLN_CORE_TEXT_HPP

#include <array>
#include <cstddef>
#include <string_view>

#include "../version.hpp"
#include "units.hpp"

// Texts with numbers in them, without allocation: a template such as "above the
// {adult_maximum_daily} g/day maximum" and the number in force for each placeholder, formatted
// into a caller's buffer or into a gln::text.
GLN_BEGIN_NAMESPACE

// The number for one placeholder "{name}" of a text template.
struct text_argument {
  std::string_view name;  // the placeholder's name, without the braces; empty: unused
  double value = 0.0;

  constexpr bool operator==(const text_argument& other) const noexcept {
    return name == other.name && detail::same_number(value, other.value);
  }
  constexpr bool operator!=(const text_argument& other) const noexcept { return !(*this == other); }
};

// A text has at most two numbers in it.
using text_arguments = std::array<text_argument, 2>;

namespace detail {

// Appends one character if there is room (one byte is kept for the terminating NUL).
constexpr void put(char ch, char* out, std::size_t capacity, std::size_t& size) noexcept {
  if (size + 1 < capacity) out[size++] = ch;
}

// A positive value below 0.005, which two decimals would print as 0 (a stricter policy's
// bound of 0.001 years is not "0 years"): to three significant digits, up to 15 decimals
// (0.001, 0.0000123); "?" below that.
constexpr void put_small_number(double value, char* out, std::size_t capacity,
                                std::size_t& size) noexcept {
  int decimals = 3;
  double scaled = value * 1000.0;
  while (scaled < 100.0 && decimals < 15) {
    scaled *= 10.0;
    ++decimals;
  }
  auto digits = static_cast<unsigned long long>(scaled);
  if (scaled - static_cast<double>(digits) >= 0.5) ++digits;
  if (digits == 0) {
    put('?', out, capacity, size);
    return;
  }
  while (digits % 10U == 0) {
    digits /= 10U;
    --decimals;
  }
  std::array<char, 16> text{};  // the decimals, most significant first
  for (int i = decimals - 1; i >= 0; --i) {
    text[static_cast<std::size_t>(i)] = static_cast<char>('0' + digits % 10U);
    digits /= 10U;
  }
  put('0', out, capacity, size);
  put('.', out, capacity, size);
  for (int i = 0; i < decimals; ++i) put(text[static_cast<std::size_t>(i)], out, capacity, size);
}

// A plain decimal for people: at most two decimals, no trailing zeros (14, 0.65, 0.2, 19.65);
// a smaller positive value as put_small_number writes it;
// "?" for a value that is not finite or too large to be a threshold.
constexpr void put_number(double value, char* out, std::size_t capacity,
                          std::size_t& size) noexcept {
  if (is_nan(value) || value > 1e15 || value < -1e15) {
    put('?', out, capacity, size);
    return;
  }
  if (value < 0) {
    put('-', out, capacity, size);
    value = -value;
  }
  const double scaled = value * 100.0;
  auto hundredths = static_cast<unsigned long long>(scaled);  // value >= 0: truncates down
  if (scaled - static_cast<double>(hundredths) >= 0.5) ++hundredths;
  if (hundredths == 0 && value > 0) {
    put_small_number(value, out, capacity, size);
    return;
  }
  unsigned long long whole = hundredths / 100U;
  const auto fraction = static_cast<unsigned>(hundredths % 100U);
  std::array<char, 20> digits{};
  std::size_t count = 0;
  do {
    digits[count++] = static_cast<char>('0' + whole % 10U);
    whole /= 10U;
  } while (whole != 0 && count < digits.size());
  while (count > 0) put(digits[--count], out, capacity, size);
  if (fraction != 0) {
    put('.', out, capacity, size);
    put(static_cast<char>('0' + fraction / 10U), out, capacity, size);
    if (fraction % 10U != 0) put(static_cast<char>('0' + fraction % 10U), out, capacity, size);
  }
}

}  // namespace detail

namespace detail {

// Appends `pattern` at out[size], each "{name}" replaced by the value of the argument of that
// name; a placeholder without an argument is copied as it stands.
constexpr void append_formatted(std::string_view pattern, const text_arguments& arguments,
                                char* out, std::size_t capacity, std::size_t& size) noexcept {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        // An index, not a pointer: g++'s UBSan rejects null checks in constant expressions.
        std::size_t match = arguments.size();
        for (std::size_t k = 0; k < arguments.size(); ++k) {
          if (!arguments[k].name.empty() && arguments[k].name == name) match = k;
        }
        if (match < arguments.size()) {
          put_number(arguments[match].value, out, capacity, size);
          i = close;
          continue;
        }
      }
    }
    put(pattern[i], out, capacity, size);
  }
}

}  // namespace detail

// Writes `pattern` into out[0..capacity) with each "{name}" replaced by the value of the
// argument of that name; a placeholder without an argument is copied as it stands. Truncates to
// capacity - 1 characters and always ends with a NUL when capacity > 0. Returns the number of
// characters written, without the NUL.
constexpr std::size_t format_text(std::string_view pattern, const text_arguments& arguments,
                                  char* out, std::size_t capacity) noexcept {
  std::size_t size = 0;
  if (capacity == 0) return 0;
  detail::append_formatted(pattern, arguments, out, capacity, size);
  out[size] = '\0';
  return size;
}

// The same for a text set in a frame: `frame` with "{text}" standing for `pattern` (a patient
// text's gist in its action frame, say). Only the frame holds "{text}", so a frame and pattern
// given the wrong way round print the pattern alone: the tests read every framed text.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters)
constexpr std::size_t format_framed_text(std::string_view frame, std::string_view pattern,
                                         const text_arguments& arguments, char* out,
                                         std::size_t capacity) noexcept {
  constexpr std::string_view slot = "{text}";
  std::size_t size = 0;
  if (capacity == 0) return 0;
  const std::size_t at = frame.find(slot);
  if (at == std::string_view::npos) {
    detail::append_formatted(frame, arguments, out, capacity, size);
  } else {
    detail::append_formatted(frame.substr(0, at), arguments, out, capacity, size);
    detail::append_formatted(pattern, arguments, out, capacity, size);
    detail::append_formatted(frame.substr(at + slot.size()), arguments, out, capacity, size);
  }
  out[size] = '\0';
  return size;
}

// A formatted text held by value (a finding's reason, say): no allocation. Keep it while you
// use its view(); a view of a temporary text ends with the full expression.
class text {
 public:
  static constexpr std::size_t capacity = 255;
  static constexpr std::size_t npos = std::string_view::npos;

  constexpr text() noexcept = default;
  constexpr text(std::string_view pattern, const text_arguments& arguments) noexcept
      : size_(format_text(pattern, arguments, chars_.data(), chars_.size())) {}
  constexpr text(std::string_view frame, std::string_view pattern,
                 const text_arguments& arguments) noexcept
      : size_(format_framed_text(frame, pattern, arguments, chars_.data(), chars_.size())) {}

  constexpr std::string_view view() const noexcept { return {chars_.data(), size_}; }
  // Appends `more`, then `pattern` with its placeholders filled, as far as the capacity
  // allows.
  constexpr text& append(std::string_view more) noexcept {
    for (char ch : more) detail::put(ch, chars_.data(), chars_.size(), size_);
    chars_[size_] = '\0';
    return *this;
  }
  constexpr text& append(std::string_view pattern, const text_arguments& arguments) noexcept {
    detail::append_formatted(pattern, arguments, chars_.data(), chars_.size(), size_);
    chars_[size_] = '\0';
    return *this;
  }
  constexpr const char* c_str() const noexcept { return chars_.data(); }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr std::size_t find(std::string_view needle, std::size_t from = 0) const noexcept {
    return view().find(needle, from);
  }
  // A view of a named text; a temporary's view would dangle, so that does not compile.
  constexpr operator std::string_view() const& noexcept { return view(); }
  operator std::string_view() const&& = delete;

  friend constexpr bool operator==(const text& a, std::string_view b) noexcept {
    return a.view() == b;
  }
  friend constexpr bool operator!=(const text& a, std::string_view b) noexcept {
    return a.view() != b;
  }

 private:
  std::array<char, capacity + 1> chars_{};
  std::size_t size_ = 0;
};

GLN_END_NAMESPACE

#endif  // GLN_CORE_TEXT_HPP
