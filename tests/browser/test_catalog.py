"""A worker makes a request from the catalog in a real browser.

From the portal's home, with the keyboard alone: pick the request, answer
a question that brings up another one, pick one of their own devices, send,
and land on the ticket. On a 360-pixel-wide screen the form fits without
sideways scrolling. axe-core finds no serious problem on either page.
"""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credence.catalog.models import TicketRequest
from credence.directory.models import Device
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.browser.conftest import find_axe_violations, focused_name, tab_to

NARROW = {"width": 360, "height": 740}
WIDE = {"width": 1280, "height": 900}
LAPTOP = "Laptop ThinkPad T14 (LT-0042)"

pytestmark = pytest.mark.usefixtures("business_hours_in_utc")


@pytest.fixture
def wanda(worker: Worker) -> Worker:
    Device.objects.create(
        worker=worker, type="laptop", model="ThinkPad T14", serial="LT-0042"
    )
    return worker


def serious_problems(page: Page) -> list[str]:
    return [
        f"{violation['rule']}: {violation['help']}"
        for violation in find_axe_violations(page)
    ]


def test_a_worker_requests_hardware_with_the_keyboard_only(
    wanda: Worker, sign_in: Callable[[str], Page]
) -> None:
    page = sign_in(wanda.username)
    expect(page).to_have_url(re.compile(r"/portal/$"))
    assert serious_problems(page) == []

    tab_to(page, "New or replacement hardware")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/portal/request/hardware/$"))

    replaces = page.get_by_label("Which device does it replace?")
    expect(replaces).to_be_hidden()
    # Tab lands on the first answer of a group none of whose answers is
    # chosen; Space chooses it.
    tab_to(page, "Laptop")
    page.keyboard.press("Space")
    tab_to(page, "Yes")
    page.keyboard.press("Space")
    expect(replaces).to_be_visible()
    expect(page.get_by_text("Only if you answered “Yes” above.")).to_be_visible()
    expect(page.locator(".questions-news")).to_have_text(
        "New question below: Which device does it replace?"
    )
    assert serious_problems(page) == []

    tab_to(page, "Which device does it replace?")
    page.keyboard.press("ArrowDown")
    expect(replaces).to_have_value(LAPTOP)
    tab_to(page, "Send to the IT team")
    assert focused_name(page) == "Send to the IT team"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/portal/tickets/\d+/$"))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "New or replacement hardware: Laptop"
    )
    ticket = Ticket.objects.get()
    expect(page.get_by_role("status").first).to_contain_text(
        f"Sent to the IT team as {ticket.reference}."
    )
    answers = TicketRequest.objects.get(ticket=ticket).answers.all()
    assert [(a.name, a.value) for a in answers] == [
        ("item", "Laptop"),
        ("replacement", "Yes"),
        ("replaces", LAPTOP),
    ]


def test_something_else_opens_a_box_to_type_it(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    page = sign_in(wanda.username)
    page.goto(f"{live_server.url}/portal/request/software-install/")
    other = page.get_by_label("If something else, which one?")
    expect(other).to_be_hidden()

    page.get_by_label("On which device?").select_option("__other__")

    expect(other).to_be_visible()


def test_the_form_fits_a_narrow_phone(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    page = sign_in(wanda.username)
    page.set_viewport_size(NARROW)
    page.goto(f"{live_server.url}/portal/request/password-mfa-reset/")
    page.get_by_label("Email").check()
    page.get_by_label("No", exact=True).check()

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"]
    for name in ("Which account?", "How can the IT team reach you?"):
        box = page.get_by_text(name, exact=True).bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]
    send = page.get_by_role("button", name="Send to the IT team")
    send.scroll_into_view_if_needed()
    expect(send).to_be_in_viewport()
    assert serious_problems(page) == []


def test_the_catalog_pages_pass_the_accessibility_check(
    wanda: Worker, lead: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    page = sign_in(lead.username)
    for path in (
        "/portal/request/",
        "/desk/catalog/",
        "/desk/catalog/hardware/",
        "/desk/catalog/hardware/fields/new/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert serious_problems(page) == [], path


def test_after_a_failed_send_the_keyboard_starts_at_the_error_summary(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    page = sign_in(wanda.username)
    page.goto(f"{live_server.url}/portal/request/hardware/")

    tab_to(page, "Send to the IT team")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing was sent yet.")
    expect(summary).to_be_focused()
    assert serious_problems(page) == []
    # The summary links each problem to its question.
    page.keyboard.press("Tab")
    assert focused_name(page) == "Answer “What do you need?”."
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused_name(page) == "Laptop"
    assert not Ticket.objects.exists()


def _boxes(page: Page) -> dict[str, dict[str, float]]:
    """Where the questions, the articles panel and the button are, at once.

    The panel grows when its articles arrive, so all three are measured in
    one go, after the page has stopped fetching.
    """
    page.wait_for_load_state("networkidle")
    return dict(
        page.evaluate(
            """() => Object.fromEntries(
                [
                    ["questions", ".request-questions"],
                    ["panel", ".knowledge-suggestions"],
                    ["send", ".request-form button[type=submit]"],
                ].map(([name, selector]) => {
                    const box = document.querySelector(selector)
                        .getBoundingClientRect();
                    return [name, {x: box.x, y: box.y, right: box.right,
                                   bottom: box.bottom}];
                })
            )"""
        )
    )


def test_articles_sit_beside_the_questions_on_a_wide_screen(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    page = sign_in(wanda.username)
    page.set_viewport_size(WIDE)
    page.goto(f"{live_server.url}/portal/request/something-broken/")

    boxes = _boxes(page)

    assert boxes["panel"]["x"] >= boxes["questions"]["right"]
    assert boxes["panel"]["y"] < boxes["questions"]["bottom"]


def test_articles_come_after_the_questions_on_a_phone(
    wanda: Worker, sign_in: Callable[[str], Page], live_server: Any
) -> None:
    page = sign_in(wanda.username)
    page.set_viewport_size(NARROW)
    page.goto(f"{live_server.url}/portal/request/something-broken/")

    boxes = _boxes(page)

    assert boxes["questions"]["bottom"] <= boxes["panel"]["y"]
    assert boxes["panel"]["bottom"] <= boxes["send"]["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
