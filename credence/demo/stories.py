"""The demo's tickets: when workers ask, and how each ticket's story goes.

Planning is plain Python. A seeded random generator, the planned people, the
objectives in force and the current instant give every ticket its opening
and its steps at explicit instants, in time order. Delays are drawn as
shares of the objective's target and laid on its calendar, so most answers
come within the objective and in business hours, and some come late. Steps
that would fall after now are left out: the newest tickets are still new,
in progress or waiting, and some of them are about to breach or already
have.
"""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from credence.demo import topics
from credence.demo.people import AGENT, LEAD, WORKER, Person, featured_worker
from credence.slo.calendar import Calendar
from credence.slo.clock import Objective

MINUTE = timedelta(minutes=1)
# Plain elapsed time, for what people do at once whatever the hour.
REAL_TIME = Calendar(time_zone="UTC")

ACKNOWLEDGE = "acknowledge"
REPLY = "reply"
AUTOMATIC = "automatic"
NOTE = "note"
ASSIGN = "assign"
CHANGE_PRIORITY = "change_priority"
WAIT = "wait"
WORKER_COMMENT = "worker_comment"
RESOLVE = "resolve"
REOPEN = "reopen"
CLOSE = "close"

# Side channels are logged by an agent while the desk is open.
CHANNELS = (
    ("portal", 72),
    ("email", 10),
    ("chat", 8),
    ("phone", 6),
    ("walk-up", 4),
)

# Chances of each turn a story may take.
ON_TIME_RESPONSE = 0.85
ON_TIME_RESOLUTION = 0.85
AUTOMATIC_OUT_OF_HOURS = 0.6
LEAD_TRIAGES = 0.2
# A first response is an acknowledgement, or else a reply with words. At the
# desk an agent has already spoken with the worker, so a nod is enough.
PORTAL_ACKNOWLEDGES = 0.4
IN_PERSON_ACKNOWLEDGES = 0.7
PRIORITY_CHANGES = 0.06
WORKER_CHASES = 0.06
NOTE_ADDED = 0.3
WAITS_ON_WORKER = 0.3
WORKER_NEVER_ANSWERS = 0.15
STALLS = 0.04
STALL_ENDS = 0.5
REOPENED = 0.07
WORKER_CONFIRMS = 0.8
TEAM_CLOSES = 0.15
# The newest tickets the desk has not picked up yet, the urgent ones aside.
BACKLOG = 8
URGENT = ("highest", "high")

# Working days of the desk's calendar, in business minutes.
BUSINESS_DAY = 8 * 60


@dataclass(frozen=True)
class Step:
    at: datetime
    action: str
    actor: str
    text: str = ""
    # The assignee's username, or the new priority.
    value: str = ""


@dataclass(frozen=True)
class Story:
    opened_at: datetime
    requester: str
    # The requester, or the agent who logged a side-channel request.
    opened_by: str
    kind: str
    channel: str
    priority: str
    title: str
    description: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Cast:
    """Who plays which part in the stories."""

    agents: tuple[str, ...]
    lead: str
    # (person, start date, weight): who may ask, from when, how often.
    workers: tuple[tuple[str, date, int], ...]
    managers: tuple[tuple[str, date, int], ...]

    @classmethod
    def of(cls, people: Sequence[Person]) -> "Cast":
        featured = featured_worker(people).username
        managing = {person.manager for person in people}
        workers = tuple(
            # The featured worker asks more often, so their own tickets
            # page has plenty to show.
            (
                person.username,
                person.start_date,
                2 if person.username == featured else 1,
            )
            for person in people
            if person.role == WORKER
        )
        return cls(
            agents=tuple(person.username for person in people if person.role == AGENT),
            lead=next(person.username for person in people if person.role == LEAD),
            workers=workers,
            managers=tuple(entry for entry in workers if entry[0] in managing),
        )

    def requester(self, rng: random.Random, topic: topics.Topic, day: date) -> str:
        pool = self.managers if topic.by_manager and self.managers else self.workers
        present = [entry for entry in pool if entry[1] <= day] or list(pool)
        return rng.choices(
            [entry[0] for entry in present], [entry[2] for entry in present]
        )[0]

    def desk_person(self, rng: random.Random) -> str:
        # The lead works the queue too, but less than the agents.
        people = [*self.agents, self.lead]
        return rng.choices(people, [3] * len(self.agents) + [1])[0]


