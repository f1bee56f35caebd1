// Picks the Catch2 headers: version 3 where found, Debian's 2.13 otherwise. CMake defines
// GLN_CATCH2_MAJOR from the package it found; __has_include is only the fallback.
#ifndef GLN_TESTS_CATCH_HPP
#define GLN_TESTS_CATCH_HPP

#if !defined(GLN_CATCH2_MAJOR)
#if __has_include(<catch2/catch_test_macros.hpp>)
#define GLN_CATCH2_MAJOR 3
#else
#define GLN_CATCH2_MAJOR 2
#endif
#endif

#if GLN_CATCH2_MAJOR >= 3
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#else
#include <catch2/catch.hpp>
#endif

#endif  // GLN_TESTS_CATCH_HPP
