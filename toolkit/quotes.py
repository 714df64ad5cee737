"""Quotations in news text: direct, mixed and indirect reported speech, each with speaker and cue.

`extract_quotes(text)` returns one dict per attribution with the contract keys (see
notes/CONTRACT.md): content offsets into `text`, the speaker mention as written ("he"), the
resolved name ("Sergei Lavrov"), the reporting cue and its type (speech, belief, intention,
evidence, according_to).  Extra key `rule` says how each attribution was found, so an analyst can
audit or filter them: `cue` (a reporting cue with its speaker and content), `noun` (a reporting
noun: "his warning that ..."), `headline`
("Speaker: content" title), `embedded` (a quoted phrase inside a sentence, attributed to the
clause subject), and for direct quotes `cue_after_quote`, `inverted_cue_after_quote`,
`verb_after_quote`, `dash_after_quote`, `name_label`, `cue_before_quote`, `colon_sentence`, `continued` (the speaker of the
attribution just before), `previous_cue` (a sentence just before that is only an attribution: "X said in a
statement."), `previous_subject` (a short sentence naming the speaker just before)
or `unattributed`.  The work is a few linear passes: one scan of quotation marks per
paragraph, one regex scan for cues (toolkit.cues), and bounded look-arounds near each cue
(toolkit.mentions), so hostile input cannot make it stall.
"""
from __future__ import annotations

import bisect
import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit import regexcache as rx
from toolkit import segment
from toolkit.cues import NOUN_AFTER, VERB_CONTEXT, cue_table, find_cues, light_verb_pattern, title_case_line
from toolkit.errors import InputError
from toolkit.mentions import Mention, NameIndex, mention_after, mention_before, vocab
from toolkit.resources import ordered_alternation, ordered_words, word_alternation, word_list

# A cue's steps ask for the same speaker walk again (the parenthetical test, then the speaker; a relative pronoun's
# subject; an earlier cue of the sentence): mention_before is a pure function of its arguments, so a small cache
# answers the repeats (one call in twenty) without walking again
mention_before = lru_cache(maxsize=64)(mention_before)
mention_after = lru_cache(maxsize=64)(mention_after)  # (the same for the parenthetical test's inverted speaker)

if TYPE_CHECKING:
    import pandas as pd

# The contract keys (notes/CONTRACT.md), first in every quotes table.
CONTRACT_KEYS = ("doc_id", "start", "end", "quote", "speaker", "speaker_start", "speaker_end", "speaker_name",
                 "cue", "cue_start", "cue_end", "kind")
OPEN = "“„‟«"
CLOSE = "”»"
# a double mark, or two single marks '' / `` (one character class first: the regex engine skips to candidates)
QUOTE_MARK = rx.compile(r"[\"“”„‟«»'`](?:(?<=')'|(?<=`)`|(?<=[\"“”„‟«»]))")
WORD = rx.compile(r"\w+")
# n or more words: a search stops at the n-th word where counting them all would read the whole span (possessive:
# a word or gap given back could never match, and a failed search would try each shorter split of every word)
_AT_LEAST = {n: rx.compile(r"\w++" + r"(?:\W++\w++)" * (n - 1)) for n in range(1, 14)}


def _at_least(n: int, text: str, lo: int = 0, hi: int | None = None) -> bool:
    """True when text[lo:hi] holds n words or more (as counted by WORD)."""
    return _AT_LEAST[n].search(text, lo, len(text) if hi is None else hi) is not None
# "that" opening the content, at most two words after the cue ("said Tuesday that", "told him that");
# further on, "that" belongs to the content ("said the warning was indicative that ...")
THAT = rx.compile(r"(?:[ \t]*[A-Za-z][\w’'.-]*){0,2}?[ \t]*(?<!\w)that\b")
# where reported content ends before the sentence does: a relative or adverbial clause, a participle
# phrase, another attribution ("..., he said", "and added"); measured on PolNeAR train, each of these
# ends the content more often than not
# a heading without final period runs into the next sentence: "Lavrov lauds China's position During the meeting, ..."
# Each of these starts with one character class (the branches then look behind at it), so the regex engine
# skips quickly to the characters where a match can start instead of trying every branch at every character.
RUN_IN_WORDS = r"(?:During|After|Before|When|While|However|Meanwhile|But|He|She|They|We|It|This|These|Those)\s"
RUN_IN = r"|(?<=[a-z,”\"]\s)\s*(?=" + RUN_IN_WORDS + ")"
# an appositive closing the sentence sums up the content, it is not reported: "vowed to repeal the Hyde
# Amendment, a longstanding federal provision that ...", "..., one that will dominate the meeting" (the lookahead
# stops at the next comma, not at a thousands comma: "a 100,000-strong force")
FINAL_APPOSITIVE = r"|(?:a|an|one\s+(?:that|which|of)|the\s+latter)\s(?=(?:[^,;\n]|,(?=\d))*$)"
# a coordinated clause with a subject of its own is the narrator's: "said A, and he decided B"
NEW_CLAUSE = r"|and\s+(?:he|she|they|it|we|I|you|his|her|their|its|both|many|most|some|another|there)"
THAT_AFTER_OBJECT = rx.compile(r"[^.,;:!?“”\"\n]{0,80}?(?<!\w)that\b")
QUESTION_OPENING = rx.compile(r"\s+(?:whether|if|what|how|why|when|where)\b")  # an indirect question after a cue
# (the words after a comma are one group, so the comma is looked behind at once per position)
# ", after half said so", ", before the vote", ", just as ...", ", as have other Democrats", ", double the number
# who ...", ", well above the $8.04 analysts expected": a time or comparison clause is the narrator's; ", but that ..."
# is a second reported that-clause; ", and the market did ..." is a new clause with a subject of its own (as
# NEW_CLAUSE's pronouns). The comma may sit inside a quoted phrase's closing mark ('was “a disaster,” although ...'),
# except before "he said", which attributes that quote. ", even if ..." is the condition of the reported claim ("had
# no problem with his comments, even if they did not agree with him": PolNeAR train, gold goes on 5 times of 5).
# ", but not B" / ", but only in B" with no verb of their own are an elliptical contrast inside the reported clause
# ("supports an exception for the mother's life, but not for other cases"; PolNeAR train predictions of "said" ending
# there: gold goes on 5 of 5), not "but not without" (the narrator's concession) nor "but only 7 percent" (a share) or
# "but only to tell him" (a purpose clause of the narrator's).
_CLAUSE_END_PUNCT = (r"(?<=;)|(?:(?<=,)|(?<=,[”\"])(?!\s+(?:he|she|they)\s+(?:said|added)\b))"
                     r"\s+(?:(?!including\b)[a-z]+ing|according|(?:he|she|they)\s+(?:said|added)"
                     r"|but(?!\s+(?:that|also|rather|not(?!\s+without\b)|only(?!\s+(?:to\b|\d)))\b)|which|while"
                     r"|who|whom|whose|where|(?:for|in|of|to|with|by|from|at|on|under|through)\s+(?:whom|which)"
                     r"|although|though|whereas|compared|however|even(?!\s+if\b)|after|before|just\s+as"
                     r"|as\s+(?:has|have|had|did|does|do|(?:he|she|they|we)(?:[’']s|[’']re)?)|double|twice|half\s+the|well\s+(?:above|below)|less\s+than\s+half"
                     r"|and\s+(?:the|this|these|those)\s+[a-z]+\s+(?:[a-z]+\s+)?(?:was|were|is|are|has|have|had|did|will|would|could|can)"
                     # (or a name: ", and the American Civil Liberties Union of Ohio has already sued")
                     r"|and\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,5}(?:of\s+[A-Z][\w’'.-]*\s+)?(?:[a-z]+ly\s+)?"
                     r"(?:was|were|is|are|has|have|had|did|will|would|could|can)"
                     + NEW_CLAUSE + FINAL_APPOSITIVE + r")\b")
_AND_CUE = r"and\s+(?:added|said|noted|argued)\b"
_CLAUSE_END_SPACE = r"(?<=\s)\s*" + _AND_CUE + RUN_IN
# a clause end: _CLAUSE_END_PUNCT at a semicolon, comma or closing mark, or _CLAUSE_END_SPACE at a space. As one
# regex ("[;,\s”\"](?:PUNCT|SPACE)") it would try both at every space; _clause_end searches them apart
CLAUSE_END_AT_PUNCT = rx.compile(r"[;,”\"](?:" + _CLAUSE_END_PUNCT + ")")
CLAUSE_END_AT_SPACE = rx.compile(r"\s(?:" + _CLAUSE_END_SPACE + ")")
AND_CUE = rx.compile(_AND_CUE)  # (starts with a literal: searched fast)
RUN_IN_WORD = rx.compile(RUN_IN_WORDS)


def _clause_end(text: str, pos: int, hi: int) -> re.Match | None:
    """The first clause end in text[pos:hi], as the one regex of both branches would find it: most contents hold
    no clause end, so the branches at a semicolon or comma are searched first, and the ones at a space only when
    what they need comes before that match: "and added" or a run-in word ("He", "During").
    """
    punct = CLAUSE_END_AT_PUNCT.search(text, pos, hi)
    end = hi if punct is None else punct.start()
    # (a match at a space that starts before `end` lies before it: it holds no semicolon or comma)
    if AND_CUE.search(text, pos, end) is not None or RUN_IN_WORD.search(text, pos, end) is not None:
        space = CLAUSE_END_AT_SPACE.search(text, pos, end)
        if space is not None:
            return space
    return punct


# a share of people opens a new clause: "said yes while 48 percent disagreed", "and one in four said" (searched in
# a content only when it holds "percent", "%" or " in " before a number)
SHARE_CLAUSE = rx.compile(r"\s(?:and|while|but|compared\s+to|compared\s+with)\s+(?:(?:about|nearly|almost|only|just|another)\s+)?"
                          r"(?:\d[\d.]*\s*(?:percent|%)|(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:\d|ten|four|five|three))")
# a comma and a share with a cue of its own is the next group's report, which gets its own record: "42% say they're
# liberal, 31% call themselves conservative" (a share without its own cue goes on with the report: "say they are
# liberal, 34% conservative", "... than say the same about him, 73 percent to 63 percent")
SHARE_REPORT = rx.compile(r",\s+(?:(?:about|nearly|almost|only|just|another)\s+)?(?:\d[\d.]*\s*(?:percent|%))\s+(\w+)")
# a poll or study reports both shares it contrasts: "found that 449 back Clinton, while only 19 support Sanders",
# "showed Trump at 20 percent compared to 68 percent for Clinton": after a cue of evidence the share clause goes on
# with the content (PolNeAR train predictions ending there: gold goes on 3 of 3, and with SHARE_CLAUSE not applied
# to such cues 11 contents get closer to gold, 0 farther); after a verb of saying it is mostly the respondents' own
# report, which SHARE_CLAUSE ends
SHARE_AFTER = rx.compile(r",\s+(?:while|and|but|with)\s+(?:(?:about|nearly|almost|only|just|another)\s+)?(?=\d)")


@lru_cache(maxsize=1)
def _evidence_lemmas() -> frozenset:
    """Lemmas of the cue verbs of evidence ("find", "show") in cue_verbs.csv."""
    return frozenset(v[0] for v in cue_table().values() if v[1] == "evidence")


# irregular past tenses that end a coordinated verb phrase of the narrator's: "mentioned X and went back to ..."
IRREGULAR_PASTS = ordered_alternation("irregular_pasts.txt")  # (the file's order: an alternation)
IRREGULAR_PAST_WORDS = frozenset(IRREGULAR_PASTS.split("|"))
# (possessive words and gaps: a part given back could never be followed by a gap or "to", so each try is one pass)
TO_INFINITIVE_EARLY = rx.compile(r"(?:[\w’'.-]++\s++){0,6}?to\s+[a-z]+\b")
# ", but" before a predicate with no subject of its own goes on with the reported clause: "said the process was
# fair, but required candidates to ...", "said she wanted change, but found Mr. Trump too objectionable", "but
# hasn't decided" (a cue there is cut as a coordinated verb: "..., but said ...")
# "not just X, but Y" is one correlative phrase of the content: "has been not just a failure, but a catastrophe"
# (PolNeAR train predictions ending at its ", but": gold goes on 3 of 3)
NOT_JUST = rx.compile(r"\bnot\s+(?:just|only|merely|simply)\b")
BUT_PREDICATE = rx.compile(r",\s+but\s+(" + IRREGULAR_PASTS + r"|[a-z]+ed|(?:could|has|had|did|does|would|was|is|were|are"
                           r"|have|can|wo)n[’']t|never)\b")
COORDINATED_PAST = rx.compile(r"\s(?:and|but)\s+(?:[a-z]+ed|" + IRREGULAR_PASTS + r")\b")
# an auxiliary or "be" after "and"/"but" opens the narrator's next predicate of the same subject when the content
# has no subject of its own: "claimed self-defense and was acquitted", "declined to participate and is instead
# hosting", "supported the bill but has since said ..." (after a that-clause it is the reported subject's: not cut)
COORDINATED_AUX = rx.compile(r"\s(?:and|but)\s+(?:was|were|is|are|has|have|had|will|would|did|does)\b")
# time nouns whose "when" opens a relative clause ("at times when no one watched"), one lookbehind each in OBJ_END
WHEN_TIME_NOUNS = tuple(ordered_alternation("when_time_nouns.txt").split("|"))
# (after an object an appositive closing the sentence may also be definite: "referring to John Kerry, the chief U.S.
# negotiator")
OBJ_END = rx.compile(r"[;:!?,\s](?:(?<=[;:!?])|(?<=,)\s+(?:(?!including\b)[a-z]+ing|according|(?:he|she|they)\s+(?:said|added)|but|which"
                     r"|while|who|where|although|though|whereas|compared|and|even|the\s(?=(?:[^,;\n]|,(?=\d))*$)"
                     + FINAL_APPOSITIVE + r")\b"
                     # (the branches at a space need another space or the first letter of one of their words next:
                     # one lookahead rules out most spaces, where the engine would try each branch)
                     r"|(?=[\sabejswABDHIMSTW])"
                     r"(?:(?<=\s)\s*(?:but|and)\s+(?:(?:even|also|later|quickly|repeatedly|publicly|never)\s+)?"
                     r"(?:[a-z]+ed|said|says|" + IRREGULAR_PASTS + r")\b"
                     # a time clause after an object is the narrator's: "criticized the plan before the vote",
                     # "opposed it as he positioned himself" (not a comparison: "as concerned as they were")
                     # ("when" after a time noun, WHEN_TIME_NOUNS, is a relative clause: "at times when no one watched")
                     r"|(?<=\s)(?:after|before|since|when"
                     + "".join(r"(?<!" + noun + r"\swhen)" for noun in WHEN_TIME_NOUNS) +
                     r"|(?:(?:even|just)\s+)?as\s+(?:he|she|they|it|we|I)"
                     r"(?!\s+(?:did|does|do|was|were|is|are)\b))\s" + RUN_IN + "))")
# a second complement of the same cue after ", and" goes on with the content: "detailing the demographic changes
# the country was undergoing, and how the party's existence was at stake" (also after a dash: DASH_GOES_ON)
SECOND_COMPLEMENT = rx.compile(r",\s+and\s+(?:that|how|why|what|whether)\b")
# (a headline in title case capitalises the words after the addressee too: "Warns Voters He Will Veto", "Tells
# Conservatives They Need To", "Asked Actors To Act": a capitalised pronoun, "To" or "That" is no part of a name)
_TELL_NAME = r"(?!(?:He|She|They|We|It|I|You|To|That|Whether|If|Not|Will|Would)\b)[A-Z][\w’'.&-]*"
TELL_OBJ = rx.compile(r"\s+(?:me|him|her|them|us|you|reporters|journalists|(?:the\s+)?(?:" + _TELL_NAME + r"\s+){0,4}" + _TELL_NAME + r"|(?:a|an|the)\s+[\w-]+(?:\s+(?!(?:that|whether|if|what|how|why|when|where)\b)[\w-]+)?)\b")
# a content cut after at most this many words holds only its subject: a set-off clause after it is inside
SUBJECT_ONLY = 6
# a participle with a that-clause of its own ("urged a strong stand, saying that ...") reports it: no aside
PARTICIPLE_THAT = rx.compile(r",\s+[a-z]+ing\s+that\b")
SET_OFF = rx.compile(r",\s+(?:who|whose|which|while|although|though|whereas|where|even|[a-z]+ing)\b")
# a participle phrase after a reported clause that states an event goes on with it: "says it raised $2 million in
# May, bringing its total to $9 million", "say the guards still patrol the park, handing out fines" (the event's
# result or manner). After a modal or future clause ("said they would consider it, putting them ahead of ...") no
# event is stated that the phrase could follow from: it is the narrator's, as is a participle of saying (", adding",
# ", citing": a cue of cue_verbs.csv) and a phrase after an object ("declared war on X, leading to ..."). PolNeAR
# train, verbs of saying: 7 more speech-cue contents found (4 and 3 on the two halves of the articles), 1 lost
EVENT_PARTICIPLE = rx.compile(r",\s+(?!(?:during|something|nothing|anything|everything)\b)([a-z]+ing)\b")
MODAL = rx.compile(r"\b(?:will|would|could|can|cannot|may|might|should|must|going\s+to)\b|\bwon(?=[’']t\b)|[’']ll\b")
SUBJECT_PRONOUN = rx.compile(r"(?:he|she|it|they|we|I|you|there)\s")
# a short aside set off by commas between a clause's subject and its finite verb is inside the clause: "claimed that
# the Islamic State, or ISIS, has used ...", "the Fed, after it begins to raise rates, will return to zero" (PolNeAR
# train predictions ending at such a comma: gold goes on 5 times, stops 0); not an attribution's aside (", as he
# later explained,", whose cue ends the content)
ASIDE_THEN_VERB = rx.compile(r",\s+(?!as\s)[^,;.“”\"\n]{1,40},\s+(?:[a-z]+ly\s+)?(?:is|was|are|were|has|have|had|will|would|could|can"
                             r"|may|might|should|must|does|did|do)\b")


# a concessive adjective set off inside a noun phrase: "treated it as a crucial, although brief, opportunity to ...",
# "the dark, even authoritarian, vision of ..." (the noun after it is no clause opener; PolNeAR train predictions
# ending there: gold goes on 2 of 2, a small sample, but no reading of the grammar ends the clause there)
ADJECTIVE_ASIDE = rx.compile(r",\s+(?:although|though|if\s+not|even)\s+[a-z][\w-]*,\s+(?!(?:and|but|or|which|who|whom|whose"
                             r"|that|the|an?|he|she|they|it|we|i|you)\b)[a-z]")


