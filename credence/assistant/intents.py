"""What a worker's message asks for, beyond an answer.

Three things change the assistant's reply: the worker asks for a person;
the worker asks for something the catalog has a request type for (access,
hardware, an install); the worker answers the question the assistant just
asked. The phrases are deliberately narrow: a request type is "clearly"
matched only when the worker says they need or want the thing, so that
"how do I reset my password?" is still answered from the articles.
"""

import re
from dataclasses import dataclass
from typing import Any

from credence.catalog.models import Field, FieldType, RequestType
from credence.directory.context import applications_for, devices_for
from credence.workers.models import Worker

ASKS_FOR_PERSON = re.compile(
    r"\b(talk|speak|chat)\s+(to|with)\s+(someone|somebody|a\s+(person|human|"
    r"real\s+person)|an?\s+(agent|technician))\b"
    r"|\b(human(?!\s+resources)|real person|an agent|live agent|help ?desk person)\b"
    r"|\b(open|raise|create|log|file)\s+(a\s+|an\s+)?(ticket|request|incident)\b"
    r"|\bcall me\b"
    r"|^\W*(an?\s+)?(agent|human|person|someone|operator|technician)\W*$",
    re.IGNORECASE,
)

_WANTS = (
    r"\b(i\s+need|i\s+want|i'd\s+like|i\s+would\s+like|can\s+i\s+(get|have)|"
    r"could\s+i\s+(get|have)|please\s+(give|grant|get|order|install)|"
    r"request(ing)?|give\s+me|grant\s+me|i\s+require|need\s+a|need\s+an)\b"
)

# Request type slugs (fixed in the starter catalog) and what, after a
# phrase of wanting, names them.
REQUEST_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "application-access",
        re.compile(
            _WANTS + r".*\b(access|permission|permissions|role|account)\b", re.I
        ),
    ),
    (
        "hardware",
        re.compile(
            _WANTS + r".*\b(new|replacement|another|second|spare|bigger)?\s*"
            r"(laptop|computer|monitor|screen|keyboard|mouse|headset|dock|"
            r"docking station|charger|phone|webcam|hardware)\b",
            re.I,
        ),
    ),
    (
        "software-install",
        re.compile(_WANTS + r".*\b(install|installed|licen[cs]e|software)\b", re.I),
    ),
    (
        "password-mfa-reset",
        re.compile(
            r"\b(reset|unlock|locked\s+out|forgot|forgotten|lost)\b.*"
            r"\b(password|mfa|2fa|authenticator|token|account)\b",
            re.I,
        ),
    ),
)

_PROBLEM = re.compile(
    r"\b(broken|not\s+working|doesn'?t\s+work|won'?t|can'?t|cannot|error|"
    r"fails?|failing|crash(es|ed)?|stuck|down|slow|keeps)\b",
    re.IGNORECASE,
)


def asks_for_person(text: str) -> bool:
    return bool(ASKS_FOR_PERSON.search(text))


def besides_person(text: str) -> str:
    """What the message says besides asking for a person."""
    return ASKS_FOR_PERSON.sub(" ", text).strip(" ,.;:!?-")


# "How do I request access?" asks how, and the articles answer it.
_HOW_TO = re.compile(r"^\s*(how|what|where|why|when|who|which|is|are|do|does)\b", re.I)


def asks_how(text: str) -> bool:
    return bool(_HOW_TO.search(text))


def requested_type(text: str) -> RequestType | None:
    """The active catalog request type the message clearly asks for."""
    for slug, pattern in REQUEST_PHRASES:
        if pattern.search(text):
            found = RequestType.objects.filter(slug=slug, active=True).first()
            if found is not None:
                return found
    return None


def fallback_slug(text: str) -> str:
    """The request type for a handoff nothing more specific matched."""
    return "something-broken" if _PROBLEM.search(text) else "question"


@dataclass(frozen=True)
class Choice:
    """Something of the worker's own to pick: its label, and the value the
    catalog's request form takes for it (the same label: the form offers
    the worker's items by name and finds the item from it)."""

    label: str
    value: str


def question_field(request_type: RequestType) -> Field | None:
    """The first required field about the worker's own device or
    application, shown without a condition: what the assistant asks."""
    return (
        request_type.fields.filter(
            required=True,
            condition_field__isnull=True,
            type__in=(FieldType.APPLICATION, FieldType.DEVICE),
        )
        .order_by("position", "id")
        .first()
    )


def choices_for(field: Field, worker: Worker | None) -> list[Choice]:
    if worker is None:
        return []
    items: list[Any]
    if field.type == FieldType.APPLICATION:
        items = applications_for(worker)
    else:
        items = devices_for(worker)
    return [Choice(str(item.label), str(item.label)) for item in items]


def named_choice(text: str, choices: list[Choice]) -> Choice | None:
    """The choice the message names, by its label, if exactly one."""
    lowered = text.lower()
    named = [
        choice
        for choice in choices
        if re.search(rf"\b{re.escape(choice.label.lower())}\b", lowered)
    ]
    return named[0] if len(named) == 1 else None
