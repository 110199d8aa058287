"""Routes and scopes taken from the discovery document the client library ships.

Deriving routes from ``gmail.v1.json`` (rather than writing them by hand) means
the emulator answers exactly the paths the real client builds, upload paths
included, and each method's accepted scopes come from the same source.
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

GMAIL_DOC_RESOURCE = "discovery_cache/documents/gmail.v1.json"

# The batch path the emulator advertises; BATCH names /batch/<api>/<version> as the usual one.
BATCH_PATH = "batch/gmail/v1"


@functools.cache
def gmail_document() -> dict[str, Any]:
    """The discovery document bundled with google-api-python-client (no network)."""
    text = resources.files("googleapiclient").joinpath(GMAIL_DOC_RESOURCE).read_text("utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def document_for(base_url: str) -> dict[str, Any]:
    """The document pointed at ``base_url``, so ``build(discoveryServiceUrl=...)`` clients
    send normal calls, batches and media uploads to the emulator."""
    doc = copy.deepcopy(gmail_document())
    root = base_url.rstrip("/") + "/"
    doc["rootUrl"] = root
    doc["baseUrl"] = root
    doc["mtlsRootUrl"] = root
    doc["batchPath"] = BATCH_PATH
    return doc


@dataclass(frozen=True, slots=True)
class Route:
    """One way to reach one API method."""

    http_method: str
    method_id: str
    pattern: re.Pattern[str]
    scopes: frozenset[str]
    upload: bool  # reached through an /upload/ or /resumable/upload/ path
    specificity: int  # literal segments; literal paths win over ``{id}`` ones
    segments: int


def _compile(path: str) -> tuple[re.Pattern[str], int]:
    parts = path.strip("/").split("/")
    regex: list[str] = []
    literals = 0
    for part in parts:
        # Segments may mix text and params, e.g. "{keyPairId}:disable".
        pieces = re.split(r"(\{[^}]+\})", part)
        out = []
        for piece in pieces:
            if piece.startswith("{") and piece.endswith("}"):
                out.append(f"(?P<{piece[1:-1]}>[^/]+?)")
            elif piece:
                out.append(re.escape(piece))
        if len(pieces) == 1:
            literals += 1
        regex.append("".join(out))
    return re.compile("/" + "/".join(regex) + "$"), literals


def _methods(resource: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    yield from resource.get("methods", {}).values()
    for child in resource.get("resources", {}).values():
        yield from _methods(child)


@functools.cache
def routes() -> tuple[Route, ...]:
    """Every route, most specific first within each HTTP method."""
    found: list[Route] = []
    for method in _methods(gmail_document()):
        scopes = frozenset(method.get("scopes", []))
        paths = [(method["flatPath"], False)]
        protocols = method.get("mediaUpload", {}).get("protocols", {})
        for protocol in protocols.values():
            paths.append((protocol["path"], True))
        for path, upload in paths:
            pattern, literals = _compile(path)
            segments = len(path.strip("/").split("/"))
            found.append(
                Route(
                    method["httpMethod"], method["id"], pattern, scopes, upload, literals, segments
                )
            )
    found.sort(key=lambda r: -r.specificity)
    return tuple(found)


@functools.cache
def _route_index() -> dict[tuple[str, int], tuple[Route, ...]]:
    """Routes by (HTTP method, segment count): a handful of regexes per request."""
    table: dict[tuple[str, int], list[Route]] = {}
    for route in routes():
        table.setdefault((route.http_method, route.segments), []).append(route)
    return {k: tuple(v) for k, v in table.items()}


def match(http_method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """The route and path parameters for a request, or None (Gmail then answers 404)."""
    for route in _route_index().get((http_method, path.count("/")), ()):
        found = route.pattern.match(path)
        if found:
            return route, found.groupdict()
    return None


@functools.cache
def scopes_for(method_id: str) -> frozenset[str]:
    for route in routes():
        if route.method_id == method_id:
            return route.scopes
    return frozenset()