# a one-word adverb set off by commas after a clause's subject, and the word after it: "said she, too, backs a
# recount", "said the governor, however, opposes the plan" (the adverbs: mention_words.csv's skip and stop words)
ADVERB_ASIDE = rx.compile(r",\s+([a-z]+),\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


def _adverb_aside(text: str, comma: int, hi: int) -> re.Match | None:
    """The adverb aside at `comma` when a finite lexical verb follows it ("she, too, backs"), else None."""
    m = ADVERB_ASIDE.match(text, comma, hi)
    if m is None:
        return None
    v = vocab()
    adverb, verb = m.group(1), m.group(2)
    if (adverb in v["skip"] or adverb in v["stop"]) and _finite_form(verb) is not None \
            and verb not in v["boundary"] and verb not in v["determiners"] and verb not in v["prepositions"]:
        return m
    return None


def _aside_close(text: str, comma: int, hi: int) -> int:
    """The comma closing a short aside inside the clause that opens at `comma` (before the finite verb, or a
    concessive adjective inside a noun phrase), or -1."""
    close = text.find(",", comma + 1, min(hi, comma + 44))  # (both asides are short: most commas have no second one)
    if close < 0 or (ASIDE_THEN_VERB.match(text, comma, hi) is None and ADJECTIVE_ASIDE.match(text, comma, hi) is None
                     and _adverb_aside(text, comma, hi) is None):
        return -1
    return close
# a word that opens a clause cannot end one: a content cut right after it at a comma ("described how, growing up,
# he ...", "consists of voters who, even with a new candidate, stay home") was cut at a phrase set off inside the
# clause that word opens, which goes on after the aside's closing comma
CLAUSE_OPENERS = word_list("clause_openers.txt")
OPENER_ASIDE_MAX = 60  # characters: a set-off phrase inside a clause is short


def _opener_aside_close(text: str, c_s: int, comma: int, hi: int) -> int:
    """The comma closing an aside set off right after a clause-opening word ("how, growing up, ..."), or -1."""
    # (the last word before the comma, by string tests: most cuts have none of these words before them)
    if text[comma - 1:comma].isalpha() \
            and text[max(c_s, text.rfind(" ", c_s, comma) + 1):comma].lower() in CLAUSE_OPENERS:
        close = text.find(", ", comma + 1, min(hi, comma + OPENER_ASIDE_MAX))
        if close > 0 and WORD.search(text, close, hi) is not None:
            return close
    return -1


# "As Menendez pointed out, ...": at most a particle after the cue ("As Trump attacked Clinton, ..." is a time)
AS_TAIL = 2
SCARE_MAX_WORDS = 4
MAX_SENTENCE = 1500  # characters either side of a cue that count as its sentence (bounds hostile input)


# between a cue and the quote it introduces: a comma or colon, maybe after a short phrase ("said in a statement:")
CUE_QUOTE_GAP = rx.compile(r"\s*(?:\b[^,:.;“”\"]{0,30})?[,:]\s*")


# (a possessive, "of", "on", "in" or a noun naming a work or its maker right before the quotation mark)
TITLE_BEFORE = rx.compile(r"(?:[’']s|\b(?:of|on|in|" + ordered_alternation("work_title_nouns.txt") + r")),?\s*$")


def _quoted_title(text: str, q: dict) -> bool:
    """A short title-case quote after a possessive or "of" names a show, book or paper, no speech: 'Joe
    Scarborough, host of MSNBC’s “Morning Joe,” suggested ...' (the cue after it reports the sentence's subject)."""
    if q["end"] - q["start"] > 60 or TITLE_BEFORE.search(text, max(0, q["open"] - 12), q["open"]) is None:
        return False  # (most quotes: a long one or one after no possessive is no title; the word test not needed)
    words = TITLE_WORD_IN_QUOTE.findall(text, q["start"], q["end"])
    return 0 < len(words) <= SCARE_MAX_WORDS and all(w[0].isupper() or w in ("of", "the", "and", "a", "on", "in")
                                                     for w in words)


TITLE_WORD_IN_QUOTE = rx.compile(r"[\w’'-]+")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return segment.paragraphs(text)


# ------------------------------------------------------------ direct quotes ---

def _direction(text: str, i: int, j: int, lo: int, hi: int, inside: bool) -> bool:
    """True when the straight mark text[i:j] opens a quote (guessed from its neighbours)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[j] if j < hi else " "
    if prev.isspace() or prev in "([{—–-/":
        return not (nxt.isspace() or nxt in ",.;:!?)")
    if nxt.isspace() or nxt in ",.;:!?)—–-":
        return False
    return not inside


def _last_index(text: str, end: int, skip: str | None = None) -> int:
    """Index of the last character before `end` that is not whitespace (or not in `skip`), -1 if none
    (len(text[:end].rstrip(skip)) - 1 without copying the text)."""
    i = end - 1
    if skip is None:
        while i >= 0 and text[i].isspace():
            i -= 1
    else:
        while i >= 0 and text[i] in skip:
            i -= 1
    return i


def _last_char(text: str, end: int, skip: str) -> str:
    """The last character before `end` that is not in `skip` ("" if none)."""
    i = _last_index(text, end, skip)
    return text[i] if i >= 0 else ""


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _drop_dangling_dash(text: str, s: int, e: int) -> int:
    """The end of text[s:e] without a spaced dash left dangling at its end ("a mock debate —" when the content was
    cut before "— and said ..."); a hyphen inside a word ("pro-") is kept."""
    while e > s + 1 and text[e - 1] in "—–-" and (text[e - 2].isspace() or text[e - 2] in "—–-"):
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return e


def _mark_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every QUOTE_MARK match in text, in order: found with str.find, which is many times
    faster than a regex scan of every character (two single marks are one match, left to right)."""
    spans = [(i, i + 1) for i in segment.char_positions(text, "\"“”„‟«»")]
    for pair in ("''", "``"):
        i = text.find(pair)
        while i >= 0:
            spans.append((i, i + 2))
            i = text.find(pair, i + 2)
    spans.sort()
    return spans


def quote_spans(text: str, paras: list | None = None) -> list[dict]:
    """Spans inside double quotation marks, multi-paragraph quotes joined; unbalanced marks closed at paragraph end."""
    if paras is None:
        paras = _paragraphs(text)
    raw = []  # (content start, content end, open mark start, close mark end or None)
    # one scan of the whole text; each mark is handed to its paragraph (marks outside paragraphs are ignored)
    k = -1
    lo = hi = 0
    open_at = None
    for ms, me in _mark_spans(text):
        if ms >= hi:
            if open_at is not None:  # unbalanced: recover at the paragraph end
                raw.append((open_at[1], hi, open_at[0], None))
                open_at = None
            while k + 1 < len(paras) and paras[k + 1][1] <= ms:
                k += 1
            if k + 1 == len(paras):
                break
            k += 1
            lo, hi = paras[k]
        if ms < lo:
            continue
        mk = text[ms:me]
        if mk in OPEN or mk == "``":
            is_open = True
            if open_at is not None and ms > lo and not text[ms - 1].isspace():
                is_open = False  # a mistyped closing mark
        elif mk in CLOSE:
            is_open = False
        else:
            is_open = _direction(text, ms, me, lo, hi, open_at is not None)
        if is_open:
            if open_at is not None:  # unbalanced: the earlier quote ends where this one opens
                raw.append((open_at[1], ms, open_at[0], None))
            open_at = (ms, me)
        elif open_at is not None:
            raw.append((open_at[1], ms, open_at[0], me))
            open_at = None
    if open_at is not None:
        raw.append((open_at[1], hi, open_at[0], None))
    out: list[dict] = []
    for cs, ce, ms, me in raw:
        cs, ce = _strip(text, cs, ce)
        # (most quotes open with a letter, a word without the regex: \w is isalnum() or "_")
        if ce <= cs or not (text[cs].isalnum() or WORD.search(text, cs, ce)):
            continue
        prev = out[-1] if out else None
        # news convention: an unclosed quote continues in the next paragraph that opens with a mark
        if prev is not None and prev["close"] is None and text[prev["end"]:ms].strip() == "" \
                and "\n" in text[prev["end"]:ms]:
            prev.update(end=ce, close=me)
            continue
        out.append({"start": cs, "end": ce, "open": ms, "close": me})
    return out


# -------------------------------------------------------------- attribution ---

def _sentence_finder(text: str, paras: list[tuple[int, int]]):
    """sent_of(pos): the sentence of segment.sentences(text) that starts last at or before pos (the first
    one for a position before it).

    A runaway "sentence" (hostile input, no punctuation) is cut to MAX_SENTENCE characters either
    side of pos, so work per cue stays bounded.
    """
    sents = segment.sentences(text, paras) or [(0, len(text))]
    starts = [s for s, _ in sents]
    bisect_right = bisect.bisect_right

    def sent_of(pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        sent = sents[i if i > 0 else 0]
        # (called ~40 times per article: the common sentence within bounds is returned as it is)
        if pos - sent[0] <= MAX_SENTENCE and sent[1] - pos <= MAX_SENTENCE:
            return sent
        return max(sent[0], pos - MAX_SENTENCE), min(sent[1], pos + MAX_SENTENCE)

    return sent_of


def _record(doc_id, text, s, e, kind, mention, cue, names, rule: str = "cue") -> dict:
    if mention is None:
        speaker = speaker_start = speaker_end = speaker_name = speaker_type = None
        inter = inter_start = inter_end = None
    else:
        speaker_start, speaker_end, speaker_type = mention.start, mention.end, mention.type
        speaker = text[speaker_start:speaker_end]
        speaker_name = names.resolve(text, mention)
        if mention.intermediary is None:
            inter = inter_start = inter_end = None
        else:
            inter_start, inter_end = mention.intermediary
            inter = text[inter_start:inter_end]
    if cue is None:
        cue_text = cue_start = cue_end = cue_type = None
    else:
        cue_start, cue_end, cue_type = cue[0], cue[1], cue[3]
        cue_text = text[cue_start:cue_end]
    return {"doc_id": doc_id, "start": s, "end": e, "quote": text[s:e], "speaker": speaker,
            "speaker_start": speaker_start, "speaker_end": speaker_end, "speaker_name": speaker_name,
            "cue": cue_text, "cue_start": cue_start, "cue_end": cue_end, "kind": kind, "cue_type": cue_type,
            "speaker_type": speaker_type, "intermediary": inter, "intermediary_start": inter_start,
            "intermediary_end": inter_end, "rule": rule}


def extract_quotes(text: str, doc_id: str = "") -> list[dict]:
    """Attributed quotations (direct, mixed, indirect) in `text`, offsets into `text` as given."""
    if not isinstance(text, str):
        raise TypeError(f"extract_quotes needs a str, got {type(text).__name__}")
    if not text.strip():
        return []
    paras = _paragraphs(text)
    sent_of = _sentence_finder(text, paras)
    dashes = _dash_spans(text)
    names = NameIndex.build(text)
    quotes = quote_spans(text, paras)
    # (a length test first: most cues are no five-letter word)
    all_cues = [c for c in find_cues(text) if c[1] - c[0] != 5 or not _naming_participle(text, c)]
    # reporting nouns ("his warning that") report only indirectly; direct quotes look for verbs
    cues = [c for c in all_cues if c[4] != "noun"]
    cue_starts = [c[0] for c in cues]
    q_starts = [q["start"] for q in quotes]
    q_ends = [q["end"] for q in quotes]
    q_opens = [q["open"] for q in quotes]
    used_cues: set = set()
    quote_speakers: dict = {}  # cue start -> speaker of the direct quote that cue attributes
    records: list[dict] = []

    bisect_right = bisect.bisect_right

    def in_quote(pos: int) -> bool:
        i = bisect_right(q_starts, pos) - 1  # (the last quote starting at or before pos)
        return i >= 0 and pos < q_ends[i]

    def mention_or_subject(cue, lo: int) -> Mention | None:
        """Speaker left of a cue; for `..., saying` / `... and added` the subject of the clause."""
        m = mention_before(text, cue[0], lo)
        if m is None and text.startswith(", ", cue[0] - 2) and not text.endswith("ing", cue[0], cue[1]):
            m = _subordinate_subject(text, lo, cue[0])
        # (each test below first compares a few characters: most mentions are neither)
        if m is not None and m.start - lo <= 5 and text[m.start] in "tTeEaA" \
                and (head := _time_noun_head().match(text, m.start, m.end)):
            m = Mention(head.end(), m.end, m.type)  # "At the moment Smith announced": the time phrase is no subject
        if m is not None and text.endswith(MEDIUM_PREPOSITIONS, lo, m.start) \
                and _ends_in_medium(text, m.start, m.end):
            m = None  # "and in a statement said": the medium the words came in, not who said them
        if m is not None:
            if text[cue[0]:cue[1]].endswith("ing") and OBJECT_BEFORE.search(text, max(lo, m.start - 20), m.start):
                # 'Her campaign blasted out an email to supporters stating, “...”', 'she released a statement
                # saying': the noun phrase before the participle is an object; the speaker is the clause subject
                subject = _object_clause_subject(text, lo, m.start)
                if subject is not None:
                    return subject
            return m
        # (not before a participle: "both pledged delegates")
        quantity = QUANTITY_BEFORE.search(text, max(lo, cue[0] - 60), cue[0]) \
            if (not text.endswith("ed", cue[0], cue[1]) or HAVE_BEFORE.search(text, max(lo, cue[0] - 6), cue[0])
                or text.startswith((" to ", " that "), cue[1])) \
            and _may_be_quantity(text, max(lo, cue[0] - 60), cue[0]) else None  # ("both vowed to", "most agreed that")
        if quantity is not None:  # a share of a group: "42% say", "most of them said", "another says"
            end = _last_index(text, cue[0]) + 1
            aux = AUX_TAIL.search(text, quantity.start(), end)  # (the auxiliary is no part of it: "Both have")
            return Mention(quantity.start(), aux.start() if aux is not None else end, "group")
        left = text[lo:cue[0]].rstrip()
        if left.endswith(TRAILING_ADVERB_ENDS):  # (the sub scans the whole clause; most clauses end in no adverb)
            left = TRAILING_ADVERBS.sub("", left)  # ", falsely suggesting" -> ","
        word = text[cue[0]:cue[1]].split()[0]
        # (a comma inside a closing quotation mark ends the clause too: 'what had been called the “Golden Week,”
        # saying that ...')
        participle = word.endswith("ing") and (left.endswith((",", "—", "–", "-", ":", ",”", ',"', ",’’", ",''"))
                                               or GERUND_LEAD.search(left[-12:]) is not None)
        # "and said", "and has pledged", or a cue governed by another verb: "refused to criticize",
        # "shied away from criticising"
        tail = left[-40:]
        coordinated = left.endswith((" and", " but", " then", " to", " from")) \
            or ("and" in tail or "but" in tail) and COORDINATED_VERB.search(tail) is not None \
            or word.endswith("ing") and ASPECT_VERB.search(left[-12:]) is not None \
            or ("and" in tail or "but" in tail) and _coordinator_then_adverbials(text, lo, cue[0])
        # (COORDINATED_VERB and the adverbial coordinator need and/but)
        if not (participle or coordinated):
            return None
        if coordinated:
            # an intransitive verb before the coordinator has the subject right before it: "he laughed and
            # said", "Ms. Sherry smiled and said"
            verb = INTRANSITIVE_BEFORE.search(tail)
            if verb is not None and verb.group(1) not in vocab()["boundary"]:
                at = lo + len(left) - len(tail) + verb.start(1)
                m = mention_before(text, at, lo)
                if m is not None and m.type in ("person", "pronoun", "title") \
                        and not text[m.end:at].strip() and text[m.start:m.end].lower() not in RELATIVE_PRONOUNS:
                    return m
        for rec in reversed(records):
            if rec["rule"] == "noun":
                continue  # "his remarks", the possessor of a noun, is no clause subject
            if participle and not coordinated and rec["speaker_type"] == "pronoun" \
                    and rec["speaker"].lower() in RELATIVE_PRONOUNS:
                continue  # "rebuked critics who say ..., saying": the comma closed the relative clause
            if rec["cue_start"] is not None and lo <= rec["cue_start"] < cue[0] and rec["speaker_start"] is not None:
                return Mention(rec["speaker_start"], rec["speaker_end"], rec["speaker_type"] or "person")
            if rec["cue_start"] is not None and rec["cue_start"] < lo:
                break
        # an earlier cue of the sentence not yet attributed: "..., Spicer said, adding, “...”"
        k = bisect.bisect_left(cue_starts, cue[0]) - 1
        while k >= 0 and cues[k][0] >= lo:
            if cues[k][0] in quote_speakers:
                # the cue of a direct quote: "“...,” Mr. Trump told MSNBC, adding that ..."
                return quote_speakers[cues[k][0]]
            if not in_quote(cues[k][0]):
                m = mention_before(text, cues[k][0], lo)
                # not a report inside an earlier one's content: "Lazar said he welcomed extradition and
                # added" goes on with "Lazar said"
                if m is not None and not (k > 0 and cues[k - 1][0] >= lo
                                          and THAT_OR_SPACE.fullmatch(text, cues[k - 1][1], m.start)):
                    return m
            k -= 1
        subject = _subject_np(text, lo, cue[0])
        if subject is not None and (walked := SUBJECT_VERB.search(text, subject.start, subject.end)) is not None \
                and walked.group().endswith("ed") and walked.end() == subject.end \
                and text[subject.start:walked.start()].rsplit(None, 1)[-1].lower() not in vocab()["determiners"]:
            # the walk ran into the clause's first verb: "The mayor toured the site and said" -> "The mayor"
            subject = Mention(subject.start, walked.start(), subject.type)
        elif subject is not None and (past := SUBJECT_PAST.search(text, subject.start, subject.end)) is not None \
                and PARTICLE_TAIL.fullmatch(text, past.end(), subject.end) \
                and text[subject.start:past.start()].rsplit(None, 1)[-1].lower() not in vocab()["determiners"]:
            # or into an irregular past, and on over a particle: "The senator stood up to say" -> "The senator"
            # (not over an object, who may be the speaker: "The win led Chairman Smith to declare")
            subject = Mention(subject.start, past.start(), subject.type)
        return subject

    def outer_report(cue: tuple, k: int, lo: int, m: Mention) -> tuple[Mention, tuple] | None:
        """Speaker and cue of an earlier speech cue of the sentence whose reported clause holds `cue` and its
        personal-pronoun subject `m` ("Trump said he responded: ..."), or None."""
        if m.type != "pronoun" or text[m.start:m.end].lower() not in PERSONAL_PRONOUNS or m.start > cue[0]:
            return None
        j = k
        while j > 0 and cues[j - 1][0] >= lo:  # the nearest one first: "X warned him ..., but Trump said he ..."
            j -= 1
            outer = cues[j]
            if outer[3] == "speech" and outer[4] in ("clause", "that") and outer[1] <= m.start \
                    and not in_quote(outer[0]) and not REPORT_BREAK.search(text, outer[1], m.start):
                om = mention_or_subject(outer, lo)
                if om is not None and om.end <= outer[0] and text[om.start:om.end].lower() not in NOT_SUBJECTS:
                    return om, outer
        return None

    def _bare_attribution(sent: tuple[int, int]) -> tuple[Mention, tuple] | None:
        """Speaker and cue of a sentence whose last cue reports nothing after it ("X said in a statement.")."""
        j = bisect.bisect_left(cue_starts, sent[1]) - 1
        if j < 0 or cues[j][0] < sent[0] or cues[j][0] in used_cues or in_quote(cues[j][0]) \
                or cues[j][4] == "around" or _reports_more(text, cues[j], sent[1]):
            return None
        m = mention_or_subject(cues[j], sent[0])
        return (m, cues[j]) if m is not None and m.type != "evidence" else None

    has_according = any(c[3] == "according_to" for c in cues)
    colon_break = COLON_BREAK.search(text) is not None  # (a paragraph ending in a colon: most texts have none)

    # 1. direct quotes attributed after ("...," he said) or before (he said, "...")
    for q in quotes:
        q["rec"] = None
        after = q["close"] if q["close"] is not None else q["end"]
        para_end = text.find("\n", after)
        para_end = len(text) if para_end < 0 else para_end
        k = bisect.bisect_left(cue_starts, after)
        # a quote inside a longer sentence ("Trump insisted that he has “expanded the party,” claiming ...")
        # is part of that sentence's report, not a quote attributed by the cue after it
        q_lo = max(sent_of(q["open"])[0], text.rfind("\n", 0, q["open"]) + 1)
        colon = _last_index(text, q["open"])
        if colon >= q_lo and (text[colon] == ":" or text[colon] in "—–-" and text[colon - 1] in " -—–"
                              and text[q["start"]].isupper() and not text.startswith(DASH_OPENINGS, after)):
            # 'Rhimes declared the need for drive: “Change the world,” she said.': after a colon the quote
            # opens its own statement, which an attribution after it may claim; so after a dash, when the quote
            # opens a sentence: 'suggested the plan was unserious - “Again, we need details,” she said - and charged
            # ...' (not a quote set off by a pair of dashes, the aside: 'lamented her gaffes - “why?” - Democrats
            # said ...'; nor a quote going on after an aside: '“I doubt the view” -- that X -- “is going to last”')
            q_lo = q["open"]
        # (most quotes open their paragraph: nothing lies before them to search; a lead opening with a letter is a
        # word without the regex)
        opens = q_lo >= q["open"] or not (text[q_lo].isalnum() or WORD.search(text, q_lo, q["open"]))
        k0 = bisect.bisect_left(cue_starts, q_lo)
        # (a cue that needs a that-clause and has none reports nothing: "The tax cut plans are “...,” said X")
        reported = k0 < len(cues) and cues[k0][0] < q["open"] and not opens \
            and not (cues[k0][4] == "that" and text.find("that", cues[k0][1], q["open"]) < 0
                     and text.find(":", cues[k0][1], q["open"]) < 0)
        # the speaker phrase between the quote and its cue may be long: "..., Seth McKee, a political
        # scientist at Texas Tech University, told The Hill."
        if not reported and k < len(cues) and cues[k][0] - after <= 250 and cues[k][0] < para_end:
            cue = cues[k]
            between = text[after:cue[0]]
            # (a quote opening its sentence may lack the comma before its close, when a speech verb follows:
            # '“The Iowa caucus is a battle of niches” Grubbs said.')
            ends_open = text[q["end"] - 1] in ",?!—–-.’'…" or between.lstrip().startswith((",", "—", "–", "--")) \
                or (opens and q["close"] is not None and cue[3] == "speech" and text[q["end"] - 1].isalnum()
                    and _at_least(4, text, q["start"], q["end"]))
            # (what lies between is mostly a comma and a space, which str.strip clears without the regex)
            if ends_open and (not between.strip(" ,") or not WORD.search(between)) \
                    and not _quoted_title(text, q):  # "...," said Jared Bernstein
                m = mention_after(text, cue[1], para_end)
                if m is not None:
                    q["rec"], q["rule"] = (m, cue), "inverted_cue_after_quote"
            # (not after a show's title: 'on CBS's "Face the Nation," X was asked')
            elif ends_open and not _quoted_title(text, q):
                # a quote closing its sentence ('.”') is attributed by a following "X said" only when
                # that clause reports nothing else ("X said." not "X said the plan would fail.")
                closed = _last_char(text, q["end"], "’'\"”") == "." \
                    and not between.lstrip().startswith((",", "—", "–", "--"))
                # the first cue may sit in an aside about the speaker ('..., Warren, who has not endorsed a
                # candidate, told reporters'): the next cues of the sentence are tried too
                j = k
                while True:
                    m = _speaker_after_quote(text, after, cue)
                    if m is not None and not (closed and _reports_more(text, cue, sent_of(cue[0])[1])):
                        q["rec"], q["rule"] = (m, cue), "cue_after_quote"
                        break
                    j += 1
                    if j >= min(k + 4, len(cues)):
                        break
                    cue = cues[j]
                    if cue[0] - after > 250 or cue[0] >= para_end or SENTENCE_BREAK.search(text, after, cue[0]):
                        break
            if q["rec"] is not None and has_according:
                # '“...,” Hewitt said, according to a transcript of the show': the quote and its attribution
                # are reported by the source after "according to"
                m, cue = q["rec"]
                j = bisect.bisect_left(cue_starts, max(m.end, cue[1]))
                if j < len(cues) and cues[j][3] == "according_to" and cue[3] != "according_to" \
                        and ACCORDING_AFTER.fullmatch(text, max(m.end, cue[1]), cues[j][0]):
                    source = _source_phrase(text, cues[j][1], para_end)
                    if source is not None:
                        used_cues.add(cue[0])
                        q["rec"] = (source, cues[j])
            if q["rec"] is not None and not opens:
                # 'the prime minister “looked ashen,” Mr. Arad said': the report starts with the sentence
                q["lead"] = q_lo
        if q["rec"] is None:
            # a vox-pop or fact-check line naming the speaker after a dash: "“...”\n\n- Bernie Sanders."
            got = _dash_speaker(text, after)
            if got is not None:
                q["rec"], q["rule"] = (got, None), "dash_after_quote"
        if q["rec"] is None:
            # "“Go back to Univision,” Trump barked": a name and a verb missing from the cue lists (in the
            # sentence after the quote when "?”" or "!”" ended the quote's own)
            got = _verb_after_quote(text, after, min(para_end, sent_of(min(after + 1, len(text) - 1))[1] + 1)) \
                if opens and text[q["end"] - 1] in ",?!—–-" else None
            if got is not None:
                q["rec"], q["rule"] = got, "verb_after_quote"
        if q["rec"] is None:
            k = bisect.bisect_left(cue_starts, q["open"]) - 1
            if k >= 0:
                cue = cues[k]
                gap = text[cue[1]:q["open"]]
                # (the gap needs its comma or colon: most have neither, "said “...”", and skip the regex)
                if len(gap) <= 40 and "\n" not in gap and ("," in gap or ":" in gap) and CUE_QUOTE_GAP.fullmatch(gap) \
                        and not _quoted_title(text, q):
                    lo = sent_of(cue[0])[0]
                    lo = max(lo, text.rfind("\n", 0, cue[0]) + 1)
                    m = _message_sender(text, mention_or_subject(cue, lo), lo, cue)
                    if m is not None:
                        q["rec"], q["rule"] = (m, cue), "cue_before_quote"
                        # a pronoun's cue inside what an earlier speech cue of the sentence reports: 'Trump said
                        # he responded: “...”', 'Another said he hoped ...: “...”' - the quote is the outer report's
                        # (whose cue still reports its own clause in step 2)
                        outer = outer_report(cue, k, lo, m)
                        if outer is not None:
                            q["rec"], q["rule"] = outer, "outer_report"
        if q["rec"] is None:
            # a sentence ending in a colon introduces the quote, also across a paragraph break:
            # "President Clinton released the following statement:\n\n“...”" (`colon`: the last character before
            # the quote, found above)
            if colon >= 0 and text[colon] == ":":
                ss = sent_of(colon)[0]
                lo = max(ss, text.rfind("\n", 0, colon) + 1)
                k = bisect.bisect_left(cue_starts, colon) - 1
                while k >= 0 and cues[k][0] >= lo and (in_quote(cues[k][0]) or cues[k][0] in used_cues):
                    k -= 1
                label = LABEL_BEFORE_COLON.search(text, max(lo, colon - 60), colon)
                if label is not None and label.group(1).split()[0] not in NOT_SPEAKER_LABELS:
                    # a name set off before the colon: "Pollsters agree - Carl Bialik: “...”"
                    q["rec"], q["rule"] = (Mention(label.start(1), label.end(1), "person"), None), "name_label"
                elif k >= 0 and cues[k][0] >= lo:
                    m = _message_sender(text, mention_or_subject(cues[k], lo), lo, cues[k])
                    if m is not None:
                        q["rec"], q["rule"] = (m, cues[k]), "colon_sentence"
                else:  # no cue word: the clause subject and its verb ("X released the following statement:")
                    got = _subject_and_verb(text, lo, colon)
                    if got is not None:
                        q["rec"], q["rule"] = got, "colon_sentence"
                    else:  # only a name: "Maria Lopez, 34, of Miami: “...”"
                        sp = _name_line(text, lo, colon)
                        if sp is not None:
                            q["rec"], q["rule"] = (sp, None), "name_label"
        if q["rec"] is None and opens and q_lo == text.rfind("\n", 0, q["open"]) + 1:
            # a quote paragraph under a line that is only a name ("Maria Lopez, 34, Miami")
            prev_end = _last_index(text, q_lo) + 1
            prev_lo = text.rfind("\n", 0, prev_end) + 1
            sp = _name_line(text, prev_lo, prev_end) if prev_end > 0 else None
            if sp is not None:
                q["rec"], q["rule"] = (sp, None), "name_label"
        if q["rec"] is not None and q["rec"][1] is not None and q["rule"] != "outer_report":
            used_cues.add(q["rec"][1][0])
            quote_speakers[q["rec"][1][0]] = q["rec"][0]

    # 2. indirect (and mixed) reported speech around the remaining cues
    taken: list[dict] = []  # indirect records accepted so far, for the univocal rule
    taken_reach = 0  # no content in `taken` ends after this: a cue at or past it lies in none (most cues)
    for cue in all_cues:
        cs, ce = cue[0], cue[1]
        if cs in used_cues or in_quote(cs) or (cue[4] == "noun" and not _noun_candidate(text, cue)):
            continue
        outer = None
        if cs < taken_reach:
            for r in taken[-4:]:
                if r["start"] <= cs < r["end"]:
                    outer = r
                    break
        bounds = nested = got = embedded = cut = None
        if outer is not None:
            bounds = _sentence_bounds(text, cs, ce, sent_of, dashes)
            if _parenthetical(text, cue, *bounds):
                nested, outer = outer, None  # this cue reports the whole sentence; the earlier one is nested in it
        if outer is not None:
            # a cue inside reported content is nested speech, which PolNeAR does not annotate, unless
            # it opens a coordinated clause of its own: "X said A, and Y said B"
            cut = _coordinated_restart(text, cs, outer["start"], cue[3], ce, outer["cue_end"] or -1) \
                or _relative_clause_end(text, cs, outer, bounds[0])
            if cut is None:
                embedded = _embedded_report(text, cue, outer["start"], outer["cue"])
                cut = embedded[0] if embedded is not None else None
            if cut is None and outer["cue_type"] in ("other", "belief") and cue[3] == "speech":
                # a report inside the content of a belief or of a cue that is no verb of saying ("angered
                # leaders with his comments on Muslims", "invoked Reagan's deficit to claim X"): the report is
                # the annotated one; the other cue's content ends where it begins
                got = _indirect(text, cue, bounds[0], bounds[1], mention_or_subject)
                if got is not None and got[1] is not None:
                    cut = min(got[0][0], got[1].start, cs)
                    cut = cut if _at_least(1, text, outer["start"], cut) else None
            if cut is None:
                cut = _nested_report(text, cue, outer)
            if cut is None:
                continue
            c_s, c_e = _strip(text, outer["start"], cut)
            while c_e > c_s and text[c_e - 1] in ",;":
                c_e -= 1
            c_e = _drop_dangling_dash(text, c_s, c_e)
            if c_e > c_s and WORD.search(text, c_s, c_e):
                outer.update(end=c_e, quote=text[c_s:c_e])
                taken_reach = max(taken_reach, c_e)
            else:  # nothing of the earlier content is left before this clause: it reported nothing
                records.remove(outer)
                taken.remove(outer)
        lo, hi = bounds or _sentence_bounds(text, cs, ce, sent_of, dashes)
        if got is None and cut is not None and outer["speaker_start"] is not None \
                and ((ws := _word_start(text, cs, cut)) < cs and COORDINATED_VERB.fullmatch(text, cut, ws) is not None
                     or ASYNDETIC_COMMA.fullmatch(text, cut, cs) is not None):
            # the next verb phrase of the outer speaker ("joked about X, declined to affirm Y"): its content is
            # the one after its cue
            span = _content_right(text, ce, _subordinate_end(text, lo, cs, ce, hi), cue[2], cue[4])
            got = (span, Mention(outer["speaker_start"], outer["speaker_end"], outer["speaker_type"] or "person")) \
                if span is not None else None
        if got is None and colon_break and cue[3] == "speech" and ":" in text[ce:hi + 1]:
            # "At the rally, she said:" closing its paragraph: the next paragraph is what she said
            span = _colon_paragraph(text, ce, cue[2])
            m = mention_or_subject(cue, lo) if span is not None else None
            got = (span, m) if m is not None else None
        got = got or _indirect(text, cue, lo, hi, mention_or_subject)
        if got is None:
            continue
        (c_s, c_e), m = got
        if m is not None and m.end <= cs and m.end - m.start > ASIDE_MIN:
            m = _after_dash_aside(text, m)  # "... slept more - an old complaint - others say ...": "others"
        if m is not None and m.end + 1 == cs and c_s >= cs and "ing" in text[cs:cue[1]]:
            c_e = _subject_participle_end(text, m, lo, c_s, c_e)
        if embedded is not None:
            m = embedded[1]  # the subject after the relative pronoun or subordinator ("with three in 10 saying")
        elif cut is not None and m is not None and m.start < cut < m.end \
                and (last := _last_conjunct(text, outer["start"], m)).start == cut + 4:
            m = last  # the subject after the cut, which ended the earlier content at its "and"
        if m is not None and m.type == "pronoun" and m.end <= cs <= c_s \
                and text[m.start:m.end].lower() in RELATIVE_PRONOUNS:
            c_e = _relative_content_end(text, c_s, c_e)
        m = _message_sender(text, m, lo, cue)  # (after the content, which the pronoun's position helped find)
        rec = _record(doc_id, text, c_s, c_e, "indirect", m, cue, names,
                      "noun" if cue[4] == "noun" or (m is not None and m.end <= cs and _possessed(text, cue, lo)) else "cue")
        if taken and (prev := taken[-1])["start"] == rec["start"] and prev["end"] == rec["end"] \
                and prev["cue_end"] is not None and prev["cue_end"] <= cs:
            # a cue between the previous cue and their shared content is that verb's object ("voiced doubts that
            # ...", "issued a warning that ..."): one report, the verb's
            continue
        if nested is not None and c_s <= nested["cue_start"] < c_e:
            # 'They want to “create jobs,” Sanders said.': the earlier cue's report is part of this one
            # (even when its content ran on over this attribution's speaker)
            records.remove(nested)
            taken.remove(nested)
        records.append(rec)
        taken.append(rec)
        taken_reach = max(taken_reach, rec["end"])
    if ":" in text:
        records.extend(_colon_noun_reports(text, doc_id, sent_of, records, names, in_quote))
    head = _headline_colon(text, paras)
    if head is not None:
        (c_s, c_e), m, cue = head
        records.append(_record(doc_id, text, c_s, c_e, "indirect", m, cue, names, "headline"))
    records[:] = _outermost(records)
    # a direct quote's own attribution inside reported content ends that content: 'X emailed Brafman
    # to thank him, he replied, “...”' (univocal tokens: "he replied" is not part of the emailing)
    # A quote attributed after it ('... drive: “Change the world,” she said.') ends it where the quote opens.
    attributed = sorted((q["rec"][1][0], q["rec"][0].start, q["open"]) for q in quotes
                        if q["rec"] is not None and q["rec"][1] is not None)
    attributed_cues = [cs for cs, _, _ in attributed]
    for rec in records:
        # the speaker of that attribution, or its cue when the speaker comes earlier ("He explained the
        # headline by saying: “...”")
        k0 = bisect.bisect_right(attributed_cues, rec["start"])
        k1 = bisect.bisect_left(attributed_cues, rec["end"])
        if k0 >= k1:
            continue  # no attributed quote's cue inside this content (most records)
        cuts = [op if op < cs and op > rec["start"] else sp if sp > rec["start"] else cs
                for cs, sp, op in attributed[k0:k1]]
        cuts = [c for c in cuts if rec["start"] < c < rec["end"] and (rec["cue_start"] is None or c > rec["cue_start"])]
        if cuts:
            c_s, c_e = _strip(text, rec["start"], min(cuts))
            while c_e > c_s and text[c_e - 1] in ",;:—–- ":  # (and the space before a dash)
                c_e -= 1
            if WORD.search(text, c_s, c_e):
                rec.update(end=c_e, quote=text[c_s:c_e])

    # 3. mixed: indirect content holding a quotation mark; direct quotes inside it are absorbed
    # A quote opening inside the content runs to its closing mark, across sentences: 'Trump said that
    # “ethanol people” “do a fantastic job. And it's so important.”' is one attribution.
    absorbed = set()
    for rec in records:
        # (only a quote opening inside the content is absorbed: a bisection rules out most contents before the scan)
        i = bisect.bisect_left(q_opens, rec["start"])
        if i < len(quotes) and q_opens[i] < rec["end"] and QUOTE_MARK.search(text, rec["start"], rec["end"]):
            inner = []
            while i < len(quotes) and quotes[i]["open"] < rec["end"]:
                if quotes[i]["rec"] is None:
                    inner.append(i)
                i += 1
            if inner:
                rec["kind"] = "mixed"
                absorbed.update(inner)
                last = quotes[inner[-1]]
                end = last["close"] if last["close"] is not None else last["end"]
                if end > rec["end"]:
                    rec["end"] = end
                    rec["quote"] = text[rec["start"]:rec["end"]]

    # 4. the direct quotes: attributed, continuing an attributed quote, or after a named speaker
    prev_rec = None
    direct = []
    # the latest attribution before an unattributed quote gives its speaker ("Lynch announced the
    # lawsuit. “We are seeking a court order ...”"); indirect ones by where they end
    # (a reporting noun's phrase, "his warning that ...", is no speech that a quote goes on with)
    reported = sorted((r for r in records if r["speaker_start"] is not None and r["rule"] != "noun"),
                      key=lambda r: r["end"])
    reported_ends = [r["end"] for r in reported]
    by_cue = sorted((r for r in records if r["cue_start"] is not None), key=lambda r: r["cue_start"])
    by_cue_starts = [r["cue_start"] for r in by_cue]
    for qi, q in enumerate(quotes):
        if qi in absorbed:
            continue
        if q["rec"] is not None:
            m, cue = q["rec"]
            if q.get("lead") is not None:
                close = q["close"] if q["close"] is not None else q["end"]
                rec = _record(doc_id, text, q["lead"], close, "mixed", m, cue, names, q["rule"])
            else:
                rec = _record(doc_id, text, q["start"], q["end"], "direct", m, cue, names, q["rule"])
        else:
            ss, _ = sent_of(q["open"])
            para_lo = text.rfind("\n", 0, q["open"]) + 1
            lo_s = max(ss, para_lo)
            starts_sentence = lo_s >= q["open"] or not (text[lo_s].isalnum() or WORD.search(text, lo_s, q["open"]))
            if not starts_sentence:
                # a quoted phrase inside a sentence: the words of the sentence's subject, reported by its
                # verb ("Trump mocked Rubio for “having a tough night”"), unless no clause frames it
                close = q["close"] if q["close"] is not None else q["end"]
                # an attribution of this sentence that stopped short of the quote takes it in
                # ("he wishes he had spent more time there, but “...”")
                k0 = bisect.bisect_left(by_cue_starts, lo_s)
                k1 = bisect.bisect_left(by_cue_starts, q["open"])
                prior = [r for r in by_cue[k0:k1] if r["start"] >= lo_s and r["end"] <= q["open"]
                         and not _asked_introduction(text, r)]
                if prior:
                    r = max(prior, key=lambda r: r["end"])
                    r.update(end=close, quote=text[r["start"]:close], kind="mixed")
                    continue
                got = _embedding_clause(text, q, lo_s, sent_of(q["open"])[1], records)
                if got is not None:
                    (c_s, c_e), m, cue = got
                    records.append(_record(doc_id, text, c_s, c_e, "mixed", m, cue, names, "embedded"))
                continue
            rec = _record(doc_id, text, q["start"], q["end"], "direct", None, None, names, "unattributed")
            last = prev_rec if prev_rec is not None and prev_rec["speaker_start"] is not None else None
            ps = sent_of(max(0, q["open"] - 2))
            k_rec = bisect.bisect_left(by_cue_starts, ps[0])
            if ps[1] <= q["open"] and (last is None or last["end"] < ps[0]) \
                    and not (k_rec < len(by_cue) and by_cue[k_rec]["cue_start"] < ps[1]):
                # (a sentence that reports something of its own gives the quote its attribution below)
                # a sentence right before that is only an attribution: 'Sam Lau, the party's communications
                # director, said in a statement. “There are no paper ballots to recount.”'
                # or a short sentence naming its subject: "Iowa State University's Dianne Bystrom agreed. “...”"
                got, rule = _bare_attribution(ps), "previous_cue"
                if got is None:
                    sp, rule = _sentence_subject(text, ps), "previous_subject"
                    got = (sp, None) if sp is not None else None
                if got is not None:
                    rec.update(_record(doc_id, text, q["start"], q["end"], "direct", got[0], got[1], names, rule))
                    direct.append(rec)
                    prev_rec = rec
                    continue
            k = bisect.bisect_right(reported_ends, q["open"]) - 1
            # a relative clause about the speaker ('said Murphy, who thinks often about ...') reports no
            # speech that a following quote paragraph goes on with
            while k >= 0 and reported[k]["speaker_type"] == "pronoun" \
                    and reported[k]["speaker"].lower() in RELATIVE_PRONOUNS:
                k -= 1
            # a report in the sentence of the previous quote ('..., said Dino Spencer, who runs a gym that hosts
            # a class named for Ali') is an aside of that attribution, not a new speaker of this quote
            if k >= 0 and (last is None or (reported[k]["end"] > last["end"]
                                            and sent_of(reported[k]["cue_start"] or reported[k]["start"])[0]
                                            > max(last["end"], last["cue_start"] or 0))):
                last = reported[k]
            if last is not None and q["open"] - last["end"] < 400:
                for key in ("speaker", "speaker_start", "speaker_end", "speaker_name", "speaker_type",
                            "cue", "cue_start", "cue_end", "cue_type"):
                    rec[key] = last[key]
                rec["rule"] = "continued"
            else:
                # a short sentence naming the speaker just before: "Antony Blinken was blunt. “...”"
                ps = sent_of(max(0, q["open"] - 2))
                sp = _sentence_subject(text, ps) if ps[1] <= q["open"] else None
                if sp is not None:
                    rec.update(_record(doc_id, text, q["start"], q["end"], "direct", sp, None, names,
                                       "previous_subject"))
        direct.append(rec)
        prev_rec = rec
    records.extend(direct)
    records.sort(key=lambda r: (r["start"], r["end"]))
    return records


# "named" after an indefinite noun phrase and before a name is a reduced relative that gives the name ("a retired
# teacher named Ana Ruiz", "an account named “x”"), as is "named for" after a common noun ("a bakery named for her
# grandmother"): no act of naming by a speaker ("the governor named Ruiz her chief of staff"; PolNeAR train
# annotates no cue of these shapes)
NAME_AFTER_NAMED = rx.compile(r"\s+(?:[A-Z“\"]|(for)\s)")
COMMON_NOUN_BEFORE = rx.compile(r"(?<![\w’'-])([a-z][a-z-]+)\s+$")


def _naming_participle(text: str, cue: tuple) -> bool:
    """Whether a cue is "named" in a reduced relative that gives a name ("a cleric named Ali Khan")."""
    cs, ce = cue[0], cue[1]
    if text[cs:ce] != "named" or (name := NAME_AFTER_NAMED.match(text, ce)) is None:
        return False
    if name.group(1) is None:
        return NAMED_NOUN_BEFORE.search(text, max(0, cs - 60), cs) is not None
    m = COMMON_NOUN_BEFORE.search(text, max(0, cs - 24), cs)
    return m is not None and not m.group(1).endswith("ly") and m.group(1) not in word_list("function_words.txt") \
        and m.group(1) not in RELATIVE_OR_SUBJECT


# a quantity of people as the subject of a cue (polls): "42% say", "most of them said", "as many as three-fourths of
# them tell", "another says", "one in four said"
QUANTITY_BEFORE = rx.compile(
    r"(?<![\w’'-])(?:(?:about|nearly|almost|roughly|only|just|over|under|some|as\s+many\s+as|more\s+than|fewer\s+than"
    r"|less\s+than|just\s+over|just\s+under)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent)|(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+in\s+(?:\d+|ten|four|five|three)"
    r"|(?:one|two|a)[- ](?:third|quarter|half|fifth)s?|two-thirds|three-fourths|three-quarters|half|most|many|some|both"
    r"|few|another|others|a\s+majority|the\s+majority|a\s+plurality)"
    r"(?:\s+of\s+(?:them|those|us|these|(?:the\s+|all\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}))?"
    r"(?:\s+(?:also|still|now|have|has|had|will|would|did|do|can|could|[a-z]+ly)){0,2}\s+$", re.IGNORECASE)
# an auxiliary before a past participle makes it a verb: "both have pledged to", not "both pledged delegates"
HAVE_BEFORE = rx.compile(r"\b(?:have|has|had)\s+$")
AUX_TAIL = rx.compile(r"(?:\s+(?:have|has|had|will|would|did|do|can|could))+$", re.IGNORECASE)
# the ends of the last word QUANTITY_BEFORE can match (the quantity, or an adverb or auxiliary after it) when no
# "of"-phrase follows
QUANTITY_ENDS = ("%", "percent", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "ten", "four", "five", "three", "third",
                 "thirds", "fourths", "quarter", "quarters", "half", "halfs", "fifth", "fifths", "most", "many", "some", "both", "few",
                 "another", "others", "majority", "plurality", "also", "still", "now", "ly",
                 "have", "has", "had", "will", "would", "did", "do", "can", "could")


def _may_be_quantity(text: str, start: int, end: int) -> bool:
    """False when QUANTITY_BEFORE.search(text, start, end) cannot match: its last word is none of QUANTITY_ENDS
    and no "of" after such a word stands among the last seven words (the search tries every position of the
    window; most fail)."""
    window = text[start:end]
    if "ſ" in window or "ı" in window or "İ" in window or "\u212a" in window:
        return True  # (IGNORECASE equates these four non-ASCII letters with ASCII ones: leave them to the regex)
    words = window.lower().split()
    if not words:
        return False
    # the quantity (or an adverb or auxiliary after it: "Both have") last, or before an "of"-phrase of at most
    # five words: "most of the party's voters"
    return words[-1].endswith(QUANTITY_ENDS) or any(words[i] == "of" and words[i - 1].endswith(QUANTITY_ENDS)
                                                    for i in range(max(1, len(words) - 7), len(words)))


# a verb or preposition right before a noun phrase: the phrase is its object ("an email to supporters")
SUBJECT_VERB = rx.compile(r"\s+(?:[a-z]+ly|[a-z]+ed)\b")  # where a subject's walk ran into its verb
SUBJECT_PAST = rx.compile(r"\s+(?:" + IRREGULAR_PASTS + r")\b")  # (an irregular one)
PARTICLE_TAIL = rx.compile(r"(?:\s+[a-z]+)?")  # (at most one lower-case word after it: "stood up")
# (a past participle, a preposition, or a verb of showing_verbs.txt: "a video showing Trump saying ...")
OBJECT_BEFORE = rx.compile(r"\b(?:[a-z]+ed|to|of|for|with|at|on|" + ordered_alternation("showing_verbs.txt") + r")\s+$")
TRAILING_ADVERBS = rx.compile(r"\s\s*(?:[a-z]+ly|also|then|later|even|still|again|not|never|once|first|just)"
                              r"(?:\s+(?:[a-z]+ly|also|then|later|even|still|again|not|never|once|first|just))*$")
# the ends of TRAILING_ADVERBS's words: a clause ending in none of them has no trailing adverb to drop
TRAILING_ADVERB_ENDS = ("ly", "also", "then", "later", "even", "still", "again", "not", "never", "once", "first", "just")
THAT_OR_SPACE = rx.compile(r"\s+(?:that\s+)?")
# a past-tense verb ending its clause before "and" / "but": "he laughed and", "Trump paused, then"
INTRANSITIVE_BEFORE = rx.compile(r"\b([a-z]+ed)(?:\s*,)?\s+(?:and|but|then)$")
# a gerund clause whose subject is the clause's: "tripped up Rubio by calling him out", "while saying"
# a verb of beginning or going on that governs the cue's participle: "Mr. Trump has lately started asking",
# "Republicans have all but stopped confirming" (the clause subject is the speaker)
ASPECT_VERB = rx.compile(r"\b(?:" + ordered_alternation("aspect_verbs.txt") + r")$")
GERUND_LEAD = rx.compile(r"\b(?:by|while|after|before|without|when|upon|in|for)$")
def _sentence_subject(text: str, sent: tuple[int, int]) -> Mention | None:
    """The person a sentence right before a quote is about: the subject of a short sentence ("Antony Blinken
    was blunt."), or a name with an age after it, the way vox pops introduce a speaker ("Maria Lopez, 34, a
    nurse from Miami, voted for Obama twice.")."""
    if not _at_least(13, text, sent[0], sent[1]):
        got = _subject_and_verb(text, sent[0], sent[1], any_verb=True)
        if got is not None and got[0].type in ("person", "pronoun"):
            return got[0]
    sp = _subject_np(text, sent[0], sent[1])
    if sp is not None and sp.type == "person" and sp.start - sent[0] < 4 and AGE_AFTER.match(text, sp.end, sent[1]):
        return sp
    return None


def _name_line(text: str, lo: int, hi: int) -> Mention | None:
    """A label that is only a person's name, maybe with age, place or role ("Sen. Tim Kaine",
    "Maria Lopez, 34, of Miami"), as the speaker of the quote it introduces."""
    if hi - lo > 200:
        return None  # (a label is at most ten words: no need to copy a paragraph to find out)
    # a dash or a bullet may open the label ("— Maria Lopez, 34, Miami")
    seg = text[lo:hi].lstrip(LABEL_LEAD).strip().rstrip(".:")
    if not seg or _at_least(11, seg) or not NAME_LABEL.fullmatch(seg):
        return None
    start = lo + len(text[lo:hi]) - len(text[lo:hi].lstrip(LABEL_LEAD))
    sp = mention_after(text, start, hi)
    if sp is None or sp.type != "person":
        return None
    # one word is a name only with an age after it ("Maria, 34, Miami"), not a heading ("Getty")
    if len(text[sp.start:sp.end].split()) < 2 and not AGE_AFTER.match(text, sp.end, hi):
        return None
    return sp


# a name (one to four capitalised words) right before a colon, set off by a dash or an ellipsis
LABEL_BEFORE_COLON = rx.compile(r"(?:[—–]|\s-{1,2}|\.\.\.|…)[ \t]*((?:[A-Z][\w’'.-]*[ \t]+){0,3}[A-Z][\w’'.-]*[\w’'])[ \t]*$")
AGE_AFTER = rx.compile(r"\s*,\s*(?:\d{1,3}\b|an?\s+\d{1,3}-year-old\b)")
# a name (one or more capitalised words) with optional ", 34", ", of Miami", ", a teacher" parts
LABEL_LEAD = " \t—–-•*"
# (or a parenthesis after the name: "Maria Lopez (34, Miami)")
NAME_LABEL = rx.compile(r"(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*(?:\s*\([^()\n]{1,60}\))?"
                        r"(?:\s*,\s*(?:\d{1,3}|(?:of\s+|a\s+|an\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,4}))*")
DASH_LINE = rx.compile(r"[ \t]*\n?\s*(?:[—–]|--?)[ \t]*(?=[A-Z])([^\n]{2,120}?)[ \t]*$", re.M)


def _dash_speaker(text: str, after: int) -> Mention | None:
    """The speaker named on a dash line right after a quote ("- Michelle Marks, Philadelphia.")."""
    # (the line needs a dash as the first thing after the spaces: most quotes go on with words, ruled out unmatched;
    # \s and lstrip() take the same characters for space)
    head = text[after:after + 8].lstrip()
    if head and head[0] not in "—–-":
        return None
    m = DASH_LINE.match(text, after)
    if m is None or m.group(1).rstrip(".").rstrip().endswith(("–", "—", "-")):
        return None  # "– An immigrant himself –." is a section heading
    if _at_least(13, m.group(1)):
        return None
    sp = mention_after(text, m.start(1), m.end(1))
    return sp if sp is not None and sp.type in ("person", "title", "organisation", "group") else None


# a past or present verb (a few irregular pasts of speaking verbs), maybe with its particle ("shot back",
# "went on", "cried out"), ending the clause or followed by an adverbial
_SPEECH_PASTS = ordered_alternation("speech_particle_pasts.txt")  # (the file's order: an alternation)
IRREGULAR_SPEECH_PASTS = frozenset(_SPEECH_PASTS.split("|"))
SPEECH_VERB_AFTER = rx.compile(r"\b((?:[a-z]+(?:ed|es|s)|" + _SPEECH_PASTS + r")(?:\s+(?:back|on|out|up|in))?)"
                               r"(?=\s*(?:[.,;:!?]|$|\s+(?:on|in|at|to|as|after|before|during|with|while|from|and|but)\b))")

LEAD_PUNCT = rx.compile(r"[\s,—–-]*")  # spaces, commas and dashes after a quote's close
INVERTED_VERB = rx.compile(r"([a-z]+ed)\s+(?=[A-Z])")


def _verb_after_quote(text: str, after: int, hi: int) -> tuple | None:
    """Speaker and verb right after a quote when the verb is not a known cue ("..." Oliver barked.)."""
    lead = LEAD_PUNCT.match(text, after, hi).end()
    inv = INVERTED_VERB.match(text, lead, hi)
    if inv is not None and inv.group(1) not in vocab()["boundary"]:
        # the verb first: "“Is Obama profiling?” reacted Trump."
        sp = mention_after(text, inv.end(), hi)
        if sp is not None and sp.type in ("person", "title", "organisation", "group") \
                and INVERTED_SPEAKER_END.match(text, sp.end, hi):
            return sp, (inv.start(1), inv.end(1), inv.group(1), "speech", "clause")
    for m in SPEECH_VERB_AFTER.finditer(text, lead, min(hi, lead + 120)):
        word = m.group(1).split()[0]
        if (word in vocab()["boundary"] and word not in IRREGULAR_SPEECH_PASTS) or word in vocab()["prepositions"]:
            return None
        sp = mention_before(text, m.start(1), lead)
        if sp is not None and sp.start == lead:
            return sp, (m.start(1), m.end(1), " ".join(m.group(1).split()), "speech", "clause")
        return None
    return None


# a sentence ending between a quote and a later cue ("... the judge said. Jones added")
SENTENCE_BREAK = rx.compile(r"[.!?][”\"’']*\s+[A-Z“\"]")
# lower-case words opening a speaker right after a quote: "former FBI agent Timothy Gill", "screenwriter Cole Haddon"
LEAD_MODIFIERS = rx.compile(r"[\s,]*((?:[a-z][\w’'-]*\s+){1,3})")
# an aside after the speaker's name that ends before the cue: ", who has not endorsed a candidate,"
ASIDE_AFTER_NAME = rx.compile(r"\s*(?:,|\()")


def _speaker_after_quote(text: str, after: int, cue: tuple) -> Mention | None:
    """The speaker between a quote's close at `after` and a cue after it ("...," Warren told), or None
    when the words there are not just the speaker."""
    m = mention_before(text, cue[0], after)
    if m is None:
        return None
    if not WORD.search(text, after, m.start):
        return m
    v = vocab()
    lead = LEAD_MODIFIERS.match(text, after, m.start)
    if lead is not None and lead.end() == m.start and not any(
            w in v["boundary"] or w in v["prepositions"] or w in v["pronouns"] or w in v["determiners"]
            or w in cue_table() or w.endswith("ing") for w in lead.group(1).split()):
        return Mention(lead.start(1), m.end, m.type)
    # "...," Warren, who has not endorsed a candidate, told reporters: the name opens the words after the
    # quote and an aside set off by commas (or parentheses) runs up to the cue
    first = WORD.search(text, after, cue[0])
    if first is None or text[after:first.start()].strip(" \t,—–-"):
        return None
    name = mention_after(text, first.start(), cue[0])
    if name is None or name.start != first.start() or name.type == "pronoun" \
            or not ASIDE_AFTER_NAME.match(text, name.end, cue[0]) \
            or _last_char(text, cue[0], " \t") not in ",)":
        return None
    return name


REPORT_BREAK = rx.compile(r"[;:“”\"]|[.!?]\s")  # a report does not run across these to a later clause


def _reports_more(text: str, cue: tuple, hi: int) -> bool:
    """True when the cue has reported content of its own after it in its sentence."""
    pos = _skip_adverbials(text, cue[1], hi)
    if _that(text, pos, hi):
        return True
    # "told union workers in Los Angeles": an addressee, not a content
    return _at_least(7 if cue[2] in TELL_LEMMAS else 4, text, pos, hi)


def _embedding_clause(text: str, q: dict, lo: int, hi: int, records: list) -> tuple | None:
    """Content, speaker and verb of the clause around an unattributed quoted phrase, or None.

    The speaker is the noun phrase opening the clause (after an introductory phrase ending in a
    comma), the cue the verb right after it, the content the rest of the clause through the quote.
    """
    close = q["close"] if q["close"] is not None else q["end"]
    if any(r["start"] < close and q["open"] < r["end"] for r in records[-30:]):
        return None
    got = _subject_and_verb(text, lo, q["open"])
    if got is None:
        return None
    subject, cue = got
    if cue[3] == "other":
        # without a reporting verb, a quoted title ("Cake Boss") or a passive ("was joined by") is no report
        if _title_case(text, q["start"], q["end"]) or PASSIVE_BEFORE.search(text, max(lo, cue[0] - 12), cue[0]):
            return None
    end = _clause_end(text, close, hi)
    c_s, c_e = _strip(text, cue[1], end.start() if end else hi)
    while c_e > c_s and text[c_e - 1] in ".,;:" and c_e > close:
        c_e -= 1
    if c_e <= c_s or c_s > q["open"]:
        return None
    return (c_s, c_e), subject, cue


def _subject_and_verb(text: str, lo: int, hi: int, any_verb: bool = False) -> tuple[Mention, tuple] | None:
    """The noun phrase opening the clause at `lo` (after an introductory phrase) and the verb after it."""
    start = lo
    intro = INTRO.match(text, lo, hi)
    if intro is not None:
        start = intro.end()
    subject = _subject_np(text, start, hi)
    if subject is None or subject.start > start + 3:
        return None
    first = text[subject.start:subject.end].split()[0].lower()
    if first in NOT_SUBJECTS or first.endswith("ing"):
        return None
    v = VERB_AFTER_SUBJECT.match(text, subject.end, hi)
    if v is None:
        return None
    word = v.group(1)
    entry = cue_table().get(word.lower())
    if entry is None and not any_verb and (word in NOT_VERBS or word in NUMBER_WORDS or word in vocab()["boundary"] or word in vocab()["determiners"]
                          or word in vocab()["prepositions"] or word in vocab()["pronouns"]):
        return None
    lemma, ctype = (entry[0], entry[1]) if entry else (word.lower(), "other")
    return subject, (v.start(1), v.end(1), lemma, ctype, "any")


NOT_SUBJECT_WORDS = {"the", "a", "an", "but", "and", "in", "it", "this", "after", "when", "as", "if", "with", "for", "on",
                     "at", "from", "by", "to", "of", "so", "yet", "or", "then", "now", "here", "there"}
NOT_SUBJECTS = {"it", "it’s", "it's", "this", "that", "what", "here", "here’s", "here's", "there", "where", "who", "which",
                "will", "given", "close", "how", "why", "when"}
TITLE_WORD = rx.compile(r"[A-Za-z][\w’'-]{3,}")


def _title_case(text: str, s: int, e: int) -> bool:
    """True for a quoted title or name ("Cake Boss", "Make America Great Again"): longer words capitalised."""
    words = TITLE_WORD.findall(text, s, e)
    return bool(words) and all(w[0].isupper() for w in words)


PASSIVE_BEFORE = rx.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
                "million", "billion", "though", "although", "if", "because", "when", "while", "whether"}
NOT_VERBS = {"been", "being", "be", "has", "have", "had", "is", "are", "was", "were", "do", "does", "did", "so", "there",
             "enough", "very", "too", "more", "less", "most", "only", "just", "also"}


# an introductory phrase before the subject: "In a statement Tuesday, ...", "Speaking to reporters, ..."
INTRO = rx.compile(r"\s*(?:(?:In|On|At|After|Before|During|Since|For|With|Without|Despite|Under|Like|Unlike|As|When|While"
                   r"|Although|Though|If|Because|Once|Earlier|Later|Last|This|Still|However|Meanwhile|Instead|Yet|But"
                   r"|And|So|Also|Now|Then|Indeed|Asked|Pressed|Questioned|Amid|Amidst|Among|Outside|Inside|Throughout"
                   r"|Across|Ahead|Beyond|Given|Against|Until|Following|Over)\b[^,;:“”\"\n]{0,120}?,"
                   r"|[A-Z][a-z]+ing\b[^,;:“”\"\n]{0,120}?,"
                   # "Shortly after the announcement,", "Days before the vote,"
                   r"|(?:Shortly|Soon|Just|Right|Long|Moments|Minutes|Hours|Days|Weeks|Months|Years)\s+(?:after|before)\b"
                   r"[^,;:“”\"\n]{0,120}?,"
                   # a time phrase: "Hours later,", "Two days ago,", "A month later," (possessive: letters given
                   # back are never the spaces that must follow them)
                   r"|(?:[A-Z][a-z]*+\s+)?(?:[A-Z][a-z]++|[a-z]++)\s+(?:later|earlier|ago)\s*,"
                   # a dateline: "WASHINGTON (AP) —", "NEW YORK, Dec. 22 (UPI) —", "Washington (AFP) –"
                   r"|[A-Z][A-Z .’'-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2})?\s*(?:\([A-Za-z]+\))?\s*[—–-]+"
                   # (possessive: only spaces before "(" could be given back, and \s* takes them as well; without it
                   # every sentence opening with a capital tried each of its first 40 characters)
                   r"|[A-Z][A-Za-z .’'-]{2,40}+\s*\([A-Z]{2,6}\)\s*[—–-]+)\s*")
# the verb after a subject, over auxiliaries, negation and adverbs: "has repeatedly called", "did not mention"
VERB_AFTER_SUBJECT = rx.compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|would|could|should|may|might|can|must|did|does"
                                r"|do|also|not|never|later|then|still|again|just|even|once|already|often|repeatedly"
                                r"|\w+ly|\w+n[’']t))*\s+([a-z][a-z’'-]+)\b")


WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# what a statement is made in or at: "in a statement", "during a news conference", "on Twitter" (ADVERBIAL adds
# audiences and events, MEDIUM_TAIL go-betweens); an alternation in the file's order
MEDIUM_NOUNS = ordered_alternation("medium_nouns.txt")
# ((?>...): the words after the leading spaces and comma start with a letter, so the regex never gives those back;
# without the atomic group each failed call tries all the words twice, once per way to split the spaces. It is
# taken once for both branches, and the words before the noun are possessive: a word must be followed by a space)
ADVERBIAL = rx.compile(
    r"(?>\s*,?\s*)(?:(?:(?:on|last|this|next|late|early|earlier|later)\s+)?(?:" + WEEKDAYS +
    r"|week|month|year|night|morning|afternoon|evening|weekend|today|yesterday|tonight)\b(?:\s+(?:morning|night"
    r"|afternoon|evening))?"
    r"|at\s+(?:one|some|that|this|the\s+same)\s+point\b|at\s+the\s+time\b"  # "claimed at one point that ..."
    # ("to" only before a noun phrase, not an infinitive: "asked them to host events", "said to be the largest rally")
    r"|(?:in|on|at|during|to(?=\s+(?:(?:an?|the|his|her|their|its)\s|[A-Z]|(?:reporters|journalists"
    r"|supporters)\b))|via|through)\s+(?:an?|the|his|her|their|its|a\s+recent)?\s*(?:[\w.’'-]++\s++){0,3}?"
    r"(?:" + MEDIUM_NOUNS + r"|event|meeting|reporters|journalists|supporters)s?\b"
    r"(?:\s+(?:with|on|to|at|in|for)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*|[a-z]+)(?:\s+[A-Z][\w.’'-]*){0,4})?)")
# a medium or go-between phrase after an object content is how it was said, not what: "criticized the ruling in a
# statement", "denied the charges through his lawyer"
# (possessive words: a word must be followed by a space, so giving back its characters never helps)
MEDIUM_TAIL = rx.compile(r"\s(?:in|on|at|during|via|through)\s+(?:an?|the|his|her|their|its|a\s+recent)?\s*(?:[\w.’'-]++\s++){0,3}?"
                         r"(?:" + MEDIUM_NOUNS + "|" + ordered_alternation("go_between_nouns.txt") + r")s?\b")
# a time phrase after a noun-phrase content: "in June 2015", "on Thursday", "last week", "last Tuesday"
# (each alternative opens with its own word: the engine passes over one with a glance at its first letter, where a
# factored form, "(?:in|on|since|until|by)\s+...|(?:on\s+)?(?:Monday|...)", enters every group at every space: a
# third fewer instructions for the same matches)
_MONTH_OR_YEAR = (r"\s+(?:(?:early|late|mid)[\s-]+)?(?:January|February|March|April|May|June|July|August|September"
                  r"|October|November|December|\d{4}\b|recent\s+(?:days|weeks|months|years)|the\s+(?:past|last))")
_SEASON = r"\s+(?:week|month|year|spring|summer|fall|winter)\b"
# ("last", "this" and "next" take a weekday too: the day alone would leave its modifier in the content, "endorsed the
# governor last Tuesday" -> "the governor last")
_SEASON_OR_DAY = r"\s+(?:week|month|year|spring|summer|fall|winter|" + WEEKDAYS + r")\b"
TIME_TAIL = rx.compile(r"\s(?:" + "|".join(w + _MONTH_OR_YEAR for w in ("in", "on", "since", "until", "by"))
                       + r"|on\s+(?:" + WEEKDAYS + r")\b|" + "|".join(d + r"\b" for d in WEEKDAYS.split("|"))
                       + "|" + "|".join(w + _SEASON_OR_DAY for w in ("last", "this", "next"))
                       + "|" + "|".join(w + _SEASON for w in (r"earlier\s+this", r"later\s+this")) + ")")
# a medium or time phrase after a noun-phrase content: "in a tweet", "in June 2015", "on Thursday", "last week"
NP_TAIL = rx.compile(MEDIUM_TAIL.pattern + "|" + TIME_TAIL.pattern)
# an adjunct of the narrator's after a noun-phrase content: a time or medium phrase (NP_TAIL), a time adverb, a
# time clause or a purpose phrase: "pledged her support recently in an effort to ...", "declared their allegiance
# after arriving", "explained his reasoning during an appearance on ..."
# (an adverb before it goes with it: "him only recently", "some doubt even as he ...")
# (tried after NP_TAIL, whose pattern it does not repeat: one compile of that long pattern is enough)
NP_ADJUNCT = rx.compile(r"\s(?P<adjunct>(?:(?:even|just|only|shortly)\s+){0,2}(?:recently|yesterday|today"
                        r"|as\s+well|in\s+(?:an\s+effort|order)\s+to"
                        r"|(?:after|before|when|while|as\s+(?:he|she|they|it|we|I))\s)|\s(?:despite|during)\s)")
# the words NP_TAIL or NP_ADJUNCT open with (as a set too: a word test costs less than a regex), and those NP_TAIL does
NP_ADJUNCT_FIRST = ("in|on|at|during|via|through|since|until|by|last|this|next|earlier|later|even|just|only|shortly"
                    "|recently|yesterday|today|as|after|before|when|while|despite|" + WEEKDAYS)
NP_ADJUNCT_WORD = rx.compile(r"\s(?:" + NP_ADJUNCT_FIRST + r")\b")
NP_ADJUNCT_WORDS = frozenset(NP_ADJUNCT_FIRST.split("|"))
NP_TAIL_WORDS = frozenset(("in|on|at|during|via|through|since|until|by|last|this|next|earlier|later|"
                           + WEEKDAYS).split("|"))
