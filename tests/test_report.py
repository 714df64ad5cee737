"""The main job: tables, the report with its charts and the executed notebooks written for a folder,
bad files and failing notebooks reported by name."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import DATA, ROOT, SEED, TRANSCRIPTS
from toolkit import report
from toolkit.report import run_analysis

MARKUP = '<script>alert("x")</script>'


def test_main_job_writes_tables_and_an_escaped_report(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / SEED.name)
    (src / "markup.txt").write_text('date 2023-05-27 <script>alert("x")</script> Li said "no" today.\n',
                                    encoding="utf-8")
    (src / "broken.txt").write_bytes(b"\xff\xfe not text")
    out = tmp_path / "out"
    with pytest.warns(UserWarning, match="broken.txt"):
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

    # the quotes table, both formats, offsets into the original files, actors and camps resolved
    quotes = pd.read_parquet(out / "quotes.parquet")
    assert len(pd.read_csv(out / "quotes.csv")) == len(quotes) > 10
    assert set(report.COMPARISON) <= set(quotes["camp"])
    for row in quotes[quotes.doc_id == SEED.stem].itertuples():
        assert seed[row.start:row.end] == row.quote
    lavrov = quotes[quotes["actor"] == "Sergei Lavrov"]
    assert not lavrov.empty and (lavrov["camp"] == "russia_official").all()
    assert (quotes.loc[quotes.doc_id == SEED.stem, "date"] == pd.Timestamp("2023-05-26")).all()
    actors = pd.read_csv(out / "actors.csv")
    assert actors.set_index("actor").loc["Sergei Lavrov", "camp"] == "russia_official"
    assert len(pd.read_csv(out / "framing.csv")) == len(quotes)
    summary = pd.read_csv(out / "camp_summary.csv", index_col="camp")
    assert summary["quotes"].sum() == len(quotes)
    assert summary.loc["western_official", "share_anonymous"] > 0  # "Western officials" are unnamed
    assert set(pd.read_csv(out / "keyness.csv")["camp"]) >= {"russia_official", "western_official"}
    assert {"term", "log_likelihood", "log_ratio"} <= set(pd.read_csv(out / "keyness_comparison.csv").columns)

    # the report page: charts embedded, every link resolves, article markup never raw
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("src='data:image/png;base64,") == 8
    links = re.findall(r"href='([^']+)'", index)
    assert "quotes.parquet" in links and "notebooks/04_corpus_overview.html" in links
    for link in links:
        assert (out / link).is_file(), link
    assert "broken.txt" in index  # skipped files are listed on the page too

    # the notebooks, executed and exported; 04 ran on the folder given, not on its default
    exported = sorted(p.name for p in (out / "notebooks").glob("*.html"))
    assert exported == [p.stem + ".html" for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]
    assert len(exported) == 4
    nb02 = (out / "notebooks" / "02_quote_attribution.html").read_text(encoding="utf-8")
    assert "Sergei Lavrov" in nb02 and "overlap_r" in nb02
    nb04 = (out / "notebooks" / "04_corpus_overview.html").read_text(encoding="utf-8")
    assert "Parameters injected" in nb04 and str(src.resolve()) in nb04
    assert "markup" in nb04 and "&lt;script&gt;alert" in nb04
    for html_file in [out / "index.html", *(out / "notebooks").glob("*.html")]:
        assert MARKUP not in html_file.read_text(encoding="utf-8"), html_file.name


def test_without_notebooks_the_tables_and_report_are_still_complete(tmp_path, capsys):
    out = tmp_path / "out"
    assert run_analysis([DATA / "articles", TRANSCRIPTS], out, notebooks=False) == 0
    err = capsys.readouterr().err
    assert "[1/7] loading" in err and "14 articles" in err  # progress, one line per stage in logs
    assert not (out / "notebooks").exists()
    over_time = pd.read_csv(out / "camps_over_time.csv", index_col="period")
    assert over_time.index[0] == "2023-02-06" and over_time.index[-1] == "2023-05-29"  # weeks from Monday: 05-31 is in the week of 05-29
    assert over_time.sum().sum() == len(pd.read_parquet(out / "quotes.parquet"))
    diversity = pd.read_csv(out / "source_diversity.csv", index_col="outlet")
    assert diversity.loc["The White House (Biden administration), Briefing Room", "articles"] == 13
    index = (out / "index.html").read_text(encoding="utf-8")
    for link in re.findall(r"href='([^']+)'", index):
        assert (out / link).is_file(), link
    assert "notebooks/" not in index


def test_parameters_are_injected_after_the_tagged_cell():
    nb = nbformat.read(ROOT / "notebooks" / report.CORPUS_NOTEBOOK, as_version=4)
    tagged = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    assert report.FOLDER_PARAMETER in nb.cells[tagged].source
    report.inject_parameters(nb, {"FOLDERS": ["/data/x"], "POLNEAR": None})
    cell = nb.cells[tagged + 1]
    assert cell.metadata["tags"] == ["injected-parameters"]
    assert "FOLDERS = ['/data/x']\nPOLNEAR = None" in cell.source
    with pytest.raises(ValueError, match="parameters"):
        report.inject_parameters(nbformat.v4.new_notebook(), {"FOLDERS": []})
    assert report._folder_parameters([DATA / "articles", TRANSCRIPTS]) is None  # the notebook's own default
    assert report._folder_parameters([Path("elsewhere")]) == {"FOLDERS": [str(Path("elsewhere").resolve())]}


def test_a_failing_notebook_is_named_and_its_partial_html_written(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print('before')"), nbformat.v4.new_code_cell("1 / 0"),
                nbformat.v4.new_code_cell("print('never')")]
    src = tmp_path / "99_broken.ipynb"
    nbformat.write(nb, src)
    dest = tmp_path / "html" / "99_broken.html"
    with pytest.raises(report.NotebookError, match="99_broken.ipynb.*ZeroDivisionError"):
        report.export_notebook(src, dest)
    page = dest.read_text(encoding="utf-8")
    assert "before" in page and "ZeroDivisionError" in page
