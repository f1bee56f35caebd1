#ifndef GLN_VERSION_HPP
#define GLN_VERSION_HPP

// The one place the version is defined; CMake, the Conan recipe and the release script parse
// these three macros.
#define GLN_VERSION_MAJOR 2
#define GLN_VERSION_MINOR 0
#define GLN_VERSION_PATCH 0

// Every name lives in an inline namespace named for the major version (gln::v2), as fmt and
// nlohmann/json do: two major versions linked into one program get distinct symbols instead
// of a silent ODR violation, while users keep writing gln::screen.
#define GLN_DETAIL_CONCAT_(a, b) a##b
#define GLN_DETAIL_CONCAT(a, b) GLN_DETAIL_CONCAT_(a, b)
#define GLN_DETAIL_STRING_(x) #x
#define GLN_DETAIL_STRING(x) GLN_DETAIL_STRING_(x)
#define GLN_ABI_NAMESPACE GLN_DETAIL_CONCAT(v, GLN_VERSION_MAJOR)
#define GLN_BEGIN_NAMESPACE \
  namespace gln {           \
  inline namespace GLN_ABI_NAMESPACE {
#define GLN_END_NAMESPACE \
  }                       \
  }

#include <string_view>

GLN_BEGIN_NAMESPACE

// "2.0.0", spelled from the three macros so it cannot disagree with them.
inline constexpr std::string_view version =
    GLN_DETAIL_STRING(GLN_VERSION_MAJOR) "." GLN_DETAIL_STRING(
        GLN_VERSION_MINOR) "." GLN_DETAIL_STRING(GLN_VERSION_PATCH);

// The clinical content (knowledge base) is versioned apart from the code: a table edit
// bumps knowledge_version even when no API changes.
inline constexpr int knowledge_version = 2;
inline constexpr std::string_view knowledge_review_date = "2026-11-30";

GLN_END_NAMESPACE

#endif  // GLN_VERSION_HPP
