"""A worker uses the portal in a real browser, without a mouse, and on a phone.

Time is frozen (ticking on) at Tuesday 1 December 2026, 09:15 UTC, with the
business calendar Monday to Friday 09:00-17:00 in UTC, so the expectation
on screen can be worked out by hand.
"""

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Page, expect

from credence.slo import objectives
from credence.slo.models import Calendar
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.browser.conftest import focused_name, tab_to

NOW = datetime(2026, 12, 1, 9, 15, tzinfo=UTC)
PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def business_hours_in_utc(transactional_db: None) -> Iterator[None]:
    objectives.forget_objectives()
    objectives.ensure_defaults()
    calendar = Calendar.objects.get(name=objectives.BUSINESS_HOURS_NAME)
    calendar.time_zone = "UTC"
    calendar.save()
    yield
    objectives.forget_objectives()


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

        tab_to(page, "Ask for help")
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
