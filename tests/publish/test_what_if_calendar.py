"""What if the month had run on another calendar or other minutes.

Besides March (see conftest.py), three medium tickets in May 2026, read in
June. 4 May 2026 is a Monday; the zone is UTC; the stored business calendar
is Monday to Friday 09:00-17:00 UTC. Medium: response 60 minutes and
resolution 480 minutes, both in business hours.

A opened Mon 4 May 16:30, acknowledged Tue 5 May 09:00, resolved Tue 12:00.
B opened Tue 5 May 07:00, acknowledged 09:30, resolved 12:00.
C opened Wed 6 May 10:00, acknowledged 12:00, resolved 16:00.

Response minutes, by calendar:
            09-17 (stored)       08-18                 24x7
  A   16:30-17:00 = 30 met   16:30-18:00 90 + Tue   Mon 16:30 to Tue
                             08:00-09:00 60 = 150;  09:00 = 990 breached
                             due Mon 17:30 breached
  B   09:00-09:30 = 30 met   08:00-09:30 = 90; due  07:00-09:30 = 150
                             09:00: breached        breached
  C   10:00-12:00 = 120;     120, breached          120, breached
      due 11:00: breached
  So a longer business day flips A and B from met to breached: 2/3 met
  (66.67%) becomes 0/3 (0%). Medians: 30, 30, 120 -> 30; 90, 120, 150 ->
  120.

Resolution minutes:
            09-17 (stored)          08-18                24x7
  A   30 + 09:00-12:00 180 = 210   90 + 08:00-12:00 240   Mon 16:30 to Tue
                                   = 330                  12:00 = 1170
                                                          breached
  B   09:00-12:00 = 180            08:00-12:00 = 240      07:00-12:00 = 300
  C   10:00-16:00 = 360            360                    360
  Met everywhere but A round the clock. Medians 210; 330; 360.
"""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from credence.errors import InvalidInput
from credence.metrics.periods import parse_month
from credence.publish import remeasure
from credence.tickets import services
from credence.tickets.models import Ticket, TicketEvent, TicketSpan
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.metrics.conftest import open_at
from tests.metrics.expected import AT_MONTH_END

MAY = "/desk/publish/?month=2026-05"
MAY_END = datetime(2026, 6, 1, tzinfo=UTC)
LONGER_DAY = {
    "calendar": "Business hours",
    "hours": "business",
    "opens": "08:00",
    "closes": "18:00",
}


