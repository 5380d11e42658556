"""The weekly review on a phone: no sideways scrolling, named charts."""

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect

from credence.workers.models import Worker
from tests.browser.test_tables_on_a_phone import the_week_on_a_phone
from tests.review.conftest import WEEK

PHONE_WIDTH = 390


def test_review_fits_a_phone_and_names_its_charts(
    worker: Worker,
    agent: Worker,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    page = the_week_on_a_phone(
        sign_in,
        worker,
        agent,
        agent,
        f"{live_server.url}/desk/review/?week={WEEK}",
        {"width": PHONE_WIDTH, "height": 844},
    )

    charts = page.get_by_role("img")
    expect(charts).to_have_count(3)
    expect(
        page.get_by_role(
            "img", name="Response compliance against target by priority, Week 10"
        )
    ).to_be_visible()
    expect(
        page.get_by_role("img", name="Tickets opened by channel, the 12 weeks")
    ).to_be_visible()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= PHONE_WIDTH
    page.get_by_role("link", name="Week 2026-W09").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/desk/review/?week=2026-W09")
