# gln_add_adapter(<name> LINK <library>...): an adapter's header-only target gln_<name> (alias
# gln::<name>), its headers under include/ beside the calling CMakeLists.txt, linking gln::gln
# and <library>...; installed as the package component <name> (cmake/GlnInstall.cmake).
include_guard(GLOBAL)

function(gln_add_adapter name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "LINK")
  add_library(gln_${name} INTERFACE)
  add_library(gln::${name} ALIAS gln_${name})
  set_target_properties(gln_${name} PROPERTIES EXPORT_NAME ${name})
  target_include_directories(gln_${name} INTERFACE
    "$<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  target_link_libraries(gln_${name} INTERFACE gln::gln ${arg_LINK})
  target_compile_features(gln_${name} INTERFACE cxx_std_17)
endfunction()
