#!/usr/bin/env bash
# The command line: --version, --help with examples, search (FTS and the
# short-query scan), stats, extract, and clear errors for bad manifests and
# databases that must not be touched.
source "$(dirname "$0")/lib/common.bash"
DB=$TMP/claims.db

expect_eq "$("$CLAIMDB" --version)" "claimdb 0.1.0" "--version"
for cmd in import search stats extract; do
  help=$("$CLAIMDB" "$cmd" --help)
  expect_contains "$help" "Example" "$cmd --help has a worked example"
  expect_contains "$help" "claimdb $cmd" "$cmd --help example uses the command"
done
if "$CLAIMDB" >/dev/null 2>&1; then fail "claimdb without a command exited 0"; fi
pass "no command: non-zero exit"

# Manifest errors stop the import before the database is created.
printf 'file,year,district\r\nyinzhou_2023.txt,2023,鄞州区\r\n' >"$TMP/m1.csv"
printf 'file,year,district,title\nyinzhou_2023.txt,2023,鄞州区,T\nkeqiao_2024.txt,20x4,柯桥区,T\n' >"$TMP/m2.csv"
printf 'file,year,district,title\nyinzhou_2023.txt,2023,鄞州区,T\nyinzhou_2023.txt,2023,鄞州区,T\n' >"$TMP/m3.csv"
for m in "m1.csv:1:" "m2.csv:3:" "m3.csv:3:"; do
  if "$CLAIMDB" import --db "$DB" --manifest "$TMP/${m%%:*}" "$SAMPLE" >/dev/null 2>"$TMP/err"; then fail "bad manifest ${m%%:*} accepted"; fi
  expect_contains "$(cat "$TMP/err")" "$TMP/$m" "manifest error names file and line ($m)"
  [ ! -e "$DB" ] || fail "a bad manifest created the database"
done

"$CLAIMDB" import --db "$DB" --manifest "$SAMPLE/manifest.csv" "$SAMPLE" >/dev/null

# search: bm25-ranked passages with the hit marked (not a TTY: 【】).
out=$("$CLAIMDB" search --db "$DB" 固定资产投资)
echo "$out"
expect_contains "$out" "【固定资产投资】" "search marks the hit"
expect_contains "$out" "yinzhou_2023" "search shows the document"
expect_contains "$out" "鄞州：以“智造”为笔" "search shows the title"
expect_eq "$("$CLAIMDB" search --db "$DB" --limit 2 地区生产总值 | grep -c '^[0-9]*\. ')" 2 "--limit 2"
out=$("$CLAIMDB" search --db "$DB" '"地区生产总值" AND "增长4.1%"')
expect_contains "$out" "yuhang_2023" "FTS5 syntax passes through"
out=$("$CLAIMDB" search --db "$DB" '工作报告(摘要' 2>&1 || true)
expect_contains "$out" "FTS5" "an FTS5 syntax error is explained"
out=$("$CLAIMDB" search --db "$DB" 外资 2>"$TMP/err")
expect_contains "$out" "【外资】" "short query finds the text (word index)"
expect_contains "$(cat "$TMP/err")" "word index" "the index used is noted on stderr"
out=$("$CLAIMDB" search --db "$DB" 不存在的词语组合 2>&1)
expect_contains "$out" "no passages match" "no hits"

# stats
out=$("$CLAIMDB" stats --db "$DB")
echo "$out"
expect_contains "$out" "documents       4" "stats documents"
expect_contains "$out" "柯桥区" "stats by district"
expect_contains "$out" "2022" "stats by year"

# extract: JSONL with the claims_flat names, or a table; no database.
printf '去年全区实现地区生产总值1170.1亿元，增长6.1%%。今年力争固定资产投资增长8%%以上。\n' >"$TMP/a.txt"
"$CLAIMDB" extract "$TMP/a.txt" --year 2023 --district 海曙区 >"$TMP/a.jsonl"
python3 - "$TMP/a.jsonl" <<'PY' || fail "extract output is not JSONL with the claims_flat fields"
import json, sys
need = {"doc", "span_start", "span_end", "quote", "value", "unit", "qualifier", "value_low", "value_high",
        "growth_pct", "year", "district", "indicator", "modality"}
text = open("/dev/stdin" if False else sys.argv[1], encoding="utf-8").read()
rows = [json.loads(l) for l in text.splitlines()]
for r in rows:
    missing = need - r.keys()
    assert not missing, missing
    assert r["doc"] == "a", r
print("ok: extract wrote", len(rows), "JSON lines with the claims_flat fields")
PY
"$CLAIMDB" extract "$SAMPLE/yuhang_2023.txt" --format table >"$TMP/t.txt" 2>/dev/null
expect_eq "$(head -1 "$TMP/t.txt" | tr -s ' ')" "span quote value amount unit qualifier growth_pct year district indicator modality" "extract table header (GB18030 input)"
printf '地区生产总值100亿元。' | "$CLAIMDB" extract - >/dev/null
pass "extract reads stdin"
if "$CLAIMDB" extract "$TMP/none.txt" 2>"$TMP/err"; then fail "extract of a missing file exited 0"; fi
expect_contains "$(cat "$TMP/err")" "none.txt" "extract error names the file"

# Databases that must not be touched.
printf 'plain text, not a database at all\n' >"$TMP/notes.db"
if "$CLAIMDB" stats --db "$TMP/notes.db" 2>"$TMP/err"; then fail "stats on a text file exited 0"; fi
expect_contains "$(cat "$TMP/err")" "$TMP/notes.db: not a SQLite database" "not-SQLite error names the file"
cp "$DB" "$TMP/newer.db"
q "$TMP/newer.db" "PRAGMA user_version = 999"
sum=$(sha256sum <"$TMP/newer.db")
if "$CLAIMDB" import --db "$TMP/newer.db" "$SAMPLE" 2>"$TMP/err" >/dev/null; then fail "import into a newer schema exited 0"; fi
expect_contains "$(cat "$TMP/err")" "newer than this claimdb" "newer schema refused"
expect_eq "$(sha256sum <"$TMP/newer.db")" "$sum" "newer database untouched"
if "$CLAIMDB" search --db "$TMP/missing.db" 增长 2>"$TMP/err"; then fail "search without a database exited 0"; fi
expect_contains "$(cat "$TMP/err")" "missing.db: no such database" "missing database named"
[ ! -e "$TMP/missing.db" ] || fail "search created a database"
if grep -q "terminate called\|what():" "$TMP"/err*; then fail "an exception escaped"; fi
pass "no raw exception dumps"
