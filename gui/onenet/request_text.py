"""A prepared request written out for people: as HTTP text (`describe_request`) and as a curl command
(`curl_command`), its api-key or token masked unless asked (`gui.onenet.client.SECRET_HEADERS`)."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from gui.onenet.client import MASK, SECRET_HEADERS

if TYPE_CHECKING:  # requests is loaded by the client that made the request, not to show the window
    import requests


def describe_request(prepared: requests.PreparedRequest, reveal_key: bool = False, mask: str = MASK) -> str:
    """The request as HTTP/1.1 text (request line, Host, headers), api-key shown as `mask` unless revealed.

    The body is not included; show `prepared.body` bytes beside it. The
    window masks with dots, `send --dry-run` with `***`.
    """
    parts = urlsplit(prepared.url or "")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"{prepared.method} {target} HTTP/1.1", f"Host: {parts.netloc}"]
    for name, value in prepared.headers.items():
        if name.lower() in SECRET_HEADERS and not reveal_key:
            value = mask
        lines.append(f"{name}: {value}")
    return "\n".join(lines)


#: The variable a masked curl command reads the api-key from.
CURL_KEY_VARIABLE = "ONENET_API_KEY"
#: The variable a masked curl command reads a current-platform token from (`token`, `authorization` headers).
CURL_TOKEN_VARIABLE = "ONENET_TOKEN"
#: Bodies up to this many bytes go into curl's argument list; longer ones are
#: piped in by the shell's printf builtin (Linux caps one argument at 128 KiB).
CURL_INLINE_BODY_MAX = 100_000


def curl_command(prepared: requests.PreparedRequest, reveal_key: bool = False) -> str:
    """A POSIX shell (sh, bash, zsh) command that sends the same request with curl, body byte for byte.

    The body is single-quoted (`shlex.quote`), which a POSIX shell passes
    on unchanged: JSON, type 5 text, Chinese ids, `$`, quotes and
    backslashes included. Bodies over `CURL_INLINE_BODY_MAX` bytes are
    piped in with `printf '%s' '…' | curl --data-binary @-` (a shell builtin:
    no argument-length limit). The api-key is written as
    `"$ONENET_API_KEY"` unless `reveal_key`. Not for fish or Windows cmd,
    whose quoting differs. Raises ValueError for a body that is not UTF-8
    text (the encoders never make one).
    """
    body = prepared.body if isinstance(prepared.body, bytes) else (prepared.body or "").encode()
    text = body.decode("utf-8")
    if "\x00" in text:
        raise ValueError("a body with NUL characters cannot be passed to a shell")
    method = prepared.method or "POST"
    lines = [f"curl -sS -X {shlex.quote(method)} " + shlex.quote(prepared.url or "")]
    for name, value in prepared.headers.items():
        if name.lower() == "api-key":
            lines.append(
                f"-H {shlex.quote(f'{name}: {value}')}" if reveal_key else f'-H "{name}: ${CURL_KEY_VARIABLE}"'
            )
        elif name.lower() in SECRET_HEADERS:
            lines.append(
                f"-H {shlex.quote(f'{name}: {value}')}" if reveal_key else f'-H "{name}: ${CURL_TOKEN_VARIABLE}"'
            )
        elif name.lower() == "content-type":
            lines.append(f"-H {shlex.quote(f'{name}: {value}')}")
    if not body and method != "POST":  # a read (GET): no body to pass
        return " \\\n  ".join(lines)
    if len(body) <= CURL_INLINE_BODY_MAX:
        lines.append(f"--data-binary {shlex.quote(text)}")
        return " \\\n  ".join(lines)
    lines.append("--data-binary @-")
    return f"printf '%s' {shlex.quote(text)} | " + " \\\n  ".join(lines)
