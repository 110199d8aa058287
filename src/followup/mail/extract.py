"""Pull the facts a follow-up needs out of a classified message: who, what role, when.

Dates are resolved against the Date header in its own offset (no clock is read). Which fields
are looked for depends on the kind: an interview time only in invitations, a reply-by date
only in employer replies and receipts (an offer's dates are the candidate's deadlines), a
return date only in automatic replies.
"""

# Cue regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, tzinfo

from followup.mail.dates import (
    DateMention,
    combine,
    find_dates,
    find_times,
    next_business_day,
    zone_for,
)
from followup.mail.model import MailKind, ParsedMail

# --- company ----------------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-ÞĄĆĘŁŃŚŹŻ"
_WORD = rf"[{_UPPER}][\w'’.-]*"
_CANDIDATE = re.compile(
    rf"(?<![\w@.-])(?:{_WORD}|\d+\w*)(?:\s+(?:&|and|und|et|y|e|de|du|des|der|von|van|del)?\s*{_WORD}){{0,3}}"
)
_GENERIC = re.compile(
    r"^(?:the|our|your|hi|hello|dear|thanks|thank|best|regards|re|fwd?|we|i|you|it|this|that|"
    r"recruiting|recruitment|careers?|talent(?: acquisition)?|hr|human resources|hiring(?: team)?|"
    r"team|jobs?|people|notifications?|no-?reply|application|interview|offer|update|subject|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|"
    r"june|july|august|september|october|november|december|senior|junior|lead|data|analyst)$",
    re.I,
)
_NAME_SUFFIX = re.compile(
    r"\s*(?:[-|–,]\s*)?(?:\b(?:careers?|recruiting|recruitment|talent(?: acquisition| team)?|"
    r"hr|human resources|hiring(?: team)?|jobs|people(?: team)?|team|notifications?|no-?reply|"
    r"rh|recrutement|karriere|personal|recursos humanos|reclutamiento|selezione|werving|rekrutacja)\b\s*)+$",
    re.I,
)
_VIA = re.compile(r"^(.+?)\s+(?:via|through|on behalf of)\s+.+$", re.I)
_CLIENT = re.compile(
    rf"(?:our client|on behalf of|client,|clients?:|for|at|with|with our client)\s+({_WORD}(?:\s+(?:&|and)?\s*{_WORD}){{0,3}})",
)
_CONTEXT = re.compile(
    rf"(?:\bat|\bwith|\bjoin(?:ing)?|\bto|\bfrom|\bfor|\bbei|\bchez|\bde|\ben|\bna|\bpresso|\bbij|\bw)\s+"
    rf"({_WORD}(?:\s+(?:&|and|und|et|y)?\s*{_WORD}){{0,3}})"
)
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "&": "", "ł": "l"})


def _squash(value: str) -> str:
    value = value.lower().translate(_TRANSLIT)
    value = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


def _plain(value: str) -> str:
    value = unicodedata.normalize("NFKD", value.lower())
    return "".join(ch for ch in value if ch.isalnum() and ord(ch) < 128)


def _domain_core(address: str) -> str:
    domain = address.rpartition("@")[2]
    labels = [label for label in domain.split(".") if label]
    if len(labels) >= 2:
        labels = labels[:-1]  # drop the TLD
    skip = {
        "mail",
        "email",
        "mx",
        "us",
        "eu",
        "jobs",
        "careers",
        "hire",
        "apply",
        "notifications",
        "co",
        "com",
    }
    labels = [label for label in labels if label not in skip]
    return _squash(labels[-1]) if labels else ""


def _matches_domain(candidate: str, core: str) -> bool:
    if len(core) < 3:
        return False
    squashed, plain = _squash(candidate), _plain(candidate)
    for form in (squashed, plain):
        if not form:
            continue
        if (
            form == core
            or (len(core) >= 5 and form.startswith(core))
            or (len(form) >= 5 and core.startswith(form))
        ):
            return True
        first = _plain(candidate.split()[0]) if candidate.split() else ""
        if len(first) >= 5 and core.startswith(first) and len(candidate.split()) > 1:
            return True
    return False


def _clean(candidate: str) -> str:
    candidate = candidate.strip(" .,:;'’\"-–")
    candidate = re.sub(r"['’]s$", "", candidate)
    words = candidate.split()
    while words and _GENERIC.match(words[0]):
        words.pop(0)
    while words and (
        _GENERIC.match(words[-1]) or words[-1].lower() in ("&", "and", "und", "et", "y", "de")
    ):
        words.pop()
    return " ".join(words)


def _person_name(name: str, address: str) -> bool:
    local = _plain(address.partition("@")[0])
    words = [_plain(w) for w in name.split() if _plain(w)]
    return any(len(w) >= 3 and w in local for w in words)


