"""Command line: `python -m toolkit quotes|evaluate|run ...`.

The quotes command avoids importing pandas for JSON Lines output, so that a whole-process run
over hundreds of articles is dominated by extraction, not by start-up.
"""
from __future__ import annotations

import argparse
import gc
import io
import json
import sys
from itertools import islice
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from toolkit.errors import BatchInputError, InputError
from toolkit.interrupt import INTERRUPTED_AT_START, ctrl_c_only_while_waiting, direct

# The JSON Lines contract outside evaluations read: these keys always come first, in this order.
CONTRACT_KEYS = ("doc_id", "start", "end", "quote", "speaker", "speaker_start", "speaker_end",
                 "speaker_name", "cue", "cue_start", "cue_end", "kind")


# The articles the toolkit ships: the client's seed and the public-domain briefing transcripts.
DEFAULT_INPUTS = ("data/articles", "data/transcripts")


def _progress(items: list, desc: str) -> Iterable:
    """A progress bar on an interactive terminal; the plain sequence in pipes, logs and CI."""
    if not sys.stderr.isatty() or len(items) < 20:
        return items
    from tqdm import tqdm
    return tqdm(items, desc=desc, unit="article")


def contract_record(rec: dict) -> dict:
    """The record with the contract keys first (missing ones as null), then its other keys (the record itself
    when it is in that order already)."""
    if tuple(islice(rec, len(CONTRACT_KEYS))) == CONTRACT_KEYS:
        return rec  # extract_quotes builds records in this order already
    out = {k: rec.get(k) for k in CONTRACT_KEYS}
    out.update((k, v) for k, v in rec.items() if k not in out)
    return out


def iter_quotes(paths: list[str], errors: list[InputError], freeze_after_first: bool = False,
                interruptible: Callable = direct, tally: dict | None = None) -> Iterator[dict]:
    """Quote records of every readable file under `paths`; bad files are appended to `errors`.

    freeze_after_first: gc.freeze() once the first article is done (the caller unfreezes at the end).
    interruptible: what the imports, the listing and each file's reading and extraction run through
    (the `waiting` of interrupt.ctrl_c_only_while_waiting: a Ctrl-C then stops the records after the
    last whole article). tally: gets `files` (how many were found) and `articles` (how many had all
    their records taken)."""
    def load():
        from toolkit.corpus import list_text_files, read_text
        from toolkit.pipeline import article_quotes
        return list_text_files, read_text, article_quotes
    list_text_files, read_text, article_quotes = interruptible(load)
    try:
        files = interruptible(lambda: list_text_files(paths))
    except InputError as err:
        errors.append(err)
        return
    if tally is not None:
        tally["files"] = len(files)
    if not files:
        errors.append(InputError(", ".join(paths), "no .txt files found"))
    for doc_id, path in _progress(files, "quotes"):
        try:
            text = interruptible(lambda: read_text(path))
        except InputError as err:
            errors.append(err)
            continue
        yield from interruptible(lambda: [contract_record(rec) for rec in article_quotes(text, doc_id)])
        if tally is not None:
            tally["articles"] += 1
        if freeze_after_first:
            # the first article has loaded the lexicons, compiled patterns and memos that live as long as
            # the run: set aside, collections no longer re-scan them (GC time of a train run ~40 -> ~12 ms)
            gc.freeze()
            freeze_after_first = False


def _line_bytes():
    """One record -> its JSON line as UTF-8 bytes, newline included.

    orjson encodes a record six times faster than the json module (a twentieth of the CLI's time before);
    its lines are compact (`{"a":1}`), which JSON Lines readers parse to the same records. Without orjson,
    or for a value it refuses (an integer beyond 64 bits), the json module writes the line.
    """
    def slow(rec: dict) -> bytes:
        return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")

    try:
        import orjson
    except ImportError:
        return slow
    dumps, option, refused = orjson.dumps, orjson.OPT_APPEND_NEWLINE, orjson.JSONEncodeError

    def fast(rec: dict) -> bytes:
        try:
            return dumps(rec, option=option)
        except refused:
            return slow(rec)

    return fast


