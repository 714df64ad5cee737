"""Score quotation predictions against brat gold attributions (PolNeAR, or an analyst's own).

The figures are those of the reference scorer (../shared/eval/score.py), so analysts can score
their own annotations without it:

* Spans are compared as sets of word tokens (``\\w+``) they overlap, so quotation marks,
  punctuation and whitespace do not matter.
* A gold content may be discontinuous (``"A," he said, "B."``). Each prediction goes to the
  gold attribution sharing most words with it; words in a gap of that gold ("he said") are
  ignored when the prediction covers gold words on both sides; per gold, the assigned
  predictions that cover it best are picked greedily. A found gold counts once as a true
  positive and every other prediction as a false positive, so emitting the whole stretch or
  its pieces both score 100%, and duplicates never raise precision.
* exact: the picked predictions cover exactly the gold words. overlap: their union has word
  IoU >= ``iou`` with the gold. token: word-level P/R over the sets of content words.
* speaker (on overlap-found gold with a Source): the best prediction's speaker span shares a
  word with the gold source (``spk~``) or has the same words (``spk=``).
* e2e: overlap-found and speaker shares a word with the source (or both are absent).
* Rows: all; direct (the gold content holds a double quotation mark, mixed quotes included)
  and indirect, where a prediction counts for the kind of its gold, else of its own text;
  recall-only rows direct:pure, direct:mixed and indirect:speech-cue (cue holds a speech verb).

Gold: ``<folder>/text/<doc_id>.txt`` and ``<folder>/attributions/<doc_id>_<annotator>.ann``
(PolNeAR layout; several annotators: the first .ann by file name). A gold record is one brat
event (E line) with Content and/or Content2 spans, plus its Source and Cue.

    python -m toolkit evaluate --data ../shared/polnear --split dev --pred pred.jsonl [--json out.json]
    python -m toolkit evaluate --gold my_annotations/ --pred pred.jsonl
"""
from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Union

from toolkit import regexcache as rx
from toolkit.errors import BatchInputError, InputError

if TYPE_CHECKING:  # pandas is imported lazily: `python -m toolkit quotes` must start fast
    import pandas as pd

Span = tuple[int, int]
Predictions = Union[str, Path, Iterable[dict], "pd.DataFrame"]

WORD = rx.compile(r"\w+")
# Double quotation marks, plus the doubled apostrophe '' some NYT texts use for both marks.
QUOTE_MARK = rx.compile("''|[\"\u201c\u201d\u201e\u201f]")
OPEN_QUOTES = "\u201c\u201e\u201f"
KINDS = ("direct", "indirect", "mixed")
# This pattern defines the "indirect:speech-cue" row of the metric. It is kept identical to the
# reference scorer's (not read from the toolkit's cue lexicon) so that both report the same
# figure even as the extractor's lexicon grows.
SPEECH_CUE = rx.compile(
    r"\b(say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|"
    r"according|write|writes|wrote|writing|written|tweet\w*|post(?:ed)?|"
    r"state[sd]?|stating|statement|note[sd]?|noting|explain\w*|claim\w*|"
    r"announce[sd]?|announcing|report(?:s|ed)?|argue[sd]?|arguing|insist\w*|"
    r"ask(?:s|ed)?|repl(?:y|ies|ied)|respond\w*|warn\w*|declare[sd]?|suggest\w*|"
    r"acknowledge[sd]?|admit\w*|den(?:y|ies|ied)|confirm\w*|promise[sd]?|"
    r"pledge[sd]?|accuse[sd]?|comment\w*|remark\w*|recall\w*|predict\w*|"
    r"vow\w*|urge[sd]?|assert\w*|contend\w*|maintain\w*|stress\w*|"
    r"emphasi[sz]e[sd]?|complain\w*|quipped|joked|mentioned|testified|"
    r"agreed|call(?:s|ed|ing)?|describe[sd]?|describing|:)", re.I)

PARTITION = ("all", "direct", "indirect")  # each prediction and each gold in exactly one kind row
SUBSETS: dict[str, Callable[["GoldAttribution"], bool]] = {
    "all": lambda g: True,
    "direct": lambda g: g.kind == "direct",
    "indirect": lambda g: g.kind == "indirect",
    "direct:pure": lambda g: g.subkind == "direct",
    "direct:mixed": lambda g: g.subkind == "mixed",
    "indirect:speech-cue": lambda g: g.kind == "indirect" and bool(SPEECH_CUE.search(g.cue_text)),
}
MODES = ("exact", "overlap", "e2e")

