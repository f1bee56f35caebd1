#!/usr/bin/env python3
"""Runs scripts/release.sh on this checkout (its HEAD) and checks what it writes:
  - with --output: the asset is HEAD's tracked files under gln-VERSION/ (so version.hpp is
    there, and no build tree), the recipes' hashes are those of the asset's bytes, their
    version is version.hpp's, and no tracked file of the checkout changes;
  - without it, in a clone: the recipes are filled in place, the asset goes to dist/, and
    nothing else changes;
  - a VERSION that version.hpp does not say, or a missing tag, is refused, writing nothing.
    test_release.py [ROOT]"""
import hashlib
import pathlib
import subprocess
import sys
import tarfile
import tempfile

import check_recipes

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else check_recipes.ROOT).resolve()
version = check_recipes.tree_version(root)
release = root / "scripts/release.sh"
results = []


def check(condition, message):
    results.append((bool(condition), message))


def git(*args, cwd=root):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def tracked_state(tree):
    """Every tracked file's bytes (as the working tree has them), hashed."""
    return {name: hashlib.sha256((tree / name).read_bytes()).hexdigest()
            for name in git("ls-files", "-z", cwd=tree).split("\0") if (tree / name).is_file()}


def check_asset(archive, tree):
    prefix = f"gln-{version}/"
    with tarfile.open(archive, "r:gz") as tar:
        members = {m.name: m for m in tar.getmembers()}
        files = {name[len(prefix):] for name, m in members.items() if m.isfile()}
        check(all(name.startswith(prefix) or name == prefix.rstrip("/") for name in members),
              f"every path in the asset is under {prefix}")
        check(files == set(git("ls-tree", "-r", "--name-only", "HEAD", cwd=tree).split("\n")) - {""},
              "the asset holds exactly HEAD's tracked files")
        check(not any(part == "build" or part.startswith("build-")
                      for name in files for part in name.split("/")[:-1]),
              "the asset has no build directory")
        header = tar.extractfile(prefix + "include/gln/version.hpp").read().decode()
        defines = [f"#define GLN_VERSION_{part} {number}\n"
                   for part, number in zip(("MAJOR", "MINOR", "PATCH"), version.split("."))]
        check(all(define in header for define in defines),
              f"the asset's include/gln/version.hpp says {version}")


def check_recipes_for(folder, archive):
    problems = []
    check_recipes.check_release(folder, version, problems, archive=archive)
    check(not problems, "the written recipes agree with the asset: " + "; ".join(problems))
    port = check_recipes.release_recipes.read_port(folder)
    check(port["version"] == version, f"the vcpkg port says {port['version']}, not {version}")


def run_release(*args, cwd=root):
    return subprocess.run([str(cwd / "scripts/release.sh"), *args], cwd=cwd,
                          capture_output=True, text=True)


with tempfile.TemporaryDirectory() as scratch:
    scratch = pathlib.Path(scratch)
    before = tracked_state(root)

    out = scratch / "out"
    run = run_release(version, "--ref", "HEAD", "--output", str(out))
    check(run.returncode == 0, f"release.sh --output ran: {run.stderr.strip()}")
    archive = out / f"gln-{version}.tar.gz"
    if archive.is_file():
        check_asset(archive, root)
        check_recipes_for(out, archive)
    else:
        check(False, f"release.sh wrote {archive}")
    check(tracked_state(root) == before, "release.sh --output changed no tracked file")

    wrong = ".".join(version.split(".")[:2] + [str(int(version.split(".")[2]) + 1)])
    for args, what in (((wrong, "--ref", "HEAD"), f"VERSION {wrong} (version.hpp says {version})"),
                       ((version, "--ref", "no-such-ref"), "a ref that does not exist")):
        refused = scratch / "refused"
        run = run_release(*args, "--output", str(refused))
        check(run.returncode != 0 and not refused.exists() and run.stderr.startswith("release.sh: "),
              f"release.sh refuses {what}, says why and writes nothing")

    clone = scratch / "clone"
    git("clone", "--quiet", "--no-hardlinks", str(root), str(clone))
    clone_before = tracked_state(clone)
    run = run_release(version, "--ref", "HEAD", cwd=clone)
    check(run.returncode == 0, f"release.sh in place ran: {run.stderr.strip()}")
    changed = {name for name, digest in tracked_state(clone).items() if clone_before[name] != digest}
    filled = {"packaging/conan-center/all/conandata.yml", "packaging/conan-center/config.yml",
              "packaging/vcpkg-registry/ports/gln/vcpkg.json",
              "packaging/vcpkg-registry/ports/gln/portfile.cmake"}
    check(changed <= filled and "packaging/vcpkg-registry/ports/gln/portfile.cmake" in changed,
          f"in place, release.sh changes only the release recipes (changed: {sorted(changed)})")
    check(git("status", "--porcelain", "--untracked-files=all", cwd=clone).split("\n")
          == [f" M {name}" for name in sorted(changed)] + [""],
          "in place, the asset in dist/ is ignored by git and nothing else is written")
    in_place = clone / f"dist/gln-{version}.tar.gz"
    if in_place.is_file():
        check_recipes_for(clone / "packaging", in_place)
    else:
        check(False, f"release.sh wrote {in_place}")

failed = [message for ok, message in results if not ok]
for message in failed:
    print(f"FAILED: {message}")
print(f"release.sh: {len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
