"""Loading articles: every format, the seed's header, and every kind of bad input."""
from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from conftest import SEED, TRANSCRIPTS, need_polnear
from toolkit.corpus import (brat_attributions, list_text_files, load_articles, load_brat, parse_header,
                            read_text)
from toolkit.errors import BatchInputError, InputError

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_seed_header_is_recorded_and_text_kept_unchanged():
    df = load_articles(SEED)
    row = df.iloc[0]
    assert row.doc_id == "000_4b47a35a151c059f"
    assert row.date == pd.Timestamp("2023-05-26")
    assert row.text == read_text(SEED)  # unchanged, header included
    assert row.header.strip() == "date 2023-05-26"
    assert row.text[row.body_start:].startswith("Russian Foreign Minister Sergei Lavrov")


@pytest.mark.parametrize("text, body", [
    ("date 2023-05-26\nFirst sentence.", "First sentence."),
    ("  \n date 2023-05-26 First sentence on the same line.", "First sentence on the same line."),
    ("DATE 2023-05-26\r\nWindows line ends.", "Windows line ends."),
])
def test_header_variants(text, body):
    day, header, start = parse_header(text)
    assert day == date(2023, 5, 26)
    assert text[start:] == body
    assert text[:start] == header


def test_no_header_means_no_date():
    assert parse_header("Dated reports say nothing.") == (None, "", 0)


def test_unparseable_header_date_names_the_file(tmp_path):
    bad = tmp_path / "bad_date.txt"
    bad.write_text("date 2023-13-45 The month does not exist.", encoding="utf-8")
    with pytest.raises(BatchInputError) as exc:
        load_articles(bad)
    assert "bad_date.txt" in str(exc.value) and "unparseable date" in str(exc.value)


def test_folder_is_recursive_sorted_and_ids_stable(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    df = load_articles(tmp_path)
    assert list(df.doc_id) == ["two", "one"]  # sorted by relative path: "b/two.txt" < "one.txt"
    assert list(df.doc_id) == list(load_articles(tmp_path).doc_id)


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Story {sub}.", encoding="utf-8")
    assert [d for d, _ in list_text_files([tmp_path])] == ["a/story", "b/story"]


def test_folder_listing_orders_by_path_parts_and_follows_file_links_only(tmp_path):
    # folder "a" sorts before file "a.txt" although "a/" > "a." as strings; a linked file is an article,
    # a linked folder is not entered (its files would come twice), a folder named x.txt is no article
    for rel in ("a.txt", "a/b.txt", "a/c/d.txt", "a-/e.txt", "Z.txt", ".hidden.txt", "dir.txt/f.txt", "g.TXT"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Text.", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "a")
    got = [p.relative_to(tmp_path).as_posix() for _, p in list_text_files([tmp_path])]
    assert got == [".hidden.txt", "Z.txt", "a/b.txt", "a/c/d.txt", "a-/e.txt", "a.txt", "dir.txt/f.txt", "link.txt"]
    assert got == [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*.txt")) if p.is_file()]


def test_transcripts_take_date_title_and_outlet_from_sources_tsv():
    df = load_articles(TRANSCRIPTS)
    assert len(df) == 13
    assert df.date.notna().all() and df.outlet.notna().all()
    row = df.set_index("doc_id").loc["wh_2023-05-12_background-call-sullivan-wang-yi"]
    assert row.date == pd.Timestamp("2023-05-12")
    assert "Wang Yi" in row.title


def test_csv_export_with_configured_columns(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"story_id": ["s1", "s2"], "published": ["2023-05-26", "2023-05-27"],
                  "body": [SEED_TEXT, "Li said it was hard."], "headline": ["Seed", ""],
                  "source": ["Outlet A", "Outlet B"]}).to_csv(path, index=False)
    df = load_articles(path, id_col="story_id", date_col="published", text_col="body",
                       title_col="headline", outlet_col="source")
    assert list(df.doc_id) == ["s1", "s2"]
    assert df.text.iloc[0] == SEED_TEXT
    assert df.title.iloc[0] == "Seed" and pd.isna(df.title.iloc[1])
    assert df.date.iloc[1] == pd.Timestamp("2023-05-27")


def test_jsonl_export(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": 7, "date": "2023-05-26T09:30:00", "text": "Lavrov said so.", "outlet": "X"},
        {"text": "No id here."}]) + "\n", encoding="utf-8")
    df = load_articles(path)
    assert list(df.doc_id) == ["7", "export-2"]
    assert df.date.iloc[0] == pd.Timestamp("2023-05-26")


