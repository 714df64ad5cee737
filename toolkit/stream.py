"""Read articles one at a time from folders of .txt, CSV and JSON Lines exports: never the whole corpus.

`iter_articles` yields one article dict (doc_id, text, date, title, outlet, path) at a time, so a
run over a million-article export holds one article (plus the caller's chunk) in memory. It parses
headers, dates and records with corpus.py's helpers, so a streamed article is the same article
`load_articles` gives, with the same ids and the same error reasons.

`partitions` cuts the same input into independent pieces (file lists, byte ranges of an export)
that `read_partition` reads anywhere — in a worker process or on a Dask worker — with the same ids;
`join_pieces` glues neighbouring pieces into bigger ones without reading the input again.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable, Iterator

from toolkit.corpus import (guess_format, json_record, list_text_files, sidecar_metadata, table_article,
                            txt_article)
from toolkit.errors import InputError

ARTICLE_KEYS = ("doc_id", "text", "date", "title", "outlet", "path")


def columns(id_col: str = "id", date_col: str = "date", text_col: str = "text", title_col: str = "title",
            outlet_col: str = "outlet") -> dict:
    """The column mapping of a CSV/JSONL export, as corpus.load_articles names its arguments."""
    return {"id": id_col, "date": date_col, "text": text_col, "title": title_col, "outlet": outlet_col}


def iter_articles(paths: str | Path | Iterable[str | Path], *, fmt: str | None = None,
                  cols: dict | None = None, errors: list[InputError] | None = None,
                  partition_size: int = 1000) -> Iterator[dict]:
    """Articles of .txt files/folders, brat folders, CSV or JSONL exports, one at a time.

    A bad file or record raises InputError, or, when an `errors` list is given, is appended to it
    and reading goes on: nothing is dropped without a reason.
    """
    for spec in partitions(paths, fmt=fmt, cols=cols, size=partition_size, errors=errors, split_tables=False):
        yield from read_partition(spec, errors=errors)


def partitions(paths: str | Path | Iterable[str | Path], *, fmt: str | None = None, cols: dict | None = None,
               size: int = 1000, errors: list[InputError] | None = None,
               split_tables: bool = True) -> Iterator[dict]:
    """Independent pieces of the input, each at most `size` articles, as plain dicts for read_partition.

    A folder becomes lists of (doc_id, path); an export becomes byte ranges found by one pass over
    the file (records are counted, not kept), so workers read their own range.
    """
    paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    cols = cols or columns()
    for p in paths:
        try:
            kind = fmt or guess_format(p)
            if kind in ("txt", "brat"):
                files = list_text_files([p / "text" if kind == "brat" else p])
                if not files:
                    raise InputError(p, "no .txt files found")
                for i in range(0, len(files), size):
                    yield {"kind": "txt", "files": [(d, str(f)) for d, f in files[i:i + size]]}
            elif kind in ("csv", "jsonl"):
                if split_tables:
                    yield from _table_partitions(p, kind, cols, size)
                else:
                    yield {"kind": kind, "path": str(p), "cols": cols, "start": 0, "end": None,
                           "record": 1, "line": 1, "header": None, "checked": False}
            else:
                raise InputError(p, f"unknown format {kind!r} (use txt, csv, jsonl or brat)")
        except InputError as err:
            _report(err, errors)


def read_partition(spec: dict, errors: list[InputError] | None = None) -> Iterator[dict]:
    """The articles of one piece made by `partitions`; bad records raise or go to `errors`."""
    if spec["kind"] == "txt":
        metas: dict = {}
        for doc_id, f in spec["files"]:
            f = Path(f)
            try:
                row = txt_article(doc_id, f, sidecar_metadata(f, metas))
            except InputError as err:
                _report(err, errors)
                continue
            yield {k: row[k] for k in ARTICLE_KEYS}
        return
    path = Path(spec["path"])
    try:
        yield from _table_articles(path, spec, errors)
    except InputError as err:  # the file itself is unreadable or its CSV quoting is broken
        _report(err, errors)


def _table_articles(path: Path, spec: dict, errors: list[InputError] | None) -> Iterator[dict]:
    cols = spec["cols"]
    checked = spec["checked"]  # pieces of a split export: partitions() checked the columns once
    n = 0
    for i, _, _, _, row in _table_rows(path, spec["kind"], spec["start"], spec["end"], spec["record"],
                                       spec["line"], spec["header"]):
        n += 1
        if isinstance(row, InputError):
            _report(row, errors)
            continue
        if not checked:
            checked = True
            if cols["text"] not in row:
                # Checked once: a wrong --text-col would otherwise fail every record the same way.
                raise InputError(path, f"missing column {cols['text']!r} (columns: {sorted(row)})")
        try:
            art = table_article(row, i, path, cols)
        except InputError as err:
            _report(err, errors)
            continue
        yield {k: art[k] for k in ARTICLE_KEYS}
    if n == 0 and spec["start"] == 0:
        raise InputError(path, "empty file (no records)")


def _report(err: InputError, errors: list[InputError] | None) -> None:
    if errors is None:
        raise err
    errors.append(err)


def _table_partitions(path: Path, kind: str, cols: dict, size: int) -> Iterator[dict]:
    header, start = _csv_header(path) if kind == "csv" else (None, 0)
    _check_columns(path, kind, cols, header, start)
    piece: dict | None = None
    pieces = 0
    try:
        for i, lineno, rec_start, rec_end, _ in _table_rows(path, kind, start, None, 1, 1, header, parse=False):
            if piece is None:
                piece = {"kind": kind, "path": str(path), "cols": cols, "start": rec_start, "end": rec_end,
                         "record": i, "line": lineno, "header": header, "checked": True, "n": 0}
            piece["end"] = rec_end
            piece["n"] += 1
            if piece["n"] == size:
                pieces += 1
                yield piece
                piece = None
    except InputError:
        if piece is not None:  # the records before a broken CSV quote are read, as iter_articles reads them
            yield piece
        raise
    if piece is not None:
        yield piece
    elif not pieces:
        raise InputError(path, "empty file (no records)")


def _check_columns(path: Path, kind: str, cols: dict, header: list[str] | None, start: int) -> None:
    """A wrong text column is one error for the whole export, found before any piece is made."""
    if kind == "csv":
        names = header or []
    else:  # the first valid record stands for the export, as when one reader goes through it
        row = next((r for *_, r in _table_rows(path, kind, start, None, 1, 1, header)
                    if not isinstance(r, InputError)), None)
        if row is None:
            return
        names = list(row)
    if cols["text"] not in names:
        raise InputError(path, f"missing column {cols['text']!r} (columns: {sorted(names)})")


def _lines(path: Path, start: int, end: int | None, line: int) -> Iterator[tuple[int, int, int, str]]:
    """(line number, start byte, end byte, decoded line) from byte `start` up to byte `end`."""
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    with fh:
        fh.seek(start)
        pos = start
        for raw in fh:
            if end is not None and pos >= end:
                return
            try:
                text: str | None = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = None  # the caller decides: a bad JSON line is one bad record, CSV cannot go on
            yield line, pos, pos + len(raw), text
            pos += len(raw)
            line += 1


def _decoded(text: str | None, path: Path, lineno: int) -> str:
    if text is None:
        raise InputError(f"{path}:{lineno}", "not valid UTF-8; re-save the export as UTF-8")
    return text


def _csv_header(path: Path) -> tuple[list[str], int]:
    """The column names of a CSV export and the byte where its first record starts."""
    lines = _lines(path, 0, None, 1)
    last_end = [0]

    def feed() -> Iterator[str]:
        for lineno, _, e, text in lines:
            last_end[0] = e
            yield _decoded(text, path, lineno)
    try:
        header = next(csv.reader(feed()), None)
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV header ({exc})") from None
    if not header:
        raise InputError(path, "empty file (no records)")
    return header, last_end[0]


def _table_rows(path: Path, kind: str, start: int, end: int | None, record: int, line: int,
                header: list[str] | None, parse: bool = True) -> Iterator[tuple]:
    """(record number, line number, start byte, end byte, row dict | InputError | None) per record.

    Records are counted as corpus.load_articles counts them (non-blank JSON lines, CSV rows after
    the header), so ids made from record numbers agree. With parse=False JSON is not decoded.
    """
    if kind == "csv":
        if header is None:
            header, start = _csv_header(path)
        yield from _csv_rows(path, start, end, record, line, header, parse)
        return
    for lineno, s, e, text in _lines(path, start, end, line):
        if text is not None and not text.strip():
            continue
        row = None
        if text is None:
            row = InputError(f"{path}:{lineno}", "not valid UTF-8; re-save the export as UTF-8")
        elif parse:
            try:
                row = json_record(text, f"{path}:{lineno}")
            except InputError as err:
                row = err
        yield record, lineno, s, e, row
        record += 1


def _csv_rows(path: Path, start: int, end: int | None, record: int, line: int, header: list[str],
              parse: bool) -> Iterator[tuple]:
    pos = {"start": start, "end": start, "line": line}

    def feed() -> Iterator[str]:
        for lineno, _, e, text in _lines(path, start, end, line):
            pos["end"], pos["line"] = e, lineno + 1
            yield _decoded(text, path, lineno)
    reader = csv.reader(feed())
    while True:
        first_line = pos["line"]
        try:
            row = next(reader, None)
        except csv.Error as exc:
            # A broken quote makes every later boundary unknowable: report and stop this file.
            raise InputError(f"{path} record {record}", f"malformed CSV ({exc})") from None
        if row is None:
            return
        if row:  # csv.DictReader skips blank lines too
            yield record, first_line, pos["start"], pos["end"], dict(zip(header, row)) if parse else None
            record += 1
        pos["start"] = pos["end"]


def piece_size(spec: dict) -> int:
    """How many records (articles, good or bad) a piece made by `partitions` covers."""
    return len(spec["files"]) if spec["kind"] == "txt" else spec["n"]


def join_pieces(a: dict, b: dict) -> dict | None:
    """One piece reading `a` then `b`, or None when they are not neighbours in the same input."""
    if a["kind"] == b["kind"] == "txt":
        return {**a, "files": a["files"] + b["files"]}
    if a["kind"] == b["kind"] and a.get("path") == b.get("path") and b["record"] == a["record"] + a["n"]:
        return {**a, "end": b["end"], "n": a["n"] + b["n"]}  # blank lines between them are skipped on reading
    return None


def count_articles(paths: str | Path | Iterable[str | Path], *, fmt: str | None = None,
                   cols: dict | None = None) -> int:
    """How many articles (good or bad) the input holds, by one pass that keeps none of them."""
    return sum(map(piece_size, partitions(paths, fmt=fmt, cols=cols, size=1 << 30, errors=[])))
