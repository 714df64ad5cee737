"""One article in, its quotations out: the single per-article step every front end calls.

The CLI, the notebooks and the parallel runner all call `article_quotes`, so a quote found in a
notebook is the same quote the CLI writes and the Dask run collects.
"""
from __future__ import annotations

from bisect import bisect_right

from toolkit import transcripts
from toolkit.actors import resolve_records
from toolkit.cleaning import clean, to_clean, to_raw
from toolkit.quotes import extract_quotes

# Every (start, end) pair of a quote record that indexes the text.
SPAN_FIELDS = (("start", "end", "quote"), ("speaker_start", "speaker_end", "speaker"),
               ("cue_start", "cue_end", "cue"), ("intermediary_start", "intermediary_end", "intermediary"))


def _to_raw(records: list[dict], cleaned, text: str, shift: int = 0) -> list[dict]:
    """Map clean offsets (relative to a slice starting at `shift`) back to the raw text."""
    # when cleaning only swapped single characters (quote marks, no-break spaces; nearly half of news files)
    # clean offsets are raw offsets, and only the texts need taking from the raw text
    identity = cleaned.same_offsets
    n, n_clean = len(text), len(cleaned.text)
    cs, rs, copied = cleaned.clean_starts, cleaned.raw_starts, cleaned.copied
    for rec in records:
        for s_key, e_key, text_key in SPAN_FIELDS:
            s = rec.get(s_key)
            if s is None:
                continue
            e = rec.get(e_key)
            if e is None:
                continue
            s += shift
            e += shift
            if identity and 0 <= s <= e <= n:
                pass
            elif 0 <= s < e <= n_clean and copied[i := bisect_right(cs, s) - 1] and e <= cs[i + 1]:
                # inside one piece of copied text (most spans), as to_raw maps it: inline, since the call and its
                # checks cost more than the mapping (~0.7% of the CLI's run over 37k spans)
                s += rs[i] - cs[i]
                e += rs[i] - cs[i]
            else:
                s, e = to_raw(cleaned, s, e)
            rec[s_key], rec[e_key] = s, e
            rec[text_key] = text[s:e]
    return records


def article_quotes(text: str, doc_id: str = "") -> list[dict]:
    """Quote records for one article, offsets into `text` exactly as the file reads, with actor and camp.

    A transcript gives one record per speaking turn (turn True) plus the quotes reported inside each
    turn; first-person quotes there ("I said", "we've told them") take the turn's speaker.
    """
    cleaned = clean(text)
    if transcripts.is_transcript(text):
        records = []
        for turn in transcripts.turns(text, doc_id):
            cs, ce = to_clean(cleaned, turn["start"], turn["end"])
            inner = _to_raw(extract_quotes(cleaned.text[cs:ce], doc_id), cleaned, text, cs)
            records.append(turn)
            records.extend(transcripts.inherit_turn_speaker(turn, inner))
    else:
        records = _to_raw(extract_quotes(cleaned.text, doc_id), cleaned, text)
    return resolve_records(records, text)
