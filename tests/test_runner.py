"""The batch runner: same records on 1 or 2 processes, resumable after Ctrl-C or a hard kill, failures reported."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, TRANSCRIPTS, ctrl_c_around_manifest_line, need_polnear
from toolkit import runner
from toolkit.cli import main as cli_main
from toolkit.errors import InputError
from toolkit.pipeline import article_quotes
from toolkit.stream import iter_articles

INPUTS = [DATA / "articles", TRANSCRIPTS]
CALLS: list[str] = []  # doc_ids the counting function saw, in this process


def counted_quotes(text: str, doc_id: str = "") -> list[dict]:
    """pipeline.article_quotes, noting each call (to prove finished articles are not recomputed)."""
    CALLS.append(doc_id)
    return article_quotes(text, doc_id)


def interrupt_after(n: int):
    def fn(text: str, doc_id: str = "") -> list[dict]:
        if len(CALLS) >= n:
            raise KeyboardInterrupt  # what Ctrl-C raises in the main process
        return counted_quotes(text, doc_id)
    return fn


def killed_after_first_part(text: str, doc_id: str = "") -> list[dict]:
    """A hard crash (SIGKILL, no cleanup) once the first part is in the manifest."""
    outdir = Path(os.environ["KILL_OUTDIR"])
    if runner.read_manifest(outdir):
        os.kill(os.getpid(), signal.SIGKILL)
    return article_quotes(text, doc_id)


def fail_on(doc_id_to_fail: str):
    def fn(text: str, doc_id: str = "") -> list[dict]:
        if doc_id == doc_id_to_fail:
            raise ValueError("cannot parse this one")
        return article_quotes(text, doc_id)
    return fn


def records(outdir) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in runner.iter_results(outdir))


def _corpus(tmp_path: Path) -> list[Path]:
    """Real articles: the seed, the transcripts, and PolNeAR dev texts when present."""
    polnear = ROOT.parent / "shared" / "polnear" / "dev" / "text"
    return INPUTS + ([polnear] if polnear.is_dir() else [])


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    out = tmp_path_factory.mktemp("ref")
    summary = runner.run(iter_articles(_corpus(out)), out, jobs=1, progress=False)
    return out, summary


def test_single_process_writes_every_article_and_its_quotes(reference):
    out, summary = reference
    assert summary["articles"] == sum(1 for _ in iter_articles(_corpus(out))) and summary["failures"] == []
    assert summary["quotes"] == len(records(out)) > 0
    ours = {a["doc_id"]: a["text"] for a in iter_articles(INPUTS)}
    written = [r for r in runner.iter_results(out) if r["doc_id"] in ours]
    assert len(written) == sum(len(article_quotes(t, d)) for d, t in ours.items())
    assert all(r["quote"] == ours[r["doc_id"]][r["start"]:r["end"]] for r in written)


def test_two_processes_and_jsonl_give_the_same_records(reference, tmp_path):
    out, _ = reference
    summary = runner.run(iter_articles(_corpus(tmp_path)), tmp_path / "j2", jobs=2, fmt="jsonl",
                         chunk_size=4, part_size=10, progress=False)
    assert summary["jobs"] == 2 and summary["parts"] > 1
    assert records(tmp_path / "j2") == records(out)
    assert len(summary["peak_rss_mb"]) >= 2  # the parent and at least one worker report memory


def test_results_frame_has_contract_columns_first(reference):
    df = runner.read_results(reference[0])
    assert list(df.columns[:4]) == ["doc_id", "start", "end", "quote"] and len(df) == reference[1]["quotes"]


def test_ctrl_c_mid_run_then_resume_loses_and_repeats_nothing(reference, tmp_path):
    out = tmp_path / "out"
    CALLS.clear()
    first = runner.run(iter_articles(_corpus(tmp_path)), out, jobs=1, chunk_size=2, part_size=4,
                       func=interrupt_after(9), progress=False)
    assert first["interrupted"] and 0 < first["articles"] <= 9
    done_before = runner.finished_ids(runner.read_manifest(out))
    CALLS.clear()
    second = runner.run(iter_articles(_corpus(tmp_path)), out, jobs=1, func=counted_quotes, progress=False)
    assert not second["interrupted"] and second["skipped"] == len(done_before)
    assert not done_before & set(CALLS)  # finished articles were not recomputed
    assert len(CALLS) == len(set(CALLS)) == reference[1]["articles"] - len(done_before)
    assert records(out) == records(reference[0])  # nothing missing, nothing twice


def test_hard_kill_then_resume(reference, tmp_path):
    out = tmp_path / "killed"
    code = (f"import sys; sys.path[:0] = [{str(ROOT / 'tests')!r}]\n"
            "import test_runner as t\nfrom toolkit.runner import run\nfrom toolkit.stream import iter_articles\n"
            f"run(iter_articles({[str(p) for p in _corpus(tmp_path)]!r}), {str(out)!r}, jobs=1, chunk_size=2,"
            " part_size=3, func=t.killed_after_first_part, progress=False)\n")
    proc = subprocess.run([sys.executable, "-c", code], env={**os.environ, "KILL_OUTDIR": str(out)},
                          cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    kept = runner.read_manifest(out)
    assert len(kept) == 1
    # Leftovers a crash can leave: a half-written part, a temp file, a torn manifest line.
    (out / "part-orphan-000009.parquet").write_bytes(b"PAR1 half written")
    (out / "part-x-000010.parquet.tmp").write_bytes(b"")
    with open(out / runner.MANIFEST, "a", encoding="utf-8") as fh:
        fh.write('{"part": "part-orphan-000009.parquet", "doc_ids": ["torn')
    CALLS.clear()
    summary = runner.run(iter_articles(_corpus(tmp_path)), out, jobs=1, func=counted_quotes, progress=False)
    assert not set(CALLS) & set(kept[0]["doc_ids"])
    assert not (out / "part-orphan-000009.parquet").exists() and not (out / "part-x-000010.parquet.tmp").exists()
    assert summary["articles"] == reference[1]["articles"]
    assert records(out) == records(reference[0])


def test_failed_article_is_reported_then_retried_on_resume(tmp_path):
    out = tmp_path / "out"
    victim = "wh_2023-02-23_press-briefing-jean-pierre"
    first = runner.run(iter_articles(INPUTS), out, jobs=1, func=fail_on(victim), progress=False)
    assert [(f["doc_id"], Path(f["path"]).name) for f in first["failures"]] == [(victim, victim + ".txt")]
    assert first["failures"][0]["reason"].startswith("ValueError: cannot parse this one (at test_runner.py:")
    assert victim not in runner.finished_ids(runner.read_manifest(out))
    second = runner.run(iter_articles(INPUTS), out, jobs=1, progress=False)
    assert second["new"] == 1 and second["failures"] == [] and second["articles"] == 14


def test_bad_input_records_and_duplicates_are_in_the_summary(tmp_path):
    export = tmp_path / "export.jsonl"
    text = (DATA / "articles" / "000_4b47a35a151c059f.txt").read_text(encoding="utf-8")
    export.write_text("\n".join([json.dumps({"id": "s1", "text": text}), "{oops",
                                 json.dumps({"id": "s1", "text": text}), json.dumps({"id": "s2", "text": ""})]) + "\n",
                      encoding="utf-8")
    errors: list = []
    summary = runner.run(iter_articles(export, errors=errors), tmp_path / "out", jobs=1, errors=errors,
                         progress=False)
    assert summary["articles"] == 1
    reasons = sorted((f["path"].replace(str(export), "F"), f["reason"].split(" (")[0]) for f in summary["failures"])
    assert reasons == [("F record 3", "duplicate doc_id 's1'"), ("F record 4", "empty 'text'"),
                       ("F:2", "not valid JSON")]


def test_cli_batch_reports_and_resumes(tmp_path, capsys):
    out = tmp_path / "out"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 latin-1")
    args = ["batch", str(DATA / "articles"), str(TRANSCRIPTS), str(bad), "-o", str(out), "--jobs", "2",
            "--format", "jsonl"]
    assert cli_main(args) == 1  # a failure makes the exit status non-zero
    err = capsys.readouterr().err
    assert "14 articles" in err and "bad.txt: not valid UTF-8" in err
    assert cli_main(args) == 1
    assert "0 new, 14 already done" in capsys.readouterr().err
    assert cli_main(args[:-2] + ["--format", "parquet"]) == 2  # resuming jsonl parts as parquet
    assert "holds jsonl parts" in capsys.readouterr().err
    assert cli_main(args[:-2] + ["--format", "parquet", "--no-resume"]) == 1
    assert "14 new" in capsys.readouterr().err
    assert not list(out.glob("*.jsonl.*")) and len(list(out.glob("part-*.parquet"))) == 1


def test_large_polnear_slice_through_two_processes_matches_single(tmp_path):
    train = need_polnear() / "train" / "text"
    files = sorted(train.glob("*.txt"))[:120]
    one = runner.run(iter_articles(files), tmp_path / "one", jobs=1, progress=False)
    two = runner.run(iter_articles(files), tmp_path / "two", jobs=2, progress=False)
    assert one["articles"] == two["articles"] == 120
    assert records(tmp_path / "one") == records(tmp_path / "two")


# ---------------------------------------------- inputs given as paths: workers read and write ---

SEED_ID = "000_4b47a35a151c059f"


def slow_quotes(text: str, doc_id: str = "") -> list[dict]:
    """pipeline.article_quotes, slowed down so that a signal reliably lands mid-run."""
    import time
    time.sleep(0.02)
    return article_quotes(text, doc_id)


def logged_quotes(text: str, doc_id: str = "") -> list[dict]:
    """pipeline.article_quotes, noting which process computed each article (in $PID_LOG)."""
    with open(os.environ["PID_LOG"], "a", encoding="utf-8") as fh:
        fh.write(f"compute {os.getpid()}\n")
    return article_quotes(text, doc_id)


def kill_group_after_first_part(text: str, doc_id: str = "") -> list[dict]:
    """A crash of the whole run (parent and workers, SIGKILL) once a part is in the manifest."""
    if runner.read_manifest(Path(os.environ["KILL_OUTDIR"])):
        os.killpg(os.getpgrp(), signal.SIGKILL)
    return article_quotes(text, doc_id)


def _export_texts() -> list[str]:
    """Real texts for the export: 30 PolNeAR dev articles when ../shared is there; else 90 sections of the shipped
    transcripts, so that without PolNeAR the corpus is still large enough to fill several partitions."""
    polnear = ROOT.parent / "shared" / "polnear" / "dev" / "text"
    if polnear.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(polnear.glob("*.txt"))][:30]
    sections = []
    for p in sorted(TRANSCRIPTS.glob("*.txt")):
        paras = p.read_text(encoding="utf-8").split("\n\n")
        sections += ["\n\n".join(paras[i:i + 12]) for i in range(0, len(paras), 12)]
    assert len(sections) >= 90, "the shipped transcripts should give 90 sections of 12 paragraphs"
    return sections[:90]


def _export_corpus(folder: Path, duplicates: bool) -> list[Path]:
    """The folders plus a JSONL export of real texts with a bad record; with `duplicates`, two ids
    repeated with other texts: one repeats the seed of the folder, one a record further up the export."""
    texts = _export_texts()
    lines = [json.dumps({"id": f"x{i}", "text": t}) for i, t in enumerate(texts)]
    lines[5:5] = ["{oops"]
    if duplicates:
        lines[9:9] = [json.dumps({"id": SEED_ID, "text": texts[-1]})]
        lines.append(json.dumps({"id": "x3", "text": texts[-2]}))
    export = folder / "wire.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*_corpus(folder), export]


@pytest.fixture(scope="module")
def path_corpus(tmp_path_factory) -> list[Path]:
    return _export_corpus(tmp_path_factory.mktemp("export"), duplicates=True)


@pytest.fixture(scope="module")
def clean_corpus(tmp_path_factory) -> list[Path]:
    """Without duplicate ids: on resume every finished id is then skipped exactly once."""
    return _export_corpus(tmp_path_factory.mktemp("clean"), duplicates=False)


def _reference(corpus, out):
    """The stream runner on one process: the records and failures every partitioned run must give."""
    errors: list = []
    summary = runner.run(iter_articles(corpus, errors=errors), out, jobs=1, errors=errors, progress=False)
    assert summary["articles"] > 50
    return out, summary


@pytest.fixture(scope="module")
def path_reference(path_corpus, tmp_path_factory):
    out, summary = _reference(path_corpus, tmp_path_factory.mktemp("pref"))
    assert [f["reason"].split(" (")[0] for f in summary["failures"]].count("duplicate doc_id 'x3'") == 1
    return out, summary


@pytest.fixture(scope="module")
def clean_reference(clean_corpus, tmp_path_factory):
    return _reference(clean_corpus, tmp_path_factory.mktemp("cref"))


def failures(summary) -> list[tuple]:
    return sorted((f["doc_id"], f["path"], f["reason"]) for f in summary["failures"])


def test_paths_in_give_the_stream_records_on_one_and_two_processes(path_corpus, path_reference, tmp_path):
    ref_out, ref = path_reference
    for jobs in (1, 2):
        out = tmp_path / f"p{jobs}"
        summary = runner.run(path_corpus, out, jobs=jobs, partition_size=7, fmt="jsonl", progress=False)
        assert summary["parts"] > 10 and summary["jobs"] == jobs and not summary["interrupted"]
        assert (summary["articles"], summary["quotes"]) == (ref["articles"], ref["quotes"])
        assert failures(summary) == failures(ref)  # first of two equal ids kept, whichever worker ends first
        assert records(out) == records(ref_out)
    assert len(summary["peak_rss_mb"]) == 3 and summary["cpu_seconds"]["workers"] > 0


def test_workers_read_their_own_partitions_and_the_parent_reads_no_text(path_corpus, tmp_path, monkeypatch):
    log = tmp_path / "pids.log"
    monkeypatch.setenv("PID_LOG", str(log))
    from toolkit import stream

    def logged(real, what):
        def fn(*args):
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"{what} {os.getpid()}\n")
            return real(*args)
        return fn
    # Forked workers inherit these wrappers, so every read and every computation is logged with its process.
    monkeypatch.setattr(stream, "txt_article", logged(stream.txt_article, "read"))
    monkeypatch.setattr(stream, "table_article", logged(stream.table_article, "read"))
    summary = runner.run(path_corpus, tmp_path / "out", jobs=2, partition_size=10, func=logged_quotes,
                         progress=False)
    events = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    readers = {pid for what, pid in events if what == "read"}
    computers = {pid for what, pid in events if what == "compute"}
    assert str(os.getpid()) not in readers | computers
    assert len(readers) == len(computers) == 2
    dropped = sum(len(e.get("dropped", ())) for e in runner.read_manifest(tmp_path / "out"))
    assert dropped > 0  # duplicates in other partitions are computed, then left out of the results
    assert sum(what == "compute" for what, _ in events) == summary["articles"] + dropped


def test_ctrl_c_in_a_partition_keeps_every_finished_article_then_resumes(clean_corpus, clean_reference, tmp_path):
    out = tmp_path / "out"
    CALLS.clear()
    first = runner.run(clean_corpus, out, jobs=1, partition_size=20, func=interrupt_after(9), progress=False)
    assert first["interrupted"] and first["articles"] == 9  # the partition cut short is written too
    done_before = runner.finished_ids(runner.read_manifest(out))
    CALLS.clear()
    second = runner.run(clean_corpus, out, jobs=1, func=counted_quotes, progress=False)
    assert not second["interrupted"] and second["skipped"] == 9 and not done_before & set(CALLS)
    assert second["new"] == clean_reference[1]["articles"] - 9
    assert records(out) == records(clean_reference[0]) and failures(second) == failures(clean_reference[1])


def _run_in_group(code: str, outdir: Path, env: dict | None = None) -> subprocess.Popen:
    """`code` in its own process group (as a terminal runs a command), with this test module importable."""
    head = f"import sys; sys.path[:0] = [{str(ROOT / 'tests')!r}]\nimport json, test_runner as t\nfrom toolkit import runner\n"
    return subprocess.Popen([sys.executable, "-c", head + code], cwd=ROOT, start_new_session=True,
                            env={**os.environ, "KILL_OUTDIR": str(outdir), **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def parts_on_disk(out: Path) -> set[str]:
    return {f.name for f in out.glob("part-*")}


def recorded_parts(out: Path) -> set[str]:
    return {e["part"] for e in runner.read_manifest(out) if e["part"]}


def test_ctrl_c_on_two_processes_then_resume(clean_corpus, clean_reference, tmp_path):
    import time
    out = tmp_path / "out"
    total = clean_reference[1]["articles"]
    proc = _run_in_group(f"s = runner.run({[str(p) for p in clean_corpus]!r}, {str(out)!r}, jobs=2, partition_size=5,"
                         " func=t.slow_quotes, progress=False)\nprint(json.dumps(s))\n", out)
    deadline = time.monotonic() + 60
    # (parts on disk, not manifest entries: the manifest records parts in input order, so while the first partition,
    # long transcripts, is still running, it records none, and then nearly all at once at the end of the run)
    while sum(not f.name.endswith(".tmp") for f in out.glob("part-*")) < 3 and proc.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is None:  # (not reaped yet: the group exists until communicate() below)
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the parent and its workers alike
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr.decode()[-2000:]
    first = json.loads(stdout)
    # On a busy machine Ctrl-C may come when the partitions in flight cover the rest, or after the run ended: what
    # holds in every timing is that each part written is recorded, and the resume does exactly the rest.
    assert 0 < first["articles"] <= total and (first["interrupted"] or first["articles"] == total), first
    assert parts_on_disk(out) == recorded_parts(out)  # partitions finished at Ctrl-C are kept, none half-written
    assert not list(out.glob("*.tmp"))
    second = runner.run(clean_corpus, out, jobs=2, progress=False)
    assert second["skipped"] == first["articles"] and second["new"] == total - first["articles"]
    assert records(out) == records(clean_reference[0]) and failures(second) == failures(clean_reference[1])


_REAL_PROCESS_ARTICLES = runner.process_articles


class CtrlCOnRead(list):
    """A chunk's doc_ids that send Ctrl-C to the parent the first time it reads them: in the middle of its
    bookkeeping, after the chunk's records were added and before its doc_ids are; the second chunk read, so that
    the part being filled holds a chunk already. (Pickled back from a worker as this class, which reads them in the
    worker without sending anything.)"""
    parent = 0
    reads: list = []
    sent: list = []

    def __iter__(self):
        if os.getpid() == CtrlCOnRead.parent and not CtrlCOnRead.sent:
            CtrlCOnRead.reads.append(1)
            if len(CtrlCOnRead.reads) == 2:
                CtrlCOnRead.sent.append(1)
                os.kill(os.getpid(), signal.SIGINT)
        return super().__iter__()


def process_articles_ctrl_c_on_read(*args, **kwargs):
    res = _REAL_PROCESS_ARTICLES(*args, **kwargs)
    res["doc_ids"] = CtrlCOnRead(res["doc_ids"])
    return res


def _ctrl_c_in_bookkeeping(monkeypatch, where: str) -> list:
    """Send Ctrl-C to this process from inside one step of the parent's bookkeeping, the first time it runs
    with a part: `part written` (the part is in place, write_part has not returned), `before the line` (the part
    is off the ledger's pending list, its manifest line not yet written), `after the line` (the line is written
    and flushed, append_manifest has not returned) or `mid-collect` (a chunk's records are added, not its doc_ids).
    Returns the list that is non-empty once the signal was sent."""
    sent: list = []

    def ctrl_c():
        sent.append(1)
        os.kill(os.getpid(), signal.SIGINT)  # the signal lands here, as a Ctrl-C on a busy machine may

    real_write = runner.write_part

    def write_part(*args):
        part = real_write(*args)
        if part[0] and not sent:
            ctrl_c()
        return part

    if where == "part written":
        monkeypatch.setattr(runner, "write_part", write_part)
    elif where == "mid-collect":
        monkeypatch.setattr(CtrlCOnRead, "parent", os.getpid())
        monkeypatch.setattr(CtrlCOnRead, "sent", sent)
        monkeypatch.setattr(CtrlCOnRead, "reads", [])
        monkeypatch.setattr(runner, "process_articles", process_articles_ctrl_c_on_read)
    else:
        ctrl_c_around_manifest_line(monkeypatch, where, sent, ctrl_c)
    return sent


def _dicts(corpus):
    """The input as article dicts: a fresh iterator and the list its bad records go to, at each call."""
    def source():
        errors: list = []
        return iter_articles(corpus, errors=errors), errors
    return source


def _run(source, out, **kwargs) -> dict:
    given = source()
    if isinstance(given, tuple):  # article dicts and their errors list
        return runner.run(given[0], out, errors=given[1], progress=False, **kwargs)
    return runner.run(given, out, progress=False, **kwargs)


def _assert_kept_whole_then_resume(out: Path, first: dict, source, reference, jobs: int) -> None:
    """What a Ctrl-C must leave, wherever it lands: every part on disk recorded, no leftover temp file, no
    article recorded twice; then a resume does exactly the rest and the records are the reference's.
    `source()` gives the input: paths, or a fresh iterator of article dicts and the list of its bad records."""
    total = reference[1]["articles"]
    assert first["interrupted"] and 0 < first["articles"] < total, first
    assert parts_on_disk(out) == recorded_parts(out)
    assert not list(out.glob("*.tmp"))
    ids = [d for e in runner.read_manifest(out) for d in e["doc_ids"]]
    assert len(ids) == len(set(ids)) == first["articles"]
    second = _run(source, out, jobs=jobs)
    assert second["skipped"] == first["articles"] and second["new"] == total - first["articles"]
    assert records(out) == records(reference[0]) and failures(second) == failures(reference[1])


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("where", ["before the line", "after the line", "part written"])
def test_ctrl_c_while_the_parent_records_a_part_keeps_it(clean_corpus, clean_reference, tmp_path, monkeypatch,
                                                         where, jobs):
    """Paths in. Ctrl-C in the parent's bookkeeping, not in its wait for the workers or in an article's extraction:
    the part must be recorded once, whole. (With two processes the workers write the parts, not the parent.)"""
    if where == "part written" and jobs == 2:
        pytest.skip("with two processes the workers write the parts; they leave Ctrl-C to the parent")
    out = tmp_path / "out"
    sent = _ctrl_c_in_bookkeeping(monkeypatch, where)
    first = runner.run(clean_corpus, out, jobs=jobs, partition_size=5, progress=False)
    assert sent
    monkeypatch.undo()
    _assert_kept_whole_then_resume(out, first, lambda: clean_corpus, clean_reference, jobs)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("where", ["before the line", "after the line", "part written", "mid-collect"])
def test_ctrl_c_while_the_stream_runner_records_a_part_keeps_it(clean_corpus, clean_reference, tmp_path, monkeypatch,
                                                                where, jobs):
    """Articles given as dicts: this process reads them and writes every part, on one process or two."""
    out = tmp_path / "out"
    sent = _ctrl_c_in_bookkeeping(monkeypatch, where)
    first = _run(_dicts(clean_corpus), out, jobs=jobs, chunk_size=3, part_size=7)
    assert sent
    monkeypatch.undo()
    _assert_kept_whole_then_resume(out, first, _dicts(clean_corpus), clean_reference, jobs)


def ctrl_c_in_article(n: int):
    def fn(text: str, doc_id: str = "") -> list[dict]:
        if len(CALLS) >= n:
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while this article is being worked on
            pytest.fail("Ctrl-C during an article's extraction must stop it at once")
        return counted_quotes(text, doc_id)
    return fn


@pytest.mark.parametrize("given", ["paths", "dicts"])
def test_ctrl_c_during_an_article_in_one_process_stops_after_the_last_whole_one(clean_corpus, clean_reference,
                                                                                 tmp_path, given):
    out = tmp_path / "out"
    source = (lambda: clean_corpus) if given == "paths" else _dicts(clean_corpus)
    CALLS.clear()
    first = _run(source, out, jobs=1, partition_size=20, chunk_size=2, part_size=4, func=ctrl_c_in_article(9))
    assert first["interrupted"] and first["articles"] == len(CALLS) == 9
    assert set(CALLS) == runner.finished_ids(runner.read_manifest(out))
    assert parts_on_disk(out) == recorded_parts(out)
    _assert_kept_whole_then_resume(out, first, source, clean_reference, 1)


def test_ctrl_c_outside_the_wait_is_raised_at_the_next_wait():
    before = signal.getsignal(signal.SIGINT)
    with runner.ctrl_c_only_while_waiting() as waiting:
        os.kill(os.getpid(), signal.SIGINT)  # noted, not raised: the bookkeeping goes on
        done = "bookkeeping finished"
        with pytest.raises(KeyboardInterrupt):
            waiting(lambda: pytest.fail("the noted Ctrl-C must be raised before waiting"))
        assert waiting(lambda: 7) == 7  # raised once only
        with pytest.raises(KeyboardInterrupt):
            waiting(lambda: os.kill(os.getpid(), signal.SIGINT))  # while waiting: raised at once
    assert done and signal.getsignal(signal.SIGINT) is before


def test_hard_kill_of_two_processes_then_resume(clean_corpus, clean_reference, tmp_path):
    out = tmp_path / "killed"
    proc = _run_in_group(f"runner.run({[str(p) for p in clean_corpus]!r}, {str(out)!r}, jobs=2, partition_size=5,"
                         " func=t.kill_group_after_first_part, progress=False)\n", out)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, stderr.decode()[-2000:]
    kept = runner.finished_ids(runner.read_manifest(out))
    assert 0 < len(kept) < clean_reference[1]["articles"]
    CALLS.clear()
    summary = runner.run(clean_corpus, out, jobs=1, func=counted_quotes, progress=False)
    assert not set(CALLS) & kept and summary["skipped"] == len(kept)
    assert records(out) == records(clean_reference[0]) and failures(summary) == failures(clean_reference[1])


def test_plan_covers_each_article_once_in_order_with_shrinking_partitions(path_corpus):
    from toolkit import stream
    want = [a["doc_id"] for a in iter_articles(path_corpus, errors=[])]
    work = runner.plan(path_corpus, workers=2, partition_size=20, grain=5)
    specs = work["specs"]
    got = [a["doc_id"] for s in specs for a in stream.read_partition(s, errors=[])]
    assert got == want and [s["index"] for s in specs] == list(range(len(specs)))
    sizes = [stream.piece_size(s) for s in specs]
    assert max(sizes) == 20 and sizes[-1] <= 5 and work["total"] == sum(sizes) == len(want) + 1  # + "{oops"
    half = set(want[:40])
    resumed = runner.plan(path_corpus, half, workers=2, partition_size=20, grain=5)
    txt_done = sum(1 for s in specs if s["kind"] == "txt" for d, _ in s["files"] if d in half)
    assert resumed["skipped"] == txt_done > 0 and resumed["total"] == work["total"] - txt_done


def test_parts_keep_keys_their_first_record_lacks_and_both_formats_read_alike(tmp_path):
    from toolkit.cli import contract_record
    text = (DATA / "articles" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    recs = [contract_record(r) for r in article_quotes(text, SEED_ID)]
    assert len(recs) > 3 and all("cue_type" in r for r in recs)
    del recs[0]["cue_type"]  # a key only some records carry, missing from the part's first record
    got = {}
    for fmt in runner.FORMATS:
        out = tmp_path / fmt
        runner.prepare_output(out, fmt, resume=False)
        part, columns = runner.write_part(out, "part-x-000001", recs, fmt)
        runner.append_manifest(out, {"part": part, "columns": columns, "doc_ids": [SEED_ID], "quotes": len(recs),
                                     "failures": []})
        got[fmt] = list(runner.iter_results(out))
        assert [r["cue_type"] for r in got[fmt][1:]] == [r["cue_type"] for r in recs[1:]]
        assert got[fmt][0]["cue_type"] is None and list(runner.read_results(out).columns) == columns
    assert got["parquet"] == got["jsonl"]


def test_a_second_run_on_a_folder_in_use_is_refused(tmp_path, capsys):
    out = tmp_path / "out"
    with runner.claim(out):  # as a run in another process holds it
        with pytest.raises(InputError, match="another batch run is writing to this folder"):
            runner.run(INPUTS, out, jobs=1, progress=False)
        assert cli_main(["batch", str(DATA / "articles"), "-o", str(out)]) == 2
        assert "another batch run" in capsys.readouterr().err
    assert runner.run(INPUTS, out, jobs=1, progress=False)["articles"] == 14  # free again once it ends
