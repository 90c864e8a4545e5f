"""OneNET's signed `token` for the current (thing model) platform: made, read and checked. No Qt.

The algorithm is shared onenet-api.md, "The current platform", **Token** [H]::

    version=2018-10-31&res=<res>&et=<unix seconds>&method=<md5|sha1|sha256>&sign=<sign>
    sign = base64(HMAC_<method>(base64decode(key), et + "\\n" + method + "\\n" + res + "\\n" + version))

- `res` is `products/<pid>/devices/<device name>` when signed with the device's key,
  `products/<pid>` when signed with the product's access key;
- every value is URL-encoded in the token (`/` -> `%2F`, `+` -> `%2B`, `=` -> `%3D`, ...);
- `et` (expiry, Unix seconds, UTC) in the past: the platform refuses the token.

A token is made fresh for every request (`fresh_token`: `et` = now + `DEFAULT_LIFETIME`)
and never stored or logged; the key it is made from is a secret like the api-key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import time
from dataclasses import dataclass
from urllib.parse import quote, unquote

__all__ = [
    "DEFAULT_LIFETIME_S",
    "DEFAULT_METHOD",
    "METHODS",
    "VERSION",
    "TokenError",
    "TokenParts",
    "decode_key",
    "fresh_token",
    "make_token",
    "parse_token",
    "resource",
    "sign",
]

#: The only `version` the platform's token algorithm names (shared onenet-api.md, "Token").
VERSION = "2018-10-31"
#: The signature methods of the algorithm, by the names the token carries.
METHODS = ("md5", "sha1", "sha256")
#: The strongest of the three; md5 and sha1 stay for firmware that can only do those.
DEFAULT_METHOD = "sha256"
#: Seconds a per-request token stays valid: long enough for a slow answer and a clock a
#: little off, short enough that a token seen in transit is soon worthless.
DEFAULT_LIFETIME_S = 300
#: Product ids and device names must not change the shape of `res` (`products/<pid>/devices/<name>`).
_FORBIDDEN_IN_NAME = re.compile(r"[/\s\x00-\x1f\x7f]")


class TokenError(ValueError):
    """A token cannot be made or read: the key is not base64, the expiry is past, a name or method is wrong."""


def decode_key(key: str) -> bytes:
    """The bytes of a device key or product access key (base64 text, shared onenet-api.md, "Identity").

    Surrounding blanks are ignored (a key pasted from the console). Raises TokenError for an
    empty key or one that is not base64 (standard alphabet, `=` padding).
    """
    text = key.strip()
    if not text:
        raise TokenError("the key is empty")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise TokenError(
            "the key is not base64 text (the OneNET console shows device keys and access keys as base64, "
            "e.g. ending in '='); copy it again"
        ) from None


def _check_name(what: str, name: str) -> None:
    if not name or _FORBIDDEN_IN_NAME.search(name):
        raise TokenError(f"{what} {name!r} must be non-empty, without '/', spaces or control characters")


def resource(product_id: str, device_name: str | None = None) -> str:
    """`res`: `products/<pid>/devices/<device name>` for a device key, `products/<pid>` for the access key.

    Raises TokenError for an empty id or name, or one with `/`, spaces or control characters.
    """
    _check_name("product id", product_id)
    if device_name is None:
        return f"products/{product_id}"
    _check_name("device name", device_name)
    return f"products/{product_id}/devices/{device_name}"


def sign(key: str, res: str, et: int, method: str, version: str = VERSION) -> str:
    """The signature, base64 text (not URL-encoded): HMAC of `et\\nmethod\\nres\\nversion` under the decoded key.

    Raises TokenError for a key that is not base64 or a method other than md5, sha1, sha256.
    """
    if method not in METHODS:
        raise TokenError(f"method {method!r} is not one of {', '.join(METHODS)}")
    message = f"{et}\n{method}\n{res}\n{version}".encode()
    digest = hmac.new(decode_key(key), message, getattr(hashlib, method)).digest()
    return base64.b64encode(digest).decode("ascii")


def _encoded(value: str) -> str:
    """A token value URL-encoded: all but letters, digits and `-._~` (`/` -> `%2F`, `+` -> `%2B`, `=` -> `%3D`)."""
    return quote(value, safe="")


def make_token(
    key: str,
    product_id: str,
    device_name: str | None = None,
    *,
    et: int,
    method: str = DEFAULT_METHOD,
    now: float | None = None,
) -> str:
    """The token for `res` of `product_id` (and `device_name`, when `key` is that device's key).

    `et` is the expiry in Unix seconds (UTC). `now` (Unix seconds, default the clock) is
    only used to refuse an `et` that is not in the future. Raises TokenError for a key
    that is not base64, an unknown method, a bad id or name, or `et` not after `now`.
    """
    if isinstance(et, bool) or not isinstance(et, int):
        raise TokenError(f"et must be whole Unix seconds, not {et!r}")
    current = time.time() if now is None else now
    if et <= current:
        raise TokenError(f"the expiry et={et} is not in the future (now is {int(current)}): the platform refuses it")
    res = resource(product_id, device_name)
    signature = sign(key, res, et, method)
    return (
        f"version={_encoded(VERSION)}&res={_encoded(res)}&et={et}&method={_encoded(method)}&sign={_encoded(signature)}"
    )


def fresh_token(
    key: str,
    product_id: str,
    device_name: str | None = None,
    *,
    method: str = DEFAULT_METHOD,
    lifetime_s: int = DEFAULT_LIFETIME_S,
    now: float | None = None,
) -> str:
    """A token for one request: `et` = now + `lifetime_s` seconds (default 5 minutes). Errors as `make_token`."""
    if lifetime_s < 1:
        raise TokenError("a token must live at least one second")
    current = time.time() if now is None else now
    return make_token(key, product_id, device_name, et=int(current) + lifetime_s, method=method, now=current)


@dataclass(frozen=True)
class TokenParts:
    """A token's fields, URL-decoded: `res`, `et` (Unix seconds), `method`, `sign` (base64), `version`."""

    version: str
    res: str
    et: int
    method: str
    sign: str

    @property
    def product_id(self) -> str | None:
        """The `<pid>` of `res`, or None when `res` is not `products/<pid>[/devices/<name>]`."""
        parts = self.res.split("/")
        return parts[1] if len(parts) in (2, 4) and parts[0] == "products" else None

    @property
    def device_name(self) -> str | None:
        """The `<device name>` of `res` (a device token), or None (a product token, or not understood)."""
        parts = self.res.split("/")
        return parts[3] if len(parts) == 4 and parts[0] == "products" and parts[2] == "devices" else None

    def signed_by(self, key: str) -> bool:
        """True when `sign` is this token's signature under `key` (compared in constant time)."""
        try:
            expected = sign(key, self.res, self.et, self.method, self.version)
        except TokenError:
            return False
        return hmac.compare_digest(expected.encode(), self.sign.encode())


def parse_token(token: str) -> TokenParts:
    """Read a token's fields, in any order, URL-decoded (`%2f` and `%2F` alike).

    Raises TokenError naming what is wrong: a field missing or given twice, `et` not whole
    seconds, a method other than md5, sha1, sha256. Whether it is signed right and still
    valid is `TokenParts.signed_by` and `et` (the sandbox checks both).
    """
    fields: dict[str, str] = {}
    for item in token.strip().split("&"):
        name, sep, value = item.partition("=")
        if not sep:
            raise TokenError(f"token part {item[:40]!r} is not name=value")
        if name in fields:
            raise TokenError(f"token field {name!r} is given twice")
        fields[name] = unquote(value)
    missing = [name for name in ("version", "res", "et", "method", "sign") if name not in fields]
    if missing:
        raise TokenError(f"token has no {', '.join(missing)}")
    if not re.fullmatch(r"[0-9]{1,12}", fields["et"]):
        raise TokenError(f"token et {fields['et'][:20]!r} is not Unix seconds")
    if fields["method"] not in METHODS:
        raise TokenError(f"token method {fields['method'][:20]!r} is not one of {', '.join(METHODS)}")
    return TokenParts(fields["version"], fields["res"], int(fields["et"]), fields["method"], fields["sign"])
