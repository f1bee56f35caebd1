#!/usr/bin/env python3
"""The release recipes: the conan-center recipe (conan-center/) and the vcpkg registry port
(vcpkg-registry/ports/gln/), in packaging/ or in the folder scripts/release.sh --output
writes. This module reads them (tests/consumers/check_recipes.py) and fills them for a
release asset (scripts/release.sh):

    release_recipes.py fill FOLDER VERSION ARCHIVE

The asset's URL has one definition, the URLS line of the vcpkg port's portfile; the Conan
URLs are that line with the version put in. A hash of "0" (vcpkg's mark for a hash not
known yet) means "not published yet": neither recipe installs with it."""
import argparse
import hashlib
import json
import pathlib
import re
import sys

PLACEHOLDER = "0"
CONANDATA = pathlib.Path("conan-center/all/conandata.yml")
CONFIG = pathlib.Path("conan-center/config.yml")
PORT = pathlib.Path("vcpkg-registry/ports/gln")

_CONANDATA_HEAD = ("# Written by scripts/release.sh: the published release assets, newest first,\n"
                   "# each with its sha256.\nsources:\n")
_CONANDATA_ENTRY = re.compile(r'  "(?P<version>[0-9.]+)":\n'
                              r'    url: "(?P<url>[^"\n]+)"\n'
                              r'    sha256: "(?P<sha256>[0-9a-f]+)"\n')
_CONFIG_HEAD = "# Written by scripts/release.sh, newest first.\nversions:\n"
_CONFIG_ENTRY = re.compile(r'  "(?P<version>[0-9.]+)":\n    folder: all\n')
_PORT_URL = re.compile(r'^\s*URLS "(?P<url>[^"]+)"$', re.MULTILINE)
_PORT_SHA512 = re.compile(r"^(?P<indent>\s*)SHA512 (?P<sha512>\S+)$", re.MULTILINE)


def version_key(version):
    return tuple(int(part) for part in version.split("."))


def _entries(path, head, entry):
    """The entries of a file that is exactly `head` followed by `entry` matches."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith(head):
        raise ValueError(f"{path}: does not start as scripts/release.sh writes it")
    matches, at = [], len(head)
    while at < len(text):
        match = entry.match(text, at)
        if not match:
            raise ValueError(f"{path}: unexpected text at offset {at}: {text[at:at + 40]!r}")
        matches.append(match.groupdict())
        at = match.end()
    return matches


def read_conandata(folder):
    """[{version, url, sha256}] in file order."""
    return _entries(pathlib.Path(folder) / CONANDATA, _CONANDATA_HEAD, _CONANDATA_ENTRY)


def read_config(folder):
    """The versions config.yml lists, in file order."""
    return [e["version"] for e in _entries(pathlib.Path(folder) / CONFIG, _CONFIG_HEAD,
                                           _CONFIG_ENTRY)]


def read_port(folder):
    """{version, url_template, sha512, manifest} of the vcpkg registry port."""
    port = pathlib.Path(folder) / PORT
    manifest = json.loads((port / "vcpkg.json").read_text(encoding="utf-8"))
    portfile = (port / "portfile.cmake").read_text(encoding="utf-8")
    urls, hashes = _PORT_URL.findall(portfile), _PORT_SHA512.findall(portfile)
    if len(urls) != 1 or len(hashes) != 1:
        raise ValueError(f"{port}/portfile.cmake: expected one URLS line and one SHA512 line")
    return {"version": manifest.get("version"), "url_template": urls[0],
            "sha512": hashes[0][1], "manifest": manifest}


def asset_url(url_template, version):
    return url_template.replace("${VERSION}", version)


def fill(folder, version, archive):
    """Makes `version` the newest release in the recipes under `folder`, with the URL and
    hashes of `archive`. Entries that were never published (placeholder hashes) go."""
    folder = pathlib.Path(folder)
    data = pathlib.Path(archive).read_bytes()
    sha256, sha512 = hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest()
    port = read_port(folder)
    if port["sha512"] != PLACEHOLDER and version_key(version) < version_key(port["version"]):
        raise ValueError(f"the vcpkg port already has the newer release {port['version']}")
    url = asset_url(port["url_template"], version)

    entries = [e for e in read_conandata(folder)
               if e["version"] != version and e["sha256"] != PLACEHOLDER]
    entries.append({"version": version, "url": url, "sha256": sha256})
    entries.sort(key=lambda e: version_key(e["version"]), reverse=True)
    (folder / CONANDATA).write_text(_CONANDATA_HEAD + "".join(
        f'  "{e["version"]}":\n    url: "{e["url"]}"\n    sha256: "{e["sha256"]}"\n'
        for e in entries), encoding="utf-8")
    (folder / CONFIG).write_text(_CONFIG_HEAD + "".join(
        f'  "{e["version"]}":\n    folder: all\n' for e in entries), encoding="utf-8")

    manifest = port["manifest"]
    if manifest.get("version") != version:
        manifest.pop("port-version", None)  # a new version starts again at port-version 0
    manifest["version"] = version
    (folder / PORT / "vcpkg.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    portfile = folder / PORT / "portfile.cmake"
    portfile.write_text(_PORT_SHA512.sub(lambda m: f"{m['indent']}SHA512 {sha512}",
                                         portfile.read_text(encoding="utf-8")), encoding="utf-8")
    return url, sha256, sha512


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    fill_args = sub.add_parser("fill", help="fill the recipes under FOLDER for ARCHIVE")
    fill_args.add_argument("folder")
    fill_args.add_argument("version")
    fill_args.add_argument("archive")
    args = parser.parse_args()
    try:
        url, sha256, sha512 = fill(args.folder, args.version, args.archive)
    except (OSError, ValueError) as error:
        sys.exit(f"release_recipes.py: {error}")
    print(f"url     {url}\nsha256  {sha256}\nsha512  {sha512}")


if __name__ == "__main__":
    main()
