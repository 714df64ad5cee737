"""Ctrl-C only where the work can stop cleanly: the bookkeeping of the batch runner and the Dask run, and the
quotes command's writes.

Kept apart from the runner so that the quotes command, which avoids heavy imports to start fast,
can use the same mechanism.
"""
from __future__ import annotations

import signal
from contextlib import contextmanager
from typing import Callable, Iterator

# What a Ctrl-C before the first article means for quotes and batch (exit status 130).
INTERRUPTED_AT_START = "interrupted before any article was processed; nothing was written"


def direct(get: Callable):
    """Call `get` as it is: what `ctrl_c_only_while_waiting` gives where Ctrl-C is not held back."""
    return get()


@contextmanager
def ctrl_c_only_while_waiting(active: bool = True) -> Iterator[Callable]:
    """While active, Ctrl-C raises KeyboardInterrupt only inside the returned `waiting(get)` call.

    Callers run through `waiting` what a Ctrl-C should cut short. The batch runners (toolkit.runner):
    waiting for a worker, for the next article of the input and, in one process, reading a
    partition and each article's extraction (process_articles then stops after the last whole
    article). The quotes command: reading and extracting each article, so that its output ends
    after the last whole article, never inside a line. Everything else is bookkeeping that a
    KeyboardInterrupt must not cut in two: between writing a part and recording it (the part was
    left unrecorded, its articles computed again on resume), between writing a manifest line and
    emptying what it recorded (the articles were written again), between adding a chunk's records
    and its doc_ids (records without their article, doubled on resume), inside `pool.submit` after
    the partition was queued (a worker computed a part nobody recorded), inside a write to a pipe.

    A Ctrl-C that comes outside `waiting` is noted and raised at the next call; one still noted
    when the context ends is dropped, as the work it would have stopped is done. Forked workers
    inherit the handler until `runner._init_worker` ignores Ctrl-C, so one that comes while they
    start up no longer kills them. The handler can only be set from the main thread; elsewhere
    (and when not `active`) `waiting` is `direct` and Ctrl-C is not held back.
    """
    state = {"waiting": False, "noted": False}

    def waiting(get: Callable):
        if state["noted"]:
            state["noted"] = False
            raise KeyboardInterrupt
        state["waiting"] = True
        try:
            return get()
        finally:
            state["waiting"] = False

    def on_ctrl_c(signum, frame) -> None:
        if state["waiting"]:
            raise KeyboardInterrupt
        state["noted"] = True

    try:
        previous = signal.signal(signal.SIGINT, on_ctrl_c) if active else False
    except ValueError:  # not the main thread (the check without importing threading, which the CLI does not need)
        previous = False
    if previous is False:
        yield direct
        return
    try:
        yield waiting
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
