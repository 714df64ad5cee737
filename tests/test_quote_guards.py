"""The cheap guards in front of costly regexes in toolkit.quotes never turn away a text the regex matches."""
from __future__ import annotations

import re
from pathlib import Path

from toolkit.quotes import QUANTITY_BEFORE, TRAILING_ADVERB_ENDS, TRAILING_ADVERBS, _may_be_quantity, extract_quotes

# written sentences: the text before each cue word ("say", "said", "says", "told") is the window tested
SENTENCES = [
    "In the latest poll 42% say the economy is the top issue.",
    "About 42 percent of likely voters said they would back him.",
    "One in four said the race was over, and most of them said so twice.",
    "As many as three-fourths of the delegates from Ohio say they are undecided.",
    "Two-thirds also said they had not watched the debate, and another says he never will.",
    "A majority of Republicans now say the party is divided; a plurality still say it will unite.",
    "Some of the senators who met on Tuesday reportedly told reporters that the bill was dead.",
    "The governor quietly said on Monday that he would veto it, and then told aides to wait.",
    "Officials familiar with the talks said the envoy was expected to return, Reuters reported.",
    "Both candidates say the debate matters; few say it will change minds.",
    "HALF OF THEM SAY NO, and Most Say Yes in the headline.",
    # every form of QUANTITY_BEFORE's quantity right before its cue (no "of"-phrase to let the guard through)
    "Three-fourths say yes; three-quarters say no; two-thirds say maybe; one-third say never; a quarter say so.",
    "One in ten say yes; 3 in 4 say no; half say maybe; a half say so; two fifths say no; a majority say yes.",
    "42 % say yes; 42percent say no; Many say so; some say not; both say yes; few say no; others say so.",
    "A plurality say yes; the majority also say no; most now say so; many quietly say yes.",
    # auxiliaries between the quantity and its cue ("Both have pledged", "most of them would also say")
    "Both have said yes; most of them would also say no; few did say so; many have told us; some can say.",
    # the four non-ASCII letters IGNORECASE reads as ASCII ones (long s, dotless i, dotted I, Kelvin sign)
    "Moſt say yes, a majorıty say no, a pluralİty say maybe, and ſome of the \u212aansas voters say so.",
]
CUES = ("say", "said", "says", "told", "Say", "SAY", "reported")


def _cue_positions(text: str):
    for word in CUES:
        at = text.find(" " + word)
        while at >= 0:
            yield at + 1
            at = text.find(" " + word, at + 1)


def _seed_text() -> str:
    path = Path(__file__).resolve().parents[1] / "data" / "articles"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt")))


def test_quantity_guard_lets_every_match_through():
    matched = 0
    for text in SENTENCES + [_seed_text()]:
        for cs in _cue_positions(text):
            start = max(0, cs - 60)
            if QUANTITY_BEFORE.search(text, start, cs) is not None:
                matched += 1
                assert _may_be_quantity(text, start, cs), text[start:cs]
    assert matched >= 30  # the written sentences do hold quantities before their cues


def test_quantity_guard_turns_away_plain_subjects():
    text = "The senator from Ohio said"
    assert not _may_be_quantity(text, 0, text.index("said"))
    text = "Trump told"
    assert not _may_be_quantity(text, 0, text.index("told"))


def test_trailing_adverb_guard_lets_every_match_through():
    dropped = 0
    for text in SENTENCES + [_seed_text()]:
        for cs in _cue_positions(text):
            left = text[:cs].rstrip()
            if TRAILING_ADVERBS.sub("", left) != left:
                dropped += 1
                assert left.endswith(TRAILING_ADVERB_ENDS), left[-40:]
    assert dropped >= 3  # "reportedly told", "quietly said", "then told", "now say", "still say"


def test_share_subjects_still_found():
    # shares of a group as speakers (the QUANTITY_BEFORE path of the clause-subject search, behind the guard)
    for sentence, speaker in [("Voters are split. Most of them said the economy was the top issue.", "Most of them"),
                              ("In Iowa, another says the race is over.", "another"),
                              ("As many as three-fourths of them say the race is over.", "As many as three-fourths of them")]:
        assert [r["speaker"] for r in extract_quotes(sentence)] == [speaker]
    # and a clause ending in adverbs before its cue keeps its coordinated subject
    assert [r["speaker"] for r in extract_quotes("The senator laughed and then said the race was over.")] == ["The senator"]


