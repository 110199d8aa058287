"""The Gmail API surface: route, authenticate, authorise, meter, then call the backend.

The order matters and follows Google's front end: an unknown path is a 404
before anything else, a bad token is a 401 before a scope or user check, and
only an admitted call reaches the mailbox. Every answer is a Gmail-shaped body.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlencode

from gmail_emulator import discovery, fields
from gmail_emulator.batch import boundary_of, split_head, split_multipart
from gmail_emulator.errors import ApiError, bad_request
from gmail_emulator.uploads import UploadSession, parse_content_range
from gmail_emulator.wire import (
    Request,
    Response,
    gmail_error,
    internal_error,
    json_response,
    not_found,
)

if TYPE_CHECKING:
    from gmail_emulator.app import Emulator
    from gmail_emulator.auth import AccessToken

log = logging.getLogger(__name__)

# System parameters every Google API accepts; they never reach the backend (``fields`` is
# applied to the answer here, see fields.py).
IGNORED_PARAMS = frozenset(
    {
        "alt",
        "prettyPrint",
        "fields",
        "quotaUser",
        "key",
        "access_token",
        "oauth_token",
        "uploadType",
        "upload_protocol",
        "$.xgafv",
        "callback",
    }
)

_AUTH_HELP = (
    "Expected OAuth 2 access token, login cookie or other valid authentication credential. "
    "See https://developers.google.com/identity/sign-in/web/devconsole-project."
)
_WWW_AUTHENTICATE = 'Bearer realm="https://accounts.google.com/"'


def unauthenticated(*, missing: bool) -> Response:
    """Google's 401: ``required`` without a token, ``authError`` with a bad one."""
    if missing:
        return gmail_error(
            401,
            "Request is missing required authentication credential. " + _AUTH_HELP,
            reason="required",
            item_message="Login Required.",
            status="UNAUTHENTICATED",
            location="Authorization",
            location_type="header",
            headers=[("WWW-Authenticate", _WWW_AUTHENTICATE)],
        )
    return gmail_error(
        401,
        "Request had invalid authentication credentials. " + _AUTH_HELP,
        reason="authError",
        item_message="Invalid Credentials",
        status="UNAUTHENTICATED",
        location="Authorization",
        location_type="header",
        headers=[("WWW-Authenticate", _WWW_AUTHENTICATE + ', error="invalid_token"')],
    )


def insufficient_scopes() -> Response:
    return gmail_error(
        403,
        "Request had insufficient authentication scopes.",
        reason="insufficientPermissions",
        item_message="Insufficient Permission",
        status="PERMISSION_DENIED",
        headers=[("WWW-Authenticate", _WWW_AUTHENTICATE + ', error="insufficient_scope"')],
    )


def delegation_denied(user_id: str) -> Response:
    return gmail_error(
        403, f"Delegation denied for {user_id}", reason="forbidden", status="PERMISSION_DENIED"
    )


def rate_limited(status: int) -> Response:
    """The per-user limit answer. ERR documents "403: User rate limit exceeded"
    (usageLimits/userRateLimitExceeded); Cloud quota answers per-minute limits with 429
    RESOURCE_EXHAUSTED, so that form is available too (``rate_limit_status=429``)."""
    if status == 429:
        return gmail_error(
            429,
            "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' "
            "of service 'gmail.googleapis.com'.",
            reason="rateLimitExceeded",
            domain="usageLimits",
            status="RESOURCE_EXHAUSTED",
            headers=[("Retry-After", "60")],
        )
    return gmail_error(
        403,
        "User Rate Limit Exceeded",
        reason="userRateLimitExceeded",
        domain="usageLimits",
        status="PERMISSION_DENIED",
    )


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip() or None
    return request.param("access_token") or request.param("oauth_token")


