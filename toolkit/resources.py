"""Locate the lexicons and gazetteers that ship with the package."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def lexicon_path(name: str) -> Path:
    """Path of a shipped lexicon file (toolkit/lexicons/NAME); clear error if missing."""
    path = Path(str(resources.files("toolkit") / "lexicons" / name))
    if not path.is_file():
        raise FileNotFoundError(f"lexicon {name!r} not found at {path}; is the package installed completely?")
    return path
