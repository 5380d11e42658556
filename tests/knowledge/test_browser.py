"""Searching and reading an article by keyboard alone, on a phone's width."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credence.workers.models import Worker
from tests.browser.conftest import (
    CHROMIUM,
    browser_type_launch_args,
    find_axe_violations,
    sign_in_by_keyboard,
    tab_to,
)
from tests.knowledge.conftest import write

PHONE_WIDTH = 360

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing"),
]

__all__ = ["browser_type_launch_args"]


def test_a_worker_searches_reads_and_is_helped_by_keyboard_on_a_phone(
    transactional_db: None, worker: Worker, live_server: Any, page: Page
) -> None:
    write(
        "Clear a printer paper jam",
        "Open the front tray and pull the jammed paper straight out.",
        slug="paper-jam",
    )
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
    sign_in_by_keyboard(page, live_server.url, worker.username)
    page.goto(f"{live_server.url}/portal/articles/")

    tab_to(page, "What do you need help with?")
    page.keyboard.type("printer jamed")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/articles/?q=printer+jamed")

    expect(page.locator(".knowledge-excerpt mark").first).to_have_text("jammed")
    assert find_axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    tab_to(page, "Clear a printer paper jam")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/articles/paper-jam/")

    assert find_axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    tab_to(page, "This solved it")
    page.keyboard.press("Enter")
    page.wait_for_url("**/portal/articles/paper-jam/?solved=1")
    expect(page.get_by_text("No ticket was opened;").first).to_be_visible()
