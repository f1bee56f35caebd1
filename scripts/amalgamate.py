#!/usr/bin/env python3
"""Writes gln as one self-contained header, for projects that drop a single file in.

Starting from include/gln/gln.hpp (after version.hpp, so the version comes first), every
local include (a quoted path, or <gln/...>) is replaced by that file's text, once, in the
order the compiler would first see it. Standard-library includes stay as they are. Each
header keeps its include guard, so the single header can sit next to the regular ones.

Usage: scripts/amalgamate.py [--output FILE]   (default: build/single_include/gln.hpp)
"""
import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
INCLUDE_DIR = ROOT / "include"
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
PRAGMA_ONCE = re.compile(r"^\s*#\s*pragma\s+once\b")


class Amalgamation:
    def __init__(self):
        self.done = set()
        self.lines = []

    def resolve(self, current, delimiter, name):
        """The gln header an include names, or None for anything else (a system header)."""
        candidates = []
        if delimiter == '"':
            candidates.append(current.parent / name)
        candidates.append(INCLUDE_DIR / name)
        for path in candidates:
            path = path.resolve()
            if path.is_file() and INCLUDE_DIR in path.parents:
                return path
        if delimiter == '"' or name.startswith("gln/"):
            sys.exit(f"amalgamate: {current.relative_to(ROOT)} includes {name}, not found")
        return None

    def add(self, path):
        if path in self.done:
            return
        self.done.add(path)
        name = path.relative_to(INCLUDE_DIR).as_posix()
        self.lines.append(f"// ---- begin {name}")
        for line in path.read_text(encoding="utf-8").splitlines():
            if PRAGMA_ONCE.match(line):
                continue
            match = INCLUDE.match(line)
            local = match and self.resolve(path, match.group(1), match.group(2))
            if local:
                self.add(local)
            else:
                self.lines.append(line)
        self.lines.append(f"// ---- end {name}")


def version():
    text = (INCLUDE_DIR / "gln" / "version.hpp").read_text(encoding="utf-8")
    parts = [re.search(rf"#define GLN_VERSION_{p} (\d+)", text) for p in ("MAJOR", "MINOR", "PATCH")]
    if not all(parts):
        sys.exit("amalgamate: GLN_VERSION_MAJOR/MINOR/PATCH not found in version.hpp")
    return ".".join(p.group(1) for p in parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=pathlib.Path,
                        default=ROOT / "build" / "single_include" / "gln.hpp")
    args = parser.parse_args()

    amalgamation = Amalgamation()
    amalgamation.add(INCLUDE_DIR / "gln" / "version.hpp")
    amalgamation.add(INCLUDE_DIR / "gln" / "gln.hpp")

    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8").rstrip().splitlines()
    header = [
        f"// gln {version()}: single-header edition of include/gln (scripts/amalgamate.py).",
        "// Edit the headers under include/gln, not this file.",
        "// SPDX-License-Identifier: MIT",
        "//",
        *[f"// {line}".rstrip() for line in license_text],
        "",
        "#ifndef GLN_SINGLE_HEADER_HPP",
        "#define GLN_SINGLE_HEADER_HPP",
        "",
    ]
    text = "\n".join(header + amalgamation.lines + ["", "#endif  // GLN_SINGLE_HEADER_HPP", ""])

    leftover = [line for line in amalgamation.lines
                if INCLUDE.match(line) and ('"' in line or '<gln/' in line)]
    if leftover:
        sys.exit(f"amalgamate: local includes left in the output: {leftover}")
    unused = sorted(p.relative_to(INCLUDE_DIR).as_posix()
                    for p in (INCLUDE_DIR / "gln").rglob("*.hpp") if p.resolve() not in amalgamation.done)
    if unused:
        print(f"amalgamate: not reachable from gln/gln.hpp, left out: {', '.join(unused)}")

    args.output.parent.mkdir(parents=True, exist_ok=True)
    # Rewrite only on change, so builds that depend on the file do not redo work.
    if not args.output.exists() or args.output.read_text(encoding="utf-8") != text:
        args.output.write_text(text, encoding="utf-8")
    print(f"amalgamate: {len(amalgamation.done)} headers -> {args.output}")


if __name__ == "__main__":
    main()
