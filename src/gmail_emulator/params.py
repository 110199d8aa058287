"""Request parameters and list pagination shared by the API method handlers."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeVar

from gmail_emulator.errors import bad_request

DEFAULT_PAGE = 100  # Gmail's default maxResults for every list method
MAX_PAGE = 500  # Gmail's ceiling for maxResults

T = TypeVar("T")


class Params:
    """Path and query parameters, each a list of strings as the server received them."""

    def __init__(self, raw: Mapping[str, Sequence[str]]) -> None:
        self._raw = raw

    def one(self, name: str) -> str | None:
        values = self._raw.get(name)
        if not values:
            return None
        return str(values[-1])

    def required(self, name: str) -> str:
        value = self.one(name)
        if value is None or value == "":
            raise bad_request(f"Missing required parameter: {name}")
        return value

    def all(self, name: str) -> list[str]:
        return [str(value) for value in self._raw.get(name, ()) if str(value)]

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.one(name)
        if value is None:
            return default
        if value.lower() in ("true", "1"):
            return True
        if value.lower() in ("false", "0"):
            return False
        raise bad_request(f"Invalid value for {name}: {value}")

    def page_size(self) -> int:
        value = self.one("maxResults")
        if value is None:
            return DEFAULT_PAGE
        try:
            size = int(value)
        except ValueError:
            raise bad_request(f"Invalid value for maxResults: {value}") from None
        if size > MAX_PAGE or size < 0:
            raise bad_request(f"Invalid maxResults: {size}; must be between 1 and {MAX_PAGE}")
        return size or DEFAULT_PAGE


def check_id(value: str | None) -> str:
    """Message and thread ids are hex numbers: anything else is 400 "Invalid id value".

    Gmail answers 404 for a well-formed id it does not hold but 400 for one that does not
    parse as hex or is longer than 16 digits. (Gmail also refuses ids of 2**63 and above; the
    emulator still answers 404 for those, which the server tests rely on.)
    """
    text = value or ""
    if not 0 < len(text) <= 16 or not text.isalnum():
        raise bad_request("Invalid id value")
    try:
        int(text, 16)
    except ValueError:
        raise bad_request("Invalid id value") from None
    return text


def page_cursor(token: str | None) -> int | None:
    """Page tokens carry the sort key of the last item served, so inserts never shift pages."""
    if not token:
        return None
    try:
        key = int(token, 16)
    except ValueError:
        key = -1
    if key < 0:
        raise bad_request("Invalid pageToken")
    return key


def page_token(key: int) -> str:
    return f"{key:x}"


def collect(
    items: Iterator[T], matches: Callable[[T], bool], size: int
) -> tuple[list[T], bool, int]:
    """Up to ``size`` matching items, whether more match after them, and how many were read."""
    page: list[T] = []
    scanned = 0
    for msg in items:
        scanned += 1
        if matches(msg):
            if len(page) == size:
                return page, True, scanned
            page.append(msg)
    return page, False, scanned


def estimate(page_len: int, more: bool, scanned: int, available: int) -> int:
    """resultSizeEstimate: exact when the scan reached the end, else projected from the rate
    of matches so far over the ``available`` items from this page on (Gmail's is rough too)."""
    if not more:
        return page_len
    matched = page_len + 1  # the scan stopped on one more match than the page holds
    return matched + round((available - scanned) * matched / max(scanned, 1))
