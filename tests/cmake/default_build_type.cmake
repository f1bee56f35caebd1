# A top-level configure of gln with no build type builds Release; one that names a build type
# keeps it. Run with -DGLN_SOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=...
foreach(given IN ITEMS "" Debug)
  set(dir "${WORK_DIR}/build-type-${given}")
  file(REMOVE_RECURSE "${dir}")
  set(options -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=OFF -DGLN_BUILD_JSON_ADAPTER=OFF
              -DGLN_INSTALL=OFF)
  if(given)
    list(APPEND options "-DCMAKE_BUILD_TYPE=${given}")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -S "${GLN_SOURCE_DIR}" -B "${dir}" -G "${GENERATOR}"
                          ${options}
                  RESULT_VARIABLE status OUTPUT_QUIET)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "configuring gln failed (${status})")
  endif()
  file(STRINGS "${dir}/CMakeCache.txt" line REGEX "^CMAKE_BUILD_TYPE:")
  string(REGEX REPLACE "^[^=]*=" "" found "${line}")
  set(expected "${given}")
  if(NOT given)
    set(expected Release)
  endif()
  if(NOT found STREQUAL expected)
    message(FATAL_ERROR "build type '${found}' for a configure given '${given}', expected '${expected}'")
  endif()
endforeach()
