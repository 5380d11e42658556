"""Search over articles and resolved tickets: the contract others call.

The knowledge app replaces the body; the signature and `Hit` stay.
"""

from dataclasses import dataclass
from typing import Literal

from credence.workers.models import Worker


@dataclass(frozen=True)
class Hit:
    kind: Literal["article", "ticket"]
    title: str
    slug: str  # an article's slug, or a ticket's reference
    url: str  # where the searcher reads it (portal for workers)
    score: float  # higher is better
    excerpt: str  # safe HTML: escaped text with <mark> around matched words
    text: str  # the plain passage that matched, for answering from


def search(
    query: str,
    viewer: Worker | None,
    *,
    limit: int = 10,
    kinds: tuple[str, ...] = ("article", "ticket"),
) -> list[Hit]:
    raise NotImplementedError
