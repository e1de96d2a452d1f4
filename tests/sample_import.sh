#!/usr/bin/env bash
# The sample articles in db/sample (one GB18030, one with a UTF-8 BOM)
# import with their manifest, and their bodies are exactly the decoded text.
source "$(dirname "$0")/lib/common.bash"
DB=$TMP/sample.db

out=$("$CLAIMDB" import --db "$DB" --manifest "$SAMPLE/manifest.csv" "$SAMPLE")
echo "$out"
n=$(ls "$SAMPLE"/*.txt | wc -l)
expect_contains "$out" "imported $n files ($n new, 0 replaced, 0 unchanged, 0 failed)" "sample import summary"
expect_eq "$(q "$DB" "SELECT count(*) FROM documents WHERE title IS NOT NULL AND year IS NOT NULL AND district IS NOT NULL")" "$n" "documents with manifest metadata"
expect_eq "$(q "$DB" "SELECT encoding FROM documents WHERE doc = 'yuhang_2023'")" GB18030 "GB18030 sample detected"
expect_eq "$(q "$DB" "SELECT encoding FROM documents WHERE doc = 'wuzhong_2022'")" UTF-8-BOM "BOM sample detected"
expect_eq "$(q "$DB" "SELECT title FROM documents WHERE doc = 'yuhang_2023'")" "余杭区政府工作报告(摘要), 2023年" "quoted manifest title with a comma"

python3 - "$DB" "$SAMPLE" <<'PY' || fail "sample bodies differ from the decoded files"
import sqlite3, sys, os
db, sample = sys.argv[1], sys.argv[2]
enc = {"GB18030": "gb18030", "UTF-8": "utf-8", "UTF-8-BOM": "utf-8-sig"}
for doc, body, encoding in sqlite3.connect(db).execute("SELECT doc, body, encoding FROM documents"):
    with open(os.path.join(sample, doc + ".txt"), "rb") as f:
        text = f.read().decode(enc[encoding])
    assert body == text, doc
    print("ok: body of", doc, "equals the file decoded as", encoding)
PY
expect_ge "$(q "$DB" "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '地区生产总值'")" 4 "FTS over the samples (GB18030 included)"
expect_eq "$(q "$DB" "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH '数字经济核心产业' AND rowid IN (SELECT id FROM passages WHERE doc = 'yuhang_2023')")" 1 "FTS finds text of the GB18030 file"
check_invariants "$DB"
