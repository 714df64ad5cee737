"""Dask runs on a small LocalCluster give exactly the single-process records, and resume the runner's folders."""
from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from conftest import DATA, ROOT, TRANSCRIPTS, ctrl_c_around_manifest_line
from toolkit import dask_run, runner
from toolkit.corpus import read_text
from toolkit.stream import iter_articles

distributed = pytest.importorskip("distributed", reason="dask extras not installed: pip install -e '.[dask]'")
dd = pytest.importorskip("dask.dataframe")


def records(outdir) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in runner.iter_results(outdir))


@pytest.fixture(scope="module")
def client():
    # Threads keep start-up fast in CI; the graph, partitions and task code are those of a process cluster.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Real texts as a folder and as a JSONL export (PolNeAR dev when present, else the transcripts)."""
    polnear = ROOT.parent / "shared" / "polnear" / "dev" / "text"
    folder = polnear if polnear.is_dir() else TRANSCRIPTS
    export = tmp_path_factory.mktemp("export") / "export.jsonl"
    with open(export, "w", encoding="utf-8") as fh:
        for i, path in enumerate(sorted(folder.glob("*.txt"))[:40]):
            fh.write(json.dumps({"id": f"x{i}" if i % 4 else "", "text": read_text(path)}) + "\n")
    return [DATA / "articles", folder, export]


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("single")
    return out, runner.run(iter_articles(corpus), out, jobs=1, progress=False)


def test_dask_local_cluster_gives_the_single_process_records(client, corpus, single, tmp_path):
    summary = dask_run.run(corpus, tmp_path / "dask", client=client, partition_size=7, progress=False)
    assert summary["jobs"] == 2 and summary["failures"] == [] and summary["parts"] > 3
    assert summary["articles"] == single[1]["articles"] and summary["quotes"] == single[1]["quotes"]
    assert records(tmp_path / "dask") == records(single[0])


def test_dask_resumes_a_runner_folder_without_recomputing(client, corpus, single, tmp_path):
    out = tmp_path / "mixed"
    calls = []

    def stop_after_20(text, doc_id=""):
        if len(calls) >= 20:
            raise KeyboardInterrupt
        calls.append(doc_id)
        from toolkit.pipeline import article_quotes
        return article_quotes(text, doc_id)
    first = runner.run(iter_articles(corpus), out, jobs=1, chunk_size=5, part_size=5, func=stop_after_20,
                       progress=False)
    assert first["interrupted"] and first["articles"] == 20
    summary = dask_run.run(corpus, out, client=client, partition_size=9, progress=False)
    assert summary["skipped"] == 20 and summary["new"] == single[1]["articles"] - 20
    assert records(out) == records(single[0])


def test_bad_records_are_reported_from_workers(client, tmp_path):
    export = tmp_path / "bad.jsonl"
    text = read_text(DATA / "articles" / "000_4b47a35a151c059f.txt")
    export.write_text("\n".join([json.dumps({"id": "a", "text": text}), "{oops",
                                 json.dumps({"id": "b", "text": text, "date": "someday"})]) + "\n", encoding="utf-8")
    summary = dask_run.run([export], tmp_path / "out", client=client, partition_size=2, progress=False)
    assert summary["articles"] == 1
    assert sorted((f["path"].replace(str(export), "F"), f["reason"].split(" (")[0]) for f in summary["failures"]) == \
        [("F record 3", "unparseable date 'someday'"), ("F:2", "not valid JSON")]


def test_dask_dataframe_entry_point_matches(client):
    import pandas as pd
    arts = list(iter_articles([DATA / "articles", TRANSCRIPTS]))
    ddf = dd.from_pandas(pd.DataFrame({"story": [a["doc_id"] for a in arts], "body": [a["text"] for a in arts]}),
                         npartitions=3)
    got = dask_run.dataframe_quotes(ddf, id_col="story", text_col="body").compute()
    want = runner.process_articles(arts)["records"]
    assert len(want) > 100
    assert sorted(json.dumps(r, sort_keys=True) for r in got) == sorted(json.dumps(r, sort_keys=True) for r in want)


def test_cli_batch_dask_starts_a_process_cluster_and_matches(tmp_path, capsys, monkeypatch):
    from toolkit.cli import main as cli_main
    inputs = [str(DATA / "articles"), str(TRANSCRIPTS)]
    assert cli_main(["batch", *inputs, "-o", str(tmp_path / "one"), "--jobs", "1"]) == 0
    real_connect, on_ctrl_c = dask_run.connect, []

    def connect(*args):
        client = real_connect(*args)
        for pid in client.run(os.getpid).values() if Path("/proc/self/status").exists() else ():
            # (each worker's ignored signals, as the system has them)
            with open(f"/proc/{pid}/status", encoding="ascii") as fh:
                ignored = next(int(line.split()[1], 16) for line in fh if line.startswith("SigIgn:"))
            on_ctrl_c.append(bool(ignored & 1 << (signal.SIGINT - 1)))
        return client
    monkeypatch.setattr(dask_run, "connect", connect)
    assert cli_main(["batch", *inputs, "-o", str(tmp_path / "dask"), "--dask", "--jobs", "2"]) == 0
    assert "14 articles" in capsys.readouterr().err
    assert records(tmp_path / "dask") == records(tmp_path / "one")
    # A terminal's Ctrl-C reaches the local cluster's worker processes too: they leave it to the client, as the
    # runner's workers do (one it killed lost the finished partitions it held, their parts left unrecorded).
    assert on_ctrl_c == ([True, True] if Path("/proc/self/status").exists() else [])


