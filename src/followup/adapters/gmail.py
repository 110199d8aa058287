"""The Gmail adapter: the only module that imports googleapiclient.

It turns Gmail's JSON into the frozen dataclasses of :mod:`followup.ports`, so ``Any`` never
leaves this file, and turns every failure into an error of :mod:`followup.errors`
(:func:`map_http_error` is the one table). Retries, back-off and the client-side quota
limiter live here too, because the client library retries nothing by default and its batch
requests never retry at all (GMAIL_API_NOTES.md section 6).
"""

from __future__ import annotations

import base64
import http.client
import logging
import socket
import ssl
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, Literal

import google_auth_httplib2
import httplib2
from google.auth.credentials import Credentials
from google.auth.exceptions import RefreshError, TransportError
from googleapiclient.discovery import build
from googleapiclient.errors import HttpError
from googleapiclient.http import BatchHttpRequest

from followup.adapters.ratelimit import Backoff, QuotaLimiter, parse_retry_after
from followup.errors import (
    AuthExpired,
    BadRequest,
    Conflict,
    Forbidden,
    HistoryExpired,
    MailboxError,
    MailboxUnavailable,
    NotFound,
    RateLimited,
)
from followup.ports import (
    CallStats,
    Draft,
    HistoryDelta,
    Label,
    LabelChange,
    MessageData,
    MessageRef,
    Profile,
)

log = logging.getLogger(__name__)

GMAIL_ROOT = "https://gmail.googleapis.com/"

# Quota units per method (QUOTA). Used by the limiter and reported by the bench.
UNITS: dict[str, int] = {
    "getProfile": 1,
    "labels.list": 1,
    "labels.create": 5,
    "history.list": 2,
    "messages.list": 5,
    "messages.get": 5,
    "threads.get": 10,
    "threads.modify": 10,
    "drafts.list": 5,
    "drafts.get": 5,
    "drafts.create": 10,
    "drafts.delete": 10,
}

# Google advises at most 50 calls per batch although it accepts 100 (BATCH).
BATCH_SIZE = 50
# history.list and messages.list accept up to 500 per page: fewer pages, fewer calls.
PAGE_SIZE = 500
# We ask for deletions too: they cost nothing extra and tell us a draft or thread went away.
HISTORY_TYPES = ("messageAdded", "messageDeleted", "labelAdded", "labelRemoved")
# Headers the metadata pass needs to pick candidates and thread replies.
METADATA_HEADERS = (
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "References",
    "List-Unsubscribe",
    "Precedence",
    "X-Followup-Id",
)

# Dropped connections and timeouts the transport can raise (same set the library retries).
TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    ConnectionError,
    socket.timeout,
    ssl.SSLError,
    http.client.HTTPException,
    httplib2.HttpLib2Error,
    TransportError,
    OSError,
)

RATE_REASONS = frozenset({"userRateLimitExceeded", "rateLimitExceeded"})

INVALID_GRANT_HINT = (
    "Google no longer accepts the saved sign-in. This happens when access was revoked in "
    "your Google account, after a password change, when the sign-in went unused for six "
    "months, or after 7 days when the OAuth app is in 'Testing' status. "
    "Run `followup connect` to sign in again."
)


def _error_reason(exc: HttpError) -> str:
    details = exc.error_details
    if isinstance(details, list) and details and isinstance(details[0], dict):
        return str(details[0].get("reason", ""))
    return ""


def map_http_error(exc: HttpError) -> MailboxError:
    """Translate an HttpError into our tree: one row per status, most specific first."""
    status = int(exc.status_code or 0)
    reason = _error_reason(exc)
    message = f"Gmail answered {status} {reason or exc.reason}".strip()
    retry_after = parse_retry_after(exc.resp.get("retry-after") if exc.resp else None)
    if status == 429 or (status == 403 and reason in RATE_REASONS):
        return RateLimited(message, retry_after=retry_after)
    if status == 401:
        return AuthExpired(message)
    if status == 403 and reason == "dailyLimitExceeded":
        return RateLimited(
            message, hint="The daily Gmail quota is used up; try tomorrow.", retryable=False
        )
    if status == 403:
        return Forbidden(message)
    if status == 404:
        return NotFound(message)
    if status == 409:
        return Conflict(message)
    if status == 400:
        return BadRequest(message)
    if status >= 500:
        return MailboxUnavailable(message)
    return MailboxError(message)


