"""The desk's publication page, per persona (see conftest.py for March)."""

from pathlib import Path

import pytest
from django.core import mail
from pytest_django.fixtures import Settings

from credence.errors import InvalidInput
from credence.publish.keeping import explain_miss
from credence.publish.models import Explanation, Recipient
from credence.slo.models import Objective
from credence.tickets.models import Ticket, TicketSpan
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.publish.helpers import publish_march

PAGE = "/desk/publish/?month=2026-03"
EXPLAIN = "/desk/publish/explain/"
HIGH_RESPONSE = {"month": "2026-03", "group": "high", "clock": "response"}
LEADS_ONLY = "Only a lead may change the monthly publication."


def test_a_worker_finds_no_page(march: dict[str, Ticket], worker: Worker) -> None:
    client = signed_in(worker)

    assert client.get(PAGE).status_code == 404
    assert client.post(EXPLAIN, {**HIGH_RESPONSE, "text": "x"}).status_code == 404


def test_an_agent_reads_the_misses_without_forms(
    march: dict[str, Ticket], agent: Worker
) -> None:
    page = signed_in(agent).get(PAGE)

    assert page.status_code == 200
    text = page.content.decode()
    assert (
        "Missed: response compliance for high was 50.0% against a target of 80%" in text
    )
    assert text.count("No explanation given.") == 8
    assert 'action="/desk/publish/explain/"' not in text
    assert "What if the targets were different?" not in text


def test_an_agent_may_not_explain_add_addresses_or_publish(
    march: dict[str, Ticket], agent: Worker
) -> None:
    client = signed_in(agent)

    explained = client.post(EXPLAIN, {**HIGH_RESPONSE, "text": "Short-staffed."})
    added = client.post(
        "/desk/publish/recipients/", {"month": "2026-03", "email": "a@example.test"}
    )
    published = client.post("/desk/publish/publish/", {"month": "2026-03"})

    for response in (explained, added, published):
        assert response.status_code == 403
        assert LEADS_ONLY in response.content.decode()
    assert Explanation.objects.count() == 0
    assert Recipient.objects.count() == 0


def test_a_lead_explains_a_miss_and_it_is_kept_with_its_month(
    march: dict[str, Ticket], lead: Worker, tmp_path: Path
) -> None:
    client = signed_in(lead)

    response = client.post(
        EXPLAIN, {**HIGH_RESPONSE, "text": "Two agents were ill that week."}
    )

    assert response.status_code == 302
    assert response["Location"] == PAGE
    kept = Explanation.objects.get()
    assert (kept.month, kept.group, kept.clock) == ("2026-03", "high", "response")
    assert kept.written_by == lead
    page = client.get(PAGE).content.decode()
    assert "Two agents were ill that week.</textarea>" in page
    text = publish_march(tmp_path).markdown.read_text()
    assert (
        "of 80%** (1 met, 1 breached).\n  Explanation: Two agents were ill that "
        "week.\n" in text
    )
    # The seven other misses still say so plainly.
    assert text.count("No explanation given.") == 7
    # April has no explanation of its own.
    april = client.get("/desk/publish/?month=2026-04").content.decode()
    assert "Two agents were ill" not in april


def test_an_empty_explanation_removes_it(
    march: dict[str, Ticket], lead: Worker
) -> None:
    client = signed_in(lead)
    client.post(EXPLAIN, {**HIGH_RESPONSE, "text": "Ill."})

    client.post(EXPLAIN, {**HIGH_RESPONSE, "text": "  "})

    assert Explanation.objects.count() == 0


def test_a_lead_keeps_the_mailing_list(march: dict[str, Ticket], lead: Worker) -> None:
    client = signed_in(lead)

    client.post("/desk/publish/recipients/", {"month": "2026-03", "email": "b@x.test"})
    refused = client.post(
        "/desk/publish/recipients/", {"month": "2026-03", "email": "not mail"}
    )
    kept = Recipient.objects.get()
    client.post("/desk/publish/recipients/", {"month": "2026-03", "remove": kept.pk})

    assert kept.email == "b@x.test"
    assert refused.status_code == 400
    assert (
        "&#x27;not mail&#x27; is not an e-mail address: give one such as "
        "leadership@example.org." in refused.content.decode()
    )
    assert Recipient.objects.count() == 0


def test_a_lead_publishes_and_mails_from_the_page(
    march: dict[str, Ticket], lead: Worker, settings: Settings, tmp_path: Path
) -> None:
    settings.CREDENCE_PUBLICATIONS_DIR = str(tmp_path)
    Recipient.objects.create(email="board@example.test")

    response = signed_in(lead).post(
        "/desk/publish/publish/", {"month": "2026-03"}, follow=True
    )

    assert response.status_code == 200
    assert (
        "Published March 2026: wrote 2026-03.md and 2026-03.html, sent to 1 "
        "address(es)." in response.content.decode()
    )
    assert (tmp_path / "2026-03.md").exists()
    assert [message.to for message in mail.outbox] == [["board@example.test"]]


def _stored() -> tuple[list[object], list[object], list[object]]:
    return (
        list(Objective.objects.values()),
        list(TicketSpan.objects.order_by("pk").values()),
        list(Ticket.objects.order_by("pk").values()),
    )


def test_what_if_re_measures_against_other_targets_and_changes_nothing(
    march: dict[str, Ticket], lead: Worker
) -> None:
    before = _stored()

    page = signed_in(lead).get(
        PAGE + "&target_high_response=40&target_medium_resolution=25"
    )

    text = page.content.decode()
    # High response 1/2 = 50% against 40%: met. Medium resolution 1/4 = 25%
    # against 25%: met, as compliance equal to the target is met.
    assert (
        "<li>Met: response compliance for high was 50.0% against a target of 40%"
        in (text)
    )
    assert (
        "<li>Met: resolution compliance for medium was 25.0% against a target "
        "of 25%</li>" in text
    )
    # Untouched priorities keep their stored target.
    assert (
        "<li>Missed: response compliance for low was 50.0% against a target of "
        "80%</li>" in text
    )
    assert _stored() == before


def test_what_if_refuses_a_target_out_of_range(
    march: dict[str, Ticket], lead: Worker
) -> None:
    page = signed_in(lead).get(PAGE + "&target_high_response=140")

    assert page.status_code == 400
    assert (
        "&#x27;140&#x27; is not a target: give a percentage from 0 to 100."
        in page.content.decode()
    )


def test_an_explanation_longer_than_a_few_paragraphs_is_refused(lead: Worker) -> None:
    with pytest.raises(InvalidInput) as error:
        explain_miss(lead, "2026-03", "high", "response", "x" * 4001)

    assert error.value.message == (
        "The explanation is 4001 characters; keep it to 4000, the length of a few "
        "paragraphs."
    )
    assert not Explanation.objects.exists()
