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
