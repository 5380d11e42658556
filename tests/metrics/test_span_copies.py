"""Each span carries copies of its ticket's opening, channel, kind and move
to project work, which the reports select and group by without a join."""

from datetime import UTC, datetime

from credence.tickets import services
from credence.tickets.models import Ticket, TicketSpan
from credence.workers.models import Worker
from tests.metrics.conftest import open_at


def _copies(ticket: Ticket) -> set[tuple[object, ...]]:
    return set(
        TicketSpan.objects.filter(ticket=ticket).values_list(
            "opened_at", "channel", "kind", "moved_at"
        )
    )


def test_every_span_carries_its_tickets_fields(
    march: dict[str, Ticket],
) -> None:
    for ticket in march.values():
        ticket.refresh_from_db()
        assert _copies(ticket) == {
            (ticket.opened_at, ticket.channel, ticket.kind, None)
        }, ticket.reference


def test_a_move_to_project_work_reaches_every_span(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    opened = datetime(2026, 6, 1, 10, tzinfo=UTC)
    moved = datetime(2026, 6, 2, 12, tzinfo=UTC)
    ticket = open_at(worker, agent, opened, "high", "request", "chat")
    services.acknowledge(ticket, agent, at=datetime(2026, 6, 1, 10, 5, tzinfo=UTC))

    services.move_to_project(ticket, lead, "Tooling 2026", "Too big.", at=moved)

    assert _copies(ticket) == {(opened, "chat", "request", moved)}
    assert TicketSpan.objects.filter(ticket=ticket).count() > 1
