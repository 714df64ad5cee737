"""Official transcripts (briefings, press conferences, background calls): recognise them, split speaking turns.

A transcript gives each speaking turn a label at the start of a line: `MR. KIRBY:`, `MS. JEAN-PIERRE:`,
`THE PRESIDENT:`, `MODERATOR:`, `SENIOR ADMINISTRATION OFFICIAL:`, a reporter's `Q` (White House
style), or `Sergey Lavrov:` / `Question:` (Kremlin and Russian MFA style). Each turn becomes one
contract quote record (kind "direct", turn True, speaker = the label) resolved to an actor from the
transcript's own heading and introductions ("MR. KIRBY" -> "John Kirby" named in the title) and the
gazetteer. Quotes reported inside a turn are found by the pipeline (`pipeline.article_quotes`).
"""
from __future__ import annotations

import re
from collections import Counter

from toolkit import actors
from toolkit import regexcache as rx

_SP = r"[ \t\u00a0]"
# Upper-case labels, optionally after an honorific written in either case ("Mr. KIRBY:" occurs).
_UPPER = rx.compile(
    rf"^(?P<label>(?:(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.{_SP}+)?[A-Z][A-Z'\u2019.\-]*(?:{_SP}+[A-Z][A-Z'\u2019.\-]*){{0,4}}){_SP}*:",
    re.M)
# A reporter's question: "Q" then spaces (White House) or "Q:".
_Q = rx.compile(rf"^(?P<label>Q)(?:{_SP}+|:{_SP}*)(?=\S)", re.M)
# Kremlin / MFA style: "Sergey Lavrov:", "Question:", "Maria Zakharova (retranslated):".
_TITLE = rx.compile(rf"^(?P<label>[A-Z][a-z\u00e0-\u017e'\-]+(?:{_SP}[A-Z][a-z\u00e0-\u017e'\-]+){{0,2}}){_SP}*:", re.M)
_HONORIFIC = rx.compile(rf"^(?:MR|MS|MRS|DR)\.{_SP}+", re.I)
_GENERIC_TITLE_LABELS = {"Question", "Answer", "Moderator", "Interpreter", "Reporter"}


def _labels(text: str) -> list[dict]:
    """Candidate turn labels in text order: label, start, end (label span), body_start, form."""
    idx = actors._index()
    found = []
    for m in _UPPER.finditer(text):
        label = m.group("label")
        if sum(c.isupper() for c in label) < 2:
            continue
        form = "honorific" if _HONORIFIC.match(label) else "upper"
        found.append((m.start(), m.end("label"), m.end(), label, form))
    for m in _Q.finditer(text):
        found.append((m.start(), m.end("label"), m.end(), "Q", "q"))
    titles = [m for m in _TITLE.finditer(text)]
    counts = Counter(m.group("label") for m in titles)
    for m in titles:
        label = m.group("label")
        # Title-case labels only when they are known names or repeat as labels (not "Look, here's the thing:").
        known = actors._norm(label) in idx["alias"]
        if label in _GENERIC_TITLE_LABELS or (" " in label and (known or counts[label] >= 2)):
            found.append((m.start(), m.end("label"), m.end(), label, "title"))
    found.sort()
    out = []
    for start, lab_end, colon_end, label, form in found:
        body = colon_end
        while body < len(text) and text[body] in " \t\u00a0":
            body += 1
        out.append({"label": label, "start": start, "end": lab_end, "body_start": body, "form": form})
    return out


def _is_named(lab: dict, labels_table: dict) -> bool:
    key = " ".join(lab["label"].upper().split())
    return lab["form"] in ("honorific", "title") or key in labels_table or key.startswith("THE ")


def is_transcript(text: str) -> bool:
    """True when text reads as a speaker-labelled transcript (named speaker turns make up much of it)."""
    # every label but "Q" ends in a colon: too few colons and Q lines, too few labels (most news stories);
    # the count of "Q" bounds the Q lines and is twice as quick to take (it settles 786 of 840 train articles)
    colons = text.count(":")
    if colons + text.count("Q") < 6 or colons + text.count("\nQ") + text.startswith("Q") < 6:
        return False
    labs = _labels(text)
    if len(labs) < 6:
        return False
    table = actors._index()["labels"]
    named = [lab for lab in labs if _is_named(lab, table) and lab["form"] != "q"]
    speakers = {" ".join(lab["label"].upper().split()) for lab in labs}
    paragraphs = max(1, sum(1 for p in re.split(r"\n\s*\n|\n", text) if p.strip()))
    # A news story may quote a few "Q:/A:" exchanges; a transcript is mostly labelled turns.
    return len(named) >= 3 and len(speakers) >= 2 and len(labs) / paragraphs >= 0.2


