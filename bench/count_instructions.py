"""Count the instructions the quotes CLI executes over a PolNeAR split: a speed measure that a busy machine does not blur.

Wall-clock time on a shared machine moves by several percent from run to run; the number of instructions a run
executes does not (it varies by ~0.1% with the hash seed, which is fixed here). Use it to compare two builds while
other work runs, then confirm the articles/s target with `bench/quotes_bench.py` on a quiet machine.

The count still moves with things that are not the code's work: the checkout's path length (~50M instructions, up to
~0.4%, so compare copies at paths of equal length, e.g. /tmp/ciA and /tmp/ciB) and the heap layout (compiling one
unused regex moved it by ~24M). Do not judge a change under ~0.3% from one count; and time can rise where
instructions fall (cache behaviour), so the articles/s bench has the last word.

    python bench/count_instructions.py [--split train] [--repo DIR ...]

Each DIR is a checkout (e.g. a `git archive` of another commit); the default is this one. Needs valgrind
(`apt install valgrind`); a run takes about 60x the plain run (~90 s for train).
"""
from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def count(repo: Path, text_dir: Path) -> int:
    """Instructions executed by `python -m toolkit quotes TEXT_DIR` run from `repo` (bytecode compiled and the regex
    cache filled first, by one plain run, as an installed toolkit's second run finds them)."""
    compileall.compile_dir(repo / "toolkit", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        quotes = [sys.executable, "-m", "toolkit", "quotes", str(text_dir), "-o", f"{tmp}/out.jsonl"]
        env = os.environ | {"PYTHONPATH": str(repo), "PYTHONHASHSEED": "0", "NEWSQUOTE_REGEX_CACHE": f"{tmp}/regex"}
        subprocess.run(quotes, cwd=repo, env=env, capture_output=True, check=False)
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", *quotes]
        done = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=False)
    m = REFS.search(done.stderr)
    if done.returncode != 0 or m is None:
        sys.exit(f"{repo}: the run under valgrind failed (exit {done.returncode}): {done.stderr.strip()[-400:]}")
    return int(m.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--repo", nargs="*", type=Path, default=[REPO], help="checkouts to compare (default: this one)")
    args = ap.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind): no instruction counts", file=sys.stderr)
        return 2
    text_dir = SHARED / "polnear" / args.split / "text"
    if not text_dir.is_dir():
        print(f"PolNeAR not found at {text_dir}", file=sys.stderr)
        return 2
    first = None
    for repo in args.repo:
        n = count(repo.resolve(), text_dir)
        first = first or n
        print(f"{n:>16,} instructions  {100 * (n / first - 1):+6.2f}%  {repo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