_INT, _STR, _NONE = (int,), (str,), (type(None),)
CONTRACT_FIELDS: dict[str, tuple[type, ...]] = {
    "doc_id": _STR, "start": _INT, "end": _INT, "quote": _STR,
    "speaker": _STR + _NONE, "speaker_start": _INT + _NONE, "speaker_end": _INT + _NONE,
    "cue": _STR + _NONE, "cue_start": _INT + _NONE, "cue_end": _INT + _NONE, "kind": _STR,
}


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: content spans (maybe discontinuous), source and cue spans, kind."""
    doc_id: str
    attr_id: str
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    kind: str        # "direct" | "indirect"
    subkind: str     # "direct" | "mixed" | "indirect"
    content_text: str
    source_text: str
    cue_text: str


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article: its text exactly as offsets index it, and its attributions."""
    doc_id: str
    text: str
    attributions: tuple[GoldAttribution, ...]


# ------------------------------------------------------------------------------- gold ---

def quote_kind(text: str) -> str:
    """'direct' (all words inside double quotation marks), 'mixed' (some) or 'indirect' (none)."""
    if not QUOTE_MARK.search(text):
        return "indirect"
    inside, outside, pos = False, 0, 0
    for m in QUOTE_MARK.finditer(text):
        if not inside:
            outside += sum(ch.isalnum() for ch in text[pos:m.start()])
        # Straight marks and '' toggle; curly marks say which side they are on.
        inside = (not inside) if m.group() in ('"', "''") else m.group() in OPEN_QUOTES
        pos = m.end()
    if not inside:
        outside += sum(ch.isalnum() for ch in text[pos:])
    return "direct" if outside == 0 else "mixed"


def _joined(text: str, spans: Iterable[Span]) -> str:
    return " ... ".join(text[s:e] for s, e in spans)


def load_gold(folder: str | Path, split: str | None = None) -> list[GoldDocument]:
    """Gold documents of a brat folder (text/ + attributions/), or of folder/split for PolNeAR."""
    from toolkit.corpus import load_brat
    root = Path(folder) / split if split else Path(folder)
    articles, gold = load_brat(root)
    by_doc: dict[str, list[GoldAttribution]] = defaultdict(list)
    texts = dict(zip(articles["doc_id"], articles["text"]))
    for rec in gold.itertuples(index=False):
        text = texts[rec.doc_id]
        content = tuple(tuple(sp) for sp in rec.content_spans)
        content_text = _joined(text, content)
        subkind = quote_kind(content_text)
        by_doc[rec.doc_id].append(GoldAttribution(
            doc_id=rec.doc_id, attr_id=rec.attr_id, content=content,
            source=tuple(tuple(sp) for sp in rec.source_spans),
            cue=tuple(tuple(sp) for sp in rec.cue_spans),
            kind="indirect" if subkind == "indirect" else "direct", subkind=subkind,
            content_text=content_text, source_text=_joined(text, rec.source_spans),
            cue_text=_joined(text, rec.cue_spans)))
    return [GoldDocument(doc_id, texts[doc_id], tuple(by_doc.get(doc_id, ())))
            for doc_id in sorted(texts)]


def gold_as_predictions(docs: list[GoldDocument]) -> list[dict]:
    """The gold as contract records (one per attribution, first to last content char): a perfect system."""
    out = []
    for doc in docs:
        for g in doc.attributions:
            start, end = g.content[0][0], g.content[-1][1]
            s_start, s_end = (g.source[0][0], g.source[-1][1]) if g.source else (None, None)
            c_start, c_end = (g.cue[0][0], g.cue[-1][1]) if g.cue else (None, None)
            out.append({"doc_id": doc.doc_id, "start": start, "end": end, "quote": doc.text[start:end],
                        "speaker": doc.text[s_start:s_end] if g.source else None,
                        "speaker_start": s_start, "speaker_end": s_end,
                        "cue": doc.text[c_start:c_end] if g.cue else None,
                        "cue_start": c_start, "cue_end": c_end, "kind": g.subkind})
    return out


# ------------------------------------------------------------------------ predictions ---

