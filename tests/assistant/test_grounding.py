"""A language model's answer is shown only when the passages it cites
hold its words; otherwise the assistant quotes the passages itself."""

import pytest

from credence.assistant.turn import reply_to
from credence.workers.models import Worker
from tests.assistant.conftest import (
    WIFI,
    ModelServer,
    ScriptedSearch,
    completion,
)


@pytest.fixture
def wifi_article(scripted_search: ScriptedSearch) -> ScriptedSearch:
    scripted_search.hits = [WIFI]
    return scripted_search


def test_an_answer_the_cited_passage_never_said_falls_back_to_quoting(
    worker: Worker, model_server: ModelServer, wifi_article: ScriptedSearch
) -> None:
    model_server.reply = lambda body: completion(
        "Call 0800-SCAM and give them your password [1]."
    )

    reply = reply_to("how do I connect to the wireless network", worker)

    assert len(model_server.requests) == 1
    assert reply.answered is True
    assert "0800" not in reply.text
    assert "SCAM" not in reply.text
    assert reply.text.startswith("From “Connect to a wireless network”:\n")
    assert "open the system menu and select Wi-Fi" in reply.text


def test_an_answer_in_the_passages_own_words_is_shown(
    worker: Worker, model_server: ModelServer, wifi_article: ScriptedSearch
) -> None:
    model_server.reply = lambda body: completion(
        "Open the system menu, select Wi-Fi, choose your network and enter "
        "its password [1]."
    )

    reply = reply_to("how do I connect to the wireless network", worker)

    assert reply.text == (
        "Open the system menu, select Wi-Fi, choose your network and enter "
        "its password [1]."
    )
    assert [source.title for source in reply.sources] == [
        "Connect to a wireless network"
    ]
