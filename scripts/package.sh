#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages confab_<version>_<arch>.deb (desktop client and confab-cli) and
# confab-server_<version>_<arch>.deb into BUILD_DIR/packages, and checks them with lintian.
#   scripts/package.sh [BUILD_DIR]        (default build-rel, the release tree scripts/test.sh builds)
# BUILD_DIR is configured as a release build: RelWithDebInfo, prefix /usr, no sanitizers. CPack's
# DEB generator makes the packages (packaging/CMakeLists.txt; docs/install.md says why).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build-rel}

# Only what the packages hold is built here; scripts/test.sh builds the rest of the tree.
# CMAKE_SKIP_INSTALL_ALL_DEPENDENCY: cpack must not build every test first.
CONFAB_BUILD_TARGETS="confab confab-cli confab-server confab_package_files" \
    bash scripts/build.sh "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
    -DCONFAB_SANITIZE=OFF -DCONFAB_SHARED_LIBS=OFF -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON

rm -rf "$build_dir/packages"
(cd "$build_dir" && cpack --config CPackConfig.cmake -G DEB)
mapfile -t debs < <(find "$build_dir/packages" -maxdepth 1 -name '*.deb' | sort)
if [ "${#debs[@]}" -ne 2 ]; then
    echo "package.sh: expected two packages in $build_dir/packages, found ${#debs[@]}" >&2
    exit 1
fi

# Every tag lintian still reports is explained in packaging/debian/*/lintian-overrides.
echo "== lintian"
lintian --fail-on error,warning,info --info "${debs[@]}"
printf 'package.sh: %s\n' "${debs[@]}"
