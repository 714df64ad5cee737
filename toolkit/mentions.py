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
from typing import NamedTuple

from toolkit.cues import _read_csv
from toolkit.resources import lexicon_path

# a token: a word (with inner apostrophes, dots of abbreviations, hyphens) or one punctuation mark. A word is
# the longest run of [\w.’'&-] that ends in [\w.], written as parts joined by marks with possessive repeats,
# which the regex engine runs without giving characters back (findall is a sixth faster than "[\w.’'&-]*[\w.]").
# The ASCII letters and digits come first in each class, tested from a bitmap before the Unicode category, and a
# word starting with one is a branch of its own (what "[^\W_]" matches besides: other scripts' letters and digits).
_WORD_REST = r"[a-zA-Z0-9_.\w]*+(?:[’'&-]++[a-zA-Z0-9_.\w]++)*+"  # (the class is [\w.])
TOKEN = re.compile(r"[a-zA-Z0-9]" + _WORD_REST + r"|[^\W_]" + _WORD_REST + r"|[^\w\s]")
# a token with the characters before it that start none (spaces, underscores): findall gives (gap, token)
TOKEN_GAP = re.compile(r"([\s_]*+)(" + TOKEN.pattern + ")")
# up to five capitalised words or abbreviations, then a word with a lower-case letter; written to start with
# its first capital (then the look-behind) so the regex engine can skip to capitals quickly, and with
# possessive repeats where giving characters back cannot help (a word never ends in a space). A single word
# is no full name; it is matched only when hyphenated, so that no match starts after its hyphen ("Anti-Mr.").
# (ASCII letters and digits lead each [\w...] class: tested from a bitmap before the Unicode category)
NAME_RUN = re.compile(r"[A-Z](?<![a-zA-Z0-9_\w’'][A-Z])(?:(?:[a-z]{0,3}\.|[a-zA-Z0-9_\w’'-]*+)[ \t]++"
                      r"(?:(?:[A-Z][a-z]{0,3}\.|[A-Z][a-zA-Z0-9_\w’'-]*+)[ \t]++){0,4}[A-Z][a-zA-Z0-9_\w’'-]*?[a-z][a-zA-Z0-9_\w’'-]*+"
                      r"|(?=[a-zA-Z0-9_\w’']*-)[a-zA-Z0-9_\w’'-]*?[a-z][a-zA-Z0-9_\w’'-]*+)")
WINDOW = 260
SHORT_WINDOW = 90


def _read_list(name: str) -> list[str]:
    with open(lexicon_path(name), encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def vocab() -> dict:
    """Lexicons used for mentions, loaded once."""
    words = {r["word"]: r["role"] for r in _read_csv("mention_words.csv")}
    pron = {r["pronoun"]: r for r in _read_csv("pronouns.csv")}
    nouns = {r["noun"].lower(): r["type"] for r in _read_csv("speaker_nouns.csv")}
    return {
        "determiners": {w for w, r in words.items() if r == "determiner"},
        "skip": {w for w, r in words.items() if r == "skip"},
        "stop": {w for w, r in words.items() if r == "stop"},
        "boundary": {w for w, r in words.items() if r in ("boundary", "skip", "stop")},
        "prepositions": {w for w, r in words.items() if r == "preposition"},
        "pronouns": pron,
        "nouns": nouns,
        "titles": set(_read_list("name_titles.txt")),
        "relay": set(_read_list("relay_words.txt")),
    }


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
    last = toks[-1][1]
    end = text.rfind(last, base, hi) + len(last)
    for gap, tok in toks[:i:-1]:  # the tokens after token i
        end -= len(gap) + len(tok)
    start = end - len(toks[i][1])
    for j in range(i, k, -1):
        start -= len(toks[j][0]) + len(toks[j - 1][1])
    return start, end


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


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
    if _is_cap(tok) and low not in v["determiners"] and low not in v["skip"]:
        return "person"
    return None


DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today",
        "tonight", "week", "month", "year", "night", "weekend", "morning", "afternoon", "evening"}


