"""Find reporting cues ("said", "according to", "polls show") in text with one compiled regex scan.

The cue vocabulary is toolkit/lexicons/cue_verbs.csv (lemma, forms, cue_type, complement), hand
written, plus the word forms of toolkit/lexicons/cue_stats.csv (derived from PolNeAR train by
bench/derive_cues.py) that head an annotated cue often enough: MIN_PRECISION of their occurrences
outside quotation marks and at least MIN_CUE times.  A hand-written form that the statistics show
to be rarely a cue (below WEAK_PRECISION, e.g. "plan", "report") only counts with a that-clause, after a
word that makes it a verb ("to describe", "will defend") or after a possessor or light verb that makes it
a noun with a source ("his plan to", "issued a report on"); below RARE_PRECISION ("state") only with a
that-clause or colon.
Both are read once on first use, and the tables made of them kept in the regex cache between runs (rx.kept).  Matching
is a single regex built as a trie of the forms (a capitalised word is taken by its first letters and its form decided
from the lexicon), run over a skeleton of the text (_skeleton), so a scan stays linear in the text and cheap enough for
hundreds of articles per second.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from toolkit import regexcache as rx
from toolkit.resources import lexicon_path, word_list


def _read_csv(name: str) -> list[dict]:
    with open(lexicon_path(name), encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


@lru_cache(maxsize=1)
def _sources_hash() -> bytes | None:
    """The hash of what the cue tables are built from, the two CSVs and this module's code: the key of the tables the
    regex cache keeps (rx.kept), so an edit of any of them builds the tables afresh."""
    # (building them at every start costs ~23 ms, ~94M instructions: parsing cue_stats.csv ~6 ms, the forms' pattern
    # text ~11 ms)
    return rx.sources_hash((lexicon_path("cue_verbs.csv"), lexicon_path("cue_stats.csv"), Path(__file__)))


def _trie_pattern(words: list[str]) -> str:
    """Regex alternation of `words` factored as a trie (fast to match, no backtracking blow-up)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    # the pattern is written as briefly as the regex compiler will read it ("[ds]?", not "(?:(?:d|s))?"):
    # the compiled program is the same, and parsing the ~12,000 characters is most of the start-up cost
    escaped = {ch: r"\s+" if ch == "_" else re.escape(ch) for ch in set("".join(words))}

    def emit(node: dict) -> str:
        # (a run of nodes with one child and no word ending, most of a trie's nodes, is written in one loop)
        run = []
        while len(node) == 1 and "" not in node:
            (ch, node), = node.items()
            run.append(escaped[ch])
        if run:
            return "".join(run) + emit(node)
        alts = [escaped[ch] + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        if len(alts) > 1:
            body = "[" + "".join(alts) + "]" if all(len(a) == 1 for a in alts) else "(?:" + "|".join(alts) + ")"
        else:
            body = alts[0] if len(alts[0]) == 1 or "" not in node else "(?:" + alts[0] + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def light_verb_pattern(first_words: bool = False) -> str:
    """Regex alternation of the light verbs of light_verbs.txt ("made", "issued", "put out"), lower case or capitalised
    ("Makes Strong Statement" in a headline); with `first_words`, only each form's first word ("put" for "put out")."""
    words = {f.split()[0] if first_words else f.replace(" ", "_") for f in word_list("light_verbs.txt")}
    return "(?:" + _trie_pattern(sorted(words | {w[0].upper() + w[1:] for w in words})) + ")"


MIN_PRECISION = 0.4   # derived forms: share of occurrences (outside quotes) that head an annotated cue
MIN_CUE = 3           # derived forms: times seen heading a cue
WEAK_PRECISION = 0.2  # hand forms below this (with >= WEAK_MIN_OCC occurrences) need a that-clause
WEAK_MIN_OCC = 20
RARE_PRECISION = 0.01  # weak forms below this are nouns unless a that-clause or a colon follows


@lru_cache(maxsize=1)
def cue_stats() -> dict[str, dict]:
    """Derived statistics per lower-case word form (cue_stats.csv), numbers parsed."""
    out = {}
    for row in _read_csv("cue_stats.csv"):
        out[row["form"]] = {"n_cue": int(row["n_cue"]), "n_occ": int(row["n_occ"]),
                            "precision": float(row["precision"]), "content_after": float(row["content_after"]),
                            "with_source": float(row["with_source"]), "source_left": float(row["source_left"])}
    return out


def _around(st: dict) -> bool:
    """A cue annotated mostly without source, its content around it ("X is expected to win", "seemed")."""
    return st["with_source"] < 0.5 and st["content_after"] < 0.5


@lru_cache(maxsize=1)
@rx.kept(_sources_hash)
def cue_table() -> dict[str, tuple[str, str, str]]:
    """Map each cue form (lower case, words joined by one space) -> (lemma, cue_type, complement)."""
    table: dict[str, tuple[str, str, str]] = {}
    stats = cue_stats()
    for row in _read_csv("cue_verbs.csv"):
        for form in row["forms"].split():
            comp = row["complement"]
            st = stats.get(form.split("_")[0]) if "_" not in form else None
            if st is not None and _around(st):
                comp = "around"
            # first row wins: the CSV lists the more general reading first
            table.setdefault(form.replace("_", " "), (row["lemma"], row["cue_type"], comp))
    for form, st in stats.items():
        if form not in table and st["precision"] >= MIN_PRECISION and st["n_cue"] >= MIN_CUE:
            table[form] = (form, "other", "around" if _around(st) else "any")
    return table


@lru_cache(maxsize=1)
@rx.kept(_sources_hash)
def weak_forms() -> frozenset:
    """Hand-written forms that are rarely a cue in the statistics (nouns as often as verbs: "plan",
    "report", "praise"): a cue only with a that-clause or after a word that makes them a verb."""
    stats = cue_stats()
    table = cue_table()
    # (reporting nouns have their own narrower test: a possessive or "from" + source)
    return frozenset(f for f in table if " " not in f and f in stats and stats[f]["n_occ"] >= WEAK_MIN_OCC
                     and stats[f]["precision"] < WEAK_PRECISION and table[f][2] != "noun")


@lru_cache(maxsize=1)
@rx.kept(_sources_hash)
def rare_forms() -> frozenset:
    """Weak forms that almost never head a cue (below RARE_PRECISION: "state", "states" are nouns in news):
    outside a verb context they count only right before a that-clause or a colon."""
    stats = cue_stats()
    return frozenset(f for f in weak_forms() if stats[f]["precision"] < RARE_PRECISION)


# before a weak form, words that make it a verb: "to describe", "will defend", "they plan"
VERB_CONTEXT = rx.compile(r"(?<![\w’'])(?:to|will|would|can|could|should|may|might|must|did|does|do|not|never|also|"
                          r"he|she|they|we|i|you|who|often|repeatedly)\s+$", re.IGNORECASE)


# after a weak form, a subject pronoun opening its clause makes it a verb: "candidates promise they will"
CLAUSE_AFTER = rx.compile(r"\s+(?:he|she|they|we|I|you)\s")
# (unless a determiner makes it a noun with a relative clause: "the remarks he made", "the promise she has made")
DETERMINER_BEFORE = rx.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)"
                               r"(?:\s+[\w-]+){0,2}\s+$")
