"""Paragraphs and sentences with offsets, by the Punkt algorithm with parameters we trained (no nltk_data needed).

The parameters (toolkit/lexicons/punkt_en_news.json, trained with NLTK's PunktTrainer by
bench/train_punkt.py) are loaded once, lazily; toolkit/lexicons/abbreviations.txt adds
abbreviations an analyst can extend.  Splitting applies NLTK's Punkt decisions
(nltk.tokenize.punkt.PunktSentenceTokenizer.span_tokenize: candidate contexts, first and second
annotation pass, boundary realignment) re-stated here over plain data, because importing NLTK
costs a fifth of a second and its regex engine with timeouts is slow per call: the quotes CLI
must run at hundreds of articles per second.  tests/test_segment.py checks the decisions equal
NLTK's on real text; `punkt_parameters()` still gives NLTK's PunktParameters for training and
for that comparison.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit import regexcache as rx
from toolkit.resources import lexicon_path

if TYPE_CHECKING:
    import pandas as pd
    from nltk.tokenize.punkt import PunktParameters

PARAMETERS_FILE = "punkt_en_news.json"
ABBREVIATIONS_FILE = "abbreviations.txt"

# One paragraph per non-blank line: news exports and the transcripts put each paragraph (or speaker
# turn) on its own line, so a line break always ends a sentence.
# (matched from its first non-space character: a regex that starts with a character class scans fast)
_PARAGRAPH = rx.compile(r"\S[^\r\n]*")
# A sentence must start where a reader would: Punkt leaves some breaks before lower-case words
# ('..." he said.') and before closing punctuation; those are joined back. (A set: one character is looked up per
# paragraph and sentence, cheaper than a regex call each time.)
_CONTINUES_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz,;:)]”’")

# Punkt's regular expressions (nltk.tokenize.punkt.PunktLanguageVars), with opening curly quotes and
# guillemets kept off word starts (NewsLanguageVars below, which training uses).
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u201c\u2018\xab]"
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_PERIOD_CONTEXT = rx.compile(r"[.?!](?=(?P<after_tok>" + _NON_WORD + r"|\s+(?P<next_tok>\S+)))")
_NON_WORD_CHARS = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")  # _NON_WORD's characters
_WORD_TOKEN = rx.compile(rf"""(
    {_MULTI_CHAR}
    |
    (?={_WORD_START})\S+?
    (?=\s|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR}))
    |
    \S
)""", re.VERBOSE)
_REALIGN_FIRST = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")  # what a _REALIGN match starts with
_REALIGN = rx.compile(r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', re.MULTILINE)
_NUMERIC = rx.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_INITIAL = rx.compile(r"[^\W\d]\.$")
_ELLIPSIS = rx.compile(r"\.\.+$")
# the commonest candidate: a plain word and its period before a space ("said. The", the group "space") or closing
# punctuation ('said.”')
_PLAIN = rx.compile(r"([A-Za-z]{2,})\.(?:(?P<space>\s)|" + _NON_WORD + ")")
_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace, as Punkt looks for the word before a candidate
_PUNCTUATION = frozenset(";:,.!?")
# Punkt's orthographic context flags: seen upper/lower case at a sentence beginning, middle, unknown
_ORTHO_MID_UC, _ORTHO_BEG_LC = 1 << 2, 1 << 4
_ORTHO_UC = (1 << 1) + (1 << 2) + (1 << 3)
_ORTHO_LC = (1 << 4) + (1 << 5) + (1 << 6)


def read_abbreviations(kind: str | None = None) -> set[str]:
    """The shipped abbreviations (lower case, no final period); kind="title" for titles only."""
    out = set()
    with open(lexicon_path(ABBREVIATIONS_FILE), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                word, _, tag = line.rstrip("\n").partition("\t")
                if kind is None or tag.strip() == kind:
                    out.add(word.strip().lower().rstrip("."))
    return out


@lru_cache(maxsize=1)
def _punkt_data() -> dict:
    """The trained parameters and the abbreviation list as plain sets and dicts (loaded once)."""
    try:  # orjson reads the 400 kB file in ~2.3 ms, the json module in ~5.4 (at every start of the CLI)
        from orjson import loads
    except ImportError:
        loads = json.loads
    data = loads(lexicon_path(PARAMETERS_FILE).read_bytes())
    abbrev = frozenset(data["abbrev_types"]) | read_abbreviations()
    collocations = frozenset(tuple(c) for c in data["collocations"])
    return {"abbrev": abbrev, "collocations": collocations, "sent_starters": frozenset(data["sent_starters"]),
            "ortho": data["ortho_context"], "titles": frozenset(read_abbreviations("title")),
            "not_plain": abbrev | {c[0] for c in collocations}}


def punkt_abbreviations() -> frozenset:
    """Every abbreviation the splitter knows (trained and shipped), lower case, no final period."""
    return _punkt_data()["abbrev"]


def punkt_parameters() -> "PunktParameters":
    """The trained Punkt parameters plus the abbreviation list, as NLTK's PunktParameters."""
    from nltk.tokenize.punkt import PunktParameters

    data = _punkt_data()
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev"])
    params.collocations = set(data["collocations"])
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho"])
    return params


