"""Charts of the comparison measures: each function takes DataFrames and returns a matplotlib Figure.

Figures are built with `matplotlib.figure.Figure`, not pyplot, so a long report run keeps no
global figure state and nothing is shown twice in a notebook (a Figure as a cell's last
expression displays once under `%matplotlib inline`). Camps keep one colour everywhere
(`camp_colors`), which the HTML article rendering shares.
"""
from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

# One colour per camp code of toolkit/lexicons (actors.csv, group_camps.csv); camps an analyst adds
# take the next colour of FALLBACK_COLORS in first-seen order.
CAMP_COLORS = {
    "russia_official": "#c0392b",
    "china_official": "#e67e22",
    "western_official": "#1f4e9c",
    "ukraine_official": "#b7950b",
    "western_media": "#5dade2",
    "journalist": "#7f8c8d",
    "other": "#8e44ad",
    "unknown": "#bdc3c7",
    "(others)": "#e5e8e8",  # the remainder column of overview.camps_over_time(top=...)
}
FALLBACK_COLORS = ("#16a085", "#d35400", "#2c3e50", "#27ae60", "#f1948a", "#a04000", "#7d3c98", "#b9770e",
                   "#5d6d7e", "#48c9b0")
KIND_COLORS = {"direct": "#2c3e50", "mixed": "#7f8c8d", "indirect": "#d5d8dc"}
VERB_COLORS = {"neutral": "#d5d8dc", "endorsing": "#27ae60", "distancing": "#e67e22", "contesting": "#c0392b"}


def camp_colors(camps) -> dict[str, str]:
    """A colour for each camp: the fixed palette, then fallback colours for camps not in it."""
    out, spare = {}, iter(FALLBACK_COLORS * (1 + len(list(camps)) // len(FALLBACK_COLORS)))
    for camp in camps:
        key = "unknown" if camp is None or (isinstance(camp, float) and math.isnan(camp)) else str(camp)
        if key not in out:
            out[key] = CAMP_COLORS.get(key) or next(spare)
    return out


def _figure(width: float, height: float) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _empty(fig: Figure, title: str, why: str = "no data") -> Figure:
    ax = fig.add_subplot()
    ax.set_title(title)
    ax.text(0.5, 0.5, why, ha="center", va="center", transform=ax.transAxes, color="#7f8c8d")
    ax.set_axis_off()
    return fig


def _labels(index) -> list[str]:
    return ["unknown" if pd.isna(i) else str(i) for i in index]


def _stacked_barh(ax: Axes, shares: pd.DataFrame, colors: dict[str, str]) -> None:
    """One horizontal bar per row, segments per column, left to right; first row on top."""
    labels = _labels(shares.index)
    y = list(range(len(labels)))[::-1]
    left = [0.0] * len(labels)
    for col in shares.columns:
        vals = shares[col].fillna(0).astype(float).tolist()
        ax.barh(y, vals, left=left, color=colors[col], label=col, edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, vals)]
    ax.set_yticks(y, labels)


def voice_chart(summary: pd.DataFrame) -> Figure:
    """Who is quoted verbatim: shares of direct, mixed and indirect quotes per camp (camp_summary rows)."""
    fig = _figure(7.5, 0.5 * len(summary) + 1.6)
    title = "Who gets verbatim voice: direct, mixed (partly quoted) and paraphrased quotes"
    if summary.empty:
        return _empty(fig, title)
    ax = fig.add_subplot()
    cols = {"share_direct": "direct", "share_mixed": "mixed", "share_indirect": "indirect"}
    shares = summary[list(cols)].rename(columns=cols)
    _stacked_barh(ax, shares, KIND_COLORS)
    for y, n in zip(range(len(summary))[::-1], summary["quotes"]):
        ax.text(1.01, y, f"n={int(n)}", va="center", fontsize=8)
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("share of the camp's quotes")
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncol=3, fontsize=8, frameon=False)
    return fig


def verb_chart(summary: pd.DataFrame) -> Figure:
    """Reporting-verb stance per camp: shares of neutral, endorsing, distancing and contesting cues."""
    fig = _figure(7.5, 0.5 * len(summary) + 1.6)
    title = "How the outlet introduces each camp: reporting-verb categories"
    if summary.empty:
        return _empty(fig, title)
    ax = fig.add_subplot()
    cols = {f"verb_{c}": c for c in VERB_COLORS}
    shares = summary[list(cols)].rename(columns=cols)
    _stacked_barh(ax, shares, VERB_COLORS)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the camp's quotes (the rest: cue not in reporting_verbs.csv, or a transcript turn)")
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.08), ncol=4, fontsize=8, frameon=False)
    return fig


MARKER_COLUMNS = {
    "hedges_per100w_quote": "hedges in the quote",
    "skepticism_per100w_quote": "skepticism in the quote",
    "hedges_per100w_narration": "hedges in the narration",
    "skepticism_per100w_narration": "skepticism in the narration",
    "distancing_per100w_narration": "distancing in the narration",
}


