"""Per-camp framing figures for the seed article and the 13 White House transcripts (issue 4).

Usage: .venv/bin/python bench/camp_figures.py [--seed PATH] [--transcripts DIR]
Prints, per camp: quotes, direct/indirect share, reporting-verb categories, hedges and skepticism
rates in the quoted voice and the narration, distancing, named/anonymous sources, mean VADER
sentiment (tuned for social media: a rough signal only).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from toolkit.framing import SENTIMENT_CAVEAT, camp_summary, features
from toolkit.pipeline import article_quotes

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["quotes", "turns", "share_direct", "share_indirect", "share_mixed", "verb_neutral", "verb_endorsing",
           "verb_distancing", "verb_contesting", "hedges_per100w_quote", "skepticism_per100w_quote",
           "hedges_per100w_narration", "skepticism_per100w_narration", "share_distanced",
           "share_scare_quoted", "share_named", "share_anonymous", "mean_sentiment"]


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def figures(paths: list[Path]) -> pd.DataFrame:
    """camp_summary over the pipeline's quotes for these files."""
    texts = {p.stem: _read(p) for p in paths}
    quotes = pd.DataFrame([r for doc_id, t in texts.items() for r in article_quotes(t, doc_id)])
    return camp_summary(features(quotes, texts))[COLUMNS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=Path, default=ROOT / "data" / "articles" / "000_4b47a35a151c059f.txt")
    ap.add_argument("--transcripts", type=Path, default=ROOT / "data" / "transcripts")
    args = ap.parse_args(argv)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.float_format", "{:.2f}".format)
    trans = sorted(args.transcripts.glob("*.txt"))
    if not args.seed.is_file() or not trans:
        print(f"missing input: seed {args.seed} or transcripts in {args.transcripts}", file=sys.stderr)
        return 2
    for title, paths in (("Seed article", [args.seed]), (f"White House transcripts ({len(trans)} files)", trans)):
        print(f"== {title}: per-camp figures (rows = measures, columns = camps)")
        print(figures(paths).T.to_string())
        print()
    print("Note:", SENTIMENT_CAVEAT)
    print("Turn rows: a transcript turn is a direct quote; narration columns are empty for turns (no reporter voice).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
