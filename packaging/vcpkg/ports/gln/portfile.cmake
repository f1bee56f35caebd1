# Overlay port that builds the gln tree holding it. Use it in place, never a copy of it, and
# without the binary cache (vcpkg keys that cache on this folder's files, not on the gln
# sources four folders up, so a cached package would hide any edit to them):
#   vcpkg install gln --classic --no-binarycaching --overlay-ports=<gln>/packaging/vcpkg/ports
# The port for published releases is packaging/vcpkg-registry/ports/gln; the build steps
# after the sources are found are that port's, in its gln-build.cmake.

get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)
set(gln_tree_cmake "")
if(EXISTS "${SOURCE_PATH}/include/gln/version.hpp" AND EXISTS "${SOURCE_PATH}/CMakeLists.txt")
  file(READ "${SOURCE_PATH}/CMakeLists.txt" gln_tree_cmake)
endif()
if(NOT gln_tree_cmake MATCHES "(^|\n)[ \t]*project\\(gln[ \t\r\n)]")
  message(FATAL_ERROR "${SOURCE_PATH} is not a gln source tree (no include/gln/version.hpp, "
    "or no CMakeLists.txt with project(gln)). This overlay port builds the tree that holds it: "
    "pass --overlay-ports=<gln>/packaging/vcpkg/ports from a gln checkout, do not copy the "
    "port. For a published release use packaging/vcpkg-registry/ports/gln.")
endif()

include("${SOURCE_PATH}/packaging/vcpkg-registry/ports/gln/gln-build.cmake")
