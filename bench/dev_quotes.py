"""Run extract_quotes over a PolNeAR split, write JSONL, score it with the reference scorer.

    python bench/dev_quotes.py --split train [--via-pipeline] [--out pred.jsonl]
    python bench/dev_quotes.py --split train --errors [--examples REASON --n 40]
    python bench/dev_quotes.py --split train --halves --out pred.jsonl

`--halves` also scores the two halves of the split (articles at even and odd positions in doc_id order) apart:
the team keeps a rule only if it gains on both halves of train, so that one half's articles cannot carry it.

`--errors` adds an error breakdown (development aid, uses the reference scorer's matching):
gold attributions missed, by reason (no cue found / cue found but content boundary wrong /
content found but speaker wrong) and by cue word, and false positives by predicted cue lemma.
`--examples REASON` prints that many missed or spurious cases with their sentence, for reading.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CONTRACT = ("doc_id", "start", "end", "quote", "speaker", "speaker_start", "speaker_end", "speaker_name",
            "cue", "cue_start", "cue_end", "kind")
WORD = re.compile(r"\w+")


def _scorer():
    """The reference scorer module (../shared/eval/score.py), imported for its matching functions."""
    sys.path.insert(0, str(SHARED / "eval"))
    spec = importlib.util.spec_from_file_location("ref_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _cue_key(text: str) -> str:
    words = [w.lower() for w in re.findall(r"[\w’'-]+|:", text)]
    return " ".join(words[:2]) if words else "-"


def error_breakdown(split: str, preds_by_doc: dict, examples: str | None, n_examples: int, top: int) -> None:
    """Print misses, boundary errors, speaker errors and false positives by reason and cue."""
    sc = _scorer()
    docs = sc.polnear.load_split(str(SHARED / "polnear"), split)
    from toolkit.cues import cue_table
    known = cue_table()
    reasons: Counter = Counter()
    by_cue: dict = defaultdict(Counter)
    shown: list = []

    def note(reason: str, key: str, doc, span: tuple, extra: str = "") -> None:
        reasons[reason] += 1
        by_cue[reason][key] += 1
        if examples and reason.startswith(examples) and len(shown) < n_examples:
            s, e = span
            lo = max(doc.text.rfind("\n", 0, s) + 1, s - 300)
            hi = doc.text.find("\n", e)
            hi = min(len(doc.text) if hi < 0 else hi, e + 200)
            shown.append(f"--- {reason} [{key}] {doc.doc_id} {extra}\n{doc.text[lo:hi]}")

    for doc in docs:
        preds = preds_by_doc.get(doc.doc_id, [])
        tok = sc.TokenIndex(doc.text)
        views = [sc.GoldView(tok, g) for g in doc.attributions]
        raw = [tok.words([(p["start"], p["end"])]) for p in preds]
        owner = sc.assign(raw, views)
        eff = [views[gi].effective(raw[pi]) if gi is not None else raw[pi] for pi, gi in enumerate(owner)]
        members = defaultdict(list)
        for pi, gi in enumerate(owner):
            if gi is not None:
                members[gi].append(pi)
        used = set()
        for gi, v in enumerate(views):
            g = v.gold
            found, chosen = sc.group(v, members[gi], eff, "overlap", 0.5)
            key = _cue_key(g.cue_text)
            gspan = (g.start, g.end)
            kind = g.kind + ("/speech-cue" if g.kind == "indirect" and sc.SPEECH_CUE.search(g.cue_text) else "")
            what = f"GOLD src={g.source_text!r} cue={g.cue_text!r} content={g.content_text[:200]!r}"
            if found:
                used.update(chosen)
                p = preds[chosen[0]]
                if g.has_source and not (sc._span_words(tok, p, "speaker") & tok.words(g.source)):
                    why = "speaker null" if p["speaker_start"] is None else "speaker wrong"
                    note(f"{kind}: {why}", key, doc, gspan, f"{what}\n    PRED speaker={p['speaker']!r} cue={p['cue']!r}")
                continue
            touching = [pi for pi, pw in enumerate(raw) if pw & v.words]
            first_cue = (g.cue_text.split() or ["-"])[0].lower().strip(":")
            if members[gi]:
                p = preds[members[gi][0]]
                pw, gw = eff[members[gi][0]], v.words
                shape = "too long" if len(pw - gw) > len(gw - pw) else "too short"
                note(f"{kind}: boundary {shape}", key, doc, gspan,
                     f"{what}\n    PRED {p['quote'][:200]!r} cue={p['cue']!r}")
            elif touching:
                note(f"{kind}: taken by another gold", key, doc, gspan, what)
            elif first_cue in known or g.cue_text.lower() in known:
                note(f"{kind}: missed, cue known", key, doc, gspan, what)
            else:
                note(f"{kind}: missed, cue unknown", key, doc, gspan, what)
        for pi, p in enumerate(preds):
            if pi in used:
                continue
            kind = sc.text_kind(p["quote"])
            key = _cue_key(p["cue"] or "-")
            why = "FP spurious" if owner[pi] is None else "FP boundary/duplicate"
            note(f"{why} ({kind})", key, doc, (p["start"], p["end"]),
                 f"PRED speaker={p['speaker']!r} cue={p['cue']!r} quote={p['quote'][:200]!r}")

    print(f"\nerror breakdown ({split})")
    for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1]):
        cues = ", ".join(f"{k} {c}" for k, c in by_cue[reason].most_common(top))
        print(f"{n:6d}  {reason:<34} {cues}")
    if shown:
        print("\n" + "\n".join(shown))


def half_scores(split: str, path: str) -> list[str]:
    """One line per half of the split (even / odd article positions in doc_id order, then all): speech-cue
    contents found / gold, all overlap F1 and content+speaker F1, by the reference scorer."""
    sc = _scorer()
    docs = sorted(sc.polnear.load_split(str(SHARED / "polnear"), split), key=lambda d: d.doc_id)
    loaded = sc.load_predictions(path, {d.doc_id: d.text for d in docs})
    preds = loaded[0] if isinstance(loaded, tuple) else loaded
    lines = []
    for name, part in (("even", docs[0::2]), ("odd", docs[1::2]), ("all", docs)):
        r = sc.score(part, preds)
        speech, every = r["indirect:speech-cue"], r["all"]
        found = round(speech["overlap"]["r"] * speech["n_gold"])
        lines.append(f"{name:5} speech-cue {found}/{speech['n_gold']}  all overlap F1 {every['overlap']['f1']:.4f}"
                     f"  e2e F1 {every['e2e']['f1']:.4f}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--via-pipeline", action="store_true", help="call toolkit.pipeline.article_quotes")
    ap.add_argument("--out", default=None,
                    help="where to write the predictions (default: a file of this run's own, deleted after scoring)")
    ap.add_argument("--errors", action="store_true", help="print an error breakdown after the scores")
    ap.add_argument("--examples", default=None, help="print examples of the breakdown rows starting with this")
    ap.add_argument("--n", type=int, default=30, help="how many examples")
    ap.add_argument("--top", type=int, default=12, help="cue words listed per breakdown row")
    ap.add_argument("--halves", action="store_true",
                    help="also score the even and odd halves of the split's articles apart")
    args = ap.parse_args(argv)
    text_dir = SHARED / "polnear" / args.split / "text"
    if not text_dir.is_dir():
        print(f"PolNeAR not found at {text_dir}", file=sys.stderr)
        return 2
    if args.via_pipeline:
        from toolkit.pipeline import article_quotes as fn
    else:
        from toolkit.quotes import extract_quotes as fn
    docs = []
    for p in sorted(text_dir.glob("*.txt")):
        with open(p, encoding="utf-8", newline="") as fh:
            docs.append((p.stem, fh.read()))
    fn("warm up", "x")
    t0 = time.perf_counter()
    out = [fn(text, doc_id) for doc_id, text in docs]
    dt = time.perf_counter() - t0
    # (a fixed default path let concurrent runs from other checkouts score each other's predictions)
    path = args.out or tempfile.mkstemp(prefix=f"pred_{args.split}_", suffix=".jsonl")[1]
    with open(path, "w", encoding="utf-8") as fh:
        for recs in out:
            for r in recs:
                fh.write(json.dumps({k: r[k] for k in CONTRACT} | {"cue_type": r.get("cue_type")}) + "\n")
    print(f"{len(docs)} docs, {sum(map(len, out))} quotes, {1000 * dt / len(docs):.3f} ms/article "
          f"({len(docs) / dt:.0f} articles/s) -> {path}")
    rc = subprocess.call([sys.executable, str(SHARED / "eval" / "score.py"), "--data", str(SHARED / "polnear"),
                          "--split", args.split, "--pred", path])
    if args.halves:
        print("\n".join(["", f"halves of {args.split} (articles at even / odd positions in doc_id order)"]
                        + half_scores(args.split, path)))
    if args.out is None:
        os.unlink(path)
    if args.errors or args.examples:
        by_doc = {doc_id: recs for (doc_id, _), recs in zip(docs, out)}
        error_breakdown(args.split, by_doc, args.examples, args.n, args.top)
    return rc


if __name__ == "__main__":
    sys.exit(main())
