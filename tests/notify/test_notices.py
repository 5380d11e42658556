"""Warnings at 75% of a target and notices at breach, once per clock cycle."""

from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine

from credence.notify.models import Notice
from credence.slo.models import Objective
from credence.slo.objectives import forget_objectives
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.notify.conftest import at, look, subjects

Opener = Callable[..., Ticket]


def test_warning_is_sent_once_at_three_quarters_of_the_target(
    open_high: Opener, agent: Worker
) -> None:
    open_high(at(10))

    # Response: 15 min round the clock from 10:00; 0.75 x 15 = 11.25 min,
    # so the warning is due at 10:11:15 with 3 min 45 s left: nearest 4.
    assert look(at(10, 11, 14)) == []
    assert subjects(look(at(10, 11, 15))) == [
        "CR-1001 response due in 4 minutes: Printer on fire"
    ]
    assert look(at(10, 12)) == []
    assert look(at(10, 15)) == []


def test_breach_notice_is_sent_once_after_the_due(
    open_high: Opener, agent: Worker
) -> None:
    open_high(at(10))
    look(at(10, 11, 15))

    # Due at 10:15:00; at its due a clock is still running.
    assert look(at(10, 15)) == []
    # 10:16:30 - 10:15 = 1 min 30 s late; half a minute rounds up.
    assert subjects(look(at(10, 16, 30))) == [
        "CR-1001 response breached 2 minutes ago: Printer on fire"
    ]
    assert look(at(10, 20)) == []


@pytest.mark.parametrize(
    ("late", "said"),
    [
        (timedelta(seconds=20), "less than a minute"),
        (timedelta(seconds=59, microseconds=600_000), "1 minute"),
        (timedelta(seconds=60), "1 minute"),
        (timedelta(seconds=89), "1 minute"),
        (timedelta(seconds=90), "2 minutes"),
        (timedelta(minutes=1, seconds=43), "2 minutes"),
    ],
)
def test_lateness_is_said_to_the_nearest_minute(
    open_high: Opener, agent: Worker, late: timedelta, said: str
) -> None:
    open_high(at(10))
    look(at(10, 11, 15))

    # The response was due at 10:15:00, round the clock.
    [notice] = look(at(10, 15) + late)

    assert notice.subject == f"CR-1001 response breached {said} ago: Printer on fire"
    assert f"the response clock breached {said} ago." in notice.body


def test_a_clock_first_seen_beyond_its_due_gets_the_breach_notice_only(
    open_high: Opener, agent: Worker
) -> None:
    open_high(at(10))

    # 10:40 - 10:15 = 25 min late; the resolution clock warns at 13:00.
    assert subjects(look(at(10, 40))) == [
        "CR-1001 response breached 25 minutes ago: Printer on fire"
    ]
    assert list(Notice.objects.values_list("clock", "kind", "cycle")) == [
        ("response", "breach", 0)
    ]


def test_a_reopen_starts_a_new_cycle_with_its_own_notices(
    open_high: Opener, agent: Worker
) -> None:
    ticket = open_high(at(10), priority="highest")
    ticket = services.acknowledge(ticket, agent, at=at(10, 5))

    # Resolution: 120 min round the clock; warns at 0.75 x 120 = 90 min,
    # 11:30, due 12:00.
    assert subjects(look(at(11, 30))) == [
        "CR-1001 resolution due in 30 minutes: Printer on fire"
    ]
    # Resolved at 11:40 after 100 min: nothing while it stays resolved.
    ticket = services.resolve(ticket, agent, at=at(11, 40))
    assert look(at(12, 30)) == []

    # Reopened at 13:00 it goes on from 100 min: already beyond the warning
    # share, due at 13:00 + 20 min.
    services.reopen(ticket, agent, "Still on fire", at=at(13))
    assert subjects(look(at(13))) == [
        "CR-1001 resolution due in 20 minutes: Printer on fire"
    ]
    assert subjects(look(at(13, 22))) == [
        "CR-1001 resolution breached 2 minutes ago: Printer on fire"
    ]
    assert look(at(13, 30)) == []
    assert list(Notice.objects.values_list("clock", "kind", "cycle")) == [
        ("resolution", "warning", 0),
        ("resolution", "warning", 1),
        ("resolution", "breach", 1),
    ]


