"""The portal's home: a search box and the catalog first, then open tickets."""

import pytest
from django.test import Client
from django.urls import reverse

from credence.tickets import services
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

URL = "/portal/"


def test_reverse_names_the_page() -> None:
    assert reverse("portal:home") == URL


def test_signing_in_comes_first(client: Client, db: None) -> None:
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/portal/"


def test_search_and_the_catalog_come_before_the_open_tickets(worker: Worker) -> None:
    open_for(worker, "Laptop fan is loud")

    page = signed_in(worker).get(URL).content.decode()
    content = page[page.index('<main id="main"') :]

    search = content.index('<label for="home-search-q">What do you need help with?')
    catalog = content.index('href="/portal/request/password-mfa-reset/"')
    free_form = content.index(
        '<a class="something-else" href="/portal/ask/">Something else</a>'
    )
    assert search < catalog < free_form
    assert free_form < content.index("<h2>Your open tickets</h2>")
    assert free_form < content.index("Laptop fan is loud")


def test_lists_the_worker_s_own_open_tickets_only(
    worker: Worker, other_worker: Worker, agent: Worker
) -> None:
    open_for(worker, "Laptop fan is loud")
    open_for(other_worker, "Oscar's monitor flickers")
    closed = open_for(worker, "Old badge request")
    services.resolve(closed, agent, "Done.")
    services.close(closed, worker)

    response = signed_in(worker).get(URL)
    page = response.content.decode()

    assert response.status_code == 200
    assert '<a href="/portal/tickets/1001/">Laptop fan is loud</a>' in page
    assert "CR-1001 · Received · opened" in page
    assert "Oscar&#x27;s monitor flickers" not in page
    assert "Old badge request" not in page
    assert '<a href="/portal/tickets/">All my tickets</a>' in page


def test_a_resolved_ticket_stays_until_the_worker_confirms(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker, "Install the plotter driver")
    services.resolve(ticket, agent, "Installed.")

    page = signed_in(worker).get(URL).content.decode()

    assert "Install the plotter driver" in page
    assert "CR-1001 · Resolved: is it fixed? · opened" in page


def test_shows_the_five_newest(worker: Worker) -> None:
    for number in range(1, 7):
        open_for(worker, f"Question number {number}")

    page = signed_in(worker).get(URL).content.decode()

    assert "Question number 1<" not in page
    for number in range(2, 7):
        assert f"Question number {number}<" in page


def test_a_worker_with_no_tickets_is_told_so(worker: Worker) -> None:
    page = signed_in(worker).get(URL).content.decode()

    assert "<p>You have no open tickets.</p>" in page


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_agents_and_leads_see_their_own_tickets_as_workers(
    persona: str, worker: Worker, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)
    open_for(worker, "Wanda's scanner")
    open_for(person, "My own docking station")

    page = signed_in(person).get(URL).content.decode()

    assert "My own docking station" in page
    assert "Wanda&#x27;s scanner" not in page
