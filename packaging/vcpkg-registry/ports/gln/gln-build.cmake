# The port's steps once the gln sources are at SOURCE_PATH: gln's own CMake install (the one
# tests/consumers checks), moved to vcpkg's layout. The in-tree overlay port
# (packaging/vcpkg/ports/gln) runs these same steps on the tree that holds it.

# Header-only: one release configuration is enough.
set(VCPKG_BUILD_TYPE release)

# The library alone: no tests, examples or benchmarks, and no adapters, which would look
# for nlohmann/json outside vcpkg.
vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DGLN_INSTALL=ON
        -DGLN_BUILD_TESTS=OFF
        -DGLN_BUILD_EXAMPLES=OFF
        -DGLN_BUILD_BENCHMARKS=OFF
        -DGLN_BUILD_JSON_ADAPTER=OFF
        -DGLN_BUILD_FHIR_ADAPTER=OFF
        -DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON
    MAYBE_UNUSED_VARIABLES
        GLN_BUILD_FHIR_ADAPTER
        CMAKE_DISABLE_FIND_PACKAGE_nlohmann_json
)
vcpkg_cmake_install()

# gln installs its package to share/cmake/gln; vcpkg wants share/gln.
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/gln)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE
    "${CURRENT_PACKAGES_DIR}/debug"
    "${CURRENT_PACKAGES_DIR}/lib"
    "${CURRENT_PACKAGES_DIR}/share/doc"
)

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