def _full_name(text: str, surname: str) -> list[str]:
    """Full names "<First> [X.] Surname" the transcript itself uses, most frequent first."""
    pat = re.compile(rf"\b((?:[A-Z][a-z]+{_SP}+)(?:[A-Z]\.{_SP}+)?{re.escape(surname)})\b")
    return [name for name, _ in Counter(m.group(1) for m in pat.finditer(text)).most_common()]


def _resolve_label(label: str, form: str, text: str, date: str | None, cache: dict) -> dict:
    """Speaker name, actor and camp for one label (camp "host" is settled after all labels)."""
    if label in cache:
        return cache[label]
    idx = actors._index()
    key = " ".join(label.upper().split())
    res = {"speaker_name": None, "actor": None, "camp": actors.UNKNOWN, "actor_type": None,
           "country": None, "resolved_by": "turn_label"}
    row = idx["labels"].get(key)
    if form == "q" or row is not None:
        row = row or idx["labels"]["Q"]
        res.update(camp=row["camp"], actor_type=row.get("actor_type") or None, default_camp=row.get("default_camp") or None)
    elif form == "honorific":
        surname = _HONORIFIC.sub("", label).strip().title()
        for name in _full_name(text, surname) + [surname]:
            r = actors.resolve_mention(name, text, date, surname_ok=True)
            if r["actor"]:
                res.update(r, speaker_name=r["actor"], resolved_by="turn_label")
                break
        else:
            full = _full_name(text, surname)
            res["speaker_name"] = full[0] if full else surname
    elif key.startswith("THE "):
        title = key[4:].title()  # THE PRESIDENT -> President, resolved from the heading
        m = re.search(rf"(?<!Vice ){re.escape(title)}{_SP}+((?:[A-Z][a-z]+{_SP}+)?[A-Z][a-z\-]+)", text[:2000])
        if m:
            r = actors.resolve_mention(m.group(1), text, date, surname_ok=True)
            if r["actor"]:
                res.update(r, speaker_name=r["actor"], resolved_by="turn_label")
    else:
        r = actors.resolve_mention(label, text, date, surname_ok=True)
        res.update(r, speaker_name=r["actor"] or label, resolved_by="turn_label")
    cache[label] = res
    return res


def turns(text: str, doc_id: str = "") -> list[dict]:
    """One contract quote record per speaking turn of a transcript (offsets into text as given)."""
    labs = _labels(text)
    date = actors.article_date(text)
    cache: dict = {}
    out = []
    for i, lab in enumerate(labs):
        end = labs[i + 1]["start"] if i + 1 < len(labs) else len(text)
        start = lab["body_start"]
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        res = _resolve_label(lab["label"], lab["form"], text, date, cache)
        out.append({"doc_id": doc_id, "start": start, "end": end, "quote": text[start:end],
                    "speaker": lab["label"], "speaker_start": lab["start"], "speaker_end": lab["end"],
                    "speaker_name": res["speaker_name"], "cue": None, "cue_start": None, "cue_end": None,
                    "kind": "direct", "cue_type": "turn", "speaker_type": res["actor_type"] or "person",
                    "intermediary": None, "intermediary_start": None, "intermediary_end": None,
                    "turn": True, "actor": res["actor"], "camp": res["camp"], "actor_type": res["actor_type"],
                    "country": res["country"], "resolved_by": res["resolved_by"],
                    "_default_camp": res.get("default_camp")})
    # "host": the camp of the transcript's named officials (MODERATOR of a White House call is U.S.).
    official = Counter(r["camp"] for r in out if r["actor"] and r["camp"].endswith("_official"))
    host = official.most_common(1)[0][0] if official else None
    for r in out:
        default = r.pop("_default_camp")
        if r["camp"] == "host":
            r["camp"] = host or default or actors.UNKNOWN
    return out


FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}


def inherit_turn_speaker(turn: dict, records: list[dict]) -> list[dict]:
    """Quotes inside a turn whose speaker is first person ("I think", "we said") take the turn's speaker (in place)."""
    for rec in records:
        # "I", "we", and their contractions ("I'd", "We're")
        head = (rec.get("speaker") or "").strip().lower().replace("\u2019", "'").split("'")[0]
        if head in FIRST_PERSON:
            rec["speaker_name"] = turn["speaker_name"] or turn["speaker"]
            for key in ("actor", "camp", "actor_type", "country"):
                rec[key] = turn[key]
            rec["resolved_by"] = "turn_speaker"
        rec["turn"] = False
    return records
