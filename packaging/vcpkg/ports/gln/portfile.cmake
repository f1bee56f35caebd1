# Overlay port for gln, kept in the gln tree and built from it:
#   vcpkg install gln --overlay-ports=<gln>/packaging/vcpkg/ports
# A registry port would take the sources with vcpkg_from_github(... REF "v${VERSION}") instead.
# The steps are gln's own CMake install, the one tests/consumers checks.

# Header-only: one release configuration is enough.
set(VCPKG_BUILD_TYPE release)

get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DGLN_INSTALL=ON
        -DGLN_BUILD_TESTS=OFF
        -DGLN_BUILD_EXAMPLES=OFF
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
