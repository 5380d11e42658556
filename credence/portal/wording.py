"""How the portal puts a ticket into words a worker reads.

Workers see what is happening and what they can do, never the team's
vocabulary: no "in progress", no "priority", no clock names.
"""

from dataclasses import dataclass
from datetime import datetime, tzinfo

from credence.tickets.expectations import when_past
from credence.tickets.models import (
    PUBLIC_COMMENT_KINDS,
    Comment,
    CommentKind,
    Status,
    Ticket,
)
from credence.workers.models import Worker

# One line for lists of tickets.
STATUS_SHORT = {
    Status.NEW: "Received",
    Status.IN_PROGRESS: "Being worked on",
    Status.WAITING: "Waiting for your answer",
    Status.RESOLVED: "Resolved: is it fixed?",
    Status.CLOSED: "Closed",
}

# A sentence for the ticket's own page.
STATUS_SENTENCE = {
    Status.NEW: "Received: the IT team has not picked it up yet.",
    Status.IN_PROGRESS: "The IT team is working on it.",
    Status.WAITING: "The IT team is waiting for your answer.",
    Status.RESOLVED: "Resolved: the IT team believes it is fixed.",
    Status.CLOSED: "Closed.",
}


@dataclass(frozen=True)
class Entry:
    """One message of the public conversation, ready to show."""

    who: str
    when: str
    body: str
    kind: str


def _who(comment: Comment, reader: Worker) -> str:
    if comment.kind == CommentKind.AUTOMATIC or comment.author is None:
        return "Automatic message"
    if comment.author_id == reader.pk:
        return "You"
    if comment.kind == CommentKind.PUBLIC_REPLY:
        return f"{comment.author.display_name}, IT team"
    return comment.author.display_name


def conversation(
    ticket: Ticket, reader: Worker, now: datetime, zone: tzinfo
) -> list[Entry]:
    """The messages the worker may read, oldest first.

    Internal notes are the team's working space and never reach this list:
    the filter names the public kinds rather than excluding the private
    one, so a kind added later stays hidden until someone decides otherwise.
    """
    comments = ticket.comments.filter(kind__in=PUBLIC_COMMENT_KINDS).select_related(
        "author"
    )
    return [
        Entry(
            who=_who(comment, reader),
            when=when_past(comment.created_at, now, zone),
            body=comment.body,
            kind=comment.kind,
        )
        for comment in comments
    ]
