#!/usr/bin/env python3
"""Writes a deterministic corpus for the reliability tests: N articles made
of the shared corpus's paragraphs, shuffled with a fixed seed, so they hold
claims at the real density.

usage: reliability_corpus.py CORPUS_DIR OUT_DIR COUNT KB_PER_FILE [SEED]"""
import pathlib
import random
import sys

src, out, count, kb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 7)
paras = []
for f in sorted(src.glob("*.txt")):
    paras += [p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()]
out.mkdir(parents=True, exist_ok=True)
for i in range(count):
    size, body = 0, []
    target = kb * 1024 * rng.uniform(0.5, 1.5)
    while size < target:
        p = rng.choice(paras)
        body.append(p)
        size += len(p.encode())
    (out / f"gen_{i:04d}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
