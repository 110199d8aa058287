"""status, show, add, pause, resume, close and correct against the emulator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from click.testing import CliRunner

from followup.bootstrap import build_service
from followup.cli import main
from followup.config import load_config

from .accounts import Account, account_fixture, connect_by_token, deliver  # noqa: F401


def invitation(account: Account, *, when: datetime, sent: datetime | None = None) -> bytes:
    sent = sent or datetime.now(UTC) - timedelta(hours=2)
    return (
        "From: Jane Doe <jane@acme-robotics.com>\r\n"
        f"To: {account.email}\r\n"
        "Subject: Interview invitation - Data Engineer at Acme Robotics\r\n"
        f"Date: {format_datetime(sent)}\r\n"
        "Message-ID: <invite-1@acme-robotics.com>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hi Ada,\r\n\r\nThank you for applying to the Data Engineer role at Acme Robotics. "
        "We would like to invite you to an interview on "
        f"{when.strftime('%A %d %B %Y')} at {when.strftime('%H:%M')} UTC.\r\n\r\n"
        "Best regards,\r\nJane Doe\r\nHiring Manager, Acme Robotics\r\n"
    ).encode()


def poll(account: Account) -> None:
    paths = account.home
    wiring = build_service(paths, load_config(paths.config_file))
    try:
        wiring.service.poll_once()
    finally:
        wiring.close()


@pytest.fixture
def tracked(account: Account) -> Account:
    """A connected account whose mailbox holds one interview invitation, synced."""
    connect_by_token(account)
    interview = (datetime.now(UTC) + timedelta(days=2)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    deliver(account, invitation(account, when=interview))
    poll(account)
    return account


def test_status_without_a_database_says_how_to_start(account: Account) -> None:
    result = CliRunner().invoke(main, ["status"])
    assert result.exit_code == 0
    assert "No applications yet" in result.output


def test_status_lists_the_application_with_its_gmail_thread(tracked: Account) -> None:
    result = CliRunner().invoke(main, ["status"])
    assert result.exit_code == 0, result.output
    print(result.output)
    assert "Acme" in result.output
    assert "https://mail.google.com/mail/u/0/#inbox/" in result.output


def test_show_explains_why_each_mail_was_read_so(tracked: Account) -> None:
    result = CliRunner().invoke(main, ["show", "acme"])
    assert result.exit_code == 0, result.output
    print(result.output)
    assert "read as interview_invite" in result.output
    assert "why:" in result.output


def test_pause_resume_close_move_the_application(tracked: Account) -> None:
    runner = CliRunner()
    paused = runner.invoke(main, ["pause", "acme", "--note", "they said end of month"])
    assert paused.exit_code == 0, paused.output
    assert "-> paused" in paused.output
    again = runner.invoke(main, ["pause", "acme"])
    assert again.exit_code == 1
    assert "not changed" in again.output
    resumed = runner.invoke(main, ["resume", "acme"])
    assert resumed.exit_code == 0, resumed.output
    assert "paused" in resumed.output.split("->")[0]
    closed = runner.invoke(main, ["close", "acme"])
    assert closed.exit_code == 0, closed.output
    assert "-> closed" in closed.output
    listing = runner.invoke(main, ["status"])
    assert "No open applications (1 closed" in listing.output


def test_unknown_application_fails_with_status_1(tracked: Account) -> None:
    result = CliRunner().invoke(main, ["pause", "globex"])
    assert result.exit_code == 1
    assert "no application matches 'globex'" in result.output


def test_add_tracks_an_application_by_hand(account: Account) -> None:
    connect_by_token(account)
    result = CliRunner().invoke(
        main,
        [
            "add",
            "--company",
            "Globex",
            "--contact",
            "hank@globex.example",
            "--interview",
            "2026-12-01 10:00",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "Added Globex" in result.output
    assert "interview scheduled" in result.output
    listing = CliRunner().invoke(main, ["status"])
    assert "Globex" in listing.output


def test_add_without_company_is_a_usage_error(account: Account) -> None:
    result = CliRunner().invoke(main, ["add", "--contact", "x@y.com"])
    assert result.exit_code == 2


def test_correct_applies_at_once_and_is_remembered(tracked: Account) -> None:
    from followup.adapters.store import SqliteStore
    from followup.mail_rules import load_rules

    store = SqliteStore(tracked.home.database_file)
    try:
        (app,) = store.load_applications()
        message_id = app.messages[0].message_id
    finally:
        store.close()
    result = CliRunner().invoke(main, ["correct", message_id, "--kind", "rejection"])
    assert result.exit_code == 0, result.output
    print(result.output)
    assert "now read as rejection" in result.output
    assert "-> closed" in result.output
    store = SqliteStore(tracked.home.database_file)
    try:
        assert store.corrections()[message_id].kind == "rejection"
        rule = load_rules(store).lookup(
            "jane@acme-robotics.com", "Re: Interview invitation - Data Engineer at Acme Robotics"
        )
        assert rule is not None
        assert rule.kind.value == "rejection"
    finally:
        store.close()


def test_correct_an_unknown_message_fails_with_a_hint(tracked: Account) -> None:
    result = CliRunner().invoke(main, ["correct", "0123456789abcdef", "--kind", "offer"])
    assert result.exit_code == 1
    assert "has not read message" in result.output


def test_debug_log_of_sync_and_commands_holds_no_token_and_no_body(account: Account) -> None:
    import json
    import logging

    from followup.logging_setup import setup_logging

    connect_by_token(account)
    setup_logging(account.home, verbose=2)
    interview = datetime.now(UTC) + timedelta(days=2)
    deliver(account, invitation(account, when=interview))
    poll(account)
    runner = CliRunner()
    for args in (["-vv", "status"], ["-vv", "show", "acme"], ["-vv", "pause", "acme"]):
        assert runner.invoke(main, args).exit_code == 0
    for handler in logging.getLogger().handlers:
        handler.flush()

    log_text = account.home.log_file.read_text(encoding="utf-8")
    token = json.loads(account.home.token_file.read_text(encoding="utf-8"))
    assert "DEBUG" in log_text  # the test looked at a real debug log
    assert token["token"] not in log_text
    assert token["refresh_token"] not in log_text
    assert "We would like to invite you" not in log_text
    assert "Thank you for applying" not in log_text


def test_doctor_on_a_synced_account_is_all_ok_but_the_watcher(tracked: Account) -> None:
    result = CliRunner().invoke(main, ["doctor"])
    lines = {line.split()[1]: line for line in result.output.splitlines() if line[:1].isupper()}
    print(result.output)
    for area in ("config", "client", "token", "gmail", "labels", "database", "cursor"):
        assert lines[area].startswith("OK"), lines[area]
    assert f"connected as {tracked.email}" in lines["gmail"]
    assert "1 applications" in lines["database"]
    assert lines["watcher"].startswith("WARN")
    assert result.exit_code == 0  # WARN alone is not a failure


def test_add_from_a_gmail_link_reads_company_contact_and_interview(account: Account) -> None:
    connect_by_token(account)
    interview = (datetime.now(UTC) + timedelta(days=3)).replace(
        hour=11, minute=0, second=0, microsecond=0
    )
    delivered = deliver(account, invitation(account, when=interview))
    link = f"https://mail.google.com/mail/u/0/#inbox/{delivered['threadId']}"
    result = CliRunner().invoke(main, ["add", "--thread", link])
    assert result.exit_code == 0, result.output
    assert "Added Acme Robotics" in result.output
    assert "interview scheduled" in result.output

    from followup.adapters.store import SqliteStore

    store = SqliteStore(account.home.database_file)
    try:
        (app,) = store.load_applications()
    finally:
        store.close()
    assert app.thread_ids == (delivered["threadId"],)
    assert [c.address for c in app.contacts] == ["jane@acme-robotics.com"]
    assert app.rounds[0].start == interview

    again = CliRunner().invoke(main, ["add", "--message", delivered["id"]])
    assert again.exit_code == 0, again.output
    assert "already tracked" in again.output


def test_add_from_a_thread_holding_a_rejection_says_what_it_read_and_drafts_nothing(
    account: Account,
) -> None:
    connect_by_token(account)
    now = datetime.now(UTC)
    sent = now - timedelta(days=6)
    account.emulator.clock.set(sent)
    interview = (sent + timedelta(days=2)).replace(hour=14, minute=0, second=0, microsecond=0)
    delivered = deliver(account, invitation(account, when=interview, sent=sent))
    account.emulator.clock.set(now - timedelta(days=1))
    rejection = (
        "From: Jane Doe <jane@acme-robotics.com>\r\n"
        f"To: {account.email}\r\n"
        "Subject: Re: Interview invitation - Data Engineer at Acme Robotics\r\n"
        f"Date: {format_datetime(now - timedelta(days=1))}\r\n"
        "Message-ID: <no-1@acme-robotics.com>\r\n"
        "In-Reply-To: <invite-1@acme-robotics.com>\r\n"
        "References: <invite-1@acme-robotics.com>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hi Ada,\r\n\r\nThank you for your time. Unfortunately, we have decided not to move "
        "forward with your application.\r\n\r\nBest,\r\nJane\r\n"
    ).encode()
    assert deliver(account, rejection)["threadId"] == delivered["threadId"]
    account.emulator.clock.set(now)

    result = CliRunner().invoke(main, ["add", "--thread", delivered["threadId"]])

    assert result.exit_code == 0, result.output
    assert "Read 2 messages of that thread: interview invite, rejection." in result.output
    assert "Added Acme Robotics" in result.output
    assert "closed (rejection)" in result.output
    assert "Next:" not in result.output
    wiring = build_service(account.home, load_config(account.home.config_file))
    try:
        assert wiring.service.mailbox.list_drafts() == []
    finally:
        wiring.close()


def test_add_from_a_link_without_an_id_explains_how_to_find_one(account: Account) -> None:
    result = CliRunner().invoke(
        main, ["add", "--thread", "https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmhl"]
    )
    assert result.exit_code == 2
    assert "Show original" in result.output


def test_commands_against_the_emulator_follow_its_clock(account: Account) -> None:
    connect_by_token(account)
    account.admin("clock", {"advance_seconds": 10 * 24 * 3600})  # as the demo does
    result = CliRunner().invoke(main, ["add", "--company", "Initech"])
    assert result.exit_code == 0, result.output

    from followup.adapters.store import SqliteStore

    store = SqliteStore(account.home.database_file)
    try:
        (app,) = store.load_applications()
    finally:
        store.close()
    assert app.created_at > datetime.now(UTC) + timedelta(days=9)


def test_status_links_a_ready_draft_to_gmail_drafts(account: Account) -> None:
    connect_by_token(account)
    sent = datetime.now(UTC) - timedelta(days=3)
    account.emulator.clock.set(sent)
    interview = (datetime.now(UTC) - timedelta(days=2)).replace(
        hour=14, minute=0, second=0, microsecond=0
    )
    deliver(account, invitation(account, when=interview, sent=sent))
    account.emulator.clock.set(datetime.now(UTC))
    poll(account)
    wiring = build_service(account.home, load_config(account.home.config_file))
    try:
        wiring.service.tick()
    finally:
        wiring.close()
    wide = CliRunner().invoke(main, ["status"], env={"COLUMNS": "200"})
    assert wide.exit_code == 0, wide.output
    assert "draft ready" in wide.output
    assert "│ https://mail.google.com/mail/u/0/#drafts?compose=" in wide.output  # in the table
    narrow = CliRunner().invoke(main, ["status"], env={"COLUMNS": "80"})
    assert narrow.exit_code == 0, narrow.output
    # On a narrow terminal the links are listed whole below the table, not folded inside it.
    assert "Open in Gmail:" in narrow.output
    assert "  https://mail.google.com/mail/u/0/#drafts?compose=" in narrow.output


def test_a_rule_saved_while_the_watcher_runs_reads_its_next_mail(tracked: Account) -> None:
    from followup.mail.model import MailKind
    from followup.mail_rules import remember_rule

    wiring = build_service(tracked.home, load_config(tracked.home.config_file))
    try:
        # As `followup correct` would, from another process, after the service was built.
        remember_rule(
            wiring.store,
            sender="jane@acme-robotics.com",
            subject="A quick note about the Data Engineer role",
            kind=MailKind.REJECTION,
        )
        sent = datetime.now(UTC) - timedelta(minutes=5)
        raw = (
            "From: Jane Doe <jane@acme-robotics.com>\r\n"
            f"To: {tracked.email}\r\n"
            "Subject: A quick note about the Data Engineer role\r\n"
            f"Date: {format_datetime(sent)}\r\n"
            "Message-ID: <note-2@acme-robotics.com>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            "Hi Ada,\r\n\r\nThanks again for your time. Best,\r\nJane\r\n"
        ).encode()
        gmail_id = deliver(tracked, raw)["id"]
        wiring.service.poll_once()
        seen = wiring.store.get_message(gmail_id)
        assert seen is not None
        assert seen.kind == "rejection"
        assert any("correction" in reason for reason in seen.reasons)
    finally:
        wiring.close()


def test_doctor_reports_the_age_of_the_last_poll(tracked: Account) -> None:
    result = CliRunner().invoke(main, ["doctor"])
    cursor_lines = [line for line in result.output.splitlines() if "cursor" in line.lower()]
    assert cursor_lines, result.output
    assert any("last poll" in line.lower() or "ago" in line.lower() for line in cursor_lines), (
        cursor_lines
    )


def test_show_marks_the_users_own_mail_as_their_follow_up_not_a_reading(
    tracked: Account,
) -> None:
    sent = datetime.now(UTC) - timedelta(minutes=30)
    own = (
        f"From: Ada <{tracked.email}>\r\n"
        "To: Jane Doe <jane@acme-robotics.com>\r\n"
        "Subject: Re: Interview invitation - Data Engineer at Acme Robotics\r\n"
        f"Date: {format_datetime(sent)}\r\n"
        "Message-ID: <ada-1@example.com>\r\n"
        "In-Reply-To: <invite-1@acme-robotics.com>\r\n"
        "References: <invite-1@acme-robotics.com>\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hi Jane, thanks, the team was great. I look forward to hearing from you.\r\nAda\r\n"
    ).encode()
    deliver(tracked, own)
    poll(tracked)
    result = CliRunner().invoke(main, ["show", "acme"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    (line,) = [row for row in result.output.splitlines() if "from you:" in row]
    assert "(your own follow-up)" in line
    assert "read as" not in line
    assert "creating-pid" not in result.output
