"""Train the Punkt sentence-splitter parameters on PolNeAR train and write toolkit/lexicons/punkt_en_news.json.

    .venv/bin/python bench/train_punkt.py [--data ../shared/polnear/train/text]

The JSON is readable (abbreviation types, collocations, sentence starters, orthographic context
flags per word type) and is what toolkit.segment loads; abbreviations.txt is merged at load time.
Only derived statistics are written, never PolNeAR text.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

from toolkit.segment import NewsLanguageVars

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "lexicons" / "punkt_en_news.json"


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
    for path in files:
        trainer.train(path.read_text(encoding="utf-8"), finalize=False)
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


if __name__ == "__main__":
    main()
