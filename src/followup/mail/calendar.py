"""Calendar parts (text/calendar, .ics attachments) read through icalendar.

icalendar resolves TZID against the VTIMEZONE shipped in the same file, which is what makes
Outlook's Windows zone names ("Eastern Standard Time") and DST changes come out right.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

import icalendar

from followup.mail.model import CalendarEvent

log = logging.getLogger(__name__)


def parse_calendar(data: bytes, *, fallback_tz: tzinfo | None) -> CalendarEvent | None:
    """The first VEVENT of an iCalendar file, or None when there is none or it is broken.

    Floating times (no TZID, no Z) are read in ``fallback_tz``: the offset of the Date header,
    the only clue to where the sender is.
    """
    try:
        cal = icalendar.Calendar.from_ical(data)
        method = _text(cal.get("METHOD")).upper() or None
        events = cal.walk("VEVENT")
        if not events:
            return None
        event = events[0]
        start = _when(event, "DTSTART", fallback_tz)
        end = _when(event, "DTEND", fallback_tz)
        if end is None and start is not None and "DURATION" in event:
            duration = event.decoded("DURATION")
            if isinstance(duration, timedelta):
                end = start + duration
        sequence_raw = event.get("SEQUENCE")
        sequence = int(str(sequence_raw)) if sequence_raw is not None else None
        status = _text(event.get("STATUS")).upper() or None
        if method is None and status == "CANCELLED":
            method = "CANCEL"
        return CalendarEvent(
            method=method,
            uid=_text(event.get("UID")) or None,
            sequence=sequence,
            summary=_text(event.get("SUMMARY")),
            description=_text(event.get("DESCRIPTION")),
            start=start,
            end=end,
            status=status,
        )
    except Exception as exc:  # icalendar raises many types on bad input; a reading must not.
        log.warning("calendar part unreadable", extra={"error": type(exc).__name__})
        return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace").strip()
    return str(value).strip()


def _when(event: Any, name: str, fallback_tz: tzinfo | None) -> datetime | None:
    if name not in event:
        return None
    value = event.decoded(name)
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            if fallback_tz is None:
                return None
            value = value.replace(tzinfo=fallback_tz)
        return value
    if isinstance(value, date):
        return None  # an all-day event has no interview time
    return None
