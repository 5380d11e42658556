"""March 2026: ten tickets in the month and two just outside it.

The installation's zone is UTC in tests, so the default business calendar
is Monday to Friday 09:00-17:00 UTC, with no holidays. 1 March 2026 is a
Sunday; the month is [2026-03-01 00:00, 2026-04-01 00:00) UTC, and
1 April is a Wednesday.

The default objectives, minutes (calendar):
    highest  response 15 (24x7)      resolution 120 (24x7)
    high     response 15 (24x7)      resolution 240 (24x7)
    medium   response 60 (business)  resolution 480 (business)
    low      response 60 (business)  resolution 960 (business)
    lowest   response 120 (business) resolution 1920 (business)

Each ticket's story, with its minutes worked out by hand:

T1 medium, incident, portal. Opened Mon 2 Mar 09:00, acknowledged 09:30,
   resolved 15:00. Response 30 <= 60: met. Resolution 09:00-15:00 = 360
   <= 480: met.
T2 medium, request, email. Opened Tue 3 Mar 16:30, acknowledged Wed 4 Mar
   10:00, resolved Fri 6 Mar 12:00. Response 30 (Tue 16:30-17:00) + 60
   (Wed 09:00-10:00) = 90; due Wed 09:30: breached. Resolution 30 + 480
   (Wed) + 480 (Thu) + 180 (Fri 09:00-12:00) = 1170; due Wed 16:30:
   breached.
T3 opened medium, incident, phone, Thu 5 Mar 20:00; changed to high at
   20:05; acknowledged 20:10; resolved Fri 6 Mar 02:00. Measured again from
   its start as high, round the clock: response 10 <= 15: met; resolution
   20:00-02:00 = 360 > 240, due Fri 00:00: breached. (As medium it would
   have counted 0 business minutes and met both.)
T4 low, request, chat. Opened Mon 23 Mar 09:00; waits on the worker from
   11:00 to beyond the month (the question is a public reply, so the
   response stops then). Response 120 > 60, due 10:00: breached.
   Resolution paused at 120 of 960: neither met nor breached, no minutes,
   not completed.
T5 medium, incident, portal. Opened Mon 9 Mar 09:00, replied 09:45,
   resolved 13:00, reopened Tue 10 Mar 09:00, resolved again Thu 12 Mar
   10:00. Response 45: met. Resolution 240 (Mon 09:00-13:00) + 480 (Tue) +
   480 (Wed) + 60 (Thu 09:00-10:00) = 1260; due Tue 10 Mar 13:00 (240 +
   240): breached.
T6 highest, incident, phone. Opened Wed 11 Mar 10:30, acknowledged 10:40,
   resolved 12:00. Response 10 <= 15: met. Resolution 90 <= 120: met.
T7 lowest, request, walk-up. Opened Mon 30 Mar 09:00, nothing since.
   Response due Mon 11:00, still running at the month's end: breached,
   no minutes. Resolution 480 (Mon) + 480 (Tue) = 960 of 1920: running,
   neither met nor breached, not completed.
T8 high, request, api. Opened Sat 14 Mar 08:00, acknowledged 08:20,
   resolved 10:00, closed 12:00. Response 20 > 15: breached. Resolution
   120 <= 240: met. Closed counts as completed.
T9 medium, incident, email. Opened Tue 31 Mar 09:00, acknowledged 09:50,
   resolved Wed 1 Apr 00:00, exactly at the month's end. Response 50:
   met. Resolution 480 (Tue 09:00-17:00); the due is Tue 17:00 and the
   stop comes after it: breached, with 480 minutes.
T10 low, request, assistant. Opened Fri 13 Mar 16:00, replied 16:40,
   resolved Tue 17 Mar 11:00. Response 40: met. Resolution 60 (Fri) + 480
   (Mon 16) + 120 (Tue 09:00-11:00) = 660 <= 960: met.
X1 medium, opened Sat 28 Feb 23:00 (before the month), resolved Mon 2 Mar
   10:00: not in March's figures.
X2 medium, opened Wed 1 Apr 00:00, exactly at the month's end: not in
   March's figures.
"""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine

