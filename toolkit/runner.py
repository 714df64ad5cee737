"""Run pipeline.article_quotes over a stream of articles on all cores, writing results as it goes.

The output folder holds result parts (part-*.parquet or part-*.jsonl) and `manifest.jsonl`, one
line per finished part: the doc_ids it covers, its quote count and the failures met on the way.
A part is written to a temporary file and renamed, and only then recorded in the manifest, so a
crash or Ctrl-C at any moment leaves every recorded part whole; parts not in the manifest are
leftovers of an interrupted write and are removed when the run resumes. Resuming skips every
doc_id the manifest lists, so nothing is computed twice and nothing is written twice.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
import traceback
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from toolkit.errors import InputError

MANIFEST = "manifest.jsonl"
FORMATS = ("parquet", "jsonl")

ArticleFn = Callable[[str, str], list]


def _default_func() -> ArticleFn:
    from toolkit.pipeline import article_quotes
    return article_quotes


def process_articles(articles: list[dict], func: ArticleFn | None = None) -> dict:
    """Quote records of a chunk of articles, with the doc_ids done and each failure's reason.

    Pure per chunk, so it runs the same in this process, a worker process or a Dask worker.
    Also returns this process's id and peak memory, which the runner reports per process.
    """
    from toolkit.cli import contract_record
    func = func or _default_func()
    records: list[dict] = []
    done: list[str] = []
    failures: list[dict] = []
    for art in articles:
        try:
            recs = [contract_record(r) for r in func(art["text"], art["doc_id"])]
        except Exception as exc:  # one bad article must not sink the run: report it and go on
            failures.append({"doc_id": art["doc_id"], "path": art.get("path"), "reason": _reason(exc)})
            continue
        records += recs
        done.append(art["doc_id"])
    return {"records": records, "doc_ids": done, "failures": failures, "pid": os.getpid(),
            "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


def _reason(exc: BaseException) -> str:
    """The exception and where it was raised (innermost frame), for the failure report."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"


# ------------------------------------------------------------------------- output folder ---

def read_manifest(outdir: str | Path) -> list[dict]:
    """The finished parts recorded in `outdir` (a torn last line from a crash is ignored)."""
    path = Path(outdir) / MANIFEST
    if not path.exists():
        return []
    entries = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break  # written partly when the process died: that part was never recorded
            entries.append(json.loads(line))
    return entries


def finished_ids(entries: list[dict]) -> set[str]:
    """Every doc_id a manifest records as done."""
    return {d for e in entries for d in e["doc_ids"]}


