"""toolkit.segment: paragraphs and sentences by Punkt with our shipped parameters."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.segment import paragraphs, punkt_parameters, sentence_table, sentences

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "articles" / "000_4b47a35a151c059f.txt"


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_parameters_load_without_nltk_data():
    params = punkt_parameters()
    assert {"mr", "mrs", "u.s", "gen", "jan"} <= params.abbrev_types
    assert len(params.ortho_context) > 10_000


@pytest.mark.parametrize("text, expected", [
    ("Mr. Smith met Gen. Milley in the U.S. on Jan. 5. They talked.",
     ["Mr. Smith met Gen. Milley in the U.S. on Jan. 5.", "They talked."]),
    ("Contributors to Mrs. Clinton gave less. Sen. Ted Cruz (R-Tex.) said so.",
     ["Contributors to Mrs. Clinton gave less.", "Sen. Ted Cruz (R-Tex.) said so."]),
    ("John F. Kennedy was there. So was Lyndon B. Johnson.",
     ["John F. Kennedy was there.", "So was Lyndon B. Johnson."]),
    ("“We will win.” he said. Then he left.", ["“We will win.” he said.", "Then he left."]),
    ("“We will win,” he said. “It is over.” The crowd cheered.",
     ["“We will win,” he said.", "“It is over.”", "The crowd cheered."]),
    ("It was “over.” She disagreed.", ["It was “over.”", "She disagreed."]),
    ("Is it? “No!” Fine.", ["Is it?", "“No!”", "Fine."]),
])
def test_sentence_cases(text, expected):
    assert split(text) == expected


def test_paragraph_break_always_ends_a_sentence():
    text = "A heading without a period\n\nThe body starts here. And goes on\nNext line is a paragraph."
    assert split(text) == ["A heading without a period", "The body starts here.", "And goes on",
                           "Next line is a paragraph."]
    assert [text[s:e] for s, e in paragraphs(text)] == ["A heading without a period",
                                                        "The body starts here. And goes on",
                                                        "Next line is a paragraph."]


def test_hard_wrapped_line_continues_in_lower_case():
    text = "Q The statement says, “The side speaks\npositively of China.” Do you agree?"
    assert split(text) == ["Q The statement says, “The side speaks\npositively of China.”", "Do you agree?"]


def test_offsets_index_the_given_string():
    text = "  First one.  Second one?\n\n  Third!  "
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?", "Third!"]


def test_sentence_table_offsets_into_original_text():
    raw = SEED.read_text(encoding="utf-8")
    table = sentence_table(pd.DataFrame({"doc_id": ["seed"], "text": [raw]}))
    assert list(table.columns) == ["doc_id", "para", "sent", "start", "end", "text", "clean_text"]
    assert all(raw[r.start:r.end] == r.text for r in table.itertuples())  # checkable against the file
    assert table["sent"].tolist() == list(range(len(table)))
    assert table["para"].is_monotonic_increasing
    first = table.iloc[0]
    assert raw[first.start:first.end] == first.text  # no change inside: identical to the raw text
    assert first.text.startswith("Russian Foreign Minister Sergei Lavrov")
    # the furniture is gone: no sentence holds a subheading or the promo
    joined = " ".join(table["clean_text"])
    assert "“balanced”" in joined and "Moscow’s commitment" in joined
    assert "lauds" not in joined and "Watch:" not in joined and "growing closer" not in joined
    during = table[table["text"].str.startswith("During the meeting")].iloc[0]
    assert raw[during.start:during.end].startswith("During the meeting")
    assert raw[during.start:during.end].endswith("Ukraine question.")


def test_sentence_table_needs_columns():
    with pytest.raises(ValueError, match="doc_id"):
        sentence_table(pd.DataFrame({"body": ["x"]}))


# ------------------------------------------------------------- the same decisions as NLTK's Punkt ---

def _nltk_spans(text: str) -> list[tuple[int, int]]:
    """What sentences() gives when each paragraph goes through NLTK's own PunktSentenceTokenizer."""
    import re

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from toolkit import segment

    class Reference(PunktSentenceTokenizer):
        # the one deliberate difference: a title abbreviation never ends a sentence ("Mrs. Clinton")
        def text_contains_sentbreak(self, context):
            m = re.match(r"([A-Za-z]{2,})\.\s", context)
            if m and m.group(1).lower() in segment.read_abbreviations("title"):
                return False
            return super().text_contains_sentbreak(context)

    tok = Reference(punkt_parameters(), lang_vars=segment.NewsLanguageVars())
    original = segment._punkt_spans
    try:
        segment._punkt_spans = lambda para, *_: list(tok.span_tokenize(para))
        return sentences(text)
    finally:
        segment._punkt_spans = original


def test_sentences_equal_nltk_punkt_on_real_text():
    from toolkit.cleaning import clean

    files = [SEED, *sorted((ROOT / "data" / "transcripts").glob("*.txt"))]
    dev = ROOT.parent / "shared" / "polnear" / "dev" / "text"
    files += sorted(dev.glob("*.txt"))  # PolNeAR when ../shared has it (not redistributable)
    for path in files:
        text = clean(path.read_text(encoding="utf-8")).text
        assert sentences(text) == _nltk_spans(text), path.name


PIECES = ["Mr.", "Mrs.", "U.S.", "J.", "5.", "1.5", "...", ". ", "? ", "! ", "said.", "The", "the", "Smith", "“",
          "”", '"', "'", "(", ")", " ", "  ", "\n", "Jan.", "a.m.", "--", "-", ",", ";", ":", "’", "No.", "He",
          "Gen.", "e.g.", "etc.", "[", "]", "»", "«", "\t", "A.", "Inc.", "1990s."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_sentences_equal_nltk_punkt_on_tricky_text(text):
    assert sentences(text) == _nltk_spans(text)
