"""What keeps a lead's catalog coherent: the checks on a field's definition.

A condition must point at an earlier field of the same request type whose
answers are fixed (a choice or yes/no), and at one of those answers. Once
other fields depend on a field, it must keep coming before them and keep
the answers they are shown on. A field's name is its input's name in the
request form, so it must keep the shape the lead is told (lower-case
letters, digits and underscores, from a letter) and stay clear of the names
the form uses itself. Each check returns messages keyed by the part of the
definition at fault, saying what to change.
"""

import re
from collections.abc import Sequence

from credence.catalog.forms import OTHER_SUFFIX
from credence.catalog.models import CONDITION_TYPES, Field, FieldType
from credence.catalog.requests import AFFECTED, CAN_WORK, DESCRIPTION, TITLE

# Input names the request form uses itself: a field called one of them
# would send two values under one name, and break the form (a second
# "csrfmiddlewaretoken", Django's, refuses every submission).
RESERVED_NAMES = frozenset(
    {"csrfmiddlewaretoken", TITLE, DESCRIPTION, "conversation", AFFECTED, CAN_WORK}
)
# A field's name is its input's name and its answer's key.
NAME = re.compile(r"[a-z][a-z0-9_]*")
NAME_RULE = (
    "use lower-case letters, digits and underscores, starting with a letter, "
    "for example “needed_by”."
)
CHOICE_MAX = 200


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(f"“{value}”" for value in values)


def check_choices(field: Field) -> dict[str, str]:
    if field.type != FieldType.CHOICE:
        return {}
    choices = field.choices
    if len(choices) < 2:
        return {"choices": "Give at least two answers to choose from, one a line."}
    for choice in choices:
        if choices.count(choice) > 1:
            return {"choices": f"“{choice}” is listed twice; give each answer once."}
        if len(choice) > CHOICE_MAX:
            return {
                "choices": f"Keep each answer to {CHOICE_MAX} characters; "
                f"“{choice[:40]}…” is longer."
            }
    return {}


def check_name_shape(name: str) -> str:
    """What is wrong with the name as a name, or "" if nothing is."""
    if NAME.fullmatch(name):
        return ""
    if not name[:1].isalpha():
        return f"“{name}” does not start with a letter: {NAME_RULE}"
    if name != name.lower() and NAME.fullmatch(name.lower()):
        return f"“{name}” has capital letters: {NAME_RULE}"
    return f"“{name}” has characters a name cannot have: {NAME_RULE}"


def check_name(field: Field, others: Sequence[Field]) -> dict[str, str]:
    shape = check_name_shape(field.name)
    if shape:
        return {"name": shape}
    if field.name.endswith(OTHER_SUFFIX):
        return {
            "name": f"A name cannot end in “{OTHER_SUFFIX}”: the request form uses "
            "such names for the box where “something else” is typed. Choose "
            "another one."
        }
    if field.name in RESERVED_NAMES:
        return {
            "name": f"“{field.name}” is a name the request form uses itself; "
            "choose another one."
        }
    if any(other.name == field.name for other in others):
        return {
            "name": f"Another field of this request type is called “{field.name}”; "
            "choose a name it does not use."
        }
    return {}


def normalised_condition_value(source: Field, typed: str) -> str | None:
    """The stored answer of `source` that `typed` names, None if none does.

    A lead may type a yes/no answer as "Yes" or "yes"; both mean "yes".
    """
    wanted = typed.strip().casefold()
    for value, label in source.answers().items():
        if wanted in (value.casefold(), label.casefold()):
            return value
    return None


def check_condition(field: Field, others: Sequence[Field]) -> dict[str, str]:
    """Whether the field's own condition points where it may."""
    source = field.condition_field
    if source is None:
        if field.condition_value.strip():
            return {
                "condition_field": "Choose the field whose answer shows this one, "
                "or leave the answer empty."
            }
        return {}
    if source.request_type_id != field.request_type_id or source.pk not in {
        other.pk for other in others
    }:
        return {
            "condition_field": "Choose another field of this request type; a "
            "field cannot depend on itself or on another type's field."
        }
    if source.type not in CONDITION_TYPES:
        return {
            "condition_field": f"“{source.label}” has no fixed answers; a field "
            "can only depend on a choice or yes/no field."
        }
    if source.position >= field.position:
        return {
            "condition_field": f"“{source.label}” comes at position "
            f"{source.position}, not before this field ({field.position}); a "
            "field can only depend on an earlier one. Give this field a higher "
            "position or choose an earlier field."
        }
    if not field.condition_value.strip():
        return {
            "condition_value": f"Give the answer of “{source.label}” that shows "
            f"this field: one of {_quoted(list(source.answers().values()))}."
        }
    if normalised_condition_value(source, field.condition_value) is None:
        return {
            "condition_value": f"“{field.condition_value}” is not an answer of "
            f"“{source.label}”; choose one of "
            f"{_quoted(list(source.answers().values()))}."
        }
    return {}


def check_dependents(field: Field, dependents: Sequence[Field]) -> dict[str, str]:
    """Whether fields shown on this one's answer still can be, after an edit."""
    for dependent in dependents:
        if field.type not in CONDITION_TYPES:
            return {
                "type": f"“{dependent.label}” is shown on this field's answer, so "
                "it must stay a choice or yes/no field; change that field's "
                "condition first."
            }
        if dependent.position <= field.position:
            return {
                "position": f"“{dependent.label}” (position {dependent.position}) "
                "depends on this field's answer, so this field must come before "
                f"it: give it a position below {dependent.position}."
            }
        if dependent.condition_value not in field.answers():
            return {
                "choices": f"“{dependent.label}” is shown when this field is "
                f"“{dependent.condition_value}”; keep that answer, or change "
                "that field's condition first."
            }
    return {}


def check_field(field: Field, others: Sequence[Field]) -> dict[str, str]:
    """Every problem with the field's definition, by the part at fault.

    `others` are the type's other fields as stored.
    """
    problems: dict[str, str] = {}
    if field.pk is not None:
        dependents = [o for o in others if o.condition_field_id == field.pk]
        problems.update(check_dependents(field, dependents))
    problems.update(check_condition(field, others))
    problems.update(check_choices(field))
    problems.update(check_name(field, others))
    return problems


def check_removal(field: Field) -> str:
    """Why the field cannot be removed, or "" when it can."""
    dependents = [dependent.label for dependent in field.dependents.all()]
    if not dependents:
        return ""
    verb = "is" if len(dependents) == 1 else "are"
    return (
        f"{_quoted(dependents)} {verb} shown on this field's answer; remove that "
        "condition first, then remove this field."
    )
