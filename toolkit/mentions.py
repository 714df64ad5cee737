"""Speaker mentions next to a reporting cue, and their resolution to a full name within one article.

`mention_before` / `mention_after` find the noun phrase that is the source of a cue ("he",
"Spokeswoman Haley Morris", "Western officials interviewed by the WSJ", "Russia's foreign
ministry") by walking a few tokens from the cue; `NameIndex` resolves a mention to the
article's full name ("Li" -> "Li Hui", "the Russian foreign minister" -> "Sergei Lavrov",
"he" -> the most recent person).  Vocabulary comes from CSV/TXT files in toolkit/lexicons/.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from toolkit import regexcache as rx
from toolkit.cues import _read_csv
from toolkit.resources import ordered_words, word_list

# a token: a word (with inner apostrophes, dots of abbreviations, hyphens) or one punctuation mark. A word is
# the longest run of [\w.’'&-] that ends in [\w.], written as parts joined by marks with possessive repeats,
# which the regex engine runs without giving characters back (findall is a sixth faster than "[\w.’'&-]*[\w.]").
# The ASCII letters and digits come first in each class, tested from a bitmap before the Unicode category, and a
# word starting with one is a branch of its own (what "[^\W_]" matches besides: other scripts' letters and digits).
# (the class is [\w.]; the marks' part "(?:[’'&-]++[\w.]++)*+" is written as a branch that opens with one mark, which
# the engine turns away with one class test after most words, instead of setting up a repeat for each: the same
# tokens, 2% fewer instructions in findall)
_WORD_REST = r"[a-zA-Z0-9_.\w]*+(?:[’'&-][’'&-]*+[a-zA-Z0-9_.\w]++(?:[’'&-]++[a-zA-Z0-9_.\w]++)*+|)"
TOKEN = rx.compile(r"[a-zA-Z0-9]" + _WORD_REST + r"|[^\W_]" + _WORD_REST + r"|[^\w\s]")
# a token with the characters before it that start none (spaces, underscores): findall gives (gap, token)
TOKEN_GAP = rx.compile(r"([\s_]*+)(" + TOKEN.pattern + ")")
# up to five capitalised words or abbreviations, then a word with a lower-case letter; written to start with
# its first capital (then the look-behind) so the regex engine can skip to capitals quickly, and with
# possessive repeats where giving characters back cannot help (a word never ends in a space). A single word
# is no full name; it is matched only when hyphenated, so that no match starts after its hyphen ("Anti-Mr.").
# (ASCII letters and digits lead each [\w...] class: tested from a bitmap before the Unicode category)
# (a look-ahead after the look-behind turns away, in one pass over the word, a capital that neither branch can
# start from, "The" before a lower-case word: each branch needs a hyphen after the word's letters, apostrophes
# and dots, or spaces and a capital after it; 8% fewer instructions in the scan)
NAME_RUN = rx.compile(r"[A-Z](?<![a-zA-Z0-9_\w’'][A-Z])(?=[a-zA-Z0-9_\w’'.]*+(?:-|[ \t]++[A-Z]))(?:(?:[a-z]{0,3}\.|[a-zA-Z0-9_\w’'-]*+)[ \t]++"
                      r"(?:(?:[A-Z][a-z]{0,3}\.|[A-Z][a-zA-Z0-9_\w’'-]*+)[ \t]++){0,4}[A-Z][a-zA-Z0-9_\w’'-]*?[a-z][a-zA-Z0-9_\w’'-]*+"
                      r"|(?=[a-zA-Z0-9_\w’']*-)[a-zA-Z0-9_\w’'-]*?[a-z][a-zA-Z0-9_\w’'-]*+)")
WINDOW = 260
SHORT_WINDOW = 90


@lru_cache(maxsize=1)
def vocab() -> dict:
    """Lexicons used for mentions, loaded once."""
    words = {r["word"]: r["role"] for r in _read_csv("mention_words.csv")}
    pron = {r["pronoun"]: r for r in _read_csv("pronouns.csv")}
    nouns = {r["noun"].lower(): r["type"] for r in _read_csv("speaker_nouns.csv")}
    titles, time_words = ordered_words("name_titles.txt"), ordered_words("time_words.txt")
    # lower-case words that end a name inside a capitalised run; titles and speaker nouns are cut as titles.
    # Built in place from one copy of the 7,500 lower-case words (each set operator would copy them again)
    name_breaks = set(word_list("lowercase_words.txt"))
    name_breaks |= word_list("function_words.txt")
    name_breaks.update(w.lower() for w in time_words)
    name_breaks.difference_update([t.lower().rstrip(".") for t in titles])
    name_breaks.difference_update(nouns)
    v = {
        "determiners": {w for w, r in words.items() if r == "determiner"},
        "skip": {w for w, r in words.items() if r == "skip"},
        "stop": {w for w, r in words.items() if r == "stop"},
        "boundary": {w for w, r in words.items() if r in ("boundary", "skip", "stop")},
        "prepositions": {w for w, r in words.items() if r == "preposition"},
        "pronouns": pron,
        "nouns": nouns,
        "titles": set(titles),
        "relay": set(ordered_words("relay_words.txt")),
        "places": set(ordered_words("places.txt")),
        "org_heads": set(ordered_words("org_heads.txt")),
        "name_breaks": name_breaks,
    }
    v["no_phrase_end"], v["no_lower_phrase_end"] = _no_phrase_ends(v)  # (for mention_before's first test)
    # (for the first tests of _skip_left and of _np_start's walk: words at which they may do more than go on)
    v["left_skips"] = frozenset(v["skip"] | PAST_TIMES | {d.lower() for d in DAYS} | {")"})
    v["walk_stops"] = frozenset(v["boundary"] | NP_JOINERS | {"to"} | (v["pronouns"].keys() - POSSESSIVE_PRONOUNS))
    return v


class Mention(NamedTuple):
    """A speaker mention: its span, its type, and where relayed speech names an intermediary."""
    start: int
    end: int
    type: str                      # person | pronoun | title | group | organisation | evidence
    intermediary: tuple | None = None  # (start, end) of "the WSJ" in "interviewed by the WSJ"


def _tokens(text: str, lo: int, hi: int) -> tuple[list[tuple[str, str]], int]:
    """The tokens of text[lo:hi] as (gap before, token) pairs and the offset where the first gap starts.

    Offsets are computed only for the tokens a mention is made of (_start, _end): building them for
    every token is most of the cost of a speaker walk.
    """
    toks = TOKEN_GAP.findall(text, lo, hi)
    if toks and not toks[0][0] and lo > 0 and text[lo - 1].isalnum():
        lo += len(toks.pop(0)[1])  # a window boundary inside a word: drop the fragment
    return toks, lo


def _start(toks: list, base: int, k: int) -> int:
    """Offset of token k (toks and base from _tokens)."""
    for gap, tok in toks[:k]:
        base += len(gap) + len(tok)
    return base + len(toks[k][0])


def _end(toks: list, base: int, k: int) -> int:
    """Offset just after token k."""
    return _start(toks, base, k) + len(toks[k][1])


def _span(toks: list, base: int, k: int, i: int) -> tuple[int, int]:
    """(start of token k, end of token i), k <= i, in one pass."""
    for gap, tok in toks[:k]:
        base += len(gap) + len(tok)
    start = base + len(toks[k][0])
    for gap, tok in toks[k:i]:
        base += len(gap) + len(tok)
    return start, base + len(toks[i][0]) + len(toks[i][1])


def _back_span(text: str, toks: list, base: int, hi: int, k: int, i: int) -> tuple[int, int]:
    """_span(toks, base, k, i) for the tokens of text[base:hi], counted back from the end of the last token.

    mention_before walks back from the cue, so its mention is a few tokens before `hi`: summing from
    there is shorter than from the window start. The last token is the last occurrence of its text
    before `hi` (only spaces and underscores follow it, and no token starts with either).
    """
    if text[hi - 1] == " " and not text[hi - 2].isspace() and text[hi - 2] != "_":
        end = hi - 1  # one space after the last token (most cues): no search for it
    else:
        last = toks[-1][1]
        end = text.rfind(last, base, hi) + len(last)
    # (the lengths summed in C, gap and token of each pair in turn: a Python loop over the pairs cost more)
    if i + 1 < len(toks):
        end -= sum(map(len, chain.from_iterable(toks[i + 1:])))  # the tokens after token i
    if k < i:
        return end - len(toks[k][1]) - sum(map(len, chain.from_iterable(toks[k + 1:i + 1]))), end
    return end - len(toks[i][1]), end


def _head_type(tok: str, v: dict) -> str | None:
    low = tok.lower()
    if low in v["stop"]:
        return None
    if low in v["pronouns"]:
        return "pronoun"
    if low[:1].isdigit():
        return "group"
    base = low[:-2] if low.endswith(("’s", "'s")) else low
    if base in v["nouns"]:
        return v["nouns"][base]
    if tok[:1].isupper() and low not in v["determiners"] and low not in v["skip"]:
        return "person"
    return None


DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today",
        "tonight", "week", "month", "year", "night", "weekend", "morning", "afternoon", "evening"}


PAST_TIMES = {"past", "time", "moment", "outset", "end"}


TITLE_PLACE_PREPOSITIONS = {"on", "in", "at", "during", "to", "from", "with", "via", "through"}
SENTENCE_MARKS = {".", "!", "?", "“", '"', ":", "''", "``", "(", "—", "–"}


AUX_NAMES = {"Will", "May"}  # auxiliaries that are also names


def _aux_name(toks: list, j: int) -> bool:
    """A capitalised auxiliary inside a sentence is a name, not a verb: "Instead, Will called for", "Polk County
    GOP Chairman Will Rogers, for example, said", "Theresa May said"; not at a sentence opening ("Will he run?")
    nor in a title-case headline ("Trump May Not Have Suggested", "Group Will Run Ads Demanding")."""
    if toks[j][1] not in AUX_NAMES or j == 0 or "\n" in toks[j][0] or toks[j - 1][1] in SENTENCE_MARKS \
            or toks[j - 1][1].endswith("."):
        return False
    after = [t for _, t in toks[j + 1:] if t[:1].isalpha()]
    return not after or after[0].lower() not in vocab()["boundary"] and any(t.islower() for t in after)


def _skip_left(toks: list, i: int, v: dict) -> int:
    """Step left over auxiliaries, adverbs, time phrases and a parenthesis between speaker and cue."""
    left_skips = v["left_skips"]
    while i >= 0:
        t = toks[i][1]
        tl = t.lower()
        if tl not in left_skips and not tl.endswith("ly"):
            return i  # (most tokens: none of the steps below applies)
        # (_aux_name is asked only of "Will" and "May": the skip list's other auxiliaries never name anyone)
        if tl in v["skip"] and (t not in AUX_NAMES or not _aux_name(toks, i)) or (tl.endswith("ly") and t.islower()):
            i -= 1
        elif t in DAYS:
            i -= 1
            if i >= 0 and toks[i][1].lower() in ("on", "last", "this", "next", "late", "early", "that"):
                i -= 1
        elif tl in PAST_TIMES and i >= 2 and toks[i - 1][1] == "the" and toks[i - 2][1].lower() in ("in", "at", "for"):
            i -= 3  # "who in the past has voiced", "said at the time"
        elif t == ")":
            j = i - 1
            while j >= 0 and toks[j][1] != "(" and i - j < 25:
                j -= 1
            if j < 0 or toks[j][1] != "(":
                return i
            i = j - 1
        else:
            return i
    return i


POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "my", "our", "your"}
NP_JOINERS = {"and", "or", "&"}
# lower-case words that open a titled name after "and": "Hillary Clinton and former Gov. Martin O’Malley"
TITLE_MODIFIERS = {"former", "fellow", "longtime", "current", "retired", "outgoing", "incoming"}
# determiners that can stand alone as a speaker: "most said", "Two in three said", "some argue"
QUANTIFIERS = {"some", "many", "most", "several", "few", "both", "all", "one", "two", "three", "four", "others",
               "half"}
DATE = rx.compile(r"\d{4}-\d\d-\d\d")  # a dateline or file header ("date 2023-05-26") is never in a speaker
OPEN_PUNCT = set(",;:()[]“”\"—–") | {"--", "''", "``"}


def _np_start(toks: list, i: int, v: dict) -> int | None:
    """Leftmost token of the noun phrase whose last token is toks[i], or None if toks[i] cannot end one.

    Walks left over names, nouns, adjectives, numbers, possessives and NP-internal prepositions
    ("the spokesman for the campaign", "early results of exit polls conducted by Edison") and stops
    at punctuation, function words that never sit inside a noun phrase (complementizers,
    auxiliaries, object pronouns: mention_words.csv `boundary`), and a personal pronoun.
    """
    head = toks[i][1]
    hl = head.lower()
    boundary, pronouns, determiners = v["boundary"], v["pronouns"], v["determiners"]  # (read once per walk)
    if not head[0].isalnum() or hl in boundary and (head not in AUX_NAMES or not _aux_name(toks, i)) \
            or hl in v["prepositions"] \
            or (hl in determiners and not head[0].isupper() and hl not in QUANTIFIERS):
        return None
    # a participle is a verb, not a speaker ("was heard ... telling"), unless a determiner makes it a noun
    # or it follows its noun ("A news report published Wednesday said")
    if head.islower() and hl.endswith(("ed", "ing")) and hl not in v["nouns"] \
            and not (i > 0 and (toks[i - 1][1].lower() in determiners or toks[i - 1][1].endswith(("’s", "'s")))):
        prev = toks[i - 1][1] if i > 0 else ""
        if not (hl.endswith("ed") and i > 1 and prev[:1].isalpha() and _noun_like(prev, v)):
            return None
    if hl in pronouns:
        return i
    k = i
    walk_stops = v["walk_stops"]
    while k - 1 >= 0 and i - k < 14:
        t = toks[k - 1][1]
        tl = t.lower()
        if tl not in walk_stops and t.isalpha():
            k -= 1  # a plain word ("Donald", "senior"): none of the tests below stops the walk at it
            continue
        if t in OPEN_PUNCT or not (t[0].isalnum() or t in ("’s", "'s", "&", "-")) \
                or (t[0].isdigit() and DATE.fullmatch(t)) or (t[-1] == "." and _ends_sentence(t)):
            break
        if t == "US":  # the country, not the pronoun: "US Senator Jeff Sessions"
            k -= 1
            continue
        if tl in pronouns and tl not in POSSESSIVE_PRONOUNS:
            break
        if tl == "to" and k >= 2 and (toks[k][1][0].isupper() or toks[k][1].lower() in determiners) \
                and (toks[k - 2][1].islower() and toks[k - 2][1].isalpha() and toks[k - 2][1] not in boundary
                     and toks[k - 2][1] not in v["prepositions"]
                     # (or a capitalised title: "Chad’s Ambassador to France", "Special Envoy to Syria")
                     or v["nouns"].get(toks[k - 2][1].lower()) == "title"):
            k -= 1  # a preposition inside the phrase: "people close to the campaign", "a source speaking to Fox News"
            continue
        if tl in boundary and tl not in NP_JOINERS and (t not in AUX_NAMES or not _aux_name(toks, k - 1)):
            break
        if tl in NP_JOINERS:
            # a coordinated noun phrase ("Trump and Clinton", "the FBI and the CIA"), not coordinated clauses
            right = toks[k][1]
            left = toks[k - 2][1] if k >= 2 else ""
            # or two groups of people: "teachers and union officials", "lawyers and judges"
            if ((right[0].isupper() or right.lower() in determiners or right in TITLE_MODIFIERS)
                    or v["nouns"].get(left) == "group" and right.islower() and _noun_like(right, v)) \
                    and left[:1].isalpha() and left.lower() not in boundary:
                k -= 1
                continue
            break
        k -= 1
    # sentence-initial connectives and prepositions are not part of the speaker ("But the senator said"),
    # nor a verb whose object the walk ran into ("watch John Kerry's partners")
    while k < i:
        t = toks[k][1]
        tl = t.lower()
        nxt = toks[k + 1][1]
        if tl in v["stop"] or tl in NP_JOINERS or tl in v["prepositions"]:
            k += 1
        elif t.islower() and tl not in determiners and tl not in v["nouns"] and not t[0].isdigit() \
                and (nxt[0].isupper() or nxt.lower() in determiners):
            k += 1
        else:
            break
    return k


CONTRACTED_PRONOUN = rx.compile(r"((?i:he|she|it|they|we|i|you|who))(?:’|')(?:s|re|ve|d|ll|m)")
DASHES = {"—", "–", "--", "-"}
HARD_STOPS = {".", ";", ":", "“", "”", '"', "''", "``", "—", "–", "--", "(", ")"}


def _hard_stop(toks: list, j: int) -> bool:
    """Token j ends a speaker walk: a sentence or clause mark, or the second mark of a quote written as two
    single marks (''), which the tokenizer splits."""
    t = toks[j][1]
    return t in HARD_STOPS or (t == "'" and j > 0 and toks[j - 1][1] == "'" and not toks[j][0])


def _skip_connectives(toks: list, k: int, end: int, v: dict) -> int:
    """First token of toks[k..end] after sentence connectives ("But", "And", "However")."""
    while k < end and (toks[k][1].lower() in v["stop"] or toks[k][1].lower() in NP_JOINERS
                       or toks[k][1] in OPENING_ADVERBS):
        k += 1
    return k


# capitalised adverbs that open a sentence before its subject: "Yet Democratic economists, like ..., say"
OPENING_ADVERBS = {"Yet", "Even", "Still", "Now", "Then", "Also"}


def _noun_like(t: str, v: dict) -> bool:
    """A word that can end a noun phrase: a name, a speaker noun, or a plural/common noun (not a verb form)."""
    tl = t.lower()
    if t[0].isupper() or tl in v["nouns"]:
        return True
    return t.islower() and tl not in v["boundary"] and tl not in v["prepositions"] and tl not in v["determiners"] \
        and not tl.endswith(("ed", "ing", "ly")) and tl not in v["pronouns"]


def _np_type(toks: list, k: int, i: int, v: dict) -> str:
    """Speaker type of the noun phrase toks[k..i] from its head and first word; the head is the word
    before a post-modifier ("early results of exit polls conducted by Edison" -> "results")."""
    for j in range(k + 1, i):
        if toks[j][1] in v["prepositions"] or (toks[j][1].endswith("ed") and toks[j][1].islower()):
            i = j - 1
            break
    head = toks[i][1]
    htype = _head_type(head, v)
    if htype is None:  # a common noun outside speaker_nouns.csv ("the actress", "six newspapers")
        htype = "group" if head.lower().endswith("s") and not head.lower().endswith("ss") else "title"
    if htype == "person" and toks[k][1] in ("The", "A", "An") and k < i:
        htype = "organisation"
    return htype


_MORE = object()  # the short window was too short: look again with the long one
# a personal pronoun as a whole token (after a space or the text start), then only spaces up to the cue
PRONOUN_BEFORE = rx.compile(r"(?<!\S)(he|He|HE|she|She|SHE|they|They|THEY|we|We|WE|i|I)\s+$")
_PRONOUNS_BEFORE = re.search(r"\((\w+(?:\|\w+)*)\)", PRONOUN_BEFORE.pattern).group(1).split("|")
# the last letters of those pronouns: before a cue after one space, any other letter rules the pattern out
# without running it (seven calls in ten)
PRONOUN_LAST_LETTERS = frozenset(w[-1] for w in _PRONOUNS_BEFORE)
# and their last two letters (the whole of "i"): after a last letter, any other two rule it out ("the", "more")
PRONOUN_ENDS = frozenset(w[-2:] for w in _PRONOUNS_BEFORE)


def mention_before(text: str, cue_start: int, lo: int) -> Mention | None:
    """Speaker mention ending just before a cue (`Li said`, `Western officials ... expressed`).

    Most mentions sit in the few words before the cue, so a short window is tokenized first and a
    long one only when the mention reaches its start or an aside (comma, dash) needs more context.
    """
    # the commonest case, decided as the walk below would: a subject pronoun right before the cue ("he said")
    if cue_start < 3 or text[cue_start - 1] != " " or text[cue_start - 2] in PRONOUN_LAST_LETTERS and (
            text[cue_start - 3:cue_start - 1] in PRONOUN_ENDS or text[cue_start - 2] in PRONOUN_ENDS) \
            or text[cue_start - 2].isspace():
        m = PRONOUN_BEFORE.search(text, max(lo, cue_start - 12), cue_start)
        if m is not None:
            return Mention(m.start(), m.end(1), "pronoun")
    v = vocab()
    start = max(lo, cue_start - SHORT_WINDOW)
    # a word right before the cue that ends no noun phrase ("to say", "and said", "by saying": one call in eight)
    # ends the walk at its first token: decided here as the walk would decide, without tokenizing the window.
    # A word of ASCII letters between spaces is one token, the window's last.
    if text[cue_start - 1:cue_start] == " ":
        p = text.rfind(" ", start, cue_start - 1)
        if p >= 0:
            word = text[p + 1:cue_start - 1]
            low = word.lower()
            if (low in v["no_phrase_end"] or low in v["no_lower_phrase_end"] and not word[0].isupper()) \
                    and word.isalpha() and word.isascii() and word not in DAYS:
                return None
    # a comma or dash right before the cue when the short window is clipped: the walk would ask for the long
    # window at its first token (an aside needs more context), decided here without tokenizing the short one
    if start > lo and text[cue_start - 2 if text[cue_start - 1] == " " else cue_start - 1] in ",—–-":
        got = _MORE
    else:
        got = _mention_before(text, cue_start, lo, start, v)
    if got is _MORE:
        got = _mention_before(text, cue_start, lo, max(lo, cue_start - WINDOW), v)
    return got


def _no_phrase_ends(v: dict) -> tuple[frozenset, frozenset]:
    """Lower-cased words at which _np_start finds no noun phrase (in any case; when not capitalised) if
    _skip_left stops at them and no branch of _mention_before takes them first: boundary words and
    prepositions; determiners that are no quantifier. Left out: what _skip_left passes over (skip words,
    adverbs in -ly, days, past times), the relative pronouns and the auxiliaries that are also names."""
    out = {w.lower() for w in [*v["skip"], *DAYS, *PAST_TIMES, *AUX_NAMES, "that", "which", "who"]}
    any_case = frozenset(w for w in v["boundary"] | v["prepositions"] if w and w not in out and not w.endswith("ly"))
    lower_case = frozenset(w for w in v["determiners"] - QUANTIFIERS if w and w not in out and not w.endswith("ly"))
    return any_case, lower_case


def _mention_before(text: str, cue_start: int, lo: int, start: int, v: dict):
    clipped = start > lo and start > cue_start - WINDOW
    toks, base = _tokens(text, start, cue_start)
    i = _skip_left(toks, len(toks) - 1, v)
    if i < 0:
        return _MORE if clipped else None
    t = toks[i][1]
    if not t[0].isalnum():  # (most walks start at a word: the cases of a mark are looked at only after one)
        return _speaker_before_mark(text, toks, base, cue_start, i, v, clipped)
    tl = t.lower()
    # a contracted pronoun and auxiliary: "He’s not saying", "they’re arguing"
    cm = CONTRACTED_PRONOUN.fullmatch(t) if "’" in t or "'" in t else None  # (its apostrophe: the regex seldom runs)
    if cm is not None:
        start = _back_span(text, toks, base, cue_start, i, i)[0]
        return Mention(start, start + cm.end(1), "pronoun")
    # a relative pronoun after its noun: "a museum that promotes", "the group, which says"
    if tl in ("that", "which", "who") and i > 0 and (toks[i - 1][1] == "," or _noun_like(toks[i - 1][1], v)):
        return Mention(*_back_span(text, toks, base, cue_start, i, i), "pronoun")
    if tl in ("that", "which", "who") and i == 0 and clipped:
        return _MORE
    k = _np_start(toks, i, v)
    if k == 0 and clipped:
        return _MORE
    if k is None:
        return None
    if toks[i][1].lower() in v["pronouns"]:
        return Mention(*_back_span(text, toks, base, cue_start, i, i), "pronoun")
    # a restrictive relative clause between the speaker and the cue: "A White House official who spoke
    # anonymously to discuss internal strategy said" - the speaker is the noun the clause is about
    if k > 1 and "who" in text[start:cue_start]:
        for j in range(k - 1, max(0, k - 12), -1):
            t = toks[j][1]
            if t == "who":
                a = _np_start(toks, j - 1, v)
                if a is not None and toks[j - 1][1].lower() not in v["pronouns"] and _noun_like(toks[j - 1][1], v):
                    return Mention(*_back_span(text, toks, base, cue_start, a, j - 1), _np_type(toks, a, j - 1, v))
                break
            if not t[0].isalnum() or t.lower() in v["stop"]:
                break
    # relayed speech: "Western officials interviewed by the WSJ"
    for b in range(i - 1, k + 1, -1):
        if toks[b][1] == "by" and toks[b - 1][1].lower() in v["relay"] and b - 2 >= k:
            return Mention(*_back_span(text, toks, base, cue_start, k, b - 2), _np_type(toks, k, b - 2, v),
                           _back_span(text, toks, base, cue_start, b + 1, i))
    return Mention(*_back_span(text, toks, base, cue_start, k, i), _np_type(toks, k, i, v))


def _speaker_before_mark(text: str, toks: list, base: int, cue_start: int, i: int, v: dict, clipped: bool):
    """_mention_before's answer when its walk starts at a mark, toks[i]: a comma, a dash, a closing quotation mark."""
    if clipped and (toks[i][1] == "," or toks[i][1] in DASHES):
        return _MORE
    # appositives, relative clauses, asides: "Scott Goodstein, its chief executive officer, said",
    # "Cyber security experts, however, said": the speaker is the leftmost comma-delimited segment that
    # is a whole noun phrase; segments before it are an introduction or the content itself.
    if toks[i][1] in DASHES:
        # an aside between dashes: "Many speakers at the service — including Muslims, Jews — said"
        j = i - 1
        while j > 0 and i - j < 40 and toks[j][1] not in DASHES and toks[j][1] not in (".", ";", ":"):
            j -= 1
        if j <= 0 or toks[j][1] not in DASHES:
            return None
        k = _np_start(toks, j - 1, v)
        if k is None or toks[j - 1][1].lower() in v["pronouns"]:
            return None
        return Mention(*_back_span(text, toks, base, cue_start, k, i), _np_type(toks, k, j - 1, v))
    title_open = -1
    if toks[i][1] in ("”", '"') and i > 2 and toks[i - 1][1] == ",":
        # an apposition ending in a quoted title, its comma inside the mark: 'Joe Scarborough, host of MSNBC’s
        # “Morning Joe,” suggested'
        o = next((o for o in range(i - 2, max(0, i - 7), -1) if toks[o][1] in ("“", '"')), -1)
        # (not an adverbial: "trashed Comey on MSNBC’s “Morning Joe,” calling it")
        if o > 1 and (toks[o - 1][1].endswith(("’s", "'s")) or toks[o - 1][1] == "of") \
                and toks[o - 2][1].lower() not in TITLE_PLACE_PREPOSITIONS:
            title_open, i = o, i - 1
    if toks[i][1] == ",":
        commas = [i]
        j = i - 1
        if j >= 0 and toks[j][1] == ")":  # an aside closing right at the comma: "Sen. Joe Lieberman (I-Conn.), said"
            while j >= 0 and toks[j][1] != "(" and i - j < 45:
                j -= 1
            j -= 1
        if title_open >= 0:
            j = title_open - 1
        while j >= 0 and i - j < 45:
            t = toks[j][1]  # (read once: the walk back reads most of the window)
            if t in HARD_STOPS or t == "'" and _hard_stop(toks, j):
                break
            if t == ",":
                commas.append(j)
            j -= 1
            if j >= 0 and toks[j][1] == ")":  # a parenthesis inside a name or an aside: "Rep. Cummings (D-Md.)"
                while j >= 0 and toks[j][1] != "(" and i - j < 45:
                    j -= 1
                j -= 1
        commas.reverse()
        seg_start = j + 1
        for c in commas:
            end = c - 1
            if end > seg_start and toks[end][1] == ")":  # "Rep. Elijah Cummings (D-Md.),"
                while end > seg_start and toks[end][1] != "(":
                    end -= 1
                end -= 1
            if end >= seg_start:
                k = _np_start(toks, end, v)
                if k is not None and k <= _skip_connectives(toks, seg_start, end, v) \
                        and toks[end][1].lower() not in v["pronouns"] and c != i:
                    return Mention(*_back_span(text, toks, base, cue_start, k, i - 1), _np_type(toks, k, end, v))
            seg_start = c + 1
        return None
    return None  # (no noun phrase ends at a mark)


