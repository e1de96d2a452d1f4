#!/usr/bin/env bash
# Malformed manifests (issue #7): each stops the import before the database
# is touched, with an error naming the manifest and line; a BOM and CRLF
# line ends are read correctly (never a silent wrong year).
source "$(dirname "$0")/lib/common.bash"
need_corpus
a=000_3a8aa14c4981632c.txt b=003_d92411e29cad5a99.txt
DB=$TMP/m.db

# bad NAME LINE NEEDLE CONTENT: the import fails with "NAME.csv:LINE: ...NEEDLE", no database file appears.
bad() {
  local name=$1 line=$2 needle=$3 status
  printf '%b' "$4" >"$TMP/$name.csv"
  set +e
  "$CLAIMDB" import --db "$DB" --manifest "$TMP/$name.csv" "$CORPUS" >"$TMP/out" 2>"$TMP/err"
  status=$?
  set -e
  [ "$status" -eq 1 ] || fail "$name: exit status $status: $(cat "$TMP/err")"
  expect_contains "$(cat "$TMP/err")" "$TMP/$name.csv${line:+:$line}: " "$name: names the manifest${line:+ and line $line}"
  expect_contains "$(cat "$TMP/err")" "$needle" "$name: says what is wrong"
  [ ! -e "$DB" ] || fail "$name: the database was created"
}

bad missing_title 1 "missing required column 'title'" "file,year,district\n$a,2023,海曙区\n"
bad missing_year 1 "missing required column 'year'" "file,district,title\n$a,海曙区,T\n"
bad short_row 3 "3 fields, the header has 4" "file,year,district,title\n$a,2023,海曙区,T\n$b,2023,江北区\n"
bad year_two_digits 2 "bad year '23'" "file,year,district,title\n$a,23,海曙区,T\n"
bad year_float 2 "bad year '2023.0'" "file,year,district,title\n$a,2023.0,海曙区,T\n"
bad year_fullwidth 2 "bad year '２０２３'" "file,year,district,title\n$a,２０２３,海曙区,T\n"
bad year_range 2 "bad year '1800'" "file,year,district,title\n$a,1800,海曙区,T\n"
bad year_text 2 "bad year '2023年'" "file,year,district,title\n$a,2023年,海曙区,T\n"
bad year_crlf_bom 3 "bad year '20x3'" "\xef\xbb\xbffile,year,district,title\r\n$a,2023,海曙区,T\r\n$b,20x3,江北区,T\r\n"
bad unknown_district 2 "unknown district '海曙县'" "file,year,district,title\n$a,2023,海曙县,T\n"
bad duplicate 3 "$a is listed twice (first on line 2)" "file,year,district,title\n$a,2023,海曙区,T\n$a,2022,海曙区,T2\n"
bad duplicate_key 3 "is listed twice" "file,year,district,title\n$a,2023,海曙区,T\nsub/${a%.txt}.TXT,2022,海曙区,T2\n"
bad unterminated 2 "unterminated quoted field" "file,year,district,title\n$a,2023,海曙区,\"T\n"
bad stray_quote 2 "stray double quote" "file,year,district,title\n$a,2023,海曙区,T\"x\n"
bad not_utf8 "" "not UTF-8 text" "file,year,district,title\n$a,2023,\xba\xa3\xca\xef\xc7\xf8,T\n"
bad empty "" "empty manifest" ""

# BOM, CRLF and a quoted title with a comma and a line break: read exactly.
printf '\xef\xbb\xbffile,year,district,title\r\n%s,2021,海曙区,"标题，含逗号,\r\n和换行"\r\n%s,,江北区,T\r\n' "$a" "$b" >"$TMP/good.csv"
"$CLAIMDB" import --db "$DB" --manifest "$TMP/good.csv" "$CORPUS/$a" "$CORPUS/$b" >/dev/null
expect_eq "$(q "$DB" "SELECT year || '|' || year_basis || '|' || district FROM documents WHERE doc = '${a%.txt}'")" "2021|manifest|海曙区" "BOM+CRLF: year and district"
expect_eq "$(q "$DB" "SELECT hex(title) = hex('标题，含逗号,' || char(13, 10) || '和换行') FROM documents WHERE doc = '${a%.txt}'")" 1 "quoted title kept exactly"
expect_eq "$(q "$DB" "SELECT year_basis || '|' || district FROM documents WHERE doc = '${b%.txt}'")" "inferred|江北区" "empty year is inferred, not guessed from the manifest"
expect_eq "$(q "$DB" "SELECT count(*) FROM claims WHERE doc = '${a%.txt}' AND year_basis = 'relative' AND year NOT IN (2020, 2021, 2022)")" 0 "relative years follow the manifest year"

# A manifest row whose file is not in the imported directory is named in a
# note (a likely typo); the import itself succeeds.
printf 'file,year,district,title\n%s,2021,海曙区,T\nno_such_file.txt,2020,江北区,T\n' "$a" >"$TMP/typo.csv"
"$CLAIMDB" import --db "$TMP/typo.db" --manifest "$TMP/typo.csv" "$CORPUS" >/dev/null 2>"$TMP/err"
expect_contains "$(cat "$TMP/err")" "1 file(s) in $TMP/typo.csv were not among the imported paths: no_such_file.txt" "manifest note names the missing file"
expect_eq "$(q "$TMP/typo.db" "SELECT year FROM documents WHERE doc = '${a%.txt}'")" 2021 "the rows that match are used"

# A village or a town the gazetteer lacks is a real place: kept as written,
# without a code, with a note naming the line; the import succeeds.
printf 'file,year,district,title\n%s,2021,桐木村,T\n' "$a" >"$TMP/village.csv"
"$CLAIMDB" import --db "$TMP/village.db" --manifest "$TMP/village.csv" "$CORPUS/$a" >/dev/null 2>"$TMP/err"
expect_contains "$(cat "$TMP/err")" "$TMP/village.csv:2: district '桐木村' for $a is below the gazetteer's towns" "note names the village's line"
expect_eq "$(q "$TMP/village.db" "SELECT district FROM documents WHERE doc = '${a%.txt}'")" "桐木村" "the village is the document's district"
expect_eq "$(q "$TMP/village.db" "SELECT count(*) > 0 FROM claims WHERE doc = '${a%.txt}' AND district = '桐木村' AND district_code IS NULL")" 1 "its claims name it, without a code"
