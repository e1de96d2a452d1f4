#!/usr/bin/env bash
# The canned reports through the stock sqlite3 shell: every queries/*.sql
# runs with `.read` (no parameters, and with :district set) and gives
# exactly the rows of its report_* table; the figures the corpus states
# are in the gdp report; conflicts finds a figure restated differently.
source "$(dirname "$0")/lib/common.bash"
need_corpus
DB=$TMP/claims.db
QUERIES=$CLAIMDB_SOURCE_DIR/queries

"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS" >/dev/null
expect_eq "$(q "$DB" "PRAGMA journal_mode")" delete "journal mode after import"
[ ! -e "$DB-wal" ] || fail "$DB-wal exists after import"

# read_report FILE [DISTRICT]: the report's rows (list mode) via .read.
read_report() {
  if [ $# -gt 1 ]; then
    "$SQLITE3" -batch -bail "$DB" ".parameter set :district '$2'" ".read $1"
  else
    "$SQLITE3" -batch -bail "$DB" ".read $1"
  fi
}

# same_rows ACTUAL EXPECTED WHAT: equal outputs, reported by row count.
same_rows() {
  [ "$1" = "$2" ] || fail "$3: rows differ:
--- got
$1
--- expected
$2"
  pass "$3 ($(printf '%s' "$1" | grep -c . || true) lines)"
}

n=0
for f in "$QUERIES"/*.sql; do
  name=$(basename "$f" .sql)
  n=$((n + 1))
  head -5 "$f" | grep -q '^-- title: .' || fail "$name: no '-- title:' line"
  head -5 "$f" | grep -q '^-- description: .' || fail "$name: no '-- description:' line"
  all=$(read_report "$f") || fail "$name: sqlite3 .read failed"
  same_rows "$all" "$(q "$DB" "SELECT * FROM report_$name")" "$name: .read equals report_$name"
  # Filtered by district: the rows of the table for that district.
  dcol=$(q "$DB" "SELECT name FROM pragma_table_info('report_$name') WHERE name IN ('district', 'doc_district')")
  [ -n "$dcol" ] || fail "$name: no district column"
  one=$(read_report "$f" 海曙区) || fail "$name: sqlite3 .read with :district failed"
  same_rows "$one" "$(q "$DB" "SELECT * FROM report_$name WHERE $dcol = '海曙区'")" "$name: .read with :district = 海曙区"
  expect_eq "$(q "$DB" "SELECT count(*) FROM report_$name WHERE $dcol IS NOT '海曙区'")" \
    "$(read_report "$f" 江北区 | grep -c . || true)" "$name: rows for other districts (:district = 江北区)"
done
expect_ge "$n" 10 "reports in queries/"
expect_eq "$(q "$DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name LIKE 'report\_%' ESCAPE '\'")" "$n" "report_* tables"

# Declared column types: no report column without one.
expect_eq "$(q "$DB" "SELECT count(*) FROM sqlite_schema s, pragma_table_info(s.name) c WHERE s.name LIKE 'report\_%' ESCAPE '\' AND c.type NOT IN ('TEXT', 'INTEGER', 'REAL')")" 0 "report columns without a declared type"

# The figures the corpus states.
gdp=$(read_report "$QUERIES/gdp.sql")
echo "$gdp"
expect_eq "$(q "$DB" "SELECT group_concat(name, ',') FROM pragma_table_info('report_gdp')" | cut -d, -f1-5)" "district,year,gdp,unit,growth_pct" "gdp columns"
expect_contains "$gdp" "海曙区|2019|117010000000.0|CNY|6.1|" "gdp 海曙区 2019"
expect_contains "$gdp" "江北区|2022|86030000000.0|CNY|4.9|" "gdp 江北区 2022"
expect_eq "$(q "$DB" "SELECT gdp_per_capita FROM report_gdp WHERE district = '海曙区' AND year = 2019")" 123000.0 "gdp per capita 海曙区 2019"
expect_eq "$(read_report "$QUERIES/gdp.sql" 海曙区 | grep -c 江北区 || true)" 0 "gdp for 海曙区 holds no 江北区 row"
expect_eq "$("$SQLITE3" -batch "$DB" ".parameter set :year 2022" ".read $QUERIES/gdp.sql" | cut -d'|' -f1-3)" "江北区|2022|86030000000.0" "gdp with :year = 2022"
expect_contains "$(read_report "$QUERIES/indicator_matrix.sql")" "海曙区|gdp|地区生产总值|output|2019|actual|117010000000.0|CNY|6.1|1|1|" "indicator_matrix row"
expect_contains "$(q "$DB" "SELECT indicator_code || '|' || value FROM report_fiscal WHERE district = '海曙区' AND year = 2019")" "public_budget_revenue|11250000000.0" "fiscal: budget revenue"
expect_eq "$(q "$DB" "SELECT share_of_fai_pct FROM report_investment WHERE indicator_code = 'construction_investment' AND year = 2022")" \
  "$(q "$DB" "SELECT round(100.0 * c.value / f.value, 1) FROM claims c, claims f WHERE c.indicator_code = 'construction_investment' AND f.indicator_code = 'fixed_asset_investment' AND c.year = 2022 AND f.year = 2022")" "investment: construction share of FAI"
expect_contains "$(q "$DB" "SELECT fdi_actual_usd FROM report_trade_and_foreign_capital WHERE district = '江北区' AND year = 2022")" 229000000.0 "trade: 江北区 foreign capital in USD"
expect_eq "$(q "$DB" "SELECT count(*) FROM report_trade_and_foreign_capital WHERE trade_total_cny < 1e6 OR fdi_actual_usd < 1e6")" 0 "trade: no counts mixed into amounts"
expect_eq "$(q "$DB" "SELECT count(*) FROM report_growth_leaders WHERE growth_rank = 1 AND growth_pct < (SELECT max(growth_pct) FROM report_growth_leaders g WHERE g.district = report_growth_leaders.district AND g.year = report_growth_leaders.year)")" 0 "growth_leaders: rank 1 has the highest growth"
expect_ge "$(q "$DB" "SELECT count(*) FROM report_growth_leaders")" 3 "growth_leaders rows"
expect_ge "$(q "$DB" "SELECT count(*) FROM report_targets_vs_actuals WHERE indicator_code = 'gdp' AND year = 2025 AND target_value = 1e11")" 1 "targets_vs_actuals: 江北区 GDP target for 2025"
for t in coverage claims_by_document indicator_matrix fiscal investment; do
  expect_ge "$(q "$DB" "SELECT count(*) FROM report_$t")" 1 "report_$t rows"
done
expect_eq "$(q "$DB" "SELECT sum(claims) FROM report_claims_by_document")" "$(q "$DB" "SELECT count(*) FROM claims")" "claims_by_document counts every claim"
expect_eq "$(q "$DB" "SELECT sum(claims) FROM report_coverage")" "$(q "$DB" "SELECT count(*) FROM claims WHERE indicator_code IS NOT NULL")" "coverage counts every coded claim"
# conflicts on the corpus: exactly the figures a plain aggregate finds
# (two or more documents, two or more values or growth rates, and no
# document that states all of them).
figures_sql="WITH f AS (SELECT district, indicator_code, year, period, modality, unit, doc, value, growth_pct FROM claims WHERE indicator_code IS NOT NULL),
  g AS (SELECT district, indicator_code, year, period, modality, unit, count(DISTINCT doc) AS docs, count(DISTINCT value) AS v, count(DISTINCT growth_pct) AS r FROM f GROUP BY 1, 2, 3, 4, 5, 6),
  d AS (SELECT district, indicator_code, year, period, modality, unit, doc, count(DISTINCT value) AS v, count(DISTINCT growth_pct) AS r FROM f GROUP BY 1, 2, 3, 4, 5, 6, 7)
SELECT count(*) FROM g WHERE docs > 1
  AND ((v > 1 AND NOT EXISTS (SELECT 1 FROM d WHERE d.district IS g.district AND d.indicator_code = g.indicator_code AND d.year IS g.year AND d.period IS g.period AND d.modality = g.modality AND d.unit IS g.unit AND d.v = g.v))
    OR (r > 1 AND NOT EXISTS (SELECT 1 FROM d WHERE d.district IS g.district AND d.indicator_code = g.indicator_code AND d.year IS g.year AND d.period IS g.period AND d.modality = g.modality AND d.unit IS g.unit AND d.r = g.r)))"
expect_eq "$(q "$DB" "SELECT count(*) FROM report_conflicts")" "$(q "$DB" "$figures_sql")" "conflicts on the corpus"

# A sixth article restating 海曙区's 2019 GDP differently: a conflict with both quotes.
mkdir "$TMP/more"
cp "$CORPUS"/*.txt "$TMP/more/"
printf '2019年，海曙区实现地区生产总值1180.5亿元，增长6.3%%。\n' >"$TMP/more/restated.txt"
{ cat "$CORPUS/manifest.csv"; printf 'restated.txt,2020,海曙区,restated\n'; } >"$TMP/more/manifest.csv"
"$CLAIMDB" import --db "$DB" --manifest "$TMP/more/manifest.csv" "$TMP/more" >/dev/null
conflicts=$(read_report "$QUERIES/conflicts.sql")
echo "$conflicts"
expect_contains "$conflicts" "海曙区|gdp|地区生产总值|2019||actual|CNY|2|2|[117010000000.0,118050000000.0]|[6.1,6.3]|117010000000.0|6.1|1170.1亿元|002_511881358775720f|" "conflict: the corpus' GDP"
expect_contains "$conflicts" "|118050000000.0|6.3|1180.5亿元|restated|restated|0.89" "conflict: the restated GDP"
expect_eq "$(q "$DB" "SELECT count(*) FROM report_conflicts WHERE doc_b = 'restated'")" 1 "report_conflicts refreshed by the import"
expect_eq "$(q "$DB" "SELECT count(*) FROM report_conflicts")" "$(q "$DB" "$figures_sql")" "conflicts with the restated GDP"
expect_eq "$(q "$DB" "SELECT documents FROM report_gdp WHERE district = '海曙区' AND year = 2019")" 2 "gdp: two documents state 海曙区 2019"
expect_eq "$(q "$DB" "PRAGMA journal_mode")" delete "journal mode after the second import"