# a content opening with an adverb or a subordinator is no noun phrase: "think twice before ...", "stated while ..."
ADVERB_START = rx.compile(r"(?:while|when|especially|just|only|even|twice|[a-z]+ly)\b")
# a modal after a time clause is the reported clause's verb: a time clause has none of its own ("hopes his endorsement
# before the primary will give him a boost")
MODALS = frozenset(("will", "would", "can", "could", "should", "may", "might", "must"))
# "to" and a name after the noun: the addressee of a pledge or offer ("pledged her vote to Clinton")
NP_TO_NAME = rx.compile(r"\sto\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}")
# a weekday or time noun that is a possessive opens a noun phrase, not an adjunct: "Tuesday night's debate"
POSSESSIVE_NEXT = rx.compile(r"(?:\s+(?:night|morning|afternoon|evening))?[’']s\b")
# a finite auxiliary, copula or irregular past: the noun phrase is the subject of a reported clause ("said the
# meeting in May would be the last", "reported the letter came hours after ...")
AUX_WORDS = MODALS | IRREGULAR_PAST_WORDS | frozenset(("is", "are", "was", "were", "has", "have", "had", "does", "did", "do"))
# the noun phrase goes on after a time or medium phrase with its infinitive, topic or relative clause: "announced
# plans Friday to expand ...", "posted remarks online about ...", "wrote a bill in 2013 that created ..."
NP_GOES_ON = rx.compile(r"(?:\s+(?:night|morning|afternoon|evening))?,?\s+(?:to\s+[a-z]+|about|that|which|who)\b")
# a content's words that make it a clause, not a noun phrase: a subject pronoun first, an auxiliary or a past form
CLAUSE_WORDS = {"he", "she", "they", "it", "we", "i", "you", "there", "is", "are", "was", "were", "has", "have", "had",
                "will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "be", "been"}


# a time phrase of the narrator's after a short content: a comma and a time phrase ("tweeted a chart of the figures,
# just a day after the vote"), or after an infinitive "after", "following" or "in the wake of" and a noun phrase
# ("vowed to rebuild the party in the wake of the defeat"; not a clause: "promised to leave after he is elected" may
# be the promise's own condition)
NARRATOR_TIME = rx.compile(r",\s+(?:(?:just|only|shortly|even|barely)\s+)?(?:(?:a|an|one|two|three|four|five|six|several"
                           r"|a\s+few|\d+)\s+(?:hour|day|week|month|year)s?\s+)?(?:after|before|following)\s"
                           r"|\s(?:after|following|in\s+the\s+wake\s+of)\s+(?:an?|the|his|her|their|its)\s")


# a comma-set phrase of the narrator's with a subject or a verb of its own, often holding another report, after a
# noun-phrase content: "announced her budget plan, with two aides saying it would pass", "who have not announced their
# choice, plus persuading a few others", "tweeted a prayer for the victims, followed by one in which she blamed ...",
# "warned against the merger, because he thought ..." (PolNeAR train, with SHARE_REPORT: speech-cue +3 even, +1 odd)
NARRATOR_REPORT = rx.compile(r",\s+(?:with\s+(?:[A-Z]\w*|an?|the|his|her|their|its|some|many|about)\s[^,;.]{0,60}?\w+ing\s"
                             r"|plus\s+\w+ing\s|followed\s+by\s|because\s+(?:he|she|they|it|we|I)\s)")


NP_CONTENT_MAX = 100  # characters: a noun phrase (five words at most) and its time or medium phrase (eight at most)
NP_HEAD_MAX = 60  # characters: a noun phrase (five words at most) and an addressee ("her vote to Hillary Clinton")


# the first words of a clause, which no noun phrase opens with (as prefixes: one string test, before any regex)
CLAUSE_STARTS = tuple(sorted(w + " " for w in CLAUSE_WORDS | {"that", "to"}))


def _np_tail_start(text: str, c_s: int, c_e: int) -> int:
    """Where a noun-phrase content text[c_s:c_e] ends at a medium or time phrase of the narrator's (NP_TAIL), or 0."""
    # the phrase comes after a noun phrase of five words at most (_noun_phrase below: a content opening with a
    # subject pronoun, an auxiliary, "that" or "to" is a clause); a longer content is tried only up to its first
    # comma, which must follow the phrase (below), and only if that comma comes within NP_CONTENT_MAX characters:
    # string tests rule most contents out before the regex
    if text.startswith(CLAUSE_STARTS, c_s):
        return 0
    if c_e - c_s <= NP_CONTENT_MAX:
        end = c_e
    elif (end := text.find(", ", c_s, c_s + NP_CONTENT_MAX)) < 0:
        return 0
    mm = NP_TAIL.search(text, c_s, end)
    return 0 if mm is None else _np_before_tail(text, c_s, c_e, mm)


def _np_before_tail(text: str, c_s: int, c_e: int, mm: re.Match) -> int:
    """Where a noun-phrase content text[c_s:c_e] ends at the narrator's medium or time phrase `mm` in it, or 0."""
    # (five spaces before the phrase make six words, more than _noun_phrase takes: most phrases found come later in a
    # longer content, and a count of spaces costs less than its regexes)
    if text.count(" ", c_s, mm.start()) > 4 or not _noun_phrase(text, c_s, mm.start()) \
            or _ends_in_medium(text, mm.start(), mm.end()) and _medium_modifier(text, mm.end()):
        return 0
    # a noun phrase ends with its noun, not an article, preposition or conjunction ("the speeches during Sunday
    # services"); a day or month before a noun modifies it ("an important Monday rally"; not "Monday night", nor
    # "Tuesday saying ...": NOUN_AFTER, the lower-case word after a phrase)
    # (a one-word noun phrase is its noun: no space before the phrase, no slice of the text before the content)
    last = text[space + 1:mm.start()].lower() if (space := text.rfind(" ", c_s, mm.start())) >= 0 else ""
    if last in vocab()["prepositions"] or last in ("a", "an", "the", "to", "and", "or") \
            or text[text.rfind(" ", mm.start(), mm.end()) + 1].isupper() \
            and (after := NOUN_AFTER.match(text, mm.end(), c_e)) is not None \
            and after.group(1) not in word_list("function_words.txt") and not after.group(1).endswith("ing") \
            and after.group(1) not in ("night", "morning", "afternoon", "evening"):
        return 0
    # the phrase is short and without a verb up to the content's end or up to a comma: what a comma sets off after
    # the narrator's time phrase is the narrator's too ("has said little about the plan in recent months, and aides
    # say ...", "said nothing about rates until May, as the bank prepared ..."); a verb there makes the phrase part
    # of a reported clause ("said the meeting in May would be the last")
    comma = text.find(", ", mm.end(), c_e)
    if not _noun_phrase(text, mm.start(), c_e if comma < 0 else comma, 8):
        return 0
    # (not a phrase between two commas, an aside inside the content: "a column and, since 2013, hosts a show"; nor
    # after an opening preposition or subordinator, which the comma closes: "while testifying before Congress last
    # month, that ...")
    if comma >= 0 and (text[mm.start() - 1] == "," or ADVERB_START.match(text, c_s)
                       or text[c_s] in PREPOSITION_FIRST and PREPOSITION_START.match(text, c_s)):
        return 0
    return mm.start()


def _np_adjunct_start(text: str, c_s: int, c_e: int) -> int:
    """Where a noun-phrase content text[c_s:c_e] ends at an adjunct of the narrator's (NP_TAIL, NP_ADJUNCT), or 0."""
    # (most contents this is asked about are clauses or longer phrases: string tests rule them out before any regex)
    # a one-word content has no adjunct; a content opening with a subject pronoun, "to", "that" or a past form is a
    # clause or a verb phrase, which _noun_phrase below would refuse
    first_end = text.find(" ", c_s, c_e)
    if first_end < 0 or (first := text[c_s:first_end]) in CLAUSE_WORDS or first in ("to", "that") \
            or first.endswith("ed"):
        return 0
    # the adjunct's first word comes after at most five words of noun phrase and an addressee, and no comma: one of
    # NP_ADJUNCT_WORDS (a stop read as a space: a weekday or "today" may end the content, "pledged it on Monday.")
    end = c_e if c_e - c_s < NP_HEAD_MAX else c_s + NP_HEAD_MAX
    if (comma := text.find(",", c_s, end)) >= 0:
        # a comma and the narrator's time phrase end a longer noun phrase too (ten words at most): "tweeted a chart
        # of the figures, just a day after the vote" says when it was tweeted; a phrase of the narrator's with its own
        # subject or verb (NARRATOR_REPORT) is no part of it either
        if (NARRATOR_TIME.match(text, comma, c_e) or NARRATOR_REPORT.match(text, comma, c_e)) \
                and _at_least(2, text, c_s, comma) \
                and _noun_phrase(text, c_s, comma, 10) \
                and not (text[c_s] in PREPOSITION_FIRST and PREPOSITION_START.match(text, c_s)):
            return comma
        end = comma
    if NP_ADJUNCT_WORDS.isdisjoint(text[c_s:end].replace(".", " ").split()) \
            or text[c_s] in PREPOSITION_FIRST and PREPOSITION_START.match(text, c_s) or ADVERB_START.match(text, c_s):
        return 0  # (no word an adjunct opens with; a content opening with a preposition or an adverb)
    # (the adjunct tried only where one of its first words follows a space: a pattern opening with a plain \s lets
    # the engine skip to the spaces, which the alternations of NP_TAIL and NP_ADJUNCT do not; NP_TAIL only where
    # it can open)
    mm = None
    for mw in NP_ADJUNCT_WORD.finditer(text, c_s, end):
        if (mm := mw.group()[1:] in NP_TAIL_WORDS and NP_TAIL.match(text, mw.start(), c_e)
                or NP_ADJUNCT.match(text, mw.start(), c_e)) is not None:
            break
    if mm is None or not _at_least(1, text, c_s, mm.start()) or POSSESSIVE_NEXT.match(text, mm.end()) \
            or _ends_in_medium(text, mm.start(), mm.end()) and _medium_modifier(text, mm.end()):
        return 0
    # an addressee named after "to" is part of the phrase: "pledged her vote to Clinton recently"
    head_end = to.start() if (to := NP_TO_NAME.search(text, c_s, mm.start())) and to.end() == mm.start() else mm.start()
    if not _noun_phrase(text, c_s, head_end) or not AUX_WORDS.isdisjoint(WORD.findall(text, c_s, mm.start())) \
            or (last := text[space + 1:mm.start()].lower() if (space := text.rfind(" ", c_s, mm.start())) >= 0
                else "") in word_list("function_words.txt") or last in ("until", "back"):
        # (a noun phrase ends with its noun, not a function word: "the real meaning of", "win or lose in"; "until"
        # and "back" take the time clause as their own: "a vote until after the election", "the mood back when ...";
        # a one-word noun phrase is its noun, a pronoun as often as not, "mentioned him in a speech": no slice of the
        # text before the content, as in _np_before_tail)
        return 0
    # (a time or medium phrase of NP_TAIL, or "despite" and "during", have no group "adjunct")
    after = WORD.findall(text, mm.end(), c_e)
    if not MODALS.isdisjoint(after) or mm.lastgroup != "adjunct" \
            and (not AUX_WORDS.isdisjoint(after) or NP_GOES_ON.match(text, mm.end(), c_e)):
        return 0  # a time or medium phrase inside the content: "said the meeting in May would be the last"
    return mm.start()


def _infinitive_adjunct_start(text: str, c_s: int, c_e: int) -> int:
    """Where an infinitive content text[c_s:c_e] ("to ...") ends at a time phrase of the narrator's, or 0."""
    # ("to" and a verb, not a preposition: "adds to the drama during ...", "wrote to Clinton after ...")
    verb_end = text.find(" ", c_s + 3, c_e)
    if verb_end < 0 or not (verb := text[c_s + 3:verb_end]).isalpha() or not verb.islower() \
            or verb in ("a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my"):
        return 0
    ma = NARRATOR_TIME.search(text, verb_end, c_e)
    if ma is None or not _at_least(3, text, c_s, ma.start()):
        return 0
    return ma.start()


def _noun_phrase(text: str, s: int, e: int, most: int = 5) -> bool:
    """Whether text[s:e] reads as a short phrase without a verb (at most `most` words, no pronoun subject,
    auxiliary, past form, "that" or "to")."""
    if _at_least(most + 1, text, s, e):
        return False
    words = re.findall(r"[\w-]+", text[s:e].lower())
    return bool(words) and words[0] not in ("to", "that") and not any(
        w in CLAUSE_WORDS or w.endswith("ed") or w in ("that", "to", "s", "re", "ll") for w in words)


# a message noun phrase (topic_frame_nouns.txt) and the preposition or colon before its topic, which PolNeAR puts in
# the cue: an indefinite one ("a viral blog against", "a statement on", "a note of concern": the "of" of
# topic_frame_of_nouns.txt holds what the message says), a bare noun right after the cue ("voiced support for X",
# "claiming allegiance to X") and a possessed one given to someone ("pledged their support to X"); a possessed noun
# with another preposition names the content itself ("reiterated his support for X", "defended his comments about X")
# (each branch's last group, named for it, is its preposition, where a time or medium phrase is told from a topic:
# "announced support on Thursday", "posted comments on Facebook")
_TOPIC_NOUN = "(?:" + word_alternation("topic_frame_nouns.txt") + ")"
_TOPIC_PREPOSITION = r"\s+(?:about|on|against|regarding|over|to|for)\s+"
TOPIC_FRAME = rx.compile(r"(?:an?|another)\s+(?:[\w’'.,-]++\s+){0,4}?" + _TOPIC_NOUN
                         + "(?P<indefinite>" + _TOPIC_PREPOSITION + r"|:\s+)"
                         + "|" + _TOPIC_NOUN + "(?P<bare>" + _TOPIC_PREPOSITION + ")"
                         + r"|(?:an?|another)\s+(?:[\w’'.,-]++\s+){0,4}?(?:"
                         + word_alternation("topic_frame_of_nouns.txt") + r")(?P<of>\s+of\s+)"
                         + r"|(?:his|her|their|its|our|my)\s+(?P<owned_noun>" + _TOPIC_NOUN + r")(?P<owned>\s+to\s+)")
# (the words TOPIC_FRAME can open with: most contents open with another, and the regex is not run)
TOPIC_FRAME_FIRST = frozenset(("a", "an", "another", "his", "her", "their", "its", "our", "my")) \
    | word_list("topic_frame_nouns.txt")


def _topic_start(text: str, c_s: int, hi: int) -> int:
    """Where the topic of a message noun phrase opening a content at c_s starts ("sounded a cautious note about X",
    "voiced support for X", "pledged their support to X": X), or c_s."""
    if (sp := text.find(" ", c_s, c_s + 16)) < 0 or text[c_s:sp] not in TOPIC_FRAME_FIRST \
            or (mf := TOPIC_FRAME.match(text, c_s, hi)) is None:
        return c_s
    branch = mf.lastgroup
    if (NP_TAIL if branch == "bare" else TIME_TAIL).match(text, mf.start(branch), hi) is not None:
        return c_s  # "announced support on Thursday", "posted comments on Facebook about X": no topic
    if branch == "owned" and mf["owned_noun"] in cue_table():
        return c_s  # a reporting noun's "to" names its addressee: "noted her comments to a radio host"
    return mf.end()


PREPOSITION_START = rx.compile(r"(?:at|on|in|with|by|for|from|during|after|before|over|about|as|of|into)\b", re.I)
# the characters PREPOSITION_START can open with (case folded as the regex does, dotted and dotless i too): a content
# opening with any other is no preposition without running the regex (most contents)
PREPOSITION_FIRST = frozenset("aAbBdDfFiIoOwW\u0130\u0131")
NAME_QUOTE_END = rx.compile(r"(?<=[”\"])(?=\s*(?:,|\band\b|\bbut\b|\bwhile\b)|\s+[a-z]+ing\b|\s+(?:in|on|at|during|after)\s)")
# a cue followed by an adverbial clause or phrase, not by reported content
ADVERBIAL_CLAUSE = rx.compile(r"\s*,?\s*(?:after|during|before|while|when|as|at|in|since|following|amid|despite|because|upon|on"
                              r"|without)\b(?!\s+(?:least|most)\b)"  # ("at least six planes" is a quantity)
                              r"|\s*,?\s*(?:\d+|an?|one|two|three|four|five|six|several|few)\s+(?:hours|days|weeks|months|years)"
                              r"\s+(?:after|before|later|earlier|ago)\b",
                              re.I)
# a short prepositional phrase on where or how it was said, between a cue and its that-clause, is no part of the
# content: "conceded in her memoir that she ...", "admitted as part of the deal that the firm ..." (the words after
# "that" open a clause: not "wrote in the letter that was sent", a relative clause on the noun)
PHRASE_THEN_THAT = rx.compile(r"\s*(?:in|during|at|under|through|as\s+(?:a\s+)?part\s+of)\s+(?:his|her|their|its|the|an?)\s+"
                              r"(?:[\w-]+\s+){0,2}?[\w-]+\s+that\b(?=\s+(?:[A-Z]|(?:the|a|an|he|she|they|it|we|I|you|his|her"
                              r"|their|its|this|these|those|there)\b))")
THAT_AFTER_ADVERBIAL = rx.compile(r"\s*(?:after|during|before|while|when|at|in|on|since|following|amid|with|to)\b"
                                  r"[^.;:“”\"\n]{0,100}?,\s+that\b")
# after a single dash the content goes on with an example, an alternative or a restriction: "had successes - for
# instance, ...", "said they would - or at least hit the streets", "details of her plan - including how she will pay"
DASH_GOES_ON = rx.compile(r"\s*(?:including|like|for\s+(?:instance|example)|such\s+as|only(?!\s+[a-z]+ing\b)|or|if|particularly"
                          r"|especially|and\s+(?:that|how|why|what|whether|to))\b")
# after "say" a dash before "and" goes on with the report too: "said officers will wear body cameras - and many will
# wear shorts", "said it would be its lowest ever - and well below the 2 percent" (a cue after the "and" ends the
# content there as a coordinated report of its own: "said A — and said B"; after other cues the dash and "and" open
# the narrator's clause more often: PolNeAR train, 2 contents of "say" closer to gold, 4 of other cues farther)
# a spaced dash (" - ", " -- ", " — ") or an unspaced long dash between words ("content—aside"); written to start
# with one character class (the branches look behind at it) so the engine skips to spaces and dashes quickly
DASH_TAIL = rx.compile(r"[\s—–](?:(?<=\s)(?:--?|[—–])\s|(?<=\w[—–])(?=\w))")


def _dash_tail(text: str, lo: int, hi: int) -> re.Match | None:
    """DASH_TAIL.search(text, lo, hi), skipped when text[lo:hi] holds no dash (six contents in seven)."""
    # (`in` on the slice: three str.find calls cost more in argument parsing than the copy)
    if "-" not in (part := text[lo:hi]) and "—" not in part and "–" not in part:
        return None
    # (every match has a dash at its start or right after it: the search starts before the first dash, not at every
    # space before it)
    first = min(i for i in (part.find("-"), part.find("—"), part.find("–")) if i >= 0)
    return DASH_TAIL.search(text, lo + max(first - 1, 0), hi)
# a comma that starts the next item of a list goes on with the content: "called him a fair, honest and admirable
# person", "how he would tackle Social Security, tax cuts, nuclear weapons and education" (one to four lower-case
# words, then "and"/"or"; a relative, conjunction, determiner or participle clause after the comma is no item, but a
# lone -ing word right before "and"/"or" is: "a kind, loving and admirable person", "of covering up, delaying, and
# withholding facts" (PolNeAR train predictions ending there: gold goes on 2 of 2)
_NOT_ITEM = (r"(?!(?:the|a|an|who|which|whose|where|when|while|but|and|or|as|so|yet|including|even|although|though"
             r"|because|if|that|this|these|those|it|he|she|they|we|I|you|there|not|then|also)\b|[a-z]+ing\b(?!,?\s+(?:and|or)\s))")
_ITEM = _NOT_ITEM + r"[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}"
LIST_ITEM = rx.compile(r",\s+" + _ITEM + r"(?:,\s+" + _ITEM + r"){0,5},?\s+(?:and|or)\s")
# "said so" then a time, place or manner phrase: "so" is the whole content ("said so many times" is an amount)
SO_PROFORM = rx.compile(r"\s+(?:in|on|at|during|after|before|when|while|because|last|this|again|too|publicly|privately"
                        r"|repeatedly|explicitly|openly|directly|himself|herself|themselves|yesterday|today)\b")
# an amount before the topic goes with the cue: "said little about", "said almost nothing about"
AMOUNT_WORDS = ("little ", "nothing ", "much ", "almost ", "very ", "something ", "anything ", "a lot ")
LEAD_WORDS = AMOUNT_WORDS + ("about ", "for ")
# a comma-set comparison of the narrator's after a content compares the reported act with another one, no part of
# what was said: an "as" clause whose verb is a pro-form ("to call for order, as he did last year when ...", "said he
# does not hold them in public, as was the case with Monday's briefing") or that points into the article ("as
# mentioned above"), or "any more than", whose negation is the cue's ("not to suggest that the ads work, any more
# than the posters did"); (an "as" clause with a full verb may be the speaker's reason: "as he is still active")
COMPARISON_TAIL = rx.compile(r",\s+(?:as\s+(?:(?:he|she|they|it|we|I|you)\s+(?:did|does|do|has|have|had)\b"
                             r"|(?:is|was)\s+the\s+case\b|(?:mentioned|noted|reported|described)\s+(?:above|earlier|before"
                             r"|below)\b)|any\s+more\s+than\s)")
AMOUNT_ABOUT = rx.compile(r"(?:(?:almost|very)\s+)?(?:little|nothing|much|something|anything|a\s+lot)\s+(?:about|of|on|regarding)\s+")
# cues whose object before the content is the person told: "told reporters that ...", "warned voters the plan ..."
TELL_LEMMAS = word_list("tell_lemmas.txt")
# cues whose object may be the audience instead of the topic: "addressed the convention" vs "addressed his concerns"
AUDIENCE_LEMMAS = word_list("audience_lemmas.txt")
HEAD_WORD = rx.compile(r"[a-z]+\b(?![’'])")  # (not a possessor: "voters' worries")


TITLE_CLAUSE_END = rx.compile(r"\s(?:As(?=\s+[A-Z][\w’'-]*\s+[A-Z][a-z]+(?:s|ed)\s)|While|After|Before|Amid|Despite|Because"
                              r"|Although|Though|When|But|And\s+It"
                              r"|That\s+(?:Will|Would|Could|Had|Has|Have|Is|Was|Are|Were|Might|May))\s|\s[—–-]\s|,\s+(?=[A-Z])")
SEMICOLON_GOES_ON = rx.compile(r";\s*[a-z]")


@lru_cache(maxsize=1)
def _speech_lemmas() -> frozenset:
    """Lemmas of the hand-written verbs of speech with a clause for content (cue_verbs.csv cue_type "speech",
    complement "clause" or "any")."""
    return frozenset(v[0] for v in cue_table().values() if v[1] == "speech" and v[2] in ("clause", "any"))


def _inner_clause_start(text: str, c_s: int, end: int) -> int:
    """Where the innermost that-clause of a content before `end` starts ("its reporting has found that the
    entities, which ..."): its subject is what a set-off clause right after may describe."""
    k = text.rfind(" that ", c_s, end)
    return k + 6 if k >= 0 else c_s


def _that(text: str, pos: int, hi: int) -> re.Match | None:
    """THAT.match(text, pos, hi), skipped when no "that" follows (most calls)."""
    return THAT.match(text, pos, hi) if text.find("that", pos, hi) >= 0 else None


# the first words of ADVERBIAL's time phrases and of its place and medium phrases, after a space: a cheap test before it
ADVERBIAL_STARTS = tuple(" " + w for w in WEEKDAYS.split("|") + [
    "on ", "last ", "this ", "next ", "late ", "early ", "earlier ", "later ", "week", "month", "year", "night", "morning",
    "afternoon", "evening", "today", "yesterday", "tonight", "in ", "at ", "during ", "to ", "via ", "through "])
# the words themselves: ADVERBIAL's leading spaces and comma are atomic, so after one space (or none) and then any
# other character than a space or comma, a phrase opening with none of them rules the regex out without running it
# ("said that", "told CNN", "says Trump", "said. The": nine calls in ten)
ADVERBIAL_WORDS = tuple(w.strip() for w in ADVERBIAL_STARTS)
# the same words by their first character (str.startswith tries a tuple's words one by one: most first characters
# open none, and the others only two or three)
ADVERBIAL_BY_FIRST = {c: tuple(w for w in ADVERBIAL_WORDS if w[0] == c) for c in {w[0] for w in ADVERBIAL_WORDS}}


def _coordinator_then_adverbials(text: str, lo: int, cs: int) -> bool:
    """Whether only time or medium phrases stand between "and"/"but" and the cue at `cs`: "has opposed the plan
    but on Friday wrote that ...", "and in a statement said": a coordinated verb of the same subject."""
    k = max(text.rfind(" and ", max(lo, cs - 60), cs), text.rfind(" but ", max(lo, cs - 60), cs))
    if k < 0:
        return False
    end = _skip_adverbials(text, k + 4, cs)
    return end > k + 4 and not text[end:cs].strip(" ,")


def _skip_adverbials(text: str, pos: int, hi: int) -> int:
    """Position after time and medium phrases that follow a cue ("on Tuesday", "in a statement")."""
    for _ in (0, 1, 2):  # (at most three phrases; a constant tuple builds no range object per call)
        at = pos + 1 if text.startswith(" ", pos) else pos
        if at < hi and not (c := text[at]).isspace() and c != "," \
                and ((words := ADVERBIAL_BY_FIRST.get(c)) is None or not text.startswith(words, at)):
            break
        m = ADVERBIAL.match(text, pos, hi)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos


# "asked the Supreme Court to intervene", "told Flint residents not to drink": the one asked to act goes with the
# request (PolNeAR annotates "asked X to VERB" with X inside the content)
TO_INFINITIVE_AFTER = rx.compile(r"\s+(?:not\s+)?to\s+[a-z]")


@lru_cache(maxsize=1)
def _told_noun_object() -> re.Pattern:
    """A noun phrase ending in a noun of telling (told_nouns.txt), with the "of" after it."""
    nouns = word_alternation("told_nouns.txt")
    return rx.compile(r"\s+(the\s+|(?:an?|his|her|their|its|our|my)\s+)(?:[\w’'-]++\s+){0,3}?(?:" + nouns
                      + r")\b(\s+of\s+)?")


def _told_object_end(text: str, ce: int, end: int, hi: int, lemma: str) -> int:
    """Where the content of a telling cue starts, given the end of the noun phrase after it (`end`): after it when
    it is the addressee ("told reporters that"), at it when it is what is told ("told a different tale", "tells the
    full story"; "told the story of X": X) or who is asked to act ("asked the court to intervene")."""
    if lemma not in ("tell", "ask"):
        return end
    if text.startswith(" to", end) and TO_INFINITIVE_AFTER.match(text, end, hi) or text.startswith(" not to ", end):
        return ce
    if lemma == "tell" and (m := _told_noun_object().match(text, ce, min(hi, ce + 80))) is not None:
        return m.end() if m.group(2) and m.group(1)[0] == "t" else ce
    return end


# an aside set off by a pair of dashes between a cue and its that-clause; bounded, the closing dash ends the class
DASH_OPENINGS = (" —", " –", " -", "—", "–")
DASH_ASIDE = rx.compile(r"\s*(?:[—–]|--?)\s*[^—–\n;:.!?“”\"]{1,100}?(?:[—–]|\s--?\s)(?=\s*that\s)")


# a preposition right before a mention of a medium ("but in a statement said", "and on Twitter wrote"): the noun is
# the medium of what its clause reports, no speaker
MEDIUM_PREPOSITIONS = (" in ", " on ", " at ", " via ", " during ", " through ")
# a relative clause on the medium a cue names, then the reported that-clause: "said in a statement that was released
# Friday that ...", "wrote in a letter that circulated Monday that ..." (a "that" with a verb right after it has no
# subject of its own: it opens a relative clause on the noun, not the report; "that he shared that" is left alone)
MEDIUM_HEADS = frozenset(w.split("\\s+")[-1].lower() for w in MEDIUM_NOUNS.split("|"))  # their last words, lower case
MEDIUM_RELATIVE = rx.compile(r"that\s+(?:(?:was|were|is|are|has|have|had)\s+(?:[a-z]+ly\s+)?[a-z]+|[a-z]+ed|"
                             + IRREGULAR_PASTS + r")\b[^,;:.!?“”\"\n]{0,80}?\s(?=that\s)")


def _ends_in_medium(text: str, lo: int, hi: int) -> bool:
    """Whether the last word of text[lo:hi] names a medium ("in a statement", "in his interviews")."""
    return text[text.rfind(" ", lo, hi) + 1 or lo:hi].lower().rstrip("s") in MEDIUM_HEADS


# a medium noun that modifies a lower-case noun after it is no medium of the report: "perjured herself on the email
# controversy", "spent it on radio ads" (the phrase's head is the later noun; "in an email sent Friday", "in a speech
# last week", "in an interview with" keep their medium: a closed-class, time or participle word follows)
# (a word before "of" opens a complex preposition, not a compound: "in an interview instead of a statement")
MEDIUM_NEXT_WORD = rx.compile(r" ([a-z]+)\b(?![’'-]| of\b)")
MEDIUM_FOLLOWERS = IRREGULAR_PAST_WORDS | NP_TAIL_WORDS


def _medium_modifier(text: str, at: int) -> bool:
    """Whether the medium noun ending at `at` modifies a lower-case noun right after it ("the email controversy")."""
    m = MEDIUM_NEXT_WORD.match(text, at)
    if m is None or not text[text.rfind(" ", 0, at) + 1].islower():
        return False  # (a platform's compound is still the platform: "on its Facebook page", "in a TV interview")
    w = m.group(1)
    return not (w in MEDIUM_FOLLOWERS or w.rstrip("s") in MEDIUM_HEADS or w in word_list("function_words.txt")
                or w in word_list("time_adverbs.txt") or w in vocab()["boundary"]
                or w in vocab()["prepositions"] or w.endswith(("ed", "ing", "ly")))


def _before_reporting_parenthesis(text: str, c_s: int, c_e: int, hi: int) -> int:
    """Where a content ends before a parenthesis inside it that holds a report of its own ("tells audiences she may be
    prosecuted (the existence of which, many Democrats say, represents ...)": the aside is the narrator's, with its
    own speaker and cue, not what the outer speaker reports); c_e when there is none."""
    op = text.find(" (", c_s, c_e)
    while op >= 0:
        cl = text.find(")", op, hi)  # (the content may end inside it: "crime had doubled (in fact")
        if cl < 0:
            break
        if _at_least(2, text, c_s, op) and any(c[3] == "speech" and c[4] != "noun" for c in find_cues(text[op + 2:cl])):
            return op
        op = text.find(" (", cl, c_e)
    return c_e


# the terms a source spoke on, which end the content before them ("confirmed the meeting on condition of anonymity
# because ...")
ANONYMITY_TERMS = rx.compile(r"[\s,]+(?:only\s+)?(?:on|under)\s+(?:the\s+)?conditions?\s+of\s+anonymity\b")


OBJECT_CLAUSE = rx.compile(r"\b(?:that|what|who|which|how|when|where|whether)\b")
BY_MEANS = rx.compile(r",?\s+by\s+(?:[a-z]+ly\s+)?(?!(?:during|nothing|something|anything|everything)\b)[a-z]+ing\b")


def _speech_form(word: str) -> bool:
    """Whether a word is a form of a verb of saying in the cue lexicon ("told", "added")."""
    entry = cue_table().get(word)
    return entry is not None and entry[1] == "speech"


def _content_right(text: str, ce: int, hi: int, lemma: str, comp: str) -> tuple[int, int] | None:
    """The reported content after a cue (`said that ...`, `told reporters ...`, `criticized X`)."""
    start = ce
    if lemma in TELL_LEMMAS:
        mo = TELL_OBJ.match(text, start, hi)
        if mo:
            start = _told_object_end(text, start, mo.end(), hi, lemma)
    start = _skip_adverbials(text, start, hi)
    if text.startswith(DASH_OPENINGS, start) and (aside := DASH_ASIDE.match(text, start, hi)) is not None:
        start = aside.end()  # "said — on Twitter, as it happens — that ...": the aside is how it was said
    has_that = "that" in text[start:hi]  # (every THAT... pattern needs one; `in` costs less than str.find's arguments)
    mt = THAT.match(text, start, hi) if comp != "object" and has_that else None
    if mt is None and comp != "object" and has_that:  # "said during a taping in Buffalo, New York, that ..."
        mt = THAT_AFTER_ADVERBIAL.match(text, start, hi)
    if mt is None and comp != "object" and has_that:  # "admitted in his plea that ...", "alleged in the suit that"
        mt = PHRASE_THEN_THAT.match(text, start, hi)
    if mt is None and lemma in TELL_LEMMAS and has_that and not QUESTION_OPENING.match(text, start, hi):
        # the addressee may be long: "told China's special envoy Li Hui that" (but a "that" after a question word
        # is inside the question: "asked if the deployments meant that he was reversing his pledge")
        mt = THAT_AFTER_OBJECT.match(text, start, hi)
    if comp == "that" and not mt and not text.startswith(":", ce):
        return None
    if mt:
        c_s = mt.end() - 4
        if start > ce and (rel := MEDIUM_RELATIVE.match(text, c_s, hi)) is not None \
                and _ends_in_medium(text, ce, c_s - 1) \
                and THAT_CLAUSE.match(text, rel.end() - 1) is not None:  # (not "that night")
            c_s = rel.end()  # "said in a statement that was released Friday that ...": the second "that" reports
    else:
        c_s = start
        while c_s < hi and (text[c_s].isspace() or text[c_s] in ",:—–-"):
            c_s += 1
    if comp == "to" and not mt and not text.startswith("to ", c_s):
        return None
    if mt is None and comp != "to":
        # "sounded a cautious note about X", "issued a statement on X", "presented a blunt answer: X", "voiced support
        # for X": the message noun phrase goes with the cue, its topic is the content
        c_s = _topic_start(text, c_s, hi)
    if comp == "object" and not mt:
        mo = OBJ_END.search(text, c_s, hi)
        if mo is not None and (m2 := SECOND_COMPLEMENT.match(text, mo.start(), hi)) is not None:
            mo = OBJ_END.search(text, m2.end(), hi)
        elif mo is not None and text[mo.start()] == "," and ((close := _aside_close(text, mo.start(), hi)) > 0
                                                         or (close := _opener_aside_close(text, c_s, mo.start(), hi)) > 0):
            mo = OBJ_END.search(text, close, hi)
        elif mo is not None and text.startswith(", but ", mo.start()) and NOT_JUST.search(text, c_s, mo.start()):
            mo = OBJ_END.search(text, mo.start() + 5, hi)
        # "called Ford's plans “an absolute disgrace,” and threatened ...": a quoted name ends the object
        obj_end = mo.start() if mo else hi
        # (the regex opens with a lookbehind, which the engine tries at every position: most objects hold no mark)
        qm = NAME_QUOTE_END.search(text, c_s, obj_end) \
            if "”" in (part := text[max(c_s - 1, 0):obj_end]) or '"' in part else None
        if qm is not None:
            mo = qm
    else:
        at = c_s
        if mt is not None and text.startswith(",", mt.end()):
            # "admit that, given the partisan divide, instituting these goals ...": a phrase set off right after
            # "that" opens the reported clause, which goes on after its closing comma
            close = text.find(", ", mt.end() + 1, hi)
            at = close + 1 if close > 0 else c_s
        mo = _clause_end(text, at, hi)
        if mo is not None and text[mo.start()] == "," and (close := _opener_aside_close(text, c_s, mo.start(), hi)) > 0:
            mo = _clause_end(text, close, hi)
        for _ in range(3):
            # a headline in title case capitalises every word: "Trump Just Announced Who He ‘Would Love’ To See Run",
            # "Pence Announces Plans He And Trump Have Made": a capitalised pronoun there runs on no new sentence
            if mo is None or not text[mo.start()].isspace() or AND_CUE.match(text, mo.end()) \
                    or not title_case_line(text, text.rfind("\n", 0, c_s) + 1):
                break
            mo = _clause_end(text, mo.end() + 1, hi)
        if mo is not None and SET_OFF.match(text, mo.start(), hi) and not text.startswith("to ", c_s) \
                and not _at_least(SUBJECT_ONLY, text, _inner_clause_start(text, c_s, mo.start()), mo.start()) \
                and not PARTICIPLE_THAT.match(text, mo.start(), hi):
            # 'said that Sanders, who did win Rhode Island, would ...': a clause set off by commas right after
            # the content's subject is part of the content, which goes on after the second comma
            comma = text.find(", ", mo.end(), hi)  # (not the comma of "30,000")
            if comma > 0:
                mo = _clause_end(text, comma, hi)
        if mo is not None and text[mo.start()] == "," and (close := _aside_close(text, mo.start(), hi)) > 0:
            mo = _clause_end(text, close, hi)
        if mo is not None and text[mo.start()] == "," and lemma in _evidence_lemmas() \
                and (ms := SHARE_AFTER.match(text, mo.start(), hi)) is not None:
            mo = _clause_end(text, ms.end(), hi)  # "the poll found that 28 percent back A, while 23 percent favor B"
        if mo is not None and text.startswith(", but ", mo.start()) \
                and ((mb := BUT_PREDICATE.match(text, mo.start(), hi)) is not None
                     and not _speech_form(mb.group(1))
                     or NOT_JUST.search(text, c_s, mo.start()) is not None):
            # (a verb of saying there is the speaker's next act: "..., but told his supporters, “...”")
            mo = _clause_end(text, mo.start() + 5, hi)
        if mo is not None and text[mo.start()] == "," and lemma in _speech_lemmas() \
                and (mt is not None or lemma == "say" or SUBJECT_PRONOUN.match(text, c_s, hi) is not None):
            mo = _event_participle_end(text, c_s, mo, hi)
        # after "say" a concessive clause goes on with the report: "says she identifies as an independent, although
        # she is registered as a Democrat", "said they expect fake information, though mixed with truth" (PolNeAR
        # train, contents of say/said ending there: gold goes on 7 times of 11; the other 4 hold a cue with a subject
        # of its own, ", though she did not discuss ...", which ends the content there: RESTART)
        if lemma == "say" and mo is not None and text.startswith(", ", mo.start()) \
                and text.startswith(("though ", "although "), mo.start() + 2):
            mo = _clause_end(text, mo.start() + 2, hi)
        for _ in range(3):
            if mo is None or text[mo.start()] != ";" or not SEMICOLON_GOES_ON.match(text, mo.start(), hi) \
                    or lemma not in _speech_lemmas():
                break
            # "said they had spoken out at hearings; helped marshal protesters; and put together ...": after a verb
            # of speech a semicolon before a lower-case word goes on with the reported clause (PolNeAR train, speech
            # cues: 17 contents go on over it, 8 end there; other cues end there more often)
            mo = _clause_end(text, mo.start() + 1, hi)
    if mo is not None and text[mo.start():mo.start() + 1] == "," and (ml := LIST_ITEM.match(text, mo.start(), hi)):
        mo = OBJ_END.search(text, ml.end() - 1, hi) if comp == "object" and not mt else _clause_end(text, ml.end() - 1, hi)
    c_e = mo.start() if mo else hi
    if mt is None and text.find("to", c_s, c_e) >= 0 and (mi := TO_INFINITIVE_EARLY.match(text, c_s, c_e)):
        # "urged the party to coalesce around them and tried to make the case": a past tense does not go on
        # with an infinitive, it is the narrator's next verb. A reported clause with a finite verb of its own
        # before the "to" is no infinitive phrase: its subject does the coordinated verb ("said the board had paid
        # heed to the critics but voted to go ahead"), unless that verb is one of saying ("but added ...")
        mc = COORDINATED_PAST.search(text, c_s, c_e)
        if mc is not None and (AUX_WORDS.isdisjoint(WORD.findall(text, c_s, min(mc.start(), text.rfind("to", c_s, mi.end()))))
                               or _speech_form(mc.group().split()[-1])):
            c_e = mc.start()
    if mt is None:
        # (a noun phrase of five words at most comes before the "and": only its first characters are searched)
        whole = comp == "object" or text.startswith("to ", c_s)
        end = c_e if whole or c_e - c_s <= NP_CONTENT_MAX else c_s + NP_CONTENT_MAX
        if (" and " in (head := text[c_s:end]) or " but " in head) \
                and (mc := COORDINATED_AUX.search(text, c_s, end)) is not None and _at_least(1, text, c_s, mc.start()) \
                and (whole or _noun_phrase(text, c_s, mc.start())) \
                and not PREPOSITION_START.match(text, c_s, mc.start()):  # ("voted on March 2 and is ...": a time)
            c_e = mc.start()
            while c_e > c_s and text[c_e - 1] in " ,—–-":  # ("calls it X, and has made ...")
                c_e -= 1
    if comp in ("object", "any"):
        # (one search finds a medium or a time phrase: a time phrase first is tried first, "criticized the deal on
        # Tuesday in a statement"; a search for each would cost twice)
        mm = NP_TAIL.search(text, c_s, c_e)
        if mm is not None and MEDIUM_TAIL.match(text, mm.start(), c_e) is None:
            if (np_end := _np_before_tail(text, c_s, c_e, mm)) > 0:
                c_e, mm = np_end, None  # "endorsed the governor last week", "criticized the deal in March": when
            else:
                mm = MEDIUM_TAIL.search(text, mm.end(), c_e)
        if mm is not None and _at_least(1, text, c_s, mm.start()) and not _medium_modifier(text, mm.end()):
            c_e = mm.start()
    elif mt is None and comp != "to" and (np_end := _np_tail_start(text, c_s, c_e)) > 0:
        # a clause cue with a noun phrase for its content: "claimed victory in a tweet", "announced his candidacy
        # in June 2015": the medium or time phrase after the noun phrase is how or when it was said
        c_e = np_end
    elif mt is None and comp != "to" and lemma != "say" and lemma in _speech_lemmas() \
            and (np_end := _np_adjunct_start(text, c_s, c_e)) > 0:
        # a verb of speech whose noun-phrase content has a longer tail: "tweeted his photos of the crowd as he
        # waited outside", "pledged her vote to Smith recently in an effort to ..." ("say" reports a clause: its
        # noun phrase after the cue is most often the clause's subject; verbs of belief or evidence take clauses)
        c_e = np_end
    elif mt is None and lemma != "say" and text.startswith("to ", c_s) and lemma in _speech_lemmas() \
            and (to_end := _infinitive_adjunct_start(text, c_s, c_e)) > 0:
        # an infinitive content of a verb of speech ends at the narrator's time phrase: "vowed to rebuild the party
        # in the wake of the defeat" (PolNeAR train, with the comma form in _np_adjunct_start: speech-cue +1 even, +2 odd)
        c_e = to_end
    elif _may_hold_shares(text) and lemma not in _evidence_lemmas():
        if _share_words(text[c_s:c_e]):
            ms = SHARE_CLAUSE.search(text, c_s, c_e)
            if ms is None and (mr := SHARE_REPORT.search(text, c_s, c_e)) is not None and mr.group(1) in cue_table():
                ms = mr
            if ms is not None:
                c_e = ms.start()
    # "dismissed her charges by pointing out that ...", "attacked the senator by reminding voters that ...": the
    # means phrase after a cue's object tells how the speaker did it, often with a report of its own; the object
    # is the content (not after a clause or gerund inside the object, which the phrase may belong to: "concerns
    # that he is defying his voters by backing her", "what she learned by teaching", "breaking the ceiling by
    # winning")
    if comp == "object" and mt is None and " by " in text[c_s:c_e] and not text.startswith("to ", c_s) \
            and (mb := BY_MEANS.search(text, c_s, c_e)) is not None and _at_least(1, text, c_s, mb.start()) \
            and not text.endswith("ing", c_s, text.find(" ", c_s)) and OBJECT_CLAUSE.search(text, c_s, mb.start()) is None:
        c_e = mb.start()
    if text.find(" (", c_s, c_e) >= 0:
        c_e = _before_reporting_parenthesis(text, c_s, c_e, hi)
    if text.find("anonymity", c_s, c_e) >= 0 and (ma := ANONYMITY_TERMS.search(text, c_s, c_e)) is not None \
            and _at_least(1, text, c_s, ma.start()):
        c_e = ma.start()  # "confirmed the meeting on the condition of anonymity": how the source spoke, not what
    md = _dash_tail(text, c_s, c_e)
    if md is not None and _dash_tail(text, md.end(), hi) is None and _at_least(2, text, c_s, md.start()) \
            and not DASH_GOES_ON.match(text, md.end(), hi) \
            and not (lemma == "say" and text.startswith("and ", md.end())):
        c_e = md.start()  # a single dash after the content opens the narrator's aside; a pair sets off an inner one
    elif md is not None and (close := _dash_tail(text, md.end(), c_e)) is not None \
            and _at_least(2, text, c_s, md.start()) and _report_after_aside(text, close.end(), c_e):
        c_e = md.start()  # a subject and verb of saying after the pair: the aside closed the content's clause
    c_s, c_e = _strip(text, c_s, c_e)
    if text[c_e - 1:c_e] in ("—", "–", "-"):
        c_e = _drop_dangling_dash(text, c_s, c_e)
    # (a word character first, as most contents have, is a word without the regex: \w is isalnum() or "_")
    if not (c_s < c_e and text[c_s].isalnum() or WORD.search(text, c_s, c_e)):
        return None
    if text[c_s].isupper() and (mh := TITLE_CLAUSE_END.search(text, c_s + 1, c_e)) is not None \
            and title_case_line(text, text.rfind("\n", 0, c_s) + 1):
        # a headline in title case capitalises its subordinators: "Clinton Says No To Fox News As Sanders Turns Up
        # The Heat", "Sharpton Said Something Unexpected About Trump – It Might Surprise You"
        c_e = _strip(text, c_s, mh.start())[1]
    if ", " in text[c_s:c_e] and (ms := _summative_appositive().search(text, c_s, c_e)) is not None \
            and _at_least(2, text, c_s, ms.start()):
        c_e = ms.start()  # "to resign, a decision which he refused to consider": the narrator's comment on it
    if (text.find(", as ", c_s, c_e) >= 0 or text.find(", any ", c_s, c_e) >= 0) \
            and (ma := COMPARISON_TAIL.search(text, c_s, c_e)) is not None and _at_least(2, text, c_s, ma.start()):
        c_e = ma.start()  # "said he does not do them publicly, as was the case with ...": the narrator's comparison
    if mt is None and text[c_s:c_s + 3] == "so " and SO_PROFORM.match(text, c_s + 2, c_e):
        c_e = c_s + 2  # "after half said so in the earlier poll": "so" stands for the content, the rest is a time
    if lemma in AUDIENCE_LEMMAS and not mt:
        if not word_list("audience_nouns.txt").isdisjoint(HEAD_WORD.findall(text[c_s:c_s + 50].lower())[:5]):
            return None  # "will address the convention" ("addressed voters' worries" has a topic)
    # "said at the time", "explained with a smile": an adverbial, not a content
    if text[c_s:c_s + 1] in PREPOSITION_FIRST and PREPOSITION_START.match(text, c_s, c_e) \
            and not text.startswith(("about", "for"), c_s) \
            and not _at_least(5, text, c_s, c_e):
        return None
    if mt is None and text.startswith(LEAD_WORDS, c_s):
        if text.startswith(("about ", "for "), c_s):
            c_s = text.index(" ", c_s) + 1  # "complained about the delays": the preposition goes with the cue
        else:
            ma = AMOUNT_ABOUT.match(text, c_s, c_e)  # "said little about how", "said almost nothing about X"
            if ma is not None:
                c_s = ma.end()
        if not WORD.search(text, c_s, c_e):
            return None  # the content was only the preposition or amount
    return c_s, c_e


def _event_participle_end(text: str, c_s: int, mo: re.Match, hi: int) -> re.Match | None:
    """The clause end after a participle phrase that goes on with the reported clause text[c_s:mo.start()]
    (EVENT_PARTICIPLE), else `mo` itself."""
    mp = EVENT_PARTICIPLE.match(text, mo.start(), hi)
    if mp is None or mp.group(1) in cue_table() or MODAL.search(text, c_s, mo.start()) is not None:
        return mo
    return _clause_end(text, mp.end(), hi)


@lru_cache(maxsize=1)
def _summative_appositive() -> re.Pattern:
    """A comma, then a noun summing up the clause before it (summative_nouns.txt) with "that"/"which": "..., a
    charge that officials denied", "..., stances that he has since changed"."""
    nouns = word_alternation("summative_nouns.txt")
    return rx.compile(r",\s+(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?(?:" + nouns + r")\s+(?:that|which)\b")


def _share_words(s: str) -> bool:
    """Whether s holds a word SHARE_CLAUSE needs: "percent", "%" or " in " before a number ("one in four")."""
    return "percent" in s or "%" in s or " in " in s and (
        " in 1" in s or " in four" in s or " in five" in s or " in three" in s or " in ten" in s)


@lru_cache(maxsize=1)
def _may_hold_shares(text: str) -> bool:
    """_share_words(text), computed once per article text (_content_right asks for every cue)."""
    return _share_words(text)


# (the attribution may go on with an addressee or an adverbial: "the pope told reporters, according to Reuters")
ACCORDING_AFTER = rx.compile(r"(?:(?![.!?]\s+[A-Z])[^;:“”\"\n]){0,60},\s*")
SOURCE_END = rx.compile(r"[,;:.!?]\s|[;:!?]|\.$|[.,]?[”\"]")


def _source_phrase(text: str, pos: int, hi: int) -> Mention | None:
    """The source phrase after "according to" at `pos`, up to the next comma or the sentence end."""
    end = SOURCE_END.search(text, pos, min(hi, pos + 200))
    s_s, s_e = _strip(text, pos, end.start() if end else min(hi, pos + 200))
    if not WORD.search(text, s_s, s_e):
        return None
    m = mention_after(text, s_s, s_e)
    return Mention(s_s, s_e, m.type if m is not None else "organisation")


# after "..., according to X," words that go on with the content, not an appositive or relative clause of the source
# ("according to Smith, a spokeswoman", "according to data from the agency, which")
SOURCE_THEN_CONTENT = rx.compile(r"\s+(?!(?:an?|the|who|whom|which|whose|where|when|and|or|said|says|in|on|at|of|for|from"
                                 r"|with|by|as|its|his|her|their|including|like|such|both)\b)[a-z\d$]")
# the opening of a sentence's last phrase or clause before a closing "according to X"
LAST_CLAUSE = rx.compile(r",\s+(?:with\s+|(?=(?:who|which)\s))")


# words that open a clause right before a set-off "according to X," ("that, according to", "because, according to")
REPORTED_CLAUSE_OPENERS = (" that", " whether", " after", " before", " because", " since", " when", " while",
                           " although", " though", " if", " until", " unless")


# words after a dash-set aside that go on with the content's own clause, not a new subject: a preposition or
# infinitive ("- to make sure ..."), a wh-word or complementizer ("- why they did not respond")
ASIDE_GOES_ON = word_list("aside_continuers.txt")
ASIDE_REPORT_WINDOW = 60  # characters: a subject of four words and a verb of saying after the closing dash


ASIDE_MIN = 8  # characters: a mention shorter than "x - y - z" holds no dash-set aside


def _after_dash_aside(text: str, m: Mention) -> Mention:
    """A speaker mention cut to its words after the closing dash of an aside it crossed ("said he slept too little - an
    old complaint - others say ...", whose walk gave "slept too little - an old complaint - others"): an aside set off
    by a pair of dashes closes the clause before it, and the new subject comes after it."""
    if (first := _dash_tail(text, m.start, m.end)) is None or (close := _dash_tail(text, first.end(), m.end)) is None:
        return m
    start = close.end()
    while start < m.end and text[start].isspace():
        start += 1
    return Mention(start, m.end, m.type) if start < m.end else m


def _report_after_aside(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi], right after the closing dash of an aside inside a content, opens a report of its own: a
    subject of its own and an active verb of saying within five words ("said the senator would look fitter if he
    ate less - an old joke - others say he never looked better", "found no proof that he broke in - despite his claim
    that he did - though he admitted ..."); not a passive ("- he was criticized"), no coordinated verb of the same
    subject ("- but said ..."), no relative clause on the noun before the aside ("the change - a word many used -
    Smith spoke of was real": a finite verb right after the cue)."""
    first = FIRST_WORD.match(text, lo).group().lower()  # (the closing dash's match ends on the next word)
    if first in ASIDE_GOES_ON or first in vocab()["prepositions"]:
        return False
    # (the cue comes within five words: a window of that many characters is searched, not the rest of the content)
    cues = find_cues(text[lo:min(hi, lo + ASIDE_REPORT_WINDOW)])
    if not cues or cues[0][3] != "speech" or cues[0][4] == "noun" or _at_least(5, text, lo, cs := lo + cues[0][0]) \
            or PASSIVE_BEFORE.search(text, max(lo, cs - 12), cs):
        return False
    after = lo + cues[0][1]
    if (prep := FIRST_WORD.match(text, after + 1)).group().lower() in vocab()["prepositions"]:
        after = prep.end()  # ("Smith spoke of was real")
    # (the walk may stop on a lone lower-case word before the cue, "or denouncing", "very threatened": no subject)
    return GAP_VERB.match(text, after) is None and (m := mention_before(text, cs, lo)) is not None and m.start >= lo \
        and not (m.type == "title" and text[m.start:m.end].isalpha() and text[m.start:m.end].islower())


def _reports_itself(clause: str) -> bool:
    """Whether a clause holds a verb of saying of its own ("Weaver says ...", "the campaign announced that ...")."""
    return any(c[3] == "speech" and c[4] != "noun" for c in find_cues(clause))


def _according_to(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], Mention] | None:
    """`According to X, CONTENT` or `CONTENT, according to X`: the source is the whole phrase after the cue."""
    cs, ce = cue[0], cue[1]
    # a colon or semicolon earlier in the sentence starts the clause: "It hasn't gone unnoticed: According to ..."
    colon = max(text.rfind(":", lo, cs), text.rfind(";", lo, cs))
    if colon >= 0 and not (text[colon - 1:colon].isdigit() and text[colon + 1:colon + 2].isdigit()):  # not "10:03"
        lo = colon + 1
    head = text[lo:cs]
    comma = text.find(",", ce, hi)
    if comma > 0 and head.rstrip(" ,").endswith(REPORTED_CLAUSE_OPENERS) and _at_least(3, text, comma, hi):
        # "The AP reported that, according to an analysis, 85 of the meetings were ...", "He left after, according
        # to him, the network censured his report": the source is set off inside a reported or adverbial clause,
        # whose rest is the content
        s_s, s_e = _strip(text, ce, comma)
        c_s, c_e = _strip(text, comma + 1, hi)
        while c_e > c_s and text[c_e - 1] in ".!?":
            c_e -= 1
    elif WORD.search(head) and comma > 0 and (MID_PARENTHETICAL.match(text, comma, hi)
                                              or CLAUSE_AFTER_SOURCE.match(text, comma, hi)):
        # "At the heart of the trouble, according to Dennis Ross, was a decision ...": the content is the
        # clause around the parenthetical source
        s_s, s_e = _strip(text, ce, comma)
        c_s, c_e = _strip(text, lo, hi)
        while c_e > c_s and text[c_e - 1] in ".!?":
            c_e -= 1
    elif WORD.search(head) and comma > 0 and SOURCE_THEN_CONTENT.match(text, comma + 1, hi) \
            and CLAUSE_END_AT_PUNCT.match(text, comma, hi) is None:
        # "G4S receives, according to one report, $234 million in contracts from DHS": the source ends at its comma
        # and the content goes on after it to where a content ends (not when a clause of the narrator's follows:
        # "..., according to the Labor Department, taking a step toward", "..., although")
        s_s, s_e = _strip(text, ce, comma)
        mo = _clause_end(text, comma + 1, hi)
        c_s, c_e = _strip(text, lo, mo.start() if mo is not None else hi)
        while c_e > c_s and text[c_e - 1] in ".!?":
            c_e -= 1
    elif WORD.search(head):  # "..., according to X."
        s_s, s_e = _strip(text, ce, hi)
        while s_e > s_s and text[s_e - 1] in ".,;:":
            s_e -= 1
        c_s, c_e = _strip(text, lo, cs)
        c_e = c_e - 1 if c_e > c_s and text[c_e - 1] == "," else c_e
        last = None
        for last in LAST_CLAUSE.finditer(text, c_s, c_e):
            pass
        if last is not None and _at_least(3, text, last.end(), c_e) \
                and (last.group().rstrip().endswith("with") or _reports_itself(text[c_s:last.start()])):
            # "a cash generator for Fox, with $1.6 billion in profit, according to X", "Weaver says the streak is
            # proof they can close the gap in delegates, which stood at 263, according to X": the source vouches
            # for the last phrase only (a closing relative clause goes with its main clause otherwise: "to mourn
            # his mother, who died four days before the crash, according to the AP")
            c_s = last.end()
    else:  # "According to X, ..."
        comma = text.find(",", ce, hi)
        if comma < 0:
            return None
        s_s, s_e = _strip(text, ce, comma)
        c_s, c_e = _strip(text, comma + 1, hi)
    if s_e <= s_s or c_e <= c_s or not WORD.search(text, s_s, s_e) or not WORD.search(text, c_s, c_e):
        return None
    m = mention_after(text, s_s, s_e)
    return (c_s, c_e), Mention(s_s, s_e, m.type if m is not None else "organisation")


# "As The Washington Post reported, CONTENT" / "CONTENT, as David Dayen noted." (speaker and adverbs between)
AS_OPENING = rx.compile(r"\s*(?:(?:[Aa]nd|[Bb]ut|[Yy]et|[Ss]o)\s+)?[Aa]s\s+(?:[\w’'.-]+\s+){1,6}$")
AS_CLOSING = rx.compile(r",\s*as\s+(?:[\w’'.-]+\s+){1,6}$")


# "As reported by Western Journalism, CONTENT" / "CONTENT, as first reported by Politico." (passive: source after "by")
AS_PASSIVE_OPENING = rx.compile(r"\s*(?:(?:[Aa]nd|[Bb]ut)\s+)?[Aa]s\s+(?:[a-z]+ly\s+|first\s+)?$")
AS_PASSIVE_CLOSING = rx.compile(r",\s*as\s+(?:[a-z]+ly\s+|first\s+)?$")


def _as_passive(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], Mention] | None:
    """`As reported by X, CONTENT` / `CONTENT, as reported by X.`: the source is the agent after "by"."""
    cs, ce = cue[0], cue[1]
    by = BY_AGENT.match(text, ce, hi)
    if by is None:
        return None
    m = mention_after(text, by.end(), hi)
    if m is None:
        return None
    if AS_PASSIVE_OPENING.fullmatch(text, lo, cs):
        span = _after_as_clause(text, m.end, hi)
    else:
        k = text.rfind(",", max(lo, cs - 20), cs)
        if k < 0 or AS_PASSIVE_CLOSING.fullmatch(text, k, cs) is None or not _short_tail(text, m.end, hi):
            return None
        span = _as_content(text, lo, k)
    return (span, m) if span is not None else None


def _as_source(text: str, cue: tuple, lo: int, hi: int) -> tuple[int, int] | None:
    """The content of a source in an "as" clause: the main clause after "As X reported," or the clause
    before ", as X noted." (the "as" clause itself reports nothing else)."""
    cs, ce = cue[0], cue[1]
    if AS_OPENING.match(text, lo, cs):
        return _after_as_clause(text, ce, hi)
    m = AS_CLOSING.search(text, max(lo, cs - 80), cs)
    if m is None or text.find(",", ce, hi) >= 0 or not _short_tail(text, ce, hi) \
            or text.startswith(":", _last_index(text, hi)):
        return None
    return _as_content(text, lo, m.start())


def _after_as_clause(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The main clause after an opening "as" clause that ends at the first comma after pos (at most AS_TAIL
    words between: "As Menendez pointed out, ..."), or None."""
    comma = text.find(",", pos, hi)
    if comma < 0 or _at_least(AS_TAIL, text, _skip_adverbials(text, pos, comma), comma):
        return None
    return _as_content(text, comma + 1, hi)


def _as_content(text: str, s: int, e: int) -> tuple[int, int] | None:
    """text[s:e] without surrounding space and final periods, when it holds at least two words."""
    c_s, c_e = _strip(text, s, e)
    while c_e > c_s and text[c_e - 1] in ".":
        c_e -= 1
    return (c_s, c_e) if _at_least(2, text, c_s, c_e) else None


# a participle clause opening the sentence: "Noting that ..., Trump said", "After suggesting that ..., Mr. Rubio",
# "In addition to stating that ..., Clinton has vowed", "Having announced that ..., Judge Berman proceeded"
OPENING_PARTICIPLE = rx.compile(r"[\s\"“‘'(]*(?:(?:After|Before|While|When|Since|By|Upon|On|In|Without|Despite|Besides"
                                r"|Instead\s+of|In\s+addition\s+to|Even\s+after|Even\s+while|Even\s+as|Shortly\s+after"
                                r"|Just\s+after|Having"
                                # a span of time before the subordinator: "One month after announcing ...,", "Days before
                                # leaving office,"
                                r"|(?:(?:A|An|One|Two|Three|Four|Five|Six|Several|A\s+few|\d+)\s+(?:minutes?|hours?|days?"
                                r"|weeks?|months?|years?)|Minutes|Hours|Days|Weeks|Months|Years|Moments)\s+(?:after|before))\s+)?")
# the main clause after the participle clause: its subject then a verb, an apposition or a parenthesis
MAIN_VERB = rx.compile(r"(?:\s+(?:has|have|had|is|are|was|were|will|would|could|should|may|might|can|must|did|does|do"
                       r"|also|not|never|later|then|still|again|just|even|only|once|already|often|\w+ly|\w+n[’']t))*"
                       r"\s+[a-z][a-z’'-]+\b|\s*,\s*(?:who|a|an|the)\b|\s*\(")


def _participle_clause(text: str, cue: tuple, hi: int) -> tuple[tuple[int, int], Mention] | None:
    """`Noting that ISIS profits from oil, Trump said ...`: the content runs to the comma that opens the main
    clause, whose subject is the speaker."""
    ce, lemma, comp = cue[1], cue[2], cue[4]
    c = text.find(",", ce, hi)
    for _ in range(4):
        if c < 0:
            return None
        m = mention_after(text, c + 1, hi)
        if m is not None and m.type != "evidence" and not text[c + 1:m.start].strip() \
                and text[m.start:m.end].lower() not in RELATIVE_PRONOUNS and MAIN_VERB.match(text, m.end, hi):
            span = _content_right(text, ce, c, lemma, comp)
            return (span, m) if span is not None else None
        c = text.find(",", c + 1, hi)
    return None


# a possessive right before a reporting noun: "his", "Trump’s", "the judges’", "their repeated"
POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'", "his", "His", "its", "Its", "her", "Her", "eir", "our", "Our", " my", "My")
# (not a contraction: "he’s said", "it’s expected", "let’s assume")
_POSSESSOR = (r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)|\b(?!(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho|[Ww]hat|[Ll]et|[Hh]ere"
              r"|[Ww]here)[’'])\w+(?:’s|'s)|\ws[’'])")
POSSESSIVE_BEFORE = rx.compile(_POSSESSOR + r"\s+$")
POSSESSIVE_WORDS = rx.compile(_POSSESSOR + r"(?:\s+[a-z][\w-]*){0,2}\s+$")
FROM_SOURCE = rx.compile(r"\s+from\s+")
# ("That" is capitalised in a headline in title case: "Clinton’s Claim That Trump Is In ISIS Videos")
NOUN_COMPLEMENT = rx.compile(r"\s*(?:([Tt]hat)\b|(to)\s|([Oo]f|[Ff]or|[Aa]bout|[Oo]n|[Aa]gainst|[Oo]ver|supportive\s+of|critical\s+of"
                             # a participle taking the content: "released a report detailing X", "statements deploring X"
                             r"|(?!during\b|being\b|according\b|including\b)[a-z]{3,}ing|in\s+(?:opposition\s+to|support\s+of"
                             r"|response\s+to|defense\s+of|praise\s+of))\s+|(:))")
CUE_PREPOSITION = rx.compile(r"\s(?:for|to|on|about|of)$")


def _verb_context(text: str, cs: int, ce: int, lo: int) -> bool:
    """A reporting noun read as a verb after an infinitive marker, a modal or a subject pronoun ("to call into
    question", "would comment on"; a plural only after a singular subject: "he requests", not "to suggestions")."""
    vc = VERB_CONTEXT.search(text, max(lo, cs - 12), cs)
    return vc is not None and (not text.endswith("s", cs, ce) or vc.group().split()[0].lower() in ("he", "she", "who"))


def _noun_candidate(text: str, cue: tuple) -> bool:
    """Cheap test that a reporting noun may have a source: a possessive letter before it ("his", "Trump’s"),
    "from" or "that" after it, or a light verb ("made", "issued") shortly before it."""
    cs, ce = cue[0], cue[1]
    return text.startswith((" from ", " that "), ce) or OBJECT_PRONOUN_AFTER.match(text, ce) is not None \
        or LIGHT_OR_POSSESSIVE.search(text, max(0, cs - 40), cs) is not None


def _possessed(text: str, cue: tuple, lo: int) -> bool:
    """A cue word right after a possessive ("his warning", "Trump’s calls") is a noun."""
    cs = cue[0]
    # (a test of the word's last letters first: "his", "her", "their", "my", "Trump’s", "judges’")
    return cs - 4 >= lo and text[cs - 1] == " " and text[cs - 4:cs - 1].endswith(POSSESSIVE_ENDINGS) \
        and not text.endswith("ed", cs, cue[1]) and POSSESSIVE_BEFORE.search(text, max(lo, cs - 24), cs) is not None


def _noun_cue(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], Mention | None] | None:
    """A reporting noun with its source and content: `his stern warning that CONTENT`, `Trump’s comments on
    CONTENT`, `complaints from SOURCE that CONTENT`, `her promise to CONTENT`."""
    cs, ce, lemma = cue[0], cue[1], cue[2]
    speaker = None
    # a verb-like form ("claims", "calls") is a noun only right after the possessive; a noun may take
    # adjectives between ("his stern warning")
    poss = (POSSESSIVE_WORDS if cue[4] == "noun" else POSSESSIVE_BEFORE).search(text, max(lo, cs - 40), cs)
    if poss is not None:
        word = WORD.match(text, poss.start(), poss.end())
        if word is not None and word.group().lower() in ("his", "her", "their", "its", "our", "my"):
            speaker = Mention(poss.start(), poss.start() + len(word.group()), "pronoun")
        else:
            apos = max(text.rfind("’", poss.start(), poss.end()), text.rfind("'", poss.start(), poss.end()))
            name = NAME_BEFORE.search(text, max(lo, apos - 80), apos)  # "joined Pence’s call": Pence only
            speaker = Mention(name.start(), apos, "person") if name is not None else mention_before(text, apos, lo)
    pos = ce
    src = FROM_SOURCE.match(text, pos, hi)
    if src is not None:
        m = mention_after(text, src.end(), hi)
        if m is not None:
            speaker = speaker or m
            pos = m.end
            if text.startswith(",", pos):  # "from her opponents, Sen. Bernie Sanders and ..., to break up"
                close = text.find(",", pos + 1, hi)
                pos = close + 1 if close > 0 and NOUN_COMPLEMENT.match(text, close + 1, hi) else pos
    if speaker is None and cue[4] == "noun" and (light := LIGHT_VERB_BEFORE.search(text, max(lo, cs - 40), cs)):
        # "Trump has made several statements on X", "Sanders released a statement in opposition to X": the
        # subject of the light verb speaks
        speaker = mention_before(text, light.start(1), lo)
        if speaker is None and text[light.start(1):light.end(1)].split()[0].endswith("ing") \
                and text[lo:light.start(1)].rstrip().endswith(","):
            # a participle clause: "The campaign backtracked, putting out a statement ...": its subject speaks
            speaker = _subject_np(text, lo, light.start(1))
        if speaker is not None and text[speaker.start:speaker.end].lower() in RELATIVE_PRONOUNS[1:]:
            speaker = None
    pos = _skip_adverbials(text, pos, hi)  # "his remarks on Tuesday night but ..." has no content
    if CUE_PREPOSITION.search(text, cs, ce):  # the cue phrase ends in its preposition: "Pence’s call for"
        kind, start = "object", pos
    else:
        comp = NOUN_COMPLEMENT.match(text, pos, hi)
        if comp is None:
            return None
        kind = "that" if comp.group(1) else "to" if comp.group(2) else "object" if comp.group(3) else "colon"
        start = pos if kind in ("that", "to") else comp.end()
        if kind == "to" and NOT_INFINITIVE.match(text, comp.end(), hi):
            return None  # "his address to the Senate", "a letter to Obama": an addressee, not an infinitive
    if speaker is None and not (kind == "that" and cue[4] == "noun"
                                and lemma in word_list("noun_that_lemmas.txt")):
        # with no source a noun reports only a that-clause: "Despite complaints that he is a crusader"
        return None
    if kind in ("that", "colon"):
        end = hi
        if PREPOSITION_OPENING.match(text, lo, cs) and text.find(",", lo, cs) < 0:
            # "Despite complaints that he is a crusader, Mr. Sanders has ...": the phrase ends at its comma
            comma = text.find(",", start, hi)
            end = comma if comma > 0 else hi
        span = _content_right(text, start, end, lemma, "clause")
    else:
        # a noun's object or infinitive ends its noun phrase at the next comma: "Like his comments about
        # Mr. Curiel, Mr. Graham said, ..."
        comma = NOUN_PHRASE_END.search(text, start, hi)
        if comma is not None and (ml := LIST_ITEM.match(text, comma.start(), hi)):
            comma = NOUN_PHRASE_END.search(text, ml.end(), hi)
        span = _content_right(text, start, comma.start() if comma else hi, lemma, kind)
        if span is not None and kind == "object":
            span = (span[0], _noun_object_end(text, *span))
    return (span, speaker) if span is not None else None


NOT_INFINITIVE = rx.compile(r"(?:(?:the|a|an|his|her|their|its|our|my)\b|[A-Z])")
# a reporting noun with its object may be the subject of the sentence, whose verb ends that object: "Kerry’s
# announcement of this increased number came during ...", "A German warning about a new world war serves as ..."
# (an auxiliary, or a verb of noun_subject_verbs.txt)
NOUN_SUBJECT_VERB = rx.compile(r"(?:\s(?:also|still|now|already|[a-z]+ly)\b)?\s(?:is|was|are|were|has|have|had|will"
                               r"|would|could|can|should|may|might|must|" + ordered_alternation("noun_subject_verbs.txt")
                               + r")\b")
RELATIVE_OR_SUBJECT = frozenset(("who", "which", "that", "whom", "whose", "where", "when", "he", "she", "they", "it",
                                 "we", "i", "you", "there", "what", "how", "why", "whether", "if"))


def _noun_object_end(text: str, s: int, e: int) -> int:
    """Where a reporting noun's object text[s:e] ends at the sentence's own verb (a verb after a relative word or
    a pronoun is that clause's, not the sentence's)."""
    mv = NOUN_SUBJECT_VERB.search(text, s, e)
    if mv is None:
        return e
    words = WORD.findall(text[s:mv.start()].lower())
    # ("his claim this is a tax proposal": a demonstrative before the verb is its subject)
    if not words or words[-1] in ("this", "these", "those") or not RELATIVE_OR_SUBJECT.isdisjoint(words):
        return e
    return _strip(text, s, mv.start())[1]


def _subject_participle_end(text: str, m: Mention, lo: int, c_s: int, c_e: int) -> int:
    """Where the content of a participle right after the sentence's subject ends: at the sentence's own verb ("A
    petition calling on him to be banned has reached 563,000 signatures", "The share of voters saying X is as
    high as ..."): the participle phrase is inside the subject."""
    if text[lo:m.start].strip(" \t\"“‘'") or m.type == "pronoun":
        return c_e  # (the speaker does not open the sentence: "..., with Trump saying X" is another shape)
    return _noun_object_end(text, c_s, c_e)


NOUN_PHRASE_END = rx.compile(r"[;:—–()]|,(?!\d)|\s-\s")  # (not the comma of "7,000 soldiers")
NAME_BEFORE = rx.compile(r"(?<![\w.’'-])(?:[A-Z][\w.&’'-]*\s+){0,4}[A-Z][\w.&-]*$")
# a verb that makes a reporting noun its act: "made several statements", "released a statement", "issued warnings"
# (light_verbs.txt; its object's determiner and up to three modifiers: "made favorable comments", "released a scathing
# report", "has made harder-to-argue cases", "Makes Strong Statement")
LIGHT_VERB_BEFORE = rx.compile(r"\b(" + light_verb_pattern() +
                               r")(?:\s+(?:a|an|the|his|her|their|its|several|many|some|no|new))?(?:\s+[A-Za-z][\w-]*){0,3}?\s+$")
# (a participle after a light verb's object is no noun: "made their feelings known", "sent a release saying")
PARTICIPLE_ENDINGS = ("ing", "ed", "wn", "en", "lt", "id", "ld", "ght")
# (after a light verb (light_verbs.txt) and a determiner a verb form is a noun: "issued a tweet about", "delivered a
# forceful promise to")
LIGHT_VERB_DETERMINER = rx.compile(r"\b" + light_verb_pattern() + r"\s+(?:a|an|the|his|her|their|its|no)"
                                   r"(?:\s+[a-z][\w-]*){0,2}\s+$")
PREPOSITION_OPENING = rx.compile(r"[\s\"“]*(?:Despite|After|Amid|Given|Like|Unlike|With|Without|Following|Before|Since|Against"
                                 r"|Over|Under|In\s+response\s+to|In\s+the\s+face\s+of)\b")
OBJECT_PRONOUN_AFTER = rx.compile(r"\s+(?:him|her|it|them|themselves|himself|herself|me|us)\b")
# (a possessive, or the first word of a light verb as a prefix: every match of LIGHT_VERB_BEFORE begins with one, so
# this cheap test admits every noun a light verb can give a source; "making", missed by the old hand-written stems,
# now passes)
LIGHT_OR_POSSESSIVE = rx.compile(r"\b(?:" + light_verb_pattern(first_words=True) + r"|[Hh]is\s|[Hh]er\s"
                                 r"|[Tt]heir\s|[Ii]ts\s|[Oo]ur\s|[Mm]y\s)|[’']s?\s")


# a determiner or preposition before "call(s) for" makes it a noun ("a call for", "amid calls for"; not after "with",
# where the verb before reports it with its subject: "opened with a call for")
NOUN_CALL_BEFORE = rx.compile(r"(?<!with\s)\b(?:a|the|amid|despite|new|renewed|growing|repeated)\s$")
SELF_LABEL_END = rx.compile(r"[,;:.()—–\n]|\s(?:who|that|which|and|but|in|of|from|at|with|is|was|has|had|said|says)\b")


# "a company called Cambridge Analytica", "a website called “Cape Breton If Donald Trump Wins“": after an indefinite
# noun phrase "called" and a name is a reduced relative that names the thing (the verb of "A spokesman called it X" is
# followed by its object, not by a name); the name is capitalised words (with "of", "for", "de", "and" between) or
# a quoted title
_NOT_MODIFIER = r"(?!(?:after|before|when|while|since|that|who|which|and|or|but|of|for|to|in|on|at|by|with|from|as|day|week|month|year|time)\b)"
NAMED_NOUN_BEFORE = rx.compile(r"(?<![\w’'-])[Aa]n?\s+(?:" + _NOT_MODIFIER + r"[\w’'-]+\s+){0,3}?" + _NOT_MODIFIER
                               + r"[a-zA-Z][\w-]*\s$")
# (an article, quote or adverb after the name makes it the object of the verb: "A spokesman called Trump a liar")
OBJECT_COMPLEMENT_AFTER = rx.compile(r"\s+(?:a|an|the|[“\"]|[a-z]+ly\b)")
NAME_AFTER_CALLED = rx.compile(r"\s(?:the\s+)?(?:[“\"][^”“\"\n]{1,80}[”“\"]"
                               r"|[A-Z][\w.&’'-]*(?:\s+(?:(?:of|for|de|and|the)\s+)?[A-Z0-9][\w.&’'-]*){0,6})")


def _named_called(text: str, cs: int, ce: int, lo: int, hi: int) -> tuple[tuple[int, int], None] | None:
    """`a group called NAME`: the noun phrase with its name, annotated with no source, or None."""
    name = NAME_AFTER_CALLED.match(text, ce, hi)
    if name is None:
        return None
    w = max(lo, cs - 60)
    if text.find("a ", w, cs) < 0 and text.find("an ", w, cs) < 0 and text.find("A", w, cs) < 0:
        # (no article before it: most "called X" have a subject, "Trump called Clinton a liar")
        return None
    det = NAMED_NOUN_BEFORE.search(text, w, cs)
    if det is None or OBJECT_COMPLEMENT_AFTER.match(text, name.end(), hi):
        return None
    c_s, c_e = _strip(text, det.start(), name.end())
    return ((c_s, c_e), None) if c_e > c_s else None


ASIDE_OPENING = rx.compile(r",\s*(?:as\s+)?$")  # an aside's opening comma before its subject: ", the singer", ", as he"
ASIDE_CLOSING = rx.compile(r",[”\"’']?\s+([a-z]+)\b")  # its first comma and the word after it


def _indirect(text: str, cue: tuple, lo: int, hi: int, find_speaker) -> tuple[tuple[int, int], Mention] | None:
    """Content span and speaker of the attribution a cue introduces in its sentence text[lo:hi], or None."""
    cs, ce, lemma, ctype, comp = cue
    if ctype == "according_to":
        return _according_to(text, cue, lo, hi)
    if lemma == "call" and text.startswith("called ", cs) and (named := _named_called(text, cs, ce, lo, hi)):
        return named
    if lemma == "call for" and text.startswith(("call for", "calls for"), cs) \
            and NOUN_CALL_BEFORE.search(text, max(lo, cs - 10), cs):
        # "made statements, including a call for a temporary ban", "is essentially a call for more of the same": the
        # noun names an appeal whose content is its object (its source, if any, is outside the phrase)
        span = _content_right(text, ce, hi, lemma, "object")
        return (span, None) if span is not None else None
    if cs >= 5 and text[cs - 1] == "-" and text.startswith("self-", cs - 5):
        # "a self-described democratic socialist": the person describes themself; the noun phrase is the content
        end = SELF_LABEL_END.search(text, ce, min(hi, ce + 80))
        c_s, c_e = _strip(text, ce, end.start() if end else min(hi, ce + 80))
        if c_e > c_s and end is not None and not _at_least(6, text, c_s, c_e):
            return (c_s, c_e), Mention(cs - 5, cs - 1, "pronoun")
        return None
    if comp == "noun" and (OBJECT_PRONOUN_AFTER.match(text, ce, hi) or _verb_context(text, cs, ce, lo)):
        # a noun form used as a verb: "Critics call it the enforcement of political correctness", after an
        # infinitive marker, a modal or a subject pronoun: "to call into question", "would comment on"
        comp = "object"
        cue = (cs, ce, lemma, ctype, comp)
    elif comp != "noun" and cs - lo > 6 and (not text.endswith(PARTICIPLE_ENDINGS, cs, ce)
                                            # (an -ing word right after the article is a noun: "put out a warning")
                                            or text.endswith(("ing"), cs, ce) and text.endswith((" a ", " an "), lo, cs)) \
            and LIGHT_VERB_DETERMINER.search(text, max(lo, cs - 40), cs) is not None:
        # "issued a tweet about X", "delivered a forceful promise to X": after a light verb the cue word is its noun
        return _noun_cue(text, (cs, ce, lemma, ctype, "noun"), lo, hi)
    elif comp == "noun" or (text.endswith(POSSESSIVE_ENDINGS, max(lo, cs - 4), cs - 1) and _possessed(text, cue, lo)):
        # "his stern warning that ...", "Trump's comments on Muslims", "complaints from X that ...": after a
        # possessive a cue word is a noun, with no verb reading
        return _noun_cue(text, cue, lo, hi)
    if text[ce:ce + 4] == " by " and cs >= 3 and (text.startswith(("as ", "As ", "ly "), cs - 3)
                                                    or cs >= 6 and text.startswith("first ", cs - 6)):
        got = _as_passive(text, cue, lo, hi)
        if got is not None:
            return got
    # (what AS_CLOSING and AS_OPENING need, found fast; `in` on a short slice: str.find's argument parsing costs more)
    if ", as " in text[max(lo, cs - 80):cs] or "As " in (head := text[lo:lo + 12]) or " as " in head:
        span = _as_source(text, cue, lo, hi)
        if span is not None:
            m = find_speaker(cue, lo)
            return (span, m) if m is not None else None
    if comp == "around":
        # "The race seemed to tighten", "X is expected to win": annotated without a source, the content
        # is the subject with the rest of the clause
        subject = mention_before(text, cs, lo)
        if subject is None:
            return None
        if text[subject.start:subject.end].lower() in ("it", "there"):  # "it appears that ..."
            span = _content_right(text, ce, hi, lemma, "clause")
            return (span, None) if span is not None else None
        mo = _clause_end(text, ce, hi)
        c_e = mo.start() if mo else hi
        if ASIDE_OPENING.search(text, max(lo, subject.start - 6), subject.start) is not None \
                and (close := ASIDE_CLOSING.search(text, ce, c_e)) is not None and _finite_form(close.group(1)) \
                and close.group(1) not in vocab()["boundary"]:
            # set off after the sentence's subject, the clause ends at its comma, where the main verb goes on:
            # "Uncle Joe, as he is known to his neighbours, described ...", "X, the singer known as “Blue,” stated
            # that ..."
            c_e = close.start()
        c_s, c_e = _strip(text, subject.start, c_e)
        return ((c_s, c_e), None) if WORD.search(text, ce, max(ce, c_e)) else None
    if lemma == "ask":
        question = _asked_question(text, cs, ce, lo, hi)
        if question is not None:
            return question
    if cs - lo <= 40 and (text.endswith("ing", cs, ce) or text[max(lo, cs - 12):cs].rstrip().endswith("Having")) \
            and OPENING_PARTICIPLE.fullmatch(text, lo, cs) is not None:
        got = _participle_clause(text, cue, hi)
        if got is not None:
            return got
    by = BY_AGENT.match(text, ce, hi)
    ending = text[ce - 2:ce]  # (the cue's last two letters: the participle tests below read them, sliced once)
    if by is None and text[ce:ce + 1] == " " and ending in ("ed", "en", "wn"):
        # a time or medium phrase before the agent: "was first reported last week by The Post"
        skipped = _skip_adverbials(text, ce, hi)
        by = BY_AGENT.match(text, skipped, hi) if skipped > ce else None
    if by is not None and ending in ("ed", "en", "wn", "ld"):  # ("ld": "was told by the coach that ...")
        return _passive(text, cue, lo, hi, by.end())
    if ctype == "speech" and ending in ("ed", "en", "wn", "ld", "id") and by is None \
            and text.endswith(PASSIVE_LEAD, max(lo, cs - 6), cs - 1) and PASSIVE_AUX.search(text, max(lo, cs - 40), cs) is not None \
            and not (lemma == "say" and IDIOM_BEFORE.search(text, max(lo, cs - 16), cs)):
        # (but "could not be said for" is an idiom, no report)
        got = _agentless_passive(text, cue, lo, hi)
        if got is not None:
            return got
    if ctype == "speech" and by is None and ending == "ed" and text.startswith(ADVERBIAL_STARTS, ce) \
            and cs > lo + 2 and text[cs - 1] == " " and text[cs - 2].isalnum():
        got = _reduced_relative(text, cue, lo, hi)
        if got is not None:
            return got
    idiom_lo = max(lo, cs - 16)  # (the idioms need "be" or "That": look for them before the regex does)
    if ("be" in (idiom_zone := text[idiom_lo:cs]) or "That" in idiom_zone) \
            and (idiom := IDIOM_BEFORE.search(text, idiom_lo, cs)) \
            and not (text.endswith("ing", cs, ce) and idiom.group().startswith("be")):
        # "That said, ...", "could not be said for": no report (but a progressive is one: "has been warning that")
        return None
    rel_lo = max(lo, cs - 80)  # (the relative pronoun OBJECT_RELATIVE needs, found fast)
    if ctype == "speech" and ("which " in (rel_zone := text[rel_lo:cs]) or "what " in rel_zone
                              or "What " in rel_zone or "whom " in rel_zone):
        got = _object_relative(text, cue, lo, hi)
        if got is not None:
            return got
    if ctype == "speech" and not _contact_heads().isdisjoint(text[max(lo, cs - 60):cs].split()[-7:-1]) \
            and _no_object_after(text, cue, hi):
        # (a head noun among the words before the cue first: a set lookup, where the object test walks the words
        # after it)
        got = _contact_relative(text, cue, lo)
        if got is not None:
            return got
    comma_before_cue = "," in text[lo:cs]
    if (comp == "that" and text[ce:ce + 1] != ":" or comp == "to" and text.find("to", ce, hi) < 0) \
            and text.find("that", ce, hi) < 0 and not comma_before_cue:
        # a cue that needs a that-clause without one, and no comma before it for a content that ends there:
        # no report (decided before the costly speaker walk, as the steps below would)
        return None
    if not comma_before_cue:
        # No comma before the cue: neither a content that ends before it nor an inverted speaker is
        # possible, so the content is the one after the cue; it is found first, the costly speaker walk
        # only when there is one (the same result as the general steps below).
        span = _content_right(text, ce, _subordinate_end(text, lo, cs, ce, hi), lemma, comp)
        if span is None:
            return None
        m = find_speaker(cue, lo) or _relative_subject(text, lo, cue)
        if m is None and _unsourced_that(text, cue, lo) and not QUOTE_MARK.search(text, *span):
            return span, None
        if m is None or not _speaker_fits(text, m, ctype, ce, hi):
            return None
        return span, m
    m = find_speaker(cue, lo)
    inverted = False
    if m is not None and comp == "clause" and m.end + 2 >= cs and lemma not in TELL_LEMMAS \
            and text.endswith(", ", lo, cs) and not text.endswith("ing", cs, ce) \
            and (m2 := _closing_name(text, ce, hi)) is not None:
        # "CONTENT, said lobbyist and strategist Charlie Black, his former partner.": a name closing the sentence
        # right after a verb of saying is its inverted speaker, not what it reports; the speaker walk had taken the
        # content's last comma segment ("taxes and other issues ..., at both the state and federal levels") for an
        # apposition before the cue
        m, inverted = m2, True
    if m is None:
        # "..., said Smith." : content precedes the inverted cue (a reporting verb, not "..., referring to X")
        m2 = None
        if comp != "object" and not text[cs:ce].split()[0].endswith("ing") and text[lo:cs].rstrip().endswith(","):
            m2 = mention_after(text, ce, hi)
            # the speaker after an inverted cue ends the clause ("..., said Wilcox, a Republican."), it does
            # not start a reported clause ("..., said Clinton didn't appear concerned")
            if m2 is not None and (text[m2.start:m2.end].lower() in ("that", "this", "these", "those")
                                   or not INVERTED_SPEAKER_END.match(text, m2.end, hi)):
                m2 = None
        if m2 is not None:
            m, inverted = m2, True
        else:
            # "One of the authors, Ari Fleischer, said ...": the clause subject before an apposition
            m = _apposed_subject(text, lo, cs) or _relative_subject(text, lo, cue)
            if m is None:
                # "CONTENT, a source close to him said." / "CONTENT, said Democratic strategist Hank Sheinkopf."
                got = _closing_phrase(text, cue, lo, hi) \
                    if ctype == "speech" and comp == "clause" and not text.endswith("ing", cs, ce) else None
                if got is not None:
                    return got
                m = _asyndetic_subject(text, lo, cue) if ctype == "speech" and comp == "clause" else None
                if m is None:
                    if _unsourced_that(text, cue, lo):
                        span = _content_right(text, ce, _subordinate_end(text, lo, cs, ce, hi), lemma, comp)
                        return (span, None) if span is not None and not QUOTE_MARK.search(text, *span) else None
                    return None
    if not _speaker_fits(text, m, ctype, ce, hi, inverted):
        return None
    if not inverted and ctype == "speech" and comp == "clause" and m.start - lo > 8 and text[m.start].isupper() \
            and text.find(",", max(lo, m.start - 30), m.start) >= 0 \
            and (lead := LOWER_MODIFIERS.search(text, max(lo, m.start - 30), m.start)):
        # "CONTENT, veteran Republicans said.": lower-case modifiers the walk took for a verb before a name
        v, closed = vocab(), word_list("function_words.txt")
        # (not after an opening participle, which the content rules read as a gerund subject: "Weighing in on the
        # discussion, former Gov. Mike Huckabee agreed" reports no content before the comma)
        if not any(w in closed or w in v["boundary"] or w in v["prepositions"] or w.endswith(("ly", "ed", "ing"))
                   for w in lead.group(1).split()) and not OPENING_GERUND.match(text, lo, lead.start()):
            m = Mention(lead.start(1), m.end, m.type)
    if not inverted and m.start - lo > 8 and text.startswith("and ", m.start - 4):
        # "CONTENT, he and Mr. Allen said", "CONTENT, she and another reporter said": coordinated speakers
        pair = COORDINATED_SPEAKER.search(text, max(lo, m.start - 40), m.start)
        if pair is not None:
            m = Mention(pair.start(1), m.end, "group")
    before = text[lo:(cs if inverted else m.start)].rstrip()
    comma_end = _comma_end(before, text[m.start:m.start + 1] if not inverted else "")
    comma_before = comma_end is not None
    if comma_before and _at_least(3, before) and (MID_PARENTHETICAL_INVERTED if inverted else MID_CLAUSE).match(
            text, _skip_adverbials(text, m.end if inverted else ce, hi), hi):
        # "Pivoting to deficit reduction too soon, he said, limited the recovery": the content is the
        # sentence around the parenthetical cue (the scorer and an analyst read past "he said")
        # the clause goes on after the parenthetical's closing comma and ends where a content does ("Many of the
        # closures, he said, have involved public courses, the latter a reference to ...")
        after = text.find(",", _skip_adverbials(text, m.end if inverted else ce, hi), hi) + 1
        # (only after the predicate of the subject before the cue: not after a clause of time or a conjunction, "In
        # the 1990s, she said, when she earned $24,000 a year, a boss invited her")
        mo = _clause_end(text, after, hi) if after > 0 and PREDICATE_AFTER.match(text, after, hi) else None
        c_s, c_e = _strip(text, _clause_start(text, lo, lo + comma_end), mo.start() if mo is not None else hi)
        while c_e > c_s and text[c_e - 1] in ".!?":
            c_e -= 1
        return (c_s, c_e), m
    # "Asked if he was bullied, the candidate said no": an introduction, not a content
    if comma_before and (_at_least(4, before) or not inverted and _at_least(1, before)
                         and _short_reply(text, lo, cs, ce, hi, ctype, comp)) \
            and (inverted or _short_tail(text, _addressee_end(text, cue, hi), hi)
                                                  and not _bare_object(text, cue, hi)
                                                  # '..., a man yelled “Stay there!”': the quotation after the cue
                                                  # is what it reports, not the clause before the comma
                                                  and not QUOTE_AFTER_CUE.match(text, ce, hi)
                                                  # "..., Clinton ... promised to deliver change": a short infinitive
                                                  # after the cue is its content
                                                  and not INFINITIVE_AFTER.match(text, ce, hi)) \
            and not ((intro := INTRO.match(text, lo, cs)) is not None and intro.end() >= lo + len(before) - 1
                     and not CLAUSE_OPENER.match(text, intro.start(), intro.end())):
        # "CONTENT, X said." / "CONTENT, said X." / 'They want to “create jobs,” Sanders said.'
        c_s, c_e = _strip(text, lo, lo + comma_end)
        return (c_s, c_e), m
    if inverted:
        return None
    span = _content_right(text, ce, _subordinate_end(text, lo, cs, ce, hi), lemma, comp)
    return (span, m) if span is not None else None


# a that-clause opened by its subject (not a relative clause: "the states that come later")
THAT_CLAUSE = rx.compile(r" that (?:[A-Z]|(?:the|a|an|he|she|they|it|we|I|you|his|her|their|its|this|these|those|there"
                         r"|any|some|no|all|every|even|not|most|many|one)\b)")
NOUN_BEFORE = rx.compile(r"(?<![\w’'])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?$")


def _unsourced_that(text: str, cue: tuple, lo: int) -> bool:
    """Whether a speech cue whose speaker no rule found still reports the that-clause after it ("Lynch took the last
    step of announcing that ...", "... to suggest that he could succeed"): PolNeAR annotates such contents,
    with or without a source; not a noun with a relative clause ("the states that ...", "a claim that X denies")."""
    return cue[3] == "speech" and THAT_CLAUSE.match(text, cue[1]) is not None \
        and NOUN_BEFORE.search(text, max(lo, cue[0] - 30), cue[0]) is None


# a relative pronoun that is the object of the cue's clause, right before its subject: "allegations, which he has
# denied", "what Melania Trump told NBC News", "another president whom Obama mentioned" (not after a preposition:
# "the speech in which he said so"); possessive words, at most five before the cue
OBJECT_RELATIVE = rx.compile(r"(?<![\w’'])(which|whom|[Ww]hat)\s++(?:[\w.’'-]++\s++){1,5}$")


def _object_relative(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], Mention] | None:
    """`..., which he has denied`, `what Melania Trump told NBC News before ...`: a cue whose object is the relative
    pronoun before its subject reports that pronoun (PolNeAR's content), when nothing after the cue is its object, or
    the pronoun with the as-phrase after the cue (`which he describes as his second home`)."""
    cs = cue[0]
    rel = OBJECT_RELATIVE.search(text, max(lo, cs - 80), cs)
    if rel is None:
        return None
    before = text[max(lo, rel.start(1) - 12):rel.start(1)].split()
    if before and before[-1].lower() in vocab()["prepositions"] and rel.group(1).lower() != "what":
        # the pronoun is a preposition's object: "the speech in which he said so", "about whom he wrote" (not a free
        # relative, "conflicted with what she told NBC")
        return None
    if INVERTED_AUX.match(text, rel.end(1), cs):
        return None  # a question about what was said reports nothing: "What did the President say?"
    m = mention_before(text, cs, lo)
    if m is None or m.end <= rel.end(1) or m.end > cs:
        return None
    subject_start = rel.end(1) + len(text[rel.end(1):m.end]) - len(text[rel.end(1):m.end].lstrip())
    if m.start != subject_start:
        # the walk took the pronoun in ("another president whom Obama") or stopped at a title ("what the first lady"):
        # the subject is all words between pronoun and verb
        m = Mention(subject_start, m.end, m.type)
    if not text[m.start].isalpha() or m.type == "evidence" or text[m.start:m.end].lower() in NOT_SUBJECTS:
        return None
    gap_end = _last_index(text, cs) + 1
    if gap_end > m.end and not AUX_TAIL.fullmatch(text, m.end, gap_end) and not ADVERB_GAP.fullmatch(text, m.end, cs):
        return None  # (only auxiliaries or adverbs between subject and cue: "which he has denied", "he later told")
    after = _addressee_end(text, cue, hi)
    nxt = WORD.search(text, after, hi)
    if nxt is not None and not text[after:nxt.start()].strip():
        word = nxt.group().lower()
        if word == "as" and cue[2] not in CLAUSE_ONLY_LEMMAS:
            # "whom he described as “peaceful,”", "which he describes as his second home": PolNeAR's content is the
            # pronoun with the as-phrase, the subject and cue between them a gap the scorer (and a reader) skips
            return _strip(text, rel.start(1), _as_phrase_end(text, nxt.end(), hi)), m
        if word not in TAIL_WORDS or word in OBJECT_RELATIVE_NOT_TAIL \
                or word in ("and", "or") and not AND_RELATIVE.match(text, nxt.end(), hi):
            # the cue has an object or a complement of its own: "which he said would fail", "what she told him",
            # "which he described as a disgrace" (its content rules keep the complement); or a second verb shares
            # the object: "what Obama says and promises"
            return None
    elif nxt is not None and QUOTE_MARK.search(text, after, nxt.start()):
        return None  # a quoted complement: "what Gilbert called “a perception problem”"
    return (rel.start(1), rel.end(1)), m


# verbs of saying whose "as" opens an adjunct, not a complement of their object ("what he says as a candidate")
CLAUSE_ONLY_LEMMAS = word_list("clause_only_lemmas.txt")


def _as_phrase_end(text: str, pos: int, hi: int) -> int:
    """Where the as-phrase after a cue ends: at its clause's end or its first comma ("as “peaceful,” for the length
    of the route")."""
    mo = _clause_end(text, pos, hi)
    end = mo.start() if mo is not None else hi
    comma = text.find(",", pos, end)
    return comma if comma >= 0 else end


# after a cue with no object of its own: the end of its clause, or the main clause's verb ("everything Trump says
# is true")
NO_OBJECT_AFTER = rx.compile(r"\s*+(?:[.;!?),]|\s-\s|—|$|(?:is|was|are|were|has|had|will|would|could|can|may|might"
                             r"|should|must)\b)")
# a preposition the relative clause strands ("the change the party warned about in its report"), or the person told
# ("something he denied to reporters"): no object either
STRANDED = rx.compile(r"\s(?:about|of|on|for|with|from)(?=[\s.,;!?)])")
ADDRESSEE_TO = rx.compile(r"\sto\s++(?:me|him|her|us|them|reporters|[A-Z][\w.’'-]*+(?:\s++[A-Z][\w.’'-]*+)*+)"
                          r"(?![\w’'])")


def _no_object_after(text: str, cue: tuple, hi: int) -> bool:
    """Whether nothing after a cue (past its addressee and a phrase of time, place, manner or an as-complement) is
    its object or complement: the clause ends, or the main clause's verb follows."""
    after = _addressee_end(text, cue, hi)
    skip = STRANDED.match(text, after, hi) or ADDRESSEE_TO.match(text, after, hi)
    if skip is not None:
        after = skip.end()
    if NO_OBJECT_AFTER.match(text, after, hi):
        return True
    nxt = WORD.search(text, after, hi)
    word = nxt.group().lower() if nxt is not None else ""
    if not word or text[after:nxt.start()].strip() or word not in TAIL_WORDS \
            or word in OBJECT_RELATIVE_NOT_TAIL and word != "as" or word in ("and", "or", "but", "if"):
        return False
    # a phrase up to the clause's end holding no that-clause or quotation ("the point he made in an interview.")
    mo = _clause_end(text, nxt.end(), hi)
    end = mo.start() if mo is not None else hi
    return " that " not in text[after:end] and QUOTE_MARK.search(text, after, end) is None


@lru_cache(maxsize=1)
def _contact_heads() -> frozenset[str]:
    """The head nouns a relative clause with no pronoun may follow: nouns of saying (summative_nouns.txt,
    colon_nouns.txt, told_nouns.txt, singular and plural) and every-/some-/anything."""
    nouns = frozenset(w + s for name in ("summative_nouns.txt", "colon_nouns.txt", "told_nouns.txt")
                      for w in word_list(name) for s in ("", "s"))
    return nouns | {"everything", "something", "anything", "Everything", "Something", "Anything"}


# a relative clause with no pronoun right after a noun phrase ("everything he said", "the question nobody asked", "a
# charge the party denied"): the noun phrase (every-/some-/anything, or an article, at most two modifiers and its
# noun, which _contact_relative looks up in _contact_heads()), then the clause's subject (a pronoun, a capitalised name,
# or "the" and a noun) and its auxiliaries, adverbs or catenative verbs ("are beginning to", "seemed to")
CONTACT_RELATIVE = rx.compile(
    r"(?<![\w’'])((?:[Ee]very|[Ss]ome|[Aa]ny)thing|(?:[Tt]he|[Aa]n?)\s++(?:[a-z][\w-]*+\s++){0,2}?([a-z][\w-]*+))"
    r"\s++(he|she|they|we|I|you|nobody|(?:the\s++)?[A-Z][\w.’'-]*+(?:\s++[A-Z][\w.’'-]*+){0,2}|the\s++[a-z]+)"
    r"(?:\s++(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do|also|never|later"
    r"|once|first|then|still|[a-z]+ly|[a-z]+ing\s++to|seem(?:s|ed)?\s++to))*+\s*+$")


def _contact_relative(text: str, cue: tuple, lo: int) -> tuple[tuple[int, int], Mention] | None:
    """`everything he said`, `the question nobody asked`: a cue with no object after it, in a relative clause with
    no pronoun right after a noun phrase of saying, reports that noun phrase (PolNeAR's content) with the clause's
    subject as its source."""
    cs = cue[0]
    rel = CONTACT_RELATIVE.search(text, max(lo, cs - 80), cs)
    if rel is None or rel.group(2) is not None and rel.group(2) not in _contact_heads():
        return None
    m = mention_before(text, cs, lo)
    return rel.span(1), Mention(rel.start(3), rel.end(3), m.type if m is not None else "group")


OBJECT_RELATIVE_NOT_TAIL = {"that", "so", "as", "to", "about", "of", "for", "on", "with", "from"}
# an auxiliary right after "what": a question's inverted word order, not a relative clause
INVERTED_AUX = rx.compile(r"\s+(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|shall|may|might|must)\b")
AND_RELATIVE = rx.compile(r"\s+(?:which|whom|what|that|who)\b")


ADVERB_GAP = rx.compile(r"(?:\s+(?:[a-z]+ly|also|later|never|not|once|first|then|still))+\s*")


# a noun phrase opened by an article right before a participle (the last article: "said the plan announced Monday"
# -> "the plan"); possessive words, none of them an article
REDUCED_NP = rx.compile(r"(?<![\w’'])((?:[Aa]n?|[Tt]he)\s++(?:(?!(?:[Aa]n?|[Tt]he)\s)[^\s,;:.!?“”\"()]++\s++){1,6})$")
# after the participle's time phrase, what shows the noun phrase goes on as a subject or ends: "a plan announced
# Monday would ...", "ads announced Wednesday, Trump ...", "a plan announced last year."
REDUCED_AFTER = rx.compile(r"\s*(?:[.,;:)]|(?:would|will|is|was|has|had|could|can|may|might|should)\b)")


def _reduced_relative(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], None] | None:
    """`A $160 billion megamerger announced Monday would turn ...`, `a plan announced last year`: a speech participle
    with a time phrase after a noun phrase reduces a passive relative clause; the noun phrase is what was said, with
    no source (PolNeAR). Without the time phrase the participle may be the noun phrase's verb ("the senator
    announced ...")."""
    cs, ce = cue[0], cue[1]
    pos = _skip_adverbials(text, ce, hi)
    after = REDUCED_AFTER.match(text, pos, hi) if pos > ce else None
    if after is None:
        return None
    np = REDUCED_NP.search(text, max(lo, cs - 80), cs)
    if np is None or PASSIVE_AUX.search(text, max(lo, cs - 40), cs) is not None:
        return None
    c_s, c_e = _strip(text, np.start(1), cs)
    before = text[max(lo, c_s - 16):c_s].split()
    # the noun phrase is a preposition's object ("In a string of ads announced Wednesday, ..."), or the sentence's
    # subject with its verb after the participle ("A merger announced Monday would ..."); not the subject of a
    # closing attribution ("CONTENT, the Associated Press reported Friday.", "as The Times reported on Saturday")
    if not (before and before[-1].lower() in vocab()["prepositions"] and before[-1].lower() != "as"
            or c_s <= _strip(text, lo, c_s)[0] + 1 and after.group().strip()[:1].isalpha()):  # (+1: an opening mark)
        return None
    words = text[c_s:c_e].split()
    if any(w.lower() in NOT_VERBS or w.lower() in CLAUSE_WORDS for w in words):
        return None  # a clause, not a noun phrase: "the senator has announced"
    return (c_s, c_e), None


