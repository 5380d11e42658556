"""What the metrics page is asked to show: a period, an as-of instant, and
the page it answers when a choice cannot be shown.
"""

import html
import re
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from credence.metrics.measure import period_metrics
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.metrics.conftest import MID_MONTH, MONTH_END, MONTH_START
from tests.metrics.expected import AT_MID_MONTH
from tests.metrics.test_period_page import URL, rows

# "2026" in full-width digits, which int() would read as 2026.
FULL_WIDTH_2026 = "\uff12\uff10\uff12\uff16"
CHANNELS = {
    "portal": "Portal",
    "assistant": "Assistant",
    "email": "Email",
    "chat": "Chat",
    "phone": "Phone",
    "walk-up": "Walk-up",
    "api": "API",
}
KINDS = {"request": "Request", "incident": "Incident"}
PRIORITIES = ["highest", "high", "medium", "low", "lowest"]
CLOCK_HEADER = (
    "Priority Compliance Target Against target Met Breached Mean minutes Median minutes"
)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _against(clock: dict[str, Any]) -> str:
    if clock["compliance"] is None or clock["target"] is None:
        return "—"
    return "missed" if clock["compliance"] < clock["target"] else "met"


def shown_rows(metrics: dict[str, Any]) -> list[str]:
    """Every table row the page should show for figures in their JSON form."""
    named = [("Overall", metrics["overall"])] + [
        (priority.capitalize(), metrics["by_priority"][priority])
        for priority in PRIORITIES
    ]
    shown = ["Priority Opened Completed Completion rate"]
    shown += [
        f"{name} {f['volume']} {f['completed']} {_percent(f['completion_rate'])}"
        for name, f in named
    ]
    for clock in ("response", "resolution"):
        shown.append(CLOCK_HEADER)
        for name, figures in named:
            c = figures[clock]
            shown.append(
                f"{name} {_percent(c['compliance'])} {_percent(c['target'])} "
                f"{_against(c)} {c['met']} {c['breached']} "
                f"{_minutes(c['mean_minutes'])} {_minutes(c['median_minutes'])}"
            )
    shown.append("Channel Tickets")
    shown += [f"{CHANNELS[key]} {n}" for key, n in metrics["by_channel"].items()]
    shown.append("Kind Tickets")
    shown += [f"{KINDS[key]} {n}" for key, n in metrics["by_kind"].items()]
    shown.append("Tickets Count")
    shown.append(f"Moved to project {metrics['moved_to_project']}")
    shown.append(
        "Project candidates (open longer than the service window) "
        f"{metrics['project_candidates']}"
    )
    return shown


def error_shown(page: str) -> str:
    found = re.search(r'<p class="error" role="alert" id="pick-error">(.*?)</p>', page)
    assert found is not None
    return html.unescape(found[1])


def field(page: str, name: str) -> str:
    """The <input> tag with id pick-NAME."""
    found = re.search(rf'<input id="pick-{name}"[^>]*>', page, re.S)
    assert found is not None
    return " ".join(found[0].split())


def invalid_fields(page: str) -> set[str]:
    return {
        name
        for name in ("month", "week", "as-of")
        if 'aria-invalid="true"' in field(page, name)
    }


def test_as_of_shows_the_figures_period_metrics_gives_at_that_instant(
    agent: Worker, march: dict[str, Ticket]
) -> None:
    response = signed_in(agent).get(
        URL, {"month": "2026-03", "as_of": "2026-03-11T12:00"}
    )
    figures = period_metrics(MONTH_START, MONTH_END, MID_MONTH)

    assert response.status_code == 200
    # AT_MID_MONTH was worked out by hand in expected.py.
    assert figures == AT_MID_MONTH
    assert rows(response) == shown_rows(AT_MID_MONTH)


def test_as_of_is_named_in_the_heading(agent: Worker, march: dict[str, Ticket]) -> None:
    response = signed_in(agent).get(
        URL, {"month": "2026-03", "as_of": "2026-03-11T12:00"}
    )
    page = response.content.decode()

    assert (
        "<h1>Metrics for March 2026, as the tickets stood at 11 Mar 2026 12:00 "
        "(UTC)</h1>"
    ) in page
    assert "as they stood at 11 Mar 2026 12:00 (UTC)." in page
    assert "<title>Metrics for March 2026 · Credence</title>" in page


