"""The regex cache: patterns read back from disk are the patterns re.compile makes, and a bad cache never breaks a run.

Each case runs the toolkit in a fresh interpreter with its own cache folder: the cache is per process state, read once
and written at exit, which only a new process shows.
"""
from __future__ import annotations

import marshal
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED, TRANSCRIPTS
from toolkit import regexcache

pytestmark = pytest.mark.skipif(sys.implementation.name != "cpython",
                                reason="not CPython: the regex cache is off and re.compile is used as it is")
TRANSCRIPT = sorted(TRANSCRIPTS.glob("*.txt"))[0]


def run(args: list[str], cache: str | Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """A fresh interpreter running `args` from the repo root with NEWSQUOTE_REGEX_CACHE=cache (HOME in tmp_path)."""
    env = os.environ | {"NEWSQUOTE_REGEX_CACHE": str(cache), "HOME": str(tmp_path), "XDG_CACHE_HOME": ""}
    done = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done


def quotes(cache: str | Path, tmp_path: Path, name: str) -> str:
    """The quotes command's JSON Lines for the seed article and one transcript, run with the given cache folder."""
    out = tmp_path / f"{name}.jsonl"
    run(["-m", "toolkit", "quotes", str(SEED), str(TRANSCRIPT), "-o", str(out)], cache, tmp_path)
    return out.read_text(encoding="utf-8")


def the_file(folder: Path) -> Path:
    """The one cache file the toolkit wrote in `folder`."""
    (path,) = folder.glob("regex-*.marshal")
    return path


def test_a_warm_run_builds_every_pattern_from_the_cache_and_writes_the_same_quotes(tmp_path):
    folder = tmp_path / "cache"
    cold = quotes(folder, tmp_path, "cold")
    path = the_file(folder)
    entries = marshal.loads(path.read_bytes())
    assert len(entries) > 200  # the toolkit's patterns, the cue lexicon's among them
    inode = path.stat().st_ino
    assert quotes(folder, tmp_path, "warm") == cold
    assert path.stat().st_ino == inode  # nothing compiled afresh, so nothing written (a save replaces the file)
    assert quotes("", tmp_path, "off") == cold
    assert not (tmp_path / ".cache").exists()  # an empty NEWSQUOTE_REGEX_CACHE turns the cache off


def test_patterns_read_from_the_cache_match_as_re_compile_does(tmp_path):
    folder = tmp_path / "cache"
    quotes(folder, tmp_path, "fill")
    # in a second process every cached pattern comes from the file: compare each with re.compile's on real text
    script = f"""
import marshal, re
from pathlib import Path
from toolkit import regexcache
texts = [Path({str(SEED)!r}).read_text(encoding="utf-8"), Path({str(TRANSCRIPT)!r}).read_text(encoding="utf-8")[:30000]]
keys = marshal.loads(regexcache.cache_file().read_bytes())
hits = 0
keys = [(pattern, flags) for pattern, flags in keys if isinstance(flags, int)]  # (not the kept values, regexcache.kept)
for pattern, flags in keys:
    cached, fresh = regexcache.compile(pattern, flags), re.compile(pattern, flags)
    assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == \\
        (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex), pattern
    for text in texts:
        a = [(m.span(), m.groups()) for m in cached.finditer(text)]
        assert a == [(m.span(), m.groups()) for m in fresh.finditer(text)], pattern
        hits += len(a)
print(len(keys), hits)
"""
    n_keys, hits = map(int, run(["-c", script], folder, tmp_path).stdout.split())
    assert n_keys > 200 and hits > 1000


def test_a_damaged_cache_file_is_ignored_and_written_anew(tmp_path):
    folder = tmp_path / "cache"
    expected = quotes(folder, tmp_path, "plain")
    path = the_file(folder)
    path.write_bytes(b"\x00not a marshal file")
    assert quotes(folder, tmp_path, "damaged") == expected
    assert len(marshal.loads(path.read_bytes())) > 200


def test_a_damaged_entry_falls_back_to_compiling_the_pattern(tmp_path):
    folder = tmp_path / "cache"
    script = """
from toolkit import regexcache
print(regexcache.compile(r"(\\w+) said").search("and Li said so").group(1))
"""
    assert run(["-c", script], folder, tmp_path).stdout.strip() == "Li"
    # a program the regex engine refuses, stored under that pattern's key
    the_file(folder).write_bytes(marshal.dumps({(r"(\w+) said", 0): (32, [999], 1, {}, (None, None))}))
    assert run(["-c", script], folder, tmp_path).stdout.strip() == "Li"


def test_a_cache_folder_that_cannot_be_written_leaves_the_run_as_it_is(tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert quotes(blocker / "cache", tmp_path, "unwritable") == quotes("", tmp_path, "plain")


def test_a_bad_pattern_is_reported_as_re_compile_reports_it():
    with pytest.raises(re.error, match="missing \\)"):
        regexcache.compile(r"(unclosed")


# the cue tables the cache keeps (regexcache.kept), from a copy of the package at argv[1]; with argv[2] "read", building
# one fails (the CSV reader is gone), so each must come from the cache
KEPT_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from toolkit import cues
assert cues.__file__.startswith(sys.argv[1]), cues.__file__
if sys.argv[2] == "read":
    cues._read_csv = None
print(len(cues.cue_table()), len(cues.weak_forms()), len(cues.rare_forms()), len(cues._capitalised_forms()),
      len(cues._forms_alternation()), ",".join(cue[2] for cue in cues.find_cues("Li zorbled it, he said.")))
"""


def package_copy(tmp_path: Path) -> Path:
    """A copy of the toolkit package (code and lexicons) to edit: the folder holding it."""
    shutil.copytree(ROOT / "toolkit", tmp_path / "pkg" / "toolkit", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "pkg"


def cue_tables(pkg: Path, mode: str, cache: str | Path, tmp_path: Path) -> str:
    """KEPT_SCRIPT's line: the sizes of the cue tables and the lemmas of the cues it finds in a sentence."""
    return run(["-c", KEPT_SCRIPT, str(pkg), mode], cache, tmp_path).stdout.strip()


def test_an_edited_cue_lexicon_gives_the_new_cue_pattern_not_the_kept_one(tmp_path):
    pkg, folder = package_copy(tmp_path), tmp_path / "cache"
    plain = cue_tables(pkg, "build", "", tmp_path)
    assert plain.endswith(" say")
    assert cue_tables(pkg, "build", folder, tmp_path) == plain  # built and kept
    assert cue_tables(pkg, "read", folder, tmp_path) == plain  # read from the cache
    with open(pkg / "toolkit" / "lexicons" / "cue_verbs.csv", "a", encoding="utf-8") as fh:
        fh.write("zorble,zorble zorbles zorbled,speech,clause\n")
    edited = cue_tables(pkg, "build", folder, tmp_path)
    assert edited.endswith(" zorble,say") and edited == cue_tables(pkg, "build", "", tmp_path)
    assert cue_tables(pkg, "read", folder, tmp_path) == edited  # the new tables were kept in their turn


def test_edited_cue_code_gives_the_new_tables_not_the_kept_ones(tmp_path):
    pkg, folder = package_copy(tmp_path), tmp_path / "cache"
    kept = cue_tables(pkg, "build", folder, tmp_path)
    code = pkg / "toolkit" / "cues.py"
    source = code.read_text(encoding="utf-8")
    assert "\nMIN_PRECISION = 0.4 " in source
    code.write_text(source.replace("\nMIN_PRECISION = 0.4 ", "\nMIN_PRECISION = 0.3 "), encoding="utf-8")  # more forms
    edited = cue_tables(pkg, "build", folder, tmp_path)
    assert edited != kept and edited == cue_tables(pkg, "build", "", tmp_path)


def test_a_damaged_kept_value_is_built_afresh(tmp_path):
    pkg, folder = package_copy(tmp_path), tmp_path / "cache"
    plain = cue_tables(pkg, "build", folder, tmp_path)
    path = the_file(folder)
    entries = marshal.loads(path.read_bytes())
    damaged = {key: b"\x00damaged" for key in entries if isinstance(key[1], bytes)}
    assert len(damaged) == 5
    path.write_bytes(marshal.dumps(entries | damaged))
    assert cue_tables(pkg, "build", folder, tmp_path) == plain



# a text whose UTF-8 was read as cp1252 ("’", "“", "”" as three characters each): cleaning it imports ftfy
FTFY_SCRIPT = """
import re
from toolkit.cleaning import clean
plain = re.compile
print(clean("The minister\u00e2\u0080\u0099s reply: \u00e2\u0080\u009cno panacea\u00e2\u0080\u009d.").text)
print(re.compile is plain)
"""


def test_ftfys_patterns_compiled_at_its_import_are_kept_and_it_mends_text_as_before(tmp_path):
    import ftfy.badness

    folder = tmp_path / "cache"
    cold = run(["-c", FTFY_SCRIPT], folder, tmp_path).stdout
    assert cold == "The minister’s reply: “no panacea”.\nTrue\n"  # mended, and re.compile is itself again
    badness = ftfy.badness.BADNESS_RE
    assert (badness.pattern, badness.flags & ~re.UNICODE) in marshal.loads(the_file(folder).read_bytes())
    assert run(["-c", FTFY_SCRIPT], folder, tmp_path).stdout == cold  # its patterns read back from the cache
    assert run(["-c", FTFY_SCRIPT], "", tmp_path).stdout == cold  # cache off: re.compile as it is


def test_blocks_entered_by_threads_at_once_leave_re_compile_as_it_was():
    import threading
    import time

    plain = re.compile

    def block(start: threading.Barrier) -> None:
        start.wait()
        with regexcache.compiles_cached():
            time.sleep(0.002)  # (while another thread's block begins: interleaved, the last restore put back ours)
            assert re.compile(r"\bLi\s+Hui\b").search("envoy Li Hui said")

    for _ in range(10):
        start = threading.Barrier(6)
        threads = [threading.Thread(target=block, args=(start,)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert re.compile is plain
