"""Shared test fixtures: where the repo's data and the read-only ../shared corpora live."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEED = DATA / "articles" / "000_4b47a35a151c059f.txt"
TRANSCRIPTS = DATA / "transcripts"
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "polnear"


def need_polnear() -> Path:
    """The PolNeAR folder, or skip: it is not redistributable, so only CI and developers have it."""
    if not (POLNEAR / "train" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR} (licence forbids shipping it; CI provides ../shared)")
    return POLNEAR


@pytest.fixture
def polnear() -> Path:
    return need_polnear()


def ctrl_c_around_manifest_line(monkeypatch, where: str, sent: list, ctrl_c) -> None:
    """Patch runner.append_manifest to call ctrl_c() the first time it records a part while `sent` is empty:
    `before the line` (the part is off the ledger's pending list, its line not yet written) or `after the line`
    (written and flushed, append_manifest not yet returned); the batch runner's and the Dask run's tests share it."""
    from toolkit import runner
    real_append = runner.append_manifest

    def append_manifest(outdir, entry):
        if where == "before the line" and entry.get("part") and not sent:
            ctrl_c()
        real_append(outdir, entry)
        if where == "after the line" and entry.get("part") and not sent:
            ctrl_c()
    monkeypatch.setattr(runner, "append_manifest", append_manifest)


# CI runs the property tests with a fixed derandomised seed so a run is repeatable; developers keep
# hypothesis's random search (and its example database) to find new cases.
try:
    import os

    from hypothesis import settings
    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")
except ImportError:  # hypothesis is a test extra
    pass
