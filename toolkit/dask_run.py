"""The batch quote run on Dask: a local cluster by default, or any scheduler when given its address.

The input is cut into partitions (stream.partitions: lists of files, byte ranges of an export) and
a dask.bag maps runner.process_articles — hence pipeline.article_quotes — over them. Each task
writes its own part into the output folder and the client records finished parts in the same
manifest the single-machine runner keeps, so the results, the resume and the summary are the
runner's. Workers must see the input and the output folder (the local disk for a LocalCluster,
a shared filesystem for a remote cluster) and have the toolkit installed.
"""
from __future__ import annotations

import os
import resource
import time
from pathlib import Path
from typing import Iterable

from toolkit import runner, stream
from toolkit.errors import InputError


def _run_piece(spec: dict, outdir: str, fmt: str, token: str, skip: frozenset, article_fn=None) -> dict:
    """Read one partition on a worker, run the pipeline on it and write its part atomically."""
    errors: list[InputError] = []
    articles, failures, seen, skipped = [], [], set(), 0
    for art in stream.read_partition(spec, errors=errors):
        if art["doc_id"] in skip:
            skipped += 1
        elif art["doc_id"] in seen:
            failures.append({"doc_id": None, "path": art["path"],
                             "reason": f"duplicate doc_id {art['doc_id']!r} (also in this partition)"})
        else:
            seen.add(art["doc_id"])
            articles.append(art)
    res = runner.process_articles(articles, article_fn)
    failures = [{"doc_id": None, "path": e.path, "reason": e.reason} for e in errors] + failures + res["failures"]
    part = runner.write_part(outdir, f"part-{token}-d{spec['index']:06d}", res["records"], fmt)
    return {"entry": {"part": part, "doc_ids": res["doc_ids"], "quotes": len(res["records"]), "failures": failures},
            "skipped": skipped, "pid": res["pid"], "maxrss_kb": res["maxrss_kb"]}


def connect(address: str | None = None, workers: int | None = None):
    """A distributed Client: on the scheduler at `address`, or on a new LocalCluster of processes."""
    from distributed import Client, LocalCluster
    if address:
        return Client(address)
    # Processes, one thread each: the pipeline is pure Python, so threads would share one GIL.
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0")  # any free port: several runs may share a host
    return Client(cluster)


def run(inputs: str | Path | Iterable[str | Path], outdir: str | Path, *, address: str | None = None,
        workers: int | None = None, client=None, fmt: str = "parquet", resume: bool = True,
        input_format: str | None = None, cols: dict | None = None, partition_size: int = 250,
        total: int | None = None, progress: bool = True, func=None) -> dict:
    """Quote records of every article of `inputs` into `outdir`, computed on Dask.

    Uses `client` if given, else connects to `address`, else starts a LocalCluster of `workers`
    processes (default: all cores) and closes it at the end. Returns the runner's summary.
    """
    import dask
    import dask.bag as db
    from distributed import as_completed
    from tqdm import tqdm

    outdir = Path(outdir).resolve()
    entries = runner.prepare_output(outdir, fmt, resume)
    finished = runner.finished_ids(entries)
    errors: list[InputError] = []
    specs = []
    skipped = 0
    for spec in stream.partitions(inputs, fmt=input_format, cols=cols, size=partition_size, errors=errors):
        if spec["kind"] == "txt":  # ids are known without reading: leave finished files out at once
            todo = [(d, f) for d, f in spec["files"] if d not in finished]
            skipped += len(spec["files"]) - len(todo)
            spec["files"] = todo
            if not spec["files"]:
                continue
        spec["index"] = len(specs)
        specs.append(spec)
    if errors:
        runner.append_manifest(outdir, {"part": None, "doc_ids": [], "quotes": 0,
                                        "failures": [{"doc_id": None, "path": e.path, "reason": e.reason}
                                                     for e in errors]})
    expected = sum(len(s["files"]) if s["kind"] == "txt" else s["n"] for s in specs)
    bar = tqdm(total=total - len(finished) if total else expected, unit="article", desc="batch (dask)",
               disable=None if progress else True, smoothing=0.1)
    own_client = client is None
    client = client or connect(address, workers)
    n_workers = len(client.scheduler_info().get("workers", {}))
    token = time.strftime("%Y%m%d-%H%M%S")
    started = time.perf_counter()
    stats = {"new": 0, "skipped": skipped, "rss": {}}
    seen = set(finished)
    interrupted = False
    futures = []
    try:
        if specs:
            skip = dask.delayed(frozenset(finished) if any(s["kind"] != "txt" for s in specs) else frozenset())
            bag = db.from_sequence(specs, npartitions=len(specs)).map(
                _run_piece, outdir=str(outdir), fmt=fmt, token=token, skip=skip, article_fn=func)
            futures = client.compute(bag.to_delayed())
        for fut in as_completed(futures):
            for res in fut.result():
                entry = res["entry"]
                dup = [d for d in entry["doc_ids"] if d in seen]
                if dup:  # the same id in two partitions of an export: keep the first, report the rest
                    entry["dropped"] = dup
                    entry["doc_ids"] = [d for d in entry["doc_ids"] if d not in set(dup)]
                    entry["failures"] += [{"doc_id": None, "path": "input",
                                           "reason": f"duplicate doc_id {d!r} in two partitions"}
                                          for d in dup]
                seen.update(entry["doc_ids"])
                if entry["part"] or entry["doc_ids"] or entry["failures"]:
                    runner.append_manifest(outdir, entry)
                stats["new"] += len(entry["doc_ids"])
                stats["skipped"] += res["skipped"]
                stats["rss"][res["pid"]] = max(stats["rss"].get(res["pid"], 0), res["maxrss_kb"])
                bar.update(len(entry["doc_ids"]) + len(entry["failures"]) + res["skipped"])
    except KeyboardInterrupt:
        interrupted = True  # recorded parts are whole; parts written but not recorded go on resume
        client.cancel(futures)
    finally:
        bar.close()
        if own_client:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    stats["rss"][os.getpid()] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary = runner.summarize(outdir)
    summary.update(new=stats["new"], skipped=stats["skipped"], seconds=round(time.perf_counter() - started, 3),
                   interrupted=interrupted, jobs=n_workers,
                   peak_rss_mb={str(pid): round(kb / 1024, 1) for pid, kb in stats["rss"].items()})
    return summary


def _piece_quotes(articles: Iterable[dict], article_fn=None) -> list[dict]:
    return runner.process_articles(list(articles), article_fn)["records"]


def quotes_bag(articles, func=None):
    """A dask.bag of quote records from a dask.bag of article dicts (doc_id, text)."""
    return articles.map_partitions(_piece_quotes, article_fn=func)


def dataframe_quotes(ddf, id_col: str = "doc_id", text_col: str = "text", func=None):
    """A dask.bag of quote records from a dask.dataframe with id and text columns (`.to_dataframe()` it)."""
    arts = ddf[[id_col, text_col]].rename(columns={id_col: "doc_id", text_col: "text"})
    return quotes_bag(arts.to_bag(format="dict"), func)
