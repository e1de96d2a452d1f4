#!/usr/bin/env bash
# python3's standard sqlite3 module (what pandas and notebooks use) reads
# claims_flat and every report_* table: rows where the corpus has them, and
# Python int/float values in the columns declared INTEGER/REAL.
source "$(dirname "$0")/lib/common.bash"
need_corpus
command -v python3 >/dev/null || fail "python3 is not installed"
DB=$TMP/claims.db
"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS" >/dev/null

python3 - "$DB" <<'PY'
import sqlite3, sys

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
expected = {int: "INTEGER", float: "REAL", str: "TEXT"}
# Reports that must have rows on the corpus (conflicts may rightly be empty).
must_have_rows = {"claims_flat", "report_gdp", "report_indicator_matrix", "report_fiscal", "report_investment",
                  "report_trade_and_foreign_capital", "report_growth_leaders", "report_targets_vs_actuals",
                  "report_coverage", "report_claims_by_document"}
objects = ["claims_flat"] + [r[0] for r in db.execute(
    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'report\\_%' ESCAPE '\\' ORDER BY name")]
assert len(objects) >= 11, f"expected claims_flat and 10 report tables, got {objects}"
failures = []
for name in objects:
    declared = {r[1]: r[2] for r in db.execute(f"SELECT * FROM pragma_table_info('{name}')")}
    cur = db.execute(f'SELECT * FROM "{name}"')
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if name in must_have_rows and not rows:
        failures.append(f"{name}: no rows")
    numeric = 0
    for i, col in enumerate(cols):
        want = declared.get(col)
        if name.startswith("report_") and want not in ("INTEGER", "REAL", "TEXT"):
            failures.append(f"{name}.{col}: no declared type ({want!r})")
        for row in rows:
            v = row[i]
            if v is not None and want in ("INTEGER", "REAL", "TEXT") and expected[type(v)] != want:
                failures.append(f"{name}.{col}: {v!r} is {type(v).__name__}, declared {want}")
                break
        numeric += want in ("INTEGER", "REAL")
    print(f"ok: {name}: {len(rows)} rows, {numeric} numeric columns")

gdp = {(r[0], r[1]): r[2:] for r in db.execute("SELECT district, year, gdp, growth_pct FROM report_gdp")}
if gdp.get(("海曙区", 2019)) != (117010000000.0, 6.1):
    failures.append(f"report_gdp 海曙区 2019: {gdp.get(('海曙区', 2019))}")
if gdp.get(("江北区", 2022)) != (86030000000.0, 4.9):
    failures.append(f"report_gdp 江北区 2022: {gdp.get(('江北区', 2022))}")
for f in failures:
    print("FAIL:", f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
pass "python3 sqlite3 reads claims_flat and the report tables with their types"
