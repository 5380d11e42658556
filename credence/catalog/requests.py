"""Opening a request from the catalog: the contract other apps call.

`open_request` checks a worker's answers against the request type's fields
(conditions, required rules, the shape of each answer), works out the
priority, and opens the ticket through the portal with its answers stored,
all in one transaction. The portal's form goes through `request_from_portal`,
which adds the conversation that led to the request, if any.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from credence.assistant.handoff import attach_to_ticket
from credence.assistant.models import Conversation
from credence.catalog import text
from credence.catalog.conditions import shown_fields
from credence.catalog.models import (
    DateRule,
    Field,
    FieldType,
    RequestAnswer,
    RequestType,
    TicketRequest,
)
from credence.directory import context
from credence.errors import InvalidInput, NotFound
from credence.portal.submit import latest_copy
from credence.tickets import services
from credence.tickets.models import FRONT_DOOR, Channel, Ticket
from credence.tickets.priority import (
    AFFECTED_LABELS,
    CAN_WORK_LABELS,
    Affected,
    CanWork,
    priority_from_answers,
)
from credence.tickets.services import TITLE_MAX
from credence.workers.models import Worker
from credence.workers.zones import display_zone

TEXT_MAX = 200
# Long answers and the details: room for a pasted error log, not a book.
LONG_TEXT_MAX = 10_000
DESCRIPTION_MAX = LONG_TEXT_MAX
# The request form's own two boxes, named in messages about them.
TITLE = "title"
DESCRIPTION = "description"
TEXT_LABELS = {TITLE: "In a few words", DESCRIPTION: "Details"}

# The two questions of a type whose priority the worker's answers give,
# asked after its own fields under these names.
AFFECTED = "affected"
CAN_WORK = "can_work"
IMPACT_LABELS = {
    AFFECTED: "How many people are affected?",
    CAN_WORK: "Can you keep working?",
}
IMPACT_ERRORS = {
    AFFECTED: "Choose how many people are affected; “Not sure” is fine.",
    CAN_WORK: "Choose whether you can keep working; “Not sure” is fine.",
}


class AnswerError(InvalidInput):
    """An answer that cannot be taken, naming the field it belongs to."""

    def __init__(self, field_name: str, template: str, **params: Any) -> None:
        self.field_name = field_name
        super().__init__(template, **params)


@dataclass(frozen=True)
class OwnItem:
    """One of the worker's devices or applications, as a form offers it."""

    pk: int
    label: str
    role: str = ""


@dataclass(frozen=True)
class Answer:
    name: str
    label: str
    type: str
    value: str
    field: Field | None = None
    item_pk: int | None = None


def own_items(field_type: str, worker: Worker) -> list[OwnItem]:
    """The worker's own devices or applications, for a field of that type."""
    found: Sequence[Any]
    if field_type == FieldType.DEVICE:
        found = context.devices_for(worker)
    elif field_type == FieldType.APPLICATION:
        found = context.applications_for(worker)
    else:
        return []
    return [
        OwnItem(pk=item.pk, label=str(item.label), role=str(getattr(item, "role", "")))
        for item in found
    ]


def active_type(slug: str) -> RequestType:
    request_type = RequestType.objects.filter(slug=slug, active=True).first()
    if request_type is None:
        raise NotFound(
            "There is no request type “%(slug)s” in the catalog; choose one from "
            "the list of requests.",
            slug=slug,
        )
    return request_type


def _tidy(name: str, label: str, raw: str, limit: int) -> str:
    """The text tidied (see `credence.catalog.text`); AnswerError if wrong."""
    try:
        tidied = text.tidy(label, raw)
        text.check_length(label, tidied, limit)
    except InvalidInput as error:
        raise AnswerError(name, "%(message)s", message=error.message) from None
    return tidied


def _check_date(field: Field, value: str, today: date) -> str:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise AnswerError(
            field.name,
            "For “%(label)s”, give a date as year-month-day, for example 2026-12-31.",
            label=field.label,
        ) from None
    if field.date_rule == DateRule.NOT_BEFORE_TODAY and day < today:
        raise AnswerError(
            field.name,
            "“%(label)s” cannot be before today: give %(today)s or a later "
            "date, or leave it empty.",
            label=field.label,
            today=today.isoformat(),
        )
    if field.date_rule == DateRule.NOT_AFTER_TODAY and day > today:
        raise AnswerError(
            field.name,
            "“%(label)s” cannot be after today: give %(today)s or an earlier "
            "date, or leave it empty.",
            label=field.label,
            today=today.isoformat(),
        )
    return day.isoformat()


def today_for(worker: Worker) -> date:
    """The worker's own day, which a date field's rule is measured from."""
    return timezone.localdate(timezone.now(), display_zone(worker))