@pytest.mark.parametrize("make, reason", [
    (lambda p: p.write_bytes(b"caf\xe9 au lait"), "not valid UTF-8"),
    (lambda p: p.write_text("  \n\n", encoding="utf-8"), "empty file"),
])
def test_bad_txt_files_are_named_with_their_reason(tmp_path, make, reason):
    bad = tmp_path / "bad.txt"
    make(bad)
    with pytest.raises(InputError) as exc:
        read_text(bad)
    assert "bad.txt" in str(exc.value) and reason in str(exc.value)


def test_csv_missing_text_column(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("id,content\n1,hello\n", encoding="utf-8")
    with pytest.raises(BatchInputError) as exc:
        load_articles(path)
    assert "export.csv" in str(exc.value) and "missing column 'text'" in str(exc.value)


def test_jsonl_bad_line_and_bad_date_are_named(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text('{"id": 1, "text": "ok", "date": "yesterday"}\n', encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"export.jsonl record 1: unparseable date 'yesterday'"):
        load_articles(path)
    path.write_text('{"id": 1, "text": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"export.jsonl:2: not valid JSON"):
        load_articles(path)


def test_batch_fails_listing_every_bad_file_or_skips_and_reports_each(tmp_path):
    (tmp_path / "good.txt").write_text("Fine article.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Zelensky\xa0said".encode("latin-1"))
    with pytest.raises(BatchInputError) as exc:
        load_articles(tmp_path)
    assert {e.path.rsplit("/", 1)[-1] for e in exc.value.errors} == {"empty.txt", "latin1.txt"}
    with pytest.warns(UserWarning) as warned:
        df = load_articles(tmp_path, on_error="skip")
    assert list(df.doc_id) == ["good"]
    assert len(warned) == 2
    assert sorted(s["path"].rsplit("/", 1)[-1] for s in df.attrs["skipped"]) == ["empty.txt", "latin1.txt"]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(BatchInputError, match="no such file or folder"):
        load_articles(tmp_path / "nowhere")


def test_brat_discontinuous_content_and_no_source():
    text = '"We will win," Li said, "and soon." Polls show a tie.'
    ann = ("T1\tContent 1 12\tWe will win\nT2\tSource 15 17\tLi\nT3\tCue 18 22\tsaid\n"
           "T4\tContent2 25 34\tand soon.\nE1\tAttribution:T3 Source:T2 Cue:T3 Content:T1 Content2:T4\n"
           "T5\tCue 36 46\tPolls show\nT6\tContent 47 53\ta tie.\nE2\tAttribution:T5 Cue:T5 Content:T6\n")
    recs = brat_attributions("d", text, ann)
    assert recs[0]["content_spans"] == [(1, 12), (25, 34)]
    assert recs[0]["content"] == "We will win ... and soon."
    assert recs[0]["source"] == "Li"
    assert recs[1]["source"] is None and recs[1]["cue"] == "Polls show"


def test_brat_offsets_outside_text_are_an_error():
    with pytest.raises(InputError, match="outside the text"):
        brat_attributions("d", "short", "T1\tContent 0 99\tx\nE1\tContent:T1\n", path="d_x.ann")


def test_brat_folder_chooses_first_annotator_and_reports_orphans(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text("He said no.", encoding="utf-8")
    (tmp_path / "attributions" / "doc_bbbb.ann").write_text("T1\tContent 8 10\tno\nE1\tContent:T1\n")
    (tmp_path / "attributions" / "doc_aaaa.ann").write_text("T1\tContent 0 2\tHe\nE1\tContent:T1\n")
    articles, gold = load_brat(tmp_path)
    assert list(gold.annotator) == ["aaaa"] and gold.content.iloc[0] == "He"
    (tmp_path / "attributions" / "ghost_cccc.ann").write_text("")
    with pytest.raises(BatchInputError, match="ghost_cccc.ann: no matching text"):
        load_brat(tmp_path)


def test_polnear_dev_loads_every_article_with_gold():
    root = need_polnear()
    articles, gold = load_brat(root / "dev")
    assert len(articles) == len(list((root / "dev" / "text").glob("*.txt")))
    assert articles.outlet.notna().all() and articles.date.notna().all()  # from metadata.tsv
    texts = dict(zip(articles.doc_id, articles.text))
    for rec in gold.itertuples():
        for s, e in rec.content_spans:
            assert 0 <= s < e <= len(texts[rec.doc_id])
    assert set(gold.doc_id) <= set(articles.doc_id)
