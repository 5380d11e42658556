"""A worker asks the assistant, gets no answer, and asks for a person.

With the keyboard alone on a 360-pixel-wide screen: the answer arrives in
the live region without a reload, "Talk to a person" opens the catalog's
request form filled in, and sending it opens a ticket with the
conversation attached.
"""

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from credence.assistant.models import Conversation, Outcome
from credence.workers.models import Worker
from tests.browser.conftest import tab_to

NARROW = {"width": 360, "height": 740}
QUESTION = "Where do I park my bike?"

pytestmark = pytest.mark.usefixtures("business_hours_in_utc")


def serious_problems(page: Page) -> list[str]:
    results = Axe().run(page).response["violations"]
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results
        if violation["impact"] in ("serious", "critical")
    ]


def test_no_answer_then_talk_to_a_person_opens_the_filled_in_form(
    worker: Worker, sign_in: Callable[[str], Page], live_server: object
) -> None:
    page = sign_in(worker.username)
    page.set_viewport_size(NARROW)
    page.goto(f"{page.url.split('/portal/')[0]}/portal/assistant/")

    tab_to(page, "Your question")
    page.keyboard.type(QUESTION)
    tab_to(page, "Send")
    page.keyboard.press("Enter")

    live = page.locator("#assistant-turns")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live.locator("li")).to_have_count(2)
    expect(live.locator("li").nth(1)).to_contain_text(
        "I could not find anything that answers this"
    )
    # The box is emptied for the next message; the page did not reload, yet
    # the buttons for the conversation now there came with the answer.
    expect(page.locator("#id_text")).to_have_value("")
    expect(page.get_by_role("button", name="This solved it")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= NARROW["width"]
    assert serious_problems(page) == []

    tab_to(page, "Talk to a person")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/portal/request/question/\?"))
    expect(page.locator("#id_title")).to_have_value(QUESTION)
    expect(page.locator("#id_description")).to_have_value(
        f"What I asked the assistant:\n- {QUESTION}"
    )
    conversation = Conversation.objects.get(worker=worker)
    expect(page.locator('input[name="conversation"]')).to_have_value(
        str(conversation.pk)
    )

    page.locator("#id_title").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/portal/tickets/\d+/$"))

    conversation.refresh_from_db()
    assert conversation.outcome == Outcome.HANDED_OFF
    assert conversation.ticket is not None
    assert page.url.endswith(f"/portal/tickets/{conversation.ticket.number}/")
