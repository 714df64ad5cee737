"""Clean article text and keep, for every clean character, the raw span it came from.

clean(raw) normalises Unicode (mojibake via ftfy, NFC), whitespace, quotation marks and the quotation dash
(U+2015), drops the ``date YYYY-MM-DD`` header and page furniture (promos, run-in subheadings), and reports
every change.
The offset map is a list of pieces: each piece either copies raw text unchanged or replaces a raw
span by new text; to_raw/to_clean look pieces up by bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from toolkit import regexcache as rx
from toolkit.resources import word_list
from toolkit.segment import _marks, char_positions, punkt_abbreviations

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Cleaned:
    """Raw text, clean text, the pieces mapping one to the other, and the list of changes."""

    raw: str
    text: str
    # Piece i covers clean [clean_starts[i], clean_starts[i+1]) and raw [raw_starts[i], raw_starts[i+1]);
    # copied[i] says whether it is raw text copied unchanged. The last entry is the (len(text), len(raw)) sentinel.
    clean_starts: list[int]
    raw_starts: list[int]
    copied: list[bool]
    changes: list[dict]

    @cached_property
    def offsets(self) -> list[int]:
        """Raw index of each clean character, plus one final entry for the end (len(text)+1 items)."""
        out: list[int] = []
        cs, rs = self.clean_starts, self.raw_starts
        for i in range(len(cs) - 1):
            n = cs[i + 1] - cs[i]
            if self.copied[i]:
                out.extend(range(rs[i], rs[i] + n))
            else:
                out.extend([rs[i]] * n)
        out.append(len(self.raw))
        return out

    @cached_property
    def same_offsets(self) -> bool:
        """True when every clean character sits at its raw index and each change put one character for one
        (curly for straight quotes, a space for a no-break space): to_raw and to_clean are then the identity."""
        cs, cp = self.clean_starts, self.copied
        # a replacement of n > 1 characters by n is not: a span cut inside it maps to the whole of it
        return cs == self.raw_starts and all(cp[i] or cs[i + 1] - cs[i] == 1 for i in range(len(cs) - 1))


# ---------------------------------------------------------------------------------------------------
# Building the piece map


class _Builder:
    """Accumulates pieces left to right over a source string."""

    __slots__ = ("src", "parts", "cs", "rs", "cp", "changes", "pos", "clen")

    def __init__(self, src: str):
        self.src = src
        self.parts: list[str] = []
        self.cs: list[int] = []
        self.rs: list[int] = []
        self.cp: list[bool] = []
        self.changes: list[dict] = []
        self.pos = 0
        self.clen = 0

    def replace(self, start: int, end: int, new: str, reason: str) -> None:
        if start > self.pos:
            self.cs.append(self.clen)
            self.rs.append(self.pos)
            self.cp.append(True)
            self.parts.append(self.src[self.pos:start])
            self.clen += start - self.pos
        self.cs.append(self.clen)
        self.rs.append(start)
        self.cp.append(False)
        self.parts.append(new)
        self.clen += len(new)
        self.pos = end
        self.changes.append({"raw_start": start, "raw_end": end, "raw_text": self.src[start:end],
                             "clean_text": new, "reason": reason})

    def finish(self) -> tuple[str, list[int], list[int], list[bool], list[dict]]:
        n = len(self.src)
        if self.pos < n:
            self.cs.append(self.clen)
            self.rs.append(self.pos)
            self.cp.append(True)
            self.parts.append(self.src[self.pos:])
            self.clen += n - self.pos
        self.cs.append(self.clen)
        self.rs.append(n)
        self.cp.append(True)
        return "".join(self.parts), self.cs, self.rs, self.cp, self.changes


def _compose(mid: Cleaned, outer: tuple) -> tuple[list[int], list[int], list[bool]]:
    """Pieces raw->clean from pieces raw->mid (mid) and mid->clean (outer)."""
    text, cs2, ms2, cp2, _ = outer
    cs1, rs1, cp1 = mid.clean_starts, mid.raw_starts, mid.copied
    atoms: list[list] = []  # [c0, c1, r0, r1, copied]
    for i in range(len(cs2) - 1):
        c0, c1, m0, m1 = cs2[i], cs2[i + 1], ms2[i], ms2[i + 1]
        if not cp2[i]:
            r0, r1 = to_raw(mid, m0, m1) if m1 > m0 else (_raw_point(mid, m0),) * 2
            atoms.append([c0, c1, r0, r1, False])
            continue
        m = m0
        while m < m1:  # split the copied run where the inner map changes piece
            j = bisect_right(cs1, m) - 1
            stop = min(m1, cs1[j + 1])
            if cp1[j]:
                r = rs1[j] + (m - cs1[j])
                atoms.append([c0 + m - m0, c0 + stop - m0, r, r + stop - m, True])
            else:
                atoms.append([c0 + m - m0, c0 + stop - m0, rs1[j], rs1[j + 1], False])
            m = stop
    merged: list[list] = []
    for a in atoms:  # pieces that share one inner replacement become one replacement
        if merged and a[2] > merged[-1][3]:
            # raw text the inner map deleted (an invisible character) between two pieces
            merged.append([a[0], a[0], merged[-1][3], a[2], False])
        elif not merged and a[2] > 0:
            merged.append([0, 0, 0, a[2], False])
        if merged and not a[4] and not merged[-1][4] and a[2] < merged[-1][3]:
            merged[-1][1] = a[1]
            merged[-1][3] = max(merged[-1][3], a[3])
        else:
            merged.append(a)
    if merged and merged[-1][3] < len(mid.raw):
        merged.append([len(text), len(text), merged[-1][3], len(mid.raw), False])
    cs = [a[0] for a in merged] + [len(text)]
    rs = [a[2] for a in merged] + [len(mid.raw)]
    cp = [a[4] for a in merged] + [True]
    return cs, rs, cp


def _raw_point(cleaned: Cleaned, pos: int) -> int:
    """Raw position of the boundary before clean position pos."""
    if pos >= len(cleaned.text):
        return len(cleaned.raw)
    j = bisect_right(cleaned.clean_starts, pos) - 1
    if cleaned.copied[j]:
        return cleaned.raw_starts[j] + pos - cleaned.clean_starts[j]
    return cleaned.raw_starts[j]


# ---------------------------------------------------------------------------------------------------
# Mapping


def to_raw(cleaned: Cleaned, start: int, end: int) -> tuple[int, int]:
    """The raw span that clean span [start, end) came from (whole replacements when cut inside one)."""
    n = len(cleaned.text)
    if not 0 <= start <= end <= n:
        raise ValueError(f"clean span ({start}, {end}) outside 0..{n}")
    if start == end:
        p = _raw_point(cleaned, start)
        return p, p
    cs, rs, cp = cleaned.clean_starts, cleaned.raw_starts, cleaned.copied
    i = bisect_right(cs, start) - 1
    if end <= cs[i + 1]:  # inside one piece (most spans: a text has a few changes), found with one bisection
        return (rs[i] + (start - cs[i]), rs[i] + (end - cs[i])) if cp[i] else (rs[i], rs[i + 1])
    raw_start = rs[i] + (start - cs[i]) if cp[i] else rs[i]
    j = bisect_right(cs, end - 1) - 1
    raw_end = rs[j] + (end - cs[j]) if cp[j] else rs[j + 1]
    return raw_start, raw_end


def to_clean(cleaned: Cleaned, raw_start: int, raw_end: int) -> tuple[int, int]:
    """The clean span that raw span [raw_start, raw_end) became (empty when it was removed)."""
    n = len(cleaned.raw)
    if not 0 <= raw_start <= raw_end <= n:
        raise ValueError(f"raw span ({raw_start}, {raw_end}) outside 0..{n}")
    cs, rs, cp = cleaned.clean_starts, cleaned.raw_starts, cleaned.copied
    i = bisect_right(rs, raw_start) - 1
    if i >= len(cs) - 1:
        return len(cleaned.text), len(cleaned.text)
    start = cs[i] + (raw_start - rs[i]) if cp[i] else cs[i]
    if raw_end == raw_start:
        return start, start
    j = bisect_right(rs, raw_end - 1) - 1
    end = cs[j] + (raw_end - rs[j]) if cp[j] else cs[j + 1]
    return start, max(start, end)


# ---------------------------------------------------------------------------------------------------
# Unicode: ftfy only where a cheap test finds something it could fix


# C1 controls, Latin-1 letters/symbols (the bytes of UTF-8 read as cp1252/Latin-1), combining marks
# (NFC), ligatures and full-width forms. NBSP alone is whitespace, handled below.
_SUSPECT = rx.compile(r"[\x80-\x9f\xa1-\xff\u0300-\u036f\ufb00-\ufb06\uff01-\uff5e]")
_INVISIBLE = rx.compile(r"[\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


@lru_cache(maxsize=1)
def _ftfy():
    with rx.compiles_cached():  # (ftfy compiles ~59 patterns at import: the regex cache keeps them between runs)
        from ftfy import TextFixerConfig, fix_text

    # Quotes and line breaks are ours to normalise (with offsets); HTML entities are left as written.
    config = TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, unescape_html=False, explain=False,
                             normalization="NFC")
    return lambda s: fix_text(s, config)


_SUSPECT_OR_INVISIBLE = rx.compile(_SUSPECT.pattern[:-1] + _INVISIBLE.pattern[1:])
# The same characters in UTF-8, by lead byte: whether a text holds one is asked of its bytes, where each pattern
# starts with one byte that sre skips to in a tight loop (a scan for a character class, as the class above, costs
# ~50 machine instructions at every character, ~1% of the CLI's run); a byte the text lacks (memchr) costs nothing.
_SUSPECT_OR_INVISIBLE_UTF8 = tuple((lead, rx.compile(pattern)) for lead, pattern in (
    (b"\xc2", rb"\xc2[\x80-\x9f\xa1-\xbf]"),  # U+0080-U+00BF but the no-break space
    (b"\xc3", rb"\xc3"),  # U+00C0-U+00FF
    (b"\xcc", rb"\xcc"),  # U+0300-U+033F
    (b"\xcd", rb"\xcd[\x80-\xaf]"),  # U+0340-U+036F
    (b"\xe2", rb"\xe2(?:\x80[\x8b-\x8f\xaa-\xae]|\x81[\xa0-\xa4])"),  # U+200B-200F, U+202A-202E, U+2060-2064
    (b"\xef", rb"\xef(?:\xac[\x80-\x86]|\xbb\xbf|\xbc[\x81-\xbf]|\xbd[\x80-\x9e])"),  # U+FB00-FB06, FEFF, FF01-FF5E
))


def _has_suspect_or_invisible(text: str) -> bool:
    """Whether text holds a _SUSPECT_OR_INVISIBLE character (asked of its UTF-8 bytes, see above)."""
    data = text.encode("utf-8", "surrogatepass")  # (a lone surrogate is neither: it encodes to a lead byte \xed)
    return any(lead in data and pattern.search(data) for lead, pattern in _SUSPECT_OR_INVISIBLE_UTF8)


def _windows(raw: str) -> list[tuple[int, int]]:
    """Words holding a suspect character, joined when only one space separates them (ftfy needs context)."""
    out: list[list[int]] = []
    for m in _SUSPECT_OR_INVISIBLE.finditer(raw):
        p = m.start()
        if out and p < out[-1][1]:
            continue
        s = p
        while s > 0 and not raw[s - 1].isspace():
            s -= 1
        e = p + 1
        while e < len(raw) and not raw[e].isspace():
            e += 1
        if out and s <= out[-1][1] + 1 and raw[out[-1][1]:s] in ("", " ", "\xa0"):
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _fix_unicode(raw: str) -> Cleaned | None:
    if raw.isascii() or not _has_suspect_or_invisible(raw):  # (isascii is free: a flag of the string)
        return None
    from difflib import SequenceMatcher

    fix = _ftfy()
    b = _Builder(raw)
    for start, end in _windows(raw):
        old = raw[start:end]
        # ftfy first: a soft hyphen can be the second byte of a mojibake letter ("Ã\xad" is "í").
        new = fix(old) if _SUSPECT.search(old) else old
        new = _INVISIBLE.sub("", new)
        if new == old:
            continue
        for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if op != "equal":
                part = old[i1:i2]
                reason = "invisible" if j1 == j2 and not _INVISIBLE.sub("", part) else "unicode"
                b.replace(start + i1, start + i2, new[j1:j2], reason)
    if not b.changes:
        return None
    text, cs, rs, cp, changes = b.finish()
    return Cleaned(raw, text, cs, rs, cp, changes)


# ---------------------------------------------------------------------------------------------------
# Page furniture


_SENTENCE_END_IN = rx.compile(r".*[.!?][\"”’]?\s", re.DOTALL)


@lru_cache(maxsize=1)
def _label_ends() -> tuple[str, ...]:
    """The last words of the furniture labels ("more" of "read more")."""
    return tuple({label.split()[-1] for label in word_list("furniture_labels.txt")})


def _may_close_label(raw: str, colon: int) -> bool:
    """False when the colon at raw[colon] follows a word that ends no furniture label ("said:"): a cheap test
    before _label_before, which backtracks over the line character by character."""
    before = raw[colon - 1:colon]
    # (16 characters: longer than any label's last word)
    return not before or before.isspace() or before == "\ufeff" \
        or raw[max(0, colon - 16):colon].lower().endswith(_label_ends())


def _label_before(raw: str, colon: int) -> tuple[int, str]:
    """Where the text that the colon at raw[colon] may close as a label starts (the line start or the last sentence
    end before it, spaces skipped), and that text as the label list writes labels (lower case, single spaces)."""
    line_start = raw.rfind("\n", 0, colon) + 1
    m = _SENTENCE_END_IN.match(raw, line_start, colon)
    start = m.end() if m else line_start
    label = raw[start:colon]
    start += len(label) - len(label.lstrip(" \t\ufeff"))
    return start, " ".join(label.split()).strip("\ufeff").lower()


def _promos(raw: str) -> list[dict]:
    """Promos: a furniture label and a colon at a line start or after a sentence end, to "×" or line end."""
    labels = word_list("furniture_labels.txt")
    spans = []
    colon = raw.find(":")
    while colon >= 0:
        if _may_close_label(raw, colon):
            start, label = _label_before(raw, colon)
            if label in labels:
                line_end = raw.find("\n", colon)
                line_end = len(raw) if line_end < 0 else line_end
                close = raw.find("×", colon, line_end)
                end = close + 1 if close >= 0 else len(raw[:line_end].rstrip())
                spans.append({"start": start, "end": end, "text": raw[start:end], "reason": "furniture:promo"})
                colon = raw.find(":", end)
                continue
        colon = raw.find(":", colon + 1)
    return spans


# A sentence end followed on the same line by a capitalised word (the group): where a run-in heading can hide. (A
# heading opens with no quotation mark: the word is looked at first, before the costlier tests of the candidate.)
_SENT_END_SAME_LINE = rx.compile(r"[.!?][\"”’]?[ \t]+(?=([A-Z]\S*))")
# what follows the mark in a _SENT_END_SAME_LINE match: most marks (before a line break, in "3.5", "U.S.") have none
# of these after them and are turned away without a regex call
_AFTER_SENT_END = frozenset("\"”’ \t")
_CLAUSE_END = rx.compile(r"[.!?\n](?:(?<=\n)|(?=[\"”’]*(?:\s|$)))")  # one character class first: a fast scan
_WORD = rx.compile(r"\S+")
# A lower-case word, maybe a closing quotation mark, spaces, a capitalised word ([a-z]["”’]? +["“‘]?[A-Z][a-z]), written
# to start at the space: a regex that starts with one character skips to it with memchr, one that starts with a class
# such as [a-z] costs ~70 machine instructions a character and stops at every letter. The letter is looked at behind.
_GLUE = rx.compile(r" (?:(?<=[a-z] )|(?<=[a-z][\"”’] )) *[\"“‘]?[A-Z][a-z]")
_LOWER_WORD = rx.compile(r"[\"“‘]?[a-z][\w’'-]*[\"”’]?\Z")  # a lower-case word, maybe in quotes
_POSSESSIVE_NAME = rx.compile(r"[A-Z][\w-]*[’']s\Z")
MAX_HEADING_WORDS = 12


def _sentence_start_evidence(word: str, lowercase: frozenset) -> int:
    """2: a word written in lower case inside sentences, so capitalised it starts one; 1: a possessive name."""
    if not word[:1].isupper() or word[1:2].isupper():
        return 0  # not a capitalised word (all-caps words are emphasis or acronyms)
    if _POSSESSIVE_NAME.match(word.rstrip(",;:")):
        return 1
    return 2 if word.rstrip(".,;:!?”’\"").lower() in lowercase else 0


def _headline_like(words: list[str]) -> bool:
    """No auxiliary, pronoun, past-tense verb or dash: headline syntax, not a clause."""
    clause_words = word_list("clause_words.txt")
    for w in words:
        w = w.strip("“”\"‘’").lower()
        if w in clause_words or w.endswith("ed") or w in ("-", "—", "–", "―"):
            return False
    return True


def _after_sentence_end(text: str, mark: int, abbreviations: frozenset) -> bool:
    """Whether the period at text[mark] ends a sentence rather than an abbreviation or an initial."""
    if text[mark] != ".":
        return True
    word = text[text.rfind(" ", 0, mark) + 1:mark].lstrip("(\"“‘").lower()
    return len(word) > 1 and word not in abbreviations


def _run_in_heading(text: str, start: int, lowercase: frozenset, function_words: frozenset) -> tuple[int, int] | None:
    """The heading glued at text[start:], if the clause there starts with one; else None.

    The caller has seen a capitalised word at start that is no function word ("The", "But", "He" open ordinary
    sentences).
    """
    stop = _CLAUSE_END.search(text, start)
    stop = stop.start() if stop else len(text)
    # (searched in a copy of the span, so that the look-behind sees no letter before start)
    if not _GLUE.search(text[start:min(stop, start + 12 * MAX_HEADING_WORDS)]):
        return None  # no lower-case word followed by a capitalised one: nothing glued
    # the words as strings (a heading is rare: its end is found again only when there is one)
    # (str.split() splits where _WORD does, without a regex match and its allocations for each word: _WORD.findall
    # cost ~34k machine instructions a clause)
    words = text[start:stop].split()[:MAX_HEADING_WORDS + 6]
    best = None
    for k in range(1, min(len(words) - 4, MAX_HEADING_WORDS + 1)):
        prev = words[k - 1]
        if prev[-1] in ",;:":
            break  # a heading has no clause-internal punctuation
        word = words[k]
        if not word[:1].isupper() or word[1:2].isupper():
            continue  # no evidence of a sentence start (_sentence_start_evidence's first test, done first: cheap)
        if not _LOWER_WORD.match(prev) or prev.strip("“”\"’‘").lower() in function_words:
            continue
        if word[-1].isalpha() and k + 1 < len(words) and words[k + 1][:1].isupper():
            continue  # "Bill Clinton", "Supreme Court": a name goes on, no sentence starts here
        evidence = _sentence_start_evidence(word, lowercase)
        if evidence == 2 and k >= 2:
            best = k
            break
        if evidence == 1 and k >= 5 and best is None and _headline_like(words[:k]):
            best = k
    if best is None:
        return None
    end = next(islice(_WORD.finditer(text, start, stop), best - 1, None)).end()
    heading = text[start:end]
    if heading.count("“") != heading.count("”") or heading.count('"') % 2:
        return None  # a quotation opens here and runs on into the sentence
    return start, end


def furniture_spans(raw: str) -> list[dict]:
    """Page furniture glued into the text: promos ("Watch: ... ×") and run-in subheadings."""
    spans = _promos(raw)
    lowercase = word_list("lowercase_words.txt")
    function_words = word_list("function_words.txt")
    taken = [(s["start"], s["end"]) for s in spans]
    abbreviations = punkt_abbreviations()
    # the candidates start at a mark: str.find finds them many times faster than a regex scan of the text
    last = len(raw) - 1
    matches = (_SENT_END_SAME_LINE.match(raw, i) for i in _marks(raw) if i < last and raw[i + 1] in _AFTER_SENT_END)
    for m in (m for m in matches if m is not None):
        if m.group(1).lower() in function_words or not _after_sentence_end(raw, m.start(), abbreviations):
            continue  # an ordinary sentence opening ("The", "But", "He") or no sentence end ("Mr. Smith")
        found = _run_in_heading(raw, m.end(), lowercase, function_words)
        if found and not any(s < found[1] and found[0] < e for s, e in taken):
            spans.append({"start": found[0], "end": found[1], "text": raw[found[0]:found[1]],
                          "reason": "furniture:subheading"})
    spans.sort(key=lambda s: s["start"])
    return spans


# ---------------------------------------------------------------------------------------------------
# Whitespace, quotation marks, header


_HEADER = rx.compile(r"\A\s*date[ \t]+\d{4}-\d{2}-\d{2}(?![\w-])\s*", re.IGNORECASE)
_LEADING_SPACE = rx.compile(r"\A\s+")
_HSPACE = "[ \t\xa0\u2000-\u200a\u202f\u205f\u3000]"
_H_RUN = rx.compile(rf"{_HSPACE}*")
_ANY_SPACE = rx.compile(r"\s*")
_HSPACE_CHARS = frozenset(" \t\xa0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
_DOUBLE_MARKS = frozenset("\"“”„‟«»")


# Characters that start something to normalise but "\n", each found by str.find: a regex scan of the text for a class
# of them tests every character (~55 machine instructions a character, ~180M for train), str.find skips with memchr
_ENTRY_CHARS = "\r\t\xa0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000\"“”„‟«»'‘‛`\u2015"
# A "\n" that starts something to normalise: not a line or paragraph break before a non-space character ("\n\n?\S"),
# which the cleaning leaves as it is. (Half of the positions _tokens visited were such breaks, ~3,000 machine
# instructions each to find and pass over; _normalise asks at a quotation mark whether a line break came before it.)
_ODD_BREAK = rx.compile(r"\n(?!\n?\S)")


def _entry_positions(text: str, start: int) -> list[int]:
    """Positions of the _ENTRY_CHARS characters and the _ODD_BREAK line breaks from start on, in order (in ASCII text,
    a third of news files, only the five ASCII characters can occur)."""
    out = char_positions(text, "\r\t\"'`" if text.isascii() else _ENTRY_CHARS, start)
    breaks = [m.start() for m in _ODD_BREAK.finditer(text, start)]
    if breaks:
        out += breaks
        out.sort()
    return out


def _tokens(text: str, start: int) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of line-break runs, odd spaces and quotation marks from start on."""
    found = []
    pos = start
    for i in _entry_positions(text, start):
        if i < pos:
            continue
        c = text[i]
        if c == "\n" or c == "\r":
            if text.startswith("\n", i + 1) and not text[i + 2:i + 3].isspace():
                j = i + 2  # "\r\n" or a final "\n\n" before no space: the regex's answer without it
            else:
                j = _ANY_SPACE.match(text, i + 1).end()
        elif c in _HSPACE_CHARS:
            while i > pos and text[i - 1] == " ":
                i -= 1
            j = _H_RUN.match(text, i + 1).end()
        elif c == "'" or c == "`":
            j = i + 2 if text.startswith(c, i + 1) else i + 1
            if j == i + 1 and c == "`":
                continue  # a lone backtick is not a quotation mark
        else:
            j = i + 1
        found.append((i, j))
        pos = j
    # Plain-space runs (two or more, or before a line break or the end) are rare: find them by str.find.
    extra = []
    for pattern in ("  ", " \n", " \r"):
        p = text.find(pattern, start)
        while p >= 0:
            while p > start and text[p - 1] == " ":
                p -= 1
            j = _H_RUN.match(text, p).end()
            extra.append((p, j))
            p = text.find(pattern, j)
    if text.endswith(" ") and len(text) - 1 >= start:
        p = len(text.rstrip(" "))
        extra.append((max(p, start), len(text)))
    if extra:
        merged = []
        last = -1
        for i, j in sorted(set(found + extra)):
            if i >= last:
                merged.append((i, j))
                last = j
            elif j > last and merged and text[merged[-1][0]] in _HSPACE_CHARS:
                merged[-1] = (merged[-1][0], j)
                last = j
        found = merged
    return found


