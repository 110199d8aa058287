"""When an interview is: the calendar part first, else the one date and time the text fixes.

Several options, a booking link, a one-way recording or a deadline give no start time; times
are resolved in the sender's zone as the Date header tells it.
"""

# Cue regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from followup.mail.dates import (
    DateMention,
    combine,
    find_dates,
    find_times,
    sender_zone,
    zone_for,
)
from followup.mail.model import ParsedMail

_PAIR_WINDOW = 60
MAX_TEXT_CHARS = 12_000  # dates far down a long message are not about this message
# "3pm BST (9am your time)": the conversion has no zone of its own, so it must not count.
_YOUR_TIME = re.compile(
    r"[^.\n]{0,4}(?:your time|your local time|for you|votre heure|heure locale|ihrer zeit|tu hora)",
    re.I,
)
_PAST = re.compile(r"(?:last|earlier|previous|yesterday|thanks for|thank you for)\W*\w*\W*$", re.I)
# "complete the video interview by 26 April, 11:59 PM": a deadline, not a start time.
_DEADLINE_BEFORE = re.compile(
    r"(?:\bby|before|until|no later than|deadline|due|d'ici|avant|bis|antes d[eo]l?|até|entro|"
    # not Polish "do": English "can you do Wednesday at 4pm?" is a proposed slot
    # a weekday may stand between: "by Friday 26 February, 9am"
    r"uiterlijk|najpóźniej)\W*(?:the\s+)?(?:\w+day\W+|(?:montag|dienstag|mittwoch|donnerstag|"
    r"freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|miércoles|jueves|viernes)\W+)?$",
    re.I,
)
# "won't be able to do tomorrow's 10am conversation, so I've cancelled it": the time named is
# the one called off, not a slot (a new proposal sits in a sentence of its own).
_CALLED_OFF = re.compile(
    r"cancel|call(?:ed|ing)? (?:it )?off|postpon|won't be able to (?:do|make)|"
    r"(?:can't|cannot|can not|unable to) (?:do|make|attend|go ahead)|"
    r"absag|abgesagt|annul|reporter|reporté|cancelar|cancelad|aplaz|adiar|adiad|"
    r"annull|rinvi|afzeggen|afgezegd|odwoł",
    re.I,
)
_ENDS_AT = re.compile(r"\b(?:until|till|til|bis|jusqu'à|hasta las|até às|fino alle|tot)\s+$", re.I)
_OWN_HOURS = re.compile(
    (
        r"\bi(?:'m| am|'ll be| will be) (?:in|at|around|here|back|on site|in the (?:shop|office|"
        r"store|kitchen|bakery|restaurant|warehouse|site)) (?:until|till|from|all|today|tomorrow|on)\b"
    ).replace(" ", r"\s+"),
    re.I,
)
_SENTENCE_STOP = re.compile(r"[.!?;]\s|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (hard-wrapped lines do not end one)."""
    before = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, start - 300), start)]
    after = _SENTENCE_STOP.search(text, end)
    return text[before[-1] if before else max(0, start - 300) : after.start() if after else None]


# A recorded one-way interview has no start time (corpus README), whatever dates it names.
_ONE_WAY = re.compile(
    r"one-way|(?:pre-)?recorded (?:video )?interview|on-demand (?:video )?interview|record (?:your|the) (?:answers|responses)|asynchronous|"
    r"hirevue|no interviewer|nagrani[ea] wideo|w formie nagrania|entretien (?:vidéo )?différé|(?:entrevista|v[íi]deo) (?:en )?diferid|"
    r"grabándote|gravando-te|gravar (?:as )?(?:suas|tuas) respostas|enregistrer vos réponses|"
    r"videointerview (?:ohne|aufzeichnen)|intervista (?:video )?registrata|opgenomen video|"
    r"no one on the other end|record each answer".replace(" ", r"\s+"),  # hard-wrapped lines
    re.I,
)


# "10am or 2pm", "14 Uhr oder 16 Uhr": two options on one day, not a start and an end.
_ALTERNATIVE_TIMES = re.compile(
    r"\d(?:[:.h]\d\d)?\s*(?:[ap]\.?m\.?|h|uhr|uur)?\s*,?\s*\b(?:or|oder|ou|o|of|lub)\b\s*"
    r"(?:at\s+|um\s+|à\s+|a las\s+|às\s+|alle\s+|om\s+|o\s+)?\d",
    re.I,
)


def find_interview_at(text: str, sent: datetime) -> datetime | None:
    """The one start time the text fixes, or None when it proposes several options."""
    return find_interview_window(text, sent)[0]


def find_interview_window(text: str, sent: datetime) -> tuple[datetime | None, datetime | None]:
    """Start and (when a range is written) end of the one slot the text fixes.

    A time pairs with the nearest date within a short window (either order); ranges count by
    their start, and the same instant written in two zones counts once. Several different
    slots are options, not an appointment: (None, None).
    """
    pairs = _slot_pairs(text, sent)
    distinct = {start.astimezone(UTC) for start, _ in pairs}
    if len(distinct) == 1:
        return pairs[0]
    starts = [start for start, _ in pairs]
    same_day = len({i.astimezone(UTC).date() for i in starts}) == 1
    if len(distinct) == 2 and same_day and not _ALTERNATIVE_TIMES.search(text):
        # a start and an end written apart ("2pm ... until 4pm"): the earlier is the start
        first = min(starts)
        return first, max(starts)
    return None, None


