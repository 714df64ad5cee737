"""Compare camps by their words: keyness (log-likelihood with log-ratio effect size) and concordance.

Keyness follows Rayson & Garside (2000) for the log-likelihood G2 of a word's frequency in corpus A
against corpus B, and Hardie (2014) for the log ratio (binary log of the ratio of relative
frequencies; a zero frequency is replaced by 0.5 so the ratio stays finite). G2 > 3.84 is p < 0.05
and > 15.13 is p < 0.0001 at 1 degree of freedom; with many words tested, read the strongest.
Tokens come from NLTK's RegexpTokenizer, which needs no nltk_data.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Mapping

import pandas as pd
from nltk.tokenize import RegexpTokenizer

_TOKENIZER = RegexpTokenizer(r"\w+(?:[-'\u2019.]\w+)*")


def words(text: str) -> list[str]:
    """Lower-case word tokens (hyphenated words, contractions and "u.s" kept whole; ’ folded to ')."""
    return [t.replace("\u2019", "'") for t in _TOKENIZER.tokenize(text.lower())]


def _texts(texts) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a collection of strings (or a Series/DataFrame with a 'text' column), not one string")
    if isinstance(texts, pd.DataFrame):
        texts = texts["text"]
    return [t for t in texts if isinstance(t, str)]


def log_likelihood(a: float, b: float, size_a: float, size_b: float) -> float:
    """Rayson & Garside G2 for frequencies a (in a corpus of size_a words) and b (size_b words)."""
    e1 = size_a * (a + b) / (size_a + size_b)
    e2 = size_b * (a + b) / (size_a + size_b)
    g2 = 0.0
    if a > 0:
        g2 += a * math.log(a / e1)
    if b > 0:
        g2 += b * math.log(b / e2)
    return 2.0 * g2


def log_ratio(a: float, b: float, size_a: float, size_b: float) -> float:
    """Hardie's log ratio: log2 of relative frequency in A over B, zeros replaced by 0.5."""
    return math.log2((max(a, 0.5) / size_a) / (max(b, 0.5) / size_b))


def keyness(texts_a: Iterable[str], texts_b: Iterable[str], min_freq: int = 3) -> pd.DataFrame:
    """Words over- and under-used in texts A against texts B: frequencies, G2, p, log ratio; strongest first."""
    ca = Counter(w for t in _texts(texts_a) for w in words(t))
    cb = Counter(w for t in _texts(texts_b) for w in words(t))
    size_a, size_b = sum(ca.values()), sum(cb.values())
    cols = ["term", "freq_a", "freq_b", "per_10k_a", "per_10k_b", "log_likelihood", "p_value", "log_ratio", "key_for"]
    if not size_a or not size_b:
        raise ValueError(f"keyness needs words on both sides (A has {size_a}, B has {size_b})")
    rows = []
    for term in set(ca) | set(cb):
        a, b = ca[term], cb[term]
        if a + b < min_freq:
            continue
        g2 = log_likelihood(a, b, size_a, size_b)
        lr = log_ratio(a, b, size_a, size_b)
        rows.append((term, a, b, 1e4 * a / size_a, 1e4 * b / size_b, g2,
                     math.erfc(math.sqrt(g2 / 2.0)), lr, "a" if a / size_a >= b / size_b else "b"))
    out = pd.DataFrame(rows, columns=cols)
    out = out.sort_values(["log_likelihood", "term"], ascending=[False, True], ignore_index=True)
    out.attrs.update(size_a=size_a, size_b=size_b)
    return out


def concordance(texts, term: str, width: int = 50) -> pd.DataFrame:
    """Keyword in context: every whole-word, case-insensitive occurrence of term, with doc_id and offsets.

    texts: a DataFrame with doc_id and text columns, a mapping doc_id -> text, or a list of texts.
    """
    if isinstance(texts, pd.DataFrame):
        items = list(zip(texts["doc_id"], texts["text"]))
    elif isinstance(texts, Mapping):
        items = list(texts.items())
    elif isinstance(texts, str):
        raise TypeError("texts must be a collection of texts, not one string")
    else:
        items = list(enumerate(texts))
    # ’ and ' are the same letter for the analyst; spaces in a phrase match any run of whitespace.
    pat = re.escape(term.strip()).replace("'", "['\u2019]").replace("\\ ", r"\s+")
    rx = re.compile(rf"(?<!\w){pat}(?!\w)", re.I)
    rows = []
    for doc_id, text in items:
        if not isinstance(text, str):
            continue
        for m in rx.finditer(text):
            left = text[max(0, m.start() - width):m.start()]
            right = text[m.end():m.end() + width]
            rows.append((doc_id, m.start(), m.end(), " ".join(left.split()), m.group(0), " ".join(right.split())))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "left", "match", "right"])
