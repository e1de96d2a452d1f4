#!/usr/bin/env bash
# Re-importing: unchanged files change nothing; a changed file replaces its
# document (and only it); the FTS index follows.
source "$(dirname "$0")/lib/common.bash"
need_corpus
DB=$TMP/claims.db
cp -r "$CORPUS" "$TMP/corpus"
chmod -R u+w "$TMP/corpus"

"$CLAIMDB" import --db "$DB" --manifest "$TMP/corpus/manifest.csv" "$TMP/corpus" >/dev/null
before=$(db_digest "$DB")
claims=$(q "$DB" "SELECT count(*) || '/' || coalesce(max(rowid), 0) FROM claims")
passages=$(q "$DB" "SELECT count(*) || '/' || max(rowid) FROM passages")

out=$("$CLAIMDB" import --db "$DB" --manifest "$TMP/corpus/manifest.csv" "$TMP/corpus")
expect_contains "$out" "(0 new, 0 replaced, 5 unchanged, 0 failed)" "re-import summary"
expect_eq "$(db_digest "$DB")" "$before" "digest of all rows after re-import"
expect_eq "$(q "$DB" "SELECT count(*) || '/' || coalesce(max(rowid), 0) FROM claims")" "$claims" "claims count/max(rowid)"
expect_eq "$(q "$DB" "SELECT count(*) || '/' || max(rowid) FROM passages")" "$passages" "passages count/max(rowid)"

# Change one file: it is replaced, the others keep their rows.
f=$TMP/corpus/001_5d33b94b8833a096.txt
others=$(q "$DB" "SELECT hex(sha3_query('SELECT * FROM documents WHERE doc <> ''001_5d33b94b8833a096'' ORDER BY doc; SELECT * FROM passages WHERE doc <> ''001_5d33b94b8833a096'' ORDER BY id'))")
printf '\n\n附记：测试用新增段落，全区新增独角兽企业3家。\n' >>"$f"
out=$("$CLAIMDB" import --db "$DB" --manifest "$TMP/corpus/manifest.csv" "$TMP/corpus")
expect_contains "$out" "(0 new, 1 replaced, 4 unchanged, 0 failed)" "import after a change"
expect_eq "$(q "$DB" "SELECT count(*) FROM documents")" 5 "documents after replace"
expect_eq "$(q "$DB" "SELECT sha256 FROM documents WHERE doc = '001_5d33b94b8833a096'")" "$(sha256sum "$f" | cut -d' ' -f1)" "replaced document's sha256"
expect_eq "$(q "$DB" "SELECT hex(sha3_query('SELECT * FROM documents WHERE doc <> ''001_5d33b94b8833a096'' ORDER BY doc; SELECT * FROM passages WHERE doc <> ''001_5d33b94b8833a096'' ORDER BY id'))")" "$others" "the other documents are untouched"
expect_eq "$(q "$DB" "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '测试用新增段落'")" 1 "FTS finds the new text"
expect_eq "$(q "$DB" "SELECT count(*) FROM passages WHERE doc = '001_5d33b94b8833a096' AND rowid <= ${passages#*/}")" 0 "old passages of the replaced document"
check_invariants "$DB"

# --force rewrites every document even when unchanged.
out=$("$CLAIMDB" import --force --db "$DB" --manifest "$TMP/corpus/manifest.csv" "$TMP/corpus")
expect_contains "$out" "(0 new, 5 replaced, 0 unchanged, 0 failed)" "--force"
