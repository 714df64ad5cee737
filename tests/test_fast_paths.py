"""Each speed-up in cleaning, segment, mentions and cues gives what the plain code it replaces gives."""
from __future__ import annotations

import random
import re
from pathlib import Path

from toolkit import cleaning, cues, mentions, quotes, segment

# written sentences with the characters each fast path is about: odd spaces, quote marks, dashes, marks before
# a capital on the same line, hard-wrapped lines, apostrophes and hyphens inside words, adverbials after cues
SENTENCES = [
    "He said:\u00a0“We will win.”\u2003She\u2009said ‘no’ — and ‛then’ „left‟ «now» `quietly`.\u2015 Done.",
    "The U.S. economy grew 3.5 percent. Analysts said so.  Then he left!\tWhy? “Because.” ‘He’s gone.’",
    "Sen. Jack Reed (D-R.I.), who spoke Tuesday, said the bill was dead.\r\nThe vote is Monday.\u3000Done.",
    "a line broken inside\nthe sentence goes on; (and here) ] too”’ and, yes, on.",
    "Trump’s long-time aide and O'Neill’s rock-'n'-roll ex-wife said don't, won’t and can't–go.",
    "She said on Tuesday , in a statement to reporters, that it was over; he told CNN last week it was not.",
    "Officials said during a meeting with Li that talks via the envoy through the week would go on tonight.",
    "“It’s done,” she said. “Yes.” He said: “No!” — “Maybe?” ‘Fine.’ Then: “OK.”",
]


def _seed_text() -> str:
    path = Path(__file__).resolve().parents[1] / "data" / "articles"
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt")))


def _texts() -> list[str]:
    return SENTENCES + [_seed_text(), "\n".join(SENTENCES)]


# the class of characters that start something to normalise, as the regex scan it replaces had it ("\n" aside)
ENTRY = re.compile(r"[\r\t\xa0\u2000-\u200a\u202f\u205f\u3000\"“”„‟«»'‘‛`\u2015]")
# a line or paragraph break before a non-space character: left as it is, no entry
USUAL_BREAK = re.compile(r"\n\n?\S")


def test_entry_characters_are_the_entry_class():
    # _entry_positions finds the class's characters with str.find: the same characters, every code point checked
    chars = set(cleaning._ENTRY_CHARS)
    assert len(chars) == len(cleaning._ENTRY_CHARS)
    assert [c for c in map(chr, range(0x110000))
            if (ENTRY.match(c) is not None) != (c in chars)] == []


