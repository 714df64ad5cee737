"""Benchmark quote extraction: accuracy against PolNeAR gold, throughput and peak memory.

For each split (train, dev) and each system, runs the system's command line as a whole process
N times on one CPU core (`python -m toolkit quotes <split>/text -o out.jsonl`, and the regex
baseline the same way), takes the median wall time (-> articles/s) and the largest peak
resident memory of the child (ru_maxrss from wait4), and scores the output with
toolkit.evaluate. Prints one table with the issue's targets beside the figures. The toolkit's
bytecode is compiled first, as an installation has it.

    python bench/quotes_bench.py [--data ../shared/polnear] [--splits train dev] [--runs 5] [--json out.json]

A system that fails (e.g. the CLI is not there yet) gets a row with its error; the others run.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from toolkit import evaluate  # noqa: E402
from toolkit.errors import BatchInputError, InputError  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "polnear"
SYSTEMS = {
    "toolkit": [sys.executable, "-m", "toolkit", "quotes", "{text}", "-o", "{out}"],
    "regex-baseline": [sys.executable, str(REPO / "bench" / "regex_baseline.py"), "{text}", "-o", "{out}"],
}
# (column, how to read it from a bench row, target as text, test)
COLUMNS = [
    ("direct overlap F1", lambda r: r["figures"]["direct"]["overlap"]["f1"], ">=0.90", lambda v: v >= 0.90),
    ("direct speaker", lambda r: r["figures"]["direct"]["speaker"]["overlap_acc"], ">=0.93", lambda v: v >= 0.93),
    ("indirect:speech-cue recall", lambda r: r["figures"]["indirect:speech-cue"]["overlap"]["r"], ">=0.85",
     lambda v: v >= 0.85),
    ("all overlap F1", lambda r: r["figures"]["all"]["overlap"]["f1"], ">=0.70", lambda v: v >= 0.70),
    ("e2e F1", lambda r: r["figures"]["all"]["e2e"]["f1"], ">=0.60", lambda v: v >= 0.60),
    ("articles/s", lambda r: r["articles_per_s"], ">=500/s", lambda v: v >= 500),
    ("peak MB", lambda r: r["peak_mb"], "<200 MB", lambda v: v < 200),
]


# Runs one command and reports its wall time and peak memory. It runs in a fresh small interpreter
# because Linux counts the memory of the forked-but-not-yet-exec'd child in ru_maxrss: forked
# from this process (pandas loaded), every system would look at least as big as the benchmark.
_LAUNCHER = """
import json, os, sys, time
cpu, cmd = int(sys.argv[1]), sys.argv[2:]
if cpu >= 0:
    os.sched_setaffinity(0, {cpu})
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        os.execv(cmd[0], cmd)
    except OSError as exc:
        os.write(2, f"cannot run {cmd[0]}: {exc.strerror}\\n".encode())
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "maxrss_kib": usage.ru_maxrss, "exit": os.waitstatus_to_exitcode(status)}))
"""


def run_once(cmd: list[str], cpu: int | None) -> tuple[float, int, int, str]:
    """(wall seconds, peak RSS in KiB, exit code, stderr tail) of one whole-process run of `cmd`."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as err:
        done = subprocess.run([sys.executable, "-c", _LAUNCHER, str(-1 if cpu is None else cpu), *cmd],
                              cwd=REPO, stdout=subprocess.PIPE, stderr=err, text=True, check=False)
        err.seek(0)
        tail = err.read()[-2000:].strip()
    if done.returncode != 0:
        return 0.0, 0, done.returncode, tail or "the launcher failed"
    report = json.loads(done.stdout)
    return report["wall"], report["maxrss_kib"], report["exit"], tail


def bench_system(name: str, split: str, data: Path, gold: list | None, runs: int, cpu: int | None,
                 workdir: Path) -> dict:
    """One table row: timings of `runs` runs and the figures of the last run's output."""
    text_dir = data / split / "text"
    n_articles = len(list(text_dir.glob("*.txt")))
    out = workdir / f"{name}-{split}.jsonl"
    cmd = [part.format(text=text_dir, out=out) for part in SYSTEMS[name]]
    row: dict = {"system": name, "split": split, "articles": n_articles, "command": " ".join(cmd)}
    walls, peaks = [], []
    for i in range(runs):
        print(f"  {name} {split}: run {i + 1}/{runs}", file=sys.stderr, flush=True)
        wall, peak_kib, code, tail = run_once(cmd, cpu)
        if code != 0:
            last = tail.splitlines()[-1] if tail else "(no message)"
            row["error"] = f"exit {code}: {last}"
            row["stderr"] = tail
            return row
        walls.append(wall)
        peaks.append(peak_kib)
    row.update(wall_s=walls, median_wall_s=statistics.median(walls),
               articles_per_s=n_articles / statistics.median(walls), peak_mb=max(peaks) / 1024)
    if gold is None:
        row["error"] = "no gold to score against"
        return row
    try:
        row["figures"] = evaluate.score(gold, out)
    except (InputError, BatchInputError) as exc:
        row["error"] = f"output could not be scored: {exc}"
    return row


