"""The batch quote run on Dask: a local cluster by default, or any scheduler when given its address.

The input is cut into partitions (runner.plan: lists of files, byte ranges of an export) and a
dask.bag maps runner.run_partition over them: each task reads its partition, runs
pipeline.article_quotes and writes its own part, exactly as a `--jobs N` worker does. The client
records finished parts in the manifest with runner.commit, so the results, the resume and the
summary are the runner's. Workers must see the input and the output folder (the local disk for a
LocalCluster, a shared filesystem for a remote cluster) and have the toolkit installed.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from toolkit import runner


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
    outdir = Path(outdir).resolve()
    with runner.claim(outdir):
        return _run(inputs, outdir, address=address, workers=workers, client=client, fmt=fmt, resume=resume,
                    input_format=input_format, cols=cols, partition_size=partition_size, total=total,
                    progress=progress, func=func)


def _run(inputs, outdir: Path, *, address, workers, client, fmt, resume, input_format, cols, partition_size, total,
         progress, func) -> dict:
    import dask
    import dask.bag as db
    from distributed import as_completed
    from tqdm import tqdm

    finished = runner.finished_ids(runner.prepare_output(outdir, fmt, resume))
    ledger = runner.new_ledger(outdir)
    own_client = client is None
    client = client or connect(address, workers)
    n_workers = len(client.scheduler_info().get("workers", {}))
    bar = None
    futures = []
    try:
        # Partitions sized for the workers there are (a remote cluster may have many).
        work = runner.plan(inputs, finished, workers=max(n_workers, 1), input_format=input_format, cols=cols,
                           partition_size=partition_size)
        runner.record_input_errors(outdir, work["errors"])
        ledger["skipped"] = work["skipped"]
        bar = tqdm(total=total - len(finished) if total else work["total"], unit="article", desc="batch (dask)",
                   disable=None if progress else True, smoothing=0.1)
        specs = work["specs"]
        if specs:
            # Only table pieces can hold finished ids (txt ones were filtered by the plan).
            skip = dask.delayed(frozenset(finished) if any(s["kind"] != "txt" for s in specs) else frozenset())
            # Positional: Bag.map's own first parameter is called func.
            bag = db.from_sequence(specs, npartitions=len(specs)).map(
                runner.run_partition, str(outdir), fmt, runner.new_token(), skip, func)
            futures = client.compute(bag.to_delayed())
        for fut in as_completed(futures):
            for res in fut.result():
                runner.take(ledger, res, bar)
            runner.commit(ledger)
    except KeyboardInterrupt:
        ledger["interrupted"] = True  # recorded parts are whole; parts written but not recorded go on resume
        client.cancel(futures)
    finally:
        runner.commit(ledger, final=True)
        if bar is not None:
            bar.close()
        if own_client:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()
    return runner.final_summary(ledger, n_workers)


def _piece_quotes(articles: Iterable[dict], article_fn=None) -> list[dict]:
    return runner.process_articles(list(articles), article_fn)["records"]


def quotes_bag(articles, func=None):
    """A dask.bag of quote records from a dask.bag of article dicts (doc_id, text)."""
    return articles.map_partitions(_piece_quotes, article_fn=func)


def dataframe_quotes(ddf, id_col: str = "doc_id", text_col: str = "text", func=None):
    """A dask.bag of quote records from a dask.dataframe with id and text columns (`.to_dataframe()` it)."""
    arts = ddf[[id_col, text_col]].rename(columns={id_col: "doc_id", text_col: "text"})
    return quotes_bag(arts.to_bag(format="dict"), func)