# ------------------------------------------------------------------- Ctrl-C in the parent ---
# The module's cluster runs its workers as threads of this process, so these globals are the ones the tasks see, and
# a signal sent from a task is sent to this process. Each test waits for the tasks it started before it ends, so that
# the next test finds the cluster idle.

CAPTURED: list = []  # the futures of the run under test (client.compute's, in partition order)
RUNNING = [0]  # partitions being computed by a worker thread
_LOCK = threading.Lock()
_REAL_RUN_PARTITION = runner.run_partition


def tracked_partition(*args):
    """runner.run_partition, counted in RUNNING while it runs (cancelled tasks run on: Dask cannot stop them)."""
    with _LOCK:
        RUNNING[0] += 1
    try:
        return _REAL_RUN_PARTITION(*args)
    finally:
        with _LOCK:
            RUNNING[0] -= 1


def _bounded_wait(cond, what: str) -> None:
    """Wait for `cond` (a bound for a broken run only, never a guess at how long the work takes)."""
    deadline = time.monotonic() + 120
    while not cond():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.01)


def _nothing_to_run(dask_scheduler=None) -> bool:
    return not any(ts.state in ("waiting", "queued", "processing", "no-worker") for ts in dask_scheduler.tasks.values())


def _wait_until_idle(client) -> None:
    """Until no task runs or waits to. (A cancel that reaches the scheduler before the graph it cancels is dropped
    there: a Ctrl-C just after the partitions are submitted may leave a few to be computed all the same.)"""
    _bounded_wait(lambda: RUNNING[0] == 0 and client.run_on_scheduler(_nothing_to_run), "the cluster idle")


@pytest.fixture
def tracked(client, monkeypatch):
    """Runs with counted partitions and captured futures; the cluster is left idle at the end, whatever happens."""
    real_compute = client.compute

    def compute(*args, **kwargs):
        futures = real_compute(*args, **kwargs)
        CAPTURED[:] = futures
        return futures
    monkeypatch.setattr(client, "compute", compute)
    monkeypatch.setattr(runner, "run_partition", tracked_partition)
    CAPTURED.clear()
    yield
    _wait_until_idle(client)
    CAPTURED.clear()


def parts_on_disk(out) -> set[str]:
    return {f.name for f in out.glob("part-*")}


def recorded_parts(out) -> set[str]:
    return {e["part"] for e in runner.read_manifest(out) if e["part"]}


def recorded_ids(out) -> list[str]:
    return [d for e in runner.read_manifest(out) for d in e["doc_ids"]]


def _run_catching_ctrl_c(*args, **kwargs) -> dict:
    try:
        return dask_run.run(*args, **kwargs)
    except KeyboardInterrupt:  # (let out, it would stop the whole test session)
        pytest.fail("a KeyboardInterrupt got out of dask_run.run once the run had started")


def _resume_does_exactly_the_rest(client, corpus, single, out, first: dict) -> dict:
    """An immediate resume on the same cluster: the articles not recorded, each once, and the reference's records."""
    second = dask_run.run(corpus, out, client=client, partition_size=7, progress=False)
    assert not second["interrupted"] and second["failures"] == [], second
    assert second["skipped"] == first["articles"] and second["new"] == single[1]["articles"] - first["articles"]
    ids = recorded_ids(out)
    assert len(ids) == len(set(ids)) == single[1]["articles"]
    assert parts_on_disk(out) == recorded_parts(out) and not list(out.glob("*.tmp"))
    assert records(out) == records(single[0])
    return second


@pytest.mark.parametrize("where", ["taking a result", "before the line", "after the line"])
def test_ctrl_c_while_the_parent_records_a_part_keeps_every_finished_one(client, corpus, single, tracked, tmp_path,
                                                                          monkeypatch, where):
    """Ctrl-C in the parent's bookkeeping once every partition has finished (so nothing is in flight and what must be
    kept is known): before a finished future's result is noted, after its entry left the pending list but before its
    manifest line, or after the line. Each finished part must be recorded once, and the summary count it."""
    sent: list = []

    def ctrl_c() -> None:
        distributed.wait(CAPTURED)
        sent.append(1)
        os.kill(os.getpid(), signal.SIGINT)
    real_take, real_append = runner.take, runner.append_manifest

    def take(*args):
        if not sent:
            ctrl_c()
        real_take(*args)
    if where == "taking a result":
        monkeypatch.setattr(runner, "take", take)
    else:
        ctrl_c_around_manifest_line(monkeypatch, where, sent, ctrl_c)
    out = tmp_path / "out"
    first = _run_catching_ctrl_c(corpus, out, client=client, partition_size=7, progress=False)
    assert sent  # (interrupted or not: a Ctrl-C after the last wait stops nothing)
    monkeypatch.setattr(runner, "take", real_take)
    monkeypatch.setattr(runner, "append_manifest", real_append)
    assert parts_on_disk(out) == recorded_parts(out) and not list(out.glob("*.tmp"))
    ids = recorded_ids(out)
    assert len(ids) == len(set(ids)) == first["articles"] == first["new"] == single[1]["articles"]
    _resume_does_exactly_the_rest(client, corpus, single, out, first)
