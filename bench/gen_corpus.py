#!/usr/bin/env python3
"""Generates a benchmark corpus of realistic regional-economy articles.

Sentences of a source corpus (default ../shared/corpus) are recombined into
new articles of 5-20 KB each. Every article is about one county-level
division drawn from the gazetteer (build/data/districts.tsv) and one year;
inside every sentence the figures are perturbed, years shifted to the
article's year and place names of the source replaced by the article's
district and its city, so the extractor has real work everywhere (numbers,
units, growth, relative years, places, indicators).

Output: OUT/NNN/<key>.txt (1000 files a folder) and OUT/manifest.csv.
Deterministic for a given --seed, --mb and source corpus. Never commit
the output: it belongs in /tmp or another scratch directory.

  bench/gen_corpus.py --out /tmp/claimdb-bench/corpus --mb 200
"""
import argparse
import csv
import hashlib
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SENT_END = re.compile(r"(?<=[。！？；])")
NUMBER = re.compile(r"(?<![\d.])(\d+)(\.\d+)?(?![\d.])")
YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?=年)")


def load_places(tsv):
    counties, by_name = [], {}
    with open(tsv, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {k: i for i, k in enumerate(header)}
        for line in f:
            r = line.rstrip("\n").split("\t")
            p = {k: (r[i] if i < len(r) else "") for k, i in col.items()}
            if p["level"] == "county" and p["city"]:
                counties.append(p)
            if p["level"] in ("county", "city"):
                by_name.setdefault(p["name"], p)
    return counties, by_name


def load_sentences(corpus_dir):
    """Paragraphs of the source split into sentences; headings kept apart."""
    sentences, headings = [], []
    for name in sorted(os.listdir(corpus_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(corpus_dir, name), encoding="utf-8-sig") as f:
            text = f.read()
        for para in re.split(r"\n\s*\n", text):
            para = para.strip()
            if not para:
                continue
            if para.startswith("#") or len(para) < 25 and not re.search(r"[。！？]$", para):
                headings.append(para.lstrip("# ").strip())
                continue
            for s in SENT_END.split(para.replace("\n", "")):
                s = s.strip()
                if len(s) >= 4:
                    sentences.append(s)
    return sentences, headings


def source_places(sentences, by_name):
    """Gazetteer names (full and short) of counties/cities that the source mentions."""
    text = "".join(sentences)
    found = []
    for name, p in by_name.items():
        for n in {name, p.get("short_name") or ""}:
            if len(n) >= 2 and n in text:
                found.append((n, p["level"]))
    found.sort(key=lambda x: -len(x[0]))  # longest first
    return found


def perturb_number(m, rng):
    whole, frac = m.group(1), m.group(2) or ""
    v = float(whole + frac)
    if len(whole) == 4 and not frac and 1949 <= v <= 2049:
        return m.group(0)  # a year, handled by YEAR
    nv = v * rng.uniform(0.55, 1.6)
    if frac:
        return f"{nv:.{len(frac) - 1}f}"
    return str(max(1, int(round(nv))))


def make_article(rng, sentences, headings, place_re, place_kind, district, year, target):
    county, short = district["name"], district.get("short_name") or district["name"]
    city = district["city"]
    shift = year - rng.choice(range(2019, 2024))

    def fix(s):
        s = YEAR.sub(lambda m: str(int(m.group(1)) + shift), s)
        s = NUMBER.sub(lambda m: perturb_number(m, rng), s)
        return place_re.sub(lambda m: county if place_kind[m.group(0)] == "county-full"
                            else short if place_kind[m.group(0)] == "county" else city, s)

    title = fix(rng.choice(headings))
    if short not in title:
        title = short + "：" + title
    parts = [f"# {title}\n\n"]
    size = len(parts[0].encode())
    while size < target:
        if rng.random() < 0.08:
            para = "## " + fix(rng.choice(headings))
        else:
            n = rng.randint(2, 6)
            start = rng.randrange(len(sentences))
            # mostly neighbouring sentences (keeps 今年/去年 context), sometimes any
            para = "".join(fix(sentences[(start + k) % len(sentences)] if rng.random() < 0.8
                               else rng.choice(sentences)) for k in range(n))
        para += "\n\n"
        size += len(para.encode())
        parts.append(para)
    return title, "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="output directory (replaced)")
    ap.add_argument("--mb", type=float, default=200, help="corpus size in MB (1e6 bytes)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", default=os.path.join(ROOT, "..", "shared", "corpus"))
    ap.add_argument("--districts", default=os.path.join(ROOT, "build", "data", "districts.tsv"))
    a = ap.parse_args()

    rng = random.Random(a.seed)
    counties, by_name = load_places(a.districts)
    sentences, headings = load_sentences(a.source)
    if not sentences or not counties:
        sys.exit("gen_corpus: no sentences in %s or no counties in %s" % (a.source, a.districts))
    places = source_places(sentences, by_name)
    place_kind = {}
    for n, level in places:
        full = by_name.get(n)
        place_kind[n] = ("county-full" if full and full["name"] == n else "county") if level == "county" else "city"
    place_re = re.compile("|".join(re.escape(n) for n, _ in places)) if places else re.compile(r"(?!x)x")

    if os.path.isdir(a.out):
        for dirpath, _, files in os.walk(a.out, topdown=False):
            for f in files:
                os.remove(os.path.join(dirpath, f))
            os.rmdir(dirpath)
    os.makedirs(a.out)
    budget = int(a.mb * 1e6)
    written, i = 0, 0
    with open(os.path.join(a.out, "manifest.csv"), "w", encoding="utf-8", newline="") as mf:
        w = csv.writer(mf, lineterminator="\n")
        w.writerow(["file", "year", "district", "title"])
        while written < budget:
            district = rng.choice(counties)
            year = rng.randint(2016, 2024)
            target = min(rng.randint(5000, 19000), max(1000, budget - written))
            title, text = make_article(rng, sentences, headings, place_re, place_kind, district, year, target)
            data = text.encode("utf-8")
            key = "g%07d_%s" % (i, hashlib.sha1(data).hexdigest()[:12])
            rel = "%03d/%s.txt" % (i // 1000, key)
            os.makedirs(os.path.join(a.out, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(a.out, rel), "wb") as f:
                f.write(data)
            # one article in ten leaves the year to inference
            w.writerow([rel, "" if rng.random() < 0.1 else year, district["name"], title])
            written += len(data)
            i += 1
    print("gen_corpus: %d files, %.1f MB in %s (seed %d, %d source sentences, %d place names replaced)"
          % (i, written / 1e6, a.out, a.seed, len(sentences), len(places)))


if __name__ == "__main__":
    main()
