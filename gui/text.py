"""Words for counts, shared by the window and the command line (no Qt)."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`1 datapoint`, `1,000 datapoints`; `plural` for nouns that do not just take an "s"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {plural or noun + 's'}"