def __getattr__(name: str):
    # NLTK's language variables with our word-start set, for training (bench/train_punkt.py); built on
    # first use so that splitting never imports NLTK
    if name == "NewsLanguageVars":
        from nltk.tokenize.punkt import PunktLanguageVars

        cls = type("NewsLanguageVars", (PunktLanguageVars,), {
            "__doc__": "Punkt's English settings, with opening curly quotes and guillemets kept off word starts.",
            "__module__": __name__, "_re_word_start": _WORD_START})
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ------------------------------------------------------------------------------ Punkt decisions ---

def _token(tok: str, abbrev: frozenset) -> list:
    """[text, type, sentbreak, abbr, ellipsis] after Punkt's first (type-based) pass."""
    low = tok.lower()
    typ = "##number##" if _NUMERIC.match(low) else low
    if tok in (".", "?", "!"):
        return [tok, typ, True, False, False]
    if _ELLIPSIS.match(tok):
        return [tok, typ, False, False, True]
    if tok.endswith(".") and not tok.endswith(".."):
        word = low[:-1]
        if word in abbrev or word.split("-")[-1] in abbrev:
            return [tok, typ, False, True, False]
        return [tok, typ, True, False, False]
    return [tok, typ, False, False, False]


def _no_period(typ: str) -> str:
    return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ


def _ortho_heuristic(tok: list, ortho: dict) -> bool | str:
    """Punkt's orthographic evidence that a token starts a sentence: True, False or "unknown"."""
    text = tok[0]
    if text in _PUNCTUATION:
        return False
    ctx = ortho.get(_no_period(tok[1]) if tok[2] else tok[1], 0)
    if text[0].isupper() and ctx & _ORTHO_LC and not ctx & _ORTHO_MID_UC:
        return True
    if text[0].islower() and (ctx & _ORTHO_UC or not ctx & _ORTHO_BEG_LC):
        return False
    return "unknown"


def _second_pass(t1: list, t2: list, data: dict) -> None:
    """Punkt's token-based reclassification of t1 given the next token (collocations, orthography,
    frequent sentence starters, initials and ordinals)."""
    if not t1[0].endswith("."):
        return
    typ = _no_period(t1[1])
    next_typ = _no_period(t2[1]) if t2[2] else t2[1]
    initial = _INITIAL.match(t1[0]) is not None
    if (typ, next_typ) in data["collocations"]:
        t1[2], t1[3] = False, True
        return
    if (t1[3] or t1[4]) and not initial:
        starter = _ortho_heuristic(t2, data["ortho"])
        if starter is True:
            t1[2] = True
            return
        if t2[0][0].isupper() and next_typ in data["sent_starters"]:
            t1[2] = True
            return
    if initial or typ == "##number##":
        starter = _ortho_heuristic(t2, data["ortho"])
        if starter is False:
            t1[2], t1[3] = False, True
            return
        if starter == "unknown" and initial and t2[0][0].isupper() \
                and not data["ortho"].get(next_typ, 0) & _ORTHO_LC:
            t1[2], t1[3] = False, True


_decisions: dict[str, bool] = {}  # candidate context -> break; contexts recur across articles


