#!/usr/bin/env bash
# Quick start 2: install what is missing, build with warnings as errors, run every test suite with CTest, then
# clang-tidy over app/ and db/. The builds are the presets of CMakePresets.json: ci (build-tests) and release (build).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=${LC_ALL:-C.UTF-8}
source scripts/deps.sh

halldesk_ensure_packages "${halldesk_build_packages[@]}" "${halldesk_test_packages[@]}"
cmake --preset ci
cmake --build --preset ci -j"$(nproc)"
# The production build (the demo's and the package's): TestPackage packs and installs it, never the test build, whose
# hall clock the suites can set.
cmake --preset release
cmake --build --preset release -j"$(nproc)"
ctest --preset ci -j"$(nproc)"
# Fails CI on any finding of .clang-tidy (see scripts/tidy.sh for why only app/ and db/).
bash scripts/tidy.sh build-tests