PAST_TIMES = {"past", "time", "moment", "outset", "end"}


def _skip_left(toks: list, i: int, v: dict) -> int:
    """Step left over auxiliaries, adverbs, time phrases and a parenthesis between speaker and cue."""
    while i >= 0:
        t = toks[i][1]
        tl = t.lower()
        if tl in v["skip"] or (tl.endswith("ly") and t.islower()):
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
DATE = re.compile(r"\d{4}-\d\d-\d\d")  # a dateline or file header ("date 2023-05-26") is never in a speaker
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
    if not head[0].isalnum() or hl in v["boundary"] or hl in v["prepositions"] \
            or (hl in v["determiners"] and not head[0].isupper() and hl not in QUANTIFIERS):
        return None
    # a participle is a verb, not a speaker ("was heard ... telling"), unless a determiner makes it a noun
    # or it follows its noun ("A news report published Wednesday said")
    if head.islower() and hl.endswith(("ed", "ing")) and hl not in v["nouns"] \
            and not (i > 0 and (toks[i - 1][1].lower() in v["determiners"] or toks[i - 1][1].endswith(("’s", "'s")))):
        prev = toks[i - 1][1] if i > 0 else ""
        if not (hl.endswith("ed") and i > 1 and prev[:1].isalpha() and _noun_like(prev, v)):
            return None
    if hl in v["pronouns"]:
        return i
    k = i
    while k - 1 >= 0 and i - k < 14:
        t = toks[k - 1][1]
        tl = t.lower()
        if t in OPEN_PUNCT or not (t[0].isalnum() or t in ("’s", "'s", "&", "-")) \
                or (t[0].isdigit() and DATE.fullmatch(t)) or (t[-1] == "." and _ends_sentence(t)):
            break
        if t == "US":  # the country, not the pronoun: "US Senator Jeff Sessions"
            k -= 1
            continue
        if tl in v["pronouns"] and tl not in POSSESSIVE_PRONOUNS:
            break
        if tl == "to" and k >= 2 and (toks[k][1][0].isupper() or toks[k][1].lower() in v["determiners"]) \
                and toks[k - 2][1].islower() and toks[k - 2][1].isalpha() and toks[k - 2][1] not in v["boundary"] \
                and toks[k - 2][1] not in v["prepositions"]:
            k -= 1  # a preposition inside the phrase: "people close to the campaign", "a source speaking to Fox News"
            continue
        if tl in v["boundary"] and tl not in NP_JOINERS:
            break
        if tl in NP_JOINERS:
            # a coordinated noun phrase ("Trump and Clinton", "the FBI and the CIA"), not coordinated clauses
            right = toks[k][1]
            left = toks[k - 2][1] if k >= 2 else ""
            if (right[0].isupper() or right.lower() in v["determiners"] or right in TITLE_MODIFIERS) and left[:1].isalpha() \
                    and left.lower() not in v["boundary"]:
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
        elif t.islower() and tl not in v["determiners"] and tl not in v["nouns"] and not t[0].isdigit() \
                and (nxt[0].isupper() or nxt.lower() in v["determiners"]):
            k += 1
        else:
            break
    return k


CONTRACTED_PRONOUN = re.compile(r"((?i:he|she|it|they|we|i|you|who))(?:’|')(?:s|re|ve|d|ll|m)")
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
PRONOUN_BEFORE = re.compile(r"(?<!\S)(he|He|HE|she|She|SHE|they|They|THEY|we|We|WE|i|I)\s+$")
# the last letters of those pronouns: before a cue after one space, any other letter rules the pattern out
# without running it (seven calls in ten)
PRONOUN_LAST_LETTERS = frozenset(w[-1] for w in re.search(r"\((\w+(?:\|\w+)*)\)", PRONOUN_BEFORE.pattern).group(1).split("|"))


