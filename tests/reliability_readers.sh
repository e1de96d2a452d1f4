#!/usr/bin/env bash
# Readers during an import (issue #7): `claimdb search`, `claimdb stats` and
# the stock sqlite3 shell running a report keep working while `claimdb
# import` writes, and only ever see committed, whole documents.
source "$(dirname "$0")/lib/common.bash"
need_corpus
python3 "$(dirname "$0")/lib/reliability_corpus.py" "$CORPUS" "$TMP/in" 30 80 3
DB=$TMP/r.db
"$CLAIMDB" import --db "$TMP/clean.db" "$TMP/in" >/dev/null
counts() {  # in one read transaction: doc|passages|claims
  "$SQLITE3" -batch -bail -cmd ".timeout 20000" "$1" "SELECT d.doc || '|' || (SELECT count(*) FROM passages p WHERE p.doc = d.doc) || '|' ||
     (SELECT count(*) FROM claims c WHERE c.doc = d.doc) FROM documents d WHERE d.doc LIKE 'gen%' ORDER BY d.doc"
}
counts "$TMP/clean.db" >"$TMP/clean.counts"
"$CLAIMDB" import --db "$DB" "$CORPUS/000_3a8aa14c4981632c.txt" >/dev/null

reads=0 seen=()
for run in plain force; do
  args=(); [ "$run" = force ] && args=(--force)
  "$CLAIMDB" import --db "$DB" --batch-mb 0.5 "${args[@]}" "$TMP/in" >"$TMP/out" 2>"$TMP/err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    "$CLAIMDB" search --db "$DB" 固定资产投资 >"$TMP/s.out" 2>"$TMP/s.err" || fail "search during the import: $(cat "$TMP/s.err")"
    grep -q "固定资产投资" "$TMP/s.out" || fail "search during the import found nothing"
    "$CLAIMDB" stats --db "$DB" >/dev/null 2>"$TMP/s.err" || fail "stats during the import: $(cat "$TMP/s.err")"
    "$SQLITE3" -batch -bail -cmd ".timeout 20000" "$DB" ".read $CLAIMDB_SOURCE_DIR/queries/claims_by_document.sql" >/dev/null 2>"$TMP/s.err" ||
      fail "sqlite3 report during the import: $(cat "$TMP/s.err")"
    counts "$DB" >"$TMP/now.counts" || fail "counting during the import"
    comm -23 "$TMP/now.counts" "$TMP/clean.counts" | grep . && fail "a reader saw a partly written document"
    seen+=("$(grep -c . "$TMP/now.counts" || true)")
    reads=$((reads + 1))
  done
  wait "$pid" || fail "the import failed with readers around: $(cat "$TMP/err")"
done
echo "documents seen by successive readers: ${seen[*]}"
expect_ge "$reads" 4 "rounds of reads during the imports"
expect_eq "$(counts "$DB")" "$(cat "$TMP/clean.counts")" "the import completed"
check_invariants "$DB"
