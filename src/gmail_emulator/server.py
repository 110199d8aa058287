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
from gmail_emulator.wire import Request, Response

# Idle keep-alive connections are closed after this long, so a forgotten client
# cannot pin a thread forever.
IDLE_TIMEOUT_S = 300.0
MAX_BODY = 64 * 1024 * 1024  # Gmail's own upload cap is 35 MB; refuse anything far past it


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    emulator: Emulator


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "gmail-emulator"
    sys_version = ""
    timeout = IDLE_TIMEOUT_S

    def setup(self) -> None:
        super().setup()
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: object) -> None:
        """Silenced: one line per request would drown the demo's output."""

    def _serve(self) -> None:
        body = self._read_body()
        if body is None:
            return
        host = self.headers.get("Host") or _host_port(self.server.server_address)
        request = Request.build(
            self.command,
            self.path,
            dict(self.headers.items()),
            body,
            client_host=str(self.client_address[0]),
        )
        emulator = cast(_Server, self.server).emulator
        response = emulator.handle(request, f"http://{host}")
        if response.delay_s > 0:
            time.sleep(response.delay_s)
        if response.drop:
            self._hang_up()
            return
        self._write(response)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def _read_body(self) -> bytes | None:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._read_chunked()
        length_text = self.headers.get("Content-Length")
        try:
            length = int(length_text) if length_text else 0
        except ValueError:
            self.send_error(400, "Bad Content-Length")
            return None
        if length > MAX_BODY:
            self.send_error(413)
            return None
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()

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
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
