"""A new worker's first day: the welcome mail and the first request.

A start date is a day on the worker's own calendar: their first day begins
at midnight in their time zone (the installation's when they chose none),
and their first week is that day and the six after it. The welcome page,
the portal's banner, the one-click first request and the welcome mail all
judge it there, so a worker in Pacific/Chatham and one in America/St_Johns
starting on the same date are welcomed more than fifteen hours apart.

The welcome mail goes to each active worker with an e-mail address on
their start date. Should no watcher run that day (a machine down over a
weekend), it goes on a later day of their first week instead, never after.
Each worker gets it once: the mail is recorded under the worker's unique
key before it is sent, then claimed by one sender with a conditional
update, and marked sent once the mail server accepted it. A sender killed
after the server accepted the mail and before the mark was written leaves a
claim that is taken again after CLAIM_STALE, so that one narrow window can
send it twice; the Message-ID is the same both times.

"Send my first request" opens one real ticket of the catalog's
"my-first-request" type, once per worker: a second press (a double click,
a form sent again) finds the first.
"""

import logging
import smtplib
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from credence.catalog.requests import open_request
from credence.errors import InvalidTransition
from credence.selfservice.models import FirstRequest, WelcomeMail
from credence.tickets.models import Ticket
from credence.tickets.priority import Affected, CanWork
from credence.workers.models import Worker
from credence.workers.zones import display_zone

logger = logging.getLogger(__name__)

FIRST_WEEK = timedelta(days=7)
# Every zone's date is the UTC date, the day before or the day after (zones
# run from UTC-12 to UTC+14), so a start date that is someone's today lies
# within a day of the UTC date.
ZONE_SPREAD = timedelta(days=1)
FIRST_REQUEST_TYPE = "my-first-request"
# The starter catalog's field of that type: what the worker needs.
FIRST_REQUEST_NEED = "need"
# Longer than any SMTP conversation (SEND_TIMEOUT_SECONDS).
CLAIM_STALE = timedelta(minutes=10)
SEND_TIMEOUT_SECONDS = 60
MAX_ATTEMPTS = 5


def worker_today(worker: Worker, now: datetime) -> date:
    """The date it is for the worker at `now`, in their own zone."""
    return now.astimezone(display_zone(worker)).date()


def starts_today(worker: Worker, now: datetime) -> bool:
    return worker.start_date == worker_today(worker, now)


def in_first_week(worker: Worker, now: datetime) -> bool:
    start = worker.start_date
    if start is None:
        return False
    today = worker_today(worker, now)
    return start <= today < start + FIRST_WEEK


def first_request_of(worker: Worker) -> Ticket | None:
    found = FirstRequest.objects.filter(worker=worker).select_related("ticket").first()
    return None if found is None else found.ticket


def send_first_request(
    worker: Worker, need: str = "", now: datetime | None = None
) -> tuple[Ticket, bool]:
    """Open the worker's first request; False with it if already sent.

    Raises InvalidTransition outside the worker's first week, and the
    catalog's AnswerError should its "my-first-request" type need answers
    a single click cannot give.
    """
    now = now or timezone.now()
    if not in_first_week(worker, now):
        raise InvalidTransition(
            "“Send my first request” is for a worker's first week; ask for "
            "what you need from the portal's home instead."
        )
    with transaction.atomic():
        # Two presses at the same moment queue here; the second finds the
        # first request.
        Worker.objects.select_for_update().get(pk=worker.pk)
        earlier = first_request_of(worker)
        if earlier is not None:
            return earlier, False
        # The starter type's one optional field is what the worker needs
        # to get started; the two impact questions, should a lead make the
        # type ask them, are answered for one person who can work.
        answers = {
            FIRST_REQUEST_NEED: need,
            "affected": Affected.JUST_ME.value,
            "can_work": CanWork.YES.value,
        }
        ticket = open_request(worker, FIRST_REQUEST_TYPE, answers)
        FirstRequest.objects.create(worker=worker, ticket=ticket, sent_at=now)
        return ticket, True


def due_workers(now: datetime) -> list[Worker]:
    """Workers in their first week, in their own zone, who have no welcome
    mail yet.

    The query takes every start date that is in its first week in some
    zone, a few days' newcomers at most; each is then judged in their own.
    """
    utc_today = now.astimezone(UTC).date()
    candidates = (
        Worker.objects.filter(
            is_active=True,
            start_date__lte=utc_today + ZONE_SPREAD,
            start_date__gt=utc_today - ZONE_SPREAD - FIRST_WEEK,
        )
        .exclude(email="")
        .exclude(pk__in=WelcomeMail.objects.values("worker_id"))
        .order_by("pk")
    )
    return [worker for worker in candidates if in_first_week(worker, now)]


def _unsent(now: datetime) -> QuerySet[WelcomeMail]:
    return WelcomeMail.objects.filter(
        sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS
    ).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_STALE))


def welcomes_due(now: datetime) -> bool:
    """Whether a welcome mail waits to be recorded or sent: two cheap
    queries, for the watcher to ask on every tick."""
    return bool(due_workers(now)) or _unsent(now).exists()


def send_welcomes(now: datetime | None = None) -> int:
    """Record and send the welcome mails due; how many were sent now."""
    now = now or timezone.now()
    for worker in due_workers(now):
        _record(worker, now)
    sent = 0
    for mail_id in _unsent(now).values_list("pk", flat=True):
        if _deliver(mail_id, now):
            sent += 1
    return sent


def _record(worker: Worker, now: datetime) -> None:
    assert worker.start_date is not None
    try:
        with transaction.atomic():
            WelcomeMail.objects.create(
                worker=worker,
                start_date=worker.start_date,
                recipient=worker.email,
                created_at=now,
            )
    except IntegrityError:
        # Another sender recorded it a moment ago: theirs to send.
        return


def _deliver(mail_id: int, now: datetime) -> bool:
    claimed = (
        _unsent(now)
        .filter(pk=mail_id)
        .update(claimed_at=now, attempts=F("attempts") + 1)
    )
    if claimed != 1:
        return False
    record = WelcomeMail.objects.select_related("worker").get(pk=mail_id)
    mail = EmailMessage(
        subject="Welcome: how to get help from IT",
        body=welcome_text(record.worker),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[record.recipient],
        headers={"Message-ID": _message_id(record)},
        connection=get_connection(timeout=SEND_TIMEOUT_SECONDS),
    )
    try:
        mail.send()
    except (smtplib.SMTPException, OSError) as error:
        WelcomeMail.objects.filter(pk=mail_id).update(
            claimed_at=None, last_error=str(error)[:1000]
        )
        logger.warning("Could not send the welcome mail %d: %s", mail_id, error)
        return False
    WelcomeMail.objects.filter(pk=mail_id).update(sent_at=timezone.now())
    logger.info("Sent the welcome mail %d", mail_id)
    return True


def welcome_text(worker: Worker) -> str:
    base = settings.CREDENCE_BASE_URL.rstrip("/")
    return render_to_string(
        "selfservice/welcome_mail.txt",
        {
            "worker": worker,
            "welcome_link": base + reverse("selfservice:welcome"),
            "portal_link": base + reverse("portal:home"),
        },
    )


def _message_id(record: WelcomeMail) -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<welcome-{record.worker_id}-{record.start_date:%Y%m%d}@{domain}>"
