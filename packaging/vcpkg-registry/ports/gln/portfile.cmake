# Port for published gln releases, laid out for a vcpkg registry (ports/gln/). The sources are
# the release asset itself, the archive scripts/release.sh makes with git archive and whose
# SHA512 it writes below: GitHub's own tag archives are not byte-stable against it.
vcpkg_download_distfile(ARCHIVE
    URLS "https://github.com/gln-project/gln/releases/download/v${VERSION}/gln-${VERSION}.tar.gz"
    FILENAME "gln-${VERSION}.tar.gz"
    SHA512 0
)
vcpkg_extract_source_archive(SOURCE_PATH ARCHIVE "${ARCHIVE}")

include("${CMAKE_CURRENT_LIST_DIR}/gln-build.cmake")
