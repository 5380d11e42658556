"""Playwright on Debian's Chromium against pytest-django's live server.

Every test in this folder is marked `browser` and skipped, with the reason,
when /usr/bin/chromium is missing (`.ci/run` installs it). The browser is
never downloaded: Playwright drives the system's Chromium.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD, utc_business_hours

# The live server runs Django in a thread beside Playwright's event loop;
# Django's guard against database calls from async code would trip on it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
HERE = Path(__file__).resolve().parent

# The most Tab presses a test allows itself to reach one control; a page
# needing more would be tiresome to use without a mouse anyway.
MAX_TABS = 40


def pytest_collection_modifyitems(config: pytest.Config, items: list[Any]) -> None:
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is missing: install Debian's chromium package "
        "(.ci/run does) to run the browser tests"
    )
    for item in items:
        if HERE not in Path(str(item.path)).resolve().parents:
            continue
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists():
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    return {
        "executable_path": str(CHROMIUM),
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def focused_name(page: Page) -> str:
    """What a screen reader would announce for the focused element, roughly.

    Its label's text for a form control, otherwise its own text.
    """
    return str(
        page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el) return "";
                if (el.labels && el.labels.length) {
                    return el.labels[0].innerText.trim();
                }
                return (el.innerText || el.value || "").trim();
            }"""
        )
    )


def tab_to(page: Page, name: str | re.Pattern[str], *, backwards: bool = False) -> None:
    """Press Tab until the focused element is called `name`.

    Fails if it takes more than MAX_TABS presses: the control is then not
    reachable from the keyboard in any reasonable way.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        current = focused_name(page)
        if (isinstance(name, str) and current == name) or (
            isinstance(name, re.Pattern) and name.search(current)
        ):
            return
    raise AssertionError(f"{name!r} is not reachable with {MAX_TABS} presses of {key}")


def type_sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in on the sign-in page already open, typing only."""
    # The username box takes the focus on arrival.
    expect(page.locator("#id_username")).to_be_focused()
    page.keyboard.type(username)
    tab_to(page, "Password")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/(portal|desk)/"))


def sign_in_by_keyboard(
    page: Page, base_url: str, username: str, password: str = PASSWORD
) -> None:
    """Sign in through the real sign-in page, typing only."""
    page.goto(f"{base_url}/sign-in/")
    type_sign_in(page, username, password)


def sign_out_in_another_tab(page: Page, base_url: str) -> Page:
    """Sign out in a second tab of the same browser; that tab, signed out.

    The tabs share their cookies, so `page` is signed out too, though it
    still shows what it showed, forms and all.
    """
    other = page.context.new_page()
    other.goto(f"{base_url}/portal/")
    other.get_by_role("button", name=re.compile(r"^Sign out ")).click()
    other.wait_for_url(re.compile(r"/sign-in/"))
    return other


@pytest.fixture
def business_hours_in_utc(transactional_db: None) -> Iterator[None]:
    """The default business calendar, Monday to Friday 09:00-17:00, in UTC."""
    with utc_business_hours():
        yield


@pytest.fixture
def sign_in(live_server: Any, page: Page) -> Callable[[str], Page]:
    """sign_in(username) signs that persona in on `page` by keyboard."""

    def _sign_in(username: str) -> Page:
        sign_in_by_keyboard(page, live_server.url, username)
        return page

    return _sign_in


# axe-core as the axe-playwright-python package ships it, read from disk and
# run inside the page; nothing is fetched while the tests run.
AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
SERIOUS_IMPACTS = ("serious", "critical")


def find_axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it stands.

    Each is its rule, impact and help text, and the selectors of the
    elements that break it, which is what a failing assertion needs to say.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "elements": [" ".join(node["target"]) for node in violation["nodes"]],
        }
        for violation in results["violations"]
        if violation["impact"] in SERIOUS_IMPACTS
    ]


@pytest.fixture
def axe_violations() -> Callable[[Page], list[dict[str, Any]]]:
    """axe_violations(page): the serious and critical accessibility
    violations axe-core finds on the page as it stands."""
    return find_axe_violations
