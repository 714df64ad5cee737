"""Run pipeline.article_quotes over a corpus on all cores, writing results as it goes.

The output folder holds result parts (part-*.parquet or part-*.jsonl) and `manifest.jsonl`, one
line per finished part: the doc_ids it covers, its quote count and the failures met on the way.
A part is written to a temporary file and renamed, and only then recorded in the manifest, so a
crash or Ctrl-C at any moment leaves every recorded part whole; parts not in the manifest are
leftovers of an interrupted write and are removed when the run resumes. Resuming skips every
doc_id the manifest lists, so nothing is computed twice and nothing is written twice.

Given files, folders or exports, the input is cut into partitions (`plan`) and each worker reads
its own partition, runs the pipeline and writes its own part (`run_partition`, which Dask workers
run too); the parent only records the small summaries in the manifest, in input order. Given any
other iterable of article dicts, the parent reads it and ships the texts to the workers.
"""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import queue
import resource
import signal
import sys
import time
import traceback
from collections import deque
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator

from toolkit import stream
from toolkit.errors import InputError
from toolkit.interrupt import INTERRUPTED_AT_START, ctrl_c_only_while_waiting, direct

MANIFEST = "manifest.jsonl"
LOCK = ".batch.lock"
FORMATS = ("parquet", "jsonl")

ArticleFn = Callable[[str, str], list]


def _default_func() -> ArticleFn:
    from toolkit.pipeline import article_quotes
    return article_quotes


def process_articles(articles: list[dict], func: ArticleFn | None = None, interruptible: Callable = direct) -> dict:
    """Quote records of a chunk of articles, with the doc_ids done and each failure's reason.

    Pure per chunk, so it runs the same in this process, a worker process or a Dask worker. A
    KeyboardInterrupt stops it after the last whole article (`interrupted` is then True) so that
    what is done can still be written; in the runner's own process, where Ctrl-C is held back
    outside the `interruptible` calls (`ctrl_c_only_while_waiting`), each article's extraction is
    one. Also returns this process's id, peak memory and CPU time.
    """
    from toolkit.cli import contract_record
    func = func or _default_func()
    records: list[dict] = []
    done: list[str] = []
    counts: list[int] = []
    failures: list[dict] = []
    interrupted = False
    for art in articles:
        try:
            recs = interruptible(lambda: [contract_record(r) for r in func(art["text"], art["doc_id"])])
        except KeyboardInterrupt:
            interrupted = True
            break
        except Exception as exc:  # one bad article must not sink the run: report it and go on
            failures.append({"doc_id": art["doc_id"], "path": art.get("path"), "reason": _reason(exc)})
            continue
        records += recs
        done.append(art["doc_id"])
        counts.append(len(recs))
    return {"records": records, "doc_ids": done, "counts": counts, "failures": failures,
            "interrupted": interrupted, **process_stats()}


def process_stats() -> dict:
    """This process's id, peak memory (kB) and CPU seconds so far, which runs report per process."""
    use = resource.getrusage(resource.RUSAGE_SELF)
    return {"pid": os.getpid(), "maxrss_kb": use.ru_maxrss, "cpu_s": use.ru_utime + use.ru_stime}


def run_partition(spec: dict, outdir: str | Path, fmt: str, token: str, skip: Collection[str] = frozenset(),
                  func: ArticleFn | None = None, interruptible: Callable = direct) -> dict:
    """Read one partition of `plan`, run the pipeline on it and write its part: what every worker does.

    Returns only a summary for the manifest (`commit`): the part, its doc_ids with their place in
    the input and quote counts, the failures, and how many articles `skip` (done before) left out.
    Reading and each article's extraction are `interruptible` calls (see process_articles); a
    KeyboardInterrupt while reading leaves the partition, with nothing computed or written.
    """
    errors: list[InputError] = []
    articles, failures, where = [], [], {}

    def read() -> int:
        skipped = 0
        for art in stream.read_partition(spec, errors=errors):
            doc_id = art["doc_id"]
            if doc_id in skip:
                skipped += 1
            elif doc_id in where:
                failures.append(duplicate(doc_id, art["path"], where[doc_id]))
            else:
                where[doc_id] = art["path"]
                articles.append(art)
        return skipped

    skipped = interruptible(read)
    res = process_articles(articles, func, interruptible)
    part, columns = write_part(outdir, f"part-{token}-{spec['index']:06d}", res["records"], fmt)
    failures = [{"doc_id": None, "path": e.path, "reason": e.reason} for e in errors] + failures + res["failures"]
    return {"index": spec["index"], "part": part, "columns": columns, "doc_ids": res["doc_ids"], "counts": res["counts"],
            "paths": [where[d] for d in res["doc_ids"]], "failures": failures, "skipped": skipped,
            "interrupted": res["interrupted"], **{k: res[k] for k in ("pid", "maxrss_kb", "cpu_s")}}


