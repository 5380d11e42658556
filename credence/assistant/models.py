"""Conversations with the assistant, turn by turn, and the gaps they reveal.

A conversation belongs to one worker. It ends answered, solved (the worker
said so), handed off (a ticket was opened with it attached) or abandoned
(the worker started again without an answer). The worker's questions that
found no answer are the knowledge gaps a lead reads.
"""

from django.conf import settings
from django.db import models

from credence.tickets.models import Ticket


class Outcome(models.TextChoices):
    OPEN = "", "Open"
    ANSWERED = "answered", "Answered"
    SOLVED = "solved", "Solved"
    HANDED_OFF = "handed_off", "Handed off"
    ABANDONED = "abandoned", "Abandoned"


class Conversation(models.Model):
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="assistant_conversations",
    )
    started = models.DateTimeField()
    ended = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(
        max_length=12, choices=Outcome.choices, default=Outcome.OPEN, blank=True
    )
    ticket = models.ForeignKey(
        Ticket,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assistant_conversations",
    )
    # The catalog request type the conversation was guided to, by slug,
    # so that a lead renaming or removing a type never loses a transcript.
    request_type = models.CharField(max_length=64, blank=True)
    # While the assistant waits for the answer to a clarifying question:
    # the request type's field it asked about.
    awaiting = models.CharField(max_length=64, blank=True)
    # Answers gathered for the request type, keyed by field name.
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started", "-pk"]
        indexes = [models.Index(fields=["worker", "-started"])]

    def __str__(self) -> str:
        return f"Conversation {self.pk} with {self.worker}"

    @property
    def is_open(self) -> bool:
        return self.ended is None


class Who(models.TextChoices):
    WORKER = "worker", "Worker"
    ASSISTANT = "assistant", "Assistant"


class Turn(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="turns"
    )
    who = models.CharField(max_length=10, choices=Who.choices)
    text = models.TextField()
    # [{"title": ..., "url": ...}], the passages an answer came from.
    sources = models.JSONField(default=list, blank=True)
    # On an assistant turn: whether it answered. On the worker's question:
    # whether it was answered; None for a turn that asked nothing (a
    # choice, a request for a person, "this solved it").
    answered = models.BooleanField(null=True, blank=True)
    # The question in lower case without punctuation, to group gaps by.
    normalised = models.CharField(max_length=300, blank=True, db_index=True)
    # An assistant turn's links: the prefilled request form, and choices
    # offered for a clarifying question.
    handoff_url = models.CharField(max_length=1000, blank=True)
    choices = models.JSONField(default=list, blank=True)
    created = models.DateTimeField()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["who", "answered", "normalised"])]

    def __str__(self) -> str:
        return f"{self.get_who_display()}: {self.text[:40]}"


class CoveredGap(models.Model):
    """A lead's mark that a gap now has an article (or needs none).

    The gap leaves the list; if workers ask the same again after the mark,
    it comes back, since the cover did not work.
    """

    normalised = models.CharField(max_length=300, unique=True)
    covered_at = models.DateTimeField()
    covered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.normalised
