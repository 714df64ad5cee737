"""Precision, recall and error rate of sentence boundaries against the hand-checked sample.

    .venv/bin/python bench/sentence_errors.py [--gold data/gold/sentence_boundaries.tsv] [--show]

A boundary is the raw offset where a sentence starts (inside a checked region, its start excluded),
as toolkit.segment.sentence_table reports it: clean the file text, split, map back to raw offsets.
Error rate = (false boundaries + missed boundaries) / gold boundaries.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

from toolkit.cleaning import clean, to_raw
from toolkit.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "polnear"


def read_doc(doc: str) -> str | None:
    if doc.startswith("polnear:"):
        split, doc_id = doc[len("polnear:"):].split("/", 1)
        path = POLNEAR / split / "text" / f"{doc_id}.txt"
    else:
        path = ROOT / doc
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def predicted_starts(raw: str) -> list[int]:
    cleaned = clean(raw)
    return [to_raw(cleaned, s, e)[0] for s, e in sentences(cleaned.text)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "data" / "gold" / "sentence_boundaries.tsv"))
    ap.add_argument("--show", action="store_true", help="print each false and missed boundary")
    args = ap.parse_args()
    with open(args.gold, encoding="utf-8") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    tp = fp = fn = 0
    skipped = []
    for row in rows:
        raw = read_doc(row["doc"])
        if raw is None:
            skipped.append(row["doc"])
            continue
        a, b = int(row["region_start"]), int(row["region_end"])
        gold = {int(x) for x in row["starts"].split()}
        pred = {s for s in predicted_starts(raw) if a < s < b}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if args.show:
            for s in sorted(pred - gold):
                print(f"false  {row['doc']}:{s} {raw[max(0, s - 40):s]!r} | {raw[s:s + 40]!r}")
            for s in sorted(gold - pred):
                print(f"missed {row['doc']}:{s} {raw[max(0, s - 40):s]!r} | {raw[s:s + 40]!r}")
    if skipped:
        print(f"skipped (file not found): {', '.join(skipped)}")
    n_gold = tp + fn
    if not n_gold:
        raise SystemExit("no gold boundaries could be scored")
    precision = tp / (tp + fp) if tp + fp else 0.0
    print(f"{len(rows) - len(skipped)} regions, {n_gold} gold boundaries: precision {precision:.3f}, "
          f"recall {tp / n_gold:.3f}, error rate {(fp + fn) / n_gold:.3f} ({fp} false, {fn} missed)")


if __name__ == "__main__":
    main()
