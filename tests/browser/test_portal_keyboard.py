"""A worker uses the portal in a real browser, without a mouse, and on a phone.

A comment that does not go through, because the sign-in changed in another
tab or the connection dropped, is explained on the page and not lost.

Time is frozen (ticking on) at Tuesday 1 December 2026, 09:15 UTC, with the
business calendar Monday to Friday 09:00-17:00 in UTC, so the expectation
on screen can be worked out by hand.
"""

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.conf import settings
from playwright.sync_api import Page, Route, expect

from credence.tickets import services
from credence.tickets.models import Comment, CommentKind, Ticket
from credence.workers.models import Worker
from tests.browser.conftest import (
    focused_name,
    sign_out_in_another_tab,
    tab_to,
    type_sign_in,
)

NOW = datetime(2026, 12, 1, 9, 15, tzinfo=UTC)
PHONE = {"width": 390, "height": 844}

TYPED = "Floor 3, by the kitchen."
NOT_SENT = (
    "That did not go through: your sign-in may have changed or the connection "
    "dropped. Reload the page and try again; what you typed is still in the form."
)
PUT_BACK = (
    "What you typed before is back in the form below. If it is not in the "
    "conversation yet, send it again."
)
SENT = "Your comment was sent to the IT team."
SIGN_IN_MIDDLEWARE = "credence.portal.middleware.HtmxSignInMiddleware"


# Business hours Monday to Friday 09:00-17:00 UTC, whatever the installation
# zone says, for the hand-worked dues below.
pytestmark = pytest.mark.usefixtures("business_hours_in_utc")


@pytest.fixture
def wanda(worker: Worker) -> Worker:
    worker.time_zone = "UTC"
    worker.save(update_fields=["time_zone"])
    return worker


def test_a_worker_asks_for_help_with_the_keyboard_only(
    wanda: Worker, sign_in: Callable[[str], Page]
) -> None:
    # Ticking from 09:15:00; the test takes seconds, so every time shown
    # is still 09:15 plus whole hours.
    with time_machine.travel(NOW, tick=True):
        page = sign_in(wanda.username)
        expect(page).to_have_url(re.compile(r"/portal/$"))

        tab_to(page, "Something else")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/portal/ask/$"))

        # Tab lands on the first answer of a group none of whose answers
        # is chosen; Space chooses it.
        tab_to(page, "I need something")
        page.keyboard.press("Space")
        tab_to(page, "Title")
        page.keyboard.type("Second monitor for my desk")
        page.keyboard.press("Tab")
        assert focused_name(page) == "Description"
        page.keyboard.type("The one I had went to the new starter.")

        tab_to(page, "Just me")
        page.keyboard.press("Space")
        # Tab leaves a radio group at once; the arrow keys move inside it.
        tab_to(page, "Yes, it can wait a little")
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")
        assert focused_name(page) == "Partly, it slows me down"

        tab_to(page, "Send to the IT team")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/portal/tickets/\d+/$"))

        # Just me, partly: medium, 1 h / 8 h on business hours. Respond by
        # 09:15 + 1 h = 10:15 today; resolve: Tuesday 09:15-17:00 is 465
        # min, the last 15 run Wednesday 09:00-09:15 -> 09:15 tomorrow.
        expected = (
            "Sent to the IT team as CR-1001. Someone will respond by 10:15 "
            "today; we aim to resolve it by 09:15 tomorrow."
        )
        expect(page.get_by_role("status").first).to_have_text(expected)
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Second monitor for my desk"
        )

    ticket = Ticket.objects.get()
    assert (ticket.kind, ticket.priority, ticket.channel) == (
        "request",
        "medium",
        "portal",
    )


