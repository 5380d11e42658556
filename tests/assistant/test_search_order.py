"""The assistant answers from the search's own best results, in the
search's order: it may decline a result, never jump over a better one."""

from collections.abc import Iterator
from typing import Any

import pytest

from credence.assistant.turn import reply_to
from credence.knowledge.importing import import_articles
from credence.knowledge.models import Article, SearchDocument, Word
from credence.knowledge.search import search
from credence.knowledge.vocabulary import forget_vocabulary
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch, article_hit, ticket_hit
from tests.conftest import SHARED

KB_FOLDERS = sorted((SHARED / "data").glob("kb-*/articles"))


@pytest.fixture(scope="module")
def every_shared_article(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[None]:
    """All three shared article sets (the duplicate slug "zoom" is skipped
    by the import, as `credence import articles` does), once per module."""
    if not KB_FOLDERS:
        pytest.skip("../shared/data/kb-* is not beside the repository")
    with django_db_blocker.unblock():
        for folder in KB_FOLDERS:
            import_articles(folder)
        forget_vocabulary()
        yield
        Article.objects.all().delete()
        SearchDocument.objects.all().delete()
        Word.objects.all().delete()
        forget_vocabulary()


def _slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@pytest.mark.usefixtures("every_shared_article")
def test_the_keyboard_question_is_answered_from_the_keyboard_article(db: None) -> None:
    reply = reply_to("my keybord types the wrong letters", None)

    assert reply.answered is True
    assert [_slug(source.url) for source in reply.sources][:1] == ["keyboard-layouts"]
    assert "Printing" not in [source.title for source in reply.sources]


@pytest.mark.usefixtures("every_shared_article")
@pytest.mark.parametrize(
    "question", ["my keybord types the wrong letters", "cant get on wifi"]
)
def test_the_answer_comes_from_the_search_first_result(db: None, question: str) -> None:
    first = search(question, None, limit=1, kinds=("article",))[0]

    reply = reply_to(question, None)

    assert reply.answered is True
    assert _slug(reply.sources[0].url) == first.slug
    assert "Create a wireless hotspot" not in [s.title for s in reply.sources]


def test_a_lower_result_that_passes_never_jumps_a_better_one(
    scripted_search: ScriptedSearch,
) -> None:
    # Both pass; the second's title names the question better, and the
    # search still ranked the first above it.
    scripted_search.hits = [
        article_hit(
            "Switch the keyboard layout",
            "keyboard-layouts",
            "If the keyboard types wrong letters, switch the layout.",
            score=2.0,
        ),
        article_hit(
            "Printing: keyboard types wrong letters",
            "printing",
            "Labels print wrong letters when the keyboard types them wrong.",
            score=1.5,
        ),
    ]

    reply = reply_to("keyboard types wrong letters", None)

    assert [source.title for source in reply.sources][:1] == [
        "Switch the keyboard layout"
    ]


def _solved(requester: Worker, agent: Worker, title: str, fix: str) -> Ticket:
    ticket = services.open_ticket(
        requester=requester,
        kind="incident",
        title=title,
        description=title,
        priority="medium",
        actor=requester,
    )
    return services.resolve(ticket, agent, fix)


def test_the_same_passage_is_never_quoted_twice(
    worker: Worker, other_worker: Worker, agent: Worker
) -> None:
    fix = "Reseated the Quasar plotter drum and cleared the feed rollers."
    _solved(other_worker, agent, "Quasar plotter streaks", fix)
    _solved(other_worker, agent, "Quasar plotter streaks", fix)

    reply = reply_to("quasar plotter streaks", worker)

    assert reply.answered is True
    assert reply.text.count("Reseated the Quasar plotter drum") == 1
    assert len(reply.sources) == 1


def test_an_article_goes_before_a_ticket_of_similar_standing(
    scripted_search: ScriptedSearch, worker: Worker, agent: Worker
) -> None:
    ticket = _solved(worker, agent, "Zebra printer smudges", "Cleaned the printhead.")
    scripted_search.hits = [
        ticket_hit(
            ticket.number,
            "Zebra printer smudges",
            "Zebra printer smudges labels: cleaned the zebra printer head.",
        ),
        article_hit(
            "Zebra printer smudges labels",
            "zebra-smudges",
            "When a zebra printer smudges labels, clean the printer head.",
            score=0.95,
        ),
    ]

    reply = reply_to("zebra printer smudges", worker)

    assert reply.sources[0].title == ("Zebra printer smudges labels")


def test_a_ticket_well_above_an_article_stays_first(
    scripted_search: ScriptedSearch, worker: Worker, agent: Worker
) -> None:
    ticket = _solved(worker, agent, "Zebra printer smudges", "Cleaned the printhead.")
    scripted_search.hits = [
        ticket_hit(
            ticket.number,
            "Zebra printer smudges",
            "Zebra printer smudges labels: cleaned the zebra printer head.",
        ),
        article_hit(
            "Zebra printer smudges labels",
            "zebra-smudges",
            "When a zebra printer smudges labels, clean the printer head.",
            score=0.5,
        ),
    ]

    reply = reply_to("zebra printer smudges", worker)

    assert reply.sources[0].title == "Zebra printer smudges"
