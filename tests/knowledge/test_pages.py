"""The portal's article pages and the desk's knowledge pages."""

import pytest
from django.test import Client
from django.urls import reverse

from credence.knowledge.models import Article, Audience, HelpfulAnswer
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.knowledge.conftest import SelfServiceCalls, write


@pytest.fixture
def articles(db: None) -> tuple[Article, Article]:
    public = write(
        "Clear a printer paper jam",
        "Open the tray and pull the **paper** out.\n\n<script>alert(1)</script>\n",
        slug="paper-jam",
    )
    internal = write(
        "Reset a worker's MFA",
        "Check their identity on a video call first.",
        slug="reset-mfa",
        audience=Audience.AGENTS,
    )
    return public, internal


def test_the_addresses() -> None:
    assert reverse("knowledge:search") == "/portal/articles/"
    assert reverse("knowledge:article", args=["paper-jam"]) == (
        "/portal/articles/paper-jam/"
    )
    assert reverse("knowledge:suggest") == "/portal/articles/suggest/"
    assert reverse("knowledge_desk:list") == "/desk/knowledge/"


def test_signing_in_comes_first(client: Client, db: None) -> None:
    response = client.get("/portal/articles/?q=printer")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_search_shows_highlighted_results_and_notes_the_search(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    response = signed_in(worker).get("/portal/articles/", {"q": "paper jam"})
    page = response.content.decode()

    assert response.status_code == 200
    assert '<a href="/portal/articles/paper-jam/">Clear a printer paper jam</a>' in page
    assert "<mark>paper</mark>" in page
    assert "1 result for “paper jam”, best first." in page
    assert self_service.calls == [("note", "wanda", "search", "paper jam")]


def test_search_without_words_shows_the_box_only(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    page = signed_in(worker).get("/portal/articles/").content.decode()

    assert '<label for="knowledge-q">What do you need help with?</label>' in page
    assert "result" not in page
    assert self_service.calls == []


def test_search_that_finds_nothing_offers_to_ask(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    page = signed_in(worker).get("/portal/articles/", {"q": "qqqzzz"}).content.decode()

    assert "Nothing matches “qqqzzz”." in page
    assert 'href="/portal/ask/"' in page


def test_a_worker_does_not_find_agents_articles(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    page = (
        signed_in(worker).get("/portal/articles/", {"q": "mfa reset"}).content.decode()
    )

    assert "Reset a worker" not in page


def test_reading_an_article_renders_it_safely_and_notes_it(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    response = signed_in(worker).get("/portal/articles/paper-jam/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "<h1>Clear a printer paper jam</h1>" in page
    assert "<strong>paper</strong>" in page
    assert "alert(1)" not in page
    assert "Was this helpful?" in page
    assert ">This solved it</button>" in page
    assert self_service.calls == [("note", "wanda", "article", "paper-jam")]


@pytest.mark.parametrize(
    ("persona", "status"), [("worker", 404), ("agent", 200), ("lead", 200)]
)
def test_an_agents_article_is_for_the_it_team(
    persona: str,
    status: int,
    request: pytest.FixtureRequest,
    articles: tuple[Article, Article],
    self_service: SelfServiceCalls,
) -> None:
    person = request.getfixturevalue(persona)

    response = signed_in(person).get("/portal/articles/reset-mfa/")

    assert response.status_code == status


def test_an_unknown_article_is_not_found(
    worker: Worker, articles: tuple[Article, Article]
) -> None:
    response = signed_in(worker).get("/portal/articles/no-such-thing/")

    assert response.status_code == 404
    assert "There is no such article, or it is not written for you." in (
        response.content.decode()
    )


def test_this_solved_it_thanks_the_worker_without_a_ticket(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    response = signed_in(worker).post("/portal/articles/paper-jam/solved/", follow=True)
    page = response.content.decode()

    assert response.redirect_chain == [("/portal/articles/paper-jam/?solved=1", 302)]
    assert "We are glad this article solved it. No ticket was opened;" in page
    assert ("solved", "wanda", "article", "paper-jam") in self_service.calls
    assert worker.tickets.count() == 0


def test_was_this_helpful_is_recorded_and_changeable(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    client = signed_in(worker)

    client.post("/portal/articles/paper-jam/helpful/", {"helpful": "yes"})
    response = client.post(
        "/portal/articles/paper-jam/helpful/", {"helpful": "no"}, follow=True
    )

    assert HelpfulAnswer.objects.get(reader=worker).helpful is False
    assert "You answered No; you can change your answer." in response.content.decode()


def test_a_helpful_answer_must_be_yes_or_no(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    response = signed_in(worker).post(
        "/portal/articles/paper-jam/helpful/", {"helpful": "maybe"}, follow=True
    )

    assert "Choose Yes or No to say whether this helped." in response.content.decode()
    assert not HelpfulAnswer.objects.exists()


def test_suggestions_come_as_a_fragment_from_title_and_description(
    worker: Worker, articles: tuple[Article, Article]
) -> None:
    response = signed_in(worker).get(
        "/portal/articles/suggest/", {"title": "printer", "description": "paper stuck"}
    )
    fragment = response.content.decode()

    assert response.status_code == 200
    assert "<html" not in fragment
    assert "1 article that may answer this</span>" in fragment
    assert 'href="/portal/articles/paper-jam/?from=request"' in fragment
    assert "<mark>paper</mark>" in fragment


def test_suggestions_for_nothing_typed_are_empty(
    worker: Worker, articles: tuple[Article, Article]
) -> None:
    response = signed_in(worker).get("/portal/articles/suggest/", {"title": ""})

    # Only the summary's count, put back as it was before any typing.
    assert response.content.decode().strip() == (
        '<span id="knowledge-suggestions-count" class="hint" aria-live="polite" '
        'hx-swap-oob="true">appear as you describe your need</span>'
    )


def test_the_suggestions_include_fetches_as_the_worker_types(db: None) -> None:
    from django.template.loader import render_to_string

    html = render_to_string("knowledge/_suggestions.html")

    assert 'hx-get="/portal/articles/suggest/"' in html
    assert "input changed delay:400ms from:#id_title" in html
    assert 'hx-include="#id_title, #id_description"' in html
    assert 'aria-live="polite"' in html


def test_the_desk_lists_articles_with_helpful_counts(
    agent: Worker, worker: Worker, articles: tuple[Article, Article]
) -> None:
    HelpfulAnswer.objects.create(
        article=articles[0],
        reader=worker,
        helpful=True,
        answered_at=articles[0].created_at,
    )

    page = signed_in(agent).get("/desk/knowledge/").content.decode()

    assert "Reset a worker&#x27;s MFA" in page
    assert (
        '<td data-label="Helpful">1</td>\n              '
        '<td data-label="Not helpful">0</td>'
    ) in page


def test_workers_cannot_open_the_desk_pages(
    worker: Worker, articles: tuple[Article, Article]
) -> None:
    client = signed_in(worker)

    assert client.get("/desk/knowledge/").status_code == 404
    assert client.get("/desk/knowledge/new/").status_code == 404
    assert client.get("/desk/knowledge/paper-jam/edit/").status_code == 404


def test_an_agent_writes_an_article(agent: Worker, db: None) -> None:
    response = signed_in(agent).post(
        "/desk/knowledge/new/",
        {
            "title": "Book a meeting room",
            "slug": "",
            "summary": "Use the calendar.",
            "audience": "workers",
            "owner": agent.pk,
            "body": "Open the calendar and add the room.",
        },
    )

    article = Article.objects.get()
    assert response["Location"] == "/portal/articles/book-a-meeting-room/"
    assert (article.title, article.owner, article.audience) == (
        "Book a meeting room",
        agent,
        "workers",
    )


def test_a_form_without_a_text_says_what_to_do(agent: Worker, db: None) -> None:
    response = signed_in(agent).post(
        "/desk/knowledge/new/", {"title": "Empty", "audience": "workers", "body": ""}
    )

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Article.objects.exists()


def test_an_edit_keeps_the_previous_version(
    agent: Worker, articles: tuple[Article, Article]
) -> None:
    client = signed_in(agent)
    client.post(
        "/desk/knowledge/paper-jam/edit/",
        {
            "title": "Clear a paper jam",
            "summary": "",
            "audience": "agents",
            "owner": agent.pk,
            "body": "New text.",
        },
    )

    page = client.get("/desk/knowledge/paper-jam/versions/").content.decode()
    article = Article.objects.get(slug="paper-jam")
    assert (article.title, article.audience, article.owner) == (
        "Clear a paper jam",
        "agents",
        agent,
    )
    assert "Version 1: “Clear a printer paper jam”" in page
    assert "by Ada Agent" in page


@pytest.fixture
def solved(objectives_ready: None, worker: Worker, agent: Worker) -> int:
    from credence.tickets import services

    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Wanda's headset crackles",
        description="The headset crackles in every call.",
        priority="low",
        actor=worker,
    )
    services.resolve(ticket, agent, "Replaced the headset cable.")
    return ticket.number


def test_a_solved_ticket_reads_without_who_asked(
    solved: int, other_worker: Worker
) -> None:
    response = signed_in(other_worker).get(f"/portal/articles/solutions/{solved}/")
    page = response.content.decode()

    assert response.status_code == 200
    assert "the requester&#x27;s headset crackles" in page.lower()
    assert "Replaced the headset cable." in page
    assert "Wanda" not in page


def test_an_unsolved_ticket_has_no_solution_page(
    objectives_ready: None, worker: Worker
) -> None:
    from credence.tickets import services

    ticket = services.open_ticket(
        requester=worker, kind="incident", title="Open", priority="low", actor=worker
    )

    response = signed_in(worker).get(f"/portal/articles/solutions/{ticket.number}/")

    assert response.status_code == 404


def test_the_desk_forms_open_for_a_lead(
    lead: Worker, articles: tuple[Article, Article]
) -> None:
    client = signed_in(lead)

    new = client.get("/desk/knowledge/new/").content.decode()
    edit = client.get("/desk/knowledge/reset-mfa/edit/").content.decode()
    versions = client.get("/desk/knowledge/reset-mfa/versions/").content.decode()

    assert '<label for="id_audience">Audience</label>' in new
    assert '<label for="id_body">Text (Markdown)</label>' in new
    assert "Check their identity on a video call first.</textarea>" in edit
    assert 'name="slug"' not in edit
    assert "This article has not been changed since it was written." in versions


def test_at_most_three_suggestions_each_with_one_excerpt(
    worker: Worker, db: None
) -> None:
    for number in range(5):
        write(
            f"Printer tray {number} jams", "Pull the paper out.", slug=f"tray-{number}"
        )

    fragment = (
        signed_in(worker)
        .get("/portal/articles/suggest/", {"title": "printer tray jams"})
        .content.decode()
    )

    assert fragment.count("<li>") == 3
    assert fragment.count('class="knowledge-excerpt knowledge-one-line"') == 3
    assert "3 articles that may answer this</span>" in fragment


def test_the_suggestions_are_folded_under_their_count(db: None) -> None:
    from django.template.loader import render_to_string

    html = render_to_string("knowledge/_suggestions.html")

    assert "<details>" in html
    assert "<details open" not in html
    assert '<span id="knowledge-suggestions-count"' in html


def test_solved_from_a_suggestion_says_the_request_was_not_sent(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    client = signed_in(worker)
    page = client.get("/portal/articles/paper-jam/?from=request").content.decode()
    assert '<input type="hidden" name="from" value="request">' in page

    response = client.post(
        "/portal/articles/paper-jam/solved/", {"from": "request"}, follow=True
    )
    page = response.content.decode()

    assert response.redirect_chain == [
        ("/portal/articles/paper-jam/?solved=1&from=request", 302)
    ]
    assert (
        "The request you started in the other tab was not sent. You can close that tab."
    ) in page
    assert worker.tickets.count() == 0


def test_solved_from_search_says_nothing_of_another_tab(
    worker: Worker, articles: tuple[Article, Article], self_service: SelfServiceCalls
) -> None:
    page = (
        signed_in(worker)
        .post("/portal/articles/paper-jam/solved/", follow=True)
        .content.decode()
    )

    assert "other tab" not in page
