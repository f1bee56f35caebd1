# Warning flags for gln's own targets (never for consumers): link gln_warnings privately.
add_library(gln_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(gln_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wconversion -Wshadow
    $<$<BOOL:${GLN_WARNINGS_AS_ERRORS}>:-Werror>)
elseif(MSVC)
  target_compile_options(gln_warnings INTERFACE /W4 $<$<BOOL:${GLN_WARNINGS_AS_ERRORS}>:/WX>)
endif()

# Warnings beyond gln's own set that applications turn on: every public header, instantiated
# through every entry point, must be free of them too (tests/no_exceptions.cpp links it).
# Named one by one, not -Weverything, so a newer compiler's new warnings do not break the tests.
add_library(gln_user_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(gln_user_warnings INTERFACE
    -Wuseless-cast -Wold-style-cast -Wsign-conversion -Wdouble-promotion -Wcast-qual
    -Wcast-align -Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wnull-dereference
    -Wextra-semi -Wzero-as-null-pointer-constant -Wundef -Wredundant-decls
    -Wmissing-declarations -Wformat=2)
elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  # Not -Wrange-loop-bind-reference: it reports `for (const gln::finding& f : r.findings)`,
  # which is safe because each finding is a value whose life the reference extends.
  target_compile_options(gln_user_warnings INTERFACE
    -Wold-style-cast -Wsign-conversion -Wdouble-promotion -Wcast-qual
    -Wcast-align -Wextra-semi -Wzero-as-null-pointer-constant -Wundef -Wshorten-64-to-32
    -Wimplicit-fallthrough -Wunreachable-code-aggressive -Wcomma -Wmissing-prototypes
    -Wnon-virtual-dtor -Wnewline-eof -Wshadow-all -Wdocumentation)
endif()
