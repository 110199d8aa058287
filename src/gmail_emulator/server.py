"""The HTTP shell: stdlib ThreadingHTTPServer speaking HTTP/1.1 keep-alive.

The stdlib server was chosen over werkzeug/uvicorn because it needs no
dependency, starts in milliseconds, and gives direct access to the socket, which
fault injection needs (a "drop" closes the connection without an answer). Each
response goes out in one write with TCP_NODELAY, so keep-alive clients never
wait on Nagle's algorithm. See docs/emulator.md for the measured throughput.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import cast

from gmail_emulator.app import Emulator
from gmail_emulator.wire import Request, Response, parse_query

# Idle keep-alive connections are closed after this long, so a forgotten client
# cannot pin a thread forever.
IDLE_TIMEOUT_S = 300.0
MAX_BODY = 64 * 1024 * 1024  # Gmail's own upload cap is 35 MB; refuse anything far past it
MAX_LINE = 65536
MAX_HEADERS = 100


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    emulator: Emulator

    def server_activate(self) -> None:
        super().server_activate()
        self.open_connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()

    def close_open_connections(self) -> None:
        """Hang up idle keep-alive clients, so a stopped server frees its threads."""
        with self.connections_lock:
            connections = list(self.open_connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    """Reads requests with a small parser of its own.

    ``BaseHTTPRequestHandler.parse_request`` parses headers with the email
    package, which cost more than the whole Gmail call; request lines and
    headers are simple enough to split by hand.
    """

    protocol_version = "HTTP/1.1"
    timeout = IDLE_TIMEOUT_S

    def setup(self) -> None:
        super().setup()
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        server = cast(_Server, self.server)
        with server.connections_lock:
            server.open_connections.add(self.connection)

    def finish(self) -> None:
        server = cast(_Server, self.server)
        with server.connections_lock:
            server.open_connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: object) -> None:
        """Silenced: one line per request would drown the demo's output."""

    def handle_one_request(self) -> None:
        try:
            self._handle_one()
        except (TimeoutError, ConnectionError):
            self.close_connection = True

    def _handle_one(self) -> None:
        line = self.rfile.readline(MAX_LINE + 1)
        if not line:
            self.close_connection = True
            return
        parts = line.decode("latin-1").split()
        if len(line) > MAX_LINE or len(parts) != 3 or not parts[2].startswith("HTTP/"):
            self._refuse(400, "Bad request line")
            return
        self.command, self.path, self.request_version = parts
        headers: dict[str, str] = {}
        while True:
            raw = self.rfile.readline(MAX_LINE + 1)
            if raw in (b"\r\n", b"\n", b""):
                break
            if len(headers) >= MAX_HEADERS or len(raw) > MAX_LINE:
                self._refuse(431, "Request headers too large")
                return
            name, _, value = raw.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        connection = headers.get("connection", "").lower()
        if self.request_version == "HTTP/1.0":
            self.close_connection = connection != "keep-alive"
        else:
            self.close_connection = connection == "close"
        if headers.get("expect", "").lower() == "100-continue":  # curl, for bodies > 1 KB
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        body = self._read_body(headers)
        if body is None:
            return
        host = headers.get("host") or _host_port(self.server.server_address)
        path, _, query = self.path.partition("?")
        request = Request(
            self.command.upper(),
            path,
            parse_query(query),
            headers,
            body,
            str(self.client_address[0]),
        )
        emulator = cast(_Server, self.server).emulator
        response = emulator.handle(request, f"http://{host}")
        if response.delay_s > 0:
            time.sleep(response.delay_s)
        if response.drop:
            self._hang_up()
            return
        self._write(response)

    def _refuse(self, status: int, message: str) -> None:
        self.close_connection = True
        self.command = self.command if hasattr(self, "command") else "GET"
        self._write(Response(status, message.encode(), [("Content-Type", "text/plain")]))

    def _read_body(self, headers: dict[str, str]) -> bytes | None:
        if headers.get("transfer-encoding", "").lower() == "chunked":
            return self._read_chunked()
        length_text = headers.get("content-length")
        try:
            length = int(length_text) if length_text else 0
        except ValueError:
            self._refuse(400, "Bad Content-Length")
            return None
        if length > MAX_BODY:
            self._refuse(413, "Request body too large")
            return None
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            size = int(self.rfile.readline(MAX_LINE).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline(MAX_LINE) not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            total += size
            if total > MAX_BODY:
                raise ConnectionError("chunked body too large")
            chunks.append(self.rfile.read(size))
            self.rfile.readline(MAX_LINE)

    def _hang_up(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, response: Response) -> None:
        head = [f"HTTP/1.1 {response.status} {_phrase(response.status)}"]
        head.extend(f"{name}: {value}" for name, value in response.headers)
        if response.status not in (204, 304):
            head.append(f"Content-Length: {len(response.body)}")
        if self.close_connection:
            head.append("Connection: close")
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1")
        if self.command != "HEAD":
            data += response.body
        self.wfile.write(data)


_PHRASES = {status.value: status.phrase for status in HTTPStatus}


def _host_port(address: object) -> str:
    if isinstance(address, tuple):
        return f"{address[0]}:{address[1]}"
    return str(address)


def _phrase(status: int) -> str:
    return _PHRASES.get(status, "Unknown")


class EmulatorServer:
    """An :class:`Emulator` behind a listening socket.

    ``port=0`` picks a free port; ``url`` is known as soon as the object exists,
    so a caller can print it before serving.
    """

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.emulator = emulator
        server_class = _Server6 if ":" in host else _Server
        self._httpd = server_class((host, port), _Handler)
        self._httpd.emulator = emulator
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        host = str(host)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def serve_forever(self) -> None:
        self._httpd.serve_forever(poll_interval=0.05)

    def start(self) -> None:
        """Serve from a daemon thread and return at once."""
        self._thread = threading.Thread(
            target=self.serve_forever, name="gmail-emulator", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop a server started with :meth:`start` and hang up its clients."""
        if self._thread is not None:
            self._httpd.shutdown()  # blocks until serve_forever returns, so only if it runs
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()
        self._httpd.close_open_connections()
