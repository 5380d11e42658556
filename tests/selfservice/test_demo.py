"""The demo's sessions and answers follow the same rules as live ones."""

import random
from datetime import UTC, datetime, timedelta

import pytest

from credence.selfservice.demo import add_to_demo
from credence.selfservice.models import Activity, Satisfaction, Session
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker

NOW = datetime(2026, 3, 31, 17, 0, tzinfo=UTC)


@pytest.fixture
def small_demo(worker: Worker, other_worker: Worker, agent: Worker) -> None:
    # Eight weeks of a ticket every four days for each worker, each
    # resolved two hours after it opened.
    rng = random.Random(3)
    first = NOW - timedelta(days=60)
    for person in (worker, other_worker):
        for day in range(0, 60, 4):
            opened = first + timedelta(days=day, hours=rng.randint(0, 8))
            ticket = services.open_ticket(
                requester=person,
                kind="incident",
                title="Something",
                channel=rng.choice(["portal", "portal", "email", "phone"]),
                priority="medium",
                actor=None,
                at=opened,
            )
            services.resolve(ticket, agent, "Done.", at=opened + timedelta(hours=2))
    people = {p.username: p for p in (worker, other_worker, agent)}
    add_to_demo(random.Random(11), people, NOW.date(), NOW)


def test_each_link_follows_the_seven_day_rule(small_demo: None) -> None:
    sessions = list(Session.objects.all())
    assert sessions
    for session in sessions:
        within = Ticket.objects.filter(
            requester_id=session.worker_id,
            opened_at__gte=session.started_at,
            opened_at__lte=session.last_activity_at + timedelta(days=7),
        ).order_by("opened_at")
        first = within.first()
        assert session.ticket_id == (first.pk if first else None)
        if first is not None:
            assert session.ticket_opened_at == first.opened_at


def test_sessions_are_in_the_past_and_add_up(small_demo: None) -> None:
    for session in Session.objects.all():
        assert session.started_at <= session.last_activity_at < NOW
        counted = session.searches + session.articles + session.conversations
        assert counted == Activity.objects.filter(session=session).count()
        solved = Activity.objects.filter(session=session, solved=True)
        assert solved.count() == (1 if session.solved_at else 0)


def test_there_are_sessions_of_each_kind(small_demo: None) -> None:
    assert Session.objects.filter(solved_at__isnull=False).exists()
    assert Session.objects.filter(solved_at__isnull=True, ticket__isnull=False).exists()
    assert Session.objects.filter(solved_at__isnull=True, ticket__isnull=True).exists()


def test_a_share_of_resolutions_is_answered(small_demo: None) -> None:
    asked = Satisfaction.objects.count()
    answered = Satisfaction.objects.filter(score__isnull=False)

    assert asked == 30
    assert 0 < answered.count() < asked
    for question in answered:
        assert 1 <= question.score <= 5
        assert question.resolved_at < question.answered_at < NOW
