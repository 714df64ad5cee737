"""toolkit.cleaning: exact offset mapping, Unicode/quote/whitespace normalisation, page furniture."""
from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.cleaning import changes_table, clean, furniture_spans, to_clean, to_raw

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "articles" / "000_4b47a35a151c059f.txt"
TRANSCRIPTS = sorted((ROOT / "data" / "transcripts").glob("*.txt"))
POLNEAR = SHARED / "polnear"
needs_polnear = pytest.mark.skipif(not (POLNEAR / "train" / "text").is_dir(),
                                   reason=f"PolNeAR not found at {POLNEAR} (read-only shared data, not in the repo)")


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def polnear_sample(split: str = "train", every: int = 40) -> list[Path]:
    return sorted((POLNEAR / split / "text").glob("*.txt"))[::every]


def real_texts() -> list[str]:
    texts = [read(SEED)] + [read(p) for p in TRANSCRIPTS[:3]]
    if (POLNEAR / "train" / "text").is_dir():
        # the articles with mojibake, NBSP, doubled apostrophes and bidi marks, plus an even sample
        names = ["wash-post_2016-04-07_in-shift-mexico-to-", "usa-today_2015-11-20_campaign-cash-tied-",
                 "west-journal_2015-12-16_after-isis-death", "nyt_2016-04-23_even-signed-climate-deal-"]
        for p in sorted((POLNEAR / "train" / "text").glob("*.txt")):
            if any(p.name.startswith(n) for n in names):
                texts.append(read(p))
        texts += [read(p) for p in polnear_sample(every=60)]
    return texts


TEXTS = real_texts()


