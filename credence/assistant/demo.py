"""The demo organisation's conversations with the assistant.

Called after the demo's tickets and articles exist. Every reply is the
assistant's own, from `reply_to` over the demo's articles; only the times
are set back to the demo's days. Two kinds of conversation:

- before a share of the portal tickets: the worker asked first, and then
  asked for a person, so the ticket carries the transcript on the desk;
- on their own: answered (a share of them "this solved it"), or not
  answered and left, which is what fills the leads' list of gaps.
"""

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.db import transaction

from credence.assistant.conversations import PERSON_PLEASE, SOLVED_THANKS
from credence.assistant.models import Conversation, Outcome, Turn, Who
from credence.assistant.turn import TO_A_PERSON, Reply, reply_to
from credence.assistant.words import normalise
from credence.tickets.models import Channel, Ticket
from credence.workers.models import Worker
from credence.workers.roles import is_agent

DEMO_DAYS = 91
# Of the portal tickets in the demo's last days, the share asked of the
# assistant first, and at most how many.
ASKED_FIRST = 0.15
MOST_ASKED_FIRST = 40
OWN_CONVERSATIONS = 36
SOLVED_SHARE = 0.5

QUESTIONS = (
    "vpn keeps dropping at home",
    "how do I reset my password",
    "wifi in the meeting room does not connect",
    "set up mfa on my new phone",
    "add the printer on my floor",
    "outlook is not syncing",
    "my account is locked",
    "camera not working in video calls",
    "is there a canteen menu for this week",
    "where do I park my bike",
    "who approves my holiday",
    "expense app login fails",
    "can I bring my own monitor",
    "how do I book a meeting room",
)

Replier = Callable[[str], Reply]


def add_to_demo(
    rng: random.Random, people: dict[str, Worker], today: date, now: datetime
) -> None:
    workers = [people[name] for name in sorted(people) if not is_agent(people[name])]
    if not workers:
        return
    replies: dict[str, Reply] = {}

    def replied(question: str) -> Reply:
        # The demo's questions repeat; each is answered once, as a worker
        # who is not signed in would be (articles only), so no ticket of
        # one demo worker is quoted to another.
        if question not in replies:
            replies[question] = reply_to(question, None)
        return replies[question]

    with transaction.atomic():
        _before_tickets(rng, now, replied)
        _on_their_own(rng, workers, now, replied)


def _before_tickets(rng: random.Random, now: datetime, replied: Replier) -> None:
    tickets = list(
        Ticket.objects.filter(
            channel=Channel.PORTAL,
            confidential=False,
            opened_at__gte=now - timedelta(days=DEMO_DAYS),
        )
        .select_related("requester")
        .order_by("-opened_at")
    )
    chosen = [ticket for ticket in tickets if rng.random() < ASKED_FIRST]
    for ticket in chosen[:MOST_ASKED_FIRST]:
        started = ticket.opened_at - timedelta(minutes=rng.randint(3, 12))
        conversation = Conversation.objects.create(
            worker=ticket.requester,
            started=started,
            ended=ticket.opened_at,
            outcome=Outcome.HANDED_OFF,
            ticket=ticket,
        )
        _exchange(conversation, ticket.title, replied(ticket.title), started)
        asked_for = started + timedelta(minutes=2)
        _turn(conversation, Who.WORKER, PERSON_PLEASE, asked_for)
        _turn(conversation, Who.ASSISTANT, TO_A_PERSON, asked_for)


def _on_their_own(
    rng: random.Random, workers: list[Worker], now: datetime, replied: Replier
) -> None:
    for _ in range(OWN_CONVERSATIONS):
        worker = rng.choice(workers)
        started = now - timedelta(
            days=rng.randint(1, DEMO_DAYS - 1), minutes=rng.randint(0, 600)
        )
        question = rng.choice(QUESTIONS)
        reply = replied(question)
        conversation = Conversation.objects.create(
            worker=worker, started=started, ended=started + timedelta(minutes=5)
        )
        _exchange(conversation, question, reply, started)
        if reply.answered and rng.random() < SOLVED_SHARE:
            solved_at = started + timedelta(minutes=4)
            _turn(conversation, Who.WORKER, "This solved it", solved_at)
            _turn(conversation, Who.ASSISTANT, SOLVED_THANKS, solved_at)
            conversation.outcome = Outcome.SOLVED
        elif reply.answered:
            conversation.outcome = Outcome.ANSWERED
        else:
            conversation.outcome = Outcome.ABANDONED
        conversation.save(update_fields=["outcome"])


def _exchange(
    conversation: Conversation, question: str, reply: Reply, at: datetime
) -> None:
    asked = reply.answered if not reply.asks_for else None
    Turn.objects.create(
        conversation=conversation,
        who=Who.WORKER,
        text=question,
        answered=asked,
        normalised=normalise(question),
        created=at,
    )
    Turn.objects.create(
        conversation=conversation,
        who=Who.ASSISTANT,
        text=reply.text,
        sources=[{"title": s.title, "url": s.url} for s in reply.sources],
        answered=reply.answered,
        handoff_url=reply.handoff.url if reply.handoff else "",
        created=at + timedelta(seconds=2),
    )


def _turn(conversation: Conversation, who: str, text: str, at: datetime) -> None:
    Turn.objects.create(conversation=conversation, who=who, text=text, created=at)
