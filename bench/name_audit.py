"""Audit the resolved speaker names (`speaker_name`) the CLI writes: suspicious values by class, and a sample.

    python bench/name_audit.py --split train [--sample 100 --seed 1] [--show CLASS --n 20]

PolNeAR does not score `speaker_name` (the resolved person an analyst counts: "Li" and "he" -> "Li Hui"),
so this script measures it: it runs toolkit.pipeline.article_quotes (the CLI's path) over a PolNeAR split
and flags names an analyst would reject at a glance. A name may fall in several classes:

  function_word   a function word inside or at the edge of the name ("When Sarah McBride")
  time_word       a weekday or month in the name ("Philadelphia Wednesday")
  not_in_article  the name, as words, is written nowhere in the article ("George W Bush" from "George W. Bush")
  headline_only   the name is written only in the first line (the headline): title-case words taken in
  line_break      the name is written only across a line break
  place           a person, pronoun or title speaker resolved to a place (lexicons/places.txt)
  organisation    a person, pronoun or title speaker resolved to an organisation name (speaker_nouns.csv)
  unrelated       a named (person) speaker resolved to a name that shares no word with the mention
  coordinated     a mention whose head names two people ("X and Y said") resolved to one name

`--sample N` prints N random names (seeded) with mention, type and sentence, to be checked by hand.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.corpus import read_text  # noqa: E402
from toolkit.mentions import vocab  # noqa: E402
from toolkit.pipeline import article_quotes  # noqa: E402
from toolkit.resources import word_list  # noqa: E402
from toolkit.segment import sentences  # noqa: E402

SHARED = ROOT.parent / "shared"
WORD = re.compile(r"[\w’'-]+")
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "june", "july", "august", "september", "october", "november", "december"}
CLASSES = ("function_word", "time_word", "not_in_article", "headline_only", "line_break", "place", "organisation",
           "unrelated", "coordinated")


def _flat(s: str) -> str:
    """Words only, lower case, one space between: periods of initials, line breaks, possessives do not count."""
    return " ".join(w[:-2] if w.endswith("'s") else w.rstrip("'") for w in WORD.findall(s.replace("’", "'").lower()))


def classify(rec: dict, text: str, flat_text: str, flat_head: str, lex: dict) -> list[str]:
    """Suspicion classes of one record's speaker_name (see the module docstring)."""
    name, mention, typ = rec["speaker_name"], rec["speaker"] or "", rec.get("speaker_type")
    words = [w.lower() for w in WORD.findall(name)]
    low = name.lower()
    out = []
    # ("the" opening an organisation written as the mention, "the FBI", is the mention's, not a name's)
    if any(w in lex["function"] for w in words[words[:1] == ["the"]:] if len(w) > 1):
        out.append("function_word")
    if any(w in TIME_WORDS for w in words):
        out.append("time_word")
    flat = _flat(name)
    if any(f" {_flat(person)} " not in flat_text for person in name.split(" and ")):
        out.append("not_in_article")
    elif f" {flat} " in flat_head and f" {flat} " not in flat_text[len(flat_head) - 1:]:
        out.append("headline_only")
    parts = [re.escape(w) for w in name.split()]
    if len(parts) > 1 and name not in text and re.search(r"[ \t]+".join(parts), text) is None \
            and re.search(r"\s+".join(parts), text):
        out.append("line_break")
    if typ in ("person", "pronoun", "title") and name != mention:
        if low in lex["places"] or " ".join(words[-2:]) in lex["places"] and len(words) <= 2:
            out.append("place")
        if words and words[-1] in lex["organisations"]:
            out.append("organisation")
    if typ == "person" and words and not set(flat.split()) & set(_flat(mention).split()):
        out.append("unrelated")
    head = re.split(r"[,(;:]|\s[—–―]|\s--|\s(?:who|which)\b", mention, maxsplit=1)[0]
    caps = re.search(r"[A-Z][\w’'.-]* and [A-Z]", head)
    if typ == "person" and caps and " and " not in name:
        out.append("coordinated")
    return out


def run(split: str) -> list[tuple[str, str, dict]]:
    """(doc_id, text, record) of every record whose speaker_name is a name, via the CLI's per-article step."""
    out = []
    for p in sorted((SHARED / "polnear" / split / "text").glob("*.txt")):
        text = read_text(p)
        for rec in article_quotes(text, p.stem):
            name = rec.get("speaker_name")
            # a name: what a person mention reads as, or what resolution made of any mention ("he" -> "Li Hui");
            # a group or pronoun left as written ("Western officials", "they") is a mention, not a name
            if name and not rec.get("turn") and (rec.get("speaker_type") == "person" or _flat(name) != _flat(rec["speaker"])):
                out.append((p.stem, text, rec))
    return out


def _sentence(text: str, pos: int) -> str:
    for s, e in sentences(text[max(0, pos - 600):pos + 600]):
        if s <= min(pos, 600) < e:
            return " ".join(text[max(0, pos - 600) + s:max(0, pos - 600) + e].split())
    return ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--sample", type=int, default=0, help="random names to print for hand-checking")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", default=None, help="print examples of this class")
    ap.add_argument("--n", type=int, default=20)
    args = ap.parse_args(argv)
    if not (SHARED / "polnear" / args.split / "text").is_dir():
        print(f"PolNeAR not found under {SHARED / 'polnear'}", file=sys.stderr)
        return 2
    v = vocab()
    lex = {"function": word_list("function_words.txt"), "places": word_list("places.txt"),
           "organisations": {n for n, t in v["nouns"].items() if t == "organisation"}}
    rows = run(args.split)
    counts: Counter = Counter()
    shown = 0
    flat_memo: dict = {}
    for doc_id, text, rec in rows:
        if doc_id not in flat_memo:
            head = text.split("\n", 1)[0]
            flat_memo[doc_id] = (f" {_flat(text)} ", f" {_flat(head)} ")
        classes = classify(rec, text, *flat_memo[doc_id], lex)
        counts.update(classes)
        counts["any"] += bool(classes)
        if args.show in classes and shown < args.n:
            shown += 1
            print(f"[{args.show}] {doc_id}: {rec['speaker_name']!r} for {rec['speaker']!r} ({rec['speaker_type']})")
    names = len(rows)
    print(f"{args.split}: {names} records with a name, {len({(d, r['speaker_name']) for d, _, r in rows})} "
          f"distinct per article")
    for c in (*CLASSES, "any"):
        print(f"  {c:15s} {counts[c]:6d}  {100 * counts[c] / max(names, 1):5.1f}%")
    if args.sample:
        rng = random.Random(args.seed)
        for k, (doc_id, text, rec) in enumerate(rng.sample(rows, min(args.sample, names)), 1):
            print(f"\n{k:3d}. {doc_id} [{rec['kind']}/{rec['speaker_type']}] {rec['speaker']!r} -> "
                  f"{rec['speaker_name']!r}\n     {_sentence(text, rec['speaker_start'])[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
