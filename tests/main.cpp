// Catch2's main, for builds that cannot link the prebuilt Catch2WithMain (libc++ builds
// against Debian's libstdc++-built Catch2, for instance).
#if !defined(GLN_CATCH2_MAJOR)
#if __has_include(<catch2/catch_session.hpp>)
#define GLN_CATCH2_MAJOR 3
#else
#define GLN_CATCH2_MAJOR 2
#endif
#endif

#if GLN_CATCH2_MAJOR >= 3
#include <catch2/catch_session.hpp>
#else
// Must precede the first include of catch.hpp, so this file does not use the shim.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#endif

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
