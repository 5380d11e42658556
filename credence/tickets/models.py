"""Tickets, their conversation, their history and their derived clocks.

The history (`TicketEvent`) is the truth and is only ever appended to. The
SLO columns on `Ticket` and the rows of `TicketSpan` are derived from it by
`credence.slo.derive.rederive_ticket`, in the same transaction as the
change, so queues and reports read them without recomputing anything.
"""

from typing import Any

from django.conf import settings
from django.db import models

from credence.slo.models import PRIORITY_CHOICES


class Kind(models.TextChoices):
    REQUEST = "request", "Request"
    INCIDENT = "incident", "Incident"


class Channel(models.TextChoices):
    PORTAL = "portal", "Portal"
    ASSISTANT = "assistant", "Assistant"
    EMAIL = "email", "Email"
    CHAT = "chat", "Chat"
    PHONE = "phone", "Phone"
    WALK_UP = "walk-up", "Walk-up"
    API = "api", "API"


FRONT_DOOR = (Channel.PORTAL, Channel.ASSISTANT)


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    WAITING = "waiting", "Waiting on worker"
    RESOLVED = "resolved", "Resolved"
    CLOSED = "closed", "Closed"


OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.WAITING)


class Outcome(models.TextChoices):
    MET = "met", "Met"
    BREACHED = "breached", "Breached"
    RUNNING = "running", "Running"
    PAUSED = "paused", "Paused"
    # Stopped by a move to project work before its target was kept or missed.
    MOVED = "moved", "Moved to project"


