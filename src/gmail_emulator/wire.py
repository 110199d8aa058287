"""Transport-free request and response values.

The HTTP handler, the batch endpoint and the unit tests all speak these, so one
dispatch path serves a plain request and each part of a batch alike.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import orjson

JSON_TYPE = "application/json; charset=UTF-8"


def parse_query(query: str) -> dict[str, list[str]]:
    """``parse_qs`` with a fast path for the plain ``a=b&c=d`` the client sends."""
    if not query:
        return {}
    if "%" in query or "+" in query:
        return parse_qs(query, keep_blank_values=True)
    out: dict[str, list[str]] = {}
    for pair in query.split("&"):
        if pair:
            key, _, value = pair.partition("=")
            out.setdefault(key, []).append(value)
    return out


@dataclass(frozen=True, slots=True)
class Request:
    """One HTTP request; header names are lower-cased."""

    method: str
    path: str
    query: Mapping[str, Sequence[str]]
    headers: Mapping[str, str]
    body: bytes = b""
    client_host: str = "127.0.0.1"

    @classmethod
    def build(
        cls,
        method: str,
        target: str,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        *,
        client_host: str = "127.0.0.1",
    ) -> Request:
        """Split a request target (``/path?query``) into path and decoded query."""
        path, _, query = target.partition("?")
        return cls(
            method=method.upper(),
            path=path,
            query=parse_query(query),
            headers={k.lower(): v for k, v in (headers or {}).items()},
            body=body,
            client_host=client_host,
        )

    def param(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def json(self) -> Any:
        """The body parsed as JSON; ``None`` when empty. Raises ValueError when malformed."""
        if not self.body.strip():
            return None
        return json.loads(self.body)


@dataclass(slots=True)
class Response:
    """An answer, or an instruction to stall (``delay_s``) or hang up (``drop``)."""

    status: int
    body: bytes = b""
    headers: list[tuple[str, str]] = field(default_factory=list)
    drop: bool = False
    delay_s: float = 0.0

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        for key, value in self.headers:
            if key.lower() == lowered:
                return value
        return None


def json_response(
    status: int, payload: object, headers: Sequence[tuple[str, str]] = ()
) -> Response:
    """Encoded with orjson: the stdlib encoder took a third of a messages.get's time."""
    try:
        body = orjson.dumps(payload)
    except TypeError:  # orjson.JSONEncodeError: e.g. an int past 64 bits
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
    return Response(status, body, [("Content-Type", JSON_TYPE), *headers])


def gmail_error(
    code: int,
    message: str,
    *,
    reason: str,
    status: str,
    domain: str = "global",
    location: str | None = None,
    location_type: str | None = None,
    item_message: str | None = None,
    headers: Sequence[tuple[str, str]] = (),
) -> Response:
    """A Google JSON error body: ``{"error": {code, message, errors[], status}}``."""
    item: dict[str, str] = {"message": item_message or message, "domain": domain, "reason": reason}
    if location is not None:
        item["location"] = location
    if location_type is not None:
        item["locationType"] = location_type
    payload = {"error": {"code": code, "message": message, "errors": [item], "status": status}}
    return json_response(code, payload, headers)


def not_found() -> Response:
    return gmail_error(
        404, "Requested entity was not found.", reason="notFound", status="NOT_FOUND"
    )


def bad_request(message: str) -> Response:
    return gmail_error(400, message, reason="invalidArgument", status="INVALID_ARGUMENT")


def internal_error() -> Response:
    """What a client sees when the emulator itself fails: Gmail's shape, never a traceback."""
    return gmail_error(500, "Backend Error", reason="backendError", status="INTERNAL")
