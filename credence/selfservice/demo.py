"""The demo organisation's self-service sessions and satisfaction answers.

Called after the demo's tickets exist. Sessions are generated as workers
would leave them over the demo's days: some just before a portal or
assistant ticket (the worker searched, did not find it, asked), some days
before a ticket by another channel (they looked, then phoned), and many on
their own, a share of which end with "this solved it". Each is then linked
to the first ticket of the same worker by the rule the live signal applies
(`sessions.py`): from the session's start to 7 days after its last
activity. So the demo's deflection figures come out of the same definitions
as a real installation's, not from a chosen rate.

A share of the demo's resolutions gets its requester's answer, kinder to
tickets whose resolution clock was met than to those that breached.
"""

import random
from bisect import bisect_left
from collections import defaultdict
from datetime import date, datetime, timedelta

from credence.knowledge.models import Article
from credence.selfservice.models import Activity, ActivityKind, Satisfaction, Session
from credence.selfservice.sessions import LINK_WINDOW
from credence.tickets.models import FRONT_DOOR, Outcome, Ticket
from credence.workers.models import Worker

DEMO_DAYS = 91
# Of front-door tickets, the share a session came just before.
BEFORE_FRONT_DOOR = 0.6
# Of side-channel tickets, the share a session came days before.
BEFORE_SIDE_CHANNEL = 0.2
# Sessions of their own per worker over the demo, at most.
OWN_SESSIONS = 14
SOLVED_SHARE = 0.45
ANSWER_SHARE = 0.45

SEARCHES = [
    "vpn keeps dropping",
    "reset my password",
    "printer on floor 2",
    "new phone mfa",
    "outlook not syncing",
    "teams camera not working",
    "how to get access to the shared drive",
    "laptop very slow",
    "wifi in meeting room",
    "install python",
    "keybord types wrong letters",
    "expense app login",
]
FALLBACK_ARTICLES = [
    "reset-your-password",
    "connect-to-the-vpn",
    "set-up-two-factor-sign-in",
    "add-a-printer",
    "fix-outlook-sync",
    "join-the-office-wifi",
]
# Scores when the resolution met its target, and when it breached.
MET_SCORES = (1, 2, 3, 4, 4, 4, 5, 5, 5, 5, 5)
BREACHED_SCORES = (1, 1, 2, 2, 3, 3, 4, 4, 5)
COMMENTS = [
    "Quick and clear, thank you.",
    "Fixed on the first try.",
    "Took longer than I hoped.",
    "Had to explain it twice.",
    "Very helpful.",
    "Fine in the end.",
]


def add_to_demo(
    rng: random.Random, people: dict[str, Worker], today: date, now: datetime
) -> None:
    start = now - timedelta(days=DEMO_DAYS)
    tickets = list(
        Ticket.objects.filter(opened_at__gte=start, opened_at__lte=now)
        .order_by("opened_at")
        .values_list("pk", "requester_id", "opened_at", "channel")
    )
    articles = list(
        Article.objects.order_by("slug").values_list("slug", flat=True)[:200]
    ) or list(FALLBACK_ARTICLES)

    planned = _before_tickets(rng, tickets, start)
    for worker in people.values():
        planned += _own_sessions(rng, worker.pk, start, now)
    planned = [plan for plan in planned if plan.last_at < now]
    _link(planned, tickets)
    _write(rng, planned, articles)
    _answer_satisfaction(rng, start, now)


class _Planned:
    """A session to write, and its activities' kinds and instants."""

    def __init__(self, worker_id: int, steps: list[tuple[str, datetime]]) -> None:
        self.worker_id = worker_id
        self.steps = steps
        self.solved_at: datetime | None = None
        self.ticket_id: int | None = None
        self.ticket_opened_at: datetime | None = None

    @property
    def started_at(self) -> datetime:
        return self.steps[0][1]

    @property
    def last_at(self) -> datetime:
        return self.solved_at or self.steps[-1][1]


def _steps(rng: random.Random, begin: datetime) -> list[tuple[str, datetime]]:
    """One to four activities a few minutes apart, starting with a search
    most of the time, or with the assistant."""
    kinds = [ActivityKind.SEARCH if rng.random() < 0.75 else ActivityKind.ASSISTANT]
    for _ in range(rng.randint(0, 3)):
        kinds.append(rng.choice([ActivityKind.ARTICLE, ActivityKind.SEARCH]))
    at = begin
    steps = []
    for kind in kinds:
        steps.append((kind.value, at))
        at += timedelta(minutes=rng.randint(1, 6))
    return steps


