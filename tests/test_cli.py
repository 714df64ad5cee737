"""The quotes command: its JSON Lines contract, CSV output and bad-file handling, as a user runs it."""
from __future__ import annotations

import csv
import json
import subprocess
import sys

from conftest import ROOT, SEED, TRANSCRIPTS
from toolkit.cli import CONTRACT_KEYS
from toolkit.corpus import read_text


def run_cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def test_jsonl_to_stdout_keeps_the_contract_and_offsets_index_the_file():
    res = run_cli("quotes", str(SEED))
    assert res.returncode == 0, res.stderr
    recs = [json.loads(line) for line in res.stdout.splitlines()]
    assert recs, "the seed article has quotations"
    text = read_text(SEED)
    for rec in recs:
        assert list(rec)[:len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)
        assert rec["doc_id"] == SEED.stem
        assert text[rec["start"]:rec["end"]] == rec["quote"]
        assert rec["kind"] in ("direct", "indirect", "mixed")
        for role in ("speaker", "cue"):
            if rec[f"{role}_start"] is not None:
                assert text[rec[f"{role}_start"]:rec[f"{role}_end"]] == rec[role]
        assert not rec["quote"].startswith(("\u201c", '"')), "content excludes the opening mark"


def test_csv_output_has_the_same_quotes(tmp_path):
    out = tmp_path / "quotes.csv"
    res = run_cli("quotes", str(SEED), "-o", str(out))
    assert res.returncode == 0, res.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    jsonl = [json.loads(line) for line in run_cli("quotes", str(SEED)).stdout.splitlines()]
    assert [(int(r["start"]), int(r["end"])) for r in rows] == [(r["start"], r["end"]) for r in jsonl]
    assert list(rows[0])[:len(CONTRACT_KEYS)] == list(CONTRACT_KEYS)


def test_bad_file_is_named_and_fails_after_the_good_files_are_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(read_text(SEED), encoding="utf-8")
    (folder / "b_bad.txt").write_bytes(b"Lavrov said \xff\xfe nothing.")
    (folder / "c_good.txt").write_text(read_text(TRANSCRIPTS / "wh_2023-05-12_background-call-sullivan-wang-yi.txt"),
                                       encoding="utf-8")
    out = tmp_path / "q.jsonl"
    res = run_cli("quotes", str(folder), "-o", str(out))
    assert res.returncode != 0
    assert "b_bad.txt" in res.stderr and "UTF-8" in res.stderr
    assert "Traceback" not in res.stderr
    docs = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert docs == {"a_good", "c_good"}


def test_missing_path_is_a_clear_error():
    res = run_cli("quotes", "no/such/folder")
    assert res.returncode != 0
    assert "no/such/folder" in res.stderr and "Traceback" not in res.stderr


def test_jsonl_lines_hold_the_records_the_json_module_writes(tmp_path):
    """The fast encoder's lines (file and stdout) parse to the records json.dumps gives, in order, with the
    same keys in the same order; a value it refuses (an integer beyond 64 bits) still gets written."""
    import io

    from toolkit.cli import _write_jsonl
    from toolkit.pipeline import article_quotes

    recs = article_quotes(read_text(SEED), SEED.stem)
    expected = [json.loads(json.dumps(r, ensure_ascii=False)) for r in recs]
    out = tmp_path / "q.jsonl"
    assert run_cli("quotes", str(SEED), "-o", str(out)).returncode == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    assert [list(json.loads(line)) for line in lines] == [list(r) for r in expected]
    assert any("\u2019" in line or "\u201c" in line for line in lines), "non-ASCII text is written as UTF-8"
    assert [json.loads(line) for line in run_cli("quotes", str(SEED)).stdout.splitlines()] == expected

    odd = [{"doc_id": "a", "start": 2**70, "quote": "Lavrov\u2019s envoy"}, {"doc_id": "b", "score": 0.1}]
    for stream in (io.BytesIO(), io.StringIO()):
        assert _write_jsonl(odd, stream) == 2
        text = stream.getvalue().decode("utf-8") if isinstance(stream, io.BytesIO) else stream.getvalue()
        assert [json.loads(line) for line in text.splitlines()] == odd


def test_quotes_in_process_leaves_the_collector_as_it_found_it(tmp_path):
    """The command freezes long-lived objects during its run (fewer collector scans) and undoes it, with the
    thresholds, before it returns to an in-process caller (a notebook, the test suite)."""
    import gc

    from toolkit.cli import main

    before = gc.get_threshold()
    out = tmp_path / "q.jsonl"
    assert main(["quotes", str(SEED), str(TRANSCRIPTS), "-o", str(out)]) == 0
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    assert len(out.read_text(encoding="utf-8").splitlines()) > 1
