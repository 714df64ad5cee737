"""How much page furniture toolkit.cleaning removes, and whether any of it is annotated attribution content.

    .venv/bin/python bench/measure_furniture.py [--polnear ../shared/polnear] [--show 30]

For PolNeAR train and dev: spans removed as furniture, and the annotated Content characters and
attributions inside them (the target is 0). Then the same removal counts (no annotations) for the
White House transcripts and the seed in data/. --show prints a sample of removed spans to check by eye.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from toolkit.cleaning import clean

ROOT = Path(__file__).resolve().parents[1]
CONTENT_LABELS = ("Content", "Content2")


def content_spans(ann_text: str) -> dict[str, list[tuple[int, int]]]:
    """Content/Content2 text-bound spans of a brat .ann, by T id (discontinuous spans split)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for line in ann_text.splitlines():
        if not line.startswith("T"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        tid, info = fields[0], fields[1]
        label, _, offsets = info.partition(" ")
        if label in CONTENT_LABELS:
            spans[tid] = [tuple(map(int, part.split())) for part in offsets.split(";")]
    return spans


def removed_spans(raw: str) -> list[dict]:
    """Changes of clean(raw) that take text out as furniture."""
    return [c for c in clean(raw).changes if c["reason"].startswith("furniture")]


def measure_polnear(split_dir: Path, sample: list) -> Counter:
    stats: Counter = Counter()
    for path in sorted((split_dir / "text").glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            raw = fh.read()
        anns = sorted((split_dir / "attributions").glob(path.stem + "_*.ann"))
        content = content_spans(anns[0].read_text(encoding="utf-8")) if anns else {}
        stats["articles"] += 1
        stats["content_chars"] += sum(e - s for frags in content.values() for s, e in frags)
        for c in removed_spans(raw):
            stats["spans_removed"] += 1
            stats[c["reason"]] += 1
            stats["chars_removed"] += len(c["raw_text"].strip())
            touched = False
            for frags in content.values():
                inside = sum(len(raw[max(s, c["raw_start"]):min(e, c["raw_end"])].strip())
                             for s, e in frags if s < c["raw_end"] and c["raw_start"] < e)
                stats["content_chars_removed"] += inside
                touched |= inside > 0
                stats["attributions_touched"] += inside > 0
            sample.append((path.stem, c["reason"], c["raw_text"].strip(), touched))
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    ap.add_argument("--show", type=int, default=30, help="removed spans to print (random sample)")
    args = ap.parse_args()
    polnear = Path(args.polnear)
    sample: list = []
    if not polnear.is_dir():
        print(f"PolNeAR not found at {polnear}: skipping the content check", file=sys.stderr)
    else:
        for split in ("train", "dev"):
            st = measure_polnear(polnear / split, sample)
            print(f"PolNeAR {split}: {st['articles']} articles, {st['spans_removed']} furniture spans removed "
                  f"({st['furniture:promo']} promo, {st['furniture:subheading']} subheading; "
                  f"{st['chars_removed']} chars); annotated Content chars inside removed spans: "
                  f"{st['content_chars_removed']} of {st['content_chars']}; attributions touched: "
                  f"{st['attributions_touched']}")
    for folder in (ROOT / "data" / "transcripts", ROOT / "data" / "articles"):
        n_files = n_spans = 0
        for path in sorted(folder.glob("*.txt")):
            with open(path, encoding="utf-8", newline="") as fh:
                spans = removed_spans(fh.read())
            n_files += 1
            n_spans += len(spans)
            sample.extend((path.stem, c["reason"], c["raw_text"].strip(), False) for c in spans)
        print(f"{folder.relative_to(ROOT)}: {n_files} files, {n_spans} furniture spans removed")
    if args.show:
        print(f"\nsample of removed spans (doc, reason, text{', TOUCHES CONTENT' if sample else ''}):")
        for doc, reason, text, touched in random.Random(0).sample(sample, min(args.show, len(sample))):
            print(f"  {doc[:40]:40} {reason:22} {'CONTENT ' if touched else ''}{text[:150]!r}")


if __name__ == "__main__":
    main()
