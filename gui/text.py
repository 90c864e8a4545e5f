"""Words for counts and sentences, shared by the window and the command line (no Qt)."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`1 datapoint`, `1,000 datapoints`; `plural` for nouns that do not just take an "s"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {plural or noun + 's'}"


def sentence(text: str) -> str:
    """`text` as a sentence: a full stop added unless it ends with `.`, `?`, `!` or `…` already.

    Messages that end without one ("… the last wins") read as one with a question after them.
    """
    stripped = text.rstrip()
    return stripped if stripped.endswith((".", "?", "!", "…")) else stripped + "."
