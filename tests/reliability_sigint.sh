#!/usr/bin/env bash
# SIGINT and SIGTERM stop an import cleanly (issue #7): after the current
# document, with the summary, exit status 128 + signal, whole documents
# only; running the import again completes it.
source "$(dirname "$0")/lib/common.bash"
need_corpus
python3 "$(dirname "$0")/lib/reliability_corpus.py" "$CORPUS" "$TMP/in" 40 120 5
DB=$TMP/s.db
# An initialised database, so the only writes below are the import's own.
"$CLAIMDB" import --db "$DB" "$CORPUS/000_3a8aa14c4981632c.txt" >/dev/null
"$CLAIMDB" import --db "$TMP/clean.db" "$TMP/in" >/dev/null
counts() {
  q "$1" "SELECT d.doc || '|' || (SELECT count(*) FROM passages p WHERE p.doc = d.doc) || '|' ||
                 (SELECT count(*) FROM claims c WHERE c.doc = d.doc) FROM documents d WHERE d.doc LIKE 'gen%' ORDER BY d.doc"
}
counts "$TMP/clean.db" >"$TMP/clean.counts"

# stop_import SIGNAL: starts an import, sends SIGNAL once it writes (its
# journal appears), waits for it. Sets status.
stop_import() {
  set -m  # own process group: a background job would otherwise ignore SIGINT
  "$CLAIMDB" import --db "$DB" "$TMP/in" >"$TMP/out" 2>"$TMP/err" &
  local pid=$!
  set +m
  for _ in $(seq 600); do [ -e "$DB-journal" ] && break; sleep 0.05; done
  [ -e "$DB-journal" ] || fail "the import never started writing"
  sleep 0.3
  kill -"$1" "$pid"
  set +e
  wait "$pid"
  status=$?
  set -e
  cat "$TMP/out" "$TMP/err"
}

stop_import INT
expect_eq "$status" 130 "SIGINT: exit status"
expect_contains "$(cat "$TMP/err")" "claimdb: interrupted (SIGINT): stopped after" "SIGINT: says it was interrupted"
expect_contains "$(cat "$TMP/out")" "imported " "SIGINT: summary printed"
stored=$(q "$DB" "SELECT count(*) FROM documents WHERE doc LIKE 'gen%'")
total=$(ls "$TMP/in" | wc -l)
(( stored < total )) || fail "SIGINT: all $total files imported; the signal came too late to test anything"
grep -q "^imported $stored files\? ($stored new," "$TMP/out" || fail "SIGINT: the summary does not count the $stored documents stored"
pass "SIGINT: the summary counts what was stored"
[ ! -e "$DB-journal" ] || fail "SIGINT: a hot journal was left: the import did not stop cleanly"
comm -23 <(counts "$DB") "$TMP/clean.counts" | grep . && fail "SIGINT: a document was stored partly"
pass "SIGINT: $stored of $total documents stored, each whole"
check_invariants "$DB"

stop_import TERM
expect_eq "$status" 143 "SIGTERM: exit status"
expect_contains "$(cat "$TMP/err")" "claimdb: interrupted (SIGTERM)" "SIGTERM: says so"
comm -23 <(counts "$DB") "$TMP/clean.counts" | grep . && fail "SIGTERM: a document was stored partly"
pass "SIGTERM: whole documents only"

"$CLAIMDB" import --db "$DB" "$TMP/in" >"$TMP/out"
cat "$TMP/out"
expect_eq "$(counts "$DB")" "$(cat "$TMP/clean.counts")" "re-run completes the import"
check_invariants "$DB"