AFTER_TOKENS = 14  # tokens a speaker after a cue may span (mention_after reads two more: toks[n + 2])
AHEAD_CHARS = 100  # a prefix of the window that holds AFTER_TOKENS + 2 tokens nearly always


def _tokens_ahead(text: str, lo: int, hi: int, need: int) -> tuple[list[tuple[str, str]], int]:
    """_tokens(text, lo, hi), or its first tokens when a walk to the right reads at most `need` of them.

    The window is cut at a space after AHEAD_CHARS characters: no token crosses a space, so the tokens
    before the cut are those of the whole window; when there are `need` of them, the rest is not built
    (a speaker after a cue is a few words; tokenizing the 260-character window was most of the walk).
    """
    cut = text.find(" ", lo + AHEAD_CHARS, hi)
    if cut > 0:
        toks, base = _tokens(text, lo, cut)
        if len(toks) >= need:
            return toks, base
    return _tokens(text, lo, hi)


SHORT_AHEAD = 40  # a prefix of the window that holds the tokens most walks read


def mention_after(text: str, pos: int, hi: int) -> Mention | None:
    """Speaker noun phrase starting at `pos` (`said Jared Bernstein, a senior fellow`, `says a source
    involved in the talks`, `said former Gov. Bill Richardson of New Mexico`), or None."""
    v = vocab()
    hi = min(hi, pos + WINDOW)
    # most walks read a few tokens: they run first on the tokens before a space SHORT_AHEAD characters on (the
    # window's first tokens, as no token crosses a space) and are kept when they read and counted fewer tokens
    # than those; the others run again on the window's (nearly always AHEAD_CHARS's) tokens
    cut = text.find(" ", pos + SHORT_AHEAD, hi)
    if cut > 0:
        toks, base = _tokens(text, pos, cut)
        got, reach = _walk_after(text, toks, base, v)
        if reach <= len(toks):
            return got
    toks, base = _tokens_ahead(text, pos, hi, AFTER_TOKENS + 2)
    return _walk_after(text, toks, base, v)[0]


