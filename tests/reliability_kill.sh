#!/usr/bin/env bash
# Crash safety (issue #7): `claimdb import` of 2-3 MB in small batches is
# killed with SIGKILL once just after its first commit (a partial import),
# then 20 times at random points (fixed seed), on continuing and on
# replacing runs. After every kill the database opens, passes
# integrity_check and the FTS5 integrity-check, and holds only whole
# documents: each stored document has exactly the passages and claims a
# clean import gives it. Re-running the import then completes it.
source "$(dirname "$0")/lib/common.bash"
need_corpus
KILLS=${CLAIMDB_KILLS:-20}
python3 "$(dirname "$0")/lib/reliability_corpus.py" "$CORPUS" "$TMP/in" 30 80 11
echo "corpus: $(du -sh "$TMP/in" | cut -f1) in $(ls "$TMP/in" | wc -l) files"

counts() {  # doc|passages|claims|sha256 of every stored document
  q "$1" "SELECT d.doc || '|' || (SELECT count(*) FROM passages p WHERE p.doc = d.doc) || '|' ||
                 (SELECT count(*) FROM claims c WHERE c.doc = d.doc) || '|' || d.sha256 FROM documents d ORDER BY d.doc"
}
content() {  # what a document holds, without row ids and times
  q "$1" "SELECT hex(sha3_query('SELECT doc, encoding, byte_size, lossy, body FROM documents ORDER BY doc;
            SELECT doc, seq, paragraph, span_start, span_end, text FROM passages ORDER BY doc, seq;
            SELECT doc, span_start, span_end, quote, value, unit, qualifier, growth_pct, year, district, indicator_code, modality FROM claims ORDER BY doc, span_start, span_end'))"
}

start=$(date +%s.%N)
"$CLAIMDB" import --db "$TMP/clean.db" "$TMP/in" >/dev/null
clean_secs=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")
counts "$TMP/clean.db" >"$TMP/clean.counts"
clean_content=$(content "$TMP/clean.db")
echo "clean import: $clean_secs s, $(wc -l <"$TMP/clean.counts") documents"

# Kill delays: uniform over the clean import's duration (plus a little, to
# hit the FTS merge and report refresh at the end), from a fixed seed.
mapfile -t delays < <(python3 -c "
import random, sys
r = random.Random(20240607)
for _ in range(int(sys.argv[2])): print(round(r.uniform(0.05, float(sys.argv[1]) * 1.1), 2))" "$clean_secs" "$KILLS")

DB=$TMP/k.db
total=$(wc -l <"$TMP/clean.counts")
# whole_documents WHAT: every document stored in $DB is whole (its line is
# one of the clean import's); sets n to how many there are.
whole_documents() {
  counts "$DB" >"$TMP/k.counts"
  local extra
  extra=$(comm -23 <(sort "$TMP/k.counts") <(sort "$TMP/clean.counts"))
  [ -z "$extra" ] || fail "$1: documents not as in a clean import:
$extra"
  n=$(grep -c . "$TMP/k.counts" || true)
}
stored() { "$SQLITE3" -batch -readonly -cmd ".timeout 5000" "$DB" "SELECT count(*) FROM documents" 2>/dev/null || echo 0; }

# One kill that surely lands between two committed batches: watch the
# database and kill as soon as the first batch is stored. Timed kills alone
# cannot promise this: only a run that is not --force can leave an import
# partial, and whether its one random delay falls between two commits
# depends on the machine's load. A run that completes before the kill
# lands is retried on a new database.
partial=0
for attempt in 1 2 3; do
  rm -f "$DB" "$DB-journal"
  "$CLAIMDB" import --db "$DB" --batch-mb 0.25 "$TMP/in" >/dev/null 2>"$TMP/err" &
  pid=$!
  n=0
  for _ in $(seq 3000); do  # up to 30 s for the first commit
    kill -0 "$pid" 2>/dev/null || break
    if [ -e "$DB" ] && [ "$("$SQLITE3" -batch -readonly "$DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'" 2>/dev/null)" = 1 ]; then
      n=$(stored)
      (( n > 0 )) && break
    fi
    sleep 0.01
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  expect_eq "$(q "$DB" "PRAGMA integrity_check")" ok "kill after the first commit (attempt $attempt): integrity_check" >/dev/null
  q "$DB" "INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')" || fail "kill after the first commit: FTS index inconsistent"
  whole_documents "kill after the first commit"
  if (( n > 0 && n < total )); then
    partial=1
    pass "kill after the first commit: integrity ok, $n of $total whole documents"
    break
  fi
  echo "attempt $attempt: the kill left $n of $total documents; trying again"
done
(( partial > 0 )) || fail "no kill landed between two committed batches in 3 attempts"

# Then kills at random points, continuing the partial import above.
for i in "${!delays[@]}"; do
  args=()
  # A run continues an incomplete import; once it is complete, the next run
  # replaces every document (--force) and is killed mid-replacement.
  if [ -e "$DB" ] && [ "$(q "$DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'documents'")" = 1 ] &&
    [ "$(q "$DB" "SELECT count(*) FROM documents")" = "$total" ]; then args=(--force); fi
  # small batches: many commits, so kills land between them on a fast machine too
  "$CLAIMDB" import --db "$DB" --batch-mb 0.25 "${args[@]}" "$TMP/in" >/dev/null 2>"$TMP/err" &
  pid=$!
  sleep "${delays[$i]}"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  # Opening it (the sqlite3 shell rolls a hot journal back) and checking it.
  [ -e "$DB" ] || { echo "kill $((i + 1)) at ${delays[$i]} s: no database yet"; continue; }
  expect_eq "$(q "$DB" "PRAGMA integrity_check")" ok "kill $((i + 1)) at ${delays[$i]} s ${args[*]}: integrity_check" >/dev/null
  if [ "$(q "$DB" "SELECT count(*) FROM sqlite_schema WHERE name = 'passages_fts'")" = 1 ]; then
    q "$DB" "INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')" || fail "kill $((i + 1)): FTS index inconsistent"
  fi
  if [ "$(q "$DB" "PRAGMA user_version")" -gt 0 ]; then
    whole_documents "kill $((i + 1)) at ${delays[$i]} s"
    (( n > 0 && n < total )) && partial=$((partial + 1))
    pass "kill $((i + 1)) at ${delays[$i]} s ${args[*]}: integrity ok, $n whole documents"
  else
    pass "kill $((i + 1)) at ${delays[$i]} s: killed before the schema was committed"
  fi
done
echo "runs that left a partial import: $partial"

# Re-running completes it: the same content as the clean import.
"$CLAIMDB" import --db "$DB" "$TMP/in" >"$TMP/out" 2>"$TMP/err" || fail "re-run failed: $(cat "$TMP/err")"
cat "$TMP/out"
expect_eq "$(counts "$DB" | sha256sum)" "$(sha256sum <"$TMP/clean.counts")" "after the re-run: every document, passage and claim"
expect_eq "$(content "$DB")" "$clean_content" "after the re-run: content equal to a clean import"
expect_eq "$(q "$DB" "SELECT count(*) FROM report_gdp")" "$(q "$TMP/clean.db" "SELECT count(*) FROM report_gdp")" "report tables refreshed"
check_invariants "$DB"
