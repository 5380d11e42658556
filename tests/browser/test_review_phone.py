"""The weekly review on a phone: no sideways scrolling, named charts."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from credence.slo import objectives
from credence.workers.models import Worker
from tests.review.conftest import WEEK, tell_the_week

PHONE_WIDTH = 390


@pytest.fixture(autouse=True)
def default_objectives(transactional_db: None) -> Iterator[None]:
    objectives.forget_objectives()
    objectives.ensure_defaults()
    yield
    objectives.forget_objectives()


def test_review_fits_a_phone_and_names_its_charts(
    worker: Worker,
    agent: Worker,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    tell_the_week(worker, agent)
    page = sign_in(agent.username)
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})

    page.goto(f"{live_server.url}/desk/review/?week={WEEK}")

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
