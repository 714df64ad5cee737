"""Framing measures per quote and per camp: reporting-verb stance, hedges, boosters, skepticism,
the outlet's distancing, named vs anonymous sources, and sentiment of the quoted words.

Every count is made twice where it matters: in the quoted voice (the quote's content) and in the
journalist's narration (the rest of the quote's sentence, outside every quote of the article), so
"Western officials expressed scepticism" and a reporter's own "reportedly" are kept apart.
Lexicons are the TXT/CSV files in toolkit/lexicons (reporting_verbs.csv, hedges.txt, boosters.txt,
skepticism.txt, distancing.txt).

Sentiment: VADER (Hutto & Gilbert 2014) via NLTK with the lexicon shipped by the vaderSentiment
package, offline. CAVEAT: VADER was tuned on social-media text; on diplomatic news prose its scores
are a rough signal of evaluative wording, not a measure of the speaker's attitude.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from functools import lru_cache
from typing import Mapping

import pandas as pd

from toolkit.compare import words
from toolkit.resources import lexicon_path

SENTIMENT_CAVEAT = ("VADER sentiment is tuned for social-media text; on news and diplomatic prose read it as "
                    "a rough signal of evaluative wording, not of the speaker's attitude.")
VERB_CATEGORIES = ("neutral", "endorsing", "distancing", "contesting")
MARKERS = ("hedges", "boosters", "skepticism", "distancing")


@lru_cache(maxsize=None)
def _phrases(name: str) -> dict[int, frozenset]:
    """A one-per-line lexicon as {phrase length in words: set of word tuples}."""
    by_len: dict[int, set] = {}
    with open(lexicon_path(name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                toks = tuple(words(line))
                by_len.setdefault(len(toks), set()).add(toks)
    return {n: frozenset(s) for n, s in by_len.items()}


def count_markers(tokens: list[str], lexicon: str) -> int:
    """Occurrences of a lexicon's words and phrases in a token list (phrases as whole-word sequences)."""
    total = 0
    for n, phrases in _phrases(lexicon).items():
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i:i + n]) in phrases:
                total += 1
    return total