QUOTE_AFTER_CUE = rx.compile(r"[ \t]*[“\"]")


# a participle phrase set off after the cue is the narrator's ("Sales were great, he said, wiping sweat off his face")
SET_OFF_PARTICIPLE = rx.compile(r",\s+(?!according\b)[a-z]+ing\b")


def _short_reply(text: str, lo: int, cs: int, ce: int, hi: int, ctype: str, comp: str) -> bool:
    """A content of a few words before a cue of speech that ends its sentence: "Sorry, Sanders said." (not an
    opening phrase, "Then, last week, she called.", nor the end of a quotation the sentence splitter cut)"""
    return ctype == "speech" and comp == "clause" \
        and (not WORD.search(text, ce, hi) or SET_OFF_PARTICIPLE.match(text, ce, hi) is not None) \
        and INTRO.match(text, lo, cs) is None and CLAUSE_OPENER.match(text, lo, cs) is None \
        and QUOTE_MARK.search(text, lo, cs) is None


# the subordinating conjunctions that open an adverbial clause ("As China builds islands, ...", "Even before Sanders
# took the stage, ..."), for the regexes below that find such clauses
SUBORDINATORS = ("while", "although", "though", "as", "because", "if", "when", "after", "before", "since", "whereas",
                 "once", "until", "unless")
