"""Streaming readers: the same articles as corpus.load_articles, read lazily, bad records reported."""
from __future__ import annotations

import csv
import json

import pytest

from conftest import DATA, TRANSCRIPTS, need_polnear
import toolkit.stream as stream
from toolkit.corpus import load_articles, read_text
from toolkit.errors import InputError
from toolkit.stream import count_articles, iter_articles, partitions, read_partition


def _same_as_corpus(df, articles):
    assert [a["doc_id"] for a in articles] == list(df.doc_id)
    assert [a["text"] for a in articles] == list(df.text)
    assert [a["title"] for a in articles] == [t if isinstance(t, str) else None for t in df.title]
    assert [a["outlet"] for a in articles] == [o if isinstance(o, str) else None for o in df.outlet]
    assert [str(a["date"]) if a["date"] else None for a in articles] == \
        [d.date().isoformat() if d == d else None for d in df.date]


def test_folders_stream_the_articles_load_articles_gives():
    paths = [DATA / "articles", TRANSCRIPTS]
    articles = list(iter_articles(paths))
    _same_as_corpus(load_articles(paths), articles)
    assert articles[0]["doc_id"] == "000_4b47a35a151c059f" and str(articles[0]["date"]) == "2023-05-26"


def test_polnear_brat_folder_streams_like_load_articles():
    dev = need_polnear() / "dev"
    _same_as_corpus(load_articles(dev), list(iter_articles(dev)))