def duplicate(doc_id: str, path: str | None, first: str | None) -> dict:
    """The failure reported for an article whose doc_id an earlier article already has."""
    return {"doc_id": None, "path": path, "reason": f"duplicate doc_id {doc_id!r} (first at {first})"}


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


@contextmanager
def claim(outdir: str | Path) -> Iterator[None]:
    """Hold `outdir` for one run: two runs writing one folder at once would mix up its manifest.

    An OS file lock, so it goes with the process: a crashed run never leaves the folder locked.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    fh = open(outdir / LOCK, "a")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        raise InputError(outdir, "another batch run is writing to this folder; wait for it to end "
                                 "or choose another output folder") from None
    try:
        yield
    finally:
        fh.close()  # releases the lock


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


def write_part(outdir: str | Path, name: str, records: list[dict], fmt: str) -> tuple[str | None, list[str]]:
    """Write records as part `name`.<fmt> atomically (temporary file, then rename).

    Returns the part's file name (None if there are no records) and its columns, which the
    manifest keeps so that readers give every record the columns of the whole output.
    """
    if not records:
        return None, []
    outdir = Path(outdir)
    final = f"{name}.{fmt}"
    tmp = outdir / f"{final}.tmp"
    if fmt == "parquet":
        import pyarrow.parquet as pq
        table = _arrow_table(records)
        pq.write_table(table, tmp)
        columns = table.schema.names
    else:
        columns = list(dict.fromkeys(k for rec in records for k in rec))
        with open(tmp, "w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, outdir / final)
    return final, columns


def _arrow_table(records: list[dict]):
    import pyarrow as pa
    # Column by column over the union of keys: Table.from_pylist would take the first record's keys
    # as the schema and silently drop every key that record lacks.
    columns = {}
    for key in dict.fromkeys(k for r in records for k in r):
        values = [r.get(key) for r in records]
        try:
            columns[key] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # values of different types (say int and str): JSON text
            columns[key] = pa.array([None if v is None else json.dumps(v) for v in values], pa.string())
    return pa.table(columns)


def result_columns(outdir: str | Path, entries: list[dict] | None = None) -> list[str]:
    """The columns of all recorded parts, in order of appearance (the contract keys come first)."""
    outdir = Path(outdir)
    columns: dict = {}
    for e in read_manifest(outdir) if entries is None else entries:
        if not e.get("part"):
            continue
        names = e.get("columns")
        if names is None and e["part"].endswith(".parquet"):  # folders written before columns were kept
            import pyarrow.parquet as pq
            names = pq.read_schema(outdir / e["part"]).names
        columns.update(dict.fromkeys(names or ()))
    return list(columns)


def iter_results(outdir: str | Path) -> Iterator[dict]:
    """Every quote record of the recorded parts of `outdir`, part by part.

    Each record has every column of the output, null where its part had none: a key only some
    records carry would otherwise be present or absent depending on which records shared a part.
    """
    outdir = Path(outdir)
    entries = read_manifest(outdir)
    columns = result_columns(outdir, entries)
    for e in entries:
        if not e.get("part"):
            continue
        dropped = set(e.get("dropped", ()))
        if e["part"].endswith(".parquet"):
            import pyarrow.parquet as pq
            rows: Iterable[dict] = pq.read_table(outdir / e["part"]).to_pylist()
        else:
            with open(outdir / e["part"], encoding="utf-8") as fh:
                rows = [json.loads(line) for line in fh]
        for r in rows:
            if r["doc_id"] not in dropped:
                rec = dict.fromkeys(columns)
                rec.update(r)
                yield rec


def read_results(outdir: str | Path):
    """All quote records of `outdir` as a DataFrame (the contract columns first)."""
    import pandas as pd
    outdir = Path(outdir)
    entries = read_manifest(outdir)
    parts = [e["part"] for e in entries if e.get("part")]
    if parts and all(p.endswith(".parquet") for p in parts) and not any(e.get("dropped") for e in entries):
        import pyarrow as pa
        import pyarrow.parquet as pq
        table = pa.concat_tables([pq.read_table(outdir / p) for p in parts], promote_options="permissive")
        return table.select(result_columns(outdir, entries)).to_pandas()
    return pd.DataFrame(list(iter_results(outdir)), columns=result_columns(outdir, entries) or None)


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


# ------------------------------------------------------------------- partitions and ledger ---

def plan(inputs: str | Path | Iterable[str | Path], finished: Collection[str] = frozenset(), *, workers: int = 1,
         input_format: str | None = None, cols: dict | None = None, partition_size: int = 250,
         grain: int = 25) -> dict:
    """The partitions of `inputs` still to do, sized for `workers`, with the input's errors.

    One pass over the input cuts it into pieces of `grain` articles (files listed, export records
    counted, none kept); files already `finished` are left out. Neighbouring pieces are then joined
    into partitions of at most `partition_size`, smaller towards the end so that no worker is left
    with a long last partition while the others idle. Returns specs (each with its index), errors
    (InputError), skipped (finished files left out) and total (articles the specs cover).
    """
    errors: list[InputError] = []
    pieces: list[dict] = []
    skipped = 0
    grain = max(1, min(grain, partition_size))
    for spec in stream.partitions(inputs, fmt=input_format, cols=cols, size=grain, errors=errors):
        if spec["kind"] == "txt":  # ids are known without reading: leave finished files out at once
            todo = [(d, f) for d, f in spec["files"] if d not in finished]
            skipped += len(spec["files"]) - len(todo)
            if not todo:
                continue
            spec["files"] = todo
        pieces.append(spec)
    total = left = sum(map(stream.piece_size, pieces))
    specs: list[dict] = []
    target = 0
    for piece in pieces:
        n = stream.piece_size(piece)
        joined = None
        if specs and stream.piece_size(specs[-1]) + n <= target:
            joined = stream.join_pieces(specs[-1], piece)
        if joined is None:
            # Guided sizes: a share of what is left, so the last partitions are short.
            target = max(grain, min(partition_size, -(-left // (2 * workers))))
            specs.append(dict(piece))
        else:
            specs[-1] = joined
        left -= n
    for i, spec in enumerate(specs):
        spec["index"] = i
    return {"specs": specs, "errors": errors, "skipped": skipped, "total": total}


def new_ledger(outdir: str | Path, skipped: int = 0) -> dict:
    """The parent's record of a partitioned run: results waiting for their turn, ids seen, figures."""
    return {"outdir": str(outdir), "next": 0, "pending": {}, "seen": {}, "new": 0, "skipped": skipped,
            "quotes_done": 0, "failed": 0, "rss": {}, "cpu": {}, "interrupted": False, "started": time.perf_counter(),
            "cpu_started": time.process_time()}


