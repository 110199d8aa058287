"""Dates and times written in words, in eight languages, resolved against the message's Date.

No clock is read here: "by Friday" means the Friday after the day the mail was sent, in the
sender's own offset (corpus README conventions: business days skip weekends and ignore
holidays; "end of next week" is that week's Friday). dateparser was measured at milliseconds
per call, too slow for the hot path, so the phrases we need are table-driven regexes.
"""

# Phrase and date regexes are data; splitting them across lines would hide their shape.
# ruff: noqa: E501

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

# --- vocabulary -----------------------------------------------------------------------------

WEEKDAYS: dict[str, int] = {}
for _index, _names in enumerate(
    [
        "monday mon lundi montag lunes segunda segunda-feira lunedì lunedi maandag poniedziałek poniedziałku poniedzialek",
        "tuesday tue tues mardi dienstag martes terça terça-feira terca martedì martedi dinsdag wtorek wtorku",
        "wednesday wed mercredi mittwoch miércoles miercoles quarta quarta-feira mercoledì mercoledi woensdag środa środę środy sroda",
        "thursday thu thur thurs jeudi donnerstag jueves quinta quinta-feira giovedì giovedi donderdag czwartek czwartku",
        "friday fri vendredi freitag viernes sexta sexta-feira venerdì venerdi vrijdag piątek piątku piatek",
        "saturday sat samedi samstag sábado sabado sabato zaterdag sobota soboty sobotę",
        "sunday sun dimanche sonntag domingo domenica zondag niedziela niedzieli niedzielę",
    ]
):
    for _name in _names.split():
        WEEKDAYS[_name] = _index

MONTHS: dict[str, int] = {}
for _index, _names in enumerate(
    [
        "january jan janvier januar jänner enero janeiro gennaio januari styczeń stycznia",
        "february feb février fevrier februar febrero fevereiro febbraio februari luty lutego",
        "march mar mars märz maerz marzo março marco maart marzec marca",
        "april apr avril abril aprile kwiecień kwietnia",
        "may mai mayo maio maggio mei maj maja",
        "june jun juin juni junio junho giugno czerwiec czerwca",
        "july jul juillet juli julio julho luglio lipiec lipca",
        "august aug août aout agosto augustus sierpień sierpnia",
        "september sep sept septembre septiembre setembro settembre wrzesień września",
        "october oct octobre oktober octubre outubro ottobre wrzesień październik października",
        "november nov novembre noviembre novembro listopad listopada",
        "december dec décembre decembre dezember diciembre dezembro dicembre grudzień grudnia",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _index)

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple": 2, "a couple of": 2,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "dix": 10, "quinze": 15, "huit": 8,
    "ein": 1, "einer": 1, "eine": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10, "quince": 15,
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "dez": 10,
    "due": 2, "tre": 3, "cinque": 5, "dieci": 10, "quindici": 15,
    "een": 1, "twee": 2, "drie": 3, "vijf": 5, "tien": 10,
    "jeden": 1, "dwa": 2, "dwóch": 2, "trzy": 3, "pięć": 5, "dziesięć": 10,
}  # fmt: skip

_WEEKDAY_RE = "|".join(sorted(map(re.escape, WEEKDAYS), key=len, reverse=True))
# Short weekday words ("do", "mar", "sun") are also ordinary words: never before a bare number.
_LONG_WEEKDAY_RE = "|".join(
    sorted((re.escape(w) for w in WEEKDAYS if len(w) >= 5), key=len, reverse=True)
)
_MONTH_RE = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_NUMBER_RE = r"\d{1,3}|" + "|".join(sorted(map(re.escape, NUMBERS), key=len, reverse=True))

# --- mentions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: where it is, the day it means, and how precise the wording was."""

    start: int
    end: int
    day: date
    phrase: str
    explicit: bool
    """A calendar date or weekday, as opposed to a span such as "within two weeks"."""
    rule: str = ""
    """Which pattern found it ("within", "weekday", "month_day", ...)."""


