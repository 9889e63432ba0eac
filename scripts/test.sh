#!/usr/bin/env bash
# Quick start 2: install what is missing, build with warnings as errors, run every test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
source scripts/deps.sh

halldesk_ensure_packages "${halldesk_build_packages[@]}" "${halldesk_test_packages[@]}"
halldesk_build build-tests -DHALLDESK_WERROR=ON -DHALLDESK_BUILD_TESTS=ON -DHALLDESK_TEST_CLOCK=ON
# The production build (the demo's and the package's): TestPackage packs and installs it, never the test build, whose
# hall clock the suites can set.
halldesk_build build -DHALLDESK_BUILD_TESTS=OFF -DHALLDESK_TEST_CLOCK=OFF
ctest --test-dir build-tests --output-on-failure -j"$(nproc)"
