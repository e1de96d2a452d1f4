#!/usr/bin/env python3
"""claimdb benchmark driver (issue #6); bench/run.sh calls it.

One run, one generated corpus (bench/gen_corpus.py), and in order:
  (a) fts_baseline: bare SQLite inserting the passages into the same
      trigram FTS5 index (the physical limit for an import that indexes);
  (b) claimdb import, end to end, into a fresh database; then the same
      import again over the unchanged corpus;
  (c) extraction alone, no database (bench/extract_bench, one thread);
  (d) Microsoft Recognizers-Text for JavaScript (number, percentage,
      currency, dimension; zh-cn; one paragraph at a time) on a sample of
      paragraphs, installed with npm into the work directory;
  then 200 `claimdb search` queries of mixed length and every canned
  report on the imported database. Wall time, MB/s, claims/s and peak RSS
  (/usr/bin/time -v) for each; RESULTS.md is rewritten from the figures.
"""
import argparse
import datetime
import json
import os
import platform
import random
import resource
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def log(*a):
    print("[bench]", *a, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time -v: (stdout, wall seconds, peak RSS MB)."""
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, text=True, capture_output=True, cwd=cwd)
    wall = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit("bench: %s failed (%d):\n%s\n%s" % (" ".join(cmd), p.returncode, p.stdout[-2000:], p.stderr[-4000:]))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    rss = int(m.group(1)) / 1024 if m else float("nan")
    u = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    s = re.search(r"System time \(seconds\): ([\d.]+)", p.stderr)
    cpu = (float(u.group(1)) if u else 0) + (float(s.group(1)) if s else 0)
    return p.stdout, wall, rss, cpu


def kv(line):
    return {k: v for k, v in re.findall(r"(\w+)=([^\s]+)", line)}


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            cpu = m.group(1).strip() if m else cpu
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            mem = "%.1f GB" % (int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1)) / 1024 / 1024)
    except (OSError, AttributeError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": platform.platform(),
            "sqlite": sqlite3.sqlite_version}


def loadavg():
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "?"


def git_state():
    try:
        rev = run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).stdout.strip()
        dirty = run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
        return rev + (" (with uncommitted changes in the tree)" if dirty else "")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return "?"


def make_queries(db, n, seed):
    """n search queries of mixed length cut from stored passages, plus a few FTS5 forms."""
    rng = random.Random(seed)
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    maxid = con.execute("SELECT max(id) FROM passages").fetchone()[0]
    texts = []
    while len(texts) < n * 2:
        row = con.execute("SELECT text FROM passages WHERE id >= ? LIMIT 1", (rng.randint(1, maxid),)).fetchone()
        t = re.sub(r"[\s\"'“”‘’()（）*^:：,，。、；;！？!?\-+]", "", row[0]) if row else ""
        if len(t) >= 20:
            texts.append(t)
    con.close()
    qs = []
    for i in range(n):
        t = texts[i]
        r = rng.random()
        length = 2 if r < 0.10 else rng.randint(3, 4) if r < 0.50 else rng.randint(5, 8) if r < 0.80 else rng.randint(9, 16)
        s = rng.randint(0, len(t) - length)
        q = t[s:s + length]
        if r > 0.95:  # two phrases
            u = texts[n + i]
            q = '"%s" AND "%s"' % (t[s:s + 3], u[:4])
        qs.append(q)
    return qs


def pct(xs, p):
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=200, help="corpus size in MB (default 200; 1000 for 1 GB)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default="/tmp/claimdb-bench", help="scratch directory (corpus, databases, npm)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build-bench"), help="CMake build directory (Release)")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already in --build")
    ap.add_argument("--rt-paragraphs", type=int, default=400, help="paragraphs for Recognizers-Text")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--skip-words-baseline", action="store_true",
                    help="skip (a+), the baseline with both search indexes (it takes about twice as long as (a))")
    ap.add_argument("--results", default=os.path.join(HERE, "RESULTS.md"))
    a = ap.parse_args()

    os.makedirs(a.work, exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    load0 = loadavg()
    if not a.no_build:
        log("building (Release) in", a.build)
        run(["cmake", "-S", ROOT, "-B", a.build, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release"])
        run(["ninja", "-C", a.build, "claimdb", "fts_baseline", "extract_bench"])
    claimdb = os.path.join(a.build, "claimdb")
    baseline = os.path.join(a.build, "bench", "fts_baseline")
    extract = os.path.join(a.build, "bench", "extract_bench")

    # ---- corpus (kept between runs when the parameters are the same)
    corpus = os.path.join(a.work, "corpus-%gmb-seed%d" % (a.mb, a.seed))
    stamp = os.path.join(corpus, ".done")
    if not os.path.exists(stamp):
        log("generating %g MB corpus in %s" % (a.mb, corpus))
        out = run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--out", corpus, "--mb", str(a.mb),
                   "--seed", str(a.seed), "--districts", os.path.join(a.build, "data", "districts.tsv")]).stdout
        log(out.strip())
        open(stamp, "w").write(out)
    manifest = os.path.join(corpus, "manifest.csv")
    files = sum(1 for _, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt"))
    mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(corpus) for f in fs if f.endswith(".txt")) / 1e6

    R = {}
    # ---- (a) baseline
    log("(a) fts_baseline")
    bdb = os.path.join(a.work, "baseline.db")
    out, wall, rss, cpu = timed([baseline, "--db", bdb, corpus])
    m = re.search(r"insert ([\d.]+) s.*optimize ([\d.]+) s", out)
    R["a"] = {"wall": wall, "rss": rss, "cpu": cpu, "insert": float(m.group(1)), "optimize": float(m.group(2)),
              "passages": int(re.search(r"([\d]+) passages", out).group(1))}
    os.remove(bdb)
    R["a2"] = None
    if not a.skip_words_baseline:
        log("(a+) fts_baseline --words")
        out, wall, rss, cpu = timed([baseline, "--db", bdb, "--words", corpus])
        m = re.search(r"insert ([\d.]+) s.*optimize ([\d.]+) s", out)
        R["a2"] = {"wall": wall, "rss": rss, "cpu": cpu, "insert": float(m.group(1)), "optimize": float(m.group(2))}
        os.remove(bdb)

    # ---- (b) import, fresh database; then again, unchanged
    log("(b) claimdb import")
    db = os.path.join(a.work, "claims-%gmb.db" % a.mb)
    for f in (db, db + "-journal"):
        if os.path.exists(f):
            os.remove(f)
    out, wall, rss, cpu = timed([claimdb, "import", "--db", db, "--manifest", manifest, corpus])
    claims = int(re.search(r"([\d,]+) claims", out).group(1).replace(",", ""))
    R["b"] = {"wall": wall, "rss": rss, "cpu": cpu, "claims": claims, "out": out.strip()}
    log("(b) re-import, unchanged")
    out, wall, rss, cpu = timed([claimdb, "import", "--db", db, "--manifest", manifest, corpus])
    R["b2"] = {"wall": wall, "rss": rss, "cpu": cpu, "out": out.strip()}
    con = sqlite3.connect(db)
    R["journal_mode"] = con.execute("PRAGMA journal_mode").fetchone()[0]
    con.close()
    R["db_mb"] = os.path.getsize(db) / 1e6

    # ---- (c) extraction alone
    log("(c) extract_bench")
    sample = os.path.join(a.work, "rt-sample.jsonl")
    every = max(1, files // max(1, a.rt_paragraphs // 4))
    out, wall, rss, cpu = timed([extract, "--manifest", manifest, "--paragraphs", str(a.rt_paragraphs),
                                 "--sample-every", str(every), "--paragraph-out", sample, corpus])
    c = kv(out.strip().splitlines()[-1])
    R["c"] = {"wall": wall, "rss": rss, "cpu": cpu, "secs": float(c["secs"]), "claims": int(c["claims"]),
              "mb_s": float(c["mb_s"]), "load": float(c["load_s"])}
    out, _, _, _ = timed([extract, "--paragraphs-in", sample])
    R["c_sample"] = kv(out.strip().splitlines()[-1])

    # ---- (d) Recognizers-Text
    log("(d) Recognizers-Text (npm)")
    rt = os.path.join(a.work, "recognizers")
    if not os.path.exists(os.path.join(rt, "node_modules", "@microsoft", "recognizers-text-suite")):
        os.makedirs(rt, exist_ok=True)
        run(["npm", "init", "-y"], cwd=rt)
        run(["npm", "install", "--no-audit", "--no-fund", "@microsoft/recognizers-text-suite"], cwd=rt)
    shutil.copy(os.path.join(HERE, "recognizers.js"), rt)
    rt_version = json.load(open(os.path.join(rt, "node_modules", "@microsoft", "recognizers-text-suite",
                                             "package.json")))["version"]
    out, wall, rss, cpu = timed(["node", "recognizers.js", sample], cwd=rt)
    R["d"] = dict(kv(out.strip().splitlines()[-1]), wall=wall, rss=rss, version=rt_version)

    # ---- queries
    log("search: %d queries" % a.queries)
    qs = make_queries(db, a.queries, a.seed)
    lat, cpu_ms = [], []
    for q in qs:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        p = subprocess.run([claimdb, "search", "--db", db, q], capture_output=True, text=True)
        lat.append((time.monotonic() - t0) * 1000)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_ms.append(1000 * (r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime))
        if p.returncode not in (0, 1):
            sys.exit("bench: search %r failed: %s" % (q, p.stderr))
    by_len = {}
    for q, ms in zip(qs, lat):
        key = "2" if len(q) <= 2 else "3-4" if len(q) <= 4 else "5-8" if len(q) <= 8 else "9+"
        by_len.setdefault("AND" if " AND " in q else key, []).append(ms)
    R["search"] = {"p50": pct(lat, 50), "p95": pct(lat, 95), "cpu50": pct(cpu_ms, 50), "cpu95": pct(cpu_ms, 95), "max": max(lat), "by_len": by_len,
                   "slowest": sorted(zip(lat, qs))[-3:]}
    log("reports")
    names = [l.split()[0] for l in run([claimdb, "report", "--db", db]).stdout.splitlines()
             if l.strip() and re.match(r"^[a-z_]+\s", l)]
    reports = []
    out_path = os.path.join(a.work, "report.csv")
    for name in names:
        # Into a file, as a user saves a report: reading the rows through a
        # pipe into Python (and decoding them) took longer than writing them.
        with open(out_path, "wb") as out:
            t0 = time.monotonic()
            p = subprocess.run([claimdb, "report", "--db", db, name, "--format", "csv"], stdout=out,
                               stderr=subprocess.PIPE, text=True)
            ms = (time.monotonic() - t0) * 1000
        if p.returncode != 0:
            sys.exit("bench: report %s failed: %s" % (name, p.stderr))
        with open(out_path, "rb") as f:
            rows = sum(1 for _ in f) - 1
        reports.append((name, ms, max(0, rows)))
    os.remove(out_path)
    R["reports"] = reports

    write_results(a, R, machine(), started, load0, loadavg(), corpus, files, mb)
    print(open(a.results).read())


def write_results(a, R, mach, started, load0, load1, corpus, files, mb):
    A, A2, B, B2, C, D = R["a"], R["a2"], R["b"], R["b2"], R["c"], R["d"]
    # The baselines' index is complete after their optimize (they merge
    # nothing while inserting, as the import does not): both count.
    a_secs = A["insert"] + A["optimize"]
    a2_secs = A2["insert"] + A2["optimize"] if A2 else None
    a2_mbs = mb / a2_secs if A2 else None
    a_mbs = mb / a_secs
    b_mbs = mb / B["wall"]
    d_mbs = float(D["mb_s"])
    ok = lambda cond: "met" if cond else "**not met**"
    L = []
    w = L.append
    w("# claimdb benchmark results\n")
    w("Written by `bench/run.sh --mb %g` (bench/run.py); replaced on every run. Do not edit by hand.\n" % a.mb)
    w("- Run: %s, commit %s" % (started, git_state()))
    w("- Machine: %s, %s cores, %s memory; %s; SQLite %s" % (mach["cpu"], mach["cores"], mach["memory"], mach["os"],
                                                              mach["sqlite"]))
    w("- Load average (1 min) at start %s, at end %s: the machine is shared, so wall times include waiting for "
      "a core; CPU seconds are given too." % (load0, load1))
    w("- Corpus: %d files, %.1f MB (`bench/gen_corpus.py --mb %g --seed %d`, in %s)\n" % (files, mb, a.mb, a.seed, corpus))
    w("## Import and extraction\n")
    w("| step | wall s | CPU s | MB/s | claims/s | peak RSS MB |")
    w("|---|---:|---:|---:|---:|---:|")
    w("| (a) bare SQLite, trigram FTS5 insert only (`fts_baseline`) | %.1f | %.1f | %.2f | – | %.0f |"
      % (a_secs, A["cpu"], a_mbs, A["rss"]))
    if A2:
        w("| (a+) the same plus the word indexes of schemas 002 and 005 (`fts_baseline --words`, segmentation not timed) | %.1f | %.1f | %.2f | – | %.0f |"
          % (a2_secs, A2["cpu"], a2_mbs, A2["rss"]))
    else:
        w("| (a+) the same plus the word index of schema 002: skipped in this run (`--skip-words-baseline`) | – | – | – | – | – |")
    w("| (b) `claimdb import`, end to end, fresh DB | %.1f | %.1f | %.2f | %.0f | %.0f |"
      % (B["wall"], B["cpu"], b_mbs, B["claims"] / B["wall"], B["rss"]))
    w("| (b') `claimdb import` again, corpus unchanged | %.1f | %.1f | %.1f | – | %.0f |"
      % (B2["wall"], B2["cpu"], mb / B2["wall"], B2["rss"]))
    w("| (c) extraction alone, 1 thread (`extract_bench`) | %.1f | %.1f | %.2f | %.0f | %.0f |"
      % (C["secs"], C["cpu"], C["mb_s"], C["claims"] / C["secs"], C["rss"]))
    w("| (d) Recognizers-Text %s (JS), sample of %s paragraphs, %s MB | %.1f | – | %.4f | %s results/s | %.0f |"
      % (D["version"], D["paragraphs"], D["mb"], float(D["secs"]), d_mbs, D["results_s"], D["rss"]))
    w("")
    cs = R["c_sample"]
    w("- (a) %d passages: inserting them with their index took %.1f s, the FTS `optimize` that merges the index "
      "%.1f s; (a) counts both, as the program measures them (with the import's FTS5 merge settings: automerge off "
      "while inserting, so the merging is all in the optimize). Its process ran %.1f s in all."
      % (A["passages"], A["insert"], A["optimize"], A["wall"]))
    w("- (b): %s" % B["out"])
    w("- (b'): %s" % B2["out"])
    w("- (c) excludes loading the extractor's tables (%.2f s, once per process)." % C["load"])
    w("- (d) builds each model once (load %s s, not counted) and parses one paragraph at a time with the number, "
      "percentage, currency and dimension models, culture zh-cn. The full corpus would take about %.1f hours at "
      "that rate, so a sample of paragraphs spread over the corpus is used and MB/s is extrapolated from it. "
      "On the same sample claimdb's extraction ran at %s MB/s (%s claims)." % (D["load_s"], mb / d_mbs / 3600,
                                                                               cs.get("mb_s"), cs.get("claims")))
    w("")
    w("| ratio | value | target |")
    w("|---|---:|---|")
    w("| a/b: import throughput / baseline throughput | %.0f%% | >= 80%%: %s |" % (100 * b_mbs / a_mbs, ok(b_mbs >= 0.8 * a_mbs)))
    if A2:
        w("| a+/b: import throughput / baseline with both search indexes | %.0f%% | (same target, against the indexes import maintains) %s |" % (100 * b_mbs / a2_mbs, ok(b_mbs >= 0.8 * a2_mbs)))
    w("| c/d: extraction / Recognizers-Text (MB/s) | %.0fx | >= 500x: %s |" % (C["mb_s"] / d_mbs, ok(C["mb_s"] >= 500 * d_mbs)))
    w("| c: extraction MB/s, one core | %.1f | >= 35 MB/s: %s |" % (C["mb_s"], ok(C["mb_s"] >= 35)))
    w("| peak RSS of the import | %.0f MB | < 256 MB: %s |" % (B["rss"], ok(B["rss"] < 256)))
    w("| unchanged re-import / first import | %.1f%% | < 5%%: %s |" % (100 * B2["wall"] / B["wall"], ok(B2["wall"] < 0.05 * B["wall"])))
    w("")
    w("Finished database: %.0f MB, journal_mode=%s.\n" % (R["db_mb"], R["journal_mode"]))
    S = R["search"]
    w("## Queries (database of this run: %.0f MB of text)\n" % mb)
    w("%d `claimdb search` queries cut from stored passages (10%% of 2 characters, 40%% of 3-4, 30%% of 5-8, "
      "15%% of 9-16, 5%% two-phrase AND), each timed as a whole process (start, open, query, print).\n" % sum(len(v) for v in S["by_len"].values()))
    w("| queries | n | p50 ms | p95 ms |")
    w("|---|---:|---:|---:|")
    w("| all | %d | %.1f | %.1f |" % (sum(len(v) for v in S["by_len"].values()), S["p50"], S["p95"]))
    w("| all, CPU time of the process (user+sys) | %d | %.1f | %.1f |" % (sum(len(v) for v in S["by_len"].values()), S["cpu50"], S["cpu95"]))
    for k in ("2", "3-4", "5-8", "9+", "AND"):
        if k in S["by_len"]:
            v = S["by_len"][k]
            w("| %s characters | %d | %.1f | %.1f |" % (k, len(v), pct(v, 50), pct(v, 95)) if k != "AND" else
              "| two phrases, AND | %d | %.1f | %.1f |" % (len(v), pct(v, 50), pct(v, 95)))
    w("")
    w("Targets: p50 < 20 ms: %s; p95 < 100 ms: %s. Slowest: %s\n" % (
        ok(S["p50"] < 20), ok(S["p95"] < 100), "; ".join("%r %.0f ms" % (q, ms) for ms, q in S["slowest"])))
    w("| report | ms | rows |")
    w("|---|---:|---:|")
    for name, ms, rows in R["reports"]:
        w("| %s | %.0f | %d |" % (name, ms, rows))
    w("")
    w("Target: every report < 1 s: %s\n" % ok(all(ms < 1000 for _, ms, _ in R["reports"])))
    open(a.results, "w").write("\n".join(L) + "\n")


if __name__ == "__main__":
    main()
