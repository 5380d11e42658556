"""The desk's forms: they read what was typed; the rules are the services'.

Text an operation checks itself (a reply that must not be empty, a reason
that a priority change requires) is not required here, so that the
operation's own message is the one the agent reads. The browser is still
asked to insist, through the `required` attribute, to save a round trip.
"""

from typing import Any

from django import forms
from django.db.models import Q, QuerySet

from credence.slo.models import PRIORITY_CHOICES
from credence.tickets.models import FRONT_DOOR, Channel, Kind, Ticket
from credence.workers.models import Worker

SIDE_CHANNELS = [
    (value, label) for value, label in Channel.choices if value not in FRONT_DOOR
]

REQUIRED = {"required": True}


def _holding(codename: str) -> Q:
    def through(prefix: str) -> Q:
        return Q(
            **{
                f"{prefix}__codename": codename,
                f"{prefix}__content_type__app_label": "tickets",
            }
        )

    return (
        through("groups__permissions")
        | through("user_permissions")
        | Q(is_superuser=True)
    )


def assignable_agents(ticket: Ticket) -> QuerySet[Worker]:
    """Agents the ticket may go to; a confidential one only to leads."""
    codename = "lead_desk" if ticket.confidential else "work_tickets"
    return (
        Worker.objects.filter(_holding(codename), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Worker) -> str:
        team = f", {obj.team.name}" if obj.team_id and obj.team else ""
        return f"{obj.display_name} ({obj.username}{team})"


def _text(label: str, rows: int = 4, required: bool = True) -> forms.CharField:
    attrs: dict[str, Any] = {"rows": rows}
    if required:
        attrs.update(REQUIRED)
    return forms.CharField(
        label=label, required=False, strip=False, widget=forms.Textarea(attrs=attrs)
    )


class AcknowledgeForm(forms.Form):
    pass


class ResumeForm(forms.Form):
    pass


class ReplyForm(forms.Form):
    body = _text("Reply to the worker")


class NoteForm(forms.Form):
    body = _text("Internal note (the worker never sees it)")


class AssignForm(forms.Form):
    assignee = WorkerChoiceField(
        queryset=Worker.objects.none(),
        required=False,
        empty_label="Nobody (unassign)",
        label="Assign to",
    )

    def __init__(self, *args: Any, ticket: Ticket, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, WorkerChoiceField)
        field.queryset = assignable_agents(ticket).select_related("team")


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(choices=PRIORITY_CHOICES, label="New priority")
    reason = _text("Reason for the change", rows=2)


class WaitForm(forms.Form):
    question = _text("What do you need from the worker?", rows=3)


class ResolveForm(forms.Form):
    resolution = _text("Resolution message to the worker (optional)", required=False)


class ReopenForm(forms.Form):
    reason = _text("What is still wrong? (the worker sees this)", rows=2)


class CloseForm(forms.Form):
    pass


class ConfidentialForm(forms.Form):
    reason = _text("Why is it confidential? (leads see this)", rows=2)


class FormaliseForm(forms.Form):
    pass


class MoveToProjectForm(forms.Form):
    tracked_at = forms.CharField(
        label="Where the project is tracked (a link or a name; the worker sees it)",
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"required": True, "maxlength": 300}),
    )
    reason = _text("Why is this project work? (the team sees this)", rows=2)


class LogForm(forms.Form):
    """A request that reached the desk by a side channel, logged for a worker."""

    worker = WorkerChoiceField(
        queryset=Worker.objects.filter(is_active=True).select_related("team"),
        label="Worker who asked",
        empty_label="Choose the worker",
        help_text="Type the first letters of their name to jump to it.",
    )
    channel = forms.ChoiceField(choices=SIDE_CHANNELS, label="How they asked")
    kind = forms.ChoiceField(
        choices=Kind.choices,
        label="Kind",
        help_text="An incident is something broken; a request is something wanted.",
    )
    title = forms.CharField(
        label="Title",
        required=False,
        widget=forms.TextInput(attrs={"required": True, "maxlength": 200}),
    )
    description = _text("Description", rows=5, required=False)
    priority = forms.ChoiceField(
        choices=PRIORITY_CHOICES, initial="medium", label="Priority"
    )
    confidential = forms.BooleanField(
        required=False,
        label="Confidential",
        help_text="Only the worker and the leads will see it; it stays out of "
        "the queue until a lead formalises it.",
    )

    def __init__(self, *args: Any, lead: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Opening a confidential ticket is a lead's decision; an agent is
        # not offered the box, and a posted value from one is ignored.
        if not lead:
            del self.fields["confidential"]


class QueueFilterForm(forms.Form):
    """The queue's filters, read from the address so a view can be shared."""

    mine = forms.BooleanField(required=False, label="Assigned to me")
    unassigned = forms.BooleanField(required=False, label="Unassigned")
    priority = forms.ChoiceField(
        choices=[("", "Any priority"), *PRIORITY_CHOICES],
        required=False,
        label="Priority",
    )
    breached = forms.BooleanField(required=False, label="Breached")
    waiting = forms.BooleanField(required=False, label="Waiting on worker")
    candidates = forms.BooleanField(required=False, label="Project candidates")
