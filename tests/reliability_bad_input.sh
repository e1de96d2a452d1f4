#!/usr/bin/env bash
# Hostile files among good ones (issue #7): each bad file gets one error
# naming it (and the line where one applies), the good files still import,
# the exit status is non-zero and the summary counts the failures. With
# --lossy, damaged text imports with U+FFFD and documents.lossy = 1, while
# binary, empty and blank files are still refused. Fixtures are generated here.
source "$(dirname "$0")/lib/common.bash"
need_corpus
IN=$TMP/in
mkdir "$IN"
cp "$CORPUS"/*.txt "$IN/"
chmod -R u+w "$IN"
one="$CORPUS/000_3a8aa14c4981632c.txt"

python3 - "$IN" "$one" <<'PY'
import pathlib, random, sys, zlib
d, one = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
rng = random.Random(7)
text = one.read_text(encoding="utf-8")
lines = text.split("\n")
# Random bytes (with NULs), a PNG, a PDF renamed .txt.
(d / "bad_random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
(d / "bad_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
                                  + zlib.compress(bytes(rng.randrange(256) for _ in range(2000))))
stream = zlib.compress(("BT /F1 12 Tf 72 712 Td (" + "x" * 300 + ") Tj ET").encode())
(d / "bad_pdf.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode()
                                + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\n%%EOF\n")
# Binary without any NUL byte: high bytes only.
(d / "bad_highbytes.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4096)))
(d / "bad_empty.txt").write_bytes(b"")
(d / "bad_bom_only.txt").write_bytes(b"\xef\xbb\xbf")
(d / "bad_blank.txt").write_bytes(" \t\r\n\r\n\u3000\u3000\n\n".encode())
# UTF-8 cut in the middle of a character on line 3.
t = "\n".join(lines[:2]).encode() + "\n全区实现地区生产总值100亿元".encode()
(d / "bad_truncated.txt").write_bytes(t[:-1])
# UTF-8 with one stray byte on line 4.
(d / "bad_invalid_utf8.txt").write_bytes("\n".join(lines[:3]).encode() + b"\n\xc3\x28" + "\n".join(lines[3:]).encode())
# Mixed encodings: UTF-8 paragraphs, then a GB18030 one (line 3).
(d / "bad_mixed.txt").write_bytes("\n".join(lines[:2]).encode() + b"\n" + "新增企业20家，增长5%。".encode("gb18030") + b"\n")
# GB18030 with three invalid bytes (0xFF never occurs in GB18030), on lines 3, 6 and 10.
out = b""
for i, line in enumerate(lines):
    out += line.encode("gb18030") + (b"\xff" if i in (2, 5, 9) else b"") + b"\n"
(d / "bad_gb18030.txt").write_bytes(out)
PY

set +e
"$CLAIMDB" import --db "$TMP/a.db" --manifest "$CORPUS/manifest.csv" "$IN" >"$TMP/out" 2>"$TMP/err"
status=$?
set -e
cat "$TMP/out" "$TMP/err"
expect_eq "$status" 1 "exit status with bad files"
err=$(cat "$TMP/err")
# One line per bad file, naming it and saying what is wrong with it.
expect_eq "$(grep -c '^claimdb: error: ' "$TMP/err")" 11 "error lines (one per bad file)"
expect_contains "$err" "bad_random.txt: looks like binary data" "random bytes: binary"
expect_contains "$err" "bad_image.txt: looks like binary data (NUL byte at offset 8)" "PNG: binary"
expect_contains "$err" "bad_pdf.txt: looks like binary data" "PDF renamed .txt: binary"
grep -q "bad_highbytes.txt: " "$TMP/err" || fail "high-byte binary not named"
pass "binary without NULs named"
expect_contains "$err" "bad_empty.txt: empty file" "empty file"
expect_contains "$err" "bad_bom_only.txt: empty file" "a BOM and nothing else"
expect_contains "$err" "bad_blank.txt: only whitespace" "whitespace-only file"
expect_contains "$err" "bad_truncated.txt: invalid UTF-8 at byte" "truncated UTF-8"
grep -q "bad_truncated.txt: invalid UTF-8 at byte [0-9]* (line 3)" "$TMP/err" || fail "truncated UTF-8: line 3 not named"
grep -q "bad_invalid_utf8.txt: invalid UTF-8 at byte [0-9]* (line 4)" "$TMP/err" || fail "stray byte: line 4 not named"
pass "invalid UTF-8 named with its line"
grep -q "bad_mixed.txt: invalid UTF-8 at byte [0-9]* (line 3)" "$TMP/err" || fail "mixed encodings: line 3 not named"
pass "mixed encodings named with the line"
grep -q "bad_gb18030.txt: not valid GB18030 at byte [0-9]* (line 3)" "$TMP/err" || fail "GB18030 damage: line 3 not named"
pass "damaged GB18030 named with the line"
expect_contains "$(cat "$TMP/out")" "imported 16 files (5 new, 0 replaced, 0 unchanged, 11 failed)" "summary"
expect_eq "$(q "$TMP/a.db" "SELECT count(*) FROM documents")" 5 "the good files imported"
expect_eq "$(q "$TMP/a.db" "SELECT count(*) FROM documents WHERE doc LIKE 'bad%'")" 0 "no bad file stored"
check_invariants "$TMP/a.db"

# --lossy: damaged text is imported with replacement characters and marked;
# binary, empty and blank files are still refused.
set +e
"$CLAIMDB" import --db "$TMP/a.db" --lossy "$IN" >"$TMP/out2" 2>"$TMP/err2"
status=$?
set -e
cat "$TMP/out2" "$TMP/err2"
expect_eq "$status" 1 "--lossy still fails binary and empty files"
expect_contains "$(cat "$TMP/err2")" "bad_highbytes.txt: not text even with --lossy" "--lossy: mostly invalid bytes are not damaged text"
for f in bad_random bad_image bad_pdf bad_highbytes bad_empty bad_bom_only bad_blank; do
  grep -q "error: .*$f.txt: " "$TMP/err2" || fail "--lossy: $f.txt not refused"
done
pass "--lossy refuses binary, empty and blank files"
for f in bad_truncated bad_invalid_utf8 bad_mixed bad_gb18030; do
  grep -q "warning: .*$f.txt: invalid bytes were replaced (--lossy)" "$TMP/err2" || fail "--lossy: no warning for $f.txt"
  expect_eq "$(q "$TMP/a.db" "SELECT lossy FROM documents WHERE doc = '$f'")" 1 "$f stored with lossy = 1"
done
expect_eq "$(q "$TMP/a.db" "SELECT count(*) FROM documents WHERE lossy = 1")" 4 "lossy documents"
expect_eq "$(q "$TMP/a.db" "SELECT count(*) FROM documents WHERE lossy = 0 AND doc NOT LIKE 'bad%'")" 5 "the clean files stay lossy = 0"
# Three bad bytes, three replacement characters; the rest decoded as GB18030.
expect_eq "$(q "$TMP/a.db" "SELECT encoding || ' ' || (length(body) - length(replace(body, char(65533), ''))) FROM documents WHERE doc = 'bad_gb18030'")" "GB18030 3" "GB18030: encoding and replaced bytes"
expect_eq "$(q "$TMP/a.db" "SELECT replace(body, char(65533), '') = (SELECT body FROM documents WHERE doc = '000_3a8aa14c4981632c') || char(10) FROM documents WHERE doc = 'bad_gb18030'")" 1 "GB18030: the rest of the text intact"
expect_ge "$(q "$TMP/a.db" "SELECT count(*) FROM claims WHERE doc = 'bad_gb18030'")" 10 "claims from the lossy GB18030 file"
check_invariants "$TMP/a.db"
