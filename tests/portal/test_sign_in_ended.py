"""An action sent after the worker's sign-in ended leads back through sign-in.

With htmx the answer must be a whole-page visit to the sign-in page (the
HX-Redirect header), never the sign-in page itself swapped into the ticket,
and the way back must be the page the worker was reading.
"""

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from credence.tickets.models import Comment, Ticket
from credence.workers.models import Worker
from tests.conftest import PASSWORD, signed_in
from tests.portal.conftest import open_for

MIDDLEWARE = "credence.portal.middleware.HtmxSignInMiddleware"


@pytest.fixture(autouse=True)
def sign_in_middleware(settings: Settings) -> None:
    # Until the settings module lists it, put it where it belongs: after
    # django-htmx's own middleware.
    if MIDDLEWARE not in settings.MIDDLEWARE:
        stack = list(settings.MIDDLEWARE)
        stack.insert(
            stack.index("django_htmx.middleware.HtmxMiddleware") + 1, MIDDLEWARE
        )
        settings.MIDDLEWARE = stack


def htmx_from(page: str) -> dict[str, str]:
    return {"HX-Request": "true", "HX-Current-URL": page}


def comment_url(ticket: Ticket) -> str:
    return f"/portal/tickets/{ticket.number}/comment/"


def test_a_signed_out_htmx_comment_sends_the_whole_page_to_sign_in(
    worker: Worker,
) -> None:
    ticket = open_for(worker)

    response = Client().post(
        comment_url(ticket),
        {"body": "It is floor 3."},
        headers=htmx_from("http://testserver/portal/tickets/1001/"),
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == "/sign-in/?next=/portal/tickets/1001/"
    assert not response.has_header("Location")
    assert response.content == b""
    assert Comment.objects.count() == 0


def test_the_way_back_keeps_the_page_s_query() -> None:
    response = Client().get(
        "/portal/tickets/",
        headers=htmx_from("http://testserver/portal/tickets/?page=2"),
    )

    # "?" and "=" inside the next parameter are escaped as %3F and %3D.
    assert response["HX-Redirect"] == "/sign-in/?next=/portal/tickets/%3Fpage%3D2"


@pytest.mark.parametrize(
    "page",
    [
        "https://elsewhere.example.test/portal/tickets/1001/",
        "http://testserver.example.test/portal/tickets/1001/",
    ],
)
def test_a_page_on_another_site_is_never_the_way_back(
    page: str, worker: Worker
) -> None:
    ticket = open_for(worker)

    response = Client().post(
        comment_url(ticket), {"body": "It is floor 3."}, headers=htmx_from(page)
    )

    assert response["HX-Redirect"] == ("/sign-in/?next=/portal/tickets/1001/comment/")


def test_without_a_current_page_the_way_back_is_the_action(worker: Worker) -> None:
    ticket = open_for(worker)

    response = Client().post(
        comment_url(ticket), {"body": "It is floor 3."}, headers={"HX-Request": "true"}
    )

    assert response["HX-Redirect"] == ("/sign-in/?next=/portal/tickets/1001/comment/")


def test_without_htmx_the_sign_in_redirect_is_left_alone(worker: Worker) -> None:
    ticket = open_for(worker)

    response = Client().post(comment_url(ticket), {"body": "It is floor 3."})

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/portal/tickets/1001/comment/"
    assert not response.has_header("HX-Redirect")


def test_other_htmx_redirects_are_left_alone(worker: Worker) -> None:
    # The start page sends a signed-in worker on to the portal.
    response = signed_in(worker).get(
        "/", headers=htmx_from("http://testserver/portal/")
    )

    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert not response.has_header("HX-Redirect")


def test_after_signing_in_the_worker_is_back_on_the_ticket(worker: Worker) -> None:
    ticket = open_for(worker)
    client = Client()
    sign_in = client.post(
        comment_url(ticket),
        {"body": "It is floor 3."},
        headers=htmx_from("http://testserver/portal/tickets/1001/"),
    )["HX-Redirect"]

    response = client.post(
        sign_in,
        {"username": "wanda", "password": PASSWORD, "next": "/portal/tickets/1001/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/portal/tickets/1001/"


def test_without_htmx_signing_in_again_leads_to_the_ticket_not_the_action(
    worker: Worker,
) -> None:
    ticket = open_for(worker)
    client = Client()
    sign_in = client.post(comment_url(ticket), {"body": "It is floor 3."})

    response = client.post(
        sign_in["Location"],
        {"username": "wanda", "password": PASSWORD, "next": comment_url(ticket)},
        follow=True,
    )

    assert response.redirect_chain == [
        ("/portal/tickets/1001/comment/", 302),
        ("/portal/tickets/1001/", 302),
    ]
    assert response.status_code == 200
    # The comment went nowhere; the worker sends it again from the ticket.
    assert Comment.objects.count() == 0