_B = r"(?<![\w])"
_E = r"(?![\w])"
_NEXT_WEEK = (
    r"(?:next\s+week|the\s+following\s+week|la\s+semaine\s+prochaine|semaine\s+prochaine|"
    r"n[äa]chste[rn]?\s+woche|kommende[rn]?\s+woche|la\s+pr[óo]xima\s+semana|pr[óo]xima\s+semana|"
    r"la\s+semana\s+que\s+viene|semana\s+que\s+vem|la\s+prossima\s+settimana|prossima\s+settimana|"
    r"settimana\s+prossima|volgende\s+week|komende\s+week|przysz[łl]ym\s+tygodniu|przysz[łl]ego\s+tygodnia)"
)
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "end_next_week",
        re.compile(
            _B
            + r"(?:(?:the\s+)?end\s+of\s+(?:the\s+)?|(?:la\s+)?fin\s+(?:de\s+)?(?:la\s+)?|ende\s+|"
            r"(?:a\s+)?finales\s+de\s+(?:la\s+)?|(?:o\s+)?final\s+da\s+|(?:alla\s+)?fine\s+(?:della\s+)?|"
            r"(?:het\s+)?eind(?:e)?\s+(?:van\s+)?(?:de\s+)?|(?:do\s+)?ko[ńn]c(?:a|u)\s+)"
            + _NEXT_WEEK,
            re.I,
        ),
    ),
    (
        # "bis Ende der KW 18", "by the end of week 18": the Friday of that ISO week
        "iso_week",
        re.compile(
            _B
            + r"(?:(?:ende|end)\s+(?:der\s+|of\s+)?)?(?:kw|calendar\s+week)\s*(?P<wk>[1-9]|[1-4]\d|5[0-3])"
            + _E,
            re.I,
        ),
    ),
    (
        "mid_next_week",
        re.compile(
            _B
            + r"(?:mid[-\s]?|the\s+middle\s+of\s+|mitte\s+|(?:à\s+la\s+)?mi-|(?:a\s+)?mediados\s+de\s+(?:la\s+)?|"
            r"(?:em\s+)?meados\s+da\s+|(?:a\s+)?met[àa]\s+(?:della\s+)?|midden\s+|w\s+po[łl]owie\s+)"
            + _NEXT_WEEK,
            re.I,
        ),
    ),
    (
        "end_next_month",
        re.compile(
            _B + r"(?:(?:the\s+)?end\s+of\s+next\s+month|(?:la\s+)?fin\s+du\s+mois\s+prochain|"
            r"ende\s+n[äa]chsten\s+monats|(?:a\s+)?finales\s+del\s+(?:mes\s+que\s+viene|pr[óo]ximo\s+mes)|"
            r"(?:o\s+)?f(?:inal|im)\s+do\s+pr[óo]ximo\s+m[êe]s|fine\s+del\s+prossimo\s+mese|"
            r"eind\s+volgende\s+maand|ko[ńn]ca\s+przysz[łl]ego\s+miesi[ąa]ca)" + _E,
            re.I,
        ),
    ),
    (
        # "by the 15th": that day of this month, or of the next when it has passed
        "ordinal_day",
        re.compile(_B + r"the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)" + _E, re.I),
    ),
    (
        "early_next_week",
        re.compile(
            _B
            + r"(?:early\s+|the\s+beginning\s+of\s+|the\s+start\s+of\s+|(?:en\s+|au\s+)?d[ée]but\s+(?:de\s+)?(?:la\s+)?|"
            r"anfang\s+|(?:a\s+)?principios\s+de\s+(?:la\s+)?|(?:no\s+)?in[íi]cio\s+da\s+|(?:all')?inizio\s+(?:della\s+)?|"
            r"begin\s+|(?:na\s+)?pocz[ąa]tku\s+)" + _NEXT_WEEK,
            re.I,
        ),
    ),
    (
        "next_week",
        re.compile(
            _B + r"(?:(?:in\s+the\s+course\s+of|during|im\s+laufe\s+der)\s+)?" + _NEXT_WEEK, re.I
        ),
    ),
    (
        "end_this_week",
        re.compile(
            _B
            + r"(?:(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+)?week(?!\s+\d)|(?:la\s+)?fin\s+de\s+(?:la\s+|cette\s+)?semaine|"
            r"ende\s+(?:der|dieser)\s+woche|(?:a\s+)?finales\s+de\s+(?:esta\s+)?semana|(?:o\s+)?final\s+d(?:a|esta)\s+semana|"
            r"fine\s+(?:della\s+|di\s+questa\s+)?settimana|eind\s+van\s+(?:de|deze)\s+week|ko[ńn]ca\s+tygodnia)"
            + _E,
            re.I,
        ),
    ),
    (
        # "by the end of May", "fin mai", "Ende Juni", "a finales de mayo", "do końca maja"
        "end_named_month",
        re.compile(
            _B + r"(?:(?:the\s+)?end\s+of|(?:la\s+)?fin(?:\s+de|\s+d')?|ende|(?:a\s+)?finales\s+de|"
            r"(?:o\s+)?f(?:inal|im)\s+de|(?:alla\s+)?fine(?:\s+di)?|eind|(?:do\s+)?ko[ńn]ca)\s+"
            r"(?P<month>" + _MONTH_RE + r")" + _E,
            re.I,
        ),
    ),
    (
        "end_month",
        re.compile(
            _B
            + r"(?:(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+)?month|(?:la\s+)?fin\s+(?:du|de\s+ce)\s+mois|"
            r"ende\s+(?:des|dieses)\s+monats|ende\s+monat|monatsende|(?:a\s+)?(?:fin(?:ales)?|final)\s+de(?:l)?\s+mes|"
            r"(?:o\s+)?f(?:inal|im)\s+do\s+m[êe]s|fine\s+(?:del\s+)?mese|eind\s+van\s+de\s+maand|ko[ńn]ca\s+miesi[ąa]ca)"
            + _E,
            re.I,
        ),
    ),
    (
        "within",
        re.compile(
            _B
            + r"(?:within(?:\s+a\s+maximum\s+of)?|(?:allow\s+)?up\s+to|in\s+the\s+next|over\s+the\s+next|in|dans\s+les|dans|sous|d'ici|"
            # "in a (maximum) period of": dans un délai de, en un plazo de, no prazo de, nel giro di
            r"dans\s+un\s+d[ée]lai\s+(?:maximum\s+|max\.?\s+)?de|en\s+(?:un|el)\s+plazo\s+(?:m[áa]ximo\s+)?de|"
            r"no\s+prazo\s+(?:m[áa]ximo\s+)?de|num\s+prazo\s+(?:m[áa]ximo\s+)?de|nel\s+giro\s+di|"
            r"entro\s+(?:un\s+massimo\s+di|al\s+massimo)|w\s+terminie|innerhalb(?:\s+von|\s+der\s+n[äa]chsten)?|"
            r"binnen|in\s+den\s+n[äa]chsten|en\s+los\s+pr[óo]ximos|en\s+las\s+pr[óo]ximas|dentro\s+de|en|em\s+até|em|nos\s+pr[óo]ximos|"
            r"entro|nei\s+prossimi|w\s+ci[ąa]gu|w\s+przeci[ąa]gu)\s+"
            r"(?:the\s+next\s+|(?:les\s+)?(?:prochains?\s+)?|)"
            # "in max. two weeks", "within about 10 days", "en máximo 5 días"
            r"(?:(?:un\s+)?(?:max(?:imum)?|máximo|maximo|massimo|maximal|maksymalnie|ca|about|approximately|circa)\.?\s+(?:de\s+|di\s+|of\s+)?)?"
            r"(?P<n>"
            + _NUMBER_RE
            + r")\s+(?:of\s+)?(?:(?:prochains?|pr[óo]ximos|prossimi|n[äa]chsten)\s+)?"
            r"(?P<biz>business\s+|working\s+|werk|arbeits|)"
            r"(?P<unit>days?|weeks?|jours?|semaines?|tagen?|wochen?|d[íi]as?|semanas?|dias?|giorni|settimane|dagen|weken|dni|tygodni|tydzie[ńn]|"
            r"months?|mois|monat(?:en|e|s)?|meses|m[eê]s|mesi|mese|maand(?:en)?|miesi[ęą]c[ey]?|miesi[ęą]cy|"
            r"hours?|heures?|stunden|horas|ore|uur|godzin[y]?)"
            r"(?P<biz2>\s+(?:ouvr[ée]s|ouvrables|h[áa]biles|laborables|[úu]teis|lavorativi|roboczych|business))?"
            + _E,
            re.I,
        ),
    ),
    ("fortnight", re.compile(_B + r"(?:within\s+|in\s+)(?:a|the\s+next)\s+fortnight" + _E, re.I)),
    # Polish has no article: "w ciągu tygodnia" is "within a week".
    ("pl_week", re.compile(_B + r"w\s+(?:ci[ąa]gu|przeci[ąa]gu)\s+tygodnia" + _E, re.I)),
    ("pl_month", re.compile(_B + r"w\s+(?:ci[ąa]gu|przeci[ąa]gu)\s+miesi[ąa]ca" + _E, re.I)),
    (
        "tomorrow",
        re.compile(
            _B
            + r"(?:tomorrow|tmrw|tmw|2moro|tomoz|demain|morgen|ma[ñn]ana|amanh[ãa]|domani|jutro)"
            + _E,
            re.I,
        ),
    ),
    (
        "today",
        re.compile(
            _B
            # "end of day tomorrow" / "EOD Friday" is that day's end, not today's
            + r"(?:today|end\s+of\s+(?:the\s+)?day(?!\s+(?:tomorrow|on\b|next\b|this\b|[a-z]+day\b))|"
            + r"aujourd'hui|heute|hoy|hoje|oggi|vandaag|dzisiaj|dzi[śs])"
            + _E,
            re.I,
        ),
    ),
]
_EXPLICIT: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(_B + r"(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)" + _E)),
    (
        "month_day",
        re.compile(
            _B
            + r"(?P<month>"
            + _MONTH_RE
            + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?"
            + r"(?:,?\s+(?P<y>20\d\d))?(?![\w:])",
            re.I,
        ),
    ),
    (
        "day_month",
        re.compile(
            _B
            + r"(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.|º|°)?\s*(?:of\s+|de\s+|di\s+)?(?P<month>"
            + _MONTH_RE
            + r")\.?"
            r"(?:,?\s+(?:de\s+)?(?P<y>20\d\d))?" + _E,
            re.I,
        ),
    ),
    (
        "numeric",
        re.compile(
            _B + r"(?P<a>\d{1,2})[./](?P<b>\d{1,2})(?:[./](?P<y>(?:20)?\d\d))?(?![\d:/.]\d)"
        ),
    ),
    (
        "weekday_number",
        re.compile(
            _B
            + r"(?P<wd>"
            + _LONG_WEEKDAY_RE
            + r"),?\s+(?:the\s+|le\s+|el\s+|den\s+|il\s+|o\s+|dia\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th|\.|º)?"
            r"(?![\w:/]|[.,]\d|\s*(?:am|pm|a\.m|p\.m|uhr|h\b|hrs?\b|o'clock|bis|to|-|–))",
            re.I,
        ),
    ),
]
_WEEKDAY = re.compile(
    _B
    + r"(?P<mod>next\s+|this\s+|coming\s+|last\s+|prochain\s+|ce\s+|n[äa]chsten?\s+|kommenden?\s+|"
    r"diesen?\s+|letzten?\s+|el\s+pr[óo]ximo\s+|pr[óo]ximo\s+|pr[óo]xima\s+|este\s+|esta\s+|"
    r"prossimo\s+|questo\s+|volgende\s+|deze\s+|aanstaande\s+|przysz[łl]y\s+|w\s+przysz[łl]y\s+)?"
    r"(?P<wd>" + _WEEKDAY_RE + r")\.?(?P<post>\s+prochain|\s+que\s+vem|\s+prossimo|"
    # "el viernes de la próxima semana", "Friday next week", "Freitag nächster Woche"
    r"\s+(?:de\s+la\s+(?:próxima|proxima|siguiente)\s+semana|da\s+pr[óo]xima\s+semana|"
    r"della\s+prossima\s+settimana|de\s+la\s+semaine\s+prochaine|(?:der\s+)?n[äa]chste[rn]?\s+woche|"
    r"van\s+volgende\s+week|w\s+przysz[łl]ym\s+tygodniu|(?:of\s+)?next\s+week))?" + _E,
    re.I,
)


