"""The whole loop in a real browser: a worker asks, an agent answers, the
worker sees the answer.

Time is frozen (ticking on) at Wednesday 2 December 2026, 09:40 UTC, with
the business calendar Monday to Friday 09:00-17:00 in UTC, so what the
queue says can be worked out by hand. Three other tickets make the queue
look like a working morning.
"""

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from playwright.sync_api import Page, ViewportSize, expect

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.browser.conftest import focused_name, tab_to

NOW = datetime(2026, 12, 2, 9, 40, tzinfo=UTC)
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}

TITLE = "Printer on floor 2 prints blank pages"
RESOLUTION = "The toner cartridge was empty; it is replaced and prints again."


# Business hours Monday to Friday 09:00-17:00 UTC, whatever the installation
# zone says, for the hand-worked dues below.
pytestmark = pytest.mark.usefixtures("business_hours_in_utc")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def busy_morning(other_worker: Worker, agent: Worker) -> dict[str, Ticket]:
    for person in (other_worker, agent):
        person.time_zone = "UTC"
        person.save(update_fields=["time_zone"])
    # Stored outcomes are as of the moment of each change, so the tickets
    # are made at NOW, their events stamped earlier by hand.
    with time_machine.travel(NOW, tick=False):
        return _morning(other_worker, agent)


def _morning(other_worker: Worker, agent: Worker) -> dict[str, Ticket]:
    # High: 15 min round the clock from 07:30, so due 07:45: breached.
    payroll = services.open_ticket(
        requester=other_worker,
        kind="incident",
        title="Payroll export fails",
        channel="email",
        priority="high",
        actor=agent,
        at=at(2, 7, 30),
    )
    # Medium, opened Tuesday 15:00 and acknowledged: resolution counts
    # 120 min on Tuesday, the other 360 from 09:00 today, due 15:00.
    vpn = services.open_ticket(
        requester=other_worker,
        kind="incident",
        title="VPN drops every hour",
        priority="medium",
        actor=other_worker,
        at=at(1, 15, 0),
    )
    services.acknowledge(vpn, agent, at=at(1, 15, 20))
    services.assign(vpn, agent, agent, at=at(1, 15, 20))
    keyboard = services.open_ticket(
        requester=other_worker,
        kind="request",
        title="New keyboard",
        priority="low",
        actor=other_worker,
        at=at(1, 10, 0),
    )
    services.wait_on_worker(keyboard, agent, "Which layout?", at=at(1, 10, 30))
    return {"payroll": payroll, "vpn": vpn, "keyboard": keyboard}


def sign_out(page: Page) -> None:
    page.context.clear_cookies()


