"""Opening a request from the catalog: the contract other apps call.

The catalog app replaces the body; the signature stays.
"""

from collections.abc import Mapping

from credence.tickets.models import Ticket
from credence.workers.models import Worker


def open_request(
    worker: Worker,
    type_slug: str,
    answers: Mapping[str, str],
    *,
    title: str = "",
    description: str = "",
) -> Ticket:
    """Open a ticket of the request type for the worker, through the portal.

    Answers are keyed by the field's name. Raises InvalidInput, naming the
    field, when an answer is missing or wrong.
    """
    raise NotImplementedError
