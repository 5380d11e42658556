"""The requester panel and the worker's own page in a real browser, on a
360-pixel-wide screen: nothing wider than the screen, and axe-core finds
no serious problem."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Page, expect

from credence.directory.models import Application, ApplicationAccess, Change, Device
from credence.workers.models import Worker
from tests.desk.conftest import open_for

NARROW = {"width": 360, "height": 740}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path("/usr/bin/chromium").exists(),
        reason="/usr/bin/chromium is missing: install Debian's chromium package",
    ),
    pytest.mark.usefixtures("business_hours_in_utc"),
    pytest.mark.urls("tests.directory.urls"),
]


@pytest.fixture
def recorded(worker: Worker) -> None:
    long_name = "Reporting dashboard for regional quarterly figures"
    ledger = Application.objects.create(name=long_name)
    ApplicationAccess.objects.create(worker=worker, application=ledger, role="approver")
    laptop = Device.objects.create(
        type="laptop",
        model="Meridian Pro 15",
        serial="ME0048213-LONG-SERIAL-WITHOUT-SPACES",
        operating_system="macOS 15.1",
        worker=worker,
    )
    now = timezone.now()
    Change.objects.create(
        reference="CHG-1001",
        summary="Operating system updated to macOS 15.1 on laptop ME0048213",
        happened_at=now - timedelta(days=3),
        device=laptop,
    )
    Change.objects.create(
        reference="CHG-1002",
        summary=f"{long_name} certificate renewed",
        happened_at=now - timedelta(days=1),
        application=ledger,
    )


def serious_problems(page: Page, within: str) -> list[str]:
    results = Axe().run(page, context=within).response["violations"]
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results
        if violation["impact"] in ("serious", "critical")
    ]


def fits(page: Page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= NARROW["width"]
    overflow = page.evaluate(
        "s => { const e = document.querySelector(s); "
        "return e.scrollWidth - e.clientWidth; }",
        selector,
    )
    assert overflow == 0


def test_the_panel_fits_a_phone_for_an_agent(
    worker: Worker,
    agent: Worker,
    recorded: None,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    ticket = open_for(worker, timezone.now() - timedelta(hours=1), "Screen flickers")
    open_for(worker, timezone.now() - timedelta(hours=3), "Dock not charging")
    page = sign_in(agent.username)
    page.set_viewport_size(NARROW)

    page.goto(f"{live_server.url}/desk/tickets/{ticket.number}/")

    panel = page.locator(".requester-context")
    expect(
        panel.get_by_role("heading", name="About Wanda Worker", level=2)
    ).to_be_visible()
    expect(panel.get_by_role("heading", name="Devices", level=3)).to_be_visible()
    expect(panel.get_by_role("link", name="Dock not charging")).to_be_visible()
    fits(page, ".requester-context")
    assert serious_problems(page, ".requester-context") == []


def test_the_workers_own_page_fits_a_phone(
    worker: Worker,
    recorded: None,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    page = sign_in(worker.username)
    page.set_viewport_size(NARROW)

    page.goto(f"{live_server.url}/portal/me/")

    expect(
        page.get_by_role("heading", name="My devices and applications", level=1)
    ).to_be_visible()
    expect(page.get_by_text("Your role: approver")).to_be_visible()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= NARROW["width"]
    assert serious_problems(page, "main") == []
