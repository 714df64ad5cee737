"""Keyness and concordance on small hand-countable texts."""
from __future__ import annotations

import math

import pytest

from toolkit.compare import concordance, keyness, words


def test_log_likelihood_and_log_ratio_match_the_formulas_from_counts():
    a_texts = ["ceasefire talks doubt doubt doubt", "talks talks"]          # 7 words
    b_texts = ["ceasefire ceasefire peace talks", "peace doubt"]           # 6 words
    out = keyness(a_texts, b_texts, min_freq=1).set_index("term")
    c, d = 7, 6
    for term, a, b in (("doubt", 3, 1), ("talks", 3, 1), ("ceasefire", 1, 2), ("peace", 0, 2)):
        e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
        ll = 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))
        lr = math.log2((max(a, 0.5) / c) / (max(b, 0.5) / d))
        row = out.loc[term]
        assert (row["freq_a"], row["freq_b"]) == (a, b)
        assert row["log_likelihood"] == pytest.approx(ll)
        assert row["log_ratio"] == pytest.approx(lr)
        assert row["key_for"] == ("a" if a / c >= b / d else "b")
    assert out.attrs["size_a"] == c and out.attrs["size_b"] == d
    assert list(out["log_likelihood"]) == sorted(out["log_likelihood"], reverse=True)


def test_min_freq_and_empty_side():
    # a: 2+0, b: 1+1, c: 0+1 -- all below 3
    assert keyness(["a a b"], ["b c"], min_freq=3).empty
    assert set(keyness(["a a b"], ["b c"], min_freq=2)["term"]) == {"a", "b"}
    with pytest.raises(ValueError):
        keyness([""], ["b"])


def test_tokens_keep_hyphens_and_fold_apostrophes():
    assert words("So-called “balanced” China’s U.S. plan") == ["so-called", "balanced", "china's", "u.s", "plan"]


def test_concordance_gives_offsets_into_each_text():
    texts = {"d1": "Western officials voiced scepticism. Scepticism grew.", "d2": "No sceptics here."}
    kwic = concordance(texts, "scepticism", width=12)
    assert len(kwic) == 2
    for row in kwic.itertuples():
        assert texts[row.doc_id][row.start:row.end].lower() == "scepticism"
    assert kwic.iloc[0]["left"] == "ials voiced"
    assert concordance(texts, "so-called").empty