# before a weak form read as a noun, a possessor or a light verb that gives it a source: "his plan to",
# "Trump's remarks on", "made several promises" (light_verbs.txt)
NOUN_CONTEXT = rx.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|" + light_verb_pattern() + r")|[’']s?)"
                          r"(?:\s+[\w-]+){0,2}\s+$")


# the character before a cue form: none of a word, nor an apostrophe
BEFORE_FORM = r"[^\w’']"


# BEFORE_FORM as far as ASCII tells: every non-ASCII character passes, and _cue_matches checks those a form follows.
# The regex engine tests this class from one 256-bit map at each character of the scan; BEFORE_FORM itself looks up
# the Unicode category of every space and punctuation mark, and a class listing its characters over the Basic
# Multilingual Plane takes ~6 ms to build and compile at every start.
BEFORE_FORM_ASCII = r"[^0-9A-Z_a-z']"
_BEFORE = rx.compile(BEFORE_FORM)


def _cue_forms() -> tuple[list[str], list[str]]:
    """The cue forms (words joined by "_", as _trie_pattern takes them) as written in the lexicon, and capitalised."""
    forms = [f.replace(" ", "_") for f in cue_table()]
    capitalised = [f[0].upper() + f[1:] for f in forms]
    # a headline capitalises every word of a multiword cue too: "Trump Calls On Obama To Resign"
    capitalised += [t for f in forms if "_" in f and (t := "_".join(w[:1].upper() + w[1:] for w in f.split("_")))
                    not in capitalised]
    return forms, capitalised


