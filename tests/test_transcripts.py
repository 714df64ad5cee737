"""Transcript recognition and speaking turns on the 13 White House transcripts and the PolNeAR news texts."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit import transcripts
from toolkit.pipeline import article_quotes

ROOT = Path(__file__).resolve().parents[1]
TRANSCRIPTS = sorted((ROOT / "data" / "transcripts").glob("*.txt"))
SEED = ROOT / "data" / "articles" / "000_4b47a35a151c059f.txt"
POLNEAR = ROOT.parent / "shared" / "polnear"


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def test_all_13_transcripts_are_recognised():
    assert len(TRANSCRIPTS) == 13
    for path in TRANSCRIPTS:
        assert transcripts.is_transcript(_read(path)), path.name


def test_news_articles_are_not_transcripts():
    assert not transcripts.is_transcript(_read(SEED))
    texts = sorted(POLNEAR.glob("*/text/*.txt"))
    if not texts:
        pytest.skip(f"PolNeAR not found at {POLNEAR} (read-only shared data, not redistributable)")
    flagged = [p.name for p in texts if transcripts.is_transcript(_read(p))]
    assert not flagged, flagged


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=lambda p: p.name[:30])
def test_every_turn_has_a_speaker_and_a_camp(path):
    text = _read(path)
    turns = transcripts.turns(text, path.stem)
    # Every label line of the file is a turn: count them independently of the module's regexes.
    label_lines = re.findall(r"(?m)^(?:(?:MR|MS|MRS|Mr)\.[\s\u00a0]+[A-Z\-]+|THE PRESIDENT|MODERATOR|AIDE|"
                             r"SENIOR ADMINISTRATION OFFICIAL):|^Q[\s\u00a0]+\S", text)
    assert len(turns) == len(label_lines)
    for t in turns:
        assert t["turn"] is True and t["kind"] == "direct"
        assert text[t["speaker_start"]:t["speaker_end"]] == t["speaker"]
        assert text[t["start"]:t["end"]] == t["quote"] and t["quote"].strip()
        assert t["camp"] != "unknown", (t["speaker"], t["start"])
        if t["speaker"] == "Q":
            assert t["camp"] == "journalist"
    # turns tile the body: each ends before the next label begins
    for a, b in zip(turns, turns[1:]):
        assert a["end"] <= b["speaker_start"]


def test_spot_checks_of_labels_against_the_text():
    by_name = {p.name: p for p in TRANSCRIPTS}
    text = _read(by_name["wh_2023-02-10_press-briefing-jean-pierre-kirby.txt"])
    turns = transcripts.turns(text)
    kirby = [t for t in turns if t["speaker"] == "MR. KIRBY"]
    assert kirby and all(t["actor"] == "John Kirby" and t["camp"] == "western_official" for t in kirby)
    first = turns[0]
    assert first["speaker"] == "MS. JEAN-PIERRE" and first["actor"] == "Karine Jean-Pierre"
    assert first["quote"] == "Good afternoon, everybody."
    assert turns[1]["speaker"] == "Q" and turns[1]["quote"] == "Good afternoon."
    # the typo label "MS. KIRBY" in this file is still Kirby (surname decides)
    assert any(t["speaker"] == "MS. KIRBY" and t["actor"] == "John Kirby" for t in turns)
    hiroshima = transcripts.turns(_read(by_name["wh_2023-05-21_biden-press-conference-hiroshima.txt"]))
    assert {t["actor"] for t in hiroshima if t["speaker"] == "THE PRESIDENT"} == {"Joe Biden"}
    call = transcripts.turns(_read(by_name["wh_2023-05-12_background-call-sullivan-wang-yi.txt"]))
    assert {t["camp"] for t in call if t["speaker"] in ("MODERATOR", "SENIOR ADMINISTRATION OFFICIAL")} == {"western_official"}
    g7 = transcripts.turns(_read(by_name["wh_2023-05-20_press-briefing-jean-pierre-sullivan-g7.txt"]))
    assert {t["actor"] for t in g7 if t["speaker"] == "MR. SULLIVAN"} == {"Jake Sullivan"}


def test_kremlin_style_labels():
    # Format check of the Kremlin / Russian MFA label style ("Name Surname:", "Question:"); wording is ours.
    text = ("date 2023-05-26\nPress conference (format sample)\n\n"
            + "\n\n".join(["Sergey Lavrov: Opening remarks on the talks.", "Question: What about the talks?",
                           "Sergey Lavrov: We discussed them at length.", "Question: And the plan?",
                           "Sergey Lavrov: It deserves attention.", "Maria Zakharova: Next question, please.",
                           "Question: Thank you."]))
    assert transcripts.is_transcript(text)
    turns = transcripts.turns(text)
    assert [t["speaker"] for t in turns][:3] == ["Sergey Lavrov", "Question", "Sergey Lavrov"]
    assert turns[0]["actor"] == "Sergei Lavrov" and turns[0]["camp"] == "russia_official"
    assert turns[1]["camp"] == "journalist"
    assert turns[5]["actor"] == "Maria Zakharova"


def test_pipeline_adds_turns_and_quotes_inside_turns():
    path = next(p for p in TRANSCRIPTS if "sullivan-wang-yi" in p.name)
    text = _read(path)
    recs = article_quotes(text, path.stem)
    turns = [r for r in recs if r["turn"]]
    inner = [r for r in recs if not r["turn"]]
    assert turns and inner
    for r in recs:
        assert {"actor", "camp", "turn"} <= set(r) and text[r["start"]:r["end"]] == r["quote"]
    # a quote inside a turn lies within that turn's words
    spans = [(t["start"], t["end"]) for t in turns]
    for r in inner:
        assert any(s <= r["start"] and r["end"] <= e for s, e in spans), r["quote"][:40]
    # first person inside an official's turn is that official
    first = [r for r in inner if r["speaker"] in ("I", "we") and r["resolved_by"] == "turn_speaker"]
    assert first and all(r["camp"] in ("western_official", "journalist") for r in first)
    # others reported inside a turn keep their own camp (the PRC's statements are china_official)
    assert any(r["camp"] == "china_official" for r in inner)