def _walk_after(text: str, toks: list, base: int, v: dict) -> tuple[Mention | None, int]:
    """mention_after's walk over the tokens of its window (or of a prefix of it), and how many leading tokens it
    read or compared an index with: the walk gives the same on any token list that starts with that many of them."""
    if not toks:
        return None, 1
    t0 = toks[0][1]
    low = t0.lower()
    if low in ("he", "she", "they", "we", "i"):
        return Mention(*_span(toks, base, 0, 0), "pronoun"), 1
    n = 0
    det = low in v["determiners"] or t0[0].isdigit()
    if low in v["determiners"]:
        n = 1
    # lower-case modifiers before a name or title: "former Gov. Bill Richardson", "longtime GOP strategist"
    lead = n
    while lead < len(toks) and lead - n < 3 and toks[lead][1].islower() and _np_word(toks[lead][1], v) \
            and not (toks[lead][1][-1] == "." and _ends_sentence(toks[lead][1])):
        lead += 1
    read = 5  # (the leading lower-case words are read up to index 4)
    if lead < len(toks) and lead > n and toks[lead][1] == "and":
        # two titles of one person, the second before the name: "said lobbyist and GOP strategist Charlie Black"
        read = lead + 5
        if _title_before_name(toks, lead + 1, v):
            n = lead + 1
    elif lead < len(toks) and lead > n and (toks[lead][1][0].isupper() or det):
        n = lead
    named = False
    while n < len(toks) and n < AFTER_TOKENS:
        t = toks[n][1]
        tl = t.lower()
        if t[0].isupper() and tl not in v["stop"] and (n > 0 or tl not in NP_JOINERS):
            named = True
            if t.endswith(("’s", "'s")):
                det = True  # a possessive opens a noun phrase: "Kasich’s speech", "Clinton’s aides"
        elif t[0].isdigit() or t in ("-", "&"):
            pass
        elif t in ("’s", "'s"):
            det = True
        elif tl == "of" and named and n + 1 < len(toks) and toks[n + 1][1][:1].isupper():
            pass  # "Bill Richardson of New Mexico"
        elif tl == "of" and not named and n > 0 and n + 2 < len(toks) and toks[n + 1][1].islower() \
                and _np_word(toks[n + 1][1], v) and toks[n + 2][1][:1].isupper():
            pass  # a lower-case title before the name: "former secretary of state Hillary Clinton"
        elif t.islower() and (det or not named) and _np_word(t, v) \
                and not (n > 1 and tl.endswith("ed") and tl not in v["nouns"]):
            pass  # "a source involved", "the 46-year-old" - but not "Trump spotted"
        elif named and v["nouns"].get(tl) == "title" and n + 1 < len(toks) and toks[n + 1][1][:1].isupper():
            pass  # a title noun between a modifier and the name: "GOP strategist Charlie Black", "Clinton aide Huma Abedin"
        else:
            break
        n += 1
        if t[-1] == "." and _ends_sentence(t):
            break
    # (the leading words are read up to index read - 1, the loop's tokens up to index n + 2)
    reach = max(read, n + 3)
    if n == 0 or (not named and not det):
        return None, reach
    if toks[n - 1][1].rstrip(".") in DAYS and (n == 1 or toks[0][1].lower() in ("this", "last", "next", "that", "each", "every")):
        return None, reach  # a time phrase after the cue ("concluded this year", "said Tuesday"), no speaker
    last = n - 1
    while last > 0 and toks[last][1].lower() in ("of", "’s", "'s", "-", "&"):
        last -= 1
    end = _end(toks, base, last)
    word = toks[last][1]
    if word.endswith(".") and len(word) > 3 and "." not in word[:-1] and not word[:-1].isupper():
        end -= 1  # a sentence-final period, not an abbreviation ("- Bernie Sanders.")
    return Mention(_start(toks, base, 0), end, _np_type(toks, 0, last, v)), reach