def take(ledger: dict, res: dict, bar=None) -> None:
    """Note a finished partition (run_partition's summary); `commit` records it in its turn."""
    ledger["pending"][res["index"]] = res
    ledger["rss"][res["pid"]] = max(ledger["rss"].get(res["pid"], 0), res["maxrss_kb"])
    ledger["cpu"][res["pid"]] = max(ledger["cpu"].get(res["pid"], 0.0), res["cpu_s"])
    ledger["interrupted"] |= res["interrupted"]
    ledger["quotes_done"] += sum(res["counts"])
    ledger["failed"] += len(res["failures"])
    if bar is not None:
        bar.set_postfix(quotes=ledger["quotes_done"], failed=ledger["failed"], refresh=False)
        bar.update(len(res["doc_ids"]) + len(res["failures"]) + res["skipped"])


def commit(ledger: dict, final: bool = False) -> None:
    """Record finished partitions in the manifest in input order (all that are finished if `final`).

    Input order makes the first of two articles with the same doc_id the one kept, however the
    workers finish; the later one's records stay in its part but are listed as `dropped`.
    """
    pending = ledger["pending"]
    while pending and (ledger["next"] in pending or final):
        index = ledger["next"] if ledger["next"] in pending else min(pending)
        res = pending.pop(index)
        ledger["next"] = index + 1
        seen = ledger["seen"]
        entry = {"part": res["part"], "columns": res["columns"], "doc_ids": [], "quotes": 0,
                 "failures": list(res["failures"])}
        dropped = []
        for doc_id, path, n in zip(res["doc_ids"], res["paths"], res["counts"]):
            if doc_id in seen:
                dropped.append(doc_id)
                entry["failures"].append(duplicate(doc_id, path, seen[doc_id]))
                continue
            seen[doc_id] = path
            entry["doc_ids"].append(doc_id)
            entry["quotes"] += n
        if dropped:
            entry["dropped"] = dropped
        if entry["part"] or entry["doc_ids"] or entry["failures"]:
            append_manifest(ledger["outdir"], entry)
        ledger["new"] += len(entry["doc_ids"])
        ledger["skipped"] += res["skipped"]


