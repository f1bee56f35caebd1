# Catch2 for gln's test programs: gln_link_catch2(<target>) finds Catch2, links it and
# defines GLN_CATCH2_MAJOR for tests/catch.hpp.
#
# Catch2 2 is header-only (Catch2::Catch2) but ships a prebuilt Catch2WithMain; Catch2 3 is
# a compiled library. Anything prebuilt links only into programs built with the standard
# library it was built with: Debian's Catch2 2 main and a Catch2 3 installed from source are
# libstdc++ builds, and a clang++ -stdlib=libc++ program fails to link against either. So:
#   - libstdc++ (the default): Catch2 3 where found, else Catch2 2, each with Catch2WithMain.
#   - GLN_TESTS_OWN_MAIN=ON: Catch2 2 only, header-only, with tests/main.cpp compiled in.
#   - libc++: the same as GLN_TESTS_OWN_MAIN when Catch2 2 is found; without it, a Catch2 3
#     that was itself built with libc++.
# A Catch2 3 is used only after a test program has linked against it with this compiler and
# these flags; otherwise configuring fails and says why, rather than the build failing on
# thousands of undefined references.
include_guard(GLOBAL)
include(CheckCXXSourceCompiles)

option(GLN_TESTS_OWN_MAIN
  "Test with Catch2 2's header-only target and a main compiled in (tests/main.cpp), not a \
prebuilt Catch2WithMain; libc++ builds do this whenever Catch2 2 is found" OFF)

check_cxx_source_compiles([[
#include <cstddef>
#ifndef _LIBCPP_VERSION
#error not libc++
#endif
int main() { return 0; }
]] GLN_TESTS_STDLIB_IS_LIBCXX)

# Fails configuring unless a program using Catch2 3 links with this compiler and flags. The
# string_view assertion needs a Catch2 3 built for C++17 (the tests' standard) or newer:
# built for C++14, as clang++ 14 does by default, it lacks StringMaker<std::string_view>.
function(gln_check_catch2_3_links)
  if(NOT DEFINED CACHE{GLN_TESTS_CATCH2_3_LINKS})
    set(dir "${PROJECT_BINARY_DIR}/catch2_link_check")
    file(WRITE "${dir}/check.cpp" [[
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <string_view>
TEST_CASE("links") {
  REQUIRE(std::string("gln") == "gln");
  REQUIRE(std::string_view("gln") == "gln");
}
]])
    try_compile(links "${dir}/build" SOURCES "${dir}/check.cpp"
      LINK_LIBRARIES Catch2::Catch2WithMain
      CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON
      OUTPUT_VARIABLE output)
    set(GLN_TESTS_CATCH2_3_LINKS "${links}" CACHE INTERNAL "Catch2 3 links with this compiler")
    if(NOT links)
      file(WRITE "${dir}/output.txt" "${output}")
    endif()
  endif()
  if(NOT GLN_TESTS_CATCH2_3_LINKS)
    unset(GLN_TESTS_CATCH2_3_LINKS CACHE)  # checked again on the next configure
    if(GLN_TESTS_STDLIB_IS_LIBCXX)
      set(fix "install Catch2 2 (header-only; Debian: apt-get install catch2), or a Catch2 3 \
built with -stdlib=libc++ and -DCMAKE_CXX_STANDARD=17")
    else()
      set(fix "build Catch2 3 with this compiler and standard library and \
-DCMAKE_CXX_STANDARD=17, or use Catch2 2 (Debian: apt-get install catch2) with \
-DGLN_TESTS_OWN_MAIN=ON")
    endif()
    message(FATAL_ERROR "gln tests: Catch2 ${Catch2_VERSION} (${Catch2_DIR}) is a compiled \
library, and a test program does not link against it with ${CMAKE_CXX_COMPILER} and \
CMAKE_CXX_FLAGS '${CMAKE_CXX_FLAGS}': it was built with another standard library or compiler, \
or for a C++ standard below 17. To fix: ${fix}. The linker's output is in \
${PROJECT_BINARY_DIR}/catch2_link_check/output.txt.")
  endif()
endfunction()

# Imported targets are visible in the directory that found them: each directory that has
# test programs calls this.
function(gln_link_catch2 target)
  set(own_main "${GLN_TESTS_OWN_MAIN}")
  if(GLN_TESTS_OWN_MAIN OR GLN_TESTS_STDLIB_IS_LIBCXX)
    find_package(Catch2 2 QUIET CONFIG)
    if(Catch2_FOUND)
      set(own_main ON)
    elseif(GLN_TESTS_OWN_MAIN)
      message(FATAL_ERROR "gln tests: GLN_TESTS_OWN_MAIN needs Catch2 2 (header-only; Debian: \
apt-get install catch2), and none was found. Catch2 3 brings its own compiled main: turn \
GLN_TESTS_OWN_MAIN off to use it.")
    endif()
  endif()
  if(NOT Catch2_FOUND)
    find_package(Catch2 3 QUIET CONFIG)
    if(Catch2_FOUND)
      gln_check_catch2_3_links()
    elseif(GLN_TESTS_STDLIB_IS_LIBCXX)
      message(FATAL_ERROR "gln tests: a libc++ build needs Catch2 2 (header-only; Debian: \
apt-get install catch2) or a Catch2 3 built with -stdlib=libc++, and neither was found.")
    else()
      # Debian's 2.13 (each major refuses the other's request, hence two look-ups).
      find_package(Catch2 2 REQUIRED CONFIG)
    endif()
  endif()

  string(REGEX MATCH "^[0-9]+" major "${Catch2_VERSION}")
  target_compile_definitions(${target} PRIVATE GLN_CATCH2_MAJOR=${major})
  if(own_main)
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/tests/main.cpp")
    target_link_libraries(${target} PRIVATE Catch2::Catch2)
  else()
    target_link_libraries(${target} PRIVATE Catch2::Catch2WithMain)
  endif()
  # Catch2's package puts its Catch.cmake (catch_discover_tests) on the module path.
  set(CMAKE_MODULE_PATH "${CMAKE_MODULE_PATH}" PARENT_SCOPE)
endfunction()
