"""Gmail's search language (the ``q`` parameter): a tokenizer, a small parser and matchers.

Grammar, as Gmail reads it (https://support.google.com/mail/answer/7190):

    query   := clause*                      juxtaposition (or AND) means AND
    clause  := unary ("OR" unary)*          OR binds tighter than AND
    unary   := "-" unary | primary
    primary := "(" query ")" | "{" unary* "}" | operator ":" value | '"phrase"' | word

``{a b}`` is Gmail's shorthand for ``a OR b``; ``subject:(a b)`` applies the operator to each
word in the group. An unknown ``foo:bar`` is searched as plain text, as Gmail does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from gmail_emulator.store import Headers

PACIFIC = ZoneInfo("America/Los_Angeles")  # after:/before: dates are midnight Pacific time

FIELD_OPERATORS = frozenset({"from", "to", "cc", "bcc", "subject", "deliveredto", "list"})
OPERATORS = FIELD_OPERATORS | frozenset(
    {
        "newer_than",
        "older_than",
        "after",
        "before",
        "newer",
        "older",
        "in",
        "label",
        "is",
        "has",
        "rfc822msgid",
        "filename",
        "category",
        "larger",
        "smaller",
        "size",
    }
)

IN_LABELS = {
    "inbox": "INBOX",
    "sent": "SENT",
    "trash": "TRASH",
    "bin": "TRASH",
    "spam": "SPAM",
    "drafts": "DRAFT",
    "draft": "DRAFT",
    "starred": "STARRED",
    "important": "IMPORTANT",
    "unread": "UNREAD",
    "chats": "CHAT",
    "chat": "CHAT",
}
CATEGORIES = {
    "primary": "CATEGORY_PERSONAL",
    "personal": "CATEGORY_PERSONAL",
    "social": "CATEGORY_SOCIAL",
    "promotions": "CATEGORY_PROMOTIONS",
    "updates": "CATEGORY_UPDATES",
    "forums": "CATEGORY_FORUMS",
}
_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1)}
_RELATIVE = re.compile(r"^(\d+)([hdmy])$")
_SIZE = re.compile(r"^(\d+)([kmb]?)$")
_WORD_CHARS = re.compile(r"\w", re.UNICODE)


class Searchable(Protocol):
    """What a matcher may ask of a message; body parts are computed only when asked."""

    @property
    def headers(self) -> Headers: ...
    @property
    def labels(self) -> frozenset[str]: ...
    @property
    def internal_date(self) -> int: ...
    @property
    def size(self) -> int: ...
    def body_text(self) -> str: ...
    def body_may_contain(self, words: list[str]) -> bool: ...
    def folded_headers(self) -> tuple[str, ...]: ...
    def folded_body(self) -> str: ...
    def has_attachment(self) -> bool: ...
    def filenames(self) -> tuple[str, ...]: ...
    def header(self, name: str) -> str: ...


@dataclass(frozen=True)
class Env:
    """What a query needs besides the message: the clock, the user and the label names."""

    now_ms: int
    me: str
    label_tokens: dict[str, str] = field(default_factory=dict)  # normalised name -> label id


def label_token(name: str) -> str:
    """How ``label:`` spells a label name: lower case, spaces and slashes as hyphens."""
    return re.sub(r"[\s/]+", "-", name.strip().lower())


# --- AST ------------------------------------------------------------------------------------


class Node:
    def matches(self, msg: Searchable, env: Env) -> bool:
        raise NotImplementedError

    def children(self) -> tuple[Node, ...]:
        return ()


@dataclass(frozen=True)
class And(Node):
    items: tuple[Node, ...]

    def matches(self, msg: Searchable, env: Env) -> bool:
        return all(item.matches(msg, env) for item in self.items)

    def children(self) -> tuple[Node, ...]:
        return self.items


@dataclass(frozen=True)
class Or(Node):
    items: tuple[Node, ...]

    def matches(self, msg: Searchable, env: Env) -> bool:
        return any(item.matches(msg, env) for item in self.items)

    def children(self) -> tuple[Node, ...]:
        return self.items


@dataclass(frozen=True)
class Not(Node):
    item: Node

    def matches(self, msg: Searchable, env: Env) -> bool:
        return not self.item.matches(msg, env)

    def children(self) -> tuple[Node, ...]:
        return (self.item,)


@dataclass(frozen=True)
class Text(Node):
    """A bare word or quoted phrase: searched in the main headers and the body text."""

    value: str
    phrase: bool

    @functools.cached_property
    def _words(self) -> list[str]:
        return self.value.lower().split()

    @functools.cached_property
    def _needle(self) -> str:
        return " ".join(self._words)

    def matches(self, msg: Searchable, env: Env) -> bool:
        needle = self._needle
        if any(has_word(text, needle) for text in msg.folded_headers()):
            return True
        if not msg.body_may_contain(self._words):
            return False  # a cheap byte scan ruled it out without parsing the body
        return has_word(msg.folded_body(), needle)


@dataclass(frozen=True)
class Op(Node):
    name: str
    value: str
    phrase: bool = False

    def matches(self, msg: Searchable, env: Env) -> bool:
        return _MATCHERS[self.name](self, msg, env)


# --- matching -------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case with runs of whitespace as one space: the form text is searched in."""
    return " ".join(text.lower().split())


