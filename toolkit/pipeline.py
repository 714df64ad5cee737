"""One article in, its quotations out: the single per-article step every front end calls.

The CLI, the notebooks and the parallel runner all call `article_quotes`, so a quote found in a
notebook is the same quote the CLI writes and the Dask run collects.
"""
from __future__ import annotations

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
    n = len(text)
    for rec in records:
        for s_key, e_key, text_key in SPAN_FIELDS:
            s = rec.get(s_key)
            e = rec.get(e_key)
            if s is None or e is None:
                continue
            s, e = s + shift, e + shift
            raw_s, raw_e = (s, e) if identity and 0 <= s <= e <= n else to_raw(cleaned, s, e)
            rec[s_key], rec[e_key] = raw_s, raw_e
            rec[text_key] = text[raw_s:raw_e]
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
