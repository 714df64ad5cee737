"""Compiled regular expressions kept on disk between runs, as Python keeps compiled modules in .pyc files.

The toolkit compiles some 270 patterns when it starts (the cue lexicon alone makes a pattern of ~900 words), and
CPython's `re` parses and compiles each in pure Python: about 0.1 s a run, a few per cent of a corpus run of the
quotes command. `compile()` is `re.compile()` with a second-level cache: the first run stores each pattern's compiled
program in the user's cache folder, later runs build the pattern object from it without parsing. The cache is keyed by
the exact pattern text and flags, and its file by the Python version and the regex engine's version, so an edited
pattern or another Python is simply a miss. Anything unexpected (no cache folder, a damaged file, another Python
implementation) falls back to `re.compile()`, which gives the same pattern object.

The same file keeps a few values the toolkit derives from its lexicons at every start (`kept`: the cue lexicon's
table and its ~900 forms' pattern text, ~23 ms to build), each keyed by a hash of the files it is built from, the
lexicon and the code that builds it, as Python checks a hash-based .pyc against its source: an edit of either is a
miss, and the value is built afresh.

Set NEWSQUOTE_REGEX_CACHE to a folder to move the cache, or to an empty string to turn it off.
"""
from __future__ import annotations

import _thread
import atexit
import marshal
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache, wraps
from importlib.util import source_hash
from pathlib import Path
from typing import TypeVar

try:  # CPython's regex engine: its compiler's parts build the program, its C core makes the pattern object
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python implementation: no cache
    _sre = None

# a compiled program: (flags as the pattern reports them, program, number of groups, group index, names by index)
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_MAX_ENTRIES = 4_000  # beyond this, a save keeps only the patterns this process used (old patterns of edited code go)
T = TypeVar("T")

# a pattern's key is (its text, its flags) and its entry the compiled program; a kept value's key is (its name, the
# hash of its sources) and its entry the value's marshal bytes
_entries: dict[tuple[str, int | bytes], Entry | bytes] | None = None
_used: set[tuple[str, int | bytes]] = set()
_added = False


@lru_cache(maxsize=1)
def cache_file() -> Path | None:
    """The cache file for this Python and regex engine, or None when caching is off (read once a process)."""
    if _sre is None or sys.implementation.name != "cpython":
        return None
    folder = os.environ.get("NEWSQUOTE_REGEX_CACHE")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "newsquote-toolkit")
    if not folder:
        return None
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    return Path(folder) / f"regex-cpython{version}-sre{_sre.MAGIC}-{_sre.CODESIZE}.marshal"


def _load() -> dict[tuple[str, int | bytes], Entry | bytes]:
    """The cached programs, read once per process (an unreadable file is an empty cache)."""
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_file()
        if path is not None:
            try:
                loaded = marshal.loads(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                loaded = None
            if isinstance(loaded, dict):
                _entries = loaded
            atexit.register(save)
    return _entries


def _program(pattern: str, flags: int) -> Entry:
    """The compiled program of a pattern, as re's own compiler makes it (re._compiler.compile, before its last step)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # (opcodes are an int subclass marshal cannot store)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


# (re.compile as it was at import: compiles_cached() replaces re.compile for a while, and this module's own fall-backs
# must not come back to itself)
_plain_compile = re.compile


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:  # noqa: A001 (re.compile's name)
    """re.compile(pattern, flags), with the compiled program read from and added to the on-disk cache."""
    global _added
    flags = int(flags)
    if not isinstance(pattern, str) or flags & re.DEBUG or cache_file() is None:
        return _plain_compile(pattern, flags)
    entries = _load()
    key = (pattern, flags)
    entry = entries.get(key)
    _used.add(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # a damaged entry (the engine validates a program before it runs it): compile afresh
            pass
    try:
        entry = _program(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # re's internals differ from what this module expects: no cache for this pattern
        return _plain_compile(pattern, flags)
    entries[key] = entry
    _added = True
    return compiled


_replacing = _thread.RLock()  # (the lock of threading, without importing threading: the CLI does not need it)


@contextmanager
def compiles_cached() -> Iterator[None]:
    """Within the block, re.compile of a text pattern is `compile`: for importing a library that compiles its patterns
    at import, which this cache then keeps (ftfy: ~59 patterns, ~54 ms of every run that imports it)."""
    # (process-wide while it lasts, so meant for an import only; any other re.compile meanwhile gets the same pattern.
    # One block at a time: two threads' blocks interleaved would leave re.compile replaced for good)
    def compile_cached(pattern, flags=0):
        return compile(pattern, flags) if isinstance(pattern, str) else _plain_compile(pattern, flags)

    with _replacing:
        previous, re.compile = re.compile, compile_cached
        try:
            yield
        finally:
            re.compile = previous


def sources_hash(paths: Iterable[Path]) -> bytes | None:
    """A hash of the files' bytes, for `kept` (None when one cannot be read: nothing is kept)."""
    try:
        data = [path.read_bytes() for path in paths]
    except OSError:
        return None
    # (each file's length first: moving bytes from one file to the next changes the hash)
    return source_hash(b"".join(len(d).to_bytes(8, "little") + d for d in data))


def kept(sources: Callable[[], bytes | None]) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Decorate a function of no arguments, whose value marshal can store, to keep its value in the cache file under
    its name and `sources()`, a hash (sources_hash) of every file it is built from and of the code that builds it."""
    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        name = f"{build.__module__}.{build.__qualname__}"

        @wraps(build)
        def value() -> T:
            return _kept_value(name, sources, build)
        return value
    return decorate


def _kept_value(name: str, sources: Callable[[], bytes | None], build: Callable[[], T]) -> T:
    """build()'s value, read from the cache under (name, sources()) or built and added to it."""
    global _added
    if cache_file() is None or (digest := sources()) is None:
        return build()
    entries = _load()
    key = (name, digest)
    _used.add(key)
    entry = entries.get(key)
    if isinstance(entry, bytes):
        try:
            return marshal.loads(entry)
        except (ValueError, EOFError, TypeError):  # a damaged entry: build the value afresh
            pass
    value = build()
    try:
        # (stored as bytes made now: a caller changing the value it was given cannot change what later runs read)
        entries[key] = marshal.dumps(value)
    except ValueError:  # a value marshal cannot store: not kept
        return value
    _added = True
    return value


def save() -> None:
    """Write the cache if this process compiled a pattern or built a kept value it did not hold (runs at exit; failures
    are ignored)."""
    path = cache_file()
    if not _added or path is None or _entries is None:
        return
    keep = _entries if len(_entries) <= _MAX_ENTRIES else {k: v for k, v in _entries.items() if k in _used}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(keep))
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new, never half of one
    except OSError:
        pass
