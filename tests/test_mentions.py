"""Speaker mentions next to a cue (mention_before / mention_after) and their resolution to full names."""
from __future__ import annotations

import pytest

from toolkit.mentions import NameIndex, mention_after, mention_before


def before(text: str, cue: str) -> str | None:
    m = mention_before(text, text.index(cue), 0)
    return None if m is None else text[m.start:m.end]


def after(text: str, cue: str) -> str | None:
    pos = text.index(cue) + len(cue)
    m = mention_after(text, pos, len(text))
    return None if m is None else text[m.start:m.end].strip()


@pytest.mark.parametrize("text, cue, speaker", [
    ("Li said the talks were useful.", "said", "Li"),
    ("Western officials interviewed by the WSJ expressed doubts.", "expressed", "Western officials"),
    ("Scott Goodstein, its chief executive officer, said the plan failed.", "said",
     "Scott Goodstein, its chief executive officer"),
    ("But the senator said no.", "said", "the senator"),
    ("The group, which says it has 5,000 members, left.", "says", "which"),
    # frequency and degree adverbs between the speaker and the cue (mention_words.csv skip words)
    ("The American Legion has twice complained to the campaign.", "complained", "The American Legion"),
    ("Few politicians would ever admit this.", "admit", "Few politicians"),
    ("Sanders has sometimes acknowledged the problem.", "acknowledged", "Sanders"),
    ("Her supporters can’t quite say goodbye.", "say", "Her supporters"),
])
def test_mention_before_a_cue(text, cue, speaker):
    assert before(text, cue) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("“It works,” said Jared Bernstein, a senior fellow.", "said", "Jared Bernstein"),
    ("“It works,” says a source involved in the talks.", "says", "a source involved"),
    ("“It works,” said former Gov. Bill Richardson of New Mexico.", "said",
     "former Gov. Bill Richardson of New Mexico"),
    # a title noun between a capitalised modifier and the name
    ("“It works,” said GOP strategist Charlie Black, a former partner.", "said", "GOP strategist Charlie Black"),
    # a lower-case word with a period ends the sentence: the capital after it opens the next one
    ("The law applies, according to the news outlet. It even covers statements.", "according to",
     "the news outlet"),
    ("The law applies, according to the outlet. Critics disagree.", "according to", "the outlet"),
])
def test_mention_after_a_cue(text, cue, speaker):
    assert after(text, cue) == speaker


def test_abbreviations_inside_a_name_do_not_end_it():
    text = "“It works,” said Sen. Ted Cruz of Texas."
    assert after(text, "said") == "Sen. Ted Cruz of Texas"


def test_name_index_resolves_surname_title_and_pronoun():
    text = ("Russian Foreign Minister Sergei Lavrov met Li Hui. Lavrov said the talks were useful. "
            "He added more.")
    names = NameIndex.build(text)
    m = mention_before(text, text.index("said"), text.index("Lavrov said"))
    assert names.resolve(text, m) == "Sergei Lavrov"
    m = mention_before(text, text.index("added"), text.index("He added"))
    # the latest person before it, here named by surname ("Lavrov said ... He added"), not the latest full name
    assert text[m.start:m.end] == "He" and names.resolve(text, m) == "Sergei Lavrov"
    text = "Russian Foreign Minister Sergei Lavrov met Li Hui. He added more."
    m = mention_before(text, text.index("added"), text.index("He added"))
    assert NameIndex.build(text).resolve(text, m) == "Li Hui"  # latest full name before it


def test_a_period_after_a_short_name_ends_it_but_a_title_does_not():
    text = "Foreign Minister Sergei Lavrov met Li Hui. Lavrov praised former Gov. Bill Richardson."
    full = [n[2] for n in NameIndex.build(text).names]
    assert "Li Hui" in full and "Bill Richardson" in full and not any("Hui. Lavrov" in n for n in full)


def test_lower_case_title_with_of_before_a_name():
    text = "“It works,” said former secretary of state Hillary Clinton, who praised Bush."
    assert after(text, "said") == "former secretary of state Hillary Clinton"
    # "of" with no name after it ends the phrase
    assert after("“It works,” said most of them on Tuesday.", "said") == "most"


@pytest.mark.parametrize("text, cue, speaker", [
    # a time phrase between the speaker and the cue is skipped
    ("Zucker, who in the past has voiced the desire to run, told BuzzFeed he would consider it.", "voiced", "who"),
    # a quote written with two single marks ends the walk like a double mark
    ("They admire him as a ''provider,'' a study by a Russian sociologist, Mikhail Dmitriyev, concluded.",
     "concluded", "a study by a Russian sociologist, Mikhail Dmitriyev"),
])
def test_speaker_walk_over_time_phrases_and_two_mark_quotes(text, cue, speaker):
    assert before(text, cue) == speaker


