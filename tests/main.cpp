// Catch2's main, for builds that cannot link the prebuilt Catch2WithMain (libc++ builds
// against Debian's libstdc++-built Catch2, for instance). CATCH_CONFIG_RUNNER must come
// before Catch2 2's header; Catch2 3 ignores it and needs its session header.
#define CATCH_CONFIG_RUNNER
#include "catch.hpp"
#if GLN_CATCH2_MAJOR >= 3
#include <catch2/catch_session.hpp>
#endif

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