def find_company(mail: ParsedMail, text: str) -> str | None:
    """The employer as a person would name it; an agency's named client wins over the agency."""
    core = _domain_core(mail.from_addr)
    name = _NAME_SUFFIX.sub("", mail.from_name).strip(" -|,")
    via = _VIA.match(name)
    if via:
        name = via.group(1).strip()
    lines = [line for line in text.split("\n") if line.strip()]
    body = "\n".join(lines)
    counts: dict[str, int] = {}
    for source in (mail.subject, body):
        for match in _CANDIDATE.finditer(source):
            candidate = _clean(match.group(0))
            if candidate and not _GENERIC.match(candidate) and len(candidate) > 2:
                counts[candidate] = counts.get(candidate, 0) + 1
    # 1. A name matching the sender's own domain.
    matching = [c for c in counts if _matches_domain(c, core)]
    client = _agency_client(body)
    if client and (not matching or client not in matching):
        return client
    if matching:
        return max(matching, key=lambda c: (len(c.split()) > 1, counts[c], len(c)))
    # 2. The sender's display name when it is an organisation (ATS mail sends as the employer).
    if name and not _person_name(name, mail.from_addr) and not _GENERIC.match(name):
        return name
    # 3. "at X", "with X", "join X" in the text.
    contextual: dict[str, int] = {}
    for source in (mail.subject, body):
        for match in _CONTEXT.finditer(source):
            candidate = _clean(match.group(1))
            if candidate and len(candidate) > 2 and not _person_name(candidate, mail.from_addr):
                contextual[candidate] = contextual.get(candidate, 0) + 1
    if contextual:
        return max(contextual, key=lambda c: (contextual[c], len(c.split()) > 1))
    if core:
        label = mail.from_addr.rpartition("@")[2].split(".")[0]
        return " ".join(part.capitalize() for part in label.split("-")) or None
    return None


def _agency_client(text: str) -> str | None:
    match = re.search(
        rf"(?:our client|on behalf of (?:our client,? )?|client,)\s+({_WORD}(?:\s+(?:&|and)?\s*{_WORD}){{0,3}})",
        text,
    )
    return _clean(match.group(1)) or None if match else None


# --- role ---------------------------------------------------------------------------------------

_ROLE = re.compile(
    rf"(?:for the|for our|as|the|as a|as an|for a|for an|for)\s+((?:{_WORD}\s+){{0,5}}{_WORD})\s+"
    r"(?:role|position|opening|job|vacancy|opportunity)",
)
_ROLE_ALT = re.compile(
    rf"(?:position|role|poste|stelle|puesto|vaga|posizione|functie|stanowisko)(?:\s+(?:of|as|d'|de|als|di|van|na))?\s*[:\-–]?\s+"
    rf"((?:{_WORD}\s+){{0,5}}{_WORD})"
)


def find_role(subject: str, text: str) -> str | None:
    """The job title, from "the X role" / "position: X" wording in the text or subject."""
    for source in (text, subject):
        match = _ROLE.search(source) or _ROLE_ALT.search(source)
        if match:
            role = match.group(1).strip(" .,:;-–")
            if len(role) > 2:
                return role
    return None


# --- interview time -----------------------------------------------------------------------------

_PAIR_WINDOW = 60
_PAST = re.compile(r"(?:last|earlier|previous|yesterday|thanks for|thank you for)\W*\w*\W*$", re.I)


def find_interview_at(text: str, sent: datetime) -> datetime | None:
    """The one start time the text fixes, or None when it proposes several options.

    A time pairs with the nearest date within a short window (either order); ranges count by
    their start, and the same instant written in two zones counts once.
    """
    base = sent.date()
    dates = [d for d in find_dates(text, base) if d.explicit or d.phrase.lower() in _DAY_WORDS]
    if not dates:
        return None
    fallback: tzinfo = sent.tzinfo or UTC
    instants: list[datetime] = []
    for mention in find_times(text):
        best: DateMention | None = None
        best_gap = _PAIR_WINDOW + 1
        for day in dates:
            gap = mention.start - day.end if day.end <= mention.start else day.start - mention.end
            if 0 <= gap < best_gap and "\n\n" not in _between(
                text, day, mention.start, mention.end
            ):
                best, best_gap = day, gap
        if best is None:
            continue
        if _PAST.search(text[max(0, best.start - 30) : best.start]):
            continue
        instant = combine(best.day, mention.at, zone_for(mention.zone, fallback))
        if instant < sent - timedelta(hours=1):
            continue
        instants.append(instant)
    distinct = {i.astimezone(UTC) for i in instants}
    if len(distinct) == 1:
        return instants[0]
    if (
        len(distinct) > 1
        and len({i.astimezone(UTC).date() for i in instants}) == 1
        and len(distinct) == 2
    ):
        # a start and an end on the same day ("2pm ... until 4pm"): the earlier is the start
        return min(instants)
    return None