def mention_before(text: str, cue_start: int, lo: int) -> Mention | None:
    """Speaker mention ending just before a cue (`Li said`, `Western officials ... expressed`).

    Most mentions sit in the few words before the cue, so a short window is tokenized first and a
    long one only when the mention reaches its start or an aside (comma, dash) needs more context.
    """
    # the commonest case, decided as the walk below would: a subject pronoun right before the cue ("he said")
    if cue_start < 2 or text[cue_start - 1] != " " or text[cue_start - 2] in PRONOUN_LAST_LETTERS \
            or text[cue_start - 2].isspace():
        m = PRONOUN_BEFORE.search(text, max(lo, cue_start - 12), cue_start)
        if m is not None:
            return Mention(m.start(), m.end(1), "pronoun")
    got = _mention_before(text, cue_start, lo, max(lo, cue_start - SHORT_WINDOW))
    if got is _MORE:
        got = _mention_before(text, cue_start, lo, max(lo, cue_start - WINDOW))
    return got


def _mention_before(text: str, cue_start: int, lo: int, start: int):
    v = vocab()
    clipped = start > lo and start > cue_start - WINDOW
    toks, base = _tokens(text, start, cue_start)
    i = _skip_left(toks, len(toks) - 1, v)
    if i < 0:
        return _MORE if clipped else None
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
    if toks[i][1] == ",":
        commas = [i]
        j = i - 1
        while j >= 0 and i - j < 45 and toks[j][1] not in HARD_STOPS \
                and not (toks[j][1] == "'" and _hard_stop(toks, j)):
            if toks[j][1] == ",":
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
    t = toks[i][1]
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
    if k > 1 and text.find("who", start, cue_start) >= 0:
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


def mention_after(text: str, pos: int, hi: int) -> Mention | None:
    """Speaker noun phrase starting at `pos` (`said Jared Bernstein, a senior fellow`, `says a source
    involved in the talks`, `said former Gov. Bill Richardson of New Mexico`), or None."""
    v = vocab()
    toks, base = _tokens_ahead(text, pos, min(hi, pos + WINDOW), AFTER_TOKENS + 2)
    if not toks:
        return None
    t0 = toks[0][1]
    low = t0.lower()
    if low in ("he", "she", "they", "we", "i"):
        return Mention(*_span(toks, base, 0, 0), "pronoun")
    n = 0
    det = low in v["determiners"] or t0[0].isdigit()
    if low in v["determiners"]:
        n = 1
    # lower-case modifiers before a name or title: "former Gov. Bill Richardson", "longtime GOP strategist"
    lead = n
    while lead < len(toks) and lead - n < 3 and toks[lead][1].islower() and _np_word(toks[lead][1], v) \
            and not (toks[lead][1][-1] == "." and _ends_sentence(toks[lead][1])):
        lead += 1
    if lead < len(toks) and lead > n and (toks[lead][1][0].isupper() or det):
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
        else:
            break
        n += 1
        if t[-1] == "." and _ends_sentence(t):
            break
    if n == 0 or (not named and not det):
        return None
    if toks[n - 1][1].rstrip(".") in DAYS and (n == 1 or toks[0][1].lower() in ("this", "last", "next", "that", "each", "every")):
        return None  # a time phrase after the cue ("concluded this year", "said Tuesday"), no speaker
    last = n - 1
    while last > 0 and toks[last][1].lower() in ("of", "’s", "'s", "-", "&"):
        last -= 1
    end = _end(toks, base, last)
    word = toks[last][1]
    if word.endswith(".") and len(word) > 3 and "." not in word[:-1] and not word[:-1].isupper():
        end -= 1  # a sentence-final period, not an abbreviation ("- Bernie Sanders.")
    return Mention(_start(toks, base, 0), end, _np_type(toks, 0, last, v))


def _ends_sentence(t: str) -> bool:
    """A lower-case word with a final period and no other (not "a.m."): it ends its sentence ("the news
    outlet. It ...")."""
    return t[-1] == "." and t[0].islower() and len(t) > 2 and "." not in t[:-1]


