"""The guided request form: reading what was sent, and laying out the rows.

The fields a lead defined are drawn by hand (their set differs per type);
the title, the description and the two impact questions are an ordinary
form so that they share the portal's templates. Nothing here judges an
answer: `credence.catalog.requests.check_answers` does.
"""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django import forms
from django.http import QueryDict

from credence.catalog import text
from credence.catalog.models import DateRule, Field, FieldType, RequestType
from credence.catalog.requests import (
    AFFECTED,
    CAN_WORK,
    DESCRIPTION,
    DESCRIPTION_MAX,
    IMPACT_LABELS,
    TEXT_LABELS,
    TITLE,
    OwnItem,
    own_items,
)
from credence.errors import InvalidInput
from credence.tickets.priority import AFFECTED_LABELS, CAN_WORK_LABELS
from credence.tickets.services import TITLE_MAX
from credence.workers.models import Worker

# The value of "something else" in a device or application list, and the
# suffix of the box where it is typed.
SOMETHING_ELSE = "__other__"
OTHER_SUFFIX = "__other"
# Said under a date field whose rule bounds it, after the lead's hint.
DATE_HINTS: dict[str, str] = {
    DateRule.NOT_BEFORE_TODAY: "Today or a later date.",
    DateRule.NOT_AFTER_TODAY: "Today or an earlier date.",
}
# Django's own check for NUL, said as the catalog says it of other control
# characters.
NUL_MESSAGES = {
    name: {
        "null_characters_not_allowed": text.CONTROL_MESSAGE
        % {"label": label, "code": "U+0000"}
    }
    for name, label in TEXT_LABELS.items()
}


class RequestTextForm(forms.Form):
    title = forms.CharField(
        label=TEXT_LABELS[TITLE],
        max_length=TITLE_MAX,
        required=False,
        error_messages={
            "max_length": (
                "Keep this to %(limit_value)d characters (it has %(show_value)d); "
                "put the rest in the details."
            ),
            **NUL_MESSAGES[TITLE],
        },
    )
    description = forms.CharField(
        label=TEXT_LABELS[DESCRIPTION],
        required=False,
        widget=forms.Textarea,
        error_messages=NUL_MESSAGES[DESCRIPTION],
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

    def _tidied(self, name: str, limit: int) -> str:
        try:
            tidied = text.tidy(TEXT_LABELS[name], self.cleaned_data.get(name, ""))
            text.check_length(TEXT_LABELS[name], tidied, limit)
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None
        return tidied

    def clean_title(self) -> str:
        return self._tidied(TITLE, TITLE_MAX)

    def clean_description(self) -> str:
        return self._tidied(DESCRIPTION, DESCRIPTION_MAX)


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
    today: date,
) -> list[dict[str, Any]]:
    """What the template needs to draw each field, in order.

    A date field with a rule bounds its picker at `today`, the worker's own
    day; the server checks the rule whatever the picker allowed.
    """
    by_pk = {field.pk: field for field in fields}
    day = today.isoformat()
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
                "hint": " ".join(
                    part
                    for part in (field.help, DATE_HINTS.get(field.date_rule, ""))
                    if part
                ),
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
                "min": day if field.date_rule == DateRule.NOT_BEFORE_TODAY else "",
                "max": day if field.date_rule == DateRule.NOT_AFTER_TODAY else "",
            }
        )
    return rows
