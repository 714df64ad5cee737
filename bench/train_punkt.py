"""Train the Punkt sentence-splitter parameters on PolNeAR train and write toolkit/lexicons/punkt_en_news.json.

    .venv/bin/python bench/train_punkt.py [--data ../shared/polnear/train/text]

The JSON is readable (abbreviation types, collocations, sentence starters, orthographic context
flags per word type) and is what toolkit.segment loads; abbreviations.txt is merged at load time.
Only derived statistics are written, never PolNeAR text.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

from toolkit.segment import NewsLanguageVars

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "lexicons" / "punkt_en_news.json"
LOWERCASE_OUT = ROOT / "toolkit" / "lexicons" / "lowercase_words.txt"
# A word clearly inside a sentence: after a lower-case word or a comma on the same line.
MID_WORD = re.compile(r"(?<=[a-z,] )([A-Za-z][a-z]+)\b(?![’'.-]\w)")


def lowercase_words(texts: list[str], min_count: int = 3, max_upper: float = 0.05) -> list[str]:
    """Words written in lower case in at least 95% of their mid-sentence uses (min_count uses or more).

    Capitalised mid-line, such a word is evidence of a sentence start (toolkit.cleaning uses this to
    find run-in subheadings glued before a sentence).
    """
    lower, upper = Counter(), Counter()
    for text in texts:
        for m in MID_WORD.finditer(text):
            w = m.group(1)
            (upper if w[0].isupper() else lower)[w.lower()] += 1
    return sorted(w for w, n in lower.items()
                  if n >= min_count and upper[w] <= max_upper * (n + upper[w]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "polnear" / "train" / "text"))
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    files = sorted(Path(args.data).glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt files under {args.data}")
    trainer = PunktTrainer(lang_vars=NewsLanguageVars())
    trainer.INCLUDE_ALL_COLLOCS = False
    texts = [path.read_text(encoding="utf-8") for path in files]
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    data = {
        "_provenance": f"nltk PunktTrainer {__import__('nltk').__version__} on {len(files)} PolNeAR train texts "
                       "by bench/train_punkt.py; word types and counts only, no text",
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([list(c) for c in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    Path(args.out).write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(data['abbrev_types'])} abbreviations, {len(data['collocations'])} collocations, "
          f"{len(data['sent_starters'])} sentence starters, {len(data['ortho_context'])} word types")
    words = lowercase_words(texts)
    with open(LOWERCASE_OUT, "w", encoding="utf-8") as fh:
        fh.write(f"# Words written in lower case in >= 95% of their mid-sentence uses in {len(files)} PolNeAR train\n"
                 "# texts (>= 3 uses); derived by bench/train_punkt.py (word list only, no text). Capitalised\n"
                 "# mid-line they mark a sentence start: toolkit.cleaning uses them to find run-in subheadings.\n")
        fh.write("\n".join(words) + "\n")
    print(f"wrote {LOWERCASE_OUT}: {len(words)} words")


if __name__ == "__main__":
    main()

