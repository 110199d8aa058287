"""Logging to a rotating file in the user's log folder, with secrets and mail bodies kept out.

A log file is something users paste into bug reports, so it must never hold what would give
access to their mailbox (tokens, client secrets, authorization codes) or what they wrote to an
employer (message bodies). Redaction happens in a filter on every handler, so it also covers
records from libraries (requests-oauthlib logs whole token responses at DEBUG).
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path
from typing import Any

from followup.paths import Paths

MAX_BYTES = 1_000_000  # ~10k lines per file: a few weeks of polling at INFO
BACKUP_COUNT = 3
MAX_MESSAGE_CHARS = 800  # longer messages are cut: no log line has a reason to carry a body

# Record attributes that could carry mail content; replaced by their size when present.
BODY_FIELDS = frozenset({"body", "raw", "payload", "html", "text", "snippet", "content"})

_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # key=value, "key": "value" and key: value forms for every secret-bearing name
    (
        re.compile(
            r"""(?ix)
            (?<![A-Za-z0-9_])(["']?(?:access_token|refresh_token|id_token|client_secret|code_verifier|
                     code|token|password|assertion)["']?\s*[:=]\s*["']?)
            [^"'&\s,;}]+
            """
        ),
        r"\1[redacted]",
    ),
    (re.compile(r"(?i)(bearer\s+)[\w\-.~+/]+=*"), r"\1[redacted]"),
    (re.compile(r"ya29\.[\w\-.]+"), "[redacted-access-token]"),
    (re.compile(r"1//[\w\-]+"), "[redacted-refresh-token]"),
    (re.compile(r"GOCSPX-[\w\-]+"), "[redacted-client-secret]"),
)

_HANDLER_MARK = "_followup_handler"


def redact(text: str) -> str:
    """Replace every token-like value in ``text``."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no token or body reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_followup_redacted", False):  # already seen by another handler
            return True
        record._followup_redacted = True
        message = redact(record.getMessage())
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[:MAX_MESSAGE_CHARS] + f" [cut {len(message)} chars]"
        record.msg, record.args = message, None
        for name in BODY_FIELDS & record.__dict__.keys():
            value = record.__dict__[name]
            record.__dict__[name] = f"[{len(str(value))} chars withheld]"
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class _LazyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates the log folder only when the first record is written (not on `--help`)."""

    def _open(self) -> Any:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
STDERR_FORMAT = "%(levelname)s %(name)s: %(message)s"


def setup_logging(paths: Paths, *, verbose: int = 0) -> Path:
    """Log followup's events to the rotating file; ``verbose`` mirrors them to stderr.

    verbose=0: INFO to the file only; 1: also to stderr; 2: DEBUG everywhere. Other
    libraries log WARNING and above only. Calling it again replaces the handlers it added
    (the CLI test runner invokes many commands in one process).
    """
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    level = logging.DEBUG if verbose >= 2 else logging.INFO
    redacting = RedactingFilter()

    file_handler = _LazyRotatingFileHandler(
        paths.log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, delay=True, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    if verbose:
        stderr_handler = logging.StreamHandler(sys.stderr)
        stderr_handler.setFormatter(logging.Formatter(STDERR_FORMAT))
        handlers.append(stderr_handler)
    for handler in handlers:
        handler.addFilter(redacting)
        handler.setLevel(level)
        setattr(handler, _HANDLER_MARK, True)
        root.addHandler(handler)

    root.setLevel(logging.WARNING if verbose < 2 else logging.DEBUG)
    logging.getLogger("followup").setLevel(level)
    logging.getLogger("gmail_emulator").setLevel(logging.WARNING)
    return paths.log_file