def test_the_as_of_form_keeps_the_instant_and_carries_the_period(
    agent: Worker, march: dict[str, Ticket]
) -> None:
    page = (
        signed_in(agent)
        .get(URL, {"month": "2026-03", "as_of": "2026-03-11T12:00"})
        .content.decode()
    )

    assert field(page, "as-of") == (
        '<input id="pick-as-of" type="datetime-local" name="as_of" '
        'value="2026-03-11T12:00" aria-describedby="as-of-hint">'
    )
    assert '<input type="hidden" name="month" value="2026-03">' in page
    assert '<a href="?month=2026-03">Use the default instead</a>' in page
    # The neighbours are shown at their own default instant.
    assert '<a href="?month=2026-02" rel="prev">' in page


def test_as_of_with_an_offset_is_shown_in_the_installations_zone(
    agent: Worker, march: dict[str, Ticket]
) -> None:
    # 13:00 at +01:00 is 12:00 UTC, the installation's zone in tests.
    response = signed_in(agent).get(
        URL, {"month": "2026-03", "as_of": "2026-03-11T13:00+01:00"}
    )
    page = response.content.decode()

    assert "as the tickets stood at 11 Mar 2026 12:00 (UTC)</h1>" in page
    assert 'value="2026-03-11T12:00"' in field(page, "as-of")
    assert rows(response) == shown_rows(AT_MID_MONTH)


def test_as_of_without_an_offset_is_read_in_the_installations_zone(
    agent: Worker, settings: Settings
) -> None:
    # Read as UTC, 13:00 would be shown in Paris as 14:00.
    settings.TIME_ZONE = "Europe/Paris"
    page = (
        signed_in(agent)
        .get(URL, {"month": "2026-03", "as_of": "2026-03-11T13:00"})
        .content.decode()
    )

    assert "as the tickets stood at 11 Mar 2026 13:00 (Europe/Paris)</h1>" in page
    assert 'value="2026-03-11T13:00"' in field(page, "as-of")


def test_as_of_with_seconds_keeps_them(agent: Worker) -> None:
    page = (
        signed_in(agent)
        .get(URL, {"month": "2026-03", "as_of": "2026-03-11T12:00:30"})
        .content.decode()
    )

    assert "as the tickets stood at 11 Mar 2026 12:00:30 (UTC)</h1>" in page
    # A datetime-local field steps by the minute unless told otherwise.
    assert 'value="2026-03-11T12:00:30" step="1"' in field(page, "as-of")


def test_an_empty_as_of_is_the_periods_end(
    agent: Worker, march: dict[str, Ticket]
) -> None:
    page = signed_in(agent).get(URL, {"month": "2026-03", "as_of": ""}).content.decode()

    assert "<h1>Metrics for March 2026</h1>" in page
    assert "as they stood at 1 Apr 2026 00:00 (UTC)." in page
    assert 'value=""' in field(page, "as-of")
    assert "Use the default instead" not in page


def test_a_week_as_of_an_instant_in_it(agent: Worker, march: dict[str, Ticket]) -> None:
    response = signed_in(agent).get(
        URL, {"week": "2026-W11", "as_of": "2026-03-11T12:00"}
    )
    found = rows(response)

    # Week 11 is Mon 9 to Sun 15 March. By Wed 11 Mar 12:00 only T5 and T6
    # had been opened in it. T6 is resolved at that instant, T5 reopened:
    # completed 1 of 2 = 50%. Response: T5 45 and T6 10, both met: 100%,
    # mean and median 55 / 2 = 27.5. Resolution: T6 90 met; T5 breached
    # (due Tue 10 Mar 13:00) and running, so no minutes: 50%, mean and
    # median 90.
    assert '<input type="hidden" name="week" value="2026-W11">' in (
        response.content.decode()
    )
    assert "Overall 2 1 50.0%" in found
    assert "Overall 100.0% 80.0% met 2 0 27.50 27.50" in found
    assert "Overall 50.0% 80.0% missed 1 1 90.00 90.00" in found