def apply_method_override(request: Request) -> Request:
    """Long GETs arrive as POST + ``X-HTTP-Method-Override: GET`` with a form body (notes §8)."""
    override = request.headers.get("x-http-method-override")
    if not override or request.method != "POST":
        return request
    query: dict[str, list[str]] = {k: list(v) for k, v in request.query.items()}
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)
        for key, values in form.items():
            query.setdefault(key, []).extend(values)
        body = b""
    else:
        body = request.body
    return Request(
        override.upper(), request.path, query, request.headers, body, request.client_host
    )


def dispatch(emulator: Emulator, request: Request) -> Response:
    """Answer one Gmail API request (also one part of a batch). Never raises."""
    try:
        request = apply_method_override(request)
        upload_id = request.param("upload_id")
        if upload_id is not None:
            return _resume_upload(emulator, request, upload_id)
        return _dispatch(emulator, request)
    except Exception:  # the client must see Gmail's 500, never a traceback
        log.exception("unexpected error serving %s %s", request.method, request.path)
        return internal_error()


# A finished resumable upload: (metadata from the first request, the uploaded bytes).
Resumed = tuple[dict[str, Any], bytes]


def _dispatch(emulator: Emulator, request: Request, resumed: Resumed | None = None) -> Response:
    found = discovery.match(request.method, request.path)
    if found is None:
        return not_found()
    route, path_params = found
    token_text = bearer_token(request)
    if token_text is None:
        return unauthenticated(missing=True)
    token = emulator.tokens.lookup(token_text)
    if token is None:
        return unauthenticated(missing=False)
    refusal = _refusal(route, path_params, token)
    starts_upload = route.upload and request.param("uploadType") == "resumable"
    if refusal is None and resumed is None and starts_upload:
        return _open_upload(emulator, request)  # logged and charged when it completes
    response = refusal or _admitted_call(emulator, request, route, path_params, token, resumed)
    emulator.quota.record(token.email, route.method_id, response.status)
    return response


def _refusal(
    route: discovery.Route, path_params: Mapping[str, str], token: AccessToken
) -> Response | None:
    """403 when the token's scopes or owner do not allow this call."""
    if not (route.scopes & token.scopes):
        return insufficient_scopes()
    user_id = unquote(path_params.get("userId", "me"))
    if user_id != "me" and user_id.lower() != token.email.lower():
        return delegation_denied(user_id)
    return None


def _admitted_call(
    emulator: Emulator,
    request: Request,
    route: discovery.Route,
    path_params: Mapping[str, str],
    token: AccessToken,
    resumed: Resumed | None,
) -> Response:
    mask = request.param("fields")
    selection = None
    if mask is not None:  # checked first, as Google's front end does: a bad mask costs nothing
        try:
            selection = fields.compile_mask(route.method_id, mask)
        except ApiError as exc:
            return _error_response(exc)
    if not emulator.quota.admit(token.email, route.method_id):
        return rate_limited(emulator.options.rate_limit_status)
    fault = emulator.faults.next_fault(route.method_id)
    delay = 0.0
    if fault is not None:
        if fault.kind != "slow":
            return fault.response()
        delay = fault.delay_ms / 1000
    try:
        if resumed is not None:
            body = _with_raw(route.method_id, *resumed)
        else:
            body = _request_body(request, route)
    except ApiError as exc:
        return json_response(exc.code, exc.body())
    params: dict[str, Sequence[str]] = {
        k: v for k, v in request.query.items() if k not in IGNORED_PARAMS
    }
    for key, value in path_params.items():
        params[key] = [unquote(value)]
    try:
        result = emulator.backend.call(token.email, route.method_id, params, body)
    except ApiError as exc:
        response = json_response(exc.code, exc.body())
    else:
        if selection is not None and result is not None:
            result = fields.apply(result, selection)
        response = Response(204) if result is None else json_response(200, result)
    response.delay_s = delay
    return response


