"""The desk's self-service page: figures, searches before tickets, answers."""

from datetime import UTC, datetime

import time_machine

from credence.selfservice.satisfaction import answer
from credence.selfservice.sessions import note
from credence.tickets import services
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.selfservice.conftest import on, open_ticket

URL = "/desk/self-service/"


def test_a_worker_is_told_the_page_does_not_exist(worker: Worker) -> None:
    assert signed_in(worker).get(URL).status_code == 404


def test_a_wrong_month_says_how_to_write_it(agent: Worker) -> None:
    response = signed_in(agent).get(URL, {"month": "March"})

    assert response.status_code == 400
    assert "give it as YYYY-MM, for example 2016-03." in response.content.decode()


def test_searches_that_ended_in_tickets_are_listed(
    week_of_sessions: None, worker: Worker, agent: Worker
) -> None:
    # Wanda searched "printer" in her 1 and 3 March sessions, and Oscar in
    # his 6 and 8 March ones, all four ended by a ticket; "vpn" on 20 March
    # ended in nothing. Solved sessions are left out.
    with time_machine.travel(datetime(2026, 3, 20, 9, tzinfo=UTC), tick=False):
        note(worker, "search", "vpn")

    page = signed_in(agent).get(URL, {"month": "2026-03"}).content.decode()

    assert "“printer”, 4 sessions" in page
    assert "“vpn”" not in page


def test_answers_are_listed_and_a_confidential_comment_is_for_leads(
    worker: Worker, agent: Worker, lead: Worker
) -> None:
    open_ = open_ticket(worker, on(2, 9))
    services.resolve(open_, agent, "Done.", at=on(2, 10))
    answer(open_, worker, 2, "Slow to answer.", at=on(2, 11))
    secret = services.open_ticket(
        requester=worker,
        kind="request",
        title="Private matter",
        priority="medium",
        actor=lead,
        at=on(3, 9),
        confidential=True,
    )
    services.resolve(secret, lead, "Done.", at=on(3, 10))
    answer(secret, worker, 5, "Discreet, thank you.", at=on(3, 11))

    seen_by_agent = signed_in(agent).get(URL, {"month": "2026-03"}).content.decode()
    seen_by_lead = signed_in(lead).get(URL, {"month": "2026-03"}).content.decode()

    assert "<strong>2 of 5, dissatisfied</strong>: “Slow to answer.”" in seen_by_agent
    assert "CR-1002" not in seen_by_agent
    assert "A confidential ticket" in seen_by_agent
    assert "CR-1002</a> (confidential)" in seen_by_lead
    assert "Discreet, thank you." not in seen_by_agent
    assert "Private matter" not in seen_by_agent
    assert "<strong>5 of 5, very satisfied</strong>: “Discreet, thank you.”" in (
        seen_by_lead
    )
