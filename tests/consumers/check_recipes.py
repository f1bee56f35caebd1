#!/usr/bin/env python3
"""Checks the package recipes against the tree: versions agree with include/gln/version.hpp,
every recipe states the MIT license, the Conan recipe keeps the conventions it promises, the
vcpkg manifest keeps test-only dependencies in features. Conan and vcpkg themselves are not
available to CI, so this and the CMake consumers are what can be checked."""
import json
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[2])
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


header = (root / "include/gln/version.hpp").read_text(encoding="utf-8")
version = ".".join(re.search(rf"^#define GLN_VERSION_{p} (\d+)$", header, re.M).group(1)
                   for p in ("MAJOR", "MINOR", "PATCH"))

license_text = (root / "LICENSE").read_text(encoding="utf-8")
check(license_text.startswith("MIT License"), "LICENSE is not the MIT license")

# Conan: the recipe compiles and says what it must.
for path in ("packaging/conan/conanfile.py", "packaging/conan/test_package/conanfile.py"):
    source = (root / path).read_text(encoding="utf-8")
    try:
        compile(source, path, "exec")
    except SyntaxError as error:
        problems.append(f"{path}: {error}")
recipe = (root / "packaging/conan/conanfile.py").read_text(encoding="utf-8")
for needle in ('package_type = "header-library"', 'license = "MIT"', "self.info.clear()",
               "check_min_cppstd(self, 17)", '"cmake_target_name", "gln::gln"',
               '"cmake_file_name", "gln"', '"pkg_config_name", "gln"', '"version.hpp"'):
    check(needle in recipe, f"conanfile.py lacks {needle}")
check(not re.search(r"^\s*version\s*=", recipe, re.M),
      "conanfile.py hard-codes a version; set_version() reads version.hpp")

# vcpkg: port and manifest carry the header's version and the license.
for path in ("vcpkg.json", "packaging/vcpkg/ports/gln/vcpkg.json"):
    manifest = json.loads((root / path).read_text(encoding="utf-8"))
    check(manifest.get("name") == "gln", f"{path}: name is not gln")
    check(manifest.get("version") == version,
          f"{path}: version {manifest.get('version')} but version.hpp says {version}")
    check(manifest.get("license") == "MIT", f"{path}: license is not MIT")

manifest = json.loads((root / "vcpkg.json").read_text(encoding="utf-8"))
names = [d if isinstance(d, str) else d.get("name") for d in manifest.get("dependencies", [])]
check("catch2" not in names, "vcpkg.json: catch2 must be only in the tests feature")
check("catch2" in manifest.get("features", {}).get("tests", {}).get("dependencies", []),
      "vcpkg.json: the tests feature must bring catch2")

portfile = (root / "packaging/vcpkg/ports/gln/portfile.cmake").read_text(encoding="utf-8")
for needle in ("set(VCPKG_BUILD_TYPE release)", "vcpkg_cmake_configure(", "vcpkg_cmake_install()",
               "vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/gln)",
               '"${CURRENT_PACKAGES_DIR}/debug"', "vcpkg_install_copyright(",
               "-DGLN_BUILD_TESTS=OFF", "-DGLN_BUILD_EXAMPLES=OFF"):
    check(needle in portfile, f"portfile.cmake lacks {needle}")
check((root / "packaging/vcpkg/ports/gln/usage").is_file(), "the vcpkg port has no usage file")

if problems:
    print("recipe check failed:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"recipes agree with version.hpp ({version}) and state the MIT license")