def _export(tmp_path, kind, texts):
    """An export of real article texts: ids, dates, multi-line text with quotes and commas."""
    path = tmp_path / f"export.{kind}"
    rows = [{"id": f"a{i}" if i % 3 else "", "date": "2023-05-26" if i % 2 else "", "title": f"T{i}",
             "outlet": "wire", "text": t} for i, t in enumerate(texts)]
    if kind == "csv":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            for r in rows:
                w.writerow(r)
                fh.write("\r\n") if r["id"] == "a4" else None  # a blank line between records is skipped
    else:
        with open(path, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
                fh.write("\n") if r["id"] == "a4" else None
    return path


def _real_texts(n=12):
    texts = [read_text(p) for p in sorted(TRANSCRIPTS.glob("*.txt"))]
    return [t[i * 1500:(i + 1) * 1500 + 700] or t for i, t in enumerate(texts)][:n]


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_exports_stream_like_load_articles_and_partitions_agree(tmp_path, kind):
    path = _export(tmp_path, kind, _real_texts())
    articles = list(iter_articles(path))
    _same_as_corpus(load_articles(path), articles)
    assert any("\r\n" in a["text"] or "\n" in a["text"] for a in articles)
    assert count_articles(path) == len(articles)
    for size in (1, 4, 5, 100):
        pieces = list(partitions(path, size=size))
        assert len(pieces) == -(-len(articles) // size)
        assert [a for p in pieces for a in read_partition(p)] == articles


def test_reading_is_lazy_one_record_at_a_time(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    text = read_text(DATA / "articles" / "000_4b47a35a151c059f.txt")
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    built = []
    real = stream.table_article
    monkeypatch.setattr(stream, "table_article", lambda *a: built.append(1) or real(*a))
    gen = iter_articles(path)
    first = [next(gen) for _ in range(3)]
    assert [a["doc_id"] for a in first] == ["d0", "d1", "d2"]
    assert len(built) == 3  # nothing read ahead: the other 2997 records are still on disk
    assert sum(1 for _ in gen) == 2997


def test_txt_folder_reads_one_file_at_a_time(monkeypatch):
    opened = []
    real = stream.txt_article
    monkeypatch.setattr(stream, "txt_article", lambda *a: opened.append(a[0]) or real(*a))
    gen = iter_articles(TRANSCRIPTS)
    next(gen)
    assert len(opened) == 1


def test_bad_records_are_reported_with_place_and_reason_and_reading_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = _real_texts(2)
    with open(path, "wb") as fh:
        fh.write((json.dumps({"id": "g1", "text": good[0]}) + "\n").encode())
        fh.write(b"{not json\n")
        fh.write((json.dumps({"id": "e1", "text": "  "}) + "\n").encode())
        fh.write((json.dumps({"id": "b1", "text": "x", "date": "2023-13-45"}) + "\n").encode())
        fh.write(b'{"id": "u1", "text": "caf\xe9"}\n')
        fh.write((json.dumps({"id": "g2", "text": good[1]}) + "\n").encode())
    errors: list[InputError] = []
    assert [a["doc_id"] for a in iter_articles(path, errors=errors)] == ["g1", "g2"]
    got = [(e.path.replace(str(path), "F"), e.reason.split(" (")[0]) for e in errors]
    assert got == [("F:2", "not valid JSON"), ("F record 3", "empty 'text'"),
                   ("F record 4", "unparseable date '2023-13-45'"), ("F:5", "not valid UTF-8; re-save the export as UTF-8")]
    with pytest.raises(InputError, match="not valid JSON"):
        list(iter_articles(path))  # without an errors list the first bad record stops the read


def test_wrong_text_column_is_one_clear_error(tmp_path):
    path = _export(tmp_path, "csv", _real_texts(3))
    errors: list[InputError] = []
    assert list(iter_articles(path, cols=stream.columns(text_col="body"), errors=errors)) == []
    assert len(errors) == 1 and "missing column 'body'" in errors[0].reason


def test_missing_and_empty_inputs_are_errors(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    errors: list[InputError] = []
    assert list(iter_articles([tmp_path / "nope", tmp_path / "empty.jsonl"], errors=errors)) == []
    assert [e.reason for e in errors] == ["no such file or folder", "empty file (no records)"]


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_joined_pieces_read_what_their_pieces_read(tmp_path, kind):
    path = _export(tmp_path, kind, _real_texts())
    articles = list(iter_articles(path))
    for size in (1, 2, 5):  # at size 5 a blank line lies between two pieces
        pieces = list(partitions(path, size=size))
        joined = pieces[0]
        for piece in pieces[1:]:
            joined = stream.join_pieces(joined, piece)
        assert stream.piece_size(joined) == len(articles) and list(read_partition(joined)) == articles
        assert stream.join_pieces(pieces[0], pieces[2]) is None  # not neighbours: never glued over a gap


def test_txt_pieces_of_different_folders_join():
    paths = [DATA / "articles", TRANSCRIPTS]
    pieces = list(partitions(paths, size=4))
    joined = pieces[0]
    for piece in pieces[1:]:
        joined = stream.join_pieces(joined, piece)
    assert list(read_partition(joined)) == list(iter_articles(paths))


def test_split_exports_report_what_one_reader_reports(tmp_path):
    """Empty files, a wrong text column and a CSV that breaks midway: the same errors and articles
    whether an export is read in one go or cut into pieces."""
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    csv_export = _export(tmp_path, "csv", _real_texts(6))
    (tmp_path / "json").mkdir()
    json_export = _export(tmp_path / "json", "jsonl", _real_texts(6))
    broken = tmp_path / "broken.csv"
    good = csv_export.read_text(encoding="utf-8")
    broken.write_text(good + 'zz,,,,"' + "x" * 140_000 + '"\n' + good.split("\n", 1)[1], encoding="utf-8")

    def both(path, **kw):
        e1: list[InputError] = []
        e2: list[InputError] = []
        whole = list(iter_articles(path, errors=e1, **kw))
        pieces = [a for p in partitions(path, size=2, errors=e2, **kw) for a in read_partition(p, errors=e2)]
        assert pieces == whole
        assert [(e.path, e.reason) for e in e1] == [(e.path, e.reason) for e in e2]
        return whole, [e.reason.split(" (")[0] for e in e1]

    assert both(tmp_path / "empty.jsonl") == ([], ["empty file"])
    body = stream.columns(text_col="body")
    assert both(csv_export, cols=body) == ([], ["missing column 'body'"])
    assert both(json_export, cols=body) == ([], ["missing column 'body'"])
    articles, reasons = both(broken)
    assert len(articles) == 6 and reasons == ["malformed CSV"]