def _contains_sentbreak(text: str, start: int, end: int, data: dict) -> bool:
    """True when Punkt puts a sentence break inside the candidate context text[start:end] ("said. The")."""
    context = text[start:end]
    found = _decisions.get(context)
    if found is not None:
        return found
    toks = [_token(t, data["abbrev"]) for line in context.split("\n") if line.strip()
            for t in _WORD_TOKEN.findall(line)]
    found = False
    for i in range(len(toks) - 1):
        _second_pass(toks[i], toks[i + 1], data)
        if toks[i][2]:
            found = True
            break
    if len(_decisions) < 200_000:
        _decisions[context] = found
    return found


def _punkt_spans(text: str, only_spaces: bool = False, marks: list[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph as NLTK's PunktSentenceTokenizer.span_tokenize gives them.

    only_spaces: the caller knows " " is the only whitespace character in text; marks: the positions
    of ".", "?" and "!" in text, in order, when the caller has them.
    """
    data = _punkt_data()
    # Punkt's candidates: a mark, the word before it and the token after it (the context is the text
    # from the word's start to the end of the next token); a candidate whose word reaches back over
    # the previous candidate replaces it ("acting!!!" is one candidate, its last mark)
    cands: list = []
    prev_start = prev_stop = 0
    spaces = [" "] if only_spaces else [c for c in _WHITESPACE if c in text]
    if marks is None:
        marks = _marks(text)
    n = len(text)
    for ms in marks:
        # _PERIOD_CONTEXT's test, by characters (its match object cost ~2,000 machine instructions a mark): the mark is
        # followed by a _NON_WORD character, or by whitespace and a next token, which starts at nxt
        after = text[ms + 1:ms + 2]
        if after in _NON_WORD_CHARS:
            nxt = -1
        elif after.isspace():
            nxt = ms + 2
            while nxt < n and text[nxt].isspace():
                nxt += 1
            if nxt == n:
                continue
        else:
            continue
        last_space = max(text.rfind(c, prev_stop, ms) for c in spaces) if len(spaces) > 1 \
            else text.rfind(spaces[0], prev_stop, ms) if spaces else -1
        # Punkt reads an index 0 (no whitespace, or whitespace first) as "no word boundary found"
        word_start = last_space + 1 if last_space > prev_stop else prev_start
        if cands and prev_stop > word_start:
            cands.pop()
        cands.append((ms, word_start, nxt))
        prev_start, prev_stop = word_start, ms
    slices = []
    last_break = 0
    titles, not_plain = data["titles"], data["not_plain"]
    for ms, word_start, nxt in cands:
        # the commonest case, a plain word (_PLAIN), decided without Punkt's tokens
        word = text[word_start:ms]
        if len(word) > 1 and word.isalpha() and word.isascii() and text[ms] == ".":
            # _PLAIN's match, by str tests (a regex match object costs ~1,500 machine instructions): letters from
            # the word start to the mark, which whitespace or a _NON_WORD character follows
            plain, space = word.lower(), nxt >= 0
        elif m := _PLAIN.match(text, word_start, ms + 2):  # (the match ends by the character after the mark)
            plain, space = m.group(1).lower(), m.group("space")
        else:
            plain = space = None
        if plain is None:
            # ("?" and "!" are tokens of their own, breaks that Punkt's second pass never takes back)
            found = text[ms] != "." or _contains_sentbreak(
                text, word_start, _PERIOD_CONTEXT.match(text, ms).end("after_tok"), data)
        elif plain not in not_plain:
            found = True  # Punkt's first pass marks a break and no second-pass rule applies to a plain word
        elif space and plain in titles:  # (titles are abbreviations: in not_plain)
            # a title abbreviation never ends a sentence here ("Mrs. Clinton": Punkt's orthographic rule would
            # split before a name it rarely saw)
            found = False
        else:
            found = _contains_sentbreak(text, word_start, _PERIOD_CONTEXT.match(text, ms).end("after_tok"), data)
        if found:
            slices.append((last_break, ms + 1))
            last_break = nxt if nxt >= 0 else ms + 1
    slices.append((last_break, len(text.rstrip())))
    # closing punctuation after the period belongs to the sentence it ends: "(Sent1.) Sent2."
    out = []
    realign = 0
    last = len(slices) - 1
    for k, (s1, e1) in enumerate(slices):
        s1 += realign
        if k == last:
            if min(e1, n) > s1:
                out.append((s1, e1))
            continue
        s2, e2 = slices[k + 1]
        m = _REALIGN.match(text, s2, max(s2, e2)) if s2 < n and text[s2] in _REALIGN_FIRST else None
        if m:
            out.append((s1, s2 + len(m.group(0).rstrip())))
            realign = m.end() - s2
        else:
            realign = 0
            if min(e1, n) > s1:
                out.append((s1, e1))
    return out


def char_positions(text: str, chars: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Positions of any of `chars` in text[lo:hi], in order (found by str.find, which is many times faster
    than a regex scan of every character)."""
    hi = len(text) if hi is None else hi
    whole = lo == 0 and hi >= len(text)
    out: list[int] = []
    for ch in chars:
        if whole and ch not in text:
            continue  # (most of the characters are absent: `in` costs less than str.find's argument parsing)
        i = text.find(ch, lo, hi)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1, hi)
    out.sort()
    return out


def _marks(text: str) -> list[int]:
    """Positions of the sentence-ending marks ".", "?" and "!" in text, in order."""
    return char_positions(text, ".?!")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (non-blank line, surrounding spaces trimmed) in text."""
    if "\r" in text:
        return [(m.start(), m.start() + len(m.group().rstrip())) for m in _PARAGRAPH.finditer(text)]
    out = []
    pos = 0
    for line in text.split("\n"):  # (str methods: much faster than the regex on long texts)
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            out.append((start, start + len(stripped)))
        pos += len(line) + 1
    return out


def sentences(text: str, paras: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text; paragraph breaks always end a sentence.

    paras: the text's `paragraphs(text)` when the caller has them already.
    """
    only_spaces = "\t" not in text and "\x0b" not in text and "\x0c" not in text
    marks = _marks(text)
    k = 0
    out: list[tuple[int, int]] = []
    prev_end = -1
    for p_start, p_end in (paragraphs(text) if paras is None else paras):
        # A line broken inside a sentence (hard-wrapped text) goes on in lower case: not a new paragraph.
        joined = out and text[p_start] in _CONTINUES_CHARS and text.count("\n", prev_end, p_start) == 1
        prev_end = p_end
        # Most paragraphs hold no candidate boundary after the first sentence: skip Punkt for them.
        k0 = bisect_left(marks, p_start, k)
        k = bisect_left(marks, p_end, k0)
        # a mark that ends the paragraph is no candidate (nothing follows it), the commonest case
        k1 = k - 1 if k > k0 and marks[k - 1] == p_end - 1 else k
        if k1 == k0:  # one sentence
            if joined:
                out[-1] = (out[-1][0], p_end)
            else:
                out.append((p_start, p_end))
            continue
        para = text[p_start:p_end]
        spans = _punkt_spans(para, only_spaces, [m - p_start for m in marks[k0:k1]])
        first = len(out)
        for s, e in spans:
            if (len(out) > first or joined) and s < len(para) and para[s] in _CONTINUES_CHARS:
                out[-1] = (out[-1][0], p_start + e)
            else:
                out.append((p_start + s, p_start + e))
    return out


def sentence_table(articles: "pd.DataFrame") -> "pd.DataFrame":
    """One row per sentence: doc_id, para, sent, start, end, text (== file text[start:end]), clean_text."""
    import pandas as pd

    from toolkit.cleaning import clean, to_raw

    missing = {"doc_id", "text"} - set(articles.columns)
    if missing:
        raise ValueError(f"sentence_table needs columns doc_id and text; missing {sorted(missing)}")
    rows = []
    for doc_id, raw in zip(articles["doc_id"], articles["text"]):
        cleaned = clean(raw)
        text = cleaned.text
        paras = paragraphs(text)
        sents = sentences(text)
        p = 0
        for i, (s, e) in enumerate(sents):
            while p + 1 < len(paras) and paras[p][1] <= s:
                p += 1
            rs, re_ = to_raw(cleaned, s, e)
            rows.append({"doc_id": doc_id, "para": p, "sent": i, "start": rs, "end": re_, "text": raw[rs:re_],
                         "clean_text": text[s:e]})
    return pd.DataFrame(rows, columns=["doc_id", "para", "sent", "start", "end", "text", "clean_text"])
