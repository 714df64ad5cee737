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
import queue
import signal
from pathlib import Path
from typing import Iterable

from toolkit import runner
from toolkit.interrupt import ctrl_c_only_while_waiting


def connect(address: str | None = None, workers: int | None = None):
    """A distributed Client: on the scheduler at `address`, or on a new LocalCluster of processes."""
    from distributed import Client, LocalCluster
    if address:
        return Client(address)
    # Processes, one thread each: the pipeline is pure Python, so threads would share one GIL.
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0")  # any free port: several runs may share a host
    client = Client(cluster)
    client.register_plugin(_ignore_ctrl_c_plugin()(), name="newsquote-ignore-ctrl-c")
    return client


def _ignore_ctrl_c_plugin():
    from distributed import WorkerPlugin

    class IgnoreCtrlC(WorkerPlugin):
        """A terminal's Ctrl-C goes to the whole process group, the local cluster's workers too: as the runner's
        workers (runner._init_worker), they ignore it and the client alone decides how to stop. (A worker it
        stopped took with it the results of the partitions it had finished: their parts were left unrecorded.)"""

        def setup(self, worker) -> None:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    return IgnoreCtrlC


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
    """The run, its Ctrl-C held back as in the runner (ctrl_c_only_while_waiting).

    Ctrl-C stops the run only where this process waits: for the plan, for Dask, and for
    finished partitions after it. Everything else (submitting the partitions, noting a result and
    recording it in the manifest, closing the cluster) is bookkeeping that goes on to its end, the
    Ctrl-C raised at the next wait. A Ctrl-C before the folder is ready or while a local cluster
    starts (its worker processes die of it before they can ignore it) raises KeyboardInterrupt,
    with nothing recorded; from then on it stops the run and the summary says `interrupted`: the
    partitions that finished are kept (recorded in input order), the others cancelled. A running
    Dask task cannot be stopped: a cancelled partition being computed may still write its part,
    which nothing records and a resume removes.
    """
    import dask
    import dask.bag as db
    from tqdm import tqdm

    finished = runner.finished_ids(runner.prepare_output(outdir, fmt, resume))
    with ctrl_c_only_while_waiting() as waiting:
        ledger = runner.new_ledger(outdir)
        own_client = client is None
        client = client or waiting(lambda: connect(address, workers))
        n_workers = 0
        bar = None
        inflight: set = set()
        ended: queue.SimpleQueue = queue.SimpleQueue()  # futures as they end or are cancelled (their callbacks)

        def cancel(futures: list) -> None:
            # A Dask cancel drops a finished result too: keep_in_flight collects those.
            client.cancel([f for f in futures if not f.done()])

        def keep(results: list) -> None:  # (a future's result: its bag partition, one run_partition summary)
            for res in results:
                runner.take(ledger, res, bar)

        try:
            n_workers = len(client.scheduler_info().get("workers", {}))
            # Partitions sized for the workers there are (a remote cluster may have many).
            work = waiting(lambda: runner.plan(inputs, finished, workers=max(n_workers, 1), input_format=input_format,
                                               cols=cols, partition_size=partition_size))
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
                runner.track(inflight, ended, client.compute(bag.to_delayed()))
            while inflight:
                keep(runner.next_finished(inflight, ended, waiting).result())
                runner.commit(ledger)
                if ledger["interrupted"]:  # a task's function was interrupted: stop as on Ctrl-C
                    raise KeyboardInterrupt
        except KeyboardInterrupt:
            ledger["interrupted"] = True
            runner.keep_in_flight(inflight, ended, waiting, keep, cancel)
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
