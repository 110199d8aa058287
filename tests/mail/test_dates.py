"""Relative dates resolve against the sending day, in eight languages (corpus README rules)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from followup.mail.dates import add_business_days, find_dates, find_times
from followup.mail.reply_dates import find_back_on, find_respond_by
from followup.mail.slots import find_interview_at, find_interview_window

WEDNESDAY = date(2026, 2, 25)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by Friday", date(2026, 2, 27)),
        ("by end of next week", date(2026, 3, 6)),
        ("early next week", date(2026, 3, 3)),
        ("within 10 days", date(2026, 3, 7)),
        ("within two weeks", date(2026, 3, 11)),
        ("within 3 business days", date(2026, 3, 2)),
        ("by the end of the month", date(2026, 2, 28)),
        ("d'ici vendredi", date(2026, 2, 27)),
        ("bis Ende nächster Woche", date(2026, 3, 6)),
        ("la próxima semana", date(2026, 3, 6)),
        ("na próxima semana", date(2026, 3, 6)),
        ("entro venerdì", date(2026, 2, 27)),
        ("binnen 5 werkdagen", date(2026, 3, 4)),
        ("w ciągu 10 dni", date(2026, 3, 7)),
        ("tomorrow", date(2026, 2, 26)),
        ("on March 13", date(2026, 3, 13)),
        ("le 13 mars", date(2026, 3, 13)),
        ("am 13. März", date(2026, 3, 13)),
        ("antes del 13 de marzo", date(2026, 3, 13)),
    ],
)
def test_phrase_resolves_against_the_sending_day(phrase: str, expected: date) -> None:
    mentions = find_dates(phrase, WEDNESDAY)
    assert [m.day for m in mentions] == [expected]


def test_business_days_skip_the_weekend() -> None:
    thursday = date(2026, 7, 9)
    assert add_business_days(thursday, 3) == date(2026, 7, 14)


def test_a_month_day_long_before_the_mail_means_next_year() -> None:
    december = date(2026, 12, 23)
    assert [m.day for m in find_dates("back on January 5", december)] == [date(2027, 1, 5)]


def test_tomorrow_is_resolved_in_the_senders_own_offset() -> None:
    late = datetime(2026, 8, 17, 23, 40, tzinfo=timezone(timedelta(hours=-7)))
    assert find_respond_by("I'll have an answer for you by tomorrow.", late) == date(2026, 8, 18)


def test_respond_by_ignores_the_candidates_own_deadline() -> None:
    sent = datetime(2026, 3, 5, 10, 0, tzinfo=UTC_PLUS_1)
    assert find_respond_by("Please sign and return the letter by Friday.", sent) is None


def test_respond_by_takes_the_promised_day_not_an_earlier_meeting() -> None:
    sent = datetime(2026, 3, 10, 9, 0, tzinfo=UTC_PLUS_1)
    text = "The panel meets on Thursday and we'll be in touch by Friday with next steps."
    assert find_respond_by(text, sent) == date(2026, 3, 13)


UTC_PLUS_1 = timezone(timedelta(hours=1))


def test_back_on_prefers_the_stated_return_day() -> None:
    sent = datetime(2026, 5, 7, 17, 0, tzinfo=UTC_PLUS_1)
    text = "Je suis absente jusqu'au vendredi 15 mai inclus.\nDe retour le lundi 18 mai."
    assert find_back_on(text, sent) == date(2026, 5, 18)


def test_back_on_after_an_inclusive_until_is_the_next_business_day() -> None:
    sent = datetime(2026, 7, 27, 10, 0, tzinfo=UTC_PLUS_1)
    assert find_back_on("I am away through Friday, August 7.", sent) == date(2026, 8, 10)


def test_interview_time_with_a_named_zone_is_an_aware_instant() -> None:
    sent = datetime(2026, 1, 13, 10, 14, tzinfo=timezone(timedelta(hours=-6)))
    at = find_interview_at("a phone screen on Thursday, January 15 at 2:00 PM Eastern", sent)
    assert at == datetime(2026, 1, 15, 19, 0, tzinfo=UTC)


def test_the_same_slot_written_in_two_zones_counts_once() -> None:
    sent = datetime(2026, 12, 1, 10, 44, tzinfo=timezone(timedelta(hours=-5)))
    text = "Monday, December 7, 2026\n12:00 - 16:00 UTC (7:00 AM - 11:00 AM Eastern)"
    at = find_interview_at(text, sent)
    assert at == datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def test_several_proposed_slots_fix_no_interview_time() -> None:
    sent = datetime(2026, 2, 18, 11, 0, tzinfo=UTC_PLUS_1)
    text = (
        "Passt Ihnen Dienstag, 24. Februar um 10:00 Uhr oder Donnerstag, 26. Februar um 14:00 Uhr?"
    )
    assert find_interview_at(text, sent) is None


def test_a_fixed_utc_offset_after_the_time_is_honoured() -> None:
    sent = datetime(2026, 6, 3, 16, 55, tzinfo=timezone(timedelta(hours=-4)))
    at = find_interview_at("Interview on Thursday, June 11 at 15:00 (UTC+2)", sent)
    assert at == datetime(2026, 6, 11, 13, 0, tzinfo=UTC)


def test_a_written_range_gives_the_interview_end() -> None:
    sent = datetime(2026, 3, 9, 17, 22, tzinfo=timezone(timedelta(hours=-7)))
    start, end = find_interview_window("on Wednesday, March 18, from 1:00 to 4:00 pm PT.", sent)
    assert start == datetime(2026, 3, 18, 20, 0, tzinfo=UTC)
    assert end == datetime(2026, 3, 18, 23, 0, tzinfo=UTC)


def test_two_times_offered_on_one_day_are_options_not_a_range() -> None:
    sent = datetime(2026, 3, 9, 17, 22, tzinfo=timezone(timedelta(hours=-7)))
    assert find_interview_window("Could you do 10am or 2pm on Tuesday, March 10?", sent) == (
        None,
        None,
    )


def test_german_ordinal_dates_do_not_end_a_sentence() -> None:
    sent = datetime(2026, 5, 5, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    text = "Ich bin vom 6. bis 15. Mai im Urlaub. Ab dem 18. Mai bin ich wieder erreichbar."
    assert find_back_on(text, sent) == date(2026, 5, 18)


def test_a_numeric_date_is_not_read_as_a_clock_time() -> None:
    sent = datetime(2026, 5, 5, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    text = "am Mittwoch, den 13.05.2026 um 14:30 Uhr zu einem Gespräch"
    assert find_interview_at(text, sent) == datetime(2026, 5, 13, 12, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "phrase",
    [
        "within a month",
        "innerhalb eines Monats",
        "dans un mois",
        "entro un mese",
        "binnen een maand",
    ],
)
def test_within_a_month_clips_to_the_last_day_of_a_shorter_month(phrase: str) -> None:
    found = find_dates(f"we will decide {phrase}", date(2026, 1, 31))
    assert [d.day for d in found] == [date(2026, 2, 28)]


def test_a_percentage_is_not_a_clock_time() -> None:
    from followup.mail.dates import find_times

    assert [m.at.hour for m in find_times("Equity 0.15% and a call at 14.30 uur")] == [14]


@pytest.mark.parametrize(
    "sentence",
    [
        "Je hoort uiterlijk vrijdag van ons.",
        "Sie hören von uns bis Freitag.",
        "Tendrás noticias nuestras antes del viernes.",
    ],
)
def test_you_will_hear_from_us_by_friday_sets_respond_by(sentence: str) -> None:
    monday = datetime(2026, 3, 23, 11, 0, tzinfo=timezone(timedelta(hours=1)))
    assert find_respond_by(sentence, monday) == date(2026, 3, 27)


def test_numeric_date_inside_a_sentence_is_read_whole_for_back_on() -> None:
    tuesday = datetime(2026, 3, 17, 7, 0, tzinfo=timezone(timedelta(hours=1)))
    text = "Ich bin bis einschließlich 20.03.2026 nicht im Büro."
    assert find_back_on(text, tuesday) == date(2026, 3, 23)


def test_polish_within_a_week_needs_no_number() -> None:
    thursday = datetime(2026, 10, 15, 13, 0, tzinfo=timezone(timedelta(hours=2)))
    assert find_respond_by("Odezwę się w ciągu tygodnia.", thursday) == date(2026, 10, 22)


def test_a_weekday_with_a_day_number_is_that_date_only_when_the_weekday_fits() -> None:
    base = date(2027, 10, 12)  # a Tuesday
    assert [m.day for m in find_dates("el viernes 22", base)] == [date(2027, 10, 22)]
    assert [m.day for m in find_dates("Freitag, 22.", base)] == [date(2027, 10, 22)]
    # the 23rd is a Saturday: "Friday 23" is read as the coming Friday
    assert [m.day for m in find_dates("Friday 23", base)] == [date(2027, 10, 15)]
    # a time after a weekday is not a day of the month
    assert [m.day for m in find_dates("Friday 10 am", base)] == [date(2027, 10, 15)]


@pytest.mark.parametrize(
    "text", ["at 14:30 in Room 3.04", "um 14:30 Uhr in Raum 2.15", "a las 14:30, sala 1.10"]
)
def test_a_room_number_is_not_a_clock_time(text: str) -> None:
    assert [m.at.isoformat() for m in find_times(text)] == ["14:30:00"]


# after blind89-93 (session 4)
def test_a_weekday_written_after_a_full_date_names_that_date() -> None:
    sent = datetime(2027, 6, 1, 12, 40, tzinfo=timezone(timedelta(hours=2)))
    text = "rozmowę kwalifikacyjną w dniu 14 czerwca 2027 r. (poniedziałek) o godz. 10:00"
    at = find_interview_at(text, sent)
    assert at is not None
    assert (at.date(), at.hour) == (date(2027, 6, 14), 10)


def test_a_moved_interview_is_at_its_new_slot() -> None:
    sent = datetime(2027, 5, 21, 13, 48, tzinfo=timezone(timedelta(hours=2)))
    text = "We've moved your interview from Tuesday 25 May at 15:00 to Wednesday 26 May at 11:00."
    at = find_interview_at(text, sent)
    assert at is not None
    assert (at.date(), at.hour) == (date(2027, 5, 26), 11)


def test_two_slots_without_a_move_are_still_options() -> None:
    sent = datetime(2027, 5, 21, 13, 48, tzinfo=timezone(timedelta(hours=2)))
    text = "Could you do Tuesday 25 May at 15:00 or Wednesday 26 May at 11:00?"
    assert find_interview_at(text, sent) is None


def test_the_day_a_writers_leave_starts_is_not_a_respond_by() -> None:
    sent = datetime(2027, 2, 19, 16, 55, tzinfo=UTC)
    text = "Just to let you know I'm starting maternity leave from Monday, so Priyanka takes over."
    assert find_respond_by(text, sent) is None


def test_the_slot_an_interview_was_set_for_is_not_its_new_one() -> None:
    sent = datetime(2027, 9, 6, 10, 40, tzinfo=timezone(timedelta(hours=1)))
    text = (
        "I need to move your interview, which was set for Wednesday 8 September at 11am. "
        "Would Thursday 9 September at 2.15pm work for you instead?"
    )
    at = find_interview_at(text, sent)
    assert at is not None
    assert (at.date(), at.hour, at.minute) == (date(2027, 9, 9), 14, 15)


def test_a_time_written_with_a_spaced_h_is_a_time() -> None:
    sent = datetime(2027, 4, 12, 10, 30, tzinfo=timezone(timedelta(hours=-4)))
    at = find_interview_at("Est-ce que jeudi le 15 avril à 14 h te conviendrait?", sent)
    assert at is not None
    assert (at.date(), at.hour) == (date(2027, 4, 15), 14)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Contiamo di darle una risposta definitiva entro la fine del mese.", "2027-03-31"),
        ("Mi hanno promesso un riscontro entro la fine della prossima settimana.", "2027-03-19"),
        ("Les résultats vous seront communiqués au plus tard le vendredi 26 mars.", "2027-03-26"),
    ],
)
def test_a_promise_by_a_day_with_an_article_is_a_respond_by(text: str, day: str) -> None:
    sent = datetime(2027, 3, 10, 14, 20, tzinfo=timezone(timedelta(hours=1)))
    found = find_respond_by("Buongiorno. Il processo decisionale slitta.\n" + text, sent)
    assert found is not None
    assert found.isoformat() == day


@pytest.mark.parametrize(
    "text",
    [
        "Può inviarli rispondendo a questa e-mail entro venerdì 12 marzo. Le daremo notizie.",
        "Agradecemos que nos faça chegar a documentação até ao dia 18 de março. Daremos notícias.",
        "Sarah and James enjoyed meeting you on Tuesday and will be in touch about next steps.",
    ],
)
def test_a_candidates_deadline_or_a_day_gone_by_is_not_a_respond_by(text: str) -> None:
    sent = datetime(2027, 3, 10, 14, 20, tzinfo=timezone(timedelta(hours=1)))
    assert find_respond_by(text, sent) is None


def test_the_same_slot_restated_in_the_readers_uk_time_is_one_slot() -> None:
    sent = datetime(2027, 2, 5, 13, 25, tzinfo=timezone(timedelta(hours=-8)))
    text = "Would Thursday at 9:30 am Pacific work for you? I believe that's 5:30 pm in the UK."
    at = find_interview_at(text, sent)
    assert at is not None
    assert at.astimezone(UTC) == datetime(2027, 2, 11, 17, 30, tzinfo=UTC)