def map_refresh_error(exc: RefreshError) -> AuthExpired:
    """A failed refresh is never retried: explain invalid_grant's usual causes."""
    text = str(exc)
    if "invalid_grant" in text:
        return AuthExpired(
            f"Gmail sign-in expired or was revoked ({text})", hint=INVALID_GRANT_HINT
        )
    return AuthExpired(f"Gmail sign-in could not be refreshed ({text})")


def _is_retryable(err: MailboxError) -> bool:
    if isinstance(err, RateLimited):
        return err.retryable
    return isinstance(err, MailboxUnavailable)


def _collect(
    results: dict[str, dict[str, Any]], errors: dict[str, MailboxError]
) -> Callable[[str, Any, Exception | None], None]:
    """A batch callback sorting each part into a result or a mapped error."""

    def on_part(request_id: str, response: Any, exc: Exception | None) -> None:
        if exc is None:
            results[request_id] = response
        elif isinstance(exc, HttpError):
            errors[request_id] = map_http_error(exc)
        else:
            errors[request_id] = MailboxUnavailable(repr(exc))

    return on_part


def decode_b64url(data: str) -> bytes:
    """Decode base64url with or without '=' padding (Gmail omits it in body.data)."""
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _ref(obj: dict[str, Any]) -> MessageRef:
    return MessageRef(id=str(obj["id"]), thread_id=str(obj.get("threadId", "")))


def parse_message(obj: dict[str, Any]) -> MessageData:
    """Gmail Message JSON -> MessageData (raw bytes only when format=raw was asked)."""
    headers: dict[str, str] = {}
    payload = obj.get("payload") or {}
    for header in payload.get("headers") or ():
        headers.setdefault(str(header.get("name", "")).lower(), str(header.get("value", "")))
    millis = int(obj.get("internalDate") or 0)
    raw = obj.get("raw")
    return MessageData(
        id=str(obj["id"]),
        thread_id=str(obj.get("threadId", "")),
        label_ids=tuple(str(x) for x in obj.get("labelIds") or ()),
        internal_date=datetime.fromtimestamp(millis / 1000, tz=UTC),
        headers=headers,
        raw=decode_b64url(raw) if isinstance(raw, str) else None,
    )


def build_service(
    credentials: Credentials, *, api_endpoint: str | None = None, timeout: float = 60.0
) -> Any:
    """Build the Gmail service the real way, pointed at ``api_endpoint`` when given.

    ``api_endpoint`` must be the host root (``http://127.0.0.1:PORT/``): one ending in
    ``gmail/v1/`` doubles the path. ``max_refresh_attempts=1``: a 401 refreshes once, then
    we explain instead of looping.
    """
    authed = google_auth_httplib2.AuthorizedHttp(
        credentials, http=httplib2.Http(timeout=timeout), max_refresh_attempts=1
    )
    options = {"api_endpoint": api_endpoint} if api_endpoint else None
    return build(
        "gmail",
        "v1",
        http=authed,
        client_options=options,
        static_discovery=True,
        cache_discovery=False,
    )


def batch_uri_for(api_endpoint: str | None) -> str:
    """Batch URL. ``new_batch_http_request()`` ignores ``api_endpoint`` and would send
    batches to Google (GMAIL_API_NOTES.md section 8, pitfall 1), so we build it ourselves."""
    root = (api_endpoint or GMAIL_ROOT).rstrip("/")
    return f"{root}/batch/gmail/v1"


