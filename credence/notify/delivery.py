"""Send a decided notice's mail, at most once as far as SMTP allows.

A delivery first claims its message with one conditional update, so of two
deliveries asked for the same message (a re-queued task, a re-sent
trigger) only one sends. The message is marked sent once the mail server
has accepted it. One window remains: a process killed after the server
accepted the mail and before the mark was written leaves the message
claimed; the sweeper releases it and it is sent again. The Message-ID is
the same both times, so mail clients show one of the two.
"""

import logging
import smtplib
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F
from django.utils import timezone

from credence.notify.models import OutboxMessage

logger = logging.getLogger(__name__)

# How long one SMTP conversation may take. The sweeper's staleness limit
# must be longer, or it would release a claim whose delivery still runs.
SEND_TIMEOUT_SECONDS = 60


def claim(message_id: int, now: datetime) -> bool:
    claimed = OutboxMessage.objects.filter(
        pk=message_id, sent_at__isnull=True, claimed_at__isnull=True
    ).update(claimed_at=now, attempts=F("attempts") + 1)
    return claimed == 1


def deliver_message(message_id: int) -> bool:
    """Send one outbox message unless sent or claimed; True if sent now."""
    if not claim(message_id, timezone.now()):
        return False
    message = OutboxMessage.objects.get(pk=message_id)
    if not message.recipients:
        logger.warning(
            "Nobody can receive %r: no assignee, agent or lead with an e-mail address",
            message.subject,
        )
        _mark_sent(message_id, "nobody to send it to")
        return False

    mail = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=message.recipients,
        headers={"Message-ID": message.message_id},
        connection=get_connection(timeout=SEND_TIMEOUT_SECONDS),
    )
    try:
        mail.send()
    except (smtplib.SMTPException, OSError) as error:
        # Released at once: the next watcher tick asks for it again.
        OutboxMessage.objects.filter(pk=message_id).update(
            claimed_at=None, last_error=str(error)[:1000]
        )
        logger.warning("Could not send %r: %s", message.subject, error)
        raise
    _mark_sent(message_id, "")
    logger.info("Sent %r to %d recipient(s)", message.subject, len(message.recipients))
    return True


def _mark_sent(message_id: int, note: str) -> None:
    OutboxMessage.objects.filter(pk=message_id).update(
        sent_at=timezone.now(), last_error=note
    )
