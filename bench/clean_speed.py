"""Average cost of toolkit.cleaning.clean() and toolkit.segment.sentences() per article.

    .venv/bin/python bench/clean_speed.py [FOLDER]   (default ../shared/polnear/train/text)

sentences() is timed on the clean text, as the pipeline calls it. Indicative on a shared machine.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from toolkit.cleaning import clean
from toolkit.segment import sentences

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "polnear" / "train" / "text"
    texts = []
    for path in sorted(folder.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    if not texts:
        raise SystemExit(f"no .txt files in {folder}")
    clean(texts[0]), sentences(texts[0])  # load lexicons and parameters once, outside the timing
    best_clean = best_sent = float("inf")
    for _ in range(3):  # best of 3 runs: the machine is shared
        t0 = time.perf_counter()
        cleaned = [clean(t).text for t in texts]
        t1 = time.perf_counter()
        for t in cleaned:
            sentences(t)
        t2 = time.perf_counter()
        best_clean, best_sent = min(best_clean, t1 - t0), min(best_sent, t2 - t1)
    n = len(texts)
    kb = sum(map(len, texts)) / n / 1000
    print(f"{n} articles (avg {kb:.1f} k chars) from {folder}")
    print(f"clean():     {best_clean / n * 1000:.3f} ms/article")
    print(f"sentences(): {best_sent / n * 1000:.3f} ms/article")


if __name__ == "__main__":
    main()
