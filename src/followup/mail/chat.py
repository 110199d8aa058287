"""Spell out English chat shorthand before phrases and dates are read.

Recruiters write from phones: "are u free next wk?", "will get back to u tmrw", "ur still very
much in", "thx, lmk". The phrase tables and reply-date cues are written in full words, and
doubling every pattern for its shorthand would make them unreadable. So the few shorthands
that carry meaning are expanded first. "u" alone is also the Dutch formal "you" ("wij nodigen
u uit") and a Polish preposition ("u nas"), so it is expanded only after an English word that
takes an object ("to u", "let u know", "are u free").
"""

from __future__ import annotations

import re

_AFTER = (
    r"to|for|with|w|let|see|thank|tell|send|give|ask|meet|call|update|have|are|r|can|could|"
    r"will|would|if|do|did|when|got|love|like|want|offer|invite|hear|reach|need|help|back|"
    r"from|as|and|sorry|remind|bring|email|text|ping|pay|hire|keep|loop|get|put|move|guide"
)
_U = re.compile(rf"\b({_AFTER}) u\b(?!['’])", re.I)
_YOUR_NOUN = re.compile(
    r"\bur (?=(?:application|cv|resume|portfolio|interview|availability|time|details|email|"
    r"offer|notice|start|number|references?|task|profile|salary|call|questions?|thoughts)\b)",
    re.I,
)
_WORDS = {
    "ur": "you're",
    "thx": "thanks",
    "pls": "please",
    "plz": "please",
    "wk": "week",
    "wks": "weeks",
    "hrs": "hours",
    "ppl": "people",
    "lmk": "let me know",
    "b4": "before",
}
_WORD = re.compile(r"(?<![\w@/.-])(" + "|".join(_WORDS) + r")(?![\w@/-])", re.I)
_WITH = re.compile(r"(?<!\S)w/(?=\s)", re.I)


_ANY = re.compile(rf"\b(?:{_AFTER}) u\b|(?<![\w@/.-])(?:" + "|".join(_WORDS) + r")(?![\w@/-])|w/")


def expand_chat(text: str) -> str:
    """``text`` with English chat shorthand written out; other text is returned unchanged."""
    if not _ANY.search(text.lower()):  # one case-sensitive scan: most mail has none
        return text
    text = _U.sub(r"\1 you", text)
    text = _YOUR_NOUN.sub("your ", text)
    text = _WITH.sub("with", text)
    return _WORD.sub(lambda m: _WORDS[m.group(1).lower()], text)
