#!/usr/bin/env bash
# Search quality on the shared corpus: every query in tests/search_queries.tsv
# (1-4+ characters, Latin and Chinese, full-width forms, operators) must
# return its expected passage (document + a substring of the passage) in the
# top 5 of `claimdb search`. Prints the misses and recall@5; fails below 0.95.
source "$(dirname "$0")/lib/common.bash"
need_corpus

DB="$TMP/claims.db"
"$CLAIMDB" import --db "$DB" --manifest "$CORPUS/manifest.csv" "$CORPUS" >/dev/null

python3 - "$CLAIMDB" "$DB" "$CLAIMDB_SOURCE_DIR/tests/search_queries.tsv" <<'PY'
import json, subprocess, sys

claimdb, db, path = sys.argv[1:4]
cases = []
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            sys.exit(f"FAIL: {path}:{n}: expected 4 tab-separated columns")
        cases.append((n, *parts))
if len(cases) < 40:
    sys.exit(f"FAIL: only {len(cases)} queries in {path} (need 40)")

def squash(s):  # OCR'd passages have spaces and line breaks between characters
    return "".join(s.split())

found = 0
for n, query, doc, needle, what in cases:
    out = subprocess.run([claimdb, "search", "--db", db, "--limit", "5", "--format", "json", query],
                         capture_output=True, text=True)
    if out.returncode != 0:
        print(f"MISS line {n}: {query!r} ({what}): exit {out.returncode}: {out.stderr.strip()}")
        continue
    hits = json.loads(out.stdout)
    if len(hits) > 5:
        sys.exit(f"FAIL: --limit 5 returned {len(hits)} rows")
    if any(h["doc"] == doc and squash(needle) in squash(h["text"]) for h in hits):
        found += 1
    else:
        got = ", ".join(f'{h["doc"][:3]}:{squash(h["text"])[:12]}' for h in hits) or "nothing"
        print(f"MISS line {n}: {query!r} ({what}): want {doc[:3]} with {needle!r}; got {got}")

recall = found / len(cases)
print(f"recall@5 = {recall:.3f} ({found}/{len(cases)} queries)")
if recall < 0.95:
    sys.exit(f"FAIL: recall@5 {recall:.3f} < 0.95")
print("ok: recall@5 >= 0.95")
PY
