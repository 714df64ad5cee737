"""The main job: run the analysis over a folder of articles and write tables and reports."""
from __future__ import annotations

import html
import sys
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from toolkit.cleaning import changes_table, clean
from toolkit.corpus import load_articles
from toolkit.segment import sentence_table


def cleaning_changes(articles: pd.DataFrame) -> pd.DataFrame:
    """Every change cleaning made to every article: doc_id, raw span, raw and clean text, reason."""
    frames = []
    for doc_id, text in tqdm(list(zip(articles["doc_id"], articles["text"])), desc="cleaning",
                             unit="article", disable=len(articles) < 20):
        table = changes_table(clean(text))
        frames.append(table.assign(doc_id=doc_id))
    if not frames:
        return pd.DataFrame(columns=["doc_id"])
    out = pd.concat(frames, ignore_index=True)
    return out[["doc_id", *[c for c in out.columns if c != "doc_id"]]]


def cleaning_report_html(articles: pd.DataFrame, changes: pd.DataFrame) -> str:
    """A standalone HTML page: per article, what cleaning removed or changed and why (text escaped)."""
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Cleaning report</title>",
             "<style>body{font-family:sans-serif;max-width:70em;margin:auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}"
             ".reason{white-space:nowrap}</style></head><body>",
             f"<h1>Cleaning report</h1><p>{len(articles)} articles, {len(changes)} changes. Offsets index "
             "each file's original text, so every row can be checked against it.</p>"]
    summary = changes.groupby("reason").size().rename("changes").reset_index() if len(changes) else None
    if summary is not None:
        parts.append("<h2>Changes by reason</h2>" + summary.to_html(index=False, escape=True))
    for doc_id in articles["doc_id"]:
        rows = changes[changes["doc_id"] == doc_id] if len(changes) else changes
        parts.append(f"<h2>{html.escape(str(doc_id))}</h2>")
        if not len(rows):
            parts.append("<p>No changes.</p>")
            continue
        # Whitespace and quotation-mark normalisation are numerous and dull; show furniture first.
        rows = rows.sort_values(["reason", "raw_start"])
        parts.append(rows.drop(columns="doc_id").to_html(index=False, escape=True))
    parts.append("</body></html>")
    return "\n".join(parts)


def run_analysis(paths: list[Path], out: Path) -> int:
    """Load, clean and segment every article under `paths`; write tables and reports to `out`."""
    articles = load_articles(paths, on_error="skip")
    skipped = articles.attrs.get("skipped", [])
    out.mkdir(parents=True, exist_ok=True)
    changes = cleaning_changes(articles)
    sentences = sentence_table(articles)
    table = articles.drop(columns=["text"]).assign(
        chars=articles["text"].str.len(),
        sentences=articles["doc_id"].map(sentences.groupby("doc_id").size()).fillna(0).astype(int),
        changes=articles["doc_id"].map(changes.groupby("doc_id").size() if len(changes) else {}).fillna(0)
        .astype(int))
    table.to_csv(out / "articles.csv", index=False)
    sentences.to_csv(out / "sentences.csv", index=False)
    sentences.to_parquet(out / "sentences.parquet", index=False)
    changes.to_csv(out / "cleaning_changes.csv", index=False)
    (out / "cleaning_report.html").write_text(cleaning_report_html(articles, changes), encoding="utf-8")
    print(f"{len(articles)} articles, {len(sentences)} sentences, {len(changes)} cleaning changes -> {out}/",
          file=sys.stderr)
    for s in skipped:
        print(f"error: skipped {s['path']}: {s['reason']}", file=sys.stderr)
    return 1 if skipped else 0