def _check_one(field: Field, raw: str, worker: Worker) -> Answer | None:
    """The field's answer, None if left empty; AnswerError if it is wrong."""
    limit = LONG_TEXT_MAX if field.type == FieldType.LONG_TEXT else TEXT_MAX
    value = _tidy(field.name, field.label, raw, limit)
    if not value:
        if field.required:
            raise AnswerError(field.name, "Answer “%(label)s”.", label=field.label)
        return None
    answer = Answer(field.name, field.label, field.type, value, field)
    if field.type in (FieldType.CHOICE, FieldType.YES_NO):
        offered = field.answers()
        if value not in offered:
            raise AnswerError(
                field.name,
                "For “%(label)s”, choose one of: %(choices)s.",
                label=field.label,
                choices=", ".join(offered.values()),
            )
        return Answer(field.name, field.label, field.type, offered[value], field)
    if field.type == FieldType.DATE:
        day = _check_date(field, value, today_for(worker))
        return Answer(field.name, field.label, field.type, day, field)
    if field.type in (FieldType.DEVICE, FieldType.APPLICATION):
        # Naming one of the worker's own items links the answer to it; any
        # other text is "something else", typed.
        for item in own_items(field.type, worker):
            if item.label == value:
                return Answer(
                    field.name, field.label, field.type, value, field, item.pk
                )
    return answer


def _check_impact(name: str, raw: str, labels: Mapping[Any, str]) -> Answer:
    value = raw.strip()
    for key, label in labels.items():
        if key.value == value:
            return Answer(name, IMPACT_LABELS[name], FieldType.CHOICE, label)
    raise AnswerError(name, IMPACT_ERRORS[name])


def check_answers(
    request_type: RequestType, answers: Mapping[str, str], worker: Worker
) -> tuple[list[Answer], dict[str, str]]:
    """The answers to keep, and what is wrong, by field name.

    Answers to fields that are not shown are dropped; a required field is
    required only when shown.
    """
    fields = list(request_type.fields.all())
    kept: list[Answer] = []
    problems: dict[str, str] = {}
    for field in shown_fields(fields, answers):
        try:
            answer = _check_one(field, answers.get(field.name, ""), worker)
        except AnswerError as error:
            problems[field.name] = error.message
            continue
        if answer is not None:
            kept.append(answer)
    if request_type.asks_impact:
        for name, labels in ((AFFECTED, AFFECTED_LABELS), (CAN_WORK, CAN_WORK_LABELS)):
            try:
                kept.append(_check_impact(name, answers.get(name, ""), labels))
            except AnswerError as error:
                problems[name] = error.message
    return kept, problems


def check_texts(title: str, description: str) -> tuple[str, str]:
    """The title and details tidied; AnswerError naming the one at fault."""
    return (
        _tidy(TITLE, TEXT_LABELS[TITLE], title, TITLE_MAX),
        _tidy(DESCRIPTION, TEXT_LABELS[DESCRIPTION], description, DESCRIPTION_MAX),
    )


def priority_for(request_type: RequestType, answers: Mapping[str, str]) -> str:
    if request_type.asks_impact:
        return priority_from_answers(
            Affected(answers[AFFECTED].strip()), CanWork(answers[CAN_WORK].strip())
        )
    return request_type.fixed_priority


def title_for(request_type: RequestType, kept: Sequence[Answer], title: str) -> str:
    """The worker's title, or the type's name and its first short answer.

    A short answer is a line of text, a choice, a device or an application.
    """
    if title.strip():
        return title.strip()
    short = (
        FieldType.TEXT,
        FieldType.CHOICE,
        FieldType.DEVICE,
        FieldType.APPLICATION,
    )
    first = next((a for a in kept if a.field is not None and a.type in short), None)
    if first is None:
        return request_type.name
    # "Something else" or "An application" says less than the question it
    # brings up: name the ticket after that answer instead.
    follow_up = next(
        (
            a
            for a in kept
            if a.field is not None
            and first.field is not None
            and a.field.condition_field_id == first.field.pk
            and a.type in short
        ),
        None,
    )
    first = follow_up or first
    made = f"{request_type.name}: {first.value}"
    if len(made) > TITLE_MAX:
        made = made[: TITLE_MAX - 1].rstrip() + "…"
    return made