def _write_jsonl(records: Iterable[dict], out: IO, tally: dict | None = None) -> int:
    """Write records as JSON Lines to `out`, a binary stream or a text stream (its buffer when it has one).

    tally["quotes"]: how many were written, also when `records` raises (a Ctrl-C)."""
    encode = _line_bytes()
    if isinstance(out, io.TextIOBase):
        out.flush()
        buffer = getattr(out, "buffer", None)
        write = buffer.write if buffer is not None else (lambda b: out.write(b.decode("utf-8")))
    else:
        write = out.write
    n = 0
    try:
        for rec in records:
            write(encode(rec))
            n += 1
    finally:
        if tally is not None:
            tally["quotes"] = n
    return n


def _write_csv(records: Iterable[dict], out: IO[str], tally: dict | None = None) -> int:
    """Write records as CSV (its columns need them all); on Ctrl-C, those taken so far, then raise."""
    import csv
    rows: list[dict] = []
    try:
        for rec in records:
            rows.append(rec)
    except KeyboardInterrupt:
        _write_csv(rows, out, tally)
        raise
    if tally is not None:
        tally["quotes"] = len(rows)
    extra = sorted({k for r in rows for k in r} - set(CONTRACT_KEYS))
    writer = csv.DictWriter(out, fieldnames=[*CONTRACT_KEYS, *extra], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return len(rows)


def cmd_quotes(args: argparse.Namespace) -> int:
    fmt = args.format or ("csv" if args.output and args.output.endswith(".csv") else "jsonl")
    errors: list[InputError] = []
    if args.output in (None, "-"):
        out = sys.stdout
    elif fmt == "csv":
        out = open(args.output, "w", encoding="utf-8", newline="")
    else:  # JSON Lines are written as the UTF-8 bytes the encoder gives, through a 1 MB buffer: the default
        # (the file system's block, 4 kB) makes 3,060 write calls for train's 840 articles (11 MB), ~3 ms of the run
        out = open(args.output, "wb", buffering=1 << 20)
    # Extraction makes millions of short-lived dicts and lists and no garbage cycles to speak of: the cyclic
    # collector, run at its default pace, would take ~1.5% of the run re-scanning lexicons and memos. Fewer,
    # larger collections keep memory bounded all the same; the thresholds are restored for in-process callers.
    thresholds = gc.get_threshold()
    gc.set_threshold(10_000, 20, 20)
    freeze = gc.get_freeze_count() == 0  # (a caller's own frozen objects stay as they are)
    tally = {"files": None, "articles": 0, "quotes": 0}
    interrupted = False
    # Ctrl-C stops the run only while a file is read or an article extracted: the output then ends after the last
    # whole article, and no write (to a pipe, where a signal can cut one short) is left half done.
    with ctrl_c_only_while_waiting() as waiting:
        try:
            writer = _write_csv if fmt == "csv" else _write_jsonl
            n = writer(iter_quotes(args.paths, errors, freeze_after_first=freeze, interruptible=waiting, tally=tally),
                       out, tally)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            if freeze:
                gc.unfreeze()
            gc.set_threshold(*thresholds)
            if out is not sys.stdout:
                out.close()
            else:
                out.flush()
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    if interrupted:
        if not tally["articles"] and not tally["quotes"]:
            print(INTERRUPTED_AT_START, file=sys.stderr)
        else:
            dest = "stdout" if args.output in (None, "-") else args.output
            files = f" of {tally['files']}" if tally["files"] is not None else ""
            print(f"interrupted after {tally['articles']}{files} articles: their {tally['quotes']} quotes were written "
                  f"to {dest} (whole lines); the article in progress was left out", file=sys.stderr)
        return 130
    if args.output not in (None, "-"):
        print(f"wrote {n} quotes to {args.output}" + (f"; {len(errors)} file(s) failed" if errors else ""),
              file=sys.stderr)
    return 1 if errors else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from toolkit.evaluate import main as evaluate_main
    return evaluate_main(args.rest[1:] if args.rest[:1] == ["--"] else args.rest)


def cmd_run(args: argparse.Namespace) -> int:
    from toolkit.report import run_analysis
    return run_analysis([Path(p) for p in args.paths], Path(args.output))


def cmd_batch(args: argparse.Namespace) -> int:
    from toolkit import runner, stream
    cols = stream.columns(args.id_col, args.date_col, args.text_col, args.title_col, args.outlet_col)
    # Both modes plan partitions from the paths: workers read their own, and the plan's count feeds the ETA.
    if args.dask is not None:
        from toolkit.dask_run import run as dask_run
        try:
            summary = dask_run(args.inputs, args.output, address=None if args.dask == "local" else args.dask,
                               workers=args.jobs, fmt=args.format, resume=args.resume,
                               input_format=args.input_format, cols=cols)
        except KeyboardInterrupt:  # (dask_run may be past its start when a Ctrl-C gets out of it)
            print(f"interrupted: every part recorded in {args.output} is whole; run the same command again to resume",
                  file=sys.stderr)
            return 130
    else:
        # Once the input is planned, runner.run holds Ctrl-C back and reports it in the summary: a KeyboardInterrupt
        # out of it is one at start-up, which main reports (INTERRUPTED_AT_START).
        summary = runner.run(args.inputs, args.output, jobs=args.jobs, fmt=args.format, resume=args.resume,
                             input_format=args.input_format, cols=cols)
    with ctrl_c_only_while_waiting():  # the report of the run is not cut short
        runner.print_summary(summary, args.output)
    return 130 if summary["interrupted"] else 1 if summary["failures"] else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `python -m toolkit`."""
    ap = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)

    q = sub.add_parser("quotes", help="extract quotations with speakers and cues as JSON Lines or CSV")
    q.add_argument("paths", nargs="+", metavar="PATH", help=".txt file or folder of .txt files")
    q.add_argument("-o", "--output", help="output file (default: stdout)")
    q.add_argument("--format", choices=("jsonl", "csv"),
                   help="default: csv when OUT ends in .csv, else jsonl")
    q.set_defaults(func=cmd_quotes)

    e = sub.add_parser("evaluate", help="score quote predictions against brat gold", add_help=False)
    e.add_argument("rest", nargs=argparse.REMAINDER)
    e.set_defaults(func=cmd_evaluate)

    r = sub.add_parser("run", help="the whole analysis of a folder: tables and reports")
    r.add_argument("paths", nargs="*", metavar="PATH", default=list(DEFAULT_INPUTS),
                   help="article files or folders (default: %(default)s)")
    r.add_argument("-o", "--output", default="reports", help="output folder (default: reports)")
    r.set_defaults(func=cmd_run)

    b = sub.add_parser("batch", help="quotes of a large corpus on all cores or Dask, resumable, as Parquet/JSONL parts")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="folders of .txt, brat folders, .csv or .jsonl exports")
    b.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder (parts + manifest.jsonl)")
    b.add_argument("--jobs", type=int, default=None, help="processes or Dask workers (default: all cores)")
    b.add_argument("--format", choices=("parquet", "jsonl"), default="parquet", help="part format (default: parquet)")
    b.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True,
                   help="skip articles OUTDIR already holds (default); --no-resume starts afresh")
    b.add_argument("--dask", nargs="?", const="local", default=None, metavar="ADDRESS",
                   help="run on Dask: a local cluster, or the scheduler at ADDRESS (tcp://host:8786)")
    b.add_argument("--input-format", choices=("txt", "brat", "csv", "jsonl"), help="default: from the suffix")
    for name, default in (("id", "id"), ("text", "text"), ("date", "date"), ("title", "title"), ("outlet", "outlet")):
        b.add_argument(f"--{name}-col", default=default, help=f"CSV/JSONL column of the {name} (default: {default})")
    b.set_defaults(func=cmd_batch)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point: parse arguments, run the command, turn input errors into messages."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["evaluate"]:  # its own parser takes every argument after the command
        argv = ["evaluate", "--", *argv[1:]]
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InputError, BatchInputError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # quotes and batch report a Ctrl-C after their start themselves
        print(INTERRUPTED_AT_START if args.command in ("quotes", "batch") else "interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
