# Test support for gln's own targets (never for consumers).
include_guard(GLOBAL)

# The helpers shared by the tests, the benchmarks and the fuzz targets: tests/builders.hpp
# (constexpr profiles and regimens), tests/support.hpp, tests/catch.hpp.
add_library(gln_test_support INTERFACE)
target_include_directories(gln_test_support INTERFACE "${PROJECT_SOURCE_DIR}/tests")
target_link_libraries(gln_test_support INTERFACE gln::gln)

option(GLN_TESTS_OWN_MAIN
  "Compile Catch2's main instead of linking Catch2WithMain (needed for libc++ builds)" OFF)

# gln_add_catch2_test(<target> SOURCES <file>... [LIBRARIES <lib>...] [TEST_PREFIX <prefix>])
# An executable of Catch2 test cases, each its own CTest test. Catch2 3 is used where found,
# Debian's 2.13 otherwise (each major refuses the other's find_package request).
function(gln_add_catch2_test target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TEST_PREFIX" "SOURCES;LIBRARIES")
  find_package(Catch2 3 QUIET CONFIG)
  if(NOT Catch2_FOUND)
    find_package(Catch2 2 REQUIRED CONFIG)
  endif()
  string(REGEX MATCH "^[0-9]+" catch2_major "${Catch2_VERSION}")
  include(Catch)

  add_executable(${target} ${arg_SOURCES})
  target_link_libraries(${target} PRIVATE gln_test_support gln_warnings ${arg_LIBRARIES})
  target_compile_definitions(${target} PRIVATE GLN_CATCH2_MAJOR=${catch2_major})
  if(GLN_TESTS_OWN_MAIN)
    target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/tests/main.cpp")
    target_link_libraries(${target} PRIVATE Catch2::Catch2)
  else()
    target_link_libraries(${target} PRIVATE Catch2::Catch2WithMain)
  endif()
  catch_discover_tests(${target} TEST_PREFIX "${arg_TEST_PREFIX}")
endfunction()
