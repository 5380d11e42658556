"""Answers written by a language model, against a local server that speaks
the chat/completions protocol, and every way it can fail."""

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings

from credence.assistant.llm import NOT_IN_PASSAGES
from credence.assistant.turn import reply_to
from credence.workers.models import Worker
from tests.assistant.conftest import (
    WIFI,
    ModelServer,
    ScriptedSearch,
    article_hit,
    completion,
)

VPN = article_hit(
    "Connect to a VPN",
    "net-vpn-connect",
    "To connect to a wireless VPN network, open Settings and choose Network, "
    "then add the VPN.",
)


@pytest.fixture
def two_articles(scripted_search: ScriptedSearch) -> ScriptedSearch:
    scripted_search.hits = [WIFI, VPN]
    return scripted_search


def test_the_answer_is_the_models_with_the_passages_it_cited(
    worker: Worker, model_server: ModelServer, two_articles: ScriptedSearch
) -> None:
    model_server.reply = lambda body: completion(
        "Open the system menu, select Wi-Fi and pick your network [1]."
    )

    reply = reply_to("how do I connect to the wireless network", worker)

    assert reply.answered is True
    assert reply.text == "Open the system menu, select Wi-Fi and pick your network [1]."
    assert [s.title for s in reply.sources] == ["Connect to a wireless network"]
    assert reply.sources[0].url == "/portal/articles/net-wireless-connect/"


def test_the_model_is_asked_with_numbered_passages_and_the_rules(
    worker: Worker, model_server: ModelServer, two_articles: ScriptedSearch
) -> None:
    model_server.reply = lambda body: completion(
        "Open Settings, choose Network and select Wi-Fi [1][2]."
    )

    reply = reply_to("how do I connect to the wireless network", worker)

    assert [s.title for s in reply.sources] == [
        "Connect to a wireless network",
        "Connect to a VPN",
    ]
    sent: dict[str, Any] = model_server.requests[0]
    assert sent["model"] == "test-model"
    system, user = sent["messages"]
    assert system["role"] == "system"
    assert "using only the numbered passages" in system["content"]
    assert f"reply with exactly {NOT_IN_PASSAGES}" in system["content"]
    assert user["content"].startswith(
        "Question: how do I connect to the wireless network\n\nPassages:\n\n"
        "[1] Connect to a wireless network\nTo connect to a wireless network"
    )
    assert "\n\n[2] Connect to a VPN\n" in user["content"]
    assert model_server.headers[0]["Authorization"] == "Bearer test-key-not-secret"


def test_the_key_may_come_from_a_file(
    worker: Worker,
    model_server: ModelServer,
    two_articles: ScriptedSearch,
    settings: LazySettings,
    tmp_path: Path,
) -> None:
    key_file = tmp_path / "llm-key"
    key_file.write_text("key-from-a-file\n")
    settings.CREDENCE_LLM_API_KEY = ""
    settings.CREDENCE_LLM_API_KEY_FILE = str(key_file)
    model_server.reply = lambda body: completion("Yes [1].")

    reply_to("how do I connect to the wireless network", worker)

    assert model_server.headers[0]["Authorization"] == "Bearer key-from-a-file"


def test_the_model_saying_it_does_not_know_hands_off(
    worker: Worker, model_server: ModelServer, two_articles: ScriptedSearch
) -> None:
    model_server.reply = lambda body: completion(NOT_IN_PASSAGES)

    reply = reply_to("how do I connect to the wireless network", worker)

    assert reply.answered is False
    assert reply.sources == []
    assert reply.text.startswith("I could not find anything that answers this")
    assert reply.handoff is not None
    assert reply.handoff.type == "question"


def test_nothing_to_ground_on_means_the_model_is_not_asked(
    worker: Worker, model_server: ModelServer, scripted_search: ScriptedSearch
) -> None:
    reply = reply_to("what is on the lunch menu", worker)

    assert reply.answered is False
    assert model_server.requests == []


def _offline_expected(reply_text: str) -> None:
    assert reply_text.startswith("From “Connect to a wireless network”:\n")


@pytest.mark.parametrize(
    ("status", "payload", "reason"),
    [
        (500, b'{"error": "overloaded"}', "answered HTTP 500"),
        (200, b"<html>not json</html>", "answered something other than JSON"),
        (200, b'{"choices": []}', "the reply has no choices[0].message.content"),
        (
            200,
            json.dumps({"choices": [{"message": {"content": "Sure!"}}]}).encode(),
            "the answer cites none of the passages",
        ),
    ],
)
def test_a_failing_model_falls_back_to_the_articles(
    status: int,
    payload: bytes,
    reason: str,
    worker: Worker,
    model_server: ModelServer,
    two_articles: ScriptedSearch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    model_server.reply = lambda body: (status, payload)

    with caplog.at_level(logging.WARNING, logger="credence.assistant.turn"):
        reply = reply_to("how do I connect to the wireless network", worker)

    assert reply.answered is True
    _offline_expected(reply.text)
    assert reply.sources[0].title == "Connect to a wireless network"
    assert len(model_server.requests) == 1
    assert reason in caplog.text


def test_a_model_too_slow_to_answer_falls_back(
    worker: Worker,
    model_server: ModelServer,
    two_articles: ScriptedSearch,
    settings: LazySettings,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.CREDENCE_LLM_TIMEOUT = 1
    model_server.delay = 3
    model_server.reply = lambda body: completion("Too late [1].")

    with caplog.at_level(logging.WARNING, logger="credence.assistant.turn"):
        reply = reply_to("how do I connect to the wireless network", worker)

    assert reply.answered is True
    _offline_expected(reply.text)
    assert "could not be reached" in caplog.text


def test_an_unreachable_model_falls_back(
    worker: Worker, two_articles: ScriptedSearch, settings: LazySettings
) -> None:
    # Port 9 (discard) on the loopback: nothing listens there.
    settings.CREDENCE_LLM_URL = "http://127.0.0.1:9/v1"
    settings.CREDENCE_LLM_MODEL = "test-model"

    reply = reply_to("how do I connect to the wireless network", worker)

    assert reply.answered is True
    _offline_expected(reply.text)


def test_the_panel_shows_the_fallback_not_an_error(
    worker: Worker, model_server: ModelServer, two_articles: ScriptedSearch
) -> None:
    from tests.conftest import signed_in

    model_server.reply = lambda body: (500, b"{}")

    response = signed_in(worker).post(
        "/portal/assistant/say/", {"text": "how do I connect to the wireless network"}
    )

    assert response.status_code == 302
    page = signed_in(worker).get("/portal/assistant/")
    assert "Connect to a wireless network" in page.content.decode()