def test_adverbial_atomic_prefix_matches_as_the_plain_pattern():
    # ADVERBIAL's leading spaces and comma are an atomic group (a speed-up): every match must stay the same
    from toolkit.quotes import ADVERBIAL, _skip_adverbials
    plain = re.compile(ADVERBIAL.pattern.replace(r"(?>\s*,?\s*)", r"\s*,?\s*").replace("++", "+"))
    assert plain.pattern != ADVERBIAL.pattern
    text = "\n".join(SENTENCES + ["He said on Tuesday , in a statement to reporters, that it was over.",
                                  "She told  ,  supporters at a rally in Ohio last night that she would win."]) \
        + "\n" + _seed_text()
    found = 0
    for pos in range(len(text)):
        got, want = ADVERBIAL.match(text, pos), plain.match(text, pos)
        assert (got and got.span()) == (want and want.span())
        found += got is not None
    assert found >= 5
    text = "He said on Tuesday in a statement to reporters that it was over."
    assert text[_skip_adverbials(text, text.index(" on"), len(text)):].startswith(" that")


def test_at_least_counts_words_as_word_regex():
    # _AT_LEAST uses possessive quantifiers (a speed-up): the answer must be the WORD count's, on any span
    from toolkit.quotes import WORD, _at_least
    text = "\n".join(SENTENCES) + " — it’s 1,100 names, e-mail: ok?!  x"
    for lo in range(0, len(text), 7):
        for hi in range(lo, min(len(text), lo + 90), 5):
            count = len(WORD.findall(text, lo, hi))
            for n in (1, 2, 3, 4, 6, 13):
                assert _at_least(n, text, lo, hi) == (count >= n)


def test_to_infinitive_possessive_matches_as_the_plain_pattern():
    from toolkit.quotes import TO_INFINITIVE_EARLY
    plain = re.compile(TO_INFINITIVE_EARLY.pattern.replace("++", "+"))
    assert plain.pattern != TO_INFINITIVE_EARLY.pattern
    text = "\n".join(SENTENCES + ["urged the party to rally and tried to win", "potato eat onto it to go",
                                  "said it’s up to Congress to decide; U.S. officials want to talk"]) + "\n" + _seed_text()
    found = 0
    for pos in range(0, len(text)):
        got, want = TO_INFINITIVE_EARLY.match(text, pos, pos + 120), plain.match(text, pos, pos + 120)
        assert (got and got.span()) == (want and want.span())
        found += got is not None
    assert found >= 20


# contents that end, or do not, at each kind of clause end
CLAUSE_TEXTS = [
    "said the plan would fail; critics disagreed, which surprised no one.",
    "argued that taxes should rise, according to aides, and added that cuts were coming.",
    "said it was over  and said so twice, while others waited",
    "Lavrov lauds China's position During the meeting, he said the talks went well",
    "vowed to repeal the Hyde Amendment, a longstanding federal provision that bans funding",
    "said the candidate and the party and the voters agreed it was fine\nHe said so.",
    "noted 2,400 billionaires, and he decided to leave, but that was later",
    "said — at the rally — that it was “over,” and This is It\tand",
]


def test_clause_end_matches_as_the_one_regex():
    # _clause_end searches the clause end's punctuation and space branches apart (a speed-up): every search, from
    # every start and to several ends, must find what the one regex of both branches finds
    from toolkit.quotes import _CLAUSE_END_PUNCT, _CLAUSE_END_SPACE, _clause_end
    one_regex = re.compile(r"[;,\s”\"](?:" + _CLAUSE_END_PUNCT + "|" + _CLAUSE_END_SPACE + ")")
    text = "\n".join(CLAUSE_TEXTS + SENTENCES) + "\n" + _seed_text()
    found = set()
    for pos in range(len(text)):
        for hi in (pos + 40, pos + 160, len(text)):
            got, want = _clause_end(text, pos, hi), one_regex.search(text, pos, hi)
            assert (got and got.span()) == (want and want.span())
            if got is not None:
                found.add(text[got.start()])
    assert found >= {";", ",", " "}


def test_dash_tail_matches_as_the_plain_pattern():
    # DASH_TAIL starts with one character class and _dash_tail skips contents without a dash (speed-ups)
    from toolkit.quotes import DASH_TAIL, _dash_tail
    plain = re.compile(r"\s(?:--?|[—–])\s|(?<=\w)[—–](?=\w)")
    text = "\n".join(CLAUSE_TEXTS + SENTENCES + ["said it - and more -- was over—for now–maybe; a well-known x —y",
                                                "said\t—\tso and -\n- so"]) + "\n" + _seed_text()
    found = 0
    for pos in range(len(text)):
        for hi in (pos + 30, len(text)):
            got, want = _dash_tail(text, pos, hi), plain.search(text, pos, hi)
            assert (got and got.span()) == (want and want.span())
            direct = DASH_TAIL.search(text, pos, hi)
            assert (direct and direct.span()) == (want and want.span())
            found += got is not None and got.start() == pos
    assert found >= 6