def test_a_time_phrase_after_a_cue_is_no_speaker():
    assert after("The study concluded this year.", "concluded") is None
    assert after("“It works,” said Tuesday.", "said") is None


@pytest.mark.parametrize("text, speaker", [
    # "to" before a determiner or a name is a preposition inside the phrase, before a verb an infinitive
    ("Another intelligence source speaking to Fox News said", "Another intelligence source speaking to Fox News"),
    ("People close to the campaign said", "People close to the campaign"),
    # a restrictive relative clause: the speaker is the noun it is about
    ("A White House official who spoke anonymously to discuss internal strategy said", "A White House official"),
    ("Voters who support Trump said", "Voters"),
    # a lower-case word with a period ends the walk (a sentence boundary inside the window)
    ("He praised Bush, who fought terror. The man who knew Obama said", "The man"),
    # a capitalised title takes its "to" phrase too
    ("The trip was cancelled, Chad’s Ambassador to France confirmed", "Chad’s Ambassador to France"),
    # two groups of people coordinated by "and" are one speaker
    ("Support is strong among younger members, teachers and union officials told", "teachers and union officials"),
    ("The ruling was expected, lawyers and judges said", "lawyers and judges"),
    # a parenthesis closing right before the comma of an apposition
    ("Another former lawmaker, Sen. Joe Lieberman (I-Conn.), also stated",
     "Another former lawmaker, Sen. Joe Lieberman (I-Conn.)"),
])
def test_speaker_phrase_with_prepositions_and_relative_clauses(text, speaker):
    assert before(text, text[text.rindex(" ") + 1:]) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("Instead, Will called for Republicans to unite behind the governor.", "called", "Will"),
    ("Polk County GOP Chairman Will Rogers, for example, said the visit helped.", "said",
     "Polk County GOP Chairman Will Rogers, for example"),
    ("Prime Minister Theresa May said the talks would go on.", "said", "Prime Minister Theresa May"),
    # a title-case headline keeps the auxiliary a verb
    ("Trump May Not Have Suggested A Database", "Suggested", "Trump"),
])
def test_capitalised_auxiliary_inside_a_sentence_is_a_name(text, cue, speaker):
    assert before(text, cue) == speaker


def test_us_in_capitals_is_the_country_not_the_pronoun():
    text = "“Donald J. Trump!” US Senator Jeff Sessions said as he launched the roll call."
    assert before(text, "said") == "US Senator Jeff Sessions"


def test_tokens_keep_abbreviations_possessives_and_hyphens_in_one_word():
    from toolkit.mentions import _tokens

    text = "The judges’ ruling, U.S. Rep. Jean-Pierre O'Neil & Co.'s lawyer__ said -- 'fine'"
    toks, base = _tokens(text, 0, len(text))
    assert [t for _, t in toks] == ["The", "judges", "’", "ruling", ",", "U.S.", "Rep.", "Jean-Pierre", "O'Neil",
                                    "&", "Co.'s", "lawyer__", "said", "-", "-", "'", "fine", "'"]
    assert base == 0 and "".join(g + t for g, t in toks) == text


def test_offsets_counted_back_from_the_cue_match_offsets_counted_from_the_window_start():
    from toolkit.mentions import _back_span, _span, _tokens

    text = "Asked about it Tuesday, Seth McKee, a political scientist at Texas Tech University, told  reporters"
    lo = text.index("Tuesday") + 2  # a window starting inside a word drops the fragment
    toks, base = _tokens(text, lo, text.index("reporters"))
    assert toks[0][1] == ","
    for i in range(len(toks)):
        for k in range(i + 1):
            assert _back_span(text, toks, base, text.index("reporters"), k, i) == _span(toks, base, k, i)


@pytest.mark.parametrize("text", [
    "He said no.", "she said no.", "Later they said no.", "At noon we said no.", "I said no.", "THEY said no.",
    "Then he  said no.", "Thus he\tsaid no.", "The mayor said no.", "Trump’s team said no.", "Those who said no.",
    "And She said no.", "So WE said no.", "Then They said no.", "As the said no.", "I  said no.", "i said no.",
])
def test_pronoun_fast_path_agrees_with_the_pattern(text):
    # mention_before skips PRONOUN_BEFORE when the letter before the cue's space ends no pronoun in it
    # (PRONOUN_LAST_LETTERS, read off the pattern) or the two letters before it end none (PRONOUN_ENDS): the skip
    # must never hide a match
    from toolkit.mentions import PRONOUN_BEFORE, PRONOUN_ENDS, PRONOUN_LAST_LETTERS
    cs = text.index("said")
    assert PRONOUN_LAST_LETTERS and PRONOUN_ENDS
    if PRONOUN_BEFORE.search(text, max(0, cs - 12), cs) is not None:
        assert cs < 3 or text[cs - 1] != " " or text[cs - 2] in PRONOUN_LAST_LETTERS and (
            text[cs - 3:cs - 1] in PRONOUN_ENDS or text[cs - 2] in PRONOUN_ENDS) or text[cs - 2].isspace()
        assert before(text, "said").lower() in ("he", "she", "they", "we", "i")