def _regular_forms(verb: str) -> set[str]:
    if " " in verb:
        return {verb}
    stem = verb[:-1] if verb.endswith("e") else verb
    s = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return {verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    return {verb, s, stem + "ed", stem + "ing"}


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, tuple[str, str]]:
    """Reporting-verb form (or phrase form) -> (lemma, category), from reporting_verbs.csv."""
    import csv

    out = {}
    with open(lexicon_path("reporting_verbs.csv"), encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            verb, cat = row["verb"].strip().lower(), row["category"].strip()
            if cat not in VERB_CATEGORIES:
                raise ValueError(f"reporting_verbs.csv: {verb!r} has category {cat!r}; use one of {VERB_CATEGORIES}")
            forms = _regular_forms(verb) | {f.strip().lower() for f in (row.get("forms") or "").split("|") if f.strip()}
            if " " in verb:  # phrasal: "point out" -> pointed out, points out
                head, rest = verb.split(" ", 1)
                forms |= {f"{f} {rest}" for f in _regular_forms(head)}
            for f in forms:
                out.setdefault(f, (verb, cat))
    return out


def verb_category(cue: str | None) -> tuple[str | None, str | None]:
    """(lemma, category) of a cue such as "reportedly told" or "According to"; (None, None) if not listed."""
    if not isinstance(cue, str) or not cue:
        return None, None
    table = reporting_verbs()
    toks = words(cue)
    for i in range(len(toks)):
        for j in (i + 2, i + 1):  # two-word phrases ("according to", "pointed out") first
            key = " ".join(toks[i:j])
            if j <= len(toks) and key in table:
                return table[key]
    return None, None


@lru_cache(maxsize=1)
def _vader():
    """NLTK's VADER analyzer with vaderSentiment's lexicon file, never downloading nltk_data."""
    import nltk
    import vaderSentiment
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    folder = os.path.dirname(vaderSentiment.__file__)
    # NLTK >= 3.9 opens resources only under nltk.data.path; the vaderSentiment folder holds vader_lexicon.txt.
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


def sentiment(text: str) -> float:
    """VADER compound score in [-1, 1] (see SENTIMENT_CAVEAT)."""
    return float(_vader().polarity_scores(text or "")["compound"])


def _doc_texts(texts) -> dict:
    if texts is None:
        return {}
    if isinstance(texts, pd.DataFrame):
        return dict(zip(texts["doc_id"], texts["text"]))
    if isinstance(texts, Mapping):
        return dict(texts)
    raise TypeError("texts must be a DataFrame with doc_id and text columns or a mapping doc_id -> text")


def _narration(text: str, sents: list, starts: list, q_start: int, q_end: int, spans: list) -> tuple[str, int, int]:
    """The quote's sentence(s) with every quote content span of the article blanked out."""
    i = max(0, bisect_right(starts, q_start) - 1)
    j = max(i, bisect_right(starts, max(q_start, q_end - 1)) - 1)
    s, e = sents[i][0], sents[j][1]
    chars = list(text[s:e])
    for qs, qe in spans:
        for k in range(max(qs, s), min(qe, e)):
            chars[k - s] = " "
    return "".join(chars), s, e


def features(quotes: pd.DataFrame, texts=None) -> pd.DataFrame:
    """One row per quote: verb category, marker counts in quote and narration, distancing, sourcing, sentiment.

    quotes: contract records with actor/camp (pipeline output as a DataFrame); texts: the articles
    (DataFrame doc_id/text or mapping doc_id -> text) so narration around each quote can be measured;
    without texts the narration columns are missing values.
    """
    from toolkit import segment
    from toolkit.quotes import scare_quotes

    docs = _doc_texts(texts)
    rows = []
    per_doc: dict = {}
    # NaN (missing cues, speakers) read as None, as in the pipeline's records
    records = quotes.astype(object).where(quotes.notna(), None).to_dict("records")
    for rec in records:
        doc = rec.get("doc_id")
        content = rec.get("quote") or ""
        qt = words(content)
        lemma, cat = verb_category(rec.get("cue"))
        if rec.get("turn"):
            lemma, cat = None, "turn"
        row = {k: rec.get(k) for k in ("doc_id", "start", "end", "speaker", "actor", "camp", "kind", "cue", "turn")}
        row["turn"] = bool(row["turn"])
        row.update(verb=lemma, verb_category=cat, quote_words=len(qt))
        for m in ("hedges", "boosters", "skepticism"):
            row[f"{m}_quote"] = count_markers(qt, f"{m}.txt")
        named = rec.get("actor") is not None and rec.get("actor_type") in ("person", "outlet", "government_body")
        row["source_named"] = named
        row["source_anonymous"] = (not named and rec.get("camp") not in (None, "unknown", "journalist"))
        row["sentiment"] = sentiment(content)
        text = docs.get(doc)
        if text is not None and rec.get("start") is not None and not rec.get("turn"):
            if doc not in per_doc:
                sents = segment.sentences(text) or [(0, len(text))]
                spans = [(q["start"], q["end"]) for q in records
                         if q.get("doc_id") == doc and q.get("start") is not None and not q.get("turn")]
                per_doc[doc] = (sents, [s for s, _ in sents], spans, scare_quotes(text))
            sents, starts, spans, scares = per_doc[doc]
            narr, s, e = _narration(text, sents, starts, rec["start"], rec["end"], spans)
            nt = words(narr)
            row["narration_words"] = len(nt)
            for m in MARKERS:
                row[f"{m}_narration"] = count_markers(nt, f"{m}.txt")
            row["scare_quotes"] = sum(1 for sq in scares if s <= sq["start"] < e)
        else:
            row["narration_words"] = None
            for m in MARKERS:
                row[f"{m}_narration"] = None
            row["scare_quotes"] = None
        rows.append(row)
    out = pd.DataFrame(rows)
    out.attrs["sentiment_caveat"] = SENTIMENT_CAVEAT
    return out


def camp_summary(features_df: pd.DataFrame) -> pd.DataFrame:
    """Per camp: quotes, direct/indirect/mixed shares, verb-category shares, marker rates per 100 words,
    distancing and scare-quote shares, named/anonymous source shares, mean sentiment (see its caveat)."""
    f = features_df
    if f.empty:
        return pd.DataFrame()
    g = f.groupby("camp", dropna=False)
    out = pd.DataFrame({"quotes": g.size()})
    for k in ("direct", "indirect", "mixed"):
        out[f"share_{k}"] = g["kind"].apply(lambda s, k=k: (s == k).mean())
    out["turns"] = g["turn"].sum()
    for c in VERB_CATEGORIES:
        out[f"verb_{c}"] = g["verb_category"].apply(lambda s, c=c: (s == c).mean())
    qw = g["quote_words"].sum().replace(0, float("nan"))
    for m in ("hedges", "boosters", "skepticism"):
        out[f"{m}_per100w_quote"] = 100 * g[f"{m}_quote"].sum() / qw
    nw = g["narration_words"].sum(min_count=1).replace(0, float("nan"))
    for m in ("hedges", "skepticism", "distancing"):
        out[f"{m}_per100w_narration"] = 100 * g[f"{m}_narration"].sum(min_count=1) / nw
    out["share_distanced"] = g["distancing_narration"].apply(lambda s: (s.dropna() > 0).mean() if s.notna().any() else float("nan"))
    out["share_scare_quoted"] = g["scare_quotes"].apply(lambda s: (s.dropna() > 0).mean() if s.notna().any() else float("nan"))
    out["share_named"] = g["source_named"].mean()
    out["share_anonymous"] = g["source_anonymous"].mean()
    out["mean_sentiment"] = g["sentiment"].mean()
    out = out.sort_values("quotes", ascending=False)
    out.attrs["sentiment_caveat"] = SENTIMENT_CAVEAT
    return out
