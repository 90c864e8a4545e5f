"""Secrets in every form they can come back in, and the one function that masks them in a text.

An api-key a server echoes may come back as it was sent, URL-encoded (`%2B` for `+`,
`+` or `%20` for a space) or base64-encoded, even inside a longer base64 text (an echoed
`api-key: KEY` header line). `secret_forms` lists them all; `mask` replaces every form
with `MASK`. The client masks every text an answer brings (`gui.onenet.client`), the log
filter and the store mask every registered key (`gui.data.logs`). No Qt here.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

__all__ = ["MASK", "MIN_SECRET_LENGTH", "mask", "secret_forms"]

#: What replaces a secret in texts that are stored, logged or shown.
MASK = "***"
#: Shorter strings are not masked: they would garble every text (a one-letter test key
#: masks every such letter) and are no real api-key (OneNET's are dozens of characters).
MIN_SECRET_LENGTH = 6


def _base64_cores(data: bytes) -> set[str]:
    """The base64 characters that encode `data` whatever its offset (0, 1, 2 bytes) inside a longer text.

    Only characters made of `data`'s bits alone, so each is found inside any base64 text
    that contains `data` (standard and URL-safe alphabets).
    """
    cores: set[str] = set()
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + data).decode("ascii")
        first = -(-offset * 8 // 6)  # ceil: the first character made of data's bits only
        last = (offset + len(data)) * 8 // 6  # floor: past the last such character
        core = encoded[first:last]
        cores |= {core, core.replace("+", "-").replace("/", "_")}
    return cores


def secret_forms(secret: str) -> tuple[str, ...]:
    """Every form `secret` may come back in: as is, URL-encoded (`quote`, `quote_plus`), base64 (any offset).

    Longest first, so a longer form is masked before a shorter one inside it; forms shorter
    than `MIN_SECRET_LENGTH` are left out, and `()` for a secret that short.
    """
    if len(secret) < MIN_SECRET_LENGTH:
        return ()
    forms = {secret, quote(secret, safe=""), quote(secret), quote_plus(secret)}
    forms |= _base64_cores(secret.encode("utf-8"))
    return tuple(sorted((f for f in forms if len(f) >= MIN_SECRET_LENGTH), key=len, reverse=True))


def mask(text: str, forms: Iterable[str]) -> str:
    """`text` with every occurrence of every form (from `secret_forms`) replaced by `MASK`."""
    for form in forms:
        if form in text:
            text = text.replace(form, MASK)
    return text