def test_a_paused_clock_is_never_announced(open_high: Opener, agent: Worker) -> None:
    ticket = open_high(at(10))
    ticket = services.acknowledge(ticket, agent, at=at(10, 1))
    # Resolution: 240 min; waiting from 10:30 after 30 min counted.
    ticket = services.wait_on_worker(ticket, agent, "Which floor?", at=at(10, 30))
    assert ticket.resolution_warn_at is None

    # Running, it would have warned at 13:00 and breached after 14:00.
    assert look(at(13)) == []
    assert look(at(14, 30)) == []


def test_a_resumed_clock_warns_when_its_share_is_reached(
    open_high: Opener, agent: Worker
) -> None:
    ticket = open_high(at(10))
    ticket = services.acknowledge(ticket, agent, at=at(10, 1))
    ticket = services.wait_on_worker(ticket, agent, "Which floor?", at=at(10, 30))
    ticket = services.resume(ticket, agent, at=at(15))

    # 30 min counted before the wait; 180 - 30 = 150 min more from 15:00
    # warns at 17:30, and 240 - 30 = 210 min more is due at 18:30.
    assert ticket.resolution_warn_at == at(17, 30)
    assert look(at(17, 29)) == []
    assert subjects(look(at(17, 30))) == [
        "CR-1001 resolution due in 1 hour: Printer on fire"
    ]


def test_a_clock_breached_then_paused_gets_its_notice_once_resumed(
    open_high: Opener, agent: Worker
) -> None:
    ticket = open_high(at(10))
    ticket = services.acknowledge(ticket, agent, at=at(10, 1))
    # 240 min counted by 14:00; waiting from 14:10, ten minutes late.
    ticket = services.wait_on_worker(ticket, agent, "Which floor?", at=at(14, 10))

    assert look(at(14, 30)) == []
    services.resume(ticket, agent, at=at(15))
    # Due at 14:00 (10:00 + 240 min); the mail says how late in time since
    # the due, as the desk shows it: 15:05 - 14:00 = 1 h 5 min.
    assert subjects(look(at(15, 5))) == [
        "CR-1001 resolution breached 1 hour 5 minutes ago: Printer on fire"
    ]


def test_the_warning_share_is_set_per_objective(
    open_high: Opener, agent: Worker
) -> None:
    objective = Objective.objects.get(priority="high")
    objective.warn_at = 0.5
    objective.save()
    # Under frozen time the save may keep the objectives' stamp, which is
    # how a process notices a lead's edit; start from the database.
    forget_objectives()
    open_high(at(10))

    # 0.5 x 15 min = 7.5 min: 10:07:30, with 7 min 30 s left: nearest 8.
    assert look(at(10, 7, 29)) == []
    assert subjects(look(at(10, 7, 30))) == [
        "CR-1001 response due in 8 minutes: Printer on fire"
    ]


def test_business_hours_warnings_skip_the_weekend(
    worker: Worker, agent: Worker
) -> None:
    # Medium: response 60 min and resolution 480 min, Monday to Friday
    # 09:00-17:00. Opened Friday 6 March at 16:30 with 30 min left that day.
    ticket = services.open_ticket(
        requester=worker,
        kind="request",
        title="New laptop",
        priority="medium",
        actor=worker,
        at=at(16, 30, day=6),
    )

    # Response: 45 min = 30 on Friday + 15 on Monday 9 March: 09:15.
    # Resolution: 360 min = 30 on Friday + 330 on Monday: 14:30.
    assert ticket.response_warn_at == at(9, 15, day=9)
    assert ticket.resolution_warn_at == at(14, 30, day=9)
    assert look(at(12, day=7)) == []
    # Due at 09:30, a quarter of an hour away.
    assert subjects(look(at(9, 15, day=9))) == [
        "CR-1001 response due in 15 minutes: New laptop"
    ]


def test_a_check_sees_an_acknowledge_made_since_the_clocks_were_read(
    open_high: Opener, agent: Worker
) -> None:
    ticket = open_high(at(10))
    services.acknowledge(ticket, agent, at=at(10, 12))

    with time_machine.travel(at(10, 12), tick=False):
        assert look(at(10, 12)) == []
    assert Notice.objects.count() == 0
