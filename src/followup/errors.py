"""One exception tree for followup (httpx-style: grouped by cause, one line each).

Adapters translate the errors of the layer below into these at the boundary (chaining
the original with ``raise ... from exc``); only the CLI turns them into messages and exit
codes. Every error carries a ``hint``: what the user can do about it, because a failure
without a next step is a support ticket.
"""

from __future__ import annotations


class FollowupError(Exception):
    """Base of every error followup raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def explain(self) -> str:
        """The message plus the hint, as the CLI prints it."""
        text = str(self)
        return f"{text}\n  -> {self.hint}" if self.hint else text


class MailboxError(FollowupError):
    """Raised when a call to the mailbox (Gmail) fails."""

    hint = "Run `followup doctor` to check the connection; the next poll will retry."


class RateLimited(MailboxError):
    """Raised when Gmail still answers 429/403-rate-limit after every retry."""

    hint = "Gmail is throttling this account; followup will retry at the next poll."

    def __init__(
        self,
        message: str,
        *,
        retry_after: float | None = None,
        hint: str | None = None,
        retryable: bool = True,
    ) -> None:
        super().__init__(message, hint=hint)
        self.retry_after = retry_after
        self.retryable = retryable  # False for the daily quota: waiting seconds will not help


class HistoryExpired(MailboxError):
    """Raised when history.list answers 404: Gmail no longer keeps the stored cursor."""

    hint = "Nothing to do: followup falls back to a full sync that re-ingests nothing twice."


class AuthExpired(MailboxError):
    """Raised when the token is rejected and refreshing it does not help."""

    hint = "Run `followup connect` to sign in to Gmail again."


class MailboxUnavailable(MailboxError):
    """Raised when Gmail keeps failing (5xx, dropped connections) after every retry."""

    hint = "Gmail or the network is unavailable; followup will retry at the next poll."


class NotFound(MailboxError):
    """Raised when a message, thread, draft or label no longer exists (404)."""

    hint = "The item was deleted in Gmail; followup treats that as the user's decision."


class BadRequest(MailboxError):
    """Raised when Gmail rejects a request as malformed (400)."""

    hint = "This is likely a bug in followup; please report it with the log file."


class Conflict(MailboxError):
    """Raised when Gmail reports a conflict (409), e.g. a label name that already exists."""

    hint = "Rename or remove the conflicting label in Gmail, or choose other names in the config."


class Forbidden(MailboxError):
    """Raised on a 403 that is not a rate limit (missing scope, daily limit, disabled API)."""

    hint = "Run `followup connect` again and grant access to Gmail (gmail.modify scope)."


class StoreError(FollowupError):
    """Raised when the local database cannot be read or written."""

    hint = "Check the data folder is writable (`followup doctor` shows where it is)."


class SchemaTooNew(StoreError):
    """Raised when the database was written by a newer followup than this one."""

    hint = "Upgrade followup, or move the database aside to start afresh."


class ConfigError(FollowupError):
    """Raised when the configuration file is missing a value or holds an invalid one."""

    hint = "Run `followup config` to see the effective settings and their sources."


class AlreadyRunning(FollowupError):
    """Raised when another `followup watch` holds this account's lock."""

    hint = "Stop the other `followup watch` first, or use `followup sync` for a one-off poll."
