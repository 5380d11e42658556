"""The queue refreshes its results by itself, keeping filters and page."""

import pytest
from django.urls import reverse

from credence.desk.views import poll_seconds
from credence.workers.models import Worker
from tests.conftest import signed_in
from tests.desk.conftest import MONDAY_9, open_for

QUEUE = reverse("desk:queue")


def test_the_results_ask_for_the_same_address_every_15_seconds(
    agent: Worker,
) -> None:
    page = signed_in(agent).get(QUEUE + "?waiting=on&page=1").content.decode()

    assert (
        '<div id="queue-results" hx-get="/desk/?waiting=on&amp;page=1" '
        'hx-trigger="every 15s"\n     hx-swap="outerHTML focus-scroll:false" '
        'data-poll-seconds="15">'
    ) in page


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (None, 15),
        ("", 15),
        ("2", 2),
        ("60", 60),
        # Out of bounds or not a number: the default, never a flood.
        ("1", 15),
        ("0", 15),
        ("-5", 15),
        ("61", 15),
        ("2.5", 15),
        ("soon", 15),
    ],
)
def test_an_interval_is_honoured_only_within_bounds(
    asked: str | None, expected: int
) -> None:
    assert poll_seconds(asked) == expected


def test_a_page_may_ask_for_a_shorter_interval(agent: Worker) -> None:
    page = signed_in(agent).get(QUEUE + "?every=2").content.decode()

    assert 'hx-trigger="every 2s"' in page


def test_a_refresh_returns_the_results_and_the_filter_counts_alone(
    worker: Worker, agent: Worker
) -> None:
    open_for(worker, MONDAY_9, "Printer jammed")

    response = signed_in(agent).get(QUEUE + "?unassigned=on", HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert "<html" not in page
    assert '<div id="queue-results" hx-get="/desk/?unassigned=on"' in page
    assert "Printer jammed" in page
    assert (
        '<span class="count" id="count-unassigned" hx-swap-oob="true">(1)</span>'
        in page
    )
    assert '<span class="count" id="count-mine" hx-swap-oob="true">(0)</span>' in page


def test_the_whole_page_has_no_out_of_band_counts(agent: Worker) -> None:
    page = signed_in(agent).get(QUEUE).content.decode()

    assert "hx-swap-oob" not in page
    assert page.count('id="queue-results"') == 1
