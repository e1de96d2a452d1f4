#!/usr/bin/env bash
# Scores the extractor on the shared gold claims with the shared scorer and
# fails below the floors in issue #3 (full-claim F1 0.85), so regressions
# in extraction are caught. Prints the score either way.
source "$(dirname "$0")/lib/common.bash"
need_corpus
GOLD="$CLAIMDB_SOURCE_DIR/../shared/gold"
[ -d "$GOLD" ] && [ -f "$SCORER" ] || { echo "SKIP: shared gold or scorer not found"; exit 77; }
DB=$TMP/claims.db
"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS" >/dev/null
expect_gold_scores "$DB" "$GOLD" "$CORPUS" 0.85 0.90
