#!/usr/bin/env bash
# Scores the extractor on the shared gold claims with the shared scorer and
# fails below the floors in issue #3 (full-claim F1 0.85), so regressions
# in extraction are caught. Prints the score either way.
source "$(dirname "$0")/lib/common.bash"
need_corpus
GOLD="$CLAIMDB_SOURCE_DIR/../shared/gold"
SCORER="$CLAIMDB_SOURCE_DIR/../shared/tools/score.py"
[ -d "$GOLD" ] && [ -f "$SCORER" ] || { echo "SKIP: shared gold or scorer not found"; exit 77; }
DB=$TMP/claims.db
"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS" >/dev/null
python3 "$SCORER" --db "$DB" --gold "$GOLD" --corpus "$CORPUS"
python3 "$SCORER" --db "$DB" --gold "$GOLD" --corpus "$CORPUS" --json > "$TMP/score.json"
read -r f1 full bad < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['f1'], s['full_f1'], s['bad_spans'])" "$TMP/score.json")
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 0.85 else 1)" "$full" || fail "full-claim F1 $full is below 0.85"
pass "full-claim F1 $full >= 0.85"
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 0.90 else 1)" "$f1" || fail "detection F1 $f1 is below 0.90"
pass "detection F1 $f1 >= 0.90"
expect_eq "$bad" 0 "spans that do not point at their quote"