def _plain(value: Any) -> Any:
    """A DataFrame cell as plain JSON data: NaN/NA -> None, numpy scalars -> Python, 3.0 -> 3."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float):
        if value != value:
            return None
        if value.is_integer():
            return int(value)
    if type(value).__name__ == "NAType":
        return None
    return value


def _check_record(obj: Any, where: str, texts: dict[str, str]) -> None:
    if not isinstance(obj, dict):
        raise InputError(where, "not a JSON object / dict")
    for key, types in CONTRACT_FIELDS.items():
        if key not in obj:
            raise InputError(where, f"missing field {key!r}")
        val = obj[key]
        if isinstance(val, bool) or not isinstance(val, types):
            raise InputError(where, f"field {key!r} is {type(val).__name__}, expected "
                                    + " or ".join("null" if t is type(None) else t.__name__ for t in types))
    if obj["kind"] not in KINDS:
        raise InputError(where, f"kind {obj['kind']!r} is not one of {', '.join(KINDS)}")
    doc = obj["doc_id"]
    if doc not in texts:
        raise InputError(where, f"unknown doc_id {doc!r}: no such text in the gold (wrong split or folder?)")
    n = len(texts[doc])
    if not 0 <= obj["start"] < obj["end"] <= n:
        raise InputError(where, f"bad content offsets {obj['start']}-{obj['end']} "
                                f"(need 0 <= start < end <= {n}, the length of {doc})")
    for role in ("speaker", "cue"):
        s, e = obj[f"{role}_start"], obj[f"{role}_end"]
        if (s is None) != (e is None):
            raise InputError(where, f"{role}_start and {role}_end must be both null or both set")
        if s is not None and not 0 <= s < e <= n:
            raise InputError(where, f"bad {role} offsets {s}-{e} (need 0 <= start < end <= {n})")


def _records_with_place(predictions: Predictions) -> Iterable[tuple[str, Any]]:
    """(location for messages, record) pairs from a JSONL path, a DataFrame or a list of dicts."""
    if isinstance(predictions, (str, Path)):
        path = Path(predictions)
        try:
            fh = open(path, encoding="utf-8")
        except OSError as exc:
            raise InputError(path, f"cannot read predictions ({exc.strerror})") from None
        with fh:
            try:
                for lineno, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        yield f"{path}:{lineno}", json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(f"{path}:{lineno}", f"not valid JSON ({exc.msg})") from None
            except UnicodeDecodeError:
                raise InputError(path, "not valid UTF-8") from None
    elif hasattr(predictions, "to_dict") and hasattr(predictions, "columns"):
        for i, row in enumerate(predictions.to_dict("records")):
            yield f"predictions row {i}", {k: _plain(v) for k, v in row.items()}
    else:
        for i, rec in enumerate(predictions):
            yield f"predictions record {i}", rec


def read_predictions(predictions: Predictions, texts: dict[str, str]) -> tuple[dict[str, list[dict]], dict]:
    """Validated predictions grouped by doc_id, and stats; InputError naming the file and line."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    n = mismatches = 0
    for where, obj in _records_with_place(predictions):
        _check_record(obj, where, texts)
        if texts[obj["doc_id"]][obj["start"]:obj["end"]] != obj["quote"]:
            mismatches += 1  # only offsets are scored; a stale `quote` text is worth reporting
        by_doc[obj["doc_id"]].append(obj)
        n += 1
    return dict(by_doc), {"predictions": n, "quote_text_mismatches": mismatches}


# --------------------------------------------------------------------------- matching ---

def _word_index(text: str) -> Callable[[Iterable[Span]], frozenset[int]]:
    """Function mapping character spans of `text` to the set of word-token indices they touch."""
    starts, ends = [], []
    for m in WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())

    def words(spans: Iterable[Span]) -> frozenset[int]:
        out: set[int] = set()
        for s, e in spans:
            if e > s:
                out.update(range(bisect.bisect_right(ends, s), bisect.bisect_left(starts, e)))
        return frozenset(out)
    return words


def _gaps(gold_words: frozenset[int]) -> list[tuple[int, int]]:
    """(last word before, first word after) each run of non-gold words inside a gold content."""
    idx = sorted(gold_words)
    return [(a, b) for a, b in zip(idx, idx[1:]) if b > a + 1]


