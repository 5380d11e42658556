"""The guided request form: reading what was sent, and laying out the rows.

The fields a lead defined are drawn by hand (their set differs per type);
the title, the description and the two impact questions are an ordinary
form so that they share the portal's templates. Nothing here judges an
answer: `credence.catalog.requests.check_answers` does.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.http import QueryDict

from credence.catalog.models import Field, FieldType, RequestType
from credence.catalog.requests import (
    AFFECTED,
    CAN_WORK,
    IMPACT_LABELS,
    OwnItem,
    own_items,
)
from credence.tickets.priority import AFFECTED_LABELS, CAN_WORK_LABELS
from credence.tickets.services import TITLE_MAX
from credence.workers.models import Worker

# The value of "something else" in a device or application list, and the
# suffix of the box where it is typed.
SOMETHING_ELSE = "__other__"
OTHER_SUFFIX = "__other"


class RequestTextForm(forms.Form):
    title = forms.CharField(
        label="In a few words",
        max_length=TITLE_MAX,
        required=False,
        error_messages={
            "max_length": (
                "Keep this to %(limit_value)d characters (it has %(show_value)d); "
                "put the rest in the details."
            ),
        },
    )
    description = forms.CharField(
        label="Details",
        required=False,
        widget=forms.Textarea,
    )
    affected = forms.ChoiceField(
        label=IMPACT_LABELS[AFFECTED],
        choices=[(answer.value, label) for answer, label in AFFECTED_LABELS.items()],
        widget=forms.RadioSelect,
        required=False,
    )
    can_work = forms.ChoiceField(
        label=IMPACT_LABELS[CAN_WORK],
        choices=[(answer.value, label) for answer, label in CAN_WORK_LABELS.items()],
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(self, *args: Any, asks_impact: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not asks_impact:
            del self.fields[AFFECTED]
            del self.fields[CAN_WORK]


def items_by_field(fields: Sequence[Field], worker: Worker) -> dict[int, list[OwnItem]]:
    """The worker's own items offered by each device or application field."""
    wanted = {field.type for field in fields} & {
        FieldType.DEVICE,
        FieldType.APPLICATION,
    }
    found = {field_type: own_items(field_type, worker) for field_type in wanted}
    return {field.pk: found[field.type] for field in fields if field.type in found}


def answers_from(
    data: QueryDict, fields: Sequence[Field], asks_impact: bool
) -> dict[str, str]:
    """The answers in a sent form, keyed by field name, as text.

    A device or application list set to "something else" (or drawn as a
    plain box, for a worker with nothing of their own) is answered by
    what was typed beside it.
    """
    answers: dict[str, str] = {}
    for field in fields:
        value = data.get(field.name, "")
        own = field.type in (FieldType.DEVICE, FieldType.APPLICATION)
        if own and value in ("", SOMETHING_ELSE):
            value = data.get(field.name + OTHER_SUFFIX, "")
        answers[field.name] = value
    if asks_impact:
        answers[AFFECTED] = data.get(AFFECTED, "")
        answers[CAN_WORK] = data.get(CAN_WORK, "")
    return answers


def field_rows(
    request_type: RequestType,
    fields: Sequence[Field],
    answers: Mapping[str, str],
    problems: Mapping[str, str],
    items: Mapping[int, list[OwnItem]],
) -> list[dict[str, Any]]:
    """What the template needs to draw each field, in order."""
    by_pk = {field.pk: field for field in fields}
    rows = []
    for field in fields:
        value = answers.get(field.name, "")
        offered = items.get(field.pk, [])
        picked = value if any(item.label == value for item in offered) else ""
        source = by_pk.get(field.condition_field_id or 0)
        rows.append(
            {
                "field": field,
                "id": f"field-{field.name}",
                "value": value,
                "error": problems.get(field.name, ""),
                "answers": list(field.answers().items()),
                "items": offered,
                "picked": picked or (SOMETHING_ELSE if value else ""),
                "other": "" if picked else value,
                "other_name": field.name + OTHER_SUFFIX,
                "something_else": SOMETHING_ELSE,
                "shown_when": source.name if source else "",
                "shown_value": field.condition_value if source else "",
                "shown_answer": (
                    source.answers().get(field.condition_value, "") if source else ""
                ),
            }
        )
    return rows
