"""Clock notices decided, and the mail that carries them.

A `Notice` records that a clock's warning or breach was announced for one
cycle of that clock; its unique constraint is what makes each announcement
happen once however many watchers look at the same moment. The mail is an
`OutboxMessage` written in the same transaction and marked sent only once
the mail server has accepted it, so a background process killed at any
point leaves either nothing decided or a message still to send.
"""

from django.db import models

from credence.tickets.models import Ticket


class Clock(models.TextChoices):
    RESPONSE = "response", "Response"
    RESOLUTION = "resolution", "Resolution"


class NoticeKind(models.TextChoices):
    WARNING = "warning", "Warning"
    BREACH = "breach", "Breach"


class Notice(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    clock = models.CharField(max_length=10, choices=Clock.choices)
    kind = models.CharField(max_length=10, choices=NoticeKind.choices)
    # The response clock has one cycle (0); the resolution clock starts a
    # new one at each reopen (Ticket.resolution_cycle).
    cycle = models.PositiveIntegerField()
    due = models.DateTimeField()
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["decided_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "clock", "kind", "cycle"],
                name="one_notice_per_cycle",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} of the {self.clock} clock of ticket {self.ticket_id}"


class OutboxMessage(models.Model):
    """One mail to send, with its claim and its delivery."""

    notice = models.OneToOneField(
        Notice, on_delete=models.CASCADE, related_name="message"
    )
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # Stable per notice, so that a mail client drops the copy should the
    # message ever be sent twice (see deliver_message).
    message_id = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField()
    # When a delivery was last asked of the background workers.
    enqueued_at = models.DateTimeField()
    # Set by the one delivery that may send it; cleared by the sweeper if
    # that delivery's process died.
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["enqueued_at"],
                name="outbox_pending",
                condition=models.Q(sent_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.subject
