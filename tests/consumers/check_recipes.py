#!/usr/bin/env python3
"""Checks the package recipes against the tree: versions agree with include/gln/version.hpp,
every recipe states the MIT license, the Conan recipes and vcpkg ports keep the conventions
they promise, the vcpkg manifest keeps test-only dependencies in features, and the release
recipes (conan-center, vcpkg registry) agree with each other on the newest release, its URL
and its hashes. Conan and vcpkg themselves are not available to CI, so this and the CMake
consumers are what can be checked.
    check_recipes.py [ROOT]"""
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import release_recipes  # noqa: E402  (scripts/release_recipes.py, which reads and fills them)


def tree_version(root):
    header = (pathlib.Path(root) / "include/gln/version.hpp").read_text(encoding="utf-8")
    return ".".join(re.search(rf"^#define GLN_VERSION_{p} (\d+)$", header, re.M).group(1)
                    for p in ("MAJOR", "MINOR", "PATCH"))


def lacks(text, needles, name, problems):
    problems.extend(f"{name} lacks {needle}" for needle in needles if needle not in text)


def check_conan_recipe(path, needles, problems):
    source = path.read_text(encoding="utf-8")
    try:
        compile(source, str(path), "exec")
    except SyntaxError as error:
        problems.append(f"{path}: {error}")
    lacks(source, ('package_type = "header-library"', 'license = "MIT"', "self.info.clear()",
                   "check_min_cppstd(self, 17)", '"cmake_target_name", "gln::gln"',
                   '"cmake_file_name", "gln"', '"pkg_config_name", "gln"') + needles,
          path.name, problems)
    if re.search(r"^\s*version\s*=\s*[\"']", source, re.M):
        problems.append(f"{path} hard-codes a version")


def check_release(folder, version, problems, archive=None):
    """The release recipes under `folder` (packaging/ or release.sh's --output): one newest
    release, named alike by every file, no newer than `version` (include/gln/version.hpp:
    the recipes name an asset published from a tree that already had its version), its URL
    from the port's URLS line, its hashes those of `archive` when one is given."""
    folder = pathlib.Path(folder)
    try:
        port = release_recipes.read_port(folder)
        entries = release_recipes.read_conandata(folder)
        config = release_recipes.read_config(folder)
    except (OSError, ValueError) as error:
        problems.append(f"release recipes: {error}")
        return
    newest = port["version"]
    key = release_recipes.version_key
    homepage = port["manifest"].get("homepage")
    if port["url_template"] != f"{homepage}/releases/download/v${{VERSION}}/gln-${{VERSION}}.tar.gz":
        problems.append(f"vcpkg registry port: URLS {port['url_template']} is not the release "
                        f"asset under {homepage}")
    if port["manifest"].get("license") != "MIT" or port["manifest"].get("name") != "gln":
        problems.append("vcpkg registry port: name is not gln or license is not MIT")
    if key(newest) > key(version):
        problems.append(f"release recipes name {newest}, newer than version.hpp's {version}")
    versions = [e["version"] for e in entries]
    if not versions or versions[0] != newest or versions != sorted(versions, key=key, reverse=True):
        problems.append(f"conandata.yml lists {versions}: not newest first from {newest}")
    if config != versions:
        problems.append(f"config.yml lists {config}, conandata.yml {versions}")
    for entry in entries:
        if entry["url"] != release_recipes.asset_url(port["url_template"], entry["version"]):
            problems.append(f"conandata.yml: {entry['version']} has URL {entry['url']}")
    placeholder = release_recipes.PLACEHOLDER
    sha256 = entries[0]["sha256"] if entries else ""
    if (sha256 == placeholder) != (port["sha512"] == placeholder):
        problems.append("one release recipe has a placeholder hash and the other a real one")
    for name, value, length in (("sha256", sha256, 64), ("SHA512", port["sha512"], 128)):
        if value != placeholder and not re.fullmatch(f"[0-9a-f]{{{length}}}", value):
            problems.append(f"{name} {value!r} is neither {length} hex digits nor {placeholder!r}")
    if archive is not None:
        data = pathlib.Path(archive).read_bytes()
        if sha256 != hashlib.sha256(data).hexdigest():
            problems.append(f"conandata.yml sha256 {sha256} is not that of {archive}")
        if port["sha512"] != hashlib.sha512(data).hexdigest():
            problems.append(f"portfile.cmake SHA512 is not that of {archive}")
        if pathlib.Path(archive).name != port["url_template"].rsplit("/", 1)[1].replace(
                "${VERSION}", newest):
            problems.append(f"{archive} is not named as the asset URL says")
    check_conan_recipe(folder / "conan-center/all/conanfile.py",
                       ('get(self, **self.conan_data["sources"][self.version], strip_root=True)',),
                       problems)
    for test_file in ("conanfile.py", "CMakeLists.txt", "test_package.cpp"):
        if not (folder / "conan-center/all/test_package" / test_file).is_file():
            problems.append(f"conan-center/all/test_package/{test_file} is missing")
    portfile = (folder / release_recipes.PORT / "portfile.cmake").read_text(encoding="utf-8")
    lacks(portfile, ("vcpkg_download_distfile(ARCHIVE", 'FILENAME "gln-${VERSION}.tar.gz"',
                     'vcpkg_extract_source_archive(SOURCE_PATH ARCHIVE "${ARCHIVE}")',
                     'include("${CMAKE_CURRENT_LIST_DIR}/gln-build.cmake")'),
          "the registry portfile.cmake", problems)
    if "vcpkg_from_github" in portfile:
        problems.append("the registry port must take the published asset, not vcpkg_from_github")
    build = (folder / release_recipes.PORT / "gln-build.cmake").read_text(encoding="utf-8")
    lacks(build, ("set(VCPKG_BUILD_TYPE release)", "vcpkg_cmake_configure(",
                  "vcpkg_cmake_install()", "vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/gln)",
                  '"${CURRENT_PACKAGES_DIR}/debug"', "vcpkg_install_copyright(",
                  "-DGLN_BUILD_TESTS=OFF", "-DGLN_BUILD_EXAMPLES=OFF",
                  "-DGLN_BUILD_JSON_ADAPTER=OFF", "-DGLN_BUILD_FHIR_ADAPTER=OFF",
                  "-DCMAKE_DISABLE_FIND_PACKAGE_nlohmann_json=ON"),
          "gln-build.cmake", problems)
    if not (folder / release_recipes.PORT / "usage").is_file():
        problems.append("the vcpkg registry port has no usage file")