def plan_stories(
    rng: random.Random,
    people: Sequence[Person],
    objectives: Mapping[str, Objective],
    business: Calendar,
    now: datetime,
    days: int,
) -> list[Story]:
    """Every ticket of the last `days` days up to `now`, oldest first."""
    cast = Cast.of(people)
    planned = [
        _story(rng, cast, objectives, business, opened_at, now)
        for opened_at in arrivals(rng, business, now, days)
    ]
    return _with_backlog(planned)


def _with_backlog(planned: list[Story]) -> list[Story]:
    """Leave the newest portal tickets unanswered, as on any busy desk.

    The stories alone leave few tickets new at any one instant, and the
    desk's queue would have little to triage; so the last few that came in
    through the portal wait for a first response. The oldest of them have
    breached it, the newest have not. Urgent tickets are answered all the
    same.
    """
    stories = list(planned)
    unanswered = 0
    for index in range(len(stories) - 1, -1, -1):
        story = stories[index]
        if unanswered == BACKLOG:
            break
        if story.channel == "portal" and story.priority not in URGENT:
            automatic = tuple(step for step in story.steps if step.action == AUTOMATIC)
            stories[index] = replace(story, steps=automatic)
            unanswered += 1
    return stories


def arrivals(
    rng: random.Random, business: Calendar, now: datetime, days: int
) -> list[datetime]:
    """When tickets come in: 8 to 15 on a working day, a few on others."""
    zone = ZoneInfo(business.time_zone)
    start = now - timedelta(days=days)
    first = start.astimezone(zone).date()
    instants = []
    for offset in range((now.astimezone(zone).date() - first).days + 1):
        day = first + timedelta(days=offset)
        working = _is_working_day(business, day)
        for _ in range(rng.randint(8, 15) if working else rng.choice((0, 0, 1, 2))):
            minute = _minute_of_day(rng, working)
            local = datetime.combine(day, time(0), tzinfo=zone) + timedelta(
                minutes=minute, seconds=rng.randint(0, 59)
            )
            instant = local.astimezone(UTC)
            if start <= instant <= now:
                instants.append(instant)
    return sorted(instants)


def _is_working_day(business: Calendar, day: date) -> bool:
    opens = business.hours is None or bool(business.hours.get(day.weekday()))
    return opens and day not in business.holidays


def _minute_of_day(rng: random.Random, working: bool) -> int:
    """Mostly office hours on working days, a few early or late."""
    if not working:
        return rng.randint(8 * 60, 22 * 60)
    if rng.random() < 0.85:
        return round(rng.triangular(8 * 60, 18 * 60, 10.5 * 60))
    if rng.random() < 0.5:
        return rng.randint(6 * 60, 8 * 60)
    return rng.randint(18 * 60, 23 * 60)


class _Plot:
    """One ticket's story as it is being written: its steps and its instant."""

    def __init__(self, opened_at: datetime, now: datetime) -> None:
        self.opened_at = opened_at
        self.at = opened_at
        self.now = now
        self.steps: list[Step] = []

    def after(self, calendar: Calendar, minutes: int) -> None:
        """Move on by `minutes` counted on `calendar`, and by a minute at least."""
        self.at = max(calendar.add_minutes(self.at, minutes), self.at + MINUTE)

    def at_least(self, instant: datetime) -> None:
        """Move on to `instant`, or by a minute if it is not later."""
        self.at = max(instant, self.at + MINUTE)

    def add(self, action: str, actor: str, text: str = "", value: str = "") -> None:
        self.steps.append(Step(self.at, action, actor, text, value))

    def up_to_now(self) -> tuple[Step, ...]:
        return tuple(step for step in self.steps if step.at <= self.now)


class _Words:
    """The texts of one ticket: its topic, how it was asked, its details."""

    def __init__(self, rng: random.Random, topic: topics.Topic) -> None:
        self.rng = rng
        self.topic = topic
        self.details = {key: rng.choice(v) for key, v in topics.DETAILS.items()}
        self.ask = rng.choice(topic.asks)

    def fill(self, text: str) -> str:
        return text.format_map(self.details)

    def pick(self, texts: Sequence[str]) -> str:
        return self.fill(self.rng.choice(texts))


