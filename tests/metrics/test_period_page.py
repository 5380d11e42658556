"""The desk's metrics page, per persona, on March 2026's tickets."""

import html
import re
from datetime import UTC, datetime

import time_machine
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in

URL = reverse("metrics:period")


def rows(response: HttpResponse) -> list[str]:
    """Each table row's text, tags dropped and spaces squeezed."""
    found = re.findall(r"<tr[^>]*>(.*?)</tr>", response.content.decode(), re.S)
    return [
        " ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in found
    ]


def test_a_worker_is_told_the_page_does_not_exist(worker: Worker) -> None:
    assert signed_in(worker).get(URL).status_code == 404


def test_signing_in_comes_first(db: None) -> None:
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/sign-in/?next={URL}"


def test_agents_and_leads_see_the_month(
    agent: Worker, lead: Worker, march: dict[str, Ticket]
) -> None:
    for person in (agent, lead):
        response = signed_in(person).get(URL, {"month": "2026-03"})

        assert response.status_code == 200
        assert "<h1>Metrics for March 2026</h1>" in response.content.decode()


def test_the_month_shows_the_figures_beside_their_targets(
    agent: Worker, march: dict[str, Ticket]
) -> None:
    found = rows(signed_in(agent).get(URL, {"month": "2026-03"}))

    # The figures of AT_MONTH_END in expected.py: tickets, then response
    # and resolution, each overall and per priority.
    for row in [
        "Overall 10 8 80.0%",
        "Lowest 1 0 0.0%",
        "Overall 60.0% 80.0% missed 6 4 46.11 40.00",
        "Highest 100.0% 80.0% met 1 0 10.00 10.00",
        "Medium 75.0% 80.0% missed 3 1 53.75 47.50",
        "Overall 50.0% 80.0% missed 4 4 562.50 420.00",
        "Low 100.0% 80.0% met 1 0 660.00 660.00",
        "Lowest — 80.0% — 0 0 — —",
        "Portal 2",
        "Walk-up 1",
        "Request 5",
        "Incident 5",
    ]:
        assert row in found


def test_a_week_is_measured_at_its_end(agent: Worker, march: dict[str, Ticket]) -> None:
    response = signed_in(agent).get(URL, {"week": "2026-W11"})
    found = rows(response)

    # Week 11 is Mon 9 to Sun 15 March; measured at Mon 16 Mar 00:00. In
    # it were opened T5, T6, T10 and T8. T10 (opened Fri 16:00, replied
    # 16:40) is still open: 60 of its 960 business minutes counted.
    # Completed 3 of 4: 75%.
    # Response: met T5 45, T6 10, T10 40; breached T8 20: 3 / 4 = 75% <
    # 80%; mean 115 / 4 = 28.75; median (20 + 40) / 2 = 30.
    # Resolution: met T6 90, T8 120; breached T5 1260; T10 running:
    # 2 / 3 = 66.7%; mean 1470 / 3 = 490; median 120.
    assert "<h1>Metrics for Week 11 of 2026, 9 Mar to 15 Mar 2026</h1>" in (
        response.content.decode()
    )
    assert "Overall 4 3 75.0%" in found
    assert "Overall 75.0% 80.0% missed 3 1 28.75 30.00" in found
    assert "Overall 66.7% 80.0% missed 2 1 490.00 120.00" in found


def test_previous_and_next_periods_are_linked(agent: Worker) -> None:
    page = signed_in(agent).get(URL, {"week": "2026-W01"}).content.decode()

    # ISO week 1 of 2026 starts Mon 29 Dec 2025; 2025 has 52 weeks.
    assert '<a href="?week=2025-W52" rel="prev">' in page
    assert '<a href="?week=2026-W02" rel="next">' in page


def test_without_a_choice_it_shows_this_month_so_far(
    agent: Worker, march: dict[str, Ticket]
) -> None:
    # At Wed 11 Mar 12:00 only T1, T2, T3, T5 and T6 exist; see
    # AT_MID_MONTH in expected.py.
    with time_machine.travel(datetime(2026, 3, 11, 12, tzinfo=UTC), tick=False):
        response = signed_in(agent).get(URL)
    page = response.content.decode()

    assert "<h1>Metrics for March 2026</h1>" in page
    assert "as they stood at 11 Mar 2026 12:00 (UTC)" in page
    assert '<a href="?month=2026-02" rel="prev">' in page
    assert '<a href="?month=2026-04" rel="next">' in page
    assert "Overall 5 4 80.0%" in rows(response)
    assert "Overall 80.0% 80.0% met 4 1 37.00 30.00" in rows(response)
