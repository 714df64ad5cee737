"""Derive cue-word statistics from PolNeAR train: toolkit/lexicons/cue_stats.csv.

    python bench/derive_cues.py [--data ../shared/polnear] [--split train] [--min-cue 3]

For every lower-cased word form outside quotation marks (the extractor never looks for a cue
inside a direct quote) it counts how often the form occurs (n_occ) and how often that occurrence is
the head of an annotated attribution Cue (n_cue: the first word after auxiliaries, negation,
adverbs and "to", so "has also said" counts for "said" and "to explain" for "explain"); precision = n_cue / n_occ.  For the
cue occurrences it also records where the rest of the attribution lies: share with the content
after the cue (content_after) and share with a Source span (with_source) and with the source
before the cue (source_left).  Only counts are written, never text: one row per form with
n_cue >= --min-cue.  toolkit/cues.py reads the file and treats forms above its precision
threshold as cues, like trained Punkt parameters.  Rerun after changing quote detection.
"""
from __future__ import annotations

import argparse
import bisect
import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "toolkit" / "lexicons" / "cue_stats.csv"
WORD = re.compile(r"[A-Za-z][\w’'-]*")
HEADER = ("# Cue-word statistics derived from PolNeAR {split} ({docs} articles, first annotator) by "
          "bench/derive_cues.py: counts only, no corpus text. n_occ = occurrences outside quotation marks; "
          "n_cue = those that head an annotated Cue (first word after auxiliaries, negation, adverbs); precision = n_cue/n_occ; content_after, with_source, "
          "source_left = shares of the cue occurrences whose content follows the cue, that have a source, "
          "whose source precedes the cue.\n")


def is_modifier(word: str) -> bool:
    """Auxiliaries, negation and adverbs that precede the head of a cue ("has also repeatedly said")."""
    from toolkit.mentions import vocab

    low = word.lower()
    return low in vocab()["skip"] or low in NEGATION or (low.endswith("ly") and len(low) > 4 and low not in NOT_ADVERBS)


NEGATION = {"not", "never", "don’t", "don't", "didn’t", "didn't", "doesn’t", "doesn't", "won’t", "won't",
            "wouldn’t", "wouldn't", "hasn’t", "hasn't", "haven’t", "haven't", "isn’t", "isn't", "wasn’t", "wasn't",
            "aren’t", "aren't", "weren’t", "weren't", "can’t", "can't", "couldn’t", "couldn't", "being", "been", "be"}
NOT_ADVERBS = {"reply", "apply", "imply", "supply", "rally", "tally", "fly", "rely", "comply", "ally"}


def derive(docs: list, min_cue: int) -> list[dict]:
    """One row per word form that is part of an annotated cue at least `min_cue` times."""
    from toolkit.quotes import quote_spans

    occ: Counter = Counter()
    cue: Counter = Counter()
    after: Counter = Counter()
    sourced: Counter = Counter()
    left: Counter = Counter()
    for doc in docs:
        text = doc.text
        spans = [(q["open"], q["close"] or q["end"]) for q in quote_spans(text)]
        starts = [s for s, _ in spans]
        role = {}  # head word start -> (content after?, has source?, source left?)
        for g in doc.attributions:
            if not g.cue:
                continue
            c0 = g.cue[0][0]
            geo = (g.start >= g.cue[-1][1], bool(g.source), bool(g.source) and g.source[0][0] < c0)
            words = [m for s, e in g.cue for m in WORD.finditer(text, s, e)]
            # "to" before a verb is no head either ("to explain", "refused to criticize" has head "refused")
            head = next((m for m in words if not is_modifier(m.group()) and m.group().lower() != "to"),
                        words[-1] if words else None)
            if head is not None:
                role[head.start()] = geo
        for m in WORD.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and spans[i][0] <= m.start() < spans[i][1]:
                continue
            w = m.group().lower()
            occ[w] += 1
            geo = role.get(m.start())
            if geo is not None:
                cue[w] += 1
                after[w] += geo[0]
                sourced[w] += geo[1]
                left[w] += geo[2]
    rows = []
    for w, n in cue.items():
        if n < min_cue:
            continue
        rows.append({"form": w, "n_cue": n, "n_occ": occ[w], "precision": f"{n / occ[w]:.3f}",
                     "content_after": f"{after[w] / n:.2f}", "with_source": f"{sourced[w] / n:.2f}",
                     "source_left": f"{left[w] / n:.2f}"})
    rows.sort(key=lambda r: (-float(r["precision"]), -r["n_cue"], r["form"]))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(SHARED / "polnear"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--min-cue", type=int, default=3)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(Path(args.data).parent / "eval"))
    try:
        import polnear  # noqa: PLC0415  (the reference loader that ships beside the scorer)
        docs = polnear.load_split(args.data, args.split)
    except (ImportError, OSError) as exc:
        print(f"cannot load PolNeAR {args.split} from {args.data}: {exc}", file=sys.stderr)
        return 2
    rows = derive(docs, args.min_cue)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(split=args.split, docs=len(docs)))
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