def record_input_errors(outdir: str | Path, errors: list[InputError]) -> None:
    """Record bad inputs found while planning (missing files, broken exports) as failures."""
    if errors:
        append_manifest(outdir, {"part": None, "doc_ids": [], "quotes": 0,
                                 "failures": [{"doc_id": None, "path": e.path, "reason": e.reason} for e in errors]})


def final_summary(ledger: dict, jobs: int) -> dict:
    """summarize() of the output folder plus this run's figures: new, skipped, seconds, memory, CPU."""
    me = process_stats()
    rss = {**ledger["rss"], me["pid"]: me["maxrss_kb"]}
    summary = summarize(ledger["outdir"])
    summary.update(new=ledger["new"], skipped=ledger["skipped"],
                   seconds=round(time.perf_counter() - ledger["started"], 3), interrupted=ledger["interrupted"],
                   jobs=jobs, peak_rss_mb={str(pid): round(kb / 1024, 1) for pid, kb in rss.items()},
                   cpu_seconds={"parent": round(time.process_time() - ledger["cpu_started"], 3),
                                "workers": round(sum(c for pid, c in ledger["cpu"].items() if pid != me["pid"]), 3)})
    return summary


def new_token() -> str:
    """A name for this run's parts that no earlier run in the folder used (runs may start in the same second)."""
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{os.urandom(3).hex()}"


# -------------------------------------------------------------------------- worker processes ---

_SKIP: frozenset = frozenset()


def _init_worker(skip: frozenset) -> None:
    # Ctrl-C goes to the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _SKIP
    _SKIP = skip  # the finished ids, sent once per worker instead of with every partition


def _worker_partition(spec: dict, outdir: str, fmt: str, token: str, func: ArticleFn | None) -> dict:
    return run_partition(spec, outdir, fmt, token, _SKIP, func)


def start_pool(jobs: int, fmt: str, func: ArticleFn | None, skip: frozenset = frozenset()) -> ProcessPoolExecutor:
    """`jobs` worker processes, forked where the system allows from this process, warmed up first.

    Forked workers inherit the loaded pipeline (lexicons, Punkt parameters, pyarrow) instead of
    each importing and loading it again, and share those pages with the parent.
    """
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods else None)
    fork = ctx.get_start_method() == "fork"
    if fork:
        if func is None:
            _default_func()('"We will keep talking," Lavrov said on Friday.', "warm-up")
        if fmt == "parquet":
            import pyarrow.parquet  # noqa: F401
        gc.freeze()  # workers' collections then leave the inherited objects (and their shared pages) alone
    pool = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(skip,))
    pool.submit(int)  # forks every worker now, before this process starts other threads (the progress bar's)
    if fork:
        gc.unfreeze()
    return pool


