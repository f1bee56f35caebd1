# Warning flags for gln's own targets (never for consumers): link gln_warnings privately.
add_library(gln_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(gln_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wconversion -Wshadow
    $<$<BOOL:${GLN_WARNINGS_AS_ERRORS}>:-Werror>)
elseif(MSVC)
  target_compile_options(gln_warnings INTERFACE /W4 $<$<BOOL:${GLN_WARNINGS_AS_ERRORS}>:/WX>)
endif()
