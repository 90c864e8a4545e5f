"""The sandbox's routes of the legacy (api-key) platform: POST and GET /devices/{device_id}/datapoints, and the
answer to any other path, with the platform's errno answers (shared onenet-api.md) and the sandbox's fault
injection. The h11 layer (:mod:`gui.sandbox.connection`) reads the request and writes the answer. No Qt."""

from __future__ import annotations

import re
from collections.abc import Callable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from gui.onenet.decoding import decode, upload_at_problem
from gui.onenet.formats import BodyType, FormatError
from gui.sandbox.capture import Finding, Severity, body_findings, fix_for_format_error, sandbox_text
from gui.sandbox.capture import finding as capture_finding
from gui.sandbox.framing import Answer, Request, RequestError, json_bytes, shown_target
from gui.sandbox.platform import (
    ERRNO_AUTH_FAILED,
    ERRNO_BAD_BODY,
    ERRNO_BAD_PARAMETER,
    ERRNO_NOT_FOUND,
    ERRNO_OK,
    ReadQuery,
    mask_key,
    readback_at,
)
from gui.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.sandbox.server import Sandbox

_SUCC = "succ"
_AUTH_FAILED = "auth failed"
DATAPOINTS_PATH = re.compile(r"/devices/(?P<device>[^/]+)/datapoints/?")


