"""Play a planned story through the domain operations, step by step.

Nothing here writes to a ticket directly: each step is the operation a
person would have used in the portal or the desk, stamped with the step's
instant, so the ticket's history, its clocks and its spans are whatever
Credence itself records for that story.
"""

from collections.abc import Mapping

from credence.demo import stories
from credence.demo.stories import Step, Story
from credence.tickets import services
from credence.tickets.models import Ticket
from credence.workers.models import Worker


def play(story: Story, people: Mapping[str, Worker]) -> Ticket:
    ticket = services.open_ticket(
        requester=people[story.requester],
        kind=story.kind,
        title=story.title,
        description=story.description,
        channel=story.channel,
        priority=story.priority,
        actor=people[story.opened_by],
        at=story.opened_at,
    )
    for step in story.steps:
        ticket = _perform(ticket, step, people)
    return ticket


def _perform(ticket: Ticket, step: Step, people: Mapping[str, Worker]) -> Ticket:
    actor = people.get(step.actor)
    at = step.at
    match step.action:
        case stories.ACKNOWLEDGE:
            return services.acknowledge(ticket, actor, at=at)
        case stories.REPLY:
            return services.reply(ticket, actor, step.text, at=at)
        case stories.AUTOMATIC:
            return services.send_automatic_message(ticket, step.text, at=at)
        case stories.NOTE:
            return services.add_note(ticket, actor, step.text, at=at)
        case stories.ASSIGN:
            return services.assign(ticket, actor, people[step.value], at=at)
        case stories.CHANGE_PRIORITY:
            return services.change_priority(ticket, actor, step.value, step.text, at=at)
        case stories.WAIT:
            return services.wait_on_worker(ticket, actor, step.text, at=at)
        case stories.WORKER_COMMENT:
            return services.worker_comment(ticket, actor, step.text, at=at)
        case stories.RESOLVE:
            return services.resolve(ticket, actor, step.text, at=at)
        case stories.REOPEN:
            return services.reopen(ticket, actor, step.text, at=at)
        case stories.CLOSE:
            return services.close(ticket, actor, at=at)
    raise ValueError(f"The demo has no step called {step.action!r}.")
