"""`credence ask`: one turn from the command line, as JSON for tools."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from credence.assistant.models import Conversation, Turn
from credence.knowledge.search import search
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch, article_hit


def _ask(*args: str) -> dict[str, object]:
    out = StringIO()
    call_command("ask", *args, "--format", "json", stdout=out)
    return dict(json.loads(out.getvalue()))


@pytest.mark.usefixtures("shared_articles")
def test_an_answer_as_json_with_its_sources() -> None:
    found = _ask("how do I connect to the wifi")

    assert set(found) == {"answer", "answered", "sources", "handoff"}
    assert found["answered"] is True
    assert found["handoff"] is None
    # The search's own first result leads; the connecting steps follow
    # from the second, whose title names the question.
    first = search("how do I connect to the wifi", None, limit=1, kinds=("article",))
    assert found["sources"][0]["url"] == first[0].url  # type: ignore[index]
    assert {
        "title": "Connect to a wireless network",
        "url": "/portal/articles/net-wireless-connect/",
    } in found["sources"]  # type: ignore[operator]
    assert "Select Wi-Fi" in str(found["answer"])


@pytest.mark.usefixtures("shared_articles")
def test_no_answer_as_json_with_the_prefilled_request() -> None:
    found = _ask("who won the football match yesterday")

    assert found["answered"] is False
    assert found["sources"] == []
    handoff = found["handoff"]
    assert isinstance(handoff, dict)
    assert handoff["type"] == "question"
    assert handoff["title"] == "who won the football match yesterday"
    assert handoff["url"].startswith("/portal/request/question/?title=who+won")
    assert "conversation=" not in handoff["url"]


def test_as_a_worker_uses_what_they_may_see(
    worker: Worker, scripted_search: ScriptedSearch
) -> None:
    scripted_search.hits = [article_hit("Printing", "printing", "Printer paper jam.")]

    found = _ask("printer paper jam", "--as", "wanda")

    assert found["answered"] is True
    assert scripted_search.calls == [
        ("printer paper jam", worker, ("article", "ticket"))
    ]


def test_without_as_no_tickets_are_searched(scripted_search: ScriptedSearch) -> None:
    _ask("printer paper jam")

    assert scripted_search.calls == [("printer paper jam", None, ("article",))]


def test_nothing_is_recorded(worker: Worker, scripted_search: ScriptedSearch) -> None:
    _ask("where is the canteen", "--as", "wanda")

    assert not Conversation.objects.exists()
    assert not Turn.objects.exists()


def test_an_unknown_worker_is_refused(db: None) -> None:
    with pytest.raises(CommandError, match="No worker has the username 'nobody'"):
        call_command("ask", "printer", "--as", "nobody")


def test_text_output_lists_the_sources(scripted_search: ScriptedSearch) -> None:
    scripted_search.hits = [article_hit("Printing", "printing", "Printer paper jam.")]
    out = StringIO()

    call_command("ask", "printer paper jam", stdout=out)

    assert out.getvalue() == (
        "From “Printing”:\nPrinter paper jam.\n- Printing: /portal/articles/printing/\n"
    )
