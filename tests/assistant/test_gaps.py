"""Knowledge gaps: what workers asked that nothing answered, for leads."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from credence.assistant import conversations
from credence.assistant.gaps import open_gaps
from credence.assistant.models import Turn
from credence.workers.models import Worker
from tests.assistant.conftest import ScriptedSearch, article_hit
from tests.conftest import signed_in


@pytest.fixture
def asked(
    worker: Worker, other_worker: Worker, scripted_search: ScriptedSearch
) -> None:
    conversations.take_turn(worker, "Where is the canteen?")
    conversations.take_turn(other_worker, "where is the CANTEEN")
    conversations.take_turn(other_worker, "Parking permits?")
    scripted_search.hits = [
        article_hit("Clearing a paper jam", "printing-paperjam", "Printer paper jam.")
    ]
    conversations.take_turn(worker, "printer paper jam")
    # Asking for a person is not a question the articles failed.
    conversations.take_turn(worker, "Talk to a person")


def test_gaps_group_the_same_question_and_count_it(asked: None, lead: Worker) -> None:
    gaps = open_gaps()

    assert [(gap.question, gap.asked) for gap in gaps] == [
        ("where is the canteen", 2),
        ("parking permits", 1),
    ]
    canteen = Turn.objects.filter(normalised="where is the canteen")
    assert gaps[0].last_asked == max(turn.created for turn in canteen)


def test_the_lead_reads_the_gaps(asked: None, lead: Worker) -> None:
    response = signed_in(lead).get("/desk/assistant/gaps/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Knowledge gaps</h1>" in html
    assert '<td class="num">2</td>' in html
    assert "printer paper jam" not in html
    assert "Talk to a person" not in html


def test_an_agent_is_told_the_gaps_are_for_leads(asked: None, agent: Worker) -> None:
    response = signed_in(agent).get("/desk/assistant/gaps/")

    assert response.status_code == 403
    assert "Knowledge gaps are for leads" in response.content.decode()
    assert "canteen" not in response.content.decode().lower()


def test_a_worker_finds_no_such_page(asked: None, worker: Worker) -> None:
    assert signed_in(worker).get("/desk/assistant/gaps/").status_code == 404


def test_signed_out_goes_to_sign_in(db: None) -> None:
    response = Client().get("/desk/assistant/gaps/")

    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=/desk/assistant/gaps/"


def test_a_covered_gap_leaves_the_list_until_asked_again(
    asked: None, lead: Worker, worker: Worker, scripted_search: ScriptedSearch
) -> None:
    response = signed_in(lead).post(
        "/desk/assistant/gaps/covered/", {"question": "where is the canteen"}
    )

    assert response.status_code == 302
    assert [gap.question for gap in open_gaps()] == ["parking permits"]

    scripted_search.hits = []
    later = timezone.now() + timedelta(seconds=1)
    Turn.objects.filter(normalised="where is the canteen").update(
        created=later - timedelta(days=1)
    )
    conversations.take_turn(worker, "Where is the canteen??")

    assert [(gap.question, gap.asked) for gap in open_gaps()] == [
        ("where is the canteen", 3),
        ("parking permits", 1),
    ]


def test_covering_a_question_nobody_asked_says_so(asked: None, lead: Worker) -> None:
    response = signed_in(lead).post(
        "/desk/assistant/gaps/covered/", {"question": "lunch"}
    )

    assert response.status_code == 400
    assert "No unanswered question reads “lunch”" in response.content.decode()


def test_an_agent_cannot_cover_a_gap(asked: None, agent: Worker) -> None:
    response = signed_in(agent).post(
        "/desk/assistant/gaps/covered/", {"question": "where is the canteen"}
    )

    assert response.status_code == 403
    assert len(open_gaps()) == 2