def may(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 5, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def three(worker: Worker, agent: Worker) -> dict[str, Ticket]:
    told = {
        "A": (may(4, 16, 30), may(5, 9), may(5, 12)),
        "B": (may(5, 7), may(5, 9, 30), may(5, 12)),
        "C": (may(6, 10), may(6, 12), may(6, 16)),
    }
    tickets = {}
    for name, (opened, acknowledged, resolved) in told.items():
        ticket = open_at(worker, worker, opened, "medium", "incident", "portal")
        services.acknowledge(ticket, agent, at=acknowledged)
        services.resolve(ticket, agent, at=resolved)
        tickets[name] = ticket
    return tickets


def replayed(values: dict[str, str], month: str = "2026-05") -> dict[str, Any]:
    period = parse_month(month)
    scenario = remeasure.read_scenario(values)
    objectives = remeasure.scenario_objectives(scenario)
    found = remeasure.remeasure_month(period, period.end, objectives)
    return dict(found.metrics)


def medium(figures: dict[str, Any], clock: str) -> dict[str, Any]:
    return dict(figures["by_priority"]["medium"][clock])


def test_nothing_changed_gives_the_stored_figures(march: dict[str, Ticket]) -> None:
    # No scenario at all: every ticket measured again in memory must agree
    # with what its stored span says, figure for figure.
    assert replayed({}, "2026-03") == AT_MONTH_END


def test_a_longer_business_day_breaches_two_responses(
    three: dict[str, Ticket],
) -> None:
    figures = replayed(LONGER_DAY)

    response = medium(figures, "response")
    assert (response["met"], response["breached"]) == (0, 3)
    assert response["compliance"] == 0.0
    assert response["median_minutes"] == 120.0
    assert response["mean_minutes"] == 120.0
    resolution = medium(figures, "resolution")
    assert (resolution["met"], resolution["breached"]) == (3, 0)
    assert resolution["median_minutes"] == 330.0
    # (330 + 240 + 360) / 3
    assert resolution["mean_minutes"] == 310.0
    assert figures["overall"]["volume"] == 3
    assert figures["overall"]["completed"] == 3


def test_the_stored_calendar_gives_the_stored_response_figures(
    three: dict[str, Ticket],
) -> None:
    same_day = {**LONGER_DAY, "opens": "09:00", "closes": "17:00"}

    response = medium(replayed(same_day), "response")

    assert (response["met"], response["breached"]) == (2, 1)
    assert response["compliance"] == 0.6667
    assert response["median_minutes"] == 30.0


def test_round_the_clock_breaches_a_resolution_too(three: dict[str, Ticket]) -> None:
    figures = replayed({"calendar": "Business hours", "hours": "24x7"})

    response = medium(figures, "response")
    assert (response["met"], response["breached"]) == (0, 3)
    # 120, 150, 990
    assert response["median_minutes"] == 150.0
    resolution = medium(figures, "resolution")
    assert (resolution["met"], resolution["breached"]) == (2, 1)
    assert resolution["compliance"] == 0.6667
    # 300, 360, 1170
    assert resolution["median_minutes"] == 360.0


def test_more_minutes_on_the_longer_day_meet_all_three(
    three: dict[str, Ticket],
) -> None:
    # 150 minutes on 08-18: A's due is Tue 09:00 (90 on Monday and 60 on
    # Tuesday), the very instant it was acknowledged, which is still met;
    # B's 90 and C's 120 are within it.
    figures = replayed({**LONGER_DAY, "minutes_medium_response": "150"})

    response = medium(figures, "response")
    assert (response["met"], response["breached"]) == (3, 0)
    assert response["compliance"] == 1.0


def test_another_zone_moves_the_business_day(three: dict[str, Ticket]) -> None:
    # 09:00-17:00 in New York is 13:00-21:00 UTC in May (EDT, UTC-4). A:
    # Mon 16:30-21:00 = 270, due 17:30, breached. B: acknowledged at 09:30
    # UTC, before New York opens: 0, met. C: 10:00-12:00 UTC, 0, met.
    figures = replayed(
        {
            "calendar": "Business hours",
            "hours": "business",
            "opens": "09:00",
            "closes": "17:00",
            "zone": "America/New_York",
        }
    )

    response = medium(figures, "response")
    assert (response["met"], response["breached"]) == (2, 1)
    # 0, 0, 270
    assert response["median_minutes"] == 0.0


def _stored() -> tuple[object, ...]:
    return (
        Ticket.objects.count(),
        TicketEvent.objects.count(),
        TicketSpan.objects.count(),
        list(TicketSpan.objects.order_by("pk").values()),
        list(Ticket.objects.order_by("pk").values()),
    )


def test_the_page_shows_it_beside_the_stored_figures_and_writes_nothing(
    three: dict[str, Ticket], lead: Worker
) -> None:
    client = signed_in(lead)
    before = _stored()
    query = "&".join(f"{name}={value}" for name, value in LONGER_DAY.items())

    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"{MAY}&{query}")

    assert page.status_code == 200
    text = page.content.decode()
    assert "<strong>These figures are hypothetical.</strong>" in text
    assert (
        "under Business hours replaced by business hours, Monday to Friday "
        "08:00-18:00 in UTC" in text
    )
    assert "The month's 3 tickets were measured again" in text
    # Medium response: stored 66.7%, 2 met and 1 breached, median 30;
    # hypothetical 0.0%, 0 and 3, median 120.
    assert (
        "<td>medium response</td>\n        <td>66.7%</td>\n        <td>0.0%</td>\n"
        "        <td>2 / 1</td>\n        <td>0 / 3</td>\n"
        "        <td>30.0 / 120.0</td>\n        <td>80%</td>\n"
        "        <td>missed</td>" in text
    )
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in query["sql"]
    ]
    assert writes == []
    assert _stored() == before


def test_an_agent_is_offered_no_what_if(
    three: dict[str, Ticket], agent: Worker
) -> None:
    query = "&".join(f"{name}={value}" for name, value in LONGER_DAY.items())

    text = signed_in(agent).get(f"{MAY}&{query}").content.decode()

    assert "hypothetical" not in text
    assert 'name="minutes_medium_response"' not in text


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"calendar": "Night shift"},
            "There is no calendar named 'Night shift': choose one of the "
            "calendars listed.",
        ),
        (
            {**LONGER_DAY, "opens": "18:00", "closes": "08:00"},
            "Business hours from 18:00 to 08:00 close before they open: give a "
            "closing time after the opening time.",
        ),
        (
            {**LONGER_DAY, "opens": "8 am"},
            "'8 am' is not an opening time: give it as HH:MM, for example 08:00.",
        ),
        (
            {**LONGER_DAY, "zone": "Mars/Olympus"},
            "'Mars/Olympus' is not a time zone: give an IANA name such as "
            "Europe/Berlin or America/New_York.",
        ),
        (
            {"minutes_medium_response": "0"},
            "'0' is not a number of minutes for the medium response objective: "
            "give minutes from 1 to 527040.",
        ),
    ],
)
def test_bad_input_says_what_to_do(
    db: None, values: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        remeasure.read_scenario(values)

    assert error.value.message == message


def test_a_bad_field_on_the_page_is_a_400_with_the_message(
    three: dict[str, Ticket], lead: Worker
) -> None:
    page = signed_in(lead).get(f"{MAY}&minutes_low_resolution=abc")

    assert page.status_code == 400
    assert (
        "&#x27;abc&#x27; is not a number of minutes for the low resolution "
        "objective" in page.content.decode()
    )


def test_a_month_beyond_the_bound_is_refused(
    three: dict[str, Ticket], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(remeasure, "MAX_TICKETS", 2)

    with pytest.raises(InvalidInput) as error:
        replayed(LONGER_DAY)

    assert error.value.message == (
        "May 2026 has 3 tickets, more than the 2 a what-if measures at a time: "
        "choose a quieter month, or a change to the objectives themselves."
    )
