#!/usr/bin/env bash
# Databases claimdb must not damage (issue #7): a file that is not SQLite,
# one from a newer schema, a read-only one, and one another process is
# writing. Each is refused with one clear error naming it, exit status 1,
# and the file is left byte for byte as it was.
source "$(dirname "$0")/lib/common.bash"
need_corpus
doc="$CORPUS/000_3a8aa14c4981632c.txt"
other="$CORPUS/001_5d33b94b8833a096.txt"

# expect_refused DB WHAT NEEDLE [ARGS...]: the import fails naming DB, the file is unchanged.
expect_refused() {
  local db=$1 what=$2 needle=$3
  shift 3
  local before after status
  before=$(sha256sum "$db" | cut -d' ' -f1)
  set +e
  "$CLAIMDB" import --db "$db" "$@" >"$TMP/out" 2>"$TMP/err"
  status=$?
  set -e
  cat "$TMP/err"
  expect_eq "$status" 1 "$what: exit status"
  expect_contains "$(cat "$TMP/err")" "$db: $needle" "$what: the error names the database"
  expect_eq "$(grep -c . "$TMP/err")" 1 "$what: one error line"
  after=$(sha256sum "$db" | cut -d' ' -f1)
  expect_eq "$after" "$before" "$what: the file is unchanged"
}

# Not SQLite: text, and random bytes.
printf 'name,value\na,1\n' >"$TMP/notes.db"
expect_refused "$TMP/notes.db" "a CSV file as --db" "not a SQLite database" "$doc"
head -c 65536 /dev/urandom >"$TMP/random.db"
expect_refused "$TMP/random.db" "random bytes as --db" "not a SQLite database" "$doc"
# A SQLite database that is someone else's.
"$SQLITE3" "$TMP/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
expect_refused "$TMP/other.db" "another application's SQLite file" "a SQLite database but not a claims database" "$doc"
# A claims database from a newer claimdb.
"$CLAIMDB" import --db "$TMP/new.db" "$doc" >/dev/null
"$SQLITE3" "$TMP/new.db" "PRAGMA user_version = 999"
expect_refused "$TMP/new.db" "a newer schema" "database schema version 999 is newer" "$other"
if "$CLAIMDB" search --db "$TMP/new.db" 投资 >/dev/null 2>"$TMP/err"; then fail "search opened a newer schema"; fi
expect_contains "$(cat "$TMP/err")" "newer than this claimdb supports" "search refuses a newer schema too"

# Read-only: root ignores file permissions, so run claimdb as nobody then.
"$CLAIMDB" import --db "$TMP/ro/ro.db" "$doc" >/dev/null
chmod 755 "$TMP" "$TMP/ro"
chmod 444 "$TMP/ro/ro.db"
cp "$other" "$TMP/other.txt" && chmod 644 "$TMP/other.txt"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  command -v setpriv >/dev/null || fail "running as root without setpriv: cannot test a read-only database"
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  # claimdb must be reachable by nobody
  "${as_user[@]}" test -x "$CLAIMDB" || { echo "SKIP: $CLAIMDB is not executable by nobody"; exit 77; }
fi
before=$(sha256sum "$TMP/ro/ro.db")
set +e
"${as_user[@]}" "$CLAIMDB" import --db "$TMP/ro/ro.db" "$TMP/other.txt" >"$TMP/out" 2>"$TMP/err"
status=$?
set -e
cat "$TMP/err"
expect_eq "$status" 1 "read-only database: exit status"
expect_contains "$(cat "$TMP/err")" "$TMP/ro/ro.db: the database file is read-only" "read-only database: clear error"
expect_eq "$(grep -c . "$TMP/err")" 1 "read-only database: one error, not one per file"
expect_eq "$(sha256sum "$TMP/ro/ro.db")" "$before" "read-only database unchanged"
# Reading it still works.
"${as_user[@]}" "$CLAIMDB" search --db "$TMP/ro/ro.db" 固定资产投资 >"$TMP/out" || fail "search of a read-only database failed"
expect_contains "$(cat "$TMP/out")" "固定资产投资" "search reads a read-only database"

# Locked: another process holds the write lock for longer than claimdb's
# 10 s busy timeout -> one clear error and nothing written; a lock released
# within the timeout is waited for.
"$CLAIMDB" import --db "$TMP/lk.db" "$doc" >/dev/null
hold_lock() {  # hold_lock SECONDS: a writer with an open write transaction
  rm -f "$TMP/locked"
  python3 - "$TMP/lk.db" "$TMP/locked" "$1" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("INSERT INTO meta(key, value) VALUES ('reliability-test', 'x')")
open(sys.argv[2], "w").close()
time.sleep(float(sys.argv[3]))
c.execute("ROLLBACK")
PY
  locker=$!
  for _ in $(seq 100); do [ -e "$TMP/locked" ] && return; sleep 0.1; done
  fail "the python3 writer did not take the lock"
}
hold_lock 15
set +e
"$CLAIMDB" import --db "$TMP/lk.db" "$other" >"$TMP/out" 2>"$TMP/err"
status=$?
set -e
cat "$TMP/err"
expect_eq "$status" 1 "locked database: exit status"
expect_contains "$(cat "$TMP/err")" "$TMP/lk.db: cannot write: database is locked (another process is writing it" "locked database: clear error naming it"
expect_eq "$(grep -c . "$TMP/err")" 1 "locked database: one error"
wait "$locker"
expect_eq "$(q "$TMP/lk.db" "SELECT count(*) FROM documents")" 1 "nothing written while locked"
hold_lock 3
"$CLAIMDB" import --db "$TMP/lk.db" "$other" >"$TMP/out" 2>"$TMP/err" || fail "import did not wait for a short lock: $(cat "$TMP/err")"
wait "$locker"
expect_eq "$(q "$TMP/lk.db" "SELECT count(*) FROM documents")" 2 "a short lock is waited for"
check_invariants "$TMP/lk.db"
