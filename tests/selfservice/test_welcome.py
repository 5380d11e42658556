"""The first day: the welcome page, the first request, the welcome mail."""

from datetime import UTC, date, datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from credence.errors import InvalidTransition
from credence.selfservice.models import FirstRequest, WelcomeMail
from credence.selfservice.welcome import send_first_request, send_welcomes
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from tests.conftest import signed_in

FIRST_DAY = date(2026, 3, 2)
MORNING = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def newcomer(worker: Worker) -> Worker:
    worker.start_date = FIRST_DAY
    worker.save()
    return worker


@pytest.fixture(autouse=True)
def frozen() -> object:
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


@override_settings(EMAIL_BACKEND=LOCMEM, CREDENCE_BASE_URL="https://help.example.test")
def test_the_welcome_mail_is_sent_once(newcomer: Worker) -> None:
    assert send_welcomes() == 1
    assert send_welcomes() == 0
    out = StringIO()
    call_command("welcome", stdout=out)

    assert out.getvalue() == "Sent 0 welcome mail(s).\n"

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["wanda@example.test"]
    assert sent.subject == "Welcome: how to get help from IT"
    assert "Hello Wanda," in sent.body
    assert "https://help.example.test/portal/self-service/welcome/" in sent.body
    assert "https://help.example.test/portal/" in sent.body
    record = WelcomeMail.objects.get()
    assert (record.worker_id, record.start_date) == (newcomer.pk, FIRST_DAY)
    assert record.sent_at is not None


@override_settings(EMAIL_BACKEND=LOCMEM)
def test_only_workers_in_their_first_week_are_welcomed(
    newcomer: Worker, other_worker: Worker, agent: Worker
) -> None:
    # Oscar started eight days ago (his first week is over); Ada has no
    # start date; a worker starting tomorrow waits until then.
    other_worker.start_date = date(2026, 2, 22)
    other_worker.save()
    tomorrow = Worker.objects.create_user(
        "tomas", email="tomas@example.test", start_date=date(2026, 3, 3)
    )

    send_welcomes()

    assert [message.to for message in mail.outbox] == [["wanda@example.test"]]
    with time_machine.travel(datetime(2026, 3, 3, 8, 0, tzinfo=UTC), tick=False):
        send_welcomes()
    assert [message.to for message in mail.outbox] == [
        ["wanda@example.test"],
        [tomorrow.email],
    ]


@override_settings(EMAIL_BACKEND=LOCMEM)
def test_a_missed_start_date_is_welcomed_later_in_the_first_week(
    newcomer: Worker,
) -> None:
    with time_machine.travel(datetime(2026, 3, 6, 8, 0, tzinfo=UTC), tick=False):
        send_welcomes()

    assert len(mail.outbox) == 1


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=1,
)
def test_a_failed_send_is_recorded_and_tried_again(newcomer: Worker) -> None:
    assert send_welcomes() == 0

    record = WelcomeMail.objects.get()
    assert record.sent_at is None
    assert record.attempts == 1
    assert record.last_error != ""
    with override_settings(EMAIL_BACKEND=LOCMEM):
        assert send_welcomes() == 1
    assert len(mail.outbox) == 1


@override_settings(EMAIL_BACKEND=LOCMEM)
def test_the_watcher_queues_the_welcome_when_due(newcomer: Worker) -> None:
    from credence.selfservice.tasks import ask_welcomes

    assert ask_welcomes(MORNING) is True
    send_welcomes()
    assert ask_welcomes(MORNING) is False


def test_the_welcome_page_explains_the_portal(newcomer: Worker) -> None:
    page = signed_in(newcomer).get("/portal/self-service/welcome/").content.decode()

    assert "Welcome on your first day, Wanda" in page
    assert "This portal is where you get help from the IT team" in page
    assert ">Send my first request</button>" in page


def test_the_portal_links_to_it_in_the_first_week(newcomer: Worker) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/portal/")
    request.user = newcomer
    shown = Template('{% include "selfservice/_welcome_link.html" %}').render(
        Context({"request": request})
    )

    assert 'href="/portal/self-service/welcome/"' in shown
    newcomer.start_date = date(2026, 2, 1)
    newcomer.save()
    assert "welcome" not in Template(
        '{% include "selfservice/_welcome_link.html" %}'
    ).render(Context({"request": request}))


def test_the_first_request_opens_one_real_ticket(newcomer: Worker) -> None:
    client = signed_in(newcomer)

    first = client.post(
        "/portal/self-service/welcome/first-request/", {"need": "A laptop"}
    )
    second = client.post(
        "/portal/self-service/welcome/first-request/", {"need": "A laptop"}
    )

    ticket = Ticket.objects.get()
    assert (ticket.requester_id, ticket.channel) == (newcomer.pk, "portal")
    assert ticket.title == "My first request"
    assert first["Location"] == f"/portal/tickets/{ticket.number}/"
    assert second["Location"] == f"/portal/tickets/{ticket.number}/"
    assert FirstRequest.objects.get().ticket_id == ticket.pk
    page = client.get(first["Location"]).content.decode()
    assert f"Your first request was sent to the IT team as {ticket.reference}." in page
    assert f"You already sent your first request as {ticket.reference}." in page


def test_the_first_request_without_words(newcomer: Worker) -> None:
    ticket, opened = send_first_request(newcomer)

    assert opened is True
    assert Ticket.objects.get().pk == ticket.pk


def test_the_first_request_is_for_the_first_week(worker: Worker) -> None:
    worker.start_date = date(2026, 2, 20)
    worker.save()

    with pytest.raises(InvalidTransition):
        send_first_request(worker)
    response = signed_in(worker).post("/portal/self-service/welcome/first-request/")

    assert response.status_code == 400
    assert (
        "“Send my first request” is for a worker's first week"
        in response.content.decode()
    )
    assert Ticket.objects.count() == 0