# after a form: none of a word, an apostrophe or a hyphen ("said" is no form in "saidx", "said’s", "said-so")
AFTER_FORM = r"[\w’'-]"
_AFTER = rx.compile(AFTER_FORM)
_SPACES = rx.compile(r"\s+")

# The regex takes a capitalised word (rare as a cue: headlines, sentence openings) by its first CAPITALISED_HEAD
# letters and then any lower-case ones, and _capitalised_end decides its form. A second trie of every capitalised form
# costs ~100M instructions to compile at each start, and behind its look-ahead one call at each character a form can
# follow; one class of capitals opening the branch is tested in place.
CAPITALISED_HEAD = 6


@lru_cache(maxsize=2)
def _cue_regex(exact: bool = False) -> re.Pattern:
    """The cue forms, lower-case and capitalised (headlines, sentence openings), as one regex.

    Case-sensitive is faster than IGNORECASE. The regex matches the character before a form (group 1
    is the form), so the engine skips quickly through words to the characters a form can follow
    (BEFORE_FORM_ASCII; BEFORE_FORM itself when `exact`). The trailing guard stops "said" matching
    "saidx" and lets multiword forms ("according to") win over their first word. Of a capitalised word, group 1 is
    only the first word of the forms it may open (every word whose first letters open one): _scan decides the form.
    """
    return rx.compile((BEFORE_FORM if exact else BEFORE_FORM_ASCII) + _forms_pattern())


def _forms_pattern() -> str:
    """_cue_regex's pattern after the character before a form: group 1 (the form) and the guard after it."""
    return "(" + _forms_alternation() + ")" + "(?!" + AFTER_FORM + ")"


@lru_cache(maxsize=1)
@rx.kept(_sources_hash)
def _forms_alternation() -> str:
    """The cue forms as one alternation: lower-case ones as written, capitalised ones by their first letters."""
    # (built once for both its users, and kept in the regex cache: the build takes ~12 ms)
    # The engine tries the pattern at every character a form can follow (~760,000 in a train run) and, before a word
    # that is no form, against every branch of the alternation: a branch opening with a letter costs one comparison,
    # or a class of letters one look-up, one opening with a look-ahead a call of its own (~20x). So the lower-case
    # trie's letters open the branches themselves (each letter's trie is the whole trie's branch for it), and the
    # capitalised words open with their class of capitals.
    forms, capitalised = _cue_forms()
    lower = [_trie_pattern([f for f in forms if f[0] == c]) for c in sorted({f[0] for f in forms})]
    heads = {f.split("_")[0][:CAPITALISED_HEAD] for f in capitalised}
    upper = "[" + "".join(sorted({h[0] for h in heads})) + "]" + _trie_pattern(sorted({h[1:] for h in heads})) \
        + "[a-z]*"
    return "(?:" + "|".join(lower + [upper]) + ")"


