"""The answers a ticket was opened with, as a short table on the desk."""

from datetime import date
from typing import Any

from django import template

from credence.catalog.models import FieldType, TicketRequest
from credence.tickets.models import Ticket

register = template.Library()


def _shown(answer_type: str, value: str) -> str:
    if answer_type == FieldType.DATE:
        # Stored as year-month-day; the desk reads "Thu 31 Dec 2026".
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day:%a} {day.day} {day:%b %Y}"
    return value


@register.inclusion_tag("catalog/_answers.html")
def request_answers(ticket: Ticket) -> dict[str, Any]:
    """The request type and its answers; nothing for a free-form ticket.

    Only answers to fields that were shown were ever stored, so the table
    holds exactly what the worker was asked and answered.
    """
    record = (
        TicketRequest.objects.filter(ticket=ticket).prefetch_related("answers").first()
    )
    if record is None:
        return {"record": None, "answers": []}
    answers = [
        {"label": answer.label, "value": _shown(answer.type, answer.value)}
        for answer in record.answers.all()
    ]
    return {"record": record, "answers": answers}
