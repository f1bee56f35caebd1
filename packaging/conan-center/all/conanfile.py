# Conan 2 recipe for published gln releases, laid out for conan-center-index (this folder is
# recipes/gln/ there): the sources are the release asset that conandata.yml names with its
# sha256, both written by scripts/release.sh. To try it:
#   conan create packaging/conan-center/all --version <a version in conandata.yml>
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, get
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"


class GlnConan(ConanFile):
    name = "gln"
    description = ("L-glutamine supplementation knowledge as constexpr tables: screening, "
                   "doses, evidence")
    license = "MIT"
    url = "https://github.com/conan-io/conan-center-index"
    homepage = "https://github.com/gln-project/gln"
    topics = ("nutrition", "dietary-supplements", "clinical-decision-support", "constexpr",
              "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True

    def layout(self):
        basic_layout(self, src_folder="src")

    def package_id(self):
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, 17)

    def source(self):
        get(self, **self.conan_data["sources"][self.version], strip_root=True)

    def build(self):
        pass

    # The library is include/ alone: gln's CMake options, tests, examples and the optional
    # adapters (adapters/*, which need nlohmann/json) stay out of the package.
    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"),
             os.path.join(self.package_folder, "include"))

    def package_info(self):
        # The names of gln's own CMake package and gln.pc.
        self.cpp_info.set_property("cmake_file_name", "gln")
        self.cpp_info.set_property("cmake_target_name", "gln::gln")
        self.cpp_info.set_property("pkg_config_name", "gln")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
