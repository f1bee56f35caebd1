#ifndef GLN_CORE_PRECONDITION_HPP
#define GLN_CORE_PRECONDITION_HPP

#include <cstddef>
#if !defined(__GNUC__) && !defined(__clang__)
#include <cstdlib>
#endif

#include "../version.hpp"

GLN_BEGIN_NAMESPACE
namespace detail {

// Reached only through a broken precondition, such as an index past the end. Not constexpr,
// so the mistake does not compile in a constant expression; at run time it stops the program
// (std::abort): no exception, no undefined behaviour, and never a made-up answer.
[[noreturn]] inline void precondition_failed() noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_abort();  // std::abort without <cstdlib>, which every includer would pay for
#else
  std::abort();
#endif
}

// Element `i` of a table indexed by an enum; an index past the end is a broken precondition,
// never a neighbouring row.
template <class Table>
constexpr const auto& row_at(const Table& table, std::size_t i) noexcept {
  if (i >= table.size()) precondition_failed();
  return table[i];
}

}  // namespace detail
GLN_END_NAMESPACE

#endif  // GLN_CORE_PRECONDITION_HPP
