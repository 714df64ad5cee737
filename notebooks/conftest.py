"""nbval settings for the curated notebooks: the sanitize file applies without extra options."""
from __future__ import annotations

from pathlib import Path

SANITIZE = Path(__file__).with_name("nbval_sanitize.cfg")


def pytest_configure(config) -> None:
    # `make test` runs plain `pytest --nbval`; an explicit --nbval-sanitize-with still wins.
    if getattr(config.option, "nbval_sanitize_with", "unset") is None:
        config.option.nbval_sanitize_with = str(SANITIZE)
