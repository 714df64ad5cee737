"""Ctrl-C in `python -m toolkit quotes|batch`, as a terminal sends it: one line saying what was written, status 130.

The moment is known without timing: the command blocks reading a FIFO (an input file, or, to stand for a slow
import, a test-only import hook), and the signal is sent once the command has opened it.
"""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEED
from toolkit.interrupt import INTERRUPTED_AT_START
from toolkit.corpus import read_text
from toolkit.pipeline import article_quotes

pytestmark = pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs FIFOs and /proc (Linux)")


def _as_from_a_terminal() -> None:
    """Ctrl-C as a command started from a terminal gets it: a test run in a background job (where the shell ignores
    SIGINT, and children inherit that) must not make the command deaf to it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _blocked_reading_a_pipe(pid: int) -> bool:
    """Whether the process's main thread sleeps in a read of a pipe or FIFO. (Only then is the signal sure to cut its
    read short: one that comes just before the read starts is handled by Python only when the read returns.)"""
    with open(f"/proc/{pid}/wchan", encoding="ascii") as fh:
        return "pipe" in fh.read()


def _ctrl_c_once_reading(fifo: Path, argv: list[str]) -> tuple[int, str, str]:
    """Run `argv`, send it SIGINT once it has opened `fifo` and waits in its read, and return its status, stdout and
    stderr."""
    proc = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_as_from_a_terminal)
    deadline = time.monotonic() + 120  # (a bound for a broken run only: the signal waits for the open, not a delay)
    fd = None
    try:
        while fd is None or not _blocked_reading_a_pipe(proc.pid):
            if fd is None:
                try:  # succeeds only once a reader has the FIFO open
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as exc:
                    if exc.errno != errno.ENXIO:
                        raise
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"the command never waited on {fifo.name}: {proc.communicate()[1][-2000:]}")
            time.sleep(0.01)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        if fd is not None:
            os.close(fd)
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return proc.returncode, out, err


@pytest.fixture
def blocked(tmp_path) -> tuple[Path, Path]:
    """A real article, a.txt, and b.txt, a FIFO that no one writes: a command reading both blocks on b.txt."""
    good = tmp_path / "a.txt"
    good.write_text(read_text(SEED), encoding="utf-8")
    fifo = tmp_path / "b.txt"
    os.mkfifo(fifo)
    return good, fifo


@pytest.mark.parametrize("output", ["stdout", "q.jsonl", "q.csv"])
def test_quotes_ctrl_c_mid_run_keeps_the_whole_articles_and_says_so(blocked, tmp_path, output):
    good, fifo = blocked
    expected = len(article_quotes(read_text(good), "a"))
    assert expected > 3
    argv = [sys.executable, "-m", "toolkit", "quotes", str(good), str(fifo)]
    if output != "stdout":
        argv += ["-o", str(tmp_path / output)]
    code, out, err = _ctrl_c_once_reading(fifo, argv)
    dest = "stdout" if output == "stdout" else str(tmp_path / output)
    assert code == 130 and err == (f"interrupted after 1 of 2 articles: their {expected} quotes were written to "
                                   f"{dest} (whole lines); the article in progress was left out\n"), err
    written = out if output == "stdout" else (tmp_path / output).read_text(encoding="utf-8")
    assert written.endswith("\n")
    if output == "q.csv":
        import csv
        rows = list(csv.DictReader(written.splitlines()))
    else:
        rows = [json.loads(line) for line in written.splitlines()]
    assert len(rows) == expected and {r["doc_id"] for r in rows} == {"a"}


def test_quotes_ctrl_c_before_the_first_article(blocked, tmp_path):
    _, fifo = blocked
    out = tmp_path / "q.jsonl"
    code, _, err = _ctrl_c_once_reading(fifo, [sys.executable, "-m", "toolkit", "quotes", str(fifo), "-o", str(out)])
    assert (code, err) == (130, INTERRUPTED_AT_START + "\n")
    assert out.read_bytes() == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_ctrl_c_before_the_first_article(blocked, tmp_path, jobs):
    _, fifo = blocked
    out = tmp_path / "out"
    code, _, err = _ctrl_c_once_reading(fifo, [sys.executable, "-m", "toolkit", "batch", str(fifo), "-o", str(out),
                                               "--jobs", jobs])
    assert (code, err) == (130, INTERRUPTED_AT_START + "\n")
    assert not list(out.glob("part-*")) and not (out / "manifest.jsonl").exists()


@pytest.mark.parametrize("command", ["quotes", "batch"])
def test_ctrl_c_while_the_toolkit_is_imported(tmp_path, command):
    """`python -m toolkit` exactly as run from a shell, except for a test-only import hook that waits on a FIFO while
    toolkit.cli imports its first toolkit module: the Ctrl-C lands in the middle of the imports."""
    hook = tmp_path / "import.fifo"
    os.mkfifo(hook)
    args = [command, str(SEED)] + (["-o", str(tmp_path / "out")] if command == "batch" else [])
    code = f"""
import runpy, sys
class WaitOnImport:
    def find_spec(self, name, path=None, target=None):
        if name == "toolkit.errors":
            sys.meta_path.remove(self)
            open({str(hook)!r}).read()
        return None
sys.meta_path.insert(0, WaitOnImport())
sys.argv = ["toolkit", *{args!r}]
runpy.run_module("toolkit", run_name="__main__", alter_sys=True)
"""
    status, out, err = _ctrl_c_once_reading(hook, [sys.executable, "-c", code])
    assert (status, out, err) == (130, "", INTERRUPTED_AT_START + "\n")
    assert not (tmp_path / "out").exists()
