// Catch2's main, for builds that cannot link the prebuilt Catch2WithMain (libc++ builds
// against Debian's libstdc++-built Catch2, for instance).
#include "catch.hpp"
#if GLN_CATCH2_MAJOR >= 3
#include <catch2/catch_session.hpp>
int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
#else
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
#endif