def contains(text: str, needle: str, *, phrase: bool) -> bool:
    """Case-insensitive match of a word at a word start (or a phrase, spaces folded)."""
    if phrase:
        return has_word(fold(text), fold(needle))
    return has_word(text.lower(), needle.lower())


def has_word(hay: str, want: str) -> bool:
    """``want`` occurs in ``hay`` at a word start; both already folded to lower case."""
    if not want:
        return True
    start = hay.find(want)
    while start >= 0:
        if start == 0 or not _WORD_CHARS.match(hay[start - 1]) or not _WORD_CHARS.match(want[0]):
            return True
        start = hay.find(want, start + 1)
    return False


def _address_field(getter: Callable[[Headers], str]) -> Callable[[Op, Searchable, Env], bool]:
    def match(op: Op, msg: Searchable, env: Env) -> bool:
        value = env.me if op.value.lower() == "me" else op.value
        return value.lower() in getter(msg.headers).lower()

    return match


def _subject(op: Op, msg: Searchable, env: Env) -> bool:
    return contains(msg.headers.subject, op.value, phrase=op.phrase)


def _header_op(name: str) -> Callable[[Op, Searchable, Env], bool]:
    def match(op: Op, msg: Searchable, env: Env) -> bool:
        value = env.me if op.value.lower() == "me" else op.value
        return value.lower() in msg.header(name).lower()

    return match


def relative_cutoff_ms(value: str, now_ms: int) -> int | None:
    """now minus ``2d``/``3m``/``1y``/``6h``; months and years are calendar ones."""
    return _relative_cutoff_ms(value.lower(), now_ms)


@functools.lru_cache(maxsize=256)
def _relative_cutoff_ms(value: str, now_ms: int) -> int | None:
    found = _RELATIVE.match(value)
    if not found:
        return None
    count, unit = int(found.group(1)), found.group(2)
    now = datetime.fromtimestamp(now_ms / 1000, UTC)
    if unit in _UNITS:
        return int((now - count * _UNITS[unit]).timestamp() * 1000)
    months = count if unit == "m" else 12 * count
    year, month = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = min(now.day, _days_in(year, month + 1))
    try:
        moved = now.replace(year=year, month=month + 1, day=day)
    except ValueError:
        return 0
    return int(moved.timestamp() * 1000)


