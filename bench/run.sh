#!/usr/bin/env bash
# The claimdb benchmark (issue #6): generates a corpus (default 200 MB) in
# /tmp/claimdb-bench, runs the bare FTS baseline, claimdb import (fresh and
# unchanged), extraction alone, Microsoft Recognizers-Text on a sample,
# 200 searches and every canned report, and rewrites bench/RESULTS.md.
#   bench/run.sh [--mb 1000] [--work DIR] [--no-build]   (see bench/run.py --help)
set -euo pipefail
exec python3 "$(dirname "$0")/run.py" "$@"
