"""Fixtures for the assistant: a search to script, the shared articles, and
a small chat/completions server standing in for a language model."""

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.core.management import call_command

from credence.knowledge.search import Hit
from credence.workers.models import Worker

# Two of the shared knowledge bases; the third (18F's) repeats the slug
# "zoom", which the import rightly refuses.
KB_FOLDERS = ("kb-gnome-help", "kb-gitlab-handbook-it")


def article_hit(title: str, slug: str, text: str, score: float = 1.0) -> Hit:
    return Hit(
        kind="article",
        title=title,
        slug=slug,
        url=f"/portal/articles/{slug}/",
        score=score,
        excerpt=title,
        text=text,
    )


# The article the language model's answers are checked against.
WIFI = article_hit(
    "Connect to a wireless network",
    "net-wireless-connect",
    "To connect to a wireless network, open the system menu and select Wi-Fi. "
    "Choose the network and enter its password.",
)


def ticket_hit(number: int, title: str, text: str) -> Hit:
    return Hit(
        kind="ticket",
        title=title,
        slug=f"CR-{number}",
        url=f"/portal/tickets/{number}/",
        score=1.0,
        excerpt=title,
        text=text,
    )


@dataclass
class ScriptedSearch:
    """Stands in for the knowledge search: returns `hits` whatever is asked,
    and remembers each call's arguments."""

    hits: list[Hit] = field(default_factory=list)
    calls: list[tuple[str, Worker | None, tuple[str, ...]]] = field(
        default_factory=list
    )

    def __call__(
        self,
        query: str,
        viewer: Worker | None,
        *,
        limit: int = 10,
        kinds: tuple[str, ...] = ("article", "ticket"),
    ) -> list[Hit]:
        self.calls.append((query, viewer, kinds))
        return [hit for hit in self.hits if hit.kind in kinds][:limit]


@pytest.fixture
def scripted_search(monkeypatch: pytest.MonkeyPatch, db: None) -> ScriptedSearch:
    scripted = ScriptedSearch()
    monkeypatch.setattr("credence.assistant.turn.search", scripted)
    return scripted


@pytest.fixture
def shared_articles(shared_dir: Path, db: None) -> None:
    """The shared articles, imported as `credence import articles` does."""
    for folder in KB_FOLDERS:
        call_command(
            "import", "articles", str(shared_dir / "data" / folder / "articles")
        )


@dataclass
class ModelServer:
    """A chat/completions endpoint on 127.0.0.1: `reply` makes each answer
    from the request's JSON as (status, body); requests are kept."""

    url: str
    reply: Callable[[dict[str, Any]], tuple[int, bytes]]
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    delay: float = 0.0


def completion(content: str) -> tuple[int, bytes]:
    body = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
    }
    return 200, json.dumps(body).encode()


@pytest.fixture
def model_server(settings: LazySettings) -> Iterator[ModelServer]:
    server_state = ModelServer(url="", reply=lambda body: completion("[1]"))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            server_state.requests.append(body)
            server_state.headers.append(dict(self.headers.items()))
            if self.path != "/v1/chat/completions":
                status, payload = 404, b'{"error": "no such path"}'
            else:
                status, payload = server_state.reply(body)
            if server_state.delay:
                time.sleep(server_state.delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                # The client gave up waiting, as the timeout test wants.
                pass

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server_state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    settings.CREDENCE_LLM_URL = server_state.url
    settings.CREDENCE_LLM_MODEL = "test-model"
    settings.CREDENCE_LLM_API_KEY = "test-key-not-secret"
    settings.CREDENCE_LLM_TIMEOUT = 2
    yield server_state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
