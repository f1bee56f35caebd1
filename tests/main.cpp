// Catch2 2's main, compiled into the test program instead of linking the prebuilt
// Catch2WithMain, which is built against libstdc++ (cmake/GlnCatch2.cmake uses this file for
// libc++ builds and with GLN_TESTS_OWN_MAIN). CATCH_CONFIG_RUNNER must come before the header.
#define CATCH_CONFIG_RUNNER
#include "catch.hpp"

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