def check_pieces(c) -> None:
    """Every copied piece is the raw text; the replaced pieces are exactly the reported changes."""
    assert c.clean_starts[-1] == len(c.text) and c.raw_starts[-1] == len(c.raw)
    replaced = []
    for i in range(len(c.clean_starts) - 1):
        cs, ce, rs, re_ = c.clean_starts[i], c.clean_starts[i + 1], c.raw_starts[i], c.raw_starts[i + 1]
        assert cs <= ce and rs <= re_
        if c.copied[i]:
            assert c.text[cs:ce] == c.raw[rs:re_]
        else:
            replaced.append((rs, re_))
    changed = {(ch["raw_start"], ch["raw_end"]) for ch in c.changes}
    for rs, re_ in replaced:  # each replacement is covered by reported changes, never silent
        assert any(s <= rs and re_ <= e for s, e in changed) or \
            any(s >= rs and e <= re_ for s, e in changed), (rs, re_, c.raw[rs:re_])
    assert len(c.offsets) == len(c.text) + 1


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_pieces_are_exact_on_real_texts(i):
    check_pieces(clean(TEXTS[i]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_clean_span_maps_back_to_the_raw_span_it_came_from(data):
    c = clean(data.draw(st.sampled_from(TEXTS)))
    n = len(c.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, min(n, start + 400)))
    rs, re_ = to_raw(c, start, end)
    assert 0 <= rs <= re_ <= len(c.raw)
    if start < end:
        # the raw span holds exactly the pieces the clean span touches: its first and last characters
        # come from its ends, and mapping it forward gives back a span that covers the clean one
        assert c.offsets[start] == rs
        cs, ce = to_clean(c, rs, re_)
        assert cs <= start and end <= ce
        assert to_raw(c, cs, ce) == (rs, re_)
        # a span of copied text is the raw text character for character, both ways
        if all(c.offsets[k + 1] == c.offsets[k] + 1 for k in range(start, end)) and \
                c.text[start:end] == c.raw[rs:re_]:
            assert (cs, ce) == (start, end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_raw_clean_raw_round_trip(data):
    c = clean(data.draw(st.sampled_from(TEXTS)))
    n = len(c.raw)
    rs = data.draw(st.integers(0, n))
    re_ = data.draw(st.integers(rs, min(n, rs + 400)))
    cs, ce = to_clean(c, rs, re_)
    assert 0 <= cs <= ce <= len(c.text)
    if cs < ce:
        back = to_raw(c, cs, ce)
        assert to_clean(c, *back) == (cs, ce)
        if c.text[cs:ce] == c.raw[rs:re_] and not _inside_replacement(c, rs) and not _inside_replacement(c, re_):
            assert back == (rs, re_)


def _inside_replacement(c, pos: int) -> bool:
    """Whether raw position pos falls strictly inside a replaced raw span (e.g. between two spaces made one)."""
    j = bisect.bisect_right(c.raw_starts, pos) - 1
    return 0 <= j < len(c.copied) - 1 and not c.copied[j] and c.raw_starts[j] < pos < c.raw_starts[j + 1]


def test_a_raw_span_ending_between_two_spaces_maps_back_to_the_whole_replacement():
    # found by hypothesis: "Still,  Clinton" (two spaces become one); a raw span ending after the first
    # space reads the same as its clean span, yet maps back to both spaces, as to_raw documents
    c = clean("Still,  Clinton aides believe it.")
    cs, ce = to_clean(c, 0, 7)
    assert c.text[cs:ce] == "Still, " == c.raw[0:7]
    assert to_raw(c, cs, ce) == (0, 8)
    assert _inside_replacement(c, 7) and not _inside_replacement(c, 6)


def test_copied_words_map_to_identical_raw_words():
    raw = read(SEED)
    c = clean(raw)
    for m in re.finditer(r"[A-Za-z]{4,}", c.text):
        rs, re_ = to_raw(c, *m.span())
        assert raw[rs:re_] == m.group()


def test_mojibake_fixed_with_offsets():
    original = "President François Hollande met Enrique Peña Nieto — “a friend,” he said."
    broken = original.encode("utf-8").decode("cp1252", errors="replace")
    assert broken != original and "Ã" in broken
    raw = "Intro line.\n\n" + broken
    c = clean(raw)
    assert "François" in c.text and "Peña" in c.text and "Ã" not in c.text
    i = c.text.index("François")
    rs, re_ = to_raw(c, i, i + len("François"))
    assert raw[rs:re_] == "FranÃ§ois"
    j = c.text.index("ç")
    assert raw[slice(*to_raw(c, j, j + 1))] == "Ã§"
    assert any(ch["reason"] == "unicode" and ch["raw_text"] == "Ã§" and ch["clean_text"] == "ç" for ch in c.changes)
    # text after the fix still maps one to one
    k = c.text.index("Hollande")
    assert raw[slice(*to_raw(c, k, k + 8))] == "Hollande"


def test_legitimate_accents_and_nfc():
    c = clean("Touché, said José. Cafe\u0301 au lait.")
    assert c.text == "Touché, said José. Café au lait."
    i = c.text.index("é au")
    assert to_raw(c, i, i + 1) == (i, i + 2)


def test_invisible_characters_removed_and_reported():
    c = clean("news\xadpaper and \u202a”Sorry\ufeff”")
    assert c.text == "newspaper and “Sorry”"
    assert sum(ch["reason"] == "invisible" for ch in c.changes) == 3


@pytest.mark.parametrize("raw, expected", [
    ('He said "we will win" today.', "He said “we will win” today."),
    ("He said ``we will win'' today.", "He said “we will win” today."),
    ("''We will win,'' he said.", "“We will win,” he said."),
    ("Der «Kanzler» und „er“ sagte", "Der “Kanzler” und “er” sagte"),
    ("“Already curly,” she said.", "“Already curly,” she said."),
    ("They call it a \"deal\".", "They call it a “deal”."),
    ("\"Yes.\"\n\n\"No,\" he said.", "“Yes.”\n\n“No,” he said."),
    # a mark with spaces on both sides closes an open quotation, opens after a line break (which ends it) ...
    ('He said "yes and " more.', "He said “yes and ” more."),
    ('He said "yes\nand " more.', "He said “yes\nand “ more."),
    ('He said "yes\n\nand " more.', "He said “yes\n\nand “ more."),
    # ... but not after the break of removed furniture
    ('He said "yes.\nRead more: a story ×\nand " more.', "He said “yes.\n\nand ” more."),
])
def test_double_quotes_become_curly_with_direction(raw, expected):
    c = clean(raw)
    assert c.text == expected
    assert not re.search("[\"«»„‟]|''|``", c.text)


@pytest.mark.parametrize("raw, expected", [
    ("Don't say Russia's plan", "Don’t say Russia’s plan"),
    ("back in the '90s and ‘90s", "back in the ’90s and ’90s"),
    ("the voters' choice", "the voters’ choice"),
    ("rock 'n' roll, give 'em hell", "rock ’n’ roll, give ’em hell"),
    ("She called it 'a mess' today", "She called it ‘a mess’ today"),
    ("He said, \"She told me 'no' twice.\"", "He said, “She told me ‘no’ twice.”"),
])
def test_apostrophes_and_single_quotes(raw, expected):
    assert clean(raw).text == expected


def test_quotation_dash_becomes_an_em_dash_in_place():
    # U+2015 (HuffPost's dash, and the "quotation dash" that signs a quote) reads as the em dash
    raw = "the wall ― and more.\n“We need order.”― Carla Sanchez"
    c = clean(raw)
    assert c.text == raw.replace("―", "—")
    assert [(ch["raw_text"], ch["reason"]) for ch in c.changes] == [("―", "dash"), ("―", "dash")]
    assert c.same_offsets and to_raw(c, 9, 10) == (9, 10)


def test_whitespace_normalised_paragraphs_kept():
    raw = "  First\tline  here.  \r\nSame para?\r\n\r\n\r\n  Second\xa0para.   "
    c = clean(raw)
    assert c.text == "First line here.\nSame para?\n\nSecond para."
    assert all(ch["reason"] == "whitespace" for ch in c.changes)


def test_header_recorded_not_lost():
    raw = " date 2023-05-26 Russian Foreign Minister spoke."
    c = clean(raw)
    assert c.text == "Russian Foreign Minister spoke."
    header = [ch for ch in c.changes if ch["reason"] == "header"]
    assert len(header) == 1 and "date 2023-05-26" in header[0]["raw_text"]
    assert clean("date 2023-02-10\nPress Briefing").text == "Press Briefing"


SEED_FURNITURE = [
    "Watch: Russia's Lavrov says G7 is bent on \"double containment\" of Russia and China ×",
    "Lavrov lauds China’s “balanced” position",
    "China urging the West to offer Russia concession",
    "Russia-China growing closer",
]


def test_seed_furniture_found_and_nothing_else():
    raw = read(SEED)
    spans = furniture_spans(raw)
    assert sorted(s["text"] for s in spans) == sorted(SEED_FURNITURE)
    for s in spans:
        assert raw[s["start"]:s["end"]] == s["text"]
    c = clean(raw)
    for text in SEED_FURNITURE:
        assert text.replace("'", "’").replace('"', "") not in c.text.replace("“", "").replace("”", "")
    # the sentences around each item are intact and now start paragraphs
    for start in ("During the meeting, Lavrov", "The Russian Foreign Ministry stated", "Li’s visit to Moscow",
                  "Recently, Russian Prime Minister"):
        assert "\n\n" + start in c.text
    removed = [ch for ch in c.changes if ch["clean_text"] == "" or ch["reason"].startswith("furniture")]
    assert {ch["reason"] for ch in removed} == {"header", "furniture:promo", "furniture:subheading"}
    assert len([ch for ch in removed if ch["reason"].startswith("furniture")]) == 4
    # every raw word outside the removed spans survives
    kept = raw
    for ch in sorted(removed, key=lambda ch: -ch["raw_start"]):
        kept = kept[:ch["raw_start"]] + " " + kept[ch["raw_end"]:]
    assert re.findall(r"[A-Za-z]+", kept) == re.findall(r"[A-Za-z]+", c.text)


def test_changes_table():
    c = clean(read(SEED))
    table = changes_table(c)
    assert list(table.columns[:4]) == ["span", "raw_start", "raw_end", "text"]
    assert len(table) == len(c.changes)
    furniture = changes_table(c, reasons=("furniture",))
    assert len(furniture) == 4 and set(furniture["reason"]) == {"furniture:promo", "furniture:subheading"}


def test_transcripts_keep_speaker_labels():
    for path in TRANSCRIPTS:
        raw = read(path)
        c = clean(raw)
        assert not [ch for ch in c.changes if ch["reason"].startswith("furniture")], path.name
        labels = re.findall(r"^(?:M[RS]S?\. [A-Z-]+:|Q )", c.text, re.MULTILINE)
        assert labels, path.name


@needs_polnear
def test_polnear_furniture_removes_no_content():
    """Content-annotated characters never fall inside a removed span (sample of train and dev)."""
    checked = 0
    for split in ("train", "dev"):
        for path in polnear_sample(split, every=7 if split == "train" else 2):
            raw = read(path)
            anns = sorted((POLNEAR / split / "attributions").glob(path.stem + "_*.ann"))
            content = []
            for line in anns[0].read_text(encoding="utf-8").splitlines() if anns else []:
                fields = line.split("\t")
                if len(fields) > 1 and fields[0].startswith("T") and fields[1].split(" ")[0] in ("Content", "Content2"):
                    for part in fields[1].split(" ", 1)[1].split(";"):
                        content.append(tuple(map(int, part.split())))
            for ch in clean(raw).changes:
                if ch["reason"].startswith("furniture") or ch["reason"] == "header":
                    for s, e in content:
                        assert not raw[max(s, ch["raw_start"]):min(e, ch["raw_end"])].strip(), (path.name, ch)
            checked += 1
    assert checked > 100


def test_bad_input():
    with pytest.raises(TypeError, match="str"):
        clean(b"bytes")
    c = clean("abc")
    with pytest.raises(ValueError):
        to_raw(c, 2, 9)
    assert clean("").text == ""


@pytest.mark.parametrize("raw, same", [
    ('He said "we will win" and it\'s\xa0over.', True),      # one character for one everywhere
    ("He said ''we will win'' and left.", False),            # two apostrophes become one quotation mark
    ("He said  so.", False),                                 # two spaces become one
    ("date 2023-05-26\nHe said so.", False),                 # the header goes
])
def test_same_offsets_only_when_every_change_is_one_character_for_one(raw, same):
    c = clean(raw)
    assert c.same_offsets is same
    if same:
        assert c.offsets == list(range(len(raw) + 1))


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_same_offsets_means_to_raw_and_to_clean_are_the_identity(i):
    c = clean(TEXTS[i])
    identity = all(to_raw(c, s, e) == (s, e) and to_clean(c, s, e) == (s, e)
                   for s in range(0, len(c.text), 7) for e in (s, min(len(c.text), s + 1), min(len(c.text), s + 50)))
    if c.same_offsets:
        assert identity
    assert c.same_offsets == (c.offsets == list(range(len(c.raw) + 1)) and
                              all(len(ch["raw_text"]) == len(ch["clean_text"]) == 1 for ch in c.changes))
