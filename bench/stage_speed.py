"""Where the quotes CLI's time goes: start-up and each per-article stage, in ms per article.

    .venv/bin/python bench/stage_speed.py [FOLDER]   (default ../shared/polnear/train/text)

Times, best of 3 passes over the folder (the machine is shared): reading the files, `cleaning.clean`,
`quotes.extract_quotes` on the clean text (its paragraphs and `segment.sentences` are timed apart too, as a part of
it), mapping offsets back and resolving actors (`pipeline._to_raw`, `actors.resolve_records`) and the JSON lines
the CLI writes; start-up is the median wall time of the CLI over the one-article seed. The last line sets their sum
beside the issue's 500 articles/s, i.e. 2 ms per article with start-up spread over the folder. Indicative only:
`bench/quotes_bench.py` measures the target, `bench/count_instructions.py` compares builds.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from toolkit.actors import resolve_records
from toolkit.cleaning import clean
from toolkit.cli import _line_bytes
from toolkit.pipeline import _to_raw
from toolkit.quotes import _paragraphs, extract_quotes
from toolkit.segment import sentences

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_4b47a35a151c059f.txt"
TARGET = 500  # articles/s, the speed target


def _best(fn, runs: int = 3) -> tuple[float, object]:
    """Best wall time of `runs` calls of fn() and the last call's result."""
    best, out = float("inf"), None
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _startup() -> float:
    """Median wall time of `python -m toolkit quotes` over the seed article (one article: mostly start-up)."""
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(3):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "toolkit", "quotes", str(SEED), "-o", f"{tmp}/q.jsonl"],
                           cwd=ROOT, check=True, capture_output=True)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "polnear" / "train" / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no .txt files in {folder}")

    def read() -> list[str]:
        out = []
        for path in paths:
            with open(path, encoding="utf-8", newline="") as fh:
                out.append(fh.read())
        return out

    texts = read()
    extract_quotes(clean(texts[0]).text)  # load lexicons and parameters once, outside the timing
    encode = _line_bytes()
    stages = {}
    stages["read files"], texts = _best(read)
    stages["clean"], cleaned = _best(lambda: [clean(t) for t in texts])
    stages["  paragraphs + sentences"], _ = _best(lambda: [sentences(c.text, _paragraphs(c.text)) for c in cleaned])
    stages["extract_quotes"], found = _best(lambda: [extract_quotes(c.text) for c in cleaned])
    # _to_raw and resolve_records change records in place: time them on copies, as the pipeline hands them fresh ones
    stages["offsets back + actors"], records = _best(
        lambda: [resolve_records(_to_raw([dict(r) for r in recs], c, t), t)
                 for recs, c, t in zip(found, cleaned, texts)])
    stages["JSON lines"], _ = _best(lambda: [encode(r) for recs in records for r in recs])
    n = len(texts)
    startup = _startup()
    print(f"{n} articles (avg {sum(map(len, texts)) / n / 1000:.1f} k chars) from {folder}")
    print(f"{'CLI start-up (seed article)':30} {startup * 1000:8.1f} ms   {startup / n * 1000:6.3f} ms/article over {n}")
    total = startup
    for name, seconds in stages.items():
        print(f"{name:30} {seconds * 1000:8.1f} ms   {seconds / n * 1000:6.3f} ms/article")
        total += 0 if name.startswith(" ") else seconds
    print(f"{'sum':30} {total * 1000:8.1f} ms   {total / n * 1000:6.3f} ms/article = {n / total:.0f} articles/s "
          f"(target {TARGET}/s: {1000 / TARGET:.1f} ms/article, {n / TARGET * 1000:.0f} ms for these {n})")


if __name__ == "__main__":
    main()