def _title_before_name(toks: list, k: int, v: dict) -> bool:
    """Whether a title noun then a capitalised word follow within three tokens of index k ("GOP strategist Ann")."""
    return any(v["nouns"].get(toks[j][1].lower()) == "title" and toks[j + 1][1][:1].isupper()
               for j in range(k, min(k + 3, len(toks) - 1)))


def _ends_sentence(t: str) -> bool:
    """A lower-case word with a final period and no other (not "a.m."): it ends its sentence ("the news
    outlet. It ...")."""
    return t[-1] == "." and t[0].islower() and len(t) > 2 and "." not in t[:-1]


def _np_word(t: str, v: dict) -> bool:
    """A lower-case word that can sit in a noun phrase (not a function word, verb form or pronoun)."""
    tl = t.lower()
    return not (tl in v["boundary"] or tl in v["prepositions"] or tl in v["pronouns"] or tl in NP_JOINERS
                or tl in v["determiners"]) and t[0].isalnum()


SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}  # after a surname: "Joseph R. Biden Jr." is looked up by "Biden"
NO_TITLES: frozenset = frozenset()  # the title words of a name written without any


def _name_parts(run: str) -> tuple:
    """(start, end, full name, title words, surname key, first-word key) of each name in a capitalised run,
    offsets into the run; () for none (not cached itself: _run_names, its only caller, is).

    Leading titles, nationalities and possessives are cut ("Russian Foreign Minister Sergei Lavrov"); the rest
    is cut at words that are no part of a name (name_breaks: function words, words written in lower case
    mid-sentence, days and months), so that a subordinator, a weekday or the title-case words of a headline are
    not taken in ("When Sarah McBride took", "in Philadelphia Wednesday", "Why Progressives Are Celebrating
    Hillary Clinton"). A place (places.txt) or an organisation (a name ending in an org_heads.txt word) is no
    person's name.
    """
    v = vocab()
    words = run.split()
    if words[0] in ("The", "A", "An"):
        return ()
    # each word lower-cased, by one lower() of the run (lower-casing keeps the spaces, so it splits the same)
    lower = run.lower().split()
    if len(words) == 2 and "." not in run and "," not in run:
        return _two_word_name(run, words, lower, v)  # (over half the runs: no cutting into segments)
    return _name_walk(run, words, lower, v)


