# Installs gln as a CMake package (gln::gln) and a pkg-config module. Nothing here is
# architecture-specific: a header-only install goes under share/, never lib/, so one
# install serves 32- and 64-bit consumers alike.
include(CMakePackageConfigHelpers)

set(gln_install_cmakedir "${CMAKE_INSTALL_DATADIR}/cmake/gln")
set(gln_install_pkgconfigdir "${CMAKE_INSTALL_DATADIR}/pkgconfig")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/gln"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")

install(TARGETS gln EXPORT gln-targets)
install(EXPORT gln-targets
        NAMESPACE gln::
        FILE glnTargets.cmake
        DESTINATION "${gln_install_cmakedir}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/glnConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/glnConfig.cmake"
  INSTALL_DESTINATION "${gln_install_cmakedir}"
  NO_SET_AND_CHECK_MACRO)
# ARCH_INDEPENDENT: without it a package installed by a 64-bit build is refused by a
# 32-bit consumer although the headers are the same.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/glnConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/glnConfig.cmake" "${PROJECT_BINARY_DIR}/glnConfigVersion.cmake"
        DESTINATION "${gln_install_cmakedir}")

# The .pc file finds its prefix from its own location, so the install can be moved.
file(RELATIVE_PATH gln_pc_to_prefix "/root/${gln_install_pkgconfigdir}" "/root")
string(REGEX REPLACE "/$" "" gln_pc_to_prefix "${gln_pc_to_prefix}")
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(gln_pc_includedir "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(gln_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/gln.pc.in" "${PROJECT_BINARY_DIR}/gln.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/gln.pc" DESTINATION "${gln_install_pkgconfigdir}")

# The adapters, each a component of the package where it is defined (its libraries found):
# find_package(gln 2 COMPONENTS json json_parse fhir) gives gln::json, gln::json_parse (the
# strict readers, on simdjson) and gln::fhir. json_parse's headers are installed with json.
foreach(component IN ITEMS json json_parse fhir)
  if(NOT TARGET gln_${component})
    continue()
  endif()
  get_target_property(adapter_dirs gln_${component} INTERFACE_INCLUDE_DIRECTORIES)
  if(adapter_dirs)
    string(REGEX MATCH "\\$<BUILD_INTERFACE:([^>]+)>" adapter_dir "${adapter_dirs}")
    install(DIRECTORY "${CMAKE_MATCH_1}/gln"
            DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
            COMPONENT ${component}
            FILES_MATCHING PATTERN "*.hpp")
  endif()
  install(TARGETS gln_${component} EXPORT gln-${component}-targets COMPONENT ${component})
  install(EXPORT gln-${component}-targets
          NAMESPACE gln::
          FILE gln-${component}-targets.cmake
          DESTINATION "${gln_install_cmakedir}"
          COMPONENT ${component})
endforeach()