def find_slots(text: str, sent: datetime) -> list[datetime]:
    """Every future date-and-time the text names, in order (a proposal may hold several)."""
    return [start for start, _ in _slot_pairs(text, sent)]


# "w dniu 14 czerwca 2027 r. (poniedziałek)", "le 3 mars (mercredi)": the weekday after a
# date names that date again
_SAME_DAY_GAP = re.compile(r"\W{0,4}(?:r\.|roku)?\W{0,4}")
# "we've moved your interview from Tuesday 25 May at 15:00 to Wednesday 26 May at 11:00"
_MOVED = re.compile(
    r"mov(?:e|ed|ing)|reschedul|chang|shift|bring (?:it )?forward|push(?:ed)? (?:it )?back|"
    r"verschoben|verschieben|verlegt|déplac|décal|repouss|reprogram|cambi|traslad|mudad|"
    r"remarcad|spostat|verplaatst|verzet|przeniesi|przesuni",
    re.I,
)
_WAS_SET = re.compile(
    r"\b(?:was|were|had been|originally)\s+(?:(?:set|scheduled|booked|planned|arranged|"
    r"due)\s+)?(?:for|on)\s+(?:the\s+)?(?:\w+day,?\s+)?$",
    re.I,
)
_FROM_BEFORE = re.compile(r"\b(?:from|von|vom|du|de|del|van|da|dal|z|od)\s+(?:\w+,?\s+)?$", re.I)


def _same_day_weekdays(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Give a weekday written right after a full date that date's day."""
    kept: list[DateMention] = []
    for mention in dates:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and mention.rule == "weekday"
            and previous.rule != "weekday"
            and previous.day.weekday() == mention.day.weekday() % 7
            and _SAME_DAY_GAP.fullmatch(text, previous.end, mention.start)
        ):
            mention = replace(mention, day=previous.day)
        kept.append(mention)
    return kept


def _slot_pairs(text: str, sent: datetime) -> list[tuple[datetime, datetime | None]]:
    base = sent.date()
    dates = [d for d in find_dates(text, base) if d.explicit or d.phrase.lower() in _DAY_WORDS]
    if not dates:
        return []
    dates = _same_day_weekdays(text, dates)
    fallback = sender_zone(sent)
    instants: list[tuple[datetime, datetime | None]] = []
    for mention in find_times(text):
        best: DateMention | None = None
        best_gap = _PAIR_WINDOW + 1
        for day in dates:
            gap = mention.start - day.end if day.end <= mention.start else day.start - mention.end
            if not 0 <= gap < best_gap:
                continue
            if gap < 15 or "\n\n" not in _between(text, day, mention.start, mention.end):
                best, best_gap = day, gap
        if best is None or _YOUR_TIME.match(text, mention.end):
            continue
        if _PAST.search(text[max(0, best.start - 30) : best.start]):
            continue
        if _DEADLINE_BEFORE.search(text[max(0, best.start - 25) : best.start]):
            continue
        if _DEADLINE_BEFORE.search(text[max(0, mention.start - 25) : mention.start]):
            continue  # "send it back by 9am on Monday 22 February": the time is the deadline
        if _CALLED_OFF.search(_sentence(text, best.start, mention.end)):
            continue
        if _WAS_SET.search(text[max(0, best.start - 40) : best.start]):
            continue  # "your interview, which was set for Wednesday 8 September at 11am"
        if _FROM_BEFORE.search(text, max(0, best.start - 24), best.start) and _MOVED.search(
            _sentence(text, best.start, mention.end)
        ):
            continue  # the old slot of a moved interview
        if _ENDS_AT.search(text, max(0, mention.start - 8), mention.start):
            continue  # "a late shift until 10pm", "in the shop until 3": an end, not a start
        if _OWN_HOURS.search(_sentence(text, best.start, mention.end)):
            continue  # "I'm in the shop until 3 today and from 6am Monday": my hours
        zone = zone_for(mention.zone, fallback)
        instant = combine(best.day, mention.at, zone)
        if instant < sent - timedelta(hours=1):
            continue
        end = combine(best.day, mention.until, zone) if mention.until else None
        instants.append((instant, end if end is not None and end > instant else None))
    return instants


_DAY_WORDS = frozenset(
    [
        "tomorrow",
        "tmrw",
        "tmw",
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


def interview_fields(mail: ParsedMail) -> tuple[datetime | None, datetime | None]:
    """Interview start and end: the calendar part first, else the text (end only from calendar)."""
    calendar = mail.calendar
    if calendar is not None and calendar.start is not None and calendar.method != "CANCEL":
        return calendar.start, calendar.end
    if mail.date is None:
        return None, None
    text = f"{mail.subject}\n{mail.new_text[:MAX_TEXT_CHARS]}"
    if _ONE_WAY.search(text):
        return None, None
    return find_interview_window(text, mail.date)
