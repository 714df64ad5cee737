"""Quote-mark regex baseline: the simple peer the quote extractor is benchmarked against.

Content = the text between a pair of double quotation marks (straight or curly) on one line;
speaker = the capitalised name or pronoun next to a said-verb adjacent to the quote
(`"...," Smith said`, `"...," said John Smith`, `Smith said: "..."`). No indirect speech, no
coreference, no cue lexicon: it stands for what a few regular expressions give an analyst.

    python bench/regex_baseline.py PATH... [-o OUT.jsonl]

PATH is a .txt file or a folder of them; writes one JSON object per quote in the toolkit's
JSON Lines contract (doc_id = file stem, offsets into the text read as UTF-8 with newline='').
Stdlib only, so its start-up cost is just the interpreter's.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

# A pair of double marks on one line; the negated class keeps matching linear.
QUOTE = re.compile(r'["\u201c\u201e]([^"\u201c\u201d\u201e\n]+)["\u201d]')
# The baseline's fixed said-verb set is part of the peer's definition (it must not grow with the
# toolkit's cue lexicon), hence a literal here rather than a lexicon file.
SAID = (r"(?:said|says|say|told|tells|added|adds|asked|asks|stated|states|explained|explains|wrote|writes|"
        r"noted|notes|argued|argues|warned|warns|replied|continued|concluded|declared|insisted|"
        r"recalled|tweeted|acknowledged|shouted|suggested)")
NAME = r"(?:[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|de|van|von|al))*(?:\s+\([^()\n]{1,20}\))?)"
PRONOUN = r"(?:he|she|they|He|She|They|I|We|we|it|It)"
NOUN_PHRASE = r"(?:[Tt]he|[Aa]n?)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3}"
WHO = rf"(?P<who>{NAME}|{PRONOUN}|{NOUN_PHRASE})"
MARKS = r"[\s,.!?;:\u2014-]{0,3}"
# After the closing mark: `," Mr. Smith said`, `," Flynn, a Trump surrogate, said`, `," said Smith`.
AFTER_WHO_SAID = re.compile(rf"{MARKS}(?P<who>[^\s\"\u201c\u201d,.;:!?][^\"\u201c\u201d\n;:!?]{{0,60}}?),?\s+(?P<cue>{SAID})\b")
AFTER_SAID_WHO = re.compile(rf"{MARKS}(?P<cue>{SAID})\s+(?P<who>{NAME}|{NOUN_PHRASE}|he|she)")
# Before the opening mark, within its sentence: `Smith said: "`, `he also said the plan was "`.
BEFORE_WHO_SAID = re.compile(rf"{WHO}(?:\s+(?:also|later|then|\w+ly))?\s+(?P<cue>{SAID})\b")
SENTENCE_END = re.compile(r"[.!?]\s|\n")
WINDOW = 80  # characters examined on each side; keeps the speaker search constant-time


def _record(doc_id: str, text: str, start: int, end: int, who: re.Match | None) -> dict:
    rec = {"doc_id": doc_id, "start": start, "end": end, "quote": text[start:end],
           "speaker": None, "speaker_start": None, "speaker_end": None,
           "speaker_name": None, "cue": None, "cue_start": None, "cue_end": None, "kind": "direct"}
    if who is not None:
        rec.update(speaker=who.group("who"), speaker_start=who.start("who"), speaker_end=who.end("who"),
                   speaker_name=who.group("who"), cue=who.group("cue"),
                   cue_start=who.start("cue"), cue_end=who.end("cue"))
    return rec


def baseline_quotes(text: str, doc_id: str = "") -> list[dict]:
    """Quotes between paired double marks, each with the adjacent said-verb speaker if any."""
    out = []
    for m in QUOTE.finditer(text):
        limit = min(len(text), m.end() + WINDOW)
        who = AFTER_WHO_SAID.match(text, m.end(), limit) or AFTER_SAID_WHO.match(text, m.end(), limit)
        if who is None:
            window_at = max(0, m.start() - WINDOW)
            cuts = [c.end() for c in SENTENCE_END.finditer(text, window_at, m.start())]
            found = list(BEFORE_WHO_SAID.finditer(text, cuts[-1] if cuts else window_at, m.start()))
            who = found[-1] if found else None  # the said-verb nearest the quote
        out.append(_record(doc_id, text, *m.span(1), who))
    return out


def _text_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return files


def main(argv: list[str] | None = None) -> int:
    """Command line: write the baseline's quotes for PATH... as JSON Lines."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", metavar="PATH", help=".txt file or folder of .txt files")
    ap.add_argument("-o", "--output", default="-", help="output JSONL (default stdout)")
    args = ap.parse_args(argv)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    status = 0
    with out:
        for path in _text_files(args.paths):
            try:
                with open(path, encoding="utf-8", newline="") as fh:
                    text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                print(f"error: {path}: {exc}", file=sys.stderr)
                status = 1
                continue
            for rec in baseline_quotes(text, path.stem):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
