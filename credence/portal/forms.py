"""The portal's forms: asking for help, commenting, sending a fix back.

They only carry and check what the worker typed; the rules of what may be
done to a ticket stay in `credence.tickets.services`. Templates draw the
fields by hand so that every radio group is a fieldset with a legend and
every message sits next to its field.
"""

from django import forms

from credence.tickets.models import Kind
from credence.tickets.priority import (
    AFFECTED_LABELS,
    CAN_WORK_LABELS,
    Affected,
    CanWork,
    priority_from_answers,
)
from credence.tickets.services import TITLE_MAX

KIND_LABELS = {
    Kind.REQUEST: "I need something",
    Kind.INCIDENT: "Something is broken",
}


class AskForm(forms.Form):
    kind = forms.ChoiceField(
        label="What kind of help do you need?",
        choices=list(KIND_LABELS.items()),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether you need something or something is broken.",
            "invalid_choice": (
                "Choose whether you need something or something is broken."
            ),
        },
    )
    title = forms.CharField(
        label="Title",
        max_length=TITLE_MAX,
        error_messages={
            "required": "Write a short title, for example “Cannot print”.",
            "max_length": (
                "Keep the title to %(limit_value)d characters (it has "
                "%(show_value)d); put the rest in the description."
            ),
        },
    )
    description = forms.CharField(
        label="Description",
        required=False,
        widget=forms.Textarea,
    )
    affected = forms.ChoiceField(
        label="How many people are affected?",
        choices=[(answer.value, label) for answer, label in AFFECTED_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how many people are affected; “Not sure” is fine.",
            "invalid_choice": (
                "Choose how many people are affected; “Not sure” is fine."
            ),
        },
    )
    can_work = forms.ChoiceField(
        label="Can you keep working?",
        choices=[(answer.value, label) for answer, label in CAN_WORK_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether you can keep working; “Not sure” is fine.",
            "invalid_choice": (
                "Choose whether you can keep working; “Not sure” is fine."
            ),
        },
    )

    def priority(self) -> str:
        """The priority the two answers give; the worker is never asked it."""
        return priority_from_answers(
            Affected(self.cleaned_data["affected"]),
            CanWork(self.cleaned_data["can_work"]),
        )


class CommentForm(forms.Form):
    # Not required here: the service says what is wrong with an empty
    # comment, in the same words the desk and the API use.
    body = forms.CharField(label="Your comment", required=False, widget=forms.Textarea)


class NotFixedForm(forms.Form):
    reason = forms.CharField(
        label="What is still wrong?", required=False, widget=forms.Textarea
    )
