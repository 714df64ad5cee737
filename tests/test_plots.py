"""Charts: each returns a Figure whose bars and series are the numbers of the DataFrame given."""
from __future__ import annotations

import io

import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from toolkit import plots


def _bars(ax) -> list[Rectangle]:
    """The drawn bars (legend-only zero-size bars excluded)."""
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() and p.get_height()]


def _ylabels(ax) -> list[str]:
    """Tick labels of the y axis from the top of the chart down."""
    pairs = zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()))
    return [label for _, label in sorted(pairs, key=lambda p: -p[0])]


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


@pytest.fixture
def summary() -> pd.DataFrame:
    """A camp_summary-shaped frame with hand-picked values."""
    return pd.DataFrame({
        "quotes": [4, 5],
        "share_direct": [0.25, 0.0], "share_mixed": [0.25, 0.2], "share_indirect": [0.5, 0.8],
        "verb_neutral": [0.5, 0.6], "verb_endorsing": [0.5, 0.0], "verb_distancing": [0.0, 0.0],
        "verb_contesting": [0.0, 0.2],
        "hedges_per100w_quote": [0.0, 3.0], "skepticism_per100w_quote": [0.0, 9.0],
        "hedges_per100w_narration": [1.0, 6.0], "skepticism_per100w_narration": [0.0, 6.0],
        "distancing_per100w_narration": [2.0, 0.0],
    }, index=pd.Index(["russia_official", "western_official"], name="camp"))


def test_voice_chart_segments_are_the_shares(summary):
    fig = plots.voice_chart(summary)
    ax = fig.axes[0]
    bars = _bars(ax)
    # one bar per camp per kind with a share > 0; the first camp is drawn on top (largest y)
    widths = {(round(b.get_y() + b.get_height() / 2), b.get_facecolor()[:3]): b.get_width() for b in bars}
    import matplotlib.colors as mc
    direct = mc.to_rgb(plots.KIND_COLORS["direct"])
    indirect = mc.to_rgb(plots.KIND_COLORS["indirect"])
    assert widths[(1, direct)] == pytest.approx(0.25)
    assert widths[(1, indirect)] == pytest.approx(0.5)
    assert widths[(0, indirect)] == pytest.approx(0.8)
    assert _ylabels(ax) == ["russia_official", "western_official"]  # first row on top
    # each stacked bar adds up to 1
    for y in (0, 1):
        assert sum(b.get_width() for b in bars if round(b.get_y() + b.get_height() / 2) == y) == pytest.approx(1)
    assert _png(fig).startswith(b"\x89PNG")


def test_verb_and_marker_charts(summary):
    ax = plots.verb_chart(summary).axes[0]
    assert sorted(round(b.get_width(), 3) for b in _bars(ax)) == [0.2, 0.5, 0.5, 0.6]
    ax = plots.marker_chart(summary).axes[0]
    values = sorted(round(b.get_width(), 3) for b in _bars(ax))
    assert values == [1.0, 2.0, 3.0, 6.0, 6.0, 9.0]  # zero-rate bars have no extent
    assert len(ax.get_legend().get_texts()) == 5


def test_sentiment_chart_means_and_caveat():
    feats = pd.DataFrame({"camp": ["a", "a", "b", None], "sentiment": [0.5, -0.1, -0.4, 0.2]})
    feats.attrs["sentiment_caveat"] = "rough signal only"
    fig = plots.sentiment_chart(feats)
    ax = fig.axes[0]
    means = sorted(round(b.get_width(), 3) for b in ax.patches)
    assert means == [-0.4, 0.2, 0.2]  # camp a: (0.5 - 0.1) / 2; b: -0.4; unknown: 0.2
    assert sum(len(c.get_offsets()) for c in ax.collections) == 4  # one dot per quote
    assert "rough signal only" in ax.get_xlabel()
    assert "unknown" in [t.get_text() for t in ax.get_yticklabels()]


def test_keyness_chart_takes_the_strongest_terms_of_each_side():
    table = pd.DataFrame({
        "term": ["peace", "talks", "china", "ceasefire", "the"],
        "log_likelihood": [20.0, 15.0, 12.0, 9.0, 0.1],
        "log_ratio": [5.0, 4.0, -3.0, -2.0, 0.1],
        "key_for": ["a", "a", "b", "b", "a"],
    })
    ax = plots.keyness_chart(table, n=2, label_a="RU", label_b="US").axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == ["ceasefire", "china", "peace", "talks"]  # "the" is not in the top 2 of A
    widths = dict(zip(labels, [b.get_width() for b in _bars(ax)]))
    assert widths == {"china": -3.0, "ceasefire": -2.0, "talks": 4.0, "peace": 5.0}
    assert "RU" in ax.get_title() and "US" in ax.get_title()


def test_timeline_chart_stacks_counts_per_period():
    counts = pd.DataFrame({"western_official": [3, 0, 5], "russia_official": [1, 0, 2]},
                          index=["2023-02", "2023-03", "2023-04"])
    ax = plots.timeline_chart(counts).axes[0]
    tops = {}
    for b in _bars(ax):
        x = round(b.get_x() + b.get_width() / 2)
        tops[x] = max(tops.get(x, 0), b.get_y() + b.get_height())
    assert tops == {0: 4, 2: 7}
    assert [t.get_text() for t in ax.get_xticklabels()] == list(counts.index)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["western_official", "russia_official"]
    many = pd.DataFrame({"unknown": range(90)}, index=[f"p{i}" for i in range(90)])
    ax = plots.timeline_chart(many).axes[0]
    assert len(_bars(ax)) == 89  # every period drawn (the first is zero)...
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == [f"p{i}" for i in range(0, 90, 3)]  # ...but only every third labelled


def test_top_actors_and_diversity_charts():
    actors = pd.DataFrame({"actor": ["Karine Jean-Pierre", "Sergei Lavrov", "Li Hui"],
                           "camp": ["western_official", "russia_official", "new_camp"], "quotes": [9, 4, 2]})
    ax = plots.top_actors_chart(actors, n=2).axes[0]
    assert _ylabels(ax) == ["Karine Jean-Pierre", "Sergei Lavrov"]  # most quoted on top
    assert sorted(b.get_width() for b in _bars(ax)) == [4, 9]
    colors = plots.camp_colors(actors["camp"])
    assert colors["new_camp"] in plots.FALLBACK_COLORS and colors["russia_official"] == plots.CAMP_COLORS["russia_official"]
    div = pd.DataFrame({"actors": [5, 28], "camp_entropy": [1.8, 1.1]}, index=["(no outlet)", "White House"])
    fig = plots.diversity_chart(div)
    assert len(fig.axes) == 2
    assert sorted(b.get_width() for b in _bars(fig.axes[0])) == [5, 28]
    assert sorted(b.get_width() for b in _bars(fig.axes[1])) == [1.1, 1.8]


def test_empty_frames_give_a_labelled_empty_figure():
    for fig in (plots.voice_chart(pd.DataFrame()), plots.keyness_chart(pd.DataFrame()),
                plots.timeline_chart(pd.DataFrame()), plots.diversity_chart(pd.DataFrame()),
                plots.top_actors_chart(pd.DataFrame({"actor": [], "camp": [], "quotes": []})),
                plots.sentiment_chart(pd.DataFrame({"camp": [], "sentiment": []}))):
        assert isinstance(fig, Figure)
        assert fig.axes[0].texts and not _bars(fig.axes[0])
        assert _png(fig).startswith(b"\x89PNG")
