"""Searching and reading an article by keyboard alone, on a phone's width."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credence.workers.models import Worker
from tests.browser.conftest import (
    CHROMIUM,
    browser_type_launch_args,
    find_axe_violations,
    focused_name,
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


def test_the_desk_article_list_fits_a_phone(
    transactional_db: None, agent: Worker, live_server: Any, page: Page
) -> None:
    for number in range(3):
        write(
            f"Reconnect the conference room display adapter number {number}",
            "Unplug the adapter and plug it in again.",
            slug=f"reconnect-the-conference-room-display-adapter-{number}",
        )
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
    sign_in_by_keyboard(page, live_server.url, agent.username)
    page.goto(f"{live_server.url}/desk/knowledge/")

    widest = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > innerWidth + 1)
            .map(e => e.tagName + '.' + e.className).slice(0, 8)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH, widest
    expect(page.get_by_role("link", name="Write an article")).to_be_visible()


def test_the_suggestions_stay_one_line_and_one_tab_on_a_phone(
    transactional_db: None, worker: Worker, live_server: Any, page: Page
) -> None:
    for number in range(5):
        write(
            f"Printer tray {number} jams halfway through a page",
            "Open the tray, pull the jammed paper straight out and close it. "
            "Never use force on the rollers; call the IT team if it tears.",
            slug=f"tray-{number}",
        )
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
    sign_in_by_keyboard(page, live_server.url, worker.username)
    page.goto(f"{live_server.url}/portal/request/something-broken/")

    page.locator("#id_title").fill("printer tray jams")
    page.locator("#id_title").dispatch_event("input")
    count = page.locator("#knowledge-suggestions-count")
    expect(count).to_have_text("3 articles that may answer this")

    panel = page.locator(".knowledge-suggestions").bounding_box()
    assert panel is not None and panel["height"] <= 120
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    # Folded, the panel is one stop for the keyboard: its summary.
    summary = page.locator(".knowledge-suggestions summary")
    summary.focus()
    page.keyboard.press("Tab")
    assert focused_name(page) == "Send to the IT team"

    summary.focus()
    page.keyboard.press("Enter")
    links = page.locator(".knowledge-suggestion-list a")
    expect(links).to_have_count(3)
    opened = page.locator(".knowledge-suggestions").bounding_box()
    assert opened is not None and opened["height"] <= 360
    assert find_axe_violations(page) == []

    with page.context.expect_page() as new_tab:
        links.first.click()
    article = new_tab.value
    article.wait_for_load_state()
    article.get_by_role("button", name="This solved it").click()
    expect(
        article.get_by_text(
            "The request you started in the other tab was not sent. "
            "You can close that tab."
        )
    ).to_be_visible()