def prepare_output(outdir: str | Path, fmt: str, resume: bool) -> list[dict]:
    """Make `outdir` ready: on resume keep recorded parts and drop leftovers, else start afresh."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    entries = read_manifest(outdir) if resume else []
    kept = {e["part"] for e in entries if e.get("part")}
    other = [e["part"] for e in entries if e.get("part") and not e["part"].endswith("." + fmt)]
    if other:
        raise InputError(outdir, f"holds {Path(other[0]).suffix[1:]} parts from an earlier run; resume with "
                                 f"that --format or start again with --no-resume")
    for f in outdir.iterdir():  # only files this module names are ever removed
        if f.name.startswith("part-") and f.name not in kept:
            f.unlink()
    if not resume or (outdir / MANIFEST).exists():
        _rewrite_manifest(outdir, entries)  # also cuts a torn last line
    return entries


def _rewrite_manifest(outdir: Path, entries: list[dict]) -> None:
    tmp = outdir / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for e in entries:
            fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, outdir / MANIFEST)


def append_manifest(outdir: str | Path, entry: dict) -> None:
    """Record a finished part (after its file is in place): one JSON line, flushed to disk."""
    with open(Path(outdir) / MANIFEST, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def write_part(outdir: str | Path, name: str, records: list[dict], fmt: str) -> str | None:
    """Write records as part `name`.<fmt> atomically (temporary file, then rename); None if no records."""
    if not records:
        return None
    outdir = Path(outdir)
    final = f"{name}.{fmt}"
    tmp = outdir / f"{final}.tmp"
    if fmt == "parquet":
        import pyarrow.parquet as pq
        pq.write_table(_arrow_table(records), tmp)
    else:
        with open(tmp, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, outdir / final)
    return final


def _arrow_table(records: list[dict]):
    import pyarrow as pa
    try:
        return pa.Table.from_pylist(records)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # A key holding values of different types (say int and str) is kept as JSON text.
        keys = list(dict.fromkeys(k for r in records for k in r))
        mixed = {k for k in keys if len({type(r.get(k)) for r in records if r.get(k) is not None}) > 1}
        return pa.Table.from_pylist([{k: (json.dumps(v) if k in mixed and v is not None else v)
                                      for k, v in r.items()} for r in records])


def iter_results(outdir: str | Path) -> Iterator[dict]:
    """Every quote record of the recorded parts of `outdir`, part by part."""
    outdir = Path(outdir)
    for e in read_manifest(outdir):
        if not e.get("part"):
            continue
        dropped = set(e.get("dropped", ()))
        if e["part"].endswith(".parquet"):
            import pyarrow.parquet as pq
            rows: Iterable[dict] = pq.read_table(outdir / e["part"]).to_pylist()
        else:
            with open(outdir / e["part"], encoding="utf-8") as fh:
                rows = [json.loads(line) for line in fh]
        yield from (r for r in rows if r["doc_id"] not in dropped)


def read_results(outdir: str | Path):
    """All quote records of `outdir` as a DataFrame (the contract columns first)."""
    import pandas as pd
    outdir = Path(outdir)
    parts = [e["part"] for e in read_manifest(outdir) if e.get("part")]
    if parts and all(p.endswith(".parquet") for p in parts) and not any(e.get("dropped") for e in read_manifest(outdir)):
        import pyarrow as pa
        import pyarrow.parquet as pq
        table = pa.concat_tables([pq.read_table(outdir / p) for p in parts], promote_options="permissive")
        return table.to_pandas()
    return pd.DataFrame(list(iter_results(outdir)))


def summarize(outdir: str | Path) -> dict:
    """Articles done, quotes and outstanding failures (latest reason each) of an output folder."""
    entries = read_manifest(outdir)
    done = finished_ids(entries)
    failures: dict = {}
    for e in entries:
        for f in e.get("failures", ()):
            failures[(f.get("doc_id"), f.get("path"), None if f.get("doc_id") else f["reason"])] = f
    open_failures = [f for f in failures.values() if f.get("doc_id") is None or f["doc_id"] not in done]
    return {"articles": len(done), "quotes": sum(e.get("quotes", 0) for e in entries),
            "failures": open_failures, "parts": sum(1 for e in entries if e.get("part"))}


# -------------------------------------------------------------------------------- the run ---

def _ignore_sigint() -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run(articles: Iterable[dict], outdir: str | Path, *, jobs: int | None = None, fmt: str = "parquet",
        resume: bool = True, errors: list[InputError] | None = None, chunk_size: int = 32,
        part_size: int = 2000, total: int | None = None, progress: bool = True,
        func: ArticleFn | None = None) -> dict:
    """Quote records of every article into `outdir`, with `jobs` processes (default: all cores).

    `articles` are dicts with doc_id and text (stream.iter_articles); `errors` is the list that
    stream appends bad records to, reported with the failures. Returns the summary of the folder
    (articles, quotes, failures, parts) plus this run's figures (new, skipped, seconds, interrupted,
    peak memory per process in MB).
    """
    jobs = jobs or os.cpu_count() or 1
    outdir = Path(outdir)
    entries = prepare_output(outdir, fmt, resume)
    finished = finished_ids(entries)
    token = time.strftime("%Y%m%d-%H%M%S")
    state = {"seq": len(entries), "records": [], "doc_ids": [], "failures": [], "new": 0, "quotes": 0,
             "rss": {}, "errors_seen": 0}
    errors = errors if errors is not None else []

    def flush() -> None:
        if not state["doc_ids"] and not state["failures"]:
            return
        state["seq"] += 1
        part = write_part(outdir, f"part-{token}-{state['seq']:06d}", state["records"], fmt)
        append_manifest(outdir, {"part": part, "doc_ids": state["doc_ids"], "quotes": len(state["records"]),
                                 "failures": state["failures"]})
        state["records"], state["doc_ids"], state["failures"] = [], [], []

    def collect(res: dict) -> None:
        state["records"] += res["records"]
        state["doc_ids"] += res["doc_ids"]
        state["failures"] += res["failures"]
        state["new"] += len(res["doc_ids"])
        state["quotes"] += len(res["records"])
        state["rss"][res["pid"]] = max(state["rss"].get(res["pid"], 0), res["maxrss_kb"])
        bar.update(len(res["doc_ids"]) + len(res["failures"]))
        bar.set_postfix(quotes=state["quotes"], failed=len(state["failures"]), refresh=False)
        if len(state["doc_ids"]) >= part_size:
            flush()

    def drain_errors() -> None:
        for err in errors[state["errors_seen"]:]:
            state["failures"].append({"doc_id": None, "path": err.path, "reason": err.reason})
        state["errors_seen"] = len(errors)

    from tqdm import tqdm
    bar = tqdm(total=max(total - len(finished), 0) if total else None, unit="article", desc="batch",
               disable=None if progress else True, smoothing=0.1)
    pool = ProcessPoolExecutor(jobs, initializer=_ignore_sigint) if jobs > 1 else None
    inflight: deque = deque()
    seen: dict[str, str] = {}
    skipped = 0
    interrupted = False
    started = time.perf_counter()
    chunk: list[dict] = []

    def submit(chunk: list[dict]) -> None:
        if pool is None:
            collect(process_articles(chunk, func))
            return
        inflight.append(pool.submit(process_articles, chunk, func))
        while len(inflight) >= 2 * jobs:  # bounded: the stream is read only as fast as workers go
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for fut in done:
                inflight.remove(fut)
                collect(fut.result())

    try:
        for art in articles:
            drain_errors()
            doc_id = art["doc_id"]
            if doc_id in finished:
                skipped += 1
                continue
            if doc_id in seen:
                state["failures"].append({"doc_id": None, "path": art.get("path"),
                                          "reason": f"duplicate doc_id {doc_id!r} (first at {seen[doc_id]})"})
                continue
            seen[doc_id] = art.get("path") or ""
            chunk.append({"doc_id": doc_id, "text": art["text"], "path": art.get("path")})
            if len(chunk) >= chunk_size:
                submit(chunk)
                chunk = []
        drain_errors()
        if chunk:
            submit(chunk)
        while inflight:
            collect(inflight.popleft().result())
    except KeyboardInterrupt:
        interrupted = True
        for fut in inflight:
            fut.cancel()
        for fut in inflight:  # chunks already finished are kept, the rest is redone on resume
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                collect(fut.result())
    finally:
        flush()
        bar.close()
        if pool is not None:
            pool.shutdown(wait=not interrupted, cancel_futures=True)
    state["rss"][os.getpid()] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary = summarize(outdir)
    summary.update(new=state["new"], skipped=skipped, seconds=round(time.perf_counter() - started, 3),
                   interrupted=interrupted, jobs=jobs,
                   peak_rss_mb={str(pid): round(kb / 1024, 1) for pid, kb in state["rss"].items()})
    return summary


def print_summary(summary: dict, outdir: str | Path, file=None) -> None:
    """The end-of-run report: counts, speed, and every failure with its file/record and reason."""
    file = file or sys.stderr
    secs = summary.get("seconds") or 0
    rate = f", {summary['new'] / secs:.1f} articles/s" if secs and summary.get("new") else ""
    print(f"{outdir}: {summary['articles']} articles, {summary['quotes']} quotes in {summary['parts']} parts; "
          f"this run: {summary.get('new', 0)} new, {summary.get('skipped', 0)} already done{rate}", file=file)
    if summary["failures"]:
        print(f"{len(summary['failures'])} failure(s):", file=file)
        for f in summary["failures"]:
            who = f"{f['doc_id']} ({f['path']})" if f.get("doc_id") else f["path"]
            print(f"  - {who}: {f['reason']}", file=file)
    if summary.get("interrupted"):
        print("interrupted: everything listed above is saved; run the same command again to resume", file=file)
