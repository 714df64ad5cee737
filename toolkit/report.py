"""The main job: run the whole analysis over folders of articles and write tables and reports.

`run_analysis` writes, in `out/`: the article, sentence and cleaning tables and cleaning report;
the quotes table (CSV and Parquet, offsets into each original file); actor, framing, camp-summary,
keyness, camps-over-time and source-diversity tables; `index.html`, the report with its charts;
and the curated notebooks executed and exported to HTML in `out/notebooks/`.
"""
from __future__ import annotations

import base64
import html
import io
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from toolkit import framing, overview, plots
from toolkit.actors import unresolved
from toolkit.cleaning import changes_table, clean
from toolkit.corpus import load_articles
from toolkit.segment import sentence_table

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
# Notebook 04 analyses whatever folders the main job was given; it reads them from this variable
# of its cell tagged "parameters" (relative paths there are relative to notebooks/).
FOLDER_PARAMETER = "FOLDERS"
CORPUS_NOTEBOOK = "04_corpus_overview.ipynb"
# The client's comparison: what each side's officials are quoted as saying.
COMPARISON = ("russia_official", "western_official")


class NotebookError(RuntimeError):
    """A notebook that failed to execute: its name and the failing cell's error."""


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


# ----------------------------------------------------------------------------- notebooks ---

