"""The shipped-lexicon readers."""
import re
from pathlib import Path

import pytest

from toolkit import resources
from toolkit.resources import lexicon_path, word_list


def _line_by_line(path: Path) -> frozenset[str]:
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.strip().lower() for line in fh if line.strip() and not line.startswith("#"))


def test_word_list_reads_every_shipped_txt_lexicon_line_by_line():
    names = sorted(p.name for p in lexicon_path("abbreviations.txt").parent.glob("*.txt"))
    assert "lowercase_words.txt" in names
    for name in names:
        assert word_list(name) == _line_by_line(lexicon_path(name)), name


def test_word_list_comments_blanks_case_and_line_ends(tmp_path, monkeypatch):
    (tmp_path / "words.txt").write_bytes(
        "# provenance: test\r\n\r\nSpokesman\r\n  press secretary \n#comment\n  # indented, not a comment\n\tAide\t".encode())
    monkeypatch.setattr(resources, "_LEXICONS", tmp_path)
    word_list.cache_clear()
    try:
        assert word_list("words.txt") == {"spokesman", "press secretary", "# indented, not a comment", "aide"}
    finally:
        word_list.cache_clear()


def test_word_alternation_tries_longer_entries_first_and_matches_them_literally(tmp_path, monkeypatch):
    (tmp_path / "verbs.txt").write_text("sent\nsent out\nu.s.\n")
    monkeypatch.setattr(resources, "_LEXICONS", tmp_path)
    word_list.cache_clear()
    try:
        pattern = re.compile(resources.word_alternation("verbs.txt"))
        assert pattern.match("sent out a text").group() == "sent out"
        assert pattern.match("u.s.").group() == "u.s." and pattern.match("uxsx") is None
    finally:
        word_list.cache_clear()


def test_ordered_alternation_keeps_file_order_and_case_and_matches_phrases_across_spaces(tmp_path, monkeypatch):
    (tmp_path / "media.txt").write_text("# provenance: test\nstatement\npress conference\n\nTV\nop-ed\n")
    monkeypatch.setattr(resources, "_LEXICONS", tmp_path)
    assert resources.ordered_alternation("media.txt") == r"statement|press\s+conference|TV|op-ed"
    assert re.compile(resources.ordered_alternation("media.txt")).match("press \n conference").group() \
        == "press \n conference"


def test_ordered_alternation_refuses_regex_syntax(tmp_path, monkeypatch):
    (tmp_path / "abbrevs.txt").write_text("U.S.\n")
    monkeypatch.setattr(resources, "_LEXICONS", tmp_path)
    with pytest.raises(ValueError, match="plain word"):
        resources.ordered_alternation("abbrevs.txt")


def test_ordered_alternation_of_shipped_lists_starts_with_the_patterns_that_were_in_the_code():
    # new entries go at the end: the regex cache is keyed by pattern text, and the order of alternatives can change
    # what a regex matches
    was_in_the_code = {
        "medium_nouns.txt": r"statement|interview|speech|rally|press\s+conference|news\s+conference|conference\s+call"
                            r"|email|e-mail|tweet|Twitter|Facebook|post|op-ed|letter|memo|appearance|debate|town\s+hall"
                            r"|hearing|radio|television|TV|show|program",
        "irregular_pasts.txt": "went|made|took|gave|left|got|came|became|ran|won|lost|met|kept|held|brought|began|spent"
                               "|sent|saw|wrote|led|fought|sought|thought|bought|stood|sat|paid|told|found",
        "aspect_verbs.txt": "started|starts|start|began|begun|begin|begins|kept|keeps|keep|stopped|stops|stop"
                            "|continued|continues|continue|resumed|quit",
        "work_title_nouns.txt": "host|anchor|author|star|editor|book|show|film|movie|memoir|novel|documentary|series",
        "go_between_nouns.txt": "lawyer|attorney|spokesman|spokeswoman|spokesperson",
        "noun_subject_verbs.txt": "came|comes|seems|seemed|appears|appeared|serves|served|remains|remained",
        "speech_particle_pasts.txt": "went|shot|cut|spoke|broke",
        "showing_verbs.txt": "showing|carrying|holding|depicts|shows",
        "when_time_nouns.txt": "times|time|days|day|moment|years|year|period|point",
    }
    for name, pattern in was_in_the_code.items():
        alternation = resources.ordered_alternation(name)
        assert alternation == pattern or alternation.startswith(pattern + "|"), name


def test_every_shipped_lexicon_has_a_row_in_the_lexicons_readme():
    folder = lexicon_path("abbreviations.txt").parent
    readme = (folder / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"[\w.-]+\.(?:txt|csv|json)", readme))
    assert {p.name for p in folder.iterdir() if p.name != "README.md"} <= listed