def test_tokens_ahead_are_the_head_of_the_window():
    # mention_after tokenizes only a prefix of its window, cut at a space: the same first tokens
    from toolkit.mentions import AFTER_TOKENS, _tokens, _tokens_ahead
    text = ("“We will not back down,” said former Gov. Bill Richardson of New Mexico, a Democrat who served "
            "as U.N. ambassador under President Bill Clinton and as energy secretary, in a statement on Tuesday "
            "night after the vote in the state Senate was delayed for a second time this week.")
    pos = text.index("said") + len("said")
    head, base = _tokens_ahead(text, pos, len(text), AFTER_TOKENS + 2)
    whole, base_whole = _tokens(text, pos, len(text))
    assert base == base_whole and AFTER_TOKENS + 2 <= len(head) < len(whole)
    assert whole[:len(head)] == head
    assert after(text, "said") == "former Gov. Bill Richardson of New Mexico"


@pytest.mark.parametrize("text, speaker", [
    ("Yet Democratic economists, like their Republican counterparts, say taxes encourage saving.",
     "Democratic economists, like their Republican counterparts"),
    ("Even the field's biggest hawks, like Rubio and Bush, say the troops should be Arab fighters.",
     "the field's biggest hawks, like Rubio and Bush"),
])
def test_opening_adverb_before_a_subject_with_an_aside(text, speaker):
    cue = text.index(" say ") + 1
    m = mention_before(text, cue, 0)
    assert m is not None and text[m.start:m.end] == speaker


def test_longer_parenthesis_between_speaker_and_cue():
    text = ("Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says he was "
            "unfocused.")
    m = mention_before(text, text.index(" says") + 1, 0)
    assert m is not None and text[m.start:m.end] == "Sen. Chris Murphy"


@pytest.mark.parametrize("text, cue, speaker", [
    ("Hillary Clinton and former Maryland Gov. Martin O’Malley have pledged to act.", "pledged",
     "Hillary Clinton and former Maryland Gov. Martin O’Malley"),
    ("Current and former officials said the unit had been hollowed out.", "said", "Current and former officials"),
])
def test_coordinated_speaker_with_a_lower_case_title_modifier(text, cue, speaker):
    m = mention_before(text, text.index(" " + cue) + 1, 0)
    assert m is not None and text[m.start:m.end] == speaker


def _name_of(text: str, cue: str) -> str:
    """speaker_name of the quote record whose cue is `cue` (the CLI's resolution of its speaker)."""
    from toolkit.quotes import extract_quotes

    return next(r["speaker_name"] for r in extract_quotes(text) if r["cue"] == cue)


@pytest.mark.parametrize("text, cue, name", [
    # a sentence-initial subordinator is no part of the name it precedes
    ("Another first.\n\nWhen Sarah McBride took the stage Thursday, she became the first transgender person to "
     "speak at a convention. “Tomorrow can be different,” McBride said.", "said", "Sarah McBride"),
    # a place before a weekday is no name; the initial keeps its period, as written
    ("Senate Minority Leader Harry M. Reid (D-Nev.) told reporters that Donald Trump may have broken the law.\n\n"
     "Reid was among friends with the Nevada delegation in Philadelphia Wednesday morning.\n\n"
     "And he made the suggestion that Trump should receive only false information.", "suggestion", "Harry M. Reid"),
    # the title-case words of a headline are not taken into the name they stand before
    ("Why Progressives Are Celebrating Hillary Clinton’s Populist Economic Speech.\n\nProgressive groups "
     "encouraging Hillary Clinton to run on bold economic change are hailing the speech.\n\n"
     "Clinton said the economy is rigged.", "said", "Hillary Clinton"),
    # a speaker phrase headed by two people: both, not a place in the apposition after them
    ("Felicia Sanders and Polly Sheppard, two of the three people who survived a shooting at a church in "
     "Charleston, South Carolina, last year, said they forgive the killer.", "said",
     "Felicia Sanders and Polly Sheppard"),
    # an aside between dashes names another man: the speakers are the names before it
    ("Other prominent Republicans, like Richard Armitage, Henry Paulson and Brent Scowcroft — three former "
     "George W. Bush administration big shots — have also said they’re supporting Clinton.", "said",
     "Henry Paulson and Brent Scowcroft"),
    # a full name resolves to itself, not to the first full name with its surname
    ("Former President Bill Clinton campaigned in Iowa this week.\n\nHillary Clinton said the tests help "
     "children.", "said", "Hillary Clinton"),
    # a pronoun is the latest person named, by surname too, passing over a possessor
    ("Donald Trump took to Twitter on Wednesday after James Comey spoke. Trump tweeted, quoting Comey’s "
     "statement. He added that she was careless.", "added", "Donald Trump"),
    ("Ben Carson campaigned in South Carolina on Monday. He said the primary mattered.", "said", "Ben Carson"),
    # a title before its name in the head, after a dateline
    ("PARIS, Aug 31 (Reuters) - France’s far-right National Front party leader, Marine Le Pen, voiced support "
     "for Donald Trump on Wednesday.", "voiced", "Marine Le Pen"),
])
def test_speaker_names_from_real_sentence_shapes(text, cue, name):
    assert _name_of(text, cue) == name


