"""Scaling benchmark of `python -m toolkit batch`: throughput and peak memory vs corpus size and mode.

Corpora of 1k, 10k, 100k articles are built by replicating PolNeAR train texts under new ids into a
temporary folder (never the repo: PolNeAR may not be redistributed). Each mode runs as a child
process exactly as an analyst would run it:

  single  python -m toolkit batch CORPUS -o OUT --jobs 1
  jobs    python -m toolkit batch CORPUS -o OUT --jobs N          (N = --jobs, default all cores)
  dask    python -m toolkit batch CORPUS -o OUT --dask --jobs N   (LocalCluster of N worker processes)

Memory, two ways:
  max_proc_mb  ru_maxrss from wait4() on the child: Linux reports the largest peak RSS of any one
               process in the child's tree (itself and every worker it waited for).
  tree_mb      the child's whole process tree sampled every 0.1 s with psutil; per sample the RSS of
               all processes is summed (PSS when /proc allows, so pages shared by forked workers
               count once); the peak sum is reported. Sampling can miss a peak shorter than 0.1 s.
CPU, from the same samples: parent_cpu_s is the CPU time of the child itself (the CLI process that
plans, schedules and records; sampled, so its last 0.1 s may be missed) and parent_share its part of
the whole tree's CPU. In jobs and dask modes workers read, compute and write, so the share should
be a few percent; a large share means the parent has become the bottleneck.
Outputs are compared across modes by an order-free digest of every record (sum of per-record
hashes), so a 100k-article comparison needs no memory.

  .venv/bin/python bench/scale_bench.py --sizes 1000,10000,100000 --modes single,jobs,dask
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
POLNEAR_TRAIN = ROOT.parent / "shared" / "polnear" / "train" / "text"


def build_corpus(size: int, source: Path, workdir: Path, kind: str) -> Path:
    """`size` articles cycling through the source texts, each under a new id (d0000000...)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {source}")
    if kind == "jsonl":
        path = workdir / f"corpus-{size}.jsonl"
        if not path.exists():
            with open(path, "w", encoding="utf-8") as fh:
                for i in range(size):
                    fh.write(json.dumps({"id": f"d{i:07d}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
        return path
    folder = workdir / f"corpus-{size}"
    if not folder.exists():
        folder.mkdir()
        for i in range(size):
            (folder / f"d{i:07d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
    return folder


def _tree_sampler(pid: int, stop: threading.Event, peak: dict) -> None:
    import psutil
    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    cpu: dict[int, float] = {}
    while not stop.is_set():
        try:
            procs = [root] + root.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        rss = pss = 0
        for p in procs:
            try:
                info = p.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system  # a process's own CPU; the last sample before it ends counts
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        peak["parent_cpu"] = cpu.get(pid, 0.0)
        peak["tree_cpu"] = sum(cpu.values())
        peak["rss"] = max(peak.get("rss", 0), rss)
        peak["pss"] = max(peak.get("pss", 0), pss)
        peak["procs"] = max(peak.get("procs", 0), len(procs))
        stop.wait(0.1)


def code_fingerprint() -> str:
    """A hash of the toolkit's code and lexicons: outputs may differ only if this differs between runs."""
    h = hashlib.blake2b(digest_size=6)
    for f in sorted((ROOT / "toolkit").rglob("*")):
        if f.is_file() and f.suffix in (".py", ".csv", ".txt", ".json", ".pickle"):
            h.update(f.read_bytes())
    return h.hexdigest()


def run_mode(mode: str, corpus: Path, out: Path, jobs: int) -> dict:
    """Run one mode as a child process; wall time, memory of its tree, and the summary it prints."""
    cmd = [sys.executable, "-m", "toolkit", "batch", str(corpus), "-o", str(out), "--no-resume"]
    cmd += {"single": ["--jobs", "1"], "jobs": ["--jobs", str(jobs)], "dask": ["--dask", "--jobs", str(jobs)]}[mode]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop, peak = threading.Event(), {}
    sampler = threading.Thread(target=_tree_sampler, args=(proc.pid, stop, peak), daemon=True)
    sampler.start()
    stderr = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"mode": mode, "jobs": 1 if mode == "single" else jobs, "seconds": seconds,
            "max_proc_mb": usage.ru_maxrss / 1024, "tree_rss_mb": peak.get("rss", 0) / 2**20,
            "tree_pss_mb": peak.get("pss", 0) / 2**20, "procs": peak.get("procs", 0),
            "parent_cpu_s": peak.get("parent_cpu", 0.0), "tree_cpu_s": peak.get("tree_cpu", 0.0),
            "log": stderr.strip().splitlines()[-1] if stderr.strip() else ""}


def digest(outdir: Path) -> tuple[int, int, str]:
    """(articles, records, order-free digest of every record) of an output folder."""
    from toolkit.runner import finished_ids, iter_results, read_manifest
    total, n = 0, 0
    for rec in iter_results(outdir):
        h = hashlib.blake2b(json.dumps(rec, sort_keys=True).encode(), digest_size=16).digest()
        total = (total + int.from_bytes(h, "big")) % (1 << 128)
        n += 1
    return len(finished_ids(read_manifest(outdir))), n, f"{total:032x}"[:12]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes (default: %(default)s)")
    ap.add_argument("--modes", default="single,jobs,dask", help="single, jobs, dask (default: %(default)s)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count(), help="processes for jobs/dask (default: all cores)")
    ap.add_argument("--source", type=Path, default=POLNEAR_TRAIN, help="folder of .txt to replicate")
    ap.add_argument("--input", choices=("jsonl", "txt"), default="jsonl", help="corpus as one JSONL export or a folder")
    ap.add_argument("--workdir", type=Path, help="where corpora and outputs go (default: a temp folder, removed)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    if not args.source.is_dir():
        print(f"source {args.source} not found (PolNeAR lives in ../shared; it is not shipped)", file=sys.stderr)
        return 2
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = args.modes.split(",")
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="scale_bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size in sizes:
            corpus = build_corpus(size, args.source, workdir, args.input)
            for mode in modes:
                out = workdir / f"out-{size}-{mode}"
                code = code_fingerprint()
                row = run_mode(mode, corpus, out, args.jobs)
                # Others may edit the toolkit meanwhile: a changed fingerprint explains a changed digest.
                row["code"] = code if code == code_fingerprint() else "changed"
                row["size"] = size
                row["articles"], row["quotes"], row["digest"] = digest(out)
                rows.append(row)
                print(f"  {size:>7} {mode:<6} {row['seconds']:8.1f}s  {row['log']}", file=sys.stderr, flush=True)
                shutil.rmtree(out, ignore_errors=True)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    report(rows)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    same = all(len({r["digest"] for r in rows if r["size"] == s}) == 1 for s in sizes)
    return 0 if same else 1


def report(rows: list[dict]) -> None:
    single = {r["size"]: r["seconds"] for r in rows if r["mode"] == "single"}
    print(f"\n{'size':>7} {'mode':<6} {'jobs':>4} {'seconds':>8} {'art/s':>7} {'speedup':>7} {'effic.':>6} "
          f"{'max proc MB':>11} {'tree RSS MB':>11} {'tree PSS MB':>11} {'parent CPU':>10} {'share':>5} {'quotes':>8} "
          f"{'digest':>12} same {'code':>12}")
    for r in rows:
        base = single.get(r["size"])
        speed = base / r["seconds"] if base else float("nan")
        same = all(o["digest"] == r["digest"] for o in rows if o["size"] == r["size"])
        print(f"{r['size']:>7} {r['mode']:<6} {r['jobs']:>4} {r['seconds']:>8.1f} {r['articles'] / r['seconds']:>7.0f} "
              f"{speed:>7.2f} {speed / r['jobs']:>6.0%} {r['max_proc_mb']:>11.0f} {r['tree_rss_mb']:>11.0f} "
              f"{r['tree_pss_mb']:>11.0f} {r['parent_cpu_s']:>9.2f}s {r['parent_cpu_s'] / max(r['tree_cpu_s'], 1e-9):>5.0%} "
              f"{r['quotes']:>8} {r['digest']:>12} {'yes' if same else 'NO ':<4} {r['code']:>12}")
    print("\nGrowth with size (per mode: ms per article, tree PSS peak), smallest size first:")
    for mode in dict.fromkeys(r["mode"] for r in rows):
        rs = sorted((r for r in rows if r["mode"] == mode), key=lambda r: r["size"])
        per = ", ".join(f"{r['size']}: {1000 * r['seconds'] / r['size']:.2f} ms, {r['tree_pss_mb']:.0f} MB" for r in rs)
        print(f"  {mode:<6} {per}")
    print("Time is linear when ms/article stays level across sizes; memory is flat when the MB column does.")
    if len({r["code"] for r in rows}) > 1:
        print("WARNING: the toolkit code changed during the benchmark; digests of different code differ.")


if __name__ == "__main__":
    sys.exit(main())