def _fast(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# IGNORECASE over these long alternations cost a millisecond per message; scanning the
# lower-cased text with case-sensitive copies is four times faster. Case still matters for
# a few short words ("may", "wed"), which are checked on the original text.
_EXPLICIT_FAST = [(name, _fast(pattern)) for name, pattern in _EXPLICIT]
_RULES_FAST = [(name, _fast(pattern)) for name, pattern in _RULES]
_WEEKDAY_FAST = _fast(_WEEKDAY)


_WEEKDAY_JOIN = re.compile(r"[,.\s]*(?:the|dem|den|der|le|el|il|de|o|am|op)?[,.\s]*", re.I)
# "should know by mon", "back to u by wed": after such a word a short weekday is a day
_DAY_INTRO = re.compile(r"\b(?:by|on|before|till|until|thru|next|this|from)\s+$")
_SHORT_WEEKDAYS = frozenset(
    ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)
_TIME_FOLLOWS = re.compile(
    r",?\s+(?:at\s+|@\s*)?\d{1,2}(?:[:.]\d\d|\s?[ap]\.?m\b|\s*[?!.,]|\s*$|\s+(?:for|if|ish)\b)"
)


def find_dates(text: str, base: date) -> list[DateMention]:
    """Every date-like phrase in ``text``, resolved against ``base`` (the sending day).

    Explicit dates win over a weekday that names the same day ("Monday, January 19").
    """
    low = text.lower()
    if len(low) == len(text):
        scan, explicit, rules, weekday = low, _EXPLICIT_FAST, _RULES_FAST, _WEEKDAY_FAST
    else:  # a few characters change length when lower-cased ("İ"): keep positions exact
        scan, explicit, rules, weekday = text, _EXPLICIT, _RULES, _WEEKDAY
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for name, pattern in explicit:
        for match in pattern.finditer(scan):
            start, end = match.span()
            if not free(start, end):
                continue
            month_at = match.start("month") if "month" in pattern.groupindex else -1
            lower_month = month_at >= 0 and text[month_at].islower()
            day = _explicit_day(name, match, base, lower_month=lower_month)
            if day is not None:
                found.append(DateMention(start, end, day, text[start:end], True, name))
                taken.append((start, end))
    for match in weekday.finditer(scan):
        word = match.group("wd").lower()
        first = text[match.start("wd")]
        chat_time = word in _SHORT_WEEKDAYS and bool(
            _TIME_FOLLOWS.match(scan, match.end())
            or _DAY_INTRO.search(scan, max(0, match.start() - 8), match.start())
        )
        if len(word) <= 4 and first.islower() and not chat_time:
            continue  # "sun", "sat", "wed" in running text are words, not days ...
        if (
            word in ("mar", "sun", "do", "sat", "wed", "mai")
            and not first.isupper()
            and not chat_time
        ):
            continue  # ... unless a time follows ("can you do wed at 4?")
        start, end = match.span()
        # a weekday right before an explicit date just names that date's weekday
        # ("Monday, 16 August", "Montag, dem 16. August", "lundi le 16 août")
        if not free(start, end) or any(
            0 <= a - end <= 8 and _WEEKDAY_JOIN.fullmatch(scan, end, a) for a, _ in taken
        ):
            continue
        mod = (match.group("mod") or "").strip().lower()
        if mod.startswith(("last", "letzt")):
            continue
        day = _weekday_day(WEEKDAYS[word], mod + (match.group("post") or ""), base)
        found.append(DateMention(start, end, day, text[start:end], True, "weekday"))
        taken.append((start, end))
    for name, pattern in rules:
        for match in pattern.finditer(scan):
            start, end = match.span()
            if not free(start, end):
                continue
            day = _relative_day(name, match, base)
            if day is not None:
                found.append(DateMention(start, end, day, text[start:end], False, name))
                taken.append((start, end))
    found.sort(key=lambda m: m.start)
    return _join_week_and_day(found, text, base)


def _join_week_and_day(found: list[DateMention], text: str, base: date) -> list[DateMention]:
    """ "volgende week dinsdag", "next week Tuesday": that weekday of next week, one mention."""
    joined: list[DateMention] = []
    index = 0
    while index < len(found):
        week = found[index]
        day = found[index + 1] if index + 1 < len(found) else None
        if (
            day is not None
            and week.rule == "next_week"
            and day.rule == "weekday"
            and 0 <= day.start - week.end <= 3
            and not text[week.end : day.start].strip(" ,")
        ):
            monday = base + timedelta(days=7 - base.weekday())
            when = monday + timedelta(days=day.day.weekday())
            joined.append(
                DateMention(week.start, day.end, when, text[week.start : day.end], True, "weekday")
            )
            index += 2
            continue
        joined.append(week)
        index += 1
    return joined


def _explicit_day(
    name: str, match: re.Match[str], base: date, *, lower_month: bool = False
) -> date | None:
    groups = match.groupdict()
    if name == "weekday_number":
        return _weekday_number_day(WEEKDAYS[groups["wd"].lower()], int(groups["d"]), base)
    year = int(groups["y"]) if groups.get("y") else None
    if year is not None and year < 100:
        year += 2000
    try:
        if name == "iso":
            return date(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        if name in ("month_day", "day_month"):
            month = MONTHS[groups["month"].lower()]
            if (
                groups["month"].lower() in ("may", "mar", "jun", "jul") and lower_month
            ) and name == "month_day":
                return None  # "may 5" is more often the verb than the month
            return _with_year(month, int(groups["d"]), year, base)
        a, b = int(groups["a"]), int(groups["b"])
        if groups.get("y") is None and "/" not in match.group(0):
            return None  # "3.5" is a number, not a date
        day, month = (a, b) if a > 12 or "." in match.group(0) else (b, a)
        return _with_year(month, day, year, base)
    except (ValueError, KeyError):
        return None


def _weekday_number_day(weekday: int, day: int, base: date) -> date | None:
    """ "Friday 22", "el viernes 22": the next day-of-month ``day`` that falls on that weekday
    (within three months), else None so the bare weekday rule reads it."""
    year, month = base.year, base.month
    for _ in range(3):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= base and candidate.weekday() == weekday:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _with_year(month: int, day: int, year: int | None, base: date) -> date | None:
    if year is not None:
        return date(year, month, day)
    candidate = date(base.year, month, day)
    # A date well before the mail was sent means next year ("back on 5 January" in December).
    if candidate < base - timedelta(days=60):
        candidate = date(base.year + 1, month, day)
    return candidate


def _weekday_day(weekday: int, mod: str, base: date) -> date:
    ahead = (weekday - base.weekday()) % 7 or 7
    if mod.startswith(
        (
            "next",
            "prochain",
            "näch",
            "nach",
            "el pr",
            "pr",
            "que vem",
            "prossimo",
            "volgende",
            "przysz",
            "w przysz",
        )
    ) or mod.endswith(
        ("prochain", "que vem", "prossimo", "semana", "settimana", "woche", "week", "tygodniu")
    ):
        monday_next = base + timedelta(days=7 - base.weekday())
        return monday_next + timedelta(days=weekday)
    return base + timedelta(days=ahead)


def _relative_day(name: str, match: re.Match[str], base: date) -> date | None:
    monday = base - timedelta(days=base.weekday())
    if name == "end_next_week":
        return monday + timedelta(days=11)
    if name == "iso_week":
        week = int(match.group("wk"))
        for year in (base.year, base.year + 1):
            try:
                friday = date.fromisocalendar(year, week, 5)
            except ValueError:
                continue
            if friday >= base:
                return friday
        return None
    if name == "mid_next_week":
        return monday + timedelta(days=9)
    if name == "end_next_month":
        return base + relativedelta(months=1, day=31)
    if name == "ordinal_day":
        wanted = int(match.group("d"))
        for months in (0, 1, 2):
            first = (base + relativedelta(months=months)).replace(day=1)
            candidate = first + relativedelta(day=wanted)
            if candidate.day == wanted and candidate >= base:
                return candidate
        return None
    if name == "early_next_week":
        return monday + timedelta(days=8)
    if name == "next_week":
        return monday + timedelta(days=11)
    if name == "end_this_week":
        friday = monday + timedelta(days=4)
        return friday if friday >= base else friday + timedelta(days=7)
    if name == "end_month":
        return base + relativedelta(day=31)  # day=31 clips to the month's last day
    if name == "end_named_month":
        month = MONTHS[match.group("month").lower()]
        last = date(base.year, month, 1) + relativedelta(day=31)
        return last if last >= base else last + relativedelta(years=1, day=31)
    if name == "tomorrow":
        return base + timedelta(days=1)
    if name == "today":
        return base
    if name == "pl_week":
        return base + timedelta(weeks=1)
    if name == "pl_month":
        return base + relativedelta(months=1)
    if name == "fortnight":
        return base + timedelta(days=14)
    if name == "within":
        raw = match.group("n").lower()
        count = int(raw) if raw.isdigit() else NUMBERS.get(raw)
        if count is None or count > 120:
            return None
        unit = match.group("unit").lower()
        if raw in ("quinze", "quince", "huit") and unit.startswith(("jour", "día", "dia")):
            count -= 1  # "quinze jours" is a fortnight, "huit jours" a week
        business = bool(match.group("biz") or match.group("biz2"))
        if unit.startswith(("hour", "heure", "stund", "hora", "ore", "uur", "godzin")):
            return base + timedelta(days=count // 24)  # "within 48 hours": two days
        if unit.startswith(("week", "semain", "woche", "semana", "settiman", "wek", "tygod")):
            return base + timedelta(weeks=count)
        if unit.startswith(("mo", "mes", "mês", "maand", "miesi")):
            # relativedelta clips to the month's last day: "within a month" of 31 Jan is 28 Feb.
            return base + relativedelta(months=count)
        return add_business_days(base, count) if business else base + timedelta(days=count)
    return None


def add_business_days(start: date, count: int) -> date:
    """``count`` weekdays after ``start``; holidays are ignored (corpus README)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def next_business_day(day: date) -> date:
    return add_business_days(day, 1)


# --- times of day ---------------------------------------------------------------------------

ZONES: dict[str, str] = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "eastern": "America/New_York", "eastern time": "America/New_York", "new york": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "central": "America/Chicago", "central time": "America/Chicago", "chicago": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "mountain": "America/Denver", "mountain time": "America/Denver", "denver": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "pacific": "America/Los_Angeles", "pacific time": "America/Los_Angeles",
    "utc": "UTC", "gmt": "UTC", "z": "UTC",
    "eastern standard time": "America/New_York", "eastern daylight time": "America/New_York",
    "central standard time": "America/Chicago", "central daylight time": "America/Chicago",
    "mountain standard time": "America/Denver", "mountain daylight time": "America/Denver",
    "pacific standard time": "America/Los_Angeles", "pacific daylight time": "America/Los_Angeles",
    "british summer time": "Europe/London", "central european time": "Europe/Berlin",
    "central european summer time": "Europe/Berlin",
"hora de brasília": "America/Sao_Paulo",
    "bst": "Europe/London", "uk time": "Europe/London", "london": "Europe/London",
    "uk": "Europe/London", "in the uk": "Europe/London", "in london": "Europe/London",
    "cet": "Europe/Berlin", "cest": "Europe/Berlin", "mez": "Europe/Berlin", "mesz": "Europe/Berlin",
    "berlin": "Europe/Berlin", "paris": "Europe/Paris", "heure de paris": "Europe/Paris",
    "madrid": "Europe/Madrid", "hora de madrid": "Europe/Madrid", "hora peninsular": "Europe/Madrid",
    "lisbon": "Europe/Lisbon", "lisboa": "Europe/Lisbon", "hora de lisboa": "Europe/Lisbon",
    "rome": "Europe/Rome", "roma": "Europe/Rome", "ora italiana": "Europe/Rome",
    "amsterdam": "Europe/Amsterdam", "warsaw": "Europe/Warsaw", "warszawa": "Europe/Warsaw",
    "toronto": "America/Toronto", "vancouver": "America/Vancouver",
}  # fmt: skip
_ZONE_RE = "|".join(sorted(map(re.escape, ZONES), key=len, reverse=True))
_TIME = (
    r"(?P<h{n}>[01]?\d|2[0-3])(?:(?P<sep{n}>[:.h]|\s?uhr\s?|\s?h\s?)(?P<m{n}>[0-5]\d))?"
    r"(?:\s*(?P<ap{n}>a\.?m\.?|p\.?m\.?)|(?P<hh{n}>\s?h(?![a-zà-ü])|\s?heures?\b|\s?uhr|\s?hrs|\s?uur|\s?horas|\s?godz\.?|u(?![a-z]))?)"
)
TIME_RE = re.compile(
    # "13.05.2026" is a date, "0.15%" a share, "EUR 4.150" an amount
    r"(?<![\w:.,/€$£-])" + _TIME.format(n=1) + r"(?![./-]\d|\s?%|\d)"
    + r"(?:\s*(?:-|–|to|until|bis|à|a|al|tot|do)\s*" + _TIME.format(n=2) + r")?"
    # Outlook writes "(UTC-05:00) Eastern Time": a named zone after the offset wins (the offset
    # label ignores DST); a bare "UTC+2" / "GMT-7" is a fixed offset.
    + r"(?:\s*\(?\s*(?P<offset>(?:utc|gmt)\s?[+\-−]\s?\d{1,2}(?::?\d\d)?)\)?)?"
    + r"(?:\s*\(?\s*(?:(?:heure|hora|ora)\s+(?:de\s+)?)?(?P<zone>" + _ZONE_RE + r")(?:\s+time)?\b)?",
    re.I,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    at: time
    zone: str | None
    until: time | None = None
    """The end of a range ("1:00 to 4:00 pm"), when one is written."""


# "Room 3.04", "Raum 2.15", "sala 1.10", "floor 4.30": a place number, not a clock time.
_PLACE_BEFORE = re.compile(
    r"(?:\broom|\brm\.?|raum|zimmer|salle|sala|aula|zaal|lokaal|kamer|pokój|pok\.|floor|level|"
    r"building|suite|unit|gate|desk|\bno\.|\bnr\.?|n[°º])\s*$",
    re.I,
)


def find_times(text: str) -> Iterator[TimeMention]:
    """Clock times ("2:00 PM Central", "14h30", "11:00 Uhr (MESZ)"); a range yields its start."""
    for match in TIME_RE.finditer(text):
        if _PLACE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        hour_text, minute_text = match.group("h1"), match.group("m1")
        ampm = (match.group("ap1") or match.group("ap2") or "").lower().replace(".", "")
        bare = not (
            minute_text or ampm or match.group("hh1") or (match.group("sep1") or "").strip()
        )
        if bare and not _bare_hour(text, match):
            continue  # a bare number is not a time ...
        hour = int(hour_text)
        if bare and not match.group("h2") and 1 <= hour <= 7:
            hour += 12  # ... except "can you do wed at 4?": an hour of the working day
        minute = int(minute_text) if minute_text else 0
        if not ampm and match.group("h2") and match.group("ap2"):
            ampm = match.group("ap2").lower().replace(".", "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        zone = match.group("zone") or match.group("offset")
        yield TimeMention(
            match.start(),
            match.end(),
            time(hour, minute),
            zone.lower() if zone else None,
            _range_end(match, hour),
        )


_AT_BEFORE = re.compile(r"(?:\bat|\bum|\bà|\ba las|\bàs|\balle|\bom|\bo)\s*$", re.I)
_BARE_AFTER = re.compile(
    r"\s*(?:[?!.,;)]|$|\n|\s(?:today|tomorrow|then|works?|ok|on|if|ish|sharp)\b|"
    r"\sfor (?:a|an|the|our|your|a quick|coffee|lunch)\b)",  # "thurs at 3 for a proper chat"
    re.I,
)


def _bare_hour(text: str, match: re.Match[str]) -> bool:
    """ "at 4" ending a phrase ("can you do wed at 4?", "thurs at 3 for a chat"), never "at 4
    weeks" or "Room 4"."""
    if not _AT_BEFORE.search(text, max(0, match.start() - 7), match.start()):
        return False
    if not 1 <= int(match.group("h1")) <= 12:
        return False
    return bool(_BARE_AFTER.match(text, match.end()))


def _range_end(match: re.Match[str], start_hour: int) -> time | None:
    if not match.group("h2"):
        return None
    hour = int(match.group("h2"))
    minute = int(match.group("m2")) if match.group("m2") else 0
    ampm = (match.group("ap2") or match.group("ap1") or "").lower().replace(".", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    elif not ampm and hour < start_hour and hour + 12 < 24:
        hour += 12  # "11 - 1" is 11:00 to 13:00
    return time(hour, minute)


_OFFSET = re.compile(r"(?:utc|gmt)\s?([+\-−])\s?(\d{1,2})(?::?(\d\d))?")


def zone_for(name: str | None, fallback: tzinfo) -> tzinfo:
    """The zone a time was written in: a named zone, a fixed "UTC+2", else the Date offset."""
    if name is None:
        return fallback
    offset = _OFFSET.fullmatch(name)
    if offset:
        sign = -1 if offset.group(1) in "-−" else 1
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        if minutes > 14 * 60:
            return fallback
        return timezone(timedelta(minutes=sign * minutes))
    try:
        return ZoneInfo(ZONES.get(name, "UTC"))
    except (KeyError, ValueError):
        return fallback


# European offsets follow one daylight-saving rule (EU and UK switch at the same instant), so
# a mail sent at +01:00 in March about an interview in April means 11:00 at +02:00 then.
_EUROPEAN_ZONES = (ZoneInfo("Europe/London"), ZoneInfo("Europe/Paris"), ZoneInfo("Europe/Helsinki"))


def sender_zone(sent: datetime) -> tzinfo:
    """The sender's zone as far as the Date header tells: a European zone whose offset at
    ``sent`` is the header's (+00:00 in winter is London, +01:00 in winter Paris and in summer
    London), else the fixed offset itself (elsewhere an offset fits zones with different or
    no daylight saving)."""
    offset = sent.utcoffset()
    if offset is None:
        return UTC
    if offset in (timedelta(0), timedelta(hours=1), timedelta(hours=2), timedelta(hours=3)):
        for zone in _EUROPEAN_ZONES:
            if sent.astimezone(zone).utcoffset() == offset:
                return zone
    return sent.tzinfo or UTC


def combine(day: date, at: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, at).replace(tzinfo=zone)