def test_entry_positions_match_the_regex_scan():
    found = 0
    for text in _texts():
        for start in (0, 5, len(text) // 2):
            want = sorted([m.start() for m in ENTRY.finditer(text, start)]
                          + [i for i in range(start, len(text)) if text[i] == "\n" and not USUAL_BREAK.match(text, i)])
            assert cleaning._entry_positions(text, start) == want
            found += len(want)
    assert found > 200


# the characters a sentence goes on with, as the regex call they replace had them
CONTINUES = re.compile(r"[a-z,;:)\]”’]")


def test_continues_characters_are_the_continues_class():
    assert [c for c in map(chr, range(0x110000))
            if (CONTINUES.match(c) is not None) != (c in segment._CONTINUES_CHARS)] == []
    # a hard-wrapped line going on in lower case is joined to its sentence
    text = "He said the plan\nwould fail. Critics disagreed."
    assert segment.sentences(text) == [(0, 28), (29, len(text))]


def test_candidate_marks_are_the_period_context_matches():
    # _punkt_spans tests the characters after a mark where Punkt's _PERIOD_CONTEXT regex was matched
    non_word = re.compile(segment._NON_WORD)
    assert [c for c in map(chr, range(0x110000))
            if (non_word.match(c) is not None) != (c in segment._NON_WORD_CHARS)] == []
    texts = _texts() + ["Why?  He left!\u2028Now. (Yes.) “No!” she said. End.\t", "Done?   "]
    assert segment.sentences(texts[-2]) == [(0, 4), (6, 19), (20, 26), (27, 42), (43, 47)]
    assert segment.sentences(texts[-1]) == [(0, 5)]


def test_sentence_end_guard_lets_every_match_through():
    matched = 0
    for text in _texts():
        for i in segment._marks(text):
            if cleaning._SENT_END_SAME_LINE.match(text, i) is not None:
                matched += 1
                assert i + 1 < len(text) and text[i + 1] in cleaning._AFTER_SENT_END
    assert matched >= 15  # (the marks before a capital; those before an opening quotation mark no longer match)


def test_label_test_lets_every_promo_label_through():
    # _may_close_label turns a colon away before _label_before computes the label: never one that closes a label
    labels = cleaning.word_list("furniture_labels.txt")
    written = ["Watch: a ×", "Read  More :x", "\ufeffVideo\ufeff: y", "x. Also on HuffPost:", "He said. Related Coverage: z",
               "RECOMMENDED:", ": first", "Click\xa0here:", "“Listen: now”", "said: so", "Mr. More: no", "a\n  Follow :"]
    found = colons = 0
    for text in _texts() + written + ["\n".join(written)]:
        for colon in (i for i, c in enumerate(text) if c == ":"):
            colons += 1
            if cleaning._label_before(text, colon)[1] in labels:
                found += 1
                assert cleaning._may_close_label(text, colon), (text, colon)
    assert found >= 12 and colons > found


def test_split_finds_the_words_the_word_regex_finds():
    # _run_in_heading takes a clause's words with str.split(), _WORD's words: every whitespace code point agrees
    assert [c for c in map(chr, range(0x110000)) if c.isspace() != (cleaning._WORD.match(c) is None)] == []
    for text in _texts():
        for lo in range(0, len(text), 7):
            assert text[lo:lo + 150].split() == cleaning._WORD.findall(text, lo, lo + 150), (text, lo)


def test_adverbial_opening_words():
    # every word the pattern holds: one that opens a match after a space starts with one of ADVERBIAL_WORDS
    words = set(re.findall(r"[A-Za-z]+", quotes.ADVERBIAL.pattern))
    opening = [w for w in words if any(quotes.ADVERBIAL.match(f"{lead}{w}{tail}") for lead in (" ", "", " , ", "\n")
                                       for tail in (" Monday", "\u00a0Monday", " morning", " a statement",
                                                    " the meeting", " reporters", " CNN", ""))]
    assert len(opening) >= 25
    assert all(w.startswith(quotes.ADVERBIAL_WORDS) for w in opening), sorted(opening)


def test_adverbial_guard_matches_the_plain_skip():
    def plain(text: str, pos: int, hi: int) -> int:
        for _ in range(3):
            m = quotes.ADVERBIAL.match(text, pos, hi)
            if m is None or m.end() == pos:
                break
            pos = m.end()
        return pos

    moved = 0
    # (odd spaces after the opening word, words that only begin like one, a phrase right at the position)
    odd = "said on\u00a0Monday,  ,\tlast\u2009week it told\nreporters tonight;once in\u3000a statement.Monday"
    for text in _texts() + [odd]:
        for pos in range(len(text)):
            for hi in (len(text), min(len(text), pos + 2)):
                got = quotes._skip_adverbials(text, pos, hi)
                assert got == plain(text, pos, hi)
                moved += got != pos
    assert moved >= 10


# the token pattern before its marks' part was written as a branch (mentions._WORD_REST)
_PLAIN_REST = r"[a-zA-Z0-9_.\w]*+(?:[’'&-]++[a-zA-Z0-9_.\w]++)*+"
PLAIN_TOKEN_GAP = re.compile(r"([\s_]*+)([a-zA-Z0-9]" + _PLAIN_REST + r"|[^\W_]" + _PLAIN_REST + r"|[^\w\s])")


def test_token_gap_gives_the_plain_tokens():
    assert mentions.TOKEN_GAP.pattern != PLAIN_TOKEN_GAP.pattern
    for text in _texts():
        for lo in range(0, len(text), 11):
            assert mentions.TOKEN_GAP.findall(text, lo, lo + 90) == PLAIN_TOKEN_GAP.findall(text, lo, lo + 90)
    rng = random.Random(7)
    alphabet = "aZ9_.’'&- \n\té,(”"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert mentions.TOKEN_GAP.findall(s) == PLAIN_TOKEN_GAP.findall(s), repr(s)


def _plain_trie_pattern(words: list[str]) -> str:
    """cues._trie_pattern as first written: one recursive call per trie node."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) if ch != "_" else r"\s+" + emit(child)
                for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        if len(alts) > 1:
            body = "[" + "".join(alts) + "]" if all(len(a) == 1 for a in alts) else "(?:" + "|".join(alts) + ")"
        else:
            body = alts[0] if len(alts[0]) == 1 or "" not in node else "(?:" + alts[0] + ")"
        return body + "?" if "" in node else body

    return emit(trie)


def test_trie_pattern_is_the_plain_one():
    forms = [f.replace(" ", "_") for f in cues.cue_table()]
    lists = [forms, [f[0].upper() + f[1:] for f in forms], ["said"], [], ["a", "ab", "abc", "b_c", "b", "x-y", "x-z"],
             ["according", "according_to", "talk_about", "talks", "it’s", "u.s."]]
    for words in lists:
        assert cues._trie_pattern(words) == _plain_trie_pattern(words)


def _plain_cue_regex(exact: bool) -> re.Pattern:
    """cues._cue_regex as first written: the lower-case and the capitalised trie of every form, each behind a look
    at its first letter."""
    forms, capitalised = cues._cue_forms()

    def first(words: list[str]) -> str:
        return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"

    return re.compile((cues.BEFORE_FORM if exact else cues.BEFORE_FORM_ASCII) + "(" + first(forms)
                      + cues._trie_pattern(forms) + "|" + first(capitalised) + cues._trie_pattern(capitalised)
                      + r")(?![\w’'-])")


def _plain_scan(regex: re.Pattern, text: str) -> list[tuple[int, int]]:
    """cues._scan as first written, for the plain regex (whose group 1 is every form whole)."""
    first = regex.match(" " + text)
    if first is None:
        return [m.span(1) for m in regex.finditer(text)]
    return [(0, first.end(1) - 1)] + [m.span(1) for m in regex.finditer(text, first.end(1) - 1)]


CUE_HEADLINE = "Trump Calls On Obama To Resign, According To Aides\nRaise Concerns About it. SAID Said-x Says’ calls"


def test_cue_regex_finds_what_the_plain_one_finds():
    # the capitalised words are taken by their first letters and decided in Python: the same forms at the same places
    for exact in (False, True):
        fast, plain = cues._cue_regex(exact), _plain_cue_regex(exact)
        for text in _texts() + [CUE_HEADLINE]:
            assert cues._scan(fast, text) == _plain_scan(plain, text)
    assert [CUE_HEADLINE[s:e] for s, e in cues._scan(cues._cue_regex(), CUE_HEADLINE)][:3] == \
        ["Calls On", "According To", "Raise Concerns About"]


def _cue_texts(rng: random.Random, n: int) -> list[str]:
    """Texts of cue forms in every spelling the scan meets (lower case, capitalised, title case, upper case, a capital
    inside) and in odd company: apostrophes, digits, hyphens, other scripts, odd spaces, line breaks, start and end."""
    forms = [f.split() for f in cues.cue_table()]
    spellings = [lambda w: w, lambda w: w[:1].upper() + w[1:], str.upper, lambda w: w[:-1] + w[-1:].upper()]
    between = [" ", "  ", "\n", "\xa0", "\u2009", "\t", "\x1c", "-", "’", "'", "x", "1", "é", "_", "", " \n "]
    around = between + [", ", ". ", "“", "”", "(", ")", "—", "’s ", "'s ", "中", "𝐀", "½", "\ufeff", "ly "]
    texts = []
    for _ in range(n):
        parts = [rng.choice(around + [""] * 4)]
        for _ in range(rng.randint(1, 6)):
            words = rng.choice(forms)
            if rng.random() < 0.3:
                words = words[:1] + ["on", "On", "to", "To", "about", "out", "concerns", "ing", "s"][rng.randint(0, 8):][:1]
            first = rng.choice(spellings[:2] + spellings)
            spelled = [first(words[0])] + [(w.title() if rng.random() < 0.5 else w) for w in words[1:]]
            parts.append(rng.choice(between[:4] + between).join(spelled))
            parts.append(rng.choice(around))
        texts.append("".join(parts))
    return texts


def test_cue_scan_finds_what_the_plain_scan_finds_on_generated_texts():
    rng = random.Random(15)
    texts = _cue_texts(rng, 2000)
    capitalised = 0
    for exact in (False, True):
        fast, plain = cues._cue_regex(exact), _plain_cue_regex(exact)
        for text in texts:
            want = _plain_scan(plain, text)
            assert cues._scan(fast, text) == want, text
            capitalised += sum(text[s].isupper() for s, _ in want)
            if exact:
                assert cues._cue_matches(text) == want, text
    assert capitalised > 1000


def test_later_words_of_a_cue_open_no_cue():
    # _scan takes a capitalised form by its first word and drops what the regex found after it inside the form: that
    # is only right while no later word of a form opens a form itself (else a form found there could reach beyond)
    forms, capitalised = cues._cue_forms()
    firsts = {f.split("_")[0].lower() for f in forms}
    assert not {w.lower() for f in forms + capitalised for w in f.split("_")[1:]} & firsts


def test_name_run_look_ahead_keeps_every_run():
    # NAME_RUN's look-ahead only turns away capitals no branch starts from: the plain pattern finds the same runs
    guard = r"(?=[a-zA-Z0-9_\w’'.]*+(?:-|[ \t]++[A-Z]))"
    assert guard in mentions.NAME_RUN.pattern
    plain = re.compile(mentions.NAME_RUN.pattern.replace(guard, ""))
    found = 0
    for text in _texts() + ["Jean-Pierre Raffarin and Anti-Mr. Smith met Mr. O’Neill, Sen. Jack Reed (D-R.I.) and AT&T."]:
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in mentions.NAME_RUN.finditer(text)] == want
        found += len(want)
    assert found >= 15
    rng = random.Random(11)
    alphabet = "AbZq.-’' \t\nMr"
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert [m.span() for m in mentions.NAME_RUN.finditer(s)] == [m.span() for m in plain.finditer(s)], repr(s)


def _plain_sentence_bounds(text: str, cs: int, ce: int, sent_of, dashes: tuple[list[int], list[int]]) -> tuple[int, int]:
    """quotes._sentence_bounds before its slice test: every str.find call made."""
    import bisect
    ss, se = sent_of(cs)
    nl = text.rfind("\n", ss, cs)
    lo = ss if nl < 0 else nl + 1
    nl = text.find("\n", ce, se)
    hi = se if nl < 0 else nl
    op = text.rfind("(", lo, cs)
    if op >= 0 and text.rfind(")", op, cs) < 0:
        cl = text.find(")", ce, hi)
        if cl >= 0:
            return op + 1, cl
    starts, ends = dashes
    i = bisect.bisect_left(starts, lo)
    if i < len(starts) and starts[i] < cs and (i + 1 == len(starts) or starts[i + 1] >= cs):
        j = bisect.bisect_left(starts, ce, i + 1)
        if j < len(starts) and starts[j] < hi:
            return ends[i], starts[j]
    return lo, hi


def test_sentence_bounds_match_the_plain_finds():
    texts = _texts() + ["Trump (who, aides said,\nwould not speak) declined.\nHe said  (quietly) it\n was over",
                        "(at one point as low as 19%, Gutin says) and the poll - he said - was wrong.\n\n  Then"]
    inside = 0
    for text in texts:
        paras = segment.paragraphs(text)
        sent_of, dashes = quotes._sentence_finder(text, paras), quotes._dash_spans(text)
        for m in re.finditer(r"\w+", text):
            cs, ce = m.span()
            got = quotes._sentence_bounds(text, cs, ce, sent_of, dashes)
            assert got == _plain_sentence_bounds(text, cs, ce, sent_of, dashes), (text, cs)
            inside += got != sent_of(cs)
    assert inside > 20  # (parentheses, dashes and line breaks cut many of the sentences)


def test_char_positions_match_a_plain_scan():
    # char_positions skips, with an `in` test, the characters a whole text does not hold
    def plain(text: str, chars: str, lo: int = 0, hi: int | None = None) -> list[int]:
        return [i for i in range(lo, len(text) if hi is None else min(hi, len(text))) if text[i] in chars]

    found = 0
    for text in _texts():
        for chars in (".?!", "\"“”„‟«»", "—–―", cleaning._ENTRY_CHARS):
            for lo, hi in ((0, None), (0, len(text)), (0, len(text) + 3), (7, None), (3, len(text) // 2), (9, 4)):
                want = plain(text, chars, lo, hi)
                assert segment.char_positions(text, chars, lo, hi) == want
                found += len(want)
    assert found > 500
    rng = random.Random(11)
    for _ in range(20000):
        s = "".join(rng.choice("ab.?!“ ") for _ in range(rng.randint(0, 20)))
        lo, hi = rng.randint(0, 3), rng.choice([None, rng.randint(0, 24)])
        assert segment.char_positions(s, ".?!“", lo, hi) == plain(s, ".?!“", lo, hi), (s, lo, hi)


def _plain_to_raw(cleaned, start: int, end: int) -> tuple[int, int]:
    """cleaning.to_raw of a non-empty span without its one-piece shortcut: both ends found by bisection."""
    import bisect
    cs, rs, cp = cleaned.clean_starts, cleaned.raw_starts, cleaned.copied
    i = bisect.bisect_right(cs, start) - 1
    j = bisect.bisect_right(cs, end - 1) - 1
    return rs[i] + (start - cs[i]) if cp[i] else rs[i], rs[j] + (end - cs[j]) if cp[j] else rs[j + 1]


def test_to_raw_fast_path_maps_spans_as_to_raw_does():
    # cleaning.to_raw maps a span inside one piece with one bisection: on texts whose cleaning changes lengths,
    # every span maps as the two-bisection mapping does, and pipeline._to_raw (every span, and an empty one) as
    # to_raw does
    from toolkit.pipeline import _to_raw

    texts = [s + " Wait\u2026 donâ€™t\u200b go\u00ad on... “now”  \n\n\nend" for s in SENTENCES] + \
            ["\ufeffA \u00ad\u200bword, sofâ€™t\u2026 — then «this» and that.\u200b"]
    for text in texts:
        cleaned = cleaning.clean(text)
        assert not cleaned.same_offsets and len(cleaned.text) != len(text)
        n = len(cleaned.text)
        spans = [(s, e) for s in range(n + 1) for e in range(s, min(n, s + 40) + 1)] + [(0, n)]
        records = [{"start": s, "end": e, "quote": "", "cue_start": None, "cue_end": None} for s, e in spans]
        _to_raw(records, cleaned, text)
        for (s, e), rec in zip(spans, records):
            raw = cleaning.to_raw(cleaned, s, e)
            assert (rec["start"], rec["end"]) == raw and rec["quote"] == text[raw[0]:raw[1]], (text, s, e)
            assert s == e or raw == _plain_to_raw(cleaned, s, e), (text, s, e)
            assert rec["cue_start"] is None and "cue" not in rec
        # spans of a slice starting at 3 (a transcript's turn) map as the whole text's spans do
        shifted = [{"start": s - 3, "end": e - 3, "quote": ""} for s, e in spans if s >= 3]
        _to_raw(shifted, cleaned, text, 3)
        assert [(r["start"], r["end"]) for r in shifted] == [cleaning.to_raw(cleaned, s, e) for s, e in spans if s >= 3]


def _plain_mention_before(text: str, cue_start: int, lo: int):
    """mention_before without its shortcuts: the pronoun pattern always tried, then the walk (short window, then
    the long one when the short one is too short)."""
    m = mentions.PRONOUN_BEFORE.search(text, max(lo, cue_start - 12), cue_start)
    if m is not None:
        return mentions.Mention(m.start(), m.end(1), "pronoun")
    v = mentions.vocab()
    got = mentions._mention_before(text, cue_start, lo, max(lo, cue_start - mentions.SHORT_WINDOW), v)
    if got is mentions._MORE:
        got = mentions._mention_before(text, cue_start, lo, max(lo, cue_start - mentions.WINDOW), v)
    return got


def test_word_ending_no_phrase_before_a_cue_gives_what_the_walk_gives():
    # mention_before answers None at once when the word before the cue is one at which the walk finds no noun
    # phrase (no_phrase_end): every lexicon word, in three spellings, before a cue, and every position of the
    # written texts, give what the plain walk gives
    v = mentions.vocab()
    words = sorted({*v["boundary"], *v["prepositions"], *v["determiners"], *v["skip"], *v["stop"], *v["pronouns"],
                    *mentions.DAYS, *mentions.PAST_TIMES, *mentions.QUANTIFIERS, *mentions.AUX_NAMES, "that",
                    "which", "who", "US", "Tuesday", "recently", "officials", "Smith", "(", ")"})
    texts = [f"{lead}{form} said it." for w in words for form in {w, w.lower(), w.capitalize(), w.upper()}
             for lead in ("", "The officials ", "Instead, ", "“No,” ", "Asked about it, the mayor ")]
    fired = 0
    for text in texts:
        cue = text.rindex(" said") + 1
        for lo in (0, max(0, cue - 4), cue - 1):
            assert mentions.mention_before(text, cue, lo) == _plain_mention_before(text, cue, lo), (text, lo)
        word = text[text.rfind(" ", 0, cue - 1) + 1:cue - 1]
        fired += word.lower() in v["no_phrase_end"]
    assert fired > 500
    for text in _texts():
        for cue in range(1, len(text)):
            if text[cue - 1] == " ":
                for lo in (0, max(0, cue - 30)):
                    assert mentions.mention_before(text, cue, lo) == _plain_mention_before(text, cue, lo), (cue, lo)


def test_comma_or_dash_before_a_cue_gives_what_the_walk_gives():
    # mention_before goes to the long window at once when a clipped short window ends in a comma or dash (with
    # or without a space before the cue): at every such position of the written texts, and after each mark
    # glued to a cue, it gives what the plain walk gives
    texts = _texts() + [f"{'The long introduction of the article goes on here, ' * 3}Smith{mark}{gap}said it."
                        for mark in ",—–-" for gap in ("", " ")]
    checked = 0
    for text in texts:
        for cue in range(100, len(text)):
            if text[cue - 1] in ",—–-" or text[cue - 1] == " " and text[cue - 2] in ",—–-":
                for lo in (0, cue - 95, cue - 30):
                    assert mentions.mention_before(text, cue, lo) == _plain_mention_before(text, cue, lo), (cue, lo)
                checked += 1
    assert checked > 50


class _Everything:
    """A set that holds every word: with it as left_skips and walk_stops, the speaker walk makes each of its tests."""

    def __contains__(self, word: str) -> bool:
        return True


def test_walk_first_tests_give_what_the_full_tests_give():
    # _skip_left returns at a token outside left_skips, and _np_start's walk steps over a plain word outside
    # walk_stops, without their full tests: every lexicon word in four spellings before a cue, after a name or a
    # mark, and every position of the written texts give what the walk making every test gives
    v = mentions.vocab()
    plain = dict(v, left_skips=_Everything(), walk_stops=_Everything())
    words = sorted({*v["boundary"], *v["prepositions"], *v["determiners"], *v["skip"], *v["stop"], *v["pronouns"],
                    *v["relay"], *mentions.DAYS, *mentions.PAST_TIMES, *mentions.QUANTIFIERS, *mentions.AUX_NAMES,
                    *mentions.POSSESSIVE_PRONOUNS, *mentions.NP_JOINERS, "to", "US", "recently", "officials", "Smith",
                    "(", ")", ",", "—", "’s"})
    texts = [f"{lead}{form}{tail} said it." for w in words for form in {w, w.lower(), w.capitalize(), w.upper()}
             for lead in ("", "The officials ", "Instead, ", "“No,” ", "Asked about it, the mayor ", "people close ")
             for tail in ("", " Smith", " (R-Texas)", " officials")] + _texts()
    for text in texts:
        for cue in range(1, len(text)):
            if text[cue - 1] == " ":
                for lo in (0, max(0, cue - 30)):
                    start = max(lo, cue - mentions.SHORT_WINDOW)
                    assert mentions._mention_before(text, cue, lo, start, v) == \
                        mentions._mention_before(text, cue, lo, start, plain), (text, cue, lo)


def test_walk_after_on_a_prefix_gives_what_the_walk_on_the_window_gives():
    # mention_after keeps the walk over a short prefix's tokens when it read and counted fewer tokens than the
    # prefix has: at every position of the written texts and of speaker phrases that read far (long titled
    # names, "of" phrases, lists of capitalised words), with the window cut short or not, it gives what the walk
    # over all the window's tokens gives
    v = mentions.vocab()
    phrases = ["former secretary of state Hillary Clinton of New York", "longtime GOP strategist Charlie Black, who",
               "the 46-year-old mother of two from Ohio", "A B C D E F G H I J K L M N O P Q R S T U V said",
               "a source involved in the talks", "Clinton aide Huma Abedin told", "he added", "this week, he said",
               "Gov. Bill Richardson. Then", "of the of the of the Capitol Hill Police Department Chief"]
    texts = _texts() + [f"said {p} and more words after it to fill the window up to here." for p in phrases]
    # and phrases whose prefix ends at every token: capitalised words, "of", titles, modifiers, determiners
    rng = random.Random(12)
    pool = ["of", "Bill", "Richardson", "New", "York", "a", "the", "former", "senior", "strategist", "aide",
            "Gov.", "secretary", "state", "’s", "-", "&", "46-year-old", "involved", "spotted", ",", "Tuesday",
            "this", "Kasich’s", "Xi", "Abcdefghijkl", "x", "and"]
    texts += ["said " + " ".join(rng.choice(pool) for _ in range(rng.randint(2, 25))) for _ in range(2000)]
    kept = 0
    for text in texts:
        for pos in range(len(text)):
            for hi in (len(text), pos + 45, pos + 20):
                toks, base = mentions._tokens(text, pos, min(hi, pos + mentions.WINDOW))
                plain = mentions._walk_after(text, toks, base, v)[0]
                assert mentions.mention_after(text, pos, hi) == plain, (text, pos, hi)
                cut = text.find(" ", pos + mentions.SHORT_AHEAD, min(hi, pos + mentions.WINDOW))
                if cut > 0:
                    toks, base = mentions._tokens(text, pos, cut)
                    kept += mentions._walk_after(text, toks, base, v)[1] <= len(toks)
    assert kept > 1000


def test_back_span_gives_the_span_counted_from_the_window_start():
    # _back_span sums the token lengths back from the window's end (in C); _span sums them forward from its start:
    # the same offsets for every pair of tokens of windows ending at every position of the written texts
    texts = SENTENCES + [_seed_text()[:3000]]
    pairs = 0
    for text in texts:
        for hi in range(1, len(text) + 1):
            toks, base = mentions._tokens(text, max(0, hi - 40), hi)
            for i in range(len(toks)):
                for k in range(i + 1):
                    assert mentions._back_span(text, toks, base, hi, k, i) == mentions._span(toks, base, k, i), \
                        (text, hi, k, i)
                    pairs += 1
    assert pairs > 10_000


# the glue test of _run_in_heading as first written: a lower-case word, spaces, a capitalised word
PLAIN_GLUE = re.compile(r"[a-z][\"”’]? +[\"“‘]?[A-Z][a-z]")


def test_glue_starting_at_the_space_finds_what_the_plain_pattern_finds():
    # _GLUE starts at the space and looks behind for the letter; searched in a copy of the span it sees nothing
    # before the span's start, as the plain pattern searched with pos does not
    assert cleaning._GLUE.pattern != PLAIN_GLUE.pattern
    found = 0
    for text in _texts() + ["ab Cd", "a” Bc", "a\" “Bc", "word  Next", "x’ Yz and A B", "Lower\tUpper", "a Bc"]:
        for lo in range(len(text)):
            for hi in (lo + 3, lo + 12, lo + 40, lo + 144):
                want = PLAIN_GLUE.search(text, lo, hi) is not None
                assert (cleaning._GLUE.search(text[lo:hi]) is not None) == want, (text[lo:hi],)
                found += want
    assert found >= 100
    rng = random.Random(5)
    alphabet = "aZb \"”’“‘\t."
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        for lo in range(len(s) + 1):
            assert (cleaning._GLUE.search(s[lo:]) is not None) == (PLAIN_GLUE.search(s, lo) is not None), repr(s)


def test_suspect_test_on_utf8_bytes_finds_what_the_class_finds():
    # _fix_unicode asks _has_suspect_or_invisible (the text's UTF-8 bytes) whether a text needs fixing: every code
    # point, and real text
    exact = cleaning._SUSPECT_OR_INVISIBLE
    assert [c for c in map(chr, range(0x110000))
            if cleaning._has_suspect_or_invisible(c) != (exact.search(c) is not None)] == []
    for text in _texts() + ["plain ASCII only", "“curly” — quotes’ only…", "caf\u00e9 “x”", "soft\u00adhyphen", "ﬁne",
                            "no-break\u00a0space only", "lone \ud800 surrogate", "Greek \u0370 and \u2060 joiner"]:
        assert cleaning._has_suspect_or_invisible(text) == (exact.search(text) is not None), text


def test_preposition_first_characters():
    # the characters that open a match of PREPOSITION_START, case folded as the regex does, are PREPOSITION_FIRST: a
    # character with no case mapping matches a letter only as itself, so the ASCII ones and every cased one are tried
    words = re.findall(r"[a-z]+", quotes.PREPOSITION_START.pattern)
    assert len(words) >= 15
    chars = [c for c in map(chr, range(0x110000)) if c.isascii() or c.lower() != c or c.upper() != c]
    assert len(chars) > 2000
    found = {c for c in chars for w in words if quotes.PREPOSITION_START.match(c + w[1:] + " ")}
    assert found == quotes.PREPOSITION_FIRST


def test_word_character_is_isalnum_or_underscore():
    # _content_right takes a content opening with an isalnum() character as holding a word without WORD's search
    assert [c for c in map(chr, range(0x110000))
            if (quotes.WORD.match(c) is not None) != (c.isalnum() or c == "_")] == []


def test_dash_speaker_guard_matches_the_plain_line():
    def plain(text: str, after: int):
        m = quotes.DASH_LINE.match(text, after)
        if m is None or m.group(1).rstrip(".").rstrip().endswith(("–", "—", "-")):
            return None
        if quotes._at_least(13, m.group(1)):
            return None
        sp = quotes.mention_after(text, m.start(1), m.end(1))
        return sp if sp is not None and sp.type in ("person", "title", "organisation", "group") else None

    lines = ("“We will win.”\n\n- Maria Lopez, Miami.\n“No.” \u00a0\t\n\u2003— Sen. Ted Cruz\n"
             "“Yes.”          -- John Smith\n")
    found = 0
    for text in _texts() + [lines]:
        for after in range(len(text) + 1):
            got = quotes._dash_speaker(text, after)
            assert got == plain(text, after)
            found += got is not None
    assert found >= 3


def test_object_end_lookahead_finds_what_the_plain_branches_find():
    # OBJ_END's lookahead before its branches at a space only spares tries: without it the same ends are found
    plain = re.compile(quotes.OBJ_END.pattern.replace(r"(?=[\sabejswABDHIMSTW])(?:", "(?:"), quotes.OBJ_END.flags)
    assert plain.pattern != quotes.OBJ_END.pattern
    extra = ("He criticized the plan, and the board was split but\u00a0went on. She called it fine when he left;"
             " it failed as they said, even after During talks\tThe aide, who quit, and later said so")
    found = 0
    for text in _texts() + [extra]:
        for pos in range(len(text)):
            want = plain.search(text, pos)
            got = quotes.OBJ_END.search(text, pos)
            assert (got and got.span()) == (want and want.span())
            found += got is not None
    assert found >= 100


def test_dash_tail_from_the_first_dash_finds_what_the_whole_search_finds():
    # _dash_tail searches from just before the span's first dash: the same match as a search of the whole span
    extra = "said it would — and so it did, a well-known pro-choice–anti-war stance -- he said - not so\u00a0— ok"
    found = 0
    for text in _texts() + [extra]:
        for lo in range(len(text)):
            for hi in (len(text), min(len(text), lo + 30)):
                got = quotes._dash_tail(text, lo, hi)
                want = quotes.DASH_TAIL.search(text, lo, hi)
                assert (got and got.span()) == (want and want.span())
                found += got is not None
    assert found >= 100


def test_two_word_name_decides_as_the_name_walk():
    # _name_parts takes a run of two words without a period or comma by _two_word_name: what _name_walk gives it.
    # The runs: every two adjacent words of the capitalised runs in real text, then each with a lexicon word
    # (title, noun, stop word, name break, place, organisation head) and possessive or odd-case endings on either side
    v = mentions.vocab()
    words = {w for text in _texts() for m in mentions.NAME_RUN.finditer(text) for w in m.group().split()}
    pairs = {(a, b) for text in _texts() for m in mentions.NAME_RUN.finditer(text)
             for a, b in zip(m.group().split(), m.group().split()[1:])}
    lexicon = [w for key in ("titles", "stop", "org_heads") for w in sorted(v[key])[:12]]
    lexicon += [w.title() for key in ("nouns", "name_breaks") for w in sorted(v[key])[:40]]
    lexicon += [w for p in sorted(v["places"])[:20] for w in p.split()] + ["I", "X", "Jr"]
    extra = sorted(words)[:60] + lexicon
    pairs |= {(a, b) for a in extra for b in ("Smith", "Trump’s", "Trump'S", "Clinton’S", "O’Neill")}
    pairs |= {(a, b) for a in ("Hillary", "Mr", "Donald’s", "Obama’", "New") for b in extra}
    pairs |= {tuple(p.split()) for p in v["places"] if len(p.split()) == 2}
    named = 0
    for a, b in sorted(pairs):
        for run in (a + " " + b, a + "\t" + b, a + " \t " + b):
            if "." in run or "," in run:
                continue
            words, lower = run.split(), run.lower().split()
            if words[0] in ("The", "A", "An") or len(lower) != 2:
                continue
            got = mentions._two_word_name(run, words, lower, v)
            assert got == mentions._name_walk(run, words, lower, v), run
            named += bool(got)
    assert named >= 100


def test_skeleton_scan_finds_what_the_class_scan_finds():
    # _cue_matches scans a skeleton of the text with three literal-led regexes: the forms _scan finds with the class
    # BEFORE_FORM_ASCII, on real text and on forms in odd company (marks inside multiword forms, letters, "’" and
    # spaces beyond Latin-1 after them); a text whose characters beyond Latin-1 the skeleton cannot stand for has none
    rng = random.Random(18)
    texts = _texts() + [CUE_HEADLINE] + _cue_texts(rng, 3000)
    texts += [t.translate({0x2009: " ", 0x4e2d: "“", 0x1d400: "é", 0xfeff: "?"}) for t in texts]
    texts += ["according,to", "according\u2009to", "said\u0103", "said’", "said—", "Said? said", "?said", "said?",
              "According to\u00a0aides, she said-so", "added\u3000that", "said\x85", "said\u0085to"]
    # forms right after punctuation (the "," scan's stops), and punctuation before other marks
    texts += ['"said', "(according to", "“Asked”", ",said,", ".Said:", "—claimed", "said,,said", ", .\n-said", "1said"]
    regex = cues._cue_regex()
    skeletons = 0
    for text in texts:
        skeleton = cues._skeleton(text)
        if skeleton is None:
            assert any(c > "\xff" and c != "’" and cues._skeleton_char(c) != "," for c in text), repr(text)
            continue
        assert len(skeleton) == len(text) and skeleton.isascii()
        assert cues._skeleton_scan(text, skeleton) == cues._scan(regex, text), repr(text)
        skeletons += 1
    assert skeletons > 3000
    assert cues._skeleton("He said\u2009“no”’s") is None and cues._skeleton("He said “no”’s") == "He said ,no,-s"
