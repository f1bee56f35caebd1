# Conan 2 recipe for gln that packages the gln tree holding it: use it in place, from the top
# of the tree, never a copy of it:
#   conan create packaging/conan --build=missing
# It stops when it finds no gln tree two folders up rather than export an empty package. The
# recipe for a published release (conan-center) is packaging/conan-center/all/.
import os
import re

from conan import ConanFile
from conan.errors import ConanException
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout

# 2.3 brought test_package_folder.
required_conan_version = ">=2.3"


class GlnConan(ConanFile):
    name = "gln"
    description = ("L-glutamine supplementation knowledge as constexpr tables: screening, "
                   "doses, evidence")
    license = "MIT"
    url = "https://github.com/gln-project/gln"
    homepage = "https://github.com/gln-project/gln"
    topics = ("nutrition", "dietary-supplements", "clinical-decision-support", "constexpr",
              "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True
    # One test_package serves this recipe and the release recipe.
    test_package_folder = os.path.join(os.pardir, "conan-center", "all", "test_package")

    @property
    def _tree(self):
        # This recipe sits in packaging/conan/ of the gln sources.
        return os.path.normpath(os.path.join(self.recipe_folder, os.pardir, os.pardir))

    def _tree_version(self):
        """The version include/gln/version.hpp defines, after checking that _tree is a gln
        tree: a copy of this recipe elsewhere would otherwise package whatever is there."""
        header = os.path.join(self._tree, "include", "gln", "version.hpp")
        cmake = os.path.join(self._tree, "CMakeLists.txt")
        if not (os.path.isfile(header) and os.path.isfile(cmake)
                and re.search(r"^\s*project\(gln\b", load(self, cmake), re.MULTILINE)):
            raise ConanException(
                f"{self._tree} is not a gln source tree (no include/gln/version.hpp, or no "
                "CMakeLists.txt with project(gln)). This recipe packages the tree that holds "
                "it: run it in place, as 'conan create <gln>/packaging/conan', not from a "
                "copy. To package a published release, use packaging/conan-center/all.")
        text = load(self, header)
        parts = [re.search(rf"^#define GLN_VERSION_{part} (\d+)$", text, re.MULTILINE)
                 for part in ("MAJOR", "MINOR", "PATCH")]
        if not all(parts):
            raise ConanException(f"GLN_VERSION_MAJOR/MINOR/PATCH not found in {header}")
        return ".".join(match.group(1) for match in parts)

    def set_version(self):
        # The version is defined once, in include/gln/version.hpp.
        version = self._tree_version()
        if self.version and str(self.version) != version:
            raise ConanException(
                f"--version {self.version}, but the gln tree at {self._tree} is version "
                f"{version}: this recipe packages the tree, so the version is the tree's. For "
                "another version, check it out or use packaging/conan-center/all.")
        self.version = version

    # set_version() has checked the tree by now. Only include/: the adapters (adapters/*)
    # are not part of the package.
    def export_sources(self):
        copy(self, "LICENSE", self._tree, self.export_sources_folder)
        copy(self, "*.hpp", os.path.join(self._tree, "include"),
             os.path.join(self.export_sources_folder, "include"))

    def layout(self):
        basic_layout(self)

    # One package serves every configuration: there is nothing to compile.
    def package_id(self):
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, 17)

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"),
             os.path.join(self.package_folder, "include"))

    def package_info(self):
        # The names gln's own CMake package and gln.pc use, so consumers write the same lines
        # whichever way they got gln.
        self.cpp_info.set_property("cmake_file_name", "gln")
        self.cpp_info.set_property("cmake_target_name", "gln::gln")
        self.cpp_info.set_property("pkg_config_name", "gln")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
