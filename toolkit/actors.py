"""Resolve quote speakers to canonical actors and their camps, from readable gazetteer files.

The gazetteer (lexicons/actors.csv), role descriptions (roles.csv), group rules (group_camps.csv)
and document nouns (document_nouns.txt) are CSV/TXT files an analyst extends. They are read once
into plain dicts (`_index`, cached per path) so resolving a quote is a handful of dict look-ups:
the quotes CLI calls this for every article.

Order of resolution for one mention (first hit wins):
  1. the whole mention is an alias or a role description ("the WSJ", "Russia's foreign ministry");
  2. within the mention's head (cut before "interviewed by", "who", ", "...; a document noun such as
     "a statement issued by X" hands over to X): the right-most alias / role / surname match, since
     an English noun phrase ends in its head ("Russia's Lavrov", "Russian Foreign Minister Sergei Lavrov");
     a bare surname counts only when the text names that actor in full ("Li" -> Li Hui);
  3. group words ("Western officials", "European diplomats") give a camp but no actor.
Unresolved mentions keep actor None and camp "unknown"; `unresolved` lists them for the analyst.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from toolkit import regexcache as rx
from toolkit.resources import lexicon_path

if TYPE_CHECKING:  # pandas only for the analyst-facing DataFrame functions
    import pandas as pd

UNKNOWN = "unknown"
CAMPS = ("russia_official", "china_official", "ukraine_official", "western_official", "western_media",
         "russian_state_media", "chinese_state_media", "journalist", "other", UNKNOWN)
RESOLVED_KEYS = ("actor", "camp", "actor_type", "country", "resolved_by",
                 "intermediary_actor", "intermediary_camp")

_TOKEN = rx.compile(r"\w+(?:[.'\-]\w+)*")
_PIECE = rx.compile(r"\w+")
_DATE = rx.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})")
_LEADING = {"the", "a", "an"}
_HONORIFIC = {"mr", "ms", "mrs", "miss", "dr", "sir", "madam"}
# Where the head of a speaker mention ends: relative clauses and participles that modify it.
_HEAD_END = rx.compile(r",|\(|\b(?:who|which|whose|interviewed|quoted|cited|speaking|familiar|close to|"
                       r"briefed|issued|released|published|posted|sent|in an?|at|on|during|after)\b", re.I)
_COMPLEMENT = rx.compile(r"\b(?:by|from|of|for)\s+(.+)$", re.I)
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "me", "us"}


@lru_cache(maxsize=65536)  # mentions and names recur within and across articles
def _norm(s: str) -> str:
    """Lower-case word sequence with curly apostrophes folded and a leading article dropped."""
    toks = _TOKEN.findall(s.replace("\u2019", "'").replace("\u2018", "'").lower())
    if toks and toks[0] in _LEADING:
        toks = toks[1:]
    return " ".join(toks)


def _read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


@lru_cache(maxsize=4)
def _index(path: str | None = None) -> dict:
    """Gazetteer, roles, groups and document nouns as dicts; read once per path."""
    gaz = Path(path) if path else lexicon_path("actors.csv")
    actors, alias, surname, full = {}, {}, {}, {}
    for row in _read_rows(gaz):
        name = row["actor"].strip()
        if not name:
            continue
        camp = row.get("camp", "").strip() or "other"
        if camp not in CAMPS:
            raise ValueError(f"{gaz}: actor {name!r} has unknown camp {camp!r}; use one of {CAMPS}")
        actors[name] = {"actor": name, "camp": camp, "actor_type": row.get("type", "").strip() or None,
                        "country": row.get("country", "").strip() or None}
        names = [name] + _split(row.get("aliases"))
        for a in names:
            alias.setdefault(_norm(a), name)
        # Full names (two words or more) are the context evidence a bare surname needs.
        full[name] = sorted({a for a in names if len(a.split()) > 1 and a[0].isupper()}, key=len)
        for s in _split(row.get("surname")):
            surname.setdefault(_norm(s), []).append(name)
    roles = {}
    for row in _read_rows(lexicon_path("roles.csv")):
        if row["actor"] not in actors:
            raise ValueError(f"roles.csv: role {row['role']!r} names {row['actor']!r}, not in {gaz.name}")
        roles.setdefault(_norm(row["role"]), []).append(
            (row.get("valid_from") or "", row.get("valid_to") or "", row["actor"]))
    groups = []
    for row in _read_rows(lexicon_path("group_camps.csv")):
        # single words are tested by set intersection, phrases ("state media") by substring
        aff = [_norm(w) for w in _split(row["affiliation_words"])]
        rol = [_norm(w) for w in _split(row["role_words"])]
        groups.append(({w for w in aff if " " not in w}, [f" {w} " for w in aff if " " in w],
                       {w for w in rol if " " not in w}, [f" {w} " for w in rol if " " in w], row["camp"].strip()))
    with open(lexicon_path("document_nouns.txt"), encoding="utf-8") as fh:
        docs = {_norm(line) for line in fh if line.strip() and not line.startswith("#")}
    labels = {}
    for row in _read_rows(lexicon_path("transcript_labels.csv")):
        labels[" ".join(row["label"].upper().split())] = row
    max_n = max(len(k.split()) for k in list(alias) + list(roles))
    return {"actors": actors, "alias": alias, "surname": surname, "full": full, "roles": roles,
            "groups": groups, "documents": docs, "labels": labels, "max_n": max_n,
            # mention words -> camps of matching group rules / gazetteer n-grams; words recur across articles
            "group_memo": {}, "ngram_memo": {}, "head_memo": {}, "resolve_memo": {},
            "key_words": {w for key in [*alias, *roles, *surname] for w in key.split()},
            "group_words": {w for g in groups for w in g[0]}, "group_phrase_rules": [g for g in groups if g[1]],
            "anchors": _anchors([*alias, *roles, *surname], groups)}


def _anchors(keys: list[str], groups: list[tuple]) -> dict[str, list[tuple[frozenset, list | None]]]:
    """What a mention must hold to resolve at all, filed under one word piece of each need.

    A mention resolves only through an alias, role or surname key, or a group rule (an affiliation word or
    phrase plus a role word or phrase), and each of them needs all its word pieces (`_PIECE`) among the
    mention's. Each need is filed under its longest piece (the rarest, roughly): a mention that holds such a
    piece tests the needs filed there. Value: (pieces of a key, None), or (pieces of a group rule's affiliation
    term, pieces of each of the rule's role terms).
    """
    anchors: dict[str, list] = {}

    def add(term: str, roles: list | None) -> None:
        need = frozenset(_PIECE.findall(term))
        if need:
            anchors.setdefault(max(sorted(need), key=len), []).append((need, roles))

    for key in keys:
        add(key, None)
    for aff1, affn, rol1, roln, _camp in groups:
        roles = [frozenset(_PIECE.findall(r)) for r in [*rol1, *roln]]
        for aff in [*aff1, *affn]:
            add(aff, roles)
    return anchors


def article_date(text: str | None) -> str | None:
    """The ISO date of a `date YYYY-MM-DD` header at the top of an article, if any."""
    m = _DATE.match(text or "")
    return m.group(1) if m else None


def _role_holder(holders: list, date: str | None) -> str | None:
    if date:
        for start, end, name in holders:
            if (not start or start <= date) and (not end or date < end):
                return name
        return None
    return max(holders, key=lambda h: h[0])[2]


def _named_in_text(idx: dict, name: str, text: str | None) -> bool:
    return bool(text) and any(full in text for full in idx["full"].get(name, ()))


def _ngram_keys(idx: dict, words: list[str]) -> list[tuple[int, int, str]]:
    """(i, j, key) of every word n-gram words[i:j] that is an alias, role or surname (memoised: the same
    mentions recur across articles)."""
    memo = idx["ngram_memo"]
    words_key = tuple(words)
    found = memo.get(words_key)
    if found is None:
        found = []
        n_words = len(words)
        known = idx["key_words"]
        for i in range(n_words):
            for j in range(i + 1, min(n_words, i + idx["max_n"]) + 1):
                if words[j - 1] not in known:
                    break  # no alias, role or surname holds this word
                key = " ".join(words[i:j])
                if key in idx["alias"] or key in idx["roles"] or key in idx["surname"]:
                    found.append((i, j, key))
        if len(memo) < 100_000:
            memo[words_key] = found
    return found


def _ngram_match(idx: dict, words: list[str], text: str | None, date: str | None,
                 surname_ok: bool) -> tuple[str, str, int] | None:
    """Right-most, then longest, alias / role / surname inside a word list -> (actor, how, end word)."""
    best = None  # (end, length, actor, how)
    for i, j, key in _ngram_keys(idx, words):  # which of them count depends on the text and date
        hit = None
        if key in idx["alias"]:
            hit = (idx["alias"][key], "alias")
        elif key in idx["roles"]:
            holder = _role_holder(idx["roles"][key], date)
            hit = (holder, "role") if holder else None
        elif key in idx["surname"]:
            cands = idx["surname"][key]
            named = [c for c in cands if _named_in_text(idx, c, text)]
            if len(named) == 1:
                hit = (named[0], "surname")
            elif surname_ok and len(cands) == 1:
                hit = (cands[0], "surname")
        if hit and (best is None or (j, j - i) > best[:2]):
            best = (j, j - i, hit[0], hit[1])
    return (best[2], best[3], best[0]) if best else None


def _head(mention: str, idx: dict) -> str:
    """The part of a mention that names the speaker ("Western officials interviewed by ..." -> first two words)."""
    m = _HEAD_END.search(mention)
    head = mention[:m.start()] if m and m.start() > 0 else mention
    words = _norm(head).split()
    # "a statement issued by X", "a readout from X": the speaker is X (looked for only after a document noun).
    if words and (words[-1] in idx["documents"] or " ".join(words[-2:]) in idx["documents"]):
        comp = _COMPLEMENT.search(mention)
        if comp:
            return comp.group(1)
    return head


def _group_camps(idx: dict, norm: str) -> set[str]:
    """Camps whose group rule (affiliation word + role word) a mention matches."""
    memo = idx["group_memo"]
    if norm in memo:
        return set(memo[norm])
    key = norm
    norm = norm.replace("'s", "")
    toks = set(norm.split())
    padded = f" {norm} "
    found = []
    # a rule matches through an affiliation word or phrase: without any affiliation word, only the rules
    # with phrases can
    rules = idx["groups"] if not toks.isdisjoint(idx["group_words"]) else idx["group_phrase_rules"]
    for aff1, affn, rol1, roln, camp in rules:
        if aff1.isdisjoint(toks) and not (affn and any(a in padded for a in affn)):
            continue
        if rol1.isdisjoint(toks) and not (roln and any(r in padded for r in roln)):
            continue
        found.append(camp)
    camps = frozenset(found)
    if len(memo) < 100_000:
        memo[key] = camps
    return set(camps)


def _group_camp(idx: dict, norm: str) -> str | None:
    """Camp of a group mention by its words; None when no rule or rules of different camps match."""
    camps = _group_camps(idx, norm)
    # "Russian and Chinese officials" is no single camp.
    return camps.pop() if len(camps) == 1 else None


def resolve_mention(mention: str | None, text: str | None = None, date: str | None = None,
                    gazetteer: str | None = None, surname_ok: bool = False) -> dict:
    """Actor, camp, actor_type, country and resolved_by for one speaker mention (or name)."""
    return dict(_resolution(_index(gazetteer), mention, text, date, surname_ok))


def _resolution(idx: dict, mention: str | None, text: str | None, date: str | None, surname_ok: bool) -> dict:
    """resolve_mention's result as a dict that may be shared: callers copy it, never change it."""
    if not isinstance(mention, str) or not mention.strip():  # None or NaN from a DataFrame
        return _UNRESOLVED
    # a mention whose resolution needs neither the article's text (surnames) nor its date (roles) is
    # resolved once for all articles
    known = idx["resolve_memo"].get((mention, surname_ok))
    if known is not None:
        return known
    out, context_free = _resolve(idx, mention, text, date, surname_ok)
    if context_free and len(idx["resolve_memo"]) < 100_000:
        idx["resolve_memo"][(mention, surname_ok)] = out
    return out


_UNRESOLVED = {"actor": None, "camp": UNKNOWN, "actor_type": None, "country": None, "resolved_by": None}


def _resolve(idx: dict, mention: str, text: str | None, date: str | None, surname_ok: bool) -> tuple[dict, bool]:
    """resolve_mention's result, and whether it holds whatever the article's text and date."""
    out = dict(_UNRESOLVED)
    # a mention without all the word pieces of some alias, role or surname key or group rule resolves to
    # nothing (nine in ten mentions in news text): the head, its n-grams and the group words below are made
    # of the mention's pieces (the group rules drop "'s" first, which may join two pieces)
    low = mention.replace("\u2019", "'").replace("\u2018", "'").lower()
    found = _PIECE.findall(low)
    if "'s" in low:
        found += _PIECE.findall(low.replace("'s", ""))
    anchors = idx["anchors"]
    if anchors.keys().isdisjoint(found):  # most mentions: no need is filed under any of their pieces
        return out, True
    pieces = set(found)
    if not any(need <= pieces and (roles is None or any(r <= pieces for r in roles))
               for p in anchors.keys() & pieces for need, roles in anchors[p]):
        return out, True
    norm = _norm(mention)
    if not norm or norm in _PRONOUNS:
        return out, True
    hit = None
    context_free = True
    if norm in idx["alias"]:
        hit = (idx["alias"][norm], "alias")
    elif norm in idx["roles"]:
        context_free = False
        if _role_holder(idx["roles"][norm], date):
            hit = (_role_holder(idx["roles"][norm], date), "role")
    if hit is None:
        head = idx["head_memo"].get(mention)
        if head is None:
            head = _norm(_head(mention, idx))
            if len(idx["head_memo"]) < 100_000:
                idx["head_memo"][mention] = head
        words = head.split()
        if len(words) > 1 and words[0] in _HONORIFIC:
            words = words[1:]  # "Mr. Kirby", "Ms. Jean-Pierre"
        if any(key not in idx["alias"] for _, _, key in _ngram_keys(idx, words)):
            context_free = False  # a role (date) or a surname (text) may decide
        hit = _ngram_match(idx, words, text, date, surname_ok)
        if hit and hit[2] < len(words) and _group_camps(idx, head):
            hit = None  # "U.S. officials": the name only modifies a group noun
        if hit is None:
            camp = _group_camp(idx, head) or _group_camp(idx, norm)
            if camp:
                out.update(camp=camp, actor_type="group", resolved_by="group")
                return out, context_free
    if hit:
        out.update(idx["actors"][hit[0]])
        out["resolved_by"] = hit[1]
    return out, context_free


def resolve_records(records: list[dict], text: str | None = None, gazetteer: str | None = None) -> list[dict]:
    """Add actor, camp, actor_type, country, resolved_by, intermediary_actor/camp to quote records (in place)."""
    date = article_date(text)
    idx = _index(gazetteer)
    memo: dict = {}  # the same mention recurs within an article; its resolution is shared, never changed

    def _res(mention):
        got = memo.get(mention)
        if got is None:
            got = memo[mention] = _resolution(idx, mention, text, date, False)
        return got

    for rec in records:
        if rec.get("camp") is not None:
            # already resolved: a transcript turn (from its label) or a first-person quote inside one
            for key in RESOLVED_KEYS:
                rec.setdefault(key, None)
            rec["camp"] = rec.get("camp") or UNKNOWN
            res = rec
        else:
            # the resolved name, else the mention as written, else unresolved
            name, speaker = rec.get("speaker_name"), rec.get("speaker")
            res = _res(name) if isinstance(name, str) else _UNRESOLVED
            if res["camp"] == UNKNOWN:
                res = _res(speaker) if speaker != name and isinstance(speaker, str) else _UNRESOLVED
                if res["camp"] == UNKNOWN:
                    res = _UNRESOLVED
            rec.update(res)  # copies: memo entries are shared
        inter = rec.get("intermediary")
        if inter:
            ir = _res(inter) if isinstance(inter, str) else _UNRESOLVED
            rec["intermediary_actor"], rec["intermediary_camp"] = ir["actor"], ir["camp"]
        else:
            rec["intermediary_actor"], rec["intermediary_camp"] = None, None
        rec.setdefault("turn", False)
    return records


def load_gazetteer(path: str | Path | None = None) -> "pd.DataFrame":
    """The actors gazetteer as a DataFrame (aliases and surnames as lists), one row per actor."""
    import pandas as pd

    gaz = Path(path) if path else lexicon_path("actors.csv")
    if not gaz.is_file():
        raise FileNotFoundError(f"{gaz}: gazetteer file not found")
    df = pd.DataFrame(_read_rows(gaz))
    for col in ("aliases", "surname"):
        df[col] = df[col].map(_split)
    return df.replace({"": None})


def resolve(quotes: "pd.DataFrame", texts: dict | None = None, gazetteer: str | None = None) -> "pd.DataFrame":
    """A copy of a quotes DataFrame with actor/camp columns; texts (doc_id -> article text) enable surname context."""
    import pandas as pd

    texts = texts or {}
    rows = quotes.astype(object).where(quotes.notna(), None).to_dict("records")
    by_doc: dict = {}
    for row in rows:
        by_doc.setdefault(row.get("doc_id"), []).append(row)
    for doc_id, recs in by_doc.items():
        for rec in recs:
            if rec.get("resolved_by") not in ("turn_label", "turn_speaker"):
                rec["camp"] = None  # re-resolve all but transcript turns and first person inside them
        resolve_records(recs, texts.get(doc_id), gazetteer)
    return pd.DataFrame(rows, index=quotes.index)


def unresolved(quotes: "pd.DataFrame") -> "pd.DataFrame":
    """Speaker mentions left with camp 'unknown', with counts, most frequent first (to extend the gazetteer)."""
    import pandas as pd

    if "camp" not in quotes:
        quotes = resolve(quotes)
    unk = quotes[quotes["camp"] == UNKNOWN]
    if unk.empty:
        return pd.DataFrame(columns=["speaker", "speaker_name", "count", "docs"])
    key = unk["speaker_name"].fillna(unk["speaker"]).fillna("(no speaker)")
    g = unk.assign(_key=key).groupby("_key")
    out = pd.DataFrame({"speaker": g["speaker"].first(), "count": g.size(), "docs": g["doc_id"].nunique()})
    out.index.name = "speaker_name"
    return out.reset_index().sort_values(["count", "speaker_name"], ascending=[False, True], ignore_index=True)
