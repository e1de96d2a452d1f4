# Shared by the integration tests tests/*.sh (sourced, not run by CTest).
# CTest sets CLAIMDB (the binary), CLAIMDB_SOURCE_DIR and CLAIMDB_BUILD_DIR.
set -euo pipefail
: "${CLAIMDB:?set CLAIMDB to the claimdb binary (ctest does this)}"
: "${CLAIMDB_SOURCE_DIR:?set CLAIMDB_SOURCE_DIR to the project root}"

CORPUS="$CLAIMDB_SOURCE_DIR/../shared/corpus"
SAMPLE="$CLAIMDB_SOURCE_DIR/db/sample"
SQLITE3=$(command -v sqlite3) || { echo "FAIL: the sqlite3 shell is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

# Skips the test (CTest SKIP_RETURN_CODE 77) when the shared corpus is absent.
need_corpus() {
  [ -d "$CORPUS" ] || { echo "SKIP: shared corpus not found at $CORPUS"; exit 77; }
}

# q DB SQL: one query through the stock sqlite3 shell, no extensions.
q() { "$SQLITE3" -batch -bail "$1" "$2"; }

# expect_eq ACTUAL EXPECTED WHAT
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; pass "$3 = $2"; }
# expect_ge ACTUAL MIN WHAT
expect_ge() { [ "$1" -ge "$2" ] || fail "$3: expected at least $2, got $1"; pass "$3 = $1 (>= $2)"; }
# expect_contains TEXT NEEDLE WHAT
expect_contains() {
  case "$1" in *"$2"*) pass "$3" ;; *) fail "$3: '$2' not in output:
$1" ;; esac
}

# The shared scorer (CLAIM_MODEL.md's claims against gold JSONL).
SCORER="$CLAIMDB_SOURCE_DIR/../shared/tools/score.py"

# expect_gold_scores DB GOLD CORPUS MIN_FULL_F1 MIN_DETECTION_F1: prints the
# scorer's report on DB and fails when full-claim or detection F1 is below
# its floor, or when a claim's span does not point at its quote.
expect_gold_scores() {
  local db=$1 gold=$2 corpus=$3 min_full=$4 min_f1=$5 f1 full bad
  python3 "$SCORER" --db "$db" --gold "$gold" --corpus "$corpus"
  python3 "$SCORER" --db "$db" --gold "$gold" --corpus "$corpus" --json >"$TMP/score.json"
  read -r f1 full bad < <(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['f1'], s['full_f1'], s['bad_spans'])" "$TMP/score.json")
  python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$full" "$min_full" ||
    fail "full-claim F1 $full is below $min_full"
  pass "full-claim F1 $full >= $min_full"
  python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= float(sys.argv[2]) else 1)" "$f1" "$min_f1" ||
    fail "detection F1 $f1 is below $min_f1"
  pass "detection F1 $f1 >= $min_f1"
  expect_eq "$bad" 0 "spans that do not point at their quote"
}

# A digest of everything an import writes except its timestamp.
db_digest() {
  q "$1" "SELECT hex(sha3_query('SELECT doc, title, year, year_basis, district, date, source, url, source_path, sha256, encoding, byte_size, lossy, body FROM documents ORDER BY doc; SELECT * FROM passages ORDER BY id; SELECT * FROM claims ORDER BY id; SELECT imported_at FROM documents ORDER BY doc'))"
}

# Checks that hold for any imported database: bodies equal the files'
# decoded text, passages and claims quote the body, indexes are consistent.
check_invariants() {
  local db=$1
  expect_eq "$(q "$db" "SELECT count(*) FROM passages p JOIN documents d USING (doc) WHERE substr(d.body, p.span_start + 1, p.span_end - p.span_start) <> p.text")" 0 "passages whose offsets do not quote the body"
  expect_eq "$(q "$db" "SELECT count(*) FROM claims c JOIN documents d USING (doc) WHERE substr(d.body, c.span_start + 1, c.span_end - c.span_start) <> c.quote")" 0 "claims whose offsets do not quote the body"
  expect_eq "$(q "$db" "SELECT count(*) FROM claims c LEFT JOIN passages p ON p.id = c.passage_id WHERE p.id IS NULL OR c.span_start < p.span_start OR c.span_start >= p.span_end")" 0 "claims not inside their passage"
  expect_eq "$(q "$db" "SELECT count(*) FROM claims_flat")" "$(q "$db" "SELECT count(*) FROM claims")" "claims_flat rows"
  expect_eq "$(q "$db" "PRAGMA foreign_key_check")" "" "foreign key violations"
  expect_eq "$(q "$db" "PRAGMA integrity_check")" ok "integrity_check"
  q "$db" "INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)" || fail "FTS index out of sync with passages"
  pass "FTS integrity-check"
  expect_eq "$(q "$db" "PRAGMA journal_mode")" delete "journal mode"
  [ ! -e "$db-wal" ] || fail "$db-wal exists: the database must not be in WAL mode"
}
