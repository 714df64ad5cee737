"""The batch runner: same records on 1 or 2 processes, resumable after Ctrl-C or a hard kill, failures reported."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT, TRANSCRIPTS, need_polnear
from toolkit import runner
from toolkit.cli import main as cli_main
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
