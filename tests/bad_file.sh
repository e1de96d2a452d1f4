#!/usr/bin/env bash
# A file with invalid bytes fails with its name and a non-zero exit, while
# the other files import; --lossy imports it with the bad bytes replaced.
source "$(dirname "$0")/lib/common.bash"
need_corpus
DB=$TMP/claims.db
mkdir "$TMP/in"
cp "$CORPUS"/*.txt "$TMP/in/"
chmod -R u+w "$TMP/in"
{ printf '全区实现地区生产总值100亿元。'; printf '\xff\xfe\x80\xff'; printf '增长5%%。\n'; } >"$TMP/in/zz_broken.txt"

set +e
"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$TMP/in" >"$TMP/out" 2>"$TMP/err"
status=$?
set -e
cat "$TMP/out" "$TMP/err"
[ "$status" -ne 0 ] || fail "import with a bad file exited 0"
pass "non-zero exit ($status)"
expect_contains "$(cat "$TMP/err")" "zz_broken.txt" "the error names the bad file"
expect_contains "$(cat "$TMP/out")" "(5 new, 0 replaced, 0 unchanged, 1 failed)" "summary counts the failure"
expect_eq "$(q "$DB" "SELECT count(*) FROM documents")" 5 "the good files imported"
expect_eq "$(q "$DB" "SELECT count(*) FROM documents WHERE doc = 'zz_broken'")" 0 "the bad file is not stored"

# A failure also leaves an earlier version of the document in place.
printf '全区新增企业20家。\n' >"$TMP/ok.txt"
"$CLAIMDB" import --db "$DB" "$TMP/ok.txt" >/dev/null
printf '全区新增企业\xff\xff30家。\n' >"$TMP/ok.txt"
if "$CLAIMDB" import --db "$DB" "$TMP/ok.txt" 2>"$TMP/err2"; then fail "bad bytes in a stored file imported"; fi
expect_contains "$(cat "$TMP/err2")" "ok.txt" "error names the file"
expect_eq "$(q "$DB" "SELECT body FROM documents WHERE doc = 'ok'")" "全区新增企业20家。" "the stored version is kept"

"$CLAIMDB" import --db "$DB" --lossy "$TMP/in/zz_broken.txt" >/dev/null 2>"$TMP/err3"
expect_eq "$(q "$DB" "SELECT lossy FROM documents WHERE doc = 'zz_broken'")" 1 "--lossy stores the file, marked lossy"
expect_contains "$(cat "$TMP/err3")" "zz_broken.txt" "--lossy warns about the file"

# A path that does not exist is one more failed file.
if "$CLAIMDB" import --db "$DB" "$TMP/nope.txt" 2>"$TMP/err4" >/dev/null; then fail "a missing file imported"; fi
expect_contains "$(cat "$TMP/err4")" "nope.txt" "missing file named"
check_invariants "$DB"
