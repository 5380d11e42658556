"""Week 10 of 2026 (Mon 2 to Sun 8 March): seven tickets, and two outside.

The installation's zone is UTC in tests, so the default business calendar
is Monday to Friday 09:00-17:00 UTC. The week is [Mon 2 Mar 00:00, Mon
9 Mar 00:00) and is reviewed as it stood at its end.

Default objectives, minutes (calendar), each with a 0.8 target:
    highest  response 15 (24x7)      resolution 120 (24x7)
    high     response 15 (24x7)      resolution 240 (24x7)
    medium   response 60 (business)  resolution 480 (business)
    low      response 60 (business)  resolution 960 (business)
    lowest   response 120 (business) resolution 1920 (business)

A medium incident, portal. Opened Mon 09:00, assigned 09:10, acknowledged
  09:30, resolved 15:00. Response 30 met; resolution 360 met.
B medium request, email. Opened Mon 09:00, assigned 11:00, acknowledged
  11:30, resolved 15:00. Response 150 > 60, due 10:00: breached; nobody
  was assigned at the due. Resolution 360 met.
C low request, chat. Opened Tue 09:00, assigned 09:05, waits on the worker
  from 09:30 (a public reply: response 30 met) until the worker answers
  Wed 15:30: 450 (Tue 09:30-17:00) + 390 (Wed 09:00-15:30) = 840 waiting
  minutes > 960 / 2. Resolution 30 (Tue) + 90 (Wed 15:30-17:00) + 480
  (Thu) = 600 by Thu's end, due 360 minutes into Fri, at 15:00; still open
  at the week's end: breached, no minutes.
D opened medium incident, phone, Wed 09:00; assigned 09:05; acknowledged
  09:20; raised to high at 11:30, 150 minutes after opening, more than half
  of high's 15 and 240. Measured again as high, round the clock: response
  20 > 15, due 09:15: breached; resolved 14:00: resolution 300 > 240, due
  13:00: breached.
E medium incident, portal. Opened Thu 09:00, assigned 09:02, replied 09:10
  (response 10 met), resolved 10:00, reopened by the worker 13:00, resolved
  Fri 16:00. Resolution 60 + 240 (Thu 13:00-17:00) + 420 (Fri 09:00-16:00)
  = 720 > 480; due Fri 12:00 (480 - 300 = 180 minutes into Fri), after the
  reopen: breached.
F highest incident, assistant. Opened Sat 10:00, assigned 10:01,
  acknowledged 10:05 (response 5 met), resolved 13:00: resolution 180 >
  120, due 12:00: breached.
H lowest request, api. Opened Fri 10:00, nothing since. Response due 12:00
  (120 business minutes), still running at the week's end: breached, no
  minutes, never assigned. Resolution 420 (Fri 10:00-17:00) of 1920:
  running.
G low request, walk-up, opened Mon 23 Feb 09:00, before the week, nothing
  since: open at the week's end for 13 days 15 hours.
X medium request, portal, opened Mon 9 Mar 09:00, after the week.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker

WEEK = "2026-W10"
WEEK_START = datetime(2026, 3, 2, tzinfo=UTC)
WEEK_END = datetime(2026, 3, 9, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def after_the_week() -> Iterator[None]:
    # The review is read in June, long after the week ended.
    with time_machine.travel(datetime(2026, 6, 1, tzinfo=UTC), tick=False):
        yield


def _open(
    worker: Worker, agent: Worker, when: datetime, how: str, channel: str
) -> Ticket:
    priority, kind = how.split()
    return services.open_ticket(
        requester=worker,
        kind=kind,
        title=f"A {kind} by {channel}",
        priority=priority,
        channel=channel,
        actor=agent,
        at=when,
    )


def tell_the_week(worker: Worker, agent: Worker) -> dict[str, Ticket]:
    """The story above, told through the domain operations."""
    t = {}
    t["A"] = _open(worker, agent, at(2, 9), "medium incident", "portal")
    services.assign(t["A"], agent, agent, at=at(2, 9, 10))
    services.acknowledge(t["A"], agent, at=at(2, 9, 30))
    services.resolve(t["A"], agent, at=at(2, 15))

    t["B"] = _open(worker, agent, at(2, 9), "medium request", "email")
    services.assign(t["B"], agent, agent, at=at(2, 11))
    services.acknowledge(t["B"], agent, at=at(2, 11, 30))
    services.resolve(t["B"], agent, at=at(2, 15))

    t["C"] = _open(worker, agent, at(3, 9), "low request", "chat")
    services.assign(t["C"], agent, agent, at=at(3, 9, 5))
    services.wait_on_worker(t["C"], agent, "Which printer?", at=at(3, 9, 30))
    services.worker_comment(t["C"], worker, "The one by the door.", at=at(4, 15, 30))

    t["D"] = _open(worker, agent, at(4, 9), "medium incident", "phone")
    services.assign(t["D"], agent, agent, at=at(4, 9, 5))
    services.acknowledge(t["D"], agent, at=at(4, 9, 20))
    services.change_priority(
        t["D"], agent, "high", "The shop is down.", at=at(4, 11, 30)
    )
    services.resolve(t["D"], agent, at=at(4, 14))

    t["E"] = _open(worker, agent, at(5, 9), "medium incident", "portal")
    services.assign(t["E"], agent, agent, at=at(5, 9, 2))
    services.reply(t["E"], agent, "Looking.", at=at(5, 9, 10))
    services.resolve(t["E"], agent, at=at(5, 10))
    services.reopen(t["E"], worker, "Still broken.", at=at(5, 13))
    services.resolve(t["E"], agent, at=at(6, 16))

    t["F"] = _open(worker, agent, at(7, 10), "highest incident", "assistant")
    services.assign(t["F"], agent, agent, at=at(7, 10, 1))
    services.acknowledge(t["F"], agent, at=at(7, 10, 5))
    services.resolve(t["F"], agent, at=at(7, 13))

    t["H"] = _open(worker, agent, at(6, 10), "lowest request", "api")
    t["G"] = _open(worker, agent, at(23, 9, month=2), "low request", "walk-up")
    t["X"] = _open(worker, agent, at(9, 9), "medium request", "portal")
    return t


@pytest.fixture
def week(worker: Worker, agent: Worker) -> dict[str, Ticket]:
    return tell_the_week(worker, agent)