def _cell(row: dict, getter, test) -> str:
    try:
        value = getter(row)
    except KeyError:
        return "-"
    if value is None:
        return "-"
    shown = f"{value:.0f}" if value >= 10 else f"{value:.3f}"
    return f"{shown} {'ok' if test(value) else 'NO'}"


def format_bench(rows: list[dict]) -> str:
    """The benchmark table: one line per system and split, the targets on the first line."""
    head = ["system", "split"] + [c[0] for c in COLUMNS]
    lines = [["target", ""] + [c[2] for c in COLUMNS]]
    errors = []
    for row in rows:
        if "error" in row and "figures" not in row and "articles_per_s" not in row:
            lines.append([row["system"], row["split"]] + ["error"] * len(COLUMNS))
        else:
            lines.append([row["system"], row["split"]] + [_cell(row, g, t) for _, g, _, t in COLUMNS])
        if "error" in row:
            errors.append(f"{row['system']} {row['split']}: {row['error']}")
    widths = [max(len(str(line[i])) for line in [head, *lines]) for i in range(len(head))]
    fmt = " | ".join(f"{{:<{w}}}" if i < 2 else f"{{:>{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*head), "-+-".join("-" * w for w in widths)] + [fmt.format(*line) for line in lines]
    out.append("ok/NO: meets the target or not (accuracy targets are set on dev, speed and memory on train).")
    out += [f"error: {e}" for e in errors]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; 0 unless no system produced any figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"PolNeAR folder (default {DEFAULT_DATA})")
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    ap.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=list(SYSTEMS))
    ap.add_argument("--runs", type=int, default=5, help="runs per system and split (median time; default 5)")
    ap.add_argument("--cpu", type=int, default=min(os.sched_getaffinity(0)),
                    help="pin each run to this CPU (one core, as the target says); -1 to not pin")
    ap.add_argument("--json", type=Path, help="write every row (timings, all figures) to this JSON file")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    missing = [s for s in args.splits if not (args.data / s / "text").is_dir()]
    if missing:
        print(f"error: {args.data}: no {', '.join(missing)} split with a text/ folder (PolNeAR is read from "
              "../shared/polnear; pass --data)", file=sys.stderr)
        return 2
    cpu = None if args.cpu < 0 else args.cpu
    # An installed package has its bytecode compiled (pip does it; an editable install on first run).
    # This environment may set PYTHONDONTWRITEBYTECODE, which would make every timed run recompile the
    # toolkit's sources (~40 ms): compile them once, as an installation would.
    compileall.compile_dir(REPO / "toolkit", quiet=1)
    rows = []
    with tempfile.TemporaryDirectory(prefix="quotes_bench-") as tmp:
        # Likewise the first run on a machine fills the toolkit's regex cache (toolkit/regexcache.py): one untimed
        # run over the seed article fills it before timing.
        seed = REPO / "data" / "articles"
        subprocess.run([sys.executable, "-m", "toolkit", "quotes", str(seed), "-o", f"{tmp}/warm.jsonl"], cwd=REPO,
                       capture_output=True, check=False)
        for split in args.splits:
            try:
                gold = evaluate.load_gold(args.data, split)
            except (InputError, BatchInputError) as exc:
                print(f"warning: gold of {split} not loaded, figures skipped: {exc}", file=sys.stderr)
                gold = None
            for name in args.systems:
                rows.append(bench_system(name, split, args.data, gold, args.runs, cpu, Path(tmp)))
    print(format_bench(rows))
    if args.json:
        args.json.write_text(json.dumps({"runs": args.runs, "cpu": cpu, "python": sys.version.split()[0],
                                         "rows": rows}, indent=1), encoding="utf-8")
    return 0 if any("figures" in r for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
