"""What workers did for themselves, how they rated the help, their first day.

A `Session` groups one worker's self-service activity (searches, article
reads, assistant conversations) that follow each other closely; see
`sessions.py` for the rule. A session is settled one of three ways: the
worker said "this solved it", a ticket from the same worker followed within
the linking window, or the window passed with neither. The link to the
ticket is written when the ticket is created, whatever its channel, so the
figures are counts over indexed columns and never replay activity.
"""

from django.conf import settings
from django.db import models

from credence.tickets.models import Ticket


class ActivityKind(models.TextChoices):
    SEARCH = "search", "Search"
    ARTICLE = "article", "Article read"
    ASSISTANT = "assistant", "Assistant conversation"


class Session(models.Model):
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    started_at = models.DateTimeField()
    last_activity_at = models.DateTimeField()
    searches = models.PositiveIntegerField(default=0)
    articles = models.PositiveIntegerField(default=0)
    conversations = models.PositiveIntegerField(default=0)
    # "This solved it": the session ends there, deflected whatever follows.
    solved_at = models.DateTimeField(null=True, blank=True)
    solved_kind = models.CharField(
        max_length=10, choices=ActivityKind.choices, blank=True
    )
    solved_subject = models.CharField(max_length=200, blank=True)
    # The first ticket the same worker opened from the session's start to
    # the end of the linking window after its last activity.
    ticket = models.ForeignKey(
        Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ticket_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        indexes = [
            # Finding the worker's current session, and the sessions a new
            # ticket of theirs ends.
            models.Index(
                fields=["worker", "-last_activity_at"], name="selfservice_latest"
            ),
            models.Index(fields=["started_at"], name="selfservice_period"),
        ]

    def __str__(self) -> str:
        return f"Self-service session {self.pk} of worker {self.worker_id}"


class Activity(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="activities"
    )
    kind = models.CharField(max_length=10, choices=ActivityKind.choices)
    # The search's words, the article's slug or the conversation's id.
    subject = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField()
    solved = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} in session {self.session_id}"


class Satisfaction(models.Model):
    """One resolution's question to the requester, and their answer.

    Written when the ticket is resolved (the question is asked), keyed by
    the resolution's instant, so a ticket reopened and resolved again asks
    afresh and the earlier answer stays with the earlier resolution. The
    score is empty until the requester answers.
    """

    ticket = models.ForeignKey(
        Ticket, on_delete=models.CASCADE, related_name="satisfaction"
    )
    resolved_at = models.DateTimeField()
    # The requester asked: the only one who may answer.
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-resolved_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "resolved_at"], name="one_question_per_resolution"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True)
                | models.Q(score__gte=1, score__lte=5),
                name="satisfaction_score_1_to_5",
            ),
        ]
        indexes = [
            models.Index(fields=["resolved_at"], name="satisfaction_period"),
        ]

    def __str__(self) -> str:
        return f"Satisfaction with ticket {self.ticket_id} at {self.resolved_at}"


class WelcomeMail(models.Model):
    """The one welcome mail of a worker, recorded before it is sent."""

    worker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    start_date = models.DateField()
    recipient = models.CharField(max_length=254)
    created_at = models.DateTimeField()
    # Set by the one sender that may send it; a claim older than a few
    # minutes is taken to have lost its process and may be taken again.
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="welcome_unsent",
                condition=models.Q(sent_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"Welcome mail for worker {self.worker_id}"


class FirstRequest(models.Model):
    """The ticket a new worker sent with "Send my first request"."""

    worker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"First request of worker {self.worker_id}"
