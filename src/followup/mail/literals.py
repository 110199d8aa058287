"""Literal strings a regex cannot match without, so most phrase regexes are never run.

Scoring runs ~250 phrase regexes over every message, and most of them start with an
alternation or a character class, where the engine has no fast literal scan and tries every
position. A substring test (``"regret" in text``) is a C-speed scan, so checking first that
some literal the pattern needs is present skips most regexes on most mail. The literals are
read from the parsed pattern, so the skip is exact: a pattern is only skipped when it cannot
match.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any

with warnings.catch_warnings():
    # sre_parse is the typed name of re._parser; it warns on import from Python 3.11 on.
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as sc
    import sre_parse

Needs = frozenset[str] | None
"""A set of strings one of which every match contains, or None when nothing is known."""

_REPEATS = (sc.MAX_REPEAT, sc.MIN_REPEAT)
_ZERO_WIDTH = (sc.AT,)


def required_literals(pattern: str) -> Needs:
    """One of these strings is in every text ``pattern`` matches in (None: no useful set).

    Only patterns compiled without flags are handled: with IGNORECASE a literal would have to
    be compared case-folded, so any flag gives None.
    """
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & ~sc.SRE_FLAG_UNICODE:
        return None
    return _best(_sequence(parsed.data))


def present(needs: Needs, text: str) -> bool:
    """False only when no literal of ``needs`` is in ``text``: the pattern cannot match."""
    # map over the bound __contains__ stays in C: twice as fast as a generator expression
    return needs is None or any(map(text.__contains__, needs))


def _sequence(items: Iterable[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Every set that a match of this sequence must hit; the caller keeps the best one."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is sc.LITERAL:
            run.append(chr(arg))
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals on either side stay adjacent
        close_run()
        if op is sc.SUBPATTERN:
            _group, add_flags, del_flags, sub = arg
            if add_flags or del_flags:
                return []  # an inline flag (case, verbose...) changes what a literal means
            found = _best(_sequence(sub))
        elif op is sc.BRANCH:
            found = _branch(arg[1])
        elif op in _REPEATS and arg[0] >= 1:
            found = _best(_sequence(arg[2]))
        elif op is sc.ATOMIC_GROUP:
            found = _best(_sequence(arg))
        else:
            found = None
        if found is not None:
            candidates.append(found)
    close_run()
    return candidates


def _branch(alternatives: list[Any]) -> Needs:
    union: set[str] = set()
    for alternative in alternatives:
        found = _best(_sequence(alternative))
        if found is None:
            return None  # one alternative needs nothing, so the alternation needs nothing
        union |= found
    return frozenset(union)


def _best(candidates: list[frozenset[str]]) -> Needs:
    """The set whose shortest literal is longest (rarest in text), then the smallest set."""
    usable = [c for c in candidates if c and min(map(len, c)) >= 2]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))
