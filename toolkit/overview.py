"""Corpus-level tables over the pipeline's quotes: quotes with article metadata, actors, camps over
time, source diversity per outlet, topic filters, keyness between camps, and audits against gold.

The notebooks and the report show these same tables, so a figure in a notebook is the figure the
report writes. Everything takes and returns DataFrames; quote rows are pipeline records (contract
keys plus actor, camp, turn) with the article's date, outlet and title added.
"""
from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

import pandas as pd

from toolkit.compare import keyness
from toolkit.quotes import quotes_frame

# The columns an analyst reads first, in reading order (quote_view).
READING_COLUMNS = ["doc_id", "date", "start", "end", "speaker", "actor", "camp", "cue", "kind", "quote"]
ARTICLE_COLUMNS = ["date", "outlet", "title"]


def corpus_quotes(articles: pd.DataFrame, progress: bool | None = None) -> pd.DataFrame:
    """quotes.quotes_frame of the articles (one row per quote or transcript turn) with each article's
    date, outlet and title, so quotes can be counted over time and per outlet.

    progress: True shows a tqdm bar, False none, None one only on a terminal for 20+ articles.
    An article the pipeline fails on raises InputError naming it (never dropped silently).
    """
    out = quotes_frame(articles, progress=progress)
    meta = pd.DataFrame({"doc_id": articles["doc_id"].astype(str)})
    for col in ARTICLE_COLUMNS:
        meta[col] = articles[col].to_numpy() if col in articles else None
    out = out.merge(meta.drop_duplicates("doc_id"), on="doc_id", how="left", validate="many_to_one")
    for col, default in (("actor", None), ("camp", "unknown"), ("turn", False)):
        if col not in out:
            out[col] = default
    out["turn"] = out["turn"].fillna(False).astype(bool)
    out["outlet"] = out["outlet"].astype(object).where(out["outlet"].notna(), None)
    out["date"] = pd.to_datetime(out["date"])
    return out


def quote_view(quotes: pd.DataFrame, camps: Iterable[str] | None = None, turns: bool = True,
               docs: Iterable[str] | None = None) -> pd.DataFrame:
    """The reading columns of quotes in text order, optionally only some camps and documents, without
    transcript turns (turns=False). The index stays that of `quotes`, so rows keep their numbers."""
    q = quotes
    if camps is not None:
        q = q[q["camp"].isin(list(camps))]
    if docs is not None:
        q = q[q["doc_id"].isin(list(docs))]
    if not turns and "turn" in q:
        q = q[~q["turn"].astype(bool)]
    cols = [c for c in READING_COLUMNS if c in q.columns]
    return q.sort_values(["doc_id", "start"], kind="stable")[cols]


def _speaker_key(quotes: pd.DataFrame, groups: bool) -> pd.Series:
    key = quotes["actor"].astype(object)
    if groups:
        mention = quotes["speaker_name"].fillna(quotes["speaker"]).astype(object)
        unnamed = key.isna() & (quotes["camp"] != "unknown") & mention.notna()
        key = key.where(~unnamed, mention + " (unnamed)")
    return key


def actor_table(quotes: pd.DataFrame, groups: bool = False, skip_camps: Iterable[str] = ("journalist",)) -> pd.DataFrame:
    """One row per quoted actor: camp, type, country, quotes (turns included), turns, kinds, articles, dates.

    groups=True also lists speakers resolved to a camp but not to one actor ("Western officials",
    a transcript's "SENIOR ADMINISTRATION OFFICIAL"), labelled "<mention> (unnamed)". Camps in
    skip_camps (by default reporters asking questions in transcripts) are left out. Most quoted first.
    """
    cols = ["actor", "camp", "actor_type", "country", "quotes", "turns", "direct", "mixed", "indirect",
            "articles", "first_date", "last_date"]
    q = quotes.assign(_key=_speaker_key(quotes, groups))
    q = q[q["_key"].notna() & ~q["camp"].isin(list(skip_camps))]
    if q.empty:
        return pd.DataFrame(columns=cols)
    g = q.groupby("_key", sort=False)
    kinds = pd.crosstab(q["_key"], q["kind"]).reindex(columns=["direct", "mixed", "indirect"], fill_value=0)
    out = pd.DataFrame({
        "camp": g["camp"].agg(lambda s: s.mode().iloc[0]),
        "actor_type": g["actor_type"].first(),
        "country": g["country"].first(),
        "quotes": g.size(),
        "turns": g["turn"].sum().astype(int),
    }).join(kinds)
    out["articles"] = g["doc_id"].nunique()
    out["first_date"], out["last_date"] = g["date"].min(), g["date"].max()
    out = out.rename_axis("actor").reset_index()
    return out.sort_values(["quotes", "actor"], ascending=[False, True], ignore_index=True)[cols]


