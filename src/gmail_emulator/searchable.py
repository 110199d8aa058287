"""A stored message as the search matchers see it (the ``Searchable`` protocol).

Search must not parse 100k bodies for a query that only looks at labels or dates, so every
field is computed on first use, once per message per query.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gmail_emulator import mime
from gmail_emulator.mime import Parsed
from gmail_emulator.search import fold
from gmail_emulator.store import Headers, StoredMessage

# Byte sequences after which decoded text can differ from the raw bytes (see body_may_contain).
_DECODING_MARKERS = re.compile(rb"base64|quoted-printable|=\?|&#|utf-(?:16|32|7)")


class MessageView:
    """A message as the search matchers see it; the body is parsed only if a term needs it."""

    __slots__ = ("_body", "_headers", "_msg", "_parse", "_raw")

    def __init__(self, parse: Callable[[bytes], Parsed], msg: StoredMessage) -> None:
        self._parse = parse
        self._msg = msg
        # Folded forms, computed once per message per query (a query may hold many words).
        self._headers: tuple[str, ...] | None = None
        self._body: str | None = None
        self._raw: bytes | None = None

    def folded_headers(self) -> tuple[str, ...]:
        if self._headers is None:
            h = self._msg.headers
            self._headers = tuple(fold(text) for text in (h.subject, h.from_, h.to, h.cc))
        return self._headers

    def folded_body(self) -> str:
        if self._body is None:
            self._body = fold(self.body_text())
        return self._body

    @property
    def headers(self) -> Headers:
        return self._msg.headers

    @property
    def labels(self) -> frozenset[str]:
        return self._msg.labels

    @property
    def internal_date(self) -> int:
        return self._msg.internal_date

    @property
    def size(self) -> int:
        return len(self._msg.raw)

    def body_text(self) -> str:
        return self._parse(self._msg.raw).text

    def body_may_contain(self, words: list[str]) -> bool:
        """False only when the raw bytes prove no word can be in the decoded body text.

        Sound because it gives up (True) whenever decoding could create the word: transfer
        encodings, encoded-words, numeric HTML entities, wide charsets or non-ASCII words.
        """
        if not all(word.isascii() for word in words):
            return True
        msg = self._msg
        if self._raw is None:
            self._raw = msg.raw.lower()
        raw = self._raw
        if msg.literal is None:
            msg.literal = _DECODING_MARKERS.search(raw) is None
        if not msg.literal:
            return True
        return all(word.encode("ascii") in raw for word in words)

    def has_attachment(self) -> bool:
        return self._parse(self._msg.raw).has_attachment

    def filenames(self) -> tuple[str, ...]:
        return self._parse(self._msg.raw).filenames

    def header(self, name: str) -> str:
        wanted = name.lower()
        return ", ".join(v for k, v in mime.header_block(self._msg.raw) if k.lower() == wanted)
