"""A solved ticket helps other workers without telling them who asked,
where they live, or whom they work with.

The rule: to anyone but the requester and the IT team, a solved ticket
shows only its title and the IT team's resolution, scrubbed of e-mail
addresses, phone numbers and workers' names; the description helps
ranking only.
"""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from credence.knowledge.search import Hit, search
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Team, Worker
from tests.conftest import signed_in
from tests.knowledge.conftest import write

DESCRIPTION = (
    "call me on +44 7700 900123 or at home 12 Wombat Lane. My colleague "
    "Priya Raman also has this. Quasar printer keeps jamming"
)
RESOLUTION = (
    "Replaced the worn pickup roller of the Quasar printer; Priya Raman's "
    "queue was cleared too. Questions: ada@example.test or +44 20 7946 0958."
)
# What the requester wrote about themselves and a colleague, and who they
# are: none of it may reach another worker.
PRIVATE = (
    "7700 900123",
    "900123",
    "Wombat",
    "Priya",
    "Raman",
    "priya.raman",
    "Wanda",
    "wanda@example.test",
    "ada@example.test",
    "7946 0958",
)


@pytest.fixture
def priya(team: Team) -> Worker:
    return Worker.objects.create_user(
        username="priya.raman",
        first_name="Priya",
        last_name="Raman",
        email="priya.raman@example.test",
        team=team,
    )


@pytest.fixture
def quasar(
    objectives_ready: None, worker: Worker, agent: Worker, priya: Worker
) -> Ticket:
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Quasar printer jams for Wanda",
        description=DESCRIPTION,
        priority="medium",
        actor=worker,
    )
    return services.resolve(ticket, agent, RESOLUTION)


def _shown(hit: Hit) -> str:
    return "\n".join((hit.title, hit.excerpt, hit.text, hit.plain_excerpt))


def _assert_private(shown: str) -> None:
    for detail in PRIVATE:
        assert detail.lower() not in shown.lower(), detail


def test_another_worker_sees_only_the_scrubbed_title_and_resolution(
    quasar: Ticket, other_worker: Worker
) -> None:
    hits = search("quasar printer", other_worker)

    assert [hit.slug for hit in hits] == [quasar.reference]
    _assert_private(_shown(hits[0]))
    assert hits[0].title == "Quasar printer jams for the requester"
    assert hits[0].text == (
        "Replaced the worn pickup roller of the Quasar printer; a colleague's "
        "queue was cleared too. Questions: [e-mail removed] or [number removed]."
    )


def test_the_description_ranks_but_is_never_shown_to_another_worker(
    quasar: Ticket, other_worker: Worker
) -> None:
    # "jamming" is only in the description.
    hits = search("jamming", other_worker)

    assert [hit.slug for hit in hits] == [quasar.reference]
    _assert_private(_shown(hits[0]))
    assert "jamming" not in hits[0].text


def test_a_worker_with_no_viewer_is_treated_as_another_worker(
    quasar: Ticket,
) -> None:
    hits = search("quasar printer jamming", None)

    assert hits[0].slug == quasar.reference
    _assert_private(_shown(hits[0]))


def test_the_requester_reads_their_own_description(
    quasar: Ticket, worker: Worker
) -> None:
    hit = search("quasar printer jamming", worker)[0]

    assert "Quasar printer keeps jamming" in hit.text
    assert "12 Wombat Lane" in hit.text
    assert hit.url == f"/portal/tickets/{quasar.number}/"


def test_the_it_team_reads_the_description(quasar: Ticket, agent: Worker) -> None:
    hit = search("quasar printer jamming", agent)[0]

    assert "Quasar printer keeps jamming" in hit.text
    assert hit.url == f"/desk/tickets/{quasar.number}/"


def test_the_solution_page_shows_another_worker_only_the_resolution(
    quasar: Ticket, other_worker: Worker
) -> None:
    response = signed_in(other_worker).get(
        f"/portal/articles/solutions/{quasar.number}/"
    )
    page = response.content.decode()

    assert response.status_code == 200
    _assert_private(page.replace("oscar", ""))
    assert "How the IT team solved it" in page
    assert "Replaced the worn pickup roller of the Quasar printer" in page
    assert "jamming" not in page


def test_the_solution_page_shows_the_requester_and_the_it_team_everything(
    quasar: Ticket, worker: Worker, agent: Worker
) -> None:
    for reader in (worker, agent):
        page = (
            signed_in(reader)
            .get(f"/portal/articles/solutions/{quasar.number}/")
            .content.decode()
        )

        assert "Quasar printer keeps jamming" in page, reader.username
        assert "Replaced the worn pickup roller" in page, reader.username


def test_the_search_page_excerpt_keeps_the_details_from_another_worker(
    quasar: Ticket, other_worker: Worker
) -> None:
    page = (
        signed_in(other_worker)
        .get("/portal/articles/", {"q": "quasar printer"})
        .content.decode()
    )

    assert f"Solved ticket {quasar.reference}" in page
    _assert_private(page.replace("oscar", ""))


def test_the_command_searches_tickets_as_a_worker_sees_them(
    quasar: Ticket,
) -> None:
    out = StringIO()

    call_command(
        "articles",
        "search",
        "quasar printer",
        "--tickets",
        "--format",
        "json",
        stdout=out,
    )

    results = json.loads(out.getvalue())
    assert [r["slug"] for r in results] == [quasar.reference]
    _assert_private(out.getvalue())


def test_a_date_and_a_reference_are_not_taken_for_phone_numbers(
    objectives_ready: None, worker: Worker, agent: Worker
) -> None:
    ticket = services.open_ticket(
        requester=worker,
        kind="incident",
        title="Badge reader refuses the new badge",
        description="Since the badge swap.",
        priority="low",
        actor=worker,
    )
    services.resolve(
        ticket, agent, "Re-enrolled the badge on 2026-12-04, as in CR-1042."
    )

    hit = search("badge reader", None)[0]

    assert hit.text == "Re-enrolled the badge on 2026-12-04, as in CR-1042."


def test_articles_are_shown_whole(worker: Worker) -> None:
    write("Call the service desk", "Call +44 20 7946 0000 for help.", slug="call")

    assert search("service desk", worker)[0].text == ("Call +44 20 7946 0000 for help.")