def camps_over_time(quotes: pd.DataFrame, freq: str = "M", by: str = "camp", top: int | None = None) -> pd.DataFrame:
    """Quote counts per period (rows, every period from first to last date) and camp (or `by` column).

    Periods are labelled by their first day (YYYY-MM for months). top: keep the `top` most frequent
    values of `by` and sum the rest as "(others)"; rows with no value count as "unknown". Quotes
    without a date are left out; how many is in .attrs["undated"].
    """
    dated = quotes[quotes["date"].notna()]
    if dated.empty:
        out = pd.DataFrame()
        out.attrs["undated"] = len(quotes)
        return out
    periods = pd.to_datetime(dated["date"]).dt.to_period(freq)
    counts = pd.crosstab(periods, dated[by].astype(object).fillna("unknown"))
    full = pd.period_range(periods.min(), periods.max(), freq=periods.dt.freq)
    counts = counts.reindex(full, fill_value=0)
    counts = counts[counts.sum().sort_values(ascending=False, kind="stable").index]
    if top is not None and counts.shape[1] > top:
        counts = pd.concat([counts.iloc[:, :top], counts.iloc[:, top:].sum(axis=1).rename("(others)")], axis=1)
    fmt = "%Y-%m" if freq.upper().startswith("M") else "%Y-%m-%d"
    counts.index = [p.start_time.strftime(fmt) for p in counts.index]
    counts.index.name, counts.columns.name = "period", by
    counts.attrs["undated"] = int(len(quotes) - len(dated))
    return counts


def _entropy(counts: pd.Series) -> float:
    total = counts.sum()
    return float(-sum((c / total) * math.log2(c / total) for c in counts if c > 0)) if total else 0.0