@pytest.mark.parametrize(
    ("query", "message", "invalid"),
    [
        (
            {"month": "2016-13"},
            "'2016-13' is not a month: give it as YYYY-MM, for example 2016-03.",
            {"month"},
        ),
        (
            {"month": f"{FULL_WIDTH_2026}-11"},
            f"'{FULL_WIDTH_2026}-11' is not a month: give it as YYYY-MM, for "
            "example 2016-03.",
            {"month"},
        ),
        (
            {"month": "0001-01"},
            "'0001-01' is out of range: choose a month between 1900-01 and 9998-12.",
            {"month"},
        ),
        (
            {"month": "9999-12"},
            "'9999-12' is out of range: choose a month between 1900-01 and 9998-12.",
            {"month"},
        ),
        (
            {"week": "2025-W53"},
            "2025 has 52 weeks; choose one from 2025-W01 to 2025-W52.",
            {"week"},
        ),
        (
            {"week": "9999-W52"},
            "'9999-W52' is out of range: choose a week between 1900-W01 and 9998-W53.",
            {"week"},
        ),
        (
            {"week": "2026-W11", "month": "2026-03"},
            "Choose a week or a month, not both.",
            {"month", "week"},
        ),
        (
            {"month": "2026-03", "as_of": "yesterday"},
            "'yesterday' is not an instant: give it in ISO 8601, for example "
            "2016-04-01T00:00:00+00:00.",
            {"as-of"},
        ),
        (
            {"month": "2026-03", "as_of": "0001-01-01T00:00+14:00"},
            "'0001-01-01T00:00+14:00' is out of range: choose an instant between "
            "1900-01-01 00:00 and 9998-12-31 23:59.",
            {"as-of"},
        ),
    ],
)
def test_a_choice_that_cannot_be_shown_gives_the_form_and_why(
    agent: Worker, query: dict[str, str], message: str, invalid: set[str]
) -> None:
    response = signed_in(agent).get(URL, query)
    page = response.content.decode()

    assert response.status_code == 400
    assert "<h1>Metrics</h1>" in page
    assert "<title>Metrics: check your choice · Credence</title>" in page
    assert error_shown(page) == message
    assert invalid_fields(page) == invalid
    assert page.count('<form method="get"') == 3
    assert '<a href="/desk/metrics/">Show this month</a>' in page
    assert "That did not work" not in page
    assert '<h2 id="tickets">' not in page


def test_the_refused_form_keeps_what_was_typed(agent: Worker) -> None:
    page = (
        signed_in(agent)
        .get(URL, {"month": "2026-03", "as_of": "yesterday"})
        .content.decode()
    )

    assert 'value="2026-03"' in field(page, "month")
    assert field(page, "as-of") == (
        '<input id="pick-as-of" type="datetime-local" name="as_of" '
        'value="yesterday" aria-describedby="as-of-hint pick-error" '
        'aria-invalid="true">'
    )
    assert '<input type="hidden" name="month" value="2026-03">' in page


def test_a_refused_period_is_not_carried_by_the_as_of_form(agent: Worker) -> None:
    page = signed_in(agent).get(URL, {"month": "2016-13"}).content.decode()

    assert field(page, "month") == (
        '<input id="pick-month" type="month" name="month" placeholder="2026-11" '
        'value="2016-13" aria-invalid="true" aria-describedby="pick-error">'
    )
    assert '<input type="hidden" name="month"' not in page


def test_a_worker_is_not_told_what_was_wrong(worker: Worker) -> None:
    # The page does not exist for a worker, however it is asked for.
    assert signed_in(worker).get(URL, {"month": "2016-13"}).status_code == 404


def test_the_first_month_links_only_forward(agent: Worker) -> None:
    response = signed_in(agent).get(URL, {"month": "1900-01"})
    page = response.content.decode()

    assert response.status_code == 200
    assert 'rel="prev"' not in page
    assert '<a href="?month=1900-02" rel="next">' in page


def test_the_last_month_and_week_link_only_back(agent: Worker) -> None:
    month = signed_in(agent).get(URL, {"month": "9998-12"})
    week = signed_in(agent).get(URL, {"week": "9998-W53"})

    assert (month.status_code, week.status_code) == (200, 200)
    assert 'rel="next"' not in month.content.decode()
    assert '<a href="?month=9998-11" rel="prev">' in month.content.decode()
    assert 'rel="next"' not in week.content.decode()
    assert '<a href="?week=9998-W52" rel="prev">' in week.content.decode()
