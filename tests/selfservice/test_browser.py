"""In a real browser, by keyboard alone: the first request from the welcome
page, and the satisfaction question; axe-core finds no serious violation.

Uses Debian's Chromium and the helpers of tests/browser; skipped, with the
reason, where Chromium is missing.
"""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from credence.selfservice.models import Satisfaction
from credence.slo import objectives
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.browser.conftest import (
    CHROMIUM,
    find_axe_violations,
    sign_in_by_keyboard,
    tab_to,
)
from tests.browser.conftest import (
    browser_type_launch_args as browser_type_launch_args,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is missing: install Debian's chromium package",
    ),
]


@pytest.fixture(autouse=True)
def default_objectives(transactional_db: None) -> Iterator[None]:
    objectives.forget_objectives()
    objectives.ensure_defaults()
    yield
    objectives.forget_objectives()


def test_a_new_worker_sends_the_first_request_by_keyboard(
    worker: Worker, page: Page, live_server: Any
) -> None:
    worker.start_date = timezone.localdate()
    worker.save()
    sign_in_by_keyboard(page, live_server.url, worker.username)

    page.goto(f"{live_server.url}/portal/self-service/welcome/")
    assert find_axe_violations(page) == []
    tab_to(page, re.compile(r"^What do you need to get started"))
    page.keyboard.type("A second screen")
    tab_to(page, "Send my first request")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/portal/tickets/\d+/$"))
    ticket = Ticket.objects.get()
    expect(page.get_by_text(f"as {ticket.reference}.")).to_be_visible()
    assert ticket.requester_id == worker.pk


def test_the_requester_rates_a_resolution_by_keyboard(
    worker: Worker, agent: Worker, page: Page, live_server: Any
) -> None:
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Headset crackles",
        priority="medium",
        actor=worker,
    )
    services.resolve(ticket, agent, "New headset on your desk.")
    sign_in_by_keyboard(page, live_server.url, worker.username)

    page.goto(f"{live_server.url}/portal/tickets/{ticket.number}/")
    assert find_axe_violations(page) == []
    tab_to(page, "Very satisfied")
    # Down moves through the answers in order, from 5 towards 1.
    page.keyboard.press("ArrowDown")
    tab_to(page, re.compile(r"^Anything you want to tell the IT team"))
    page.keyboard.type("Quick swap.")
    tab_to(page, "Send my answer")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Thank you for your answer.")).to_be_visible()
    expect(page.locator("#satisfaction")).to_contain_text("You said: Satisfied")
    assert find_axe_violations(page) == []
    answer = Satisfaction.objects.get()
    assert (answer.score, answer.comment) == (4, "Quick swap.")


def test_the_welcome_page_reads_at_phone_width(
    worker: Worker, page: Page, live_server: Any
) -> None:
    worker.start_date = timezone.localdate()
    worker.save()
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in_by_keyboard(page, live_server.url, worker.username)

    page.goto(f"{live_server.url}/portal/self-service/welcome/")

    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= 360
