"""Locate the lexicons and gazetteers that ship with the package."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# The package's own folder: the lexicons are plain files beside the modules (an installed wheel, an
# editable install and a checkout all keep them there). importlib.resources would give the same path
# but costs a few milliseconds of imports at every start of the CLI.
_LEXICONS = Path(__file__).parent / "lexicons"


def lexicon_path(name: str) -> Path:
    """Path of a shipped lexicon file (toolkit/lexicons/NAME); clear error if missing."""
    path = _LEXICONS / name
    if not path.is_file():
        raise FileNotFoundError(f"lexicon {name!r} not found at {path}; is the package installed completely?")
    return path


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The words or phrases of a shipped one-per-line lexicon (TXT), lower-cased; lines starting with # are comments."""
    # one read and one lower() for the whole file: lowercase_words.txt (7,600 lines) is read at every start of the CLI
    with open(lexicon_path(name), encoding="utf-8") as fh:
        text = fh.read()
    words = {line.strip() for line in text.lower().split("\n") if not line.startswith("#")}
    words.discard("")
    return frozenset(words)


def word_alternation(name: str) -> str:
    """A regex alternation of a shipped lexicon's entries, escaped and longest first (so that "sent out" is tried
    before "sent")."""
    # (ties in alphabetical order: a set's order changes with the hash seed, and the pattern's text is the key of
    # its compiled program in the regex cache)
    return "|".join(sorted((re.escape(w) for w in word_list(name)), key=lambda w: (-len(w), w)))


# entries of an ordered alternation: plain words, hyphens and apostrophes (no regex syntax to escape)
_PLAIN_ENTRY = re.compile(r"[\w’'-]+(?: [\w’'-]+)*")


def ordered_words(name: str) -> list[str]:
    """The entries of a shipped one-per-line lexicon (TXT) in the file's order and case as written; lines starting
    with # are comments."""
    with open(lexicon_path(name), encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


def ordered_alternation(name: str) -> str:
    """A regex alternation of a shipped one-per-line lexicon's entries in the file's order and case as written, a
    space between words matching any run of white space (`press conference` -> `press\\s+conference`)."""
    # (file order, not longest first: a pattern moved out of the code keeps its alternatives' order, which can change
    # what it matches, and its text, the key of its compiled program in the regex cache)
    entries = ordered_words(name)
    for entry in entries:
        if _PLAIN_ENTRY.fullmatch(entry) is None:
            raise ValueError(f"lexicon {name!r}: {entry!r} is not a plain word or phrase (letters, digits, - and ’)")
    return "|".join(entry.replace(" ", r"\s+") for entry in entries)
