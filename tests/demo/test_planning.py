"""The demo's plan at its default size, without the database.

Planning the default demo takes a fraction of a second, so its shape is
checked here in full, while playing it through the domain operations is
checked on a small demo (test_small_demo.py).

The plan is made for Wednesday 4 March 2026, 14:30 UTC, on the founding
table's objectives with business hours Monday to Friday 09:00-17:00 UTC.
"""

import random
import re
from collections import Counter
from datetime import UTC, datetime, time, timedelta
from itertools import pairwise

import pytest

from credence.demo import stories, topics
from credence.demo.people import AGENT, LEAD, WORKER, Person, plan_people
from credence.demo.stories import Story, plan_stories
from credence.slo.calendar import Calendar
from credence.slo.clock import Objective, Target
from credence.slo.objectives import DEFAULT_OBJECTIVES, ROUND_THE_CLOCK_NAME

NOW = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)
START = NOW - timedelta(days=91)
BUSINESS = Calendar(
    time_zone="UTC", hours={day: ((time(9), time(17)),) for day in range(5)}
)
ALWAYS = Calendar(time_zone="UTC")


def objectives() -> dict[str, Objective]:
    def target(minutes: int, calendar: str, pauses: bool) -> Target:
        clock = ALWAYS if calendar == ROUND_THE_CLOCK_NAME else BUSINESS
        return Target(minutes=minutes, calendar=clock, pauses_when_waiting=pauses)

    return {
        priority: Objective(
            response=target(response, response_calendar, False),
            resolution=target(resolution, resolution_calendar, True),
        )
        for priority, (
            response,
            response_calendar,
            resolution,
            resolution_calendar,
        ) in DEFAULT_OBJECTIVES.items()
    }


@pytest.fixture(scope="module")
def people() -> list[Person]:
    return plan_people(random.Random(2026), 50, NOW.date(), "Europe/Lisbon")


@pytest.fixture(scope="module")
def plan() -> list[Story]:
    rng = random.Random(2026)
    planned = plan_people(rng, 50, NOW.date(), "UTC")
    return plan_stories(rng, planned, objectives(), BUSINESS, NOW, 91)


def test_people_have_different_names_and_unique_usernames(
    people: list[Person],
) -> None:
    assert len({person.first_name for person in people}) == 50
    assert len({person.last_name for person in people}) == 50
    assert len({person.username for person in people}) == 50


def test_teams_take_their_share_of_the_people(people: list[Person]) -> None:
    sizes = Counter(person.team for person in people)

    # 46 served workers over team sizes 14 + 11 + 8 + 7 + 6 = 46, exactly;
    # and the IT team of a lead and three agents.
    assert sizes == {
        "Engineering": 14,
        "Sales": 11,
        "Finance": 8,
        "Operations": 7,
        "People": 6,
        "IT": 4,
    }
    roles = Counter(person.role for person in people)
    assert roles == {WORKER: 46, AGENT: 3, LEAD: 1}


def test_most_are_employees_and_some_are_not(people: list[Person]) -> None:
    kinds = Counter(person.kind for person in people)

    # Of 46 served: 10% contractors (5), 6% temps (3), 5% interns (2),
    # less any drawn to manage a team, who are employees.
    assert 3 <= kinds["contractor"] <= 5
    assert 1 <= kinds["temp"] <= 3
    assert 0 <= kinds["intern"] <= 2
    assert kinds["employee"] >= 40


def test_agency_people_have_the_agency_domain(people: list[Person]) -> None:
    for person in people:
        agency = person.kind in ("contractor", "temp")
        domain = "example.org" if agency else "example.test"
        assert person.email == f"{person.username}@{domain}"


def test_remote_workers_are_few_and_away_from_the_office(
    people: list[Person],
) -> None:
    remote = [person for person in people if person.time_zone]

    assert 1 <= len(remote) <= 10
    assert all(person.time_zone != "Europe/Lisbon" for person in remote)
    assert all(person.role == WORKER for person in remote)


def test_managers_are_employees_and_the_lead_manages_the_agents(
    people: list[Person],
) -> None:
    by_name = {person.username: person for person in people}
    managers = {person.manager for person in people} - {None}

    assert all(by_name[name].kind == "employee" for name in managers)
    lead = next(person for person in people if person.role == LEAD)
    agents = [person for person in people if person.role == AGENT]
    assert all(agent.manager == lead.username for agent in agents)


