"""Knowledge test helpers: articles made quickly, the shared articles
imported once per module, and a record of self-service calls."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from credence.knowledge.articles import ArticleText, create_article
from credence.knowledge.importing import import_articles
from credence.knowledge.models import Article, Audience, SearchDocument, Word
from credence.knowledge.vocabulary import forget_vocabulary
from credence.selfservice import sessions
from credence.slo import objectives
from tests.conftest import SHARED

KB_FOLDERS = sorted((SHARED / "data").glob("kb-*/articles"))


@pytest.fixture(autouse=True)
def fresh_vocabulary() -> Iterator[None]:
    # The vocabulary is cached per process by the index's stamps; a rolled
    # back test can leave the same stamps behind with other words.
    forget_vocabulary()
    yield
    forget_vocabulary()


@pytest.fixture
def objectives_ready(db: None) -> None:
    objectives.ensure_defaults()


def write(
    title: str,
    body: str,
    *,
    slug: str = "",
    audience: str = Audience.WORKERS,
    summary: str = "",
) -> Article:
    return create_article(
        ArticleText(
            title=title, body=body, slug=slug, audience=audience, summary=summary
        ),
        actor=None,
    )


@dataclass
class SelfServiceCalls:
    calls: list[tuple[str, str, str, str]] = field(default_factory=list)


@pytest.fixture
def self_service(monkeypatch: pytest.MonkeyPatch) -> SelfServiceCalls:
    """Records each call to sessions.note/solved, then makes the real call."""
    record = SelfServiceCalls()

    def spy(name: str, real: Callable[..., None]) -> Callable[..., None]:
        def call(worker: Any, kind: str, subject: str = "") -> None:
            record.calls.append((name, worker.username, kind, subject))
            real(worker, kind, subject)

        return call

    monkeypatch.setattr(sessions, "note", spy("note", sessions.note))
    monkeypatch.setattr(sessions, "solved", spy("solved", sessions.solved))
    return record


@pytest.fixture(scope="module")
def shared_articles(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[list[Path]]:
    """The kb-* articles of ../shared, imported once for a module's tests
    and removed after them, so that no other module sees them."""
    if not KB_FOLDERS:
        pytest.skip("../shared/data/kb-* is not beside the repository")
    with django_db_blocker.unblock():
        for folder in KB_FOLDERS:
            import_articles(folder)
        yield KB_FOLDERS
        Article.objects.all().delete()
        SearchDocument.objects.all().delete()
        Word.objects.all().delete()
