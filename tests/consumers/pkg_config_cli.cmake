# The pkg-config route as a Makefile or shell user takes it:
#   c++ -std=c++17 $(pkg-config --cflags gln) consumer.cpp -o consumer && ./consumer
# Run with PKG_CONFIG_PATH naming the install:
#   cmake -DCXX=<compiler> -DCXXFLAGS=<flags> -DWORK_DIR=<dir> -DEXPECTED_PREFIX=<prefix> -P pkg_config_cli.cmake
function(capture out)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE rc
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

capture(version pkg-config --modversion gln)
capture(cflags pkg-config --cflags gln)
capture(pc_prefix pkg-config --variable=prefix gln)

# The module found must be the one installed to the prefix under test.
file(REAL_PATH "${pc_prefix}" pc_prefix)
file(REAL_PATH "${EXPECTED_PREFIX}" EXPECTED_PREFIX)
if(NOT pc_prefix STREQUAL EXPECTED_PREFIX)
  message(FATAL_ERROR "pkg-config found gln at ${pc_prefix}, expected ${EXPECTED_PREFIX}")
endif()

separate_arguments(cflags UNIX_COMMAND "${cflags}")
separate_arguments(extra UNIX_COMMAND "${CXXFLAGS}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(exe "${WORK_DIR}/consumer")
capture(ignored "${CXX}" -std=c++17 ${extra} ${cflags} "-DGLN_EXPECTED_VERSION=\"${version}\""
        "${CMAKE_CURRENT_LIST_DIR}/consumer.cpp" -o "${exe}")
capture(output "${exe}")
message(STATUS "${output}")
