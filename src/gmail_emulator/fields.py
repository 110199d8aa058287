"""Google's ``fields`` system parameter: partial responses.

Clients such as ``messages().list(fields='messages(id),nextPageToken')`` rely on getting
only what they asked for, and on a 400 when they ask for a field the resource does not
have (a typo must fail here as it fails on Google, not pass silently). A mask is parsed
into a :class:`Selection` tree, checked against the method's response schema from the
discovery document, and applied to the JSON result.

Syntax (Google's partial-response grammar): ``a,b`` lists fields, ``a/b`` selects ``b``
inside ``a``, ``a(b,c)`` selects several fields inside ``a`` (nestable), ``*`` selects
everything at its level. Inside arrays a selection applies to each element.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from gmail_emulator import discovery
from gmail_emulator.errors import ApiError

# Field names in masks; anything else between separators is a syntax error.
_TOKEN = re.compile(r"\s*(?:([A-Za-z0-9_$.@-]+)|(\*)|([,/()])|(\S))")


@dataclass(slots=True)
class Selection:
    """What to keep of one JSON value: all of it, or only the named members.

    Cached masks are shared between requests, so a Selection is never changed once
    :func:`compile_mask` has returned it.
    """

    everything: bool = False
    members: dict[str, Selection] = field(default_factory=dict)


def invalid_selection(what: str) -> ApiError:
    """Google's answer to a bad mask. Drive's documentation gives the sentence ("Invalid field
    selection canAddChildren") and a live Drive answer (googleworkspace/java-samples#1547) gives
    the rest: reason ``invalidParameter``, location ``fields``, locationType ``parameter``."""
    return ApiError(
        400,
        f"Invalid field selection {what}",
        reason="invalidParameter",
        status="INVALID_ARGUMENT",
        location="fields",
        location_type="parameter",
    )


class _Parser:
    """Recursive descent over the mask's tokens; each error names the text it choked on."""

    def __init__(self, mask: str) -> None:
        self.mask = mask
        self.tokens = list(self._tokenise(mask))
        self.pos = 0

    def _tokenise(self, mask: str) -> Iterator[str]:
        for found in _TOKEN.finditer(mask):
            name, star, punct, other = found.groups()
            if other is not None:
                raise invalid_selection(mask)
            token = name or star or punct
            if token is not None:
                yield token

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str | None:
        token = self.peek()
        self.pos += 1
        return token

    def parse(self) -> Selection:
        root = Selection()
        if not self.tokens:  # ``fields=`` selects nothing: Google answers ``{}``
            return root
        self._list_into(root)
        if self.peek() is not None:  # e.g. an unopened ``)``
            raise invalid_selection(self.mask)
        return root

    def _list_into(self, into: Selection) -> None:
        self._element_into(into)
        while self.peek() == ",":
            self.take()
            self._element_into(into)

    def _element_into(self, into: Selection) -> None:
        node = into
        while True:
            part = self.take()
            if part == "*":
                node.everything = True
                if self.peek() in ("/", "("):
                    raise invalid_selection(self.mask)
                return
            if part is None or part in ",/()":
                raise invalid_selection(self.mask)  # an empty element
            node = node.members.setdefault(part, Selection())
            if self.peek() != "/":
                break
            self.take()
        if self.peek() == "(":
            self.take()
            self._list_into(node)
            if self.take() != ")":
                raise invalid_selection(self.mask)
        else:
            node.everything = True


@functools.cache
def _response_schemas() -> dict[str, dict[str, Any]]:
    """Method id -> response schema, for methods that answer with a body."""
    doc = discovery.gmail_document()
    schemas: dict[str, dict[str, Any]] = doc["schemas"]
    found: dict[str, dict[str, Any]] = {}
    pending = [doc]
    while pending:
        resource = pending.pop()
        pending.extend(resource.get("resources", {}).values())
        for method in resource.get("methods", {}).values():
            ref = method.get("response", {}).get("$ref")
            if ref is not None:
                found[method["id"]] = schemas[ref]
    return found


def _member_schema(schema: Mapping[str, Any], name: str) -> Mapping[str, Any] | None:
    """The schema of member ``name`` of values of ``schema``: through ``$ref`` and array
    ``items`` (a selection applies to each element), a property or a map entry."""
    schemas = discovery.gmail_document()["schemas"]
    while True:
        if "$ref" in schema:
            schema = schemas[schema["$ref"]]
        elif schema.get("type") == "array" and "items" in schema:
            schema = schema["items"]
        else:
            break
    properties = schema.get("properties", {})
    if name in properties:
        member: Mapping[str, Any] = properties[name]
        return member
    extra = schema.get("additionalProperties")
    return extra if isinstance(extra, Mapping) else None


def _validate(selection: Selection, schema: Mapping[str, Any]) -> None:
    for name, child in selection.members.items():
        member = _member_schema(schema, name)
        if member is None:
            raise invalid_selection(name)
        _validate(child, member)


@functools.lru_cache(maxsize=512)
def compile_mask(method_id: str, mask: str) -> Selection | None:
    """The checked selection for ``mask`` on ``method_id``; None when the method has no
    response body (nothing to filter). Raises the 400 :class:`ApiError` for a bad mask.
    Cached: clients send the same few masks again and again."""
    selection = _Parser(mask).parse()
    schema = _response_schemas().get(method_id)
    if schema is None:
        return None
    _validate(selection, schema)
    return selection


def apply(value: Any, selection: Selection) -> Any:
    """``value`` cut down to ``selection``; members the value lacks are simply absent."""
    if selection.everything:
        return value
    if isinstance(value, list):
        return [apply(item, selection) for item in value]
    if isinstance(value, dict):
        return {
            name: apply(value[name], child)
            for name, child in selection.members.items()
            if name in value
        }
    return value
