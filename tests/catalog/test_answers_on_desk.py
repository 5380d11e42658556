"""The desk's ticket page shows a catalog request's answers as a table."""

from credence.catalog.requests import open_request
from credence.workers.models import Worker
from tests.catalog.conftest import give_laptop
from tests.conftest import signed_in
from tests.portal.conftest import open_for


def test_the_answers_are_a_table_of_label_and_answer(
    worker: Worker, agent: Worker
) -> None:
    give_laptop(worker)
    ticket = open_request(
        worker,
        "hardware",
        {
            "item": "Laptop",
            "item_other": "A tablet stand",
            "replacement": "yes",
            "replaces": "Laptop ThinkPad T14 (LT-0042)",
            "needed_by": "2026-12-31",
        },
    )

    page = signed_in(agent).get(f"/desk/tickets/{ticket.number}/").content.decode()

    assert '<h2 id="answers-heading">Request: New or replacement hardware</h2>' in page
    rows = [
        '<tr><th scope="row">What do you need?</th><td>Laptop</td></tr>',
        '<tr><th scope="row">Does it replace something you have?</th><td>Yes</td></tr>',
        '<tr><th scope="row">Which device does it replace?</th>'
        "<td>Laptop ThinkPad T14 (LT-0042)</td></tr>",
        # 31 December 2026 is a Thursday.
        '<tr><th scope="row">By when do you need it?</th><td>Thu 31 Dec 2026</td></tr>',
    ]
    positions = [page.index(row) for row in rows]
    assert positions == sorted(positions)
    # Asked only for "Something else": the answer sent for it was dropped.
    assert "What else do you need?" not in page
    assert "A tablet stand" not in page


def test_a_free_form_ticket_has_no_answers_section(
    worker: Worker, agent: Worker
) -> None:
    ticket = open_for(worker, "Printer jams")

    page = signed_in(agent).get(f"/desk/tickets/{ticket.number}/").content.decode()

    assert "answers-heading" not in page


def test_the_answers_are_escaped(worker: Worker, agent: Worker) -> None:
    ticket = open_request(worker, "question", {"question": "<b>Why</b>?"})

    page = signed_in(agent).get(f"/desk/tickets/{ticket.number}/").content.decode()

    assert "<td>&lt;b&gt;Why&lt;/b&gt;?</td>" in page


def test_the_impact_answers_are_in_the_table(worker: Worker, agent: Worker) -> None:
    ticket = open_request(
        worker,
        "something-broken",
        {"what": "Projector in room 4", "affected": "many", "can_work": "yes"},
    )

    page = signed_in(agent).get(f"/desk/tickets/{ticket.number}/").content.decode()

    assert (
        '<tr><th scope="row">How many people are affected?</th>'
        "<td>Many people or everyone</td></tr>"
    ) in page
    assert (
        '<tr><th scope="row">Can you keep working?</th>'
        "<td>Yes, it can wait a little</td></tr>"
    ) in page