def _story(
    rng: random.Random,
    cast: Cast,
    objectives: Mapping[str, Objective],
    business: Calendar,
    opened_at: datetime,
    now: datetime,
) -> Story:
    topic = rng.choices(topics.TOPICS, [topic.weight for topic in topics.TOPICS])[0]
    words = _Words(rng, topic)
    requester = cast.requester(rng, topic, opened_at.date())
    priority = _weighted(rng, topic.priorities)
    desk_open = business.minutes_between(opened_at, opened_at + MINUTE) > 0
    channel = _weighted(rng, CHANNELS) if desk_open else "portal"
    agent = cast.desk_person(rng)

    plot = _Plot(opened_at, now)
    if channel == "portal":
        _answer_the_portal(rng, plot, cast, objectives[priority], words, agent)
    else:
        _answer_in_person(rng, plot, words, agent)
    _work(rng, plot, objectives, business, words, requester, agent, priority)

    return Story(
        opened_at=opened_at,
        requester=requester,
        opened_by=requester if channel == "portal" else agent,
        kind=topic.kind,
        channel=channel,
        priority=priority,
        title=words.fill(words.ask.title),
        description=words.fill(words.ask.description),
        steps=plot.up_to_now(),
    )


def _answer_the_portal(
    rng: random.Random,
    plot: _Plot,
    cast: Cast,
    objective: Objective,
    words: _Words,
    agent: str,
) -> None:
    """An automatic note out of hours, triage, and the first response."""
    target = objective.response
    start = plot.opened_at
    desk_closed = target.calendar.minutes_between(start, start + MINUTE) == 0
    if desk_closed and rng.random() < AUTOMATIC_OUT_OF_HOURS:
        plot.after(REAL_TIME, 1)
        plot.add(AUTOMATIC, "", topics.OUT_OF_HOURS_MESSAGE)

    on_time = rng.random() < ON_TIME_RESPONSE
    share = rng.uniform(0.1, 0.95) if on_time else rng.uniform(1.1, 4.0)
    response_at = target.calendar.add_minutes(
        start, max(1, round(share * target.minutes))
    )
    triaged = rng.random() < LEAD_TRIAGES and agent != cast.lead
    if triaged:
        # The lead hands the ticket to an agent, who answers minutes later.
        plot.at_least(response_at - rng.randint(1, 10) * MINUTE)
        plot.add(ASSIGN, cast.lead, value=agent)
    plot.at_least(response_at)
    _respond(rng, plot, words, agent, PORTAL_ACKNOWLEDGES)
    if not triaged:
        plot.after(REAL_TIME, rng.randint(1, 5))
        plot.add(ASSIGN, agent, value=agent)


def _answer_in_person(
    rng: random.Random, plot: _Plot, words: _Words, agent: str
) -> None:
    """The agent logged it while talking with the worker: answered at once."""
    plot.after(REAL_TIME, rng.randint(1, 4))
    _respond(rng, plot, words, agent, IN_PERSON_ACKNOWLEDGES)
    plot.after(REAL_TIME, 1)
    plot.add(ASSIGN, agent, value=agent)


def _respond(
    rng: random.Random,
    plot: _Plot,
    words: _Words,
    agent: str,
    acknowledge_share: float,
) -> None:
    if rng.random() < acknowledge_share:
        plot.add(ACKNOWLEDGE, agent)
    else:
        plot.add(REPLY, agent, words.pick(words.topic.replies))