class GmailMailbox:
    """The Mailbox port over the Gmail API. No method sends mail: there is no send here.

    Not thread-safe (httplib2 is not): one instance per poll loop.
    """

    def __init__(
        self,
        service: Any,
        *,
        batch_uri: str,
        limiter: QuotaLimiter | None = None,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._service = service
        self._users = service.users()
        # Building a sub-resource re-creates every method from discovery (milliseconds each
        # time), so make each one once.
        self._messages = self._users.messages()
        self._threads = self._users.threads()
        self._drafts = self._users.drafts()
        self._labels = self._users.labels()
        self._history = self._users.history()
        self._batch_uri = batch_uri
        self.limiter = limiter or QuotaLimiter()
        self.backoff = backoff or Backoff()
        self._sleep = sleep
        self.stats = CallStats()

    @classmethod
    def connect(
        cls,
        credentials: Credentials,
        *,
        api_endpoint: str | None = None,
        limiter: QuotaLimiter | None = None,
        backoff: Backoff | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> GmailMailbox:
        service = build_service(credentials, api_endpoint=api_endpoint)
        return cls(
            service,
            batch_uri=batch_uri_for(api_endpoint),
            limiter=limiter,
            backoff=backoff,
            sleep=sleep,
        )

    # -- plumbing ---------------------------------------------------------------------------

    def _execute(self, method: str, request: Any) -> Any:
        """Run one request with the limiter, retries, back-off and error mapping."""
        attempt = 0
        while True:
            attempt += 1
            self.limiter.acquire(UNITS.get(method, 5))
            self.stats.record(method, UNITS.get(method, 5))
            try:
                return request.execute(num_retries=0)
            except HttpError as exc:
                err = map_http_error(exc)
                if not _is_retryable(err) or attempt >= self.backoff.max_attempts:
                    log.warning(
                        "gmail.call_failed method=%s error=%s hint=%r", method, err, err.hint
                    )
                    raise err from exc
                retry_after = err.retry_after if isinstance(err, RateLimited) else None
            except RefreshError as exc:
                err = map_refresh_error(exc)
                log.error("gmail.auth_failed method=%s hint=%r", method, err.hint)
                raise err from exc
            except TRANSPORT_ERRORS as exc:
                if attempt >= self.backoff.max_attempts:
                    err = MailboxUnavailable(f"Gmail unreachable: {exc!r}")
                    log.warning("gmail.unreachable method=%s error=%r", method, exc)
                    raise err from exc
                retry_after = None
            self.stats.retries += 1
            delay = self.backoff.delay(attempt, retry_after)
            log.info("gmail.retry method=%s attempt=%d wait=%.2fs", method, attempt, delay)
            self._sleep(delay)

    def _batch_get(
        self, ids: Sequence[str], make: Callable[[str], Any], method: str
    ) -> dict[str, dict[str, Any]]:
        """Fetch many items in batches of 50; retry only the parts that failed transiently.

        A 404 part (deleted since it was listed) is left out; a 400 part is logged and left
        out, so one malformed item never fails the poll.
        """
        results: dict[str, dict[str, Any]] = {}
        pending = list(dict.fromkeys(ids))
        attempt = 0
        while pending:
            failed: list[str] = []
            retry_after: float | None = None
            part_errors: dict[str, MailboxError] = {}
            for start in range(0, len(pending), BATCH_SIZE):
                chunk = pending[start : start + BATCH_SIZE]
                part_errors.clear()

                batch = BatchHttpRequest(
                    callback=_collect(results, part_errors), batch_uri=self._batch_uri
                )
                for item_id in chunk:
                    batch.add(make(item_id), request_id=item_id)
                self.limiter.acquire(UNITS.get(method, 5) * len(chunk))
                self.stats.record(method, UNITS.get(method, 5), len(chunk))
                try:
                    batch.execute()
                except HttpError as exc:
                    err = map_http_error(exc)
                    if not _is_retryable(err):
                        raise err from exc
                    failed.extend(chunk)
                    continue
                except RefreshError as exc:
                    raise map_refresh_error(exc) from exc
                except TRANSPORT_ERRORS:
                    failed.extend(chunk)
                    continue
                for item_id, err in part_errors.items():
                    if isinstance(err, AuthExpired):
                        raise err
                    if _is_retryable(err):
                        failed.append(item_id)
                        if isinstance(err, RateLimited) and err.retry_after:
                            retry_after = max(retry_after or 0.0, err.retry_after)
                    elif isinstance(err, NotFound):
                        log.info("gmail.item_gone method=%s id=%s", method, item_id)
                    else:
                        log.warning(
                            "gmail.item_skipped method=%s id=%s error=%s", method, item_id, err
                        )
            pending = failed
            if pending:
                attempt += 1
                if attempt >= self.backoff.max_attempts:
                    raise MailboxUnavailable(
                        f"{len(pending)} {method} calls kept failing after {attempt} attempts"
                    )
                self.stats.retries += 1
                self._sleep(self.backoff.delay(attempt, retry_after))
        return results

    # -- reading ----------------------------------------------------------------------------

    def profile(self) -> Profile:
        body = self._execute("getProfile", self._users.getProfile(userId="me"))
        return Profile(email=str(body.get("emailAddress", "")), history_id=str(body["historyId"]))

    def list_messages(
        self, query: str, *, include_spam_trash: bool = False
    ) -> Iterator[MessageRef]:
        """All messages matching ``query``, newest first, every page."""
        messages = self._messages
        request = messages.list(
            userId="me", q=query, maxResults=PAGE_SIZE, includeSpamTrash=include_spam_trash
        )
        while request is not None:
            body = self._execute("messages.list", request)
            for item in body.get("messages") or ():
                yield _ref(item)
            request = messages.list_next(request, body)

    def get_messages(
        self,
        ids: Iterable[str],
        *,
        fmt: Literal["metadata", "raw", "minimal"],
        headers: Sequence[str] = METADATA_HEADERS,
    ) -> dict[str, MessageData]:
        """Batch-fetch messages; ids that vanished meanwhile are simply absent."""
        messages = self._messages

        def make(message_id: str) -> Any:
            if fmt == "metadata":
                return messages.get(
                    userId="me", id=message_id, format=fmt, metadataHeaders=list(headers)
                )
            return messages.get(userId="me", id=message_id, format=fmt)

        bodies = self._batch_get(list(ids), make, "messages.get")
        out: dict[str, MessageData] = {}
        for message_id, body in bodies.items():
            try:
                out[message_id] = parse_message(body)
            except (KeyError, ValueError, TypeError) as exc:
                log.warning("gmail.malformed_message id=%s error=%r", message_id, exc)
        return out

    def history_since(self, start_history_id: str) -> HistoryDelta:
        """Every change after ``start_history_id``, all pages; 404 -> HistoryExpired.

        An idle mailbox answers with one page and no records: exactly one call, 2 units.
        """
        history = self._history
        params: dict[str, Any] = {
            "userId": "me",
            "startHistoryId": start_history_id,
            "historyTypes": list(HISTORY_TYPES),
            "maxResults": PAGE_SIZE,
        }
        request: Any = history.list(**params)
        added: list[MessageRef] = []
        deleted: list[MessageRef] = []
        labels_added: list[LabelChange] = []
        labels_removed: list[LabelChange] = []
        latest = start_history_id
        while request is not None:
            try:
                body = self._execute("history.list", request)
            except NotFound as exc:
                raise HistoryExpired(f"history {start_history_id} is no longer kept") from exc
            for record in body.get("history") or ():
                for item in record.get("messagesAdded") or ():
                    added.append(_ref(item["message"]))
                for item in record.get("messagesDeleted") or ():
                    deleted.append(_ref(item["message"]))
                for item in record.get("labelsAdded") or ():
                    labels_added.append(
                        LabelChange(_ref(item["message"]), tuple(item.get("labelIds") or ()))
                    )
                for item in record.get("labelsRemoved") or ():
                    labels_removed.append(
                        LabelChange(_ref(item["message"]), tuple(item.get("labelIds") or ()))
                    )
            latest = str(body.get("historyId") or latest)
            # Not list_next(): it re-parses the URL and refuses the repeated historyTypes
            # parameter (ValueError in parse_unique_urlencoded), so page by hand.
            token = body.get("nextPageToken")
            request = history.list(**params, pageToken=token) if token else None
        return HistoryDelta(
            history_id=latest,
            added=tuple(added),
            deleted=tuple(deleted),
            labels_added=tuple(labels_added),
            labels_removed=tuple(labels_removed),
        )

    def thread_messages(self, thread_id: str) -> tuple[MessageData, ...]:
        """A thread's messages with their labels (minimal); empty when the thread is gone."""
        try:
            body = self._execute(
                "threads.get",
                self._threads.get(userId="me", id=thread_id, format="minimal"),
            )
        except NotFound:
            return ()
        return tuple(parse_message(m) for m in body.get("messages") or ())

    # -- drafts -----------------------------------------------------------------------------

    def list_drafts(self, query: str | None = None) -> list[Draft]:
        drafts = self._drafts
        params: dict[str, Any] = {"userId": "me", "maxResults": PAGE_SIZE}
        if query:
            params["q"] = query
        request = drafts.list(**params)
        out: list[Draft] = []
        while request is not None:
            body = self._execute("drafts.list", request)
            for item in body.get("drafts") or ():
                msg = item.get("message") or {}
                out.append(
                    Draft(
                        id=str(item["id"]),
                        message_id=str(msg.get("id", "")),
                        thread_id=str(msg.get("threadId", "")),
                    )
                )
            request = drafts.list_next(request, body)
        return out

    def get_draft(self, draft_id: str) -> Draft:
        """The draft with its raw message; raises NotFound when the user deleted (or sent) it."""
        body = self._execute("drafts.get", self._drafts.get(userId="me", id=draft_id, format="raw"))
        message = parse_message(body["message"])
        return Draft(
            id=str(body["id"]), message_id=message.id, thread_id=message.thread_id, raw=message.raw
        )

    def get_drafts(self, draft_ids: Iterable[str]) -> dict[str, Draft]:
        """Batch drafts.get (metadata: enough to read our X-Followup-Id header)."""
        drafts = self._drafts

        def make(draft_id: str) -> Any:
            return drafts.get(userId="me", id=draft_id, format="metadata")

        out: dict[str, Draft] = {}
        for draft_id, body in self._batch_get(list(draft_ids), make, "drafts.get").items():
            message = parse_message(body["message"])
            out[draft_id] = Draft(
                id=draft_id,
                message_id=message.id,
                thread_id=message.thread_id,
                headers=message.headers,
            )
        return out

    def create_draft(self, raw: bytes, *, thread_id: str | None) -> Draft:
        message: dict[str, Any] = {"raw": base64.urlsafe_b64encode(raw).decode("ascii")}
        if thread_id:
            message["threadId"] = thread_id
        body = self._execute(
            "drafts.create", self._drafts.create(userId="me", body={"message": message})
        )
        msg = body.get("message") or {}
        return Draft(
            id=str(body["id"]),
            message_id=str(msg.get("id", "")),
            thread_id=str(msg.get("threadId", thread_id or "")),
        )

    def delete_draft(self, draft_id: str) -> bool:
        """Delete permanently; False when it was already gone (204 comes back as {})."""
        try:
            self._execute("drafts.delete", self._drafts.delete(userId="me", id=draft_id))
        except NotFound:
            return False
        return True

    # -- labels -----------------------------------------------------------------------------

    def list_labels(self) -> list[Label]:
        body = self._execute("labels.list", self._labels.list(userId="me"))
        return [
            Label(id=str(x["id"]), name=str(x.get("name", "")), type=str(x.get("type", "user")))
            for x in body.get("labels") or ()
        ]

    def create_label(self, name: str) -> Label:
        body = self._execute(
            "labels.create",
            self._labels.create(
                userId="me",
                body={
                    "name": name,
                    "messageListVisibility": "show",
                    "labelListVisibility": "labelShow",
                },
            ),
        )
        return Label(id=str(body["id"]), name=str(body.get("name", name)), type="user")

    def modify_thread(
        self, thread_id: str, *, add: Sequence[str] = (), remove: Sequence[str] = ()
    ) -> None:
        self._execute(
            "threads.modify",
            self._threads.modify(
                userId="me",
                id=thread_id,
                body={"addLabelIds": list(add), "removeLabelIds": list(remove)},
            ),
        )