def _bridge(pred: frozenset[int], gold: frozenset[int], gaps: list[tuple[int, int]]) -> frozenset[int]:
    """The prediction's words minus the gold's gap words it spans (e.g. 'he said' inside a quote)."""
    shared = pred & gold
    out = set(pred)
    for a, b in gaps:
        if any(w <= a for w in shared) and any(w >= b for w in shared):
            out.difference_update(range(a + 1, b))
    return frozenset(out)


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a else 0.0


def _pick(gold: frozenset[int], members: list[int], eff: list[frozenset[int]],
          mode: str, iou: float) -> tuple[bool, list[int]]:
    """(found, chosen prediction indices best first) for one gold under 'exact' or 'overlap'."""
    if not gold:
        return False, []
    chosen: list[int] = []
    if mode == "exact":
        cover: set[int] = set()
        inside = [pi for pi in members if eff[pi] and eff[pi] <= gold]
        for pi in sorted(inside, key=lambda pi: (-len(eff[pi]), pi)):
            if eff[pi] - cover:
                chosen.append(pi)
                cover |= eff[pi]
        return cover == gold, chosen
    union, best = frozenset(), 0.0
    for pi in sorted(members, key=lambda pi: (-_jaccard(eff[pi], gold), pi)):
        trial = union | eff[pi]
        if _jaccard(trial, gold) > best:
            chosen.append(pi)
            union, best = trial, _jaccard(trial, gold)
    return best >= iou, chosen


def _role_words(words: Callable, pred: dict, role: str) -> frozenset[int]:
    s, e = pred[f"{role}_start"], pred[f"{role}_end"]
    return words([(s, e)]) if s is not None else frozenset()


def _count_document(doc: GoldDocument, preds: list[dict], iou: float,
                    counts: dict[str, Counter], confusion: Counter) -> None:
    """Add one document's true/false positives and speaker/cue tallies to `counts`."""
    words = _word_index(doc.text)
    golds = doc.attributions
    gold_words = [words(g.content) for g in golds]
    gold_gaps = [_gaps(gw) for gw in gold_words]
    raw = [words([(p["start"], p["end"])]) for p in preds]

    owner: list[int | None] = []
    for pw in raw:  # the gold sharing most words; the first one on ties
        best, best_n = None, 0
        for gi, gw in enumerate(gold_words):
            if len(pw & gw) > best_n:
                best, best_n = gi, len(pw & gw)
        owner.append(best)
    eff = [raw[pi] if gi is None else _bridge(raw[pi], gold_words[gi], gold_gaps[gi])
           for pi, gi in enumerate(owner)]
    members: dict[int, list[int]] = defaultdict(list)
    for pi, gi in enumerate(owner):
        if gi is not None:
            members[gi].append(pi)
    bucket = [golds[gi].kind if gi is not None else _text_kind(doc.text[p["start"]:p["end"]])
              for p, gi in zip(preds, owner)]

    used: dict[str, set[int]] = {m: set() for m in MODES}
    outcome = []  # per gold: (exact found, overlap found, e2e ok, primary prediction)
    for gi, g in enumerate(golds):
        ex_found, ex_chosen = _pick(gold_words[gi], members[gi], eff, "exact", iou)
        ov_found, ov_chosen = _pick(gold_words[gi], members[gi], eff, "overlap", iou)
        primary = preds[ov_chosen[0]] if ov_found else None
        e2e_ok = ov_found and _speaker_ok(words, primary, g)
        for mode, ok, chosen in (("exact", ex_found, ex_chosen), ("overlap", ov_found, ov_chosen),
                                 ("e2e", e2e_ok, ov_chosen)):
            if ok:
                used[mode].update(chosen)
        outcome.append((ex_found, ov_found, e2e_ok, primary))

    all_pred_words = frozenset().union(*eff)
    all_gold_words = frozenset().union(*gold_words)
    for name in PARTITION:
        c = counts[name]
        mine = [pi for pi in range(len(preds)) if name == "all" or bucket[pi] == name]
        c["n_pred"] += len(mine)
        for mode in MODES:
            c[f"{mode}_fp"] += sum(pi not in used[mode] for pi in mine)
        pw = frozenset().union(*(eff[pi] for pi in mine))
        c["tok_pred"] += len(pw)
        c["tok_pred_hit"] += len(pw & all_gold_words)

    for gi, g in enumerate(golds):
        ex_found, ov_found, e2e_ok, primary = outcome[gi]
        for name, member in SUBSETS.items():
            if not member(g):
                continue
            c = counts[name]
            c["n_gold"] += 1
            c["exact_tp"] += ex_found
            c["overlap_tp"] += ov_found
            c["e2e_tp"] += e2e_ok
            c["tok_gold"] += len(gold_words[gi])
            c["tok_gold_hit"] += len(gold_words[gi] & all_pred_words)
            if not ov_found:
                continue
            if g.source:
                sw, ps = words(g.source), _role_words(words, primary, "speaker")
                c["spk_n"] += 1
                c["spk_overlap"] += bool(ps & sw)
                c["spk_exact"] += bool(ps) and ps == sw
                c["spk_null"] += primary["speaker_start"] is None
            if g.cue:
                c["cue_n"] += 1
                c["cue_overlap"] += bool(_role_words(words, primary, "cue") & words(g.cue))
            if name == "all":
                confusion[f"{g.subkind}->{primary['kind']}"] += 1