def _just_sent(
    worker: Worker,
    request_type: RequestType,
    title: str,
    description: str,
    kept: Sequence[Answer],
    now: datetime,
) -> Ticket | None:
    """The worker's latest portal ticket, if this request is a copy of it.

    As in "Ask for help": only the latest ticket is compared, and only
    within seconds, so the same request made again later is a new ticket.
    """
    latest = latest_copy(worker, title, description, now, channels=FRONT_DOOR)
    if latest is None:
        return None
    earlier = TicketRequest.objects.filter(ticket=latest).first()
    if earlier is None or earlier.request_type_id != request_type.pk:
        return None
    stored = list(earlier.answers.values_list("name", "value"))
    if stored != [(answer.name, answer.value) for answer in kept]:
        return None
    return latest


def _store(ticket: Ticket, request_type: RequestType, kept: Sequence[Answer]) -> None:
    record = TicketRequest.objects.create(
        ticket=ticket, request_type=request_type, type_name=request_type.name
    )
    RequestAnswer.objects.bulk_create(
        RequestAnswer(
            request=record,
            field=answer.field,
            name=answer.name,
            label=answer.label,
            type=answer.type,
            value=answer.value,
            item_pk=answer.item_pk,
            position=position,
        )
        for position, answer in enumerate(kept)
    )


def submit_request(
    worker: Worker,
    request_type: RequestType,
    answers: Mapping[str, str],
    *,
    title: str = "",
    description: str = "",
    channel: Channel = Channel.PORTAL,
) -> tuple[Ticket, bool]:
    """Open the request; False with the earlier ticket if it is a copy.

    The check and the opening hold the worker's row lock in one
    transaction, as the portal's "Ask for help" does, so two copies sent at
    the same moment queue and the second finds the first.
    """
    title, description = check_texts(title, description)
    kept, problems = check_answers(request_type, answers, worker)
    if problems:
        name, message = next(iter(problems.items()))
        raise AnswerError(name, "%(message)s", message=message)
    priority = priority_for(request_type, answers)
    title = title_for(request_type, kept, title)

    with transaction.atomic():
        Worker.objects.select_for_update().get(pk=worker.pk)
        now = timezone.now()
        earlier = _just_sent(worker, request_type, title, description, kept, now)
        if earlier is not None:
            return earlier, False
        ticket = services.open_ticket(
            requester=worker,
            kind=request_type.kind,
            title=title,
            description=description,
            channel=channel,
            priority=priority,
            actor=worker,
            at=now,
        )
        _store(ticket, request_type, kept)
        return ticket, True


def open_request(
    worker: Worker,
    type_slug: str,
    answers: Mapping[str, str],
    *,
    title: str = "",
    description: str = "",
) -> Ticket:
    """Open a ticket of the request type for the worker, through the portal.

    Answers are keyed by the field's name; a device or application field
    takes the label of one of the worker's own items (the answer is then
    linked to it), or any other text, kept as typed ("something else").
    Every text is tidied as `credence.catalog.text` says: a control
    character is refused, direction controls are removed, and an answer of
    only spaces or invisible characters is no answer. A date field with a
    rule takes only today or later, or today or earlier, in the worker's
    own time zone.
    A type whose priority the worker's answers give also takes `affected`
    and `can_work` (the values of `credence.tickets.priority`). Without a
    title, the ticket is named after the type and its first short answer.
    Raises AnswerError (an InvalidInput), naming the field, when an answer
    is missing or wrong. The same request sent twice within seconds opens
    one ticket, and the second call returns it.
    """
    ticket, _ = submit_request(
        worker,
        active_type(type_slug),
        answers,
        title=title,
        description=description,
    )
    return ticket


def own_conversation(worker: Worker, conversation_id: int | None) -> int | None:
    """The id if it is one of the worker's conversations, otherwise None.

    A prefilled link may be stale, mistyped or someone else's; it must not
    stop the worker asking for help.
    """
    if conversation_id is None:
        return None
    mine = Conversation.objects.filter(pk=conversation_id, worker=worker)
    return conversation_id if mine.exists() else None


def request_from_portal(
    worker: Worker,
    request_type: RequestType,
    answers: Mapping[str, str],
    *,
    title: str,
    description: str,
    conversation_id: int | None,
) -> tuple[Ticket, bool]:
    """Open the request the form describes, with its conversation attached.

    A request handed over by the assistant arrives through the assistant's
    channel, so the reports can tell the two front doors apart. A
    conversation that is not the worker's, or no longer exists, is ignored:
    the request is the worker's own and goes through the portal. The
    ticket and the attachment share one transaction.
    """
    conversation_id = own_conversation(worker, conversation_id)
    channel = Channel.PORTAL if conversation_id is None else Channel.ASSISTANT
    with transaction.atomic():
        ticket, opened = submit_request(
            worker,
            request_type,
            answers,
            title=title,
            description=description,
            channel=channel,
        )
        if opened and conversation_id is not None:
            attach_to_ticket(conversation_id, ticket, worker)
        return ticket, opened
