# gln_read_version(<prefix> <gln source dir>): sets <prefix>_MAJOR, _MINOR, _PATCH and
# <prefix> ("2.0.0") from include/gln/version.hpp, the one place the version is defined.
function(gln_read_version prefix source_dir)
  file(STRINGS "${source_dir}/include/gln/version.hpp" lines
       REGEX "^#define GLN_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
  foreach(part MAJOR MINOR PATCH)
    if(NOT lines MATCHES "GLN_VERSION_${part} ([0-9]+)")
      message(FATAL_ERROR "GLN_VERSION_${part} not found in ${source_dir}/include/gln/version.hpp")
    endif()
    set(${prefix}_${part} "${CMAKE_MATCH_1}" PARENT_SCOPE)
    set(${part} "${CMAKE_MATCH_1}")
  endforeach()
  set(${prefix} "${MAJOR}.${MINOR}.${PATCH}" PARENT_SCOPE)
endfunction()
