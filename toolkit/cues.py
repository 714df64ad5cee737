"""Find reporting cues ("said", "according to", "polls show") in text with one compiled regex scan.

The cue vocabulary is toolkit/lexicons/cue_verbs.csv (lemma, forms, cue_type, complement), read
once on first use.  Matching is a single regex built as a trie of the forms, so a scan stays
linear in the text and cheap enough for hundreds of articles per second.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from toolkit.resources import lexicon_path


def _read_csv(name: str) -> list[dict]:
    with open(lexicon_path(name), encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _trie_pattern(words: list[str]) -> str:
    """Regex alternation of `words` factored as a trie (fast to match, no backtracking blow-up)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch).replace("_", r"\s+") + emit(child) if ch != "_" else r"\s+" + emit(child)
                for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return emit(trie)


@lru_cache(maxsize=1)
def cue_table() -> dict[str, tuple[str, str, str]]:
    """Map each cue form (lower case, words joined by one space) -> (lemma, cue_type, complement)."""
    table: dict[str, tuple[str, str, str]] = {}
    for row in _read_csv("cue_verbs.csv"):
        for form in row["forms"].split():
            # first row wins: the CSV lists the more general reading first
            table.setdefault(form.replace("_", " "), (row["lemma"], row["cue_type"], row["complement"]))
    return table


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern:
    forms = [f.replace(" ", "_") for f in cue_table()]
    # longest-first inside the trie is implicit; the trailing guard stops "said" matching "saidx"
    # and lets multiword forms ("according to") win over their first word.
    pat = r"(?<![\w’'])(?:" + _trie_pattern(forms) + r")(?![\w’'-])"
    return re.compile(pat, re.IGNORECASE)


def find_cues(text: str) -> list[tuple[int, int, str, str, str]]:
    """All cue matches as (start, end, lemma, cue_type, complement), in text order."""
    table = cue_table()
    out = []
    for m in _cue_regex().finditer(text):
        word = m.group()
        if word[0].isupper() and word[:9].lower() != "according":
            continue  # capitalised "Post", "Read", "Back" are mostly names, not cues
        key = " ".join(word.lower().split())
        entry = table.get(key)
        if entry is not None:
            out.append((m.start(), m.end(), *entry))
    return out
