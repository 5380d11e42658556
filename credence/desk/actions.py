"""What an agent can do from a ticket's page, and what each says when done.

Each action is one form and one operation in `credence.tickets.services`;
the operation decides whether the ticket's state allows it. The page offers
only the actions that can apply to the ticket as it stands, so that an agent
is not invited into a refusal; a stale tab can still post any of them, and
then reads the operation's own message.
"""

from collections.abc import Callable
from typing import Any

from django import forms

from credence.desk import forms as desk_forms
from credence.tickets import services
from credence.tickets.models import Status, Ticket
from credence.workers.models import Worker

Operation = Callable[[Ticket, Worker, dict[str, Any]], str]

# The forms of a ticket page, by the name each is posted under.
TICKET_FORMS: dict[str, type[forms.Form]] = {
    "acknowledge": desk_forms.AcknowledgeForm,
    "reply": desk_forms.ReplyForm,
    "note": desk_forms.NoteForm,
    "assign": desk_forms.AssignForm,
    "priority": desk_forms.PriorityForm,
    "wait": desk_forms.WaitForm,
    "resume": desk_forms.ResumeForm,
    "resolve": desk_forms.ResolveForm,
    "reopen": desk_forms.ReopenForm,
    "close": desk_forms.CloseForm,
    "confidential": desk_forms.ConfidentialForm,
    "formalise": desk_forms.FormaliseForm,
    "move_to_project": desk_forms.MoveToProjectForm,
}


def offered_actions(ticket: Ticket, lead: bool = False) -> frozenset[str]:
    """The actions that can apply to the ticket in its current status.

    A resolved ticket can still be answered (the worker may write back) and
    confirmed or reopened; its priority, a question to the worker and a
    second resolution would all re-open finished work, so reopening comes
    first. A closed ticket takes only internal work and a reopen. A lead
    may also mark any ticket confidential, or formalise a confidential one,
    whatever its status: who may read a history does not depend on it.
    """
    offered = set(_offered_by_status(ticket))
    if lead:
        offered.add("formalise" if ticket.confidential else "confidential")
        # Only open work can move; a lead decides what becomes a project.
        if ticket.is_open:
            offered.add("move_to_project")
    return frozenset(offered)


def _offered_by_status(ticket: Ticket) -> set[str]:
    if ticket.status == Status.CLOSED:
        return {"note", "assign", "reopen"}
    if ticket.status == Status.RESOLVED:
        return {"reply", "note", "assign", "reopen", "close"}

    offered = {"reply", "note", "assign", "priority", "resolve"}
    offered.add("resume" if ticket.status == Status.WAITING else "wait")
    if ticket.acknowledged_at is None:
        offered.add("acknowledge")
    return offered


def _acknowledge(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.acknowledge(ticket, person)
    return f"{ticket.reference} acknowledged."


def _reply(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    replied = services.reply(ticket, person, data["body"])
    sent = f"Reply sent to {ticket.requester.display_name}."
    # The page may have been open since before someone else resolved the
    # ticket; the reply still goes out, but the agent must learn that the
    # ticket will not come back to the queue unless it is reopened.
    if replied.status == Status.RESOLVED:
        return (
            f"{sent} {ticket.reference} is resolved; reopen it if the work is "
            "not finished."
        )
    return sent


def _note(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.add_note(ticket, person, data["body"])
    return "Internal note added."


def _assign(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    assignee = data["assignee"]
    services.assign(ticket, person, assignee)
    if assignee is None:
        return f"{ticket.reference} is now unassigned."
    return f"{ticket.reference} assigned to {assignee.display_name}."


def _priority(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    changed = services.change_priority(ticket, person, data["priority"], data["reason"])
    return f"{ticket.reference} is now {changed.get_priority_display().lower()}."


def _wait(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.wait_on_worker(ticket, person, data["question"])
    return (
        f"Question sent; {ticket.reference} is waiting on "
        f"{ticket.requester.display_name}."
    )


def _resume(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.resume(ticket, person)
    return f"{ticket.reference} is no longer waiting; its clock runs again."


def _resolve(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.resolve(ticket, person, data["resolution"])
    return f"{ticket.reference} resolved."


def _reopen(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.reopen(ticket, person, data["reason"])
    return (
        f"{ticket.reference} reopened; its resolution clock continues from "
        "where it stopped."
    )


def _close(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.close(ticket, person)
    return f"{ticket.reference} closed."


def _confidential(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.mark_confidential(ticket, person, data["reason"])
    return (
        f"{ticket.reference} is confidential: only "
        f"{ticket.requester.display_name} and the leads can see it."
    )


def _formalise(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    services.formalise(ticket, person)
    return (
        f"{ticket.reference} is formalised: the IT team sees it, with its "
        "whole history."
    )


def _move_to_project(ticket: Ticket, person: Worker, data: dict[str, Any]) -> str:
    moved = services.move_to_project(ticket, person, data["tracked_at"], data["reason"])
    return (
        f"{ticket.reference} moved to project work, tracked at "
        f"{moved.project_tracked_at}; it is closed and its clocks have stopped."
    )


OPERATIONS: dict[str, Operation] = {
    "acknowledge": _acknowledge,
    "reply": _reply,
    "note": _note,
    "assign": _assign,
    "priority": _priority,
    "wait": _wait,
    "resume": _resume,
    "resolve": _resolve,
    "reopen": _reopen,
    "close": _close,
    "confidential": _confidential,
    "formalise": _formalise,
    "move_to_project": _move_to_project,
}
