"""The first day and the first week are the worker's own, in their zone.

Offsets in December 2026, from the tz database: Pacific/Chatham keeps
daylight saving time (UTC+13:45) from the last Sunday of September to the
first Sunday of April; America/St_Johns keeps standard time (UTC-03:30)
from the first Sunday of November to the second Sunday of March. The
tests' installation zone is UTC unless a test says otherwise.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core import mail
from django.test import override_settings

from credence.errors import InvalidTransition
from credence.selfservice.tasks import ask_welcomes
from credence.selfservice.welcome import send_first_request, send_welcomes
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
WELCOME = "/portal/self-service/welcome/"


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


@pytest.fixture(autouse=True)
def locmem_mail() -> Iterator[None]:
    with override_settings(EMAIL_BACKEND=LOCMEM):
        yield


def starting(person: Worker, start: date, zone: str) -> Worker:
    person.start_date = start
    person.time_zone = zone
    person.save()
    return person


def welcomed_at(at: datetime) -> list[list[str]]:
    """Ask as the watcher does, send what is due, and say who has mail."""
    with time_machine.travel(at, tick=False):
        due = ask_welcomes(at)
        sent = send_welcomes()
    assert due is (sent > 0)
    return [message.to for message in mail.outbox]


def page_at(person: Worker, path: str, at: datetime) -> str:
    with time_machine.travel(at, tick=False):
        return signed_in(person).get(path).content.decode()


def test_chatham_is_welcomed_at_its_own_midnight(worker: Worker) -> None:
    starting(worker, date(2026, 12, 4), "Pacific/Chatham")

    # 3 Dec 10:14 UTC + 13:45 = 3 Dec 23:59 in Chatham: the day before.
    assert welcomed_at(utc(3, 10, 14)) == []
    # 3 Dec 10:15 UTC + 13:45 = 4 Dec 00:00 in Chatham: the first day,
    # while it is still 3 December in UTC.
    assert welcomed_at(utc(3, 10, 15)) == [["wanda@example.test"]]


def test_st_johns_is_not_welcomed_on_the_eve(worker: Worker) -> None:
    starting(worker, date(2026, 12, 4), "America/St_Johns")

    # 4 Dec 03:29 UTC - 03:30 = 3 Dec 23:59 in St. John's: already 4
    # December in UTC, but still the eve of the first day there.
    assert welcomed_at(utc(4, 3, 29)) == []
    # 4 Dec 03:30 UTC - 03:30 = 4 Dec 00:00 in St. John's.
    assert welcomed_at(utc(4, 3, 30)) == [["wanda@example.test"]]


def test_an_empty_zone_is_welcomed_at_the_utc_installations_midnight(
    worker: Worker,
) -> None:
    starting(worker, date(2026, 12, 4), "")

    assert welcomed_at(utc(3, 23, 59)) == []
    assert welcomed_at(utc(4, 0, 0)) == [["wanda@example.test"]]


@override_settings(TIME_ZONE="Asia/Kolkata")
def test_an_empty_zone_follows_the_installations_zone(worker: Worker) -> None:
    starting(worker, date(2026, 12, 4), "")

    # Asia/Kolkata is UTC+05:30 all year: 3 Dec 18:29 UTC is 23:59 there,
    # 18:30 UTC is midnight of 4 December.
    assert welcomed_at(utc(3, 18, 29)) == []
    assert welcomed_at(utc(3, 18, 30)) == [["wanda@example.test"]]


def test_each_zone_is_welcomed_on_its_own_start_date(
    worker: Worker, other_worker: Worker
) -> None:
    starting(worker, date(2026, 12, 4), "Pacific/Chatham")
    starting(other_worker, date(2026, 12, 4), "America/St_Johns")

    # 3 Dec 12:00 UTC: 4 Dec 01:45 in Chatham, 3 Dec 08:30 in St. John's.
    assert welcomed_at(utc(3, 12)) == [["wanda@example.test"]]
    # 4 Dec 12:00 UTC: 5 Dec 01:45 in Chatham (Wanda already has hers),
    # 4 Dec 08:30 in St. John's.
    assert welcomed_at(utc(4, 12)) == [
        ["wanda@example.test"],
        ["oscar@example.test"],
    ]


def test_the_chatham_page_does_not_greet_a_first_day_that_has_passed(
    worker: Worker,
) -> None:
    starting(worker, date(2026, 12, 4), "Pacific/Chatham")

    # 4 Dec 13:00 UTC + 13:45 = 5 Dec 02:45 in Chatham: her second day.
    page = page_at(worker, WELCOME, utc(4, 13))

    assert "Welcome, Wanda" in page
    assert "on your first day" not in page
    assert ">Send my first request</button>" in page


def test_a_chatham_first_day_is_greeted_while_utc_is_still_the_day_before(
    worker: Worker,
) -> None:
    starting(worker, date(2026, 12, 5), "Pacific/Chatham")

    # 4 Dec 13:00 UTC + 13:45 = 5 Dec 02:45 in Chatham: her first day.
    welcome = page_at(worker, WELCOME, utc(4, 13))
    home = page_at(worker, "/portal/", utc(4, 13))

    assert "Welcome on your first day, Wanda" in welcome
    assert ">Send my first request</button>" in welcome
    assert "New here? Welcome!" in home
    assert welcomed_at(utc(4, 13)) == [["wanda@example.test"]]


def test_the_banner_waits_for_the_first_day_in_st_johns(worker: Worker) -> None:
    starting(worker, date(2026, 12, 4), "America/St_Johns")

    # 4 Dec 02:00 UTC - 03:30 = 3 Dec 22:30 in St. John's.
    assert "New here? Welcome!" not in page_at(worker, "/portal/", utc(4, 2))
    # 4 Dec 04:00 UTC - 03:30 = 4 Dec 00:30 in St. John's.
    assert "New here? Welcome!" in page_at(worker, "/portal/", utc(4, 4))


def test_the_first_request_window_closes_at_the_workers_midnight(
    worker: Worker,
) -> None:
    starting(worker, date(2026, 12, 4), "America/St_Johns")

    # The first week is 4 to 10 December in St. John's, and ends at
    # 11 Dec 00:00 there, which is 11 Dec 03:30 UTC.
    with (
        time_machine.travel(utc(11, 3, 30), tick=False),
        pytest.raises(InvalidTransition),
    ):
        send_first_request(worker)
    assert Ticket.objects.count() == 0
    # 11 Dec 03:29 UTC - 03:30 = 10 Dec 23:59: still the seventh day.
    with time_machine.travel(utc(11, 3, 29), tick=False):
        ticket, opened = send_first_request(worker)

    assert opened is True
    assert Ticket.objects.get().pk == ticket.pk


def test_the_first_request_window_opens_at_the_workers_midnight(
    worker: Worker,
) -> None:
    starting(worker, date(2026, 12, 4), "Pacific/Chatham")

    # 3 Dec 10:14 UTC is 3 Dec 23:59 in Chatham: not yet.
    with (
        time_machine.travel(utc(3, 10, 14), tick=False),
        pytest.raises(InvalidTransition),
    ):
        send_first_request(worker)
    # 3 Dec 10:15 UTC is 4 Dec 00:00 in Chatham: her first day.
    with time_machine.travel(utc(3, 10, 15), tick=False):
        _, opened = send_first_request(worker)

    assert opened is True
