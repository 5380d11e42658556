"""The demo at its default size, as `make run` creates it: built once.

Building it takes about 21 seconds of processor time on our two-core
machines, and twice that while other work shares them, which is too long for
every run of the suite; the small demo in test_small_demo.py checks the same
rules. Set CREDENCE_DEMO_FULL_SIZE=1 to run this one too.

Time stands still at Wednesday 4 March 2026, 14:30 UTC.
"""

import os
from datetime import UTC, datetime

import pytest
import time_machine

from credence.demo.organisation import ensure_demo
from credence.tickets.models import Comment, Ticket, TicketEvent
from credence.workers.models import Worker
from credence.workers.roles import AGENTS, LEADS

NOW = datetime(2026, 3, 4, 14, 30, tzinfo=UTC)


@pytest.mark.skipif(
    os.environ.get("CREDENCE_DEMO_FULL_SIZE") != "1",
    reason="slow: set CREDENCE_DEMO_FULL_SIZE=1 to build the default-size demo",
)
@pytest.mark.django_db
def test_the_default_demo_has_fifty_workers_and_three_months_of_tickets() -> None:
    with time_machine.travel(NOW, tick=False):
        demo, created = ensure_demo()

    assert created
    assert (demo.seed, demo.days) == (2026, 91)
    assert Worker.objects.count() == 50
    assert Worker.objects.filter(groups__name=AGENTS).count() == 3
    assert Worker.objects.filter(groups__name=LEADS).count() == 1
    # From Wednesday 3 December 2025 14:30 to Wednesday 4 March 2026 14:30
    # lie 92 dates: 65 working dates, the company day on Friday 23 January
    # left out, and 27 others. The 63 working days strictly between the ends
    # are whole: 63 x 8 = 504 at least; at most 65 x 15 + 27 x 2 = 1029.
    assert 504 <= Ticket.objects.count() <= 1029
    assert not TicketEvent.objects.filter(at__gt=NOW).exists()
    assert not Comment.objects.filter(created_at__gt=NOW).exists()
