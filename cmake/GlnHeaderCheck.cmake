# Every public header must compile on its own, with gln's warnings: one translation unit per
# header, including it twice so a missing include guard fails too. Building is the test.
file(GLOB_RECURSE gln_public_headers CONFIGURE_DEPENDS
     RELATIVE "${PROJECT_SOURCE_DIR}/include" "${PROJECT_SOURCE_DIR}/include/gln/*.hpp")
set(gln_header_check_sources "")
foreach(header IN LISTS gln_public_headers)
  string(MAKE_C_IDENTIFIER "${header}" gln_header_id)
  set(source "${PROJECT_BINARY_DIR}/header_check/${gln_header_id}.cpp")
  file(CONFIGURE OUTPUT "${source}" CONTENT "#include <${header}>\n#include <${header}>\n")
  list(APPEND gln_header_check_sources "${source}")
endforeach()

add_library(gln_header_check OBJECT ${gln_header_check_sources})
target_link_libraries(gln_header_check PRIVATE gln::gln gln_warnings)
# An app may build with -Wsign-conversion or -Wfloat-equal, which gln's own code does not use:
# its headers must still not warn there.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(gln_header_check PRIVATE -Wsign-conversion -Wfloat-equal)
endif()
