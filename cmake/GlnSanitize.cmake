# Sanitizer flags for gln's own targets (tests, examples, fuzzers), never for consumers.
# They ride on gln_warnings, which every own target already links privately, so the flags
# reach targets defined before this file is included.
if(NOT TARGET gln_warnings)
  include(${CMAKE_CURRENT_LIST_DIR}/GlnWarnings.cmake)
endif()

add_library(gln_sanitize INTERFACE)
if(GLN_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "GLN_SANITIZE needs g++ or clang++ (found ${CMAKE_CXX_COMPILER_ID})")
  endif()
  set(gln_sanitize_flags
    -fsanitize=address,undefined
    -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  target_compile_options(gln_sanitize INTERFACE ${gln_sanitize_flags})
  target_link_options(gln_sanitize INTERFACE ${gln_sanitize_flags})
  target_link_libraries(gln_warnings INTERFACE gln_sanitize)
endif()

# libFuzzer targets: clang only. Other compilers still build the corpus replayers.
set(GLN_LIBFUZZER_AVAILABLE OFF)
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang" AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "AppleClang")
  set(GLN_LIBFUZZER_AVAILABLE ON)
endif()
set(GLN_FUZZ_FLAGS
  -fsanitize=fuzzer,address,undefined
  -fno-sanitize-recover=all
  -fno-omit-frame-pointer)
# For code linked into a fuzz target from a separate object library: coverage and
# sanitizers, without libFuzzer's main.
set(GLN_FUZZ_NO_LINK_FLAGS
  -fsanitize=fuzzer-no-link,address,undefined
  -fno-sanitize-recover=all
  -fno-omit-frame-pointer)
