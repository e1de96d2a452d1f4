#!/usr/bin/env bash
# queries/metadata.yml (Datasette canned queries) is what
# scripts/gen_metadata.py makes of queries/*.sql, it parses as YAML with
# every report, and its SQL run the way Datasette runs it (blank
# parameters bound as '') gives the same rows as the report_* tables.
source "$(dirname "$0")/lib/common.bash"
python3 "$CLAIMDB_SOURCE_DIR/scripts/gen_metadata.py" --check || fail "queries/metadata.yml is out of date: run scripts/gen_metadata.py and commit it"
pass "metadata.yml is up to date"

DB=$TMP/claims.db
"$CLAIMDB" import --db "$DB" --manifest "$SAMPLE/manifest.csv" "$SAMPLE" >/dev/null
python3 - "$CLAIMDB_SOURCE_DIR/queries" "$DB" <<'PY'
import pathlib, sqlite3, sys
queries, db = pathlib.Path(sys.argv[1]), sqlite3.connect(sys.argv[2])
try:
    import yaml
except ImportError:
    print("note: PyYAML is not installed; checked the file's freshness only")
    sys.exit(0)
meta = yaml.safe_load((queries / "metadata.yml").read_text(encoding="utf-8"))
canned = meta["databases"]["claims"]["queries"]
names = sorted(p.stem for p in queries.glob("*.sql"))
assert sorted(canned) == names, f"metadata.yml has {sorted(canned)}, queries/ has {names}"
for name, q in canned.items():
    assert q["title"] and q["description"] and q["sql"], name
    blank = {p: "" for p in q["params"]}  # Datasette binds '' for an empty form field
    got = db.execute(q["sql"], blank).fetchall()
    want = db.execute(f'SELECT * FROM "report_{name}"').fetchall()
    assert got == want, f"{name}: {len(got)} rows with blank params, report_{name} has {len(want)}"
    print(f"ok: {name}: params {q['params']}, {len(got)} rows with blank params = report_{name}")
PY
pass "metadata.yml queries run like Datasette runs them"
