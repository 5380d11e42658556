"""Importing the same log twice changes nothing."""

import pytest

from credence.tickets.models import Comment, Ticket, TicketEvent, TicketSpan
from credence.workers.models import Worker
from tests.imports.conftest import EXCERPT, ImportIncidents, import_excerpt

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "tickets": Ticket.objects.count(),
        "events": TicketEvent.objects.count(),
        "comments": Comment.objects.count(),
        "spans": TicketSpan.objects.count(),
        "workers": Worker.objects.count(),
    }


def test_importing_the_excerpt_twice_changes_nothing() -> None:
    import_excerpt()
    before = _counts()
    tickets = list(Ticket.objects.order_by("pk").values())

    summary = import_excerpt()

    assert (summary.imported, summary.already_present, summary.failed) == (0, 20, 0)
    assert summary.problems == []
    assert _counts() == before
    assert list(Ticket.objects.order_by("pk").values()) == tickets


def test_second_import_takes_in_only_the_incidents_not_yet_present(
    import_incidents: ImportIncidents,
) -> None:
    import_incidents("INC0000045", "INC0000131")

    summary = import_excerpt()

    assert (summary.imported, summary.already_present, summary.failed) == (18, 2, 0)
    assert Ticket.objects.count() == 20
    # The callers of the first import are found again, not made twice.
    assert Worker.objects.filter(username="caller-2403").count() == 1


def test_excerpt_is_where_the_attribution_says() -> None:
    attribution = (EXCERPT.parent / "ATTRIBUTION.md").read_text(encoding="utf-8")

    assert "10.24432/C57S4H" in attribution
    assert "CC BY 4.0" in attribution
    assert "Claudio Amaral, Marcelo" in attribution
