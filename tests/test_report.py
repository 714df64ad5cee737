"""The main job: tables and the cleaning report written for a folder, bad files reported."""
from __future__ import annotations

import shutil

import pandas as pd

from conftest import SEED
from toolkit.report import run_analysis


def test_main_job_writes_tables_and_an_escaped_report(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    (src / "markup.txt").write_text('date 2023-05-27 <script>alert("x")</script> Li said "no" today.\n',
                                    encoding="utf-8")
    (src / "broken.txt").write_bytes(b"\xff\xfe not text")
    out = tmp_path / "out"
    assert run_analysis([src], out) == 1  # one bad file: reported, the rest still written
    assert "broken.txt" in capsys.readouterr().err
    articles = pd.read_csv(out / "articles.csv")
    assert sorted(articles.doc_id) == ["000_4b47a35a151c059f", "markup"]
    sentences = pd.read_parquet(out / "sentences.parquet")
    seed = SEED.read_text(encoding="utf-8")
    for row in sentences[sentences.doc_id == SEED.stem].itertuples():
        assert seed[row.start:row.end] == row.text
    changes = pd.read_csv(out / "cleaning_changes.csv")
    assert set(changes[changes.doc_id == SEED.stem].reason) >= {"header", "furniture:promo", "furniture:subheading"}
    page = (out / "cleaning_report.html").read_text(encoding="utf-8")
    assert "<script>" not in page
