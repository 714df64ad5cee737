"""An article as HTML with its quotations, speakers and reporting cues highlighted at their offsets.

The article text is always HTML-escaped: markup inside an article shows as text and never runs.
Highlights come from the quote records' own offsets (start/end, speaker_start/speaker_end,
cue_start/cue_end), so what is marked is exactly what the records say; each marked piece carries
its offsets (data-start, data-end) and, per role, the numbers of the records it belongs to
(data-quote, data-speaker, data-cue: the row numbers of the quotes table shown beside it).
"""
from __future__ import annotations

import html
from typing import Iterable

import pandas as pd

from toolkit.plots import camp_colors

# (record keys of the span, role) in drawing order: a piece inside a speaker and a quote is both.
ROLES = (("start", "end", "quote"), ("speaker_start", "speaker_end", "speaker"), ("cue_start", "cue_end", "cue"))

STYLE = """<style>
.nq-article{font-family:Georgia,serif;line-height:1.7;white-space:pre-wrap;max-width:48em;padding:0.5em 1em;
  border:1px solid #ddd;background:#fff;color:#222}
.nq-quote{background:var(--camp-bg,#eee);border-bottom:2px solid var(--camp,#999)}
.nq-quote.nq-direct{background:var(--camp-bg-strong,#ddd)}
.nq-speaker{font-weight:bold;color:var(--camp,#333);border:1px solid var(--camp,#999);border-radius:3px}
.nq-cue{font-style:italic;text-decoration:underline wavy #555;text-underline-offset:3px}
.nq-n{font-size:65%;color:#555;font-family:sans-serif;vertical-align:super;user-select:none}
.nq-legend{font-family:sans-serif;font-size:85%;margin:0.3em 0}
.nq-legend span{display:inline-block;margin-right:1em;padding:0 0.4em}
</style>"""


def _int(value) -> int | None:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    return int(value)


def _records(quotes) -> list[dict]:
    if isinstance(quotes, pd.DataFrame):
        return quotes.astype(object).where(quotes.notna(), None).to_dict("records")
    return [dict(q) for q in quotes]


def _check(text: str, rec: dict, n: int) -> list[tuple[int, int, str]]:
    """The (start, end, role) spans of record n, checked against the text they claim to index."""
    spans = []
    for s_key, e_key, role in ROLES:
        s, e = _int(rec.get(s_key)), _int(rec.get(e_key))
        if s is None or e is None:
            continue
        if not 0 <= s <= e <= len(text):
            raise ValueError(f"quote record {n} ({rec.get('doc_id')}): {role} offsets [{s}, {e}) "
                             f"outside the text (length {len(text)})")
        written = rec.get(role)
        if isinstance(written, str) and text[s:e] != written:
            raise ValueError(f"quote record {n} ({rec.get('doc_id')}): {role} text {written[:40]!r} is not "
                             f"text[{s}:{e}] {text[s:e][:40]!r}: records of another text or version?")
        if e > s:
            spans.append((s, e, role))
    return spans


def _tooltip(n: int, rec: dict) -> str:
    who = rec.get("speaker") or "?"
    actor = rec.get("actor")
    camp = rec.get("camp") or "unknown"
    resolved = f" → {actor}" if actor and actor != who else ""
    return f"[{n}] {rec.get('kind') or '?'} quote; speaker: {who}{resolved} ({camp}); cue: {rec.get('cue') or '—'}"


def _camp_style(color: str) -> str:
    return f"--camp:{color};--camp-bg:{color}22;--camp-bg-strong:{color}44"


def render_article(text: str, quotes, numbers: Iterable[int] | None = None, turns: bool = False,
                   camps: Iterable[str] | None = None, legend: bool = True) -> str:
    """HTML (a <style> block and a <div>) of `text` with each record's quote, speaker and cue marked.

    quotes: pipeline records of this text (list of dicts or DataFrame). numbers: the label shown for
    each record (default: the DataFrame's index, so labels are the quotes table's row numbers; for a
    list, 0, 1, ...). Transcript turns are skipped
    unless turns=True (a turn covers the whole answer); camps: highlight only records of these camps.
    Offsets that do not fit the text raise ValueError.
    """
    recs = _records(quotes)
    if numbers is None:
        numbers = quotes.index if isinstance(quotes, pd.DataFrame) else range(len(recs))
    labels = list(numbers)
    if len(labels) != len(recs):
        raise ValueError(f"{len(labels)} numbers for {len(recs)} quote records")
    keep = None if camps is None else set(camps)
    shown = [i for i, r in enumerate(recs)
             if (turns or not r.get("turn")) and (keep is None or (r.get("camp") or "unknown") in keep)]
    colors = camp_colors(sorted({recs[i].get("camp") or "unknown" for i in shown}))
    spans: list[tuple[int, int, str, int]] = []  # start, end, role, record index
    for i, rec in enumerate(recs):
        if i not in shown:
            continue
        spans += [(s, e, role, i) for s, e, role in _check(text, rec, labels[i])]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    starts: dict[int, list[int]] = {}
    for s, _, role, i in spans:
        if role == "quote":
            starts.setdefault(s, []).append(i)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b], quote=False)
        for i in starts.get(a, []):
            out.append(f'<span class="nq-n">[{labels[i]}]</span>')
        active = [(role, i) for s, e, role, i in spans if s <= a and b <= e]
        if not active:
            out.append(piece)
            continue
        roles = sorted({role for role, _ in active}, key=[r for _, _, r in ROLES].index)
        members = sorted({i for _, i in active})
        # the innermost record (latest start) gives the colour and the kind
        inner = max(members, key=lambda i: max(s for s, _, _, j in spans if j == i and s <= a))
        rec = recs[inner]
        classes = [f"nq-{r}" for r in roles] + ([f"nq-{rec.get('kind')}"] if rec.get("kind") else [])
        title = "\n".join(_tooltip(labels[i], recs[i]) for i in members)
        per_role = "".join(
            f' data-{role}="{" ".join(str(labels[i]) for i in sorted({j for r, j in active if r == role}))}"'
            for role in roles)
        out.append(f'<span class="{" ".join(classes)}" style="{_camp_style(colors[rec.get("camp") or "unknown"])}" '
                   f'data-start="{a}" data-end="{b}"{per_role} title="{html.escape(title)}">{piece}</span>')
    parts = [STYLE]
    if legend:
        keys = "".join(f'<span style="{_camp_style(c)};border-bottom:2px solid {c};background:{c}22">'
                       f"{html.escape(camp)}</span>" for camp, c in colors.items())
        parts.append(f'<div class="nq-legend"><span class="nq-speaker">speaker</span>'
                     f'<span class="nq-cue">cue</span><span class="nq-quote nq-direct">direct quote</span>'
                     f'<span class="nq-quote">indirect / mixed</span> camps: {keys}</div>')
    parts.append(f'<div class="nq-article">{"".join(out)}</div>')
    return "\n".join(parts)