# sentences for the rewritten regexes below: introductions, datelines, media and time phrases, relative clauses
REWRITE_SENTENCES = [
    "WASHINGTON (AP) — Hillary Clinton is sticking to her message.", "Washington (AFP) – Democrat Hillary Clinton said.",
    "NEW YORK, Dec. 22 (UPI) -- The mayor said.", "Des Moines Register Staff (DMR) — a poll said.",
    "Hours later, Trump returned the compliment.", "Two days ago, she said so.", "A month later , he did.",
    "days ago, it was over.", "Shortly after the announcement, aides said.", "Speaking to reporters, Clinton said.",
    "The president  (D-Md.) said that the Washington Post (WaPo)   - it said.", "Right before  the vote, he said.",
    "He said in a statement to reporters on Tuesday that it was over.", "She claimed victory in a tweet late on Tuesday.",
    "They denied it through his lawyer, in a news  conference and at an event in Ohio.",
    "Asked about it after a Republican debate, Trump said in an interview he was fine.",
    "Clinton, who once praised the TPP, offered a plan, which critics said was thin, and said no more.",
]


def _plain(pattern: str) -> re.Pattern:
    """The pattern without its possessive quantifiers and atomic groups (the speed-ups)."""
    return re.compile(pattern.replace(r"(?>\s*,?\s*)", r"\s*,?\s*").replace("++", "+").replace("*+", "*")
                      .replace("{2,40}+", "{2,40}"))


def test_possessive_rewrites_match_as_the_plain_patterns():
    # INTRO, MEDIUM_TAIL and NP_TAIL give nothing back where giving back could never match (a speed-up): every
    # match at every position must stay the same
    from toolkit.quotes import INTRO, MEDIUM_TAIL, NP_TAIL
    text = "\n".join(SENTENCES + REWRITE_SENTENCES) + "\n" + _seed_text()
    for regex in (INTRO, MEDIUM_TAIL, NP_TAIL):
        plain = _plain(regex.pattern)
        assert plain.pattern != regex.pattern
        found = 0
        for pos in range(len(text)):
            got, want = regex.match(text, pos, pos + 200), plain.match(text, pos, pos + 200)
            assert (got and got.span()) == (want and want.span())
            found += got is not None
        assert found >= 5


def test_relative_clause_and_coordination_guards_let_every_match_through():
    # _subordinate_end tries SUBJECT_RELATIVE only when "wh" is in the clause, the coordinated-cue test tries
    # COORDINATED_VERB only when "and" or "but" is in its 40 characters: no match may lack them
    from toolkit.quotes import COORDINATED_VERB, SUBJECT_RELATIVE, _subordinate_end
    text = "\n".join(SENTENCES + REWRITE_SENTENCES) + "\n" + _seed_text()
    relatives = coordinated = 0
    for hi in range(1, len(text)):
        for lo in range(max(0, hi - 150), hi, 3):
            if SUBJECT_RELATIVE.match(text, lo, hi):
                assert "wh" in text[lo:hi]
                relatives += 1
        tail = text[max(0, hi - 40):hi]
        if COORDINATED_VERB.search(tail):
            assert "and" in tail or "but" in tail
            coordinated += 1
    assert relatives >= 10 and coordinated >= 10
    text = "Clinton, who once praised the TPP, offered a plan, and said no more."
    cs = text.index("praised")
    assert _subordinate_end(text, 0, cs, cs + 7, len(text)) == text.index(", offered")


def test_asked_setting_takes_the_earlier_of_medium_and_time_phrases():
    # ASKED_SETTING is searched beside MEDIUM_TAIL (not joined to it, which compiled MEDIUM_TAIL twice): the topic
    # of an about-question ends at the earlier phrase, as with the joined regex
    from toolkit.quotes import ASKED_SETTING, MEDIUM_TAIL, _asked_question
    joined = re.compile(MEDIUM_TAIL.pattern + "|" + ASKED_SETTING.pattern)
    for text in ("asked about it after a debate in an interview", "asked about it in an interview after a debate",
                 "asked about the plan during the hearing on Tuesday", "asked about it on Twitter during his speech"):
        medium, setting = MEDIUM_TAIL.search(text), ASKED_SETTING.search(text)
        assert joined.search(text).start() == min(m.start() for m in (medium, setting) if m is not None)
    text = "Asked about the tax plan after a Republican debate, Trump said it was fine."
    cs = text.index("Asked")
    (c_s, c_e), _ = _asked_question(text, cs, cs + 5, 0, text.index(", Trump"))
    assert text[c_s:c_e] == "the tax plan"