def test_a_comment_by_keyboard_lands_in_place(
    wanda: Worker, agent: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    ticket = services.open_ticket(
        requester=wanda,
        kind="incident",
        title="Printer jams",
        description="On every page.",
        channel="portal",
        priority="medium",
        actor=wanda,
    )
    services.wait_on_worker(ticket, agent, "Which floor is it on?")
    page = sign_in(wanda.username)
    page.goto(f"{live_server.url}/portal/tickets/{ticket.number}/")
    expect(
        page.get_by_role("heading", name="The IT team is waiting for your answer")
    ).to_be_visible()

    tab_to(page, "Your comment")
    page.keyboard.type("Floor 3, by the kitchen.")
    tab_to(page, "Send comment")
    page.keyboard.press("Enter")

    # htmx swaps the ticket in place and the news takes the focus.
    notice = page.get_by_text("Your comment was sent to the IT team.")
    expect(notice).to_be_focused()
    expect(
        page.get_by_role("heading", name="The IT team is waiting for your answer")
    ).to_have_count(0)
    expect(page.get_by_text("Floor 3, by the kitchen.")).to_be_visible()


def _assert_stylesheet_served(page: Page, base_url: str) -> None:
    # Without the stylesheet every page is as wide as its longest word, so
    # say that plainly rather than report a puzzling width.
    response = page.request.get(f"{base_url}/static/credence/credence.css")
    assert response.status == 200, (
        "credence/credence.css is not served: credence/static must be among "
        "the static file finders' folders (STATICFILES_DIRS)"
    )


def _horizontal_overflow(page: Page) -> Any:
    return page.evaluate(
        "() => document.scrollingElement.scrollWidth - window.innerWidth"
    )


def test_on_a_phone_the_ticket_page_never_scrolls_sideways(
    wanda: Worker, agent: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    # A long unbroken word is what usually pushes a page wider than a phone.
    ticket = services.open_ticket(
        requester=wanda,
        kind="incident",
        title="Error 0x80070005 in C:\\Users\\wanda\\AppData\\Local\\Packages\\"
        "Microsoft.WindowsStore_8wekyb3d8bbwe",
        description="https://intranet.example.test/" + "very-long-path-" * 12,
        channel="portal",
        priority="medium",
        actor=wanda,
    )
    services.reply(ticket, agent, "Looking into it now.")
    services.resolve(ticket, agent, "Reset the store cache.")
    page = sign_in(wanda.username)
    page.set_viewport_size(PHONE)
    _assert_stylesheet_served(page, live_server.url)

    page.goto(f"{live_server.url}/portal/tickets/{ticket.number}/")

    expect(page.get_by_role("button", name="Yes, it's fixed")).to_be_visible()
    assert page.evaluate("() => window.innerWidth") == PHONE["width"]
    assert _horizontal_overflow(page) <= 0


def test_on_a_phone_the_form_fits_in_one_column(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any, tmp_path: Path
) -> None:
    page = sign_in(wanda.username)
    page.set_viewport_size(PHONE)
    _assert_stylesheet_served(page, live_server.url)

    page.goto(f"{live_server.url}/portal/ask/")

    assert _horizontal_overflow(page) <= 0
    title = page.get_by_label("Title").bounding_box()
    description = page.get_by_label("Description").bounding_box()
    assert title is not None and description is not None
    assert title["x"] == description["x"]
    assert description["y"] > title["y"]
    # Kept for a person to look at: pytest --basetemp=DIR keeps it in DIR.
    page.screenshot(path=str(tmp_path / "ask-phone.png"), full_page=True)


def _printer_ticket(wanda: Worker) -> Ticket:
    return services.open_ticket(
        requester=wanda,
        kind="incident",
        title="Printer jams",
        description="On every page.",
        channel="portal",
        priority="medium",
        actor=wanda,
    )


def _comments(ticket: Ticket) -> list[str]:
    return list(
        Comment.objects.filter(ticket=ticket, kind=CommentKind.WORKER_COMMENT)
        .order_by("id")
        .values_list("body", flat=True)
    )


def _type_comment(page: Page, base_url: str, ticket: Ticket) -> None:
    page.goto(f"{base_url}/portal/tickets/{ticket.number}/")
    tab_to(page, "Your comment")
    page.keyboard.type(TYPED)


def _kept_drafts(page: Page) -> Any:
    return page.evaluate("() => window.sessionStorage.getItem('credence.drafts')")


def test_a_comment_sent_after_signing_in_again_elsewhere_is_kept_and_explained(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    ticket = _printer_ticket(wanda)
    page = sign_in(wanda.username)
    _type_comment(page, live_server.url, ticket)

    # Signing in again gives the browser a new anti-forgery token; this
    # page still carries the old one, so the server refuses it with a 403.
    other = sign_out_in_another_tab(page, live_server.url)
    type_sign_in(other, wanda.username)
    page.bring_to_front()
    tab_to(page, "Send comment")
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert")).to_have_text(NOT_SENT)
    expect(page.get_by_label("Your comment")).to_have_value(TYPED)
    assert _comments(ticket) == []

    # Reloading, as the message says, brings a fresh token and the text.
    page.reload()
    expect(page.get_by_label("Your comment")).to_have_value(TYPED)
    expect(page.get_by_role("alert")).to_have_text(PUT_BACK)
    tab_to(page, "Send comment")
    page.keyboard.press("Enter")

    expect(page.get_by_text(SENT)).to_be_focused()
    expect(page.locator("#page-problem")).to_be_hidden()
    assert _comments(ticket) == [TYPED]
    assert _kept_drafts(page) is None


def test_a_comment_that_cannot_reach_the_server_is_kept_and_explained(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    ticket = _printer_ticket(wanda)
    page = sign_in(wanda.username)
    _type_comment(page, live_server.url, ticket)

    def drop(route: Route) -> None:
        route.abort("internetdisconnected")

    page.route("**/comment/", drop)
    tab_to(page, "Send comment")
    page.keyboard.press("Enter")

    expect(page.get_by_role("alert")).to_have_text(NOT_SENT)
    expect(page.get_by_label("Your comment")).to_have_value(TYPED)
    assert _comments(ticket) == []

    # The connection is back; the button still has the focus.
    page.unroute("**/comment/", drop)
    page.keyboard.press("Enter")

    expect(page.get_by_text(SENT)).to_be_focused()
    expect(page.locator("#page-problem")).to_be_hidden()
    assert _comments(ticket) == [TYPED]


@pytest.mark.skipif(
    SIGN_IN_MIDDLEWARE not in settings.MIDDLEWARE,
    reason=f"settings.MIDDLEWARE does not list {SIGN_IN_MIDDLEWARE} yet",
)
def test_a_comment_sent_after_signing_out_elsewhere_comes_back_after_sign_in(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    ticket = _printer_ticket(wanda)
    page = sign_in(wanda.username)
    _type_comment(page, live_server.url, ticket)

    sign_out_in_another_tab(page, live_server.url)
    page.bring_to_front()
    tab_to(page, "Send comment")
    page.keyboard.press("Enter")

    # The whole page goes to sign-in, which leads back to the ticket.
    page.wait_for_url(re.compile(r"/sign-in/\?next=/portal/tickets/1001/$"))
    type_sign_in(page, wanda.username)
    page.wait_for_url(re.compile(r"/portal/tickets/1001/$"))
    expect(page.get_by_label("Your comment")).to_have_value(TYPED)
    expect(page.get_by_role("alert")).to_have_text(PUT_BACK)
    assert _comments(ticket) == []
