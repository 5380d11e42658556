"""A form refused for its anti-forgery token says why and what to do next.

The usual cause is a page left open while the worker signed in again in
another tab: signing in gives the browser a new token, and the old page
still carries the old one.
"""

import re

import pytest
from django.http import HttpResponse
from django.test import Client
from pytest_django.fixtures import Settings

from credence.tickets.models import Comment
from credence.workers.models import Worker
from tests.conftest import PASSWORD
from tests.portal.conftest import open_for

HEADING = "<h1>This was not sent</h1>"
WHY = (
    '<p class="error" role="alert">Nothing was saved: the page was open for a '
    "long time, or you signed in or out in another tab or window, so Credence "
    "could not be sure the form came from you.</p>"
)
WHAT_NOW = (
    "<p>Use your browser's Back button to return to the form and copy what "
    "you typed. Then reload the page, sign in if asked, and send it again.</p>"
)


@pytest.fixture(autouse=True)
def friendly_csrf_failure(settings: Settings) -> None:
    settings.CSRF_FAILURE_VIEW = "credence.portal.csrf.csrf_failure"


def form_token(response: HttpResponse) -> str:
    found = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    )
    assert found is not None
    return found.group(1)


def sign_in(client: Client) -> str:
    """Sign in through the sign-in page; the token the old pages carried."""
    token = form_token(client.get("/sign-in/"))
    client.post(
        "/sign-in/",
        {"username": "wanda", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    return token


def assert_friendly_refusal(response: HttpResponse) -> None:
    page = response.content.decode()
    assert response.status_code == 403
    assert HEADING in page
    assert WHY in page
    assert WHAT_NOW in page


def test_a_page_from_before_signing_in_again_is_refused_kindly(
    worker: Worker, caplog: pytest.LogCaptureFixture
) -> None:
    ticket = open_for(worker)
    client = Client(enforce_csrf_checks=True)
    sign_in(client)
    old_page = client.get(f"/portal/tickets/{ticket.number}/")

    # In another tab: sign out, sign in again.
    client.post("/sign-out/", {"csrfmiddlewaretoken": form_token(old_page)})
    sign_in(client)
    response = client.post(
        f"/portal/tickets/{ticket.number}/comment/",
        {"body": "It is floor 3.", "csrfmiddlewaretoken": form_token(old_page)},
    )

    assert_friendly_refusal(response)
    # Refused for the old token, not for want of a sign-in.
    assert caplog.messages[-1] == (
        "Forbidden (CSRF token from POST incorrect.): /portal/tickets/1001/comment/"
    )
    assert Comment.objects.count() == 0


def test_a_form_without_its_token_is_refused_kindly(worker: Worker) -> None:
    ticket = open_for(worker)
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)

    response = client.post(
        f"/portal/tickets/{ticket.number}/comment/", {"body": "It is floor 3."}
    )

    assert_friendly_refusal(response)
    assert Comment.objects.count() == 0


def test_a_stale_sign_in_form_is_refused_kindly_too(worker: Worker) -> None:
    # Nobody is signed in here, so the page has no navigation to draw.
    response = Client(enforce_csrf_checks=True).post(
        "/sign-in/", {"username": "wanda", "password": PASSWORD}
    )

    assert_friendly_refusal(response)
    assert "Sign out" not in response.content.decode()


def test_with_htmx_the_refusal_is_an_error_status_so_nothing_is_swapped(
    worker: Worker,
) -> None:
    # htmx swaps only successful answers; on a 403 the page, and the text
    # in the form, stay as they were, and credence.js says what happened.
    ticket = open_for(worker)
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)

    response = client.post(
        f"/portal/tickets/{ticket.number}/comment/",
        {"body": "It is floor 3."},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 403
    assert Comment.objects.count() == 0