def track(inflight: set, ended: queue.SimpleQueue, futures: Iterable) -> None:
    """Add `futures` (a pool's or Dask's) to `inflight`, each put on `ended` when it ends or is cancelled."""
    for fut in futures:
        inflight.add(fut)
        fut.add_done_callback(ended.put)


def submit_tracked(pool: ProcessPoolExecutor, inflight: set, ended: queue.SimpleQueue, fn: Callable, *args) -> None:
    """pool.submit(fn, *args), its future added to `inflight` and put on `ended` when it ends or is cancelled."""
    track(inflight, ended, [pool.submit(fn, *args)])


def next_finished(inflight: set, ended: queue.SimpleQueue, waiting: Callable):
    """The next future to end that is still in flight; it leaves `inflight` only once in our hands."""
    while True:  # the queue may hold a future already collected (see keep_in_flight)
        fut = waiting(ended.get)
        if fut in inflight:
            inflight.discard(fut)
            return fut


def keep_in_flight(inflight: set, ended: queue.SimpleQueue, waiting: Callable, keep: Callable[[dict], None],
                   cancel: Callable[[list], None] | None = None) -> bool:
    """After a Ctrl-C: cancel the work not started and pass each result of the work being computed, nearly done, to
    `keep`; True if a second Ctrl-C gave up on it.

    `cancel(futures)` cancels them at once (default: each one's cancel(), which a pool's running work ignores). The
    Dask run passes one that leaves finished futures alone (a Dask cancel drops even a finished result) and cancels
    the rest, running ones too: their results then come back cancelled and are not kept.
    """
    if cancel is None:
        for fut in inflight:
            fut.cancel()
    else:
        cancel(list(inflight))
    try:
        # A Ctrl-C just after ended.get() returned dropped that future, still in inflight: collect it here.
        for fut in [f for f in inflight if f.done()]:
            inflight.discard(fut)
            if not fut.cancelled() and fut.exception() is None:
                keep(fut.result())
        while inflight:
            fut = next_finished(inflight, ended, waiting)
            if not fut.cancelled() and fut.exception() is None:
                keep(fut.result())
    except KeyboardInterrupt:
        return True
    return False


# -------------------------------------------------------------------------------- the run ---

def is_paths(source: object) -> bool:
    """Whether `source` names files/folders/exports (str, Path, or a list/tuple of them)."""
    if isinstance(source, (str, os.PathLike)):
        return True
    return isinstance(source, (list, tuple)) and bool(source) and all(isinstance(s, (str, os.PathLike)) for s in source)


def run(articles: Iterable[dict] | str | Path | Iterable[str | Path], outdir: str | Path, *, jobs: int | None = None,
        fmt: str = "parquet", resume: bool = True, errors: list[InputError] | None = None, chunk_size: int = 32,
        part_size: int = 2000, total: int | None = None, progress: bool = True, func: ArticleFn | None = None,
        input_format: str | None = None, cols: dict | None = None, partition_size: int = 250) -> dict:
    """Quote records of every article into `outdir`, with `jobs` processes (default: all cores).

    `articles` is either input paths (folders of .txt, brat folders, CSV/JSONL exports, read as
    `input_format` with columns `cols`; each worker reads its own partition of at most
    `partition_size` articles and writes its own part) or any iterable of article dicts with doc_id
    and text (stream.iter_articles; this process reads it, `chunk_size` articles go to a worker at a
    time, parts hold `part_size` articles; `errors` is the list the stream appends bad records to).
    Returns the summary of the folder (articles, quotes, failures, parts) plus this run's figures
    (new, skipped, seconds, interrupted, peak memory per process in MB, CPU seconds).
    """
    jobs = jobs or os.cpu_count() or 1
    with claim(outdir):
        if is_paths(articles):
            return _run_partitions(articles, outdir, jobs=jobs, fmt=fmt, resume=resume, total=total,
                                   progress=progress, func=func, input_format=input_format, cols=cols,
                                   partition_size=partition_size)
        return _run_stream(articles, outdir, jobs=jobs, fmt=fmt, resume=resume, errors=errors,
                           chunk_size=chunk_size, part_size=part_size, total=total, progress=progress, func=func)


