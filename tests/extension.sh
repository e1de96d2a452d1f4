#!/usr/bin/env bash
# The loadable extension libclaimdb_sqlite.so through the stock sqlite3
# shell (.load): claims_extract(), the icu_zh FTS5 tokenizer, cn_number()
# and cn_amount(), and writing passages of a claims database from the shell.
source "$(dirname "$0")/lib/common.bash"
EXT=${CLAIMDB_EXTENSION:-}
[ -n "$EXT" ] && [ -f "$EXT" ] || fail "CLAIMDB_EXTENSION must name the built libclaimdb_sqlite.so (ctest sets it)"

# x SQL: one statement with the extension loaded, into an in-memory database.
x() { "$SQLITE3" -batch -bail -cmd ".load $EXT" :memory: "$1"; }

# claims_extract: the text of the issue, a year and district resolving 去年.
out=$(x "SELECT count(*) FROM claims_extract('去年全区实现地区生产总值1170.1亿元，增长6.1%', 2020, '海曙区')")
expect_eq "$out" 1 "claims_extract rows"
out=$(x "SELECT printf('%d|%s|%.1f|%d|%s|%s|%s|%d|%d', value, unit, growth_pct, year, district, indicator_code IS NOT NULL, modality, span_start, span_end) FROM claims_extract('去年全区实现地区生产总值1170.1亿元，增长6.1%', 2020, '海曙区')")
expect_eq "$out" "117010000000|CNY|6.1|2019|海曙区|1|actual|12|20" "claims_extract claim"
out=$(x "SELECT doc IS NULL, quote FROM claims_extract('去年全区实现地区生产总值1170.1亿元，增长6.1%', 2020, '海曙区')")
expect_eq "$out" "1|1170.1亿元" "doc is NULL, quote"
# Same columns as claims_flat's contract, in its order.
cols=$(x "SELECT group_concat(name, ',') FROM pragma_table_info('claims_extract')")
expect_contains "$cols" "doc,span_start,span_end,quote,value,unit,qualifier,value_low,value_high,growth_pct,year,district,indicator,modality" "claims_extract columns"
out=$(x "SELECT group_concat(quote || '=' || value, ';') FROM claims_extract('园区今年新增企业12家，完成投资3.5亿元。', 2024)")
expect_eq "$out" "12家=12.0;3.5亿元=350000000.0" "several claims, year only"
expect_eq "$(x "SELECT count(*) FROM claims_extract('没有任何数字的句子。')")" 0 "no claims"
expect_eq "$(x "SELECT count(*) FROM claims_extract(NULL)")" 0 "NULL text"
# Joined per row of a table.
out=$(x "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('今年出口额达到20亿元。'), ('全区户籍人口约60万人。');
SELECT group_concat(n.id || ':' || c.value, ' ') FROM notes n, claims_extract(n.body, 2023) c")
expect_eq "$out" "1:2000000000.0 2:600000.0" "claims_extract joined to a table"
if x "SELECT * FROM claims_extract" 2>"$TMP/err"; then fail "claims_extract without text succeeded"; fi
expect_contains "$(cat "$TMP/err")" "needs the text" "claims_extract without text explains"

# icu_zh: a table of your own with a 2-character query.
out=$(x "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'icu_zh');
INSERT INTO t VALUES ('今年全市外贸出口增长较快'), ('本地农户扩大茶叶种植'), ('工厂新上两条生产线');
SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH '外贸'; SELECT count(*) FROM t WHERE t MATCH '茶叶';
SELECT count(*) FROM t WHERE t MATCH '出口 AND 外贸'; SELECT count(*) FROM t WHERE t MATCH '生产*'")
expect_eq "$out" "今年全市[外贸]出口增长较快
1
1
1" "icu_zh: 2-character words, AND, prefix"
out=$(x "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'icu_zh');
INSERT INTO t VALUES ('ＧＤＰ同比增长'); SELECT count(*) FROM t WHERE t MATCH 'gdp'")
expect_eq "$out" 1 "icu_zh folds full-width forms and case"
out=$(x "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'icu_zh chars');
INSERT INTO t VALUES ('本地农户扩大茶叶种植'); SELECT count(*) FROM t WHERE t MATCH '叶种'")
expect_eq "$out" 1 "icu_zh chars: any substring"
if x "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'icu_zh nonsense')" 2>/dev/null; then fail "bad tokenizer option accepted"; fi
pass "bad tokenizer option rejected"

# cn_number / cn_amount / cn_unit
out=$(x "SELECT cn_number('一千二百三十四'), cn_number('1.2万亿'), cn_number('两千'), cn_number('3.75'), cn_number('１２'), quote(cn_number('增长')), quote(cn_number(NULL))")
expect_eq "$out" "1234|1200000000000|2000|3.75|12|NULL|NULL" "cn_number"
out=$(x "SELECT cn_amount('1170.1亿元'), cn_amount('2.57亿美元'), cn_unit('2.57亿美元'), cn_amount('5.1平方公里'), cn_unit('5.1平方公里'), quote(cn_amount('很多钱')), quote(cn_amount('1亿元和2亿元'))")
expect_eq "$out" "117010000000|257000000|USD|5100000|m2|NULL|NULL" "cn_amount and cn_unit"

# A claims database written from the stock shell with the extension keeps its word index.
DB="$TMP/claims.db"
"$CLAIMDB" import --db "$DB" --manifest "$SAMPLE/manifest.csv" "$SAMPLE" >/dev/null
doc=$(q "$DB" "SELECT doc FROM documents LIMIT 1")
"$SQLITE3" -batch -bail -cmd ".load $EXT" "$DB" "INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES ('$doc', 9999, 0, 0, 1, '新添一句关于藕粉的话')"
expect_eq "$(q "$DB" "SELECT count(*) FROM passages_words WHERE passages_words MATCH 'chars : \"藕 粉\"'")" 1 "passages written with the extension are indexed"
if q "$DB" "INSERT INTO passages (doc, seq, paragraph, span_start, span_end, text) VALUES ('$doc', 9998, 0, 0, 1, 'x')" 2>/dev/null; then
  fail "writing passages without the extension succeeded (the word index would be stale)"
fi
pass "writing passages without the extension is refused"
q "$DB" "INSERT INTO passages_words(passages_words, rank) VALUES ('integrity-check', 1)"
pass "word index integrity-check"