def _open_upload(emulator: Emulator, request: Request) -> Response:
    """Start a resumable upload: remember the metadata, answer with the session URI."""
    try:
        metadata = json.loads(request.body) if request.body.strip() else {}
    except ValueError as exc:
        return _error_response(_invalid_json(str(exc)))
    if not isinstance(metadata, dict):
        return _error_response(_invalid_json("metadata must be an object"))
    query = {k: list(v) for k, v in request.query.items()}
    session = UploadSession(
        request.method, request.path, query, metadata, request.headers.get("authorization")
    )
    upload_id = emulator.uploads.open(session)
    pairs = [(k, v) for k, values in query.items() for v in values]
    location = f"http://{request.headers.get('host', '127.0.0.1')}{request.path}?" + urlencode(
        [*pairs, ("upload_id", upload_id)]
    )
    return Response(200, b"", [("Location", location), ("X-GUploader-UploadID", upload_id)])


def _resume_upload(emulator: Emulator, request: Request, upload_id: str) -> Response:
    """One PUT of a resumable upload: 308 until every byte is in, then the real answer."""
    session = emulator.uploads.get(upload_id)
    if session is None or request.method not in ("PUT", "POST"):
        return not_found()
    chunk = parse_content_range(request.headers.get("content-range"), len(request.body))
    if chunk is None:
        return _error_response(bad_request("Invalid Content-Range header."))
    if chunk.start is not None:
        if chunk.start > len(session.data):
            return _error_response(bad_request("Content-Range skips bytes not yet received."))
        del session.data[chunk.start :]
        session.data += request.body
    if chunk.total is not None and len(session.data) >= chunk.total:
        emulator.uploads.close(upload_id)
        headers = dict(request.headers)
        if "authorization" not in headers and session.authorization:
            headers["authorization"] = session.authorization
        final = Request(
            session.method, session.path, session.query, headers, b"", request.client_host
        )
        return _dispatch(emulator, final, (session.metadata, bytes(session.data[: chunk.total])))
    answer = Response(308)
    if session.data:
        answer.headers.append(("Range", f"bytes=0-{len(session.data) - 1}"))
    return answer


def _error_response(exc: ApiError) -> Response:
    return json_response(exc.code, exc.body())


def _request_body(request: Request, route: discovery.Route) -> Any:
    if route.upload:
        return _upload_body(request, route.method_id)
    if not request.body.strip():
        return None
    try:
        return json.loads(request.body)
    except ValueError as exc:
        raise _invalid_json(str(exc)) from exc


def _invalid_json(detail: str) -> ApiError:
    return ApiError(
        400,
        f"Invalid JSON payload received. {detail}",
        reason="invalid",
        status="INVALID_ARGUMENT",
    )


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _with_raw(method_id: str, metadata: dict[str, Any], raw: bytes) -> dict[str, Any]:
    """Put the uploaded message where the backend expects it: ``message.raw`` for
    drafts (the body is a Draft), ``raw`` for messages (the body is a Message)."""
    if ".drafts." in method_id:
        message = metadata.get("message")
        message = dict(message) if isinstance(message, dict) else {}
        message["raw"] = _b64(raw)
        return {**metadata, "message": message}
    return {**metadata, "raw": _b64(raw)}


def _upload_body(request: Request, method_id: str) -> dict[str, Any]:
    upload_type = request.param("uploadType") or "media"
    content_type = request.headers.get("content-type", "")
    if upload_type == "media":
        return _with_raw(method_id, {}, request.body)
    if upload_type == "multipart":
        boundary = boundary_of(content_type)
        parts = split_multipart(request.body, boundary) if boundary else []
        if len(parts) != 2:
            raise ApiError(
                400,
                "Multipart upload needs a JSON metadata part and a media part.",
                reason="badContent",
                status="INVALID_ARGUMENT",
            )
        _, meta_bytes = split_head(parts[0])
        _, media = split_head(parts[1])
        try:
            metadata = json.loads(meta_bytes) if meta_bytes.strip() else {}
        except ValueError as exc:
            raise _invalid_json(str(exc)) from exc
        if not isinstance(metadata, dict):
            raise _invalid_json("metadata must be an object")
        return _with_raw(method_id, metadata, media)
    raise bad_request(f"Invalid value for uploadType: {upload_type}")
