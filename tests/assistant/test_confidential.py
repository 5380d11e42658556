"""What the assistant may repeat: never a confidential ticket, never
another worker's personal details."""

import pytest

from credence.assistant.turn import reply_to
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch, ticket_hit


def _resolved(requester: Worker, agent: Worker, title: str, fix: str) -> Ticket:
    ticket = services.open_ticket(
        requester=requester,
        kind="incident",
        title=title,
        description=title,
        priority="medium",
        actor=requester,
    )
    return services.resolve(ticket, agent, resolution=fix)


def test_a_confidential_ticket_is_never_used(
    worker: Worker, other_worker: Worker, agent: Worker, lead: Worker
) -> None:
    ticket = _resolved(
        other_worker,
        agent,
        "Zebra label printer smudges the grievance forms",
        "Cleaned the zebra printhead with isopropyl alcohol.",
    )
    services.mark_confidential(ticket, lead, reason="A grievance")

    for asker in (worker, agent, lead):
        reply = reply_to("zebra label printer smudges", asker)
        assert reply.answered is False, asker.username
        assert "isopropyl" not in reply.text
        assert f"/{ticket.number}/" not in str(reply.sources)


def test_a_confidential_ticket_the_search_lets_through_is_dropped(
    worker: Worker,
    other_worker: Worker,
    agent: Worker,
    lead: Worker,
    scripted_search: ScriptedSearch,
) -> None:
    ticket = _resolved(
        other_worker,
        agent,
        "Zebra label printer smudges",
        "Cleaned the zebra printhead with isopropyl alcohol.",
    )
    services.mark_confidential(ticket, lead, reason="A grievance")
    scripted_search.hits = [
        ticket_hit(
            ticket.number,
            "Zebra label printer smudges",
            "Zebra label printer smudges. Cleaned the zebra printhead.",
        )
    ]

    reply = reply_to("zebra label printer smudges", worker)

    assert reply.answered is False
    assert reply.sources == []


def test_another_workers_ticket_is_used_without_their_details(
    worker: Worker, other_worker: Worker, agent: Worker
) -> None:
    ticket = _resolved(
        other_worker,
        agent,
        "Zebra label printer smudges labels",
        "Oscar: cleaned the zebra printhead with isopropyl alcohol. Oscar "
        "Other can be reached at oscar@example.test or +44 20 7946 0000.",
    )

    reply = reply_to("zebra label printer smudges labels", worker)

    assert reply.answered is True
    assert reply.sources[0].url.endswith(f"/{ticket.number}/")
    assert "isopropyl alcohol" in reply.text
    for detail in ("Oscar", "oscar@example.test", "7946"):
        assert detail not in reply.text


def test_a_signed_out_asker_gets_no_tickets(
    other_worker: Worker, agent: Worker, scripted_search: ScriptedSearch
) -> None:
    ticket = _resolved(other_worker, agent, "Zebra printer", "Cleaned it.")
    scripted_search.hits = [ticket_hit(ticket.number, "Zebra printer", "Cleaned it.")]

    reply = reply_to("zebra printer", None)

    assert reply.answered is False
    assert scripted_search.calls[0][2] == ("article",)


@pytest.mark.parametrize("text", ["Wanda Worker", "wanda@example.test"])
def test_redaction_covers_the_people_of_the_ticket(
    text: str,
    worker: Worker,
    other_worker: Worker,
    agent: Worker,
    scripted_search: ScriptedSearch,
) -> None:
    ticket = _resolved(worker, agent, "Zebra printer jams labels", "Cleaned it.")
    scripted_search.hits = [
        ticket_hit(
            ticket.number,
            "Zebra printer jams labels",
            f"Zebra printer jams labels. Asked by {text}; the zebra printer "
            "jams labels when cold. Cleaned it.",
        )
    ]

    reply = reply_to("zebra printer jams labels", other_worker)

    assert reply.answered is True
    assert text not in reply.text
