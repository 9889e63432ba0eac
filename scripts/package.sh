#!/usr/bin/env bash
# Builds the Debian package from a production build (tests off, the hall's clock not settable) in build/ and prints
# the path of the .deb: package/halldesk_<version>-1_amd64.deb. See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
source scripts/deps.sh

halldesk_ensure_packages "${halldesk_build_packages[@]}"
halldesk_build build -DHALLDESK_BUILD_TESTS=OFF -DHALLDESK_TEST_CLOCK=OFF
cpack --config build/CPackConfig.cmake -B package >/dev/null
ls -t package/halldesk_*.deb | head -1
