"""Errors the toolkit raises on bad input: each names the file and the reason."""
from __future__ import annotations


class InputError(ValueError):
    """One input file (or record) that cannot be used, with the reason why."""

    def __init__(self, path: object, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class BatchInputError(ValueError):
    """Several bad inputs found in one batch load; `errors` lists each InputError."""

    def __init__(self, errors: list[InputError]):
        self.errors = list(errors)
        lines = "\n".join(f"  - {e}" for e in self.errors)
        super().__init__(f"{len(self.errors)} input file(s) could not be loaded:\n{lines}")
