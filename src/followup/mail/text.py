"""Body text: charsets, HTML to text, and cutting a reply down to what the sender just wrote.

Quoted history is the main trap for a classifier: a polite reply that quotes last month's
rejection must not read as a rejection. So classification only looks at ``new_text``.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag
from bs4.element import PreformattedString

# Mail labelled latin-1 is very often windows-1252 (smart quotes in 0x80-0x9f); every
# mail client decodes it so (WHATWG encoding spec maps the label iso-8859-1 to windows-1252).
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "x-unknown": "utf-8",
    "unknown-8bit": "utf-8",
}


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode a body, trusting the declared charset only as far as the bytes allow.

    Missing or wrong labels are common: we try the label, then UTF-8, then windows-1252,
    which cannot fail, so a body never becomes an exception.
    """
    tried: list[str] = []
    label = (charset or "").strip().strip('"').lower()
    if label:
        tried.append(_CHARSET_ALIASES.get(label, label))
    tried += ["utf-8", "cp1252"]
    for name in tried:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1", errors="replace")


_BLOCK_TAGS = (
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "hr", "section", "article", "header", "footer", "td", "th", "dt", "dd", "pre",
)  # fmt: skip
# Containers mail clients put quoted history in: (tag, attribute, value).
_QUOTE_CONTAINERS = (
    ("blockquote", "", ""),
    ("div", "class", "gmail_quote"),
    ("div", "class", "gmail_extra"),
    ("div", "id", "appendonsend"),
    ("div", "id", "divRplyFwdMsg"),
    ("div", "class", "yahoo_quoted"),
    ("div", "class", "moz-cite-prefix"),
)
_SPACES = re.compile(r"[ \t\u00a0\u200b\u200c\u200d\ufeff]+")


MAX_HTML_CHARS = 200_000
"""HTML beyond this is cut before parsing: the message's point is at the top, and bs4 time
grows with the tag count (a 1 MB newsletter took a minute with tree edits)."""

_SKIP_TAGS = frozenset({"script", "style", "head", "title", "meta", "template"})
_BLOCKS = frozenset(_BLOCK_TAGS) - {"td", "th"}


def html_to_text(html: str) -> tuple[str, str]:
    """Render HTML as plain text, one line per block, so phrases survive inline markup.

    Returns (whole text, text without the quoted history that mail clients wrap in
    blockquote or gmail_quote containers). One parse and one walk serve both, without
    editing the tree; the walk uses an explicit stack, so deep nesting cannot overflow.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(html[:MAX_HTML_CHARS], "html.parser")
    whole: list[str] = []
    unquoted: list[str] = []
    # (node, inside a quote container); the string "\n" / " " marks a block's end
    stack: list[tuple[Any, bool]] = [(soup, False)]
    while stack:
        node, quoted = stack.pop()
        if isinstance(node, str):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                whole.append(node)
                if not quoted:
                    unquoted.append(node)
            continue
        name = node.name
        if name in _SKIP_TAGS:
            continue
        inner_quoted = quoted or _is_quote(node)
        if name in _BLOCKS:
            whole.append("\n")
            if not quoted:
                unquoted.append("\n")
            stack.append((_BLOCK_END, quoted))
        elif name in ("td", "th"):
            stack.append((_CELL_END, quoted))
        stack.extend((child, inner_quoted) for child in reversed(node.contents))
    full = normalise_lines("".join(whole))
    return full, normalise_lines("".join(unquoted))


class _Marker(str):
    """A separator pushed on the walk stack; never part of the document."""

    __slots__ = ()


_BLOCK_END = _Marker("\n")
_CELL_END = _Marker(" ")


def _is_quote(tag: Tag) -> bool:
    for name, attribute, value in _QUOTE_CONTAINERS:
        if tag.name != name:
            continue
        if not attribute:
            return True
        found = tag.get(attribute)
        values = found if isinstance(found, list) else [found] if found else []
        if value in values:
            return True
    return False


def normalise_lines(text: str) -> str:
    """Collapse runs of spaces and blank lines; keep line structure."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


# A reply header or forward marker: everything from here down is history, not new text.
_CUT_LINE = re.compile(
    r"""^\s*(?:
        (?:on|le|am|el|em|il|op|w\ dniu|dnia|no\ dia|el\ día|in\ data|às|a\ las|alle)\b.{0,250}?
            (?:wrote|a\ écrit|schrieb|escribió|escreveu|ha\ scritto|schreef|napisał\(a\)|
               napisał|napisała|pisze)\s*:?\s*$
      | -{2,}\s*(?:original\ message|ursprüngliche\ nachricht|message\ d'origine|
               mensaje\ original|mensagem\ original|messaggio\ originale|
               oorspronkelijk\ bericht|wiadomość\ oryginalna|oryginalna\ wiadomość)\s*-{2,}
      | -{2,}\s*(?:forwarded\ message|weitergeleitete\ nachricht|message\ transféré|
               mensaje\ reenviado|mensaje\ reenviado|mensagem\ encaminhada|
               messaggio\ inoltrato|doorgestuurd\ bericht|wiadomość\ przekazana)\s*-{2,}
      | begin\ forwarded\ message\s*:
      | _{20,}\s*$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(?:from|de|von|da|van|od|remetente)\s?\*?:\s*\S", re.I)
_HEADER_OTHER = re.compile(
    r"^\s*\*?(?:sent|date|to|subject|envoyé|objet|à|gesendet|an|betreff|datum|enviado|asunto|"
    r"para|inviato|oggetto|a|verzonden|aan|onderwerp|wysłano|do|temat|data|assunto)\s?\*?:",
    re.I,
)
_SIGNATURE = re.compile(r"^(?:--|—|-- )\s*$")
_MOBILE_FOOTER = re.compile(r"^(?:sent from my |envoyé de mon |von meinem .* gesendet)", re.I)


def new_text_of(text: str) -> str:
    """The part of a body the sender wrote now: above reply headers, without '>' lines."""
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if _SIGNATURE.match(line) or _MOBILE_FOOTER.match(line):
            break
        if _CUT_LINE.match(line):
            break
        # "On Tue, Feb 24, 2026 at 8:40 AM Jordan <j@x>\nwrote:" wrapped over two lines.
        if index + 1 < len(lines) and len(line) < 250:
            joined = f"{line} {lines[index + 1].strip()}"
            if line.strip() and _CUT_LINE.match(joined) and not _CUT_LINE.match(lines[index + 1]):
                break
        if _HEADER_FROM.match(line) and _looks_like_header_block(lines, index):
            break
        if line.lstrip().startswith(">"):
            continue
        kept.append(line)
    return normalise_lines("\n".join(kept))


def _looks_like_header_block(lines: list[str], index: int) -> bool:
    """An Outlook-style 'From: / Sent: / To: / Subject:' block, in any of our languages."""
    following = [line for line in lines[index + 1 : index + 6] if line.strip()]
    return sum(1 for line in following if _HEADER_OTHER.match(line)) >= 2
