"""Corpus tables the notebooks and the report show: quotes with metadata, actors, time, diversity, topics,
keyness between camps, and the audits of the seed against its hand-annotated gold."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from conftest import DATA, SEED, TRANSCRIPTS
from toolkit import overview
from toolkit.compare import keyness
from toolkit.corpus import load_articles, read_text
from toolkit.errors import InputError
from toolkit.evaluate import load_gold, score
from toolkit.framing import features
from toolkit.pipeline import article_quotes


@pytest.fixture(scope="module")
def corpus():
    articles = load_articles([DATA / "articles", TRANSCRIPTS])
    return articles, overview.corpus_quotes(articles, progress=False)


def _q(**cols) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base = {"doc_id": ["d"] * n, "start": list(range(n)), "end": list(range(1, n + 1)), "quote": ["x"] * n,
            "speaker": ["s"] * n, "speaker_name": [None] * n, "actor": [None] * n, "camp": ["unknown"] * n,
            "actor_type": [None] * n, "country": [None] * n, "kind": ["indirect"] * n, "turn": [False] * n,
            "date": pd.to_datetime(["2023-05-26"] * n), "outlet": [None] * n, "cue": [None] * n}
    base.update(cols)
    return pd.DataFrame(base)


def test_corpus_quotes_are_the_pipelines_with_article_metadata(corpus):
    articles, quotes = corpus
    assert set(quotes["doc_id"]) == set(articles["doc_id"])
    texts = dict(zip(articles["doc_id"], articles["text"]))
    for doc_id, text in list(texts.items())[:3]:
        assert quotes.loc[quotes["doc_id"] == doc_id, "quote"].tolist() == [r["quote"] for r in article_quotes(text, doc_id)]
    for row in quotes.sample(200, random_state=0).itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.quote
    seed = quotes[quotes["doc_id"] == SEED.stem]
    assert (seed["date"] == pd.Timestamp("2023-05-26")).all() and seed["outlet"].isna().all()
    briefing = quotes[quotes["doc_id"].str.startswith("wh_2023-03-20")]
    assert (briefing["date"] == pd.Timestamp("2023-03-20")).all()
    assert briefing["outlet"].str.contains("White House").all()
    assert quotes["turn"].dtype == bool and quotes["turn"].any()


def test_an_article_the_pipeline_fails_on_is_named(monkeypatch):
    articles = load_articles(SEED)

    def broken(text, doc_id):
        raise RuntimeError("boom")

    monkeypatch.setattr("toolkit.pipeline.article_quotes", broken)
    with pytest.raises(InputError, match=rf"{SEED.name}.*quote extraction failed: RuntimeError: boom"):
        overview.corpus_quotes(articles)


def test_quote_view_filters_and_keeps_row_numbers(corpus):
    _, quotes = corpus
    view = overview.quote_view(quotes, camps=["russia_official"], docs=[SEED.stem], turns=False)
    assert len(view) >= 2 and set(view.columns) >= {"speaker", "actor", "camp", "cue", "kind", "quote"}
    assert (quotes.loc[view.index, "camp"] == "russia_official").all()
    assert view["start"].is_monotonic_increasing
    assert set(view["actor"]) <= {"Sergei Lavrov", "Russian Ministry of Foreign Affairs"}


def test_actor_table_counts_kinds_and_skips_reporters():
    q = _q(actor=["Li Hui", "Li Hui", None, None, None],
           camp=["china_official", "china_official", "western_official", "journalist", "unknown"],
           speaker_name=["Li Hui", "Li", "Western officials", None, None],
           speaker=["Li", "Li", "Western officials", "Q", "Recently"],
           kind=["mixed", "indirect", "indirect", "direct", "indirect"], turn=[False, False, False, True, False])
    table = overview.actor_table(q)
    assert table["actor"].tolist() == ["Li Hui"]
    row = table.iloc[0]
    assert (row["quotes"], row["mixed"], row["indirect"], row["direct"], row["turns"]) == (2, 1, 1, 0, 0)
    grouped = overview.actor_table(q, groups=True)
    assert grouped["actor"].tolist() == ["Li Hui", "Western officials (unnamed)"]  # no "Q", no camp-less speaker
    assert "Q (unnamed)" in overview.actor_table(q, groups=True, skip_camps=())["actor"].tolist()


def test_camps_over_time_has_every_period_and_counts_undated():
    q = _q(camp=["russia_official", "western_official", "western_official", "unknown"],
           date=pd.to_datetime(["2023-02-10", "2023-02-11", "2023-04-02", None]))
    months = overview.camps_over_time(q, freq="M")
    assert months.index.tolist() == ["2023-02", "2023-03", "2023-04"]  # March: no article, still a row
    assert months.loc["2023-02"].to_dict() == {"western_official": 1, "russia_official": 1}
    assert months.loc["2023-04", "western_official"] == 1 and months.loc["2023-03"].sum() == 0
    assert months.columns[0] == "western_official"  # most quoted camp first
    assert months.attrs["undated"] == 1
    weeks = overview.camps_over_time(q, freq="W")
    assert weeks.index[0] == "2023-02-06" and len(weeks) == 8
    top = overview.camps_over_time(q, freq="M", top=1)
    assert top.columns.tolist() == ["western_official", "(others)"] and top["(others)"].sum() == 1


def test_source_diversity_entropy_and_shares():
    q = _q(outlet=["A", "A", "A", "A", None],
           camp=["russia_official", "russia_official", "western_official", "unknown", "western_official"],
           actor=["Sergei Lavrov", "Sergei Lavrov", "Joe Biden", None, None],
           doc_id=["a1", "a2", "a2", "a2", "b1"])
    d = overview.source_diversity(q)
    a = d.loc["A"]
    assert (a["articles"], a["quotes"], a["actors"], a["camps"]) == (2, 4, 2, 2)
    p = [2 / 3, 1 / 3]
    assert a["camp_entropy"] == pytest.approx(-sum(x * math.log2(x) for x in p))
    assert a["top_camp"] == "russia_official" and a["top_camp_share"] == pytest.approx(2 / 3)
    assert a["share_unknown"] == pytest.approx(0.25)
    assert d.loc["(no outlet)", "camp_entropy"] == 0


def test_quotes_about_needs_a_term_of_every_group():
    q = _q(quote=["China's peace plan is not serious", "Xinjiang talks", "We negotiated with Beijing",
                  "China is a competitor", "peace in Europe"])
    hits = overview.quotes_about(q, [["China", "Beijing", "Xi"], ["peace", "negotiat*", "talks"]])
    assert hits.index.tolist() == [0, 2]  # "Xinjiang" is not "Xi"; one group alone is not enough
    assert hits.loc[0, "matched"] == "china, peace" and hits.loc[2, "matched"] == "beijing, negotiated"
    assert "[negotiated]" in hits.loc[2, "snippet"]
    with pytest.raises(ValueError):
        overview.quotes_about(q, [])


def test_briefings_show_us_officials_on_chinas_peace_proposal(corpus):
    """Notebook 04's topic table on the shipped transcripts: U.S. officials speaking of China's proposal."""
    _, quotes = corpus
    west = overview.quote_view(quotes, camps=["western_official"]).join(quotes[["turn", "country"]])
    topic = overview.quotes_about(west, [["China", "Chinese", "Beijing", "PRC", "Xi"],
                                         ["peace", "plan", "proposal*", "ceasefire", "negotiat*", "talks"]])
    kirby_march = topic[(topic["actor"] == "John Kirby") & (topic["date"].dt.month == 3)]
    assert kirby_march["quote"].str.contains("proposal").any()
    assert topic["date"].dt.month.nunique() >= 3  # spread over February-May, not one briefing
    named = topic[topic["actor"].notna()]
    assert set(named["country"].dropna()) <= {"US", "FR", "GB", "DE", "CA", "JP", "IT", "EU", "G7", "NATO"}


def test_camp_keyness_is_keyness_of_the_camps_quotes(corpus):
    _, quotes = corpus
    k = overview.camp_keyness(quotes, "russia_official", "western_official")
    ru = quotes.loc[quotes["camp"] == "russia_official", "quote"]
    west = quotes.loc[quotes["camp"] == "western_official", "quote"]
    pd.testing.assert_frame_equal(k, keyness(ru, west))
    assert k.attrs["quotes_a"] == len(ru)
    rest = overview.camp_keyness(quotes, "russia_official")
    assert rest.attrs["size_b"] == keyness(ru, quotes.loc[quotes["camp"] != "russia_official", "quote"]).attrs["size_b"]
    by_camp = overview.keyness_by_camp(quotes, top=5)
    assert "unknown" not in set(by_camp["camp"]) and (by_camp["key_for"] == "a").all()
    assert by_camp.groupby("camp").size().max() <= 5
    assert "russia_official" in set(by_camp["camp"])


def test_verb_table_and_marked_quotes_on_the_seed():
    text = read_text(SEED)
    quotes = pd.DataFrame(article_quotes(text, SEED.stem))
    feats = features(quotes, {SEED.stem: text})
    verbs = overview.verb_table(feats)
    assert verbs.values.sum() == feats["verb"].notna().sum()
    assert verbs.sum(axis=1).is_monotonic_decreasing
    marked = overview.marked_quotes(feats)
    west = marked[marked["camp"] == "western_official"]
    assert (west["skepticism_quote"] > 0).any()  # "scepticism about the feasibility ..."
    unmarked = feats.drop(marked.index)
    assert (unmarked[overview.MARKER_COUNTS].fillna(0) == 0).all().all()


# The seed audit notebook 02 shows. Of the 17 gold attributions, 3 lie in the page furniture
# that cleaning removes by design (the promo "Watch: ... says ..." and two run-in subheadings),
# so 14/17 = 0.82 is the recall a furniture-free reading can reach. The floor, 12/17 = 0.70, lets
# quote extraction (still being tuned) miss one more attribution; below it the notebooks' camp
# comparison loses whole statements and their story no longer holds.
RECALL_FLOOR = 12 / 17


def test_seed_audit_against_the_gold_clears_the_floor():
    articles = load_articles(DATA / "articles")
    quotes = overview.corpus_quotes(articles)
    result = score(load_gold(DATA / "gold" / "seed"), quotes)
    assert result["all"]["n_gold"] == 17
    assert result["all"]["overlap"]["r"] >= RECALL_FLOOR, result["all"]["overlap"]
    assert result["all"]["overlap"]["p"] >= 0.7, result["all"]["overlap"]
    audit = overview.actor_audit(quotes, pd.read_csv(DATA / "gold" / "seed_actors.csv", comment="#"))
    assert len(audit) == 17
    assert audit["found"].mean() >= RECALL_FLOOR
    found = audit[audit["found"]]
    # every attribution found is given the gold's camp: the per-camp comparison rests on it
    assert found["camp_ok"].all(), found[~found["camp_ok"]].to_dict("records")
    furniture = {"China’s “balanced” position", "the West to offer Russia concession"}
    assert not audit.loc[audit["content"].isin(furniture), "found"].any()


def test_actor_audit_flags_a_wrong_camp():
    gold = pd.DataFrame([{"doc_id": "d", "content_start": 0, "content_end": 10, "content": "x", "speaker": "Li",
                          "actor": "Li Hui", "camp": "china_official"},
                         {"doc_id": "d", "content_start": 50, "content_end": 60, "content": "y", "speaker": "W",
                          "actor": None, "camp": "western_official"}])
    q = _q(start=[2], end=[8], actor=["Sergei Lavrov"], camp=["russia_official"])
    audit = overview.actor_audit(q, gold)
    assert audit["found"].tolist() == [True, False]
    assert not audit.loc[0, "camp_ok"] and not audit.loc[0, "actor_ok"]
