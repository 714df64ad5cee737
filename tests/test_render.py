"""The article rendered as HTML: text escaped, highlights exactly at the records' offsets."""
from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from conftest import SEED, TRANSCRIPTS
from toolkit.corpus import read_text
from toolkit.pipeline import article_quotes
from toolkit.render import render_article


class _Pieces(HTMLParser):
    """The article div's text as (text, classes, {role: record labels}) pieces; labels [n] and legend left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.pieces: list[tuple[str, set, set]] = []
        self.in_article = False
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "div" and attrs.get("class") == "nq-article":
            self.in_article = True
        self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        tag_, attrs = self.stack.pop()
        if tag_ == "div" and attrs.get("class") == "nq-article":
            self.in_article = False

    def handle_data(self, data):
        if not self.in_article:
            return
        classes, members = set(), {}
        for _, attrs in self.stack:
            classes |= set((attrs.get("class") or "").split())
            for role in ("quote", "speaker", "cue"):
                members.setdefault(role, set()).update((attrs.get(f"data-{role}") or "").split())
        if "nq-n" in classes:
            return
        self.pieces.append((data, classes, members))


def _parse(page: str) -> _Pieces:
    p = _Pieces()
    p.feed(page)
    p.close()
    return p


def _covered(pieces, role: str, label: str) -> set[int]:
    """Character positions (in the article) inside pieces of `role` belonging to record `label`."""
    pos, out = 0, set()
    for text, classes, members in pieces:
        if label in members[role]:
            assert f"nq-{role}" in classes
            out |= set(range(pos, pos + len(text)))
        pos += len(text)
    return out


def test_markup_in_an_article_shows_as_text_and_never_runs():
    text = 'Li said "<script>alert(1)</script> & <b>no</b>" today.\n<img src=x onerror=alert(2)>'
    start = text.index("<script>")
    rec = {"doc_id": "x", "start": start, "end": text.index('" today'), "quote": text[start:text.index('" today')],
           "speaker": "Li", "speaker_start": 0, "speaker_end": 2, "cue": "said", "cue_start": 3, "cue_end": 7,
           "kind": "direct", "camp": "china_official", "actor": "Li Hui"}
    page = render_article(text, [rec])
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;no&lt;/b&gt;" in page
    parsed = _parse(page)
    assert set(parsed.tags) <= {"style", "div", "span"}
    assert "".join(t for t, _, _ in parsed.pieces) == text  # the article, character for character
    assert _covered(parsed.pieces, "quote", "0") == set(range(rec["start"], rec["end"]))
    assert _covered(parsed.pieces, "speaker", "0") == {0, 1}
    assert _covered(parsed.pieces, "cue", "0") == set(range(3, 7))


def test_seed_highlights_sit_exactly_at_every_records_offsets():
    text = read_text(SEED)
    recs = article_quotes(text, SEED.stem)
    assert len(recs) >= 10
    parsed = _parse(render_article(text, recs))
    assert "".join(t for t, _, _ in parsed.pieces) == text
    for n, rec in enumerate(recs):
        for role, s, e in (("quote", "start", "end"), ("speaker", "speaker_start", "speaker_end"),
                           ("cue", "cue_start", "cue_end")):
            want = set(range(rec[s], rec[e])) if rec.get(s) is not None else set()
            assert _covered(parsed.pieces, role, str(n)) == want, (n, role, rec.get(role))
    # the Russian statement is shaded in the Russian camp's colour
    assert "--camp:#c0392b" in render_article(text, [r for r in recs if r["camp"] == "russia_official"])


def test_dataframe_index_labels_and_camp_filter():
    text = read_text(SEED)
    quotes = pd.DataFrame(article_quotes(text, SEED.stem))
    quotes.index = quotes.index + 100
    page = render_article(text, quotes, camps=["western_official"])
    parsed = _parse(page)
    west = quotes[quotes["camp"] == "western_official"]
    assert len(west) >= 2
    shown = {m for _, _, members in parsed.pieces for ms in members.values() for m in ms}
    assert shown == {str(i) for i in west.index}
    for i, row in west.iterrows():
        assert _covered(parsed.pieces, "quote", str(i)) == set(range(row["start"], row["end"]))
        assert f'<span class="nq-n">[{i}]</span>' in page


def test_nested_quotes_belong_to_both_records():
    text = 'The ministry said: "Lavrov told Li that talks were stalled." No more.'
    outer_s, outer_e = text.index("Lavrov"), text.index('." No') + 1
    inner_s, inner_e = text.index("talks"), text.index(" stalled") + len(" stalled")
    recs = [{"start": outer_s, "end": outer_e, "kind": "direct", "camp": "russia_official"},
            {"start": inner_s, "end": inner_e, "kind": "indirect", "camp": "russia_official",
             "cue_start": text.index("told"), "cue_end": text.index("told") + 4}]
    parsed = _parse(render_article(text, recs))
    assert _covered(parsed.pieces, "quote", "0") == set(range(outer_s, outer_e))
    assert _covered(parsed.pieces, "quote", "1") == set(range(inner_s, inner_e))
    assert _covered(parsed.pieces, "cue", "1") == set(range(text.index("told"), text.index("told") + 4))


def test_transcript_turns_are_skipped_unless_asked():
    path = sorted(TRANSCRIPTS.glob("*.txt"))[0]
    text = read_text(path)
    recs = article_quotes(text, path.stem)
    turns = [i for i, r in enumerate(recs) if r["turn"]]
    assert turns
    plain = _parse(render_article(text, recs))
    shown = {m for _, _, members in plain.pieces for ms in members.values() for m in ms}
    assert not shown & {str(i) for i in turns}
    with_turns = _parse(render_article(text, recs, turns=True))
    i = turns[0]
    assert _covered(with_turns.pieces, "quote", str(i)) == set(range(recs[i]["start"], recs[i]["end"]))


def test_offsets_of_another_text_are_an_error_not_a_wrong_highlight():
    text = read_text(SEED)
    recs = article_quotes(text, SEED.stem)
    with pytest.raises(ValueError, match="outside the text"):
        render_article(text[:100], recs)
    shifted = "x" + text
    with pytest.raises(ValueError, match="another text"):
        render_article(shifted, recs)
    with pytest.raises(ValueError, match="numbers"):
        render_article(text, recs, numbers=[1, 2])