def _work(
    rng: random.Random,
    plot: _Plot,
    objectives: Mapping[str, Objective],
    business: Calendar,
    words: _Words,
    requester: str,
    agent: str,
    priority: str,
) -> None:
    """From the first response to the resolution, and the worker's answer."""
    if rng.random() < PRIORITY_CHANGES:
        priority, reason = _new_priority(rng, words, priority)
        plot.after(REAL_TIME, rng.randint(5, 90))
        plot.add(CHANGE_PRIORITY, agent, reason, value=priority)
    target = objectives[priority].resolution
    if rng.random() < NOTE_ADDED:
        plot.after(target.calendar, rng.randint(5, 60))
        plot.add(NOTE, agent, words.pick(topics.NOTES))
    if rng.random() < STALLS:
        _stall(rng, plot, business, target.calendar, words, requester, agent)
        return

    # The resolution clock counts from the opening on the target's
    # calendar, and not while the ticket waits on the worker.
    on_time = rng.random() < ON_TIME_RESOLUTION
    share = rng.uniform(0.15, 0.9) if on_time else rng.uniform(1.1, 3.0)
    worked = target.calendar.minutes_between(plot.opened_at, plot.at)
    remaining = max(10, round(share * target.minutes - worked))
    if rng.random() < WORKER_CHASES:
        part = round(remaining * rng.uniform(0.3, 0.7))
        plot.after(target.calendar, part)
        plot.add(WORKER_COMMENT, requester, words.pick(topics.FOLLOW_UPS))
        remaining -= part
    if rng.random() < WAITS_ON_WORKER:
        part = round(remaining * rng.uniform(0.2, 0.6))
        plot.after(target.calendar, part)
        question = rng.choice(words.topic.questions)
        plot.add(WAIT, agent, words.fill(question.text))
        remaining -= part
        if rng.random() < WORKER_NEVER_ANSWERS:
            plot.after(business, rng.randint(3, 5) * BUSINESS_DAY)
            plot.add(RESOLVE, agent, words.pick(topics.NO_ANSWER_RESOLUTIONS))
            _close(rng, plot, business, requester, agent, worker_confirms=0.0)
            return
        plot.after(business, rng.randint(30, 3 * BUSINESS_DAY))
        plot.add(WORKER_COMMENT, requester, words.pick(question.answers))
    plot.after(target.calendar, remaining)
    plot.add(RESOLVE, agent, words.fill(words.ask.resolution))

    if rng.random() < REOPENED:
        plot.after(business, rng.randint(60, 3 * BUSINESS_DAY))
        plot.add(REOPEN, requester, words.pick(topics.REOPEN_REASONS))
        plot.after(target.calendar, rng.randint(30, 300))
        plot.add(RESOLVE, agent, words.pick(topics.SECOND_RESOLUTIONS))
    _close(rng, plot, business, requester, agent, worker_confirms=WORKER_CONFIRMS)


def _stall(
    rng: random.Random,
    plot: _Plot,
    business: Calendar,
    calendar: Calendar,
    words: _Words,
    requester: str,
    agent: str,
) -> None:
    """Held up outside the desk: resolved weeks later, or still open."""
    plot.after(calendar, rng.randint(30, 240))
    plot.add(NOTE, agent, words.pick(topics.STALL_NOTES))
    plot.after(business, rng.randint(10, 60))
    plot.add(REPLY, agent, topics.STALL_REPLY)
    if rng.random() < STALL_ENDS:
        plot.after(business, rng.randint(10, 30) * BUSINESS_DAY)
        plot.add(RESOLVE, agent, words.fill(words.ask.resolution))
        _close(rng, plot, business, requester, agent, worker_confirms=WORKER_CONFIRMS)


def _close(
    rng: random.Random,
    plot: _Plot,
    business: Calendar,
    requester: str,
    agent: str,
    worker_confirms: float,
) -> None:
    """The worker confirms some days later; or the team closes it; or neither."""
    roll = rng.random()
    if roll < worker_confirms:
        plot.after(business, rng.randint(120, 5 * BUSINESS_DAY))
        plot.add(CLOSE, requester)
    elif roll < worker_confirms + TEAM_CLOSES:
        plot.after(business, rng.randint(5, 7) * BUSINESS_DAY)
        plot.add(CLOSE, agent)


def _new_priority(rng: random.Random, words: _Words, priority: str) -> tuple[str, str]:
    """Raise a ticket that turns out to hurt more people, or lower one."""
    if priority in URGENT:
        return "medium", words.pick(topics.LOWER_REASONS)
    if priority == "lowest" or rng.random() < 0.5:
        return "high", words.pick(topics.RAISE_REASONS)
    lower = {"medium": "low", "low": "lowest"}
    return lower[priority], words.pick(topics.LOWER_REASONS)


def _weighted(rng: random.Random, choices: Sequence[tuple[str, int]]) -> str:
    return rng.choices([value for value, _ in choices], [w for _, w in choices])[0]