def _name_walk(run: str, words: list, lower: list, v: dict) -> tuple:
    """_name_parts of any run (its words, as written and lower-cased) after its first word's test."""
    # leading titles, nationalities and possessives (and a word closing a quotation: "‘Thin-skinned’ Trump"):
    # the last such word before the last word ends them (walked back to it)
    titles, nouns = v["titles"], v["nouns"]
    n = len(words)
    cut = 0
    for k in range(n - 2, -1, -1):
        w = words[k]
        if w in titles or w.endswith(("’", "'", "’s", "'s")) or lower[k] in nouns:
            cut = k + 1
            break
    if n - cut < 2:
        return ()  # one word left after the titles: no full name
    # most runs have no period or comma to strip (no abbreviation): their words are their names' parts
    plain = "." not in run and "," not in run
    lows = lower[cut:] if plain else [w.rstrip(".,") for w in lower[cut:]]
    if lows[-1].endswith(("’s", "'s")):
        lows[-1] = lows[-1][:-2]  # (a possessive before the last word was cut above, as a title)
    breaks, stop = v["name_breaks"], v["stop"]
    if breaks.isdisjoint(lows):  # most runs: one segment
        if not (nouns.keys().isdisjoint(lows) and stop.isdisjoint(lows)):
            return ()
        segments = [range(cut, n)]
    else:
        segments, seg = [], []
        for k, low in enumerate(lows, cut):
            if len(low) > 1 and low in breaks:
                segments.append(seg)
                seg = []
            elif low in nouns or low in stop:
                seg.append(-1)  # a common noun or a stop word: no name in this segment
            else:
                seg.append(k)
        segments.append(seg)
    places, org_heads = v["places"], v["org_heads"]
    out = []
    offsets = None
    for seg in segments:
        if len(seg) < 2 or -1 in seg:
            continue
        if plain:
            parts = words[seg[0]:seg[-1] + 1]  # (a segment is a run of consecutive words)
        else:
            # periods end abbreviations ("Gov.", "Jr.") but stay after an initial ("George W. Bush", as written)
            parts = []
            for k in seg:
                w = words[k].rstrip(",")
                parts.append(w if len(w) == 2 and w[0].isupper() else w.rstrip("."))
        if parts[-1].endswith(("’s", "'s")):
            parts[-1] = parts[-1][:-2]
        name = " ".join(parts)
        if name in places or parts[-1] in org_heads:
            continue  # a place or an organisation ("Human Rights Watch"): no person
        if len(seg) == n:  # the whole run is the name (most names): it spans the run, less any spaces around it
            start, end = len(run) - len(run.lstrip()), len(run.rstrip())
        else:
            if offsets is None:
                offsets, p = [], 0
                for w in words:
                    p = run.find(w, p)
                    offsets.append(p)
                    p += len(w)
            start, end = offsets[seg[0]], offsets[seg[-1]] + len(words[seg[-1]])
        last = parts[-2] if parts[-1] in SUFFIXES and len(parts) > 2 else parts[-1]
        tw = frozenset(w.rstrip(".") for w in lower[:cut]) if cut and seg is segments[0] else NO_TITLES
        out.append((start, end, name, tw, last, "\0" + parts[0]))
    return tuple(out)