_SUBORDINATORS_CAPITALISED = "|".join(w.capitalize() for w in SUBORDINATORS)
SUBORDINATOR_OPENING = rx.compile(r"[\s\"“]*(?:" + _SUBORDINATORS_CAPITALISED + r")\s")
CLAUSE_RESTART = rx.compile(r"(?:\s[-—–]+\s*|;\s*)(?:(?:and|but)\s+)?")


def _clause_start(text: str, lo: int, end: int) -> int:
    """Where the clause ending at `end` (before a parenthetical "he said") starts: after a dash or semicolon
    that restarts the sentence ("He had a rally - and the permit, his campaign said, was hard to get"), or
    after an opening subordinate clause ("As China builds islands, it is his job, he said, to ...")."""
    last = None
    for last in CLAUSE_RESTART.finditer(text, lo, end):
        pass
    if last is not None and _at_least(2, text, last.end(), end):
        return last.end()
    if SUBORDINATOR_OPENING.match(text, lo, end):
        comma = text.rfind(", ", lo, end)
        if comma > lo and _at_least(2, text, comma, end):
            return comma + 1
    return lo


# the first of two coordinated speakers after a comma: ", he and Mr. Allen said", ", Smith and another reporter said"
COORDINATED_SPEAKER = rx.compile(r",\s+((?:he|she|they|I|we|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))\s+and\s+$")
# an opening word of INTRO that also starts a full clause ("This has been a concern for years, he said")
CLAUSE_OPENER = rx.compile(r"\s*(?:This|But|And|So|Yet|Still|Now|Then|Indeed|Also|However|Meanwhile|Instead|[A-Z][a-z]+ing)\b")


OPENING_GERUND = rx.compile(r"[\s\"“]*[A-Z][a-z]+ing\b[^,;:“”\"\n]*$")
INFINITIVE_AFTER = rx.compile(r"\s+to\s+(?!(?:the|a|an|his|her|their|its|my|our|your|this|that|these|those|reporters"
                              r"|journalists|supporters|voters|me|him|us|them)\b)[a-z]")
LOWER_MODIFIERS = rx.compile(r",\s+((?:[a-z][\w’'-]*\s+){1,2})$")  # ", veteran " before "Republicans said"
# an apposition or relative clause between a subject and its cue: ", a senator from Vermont, said"
APPOSITION = rx.compile(r"\s*(?:,|\(|—|–)[^.;:!?“”\"\n]{2,250}?(?:,|\)|—|–)(?:\s+(?:[a-z]+ly|also|then|later|even|still|in\s+fact"
                        r"|has|have|had|will|would|could|did|does|do|not|never))*\s*$")


def _apposed_subject(text: str, lo: int, cs: int) -> Mention | None:
    """The subject opening the clause when an apposition or relative clause separates it from the cue
    (`Sembler, who helped lead fundraising, has agreed`, `One of the authors of that report, Ari Fleischer,
    said`)."""
    close = _last_index(text, cs)
    if close < lo or text[close] not in ",)—–":
        return None
    # the apposition itself names the speaker: "..., Ari Fleischer, said", "Rendell, a Clinton supporter, said"
    # (between two commas: the walk stays short)
    opening = text.rfind(",", max(lo, close - 120), close)
    if opening >= 0:
        named = mention_before(text, close, opening + 1)
        if named is not None and named.type != "evidence" and not text[opening + 1:named.start].strip():
            return named
    if text.find(",", lo, close) < 0 and text.find("(", lo, close) < 0 and text.find("—", lo, close) < 0 \
            and text.find("–", lo, close) < 0:
        return None  # no apposition can open before the one closing at the cue
    subject = _subject_np(text, lo, cs)
    if subject is None or subject.type in ("evidence",) or APPOSITION.fullmatch(text, subject.end, cs) is None:
        return None
    return subject


# a relative clause or a post-modifier between a clause's subject and its cue, with no comma to set it off
# ("Some voters who have listened to his speeches over the decades said", "The state officials whose laws have
# been invalidated say", "Democratic economists, like their Republican counterparts, say"); bounded, no nesting
RELATIVE_TAIL = rx.compile(r"(?:(?:\s*,)?\s+(?:who|whose|that|which|like)\s[^;:!?“”\"\n]{2,200}?(?:,)?|\s*\([^()\n]{1,200}\))"
                           r"(?:\s+(?:[a-z]+ly|also|has|have|had|will|would|could|did|does|do|not|never))*\s*$")

RELATIVE_IN_MENTION = rx.compile(r"\s(?:who|whose|that|which)\b")


def _relative_subject(text: str, lo: int, cue: tuple) -> Mention | None:
    """The noun phrase opening the clause when a relative clause or a like-phrase separates it from a finite
    cue and no speaker walk from the cue reaches it (the walk stops at the relative clause's verbs)."""
    cs = cue[0]
    if cs - lo > 260 or text[cs:cue[1]].split()[0].endswith("ing"):
        return None  # (a participle's subject is found by the clause rules: "..., saying")
    seg = text[lo:cs]
    if not (" who" in seg or " that " in seg or " which " in seg or " like " in seg or "(" in seg):
        return None  # no relative clause or like-phrase (what RELATIVE_TAIL needs; the walks below are costly)
    start = CONJUNCTION_LEAD.match(text, lo, cs).end()  # "Yet some voters who ...": no introduction here
    for at in (start, None):
        subject = mention_after(text, start, cs) if at is not None else _subject_np(text, lo, cs)
        if subject is None or subject.type == "evidence" or subject.end >= cs or not text[subject.start].isalpha():
            continue
        cut = RELATIVE_IN_MENTION.search(text, subject.start, subject.end)  # "The state officials whose laws"
        if cut is not None:
            subject = Mention(subject.start, cut.start(), subject.type)
        first = text[subject.start:subject.end].split()[0].lower()
        if first in NOT_SUBJECTS or first in NOT_SUBJECT_WORDS and first not in ("the", "a", "an"):  # "In Congress"
            continue
        if RELATIVE_TAIL.fullmatch(text, subject.end, cs) is not None:
            return subject
    return None


# the irregular past forms of a verb coordinated by a comma alone with a cue ("won, vowed")
ASYNDETIC_PASTS = frozenset(IRREGULAR_PASTS.split("|")) | {"said", "spoke"}


def _asyndetic_subject(text: str, lo: int, cue: tuple) -> Mention | None:
    """The subject of a clause whose finite verb phrase a comma alone joins to the cue's ("Sanders wins R.I., vows to
    press on", "The department obfuscated facts, admitted it withheld emails, and ..."): the two verbs in the same
    form, one clause before the comma (not a title-case headline, whose verb the subject walk takes for a name)."""
    cs, ce = cue[0], cue[1]
    comma = _last_index(text, cs)
    if comma <= lo or text[comma] != "," or text.find(",", lo, comma) >= 0 or text.find(";", lo, comma) >= 0:
        return None  # (one clause before the comma: "In Iowa, Trump won, said ..." is no such pair)
    form = _finite_form(text[cs:ce].split()[0].lower())
    if form is None:
        return None
    got = _subject_and_verb(text, lo, comma, any_verb=True)
    if got is None:
        return None
    subject, verb = got
    first = text[verb[0]:verb[1]].lower()
    walked = SUBJECT_VERB.search(text, subject.start, subject.end)  # the walk ran into a past verb: "The mayor toured"
    if walked is not None and walked.group().lstrip().endswith("ed"):
        subject, first = Mention(subject.start, walked.start(), subject.type), walked.group().lstrip()
    if _finite_form(first) != form or subject.type == "evidence" \
            or text[subject.start:subject.end].lower() in NOT_SUBJECTS:
        return None
    return subject


def _finite_form(word: str) -> str | None:
    """"past" for a past form ("vowed", "won"), "present" for a third-person present ("vows"), else None."""
    if word.endswith("ed") or word in ASYNDETIC_PASTS:
        return "past"
    return "present" if word.endswith("s") and not word.endswith("ss") else None


# the end of a name closing its sentence after an inverted cue: a comma (its apposition follows) or the final stop
CLOSING_NAME_END = rx.compile(r"\s*(?:,|\.[”\"’']?\s*$)")


def _closing_name(text: str, ce: int, hi: int) -> Mention | None:
    """The speaker after a cue when it names someone and closes the sentence ("..., said GOP strategist Charlie
    Black." or "..., wrote film director Ann Smith, her nephew, on Facebook."), else None."""
    # (the name ends at a comma or the stop soon after the cue, and is capitalised: a cheap test before the walk)
    stop = text.find(",", ce, min(hi, ce + 60))
    if stop < 0:
        stop = text.find(".", ce, min(hi, ce + 60))
    if stop < 0 or text[ce:stop].islower():
        return None
    m = mention_after(text, ce, hi)
    if m is None or text.startswith(("that ", "whether ", "if "), m.start) \
            or not text[m.start:m.end].split()[-1][:1].isupper() \
            or (end := CLOSING_NAME_END.match(text, m.end, hi)) is None:
        return None
    if text[end.end() - 1] == ",":
        # (an apposition, maybe a medium after it, then the sentence's end: no clause reported after the name)
        tail = text[end.end():hi]
        if not tail.rstrip().endswith(".") or any(w in tail for w in (" said", " says", " that ")):
            return None
    return m


def _speaker_fits(text: str, m: Mention, ctype: str, ce: int, hi: int, inverted: bool = False) -> bool:
    """Whether a speaker can report with a cue of this type: evidence (polls, studies) reports findings
    only, and "show", "find" report a finding of a poll or a study, or with a that-clause ("the talk show
    host", "found ways to" are no reports)."""
    if m.type == "evidence" and ctype not in ("evidence", "speech", "other"):
        return False
    return not (ctype == "evidence" and not inverted and m.type not in ("evidence", "organisation")
                and not _that(text, _skip_adverbials(text, ce, hi), hi))


def _intro_end(text: str, lo: int, hi: int) -> int:
    """Where the clause text[lo:hi] starts after an introductory phrase ("Speaking later on the same show, ")."""
    intro = INTRO.match(text, lo, hi)
    return intro.end() if intro is not None else lo


# the main clause's subject after the comma that closes an opening subordinate clause: "As Obama covered old
# ground, Trump noted that ..." (not a relative clause or participle set off inside it)
MAIN_AFTER_COMMA = rx.compile(r",\s+(?!(?:who|which|whose|where|when|and|but|or)\b|[a-z]+ing\b)(?:[\w’'.-]++\s+){1,6}$")


