# Installs gln the way a packager does, then checks the result is a relocatable,
# architecture-independent package. Run by the consumer tests:
#   cmake -DGLN_SOURCE_DIR=<tree> -DWORK_DIR=<dir> -DCXX=<compiler> -DGENERATOR=<gen> -P install.cmake
# Leaves <dir>/prefix, installed to <dir>/staging first and then moved: a path baked into
# any installed file would break every consumer that builds against <dir>/prefix.
foreach(var GLN_SOURCE_DIR WORK_DIR CXX GENERATOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install.cmake: -D${var}=... is required")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}")
  endif()
endfunction()

set(build "${WORK_DIR}/build")
set(staging "${WORK_DIR}/staging")
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

# GLN_INSTALL is left at its default, which is ON for a top-level build.
run("${CMAKE_COMMAND}" -S "${GLN_SOURCE_DIR}" -B "${build}" -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX}" -DGLN_BUILD_TESTS=OFF -DGLN_BUILD_EXAMPLES=OFF)
run("${CMAKE_COMMAND}" --build "${build}")
run("${CMAKE_COMMAND}" --install "${build}" --prefix "${staging}")
file(RENAME "${staging}" "${prefix}")

set(problems "")
foreach(file IN ITEMS include/gln/gln.hpp include/gln/version.hpp share/cmake/gln/glnConfig.cmake
                      share/cmake/gln/glnConfigVersion.cmake share/cmake/gln/glnTargets.cmake
                      share/pkgconfig/gln.pc share/doc/gln/LICENSE)
  if(NOT EXISTS "${prefix}/${file}")
    list(APPEND problems "missing ${file}")
  endif()
endforeach()

# Every public header is installed, unchanged.
file(GLOB_RECURSE headers RELATIVE "${GLN_SOURCE_DIR}/include" "${GLN_SOURCE_DIR}/include/gln/*.hpp")
foreach(header IN LISTS headers)
  file(SHA256 "${GLN_SOURCE_DIR}/include/${header}" want)
  if(NOT EXISTS "${prefix}/include/${header}")
    list(APPEND problems "header not installed: ${header}")
    continue()
  endif()
  file(SHA256 "${prefix}/include/${header}" got)
  if(NOT want STREQUAL got)
    list(APPEND problems "installed header differs: ${header}")
  endif()
endforeach()

# Header-only: nothing architecture-specific may be installed.
foreach(dir IN ITEMS lib lib64 lib32 bin)
  if(EXISTS "${prefix}/${dir}")
    list(APPEND problems "installed an architecture-specific ${dir}/")
  endif()
endforeach()

# Relocatable: no installed file names the staging prefix, the build tree or the sources.
file(GLOB_RECURSE installed "${prefix}/*")
foreach(file IN LISTS installed)
  file(READ "${file}" text)
  foreach(path IN ITEMS "${staging}" "${build}" "${GLN_SOURCE_DIR}")
    string(FIND "${text}" "${path}" at)
    if(NOT at EQUAL -1)
      list(APPEND problems "${file} names ${path}")
    endif()
  endforeach()
endforeach()

file(STRINGS "${prefix}/share/pkgconfig/gln.pc" pc_prefix REGEX "^prefix=")
if(NOT pc_prefix STREQUAL "prefix=\${pcfiledir}/../..")
  list(APPEND problems "gln.pc: expected prefix=\${pcfiledir}/../.., found '${pc_prefix}'")
endif()

if(problems)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "install check failed:\n  ${text}")
endif()
list(LENGTH headers count)
message(STATUS "installed ${count} headers, CMake package and gln.pc to ${prefix}")