def _two_word_name(run: str, words: list, lower: list, v: dict) -> tuple:
    """_name_parts of a run of two words without a period or comma, decided as _name_walk decides it."""
    first, second = words
    low_first, low_second = lower
    if first in v["titles"] or first.endswith(("’", "'", "’s", "'s")) or low_first in v["nouns"]:
        return ()  # a title or possessive before the last word: one word left
    # (tested on each case as the general walk does: "’S" lower-cases to "’s")
    if low_second.endswith(("’s", "'s")):
        low_second = low_second[:-2]
    if second.endswith(("’s", "'s")):
        second = second[:-2]
    breaks, nouns, stop = v["name_breaks"], v["nouns"], v["stop"]
    # (a break word of one letter does not cut the run: it stays a part unless a noun or stop word)
    if len(low_first) > 1 and low_first in breaks or len(low_second) > 1 and low_second in breaks \
            or low_first in stop or low_second in nouns or low_second in stop:
        return ()
    name = first + " " + second
    if name in v["places"] or second in v["org_heads"]:
        return ()  # a place or an organisation: no person
    return ((len(run) - len(run.lstrip()), len(run.rstrip()), name, NO_TITLES, second, "\0" + first),)


LETTERS = rx.compile(r"[A-Za-z]+")
PERIOD_WORD = rx.compile(r"([A-Z][a-z]{0,3})\.[ \t]+")


