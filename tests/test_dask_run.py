"""Dask runs on a small LocalCluster give exactly the single-process records, and resume the runner's folders."""
from __future__ import annotations

import json

import pytest

from conftest import DATA, ROOT, TRANSCRIPTS
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


def test_cli_batch_dask_starts_a_process_cluster_and_matches(tmp_path, capsys):
    from toolkit.cli import main as cli_main
    inputs = [str(DATA / "articles"), str(TRANSCRIPTS)]
    assert cli_main(["batch", *inputs, "-o", str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert cli_main(["batch", *inputs, "-o", str(tmp_path / "dask"), "--dask", "--jobs", "2"]) == 0
    assert "14 articles" in capsys.readouterr().err
    assert records(tmp_path / "dask") == records(tmp_path / "one")
