#!/usr/bin/env bash
# Builds claimdb if needed and runs the whole test suite through CTest:
# unit tests (GoogleTest) and the integration tests in tests/*.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v cmake >/dev/null && command -v ninja >/dev/null ||
  { echo "test: cmake and ninja are missing; run scripts/setup.sh first" >&2; exit 1; }
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build
ctest --test-dir build --output-on-failure -j2
