"""Who reads which article, what a save keeps, and readers' answers."""

import pytest

from credence.errors import InvalidInput, NotAllowed
from credence.knowledge.articles import (
    ArticleNotFound,
    ArticleText,
    answer_helpful,
    create_article,
    get_visible_article,
    update_article,
    visible_articles,
    with_helpful_counts,
)
from credence.knowledge.models import Article, Audience, HelpfulAnswer
from credence.workers.models import Worker
from tests.knowledge.conftest import write


@pytest.fixture
def public(db: None) -> Article:
    return write("Connect to the office Wi-Fi", "Pick **Office** and sign in.")


@pytest.fixture
def internal(db: None) -> Article:
    return write(
        "Reset a worker's MFA", "Check their identity first.", audience=Audience.AGENTS
    )


def test_a_worker_reads_worker_articles_only(
    worker: Worker, public: Article, internal: Article
) -> None:
    assert list(visible_articles(worker)) == [public]
    assert get_visible_article(worker, public.slug) == public
    with pytest.raises(ArticleNotFound):
        get_visible_article(worker, internal.slug)


def test_nobody_signed_in_reads_as_a_worker(public: Article, internal: Article) -> None:
    assert list(visible_articles(None)) == [public]


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_the_it_team_reads_every_article(
    persona: str, request: pytest.FixtureRequest, public: Article, internal: Article
) -> None:
    person = request.getfixturevalue(persona)

    assert set(visible_articles(person)) == {public, internal}


def test_a_new_article_gets_a_slug_from_its_title(agent: Worker) -> None:
    article = create_article(
        ArticleText(title="Set up the VPN at home", body="Install the client."), agent
    )

    assert article.slug == "set-up-the-vpn-at-home"
    assert article.owner == agent


def test_a_worker_may_not_write_articles(worker: Worker) -> None:
    with pytest.raises(NotAllowed) as raised:
        create_article(ArticleText(title="Mine", body="Text."), worker)

    assert raised.value.message == "Only the IT team writes articles."


def test_a_taken_slug_is_refused(agent: Worker, public: Article) -> None:
    with pytest.raises(InvalidInput) as raised:
        create_article(
            ArticleText(title="Other", body="Text.", slug=public.slug), agent
        )

    assert raised.value.message == (
        "The slug 'connect-to-the-office-wi-fi' is taken by another article; "
        "choose another."
    )


def test_every_save_keeps_the_previous_text(agent: Worker, public: Article) -> None:
    update_article(
        public, ArticleText(title="Connect to Wi-Fi", body="Version two."), agent
    )
    update_article(
        public, ArticleText(title="Connect to Wi-Fi", body="Version three."), agent
    )

    public.refresh_from_db()
    versions = list(public.versions.values_list("number", "title", "body"))
    assert public.body == "Version three."
    assert versions == [
        (2, "Connect to Wi-Fi", "Version two."),
        (1, "Connect to the office Wi-Fi", "Pick **Office** and sign in."),
    ]
    assert public.versions.first().saved_by == agent  # type: ignore[union-attr]


def test_saving_the_same_text_makes_no_version(agent: Worker, public: Article) -> None:
    changed = update_article(
        public,
        ArticleText(title=public.title, body=public.body, audience=public.audience),
        agent,
    )

    assert changed is False
    assert public.versions.count() == 0


def test_an_answer_is_one_per_reader_and_can_change(
    worker: Worker, other_worker: Worker, public: Article
) -> None:
    answer_helpful(public, worker, True)
    answer_helpful(public, worker, False)
    answer_helpful(public, other_worker, False)

    counted = with_helpful_counts(Article.objects.filter(pk=public.pk)).get()
    assert HelpfulAnswer.objects.get(reader=worker).helpful is False
    assert (counted.helpful_yes, counted.helpful_no) == (0, 2)  # type: ignore[attr-defined]


def test_a_worker_cannot_answer_on_an_agents_article(
    worker: Worker, internal: Article
) -> None:
    with pytest.raises(ArticleNotFound):
        answer_helpful(internal, worker, True)