@lru_cache(maxsize=65536)
def _name_pieces(run: str) -> tuple[tuple[int, int], ...] | None:
    """(start, end) of the names in a capitalised run, or None when it is one: a short word with a period
    that is no abbreviation ends a sentence ("Li Hui. Lavrov said"), where "Gov. Bill Richardson" is one name."""
    pieces, s = None, 0
    known = _period_words()
    for m in PERIOD_WORD.finditer(run):
        word = m.group(1)
        if len(word) > 1 and word.lower() not in known:
            if pieces is None:
                pieces = []
            if m.end(1) > s:
                pieces.append((s, m.end(1)))
            s = m.end()
    if pieces is not None and s < len(run):
        pieces.append((s, len(run)))
    return None if pieces is None else tuple(pieces)  # (cached: the same runs recur across articles)


@lru_cache(maxsize=1)
def _period_words() -> frozenset:
    """Words written with a final period inside a name: abbreviations the sentence splitter knows and
    titles (lower case, no period)."""
    from toolkit.segment import punkt_abbreviations  # (segment loads the Punkt data only when asked)

    return frozenset(punkt_abbreviations()) | {t.lower().rstrip(".") for t in vocab()["titles"]}


@lru_cache(maxsize=65536)
def _run_names(run: str) -> tuple:
    """(start, end, full name, title words, surname key, first-word key) of each name in a capitalised run,
    offsets into the run; () for none (cached: NameIndex.build makes one look-up per run instead of one per
    piece, and the same runs recur across articles)."""
    if " " not in run and "\t" not in run:
        return ()  # one word is no full name (_name_parts says so too, only slower)
    pieces = _name_pieces(run) if "." in run else None
    if not pieces:
        return _name_parts(run)  # one piece, the most frequent case: its offsets are the run's
    out = []
    for s, e in pieces:
        for ns, ne, name, titles, last, first in _name_parts(run[s:e]):
            out.append((s + ns, s + ne, name, titles, last, first))
    return tuple(out)


TITLE_WORD = rx.compile(r"[A-Za-z][a-z]{3,}")


def _title_case(line: str) -> bool:
    """A headline written in title case ("Why Progressives Are Celebrating Hillary Clinton"), where capitals
    do not mark names."""
    words = TITLE_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_names(entries: tuple, text: str, body: int) -> list:
    """The names of a title-case headline run: a name the article writes again (text[body:]) as it is, else the
    longest run of its words the article writes (the verb or noun glued before "Hillary Clinton"), else the
    name itself when it is short (a name the article gives in full only in its headline: "Ken Starr")."""
    out = []
    for s, e, name, titles, last, first in entries:
        words = name.split()
        if len(words) == 2 or text.find(name, body) >= 0:
            out.append((s, e, name, titles, last, first))
            continue
        for n in range(len(words) - 1, 1, -1):
            got = next((" ".join(words[k:k + n]) for k in range(len(words) - n + 1)
                        if text.find(" ".join(words[k:k + n]), body) >= 0), None)
            if got is not None:
                parts = got.split()
                out.append((s, e, got, frozenset(), parts[-1], "\0" + parts[0]))
                break
        else:
            if len(words) <= 3:
                out.append((s, e, name, titles, last, first))
    return out


# where the head of a person mention ends: an apposition, a parenthesis, an aside or a relative clause
PERSON_HEAD_END = rx.compile(r"[,(;:]|\s[—–―]|\s--|\s(?:who|which)\b")
# a dateline before the speaker: a place in capitals, maybe a date and an agency, then a dash
DATELINE = rx.compile(r"[A-Z]{2}[A-Z.’' ]{0,30}+(?:,[^—–―\-]{0,30}+)?+\s*+(?:--|[—–―-])\s*+")
# any of what _person_heads reads: a mention without them is one plain name
HEAD_MARKS = rx.compile(r"[,(;:—–―&’']|--| who| which| and ")
# "and" between two names: "Ted Cruz and Rand Paul", "Obama and Hollande"
COORDINATION = rx.compile(r"\s+(?:and|&)\s+(?=[A-Z])")
# what may stand between a name and its "who": an age, a party label, a place ("Nicky Driscoll, 24, from
# Manchester, who", "Jake Sullivan (who", "Sen. Jack Reed (D-R.I.), who")
RELATIVE_GAP = rx.compile(r"[\s,]*+(?:\([^()]{0,20}\)[\s,]*+)?(?:\d+[\s,]++)?"
                          r"(?:(?:of|from|in)\s++(?:[A-Z][\w.’'-]*+\s*+){1,4}[\s,]*+)?\(?\s*+")
SURNAME_WINDOW = 400  # how far back a surname counts as the latest person before a pronoun