def marker_chart(summary: pd.DataFrame) -> Figure:
    """Hedges, skepticism and distancing per 100 words, in the quoted voice and the narration, per camp."""
    fig = _figure(8, 0.9 * len(summary) + 1.8)
    title = "Hedges, skepticism and distancing per 100 words"
    if summary.empty:
        return _empty(fig, title)
    ax = fig.add_subplot()
    cols = [c for c in MARKER_COLUMNS if c in summary.columns]
    colors = ["#aab7b8", "#c0392b", "#5d6d7e", "#e6b0aa", "#e67e22"]
    labels = _labels(summary.index)
    height = 0.8 / len(cols)
    for k, col in enumerate(cols):
        y = [len(labels) - 1 - i + 0.4 - height * (k + 0.5) for i in range(len(labels))]
        ax.barh(y, summary[col].fillna(0).astype(float), height=height, color=colors[k % len(colors)],
                label=MARKER_COLUMNS[col])
    ax.set_yticks(range(len(labels))[::-1], labels)
    ax.set_xlabel("markers per 100 words (lexicons: hedges.txt, skepticism.txt, distancing.txt)")
    ax.set_title(title, fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def sentiment_chart(features: pd.DataFrame, caveat: str | None = None) -> Figure:
    """Each quote's VADER score by camp (dots) with the camp mean (bar), and the sentiment caveat below."""
    fig = _figure(7.5, 0.5 * max(features["camp"].nunique(), 1) + 1.8 if len(features) else 3)
    title = "Sentiment of the quoted words (VADER compound, -1 to 1)"
    if features.empty:
        return _empty(fig, title)
    ax = fig.add_subplot()
    camps = features["camp"].fillna("unknown")
    order = camps.value_counts(sort=True).index.tolist()
    colors = camp_colors(order)
    for i, camp in enumerate(order):
        y = len(order) - 1 - i
        vals = features.loc[camps == camp, "sentiment"].astype(float).tolist()
        ax.barh(y, sum(vals) / len(vals), color=colors[camp], alpha=0.35, height=0.6)
        # deterministic spread of the dots so equal scores stay visible
        offsets = [((j % 5) - 2) * 0.08 for j in range(len(vals))]
        ax.scatter(vals, [y + o for o in offsets], s=12, color=colors[camp], zorder=3)
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_yticks(range(len(order))[::-1], order)
    ax.set_xlim(-1.05, 1.05)
    ax.set_title(title, fontsize=10)
    note = caveat or features.attrs.get("sentiment_caveat")
    if note:
        ax.set_xlabel(note, fontsize=7, wrap=True)
    return fig


def keyness_chart(table: pd.DataFrame, n: int = 10, label_a: str = "A", label_b: str = "B",
                  colors: tuple[str, str] = ("#16a085", "#7f8c8d")) -> Figure:
    """The n strongest key terms of each side (compare.keyness output) as log-ratio bars, A to the right.

    colors: (A, B), e.g. the two camps' colours from camp_colors.
    """
    fig = _figure(7.5, 0.28 * 2 * n + 1.5)
    title = f"Key terms: {label_a} (right) vs {label_b} (left)"
    if table.empty:
        return _empty(fig, title, "no term reaches the minimum frequency")
    top = pd.concat([table[table["key_for"] == "a"].head(n), table[table["key_for"] == "b"].head(n)])
    top = top.sort_values("log_ratio")
    ax = fig.add_subplot()
    ax.barh(range(len(top)), top["log_ratio"], color=[colors[0] if k == "a" else colors[1] for k in top["key_for"]])
    ax.set_yticks(range(len(top)), top["term"])
    ax.axvline(0, color="black", linewidth=0.6)
    ax.set_xlabel("log ratio (binary log of relative frequency A / B); bars: strongest G2 per side")
    ax.set_title(title, fontsize=10)
    return fig


def timeline_chart(counts: pd.DataFrame, title: str = "Quotes per camp over time") -> Figure:
    """Stacked bars of quote counts: one bar per period (index), one segment per camp (columns)."""
    fig = _figure(9, 3.8)
    if counts.empty:
        return _empty(fig, title)
    ax = fig.add_subplot()
    colors = camp_colors(counts.columns)
    x = list(range(len(counts)))
    bottom = [0.0] * len(counts)
    for camp in counts.columns:
        vals = counts[camp].fillna(0).astype(float).tolist()
        ax.bar(x, vals, bottom=bottom, color=colors[_labels([camp])[0]], label=_labels([camp])[0])
        bottom = [a + b for a, b in zip(bottom, vals)]
    step = max(1, math.ceil(len(x) / 30))  # at most ~30 labels: long spans (PolNeAR's 2016 + 2023) stay legible
    ax.set_xticks(x[::step], [str(i) for i in counts.index][::step], rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("quotes and turns")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, ncol=2)
    return fig


def top_actors_chart(actors: pd.DataFrame, n: int = 15) -> Figure:
    """The n most quoted actors (overview.actor_table rows) as bars coloured by camp."""
    top = actors.head(n)
    fig = _figure(7.5, 0.3 * len(top) + 1.4)
    title = "Most quoted actors"
    if top.empty:
        return _empty(fig, title)
    ax = fig.add_subplot()
    colors = camp_colors(top["camp"])
    y = list(range(len(top)))[::-1]
    ax.barh(y, top["quotes"], color=[colors[c] for c in _labels(top["camp"])])
    ax.set_yticks(y, top["actor"].astype(str))
    for camp, color in colors.items():
        ax.bar(0, 0, color=color, label=camp)  # legend entries only
    ax.legend(fontsize=8, loc="lower right")
    ax.set_xlabel("quotes and transcript turns")
    ax.set_title(title, fontsize=10)
    return fig


def diversity_chart(diversity: pd.DataFrame) -> Figure:
    """Source diversity per outlet (overview.source_diversity rows): distinct actors and camp entropy."""
    fig = _figure(8, 0.45 * len(diversity) + 1.8)
    title = "Source diversity per outlet"
    if diversity.empty:
        return _empty(fig, title)
    left, right = fig.subplots(1, 2, sharey=True)
    labels = _labels(diversity.index)
    y = list(range(len(labels)))[::-1]
    left.barh(y, diversity["actors"], color="#1f4e9c")
    left.set_yticks(y, labels)
    left.set_xlabel("named actors quoted")
    right.barh(y, diversity["camp_entropy"], color="#e67e22")
    right.set_xlabel("camp entropy (bits)")
    fig.suptitle(title, fontsize=10)
    return fig