def source_diversity(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: articles, quotes, distinct named actors and camps, camp entropy (bits), top camp and share,
    share of quotes with no camp. Outlet missing -> "(no outlet)"."""
    cols = ["articles", "quotes", "actors", "camps", "camp_entropy", "top_camp", "top_camp_share", "share_unknown"]
    if quotes.empty:
        return pd.DataFrame(columns=cols)
    q = quotes.assign(outlet=quotes["outlet"].fillna("(no outlet)"))
    rows = {}
    for outlet, grp in q.groupby("outlet", sort=True):
        known = grp.loc[grp["camp"] != "unknown", "camp"].value_counts()
        rows[outlet] = {
            "articles": grp["doc_id"].nunique(),
            "quotes": len(grp),
            "actors": grp["actor"].nunique(),
            "camps": len(known),
            "camp_entropy": _entropy(known),
            "top_camp": known.index[0] if len(known) else None,
            "top_camp_share": known.iloc[0] / known.sum() if len(known) else float("nan"),
            "share_unknown": float((grp["camp"] == "unknown").mean()),
        }
    out = pd.DataFrame.from_dict(rows, orient="index")[cols]
    out.index.name = "outlet"
    return out


def _term_pattern(term: str) -> str:
    term = term.strip()
    prefix = term.endswith("*")
    body = re.escape(term.rstrip("*")).replace("\\ ", r"\s+").replace("'", "['\u2019]")
    return rf"(?<!\w){body}" + (r"\w*" if prefix else r"(?!\w)")


def quotes_about(quotes: pd.DataFrame, term_groups: Sequence[Sequence[str]], width: int = 90) -> pd.DataFrame:
    """Quotes mentioning at least one term of every group (whole words, any case; "negotiat*" is a prefix),
    with `matched` (the terms found) and `snippet` (the quote around its first match of the last group)."""
    rxs = [re.compile("|".join(_term_pattern(t) for t in grp), re.I) for grp in term_groups if len(grp)]
    if not rxs:
        raise ValueError("quotes_about needs at least one non-empty group of terms")
    keep, matched, snippets = [], [], []
    for text in quotes["quote"]:
        text = text if isinstance(text, str) else ""
        hits = [rx.findall(text) for rx in rxs]
        ok = all(hits)
        keep.append(ok)
        if ok:
            m = rxs[-1].search(text)
            left, right = text[max(0, m.start() - width):m.start()], text[m.end():m.end() + width]
            snippets.append(("… " if m.start() > width else "") + " ".join(f"{left}[{m.group(0)}]{right}".split())
                            + (" …" if m.end() + width < len(text) else ""))
            matched.append(", ".join(dict.fromkeys(h.lower() for hs in hits for h in hs)))
    out = quotes[keep].copy()
    out["matched"], out["snippet"] = matched, snippets
    return out


def _camp_texts(quotes: pd.DataFrame, camps: str | Iterable[str] | None, exclude: Iterable[str] = ()) -> pd.Series:
    if camps is None:
        sel = ~quotes["camp"].isin(list(exclude))
    else:
        sel = quotes["camp"].isin([camps] if isinstance(camps, str) else list(camps))
    return quotes.loc[sel, "quote"].dropna()


def camp_keyness(quotes: pd.DataFrame, camp_a: str | Iterable[str], camp_b: str | Iterable[str] | None = None,
                 min_freq: int = 3) -> pd.DataFrame:
    """compare.keyness of the quoted words of camp(s) A against camp(s) B (default: every other camp)."""
    a = _camp_texts(quotes, camp_a)
    excl = [camp_a] if isinstance(camp_a, str) else list(camp_a)
    b = _camp_texts(quotes, camp_b, exclude=excl)
    out = keyness(a, b, min_freq=min_freq)
    out.attrs.update(camp_a=camp_a, camp_b=camp_b if camp_b is not None else "other camps",
                     quotes_a=len(a), quotes_b=len(b))
    return out


def keyness_by_camp(quotes: pd.DataFrame, top: int = 20, min_freq: int = 3,
                    skip: Iterable[str] = ("unknown",)) -> pd.DataFrame:
    """For each camp (but `skip`), its `top` key terms against all other camps' quotes (G2 order)."""
    frames = []
    for camp in sorted(set(quotes["camp"].dropna()) - set(skip)):
        k = camp_keyness(quotes, camp, min_freq=min_freq)
        k = k[k["key_for"] == "a"].head(top)
        frames.append(k.assign(camp=camp))
    if not frames:
        return pd.DataFrame(columns=["camp", "term"])
    out = pd.concat(frames, ignore_index=True)
    return out[["camp", *[c for c in out.columns if c != "camp"]]]


def verb_table(features: pd.DataFrame) -> pd.DataFrame:
    """Reporting verbs (framing.features `verb`, with its category) by camp: counts, most used first."""
    f = features[features["verb"].notna()]
    if f.empty:
        return pd.DataFrame()
    t = pd.crosstab([f["verb"], f["verb_category"]], f["camp"])
    return t.loc[t.sum(axis=1).sort_values(ascending=False, kind="stable").index]


MARKER_COUNTS = ["hedges_quote", "skepticism_quote", "boosters_quote", "hedges_narration", "skepticism_narration",
                 "distancing_narration", "scare_quotes"]


def marked_quotes(features: pd.DataFrame) -> pd.DataFrame:
    """The framing.features rows with at least one hedge, skepticism, booster, distancing or scare-quote count."""
    cols = [c for c in MARKER_COUNTS if c in features.columns]
    hit = features[cols].fillna(0).sum(axis=1) > 0
    return features.loc[hit, [c for c in ("doc_id", "camp", "speaker", "verb") if c in features.columns] + cols]


def actor_audit(quotes: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Each gold attribution (data/gold/seed_actors.csv rows) beside the quote overlapping it most:
    found, predicted speaker/actor/camp, and whether actor and camp agree with the gold."""
    rows = []
    for g in gold.itertuples(index=False):
        cand = quotes[(quotes["doc_id"] == g.doc_id) & ~quotes["turn"].astype(bool)]
        ov = (cand["end"].clip(upper=g.content_end) - cand["start"].clip(lower=g.content_start))
        best = cand.loc[ov.idxmax()] if len(cand) and ov.max() > 0 else None
        gold_actor = g.actor if isinstance(g.actor, str) else None
        row = {"content": g.content, "gold_speaker": g.speaker, "gold_actor": gold_actor, "gold_camp": g.camp,
               "found": best is not None}
        if best is not None:
            actor = best["actor"] if isinstance(best["actor"], str) else None
            row.update(speaker=best["speaker"], actor=actor, camp=best["camp"],
                       actor_ok=actor == gold_actor, camp_ok=best["camp"] == g.camp)
        else:
            row.update(speaker=None, actor=None, camp=None, actor_ok=False, camp_ok=False)
        rows.append(row)
    return pd.DataFrame(rows)