@lru_cache(maxsize=1)
def _time_noun_heads() -> tuple[str, ...]:
    """The noun phrases of the time openers ("the moment", "every time"; "the time" of "by the time"), lower case."""
    heads = {re.sub(r"^(?:at|by|from)\s+", "", w) for w in word_list("time_openers.txt")}
    # (longest first, ties alphabetical: one pattern text in every run, whatever the hash seed)
    return tuple(sorted((w for w in heads if w.startswith(("the ", "every ", "each ", "any "))), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _time_noun_head() -> re.Pattern:
    """A time opener's noun phrase, which the speaker walk may take for the head of the clause subject after it ("the
    moment Smith")."""
    return rx.compile(r"(?i:" + "|".join(re.escape(w) for w in _time_noun_heads()) + r")(?:\s+that)?\s+(?=\w)")


def _main_clause_after(text: str, lo: int, cs: int) -> bool:
    """Whether the cue at cs follows the comma that ends an opening subordinate clause, with its own subject."""
    comma = text.rfind(", ", lo, cs)
    return comma >= 0 and MAIN_AFTER_COMMA.match(text, comma, cs) is not None


def _subordinate_end(text: str, lo: int, cs: int, ce: int, hi: int) -> int:
    """Where a cue's content may end: "While Ramos said A, he appears uneasy ...", "Years after Clinton
    claimed A, Obama won ...", "Clinton, who once praised A, offered ...": the subordinate or relative
    clause holding the cue ends at its comma."""
    comma = text.find(",", ce, hi)
    while comma > 0 and text[comma + 1:comma + 2].isdigit():  # "2,400 billionaires" is one number
        comma = text.find(",", comma + 1, hi)
    if comma > 0 and (close := _aside_close(text, comma, hi)) > 0:  # "when she claimed that X, or ISIS, has used"
        comma = text.find(",", close + 1, hi)
    if comma < 0:
        return hi  # (no comma to end at: the clause tests below are not needed)
    if SUBORDINATE_OPENING.match(text, lo, cs) and not _main_clause_after(text, lo, cs) \
            or SUBORDINATE_BEFORE.search(text, max(lo, cs - 60), cs) \
            or "wh" in text[lo:cs] and (SUBJECT_RELATIVE.match(text, lo, cs)
                                                 or SUBJECT_RELATIVE.match(text, _intro_end(text, lo, cs), cs)):
        # (a relative clause needs its "who" or "which": most clauses have neither, and skip the introduction's regex)
        return comma if comma > 0 else hi
    return hi


# "Graham: Trump's Rhetoric Destroying GOP's Chance" - a headline quoting its speaker before a colon
HEADLINE_COLON = rx.compile(r"((?:[A-Z][\w.’'-]*[ \t]+){0,4}[A-Z][\w.’'-]*)[ \t]*(:)[ \t]+(\S[^\n]*)")
NOT_SPEAKER_LABELS = frozenset(ordered_words("not_speaker_labels.txt"))  # (case kept: "The", "Q")


@lru_cache(maxsize=1)
def _colon_noun_regex() -> re.Pattern:
    """A noun of saying right before a colon and the content after it (colon_nouns.txt, plurals too)."""
    nouns = word_alternation("colon_nouns.txt")
    return rx.compile(r"(?<![\w’'-])(" + nouns + r")s?[ \t]*(:)[ \t]+(?=[^\W_])")


COLON_CLAUSE_OPENING = rx.compile(r"(?:that|how|whether|why|what|who|when|where|if|to)\s")
MAX_COLON_CONTENT = 600  # characters: the clause after a noun's colon is one sentence
COLON_SUBJECT_VERB = rx.compile(r"\s+(?:" + IRREGULAR_PASTS + r"|sends|has|have|had)\b")
COLON_POSSESSOR = rx.compile(r"((?:\b(?:[Tt]he|[Aa]n?)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Za-z][\w.-]*[’']s?"
                             r"|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur))"
                             r"(?:\s+[a-z][\w-]*){0,2}\s+$")


def _colon_noun_reports(text: str, doc_id: str, sent_of, records: list, names, in_quote) -> list[dict]:
    """`Carrier's message: Moving jobs south ...`, `the party's leaders sent Mr. Trump an unmistakable message: He is
    hurting the party`: a noun of saying before a colon reports the unquoted clause after it; the source is the
    noun's possessor or the clause's subject (a quotation after the colon is a direct quote, found elsewhere)."""
    out = []
    taken = None
    regex = _colon_noun_regex()
    colon = text.find(":")
    while colon >= 0:  # (a few colons per article: the noun is looked for only before each)
        m = regex.search(text, max(0, colon - 16), colon + 8)
        colon = text.find(":", colon + 1)
        if m is None:
            continue
        ns, c_s = m.start(1), m.end()
        if taken is None:
            taken = sorted((r["start"], r["end"]) for r in records)
        if in_quote(ns):
            continue
        lo, hi = sent_of(ns)
        line = text.rfind("\n", 0, ns) + 1
        lo = max(lo, line)
        if not _at_least(2, text, lo, ns) or c_s >= hi or hi - c_s > MAX_COLON_CONTENT:
            continue  # a label opening its line ("Question: ..."), not a noun of a sentence (nor a run-on text)
        c_e = hi
        while c_e > c_s and text[c_e - 1] in " \t\n.":
            c_e -= 1
        if c_e <= c_s or not _at_least(3, text, c_s, c_e) or text[c_e - 1] == "?" \
                or not (text[c_s].isupper() or COLON_CLAUSE_OPENING.match(text, c_s, c_e)):
            continue  # (a question asked in the narrator's voice: "one simple question: What does Bernie want?"; a
            # lower-case noun phrase is a list or an agenda, no clause: "before I take questions: the week ahead")
        if any(s < c_e and c_s < e for s, e in taken) or QUOTE_MARK.search(text, c_s, c_e):
            continue  # (quoted words after the colon are a direct quote, attributed in step 1)
        owner = COLON_POSSESSOR.search(text, max(lo, ns - 80), ns)
        if owner is not None:
            p_e = owner.end(1) - (2 if text.endswith(("’s", "'s"), owner.start(1), owner.end(1)) else 0)
            speaker = Mention(owner.start(1), p_e, "pronoun" if text[owner.start(1):owner.end(1)].lower()
                              in ("his", "her", "their", "its", "our") else "person")
        else:
            speaker = _object_clause_subject(text, lo, ns)
            verb = COLON_SUBJECT_VERB.search(text, speaker.start, speaker.end) if speaker is not None else None
            if verb is not None:  # (trimmed of its verb: "the party's leaders sent Mr. Trump")
                speaker = Mention(speaker.start, verb.start(), speaker.type)
        cue = (ns, m.end(2), m.group(1).lower(), "speech", "noun")
        out.append(_record(doc_id, text, c_s, c_e, "indirect", speaker, cue, names, "colon_noun"))
    return out


# what may stand between a speech verb and the colon ending its paragraph: "wrote the following:", "said of the mayor:"
COLON_LEAD_IN = rx.compile(r"(?:\s+(?:the\s+following|of\s+(?:[A-Z][\w’'.-]*[ \t]+){0,2}[A-Z][\w’'.-]*))?[ \t]*:[ \t]*\n")
COLON_BREAK = rx.compile(r":[ \t]*\n")
BLANK_LINE = rx.compile(r"\n[ \t]*\n")
MAX_BLOCK = 2000  # characters: a statement set out over lines after a colon (a longer run is the article going on)
EMBED_TAG = rx.compile(r"<[a-z][^<>\n]*>")  # an embedded post's opening tag: '<tweet tweet-author="@x">'


def _colon_paragraph(text: str, ce: int, lemma: str) -> tuple[int, int] | None:
    """The paragraph after a speech verb that ends its own paragraph with a colon ("The station reports:" then
    "At least three bridges were closed ..."): what was said, when it is no quotation (quotes are found in step 1)."""
    if lemma in TELL_LEMMAS and (obj := TELL_OBJ.match(text, ce)) is not None:
        ce = obj.end()  # "told reporters:"
    lead = COLON_LEAD_IN.match(text, ce)
    if lead is None:
        return None
    c_s = _strip(text, lead.end(), len(text))[0]
    nl = text.find("\n", c_s)
    c_e = len(text) if nl < 0 else nl
    if text.count("\n", lead.start(), c_s) > 1:
        # in a text whose paragraphs are set apart by blank lines, the statement's lines run to the next one
        # (a speech set out line by line: "We will rebuild ...\nWe will not wait ...\n\n")
        blank = BLANK_LINE.search(text, c_s, c_s + MAX_BLOCK)
        c_e = blank.start() if blank is not None else len(text) if len(text) - c_s <= MAX_BLOCK else c_e
    if c_s >= c_e or text[c_s] in OPEN or QUOTE_MARK.match(text, c_s):
        return None
    tag = EMBED_TAG.match(text, c_s, c_e)
    if tag is not None:  # an embedded post: its text, without the markup
        close = text.find("<", tag.end(), c_e)
        c_s, c_e = tag.end(), close if close >= 0 else c_e
    c_s, c_e = _strip(text, c_s, c_e)
    if not _at_least(4, text, c_s, c_e) or text[c_e - 1] == ":":
        return None  # (a paragraph ending in a colon introduces a list or another quotation)
    return c_s, c_e


def _headline_colon(text: str, paras: list) -> tuple | None:
    """The article's first line `Speaker: Content` as an attribution with the colon as cue."""
    if not paras:
        return None
    lo, hi = paras[0]
    m = HEADLINE_COLON.match(text, lo, hi)
    if m is None or m.group(1).split()[0] in NOT_SPEAKER_LABELS or m.group(1).isupper():
        return None
    c_s, c_e = _strip(text, m.start(3), hi)
    while c_e > c_s and text[c_e - 1] in ".":
        c_e -= 1
    if not _at_least(3, text, c_s, c_e):
        return None
    return (c_s, c_e), Mention(m.start(1), m.end(1), "person"), (m.start(2), m.end(2), ":", "speech", "clause")


# (a name ends at its last word, not at the space after it: "Asked by Matt Lauer whether ..."; a title may open
# it: "by host John Dickerson")
ASKED_BY = rx.compile(r"\s+by\s+((?:an?|the|his|her|their)\s+[\w’'-]+(?:\s+[A-Z][\w’'.-]*)*+|(?:reporters|journalists)\b"
                      r"|(?:[a-z]+\s+)?[A-Z][\w’'.-]*+(?:\s+[A-Z][\w’'.-]*+)*+)")
ASKED_LEFT = rx.compile(r"(?:^|\b(?:when|whenever|after|while|once|if|as|and|but)|,)\s*$", re.I)
ASKED_RIGHT = rx.compile(r"\s+(?:(about|on)\s+|(?=(?:specifically\s+)?(?:whether|if|what|how|why|who|whom|when|where|which)\b))")
ASKED_LATER = rx.compile(r"\s+(?:during|at|in|on|after|before|while|by)\s+[^,;:“”\"\n]{1,60}?\s(?:(about)\s+|(?=(?:whether|if|what|how|why|whom|which)\b))")


# "asked for his position", "asked for their views on X" (the noun, first or second word, in asked_for_nouns.txt); the
# content starts at the determiner, so the match ends before it (the words are looked ahead)
ASKED_FOR = rx.compile(r"\s+for\s+(?=(?:his|her|their|its|a|an|the)\s+([a-z-]+)\b(?:\s+([a-z]+)\b)?)")


# when a question was put, after it: "during an appearance Friday", "after a debate" (where: MEDIUM_TAIL, "in an
# interview"; searched beside it: one regex joining both would compile the medium nouns again at every start)
ASKED_SETTING = rx.compile(r"\s(?:after|during)\s+(?:an?|the|his|her|their|last|this)\s")


def _asked_introduction(text: str, rec: dict) -> bool:
    """True for the question of a fronted "Asked ..., he said" (its content closes at the comma before the main
    clause): a quotation later in the sentence is the answer, not part of the question ("Asked which county was
    his favorite, he demurred: “Whichever one I'm in.”")."""
    cue = rec["cue"] or ""
    return cue[-5:].lower() == "asked" and rec["cue_start"] < rec["start"] and text.startswith(",", rec["end"]) \
        and ASKED_FRONT.search(text, max(0, rec["cue_start"] - 12), rec["cue_start"]) is not None


# what may stand before a fronted "asked": a sentence start or a conjunction of time (not a comma: "Mr. Trump, asked
# about X, had said, “...”" - the quotation there is left to the parenthetical's clause)
ASKED_FRONT = rx.compile(r"(?:^|[.!?”\"]\s+|\b(?:[Ww]hen|[Ww]henever|[Aa]fter|[Ww]hile|[Oo]nce|[Ii]f|[Aa]s|[Aa]nd|[Bb]ut)\s+)$")


# the main clause after a fronted question: a name or a pronoun and a past or present verb ("Asked whether X, Smith
# replied", ", he has said"), after any auxiliaries and adverbs
ASKED_MAIN_CLAUSE = rx.compile(r",\s+(?:he|she|they|we|I|it|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)"
                               + VERB_AFTER_SUBJECT.pattern)


def _asked_question_end(text: str, comma: int, hi: int) -> int:
    """The comma closing a fronted question: the first comma, or a later one before the main clause when the first
    is inside the question ("Asked whether the senator, a former judge, would run, Jones said ...")."""
    if _opens_main_clause(text, comma, hi):
        return comma
    later = text.find(",", comma + 1, hi)
    while later > 0:
        if _opens_main_clause(text, later, hi):
            return later
        later = text.find(",", later + 1, hi)
    return comma


def _opens_main_clause(text: str, comma: int, hi: int) -> bool:
    """Whether a subject and a finite verb follow the comma at `comma` ("..., Smith replied")."""
    m = ASKED_MAIN_CLAUSE.match(text, comma, hi)
    return m is not None and ((v := m.group(1)).endswith(("ed", "s")) or v == "said" or v in IRREGULAR_PAST_WORDS)


def _asked_question(text: str, cs: int, ce: int, lo: int, hi: int) -> tuple[int, int] | None:
    """`Asked whether ..., Clinton said` / `when asked about X`: the question, an attribution with no source."""
    if ASKED_LEFT.search(text[max(lo, cs - 12):cs]) is None:
        return None
    start = ce
    agent = ASKED_BY.match(text, ce, hi)  # "When asked by a reporter whether ...": the reporter asks
    if agent is not None:
        start = agent.end()
    m = ASKED_RIGHT.match(text, _skip_adverbials(text, start, hi), hi)
    if m is None:
        # "Asked during a January debate why he trailed ...": a place or time phrase before the question
        m = ASKED_LATER.match(text, start, hi)
    if m is None and text.startswith(" for ", start) and (mf := ASKED_FOR.match(text, start, hi)) is not None \
            and not word_list("asked_for_nouns.txt").isdisjoint(mf.groups()):
        m = mf  # "When asked for his position during an interview, Trump said ...": the stance asked for
    if m is None:
        return None
    end = text.find(",", m.end(), hi)
    if end > 0 and (close := _aside_close(text, end, hi)) > 0:  # "asked whether the minister, Ursula von der Leyen, could"
        end = text.find(",", close + 1, hi)
    if end > 0 and ASKED_FRONT.search(text, max(0, cs - 12), cs) is not None:
        end = _asked_question_end(text, end, hi)
    c_s, c_e = _strip(text, m.end(), end if end > 0 else hi)
    if not WORD.search(text, c_s, c_e):
        return None
    # "asked about X in an interview", "Asked about it after a Republican debate" (a time phrase may belong to a
    # whether-question: "asked whether he would vote after the debate")
    mm = MEDIUM_TAIL.search(text, c_s, c_e)
    at = mm.start() if mm is not None and not _medium_modifier(text, mm.end()) else -1
    if m.group(1) and (mm := ASKED_SETTING.search(text, c_s, c_e)) is not None and not 0 <= at <= mm.start():
        at = mm.start()  # (the earlier of the two)
    if at >= 0 and _at_least(1, text, c_s, at):
        c_e = at
    if agent is not None:
        a_s, a_e = _strip(text, agent.start(1), agent.end(1))
        return (c_s, c_e), Mention(a_s, a_e, "person")
    return (c_s, c_e), None


SUBORDINATE_OPENING = rx.compile(r"\s*(?:(?:But|And|Yet|So)\s+(?:even\s+as|even\s+though|" + "|".join(SUBORDINATORS) + ")"
                                 r"|Even\s+as|Even\s+though|" + _SUBORDINATORS_CAPITALISED +
                                 r"|(?:Even|Just|Shortly|Soon|Long|Right)\s+(?:before|after|when|while|if)"
                                 # a time clause opened by a noun phrase (time_openers.txt): "By the time X said ...,", "The
                                 # moment he spoke," (not "At the time, ...": a comma after it makes it an adverbial)
                                 r"|(?:(?:But|And|Yet|So)\s+)?(?i:" + word_alternation("time_openers.txt") + r")(?!\s*,))\b")
# (lower case only: re.I doubles its cost; "as" is left out: inside a clause it is mostly "such as", "as well")
SUBORDINATE_BEFORE = rx.compile(r"\b(?:" + "|".join(w for w in SUBORDINATORS if w != "as") +
                                r")\s+(?:[\w’'.-]+\s+){0,5}$")
# a relative clause set off after the sentence's subject: "Clinton, who once praised the TPP, offered ...",
# "Sanders, who endorsed Canova and said he would campaign with him, did not show up"
SUBJECT_RELATIVE = rx.compile(r"[^,;:\n]{1,60},\s+(?:who|which)\s+[^,;:\n]{0,80}$")
# a subordinator and the few words of a noun phrase ending where an aside opens: "two days after the paper, which ..."
SUBORDINATE_SUBJECT = rx.compile(r"\b(?:" + "|".join(w for w in SUBORDINATORS if w != "as")
                                 + r")\s+(?=(?:[\w’'.-]+\s+){0,4}[\w’'.-]+$)", re.IGNORECASE)


def _subordinate_subject(text: str, lo: int, cs: int) -> Mention | None:
    """The subject right after a subordinator, set off from its cue by an aside, or None.

    The speaker walk stops at the subordinator before a subject whose cue comes after a relative clause or an
    appositive ("the vote came a day after the paper, which had backed him, said it would stay neutral"): the
    subordinate clause is the report, and its subject is the noun phrase between the subordinator and the aside.
    (Not for a participle: ", saying" takes the clause's subject.) PolNeAR train: +1 speech-cue content on each half
    of the articles, and 4 records whose speaker or content was cut at the subordinator fixed (all overlap F1
    0.7376 -> 0.7379, e2e F1 0.6828 -> 0.6830).
    """
    c = text.rfind(",", lo, cs - 2)  # (the comma right before the cue closes the aside; an earlier one opens it)
    while c > lo:
        sub = SUBORDINATE_SUBJECT.search(text, max(lo, c - 60), c)
        if sub is not None:
            return mention_before(text, cs, sub.end())
        c = text.rfind(",", lo, c)
    return None


# "and"/"but" before a verb of the same subject, with its auxiliaries and adverbs: "supported the bill but has since
# said ...", "and has long argued" (adverbs of time other than -ly ones included)
COORDINATED_VERB = rx.compile(r"(?:,\s*)?\b(?:and|but)(?:\s+(?:then|also|later|since|now|long|always|often|already|still|once|not|never|did|didn’t|didn't"
                              r"|has|have|had|would|will|was|is|\w+ly))*\s*$")
# a coordinated verb of intention or evidence reports no new act of the speaker's, it goes on with the reported
# clause: "said she was tired of the status quo and wanted a candidate who ...", "says Obama is acting unlawfully
# and showing disregard for ...", "said he fears returning home and is seeking asylum" (PolNeAR train: 6 contents go
# on over such a verb, 1 ends there; after a verb of belief or of saying they end there more often)
GOES_ON_TYPES = ("intention", "evidence")
# every match of RESTART and COORDINATED_VERB holds one of these
RESTART_WORDS = ("and", "but", ";", ":", "while", "whereas", "though", "—", "–", " - ")
# (", though"/", although" before a new subject and cue: "said staff sign NDAs, though she did not discuss their terms")
# (a quantity may stand before the new subject: ", and more than 4 in 10 said ..."; a closing quote mark may
# follow the comma: '“... this cycle,” while Sen. Collins suggested ...'; a dash may close an aside:
# "A - an old favorite - others say B")
RESTART = rx.compile(r"(?:,[”\"’']?\s*(?:and|but|while|whereas|though|although)|\band|\bbut|;|:|[—–]|\s-)(?:\s+\w+ly|\s+about|\s+only|\s+even|\s+just"
                     r"|\s+(?:more|less|fewer)\s+than|\s+at\s+least|\s+almost|\s+over)?\s*$")


def _relative_clause_end(text: str, cs: int, outer: dict, lo: int) -> int | None:
    """Where the content of a relative clause's cue ends when the cue `cs` is the verb of the clause's head:
    "Mr. Shelton, ..., which endorsed Mr. Sanders in December, said that ...", "Republicans who have praised
    his candidacy warned that ...": the relative clause is an aside of the subject, its content ends there."""
    if outer["speaker_type"] != "pronoun" or (outer["speaker"] or "").lower() not in RELATIVE_PRONOUNS:
        return None
    m = mention_before(text, cs, lo)
    if m is None:
        return None
    if m.start < outer["speaker_start"]:
        return cs
    # a relative clause in an opening phrase, the subject after its comma: "Like other owners who foresee an
    # upside, Mr. Schmidt said ..."
    comma = _last_index(text, m.start)
    return comma if comma > outer["cue_start"] and text[comma] == "," and INTRO.match(text, lo, comma + 1) else None


# a word that sets a clause with its own subject and speech cue inside another report's content: "tied for second,
# in a finish that he said defied expectations", "admitted it made a mistake when a doctor reported high lead
# levels", "denied it happened, with Lewandowski taking to Twitter to call ...", "mentioning him in every speech as
# she praises his record" ("while", "though", "because" clauses are mostly part of the content: not here)
EMBEDDING_WORD = rx.compile(r"(?:,\s*)?\b(?:even\s+)?(which|that|whom|when|as|with)\s+$")
# a verb right after the cue: the subject gap of a relative clause ("which he said would be", "that prosecutors said
# was"), not a complementizer "that" opening a clause of its own ("that experts say ISIS has mentioned Trump")
GAP_VERB = rx.compile(r"\s+(?:is|was|were|are|would|will|could|can|should|might|may|had|has|have|did|does|[a-z]+ed)\b")
EMBEDDING_NEAR = rx.compile(r" (?:when|as|whom|with) |, \d")  # (literal alternatives: no backtracking)
RELATIVE_NEAR = rx.compile(r" (?:which|that) ")
ABSOLUTE_SUBJECT_MAX = 5  # words: "with about four in 10 saying", not "with Iran led to the spectacle of Mr. X denouncing"
EMBEDDING_WINDOW = 100  # characters before the cue: the word, the subject and its auxiliaries


def _embedded_report(text: str, cue: tuple, lo: int, outer_cue: str | None) -> tuple[int, Mention] | None:
    """Where reported content starting at `lo` ends, and the speaker, when a speech cue in it has its own subject
    after a relative pronoun or subordinator: PolNeAR annotates that report and leaves it out of the outer one."""
    cs = cue[0]
    if cue[3] != "speech":
        return None
    # (the speaker walk is the costly part: first a literal look for the words in the window a match needs)
    a = max(lo, cs - EMBEDDING_WINDOW)
    if EMBEDDING_NEAR.search(text, a, cs) is None \
            and (RELATIVE_NEAR.search(text, a, cs) is None or GAP_VERB.match(text, cue[1]) is None):
        return None
    m = mention_before(text, cs, lo)
    if m is None or text[m.start:m.end].lower() in RELATIVE_PRONOUNS:
        return None
    if text.endswith("ing", cs, cue[1]) and (at := text.rfind(" with ", m.start, m.end)) >= 0 \
            and not _at_least(ABSOLUTE_SUBJECT_MAX + 1, text, at + 6, m.end) and not text.endswith("ed", m.start, m.end):
        # an absolute clause's short subject after "with", which the walk read as a noun's modifier: "described
        # themselves as moderates with about four in 10 saying ..." (walked back to "themselves"); a subject ends
        # on its noun, not on an adjective in -ed before a noun in -ing ("with their own harder-edged reporting")
        m = Mention(at + 6, m.end, m.type)
    if text[m.start].isdigit():
        comma = _last_index(text, m.start)
        # a list of poll figures: "520 have said they support Clinton, 39 have said they support Sanders"
        return (comma, m) if comma > lo and text[comma] == "," and _at_least(2, text, lo, comma) else None
    w = EMBEDDING_WORD.search(text, max(lo, m.start - 14), m.start)
    if w is None:
        return None
    word = w.group(1)
    if word == "with" and not text.endswith("ing", cs, cue[1]):
        return None  # (an absolute clause: "with three in 10 saying")
    if word in ("which", "that") and not GAP_VERB.match(text, cue[1]):
        return None
    if word == "when" and not w.group().startswith(",") \
            and cue_table().get((outer_cue or "").lower(), ("",))[0] in ("say", "tell", "ask"):
        # "he said he was frustrated when he called the company": the time of what is said (not a when-clause set off
        # by a comma, a report of its own: "asked him about remarks he made, when he claimed the city was broke")
        return None
    return (w.start(), m) if _at_least(2, text, lo, w.start()) else None


# the word (and punctuation) that may open a nested report's clause right before its subject: "..., when he claimed",
# "since he announced", "(Obama has proposed ...)"
NESTED_OPENER = rx.compile(r"(?:[,;:(—–]\s*)?(?:\b(?:even|just|long|shortly|soon|only)\s+)?(?:\b(?:that|and|but|while|because"
                           r"|as|when|if|although|though|after|since|so|or|where|before|until|whether)\s+)?$", re.IGNORECASE)


# the complements of a verb of saying that reports a clause: one taking an object reports an act ("a candidate who
# had refused corporate money", "bikes to look less threatening")
CLAUSE_COMPLEMENTS = ("clause", "that", "any")


def _nested_report(text: str, cue: tuple, outer: dict) -> int | None:
    """Where an outer report's content ends before a nested report that PolNeAR annotates on its own, or None.

    A verb of saying with its own subject inside reported content is mostly left nested (what the outer speaker
    reports), but PolNeAR gives it a record of its own, and ends the outer content before its subject, when it is a
    relative clause on "who" ("urged the governor to disavow a retired general who suggested that ...") or when it
    comes after the outer speaker's own statement, which runs at least as long as the nested clause ("said the
    campaign has spent $3.7 million on travel and lodging since the senator announced his candidacy"): a nested
    clause making up most of the content is what the outer speaker reports ("said the plan failed because the
    governor announced it before the budget was ready").
    PolNeAR train: 8 and 7 more speech-cue contents found on the two halves of the articles (all overlap F1 +0.0002,
    e2e F1 -0.0002).
    """
    lo = outer["start"]
    if cue[3] != "speech" or cue[4] not in CLAUSE_COMPLEMENTS or outer["cue_start"] is None or outer["cue_start"] > lo:
        return None
    # (the speaker walk is the costly part: first what a split needs - a "who" before the cue, or two words more
    # before the cue than after it, as the subject moves to the nested clause; spaces count words, roughly)
    if text.find("who", max(lo, cue[0] - 30), cue[0]) < 0 \
            and text.count(" ", lo, cue[0]) < text.count(" ", cue[0], outer["end"]) + 2:
        return None
    m = mention_before(text, cue[0], lo)
    if m is None or m.start <= lo:
        return None
    w = NESTED_OPENER.search(text, max(lo, m.start - 16), m.start)
    cut = max(lo, w.start()) if w is not None else m.start
    if text.startswith(",", cut) and (text.find(",", cue[1], outer["end"]) >= 0
                                      or SUBORDINATOR.search(text, lo, cut) is not None):
        # an aside set off by commas ("that the aide, who refused to testify, is now cooperating"), or the main
        # clause after an opening subordinate one ("that if the president made one, he should have insisted")
        return None
    if m.type == "pronoun" and text[m.start:m.end].lower() == "who":
        return cut
    before = len(WORD.findall(text, lo, cut))
    return cut if before and before >= len(WORD.findall(text, cut, outer["end"])) else None


# the content's subject before "and" is the first half of a coordinated subject, not a clause: "that she", "both he",
# "that Mr. Trump"
COORDINATED_SUBJECT = rx.compile(r"\s*(?:that\s+)?(?:both\s+)?(?:he|she|they|we|I|you|(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s*")


# a comma right before the subject of a new cue closes the clause the earlier content runs in: "Despite suggestions
# that U.S. troops should be withdrawn from Asia, Carter stressed ...", "..., Hillary Clinton defended her record"
# (not after an opening subordinate clause of the content, whose main clause goes on after the comma: "said that if
# Mr. Obama opted to make one, he should have insisted ...", nor in a number: "1,100 donors"). PolNeAR train: 9 more
# gold contents found (5 and 4 on the two halves of the articles; 5 of them after a verb of saying), none lost.
COMMA_BEFORE = rx.compile(r"(?<!\d),[”\"’']?\s*$")
# (SUBORDINATORS, with the clause openers a reported content may start with, but not "whereas"; "as" before "a"/"an"
# is a preposition, no clause opener: "reportedly weighing a run as an independent, a poll found ...")
SUBORDINATOR = rx.compile(r"\b(?:" + "|".join([w for w in SUBORDINATORS if w != "whereas"]
                                             + ["whenever", "whether", "where"]) + r")\b(?!(?<=[Aa]s)\s+an?\s)",
                          re.IGNORECASE)


OPENING_PHRASE = rx.compile(r"(?:that\s+)?(?:at|on|in|with|by|for|from|during|after|before|over|about|of|into|under|despite"
                            r"|among|without|like|unlike)\b", re.IGNORECASE)  # "that in private, Trump has shown ..."


def _comma_restart(text: str, lo: int, m: Mention, ce: int, outer_ce: int, ctype: str = "") -> re.Match | None:
    """The comma right before the new cue's subject `m` that ends the content starting at `lo`, or None."""
    left = COMMA_BEFORE.search(text, max(lo, m.start - 4), m.start)
    if left is None or text.startswith(",", ce) or "," in text[m.start:m.end] or " and " in text[m.start:m.end] \
            or outer_ce == left.start() \
            or not _pronoun_says(text, m, ce, ctype) and SUBORDINATOR.search(text, lo, left.start()) is not None \
            or OPENING_PHRASE.match(text, lo, left.start()) is not None \
            or text[m.start].islower() and NAME_BEFORE.search(text, max(lo, left.start() - 40), left.start()) is not None \
            and not text.startswith(("the ", "a ", "an ", "his ", "her ", "their ", "its "), m.start):
        # (", records show, ..." is an aside; "in Alabama, Georgia and Virginia want" a list; "The hashtag, Mr.
        # Abboud said, accompanied ...": the comma closes the earlier content's own attribution; "that David Brock,
        # founder of Correct the Record, was planning to": a bare title after a name is its appositive)
        return None
    return left


def _pronoun_says(text: str, m: Mention, ce: int, ctype: str) -> bool:
    """Whether the new cue is a bare finite verb of saying after a pronoun ("he argued"): after an opening subordinate
    clause of the content it starts a report of its own ("admitted that while the audit was never central, he argued
    the review needed it"; not "he should have insisted", the main clause's verb)."""
    return ctype == "speech" and m.type == "pronoun" and " " not in (verb := text[m.end + 1:ce]) \
        and _finite_form(verb.lower()) is not None


COMPLEMENTIZER = rx.compile(r"(?:that|whether|if)\s+")


def _last_conjunct(text: str, lo: int, m: Mention) -> Mention:
    """The subject of a new cue inside content starting at `lo`: the words after the last "and" of its mention when
    the mention starts inside the content's clause, after a word that is no comma (then the words before "and" are
    the end of the content's own predicate, not a first subject: "said the budget would be balanced by spring and
    Smith says ...", whose walk read "balanced by spring and Smith" as one coordinated subject)."""
    if m.type == "pronoun" or not text[m.start].islower() or (cut := text.rfind(" and ", m.start, m.end)) < 0:
        return m
    first = (mo.end() if (mo := COMPLEMENTIZER.match(text, lo)) is not None else lo)
    if m.start <= first or text[_last_index(text, m.start)] == "," \
            or FIRST_WORD.match(text, m.start).group() in vocab()["determiners"]:
        return m  # "said that the mayor and Smith agreed", "said that in 2015, the mayor and Smith agreed"
    return Mention(cut + 5, m.end, m.type)


def _coordinated_restart(text: str, cs: int, lo: int, ctype: str = "", ce: int = -1, outer_ce: int = -1) -> int | None:
    """Where reported content must end because a new clause with its own subject and cue begins.

    `Six in 10 said Clinton is honest, and three-quarters said the same of Sanders`: the cue "said"
    inside the first content has its own subject ("three-quarters") right after ", and".
    """
    left_text = text[lo:cs]
    words = any(word in left_text for word in RESTART_WORDS)
    if not words and "," not in left_text:
        return None  # no pattern below can match (the speaker walk is the costly part)
    m = mention_before(text, cs, lo)
    if m is None and not words:
        return _asyndetic_restart(text, cs, lo, ctype, outer_ce)
    if m is None:
        # a coordinated verb phrase with the same subject: "says A and calls her B", "said A but did not say B"
        if ctype in GOES_ON_TYPES or _present_after_past_report(text, lo, cs, ce, outer_ce):
            return None
        word_start = _word_start(text, cs, lo)
        left = COORDINATED_VERB.search(text, max(lo, word_start - 40), word_start)
        if left is None:
            return _asyndetic_restart(text, cs, lo, ctype, outer_ce)
        return left.start() if left.start() > lo else None
    if m.type == "pronoun" and text[m.start:m.end].lower() in ("who", "which", "that"):
        return None
    m = _last_conjunct(text, lo, m)
    left = RESTART.search(text, max(lo, m.start - 24), m.start) if words else None
    if left is None:
        left = _comma_restart(text, lo, m, ce, outer_ce, ctype)
    # (not inside a coordinated subject of the content: "said she and her peers referred to ...")
    if left is None or left.start() <= lo:
        return None
    if text.startswith("and", left.start()) and COORDINATED_SUBJECT.fullmatch(text, lo, left.start()):
        return None  # "said that she and her supporters never doubted", "said both he and Rubio promised"
    return left.start() if _at_least(2, text, lo, left.start()) else None


# a present verb after "and"/"but" inside the content of a past report agrees with the reported clause's subject,
# not with the speaker, whose next act the narrator would tell in the past: "said that both firms are hiring and plan
# to expand" (not "and planned"). Not after a perfect ("has said A and thinks B": both present) nor with an auxiliary
# before the verb ("said A and has since argued B": the narrator's present perfect)
PRESENT_AFTER_COORDINATOR = rx.compile(r"\b(?:and|but)(?:\s+[a-z]+ly|\s+(?:also|still|now|often|always|never|not))*\s+$")
PERFECT_BEFORE = rx.compile(r"(?:\b(?:have|has)|[’']ve)(?:\s+[a-z]+){0,2}\s+$")


def _present_after_past_report(text: str, lo: int, cs: int, ce: int, outer_ce: int) -> bool:
    """Whether the cue at `cs` is a present verb right after "and"/"but" (adverbs between) in the content starting
    at `lo` of a report whose cue, a past form not after "has"/"have", ends at `outer_ce`."""
    if outer_ce < 0 or PRESENT_AFTER_COORDINATOR.search(text, max(lo, cs - 40), cs) is None:
        return False
    outer_word = text[text.rfind(" ", 0, outer_ce) + 1:outer_ce].lower()
    word = text[cs:ce].split()[0].lower()
    # (a bare form is its own lemma in cue_verbs.csv: "seem", not "felt" or "knew"; some -ed forms are too)
    present = _finite_form(word) == "present" \
        or not word.endswith(("ed", "ing")) and word not in ASYNDETIC_PASTS and (cue_table().get(word) or ("",))[0] == word
    return present and _finite_form(outer_word) == "past" \
        and PERFECT_BEFORE.search(text, max(0, outer_ce - len(outer_word) - 30), outer_ce - len(outer_word)) is None


PREFIX_BEFORE = rx.compile(r"(?<![\w-])[a-z]+-$")  # a verb's prefix before its hyphen ("counter-", "co-", "re-")


def _word_start(text: str, cs: int, lo: int) -> int:
    """Where the word of a cue starting at `cs` starts: before its prefix ("denied the charges and counter-accused
    her of battery": the coordinated verb is the prefixed one)."""
    if cs <= lo or text[cs - 1] != "-" or (prefix := PREFIX_BEFORE.search(text, max(lo, cs - 12), cs)) is None:
        return cs
    return prefix.start()


# a comma alone (after a closing quotation mark too) before the next verb of the same subject and its adverbs
ASYNDETIC_COMMA = rx.compile(r",[”\"’']?\s*(?:(?:[a-z]+ly|also|then|later|again|still|even|now|never|not|once)\s+)?$")
FIRST_WORD = rx.compile(r"[\w’'-]*")


def _asyndetic_restart(text: str, cs: int, lo: int, ctype: str, outer_ce: int) -> int | None:
    """Where the content after an outer cue, starting at `lo`, ends when a comma alone puts the next cue, a finite
    verb with no subject of its own, after it: the next predicate of the outer cue's subject, an attribution of its
    own ("Trump joked about Jewish stereotypes, declined to affirm his support for ...", "He later suggested her
    menstrual cycle was behind her aggressive tone, called her “third-rate” and ..."), also after a participle set
    off after the subject ("Salceda, citing data from the State Department, said that ...", "Mr. Biden, recalling
    weekly breakfasts with Mrs. Clinton, described himself as ..."); or None.
    PolNeAR train (with the prefixed verb after "and" in _coordinated_restart): 3 and 4 more speech-cue contents
    found on the two halves of the articles, 10 and 11 more gold contents of all kinds, none lost."""
    if ctype in GOES_ON_TYPES or not 0 <= outer_ce <= lo:
        return None  # (not inside what a closing attribution reports: "He won, vowed to fight on, aides said")
    left = ASYNDETIC_COMMA.search(text, max(lo, cs - 16), cs)
    if left is None or left.start() <= lo or text.find(",", lo, left.start()) >= 0 \
            or text.find(";", lo, left.start()) >= 0:
        return None  # (one clause between the two verbs, as in _asyndetic_subject)
    form = _finite_form(FIRST_WORD.match(text, cs).group().lower())
    if form is None:
        return None
    return left.start() if _at_least(1, text, lo, left.start()) else None


BY_AGENT = rx.compile(r"\s+by\s+")
# the end of the word before a passive participle: a form of "be" or an adverb after it ("was first reported")
# (the last word before a passive participle, at most five letters: looked for in the six characters before its space)
PASSIVE_LEAD = (" was", "were", " is", " are", " be", "been", "being", " not", "also", "first", "ly", "ever", "ften")
# adverbs between a form of "be" and its participle ("was first reported", "is often described")
_BE_ADVERBS = r"(?:\s+\w+ly|\s+not|\s+also|\s+first|\s+n?ever|\s+often)*\s*$"
# a form of "be" before a participle ("’s" may be "has": "he’s said he will fight" is no passive)
PASSIVE_AUX = rx.compile(r"\b(?:was|were|is|are|be|been|being)\b" + _BE_ADVERBS)
BE_AUX = rx.compile(r"(?:\b(?:was|were|is|are|be|been|being|’s|'s)\b)" + _BE_ADVERBS)


@lru_cache(maxsize=1)
def _addressee_openers() -> dict[str, frozenset[str]]:
    """Lemma -> the words that open its complement after a passive's agent (addressee_passives.txt)."""
    openers: dict[str, set[str]] = {}
    for line in word_list("addressee_passives.txt"):
        lemma, opener = line.split()
        openers.setdefault(lemma, set()).add(opener)
    return {lemma: frozenset(words) for lemma, words in openers.items()}


# the word opening a complement after a passive's agent, before the clause or phrase it opens
ADDRESSEE_OPENER = rx.compile(r"\s(that|of|to|against)\s+(?=\w)")
AGENT_BREAK = rx.compile(r"[;:!?“”\"()]")


def _addressee_passive(text: str, cue: tuple, lo: int, hi: int, agent_at: int
                       ) -> tuple[tuple[int, int], Mention] | None:
    """`was warned by X that CONTENT`, `accused by X of CONTENT`: the passive's subject is the one spoken to or
    about, so the agent speaks and the complement after it is what was said (with or without an auxiliary: "after
    being warned by the embassy that ...", "a senator accused by the press of lying")."""
    openers = _addressee_openers().get(cue[2])
    if openers is None:
        return None
    for op in ADDRESSEE_OPENER.finditer(text, agent_at, min(hi, agent_at + 120)):
        if AGENT_BREAK.search(text, agent_at, op.start()) is not None:
            return None  # (the agent runs over no sentence mark or quotation)
        if op.group(1) not in openers or op.group(1) in ("to", "of") and NOT_INFINITIVE.match(text, op.end()):
            continue  # (a preposition inside the agent: "the head of the agency", "a letter to the editor")
        s_s, s_e = _strip(text, agent_at, op.start())
        while s_e > s_s and text[s_e - 1] == ",":
            s_e -= 1
        agent = mention_after(text, s_s, s_e)
        if agent is None or agent.start != s_s:
            return None
        mo = _clause_end(text, op.end(), hi)
        c_e = mo.start() if mo is not None else hi
        if text.endswith(", ", lo, cue[0]) and (comma := text.find(",", op.end(), c_e)) > 0:
            c_e = comma  # set off by commas, the participle phrase ends at its closing one: "X, accused by Y of Z, is"
        c_s, c_e = _strip(text, op.start(), c_e)
        while c_e > c_s and text[c_e - 1] in ".!?":
            c_e -= 1
        return ((c_s, c_e), Mention(s_s, s_e, agent.type)) if _at_least(2, text, c_s, c_e) else None
    return None


def _passive(text: str, cue: tuple, lo: int, hi: int, agent_at: int) -> tuple[tuple[int, int], Mention] | None:
    """`The meeting was first reported by Politico`: content is the subject, source the agent after "by".

    A participle with "by" and no auxiliary is a reduced relative clause inside a noun phrase
    ("A statement issued by the ministry read ..."), not an attribution of its own.
    """
    cs = cue[0]
    got = _addressee_passive(text, cue, lo, hi, agent_at)
    if got is not None:
        return got
    if BE_AUX.search(text, max(lo, cs - 40), cs) is None:
        return _first_reported(text, cue, lo, hi, agent_at)
    subject = mention_before(text, cs, lo)
    if subject is None:
        return None
    mo = OBJ_END.search(text, agent_at, hi)
    s_s, s_e = _strip(text, agent_at, mo.start() if mo else hi)
    if not WORD.search(text, s_s, s_e):
        return None
    if cue[2] == "ask":
        # "Sanders was asked by host John Dickerson whether his aim was ...": the question is the content
        q = QUESTION_WORD.search(text, s_s, s_e)
        if q is not None and q.start() > s_s:
            c_s, c_e = _strip(text, q.end() if q.group().endswith("about") else q.start(), s_e)
            s_s, s_e = _strip(text, s_s, q.start())
            while c_e > c_s and text[c_e - 1] in ".?":
                c_e -= 1
            agent = mention_after(text, s_s, s_e)
            return (c_s, c_e), Mention(s_s, s_e, agent.type if agent is not None else "person")
    agent = mention_after(text, s_s, s_e)
    return (subject.start, subject.end), Mention(s_s, s_e, agent.type if agent is not None else "organisation")


FIRST_BEFORE = rx.compile(r"(?:^|(?<=\s))(?:first|originally|previously)\s+$")
NP_BEFORE_FIRST = rx.compile(r"(?:^|[,;:—–(]\s*|\s-\s)([^,;:—–()]{1,80}?)\s+(?:first|originally|previously)\s+$")


def _first_reported(text: str, cue: tuple, lo: int, hi: int, agent_at: int) -> tuple[tuple[int, int], Mention] | None:
    """A reduced relative that credits a report's source: "a fact first reported by X" reports "a fact"; "The
    campaign, first reported by The Post, is a key element" reports the clause it is set off in. Only after
    "first"/"originally"/"previously", which mark a report ("A statement issued by the ministry read" is none)."""
    cs = cue[0]
    first = FIRST_BEFORE.search(text, max(lo, cs - 12), cs)
    if first is None:
        return None
    before = text[lo:first.start()].rstrip()
    if before.endswith(",") and len(before) > 3:
        # set off by commas after the subject: the agent ends at the closing comma, the content is the clause
        close = text.find(",", agent_at, hi)
        agent = mention_after(text, agent_at, close) if close > 0 else None
        if agent is None:
            return None
        c_s, c_e = _strip(text, _clause_start(text, lo, lo + len(before) - 1), hi)
        while c_e > c_s and text[c_e - 1] in ".!?":
            c_e -= 1
        return ((c_s, c_e), Mention(*_strip(text, agent_at, close), agent.type)) if c_e > close + 2 else None
    np = NP_BEFORE_FIRST.search(text, max(lo, cs - 100), cs)
    if np is None:
        return None
    ao = OBJ_END.search(text, agent_at, hi)
    a_s, a_e = _strip(text, agent_at, ao.start() if ao else hi)
    while a_e > a_s and text[a_e - 1] in ".!?":  # (the sentence's period is no part of the source)
        a_e -= 1
    agent = mention_after(text, a_s, a_e)
    if agent is None:
        return None
    c_s, c_e = _strip(text, np.start(1), np.end(1))
    return ((c_s, c_e), Mention(a_s, a_e, agent.type)) if WORD.search(text, c_s, c_e) else None


QUESTION_WORD = rx.compile(r"\s(?:whether|if|what|how|why|who|when|where|which|about)\b")


# a phrase after an agentless passive cue that is no complement of it: where, when or to whom it was said
PASSIVE_ADJUNCT = rx.compile(r"(?:to\s+(?:him|her|them|me|us|you|the|a|an|his|their|its|reporters)|in|from|since|at|during|after"
                             r"|before|until)\b")


# a free relative for the subject of a passive labelling: "what is often described as the nation's second-biggest
# job", "what had been called the “Golden Week”" (the label with "what" is the content, as for any passive subject)
WHAT_PASSIVE = rx.compile(r"\b[Ww]hat\s+(?:is|are|was|were|(?:has|have|had)\s+been)" + _BE_ADVERBS)


def _agentless_passive(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], None] | None:
    """`Symbolic gestures were announced.`, `Sanders was declared the winner`: a passive report with no agent
    reports its subject with what follows the cue (PolNeAR: no source; the cue between is ignored);
    `Clinton was asked about the emails` reports the question only."""
    cs, ce = cue[0], cue[1]
    if cue[2] == "tell" and text.find("that", ce, hi) >= 0:
        # "Sanders had been told just before the vote that he would lose": the one told is no speaker; the
        # that-clause is the content
        span = _content_right(text, ce, hi, "tell", "that")
        if span is not None:
            return span, None
    pos = _skip_adverbials(text, ce, hi)
    if _that(text, pos, hi):
        return None  # "it was reported that ...": the that-clause is the content (the general steps find it)
    span = _content_right(text, ce, hi, cue[2], "object")
    if span is None and text.startswith(" as ", ce) and (label := _content_right(text, ce + 4, hi, cue[2], "object")):
        span = (ce + 1, label[1])  # "he was described as becoming newly serious": a short "as" phrase is the label
    if cue[2] == "ask" and span is not None:
        # "But when voters were asked who would bring change, Trump trounced Clinton": the question ends with the
        # clause of time
        end = _subordinate_end(text, lo, cs, ce, hi)
        if end < span[1] and WORD.search(text, span[0], end):
            span = _strip(text, span[0], end)
        return span, None
    if span is not None and cs - lo > 8 and text.find("hat ", max(lo, cs - 40), cs) >= 0 \
            and (what := WHAT_PASSIVE.search(text, max(lo, cs - 40), cs)) is not None:
        return (what.start(), span[1]), None
    subject = mention_before(text, cs, lo)
    if subject is None or text[subject.start:subject.end].lower() == "there":
        return None
    if span is not None and (text.find(",", ce, span[0]) >= 0 or PASSIVE_ADJUNCT.match(text, span[0], span[1])):
        span = None  # "Jokes are told, interviews are requested", "were described to him by a reporter": no complement
    if text[subject.start:subject.end].lower() in ("it", "that", "this"):
        # a pronoun standing for a thing said before ("A year after it was announced, ...") is the content; not
        # the empty "it" of "it was said to be" or "it was reported as"
        if text.startswith((" to ", " as ", " by "), ce) or text.startswith((" to ", " as "), pos) \
                or text.startswith(("to ", "as "), pos) \
                or text.startswith(",", ce) and text[max(lo, subject.start - 3):subject.start].rstrip().endswith(","):
            return None  # (nor the parenthetical "where, it is said, racists fired")
        return (subject.start, subject.end), None
    return (subject.start, span[1] if span is not None else subject.end), None


def _dash_spans(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the dashes that set off an aside ("—", "–", "―", or " - ", " -- " between spaces),
    found with str.find like the quote marks (a regex scan of every character is several times slower)."""
    spans = [(i, i + 1) for i in segment.char_positions(text, "—–―")]
    i = text.find(" -")
    while i >= 0:
        end = i + 2 if text.startswith(" - ", i) else i + 3 if text.startswith(" -- ", i) else -1
        if end > 0:
            spans.append((i + 1, end))
        i = text.find(" -", i + 2)
    spans.sort()
    return [s for s, _ in spans], [e for _, e in spans]


def _sentence_bounds(text: str, cs: int, ce: int, sent_of, dashes: tuple[list[int], list[int]]) -> tuple[int, int]:
    """The sentence around a cue, cut at paragraph breaks, or the parenthesis or dash pair holding it."""
    ss, se = sent_of(cs)
    # (the paragraph breaks are looked for inside the sentence only: a long paragraph is not scanned; most sentences
    # hold no break and no parenthesis, which one slice tells for less than the str.find calls' argument parsing)
    lo, hi = ss, se
    sentence = text[ss:max(se, cs)]  # (all the finds below look inside it, even for a cue past the sentence's end)
    if "\n" in sentence:
        nl = text.rfind("\n", ss, cs)
        lo = ss if nl < 0 else nl + 1
        nl = text.find("\n", ce, se)
        hi = se if nl < 0 else nl
    # a cue inside parentheses reports within them: "(at one point as low as 19%, Gutin says)"
    op = text.rfind("(", lo, cs) if "(" in sentence else -1
    if op >= 0 and text.rfind(")", op, cs) < 0:
        cl = text.find(")", ce, hi)
        if cl >= 0:
            return op + 1, cl
    # and between two dashes: "Trump - who previously said he would bomb them - said ..."
    starts, ends = dashes
    i = bisect.bisect_left(starts, lo)
    # one dash between the sentence start and the cue, and one after the cue in the sentence
    if i < len(starts) and starts[i] < cs and (i + 1 == len(starts) or starts[i + 1] >= cs):
        j = bisect.bisect_left(starts, ce, i + 1)
        if j < len(starts) and starts[j] < hi:
            return ends[i], starts[j]
    return lo, hi


INVERTED_SPEAKER_END = rx.compile(r"\s*(?:[,.;:!?)”\"]|$|\s*(?:of|from|at|in|on|for|who|which|as|after|during|to)\b)")
IDIOM_BEFORE = rx.compile(r"(?:^|\.\s+|\n)\s*That\s+$|\b(?:be|been)\s+$")
# after a parenthetical cue the sentence goes on: ", he said, limited the ..." (not ", adding", ", who", ", on
# condition of anonymity"); after "X said," (speaker before the cue) it may go on with any new clause: "...,
# they say, the world could suffer", "If the law conflicts, Rubio said, Christians must ignore it"
# prepositions and concessive or contrastive words after the comma: the narrator's adverbial, not the sentence going on
_ADVERBIAL_AFTER_COMMA = (r"|on\b|in\b|at\b|with\b|for\b|from\b|by\b|after\b|during\b"
                          r"|even\b|although\b|though\b|while\b|whereas\b|compared\b"
                          # a time phrase: ", two days after voters went to the polls"
                          r"|(?:\d+|an?|one|two|three|four|five|six|several|few)\s+(?:hours|days|weeks|months|years)"
                          r"\s+(?:after|before|later|earlier|ago)\b")
# after "..., according to X," a clause with its own subject and verb goes on with the content: "About 10 p.m.,
# according to a timeline, the contractors left", "But the next day, according to Roffman, Trump made demands"
CLAUSE_AFTER_SOURCE = rx.compile(r"\s*,\s+(?:the|a|an|[A-Z][\w’'.-]*|\$?\d[\d,.]*)\s+(?:(?!who\b|which\b|that\b)[\w’'.$-]+\s+){0,5}?"
                                 r"(?:was|were|is|are|has|have|had|will|would|could|can|did|does|receives?|[a-z]{3,}ed|"
                                 + IRREGULAR_PASTS + r")\b")
MID_PARENTHETICAL = rx.compile(r"\s*,\s+(?![a-z]+ing\b|according\b|who\b|which\b|but\b|and\b|citing\b|an?\b|the\b|whose\b"
                               + _ADVERBIAL_AFTER_COMMA + r")(?=[a-z])")
# (MID_CLAUSE, after "X said,", also goes on with a coordinated clause: "Take action before the election, they said,
# and you risk ...", "A wall would not only address X, she said, but also Y", and with an including-phrase, which
# stays inside content as elsewhere: "The emails were on work topics, the Times said, including speeches")
MID_CLAUSE = rx.compile(r"\s*,\s+(?!(?!including\b)[a-z]+ing\b|according\b|who\b|which\b|citing\b|whose\b"
                        + _ADVERBIAL_AFTER_COMMA + r")(?=[A-Za-z])")


# the first word of a predicate: an auxiliary or a verb in -ed or -s
_PREDICATE_WORDS = r"is|was|are|were|has|have|had|will|would|could|can|may|might|should|must|does|did|do|[a-z]+ed|[a-z]+s"
# a predicate (maybe after an adverb) going on after a parenthetical cue's closing comma
PREDICATE_AFTER = rx.compile(r"\s*(?:[a-z]+ly\s+)?(?:" + _PREDICATE_WORDS + r")\b")
# after an inverted cue and its speaker, a comma and a noun are an appositive ("..., said Robert Egge, executive
# director of ..."): the sentence goes on only with a verb ("The plan, said Smith, was flawed") or a coordinated
# clause ("..., said Howard, but her character ...")
MID_PARENTHETICAL_INVERTED = rx.compile(r"\s*,\s+(?:[a-z]+ly\s+)?(?:" + _PREDICATE_WORDS + r"|and|but)\b")
CLOSING_MARKS = "”\"’'»"
RELATIVE_PRONOUNS = ("who", "which", "that")
# the verb of the main clause after a relative clause set off in its subject: "Lloyd Grove, the editor who wrote the
# profile on Boyle, Tweeted out ...", "Gov. X, who opposes abortion, vetoed the bill"
MAIN_VERB_AFTER_RELATIVE = rx.compile(r",\s+(?:[a-z]+ed|[A-Z][a-z]+ed|has|have|had|is|are|was|were|will|would|says"
                                      r"|said)\b")


def _relative_content_end(text: str, c_s: int, c_e: int) -> int:
    """Where the content of a cue in a relative clause ends: at the comma before the main clause's verb."""
    if text.find(", ", c_s, c_e) < 0:
        return c_e
    mv = MAIN_VERB_AFTER_RELATIVE.search(text, c_s, c_e)
    if mv is None or not _at_least(1, text, c_s, mv.start()):
        return c_e
    if text.startswith("that ", c_s) and not text.endswith(("ed", "said", "says"), mv.start(), mv.end()):
        return c_e  # "suggested that Mr. Jäger, under fire for ..., would do better": the reported clause's verb
    return mv.start()


def _comma_end(before: str, after: str = "") -> int | None:
    """Where the content before a closing attribution ends, when `before` ends in a comma: at the comma,
    or after the closing marks of a quote whose comma sits inside them ('... “create jobs,” Sanders
    said'); None when it does not end in a comma, or in the comma of a number ("1,100 names", `after`
    being the text that follows)."""
    if before.endswith(","):
        if before[-2:-1].isdigit() and after[:1].isdigit():
            return None
        return len(before) - 1
    body = before.rstrip(CLOSING_MARKS)
    return len(before) if len(body) < len(before) and body.endswith(",") else None


def _addressee_end(text: str, cue: tuple, hi: int) -> int:
    """After a telling cue, the end of its addressee ("told The New York Times", "told a Senate panel")."""
    if cue[2] in TELL_LEMMAS:
        mo = TELL_OBJ.match(text, cue[1], hi) or POSSESSED_ADDRESSEE.match(text, cue[1], hi)
        if mo is not None:
            return mo.end()
    return cue[1]


POSSESSED_ADDRESSEE = rx.compile(r"\s+(?:his|her|their|its|our|my)\s+[\w-]+(?:\s+[\w-]+)?\b")


# a speaker phrase the mention walk did not parse: short, opening like a noun phrase, no verb-like word
SPEAKER_PHRASE = rx.compile(r"(?:(?:a|an|the|one|two|three|several|some|many|his|her|their|its)\s+|[A-Z]"
                            # lower-case titles before a name: "former Pennsylvania governor Ed Rendell"
                            r"|(?!(?:to|and|or|but|by|with|in|on|at|for|of|from|that|which|who|as|if|when|while)\s)"
                            r"(?:(?!to\s)[a-z][\w’'-]*\s+){1,4}(?=[A-Z]))(?:[^,;:.!?“”\"()\n]|\.(?=\s?[A-Z])){1,80}")
# the finite auxiliaries and modals (a verb phrase, or the verb right after a clause subject)
FINITE_AUXILIARIES = r"is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do"
PHRASE_VERB = rx.compile(r"\b(?:" + FINITE_AUXILIARIES + r")\b")


def _closing_phrase(text: str, cue: tuple, lo: int, hi: int) -> tuple[tuple[int, int], Mention] | None:
    """A closing attribution whose speaker phrase the mention walk missed: `CONTENT, a source close to him
    said.`, `CONTENT, said lobbyist and GOP strategist Charlie Black.` The phrase must be short, open like a
    noun phrase and hold no verb, and the cue must close the sentence."""
    cs, ce = cue[0], cue[1]
    comma = text.rfind(",", lo, cs)
    if comma < 0 or not _at_least(3, text, lo, comma):
        return None
    if text[comma + 1:cs].strip():  # "CONTENT, PHRASE said."
        p_s, p_e = _strip(text, comma + 1, cs)
        tail = _addressee_end(text, cue, hi)
        if not _short_tail(text, tail, hi) or _bare_object(text, cue, hi):
            return None
    else:  # "CONTENT, said PHRASE."
        end = text.find(",", ce, hi)
        p_s, p_e = _strip(text, ce, end if end > 0 else hi)
        while p_e > p_s and text[p_e - 1] in ".!?":
            p_e -= 1
        if not any(c.isupper() for c in text[p_s:p_e]):
            return None
    phrase = SPEAKER_PHRASE.fullmatch(text, p_s, p_e)
    if phrase is None or _at_least(9, text, p_s, p_e) or PHRASE_VERB.search(text, p_s, p_e):
        return None
    if p_s >= ce and (after := text.find(",", p_e, hi)) > 0:
        # "Part of the problem, say experts like Paul Bauman, a geophysicist, is the ground itself": the sentence
        # goes on with its verb after the inverted cue (and at most one appositive), so it is all content
        nxt = text.find(",", after + 1, min(hi, after + 80))
        for at in (after, nxt):
            if at > 0 and MID_PARENTHETICAL_INVERTED.match(text, at, hi):
                c_s, c_e = _strip(text, lo, hi)
                while c_e > c_s and text[c_e - 1] in ".!?":
                    c_e -= 1
                return (c_s, c_e), Mention(p_s, p_e, "person")
    c_s, c_e = _strip(text, lo, comma)
    return (c_s, c_e), Mention(p_s, p_e, "person")


def _bare_object(text: str, cue: tuple, hi: int) -> bool:
    """True when a cue that takes no addressee is followed by a bare object, its own content: "Shortly after
    my sentence, Eric Holder announced his resignation", "Asked whether ..., 75 percent said yes"."""
    if cue[2] in TELL_LEMMAS:
        # "..., Sanders told reporters.": an addressee; "..., Gary Johnson told a joke.": what is told
        return cue[2] == "tell" and _told_noun_object().match(text, cue[1], min(hi, cue[1] + 80)) is not None
    pos = _skip_adverbials(text, cue[1], hi)
    word = WORD.match(text, pos + len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip()), hi)
    return word is not None and word.group().lower() not in TAIL_WORDS and not word.group()[:1].isupper()


# words that may follow a closing cue without being its content: prepositions, adverbs, "that"
TAIL_WORDS = {"of", "to", "about", "on", "in", "at", "for", "from", "with", "after", "before", "during", "while", "when",
              "as", "since", "by", "but", "and", "then", "later", "earlier", "recently", "privately", "publicly",
              "repeatedly", "again", "too", "also", "last", "this", "that", "today", "yesterday", "tonight", "afterward",
              "through", "via", "under", "over", "amid", "despite", "following", "because", "if", "though", "although",
              "upon", "without", "here", "there", "instead", "once", "twice", "not", "so"}


GERUND_OBJECT = rx.compile(r"\s+on\s+[a-z]+ing\b")  # a cue's prepositional object, no time phrase


THAT_TIME = rx.compile(r" that (?:" + WEEKDAYS + r")\b")


def _short_tail(text: str, ce: int, hi: int) -> bool:
    """True when a cue ends its clause: at most three words before the clause ends ("..., Spicer said,
    adding, ..."), or only adverbial phrases ("..., he said after meeting Thursday with Trump aides.")."""
    pos = _skip_adverbials(text, ce, hi)
    if text.startswith(" that ", pos) and THAT_CLAUSE.match(text, pos) is not None \
            and THAT_TIME.match(text, pos) is None:
        # a that-clause is a content of its own, however short: "..., he said that CNN had." (not a time phrase:
        # "..., she said that Tuesday.")
        return False
    if ADVERBIAL_CLAUSE.match(text, pos, hi) and not THAT_AFTER_ADVERBIAL.match(text, pos, hi) \
            and not GERUND_OBJECT.match(text, pos, hi):  # ("insisted on getting all Americans out")
        return True
    end = _clause_end(text, pos, hi)
    return not _at_least(4, text, pos, end.start() if end else hi)


INVERTED_SPEAKER_CLOSE = rx.compile(r"\s*(?:[,.;:!?)”\"]|$)")  # what ends an inverted speaker at once


def _parenthetical(text: str, cue: tuple, lo: int, hi: int) -> bool:
    """`CONTENT, Cuban said.` / `CONTENT, said Wilcox, a Republican.`: a cue after a comma that closes
    its sentence reports everything before it, including any cue words there."""
    cs = cue[0]
    if text.find(",", lo, cs) < 0:
        return False  # no comma before the cue (the speaker walk below is the costly part)
    m = mention_before(text, cs, lo)
    before = text[lo:(m.start if m is not None else cs)].rstrip()
    if _comma_end(before, text[m.start:m.start + 1] if m is not None else "") is None:
        return False
    if m is None:
        aside = text.rfind(",", lo, lo + len(before) - 1)
        if aside >= 0 and (adverb := _adverb_aside(text, aside, hi)) is not None and adverb.start(2) == cs:
            return False  # "said she, too, backs a recount": the verb of a subject with an adverb set off after it
        # "CONTENT, said Wilcox, a Republican.": the inverted speaker closes the clause; "Kiedis said his band,
        # AKA Danger Mouse, wrote a host of new songs" is a verb with its object, no attribution
        after = mention_after(text, cue[1], hi)
        return after is None or INVERTED_SPEAKER_CLOSE.match(text, after.end, hi) is not None \
            or _short_tail(text, after.end, hi)
    return _short_tail(text, cue[1], hi)


def _outermost(records: list[dict]) -> list[dict]:
    """Drop attributions whose cue lies inside another attribution's content (PolNeAR: tokens are univocal), but
    not a verb of saying inside what a later, closing attribution reports."""
    spans = sorted((r["start"], r["end"], id(r)) for r in records)
    starts = [s for s, _, _ in spans]
    # the furthest end among spans[:i + 1]: no content at or before i reaches a cue at or after it
    reach, far = [], -1
    for _, e, _ in spans:
        far = max(far, e)
        reach.append(far)
    by_id = {id(r): r for r in records}
    out = []
    for r in records:
        c = r["cue_start"]
        nested = False
        if c is not None:
            i = bisect.bisect_right(starts, c) - 1
            # contents before the cue that may cover it; a content never nests in its own record
            while i >= 0 and starts[i] > c - 3000 and reach[i] > c:
                s, e, rid = spans[i]
                if s <= c < e and rid != id(r):
                    other = by_id[rid]
                    mutual = other["cue_start"] is not None and r["start"] <= other["cue_start"] < r["end"]
                    # two contents holding each other's cue: the longer one is the outer attribution
                    # A verb of saying before the cue of a closing attribution ("..., they said", "..., according
                    # to X") reports on its own: "Other Republican candidates said they support charter schools,
                    # but they wouldn't advocate for them on the federal level, they said" (PolNeAR train: 8 and 7
                    # more speech-cue contents found on the two halves of the articles; all overlap F1 -0.0010,
                    # e2e F1 -0.0007: PolNeAR leaves some such reports inside the closing one, "6 in 10 voters said
                    # ..., according to the poll")
                    closing = other["cue_start"] is not None and c < other["cue_start"] and r["cue_type"] == "speech"
                    if not (mutual and r["end"] - r["start"] > e - s) and not closing:
                        nested = True
                        break
                i -= 1
        if not nested:
            out.append(r)
    return out


@lru_cache(maxsize=1)
def _message_object_before() -> re.Pattern:
    """A verb of message_verbs.txt and its object, a noun (checked against document_nouns.txt), up to the end:
    "Trump released a marketing video ", "his campaign sent out a text message to supporters "."""
    verbs = word_alternation("message_verbs.txt")
    # (not a noun after a determiner: "a springtime wave of television ads that slam")
    return rx.compile(r"(?<![\w’'-])(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bof )(" + verbs + r")\s+(?:(?:a|an|the|his|her|their|its|this|another)\s+)?"
                      r"(?:(?!(?:in|on|at|under|with|for|to|into|about|over|than|as)\s)[\w’'-]+\s+){0,3}?([a-z][\w-]*)"
                      r"(?:\s+(?:from|by|of|to)\s+[^,;:.!?“”\"\n]{1,60}?)?,?\s+$")


HEAD_NOUN = rx.compile(r"(?<![\w’'-])[a-z][\w-]*")  # (the lower-case words MESSAGE_OBJECT_BEFORE takes as head noun)


def _message_sender(text: str, m: Mention | None, lo: int, cue: tuple) -> Mention | None:
    """The speaker for a cue's speaker mention `m`: when the cue's subject is a message that a verb takes as its
    object ("Trump released a video that said", "she sent an email saying"), the verb's subject, who put the
    message out; else `m`."""
    if m is not None and m.type == "pronoun" and m.end - m.start <= 5 and text[m.start - 1:m.start] == " " \
            and text[m.start:m.end].lower() in ("that", "which"):
        at = m.start  # a relative pronoun on the message
    elif text.endswith("ing", cue[0], cue[1]) and m is not None and m.start < cue[0] and m.type != "pronoun":
        at = cue[0]  # a participle after it
    else:
        return m
    nouns = word_list("document_nouns.txt")
    if nouns.isdisjoint(HEAD_NOUN.findall(text, max(lo, at - 120), at)):
        return m  # (no message noun before it: the regex below is not needed)
    got = _message_object_before().search(text, max(lo, at - 120), at)
    if got is None or got.group(2) not in nouns:
        return m
    if text.endswith((" and", " or", " but"), lo, got.start(1) - 1):
        return m  # a coordinated verb, whose subject is further back ("had sent letters, ... and placed ads calling")
    # the noun phrase right before the verb ("The day before, at a rally, Aubrey Pelletier hoisted a sign"), not
    # a participle phrase ("calling for his firing and carrying signs saying")
    sender = mention_before(text, got.start(1), lo)
    if sender is not None and (sender.type != "pronoun" or text[sender.start:sender.end].lower() in PERSONAL_PRONOUNS) \
            and not (text[sender.start].islower() and text[sender.start:sender.end].split()[0].endswith(("ing", "ed"))):
        return sender
    return _object_clause_subject(text, lo, got.start(1)) or m


PERSONAL_PRONOUNS = ("he", "she", "they", "we", "i")


def _object_clause_subject(text: str, lo: int, obj: int) -> Mention | None:
    """Subject of the clause text[lo:...] whose verb takes the object starting at `obj`, trimmed of its verb."""
    subject = _subject_np(text, lo, obj)
    if subject is None or subject.end > obj or text[subject.start:subject.end].lower() in NOT_SUBJECTS:
        return None
    verb = SUBJECT_VERB.search(text, subject.start, subject.end)  # "Her campaign quickly blasted out"
    return Mention(subject.start, verb.start(), subject.type) if verb else subject


# more openings before a clause subject (for the subject only; INTRO also decides contents): "Likewise,", "To win the
# primary,", "One month after announcing his support for Trump,", "Just before the flight took off,", "ORLANDO, Fla.
# (Reuters) -"
LEAD_IN = rx.compile(r"\s*(?:(?:Likewise|Similarly|Separately|Additionally|Moreover|Furthermore|Finally|Ultimately|Today"
                     r"|Yesterday|Tonight|To\s+[^,;:“”\"\n]{1,80}?)\s*,"
                     r"|(?:(?:Just|Shortly|Even|Soon|Right|Long|Only|Not\s+long)\s+|(?:A|An|One|Two|Three|Four|Five|Six"
                     r"|Several|A\s+few|\d+)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+)(?:after|before)\b"
                     r"[^,;:“”\"\n]{0,120}?,"
                     r"|[A-Z][A-Z .’'-]{2,40},\s*[A-Z][a-z]{1,8}\.\s*(?:\([A-Za-z]+\))?\s*[—–-]+)\s*")


def _subject_np(text: str, lo: int, hi: int) -> Mention | None:
    """The noun phrase opening a clause (`Trump spotted a sign and asked` -> Trump), after an
    introductory phrase ("Instead, the Vermont senator is sticking to ..., hoping")."""
    intro = INTRO.match(text, lo, hi)
    if intro is None and (lead := LEAD_IN.match(text, lo, hi)) is not None:
        # (and an opening after it: "BUENA PARK, Calif. - Rallying hundreds of workers, Clinton ...")
        intro = INTRO.match(text, lead.end(), hi) or lead
    if intro is None and (sub := SUBORDINATE_LEAD.match(text, lo, hi)) is not None and text.find(",", sub.end(), hi) < 0:
        # the cue inside an opening subordinate clause (the introduction's comma comes after it): "Even before
        # Sanders took the stage to acknowledge his victory, ...": its subject follows the subordinator
        lo = sub.end()
    elif (intro is None or intro.end() >= hi - 1) and (time := TIME_LEAD.match(text, lo, hi)) is not None:
        # a time phrase with no comma before the subject: "On Sunday morning Mr. Trump made ..., writing",
        # "A few minutes later they reversed themselves ... and said"
        lo = time.end()
    elif intro is not None:
        lead = CONJUNCTION_LEAD.match(text, lo, hi).end() if text[lo:lo + 10].lstrip().startswith(CONJUNCTIONS) else -1
        if lead >= 0 and (intro.end() >= hi - 1 or _clause_opens(text, lead, intro.end())):
            # "And even Obama tried to help them, noting ...": an opening conjunction whose "introduction" runs
            # to the cue is the clause itself, and so is one whose "introduction" has a subject and its verb ("But
            # the senator will work with unions, teachers and parents to call for", "Then they headed out, ready to
            # tell") or is only the subject before an aside ("But Mrs. Clinton, who was distracted while saying")
            lo = lead
        else:
            lo = intro.end()
    else:
        lo = CONJUNCTION_LEAD.match(text, lo, hi).end()  # "But the court overruled and said", "Even the hawks say"
    m = mention_after(text, lo, hi)
    if m is None and (more := SECOND_OPENING.match(text, lo, hi)) is not None:
        # a second opening phrase before the subject: "In the last debate, on CNBC, candidates ...", "Now, armed
        # with an early victory, he's poised to ..."
        lo = more.end()
        m = mention_after(text, lo, hi)
    if m is None:
        # what the mention walk reads as no noun phrase: a bare plural ("candidates were able to", "members of the
        # Islamic State used") or a pronoun fused with its auxiliary ("he’s poised to argue")
        bare = BARE_SUBJECT.match(text, lo, hi)
        if bare is None:
            return None
        if bare.group(2) is not None:
            return Mention(bare.start(2), bare.end(2), "pronoun")
        if vocab()["nouns"].get(bare.group(1)) != "group":
            return None
        of = OF_NAME.match(text, bare.end(1), hi)  # "members of the Islamic State"
        return Mention(bare.start(1), of.end() if of is not None else bare.end(1), "group")
    first = text[m.start:m.end].split()[0]
    # not a subject: a lone function word, an adverb or a participle opening the sentence
    if (m.end - m.start == len(first) and first.lower() in NOT_SUBJECT_WORDS) or first.endswith("ly") \
            or (first.endswith("ing") and m.type == "person"
                and not (first[0].isupper() and _finite_verb_after(text, m.end, hi))):
        return None
    return m


BARE_SUBJECT = rx.compile(r"\s*(?:([a-z]+s)\s+(?=(?:of\s|[a-z]+ed\s|were\s|are\s|have\s|had\s|will\s|would\s|could\s"
                          r"|can\s|must\s|should\s|may\s|might\s))|([Hh]e|[Ss]he|[Tt]hey|[Ww]e)(?=[’'](?:s|re|ve|d|ll)\s))")
OF_NAME = rx.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}")
# a lower-case prepositional or participle phrase set off by a comma after an opening one
SECOND_OPENING = rx.compile(r"\s*(?:(?:on|in|at|for|with|after|before|during|since|under|like|unlike|despite|amid|among|over"
                            r"|from|without)\b|[a-z]+(?:ed|en)\b)[^,;:“”\"\n]{0,160}?,\s+")


