"""My tickets: every ticket the worker asked for, newest first, by pages."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from credence.tickets import services
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

URL = "/portal/tickets/"


def test_reverse_names_the_page() -> None:
    assert reverse("portal:my_tickets") == URL


def test_signing_in_comes_first(client: Client, db: None) -> None:
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/portal/tickets/"


def test_lists_open_and_closed_newest_first(
    worker: Worker, other_worker: Worker, agent: Worker
) -> None:
    first = open_for(worker, "Old badge request")
    services.resolve(first, agent, "Done.")
    services.close(first, worker)
    open_for(worker, "Laptop fan is loud")
    open_for(other_worker, "Oscar's monitor flickers")

    response = signed_in(worker).get(URL)
    page = response.content.decode()

    assert response.status_code == 200
    assert page.index("Laptop fan is loud") < page.index("Old badge request")
    assert "CR-1001 · Closed · opened" in page
    assert "CR-1002 · Received · opened" in page
    assert "Oscar&#x27;s monitor flickers" not in page


def test_a_worker_who_never_asked_is_told_so(worker: Worker) -> None:
    page = signed_in(worker).get(URL).content.decode()

    assert "<p>You have not asked for help yet.</p>" in page


def test_long_lists_come_in_pages_of_twenty_five(worker: Worker) -> None:
    for number in range(1, 27):
        open_for(worker, f"Question number {number}")
    client = signed_in(worker)

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()

    assert "Question number 26<" in first
    assert "Question number 2<" in first
    assert "Question number 1<" not in first
    assert "<span>Page 1 of 2</span>" in first
    assert '<a href="?page=2">Older tickets</a>' in first
    assert "Question number 1<" in second
    assert '<a href="?page=1">Newer tickets</a>' in second


def test_queries_do_not_grow_with_the_list(
    worker: Worker, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for number in range(1, 26):
        open_for(worker, f"Question number {number}")
    client = signed_in(worker)

    # Session, worker, the worker's own and group permissions (agent?
    # lead?), the count and the page: six, however many rows it shows.
    with django_assert_max_num_queries(6):
        client.get(URL)


@pytest.mark.parametrize("persona", ["agent", "lead"])
def test_agents_and_leads_see_only_what_they_asked_for(
    persona: str, worker: Worker, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)
    open_for(worker, "Wanda's scanner")
    open_for(person, "My own docking station")

    page = signed_in(person).get(URL).content.decode()

    assert "My own docking station" in page
    assert "Wanda&#x27;s scanner" not in page