def inject_parameters(nb, values: dict) -> None:
    """Papermill-style: add a cell assigning `values` right after the cell tagged "parameters" (in place)."""
    import nbformat

    where = next((i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if where is None:
        raise ValueError("the notebook has no cell tagged 'parameters' to override")
    code = "# Parameters injected by `python -m toolkit run`\n" + "\n".join(f"{k} = {v!r}" for k, v in values.items())
    cell = nbformat.v4.new_code_cell(code, metadata={"tags": ["injected-parameters"]})
    nb.cells.insert(where + 1, cell)


@contextmanager
def _stderr_captured():
    """Send this process's (and so the kernel's) stderr to a temporary file; yield a reader of it.

    The kernel logs routine start-up warnings there; they are shown only when a notebook fails.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as tmp:
        os.dup2(tmp.fileno(), 2)
        try:
            yield lambda: (tmp.seek(0), tmp.read().decode("utf-8", "replace"))[1]
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def export_notebook(src: Path, dest: Path, parameters: dict | None = None, timeout: int = 600) -> None:
    """Execute a notebook in a fresh kernel (working directory: its folder) and write it as HTML.

    The HTML is written even when a cell fails (outputs up to the error), then NotebookError is raised
    with the error and the kernel's log.
    """
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

    nb = nbformat.read(src, as_version=4)
    if parameters:
        inject_parameters(nb, parameters)
    failure, log = None, ""
    with _stderr_captured() as kernel_log:
        try:
            ExecutePreprocessor(timeout=timeout, kernel_name="python3").preprocess(
                nb, {"metadata": {"path": str(src.parent)}})
        except CellExecutionError as err:
            failure = str(err).strip().splitlines()[-1] if str(err).strip() else repr(err)
        except Exception as err:  # dead kernel, timeout: the kernel's log says why
            failure = f"{type(err).__name__}: {err}"
        if failure:
            log = kernel_log()
    if log.strip():
        sys.stderr.write(log)
    body, _ = HTMLExporter().from_notebook_node(nb)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(body, encoding="utf-8")
    if failure:
        raise NotebookError(f"{src.name}: {failure} (partial output in {dest})")


def _folder_parameters(paths: list[Path]) -> dict | None:
    """FOLDERS for notebook 04 when the job's inputs differ from the notebook's defaults; else None."""
    defaults = {(ROOT / "data" / d).resolve() for d in ("articles", "transcripts")}
    given = [Path(p).resolve() for p in paths]
    if set(given) == defaults:
        return None
    return {FOLDER_PARAMETER: [str(p) for p in given]}


# ---------------------------------------------------------------------------- the report ---

def _png(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def comparison_keyness(quotes: pd.DataFrame, min_freq: int = 3) -> pd.DataFrame:
    """Keyness of the Russian officials' quoted words against the Western officials' (COMPARISON camps)."""
    return overview.camp_keyness(quotes, COMPARISON[0], COMPARISON[1], min_freq=min_freq)


def report_html(tables: dict[str, pd.DataFrame], files: list[str], skipped: list[dict], inputs: list[Path]) -> str:
    """index.html: what was analysed, the per-camp charts and tables, and links to every file written."""
    quotes, summary, feats = tables["quotes"], tables["camp_summary"], tables["framing"]
    key = tables["keyness_comparison"]
    charts = [
        ("Who gets verbatim voice", plots.voice_chart(summary)),
        ("Reporting verbs", plots.verb_chart(summary)),
        ("Hedges, skepticism and distancing", plots.marker_chart(summary)),
        ("Sentiment of quoted words", plots.sentiment_chart(feats)),
        ("Most quoted actors", plots.top_actors_chart(tables["actors"])),
        ("Quotes per camp over time", plots.timeline_chart(tables["camps_over_time"])),
        ("Source diversity per outlet", plots.diversity_chart(tables["source_diversity"])),
        ("Key terms: Russian vs Western officials",
         plots.keyness_chart(key, label_a="Russian officials", label_b="Western officials",
                             colors=(plots.CAMP_COLORS[COMPARISON[0]], plots.CAMP_COLORS[COMPARISON[1]]))),
    ]
    esc = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Quotes and framing report</title>",
             "<style>body{font-family:sans-serif;max-width:75em;margin:auto;padding:0 1em;color:#222}"
             "table{border-collapse:collapse;font-size:85%}td,th{border:1px solid #ccc;padding:2px 6px}"
             "img{max-width:100%;border:1px solid #eee;margin:0.5em 0}.charts{display:flex;flex-wrap:wrap;gap:1em}"
             ".charts figure{margin:0;flex:1 1 30em}.warn{color:#a00}</style></head><body>",
             "<h1>Quotes and framing report</h1>",
             f"<p>Inputs: {esc(', '.join(str(p) for p in inputs))}. {quotes['doc_id'].nunique()} articles with quotes, "
             f"{len(quotes)} quote records ({int(quotes['turn'].sum())} of them transcript turns).</p>"]
    if skipped:
        parts.append("<p class='warn'>Skipped files:</p><ul class='warn'>" + "".join(
            f"<li>{esc(s['path'])}: {esc(s['reason'])}</li>" for s in skipped) + "</ul>")
    parts.append("<h2>Per-camp measures</h2><p>" + esc(framing.SENTIMENT_CAVEAT) + "</p>")
    parts.append(summary.to_html(float_format="{:.2f}".format, escape=True, na_rep="–"))
    parts.append("<div class='charts'>")
    for title, fig in charts:
        parts.append(f"<figure><img alt='{esc(title)}' src='data:image/png;base64,{_png(fig)}'>"
                     f"<figcaption>{esc(title)}</figcaption></figure>")
    parts.append("</div>")
    parts.append("<h2>Most quoted actors</h2>" + tables["actors"].head(25).to_html(index=False, escape=True, na_rep=""))
    parts.append("<h2>Source diversity per outlet</h2>"
                 + tables["source_diversity"].to_html(float_format="{:.2f}".format, escape=True, na_rep="–"))
    parts.append("<h2>Key terms of the Russian officials' quotes against the Western officials'</h2>"
                 + key.head(30).to_html(index=False, float_format="{:.3g}".format, escape=True))
    parts.append("<h2>Files</h2><ul>" + "".join(f"<li><a href='{esc(f)}'>{esc(f)}</a></li>" for f in files) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


class _Steps:
    """Progress of the job's stages: a bar on a terminal, one line per stage in logs and pipes."""

    def __init__(self, names: list[str]):
        self.tty = sys.stderr.isatty()
        self.bar = tqdm(total=len(names), unit="step", disable=not self.tty, leave=True)
        self.n, self.total, self.t0 = 0, len(names), time.monotonic()

    def __call__(self, name: str) -> None:
        if self.n:
            self.bar.update(1)
        self.n += 1
        self.bar.set_description(name)
        if not self.tty:
            print(f"[{self.n}/{self.total}] {name}  ({time.monotonic() - self.t0:.0f}s)", file=sys.stderr, flush=True)

    def close(self) -> None:
        self.bar.update(1)
        self.bar.close()


def run_analysis(paths: list[Path], out: Path, notebooks: bool = True) -> int:
    """Analyse every article under `paths` and write tables, index.html and the notebooks' HTML to `out`.

    Returns 0, or 1 when a file was skipped or a notebook failed (each named on stderr; the rest is written).
    """
    names = ["loading", "cleaning", "sentences", "quotes", "framing", "tables", "report"]
    nb_files = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")) if notebooks else []
    names += [f"notebook {p.stem}" for p in nb_files]
    step = _Steps(names)
    step("loading")
    articles = load_articles(paths, on_error="skip")
    skipped = articles.attrs.get("skipped", [])
    out.mkdir(parents=True, exist_ok=True)
    step("cleaning")
    changes = cleaning_changes(articles)
    step("sentences")
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

    step("quotes")
    quotes = overview.corpus_quotes(articles, progress=sys.stderr.isatty())
    quotes.to_csv(out / "quotes.csv", index=False)
    quotes.to_parquet(out / "quotes.parquet", index=False)
    step("framing")
    feats = framing.features(quotes, articles)
    summary = framing.camp_summary(feats)
    step("tables")
    tables = {
        "quotes": quotes, "framing": feats, "camp_summary": summary,
        "actors": overview.actor_table(quotes, groups=True),
        "unresolved_speakers": unresolved(quotes),
        "verbs": overview.verb_table(feats),
        "keyness": overview.keyness_by_camp(quotes),
        "keyness_comparison": comparison_keyness(quotes),
        "camps_over_time": overview.camps_over_time(quotes, freq="W"),
        "source_diversity": overview.source_diversity(quotes),
    }
    files = ["quotes.csv", "quotes.parquet"]
    for name in ("framing", "camp_summary", "actors", "unresolved_speakers", "verbs", "keyness",
                 "keyness_comparison", "camps_over_time", "source_diversity"):
        keep_index = name in ("camp_summary", "verbs", "camps_over_time", "source_diversity")
        tables[name].to_csv(out / f"{name}.csv", index=keep_index)
        files.append(f"{name}.csv")
    files += ["articles.csv", "sentences.csv", "sentences.parquet", "cleaning_changes.csv", "cleaning_report.html"]
    files += [f"notebooks/{p.stem}.html" for p in nb_files]

    step("report")
    (out / "index.html").write_text(report_html(tables, files, skipped, paths), encoding="utf-8")
    failures = []
    for src in nb_files:
        step(f"notebook {src.stem}")
        params = _folder_parameters(paths) if src.name == CORPUS_NOTEBOOK else None
        try:
            export_notebook(src, out / "notebooks" / f"{src.stem}.html", params)
        except Exception as err:  # one failing notebook must not cost the others their export
            failures.append(f"{src.name}: {err}" if not isinstance(err, NotebookError) else str(err))
    step.close()
    if notebooks and not nb_files:
        print(f"note: no notebooks found in {NOTEBOOKS}; none exported", file=sys.stderr)
    print(f"{len(articles)} articles, {len(sentences)} sentences, {len(changes)} cleaning changes, "
          f"{len(quotes)} quotes, {len(nb_files) - len(failures)} notebooks -> {out}/ (open {out / 'index.html'})",
          file=sys.stderr)
    for s in skipped:
        print(f"error: skipped {s['path']}: {s['reason']}", file=sys.stderr)
    for f in failures:
        print(f"error: notebook failed: {f}", file=sys.stderr)
    return 1 if skipped or failures else 0