def _clause_opens(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] opens with a subject and its finite verb ("they headed out", "Sanders will work"), or
    is only a noun phrase before a comma, a subject before an aside ("Mrs. Clinton, who was distracted while")."""
    m = mention_after(text, lo, hi)
    if m is None or m.start > lo + 1 or m.type == "evidence":
        return False
    if text[m.end:hi].strip() == ",":
        return True
    mv = VERB_AFTER_SUBJECT.match(text, m.end, hi)
    return mv is not None and (mv.group(1).endswith("ed") or mv.group(1) in PAST_FORMS
                               or FINITE_AUX.match(text, m.end, mv.start(1)) is not None)


FINITE_AUX = rx.compile(r"\s+(?:" + FINITE_AUXILIARIES + r")\s")


def _finite_verb_after(text: str, pos: int, hi: int) -> bool:
    """Whether a past verb follows `pos` (over auxiliaries and adverbs): before "reminisced" a capitalised -ing word
    is a name ("Ebeling reminisced about ... and said"), before "at a rally" a participle ("Speaking at a rally")."""
    mv = VERB_AFTER_SUBJECT.match(text, pos, hi)
    if mv is None:
        return False
    w = mv.group(1)
    return w.endswith("ed") or w in PAST_FORMS  # (not "-s": "Consulting firms like McKinsey")


# a verb's past forms that do not end in -ed
PAST_FORMS = IRREGULAR_PAST_WORDS | word_list("saying_pasts.txt")


TIME_LEAD = rx.compile(r"[\s\"“]*(?:(?:And|But|Then)\s+)?(?:(?:On|Last|This|Early|Late|Later|Earlier)\s+(?:" + WEEKDAYS +
                       r"|week|month|year|night|morning|afternoon|evening"
                       r"|weekend)(?:\s+(?:morning|afternoon|evening|night))?|(?:A|An|One|Two|Three|Four|Five|Several"
                       r"|A\s+few)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|ago)|In\s+\d{4})"
                       r"\s+(?=[A-Z]|(?:he|she|they|we|the|a|an|his|her|their|its)\s)")
SUBORDINATE_LEAD = rx.compile(r"[\s\"“]*(?:(?:And|But|Yet|So|Even|Just|Shortly|Soon|Long|Only|Right)\s+)?(?:"
                              + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in SUBORDINATORS) + r")\s+")
CONJUNCTIONS = ("And ", "But ", "Yet ", "So ", "Also ", "Now ", "Then ", "Still ", "Indeed ")
CONJUNCTION_LEAD = rx.compile(r"\s*(?:(?:And|But|Yet|So|Also|Now|Then|Still|Indeed|Even)\s+)?(?:(?:even|then|also|still|now|later)\s+)?")


def scare_quotes(text: str) -> list[dict]:
    """Short quoted spans inside a sentence with no speaker or cue (`a "special military operation"`)."""
    if not text:
        return []
    attributed = sorted((r["start"], r["end"]) for r in extract_quotes(text))
    starts = [s for s, _ in attributed]
    # the furthest end among attributions starting at or before each one (to test containment by bisection)
    reach, far = [], -1
    for _, e in attributed:
        far = max(far, e)
        reach.append(far)
    out = []
    paras = _paragraphs(text)
    for q in quote_spans(text, paras):
        n = len(WORD.findall(text, q["start"], q["end"]))
        if n > SCARE_MAX_WORDS or q["close"] is None:
            continue
        k = bisect.bisect_right(starts, q["start"]) - 1
        if k >= 0 and reach[k] >= q["end"]:
            continue  # inside (or equal to) an attributed quotation
        out.append({"start": q["start"], "end": q["end"], "quote": text[q["start"]:q["end"]], "words": n})
    return out


def quotes_frame(articles: "pd.DataFrame", progress: bool | None = None) -> "pd.DataFrame":
    """One row per quote of every article (columns doc_id, text needed), via pipeline.article_quotes.

    Contract columns come first, then the extra keys (cue_type, speaker_type, rule, actor, camp, ...).
    progress: True shows a tqdm bar, False none, None one only on a terminal for 20+ articles. An
    article the pipeline fails on raises InputError naming it; no article is dropped silently.
    """
    import pandas as pd
    from tqdm import tqdm

    from toolkit.pipeline import article_quotes  # the pipeline imports this module

    missing = {"doc_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"quotes_frame needs columns doc_id and text; missing {sorted(missing)}")
    if progress is None:
        progress = sys.stderr.isatty() and len(articles) >= 20
    paths = articles["path"] if "path" in articles else articles["doc_id"]
    rows: list[dict] = []
    for doc_id, text, path in tqdm(zip(articles["doc_id"], articles["text"], paths), total=len(articles),
                                   desc="quotes", unit="article", disable=not progress, mininterval=1.0):
        if not isinstance(text, str):
            raise InputError(path, f"article text is {type(text).__name__}, not str")
        try:
            rows.extend(article_quotes(text, str(doc_id)))
        except Exception as err:  # a toolkit bug on one article: name it, keep the cause chained
            raise InputError(path, f"quote extraction failed: {type(err).__name__}: {err}") from err
    extra = sorted({k for r in rows for k in r} - set(CONTRACT_KEYS))
    return pd.DataFrame(rows, columns=[*CONTRACT_KEYS, *extra])
