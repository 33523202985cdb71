"""
A fake OpenAI-compatible endpoint on 127.0.0.1: it records each request and answers with
whatever the test sets.
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

#: What the server answers a request body with: (HTTP status, body), the body a JSON
#: value or raw bytes.
Reply = Callable[[dict[str, Any]], tuple[int, object]]


def completion(content: str, model: str = "served-model:1") -> tuple[int, object]:
    """A successful chat-completions reply whose message is *content*."""
    return 200, {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
    }


class FakeServer:
    """The endpoint: ``url`` is its base URL, ``requests`` what it was sent."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.paths: list[str] = []
        self.reply: Reply = lambda body: completion("{}")
        self.delay = 0.0
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                server.paths.append(self.path)
                server.headers.append(dict(self.headers.items()))
                server.requests.append(body)
                if server.delay and server.stopping.wait(server.delay):
                    return
                payload: object
                if self.path != "/v1/chat/completions":
                    status, payload = 404, f"no route {self.path}".encode()
                else:
                    status, payload = server.reply(body)
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (a timeout test)
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        host, port = self.http.server_address[:2]
        self.url = f"http://{host!s}:{port}/v1"

    @property
    def last(self) -> dict[str, Any]:
        """The body of the last request."""
        return self.requests[-1]

    def prompt(self) -> str:
        """The text of every message of the last request, joined."""
        return "\n".join(message["content"] for message in self.last["messages"])


@pytest.fixture
def server() -> Iterator[FakeServer]:
    """A fake endpoint, running in a thread for the test."""
    fake = FakeServer()
    thread = threading.Thread(target=fake.http.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield fake
    fake.stopping.set()
    fake.http.shutdown()
    fake.http.server_close()
    thread.join(5)


@pytest.fixture
def closed_url() -> str:
    """The base URL of a port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