def test_worker_asks_agent_resolves_worker_sees_it(
    worker: Worker,
    agent: Worker,
    busy_morning: dict[str, Ticket],
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    worker.time_zone = "UTC"
    worker.save(update_fields=["time_zone"])
    with time_machine.travel(NOW, tick=True):
        page = sign_in(worker.username)
        page.set_viewport_size(DESKTOP)

        # The worker asks, without a mouse.
        tab_to(page, "Something else")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/portal/ask/$"))
        # Tab reaches a radio group at its first answer; the arrow keys
        # move to, and choose, the next.
        tab_to(page, "I need something")
        page.keyboard.press("ArrowDown")
        assert focused_name(page) == "Something is broken"
        tab_to(page, "Title")
        page.keyboard.type(TITLE)
        page.keyboard.press("Tab")
        assert focused_name(page) == "Description"
        page.keyboard.type("Every page comes out white since this morning.")
        tab_to(page, "Just me")
        page.keyboard.press("Space")
        tab_to(page, "Yes, it can wait a little")
        page.keyboard.press("Space")
        tab_to(page, "Send to the IT team")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/portal/tickets/\d+/$"))
        ticket = Ticket.objects.get(title=TITLE)
        sign_out(page)

        # The agent finds it in the queue, between the others by due.
        page = sign_in(agent.username)
        expect(page).to_have_url(re.compile(r"/desk/$"))
        rows = page.locator("table.queue tbody tr")
        expect(rows).to_have_count(4)
        expect(rows.nth(0)).to_have_class("breached-row")
        expect(rows.nth(0)).to_contain_text("Breached")
        expect(rows.nth(0)).to_contain_text("Payroll export fails")
        expect(rows.nth(1)).to_contain_text(TITLE)
        # A few seconds have ticked since 09:40, so 5 h 19 min and some.
        expect(rows.nth(2)).to_contain_text(re.compile(r"due in 5 h (20|19) min"))
        expect(rows.nth(2)).not_to_contain_text("Breached")
        expect(rows.nth(3)).to_contain_text("paused (waiting on worker)")

        page.set_viewport_size(PHONE)
        page.screenshot(path="/tmp/desk-queue-phone.png")
        page.set_viewport_size(DESKTOP)

        # And works it by keyboard.
        tab_to(page, ticket.reference)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"/desk/tickets/{ticket.number}/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(
            f"{ticket.reference} {TITLE}"
        )
        tab_to(page, "Acknowledge")
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_have_text(
            f"{ticket.reference} acknowledged."
        )
        page.screenshot(path="/tmp/desk-ticket.png")

        tab_to(page, "Resolve")
        page.keyboard.press("Enter")
        tab_to(page, "Resolution message to the worker (optional)")
        page.keyboard.type(RESOLUTION)
        tab_to(page, "Resolve ticket")
        page.keyboard.press("Enter")
        expect(page.get_by_role("status")).to_have_text(f"{ticket.reference} resolved.")
        sign_out(page)

        # The worker comes back and reads the resolution.
        page = sign_in(worker.username)
        page.goto(f"{live_server.url}/portal/tickets/{ticket.number}/")
        expect(page.get_by_text(RESOLUTION)).to_be_visible()
        expect(page.get_by_role("heading", name="Is it fixed?")).to_be_visible()

    ticket.refresh_from_db()
    assert ticket.status == "resolved"
    assert [event.type for event in ticket.events.order_by("at", "id")] == [
        "opened",
        "acknowledged",
        "resolved",
    ]
    assert ticket.response_outcome == "met"


# A 200-character title and a 100,000-character comment, neither with a
# space: a pasted token or a log line. Each must wrap, not widen the page.
LONG_TITLE = "x" * 200
LONG_COMMENT = "y" * 100_000

WIDTHS = """() => ({
    page: document.scrollingElement.scrollWidth,
    window: window.innerWidth,
    tables: [...document.querySelectorAll(".table-scroll")]
        .filter((box) => box.scrollWidth > box.clientWidth)
        .map((box) => box.scrollWidth),
})"""


def widths(page: Page, viewport: ViewportSize) -> dict[str, Any]:
    page.set_viewport_size(viewport)
    return dict(page.evaluate(WIDTHS))


def test_long_words_do_not_widen_the_desk(
    worker: Worker, agent: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    with time_machine.travel(NOW, tick=False):
        ticket = services.open_ticket(
            requester=worker,
            kind="incident",
            title=LONG_TITLE,
            description=LONG_COMMENT,
            priority="medium",
            actor=worker,
        )
        services.reply(ticket, agent, LONG_COMMENT)
        services.worker_comment(ticket, worker, LONG_COMMENT)

    with time_machine.travel(NOW, tick=True):
        page = sign_in(agent.username)
        expect(page.locator("table.queue")).to_contain_text(LONG_TITLE)
        queue = widths(page, DESKTOP)
        queue_on_phone = widths(page, PHONE)

        page.goto(f"{live_server.url}/desk/tickets/{ticket.number}/")
        expect(page.get_by_role("heading", level=1)).to_contain_text(LONG_TITLE)
        ticket_page = widths(page, DESKTOP)
        ticket_on_phone = widths(page, PHONE)

    # On a desktop neither the page nor a table's own scrolling box is
    # wider than the window: the queue and the history fit as they are.
    for seen in (queue, ticket_page):
        assert seen["window"] == 1280
        assert seen["page"] <= seen["window"]
        assert seen["tables"] == []
    # On a phone the queue's six columns may scroll inside their box, by
    # design, but the page itself never scrolls sideways.
    for seen in (queue_on_phone, ticket_on_phone):
        assert seen["window"] == 390
        assert seen["page"] <= seen["window"]