def _run_partitions(inputs, outdir, *, jobs: int, fmt: str, resume: bool, total: int | None, progress: bool,
                    func: ArticleFn | None, input_format: str | None, cols: dict | None,
                    partition_size: int) -> dict:
    """Partitioned run: workers read, compute and write; this process plans and keeps the manifest.

    A Ctrl-C before the partitions are planned raises KeyboardInterrupt, with nothing recorded;
    from then on it stops the run and the summary says `interrupted` (ctrl_c_only_while_waiting).
    """
    from tqdm import tqdm
    outdir = Path(outdir)
    finished = finished_ids(prepare_output(outdir, fmt, resume))
    work = plan(inputs, finished, workers=jobs, input_format=input_format, cols=cols,
                partition_size=partition_size)
    specs = deque(work["specs"])
    pooled = jobs > 1 and len(specs) > 1
    with ctrl_c_only_while_waiting() as waiting:
        record_input_errors(outdir, work["errors"])
        ledger = new_ledger(outdir, work["skipped"])
        token = new_token()
        # Only table pieces can hold finished ids (txt ones were filtered by the plan).
        skip = frozenset(finished) if any(s["kind"] != "txt" for s in specs) else frozenset()
        pool = start_pool(jobs, fmt, func, skip) if pooled else None
        inflight: set = set()
        ended: queue.SimpleQueue = queue.SimpleQueue()  # futures as they end or are cancelled (their callbacks)
        bar = None
        gave_up = False
        try:
            bar = tqdm(total=total - len(finished) if total else work["total"], unit="article", desc="batch",
                       disable=None if progress else True, smoothing=0.1)
            while specs and pool is None and not ledger["interrupted"]:
                # (one process: reading the partition and each article are where Ctrl-C stops the run)
                take(ledger, run_partition(specs.popleft(), outdir, fmt, token, skip, func, waiting), bar)
                commit(ledger)
            while pool is not None and (specs or inflight):
                while specs and len(inflight) < 2 * jobs:  # a few queued ahead, so no worker waits for the next
                    submit_tracked(pool, inflight, ended, _worker_partition, specs.popleft(), str(outdir), fmt, token,
                                   func)
                take(ledger, next_finished(inflight, ended, waiting).result(), bar)
                commit(ledger)
                if ledger["interrupted"]:  # a worker's function was interrupted: stop as on Ctrl-C
                    raise KeyboardInterrupt
        except KeyboardInterrupt:
            ledger["interrupted"] = True
            gave_up = keep_in_flight(inflight, ended, waiting, lambda res: take(ledger, res, bar))
        finally:
            commit(ledger, final=True)
            if bar is not None:
                bar.close()
            if pool is not None:
                # Every partition is collected or cancelled unless a second Ctrl-C gave up on them: the workers are
                # idle, and waiting for them to exit frees the folder's lock (they inherit it) for a resume at once.
                pool.shutdown(wait=not gave_up, cancel_futures=True)
        return final_summary(ledger, jobs)


