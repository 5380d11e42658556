"""A confidential ticket in the portal: its requester follows it as usual.

Pages and actions of other people's confidential tickets are "not found"
for every persona (test_access.py); here, the lists, and the requester's
own use of the ticket, before and after a lead marks it or formalises it.
"""

import pytest
from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.portal.conftest import open_for

TITLE = "Complaint about my manager"
LISTS = ["portal:home", "portal:my_tickets"]


@pytest.fixture
def secret(worker: Worker, lead: Worker) -> Ticket:
    return open_for(worker, TITLE, confidential=True, actor=lead)


@pytest.mark.parametrize("page", LISTS)
def test_the_requester_finds_it_in_their_lists(
    page: str, worker: Worker, secret: Ticket
) -> None:
    response = signed_in(worker).get(reverse(page))

    assert response.status_code == 200
    assert TITLE in response.content.decode()


@pytest.mark.parametrize("persona", ["other_worker", "agent", "lead"])
@pytest.mark.parametrize("page", LISTS)
def test_nobody_else_finds_it_in_their_lists(
    persona: str, page: str, secret: Ticket, request: pytest.FixtureRequest
) -> None:
    person: Worker = request.getfixturevalue(persona)

    response = signed_in(person).get(reverse(page))

    assert response.status_code == 200
    assert TITLE not in response.content.decode()


def test_the_requester_reads_and_answers_it(worker: Worker, secret: Ticket) -> None:
    client = signed_in(worker)

    page = client.get(reverse("portal:ticket", args=[secret.number]))
    answered = client.post(
        reverse("portal:comment", args=[secret.number]), {"body": "More detail."}
    )

    assert page.status_code == 200
    assert TITLE in page.content.decode()
    assert answered.status_code == 302
    assert secret.comments.get().body == "More detail."


def test_the_requester_keeps_it_when_a_lead_marks_it(
    worker: Worker, lead: Worker
) -> None:
    ticket = open_for(worker, TITLE)

    services.mark_confidential(ticket, lead, "About a colleague.")

    response = signed_in(worker).get(reverse("portal:ticket", args=[ticket.number]))
    assert response.status_code == 200
    assert TITLE in response.content.decode()
    # The reason is for the leads; the worker's page does not show it.
    assert "About a colleague." not in response.content.decode()


def test_an_agent_who_asked_follows_it_in_the_portal(
    agent: Worker, lead: Worker
) -> None:
    own = open_for(agent, TITLE, confidential=True, actor=lead)
    client = signed_in(agent)

    assert TITLE in client.get(reverse("portal:my_tickets")).content.decode()
    assert client.get(reverse("portal:ticket", args=[own.number])).status_code == 200
    assert client.get(reverse("desk:ticket", args=[own.number])).status_code == 404


def test_formalised_it_is_still_the_requester_s_alone_in_the_portal(
    worker: Worker, agent: Worker, lead: Worker, secret: Ticket
) -> None:
    services.formalise(secret, lead)

    url = reverse("portal:ticket", args=[secret.number])
    assert signed_in(worker).get(url).status_code == 200
    assert signed_in(agent).get(url).status_code == 404
    assert (
        signed_in(agent).get(reverse("desk:ticket", args=[secret.number])).status_code
        == 200
    )