def _text_kind(text: str) -> str:
    return "direct" if QUOTE_MARK.search(text) else "indirect"


def _speaker_ok(words: Callable, pred: dict, gold: GoldAttribution) -> bool:
    if not gold.source:
        return pred["speaker_start"] is None
    return bool(_role_words(words, pred, "speaker") & words(gold.source))


# ---------------------------------------------------------------------------- scoring ---

def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float:
    return 2 * p * r / (p + r) if p and r else 0.0


def _prf(p: float | None, r: float | None) -> dict:
    return {"p": p, "r": r, "f1": _f1(p, r)}


def score(gold_docs: list[GoldDocument], predictions: Predictions, iou: float = 0.5) -> dict:
    """Figures per subset row ('all', 'direct', ...), 'kind_confusion' and 'meta', as plain dicts.

    `predictions`: contract records as a list of dicts, a DataFrame or a JSON Lines path.
    A ratio with nothing to divide by is None.
    """
    texts = {d.doc_id: d.text for d in gold_docs}
    preds, stats = read_predictions(predictions, texts)
    counts: dict[str, Counter] = {name: Counter() for name in SUBSETS}
    confusion: Counter = Counter()
    for doc in gold_docs:
        _count_document(doc, preds.get(doc.doc_id, []), iou, counts, confusion)

    result: dict[str, Any] = {}
    for name, c in counts.items():
        row: dict[str, Any] = {"n_gold": c["n_gold"]}
        if name in PARTITION:
            row["n_pred"] = c["n_pred"]
            for mode in MODES:
                row[mode] = _prf(_ratio(c[f"{mode}_tp"], c[f"{mode}_tp"] + c[f"{mode}_fp"]),
                                 _ratio(c[f"{mode}_tp"], c["n_gold"]))
            row["token"] = _prf(_ratio(c["tok_pred_hit"], c["tok_pred"]), _ratio(c["tok_gold_hit"], c["tok_gold"]))
        else:  # diagnostic subsets of the gold: predictions are not bucketed this finely
            for mode in MODES:
                row[mode] = {"r": _ratio(c[f"{mode}_tp"], c["n_gold"])}
            row["token"] = {"r": _ratio(c["tok_gold_hit"], c["tok_gold"])}
        row["speaker"] = {"pairs_with_gold_source": c["spk_n"],
                          "overlap_acc": _ratio(c["spk_overlap"], c["spk_n"]),
                          "exact_acc": _ratio(c["spk_exact"], c["spk_n"]),
                          "null_rate": _ratio(c["spk_null"], c["spk_n"])}
        row["cue"] = {"pairs_with_gold_cue": c["cue_n"], "overlap_acc": _ratio(c["cue_overlap"], c["cue_n"])}
        result[name] = row
    result["kind_confusion"] = dict(sorted(confusion.items()))
    result["meta"] = {"documents": len(gold_docs), "iou_threshold": iou, **stats}
    return result


def flat_figures(result: dict) -> dict[str, float | int | None]:
    """Every figure of a result as {'overlap.f1@direct': value, ...} (handy for comparisons)."""
    out: dict[str, float | int | None] = {}
    for name in SUBSETS:
        for key, val in result[name].items():
            if isinstance(val, dict):
                out.update({f"{key}.{k}@{name}": v for k, v in val.items()})
            else:
                out[f"{key}@{name}"] = val
    return out