def _run_stream(articles: Iterable[dict], outdir, *, jobs: int, fmt: str, resume: bool,
                errors: list[InputError] | None, chunk_size: int, part_size: int, total: int | None,
                progress: bool, func: ArticleFn | None) -> dict:
    """Run over an iterable of article dicts: this process reads them, workers compute, this process writes.

    Ctrl-C stops the run only while this process waits for the next article, for a worker or (in
    one process) on an article's extraction, as `ctrl_c_only_while_waiting` arranges; the chunks
    in flight are then collected (a second Ctrl-C gives up on them) and what is collected written.
    """
    from tqdm import tqdm
    outdir = Path(outdir)
    entries = prepare_output(outdir, fmt, resume)
    finished = finished_ids(entries)
    token = new_token()
    errors = errors if errors is not None else []
    with ctrl_c_only_while_waiting() as waiting:
        ledger = new_ledger(outdir)
        state = {"seq": len(entries), "records": [], "doc_ids": [], "failures": [], "quotes": 0, "errors_seen": 0}

        def flush() -> None:
            if not state["doc_ids"] and not state["failures"]:
                return
            state["seq"] += 1
            part, columns = write_part(outdir, f"part-{token}-s{state['seq']:06d}", state["records"], fmt)
            append_manifest(outdir, {"part": part, "columns": columns, "doc_ids": state["doc_ids"],
                                     "quotes": len(state["records"]), "failures": state["failures"]})
            state["records"], state["doc_ids"], state["failures"] = [], [], []

        def collect(res: dict) -> None:
            state["records"] += res["records"]
            state["doc_ids"] += res["doc_ids"]
            state["failures"] += res["failures"]
            state["quotes"] += len(res["records"])
            ledger["new"] += len(res["doc_ids"])
            ledger["interrupted"] |= res["interrupted"]
            ledger["rss"][res["pid"]] = max(ledger["rss"].get(res["pid"], 0), res["maxrss_kb"])
            ledger["cpu"][res["pid"]] = max(ledger["cpu"].get(res["pid"], 0.0), res["cpu_s"])
            bar.update(len(res["doc_ids"]) + len(res["failures"]))
            bar.set_postfix(quotes=state["quotes"], failed=len(state["failures"]), refresh=False)
            if len(state["doc_ids"]) >= part_size:
                flush()

        def drain_errors() -> None:
            for err in errors[state["errors_seen"]:]:
                state["failures"].append({"doc_id": None, "path": err.path, "reason": err.reason})
            state["errors_seen"] = len(errors)

        pool = start_pool(jobs, fmt, func) if jobs > 1 else None
        bar = None
        inflight: set = set()
        ended: queue.SimpleQueue = queue.SimpleQueue()  # futures as they end or are cancelled (their callbacks)
        gave_up = False
        seen: dict[str, str] = {}
        chunk: list[dict] = []
        end = object()

        def submit(chunk: list[dict]) -> None:
            if pool is None:
                collect(process_articles(chunk, func, waiting))
            else:
                submit_tracked(pool, inflight, ended, process_articles, chunk, func)
                while len(inflight) >= 2 * jobs:  # bounded: the stream is read only as fast as workers go
                    collect(next_finished(inflight, ended, waiting).result())
            if ledger["interrupted"]:  # the function was interrupted (Ctrl-C, or its own KeyboardInterrupt)
                raise KeyboardInterrupt

        try:
            bar = tqdm(total=max(total - len(finished), 0) if total else None, unit="article", desc="batch",
                       disable=None if progress else True, smoothing=0.1)
            it = waiting(lambda: iter(articles))
            while (art := waiting(lambda: next(it, end))) is not end:
                drain_errors()
                doc_id = art["doc_id"]
                if doc_id in finished:
                    ledger["skipped"] += 1
                    continue
                if doc_id in seen:
                    state["failures"].append(duplicate(doc_id, art.get("path"), seen[doc_id]))
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
                collect(next_finished(inflight, ended, waiting).result())
                if ledger["interrupted"]:
                    raise KeyboardInterrupt
        except KeyboardInterrupt:
            ledger["interrupted"] = True
            gave_up = keep_in_flight(inflight, ended, waiting, collect)
        finally:
            flush()
            if bar is not None:
                bar.close()
            if pool is not None:
                # As in _run_partitions: idle workers, waited for, no longer hold the folder's lock.
                pool.shutdown(wait=not gave_up, cancel_futures=True)
        return final_summary(ledger, jobs)


def print_summary(summary: dict, outdir: str | Path, file=None) -> None:
    """The end-of-run report: counts, speed, and every failure with its file/record and reason."""
    file = file or sys.stderr
    if summary.get("interrupted") and not summary.get("new") and not summary["failures"]:
        # (Ctrl-C while the first partition or article was read or computed)
        kept = f" ({outdir} holds the {summary['articles']} articles of earlier runs)" if summary["articles"] else ""
        print(INTERRUPTED_AT_START + kept, file=file)
        return
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
