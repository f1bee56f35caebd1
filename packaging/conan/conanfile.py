# Conan 2 recipe for gln, kept in the gln tree and written to the conventions of
# conan-center-index's header-only template. From the top of the tree:
#   conan create packaging/conan --build=missing
import os
import re

from conan import ConanFile
from conan.errors import ConanException
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"


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

    @property
    def _tree(self):
        # This recipe sits in packaging/conan/ of the gln sources.
        return os.path.join(self.recipe_folder, os.pardir, os.pardir)

    def set_version(self):
        # The version is defined once, in include/gln/version.hpp; --version still wins.
        if self.version:
            return
        text = load(self, os.path.join(self._tree, "include", "gln", "version.hpp"))
        parts = [re.search(rf"^#define GLN_VERSION_{part} (\d+)$", text, re.MULTILINE)
                 for part in ("MAJOR", "MINOR", "PATCH")]
        if not all(parts):
            raise ConanException("GLN_VERSION_MAJOR/MINOR/PATCH not found in version.hpp")
        self.version = ".".join(match.group(1) for match in parts)

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