def test_who_is_the_person_just_before_it_or_left_as_written():
    text = "“I don’t know,” said Senate Minority Leader Harry Reid, who called on Grayson to quit."
    m = mention_before(text, text.index("called"), 0)
    assert text[m.start:m.end] == "who" and NameIndex.build(text).resolve(text, m) == "Harry Reid"
    # the noun before "who" is no name: it stays "who" rather than take a name further back
    text = "Norm Coleman backs Mr. Rubio. He cited a memo from Mr. Rubio's campaign manager, who argued the case."
    m = mention_before(text, text.index("argued"), 0)
    assert text[m.start:m.end] == "who" and NameIndex.build(text).resolve(text, m) == "who"


def test_places_and_headline_words_are_no_names_in_the_index():
    text = ("Why Progressives Are Celebrating Hillary Clinton’s Speech.\n\nHillary Clinton spoke in "
            "New Hampshire on Super Tuesday.")
    full = {n[2] for n in NameIndex.build(text).names}
    assert full == {"Hillary Clinton"}


def test_tokens_are_those_of_the_plain_token_pattern():
    # TOKEN tries ASCII letters and digits first (a speed-up): the tokens and the gaps before them must stay those
    # of the plain pattern, in other scripts, with underscores, numbers and inner marks too
    import re

    from toolkit.mentions import TOKEN_GAP
    plain = re.compile(r"([\s_]*+)([^\W_][\w.]*+(?:[’'&-]++[\w.]++)*+|[^\w\s])")
    text = ("Russia's Foreign Minister Sergei Lavrov (Сергей Лавров) told China’s envoy Li Hui (李辉) on 26.5.2023 "
            "that U.S.-led talks were “a non-starter” -- a_b __x ü_ _ü x’_y 3.4 ’s 'tis Ⅻ ٣ café-au-lait a&&b ½ ² 𝐀b")
    assert TOKEN_GAP.findall(text) == plain.findall(text)
    assert ("", "Сергей") in TOKEN_GAP.findall(text) and (" ", "U.S.-led") in TOKEN_GAP.findall(text)


def test_a_title_resolves_to_the_latest_name_written_with_those_titles():
    text = ("Russian Foreign Minister Sergei Lavrov met China's special envoy Li Hui in Moscow. Secretary of State "
            "Antony Blinken spoke with Jake Sullivan later. The foreign minister said the talks were useful.")
    names = NameIndex.build(text)
    m = mention_before(text, text.index("said"), text.index("The foreign"))
    assert text[m.start:m.end] == "The foreign minister" and m.type == "title"
    # the later names are written without these titles (Sullivan) or with others (Blinken): passed over
    assert names.resolve(text, m) == "Sergei Lavrov"
    # no name written with titles before the mention: it is left as written
    text = "Jake Sullivan met Li Hui. The foreign minister said the talks were useful."
    m = mention_before(text, text.index("said"), text.index("The foreign"))
    assert NameIndex.build(text).resolve(text, m) == "The foreign minister"


def test_names_with_and_without_abbreviations_in_the_index():
    text = ("Former Gov. Bill Richardson met George W. Bush and Joseph R. Biden Jr. in Washington. "
            "Hillary Clinton, Richardson and Biden spoke later.")
    names = NameIndex.build(text)
    full = [n[2] for n in names.names]
    # a title's period is dropped, an initial's kept; a suffix is part of the name but not its surname key
    assert full == ["Bill Richardson", "George W. Bush", "Joseph R. Biden Jr", "Hillary Clinton"]
    assert names.names[0][3] == {"former", "gov"} and names.names[3][3] == frozenset()
    assert names.by_last["Biden"] == "Joseph R. Biden Jr" and names.by_last["Richardson"] == "Bill Richardson"
    assert text[names.names[2][0]:names.names[2][1]] == "Joseph R. Biden Jr"
