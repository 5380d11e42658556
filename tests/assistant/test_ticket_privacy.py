"""The assistant repeats of another worker's solved ticket only what the
search shows them: its title and the IT team's resolution, scrubbed."""

import pytest

from credence.assistant.turn import reply_to
from credence.slo import objectives
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Team, Worker

DESCRIPTION = (
    "call me on +44 7700 900123 or at home 12 Wombat Lane. My colleague "
    "Priya Raman also has this. Quasar printer keeps jamming"
)
PRIVATE = ("7700", "900123", "Wombat", "Priya", "Raman", "Wanda", "wanda@")


@pytest.fixture
def quasar(worker: Worker, agent: Worker, team: Team) -> Ticket:
    objectives.ensure_defaults()
    Worker.objects.create_user(
        username="priya.raman", first_name="Priya", last_name="Raman", team=team
    )
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Quasar printer keeps jamming",
        description=DESCRIPTION,
        priority="medium",
        actor=worker,
    )
    return services.resolve(
        ticket,
        agent,
        "Replaced the Quasar printer pickup roller that kept jamming; told "
        "Priya Raman too.",
    )


def test_another_worker_gets_the_resolution_without_personal_details(
    quasar: Ticket, other_worker: Worker
) -> None:
    reply = reply_to("quasar printer keeps jamming", other_worker)

    assert reply.answered is True
    assert "Replaced the Quasar printer pickup roller" in reply.text
    for detail in PRIVATE:
        assert detail not in reply.text, detail
    assert reply.sources[0].url == f"/portal/articles/solutions/{quasar.number}/"


def test_the_requester_is_answered_from_their_own_words(
    quasar: Ticket, worker: Worker
) -> None:
    reply = reply_to("quasar printer keeps jamming", worker)

    assert reply.answered is True
    assert reply.sources[0].url == f"/portal/tickets/{quasar.number}/"
