#!/usr/bin/env bash
# Imports the shared corpus with its manifest and checks the database with
# the stock sqlite3 shell: documents, exact bodies, full-text search,
# offsets, the claims_flat contract, and that the scorer can read it.
source "$(dirname "$0")/lib/common.bash"
need_corpus
DB=$TMP/claims.db

out=$("$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS")
echo "$out"
expect_contains "$out" "imported 5 files (5 new, 0 replaced, 0 unchanged, 0 failed)" "import summary"

expect_eq "$(q "$DB" "SELECT count(*) FROM documents")" 5 "documents"
for f in "$CORPUS"/*.txt; do
  doc=$(basename "$f" .txt)
  q "$DB" "SELECT writefile('$TMP/body.txt', body) FROM documents WHERE doc = '$doc'" >/dev/null
  cmp -s "$TMP/body.txt" "$f" || fail "$doc: stored body differs from $f"
  expect_eq "$(q "$DB" "SELECT sha256 FROM documents WHERE doc = '$doc'")" "$(sha256sum "$f" | cut -d' ' -f1)" "$doc sha256"
  expect_eq "$(q "$DB" "SELECT byte_size FROM documents WHERE doc = '$doc'")" "$(stat -c %s "$f")" "$doc byte_size"
done
pass "every body equals its file"

# Manifest metadata landed on the documents.
expect_eq "$(q "$DB" "SELECT year || '|' || year_basis || '|' || district FROM documents WHERE doc = '003_d92411e29cad5a99'")" "2023|manifest|江北区" "manifest year and district"
expect_eq "$(q "$DB" "SELECT count(*) FROM documents WHERE title IS NULL OR title = ''")" 0 "documents without a title"

expect_ge "$(q "$DB" "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '地区生产总值'")" 2 "FTS matches for 地区生产总值"
expect_ge "$(q "$DB" "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '固定资产投资'")" 1 "FTS matches for 固定资产投资"
expect_ge "$(q "$DB" "SELECT count(*) FROM passages")" 100 "passages"
expect_eq "$(q "$DB" "SELECT count(*) FROM passages GROUP BY doc HAVING max(seq) + 1 <> count(*)")" "" "passage seq numbering"
check_invariants "$DB"

# The columns the scorer reads, and the dimension tables.
q "$DB" "SELECT doc, span_start, span_end, quote, value, unit, qualifier, value_low, value_high, growth_pct, year, district, indicator, modality, title, doc_year FROM claims_flat LIMIT 1" >/dev/null
pass "claims_flat has the scorer's columns"
expect_eq "$(q "$DB" "SELECT name FROM districts WHERE code = '330203'")" 海曙区 "districts table"
expect_eq "$(q "$DB" "SELECT count(*) FROM units")" "$(grep -v '^#' "$CLAIMDB_SOURCE_DIR/schema/units.tsv" | tail -n +2 | grep -c .)" "units rows = units.tsv rows"
expect_eq "$(q "$DB" "SELECT count(*) FROM indicators")" "$(grep -v '^#' "$CLAIMDB_SOURCE_DIR/schema/indicators.tsv" | tail -n +2 | grep -c .)" "indicators rows = indicators.tsv rows"

if [ -f "$CLAIMDB_SOURCE_DIR/../shared/tools/score.py" ] && [ -d "$CLAIMDB_SOURCE_DIR/../shared/gold" ]; then
  python3 "$CLAIMDB_SOURCE_DIR/../shared/tools/score.py" --db "$DB" --gold "$CLAIMDB_SOURCE_DIR/../shared/gold" --corpus "$CORPUS" >"$TMP/score.txt" \
    || { cat "$TMP/score.txt"; fail "score.py could not read the database"; }
  head -3 "$TMP/score.txt"
  pass "score.py reads claims_flat"
fi
