"""Tables on a phone, 360 px wide: no word is cut in two, a table wider
than the window scrolls inside its own box, and the keyboard reaches every
such box. The tickets are week 10 of 2026 (see tests/review/conftest.py),
read by a lead, who sees the publication's tables too.
"""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, ViewportSize

from credence.workers.models import Worker
from tests.browser.conftest import MAX_TABS
from tests.review.conftest import WEEK, tell_the_week

PHONE: ViewportSize = {"width": 360, "height": 780}
PAGES = {
    "queue": "/desk/",
    "metrics": "/desk/metrics/?month=2026-03",
    "review": f"/desk/review/?week={WEEK}",
    "publication": "/desk/publish/?month=2026-03",
}

# Every word of every table cell on the page that the browser drew on more
# than one line: a Range over the word has a box per line it lies on.
CUT_WORDS = """() => {
    const cut = [];
    for (const cell of document.querySelectorAll("main td, main th")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const tops = new Set(
                    [...range.getClientRects()].map((box) => Math.round(box.top))
                );
                if (tops.size > 1) cut.push(match[0]);
            }
        }
    }
    return cut;
}"""

REGIONS = """() => [...document.querySelectorAll(".table-scroll")].map((box) => {
    const by = box.getAttribute("aria-labelledby");
    const named = by ? document.getElementById(by) : null;
    return {
        role: box.getAttribute("role"),
        name: box.getAttribute("aria-label") || (named ? named.innerText : ""),
        scrolls: box.scrollWidth > box.clientWidth,
    };
})"""

FOCUSED_REGION = """() => {
    const el = document.activeElement;
    if (!el || !el.classList.contains("table-scroll")) return null;
    return [...document.querySelectorAll(".table-scroll")].indexOf(el);
}"""


def the_week_on_a_phone(
    sign_in: Callable[[str], Page],
    worker: Worker,
    agent: Worker,
    reader: Worker,
    url: str,
    viewport: ViewportSize = PHONE,
) -> Page:
    """The review's week told (which sets up the default objectives), and
    `url` opened by `reader` in a window the size of a phone.
    """
    tell_the_week(worker, agent)
    page = sign_in(reader.username)
    page.set_viewport_size(viewport)
    page.goto(url)
    return page


def _regions_reached_by_tab(page: Page, count: int) -> set[int]:
    reached: set[int] = set()
    # Every control on these pages, links and fields included, within a
    # generous bound: each region must be a stop on the way.
    for _ in range(MAX_TABS * 6):
        page.keyboard.press("Tab")
        index = page.evaluate(FOCUSED_REGION)
        if index is not None:
            reached.add(int(index))
        if len(reached) == count:
            break
    return reached


@pytest.mark.parametrize("name", list(PAGES))
def test_tables_on_a_phone_cut_no_word_and_scroll_by_keyboard(
    name: str,
    worker: Worker,
    agent: Worker,
    lead: Worker,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    page = the_week_on_a_phone(
        sign_in, worker, agent, lead, live_server.url + PAGES[name]
    )
    # A table folded away in <details> is measured as its reader sees it,
    # once unfolded.
    page.evaluate("document.querySelectorAll('details').forEach((d) => d.open = true)")
    regions = page.evaluate(REGIONS)

    assert page.evaluate(CUT_WORDS) == []
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert regions, "the page has a table in a scrolling box"
    for region in regions:
        assert region["role"] == "region"
        assert region["name"].strip()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert _regions_reached_by_tab(page, len(regions)) == set(range(len(regions)))


def test_the_queue_scrolls_sideways_from_the_keyboard(
    worker: Worker,
    agent: Worker,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    page = the_week_on_a_phone(
        sign_in, worker, agent, agent, live_server.url + PAGES["queue"]
    )
    box = page.locator("#queue-table")

    assert box.evaluate("(box) => box.scrollWidth > box.clientWidth")
    box.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")

    # The browser may glide there; fails if it has not moved in 3 seconds.
    page.wait_for_function(
        "document.getElementById('queue-table').scrollLeft > 0", timeout=3000
    )


# Each chart's texts whose drawn box, in the chart's own units, runs past
# the right edge of its viewBox, as Chromium lays them out in its font.
CLIPPED_CHART_TEXT = """() => {
    const clipped = [];
    for (const svg of document.querySelectorAll("svg.chart")) {
        const width = svg.viewBox.baseVal.width;
        for (const text of svg.querySelectorAll("text")) {
            const box = text.getBBox();
            if (box.x < 0 || box.x + box.width > width) {
                clipped.push(text.textContent);
            }
        }
    }
    return clipped;
}"""


def test_review_chart_words_lie_inside_their_drawing(
    worker: Worker,
    agent: Worker,
    sign_in: Callable[[str], Page],
    live_server: Any,
) -> None:
    page = the_week_on_a_phone(
        sign_in, worker, agent, agent, live_server.url + PAGES["review"]
    )

    assert page.locator("svg.chart text").count() > 0
    assert page.evaluate(CLIPPED_CHART_TEXT) == []
