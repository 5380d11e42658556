"""axe-core finds no serious or critical accessibility violation on the
worker's and the desk's pages: sign-in, the portal's home, the ask form, my
tickets, a portal ticket, the desk queue and a desk ticket.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page

from credence.slo import objectives
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.browser.conftest import type_sign_in

Violations = Callable[[Page], list[dict[str, Any]]]


@pytest.fixture(autouse=True)
def default_objectives(transactional_db: None) -> Iterator[None]:
    objectives.forget_objectives()
    objectives.ensure_defaults()
    yield
    objectives.forget_objectives()


@pytest.fixture
def answered(worker: Worker, agent: Worker) -> Ticket:
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Printer on floor 2 prints blank pages",
        description="Every page comes out white.",
        priority="medium",
        actor=worker,
    )
    services.reply(ticket, agent, "Is the toner cartridge new?")
    services.worker_comment(ticket, worker, "It was changed on Monday.")
    return ticket


def test_pages_have_no_serious_accessibility_violation(
    worker: Worker,
    agent: Worker,
    answered: Ticket,
    page: Page,
    live_server: Any,
    axe_violations: Violations,
) -> None:
    found: dict[str, list[dict[str, Any]]] = {}

    page.goto(f"{live_server.url}/sign-in/")
    found["sign-in"] = axe_violations(page)
    type_sign_in(page, worker.username)
    for name, path in (
        ("portal home", "/portal/"),
        ("ask form", "/portal/ask/"),
        ("my tickets", "/portal/tickets/"),
        ("portal ticket", f"/portal/tickets/{answered.number}/"),
    ):
        page.goto(live_server.url + path)
        found[name] = axe_violations(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/sign-in/")
    type_sign_in(page, agent.username)
    for name, path in (
        ("desk queue", "/desk/"),
        ("desk ticket", f"/desk/tickets/{answered.number}/"),
    ):
        page.goto(live_server.url + path)
        found[name] = axe_violations(page)

    assert {name: seen for name, seen in found.items() if seen} == {}


def test_axe_reports_a_field_without_label_and_an_image_without_text(
    page: Page, axe_violations: Violations
) -> None:
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
        '<body><main><img src="data:,"><input type="text"></main></body></html>'
    )

    found = axe_violations(page)

    assert sorted((v["rule"], v["impact"], v["elements"]) for v in found) == [
        ("image-alt", "critical", ["img"]),
        ("label", "critical", ["input"]),
    ]
