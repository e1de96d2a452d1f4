#!/usr/bin/env bash
# Large inputs (issue #7): one file of CLAIMDB_BIG_MB megabytes (default 16;
# 200 MB measured by hand: peak RSS 525 MiB, 2.8x, 438 s) and a single 10 MB
# line import with bounded memory. Peak RSS (getrusage, through python3's
# resource module) must stay under 3x the file size plus a fixed 192 MiB:
# the importer holds the decoded body once (valid UTF-8 is taken over from
# the raw bytes, not copied), SQLite copies it once more while it writes the
# document's row, and everything else (UTF-32 text, passages, claims, word
# segmentation) is made and written one part of about 2 MB at a time
# (ImportOptions::part_bytes). The text is generated here (prose with a
# figure every 50 sentences, as in the articles).
source "$(dirname "$0")/lib/common.bash"
MB=${CLAIMDB_BIG_MB:-16}

gen() {  # gen FILE MEGABYTES LINE_BREAKS(1|0)
  python3 - "$@" <<'PY'
import random, sys
path, mb, breaks = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
r = random.Random(3)
words = "区委 区政府 坚持 推进 高质量发展 深化改革 扩大开放 优化营商环境 加快 建设 现代化 产业体系 数字经济 乡村振兴 城市更新 民生保障 生态环境 持续 改善 全面 提升 治理能力 创新驱动 科技 人才 服务 企业 项目 落地 见效".split()
target, n = mb * 1_000_000, 0
with open(path, "w", encoding="utf-8") as f:
    size = 0
    while size < target:
        chunk = []
        for _ in range(1000):
            n += 1
            s = "".join(r.choice(words) for _ in range(r.randrange(6, 14))) + "。"
            if n % 50 == 0:
                s += f"全区实现地区生产总值{r.randrange(100, 999)}亿元，增长{r.randrange(1, 9)}.{r.randrange(10)}%。"
            if breaks and n % 8 == 0:
                s += "\n"
            chunk.append(s)
        b = "".join(chunk)
        size += len(b.encode())
        f.write(b)
PY
}

# peak_rss_kb CMD...: runs CMD, prints its peak resident set size in KB.
peak_rss_kb() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
if rc != 0:
    sys.exit(f"command failed with status {rc}")
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
}

check_import() {  # check_import FILE WHAT
  local file=$1 what=$2 db=$TMP/$2.db bytes rss start secs
  bytes=$(stat -c %s "$file")
  start=$(date +%s)
  rss=$(peak_rss_kb "$CLAIMDB" import --db "$db" "$file") || fail "$what: import failed"
  secs=$(( $(date +%s) - start ))
  echo "$what: $((bytes / 1000000)) MB file, peak RSS $((rss / 1024)) MiB ($(python3 -c "print(round($rss * 1024 / $bytes, 1))")x the file), ${secs} s"
  # 3 bytes per byte of file (the body, SQLite's copy of the row, slack),
  # plus a fixed 192 MiB: the extractor's tables, the gazetteer, the
  # import's 64 MiB SQLite page cache and the parts queued for the writer.
  (( rss * 1024 < 3 * bytes + 192 * 1048576 )) || fail "$what: peak RSS $((rss / 1024)) MiB is not under 3x the file size + 192 MiB"
  pass "$what: peak RSS under 3x the file size + 192 MiB"
  expect_eq "$(q "$db" "SELECT byte_size = $bytes AND length(CAST(body AS BLOB)) = $bytes FROM documents")" 1 "$what: the whole body stored"
  expect_ge "$(q "$db" "SELECT count(*) FROM claims")" 1 "$what: claims found"
  # substr() walks the UTF-8 body from its start: check the first and last passages only.
  expect_eq "$(q "$db" "SELECT count(*) FROM passages p JOIN documents d USING (doc) WHERE (p.seq < 10 OR p.seq >= (SELECT max(seq) - 10 FROM passages)) AND substr(d.body, p.span_start + 1, p.span_end - p.span_start) <> p.text")" 0 "$what: passages quote the body"
  expect_eq "$(q "$db" "PRAGMA integrity_check")" ok "$what: integrity_check"
  rm -f "$db"
}

gen "$TMP/big.txt" "$MB" 1
check_import "$TMP/big.txt" big
rm -f "$TMP/big.txt"
gen "$TMP/line.txt" 10 0
expect_eq "$(grep -c '' "$TMP/line.txt")" 1 "the 10 MB file is one line"
check_import "$TMP/line.txt" one_line
