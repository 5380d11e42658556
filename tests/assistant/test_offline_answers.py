"""Answers without a language model, from the shared articles as imported."""

from urllib.parse import parse_qs, urlsplit

import pytest

from credence.assistant.turn import reply_to
from credence.knowledge.search import search
from credence.workers.models import Worker

pytestmark = pytest.mark.usefixtures("shared_articles")


def test_a_wifi_question_is_answered_from_the_wifi_article(worker: Worker) -> None:
    reply = reply_to("How do I connect to the wifi?", worker)

    assert reply.answered is True
    assert reply.handoff is None
    # The answer follows the search: on SQLite its first result is the
    # wireless troubleshooter, and the connecting steps come from the next,
    # whose title names the question; on PostgreSQL they come first.
    first = search("How do I connect to the wifi?", worker, limit=1)[0]
    assert reply.sources[0].url == first.url
    assert "/portal/articles/net-wireless-connect/" in [
        source.url for source in reply.sources
    ]
    # The steps of the article, quoted, not the whole article.
    assert "1. Open the system menu from the right side of the top bar." in reply.text
    assert "2. Select Wi-Fi." in reply.text
    assert "stronger connection to a wireless network does not" not in reply.text


def test_a_misspelled_question_still_finds_its_article() -> None:
    reply = reply_to("printer has a paper jam", None)

    assert reply.answered is True
    assert reply.sources[0].url == "/portal/articles/printing-paperjam/"
    assert reply.text.startswith("From “Clearing a paper jam”:\n")


def test_every_answer_names_its_sources(worker: Worker) -> None:
    for question in ("lock my screen", "find my ip address", "connect to the vpn"):
        reply = reply_to(question, worker)
        assert reply.answered is True, question
        assert reply.sources, question
        for source in reply.sources:
            assert source.url.startswith("/portal/articles/")
            assert f"“{source.title}”" in reply.text


def test_nothing_found_says_so_and_hands_off(worker: Worker) -> None:
    reply = reply_to("What is on the lunch menu today?", worker)

    assert reply.answered is False
    assert reply.sources == []
    assert reply.text.startswith("I could not find anything that answers this")
    assert reply.handoff is not None
    assert reply.handoff.type == "question"
    assert reply.handoff.title == "What is on the lunch menu today?"
    url = urlsplit(reply.handoff.url)
    assert url.path == "/portal/request/question/"
    query = parse_qs(url.query)
    assert query["title"] == ["What is on the lunch menu today?"]
    assert query["question"] == ["What is on the lunch menu today?"]
    assert query["description"] == [
        "What I asked the assistant:\n- What is on the lunch menu today?"
    ]


def test_something_broken_hands_off_to_the_broken_form() -> None:
    reply = reply_to("the coffee machine on floor 2 is broken", None)

    assert reply.answered is False
    assert reply.handoff is not None
    assert reply.handoff.type == "something-broken"
    assert parse_qs(urlsplit(reply.handoff.url).query)["what"] == [
        "the coffee machine on floor 2 is broken"
    ]


def test_articles_for_agents_are_not_used_for_workers(worker: Worker) -> None:
    from credence.knowledge.models import Article, Audience

    article = Article.objects.get(slug="printing-paperjam")
    article.audience = Audience.AGENTS
    article.save()
    # Reindexing is the knowledge app's business; saving through its own
    # operation keeps the index right.
    from credence.knowledge import index

    index.index_article(article)

    reply = reply_to("printer has a paper jam", worker)

    assert "/portal/articles/printing-paperjam/" not in [s.url for s in reply.sources]