def _np_word(t: str, v: dict) -> bool:
    """A lower-case word that can sit in a noun phrase (not a function word, verb form or pronoun)."""
    tl = t.lower()
    return not (tl in v["boundary"] or tl in v["prepositions"] or tl in v["pronouns"] or tl in NP_JOINERS
                or tl in v["determiners"]) and t[0].isalnum()


@lru_cache(maxsize=65536)
def _name_parts(run: str) -> tuple | None:
    """(full name, title words, surname key, first-word key) of a capitalised run, or None (cached:
    the same names recur across articles)."""
    v = vocab()
    words = run.split()
    if words[0] in ("The", "A", "An"):
        return None
    # leading titles, nationalities and possessives: "Russian Foreign Minister Sergei Lavrov"
    cut = 0
    for k, w in enumerate(words[:-1]):
        if w in v["titles"] or w.lower() in v["nouns"] or w.endswith(("’s", "'s")):
            cut = k + 1
    titles, words = words[:cut], words[cut:]
    if len(words) < 2 or any(w.lower() in v["nouns"] or w.lower() in v["stop"] for w in words):
        return None
    name = " ".join(w.rstrip(".,") for w in words)
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    parts = name.split()
    return name, frozenset(t.lower().rstrip(".") for t in titles), parts[-1], "\0" + parts[0]


LETTERS = re.compile(r"[A-Za-z]+")
PERIOD_WORD = re.compile(r"([A-Z][a-z]{0,3})\.[ \t]+")


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
    out = []
    for s, e in ((0, len(run)),) if "." not in run else (_name_pieces(run) or ((0, len(run)),)):
        got = _name_parts(run[s:e])
        if got is not None:
            out.append((s, e) + got)
    return tuple(out)


class NameIndex:
    """Full names, surnames and title words seen in one article, for within-article resolution."""
    # a plain class, not a dataclass: importing dataclasses (with inspect, ast and dis) costs ~6 ms at every start
    # of the CLI, and no other module on the quotes path needs it once toolkit.corpus does not either
    __slots__ = ("starts", "names", "by_last")

    def __init__(self, starts: list, names: list, by_last: dict) -> None:
        self.starts = starts
        self.names = names  # (start, end, full name, title words lowercased)
        self.by_last = by_last

    @classmethod
    def build(cls, text: str) -> "NameIndex":
        """Index capitalised multiword names (with their leading titles) in `text`."""
        starts, names, by_last = [], [], {}
        for m in NAME_RUN.finditer(text):
            entries = _run_names(m.group())
            if entries:
                ms = m.start()
                for s, e, name, titles, last, first in entries:
                    starts.append(ms + s)
                    names.append((ms + s, ms + e, name, titles))
                    by_last.setdefault(last, name)
                    # family name first (Chinese, Korean, Hungarian order): "Li" -> "Li Hui" when no "... Li" exists
                    by_last.setdefault(first, name)
        return cls(starts, names, by_last)

    def resolve(self, text: str, m: Mention) -> str:
        """Full name for a mention: pronoun -> latest person before it; surname/title -> earlier full name."""
        surface = text[m.start:m.end]
        i = bisect.bisect_left(self.starts, m.start)
        if m.type == "pronoun":
            if surface.lower() in ("he", "she", "i", "who") and i > 0:
                return self.names[i - 1][2]
            return surface
        if m.type == "person":
            words = [w.rstrip(".,") for w in surface.split()]
            if words and words[-1].endswith(("’s", "'s")):
                words[-1] = words[-1][:-2]
            for w in reversed(words):
                if w in self.by_last:
                    return self.by_last[w]
            if len(words) == 1 and "\0" + words[0] in self.by_last:
                return self.by_last["\0" + words[0]]
            return " ".join(words)
        if m.type == "title":
            want = {w.lower() for w in LETTERS.findall(surface)} - vocab()["determiners"]
            for k in range(i - 1, -1, -1):
                titles = self.names[k][3]
                if titles and want <= titles | {"the"}:
                    return self.names[k][2]
        return surface
