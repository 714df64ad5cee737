"""One article in, its quotations out: the single per-article step every front end calls.

The CLI, the notebooks and the parallel runner all call `article_quotes`, so a quote found in a
notebook is the same quote the CLI writes and the Dask run collects.
"""
from __future__ import annotations

from toolkit.cleaning import clean, to_raw
from toolkit.quotes import extract_quotes

# Every (start, end) pair of a quote record that indexes the text.
SPAN_FIELDS = (("start", "end", "quote"), ("speaker_start", "speaker_end", "speaker"),
               ("cue_start", "cue_end", "cue"), ("intermediary_start", "intermediary_end", "intermediary"))


def article_quotes(text: str, doc_id: str = "") -> list[dict]:
    """Quote records for one article, offsets into `text` exactly as the file reads."""
    cleaned = clean(text)
    records = extract_quotes(cleaned.text, doc_id)
    for rec in records:
        for s_key, e_key, text_key in SPAN_FIELDS:
            s, e = rec.get(s_key), rec.get(e_key)
            if s is None or e is None:
                continue
            rs, re_ = to_raw(cleaned, s, e)
            rec[s_key], rec[e_key] = rs, re_
            rec[text_key] = text[rs:re_]
    return records