def test_working_days_bring_8_to_15_tickets_and_other_days_at_most_2(
    plan: list[Story],
) -> None:
    per_day = Counter(story.opened_at.date() for story in plan)
    # The first and last days are cut at 14:30, so only whole days count.
    first, last = START.date(), NOW.date()
    day = first + timedelta(days=1)
    while day < last:
        if day.weekday() < 5:
            assert 8 <= per_day[day] <= 15, day
        else:
            assert per_day[day] <= 2, day
        day += timedelta(days=1)


def test_every_step_is_after_the_opening_in_order_and_not_after_now(
    plan: list[Story],
) -> None:
    assert all(START <= story.opened_at <= NOW for story in plan)
    assert [story.opened_at for story in plan] == sorted(s.opened_at for s in plan)
    for story in plan:
        instants = [story.opened_at, *(step.at for step in story.steps)]
        assert all(earlier <= later for earlier, later in pairwise(instants))
        assert instants[-1] <= NOW


def test_every_turn_of_a_story_happens_somewhere(plan: list[Story]) -> None:
    actions = {step.action for story in plan for step in story.steps}

    assert actions == {
        stories.ACKNOWLEDGE,
        stories.REPLY,
        stories.AUTOMATIC,
        stories.NOTE,
        stories.ASSIGN,
        stories.CHANGE_PRIORITY,
        stories.WAIT,
        stories.WORKER_COMMENT,
        stories.RESOLVE,
        stories.REOPEN,
        stories.CLOSE,
    }


def test_most_resolved_tickets_are_closed_by_their_worker(plan: list[Story]) -> None:
    closers = Counter(
        "worker" if step.actor == story.requester else "desk"
        for story in plan
        for step in story.steps
        if step.action == stories.CLOSE
    )
    resolved = sum(
        1 for story in plan if any(s.action == stories.RESOLVE for s in story.steps)
    )

    assert closers["worker"] > 2 * closers["desk"] > 0
    assert closers["worker"] > resolved / 2


def test_priorities_are_mostly_medium_and_low(plan: list[Story]) -> None:
    priorities = Counter(story.priority for story in plan)

    assert priorities["medium"] + priorities["low"] > 0.6 * len(plan)
    assert 0 < priorities["highest"] < 0.05 * len(plan)


def test_side_channels_are_logged_by_the_desk_in_office_hours(
    plan: list[Story],
) -> None:
    side = [story for story in plan if story.channel != "portal"]

    assert {story.channel for story in side} == {"email", "chat", "phone", "walk-up"}
    for story in side:
        assert story.opened_by != story.requester
        assert story.opened_at.weekday() < 5
        assert time(9) <= story.opened_at.time() < time(17)


def test_the_newest_portal_tickets_wait_for_a_first_response(
    plan: list[Story],
) -> None:
    portal = [
        story
        for story in plan
        if story.channel == "portal" and story.priority not in ("high", "highest")
    ]
    newest, before = portal[-8:], portal[-9]

    for story in newest:
        assert {step.action for step in story.steps} <= {stories.AUTOMATIC}
    assert any(step.action != stories.AUTOMATIC for step in before.steps)


def test_titles_and_descriptions_belong_to_the_same_ask(plan: list[Story]) -> None:
    def pattern(text: str) -> re.Pattern[str]:
        # A detail in braces may be any words.
        return re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(text)))

    asks = [
        (pattern(ask.title), pattern(ask.description))
        for topic in topics.TOPICS
        for ask in topic.asks
    ]
    for story in plan:
        assert any(
            title.fullmatch(story.title) and description.fullmatch(story.description)
            for title, description in asks
        ), story.title


def test_interns_and_temps_ask_only_once_they_have_started(
    plan: list[Story],
) -> None:
    rng = random.Random(2026)
    started = {
        person.username: person.start_date
        for person in plan_people(rng, 50, NOW.date(), "UTC")
    }

    for story in plan:
        assert started[story.requester] <= story.opened_at.date()


def test_the_plan_is_the_same_for_the_same_seed(plan: list[Story]) -> None:
    rng = random.Random(2026)
    again = plan_stories(
        rng,
        plan_people(rng, 50, NOW.date(), "UTC"),
        objectives(),
        BUSINESS,
        NOW,
        91,
    )

    assert again == plan
