"""Gmail-shaped API errors raised by the backend.

The server turns an :class:`ApiError` into the JSON body Gmail sends, so the client library
raises the same ``HttpError`` (same status, reason and message) as it would against Google.
Body shape: https://cloud.google.com/apis/design/errors and GMAIL_API_NOTES.md section 6.
"""

from __future__ import annotations


class ApiError(Exception):
    """Raised by the backend; the server turns it into Gmail's JSON error body."""

    def __init__(
        self,
        code: int,
        message: str,
        *,
        reason: str,
        status: str,
        domain: str = "global",
        location: str | None = None,
        location_type: str | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason
        self.status = status
        self.domain = domain
        self.location = location
        self.location_type = location_type

    def body(self) -> dict[str, object]:
        """The JSON body Gmail answers with: ``{"error": {code, message, errors, status}}``."""
        detail: dict[str, object] = {
            "message": self.message,
            "domain": self.domain,
            "reason": self.reason,
        }
        if self.location is not None:
            detail["location"] = self.location
        if self.location_type is not None:
            detail["locationType"] = self.location_type
        return {
            "error": {
                "code": self.code,
                "message": self.message,
                "errors": [detail],
                "status": self.status,
            }
        }

    def __repr__(self) -> str:
        return f"ApiError({self.code}, {self.message!r}, reason={self.reason!r})"


def bad_request(message: str) -> ApiError:
    """400 invalidArgument: what Gmail answers for a bad parameter or body."""
    return ApiError(400, message, reason="invalidArgument", status="INVALID_ARGUMENT")


def failed_precondition(message: str) -> ApiError:
    """400 failedPrecondition: e.g. sending a message with no recipient."""
    return ApiError(400, message, reason="failedPrecondition", status="FAILED_PRECONDITION")


def not_found() -> ApiError:
    """404 notFound: an unknown id, or a startHistoryId older than the retained history."""
    return ApiError(404, "Requested entity was not found.", reason="notFound", status="NOT_FOUND")


def conflict(message: str) -> ApiError:
    """409 aborted: e.g. creating a label whose name already exists (ignoring case)."""
    return ApiError(409, message, reason="aborted", status="ABORTED")


def unknown_method(method: str) -> ApiError:
    """400 for a method id the backend does not serve (the server should 404 such paths)."""
    return bad_request(f"Method not supported by the emulator: {method}")
