#ifndef GLN_OSTREAM_HPP
#define GLN_OSTREAM_HPP

// Optional: stream output for gln's values. Not included by <gln/gln.hpp>, so the library
// itself pulls in no stream header; include this one where you print.
//   std::cout << result.action << ": " << f.reason() << '\n';

#include <ostream>

#include "core/enum_traits.hpp"
#include "core/finding.hpp"
#include "core/names.hpp"
#include "core/text.hpp"
#include "core/units.hpp"

GLN_BEGIN_NAMESPACE

// Any gln enum, by its stable name ("avoid", "contra.cirrhosis"); a value outside the enum
// prints nothing.
template <class E, class = decltype(enum_traits<E>::names)>
std::ostream& operator<<(std::ostream& out, E value) {
  return out << to_string(value);
}

inline std::ostream& operator<<(std::ostream& out, const text& value) {
  return out << value.view();
}

namespace detail {

// A quantity as its number (the unit is the caller's to print). In the quantity's own
// namespace, where argument-dependent lookup finds it.
template <class Tag>
std::ostream& operator<<(std::ostream& out, quantity<Tag> value) {
  return out << value.value();
}

}  // namespace detail

// "contra.cirrhosis (avoid): advanced liver disease: ammonia accumulation".
inline std::ostream& operator<<(std::ostream& out, const finding& f) {
  return out << f.rule << " (" << f.level << "): " << f.reason();
}

GLN_END_NAMESPACE

#endif  // GLN_OSTREAM_HPP