class Ticket(models.Model):
    number = models.PositiveIntegerField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tickets"
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    priority = models.CharField(max_length=10, choices=PRIORITY_CHOICES)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
    )
    confidential = models.BooleanField(default=False)
    # Where an imported ticket came from, e.g. "servicenow:INC0000045";
    # unique so that importing the same history twice changes nothing.
    source_ref = models.CharField(max_length=100, null=True, blank=True, unique=True)
    # How far the source history has been imported, e.g. "5 rows 3f0a...":
    # the first rows applied, in order, and a digest of what was read of
    # them, so a later import carries on after them and notices a source
    # that changed. Written by the importer that set source_ref.
    source_position = models.CharField(max_length=64, null=True, blank=True)

    opened_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Set by `move_to_project`: when the ticket left service work, and where
    # the project that took it over is tracked (a URL or a name). The
    # reports count moved tickets from the first, without reading history.
    moved_to_project_at = models.DateTimeField(null=True, blank=True)
    project_tracked_at = models.CharField(max_length=300, blank=True)

    # Derived from the history as it stands now; see slo/derive.py.
    response_due = models.DateTimeField(null=True, blank=True)
    response_stopped_at = models.DateTimeField(null=True, blank=True)
    response_outcome = models.CharField(
        max_length=10, choices=Outcome.choices, default=Outcome.RUNNING
    )
    response_elapsed_minutes = models.FloatField(null=True, blank=True)
    resolution_due = models.DateTimeField(null=True, blank=True)
    resolution_stopped_at = models.DateTimeField(null=True, blank=True)
    resolution_outcome = models.CharField(
        max_length=10, choices=Outcome.choices, default=Outcome.RUNNING
    )
    resolution_elapsed_minutes = models.FloatField(null=True, blank=True)
    # The nearest due of a clock still running, for ordering the queue.
    next_due = models.DateTimeField(null=True, blank=True)
    # When each clock reaches its objective's warning share (75% of the
    # target by default), given its pauses so far; NULL while the clock is
    # stopped or held. The notices watcher reads these, never the history.
    response_warn_at = models.DateTimeField(null=True, blank=True)
    resolution_warn_at = models.DateTimeField(null=True, blank=True)
    # How many times a reopen restarted the resolution clock: each restart
    # is a new cycle, with its own warning and breach notice.
    resolution_cycle = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-number"]
        permissions = [
            ("work_tickets", "Work the desk as an agent"),
            ("lead_desk", "Lead the desk: objectives, confidential tickets, metrics"),
        ]
        indexes = [
            models.Index(fields=["status", "next_due"], name="queue_order"),
            models.Index(fields=["requester", "-opened_at"], name="my_tickets"),
            models.Index(fields=["opened_at", "channel", "kind"], name="period_volume"),
            # The weekly review's first cut of tickets open at an instant.
            models.Index(fields=["resolved_at"], name="last_resolved"),
            # The same cut with what the review orders and counts them by,
            # so that it is read from the index alone.
            models.Index(
                fields=["resolved_at", "opened_at", "number", "moved_to_project_at"],
                name="open_at_instant",
            ),
            # Only running clocks have a warning instant, so the watcher's
            # index holds the open tickets alone, however many are stored.
            models.Index(
                fields=["response_warn_at"],
                name="response_warning",
                condition=models.Q(response_warn_at__isnull=False),
            ),
            models.Index(
                fields=["resolution_warn_at"],
                name="resolution_warning",
                condition=models.Q(resolution_warn_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"CR-{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class CommentKind(models.TextChoices):
    PUBLIC_REPLY = "public_reply", "Public reply"
    INTERNAL_NOTE = "internal_note", "Internal note"
    WORKER_COMMENT = "worker_comment", "Worker comment"
    AUTOMATIC = "automatic", "Automatic message"


PUBLIC_COMMENT_KINDS = (
    CommentKind.PUBLIC_REPLY,
    CommentKind.WORKER_COMMENT,
    CommentKind.AUTOMATIC,
)


class Comment(models.Model):
    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    kind = models.CharField(max_length=16, choices=CommentKind.choices)
    body = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.ticket.reference}"

    @property
    def is_public(self) -> bool:
        return self.kind in PUBLIC_COMMENT_KINDS


class EventType(models.TextChoices):
    OPENED = "opened", "Opened"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    REPLIED = "replied", "Replied"
    NOTED = "noted", "Internal note"
    AUTO_REPLIED = "auto_replied", "Automatic message"
    WORKER_COMMENTED = "worker_commented", "Worker commented"
    ASSIGNED = "assigned", "Assigned"
    PRIORITY_CHANGED = "priority_changed", "Priority changed"
    WAITING = "waiting", "Waiting on worker"
    RESUMED = "resumed", "Worker replied"
    RESOLVED = "resolved", "Resolved"
    REOPENED = "reopened", "Reopened"
    CLOSED = "closed", "Closed"
    MARKED_CONFIDENTIAL = "marked_confidential", "Marked confidential"
    FORMALISED = "formalised", "Formalised"
    MOVED_TO_PROJECT = "moved_to_project", "Moved to project work"


class AppendOnlyError(Exception):
    pass


class TicketEvent(models.Model):
    """One change to a ticket, with who made it and when. Never edited."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=20, choices=EventType.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["ticket", "at", "id"], name="ticket_history")]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.type} at {self.at.isoformat()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("A ticket's history is never rewritten.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("A ticket's history is never deleted.")


class TicketSpan(models.Model):
    """How a ticket stood during [start, end): one stretch of its timeline.

    Reports ask how tickets stood at an instant (the end of a month). The
    span containing that instant answers with one indexed range lookup,
    without replaying any history. Outcomes are constant inside a span: a
    running clock's span ends at its due, and the next one says breached.
    """

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="spans")
    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    priority = models.CharField(max_length=10, choices=PRIORITY_CHOICES)
    resolved = models.BooleanField()
    response_outcome = models.CharField(max_length=10, choices=Outcome.choices)
    response_due = models.DateTimeField(null=True, blank=True)
    response_elapsed_minutes = models.FloatField(null=True, blank=True)
    resolution_outcome = models.CharField(max_length=10, choices=Outcome.choices)
    resolution_due = models.DateTimeField(null=True, blank=True)
    resolution_elapsed_minutes = models.FloatField(null=True, blank=True)
    # Copies of the ticket's own fields, written with the span by the same
    # re-derivation, so that a report or review reads its spans from one
    # index without joining a million tickets. Empty only on a span written
    # before they existed and not yet filled in by migration 0009.
    opened_at = models.DateTimeField(null=True, blank=True)
    channel = models.CharField(max_length=10, null=True, blank=True)
    kind = models.CharField(max_length=10, null=True, blank=True)
    moved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["ticket", "start"]
        indexes = [
            models.Index(fields=["ticket", "start"], name="span_lookup"),
            # A period's report: the spans of the tickets opened in it, read
            # in one range of this index and nothing else.
            models.Index(
                fields=[
                    "opened_at",
                    "start",
                    "end",
                    "priority",
                    "channel",
                    "kind",
                    "resolved",
                    "moved_at",
                    "response_outcome",
                    "response_elapsed_minutes",
                    "resolution_outcome",
                    "resolution_elapsed_minutes",
                ],
                name="span_period",
            ),
            # Covers a report's read of how each ticket stood at an instant,
            # so the database answers from the index alone.
            models.Index(
                fields=[
                    "ticket",
                    "start",
                    "end",
                    "priority",
                    "resolved",
                    "response_outcome",
                    "response_elapsed_minutes",
                    "resolution_outcome",
                    "resolution_elapsed_minutes",
                ],
                name="span_as_of",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ticket_id} from {self.start.isoformat()}"


class TicketNumber(models.Model):
    """The last ticket number handed out; one row, locked while numbering."""

    last = models.PositiveIntegerField(default=1000)

    def __str__(self) -> str:
        return f"last ticket number {self.last}"
