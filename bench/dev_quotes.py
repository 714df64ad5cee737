"""Run extract_quotes over a PolNeAR split, write JSONL, score it with the reference scorer.

    python bench/dev_quotes.py --split train [--via-pipeline] [--out /tmp/pred.jsonl]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CONTRACT = ("doc_id", "start", "end", "quote", "speaker", "speaker_start", "speaker_end", "speaker_name",
            "cue", "cue_start", "cue_end", "kind")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--via-pipeline", action="store_true", help="call toolkit.pipeline.article_quotes")
    ap.add_argument("--out", default=None)
    args = ap.parse_args(argv)
    text_dir = SHARED / "polnear" / args.split / "text"
    if not text_dir.is_dir():
        print(f"PolNeAR not found at {text_dir}", file=sys.stderr)
        return 2
    if args.via_pipeline:
        from toolkit.pipeline import article_quotes as fn
    else:
        from toolkit.quotes import extract_quotes as fn
    docs = []
    for p in sorted(text_dir.glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:
            docs.append((p.stem, fh.read()))
    fn("warm up", "x")
    t0 = time.perf_counter()
    out = [fn(text, doc_id) for doc_id, text in docs]
    dt = time.perf_counter() - t0
    path = args.out or f"/tmp/pred_{args.split}{'_pipe' if args.via_pipeline else ''}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for recs in out:
            for r in recs:
                fh.write(json.dumps({k: r[k] for k in CONTRACT} | {"cue_type": r.get("cue_type")}) + "\n")
    print(f"{len(docs)} docs, {sum(map(len, out))} quotes, {1000 * dt / len(docs):.3f} ms/article "
          f"({len(docs) / dt:.0f} articles/s) -> {path}")
    return subprocess.call([sys.executable, str(SHARED / "eval" / "score.py"), "--data", str(SHARED / "polnear"),
                            "--split", args.split, "--pred", path])


if __name__ == "__main__":
    sys.exit(main())
