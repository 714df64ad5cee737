"""toolkit.evaluate: agreement with the reference scorer on PolNeAR, and hand-made brat cases."""
from __future__ import annotations

import importlib.util
import json
import random
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from toolkit import evaluate
from toolkit.errors import BatchInputError, InputError

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "polnear"
REFERENCE = SHARED / "eval" / "score.py"
TOLERANCE = 0.005


# ------------------------------------------------------------------ PolNeAR agreement ---

def _import_path(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reference():
    if not (REFERENCE.is_file() and (POLNEAR / "dev" / "text").is_dir()):
        pytest.skip(f"reference scorer or PolNeAR not found under {SHARED} (read-only shared data is absent)")
    sys.path.insert(0, str(REFERENCE.parent))  # score.py imports its sibling polnear.py
    try:
        with warnings.catch_warnings():  # its docstring's "\w" warns on import; not ours to fix
            warnings.simplefilter("ignore", DeprecationWarning)
            return _import_path("reference_score", REFERENCE)
    finally:
        sys.path.remove(str(REFERENCE.parent))


@pytest.fixture(scope="module")
def baseline():
    return _import_path("regex_baseline", REPO / "bench" / "regex_baseline.py")


@pytest.fixture(scope="module", params=["dev", "train"])
def split(request, reference):
    """(split name, our gold documents, the reference's gold documents)."""
    name = request.param
    return name, evaluate.load_gold(POLNEAR, name), reference.polnear.load_split(str(POLNEAR), name)


def _perturbed(records: list[dict], texts: dict[str, str], seed: int) -> list[dict]:
    """Records with the faults systems make: drops, split quotes, shifted spans, wrong speakers, duplicates."""
    rng = random.Random(seed)
    out: list[dict] = []
    speakers = [(r["speaker_start"], r["speaker_end"]) for r in records]
    for rec in records:
        text, r = texts[rec["doc_id"]], dict(rec)
        roll = rng.random()
        if roll < 0.15:
            continue  # dropped
        if roll < 0.30:  # shifted by a few characters either way, kept valid
            r["start"] = min(max(0, r["start"] + rng.randint(-25, 25)), len(text) - 1)
            r["end"] = min(max(r["start"] + 1, r["end"] + rng.randint(-25, 25)), len(text))
        elif roll < 0.45 and r["end"] - r["start"] > 10:  # split into two pieces at a space
            cut = text.find(" ", (r["start"] + r["end"]) // 2, r["end"] - 1)
            if cut > r["start"]:
                out.append(dict(r, end=cut))
                r["start"] = cut + 1
        elif roll < 0.60:  # a speaker span taken from another record, or none
            s, e = rng.choice(speakers)
            if s is not None and e <= len(text):
                r["speaker_start"], r["speaker_end"] = s, e
            else:
                r["speaker_start"] = r["speaker_end"] = None
        if rng.random() < 0.1:
            out.append(dict(r))  # duplicate
        r["kind"] = rng.choice(evaluate.KINDS) if rng.random() < 0.2 else r["kind"]
        r["quote"] = text[r["start"]:r["end"]]
        r["speaker"] = None if r["speaker_start"] is None else text[r["speaker_start"]:r["speaker_end"]]
        out.append(r)
    # spurious quotes where there is no gold
    for doc_id, text in sorted(texts.items())[:20]:
        s = rng.randrange(0, max(1, len(text) - 60))
        out.append({"doc_id": doc_id, "start": s, "end": s + 50, "quote": text[s:s + 50], "speaker": None,
                    "speaker_start": None, "speaker_end": None, "cue": None, "cue_start": None,
                    "cue_end": None, "kind": "indirect"})
    return out


def _prediction_sets(docs: list, baseline, with_toolkit: bool) -> dict[str, list[dict]]:
    texts = {d.doc_id: d.text for d in docs}
    gold = evaluate.gold_as_predictions(docs)
    regex = [q for d in docs for q in baseline.baseline_quotes(d.text, d.doc_id)]
    sets = {"gold": gold, "regex-baseline": regex,
            "gold-perturbed": _perturbed(gold, texts, seed=1),
            "regex-perturbed": _perturbed(regex, texts, seed=2)}
    if with_toolkit:  # the toolkit's own extractor: indirect speech too (dev only, to keep the test short)
        from toolkit.pipeline import article_quotes
        sets["toolkit"] = [q for d in docs for q in article_quotes(d.text, d.doc_id)]
    return sets


def _max_difference(ours: dict, ref: dict) -> float:
    """Largest absolute difference over every figure; fails if one side is undefined and not the other."""
    mine, theirs = evaluate.flat_figures(ours), evaluate.flat_figures(ref)
    assert mine.keys() == theirs.keys()
    worst = 0.0
    for key, value in theirs.items():
        assert (value is None) == (mine[key] is None), f"{key}: ours {mine[key]} vs reference {value}"
        if value is not None:
            worst = max(worst, abs(mine[key] - value))
    return worst


def test_gold_loading_matches_reference(split):
    name, ours, ref = split
    assert [d.doc_id for d in ours] == [d.doc_id for d in ref]
    for mine, theirs in zip(ours, ref):
        assert mine.text == theirs.text
        got = [(list(map(list, g.content)), list(map(list, g.source)), list(map(list, g.cue)), g.kind, g.subkind,
                g.cue_text) for g in mine.attributions]
        want = [(g.content, g.source, g.cue, g.kind, g.subkind, g.cue_text) for g in theirs.attributions]
        assert got == want, mine.doc_id


def test_agrees_with_reference_scorer(split, reference, baseline, tmp_path):
    name, ours, ref_docs = split
    texts = {d.doc_id: d.text for d in ref_docs}
    report = {}
    for label, records in _prediction_sets(ours, baseline, with_toolkit=name == "dev").items():
        path = tmp_path / f"{label}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        for iou in (0.5, 0.3) if label == "regex-perturbed" else (0.5,):
            mine = evaluate.score(ours, path, iou)
            ref_preds, _ = reference.load_predictions(str(path), texts)
            theirs = reference.score(ref_docs, ref_preds, iou)
            report[f"{label}@{iou}"] = _max_difference(mine, theirs)
            assert mine["kind_confusion"] == theirs["kind_confusion"], label
            assert mine["all"]["n_gold"] == theirs["all"]["n_gold"] > 0
            if label.endswith("perturbed"):  # the faults must bite, or agreement proves little
                assert mine["all"]["exact"]["p"] < 0.9 and mine["all"]["speaker"]["overlap_acc"] < 0.95
    print(f"\n{name}: max |ours - reference| per prediction set: {report}")
    assert max(report.values()) <= TOLERANCE, report


def test_gold_as_predictions_scores_perfectly(split):
    _, docs, _ = split
    res = evaluate.score(docs, evaluate.gold_as_predictions(docs))
    # A gold's first-to-last stretch can share more words with another attribution nested inside
    # it (1 in 2192 in dev, 11 in 19832 in train), and the scorer gives a prediction to the gold
    # it shares most words with; everything else must be found, with its speaker.
    assert res["all"]["exact"]["r"] > 0.999 and res["all"]["exact"]["p"] > 0.999
    # a discontinuous source ("Smith ... who") given as one stretch has extra words: not exact
    assert res["all"]["speaker"]["overlap_acc"] == 1.0 and res["all"]["speaker"]["exact_acc"] > 0.999


def test_dataframe_and_list_inputs_score_alike(split, baseline):
    _, docs, _ = split
    records = [q for d in docs[:30] for q in baseline.baseline_quotes(d.text, d.doc_id)]
    assert records
    from_list = evaluate.score(docs, records)
    from_frame = evaluate.score(docs, pd.DataFrame(records))
    assert evaluate.flat_figures(from_list) == evaluate.flat_figures(from_frame)
    table = evaluate.score_table(from_list)
    assert table.loc["direct", "overlap_f1"] == pytest.approx(from_list["direct"]["overlap"]["f1"])
    assert pd.isna(table.loc["direct:pure", "overlap_p"])  # recall-only row


# --------------------------------------------------------------- hand-made brat cases ---

def _brat(tmp_path: Path, docs: dict[str, tuple[str, list[str]]], annotator: str = "ab12") -> Path:
    """A brat folder: {doc_id: (text, [.ann lines])} -> text/<doc_id>.txt, attributions/<doc_id>_<ann>.ann."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    for doc_id, (text, lines) in docs.items():
        (tmp_path / "text" / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
        (tmp_path / "attributions" / f"{doc_id}_{annotator}.ann").write_text(
            "".join(line + "\n" for line in lines), encoding="utf-8", newline="")
    return tmp_path


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    s = text.index(part, after)
    return s, s + len(part)


def _t(tid: str, label: str, text: str, *spans: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{tid}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in spans)}"


def _pred(doc_id: str, text: str, span: tuple[int, int], speaker: tuple[int, int] | None = None,
          kind: str = "direct") -> dict:
    s, e = span
    ss, se = speaker if speaker else (None, None)
    return {"doc_id": doc_id, "start": s, "end": e, "quote": text[s:e],
            "speaker": text[ss:se] if speaker else None, "speaker_start": ss, "speaker_end": se,
            "cue": None, "cue_start": None, "cue_end": None, "kind": kind}


INTERRUPTED = 'Intro line.\n\n"We will not retreat," Lavrov said, "not one step." Analysts believe talks stall.\n'


@pytest.fixture
def interrupted(tmp_path):
    """One discontinuous direct quote with a source, one indirect belief without a source."""
    text = INTERRUPTED
    # PolNeAR content spans include the quotation marks; predictions exclude them (the contract)
    a, b = _span(text, '"We will not retreat,"'), _span(text, '"not one step."')
    lines = [_t("T1", "Source", text, _span(text, "Lavrov")), _t("T2", "Cue", text, _span(text, "said")),
             _t("T3", "Content", text, a), _t("T4", "Content2", text, b),
             "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 Content2:T4",
             _t("T5", "Cue", text, _span(text, "believe")), _t("T6", "Content", text, _span(text, "talks stall")),
             "E2\tAttribution:T5 Cue:T5 Content:T6"]
    docs = evaluate.load_gold(_brat(tmp_path, {"art": (text, lines)}))
    return docs, text, a, b


def test_discontinuous_gold_loads_as_one_direct_attribution(interrupted):
    docs, text, a, b = interrupted
    first, second = docs[0].attributions
    assert first.content == (a, b) and first.kind == "direct" and first.subkind == "direct"
    assert first.source_text == "Lavrov" and first.cue_text == "said"
    assert second.kind == "indirect" and second.source == () and second.cue_text == "believe"


def _inner(span: tuple[int, int]) -> tuple[int, int]:
    return span[0] + 1, span[1] - 1  # without the enclosing quotation marks


def test_split_quote_scores_whole_stretch_or_pieces(interrupted):
    docs, text, a, b = interrupted
    lavrov = _span(text, "Lavrov")
    whole = evaluate.score(docs, [_pred("art", text, (a[0] + 1, b[1] - 1), lavrov)])
    pieces = evaluate.score(docs, [_pred("art", text, _inner(a), lavrov), _pred("art", text, _inner(b), lavrov)])
    for res in (whole, pieces):
        assert res["direct"]["exact"] == {"p": 1.0, "r": 1.0, "f1": 1.0}
        assert res["direct"]["speaker"]["overlap_acc"] == 1.0 and res["direct"]["e2e"]["f1"] == 1.0
    half = evaluate.score(docs, [_pred("art", text, _inner(a), lavrov)])  # 4 of 7 words: overlap, not exact
    assert half["direct"]["exact"]["r"] == 0.0 and half["direct"]["overlap"]["r"] == 1.0
    assert half["direct"]["token"]["r"] == pytest.approx(4 / 7)
    assert half["direct:pure"]["overlap"]["r"] == 1.0 and half["direct:mixed"]["n_gold"] == 0
    longer = evaluate.score(docs, [_pred("art", text, (a[0] + 1, len(text) - 1), lavrov)])  # 7 gold of 11 words
    assert longer["direct"]["exact"]["r"] == 0.0 and longer["direct"]["overlap"]["r"] == 1.0


def test_duplicates_and_extra_pieces_do_not_raise_precision(interrupted):
    docs, text, a, b = interrupted
    p = _pred("art", text, (a[0] + 1, b[1] - 1), _span(text, "Lavrov"))
    res = evaluate.score(docs, [p, dict(p), dict(p)])
    assert res["direct"]["overlap"]["p"] == pytest.approx(1 / 3) and res["direct"]["overlap"]["r"] == 1.0
    assert res["direct"]["n_pred"] == 3


def test_no_source_gold_needs_a_null_speaker_for_e2e(interrupted):
    docs, text, _, _ = interrupted
    content = _span(text, "talks stall")
    silent = evaluate.score(docs, [_pred("art", text, content, None, "indirect")])
    named = evaluate.score(docs, [_pred("art", text, content, _span(text, "Analysts"), "indirect")])
    assert silent["indirect"]["e2e"]["r"] == 1.0 and named["indirect"]["e2e"]["r"] == 0.0
    assert named["indirect"]["overlap"]["r"] == 1.0
    assert silent["indirect"]["speaker"]["pairs_with_gold_source"] == 0  # no source: no speaker pair
    assert silent["indirect:speech-cue"]["n_gold"] == 0  # "believe" is not a speech cue


def test_unmatched_prediction_counts_by_its_own_text(interrupted):
    docs, text, _, _ = interrupted
    res = evaluate.score(docs, [_pred("art", text, _span(text, "Intro line."), kind="indirect")])
    assert res["indirect"]["n_pred"] == 1 and res["indirect"]["overlap"]["p"] == 0.0
    assert res["direct"]["n_pred"] == 0 and res["direct"]["overlap"]["p"] is None


def test_first_annotator_by_file_name_is_used(tmp_path):
    text = 'He said "yes." She said "no."\n'
    yes, no = _span(text, "yes."), _span(text, "no.")
    folder = _brat(tmp_path, {"d": (text, [_t("T1", "Content", text, no), "E1\tContent:T1"])}, annotator="zz99")
    (folder / "attributions" / "d_aa00.ann").write_text(_t("T1", "Content", text, yes) + "\nE1\tContent:T1\n",
                                                        encoding="utf-8")
    (gold,) = evaluate.load_gold(folder)[0].attributions
    assert gold.content == (yes,)


def test_bad_predictions_name_file_and_line(interrupted, tmp_path):
    docs, text, a, _ = interrupted
    good = json.dumps(_pred("art", text, a))
    cases = {
        "{not json": "not valid JSON",
        json.dumps({**_pred("art", text, a), "doc_id": "other"}): "unknown doc_id 'other'",
        json.dumps({**_pred("art", text, a), "end": len(text) + 5}): "bad content offsets",
        json.dumps({**_pred("art", text, a), "start": a[1]}): "bad content offsets",
        json.dumps({k: v for k, v in _pred("art", text, a).items() if k != "kind"}): "missing field 'kind'",
        json.dumps({**_pred("art", text, a), "speaker_start": 3}): "speaker_start and speaker_end",
        json.dumps({**_pred("art", text, a), "start": True}): "field 'start'",
    }
    for i, (bad, reason) in enumerate(cases.items()):
        path = tmp_path / f"bad{i}.jsonl"
        path.write_text(good + "\n\n" + bad + "\n", encoding="utf-8")
        with pytest.raises(InputError) as err:
            evaluate.score(docs, path)
        assert err.value.path == f"{path}:3" and reason in err.value.reason, str(err.value)


def test_cli_scores_writes_json_and_exits_2_on_bad_input(interrupted, tmp_path, capsys):
    docs, text, a, b = interrupted
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(_pred("art", text, (a[0] + 1, b[1] - 1), _span(text, "Lavrov"))) + "\n",
                    encoding="utf-8")
    out = tmp_path / "figures.json"
    assert evaluate.main(["--gold", str(tmp_path), "--pred", str(pred), "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "direct:pure" in table and "indirect:speech-cue" in table
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["results"]["direct"]["exact"]["f1"] == 1.0 and saved["meta"]["documents"] == 1

    pred.write_text('{"doc_id": "art", "start": 0\n', encoding="utf-8")
    assert evaluate.main(["--gold", str(tmp_path), "--pred", str(pred)]) == 2
    assert f"{pred}:1" in capsys.readouterr().err
    assert evaluate.main(["--gold", str(tmp_path / "nowhere"), "--pred", str(pred)]) == 2
    assert "not a brat folder" in capsys.readouterr().err


def test_annotation_pointing_outside_the_text_is_reported(tmp_path):
    text = "Short text.\n"
    folder = _brat(tmp_path, {"d": (text, ["T1\tContent 5 400\tx", "E1\tContent:T1"])})
    with pytest.raises(BatchInputError, match="outside the text"):
        evaluate.load_gold(folder)


def test_quote_kind_rules():
    assert evaluate.quote_kind("“We will win.”") == "direct"
    assert evaluate.quote_kind("that talks were “no panacea” for the crisis") == "mixed"
    assert evaluate.quote_kind("''Enough,'' he wrote") == "mixed"
    assert evaluate.quote_kind("talks stall") == "indirect"
    assert evaluate.quote_kind("don't") == "indirect"  # an apostrophe is not a quotation mark


def test_dev_quotes_halves_partition_the_split(reference, tmp_path):
    """bench/dev_quotes.py --halves: the two halves hold every article once (their speech-cue gold and found add up
    to the whole split's) and the whole-split line is the reference scorer's figure."""
    from toolkit.pipeline import article_quotes

    dev_quotes = _import_path("dev_quotes", REPO / "bench" / "dev_quotes.py")
    docs = sorted(reference.polnear.load_split(str(POLNEAR), "dev"), key=lambda d: d.doc_id)
    path = tmp_path / "dev.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            for r in article_quotes(d.text, d.doc_id):
                fh.write(json.dumps({k: r[k] for k in dev_quotes.CONTRACT}) + "\n")
    with warnings.catch_warnings():  # the reference scorer's import warns (see the reference fixture)
        warnings.simplefilter("ignore", DeprecationWarning)
        lines = dev_quotes.half_scores("dev", str(path))
    assert [line.split()[0] for line in lines] == ["even", "odd", "all"]
    counts = [tuple(map(int, line.split()[2].split("/"))) for line in lines]
    (even_found, even_gold), (odd_found, odd_gold), (all_found, all_gold) = counts
    assert even_gold > 0 and odd_gold > 0
    assert (even_found + odd_found, even_gold + odd_gold) == (all_found, all_gold)
    loaded = reference.load_predictions(str(path), {d.doc_id: d.text for d in docs})
    whole = reference.score(docs, loaded[0] if isinstance(loaded, tuple) else loaded)["all"]
    assert lines[2].split()[6] == f"{whole['overlap']['f1']:.4f}"