def check_overlay_port_refuses_copies(root, problems):
    """Runs the overlay port's own tree check (the start of its portfile, real CMake) on a
    copy of the port outside any gln tree: it must stop and say so."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = pathlib.Path(scratch) / "a/b/c/ports/gln"
        shutil.copytree(pathlib.Path(root) / "packaging/vcpkg/ports/gln", copy)
        run = subprocess.run(["cmake", "-P", str(copy / "portfile.cmake")],
                             capture_output=True, text=True)
        said = " ".join(run.stderr.split())
        if run.returncode == 0 or "is not a gln source tree" not in said:
            problems.append(f"a copied overlay port did not stop on its tree check: {said[:300]}")


def check_tree(root, problems):
    version = tree_version(root)
    license_text = (root / "LICENSE").read_text(encoding="utf-8")
    if not license_text.startswith("MIT License"):
        problems.append("LICENSE is not the MIT license")

    check_conan_recipe(root / "packaging/conan/conanfile.py",
                       ('"version.hpp"', "test_package_folder", "is not a gln source tree"),
                       problems)

    # vcpkg: manifest and overlay port carry the header's version and the license.
    for path in ("vcpkg.json", "packaging/vcpkg/ports/gln/vcpkg.json"):
        manifest = json.loads((root / path).read_text(encoding="utf-8"))
        if manifest.get("name") != "gln" or manifest.get("license") != "MIT":
            problems.append(f"{path}: name is not gln or license is not MIT")
        if manifest.get("version") != version:
            problems.append(f"{path}: version {manifest.get('version')} but version.hpp says "
                            f"{version}")
    manifest = json.loads((root / "vcpkg.json").read_text(encoding="utf-8"))
    names = [d if isinstance(d, str) else d.get("name") for d in manifest.get("dependencies", [])]
    if "catch2" in names:
        problems.append("vcpkg.json: catch2 must be only in the tests feature")
    if "catch2" not in manifest.get("features", {}).get("tests", {}).get("dependencies", []):
        problems.append("vcpkg.json: the tests feature must bring catch2")

    overlay = (root / "packaging/vcpkg/ports/gln/portfile.cmake").read_text(encoding="utf-8")
    lacks(overlay, ("include/gln/version.hpp", "project\\\\(gln", "message(FATAL_ERROR",
                    "--no-binarycaching",
                    'include("${SOURCE_PATH}/packaging/vcpkg-registry/ports/gln/gln-build.cmake")'),
          "the overlay portfile.cmake", problems)
    check_overlay_port_refuses_copies(root, problems)
    check_release(root / "packaging", version, problems)
    return version


def main():
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    problems = []
    version = check_tree(root, problems)
    if problems:
        print("recipe check failed:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print(f"recipes agree with version.hpp ({version}) and with each other, and state the "
          "MIT license")


if __name__ == "__main__":
    main()
