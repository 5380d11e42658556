"""What only a lead may change: the explanations of a month's misses and
the list of addresses the publication goes to.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from credence.errors import InvalidInput, NotAllowed
from credence.metrics import periods
from credence.publish.models import CLOCK_CHOICES, GROUP_CHOICES, Explanation, Recipient
from credence.workers.models import Worker
from credence.workers.roles import is_lead

LEADS_ONLY = "Only a lead may change the monthly publication."


def _check_lead(person: Worker) -> None:
    if not is_lead(person):
        raise NotAllowed(LEADS_ONLY)


# An explanation is read in a post and a mail; a few paragraphs at most.
EXPLANATION_LIMIT = 4000


def explain_miss(
    person: Worker, month: str, group: str, clock: str, text: str
) -> Explanation | None:
    """Keep the lead's explanation of one miss of one month; empty text
    removes it, and the report says plainly that none was given.
    """
    _check_lead(person)
    period = periods.parse_month(month)
    if group not in dict(GROUP_CHOICES) or clock not in dict(CLOCK_CHOICES):
        raise InvalidInput(
            "There is no %(group)s %(clock)s objective to explain.",
            group=group,
            clock=clock,
        )

    text = text.strip()
    if len(text) > EXPLANATION_LIMIT:
        raise InvalidInput(
            "The explanation is %(length)d characters; keep it to %(limit)d, "
            "the length of a few paragraphs.",
            length=len(text),
            limit=EXPLANATION_LIMIT,
        )
    if not text:
        Explanation.objects.filter(month=period.key, group=group, clock=clock).delete()
        return None
    explanation, _ = Explanation.objects.update_or_create(
        month=period.key,
        group=group,
        clock=clock,
        defaults={"text": text, "written_by": person},
    )
    return explanation


def add_recipient(person: Worker, email: str) -> Recipient:
    _check_lead(person)
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            "%(email)r is not an e-mail address: give one such as "
            "leadership@example.org.",
            email=email,
        ) from None
    recipient, _ = Recipient.objects.get_or_create(email=email)
    return recipient


def remove_recipient(person: Worker, recipient_id: int) -> None:
    _check_lead(person)
    Recipient.objects.filter(pk=recipient_id).delete()
