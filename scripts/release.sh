#!/usr/bin/env bash
# Makes the release asset of gln VERSION with git archive and fills the release recipes
# (packaging/conan-center, packaging/vcpkg-registry) with its URL, sha256 and SHA512.
# Usage: scripts/release.sh VERSION [--ref REF] [--output DIR]
#   --ref REF     what to archive (default: the tag vVERSION); include/gln/version.hpp there
#                 must say VERSION
#   --output DIR  write the asset and filled copies of both recipe folders to DIR and leave
#                 the tree alone; by default the asset goes to dist/ and the recipes are
#                 filled in place, ready to commit
# The asset is the file to publish: its hashes are those of these bytes, so upload this file
# itself (git archive output can differ between git versions, and GitHub's own tag archives
# are not byte-stable).
set -euo pipefail

usage() {
  sed -n '4,9s/^# \{0,1\}//p' "$0" >&2
  exit "${1:-2}"
}

version=""
ref=""
output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --ref) [ $# -ge 2 ] || usage; ref=$2; shift 2 ;;
    --output) [ $# -ge 2 ] || usage; output=$2; shift 2 ;;
    -h | --help) usage 0 ;;
    -*) echo "release.sh: unknown option '$1'" >&2; usage ;;
    *) [ -z "$version" ] || usage; version=$1; shift ;;
  esac
done
[ -n "$version" ] || usage
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "release.sh: VERSION must be MAJOR.MINOR.PATCH, not '$version'" >&2
  exit 2
fi
ref="${ref:-v$version}"
case "$output" in
  "" | /*) ;;
  *) output="$PWD/$output" ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! commit=$(git rev-parse --verify --quiet "$ref^{commit}"); then
  echo "release.sh: no commit '$ref': tag the release first (git tag v$version), or name" \
    "another with --ref (--ref HEAD for a trial run with --output)" >&2
  exit 1
fi
ref_version=$(git show "$commit:include/gln/version.hpp" |
  sed -n 's/^#define GLN_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]\+\)$/\2/p' | paste -sd.)
if [ "$ref_version" != "$version" ]; then
  echo "release.sh: include/gln/version.hpp at $ref says '$ref_version', not $version" >&2
  exit 1
fi

if [ -n "$output" ]; then
  mkdir -p "$output"
  recipes="$output"
  rm -rf "${recipes:?}/conan-center" "$recipes/vcpkg-registry"
  cp -R packaging/conan-center packaging/vcpkg-registry "$recipes/"
  assets="$output"
else
  recipes="$root/packaging"
  assets="$root/dist"
  mkdir -p "$assets"
fi

archive="$assets/gln-$version.tar.gz"
git archive --format=tar.gz --prefix="gln-$version/" -o "$archive" "$commit"
echo "== gln $version: $archive (git archive of $ref, $(git rev-parse --short "$commit"))"
python3 scripts/release_recipes.py fill "$recipes" "$version" "$archive"
echo "== filled $recipes/conan-center and $recipes/vcpkg-registry"
echo "Publish $(basename "$archive") as the release asset at the url above; then submit"
echo "conan-center/ (as recipes/gln/) and vcpkg-registry/ports/gln/ to their registries."