_DAY_WORDS = frozenset(
    [
        "tomorrow",
        "demain",
        "morgen",
        "mañana",
        "manana",
        "amanhã",
        "amanha",
        "domani",
        "jutro",
        "today",
        "aujourd'hui",
        "heute",
        "hoy",
        "hoje",
        "oggi",
        "vandaag",
    ]
)


def _between(text: str, day: DateMention, start: int, end: int) -> str:
    return text[day.end : start] if day.end <= start else text[end : day.start]


# --- respond by ---------------------------------------------------------------------------------

_REPLY_CUE = re.compile(
    r"get back to you|be in touch|back to you|hear (?:back )?from|let you know|update you|an update|"
    r"decision|decide|feedback|respond|reply to you|contact you|reach out|come back|follow up with|"
    r"news|touch base|review (?:your|all)|reviewing|next steps|"
    r"reviendr|revenir vers|réponse|décision|retour|tenir informé|contacter|nouvelles|"
    r"melden|rückmeldung|entscheidung|entscheiden|informieren|bescheid|zurückkommen|"
    r"respuesta|decisión|pondremos en contacto|contactaremos|informaremos|novedades|comunicaremos|"
    r"retorno|resposta|decisão|entraremos em contato|daremos|novidades|"
    r"risposta|decisione|faremo sapere|ricontatteremo|aggiornamento|riscontro|"
    r"laten (?:we )?(?:je|u) weten|terugkoppeling|reactie|besluit|beslissing|contact opnemen|"
    r"odpowied|decyzj|skontaktujemy|odezwiemy|poinformujemy|informacj",
    re.I,
)
_CANDIDATE_DEADLINE = re.compile(
    r"please|could you|can you|kindly|sign|deadline|expires?|complete the|submit|return the|"
    r"your (?:response|reply|answer)|let us know|bitte|merci de|veuillez|por favor|per favore|"
    r"graag|proszę|prosimy|closing date|closes on|applications close|posting",
    re.I,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]|\n|$)")


def find_respond_by(text: str, sent: datetime) -> date | None:
    """The day the employer said it would get back or decide by, or None."""
    base = sent.date()
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group(0)
        if not _REPLY_CUE.search(chunk) or _CANDIDATE_DEADLINE.search(chunk):
            continue
        for mention in find_dates(chunk, base):
            if mention.day >= base and not re.search(
                r"\d{1,2}[:h.]\d\d", chunk[mention.end : mention.end + 12]
            ):
                return mention.day
    return None


# --- back on ------------------------------------------------------------------------------------

_BACK_CUE = re.compile(
    r"back|return|returning|zurück|wieder|de retour|retour|de vuelta|regreso|volveré|regresaré|"
    r"de volta|retorno|regresso|rientro|di ritorno|terug|weer aanwezig|wracam|powrót|będę dostępn|"
    r"ab dem|ab|à partir d|a partir d|dal|vanaf|od",
    re.I,
)
_UNTIL_CUE = re.compile(
    r"until|till|through|jusqu'a|jusqu'au|jusqu'à|bis|hasta|até|fino al|fino a|tot en met|tot|do",
    re.I,
)
_INCLUSIVE = re.compile(
    r"inclusive|included|through|einschließlich|inklusive|inclus|incluido|inclusive|compreso|t/m|włącznie",
    re.I,
)


def find_back_on(text: str, sent: datetime) -> date | None:
    """The first day an absent person is back: a stated return day beats an "until" day."""
    base = sent.date()
    until: date | None = None
    for sentence in _SENTENCE.finditer(text):
        chunk = sentence.group(0)
        for mention in find_dates(chunk, base):
            if mention.day < base:
                continue
            before = chunk[max(0, mention.start - 45) : mention.start]
            if _BACK_CUE.search(before) and not _UNTIL_CUE.search(before[-12:]):
                return mention.day
            if until is None and (_UNTIL_CUE.search(before) or _INCLUSIVE.search(before)):
                inclusive = _INCLUSIVE.search(chunk[max(0, mention.start - 30) : mention.end + 15])
                until = next_business_day(mention.day) if inclusive else mention.day
    return until


def interview_fields(mail: ParsedMail) -> tuple[datetime | None, datetime | None]:
    """Interview start and end: the calendar part first, else the text (end only from calendar)."""
    calendar = mail.calendar
    if calendar is not None and calendar.start is not None and calendar.method != "CANCEL":
        return calendar.start, calendar.end
    if mail.date is None:
        return None, None
    return find_interview_at(f"{mail.subject}\n{mail.new_text}", mail.date), None


def kind_wants_respond_by(kind: MailKind) -> bool:
    return kind in (MailKind.EMPLOYER_REPLY, MailKind.APPLICATION_ACK)