_OPEN_BEFORE = frozenset(" \t\n\r\xa0([{<—–-/“‘\u2018")
_CLOSE_AFTER = frozenset(" \t\n\r\xa0.,;:!?)]}>—–-”’…")
_NOMINAL = {"“": True, "„": True, "‟": True, "«": True, "``": True, "”": False, "»": False}
_ELIDED_WORD = rx.compile(r"[A-Za-z]+")


def _quote_direction(text: str, i: int, j: int, inside: bool, nominal: bool | None) -> bool:
    """True for an opening mark at text[i:j], from the characters around it."""
    opening = i == 0 or text[i - 1] in _OPEN_BEFORE
    closing = j >= len(text) or text[j] in _CLOSE_AFTER
    if opening != closing:
        return opening
    if nominal is not None:
        return nominal
    return not inside


def _single_mark(text: str, i: int, mark: str, elisions: frozenset) -> str:
    """’ (apostrophe or closing mark) or ‘ (opening mark) for the single mark at text[i]."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return "’"  # don't, Russia's, o'clock
    if prev in _OPEN_BEFORE or i == 0:
        if nxt.isdigit():
            return "’"  # '90s
        w = _ELIDED_WORD.match(text, i + 1)
        if w and w.group().lower() in elisions and (w.end() >= len(text) or not text[w.end()].isalpha()):
            return "’"  # 'em, 'til
        if nxt.isalpha() or nxt in "\"“":
            return "‘"
        return "‘" if mark == "‘" else "’"
    return "’"


def _break_outside(text: str, lo: int, hi: int, removals: list[tuple[int, int, str]]) -> bool:
    """Whether text[lo:hi] holds a "\n" outside the removals (sorted spans, each taking whole runs of whitespace)."""
    p = text.find("\n", lo, hi)
    for s, e, _ in removals:
        if p < e:
            if p < s:
                break
            p = text.find("\n", e, hi)
    return p >= 0


def _normalise(text: str) -> tuple:
    """Whitespace, quotes, header and furniture of text as (clean, pieces..., changes)."""
    b = _Builder(text)
    m = _HEADER.match(text)
    if m:
        b.replace(0, m.end(), "", "header")
    else:
        m = _LEADING_SPACE.match(text)
        if m:
            b.replace(0, m.end(), "", "whitespace")
    body = b.pos
    removals = []
    for f in furniture_spans(text):
        if f["start"] < body:
            continue
        # Take the whitespace around it too, so the break left behind is one paragraph break.
        s, e = f["start"], f["end"]
        while s > body and text[s - 1].isspace():
            s -= 1
        while e < len(text) and text[e].isspace():
            e += 1
        if removals and s <= removals[-1][1]:
            removals[-1] = (removals[-1][0], max(e, removals[-1][1]), removals[-1][2])
        else:
            removals.append((s, e, f["reason"]))
    elisions = word_list("elisions.txt")
    inside = False
    quote_end = body  # the end of the last quotation mark
    r = 0
    n = len(text)
    for i, j in _tokens(text, body):
        while r < len(removals) and removals[r][1] <= i:
            s, e, reason = removals[r]
            if s >= b.pos:
                b.replace(s, e, "\n\n" if s > body and e < n else "", reason)
            r += 1
        if r < len(removals) and removals[r][0] < j:
            continue  # inside furniture that goes
        if i < b.pos:
            continue
        tok = text[i:j]
        first = tok[0]
        if first == "\n" or first == "\r":
            inside = False
            if j >= n:
                b.replace(i, j, "", "whitespace")
            elif tok != "\n\n" and tok != "\n":  # (the usual breaks stay as they are)
                breaks = tok.count("\n") + tok.count("\r") - tok.count("\r\n")
                new = "\n\n" if breaks > 1 else "\n"
                if tok != new:
                    b.replace(i, j, new, "whitespace")
        elif first.isspace():
            # Spaces before a line break or the end go; other runs become one space.
            new = "" if j >= n or text[j] in "\r\n" else " "
            if tok != new:
                b.replace(i, j, new, "whitespace")
        elif first == "\u2015":
            # the quotation dash (HuffPost's dash throughout) reads as the em dash the quote rules know
            b.replace(i, j, "—", "dash")
        elif first in _DOUBLE_MARKS or len(tok) == 2:
            if inside and _break_outside(text, quote_end, i, removals):
                inside = False  # a line break ends any quotation (as the break's token does, when it is one)
            opening = _quote_direction(text, i, j, inside, _NOMINAL.get(tok))
            inside = opening
            quote_end = j
            new = "“" if opening else "”"
            if tok != new:
                b.replace(i, j, new, "quote")
        else:
            new = _single_mark(text, i, tok, elisions)
            if tok != new:
                b.replace(i, j, new, "apostrophe" if new == "’" else "quote")
    for s, e, reason in removals[r:]:
        if s >= b.pos:
            b.replace(s, e, "\n\n" if s > body and e < n else "", reason)
    return b.finish()


def clean(raw: str) -> Cleaned:
    """Clean raw article text; the result maps every clean span back to its raw span."""
    if not isinstance(raw, str):
        raise TypeError(f"clean() needs the article text as str, got {type(raw).__name__}")
    mid = _fix_unicode(raw)
    if mid is None:
        text, cs, rs, cp, changes = _normalise(raw)
        return Cleaned(raw, text, cs, rs, cp, changes)
    outer = _normalise(mid.text)
    cs, rs, cp = _compose(mid, outer)
    changes = list(mid.changes)
    for c in outer[4]:  # report the outer changes in raw coordinates
        s, e = to_raw(mid, c["raw_start"], c["raw_end"]) if c["raw_end"] > c["raw_start"] else \
            (_raw_point(mid, c["raw_start"]),) * 2
        changes.append({**c, "raw_start": s, "raw_end": e, "raw_text": raw[s:e]})
    changes.sort(key=lambda c: (c["raw_start"], c["raw_end"]))
    return Cleaned(raw, outer[0], cs, rs, cp, changes)


def changes_table(cleaned: Cleaned, reasons: tuple[str, ...] | None = None) -> "pd.DataFrame":
    """The changes as a table (span, text, clean_text, reason), optionally only some reasons."""
    import pandas as pd

    rows = [{"span": (c["raw_start"], c["raw_end"]), "raw_start": c["raw_start"], "raw_end": c["raw_end"],
             "text": c["raw_text"], "clean_text": c["clean_text"], "reason": c["reason"]}
            for c in cleaned.changes
            if reasons is None or c["reason"] in reasons or c["reason"].split(":")[0] in reasons]
    return pd.DataFrame(rows, columns=["span", "raw_start", "raw_end", "text", "clean_text", "reason"])
