"""Sessions: how activity is grouped, and which tickets end them."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import transaction

from credence.errors import InvalidInput
from credence.selfservice.models import Activity, Session
from credence.selfservice.sessions import note, solved
from credence.tickets.services import open_ticket
from credence.workers.models import Worker

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def _note(
    worker: Worker, minutes: float, kind: str = "search", subject: str = "vpn"
) -> None:
    with time_machine.travel(_at(minutes), tick=False):
        note(worker, kind, subject)


def _ticket(requester: Worker, at: datetime, actor: Worker | None, channel: str) -> int:
    ticket = open_ticket(
        requester=requester,
        kind="incident",
        title="VPN drops",
        channel=channel,
        priority="medium",
        actor=actor,
        at=at,
    )
    return ticket.pk


def test_activity_within_thirty_minutes_is_one_session(worker: Worker) -> None:
    _note(worker, 0, "search", "vpn")
    _note(worker, 20, "article", "vpn-setup")
    _note(worker, 50, "assistant", "17")

    session = Session.objects.get()
    assert (session.searches, session.articles, session.conversations) == (1, 1, 1)
    assert session.started_at == _at(0)
    assert session.last_activity_at == _at(50)
    assert list(Activity.objects.values_list("kind", "subject")) == [
        ("search", "vpn"),
        ("article", "vpn-setup"),
        ("assistant", "17"),
    ]


def test_a_silence_longer_than_thirty_minutes_starts_a_new_session(
    worker: Worker,
) -> None:
    _note(worker, 0)
    _note(worker, 30)
    _note(worker, 61)

    assert Session.objects.count() == 2


def test_each_worker_has_their_own_sessions(
    worker: Worker, other_worker: Worker
) -> None:
    _note(worker, 0)
    _note(other_worker, 1)

    assert Session.objects.filter(worker=worker).count() == 1
    assert Session.objects.filter(worker=other_worker).count() == 1


def test_solved_ends_the_session(worker: Worker) -> None:
    _note(worker, 0, "article", "reset-password")
    with time_machine.travel(_at(2), tick=False):
        solved(worker, "article", "reset-password")
    _note(worker, 5, "search", "printer")

    first, second = Session.objects.order_by("started_at")
    assert first.solved_at == _at(2)
    assert first.solved_kind == "article"
    assert first.solved_subject == "reset-password"
    assert second.solved_at is None
    assert second.searches == 1


def test_solved_twice_on_the_same_page_is_one_answer(worker: Worker) -> None:
    with time_machine.travel(_at(0), tick=False):
        solved(worker, "assistant", "41")
    with time_machine.travel(_at(0.1), tick=False):
        solved(worker, "assistant", "41")

    assert Session.objects.count() == 1
    assert Activity.objects.filter(solved=True).count() == 1


def test_an_unknown_kind_is_refused(worker: Worker) -> None:
    with pytest.raises(InvalidInput) as error:
        note(worker, "video", "x")

    assert error.value.message == (
        "Self-service activity is a search, an article or an assistant "
        "conversation, not video."
    )


def test_anonymous_activity_is_not_recorded(db: None) -> None:
    from django.contrib.auth.models import AnonymousUser

    note(AnonymousUser(), "search", "vpn")  # type: ignore[arg-type]

    assert Session.objects.count() == 0


@pytest.mark.parametrize("channel", ["portal", "assistant", "chat", "phone"])
def test_a_ticket_the_worker_opens_links_through_any_channel(
    worker: Worker, channel: str
) -> None:
    _note(worker, 0)

    ticket = _ticket(worker, _at(60 * 24), worker, channel)

    assert Session.objects.get().ticket_id == ticket


def test_a_ticket_logged_on_behalf_links(worker: Worker, agent: Worker) -> None:
    _note(worker, 0)

    ticket = _ticket(worker, _at(60 * 24 * 3), agent, "walk-up")

    session = Session.objects.get()
    assert session.ticket_id == ticket
    assert session.ticket_opened_at == _at(60 * 24 * 3)


def test_a_ticket_taken_in_from_mail_links(worker: Worker) -> None:
    _note(worker, 0)

    ticket = _ticket(worker, _at(90), None, "email")

    assert Session.objects.get().ticket_id == ticket


def test_a_ticket_opened_exactly_seven_days_after_links(worker: Worker) -> None:
    _note(worker, 0)
    _note(worker, 10)

    ticket = _ticket(worker, _at(10) + timedelta(days=7), worker, "portal")

    assert Session.objects.get().ticket_id == ticket


def test_a_ticket_seven_days_and_a_minute_after_does_not_link(worker: Worker) -> None:
    _note(worker, 0)
    _note(worker, 10)

    _ticket(worker, _at(11) + timedelta(days=7), worker, "portal")

    assert Session.objects.get().ticket_id is None


def test_another_workers_ticket_does_not_link(
    worker: Worker, other_worker: Worker
) -> None:
    _note(worker, 0)

    _ticket(other_worker, _at(60), other_worker, "portal")

    assert Session.objects.get().ticket_id is None


def test_a_ticket_opened_before_the_session_does_not_link(worker: Worker) -> None:
    _ticket(worker, _at(-5), worker, "portal")

    _note(worker, 0)

    assert Session.objects.get().ticket_id is None


def test_a_session_keeps_the_first_ticket_that_followed(worker: Worker) -> None:
    _note(worker, 0)
    first = _ticket(worker, _at(60), worker, "portal")
    _ticket(worker, _at(120), worker, "email")

    assert Session.objects.get().ticket_id == first


def test_a_ticket_ends_every_session_it_follows(worker: Worker) -> None:
    _note(worker, 0)
    _note(worker, 60 * 24)

    ticket = _ticket(worker, _at(60 * 48), worker, "portal")

    assert list(Session.objects.values_list("ticket_id", flat=True)) == [ticket] * 2


def test_a_rolled_back_ticket_leaves_no_link(worker: Worker) -> None:
    _note(worker, 0)

    with pytest.raises(RuntimeError), transaction.atomic():
        _ticket(worker, _at(5), worker, "portal")
        raise RuntimeError("the rest of the request failed")

    assert Session.objects.get().ticket_id is None
