"""Leads edit objectives and calendars in the admin; bad values say why."""

from typing import Any

import pytest
from django.test import Client

from credence.slo.models import Calendar, Objective
from credence.workers.models import Worker
from tests.conftest import signed_in


def objective_form(objective: Objective, **changes: Any) -> dict[str, Any]:
    data = {
        "priority": objective.priority,
        "response_minutes": objective.response_minutes,
        "response_calendar": objective.response_calendar_id,
        "response_target": objective.response_target,
        "resolution_minutes": objective.resolution_minutes,
        "resolution_calendar": objective.resolution_calendar_id,
        "resolution_target": objective.resolution_target,
        "warn_at": objective.warn_at,
    }
    data.update(changes)
    return data


def calendar_form(calendar: Calendar, **changes: Any) -> dict[str, Any]:
    windows = list(calendar.windows.all())
    data: dict[str, Any] = {
        "name": calendar.name,
        "kind": calendar.kind,
        "time_zone": calendar.time_zone,
        "holiday_country": calendar.holiday_country,
        "holiday_subdivision": calendar.holiday_subdivision,
        "windows-TOTAL_FORMS": len(windows),
        "windows-INITIAL_FORMS": len(windows),
        "windows-MIN_NUM_FORMS": 0,
        "windows-MAX_NUM_FORMS": 1000,
        "closed_days-TOTAL_FORMS": 0,
        "closed_days-INITIAL_FORMS": 0,
        "closed_days-MIN_NUM_FORMS": 0,
        "closed_days-MAX_NUM_FORMS": 1000,
    }
    for index, window in enumerate(windows):
        prefix = f"windows-{index}-"
        data[prefix + "id"] = window.pk
        data[prefix + "calendar"] = calendar.pk
        data[prefix + "weekday"] = window.weekday
        data[prefix + "opens"] = window.opens.strftime("%H:%M")
        data[prefix + "closes"] = (
            window.closes.strftime("%H:%M") if window.closes else ""
        )
    data.update(changes)
    return data


def objective_url(objective: Objective) -> str:
    return f"/admin/slo/objective/{objective.pk}/change/"


def calendar_url(calendar: Calendar) -> str:
    return f"/admin/slo/calendar/{calendar.pk}/change/"


@pytest.fixture
def medium(db: None) -> Objective:
    return Objective.objects.get(priority="medium")


@pytest.fixture
def business(db: None) -> Calendar:
    return Calendar.objects.get(name="Business hours")


def test_the_founding_objectives_are_there_from_the_start(db: None) -> None:
    table = {
        objective.priority: (
            objective.response_minutes,
            objective.response_calendar.name,
            objective.resolution_minutes,
            objective.resolution_calendar.name,
            objective.response_target,
            objective.resolution_target,
        )
        for objective in Objective.objects.select_related(
            "response_calendar", "resolution_calendar"
        )
    }

    always, business = "Round the clock", "Business hours"
    assert table == {
        "highest": (15, always, 120, always, 0.8, 0.8),
        "high": (15, always, 240, always, 0.8, 0.8),
        "medium": (60, business, 480, business, 0.8, 0.8),
        "low": (60, business, 960, business, 0.8, 0.8),
        "lowest": (120, business, 1920, business, 0.8, 0.8),
    }


def test_a_lead_changes_a_target(lead: Worker, medium: Objective) -> None:
    response = signed_in(lead).post(
        objective_url(medium), objective_form(medium, response_target="0.9")
    )

    assert response.status_code == 302
    medium.refresh_from_db()
    assert medium.response_target == 0.9


def test_a_target_above_one_says_what_to_fix(lead: Worker, medium: Objective) -> None:
    response = signed_in(lead).post(
        objective_url(medium), objective_form(medium, response_target="80")
    )

    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 1.0." in response.text
    medium.refresh_from_db()
    assert medium.response_target == 0.8


@pytest.mark.parametrize("persona", ["worker", "agent"])
def test_only_leads_reach_the_objectives(
    persona: str, request: pytest.FixtureRequest, medium: Objective
) -> None:
    person: Worker = request.getfixturevalue(persona)

    response = signed_in(person).get(objective_url(medium))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_bad_time_zone_says_what_to_use(lead: Worker, business: Calendar) -> None:
    response = signed_in(lead).post(
        calendar_url(business), calendar_form(business, time_zone="Europe/Atlantis")
    )

    assert response.status_code == 200
    assert (
        "Europe/Atlantis is not an IANA time zone. Use a name such as "
        "Europe/Berlin or America/New_York." in response.text
    )


def test_an_unknown_holiday_country_says_what_to_use(
    lead: Worker, business: Calendar
) -> None:
    response = signed_in(lead).post(
        calendar_url(business), calendar_form(business, holiday_country="XX")
    )

    assert response.status_code == 200
    assert "XX is not a country the holidays package knows." in response.text


def test_a_business_calendar_keeps_at_least_one_window(
    lead: Worker, business: Calendar
) -> None:
    data = calendar_form(business)
    for index in range(business.windows.count()):
        data[f"windows-{index}-DELETE"] = "on"

    response = signed_in(lead).post(calendar_url(business), data)

    assert response.status_code == 200
    assert "A business-hours calendar needs at least one opening window" in (
        response.text
    )
    assert business.windows.count() == 5


def test_a_lead_picks_a_holiday_country(lead: Worker, business: Calendar) -> None:
    response = signed_in(lead).post(
        calendar_url(business), calendar_form(business, holiday_country="DE")
    )

    assert response.status_code == 302
    business.refresh_from_db()
    assert business.holiday_country == "DE"


def test_a_window_closing_before_it_opens_is_refused(
    lead: Worker, business: Calendar
) -> None:
    data = calendar_form(business, **{"windows-0-closes": "08:00"})

    response = signed_in(lead).post(calendar_url(business), data)

    assert response.status_code == 200
    assert "A window must close after it opens" in response.text


def test_anonymous_visitors_are_sent_to_sign_in(medium: Objective) -> None:
    response = Client().get(objective_url(medium))

    assert response.status_code == 302


def test_an_objective_longer_than_ninety_days_is_refused(
    lead: Worker, medium: Objective
) -> None:
    response = signed_in(lead).post(
        objective_url(medium), objective_form(medium, response_minutes="9999999999")
    )

    assert response.status_code == 200
    # 90 days of 1,440 minutes.
    assert "Ensure this value is less than or equal to 129600." in response.text
    medium.refresh_from_db()
    assert medium.response_minutes == 60


def test_resolution_cannot_be_due_before_the_response(
    lead: Worker, medium: Objective
) -> None:
    response = signed_in(lead).post(
        objective_url(medium), objective_form(medium, resolution_minutes="30")
    )

    assert response.status_code == 200
    assert (
        "Resolving cannot be due before the first response: give at least as "
        "many minutes as the response objective (60)." in response.text
    )


@pytest.mark.parametrize("opens", ["9am", "25:00", ""])
def test_a_mistyped_window_says_so_instead_of_failing(
    lead: Worker, business: Calendar, opens: str
) -> None:
    data = calendar_form(business, **{"windows-0-opens": opens})

    response = signed_in(lead).post(calendar_url(business), data)

    assert response.status_code == 200
    assert ("Enter a valid time." in response.text) or (
        "This field is required." in response.text
    )


def test_a_region_without_a_city_is_not_a_time_zone(
    lead: Worker, business: Calendar
) -> None:
    response = signed_in(lead).post(
        calendar_url(business), calendar_form(business, time_zone="America")
    )

    assert response.status_code == 200
    assert "America is not an IANA time zone." in response.text
