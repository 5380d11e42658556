"""Self-service sessions: what a worker tried before (or instead of) a ticket.

The contract other apps call; the selfservice app replaces the bodies.
"""

from credence.workers.models import Worker


def note(worker: Worker, kind: str, subject: str = "") -> None:
    """Record self-service activity: kind is "search", "article" or
    "assistant"; subject is the query, the article's slug or the
    conversation's id."""
    raise NotImplementedError


def solved(worker: Worker, kind: str, subject: str = "") -> None:
    """The worker said "this solved it" on an article or a conversation."""
    raise NotImplementedError