class LegacyRoutes:
    """The legacy platform's answers for one connection; `read_body(request)` reads a request's whole body
    (RequestError errno 6 when it cannot)."""

    def __init__(self, sandbox: Sandbox, read_body: Callable[[Request], bytes]) -> None:
        self.sandbox = sandbox
        self._read_body = read_body

    def not_found(self, request: Request) -> Answer:
        close = False
        try:
            if request.method != "POST" or request.h11_headers.get("content-length"):
                self._read_body(request)
        except RequestError:
            close = True
        error = f"no such API: {request.method} {shown_target(request.target)}"
        request.findings.append(
            capture_finding(
                Severity.ERROR,
                error,
                sandbox_text(
                    "fix-api",
                    QT_TRANSLATE_NOOP(
                        "sandbox",
                        "uploads are POST /devices/<device_id>/datapoints[?type=N]; read-back is GET on the same path",
                    ),
                ),
            )
        )
        return Answer.of(HTTPStatus.NOT_FOUND, ERRNO_NOT_FOUND, error, close=close)

    def _params(self, request: Request) -> dict[str, list[str]]:
        return parse_qs(urlsplit(request.target).query, keep_blank_values=True)

    def _auth(self, request: Request, device_id: str) -> None:
        """RequestError(errno 3) with the reason in words unless the api-key is that device's."""
        given = request.header("api-key")  # header names are case-insensitive
        given = given.strip() if given is not None else None
        if self.sandbox.key_matches(device_id, given):
            return
        request.key_wrong = given is not None
        sandbox = self.sandbox
        if given is None:
            finding = capture_finding(
                Severity.ERROR,
                sandbox_text("no-key-header", QT_TRANSLATE_NOOP("sandbox", "no api-key header")),
                sandbox_text(
                    "fix-key-header", QT_TRANSLATE_NOOP("sandbox", "add the header api-key: <the device's api-key>")
                ),
            )
        elif not sandbox.knows(device_id):
            finding = capture_finding(
                Severity.ERROR,
                sandbox_text(
                    "unknown-device",
                    QT_TRANSLATE_NOOP("sandbox", "device {device} is not one the sandbox knows"),
                    device=repr(device_id),
                ),
                sandbox_text(
                    "fix-device-path",
                    QT_TRANSLATE_NOOP("sandbox", "check the device id in the path /devices/<device_id>/datapoints"),
                ),
            )
        elif (owner := sandbox.device_of_key(given)) is not None:
            finding = capture_finding(
                Severity.ERROR,
                sandbox_text(
                    "key-of-other-device",
                    QT_TRANSLATE_NOOP("sandbox", "the api-key {key} is the key of device {owner}, not of {device}"),
                    key=mask_key(given, whole=True),
                    owner=repr(owner),
                    device=repr(device_id),
                ),
                sandbox_text(
                    "fix-own-key",
                    QT_TRANSLATE_NOOP("sandbox", "send device {device}'s own api-key, or post to {path}"),
                    device=repr(device_id),
                    path=f"/devices/{owner}/datapoints",
                ),
            )
        else:
            finding = capture_finding(
                Severity.ERROR,
                sandbox_text(
                    "wrong-key",
                    QT_TRANSLATE_NOOP("sandbox", "the api-key {key} is not device {device}'s"),
                    key=mask_key(given, whole=True),
                    device=repr(device_id),
                ),
                sandbox_text(
                    "fix-copy-key",
                    QT_TRANSLATE_NOOP("sandbox", "copy the device's api-key again (no spaces, same case)"),
                ),
            )
        raise RequestError(ERRNO_AUTH_FAILED, _AUTH_FAILED, finding=finding)

    def post(self, request: Request) -> Answer:
        sandbox = self.sandbox
        device_id = request.device
        assert device_id is not None
        number = sandbox.count_upload()
        type_values = self._params(request).get("type")
        request.body_type = ",".join(type_values) if type_values else "1"
        framing: RequestError | None = None
        body = b""
        try:
            body = self._read_body(request)
        except RequestError as exc:
            framing = exc
        close = framing is not None
        if _nth(number, sandbox.fail_every):
            sandbox._sleep(sandbox.delay)
            text = f"500 Internal Server Error\n(sandbox: upload #{number} fails, fail_every={sandbox.fail_every})\n"
            request.findings.append(_fault(f"fail_every={sandbox.fail_every}"))
            return Answer(HTTPStatus.INTERNAL_SERVER_ERROR, text.encode(), "text/plain; charset=utf-8", close=close)
        if _nth(number, sandbox.throttle_every):
            sandbox._sleep(sandbox.delay)
            text = f"429 Too Many Requests\n(sandbox: upload #{number}, throttle_every={sandbox.throttle_every})\n"
            request.findings.append(_fault(f"throttle_every={sandbox.throttle_every}"))
            return Answer(
                HTTPStatus.TOO_MANY_REQUESTS,
                text.encode(),
                "text/plain; charset=utf-8",
                [("Retry-After", sandbox.retry_after)],
                close=close,
            )
        if _nth(number, sandbox.html_every):
            sandbox._sleep(sandbox.delay)
            page = (
                f"<!DOCTYPE html><html><head><title>Sign in</title></head><body>sandbox: upload #{number}</body></html>"
            )
            request.findings.append(_fault(f"html_every={sandbox.html_every}"))
            return Answer(sandbox.html_status, page.encode(), "text/html; charset=utf-8", close=close)
        status: int = HTTPStatus.OK
        errno, error, stored = ERRNO_OK, _SUCC, 0
        try:
            self._auth(request, device_id)
            if framing is not None:
                raise framing
            body_type = _body_type(type_values)
            try:
                at_texts: list[str] = []
                readings = decode(body, body_type, at_texts=at_texts)
                for text in at_texts:
                    problem = upload_at_problem(text)
                    if problem is None:
                        continue
                    refused, reason = problem
                    if refused:
                        raise FormatError(reason)
                    request.findings.append(capture_finding(Severity.WARNING, reason, fix_for_format_error(reason)))
                request.findings.extend(body_findings(readings))
                stored = len(sandbox.store(device_id, readings))
            except FormatError as exc:
                raise RequestError(
                    ERRNO_BAD_BODY,
                    str(exc),
                    finding=capture_finding(
                        Severity.ERROR,
                        sandbox_text(
                            "bad-body",
                            QT_TRANSLATE_NOOP("sandbox", "the body is not valid type {type}: {why}"),
                            type=str(int(body_type)),
                            why=getattr(exc, "text", None) or str(exc),
                        ),
                        fix_for_format_error(str(exc)),
                    ),
                ) from exc
            except RecursionError as exc:
                raise RequestError(ERRNO_BAD_BODY, "body is nested too deeply") from exc
        except RequestError as exc:
            status, errno, error, stored = exc.status, exc.errno, exc.error, 0
            request.findings.append(exc.finding or Finding(Severity.ERROR, exc.error))
        sandbox._sleep(sandbox.delay)
        cut = _nth(number, sandbox.drop_every)
        if cut:
            request.findings.append(_fault(f"drop_every={sandbox.drop_every}"))
        return Answer.of(status, errno, error, stored=stored, close=close or cut, cut=cut)

    def get(self, request: Request) -> Answer:
        sandbox = self.sandbox
        device_id = request.device
        assert device_id is not None
        try:
            self._read_body(request)
            self._auth(request, device_id)
            try:
                query = ReadQuery.parse(self._params(request), sandbox.clock())
            except ValueError as exc:
                raise RequestError(
                    ERRNO_BAD_PARAMETER,
                    str(exc),
                    finding=capture_finding(
                        Severity.ERROR,
                        str(exc),
                        sandbox_text(
                            "fix-read-back",
                            QT_TRANSLATE_NOOP("sandbox", "see onenet-api.md, Reading back, for the parameters"),
                        ),
                    ),
                ) from exc
        except RequestError as exc:
            request.findings.append(exc.finding or Finding(Severity.ERROR, exc.error))
            return Answer.of(exc.status, exc.errno, exc.error, close=not request.body_done)
        page, cursor = sandbox.read(device_id, query)
        count = sum(len(points) for _, points in page)
        data: dict[str, Any] = {"count": count}
        if cursor is not None:
            data["cursor"] = cursor
        data["datastreams"] = [
            {"id": stream_id, "datapoints": [{"at": readback_at(p.at), "value": p.value} for p in points if p.at]}
            for stream_id, points in page
        ]
        body = json_bytes({"errno": ERRNO_OK, "error": _SUCC, "data": data})
        return Answer(HTTPStatus.OK, body, errno=ERRNO_OK, error=_SUCC, returned=count)


def _nth(number: int, every: int) -> bool:
    """True when fault injection `every` (0: off) picks upload `number`."""
    return every > 0 and number % every == 0


def _body_type(values: list[str] | None) -> BodyType:
    """The ``type`` URL parameter: absent -> 1 (shared onenet-api.md, "Body formats")."""
    if not values:
        return BodyType.FULL_JSON
    if len(values) > 1:
        raise RequestError(ERRNO_BAD_PARAMETER, "type is given more than once")
    text = values[0]
    try:
        return BodyType(int(text.strip()))
    except ValueError:
        allowed = ", ".join(str(int(t)) for t in BodyType)
        raise RequestError(
            ERRNO_BAD_PARAMETER,
            f"type must be one of {allowed}, not {text!r}",
            finding=Finding(
                Severity.ERROR, f"type {text!r} is not a body type", f"use ?type= one of {allowed} (or none for 1)"
            ),
        ) from None


def _fault(which: str) -> Finding:
    """The note on an answer the sandbox's fault injection made (`which`: `fail_every=3`)."""
    return capture_finding(
        Severity.NOTE, sandbox_text("fault", QT_TRANSLATE_NOOP("sandbox", "fault injected: {which}"), which=which)
    )
