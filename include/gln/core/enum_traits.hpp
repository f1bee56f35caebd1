#ifndef GLN_CORE_ENUM_TRAITS_HPP
#define GLN_CORE_ENUM_TRAITS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../version.hpp"

// How every gln enum is declared: from one list, so that the enum, its count and its stable
// names cannot disagree.
//
// Each enum is an X-macro list of (enumerator, "stable_name") pairs, and GLN_DEFINE_ENUM turns
// the list into the enum and its enum_traits (names in enumerator order; the count is the
// number of names). An X-macro rather than a hand-kept {enumerator, name} table because C++17
// cannot see an enumerator appended after the last one a table knows about: here the list is
// the only place an enumerator can be written. An entry without a name, or a name without an
// enumerator, does not compile (tests/compile_fail/ proves both). The name is written out even
// where it equals the enumerator: renaming an identifier must never change a name that JSON,
// logs and app databases hold.

// A string literal as a std::string_view whose length the compiler gives. Converting a plain
// literal counts its characters through char_traits::length, which libstdc++ runs one
// character at a time in constant evaluation: about 20,000 compiler instructions a character,
// paid by every includer for every text of every table. Tables in namespace data write "..."sv
// for the same reason.
#define GLN_DETAIL_TEXT(literal) \
  std::string_view { literal, sizeof(literal) - 1 }

#define GLN_DETAIL_ENUMERATOR(enumerator, name) enumerator,
#define GLN_DETAIL_ENUM_NAME(enumerator, name) GLN_DETAIL_TEXT(name),

// Declares `enum class Type : std::uint8_t` with the enumerators of LIST, and its enum_traits.
// Use inside namespace gln (GLN_BEGIN_NAMESPACE).
#define GLN_DEFINE_ENUM(Type, LIST)                                              \
  enum class Type : std::uint8_t { LIST(GLN_DETAIL_ENUMERATOR) };                \
  template <>                                                                    \
  struct enum_traits<Type> {                                                     \
    static constexpr std::string_view names[] = {LIST(GLN_DETAIL_ENUM_NAME)};    \
    static constexpr std::size_t count = sizeof(names) / sizeof(names[0]);       \
    static_assert(count < 255, "an enum of gln has fewer than 255 enumerators"); \
  }

// The same for a list of (enumerator, "stable_name", "description"): the traits also hold the
// descriptions, in enumerator order (read them with gln::description).
#define GLN_DETAIL_DESCRIBED_ENUMERATOR(enumerator, name, description) enumerator,
#define GLN_DETAIL_DESCRIBED_NAME(enumerator, name, description) GLN_DETAIL_TEXT(name),
#define GLN_DETAIL_DESCRIPTION(enumerator, name, description) GLN_DETAIL_TEXT(description),
#define GLN_DEFINE_DESCRIBED_ENUM(Type, LIST)                                          \
  enum class Type : std::uint8_t { LIST(GLN_DETAIL_DESCRIBED_ENUMERATOR) };            \
  template <>                                                                          \
  struct enum_traits<Type> {                                                           \
    static constexpr std::string_view names[] = {LIST(GLN_DETAIL_DESCRIBED_NAME)};     \
    static constexpr std::string_view descriptions[] = {LIST(GLN_DETAIL_DESCRIPTION)}; \
    static constexpr std::size_t count = sizeof(names) / sizeof(names[0]);             \
    static_assert(count < 255, "an enum of gln has fewer than 255 enumerators");       \
  }

GLN_BEGIN_NAMESPACE

// Specialised by GLN_DEFINE_ENUM and GLN_DEFINE_DESCRIBED_ENUM only: `names` (the stable
// names, in enumerator order), `count`, and for the latter `descriptions`. Not defined for
// other types, so to_string and parse accept gln's enums alone.
template <class E>
struct enum_traits;

// Number of enumerators, the basis of every range check.
template <class E>
inline constexpr std::size_t enum_count = enum_traits<E>::count;

// True when `value` is one of E's enumerators; an integer cast into E may not be.
template <class E>
constexpr bool is_valid(E value) noexcept {
  return static_cast<std::size_t>(value) < enum_count<E>;
}

template <class E>
constexpr std::size_t index_of(E value) noexcept {
  return static_cast<std::size_t>(value);
}

namespace detail {
// gln's headers compare and assign enums through these rather than with == and =: clang 14
// answers each such operator by trying every built-in candidate (a pair of arithmetic types
// each), about 0.4M compiler instructions a comparison and 1.3M an assignment in every file
// that includes gln, where a call costs 0.05M (and an assignment here 1.3M once per enum).
template <class E>
constexpr bool same(E a, E b) noexcept {
  return static_cast<std::size_t>(a) == static_cast<std::size_t>(b);
}
template <class E>
constexpr void assign(E& to, E value) noexcept {
  to = value;
}
}  // namespace detail

// Every enumerator of E, in order: `for (gln::purpose p : gln::all<gln::purpose>())`.
template <class E>
constexpr std::array<E, enum_count<E>> all() noexcept {
  std::array<E, enum_count<E>> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<E>(i);
  return out;
}

GLN_END_NAMESPACE

#endif  // GLN_CORE_ENUM_TRAITS_HPP