def _days_in(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (datetime(year, month + 1, 1) - datetime(year, month, 1)).days


def absolute_ms(value: str) -> int | None:
    """``YYYY/MM/DD`` (midnight Pacific), ``MM/DD/YYYY`` or epoch seconds."""
    text = value.strip()
    if text.isdigit():
        return int(text) * 1000
    parts = re.split(r"[/\-.]", text)
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    a, b, c = (int(p) for p in parts)
    year, month, day = (a, b, c) if len(parts[0]) == 4 else (c, a, b)
    try:
        midnight = datetime(year, month, day, tzinfo=PACIFIC)
    except ValueError:
        return None
    return int(midnight.timestamp() * 1000)


def _time_op(op: Op, msg: Searchable, env: Env) -> bool:
    if op.name in ("newer_than", "older_than"):
        cutoff = relative_cutoff_ms(op.value, env.now_ms)
    else:
        cutoff = absolute_ms(op.value)
    if cutoff is None:
        return False
    if op.name in ("newer_than", "after", "newer"):
        return msg.internal_date >= cutoff
    return msg.internal_date < cutoff


def _label_id(value: str, env: Env) -> str | None:
    token = label_token(value)
    if token.upper() in IN_LABELS.values():
        return token.upper()
    return env.label_tokens.get(token)


def _in(op: Op, msg: Searchable, env: Env) -> bool:
    value = op.value.lower()
    if value in ("anywhere", "all"):
        return True
    label = IN_LABELS.get(value) or _label_id(value, env)
    return label is not None and label in msg.labels


def _label(op: Op, msg: Searchable, env: Env) -> bool:
    label = IN_LABELS.get(op.value.lower()) or _label_id(op.value, env)
    return label is not None and label in msg.labels


def _is(op: Op, msg: Searchable, env: Env) -> bool:
    value = op.value.lower()
    if value == "read":
        return "UNREAD" not in msg.labels
    label = IN_LABELS.get(value)
    return label is not None and label in msg.labels


def _has(op: Op, msg: Searchable, env: Env) -> bool:
    value = op.value.lower()
    if value == "attachment":
        return msg.has_attachment()
    if value in ("userlabels", "nouserlabels"):
        has_user = any(label.startswith("Label_") for label in msg.labels)
        return has_user == (value == "userlabels")
    if value.endswith("star"):
        return "STARRED" in msg.labels
    return False


def _rfc822msgid(op: Op, msg: Searchable, env: Env) -> bool:
    return op.value.strip("<>").lower() == msg.headers.message_id.strip().strip("<>").lower()


def _filename(op: Op, msg: Searchable, env: Env) -> bool:
    want = op.value.lower()
    return any(want in name or name.endswith(f".{want}") for name in msg.filenames())


def _category(op: Op, msg: Searchable, env: Env) -> bool:
    label = CATEGORIES.get(op.value.lower())
    return label is not None and label in msg.labels


def _size_bytes(value: str) -> int | None:
    found = _SIZE.match(value.lower())
    if not found:
        return None
    scale = {"": 1, "b": 1, "k": 1024, "m": 1024 * 1024}[found.group(2)]
    return int(found.group(1)) * scale


def _size(op: Op, msg: Searchable, env: Env) -> bool:
    limit = _size_bytes(op.value)
    if limit is None:
        return False
    if op.name == "smaller":
        return msg.size < limit
    return msg.size > limit


_MATCHERS: dict[str, Callable[[Op, Searchable, Env], bool]] = {
    "from": _address_field(lambda h: h.from_),
    "to": _address_field(lambda h: h.to),
    "cc": _address_field(lambda h: h.cc),
    "bcc": _address_field(lambda h: h.bcc),
    "subject": _subject,
    "deliveredto": _header_op("delivered-to"),
    "list": _header_op("list-id"),
    "newer_than": _time_op,
    "older_than": _time_op,
    "after": _time_op,
    "before": _time_op,
    "newer": _time_op,
    "older": _time_op,
    "in": _in,
    "label": _label,
    "is": _is,
    "has": _has,
    "rfc822msgid": _rfc822msgid,
    "filename": _filename,
    "category": _category,
    "larger": _size,
    "size": _size,
    "smaller": _size,
}


# --- tokenizer and parser -------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # "(" ")" "{" "}" "-" "OR" "AND" "WORD" "PHRASE" "OP"
    text: str = ""
    op: str = ""


_SPECIAL = '(){}"'


def tokenize(query: str) -> Iterator[Token]:
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "(){}":
            yield Token(ch)
            i += 1
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace():
            yield Token("-")
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            end = n if end < 0 else end
            yield Token("PHRASE", query[i + 1 : end])
            i = end + 1
        else:
            j = i
            while j < n and not query[j].isspace() and query[j] not in _SPECIAL:
                j += 1
            word = query[i:j]
            i = j
            name, sep, value = word.partition(":")
            if sep and name.lower() in OPERATORS:
                yield Token("OP", value, name.lower())
            elif word in ("OR", "AND"):
                yield Token(word)
            else:
                yield Token("WORD", word)


class _Parser:
    def __init__(self, query: str) -> None:
        self.tokens = list(tokenize(query))
        self.pos = 0

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def query(self, field: str | None, closer: str | None) -> Node:
        items: list[Node] = []
        while (token := self.peek()) is not None:
            if token.kind == closer:
                self.take()
                break
            if token.kind in (")", "}"):  # stray closer: ignore it, as Gmail does
                self.take()
                continue
            if token.kind in ("AND", "OR"):
                self.take()
                continue
            items.append(self.clause(field))
        return items[0] if len(items) == 1 else And(tuple(items))

    def clause(self, field: str | None) -> Node:
        items = [self.unary(field)]
        while (token := self.peek()) is not None and token.kind == "OR":
            self.take()
            if self.peek() is None:
                break
            items.append(self.unary(field))
        return items[0] if len(items) == 1 else Or(tuple(items))

    def unary(self, field: str | None) -> Node:
        token = self.peek()
        if token is not None and token.kind == "-":
            self.take()
            if self.peek() is None:
                return Text("-", phrase=False)
            return Not(self.unary(field))
        return self.primary(field)

    def primary(self, field: str | None) -> Node:
        token = self.take()
        if token.kind == "(":
            return self.query(field, ")")
        if token.kind == "{":
            items: list[Node] = []
            while (nxt := self.peek()) is not None and nxt.kind != "}":
                if nxt.kind in ("OR", "AND", ")"):
                    self.take()
                    continue
                items.append(self.unary(field))
            if self.peek() is not None:
                self.take()
            return Or(tuple(items))
        if token.kind == "OP":
            return self.operator(token)
        if token.kind == "PHRASE":
            return _term(field, token.text, phrase=True)
        return _term(field, token.text, phrase=False)

    def operator(self, token: Token) -> Node:
        if token.text:
            return Op(token.op, token.text)
        nxt = self.peek()
        if nxt is not None and nxt.kind == "PHRASE":
            self.take()
            return Op(token.op, nxt.text, phrase=True)
        if nxt is not None and nxt.kind in ("(", "{"):
            self.take()
            if nxt.kind == "(":
                return self.query(token.op, ")")
            self.pos -= 1
            return self.primary(token.op)
        return Text(f"{token.op}:", phrase=False)


def _term(field: str | None, text: str, *, phrase: bool) -> Node:
    if field is not None:
        return Op(field, text, phrase=phrase)
    return Text(text, phrase=phrase)


@dataclass(frozen=True)
class Query:
    """A parsed ``q``. ``reveals`` lists hidden labels (SPAM/TRASH) the query asks for."""

    root: Node | None
    reveals: frozenset[str]
    anywhere: bool

    def matches(self, msg: Searchable, env: Env) -> bool:
        return self.root is None or self.root.matches(msg, env)


def parse_query(query: str | None) -> Query:
    """Parse ``q``; never raises (Gmail reads anything as some search)."""
    if not query or not query.strip():
        return Query(None, frozenset(), anywhere=False)
    try:
        root = _Parser(query).query(None, None)
    except RecursionError:  # absurdly deep nesting: search the text as typed
        root = Text(query, phrase=True)
    if isinstance(root, And) and not root.items:
        return Query(None, frozenset(), anywhere=False)
    reveals: set[str] = set()
    anywhere = False
    for node in _walk(root):
        if isinstance(node, Op) and node.name in ("in", "label"):
            value = node.value.lower()
            if value in ("anywhere", "all"):
                anywhere = True
            elif IN_LABELS.get(value) in ("SPAM", "TRASH"):
                reveals.add(IN_LABELS[value])
    return Query(root, frozenset(reveals), anywhere)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children():
        yield from _walk(child)
