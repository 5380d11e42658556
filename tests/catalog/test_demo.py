"""The demo's catalog requests: real tickets, with answers naming own items."""

import random
from datetime import UTC, date, datetime

from credence.catalog.demo import add_to_demo
from credence.catalog.models import RequestAnswer, TicketRequest
from credence.tickets.models import Ticket
from credence.workers.models import Team, Worker
from credence.workers.roles import make_agent
from tests.catalog.conftest import give_laptop

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def test_six_workers_send_one_request_each_and_agents_none(db: None) -> None:
    team = Team.objects.create(name="Sales")
    people = {
        f"w{n}": Worker.objects.create_user(username=f"w{n}", team=team)
        for n in range(8)
    }
    make_agent(people["w0"])
    for worker in people.values():
        give_laptop(worker, serial=f"LT-{worker.username}")

    add_to_demo(random.Random(7), people, date(2026, 12, 1), NOW)

    requesters = set(Ticket.objects.values_list("requester__username", flat=True))
    assert Ticket.objects.count() == TicketRequest.objects.count() == 6
    assert len(requesters) == 6
    assert "w0" not in requesters
    linked = RequestAnswer.objects.filter(type="device").exclude(item_pk=None)
    assert linked.exists()
    for answer in linked:
        assert (
            answer.value
            == f"Laptop ThinkPad T14 (LT-{answer.request.ticket.requester.username})"
        )
