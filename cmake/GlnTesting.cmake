# Test support for gln's own targets (never for consumers).
include_guard(GLOBAL)

# The helpers shared by the tests, the benchmarks and the fuzz targets: tests/builders.hpp
# (constexpr profiles and regimens), tests/support.hpp, tests/catch.hpp.
add_library(gln_test_support INTERFACE)
target_include_directories(gln_test_support INTERFACE "${PROJECT_SOURCE_DIR}/tests")
target_link_libraries(gln_test_support INTERFACE gln::gln)

include("${CMAKE_CURRENT_LIST_DIR}/GlnCatch2.cmake")

# gln_add_catch2_test(<target> SOURCES <file>... [LIBRARIES <lib>...] [TEST_PREFIX <prefix>])
# An executable of Catch2 test cases (GlnCatch2.cmake picks the Catch2), each its own CTest
# test.
function(gln_add_catch2_test target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TEST_PREFIX" "SOURCES;LIBRARIES")
  add_executable(${target} ${arg_SOURCES})
  target_link_libraries(${target} PRIVATE gln_test_support gln_warnings ${arg_LIBRARIES})
  gln_link_catch2(${target})
  include(Catch)
  catch_discover_tests(${target} TEST_PREFIX "${arg_TEST_PREFIX}")
endfunction()
