"""Framing measures on seed sentences; VADER works with no nltk_data."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from toolkit import framing
from toolkit.pipeline import article_quotes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_4b47a35a151c059f.txt"


def _seed() -> str:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return fh.read()


def test_reporting_verb_categories_from_cues():
    assert framing.verb_category("reportedly told") == ("tell", "neutral")
    assert framing.verb_category("According to") == ("according to", "neutral")
    assert framing.verb_category("reaffirmed")[1] == "endorsing"
    assert framing.verb_category("claimed")[1] == "distancing"
    assert framing.verb_category("denies")[1] == "contesting"
    assert framing.verb_category("pointed out")[1] == "endorsing"
    assert framing.verb_category(None) == (None, None)


def test_markers_on_seed_sentences():
    text = _seed()
    sent = text[text.index("However, Western officials"):text.index("negotiations.") + len("negotiations.")]
    toks = framing.words(sent)
    # "scepticism", "feasibility", "appears to" are skepticism markers; "reportedly" is the outlet's distancing.
    assert framing.count_markers(toks, "skepticism.txt") == 3
    lead = text[:text.index("Ukraine.") + 8]
    assert framing.count_markers(framing.words(lead), "distancing.txt") == 1
    assert framing.count_markers(framing.words("It may perhaps be clear"), "hedges.txt") == 2
    assert framing.count_markers(framing.words("It may perhaps be clear"), "boosters.txt") == 1


def test_features_separate_quoted_voice_from_narration_on_the_seed():
    text = _seed()
    quotes = pd.DataFrame(article_quotes(text, "seed"))
    f = framing.features(quotes, {"seed": text})
    assert len(f) == len(quotes)
    assert "sentiment_caveat" in f.attrs
    lavrov = f[f["speaker"] == "Russian Foreign Minister Sergei Lavrov"].iloc[0]
    assert lavrov["distancing_narration"] == 1  # "reportedly" is the outlet's word, outside the content
    west = f[(f["camp"] == "western_official") & (f["skepticism_quote"] > 0)]
    assert not west.empty
    assert f["sentiment"].between(-1, 1).all()
    summary = framing.camp_summary(f)
    assert {"russia_official", "western_official", "china_official"} <= set(summary.index)
    assert summary.loc["western_official", "skepticism_per100w_quote"] > summary.loc["russia_official", "skepticism_per100w_quote"]
    assert summary["quotes"].sum() == len(f)


def test_vader_runs_offline_with_empty_nltk_data(tmp_path):
    code = ("from toolkit.framing import sentiment;"
            "print(sentiment('a great, welcome success'), sentiment('a terrible, brutal failure'))")
    env = dict(os.environ, NLTK_DATA=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    pos, neg = map(float, out.stdout.split())
    assert pos > 0.5 and neg < -0.5