class NameIndex:
    """Full names, surnames and title words seen in one article, for within-article resolution."""
    # a plain class, not a dataclass: importing dataclasses (with inspect, ast and dis) costs ~6 ms at every start
    # of the CLI, and no other module on the quotes path needs it once toolkit.corpus does not either
    __slots__ = ("starts", "names", "by_last", "memo", "keys", "titled")

    def __init__(self, starts: list, names: list, by_last: dict) -> None:
        self.starts = starts
        self.names = names  # (start, end, full name, title words lowercased)
        self.by_last = by_last
        self.memo: dict = {}  # person mention -> its name in this article
        self.keys: tuple = ([], [])  # (starts, surname keys): where each surname's first full name starts
        self.titled: list | None = None  # indices of the names written with titles, listed at the first title mention

    @classmethod
    def build(cls, text: str) -> "NameIndex":
        """Index capitalised multiword names (with their leading titles) in `text`."""
        starts, names, by_last = [], [], {}
        key_starts, keys = [], []  # each surname key where its first full name starts
        head_end = text.find("\n")
        title_case = None  # whether the headline is in title case: asked at its first name (most have none)
        for m in NAME_RUN.finditer(text):
            entries = _run_names(m.group())
            if entries:
                ms = m.start()
                if ms < head_end:
                    if title_case is None:
                        title_case = 0 < head_end < 300 and _title_case(text[:head_end])  # (a headline is short)
                    if title_case:
                        entries = _headline_names(entries, text, head_end)
                for s, e, name, titles, last, first in entries:
                    starts.append(ms + s)
                    names.append((ms + s, ms + e, name, titles))
                    if last not in by_last:
                        by_last[last] = name
                        key_starts.append(ms + s)
                        keys.append(last)
                    # family name first (Chinese, Korean, Hungarian order): "Li" -> "Li Hui" when no "... Li" exists
                    by_last.setdefault(first, name)
        index = cls(starts, names, by_last)
        index.keys = (key_starts, keys)
        return index

    def resolve(self, text: str, m: Mention) -> str:
        """Full name for a mention: pronoun -> latest person before it; surname/title -> earlier full name."""
        start, end, kind, _ = m
        surface = text[start:end]
        if kind == "pronoun":
            low = surface.lower()
            # ("I" outside a quotation is the writer or an interviewee, seldom the person last named: left as is)
            if low in ("he", "she", "who"):
                got = self._latest(text, start, bisect.bisect_left(self.starts, start),
                                   80 if low == "who" else SURNAME_WINDOW)
                # "who" is the person just before it ("said Harry Reid, who"), not one further back ("a memo
                # from Mr. Rubio's campaign manager, who"): only an aside may stand between
                if got is not None and (low != "who" or (start - got[0] <= 60
                                                          and RELATIVE_GAP.fullmatch(text, got[0], start))):
                    return got[1]
            return surface
        if kind == "person":
            got = self.memo.get(surface)  # (the same surname recurs in an article: "Trump said" 30 times)
            if got is None:
                if " " not in surface:  # a surname alone, the most frequent mention: "Trump", "Clinton’s"
                    key = (surface[:-2] if surface.endswith(("’s", "'s")) else surface).rstrip(",")
                    if key[-1:] == "." and "." not in key[:-1]:
                        key = key[:-1]  # a sentence's period ("told CNN."), not an abbreviation's ("D.C.")
                    got = self.by_last.get(key) or self.by_last.get("\0" + key) or key
                elif not HEAD_MARKS.search(surface) and not surface[1:2].isupper():
                    got = self._person(surface.split())  # a plain name: "Mr. Allen", "Sen. Ted Cruz"
                else:
                    heads, fallback = _person_heads(surface)
                    got = (self._person(heads[0]) if len(heads) == 1 else
                           " and ".join([self._person(h) for h in heads]) if heads else fallback)
                self.memo[surface] = got
            return got
        if kind == "title":
            # the latest name before the mention whose titles hold all of its words: only the names written with
            # titles (one in six) are looked at, and nothing is built when none comes before the mention
            names, titled = self.names, self.titled
            if titled is None:
                titled = self.titled = [k for k, entry in enumerate(names) if entry[3]]
            n = bisect.bisect_left(titled, bisect.bisect_left(self.starts, start))
            if n:
                want = {w.lower() for w in LETTERS.findall(surface)} - vocab()["determiners"]
                want.discard("the")  # "the" goes with any title
                for t in range(n - 1, -1, -1):
                    if want <= names[titled[t]][3]:
                        return names[titled[t]][2]
        return surface

    def _latest(self, text: str, pos: int, i: int, reach: int = SURNAME_WINDOW) -> tuple[int, str] | None:
        """(end, full name) of the latest person named before `pos`: by a full name or by the surname of one
        ("Carly Fiorina ... Fiorina declined ... she said" -> Carly Fiorina). A possessor ("quoting Comey's
        statement. He added") is taken only when no other person is named within `reach` characters."""
        lo = max(0, pos - reach)
        starts, names, by_last = self.starts, self.names, self.by_last
        latest = None
        if i > 0:
            latest = (names[i - 1][1], names[i - 1][2])
            if latest[0] > lo and text[latest[0] - 2:latest[0]] not in ("’s", "'s"):
                lo = latest[0]  # the latest full name, no possessor: only a surname after it comes later
        # the latest surname of a person named in full (str.rfind per surname: a regex over the window is slower)
        key_starts, keys = self.keys
        best, best_key, poss, poss_key = -1, None, -1, None
        floor = lo
        # the surnames of people named in full before pos (nine in ten are not in the window: `in` on one slice of it
        # turns them away for less than str.rfind's argument parsing; floor only rises from lo)
        window = text[lo:pos]
        for key in keys[:bisect.bisect_left(key_starts, pos)]:
            if key not in window:
                continue
            p = text.rfind(key, floor, pos)
            while p >= 0:
                e = p + len(key)
                if p == 0 or not (text[p - 1].isalnum() or text[p - 1] in "_’'-"):
                    after = text[e:e + 2]
                    if after in ("’s", "'s"):
                        if p > poss:
                            poss, poss_key = p, key
                    elif not after or not (after[0].isalnum() or after[0] in "_’'-"):
                        best, best_key, floor = p, key, p + 1
                        break
                p = text.rfind(key, floor, p + len(key) - 1)
        if best < 0:
            if latest is not None and lo == latest[0]:
                return latest  # no surname after the latest full name: that name (a possessor after it passed over)
            if poss < 0:
                return latest
            best, best_key = poss, poss_key
        k = bisect.bisect_right(starts, best) - 1
        # inside a full name: that name ("Hillary Clinton", not the first full name with "Clinton")
        name = names[k][2] if k >= 0 and names[k][0] <= best < names[k][1] else by_last[best_key]
        return best + len(best_key) + (2 if best == poss else 0), name

    def _person(self, words: tuple | list) -> str:
        """Full name for one named person ("Mr. Allen" -> "Mike Allen"); the mention's own name when it gives
        a first name the indexed full name lacks ("Hillary Clinton" where "Bill Clinton" came first)."""
        by_last = self.by_last
        for k in range(len(words) - 1, -1, -1):
            full = by_last.get(words[k].rstrip("."))
            if full is None:
                continue
            if k == 0:
                return full
            v = vocab()
            j = k
            while j > 0 and _given_name(words[j - 1], v):
                j -= 1
            if j < k:
                known = full.split()
                for x in words[j:k]:
                    if x.rstrip(".") not in known and x not in known:
                        return " ".join(x if len(x) == 2 else x.rstrip(".") for x in words[j:k + 1])
            return full
        if len(words) == 1 and "\0" + words[0].rstrip(".") in self.by_last:
            return self.by_last["\0" + words[0].rstrip(".")]
        return " ".join(words)


@lru_cache(maxsize=65536)
def _person_heads(surface: str) -> tuple[tuple[tuple[str, ...], ...], str]:
    """The words of each person a person mention names, and its head as written (cached: the same mentions
    recur across articles).

    The head ends before an apposition, a dash aside or a relative clause ("Dunwoody, who worked for Barack
    Obama"); it holds one person per coordinated name ("Henry Paulson and Brent Scowcroft"). A dateline before
    it is dropped ("WASHINGTON -- President Obama"), and a title before its name is passed over ("France's
    far-right National Front party leader, Marine Le Pen").
    """
    dateline = DATELINE.match(surface) if surface[1:2].isupper() else None
    if dateline is not None and dateline.end() < len(surface):
        surface = surface[dateline.end():]
    cut = PERSON_HEAD_END.search(surface)
    head = surface[:cut.start()] if cut is not None and cut.start() > 0 else surface
    if cut is not None and cut.group() == "," and head.split()[-1].islower():
        after = surface[cut.end():].lstrip()
        if after[:1].isupper():
            more = PERSON_HEAD_END.search(after)
            head = after[:more.start()] if more is not None and more.start() > 0 else after
    heads = []
    for part in COORDINATION.split(head):
        words = [w.rstrip(",") for w in part.split()]
        if words and words[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]
        if words:
            heads.append(tuple(words))
    return tuple(heads), " ".join(head.split())


def _given_name(w: str, v: dict) -> bool:
    """A capitalised word that can stand before a surname as part of the name (not a title, a noun, a
    possessive or a word that breaks names)."""
    low = w.rstrip(".").lower()
    return w[:1].isupper() and w not in v["titles"] and low not in v["nouns"] and low not in v["name_breaks"] \
        and not w.endswith(("’s", "'s", "’", "'"))