def _before_tickets(
    rng: random.Random,
    tickets: list[tuple[int, int, datetime, str]],
    start: datetime,
) -> list[_Planned]:
    planned = []
    for _, requester_id, opened_at, channel in tickets:
        if channel in FRONT_DOOR:
            if rng.random() >= BEFORE_FRONT_DOOR:
                continue
            # Mostly minutes before, searching and then asking; sometimes a
            # day or more earlier, an answer tried that did not hold.
            if rng.random() < 0.75:
                lead = timedelta(minutes=rng.randint(8, 40))
            else:
                lead = timedelta(hours=rng.randint(20, 24 * 5))
        elif rng.random() < BEFORE_SIDE_CHANNEL:
            lead = timedelta(hours=rng.randint(2, 24 * 6))
        else:
            continue
        begin = opened_at - lead
        steps = [step for step in _steps(rng, begin) if step[1] < opened_at]
        if begin >= start and steps:
            planned.append(_Planned(requester_id, steps))
    return planned


def _own_sessions(
    rng: random.Random, worker_id: int, start: datetime, now: datetime
) -> list[_Planned]:
    planned = []
    span_minutes = int((now - start).total_seconds() // 60)
    for _ in range(rng.randint(0, OWN_SESSIONS)):
        begin = start + timedelta(minutes=rng.randrange(span_minutes))
        # Working hours, mostly: people look things up at their desks.
        begin = begin.replace(hour=rng.randint(8, 17), second=0, microsecond=0)
        plan = _Planned(worker_id, _steps(rng, begin))
        if rng.random() < SOLVED_SHARE:
            plan.solved_at = plan.steps[-1][1] + timedelta(minutes=1)
        planned.append(plan)
    return planned


def _link(
    planned: list[_Planned], tickets: list[tuple[int, int, datetime, str]]
) -> None:
    """The first ticket of the same worker from the session's start to 7
    days after its last activity, as `sessions.link_ticket` decides."""
    by_worker: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    for pk, requester_id, opened_at, _ in tickets:
        by_worker[requester_id].append((opened_at, pk))
    for plan in planned:
        own = by_worker.get(plan.worker_id, [])
        index = bisect_left(own, (plan.started_at, 0))
        if index < len(own) and own[index][0] <= plan.last_at + LINK_WINDOW:
            plan.ticket_opened_at, plan.ticket_id = own[index]


def _write(rng: random.Random, planned: list[_Planned], articles: list[str]) -> None:
    sessions = []
    for plan in planned:
        kinds = [kind for kind, _ in plan.steps]
        solved_kind = ""
        if plan.solved_at is not None:
            solved_kind = (
                ActivityKind.ASSISTANT
                if kinds[-1] == ActivityKind.ASSISTANT
                else ActivityKind.ARTICLE
            )
        sessions.append(
            Session(
                worker_id=plan.worker_id,
                started_at=plan.started_at,
                last_activity_at=plan.last_at,
                searches=kinds.count(ActivityKind.SEARCH),
                articles=kinds.count(ActivityKind.ARTICLE)
                + (solved_kind == ActivityKind.ARTICLE),
                conversations=kinds.count(ActivityKind.ASSISTANT),
                solved_at=plan.solved_at,
                solved_kind=solved_kind,
                ticket_id=plan.ticket_id,
                ticket_opened_at=plan.ticket_opened_at,
            )
        )
    Session.objects.bulk_create(sessions, batch_size=500)

    activities = []
    conversation = 0
    for session, plan in zip(sessions, planned, strict=True):
        steps = list(plan.steps)
        if plan.solved_at is not None:
            steps.append((session.solved_kind, plan.solved_at))
        for position, (kind, at) in enumerate(steps):
            conversation += 1
            subject = {
                ActivityKind.SEARCH: rng.choice(SEARCHES),
                ActivityKind.ARTICLE: rng.choice(articles),
                ActivityKind.ASSISTANT: f"demo-{conversation}",
            }[ActivityKind(kind)]
            solved = plan.solved_at is not None and position == len(steps) - 1
            if solved:
                session.solved_subject = subject
            activities.append(
                Activity(
                    session=session, kind=kind, subject=subject, at=at, solved=solved
                )
            )
    Activity.objects.bulk_create(activities, batch_size=1000)
    solved_sessions = [session for session in sessions if session.solved_at]
    Session.objects.bulk_update(solved_sessions, ["solved_subject"], batch_size=500)


def _answer_satisfaction(rng: random.Random, start: datetime, now: datetime) -> None:
    questions = list(
        Satisfaction.objects.filter(resolved_at__gte=start, resolved_at__lte=now)
        .select_related("ticket")
        .order_by("resolved_at", "pk")
    )
    answered = []
    for question in questions:
        if rng.random() >= ANSWER_SHARE:
            continue
        at = question.resolved_at + timedelta(minutes=rng.randint(10, 60 * 48))
        if at >= now:
            continue
        breached = question.ticket.resolution_outcome == Outcome.BREACHED
        question.score = rng.choice(BREACHED_SCORES if breached else MET_SCORES)
        question.comment = rng.choice(COMMENTS) if rng.random() < 0.3 else ""
        question.answered_at = at
        question.changed_at = at
        answered.append(question)
    Satisfaction.objects.bulk_update(
        answered, ["score", "comment", "answered_at", "changed_at"], batch_size=500
    )