def score_table(result: dict) -> "pd.DataFrame":
    """One row per subset; columns n_gold, n_pred, exact_p ... e2e_f1, spk_overlap, spk_exact, cue_overlap."""
    import pandas as pd
    rows = []
    for name in SUBSETS:
        row = result[name]
        rec: dict[str, Any] = {"subset": name, "n_gold": row["n_gold"], "n_pred": row.get("n_pred")}
        for mode in (*MODES[:2], "token", "e2e"):
            for k in ("p", "r", "f1"):
                rec[f"{mode}_{k}"] = row[mode].get(k)
        rec.update(spk_pairs=row["speaker"]["pairs_with_gold_source"], spk_overlap=row["speaker"]["overlap_acc"],
                   spk_exact=row["speaker"]["exact_acc"], spk_null=row["speaker"]["null_rate"],
                   cue_pairs=row["cue"]["pairs_with_gold_cue"], cue_overlap=row["cue"]["overlap_acc"])
        rows.append(rec)
    return pd.DataFrame(rows).set_index("subset").astype("Float64").astype(
        {"n_gold": "Int64", "n_pred": "Int64", "spk_pairs": "Int64", "cue_pairs": "Int64"})


def format_table(result: dict, title: str = "") -> str:
    """The result as a fixed-width text table (percentages; '-' where undefined)."""
    def pct(x: float | None) -> str:
        return f"{'-':>5}" if x is None else f"{100 * x:5.1f}"

    def prf(d: dict) -> str:
        return f"{pct(d.get('p'))} {pct(d['r'])} {pct(d.get('f1'))}"

    head = (f"{'subset':<20}{'gold':>6}{'pred':>6} | {'exact P/R/F1':^17} | {'overlap P/R/F1':^17} | "
            f"{'token P/R/F1':^17} | {'spk~':>5} {'spk=':>5} | {'e2e P/R/F1':^17}")
    lines = [title] if title else []
    lines += [head, "-" * len(head)]
    for name in SUBSETS:
        row = result[name]
        lines.append(f"{name:<20}{row['n_gold']:>6}{str(row.get('n_pred', '-')):>6} | {prf(row['exact'])} | "
                     f"{prf(row['overlap'])} | {prf(row['token'])} | {pct(row['speaker']['overlap_acc'])} "
                     f"{pct(row['speaker']['exact_acc'])} | {prf(row['e2e'])}")
    return "\n".join(lines)


# -------------------------------------------------------------------------------- CLI ---

def main(argv: list[str] | None = None) -> int:
    """`python -m toolkit evaluate`: print the table, optionally write all figures as JSON; 2 on bad input."""
    ap = argparse.ArgumentParser(prog="python -m toolkit evaluate",
                                 description="Score quote predictions (JSON Lines) against brat gold.")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--data", help="folder holding <split>/{text,attributions} (PolNeAR layout)")
    src.add_argument("--gold", help="brat folder holding text/ and attributions/ (your own annotations)")
    ap.add_argument("--split", help="split folder under --data: train, dev, ...")
    ap.add_argument("--pred", required=True, help="predictions JSONL (the `toolkit quotes` output)")
    ap.add_argument("--json", help="write every figure to this JSON file")
    ap.add_argument("--name", default="", help="system name for the report")
    ap.add_argument("--iou", type=float, default=0.5, help="word IoU needed for an overlap match (default 0.5)")
    args = ap.parse_args(argv)
    if args.data and not args.split:
        ap.error("--data needs --split")
    if not 0 < args.iou <= 1:
        ap.error("--iou must be in (0, 1]")
    try:
        docs = load_gold(args.data or args.gold, args.split)
        result = score(docs, args.pred, args.iou)
    except (InputError, BatchInputError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    where = f"{args.data}/{args.split}" if args.data else args.gold
    meta = {"system": args.name, "split": args.split or args.gold, **result["meta"]}
    print(format_table(result, f"system={args.name or args.pred} gold={where} docs={meta['documents']} "
                               f"iou>={args.iou} quote_text_mismatches={meta['quote_text_mismatches']}"))
    if args.json:
        figures = {k: v for k, v in result.items() if k != "meta"}
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"meta": meta, "results": figures}, fh, indent=1)
    return 0
