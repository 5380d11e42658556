"""The weekly review page, per persona, on week 10 of 2026."""

import html
import re
from datetime import UTC, datetime

import time_machine
from django.test import Client
from django.urls import reverse

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.review.conftest import WEEK, at

URL = reverse("review:week")


def _text(content: bytes) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content.decode())).split())


def test_a_worker_is_told_the_page_does_not_exist(worker: Worker) -> None:
    assert signed_in(worker).get(URL).status_code == 404


def test_signing_in_comes_first(db: None) -> None:
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={URL}"


def test_agents_and_leads_see_the_week(
    agent: Worker, lead: Worker, week: dict[str, Ticket]
) -> None:
    for person in (agent, lead):
        response = signed_in(person).get(URL, {"week": WEEK})

        assert response.status_code == 200
        text = _text(response.content)
        assert "Weekly review: Week 10 of 2026, 2 Mar to 8 Mar 2026" in text
        assert "as they stood at 9 Mar 2026 00:00 (UTC)" in text
        assert (
            "7 opened; 3 through the front door (portal or assistant) and 4 "
            "through side channels: 42.9% front door." in text
        )


def test_the_page_lists_breaches_with_their_reasons(
    agent: Worker, week: dict[str, Ticket]
) -> None:
    text = _text(signed_in(agent).get(URL, {"week": WEEK}).content)

    assert "6 tickets opened this week breached." in text
    b, d = week["B"].reference, week["D"].reference
    assert (
        f"{b} A request by email : response breached; waited on assignment, "
        "no response in time." in text
    )
    assert (
        f"{d} A incident by phone : response and resolution breached; no "
        "response in time, priority raised late." in text
    )
    assert f"{week['G'].reference} A request by walk-up , open 13 days" in text
    assert "1 ticket open longer than the service window of 7 days." in text


def test_the_charts_are_named_images(agent: Worker, week: dict[str, Ticket]) -> None:
    content = signed_in(agent).get(URL, {"week": WEEK}).content.decode()

    assert content.count('role="img"') == 3
    assert "Response compliance against target by priority, Week 10 of 2026" in content
    assert "Tickets opened by channel, the 12 weeks to 2026-W10" in content


def test_the_week_links_to_its_neighbours(
    agent: Worker, week: dict[str, Ticket]
) -> None:
    content = signed_in(agent).get(URL, {"week": WEEK}).content.decode()

    assert '<a href="?week=2026-W09" rel="prev">' in content
    assert '<a href="?week=2026-W11" rel="next">' in content


def test_without_a_week_it_is_this_week(agent: Worker) -> None:
    # Wednesday 4 March 2026 is in week 10.
    with time_machine.travel(datetime(2026, 3, 4, 12, tzinfo=UTC), tick=False):
        text = _text(signed_in(agent).get(URL).content)

    assert "Weekly review: Week 10 of 2026, 2 Mar to 8 Mar 2026" in text
    assert "as they stood at 4 Mar 2026 12:00 (UTC)" in text


def test_a_bad_week_is_refused_with_the_expected_form(agent: Worker) -> None:
    response = signed_in(agent).get(URL, {"week": "2026-13"})

    assert response.status_code == 400
    assert (
        "&#x27;2026-13&#x27; is not a week: give it as YYYY-Www, for example 2026-W49."
        in response.content.decode()
    )


def test_a_confidential_title_is_shown_to_no_one(
    agent: Worker, lead: Worker, worker: Worker
) -> None:
    ticket = services.open_ticket(
        requester=worker,
        kind="request",
        title="Grievance about my manager",
        priority="medium",
        channel="phone",
        actor=lead,
        at=at(2, 9),
        confidential=True,
    )

    for person in (agent, lead):
        content = signed_in(person).get(URL, {"week": WEEK}).content.decode()
        assert "Grievance" not in content
    # Only a lead learns which ticket it is; an agent sees it counted.
    seen_by_agent = _text(signed_in(agent).get(URL, {"week": WEEK}).content)
    seen_by_lead = _text(signed_in(lead).get(URL, {"week": WEEK}).content)
    assert ticket.reference not in seen_by_agent
    assert "A confidential ticket" in seen_by_agent
    assert f"{ticket.reference} (confidential)" in seen_by_lead


def test_the_page_counts_tickets_moved_to_project(
    agent: Worker, lead: Worker, week: dict[str, Ticket]
) -> None:
    services.move_to_project(
        week["C"], lead, "PRJ-7 printers", "A fleet change.", at=at(7, 12)
    )

    text = _text(signed_in(agent).get(URL, {"week": WEEK}).content)

    assert "front door. 1 moved to project work by then." in text
    # C breached on Fri at 15:00, before the move: still listed.
    assert "6 tickets opened this week breached." in text
