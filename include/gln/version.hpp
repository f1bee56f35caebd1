#ifndef GLN_VERSION_HPP
#define GLN_VERSION_HPP

// The one place the version is defined; CMake parses these three macros.
#define GLN_VERSION_MAJOR 1
#define GLN_VERSION_MINOR 0
#define GLN_VERSION_PATCH 0

#include <string_view>

namespace gln {

inline constexpr std::string_view version = "1.0.0";

// The clinical content (knowledge base) is versioned apart from the code: a table edit
// bumps knowledge_version even when no API changes.
inline constexpr int knowledge_version = 1;
inline constexpr std::string_view knowledge_review_date = "2026-11-23";

}  // namespace gln

#endif  // GLN_VERSION_HPP