from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker

MONTH_START = datetime(2026, 3, 1, tzinfo=UTC)
MONTH_END = datetime(2026, 4, 1, tzinfo=UTC)
# Wednesday 11 March, noon: T6 is resolved at this very instant.
MID_MONTH = datetime(2026, 3, 11, 12, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def after_the_story() -> Iterator[None]:
    # Reports are read in June, long after March ended.
    with time_machine.travel(datetime(2026, 6, 1, tzinfo=UTC), tick=False):
        yield


def open_at(
    requester: Worker,
    actor: Worker,
    when: datetime,
    priority: str,
    kind: str,
    channel: str,
) -> Ticket:
    return services.open_ticket(
        requester=requester,
        kind=kind,
        title=f"A {kind} by {channel}",
        priority=priority,
        channel=channel,
        actor=actor,
        at=when,
    )


@pytest.fixture
def march(worker: Worker, agent: Worker) -> dict[str, Ticket]:
    """The story above, told through the domain operations."""
    t = {}

    t["T1"] = open_at(worker, worker, at(2, 9), "medium", "incident", "portal")
    services.acknowledge(t["T1"], agent, at=at(2, 9, 30))
    services.resolve(t["T1"], agent, "Replaced the cable.", at=at(2, 15))

    t["T2"] = open_at(worker, agent, at(3, 16, 30), "medium", "request", "email")
    services.acknowledge(t["T2"], agent, at=at(4, 10))
    services.resolve(t["T2"], agent, at=at(6, 12))

    t["T3"] = open_at(worker, agent, at(5, 20), "medium", "incident", "phone")
    services.change_priority(
        t["T3"], agent, "high", "The whole floor is offline.", at=at(5, 20, 5)
    )
    services.acknowledge(t["T3"], agent, at=at(5, 20, 10))
    services.resolve(t["T3"], agent, at=at(6, 2))

    t["T4"] = open_at(worker, agent, at(23, 9), "low", "request", "chat")
    services.wait_on_worker(t["T4"], agent, "Which printer?", at=at(23, 11))

    t["T5"] = open_at(worker, worker, at(9, 9), "medium", "incident", "portal")
    services.reply(t["T5"], agent, "Looking into it.", at=at(9, 9, 45))
    services.resolve(t["T5"], agent, at=at(9, 13))
    services.reopen(t["T5"], worker, "Still broken.", at=at(10, 9))
    services.resolve(t["T5"], agent, at=at(12, 10))

    t["T6"] = open_at(worker, agent, at(11, 10, 30), "highest", "incident", "phone")
    services.acknowledge(t["T6"], agent, at=at(11, 10, 40))
    services.resolve(t["T6"], agent, at=MID_MONTH)

    t["T7"] = open_at(worker, agent, at(30, 9), "lowest", "request", "walk-up")

    t["T8"] = open_at(worker, agent, at(14, 8), "high", "request", "api")
    services.acknowledge(t["T8"], agent, at=at(14, 8, 20))
    services.resolve(t["T8"], agent, at=at(14, 10))
    services.close(t["T8"], agent, at=at(14, 12))

    t["T9"] = open_at(worker, agent, at(31, 9), "medium", "incident", "email")
    services.acknowledge(t["T9"], agent, at=at(31, 9, 50))
    services.resolve(t["T9"], agent, at=MONTH_END)

    t["T10"] = open_at(worker, worker, at(13, 16), "low", "request", "assistant")
    services.reply(t["T10"], agent, "On it.", at=at(13, 16, 40))
    services.resolve(t["T10"], agent, at=at(17, 11))

    t["X1"] = open_at(
        worker, worker, at(28, 23, month=2), "medium", "incident", "portal"
    )
    services.resolve(t["X1"], agent, at=at(2, 10))

    t["X2"] = open_at(worker, worker, MONTH_END, "medium", "request", "portal")
    return t
