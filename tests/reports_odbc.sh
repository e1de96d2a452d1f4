#!/usr/bin/env bash
# The path Excel, Power BI and Tableau take: unixODBC with Debian's SQLite
# ODBC driver (libsqliteodbc) reads claims_flat and every report_* table,
# and reports numeric column types (SQLColumns, as `isql` `help` shows
# them) where the values are numbers. Uses a temporary odbc.ini.
source "$(dirname "$0")/lib/common.bash"
need_corpus
DRIVER=/usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so
command -v isql >/dev/null || { echo "SKIP: isql (unixodbc) is not installed; scripts/setup.sh installs it"; exit 77; }
[ -f "$DRIVER" ] || { echo "SKIP: $DRIVER (libsqliteodbc) is not installed; scripts/setup.sh installs it"; exit 77; }
DB=$TMP/claims.db
"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS" >/dev/null

export ODBCSYSINI=$TMP/odbc ODBCINI=$TMP/odbc/odbc.ini
mkdir -p "$ODBCSYSINI"
printf '[SQLite3]\nDescription=SQLite3 ODBC driver\nDriver=%s\n' "$DRIVER" >"$ODBCSYSINI/odbcinst.ini"
printf '[claims]\nDriver=SQLite3\nDatabase=%s\n' "$DB" >"$ODBCINI"

# odbc SQL: one statement through isql, fields separated by |, no header.
odbc() { echo "$1" | isql -b -d'|' claims 2>&1 || fail "isql: $1"; }
# odbc_types TABLE: "column|SQL data type|type name" lines from SQLColumns.
odbc_types() { odbc "help $1" | cut -d'|' -f4-6; }

# The SQL data type codes of SQLColumns: SQL_INTEGER 4, SQL_BIGINT -5,
# SQL_DOUBLE 8, SQL_FLOAT 6, SQL_REAL 7, SQL_NUMERIC 2, SQL_DECIMAL 3.
is_numeric_code() { case "$1" in 4|-5|8|6|7|2|3|5|-6) return 0 ;; *) return 1 ;; esac; }

check_object() {
  local t=$1 rows types col code name want numeric=0
  rows=$(odbc "SELECT * FROM $t")
  expect_eq "$rows" "$("$SQLITE3" -batch "$DB" "SELECT * FROM $t")" "$t: rows over ODBC equal sqlite3's" >/dev/null
  pass "$t: $(odbc "SELECT count(*) FROM $t") rows over ODBC"
  types=$(odbc_types "$t")
  [ -n "$types" ] || fail "$t: the driver lists no columns"
  while IFS='|' read -r col code name; do
    want=$(q "$DB" "SELECT type FROM pragma_table_info('$t') WHERE name = '$col'")
    case "$want" in
      INTEGER|REAL)
        is_numeric_code "$code" || fail "$t.$col is $want but ODBC reports data type $code ($name)"
        numeric=$((numeric + 1)) ;;
      TEXT) is_numeric_code "$code" && fail "$t.$col is TEXT but ODBC reports numeric type $code ($name)" ;;
      *) fail "$t.$col: no declared type ('$want'); ODBC reports $code ($name)" ;;
    esac
  done <<<"$types"
  pass "$t: column types over ODBC ($numeric numeric)"
}

check_object claims_flat
expect_eq "$(odbc_types claims_flat | grep -E '^(value|growth_pct|year)\|' | cut -d'|' -f1,2 | tr '\n' ' ')" "value|8 growth_pct|8 year|4 " "claims_flat numeric columns"
tables=$(q "$DB" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'report\_%' ESCAPE '\' ORDER BY name")
expect_ge "$(echo "$tables" | grep -c .)" 10 "report_* tables"
for t in $tables; do check_object "$t"; done

expect_eq "$(odbc_types report_gdp | grep -E '^(year|gdp|growth_pct)\|' | cut -d'|' -f1,2 | tr '\n' ' ')" "year|4 gdp|8 growth_pct|8 " "report_gdp numeric columns"
expect_eq "$(odbc "SELECT gdp, growth_pct FROM report_gdp WHERE district = '海曙区' AND year = 2019")" "117010000000.0|6.1" "report_gdp 海曙区 2019 over ODBC"
