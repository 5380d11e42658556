"""The demo's conversations: the assistant's real replies, set in the past."""

import random
from datetime import UTC, date, datetime, timedelta

from credence.assistant.demo import OWN_CONVERSATIONS, QUESTIONS, add_to_demo
from credence.assistant.gaps import open_gaps
from credence.assistant.models import Conversation, Outcome, Turn
from credence.assistant.turn import TO_A_PERSON
from credence.assistant.words import normalise
from credence.knowledge.demo import add_to_demo as add_articles
from credence.tickets import services
from credence.workers.models import Team, Worker
from credence.workers.roles import make_agent

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
TODAY = date(2026, 12, 1)


def test_the_demo_has_conversations_before_tickets_and_on_their_own(
    db: None,
) -> None:
    team = Team.objects.create(name="Sales")
    people = {
        f"w{n}": Worker.objects.create_user(username=f"w{n}", team=team)
        for n in range(6)
    }
    make_agent(people["w0"])
    add_articles(random.Random(3), people, TODAY, NOW)
    for n in range(30):
        services.open_ticket(
            requester=people[f"w{1 + n % 5}"],
            kind="incident",
            title="VPN keeps dropping at home",
            priority="medium",
            actor=people[f"w{1 + n % 5}"],
            at=NOW - timedelta(days=n + 1),
        )

    add_to_demo(random.Random(7), people, TODAY, NOW)

    handed = Conversation.objects.filter(outcome=Outcome.HANDED_OFF)
    own = Conversation.objects.exclude(outcome=Outcome.HANDED_OFF)
    assert own.count() == OWN_CONVERSATIONS
    assert handed.exists()
    for conversation in handed.select_related("ticket"):
        assert conversation.ticket is not None
        assert conversation.ticket.requester_id == conversation.worker_id
        assert conversation.started < conversation.ticket.opened_at
        assert list(conversation.turns.values_list("text", flat=True))[-1] == (
            TO_A_PERSON
        )
    assert not own.filter(worker=people["w0"]).exists()

    for turn in Turn.objects.filter(who="assistant", answered=True):
        assert turn.sources
        assert all(s["url"].startswith("/portal/articles/") for s in turn.sources)
    asked = {normalise(question) for question in QUESTIONS}
    gaps = open_gaps()
    assert gaps
    assert {gap.question for gap in gaps} <= asked | {"vpn keeps dropping at home"}