@lru_cache(maxsize=1)
@rx.kept(_sources_hash)
def _capitalised_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each first word of a capitalised form -> the words after it in its forms, longest first ("Calls" -> ("on",),
    ("On",), () for "Calls on", "Calls On", "Calls")."""
    rests: dict[str, list[tuple[str, ...]]] = {}
    for form in _cue_forms()[1]:
        first, *rest = form.split("_")
        rests.setdefault(first, []).append(tuple(rest))
    return {first: tuple(sorted(r, key=len, reverse=True)) for first, r in rests.items()}


def _capitalised_end(text: str, start: int, end: int) -> int:
    """End of the longest capitalised form that opens with the word text[start:end] and has AFTER_FORM's guard after
    it (as the trie of the forms would match), or -1."""
    for rest in _capitalised_forms().get(text[start:end], ()):
        i = end
        for word in rest:
            gap = _SPACES.match(text, i)
            if gap is None or not text.startswith(word, gap.end()):
                break
            i = gap.end() + len(word)
        else:
            if not _AFTER.match(text, i):
                return i
    return -1


def _scan(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    """(start, end) of every form `regex` (one of _cue_regex's) finds in text, leftmost first, not overlapping."""
    first = regex.match(" " + text)  # a form opening the text has no character before it
    if first is None:
        found = [m.span(1) for m in regex.finditer(text)]
    else:
        found = [(0, first.end(1) - 1)] + [m.span(1) for m in regex.finditer(text, first.end(1) - 1)]
    return _decided(text, found)


def _decided(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`found` (group 1 of _cue_regex's matches) with its capitalised words made the forms they open, or dropped."""
    capitalised = [i for i, (s, _) in enumerate(found) if text[s] < "a"]
    return _decide_capitalised(text, found, capitalised) if capitalised else found


def _decide_capitalised(text: str, found: list[tuple[int, int]], capitalised: list[int]) -> list[tuple[int, int]]:
    """`found` with the capitalised words at the indices `capitalised` (of which the regex took the first word only)
    made the forms they open, or dropped."""
    out: list[tuple[int, int]] = []
    done = 0  # the entries of `found` before this index are settled
    for i in capitalised:
        if i < done:
            continue
        out += found[done:i]
        done = i + 1
        s, e = found[i]
        e = _capitalised_end(text, s, e)
        if e < 0:
            continue
        out.append((s, e))
        # (the regex went on after the form's first word: what it found in the later words is inside this form)
        while done < len(found) and found[done][0] < e:
            done += 1
    return out + found[done:]


# The scan runs over a skeleton of the text, of the same length: each ASCII letter, digit, "_" and "'" kept, each other
# character made a space if it is one (\s), else "-" if AFTER_FORM takes it, else ",". The forms' part of _cue_regex
# (_forms_pattern: ASCII letters, \s+ between words, AFTER_FORM's guard) matches the skeleton where it matches the text,
# and BEFORE_FORM_ASCII's characters are the skeleton's three marks: three scans, each led by its mark, give _scan's
# forms. The regex engine finds a literal by a fast search, where it tests BEFORE_FORM_ASCII's class at each character.
SKELETON_MARKS = " -,"


@lru_cache(maxsize=None)
def _skeleton_char(ch: str) -> str:
    """The character of the skeleton standing for ch."""
    if ch.isascii() and (ch.isalnum() or ch in "_'"):
        return ch
    if _SPACES.match(ch):
        return " "
    return "-" if _AFTER.match(ch) else ","


@lru_cache(maxsize=1)
def _skeleton_table() -> bytes:
    """bytes.translate's table from a Latin-1 character to its skeleton character."""
    return bytes(ord(_skeleton_char(chr(c))) for c in range(256))


def _skeleton(text: str) -> str | None:
    """The skeleton of text, or None when a character beyond Latin-1 but "’" is a space or one AFTER_FORM takes (a
    letter of another script), which the encoder's "?" (made ",") would not stand for."""
    if "’" in text:
        text = text.replace("’", "-")  # (the commonest character beyond Latin-1, and one AFTER_FORM takes)
    encoded = text.encode("latin-1", "replace")
    i = encoded.find(b"?")
    while i >= 0:  # ("?" of the text, or “, ”, — ...: a few in an article)
        if _skeleton_char(text[i]) != ",":
            return None
        i = encoded.find(b"?", i + 1)
    return encoded.translate(_skeleton_table()).decode("ascii")


@lru_cache(maxsize=1)
def _skeleton_regexes() -> tuple[re.Pattern, ...]:
    """The forms' part of _cue_regex after each mark of a skeleton (SKELETON_MARKS), without its group: a match is the
    mark and the form."""
    # (the group cost the engine a mark at each of its ~700,000 stops in a train run.) A "," stands for a punctuation
    # mark, ~87% of them before a space (", ", ". "): a look-ahead for a letter fails those at once, where the
    # alternation tries each of its branches; before a space or a "-" a letter mostly follows (~0.25% of a train run
    # together, by a micro-benchmark of the scans).
    return tuple(rx.compile(re.escape(mark) + ("(?=[A-Za-z])" if mark == "," else "") + _forms_alternation()
                            + "(?!" + AFTER_FORM + ")") for mark in SKELETON_MARKS)


def _skeleton_scan(text: str, skeleton: str) -> list[tuple[int, int]]:
    """_scan(_cue_regex(), text) by scans of the text's skeleton."""
    spaced, *others = _skeleton_regexes()
    first = spaced.match(" " + skeleton)  # a form opening the text has no character before it
    start = 0 if first is None else first.end() - 1
    found = [(m.start() + 1, m.end()) for m in spaced.finditer(skeleton, start)]
    for regex in others:
        more = [(m.start() + 1, m.end()) for m in regex.finditer(skeleton, start)]
        if more:
            # (one scan of the class finds the same: a form holds no other's start, as its only marks are the spaces
            # between its words and its later words open no form, test_later_words_of_a_cue_open_no_cue)
            found = sorted(found + more)
    if first is not None:
        found.insert(0, (0, start))
    return _decided(text, found)


def _cue_matches(text: str) -> list[tuple[int, int]]:
    """(start, end) of every cue form in text, in order, not overlapping."""
    skeleton = _skeleton(text)
    spans = _scan(_cue_regex(), text) if skeleton is None else _skeleton_scan(text, skeleton)
    # a form right after a non-ASCII character that BEFORE_FORM excludes (a letter, a digit, ’; news text has a space
    # or a mark there): the text is scanned again with BEFORE_FORM itself
    if not text.isascii() and any(s and text[s - 1] > "\x7f" and not _BEFORE.match(text, s - 1) for s, _ in spans):
        return _scan(_cue_regex(exact=True), text)
    return spans


TITLE_WORD = rx.compile(r"[A-Za-z][\w’'-]{3,}")


def title_case_line(text: str, start: int) -> bool:
    """True when the line starting at `start` is a headline in title case (most longer words capitalised)."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if end - start > 300:
        return False
    words = TITLE_WORD.findall(text, start, end)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# a past participle between a number (or "more", "fewer") and a noun modifies the noun, it reports nothing: "won 271
# pledged delegates", "with more confirmed cases" (a verb after a bare number has a pronoun, a determiner, "that" or a
# preposition after it: "of those polled, 271 said they ..."; a number and a comma end an aside: "Smith, 61, declined";
# a wh-word opens its clause: "the talks once more showed how ...")
# (the last letter before the space is tested first: most cues follow none of these)
QUANTITY_LAST = "0123456789er"
QUANTITY_BEFORE = rx.compile(r"(?<![\w’'])(?:\d(?:[\d,.]*\d)?|[Mm]ore|[Ff]ewer)\s$")
# the lower-case word after a word or phrase, not a possessive's (quotes.py: a noun after a day or month makes the day
# a modifier, "an important Monday rally")
NOUN_AFTER = rx.compile(r"\s+([a-z][a-z-]*)\b(?![’'])")


@lru_cache(maxsize=1)
def not_noun_words() -> frozenset:
    """Lower-case words that head no noun: function words, wh-words and prepositions (function_words.txt,
    clause_openers.txt, mention_words.csv)."""
    return word_list("function_words.txt") | word_list("clause_openers.txt") \
        | {r["word"] for r in _read_csv("mention_words.csv") if r["role"] == "preposition"}


def _attributive_participle(text: str, ms: int, me: int) -> bool:
    """Whether the -ed cue form text[ms:me] modifies the noun after it, after a number, "more" or "fewer"."""
    if QUANTITY_BEFORE.search(text, max(0, ms - 16), ms) is None:
        return False
    m = NOUN_AFTER.match(text, me)
    # (an adverb after it makes it a verb: "12 responded quickly")
    return m is not None and m.group(1) not in not_noun_words() and not m.group(1).endswith("ly")


# between two cue words that form one cue: "reportedly told", "refused to criticize", "plans to endorse"
CUE_CHAIN = rx.compile(r"\s+(?:to\s+|not\s+|\w+ly\s+)?")


def find_cues(text: str) -> list[tuple[int, int, str, str, str]]:
    """All cue matches as (start, end, lemma, cue_type, complement), in text order.

    Adjacent cue words chained by "to", "not" or an adverb make one cue carrying the last word's
    reading ("reportedly told" is a telling, "refused to criticize" takes an object like "criticize"),
    except after a cue annotated without source ("is expected to endorse").
    """
    table = cue_table()
    weak = weak_forms()
    rare = rare_forms()
    out: list[tuple[int, int, str, str, str]] = []
    titles: dict[int, bool] = {}
    nominal = -1
    for ms, me in _cue_matches(text):
        word = text[ms:me]
        if word[0].isupper() and word[:9].lower() != "according":
            # capitalised "Post", "Read", "Back" are mostly names, not cues; but headlines capitalise
            # every word: "Bellwether County Says Trump Should Win"
            line = text.rfind("\n", 0, ms) + 1
            if line not in titles:
                titles[line] = title_case_line(text, line)
            # (a sentence may end inside its closing quotation mark: '... real quickly." Asked whether ...')
            before = text[max(line, ms - 4):ms].rstrip(" \t\"“”’'(")
            opening = not before or before[-1] in ".!?"
            # a participle opening a sentence: "Asked whether he would run, the senator said ..."
            if not (titles[line] and not opening) and not (opening and word.lower().endswith(("ed", "ing"))):
                continue
        key = word.lower() if word.isalpha() else " ".join(word.lower().split())
        entry = table.get(key)
        if entry is None or text[ms - 2] in QUANTITY_LAST and key.endswith("ed") \
                and _attributive_participle(text, ms, me):
            continue
        if key in weak and not VERB_CONTEXT.search(text, max(0, ms - 12), ms) \
                and not (key not in rare and CLAUSE_AFTER.match(text, me)
                         and not DETERMINER_BEFORE.search(text, max(0, ms - 30), ms)):
            if (key in rare or not NOUN_CONTEXT.search(text, max(0, ms - 40), ms)) \
                    and not text.startswith((" that ", ": "), me):
                continue  # "Iowa, a swing state, said ...": a noun, no cue of its own
            entry = (entry[0], entry[1], "that")
            nominal = ms
        if out and entry[2] != "noun" and out[-1][4] != "noun":  # a noun does not chain: "the statement added"
            prev = out[-1]
            gap = CUE_CHAIN.match(text, prev[1])
            # a bare space joins an adverb to its verb ("reportedly told") or a verb to a participle ("continued
            # criticizing"), not a verb to its object noun ("says praise from Putin helps") nor a weak form read as
            # a noun to the verb after it ("the secretary of state mocked"); tested only when the gap reaches this cue
            # (a verb of saying is not chained to a participle: in "said seeking help was right" it opens the clause;
            # nor is an -ing word to an -ed word: "the planning confirmed" is a noun and its verb, "showing renewed
            # vigor" a verb and its object's adjective)
            if gap is not None and gap.end() == ms and (gap.group().strip() or prev[0] != nominal and (
                    text.endswith("ly", prev[0], prev[1]) or word.endswith(("ed", "ing"))
                    and not (prev[3] == "speech" and prev[4] == "clause" and not text.endswith("ly", prev[0], prev[1]))
                    and not (word.endswith("ed") and text.endswith("ing", prev[0], prev[1])))):
                # "is expected to endorse" keeps the source-less reading of "expected"
                keep = prev[4] == "around" and "to" in gap.group().split()
                out[-1] = (prev[0], me, *(prev[2:] if keep else entry))
                continue
        out.append((ms, me, *entry))
    return out
