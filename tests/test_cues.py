"""Cue lexicon (toolkit/lexicons/cue_verbs.csv) as seen through find_cues and extract_quotes."""
from __future__ import annotations

import pytest

from toolkit.cues import cue_table, find_cues
from toolkit.quotes import extract_quotes


def only(records: list, cue: str) -> dict:
    [r] = [r for r in records if r["cue"] == cue]
    return r


@pytest.mark.parametrize("text, cue, speaker, content", [
    # verbs of retort and complaint take a that-clause
    ("Rubio shot back that Christie had spent the campaign in New Jersey.", "shot back", "Rubio",
     "that Christie had spent the campaign in New Jersey."),
    ("Clinton cautioned that the recovery remained fragile.", "cautioned", "Clinton",
     "that the recovery remained fragile."),
    ("Asked about the polls, Mr. Kasich grumbled that nobody reads them anymore.", "grumbled", "Mr. Kasich",
     "that nobody reads them anymore."),
    # verbs of criticism and topic verbs take their object
    ("The senator denounced the plan before the vote on Tuesday.", "denounced", "The senator", "the plan"),
    ("Sanders talked about the minimum wage for most of the evening.", "talked about", "Sanders",
     "the minimum wage for most of the evening."),
])
def test_added_reporting_verbs_report_their_content(text, cue, speaker, content):
    r = only(extract_quotes(text), cue)
    assert (r["speaker"], r["quote"]) == (speaker, content)


def test_a_listed_retort_after_a_quote_is_its_cue():
    # "shot back" is in the lexicon now, no longer left to the unlisted-verb fallback (verb_after_quote)
    [r] = extract_quotes("“They’re all here for the free stuff,” Bennett shot back with a laugh.")
    assert (r["speaker"], r["cue"], r["rule"]) == ("Bennett", "shot back", "cue_after_quote")


def test_every_inflection_of_a_lemma_is_a_cue():
    table = cue_table()
    for form in ("laments", "lamented", "lamenting", "decries", "decried", "condemning", "spoke about", "speaks of"):
        assert form in table, form
    assert table["condemns"][1:] == ("speech", "object")


@pytest.mark.parametrize("text, word", [
    # nouns and adjectives sharing a cue verb's spelling are left out of the lexicon
    ("Thousands of workers protested outside the stores.", "protested"),
    ("There is an old quip in economics that growth never dies of old age.", "quip"),
    ("She was surrounded by inquiring reporters.", "inquiring"),
])
def test_ambiguous_forms_are_not_cues(text, word):
    assert word not in [text[s:e] for s, e, *_ in find_cues(text)]


def test_a_reporting_noun_is_a_cue_after_a_possessive_only():
    said = extract_quotes("The mayor's admission that the budget was short came late.")
    assert [(r["speaker"], r["cue"]) for r in said] == [("The mayor", "admission")]
    assert extract_quotes("An admission that the budget was short came late.") == []


def test_headline_capitalises_every_word_of_a_multiword_cue():
    text = "Trump Calls On Obama To Resign After Attack\n\nThe candidate spoke on Monday."
    assert [(text[s:e], lemma) for s, e, lemma, _, _ in find_cues(text)] == [("Calls On", "call on")]
    # in running text the capitalised multiword form is no cue: only a headline capitalises every word
    assert [c[2] for c in find_cues("The banner of the critics bore Call For Justice in red letters.")] == []


def test_remarks_is_a_noun_cue_that_takes_adjectives_after_its_possessor():
    said = extract_quotes("Voters recoiled at Smith’s disparaging remarks about the former chief executive.")
    assert [(r["speaker"], r["cue"], r["quote"]) for r in said] == \
        [("Smith", "remarks", "the former chief executive.")]
    # the verb stays a cue: "remarked that"
    assert [r["cue"] for r in extract_quotes("The senator remarked that the vote was close.")] == ["remarked"]


def test_trie_pattern_matches_the_longest_form_like_a_plain_alternation():
    import re

    from toolkit.cues import _trie_pattern

    forms = ["said", "say", "says", "saying", "accuse", "accused", "accuses", "according_to", "told", "tells"]
    trie = re.compile(r"\b(?:" + _trie_pattern(forms) + r")\b")
    longest_first = sorted(forms, key=len, reverse=True)
    plain = re.compile(r"\b(?:" + "|".join(f.replace("_", r"\s+") for f in longest_first) + r")\b")
    text = ("He says she said, according to  aides, that saying so accuses them; they accused him, "
            "he tells them and told us: sayings, accordingly, sai d, toldx.")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert trie.findall(text)[:3] == ["says", "said", "according to"]


def test_the_ascii_class_before_a_form_finds_what_the_exact_class_finds():
    # the cue scan lets every non-ASCII character stand before a form and checks those afterwards (a speed-up);
    # forms after spaces, punctuation, other scripts, an apostrophe, an accented letter, an emoji or a letter beyond
    # the Basic Multilingual Plane ("𝐀said" is one word) are found as the exact class finds them
    from toolkit.cues import _cue_matches, _cue_regex, _scan
    texts = ["Said the mayor: “We told them so.” (Officials declined\tto comment.)\u3000said\u00a0says—told",
             "中said ’said 'said _said -said 12said ü said «said» ¿said? \ufeffsaid",
             "🙂said 🇺🇸 told", "𝐀said and 𝐀 said", "Josésaid and José said; Trump’said, “said” —told ½said"]
    for text in texts:
        assert _cue_matches(text) == _scan(_cue_regex(exact=True), text)
    assert [texts[0][s:e] for s, e in _cue_matches(texts[0])][:3] == ["Said", "told", "declined"]
    assert [texts[3][s:e] for s, e in _cue_matches(texts[3])] == ["said"]
