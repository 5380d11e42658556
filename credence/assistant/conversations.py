"""A worker's conversations with the assistant, recorded turn by turn.

The panel calls these; each takes the worker it acts for and touches only
that worker's conversations.
"""

from django.db import transaction
from django.utils import timezone

from credence.assistant.models import Conversation, Outcome, Turn, Who
from credence.assistant.turn import Kind, Reply, reply_to
from credence.assistant.words import normalise
from credence.errors import InvalidTransition, NotFound
from credence.selfservice import sessions
from credence.workers.models import Worker

# What the "Talk to a person" button says on the worker's behalf.
PERSON_PLEASE = "Talk to a person"
SOLVED_THANKS = "Glad that solved it. Ask again any time."


def current(worker: Worker) -> Conversation | None:
    """The worker's conversation still going on, if any."""
    return Conversation.objects.filter(worker=worker, ended__isnull=True).first()


def own(worker: Worker, conversation_id: int) -> Conversation:
    found = Conversation.objects.filter(worker=worker, pk=conversation_id).first()
    if found is None:
        raise NotFound("There is no such conversation, or it is not yours.")
    return found


def _end(conversation: Conversation) -> None:
    """End a conversation the worker left: answered if anything was."""
    answered = conversation.turns.filter(who=Who.ASSISTANT, answered=True).exists()
    conversation.outcome = Outcome.ANSWERED if answered else Outcome.ABANDONED
    conversation.ended = timezone.now()
    conversation.awaiting = ""
    conversation.save(update_fields=["outcome", "ended", "awaiting"])


@transaction.atomic
def start(worker: Worker) -> Conversation:
    """A new conversation; the one going on, if any, ends."""
    going = current(worker)
    if going is not None:
        _end(going)
    conversation = Conversation.objects.create(worker=worker, started=timezone.now())
    sessions.note(worker, "assistant", str(conversation.pk))
    return conversation


@transaction.atomic
def take_turn(worker: Worker, message: str) -> tuple[Turn, Turn, Reply]:
    """Record the worker's message and the assistant's reply to it."""
    conversation = current(worker) or start(worker)
    reply = reply_to(message, worker, conversation)
    now = timezone.now()

    is_question = reply.kind in (Kind.ANSWER, Kind.NO_ANSWER, Kind.CLARIFY)
    asked = Turn.objects.create(
        conversation=conversation,
        who=Who.WORKER,
        text=message.strip(),
        answered=reply.answered if reply.kind != Kind.CLARIFY and is_question else None,
        normalised=normalise(message) if is_question else "",
        created=now,
    )
    said = Turn.objects.create(
        conversation=conversation,
        who=Who.ASSISTANT,
        text=reply.text,
        sources=[{"title": s.title, "url": s.url} for s in reply.sources],
        answered=reply.answered,
        handoff_url=reply.handoff.url if reply.handoff else "",
        choices=[{"label": c.label, "value": c.value} for c in reply.choices],
        created=now,
    )

    conversation.awaiting = reply.asks_for
    if reply.request_type:
        conversation.request_type = reply.request_type
    if reply.answers:
        conversation.answers = reply.answers
    if reply.answered:
        conversation.outcome = Outcome.ANSWERED
    conversation.save(update_fields=["awaiting", "request_type", "answers", "outcome"])
    return asked, said, reply


@transaction.atomic
def mark_solved(worker: Worker, conversation_id: int) -> Conversation:
    """The worker says the conversation solved their need."""
    conversation = own(worker, conversation_id)
    if conversation.outcome == Outcome.SOLVED:
        return conversation
    if conversation.outcome == Outcome.HANDED_OFF:
        raise InvalidTransition(
            "This conversation went to the IT team as a ticket; tell them "
            "there that it is solved."
        )
    now = timezone.now()
    Turn.objects.create(
        conversation=conversation, who=Who.WORKER, text="This solved it", created=now
    )
    Turn.objects.create(
        conversation=conversation, who=Who.ASSISTANT, text=SOLVED_THANKS, created=now
    )
    conversation.outcome = Outcome.SOLVED
    conversation.ended = now
    conversation.awaiting = ""
    conversation.save(update_fields=["outcome", "ended", "awaiting"])
    sessions.solved(worker, "assistant", str(conversation.pk))
    return conversation
