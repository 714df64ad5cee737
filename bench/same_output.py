"""Check that a speed change leaves the CLI's output identical: save a reference, then compare.

    python bench/same_output.py save  [--ref /tmp/same_output]   # before the change
    python bench/same_output.py check [--ref /tmp/same_output]   # after it: exit 1 on any difference

Runs `python -m toolkit quotes` over every input set below (PolNeAR train and dev from ../shared,
the seed article and the shipped transcripts) and compares the JSON Lines line by line, printing
the first differing records of each set. Lines are compared as the records they parse to, not as
bytes (each parsed with json.loads and re-encoded by one encoder: the same keys in the same order, the
same values of the same types), with the same count and order of lines: the JSON Lines contract is the
records, and the spacing of a JSON encoder is not part of it.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
INPUTS = {
    "polnear-train": SHARED / "polnear" / "train" / "text",
    "polnear-dev": SHARED / "polnear" / "dev" / "text",
    "seed": REPO / "data" / "articles",
    "transcripts": REPO / "data" / "transcripts",
}


def run(name: str, src: Path, out: Path) -> None:
    """The CLI's JSON Lines for one input set, written to `out`."""
    done = subprocess.run([sys.executable, "-m", "toolkit", "quotes", str(src), "-o", str(out)], cwd=REPO,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{name}: the CLI failed (exit {done.returncode}): {done.stderr.strip()[-500:]}")


def same_record(a: str, b: str) -> bool:
    """Whether two JSON lines hold the same record: the same keys in the same order, the same values of the
    same types (re-encoded by one encoder, so 1, 1.0 and true stay apart; floats that round-trip are equal)."""
    return a == b or json.dumps(json.loads(a)) == json.dumps(json.loads(b))


def main(argv: list[str] | None = None) -> int:
    """Save or check the reference outputs; 0 when every set is identical."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=("save", "check"))
    ap.add_argument("--ref", type=Path, default=Path("/tmp/same_output"), help="reference folder")
    args = ap.parse_args(argv)
    args.ref.mkdir(parents=True, exist_ok=True)
    # check's fresh output goes to a folder of this run's own: several checks against one reference may run at once
    with tempfile.TemporaryDirectory(prefix="same_output_") as scratch:
        return 1 if _each_set(args.mode, args.ref, Path(scratch)) else 0


def _each_set(mode: str, ref_dir: Path, scratch: Path) -> int:
    """Save or check every input set; the number of sets that differ."""
    bad = 0
    for name, src in INPUTS.items():
        if not src.exists():
            print(f"{name}: skipped, {src} not found", file=sys.stderr)
            continue
        ref = ref_dir / f"{name}.jsonl"
        if mode == "save":
            run(name, src, ref)
            print(f"{name}: saved {sum(1 for _ in open(ref, encoding='utf-8'))} records")
            continue
        new = scratch / f"{name}.jsonl"
        run(name, src, new)
        old_lines = ref.read_text(encoding="utf-8").splitlines()
        new_lines = new.read_text(encoding="utf-8").splitlines()
        diffs = [(i, a, b) for i, (a, b) in enumerate(zip(old_lines, new_lines)) if not same_record(a, b)]
        if not diffs and len(old_lines) == len(new_lines):
            print(f"{name}: identical ({len(new_lines)} records)")
            continue
        bad += 1
        print(f"{name}: DIFFERENT: {len(old_lines)} -> {len(new_lines)} records, {len(diffs)} differing lines")
        for i, a, b in diffs[:3]:
            print(f"  line {i + 1}\n  - {a[:400]}\n  + {b[:400]}")
    return bad


if __name__ == "__main__":
    sys.exit(main())
