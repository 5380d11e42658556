"""Which of a request type's fields a worker sees, given their answers.

A field with a condition is shown only when the field it depends on is
itself shown and was answered with the condition's value. Conditions point
only at earlier fields, so one pass in order settles every field: by the
time a field is reached, whether its condition holds is already known.
"""

from collections.abc import Mapping, Sequence

from credence.catalog.models import Field


def shown_fields(fields: Sequence[Field], answers: Mapping[str, str]) -> list[Field]:
    """The fields shown for these answers, in order.

    An answer to a hidden field counts for nothing: a field depending on a
    hidden one stays hidden whatever was sent for the hidden one.
    """
    by_pk = {field.pk: field for field in fields}
    shown: list[Field] = []
    shown_pks: set[int] = set()
    for field in fields:
        if field.condition_field_id is not None:
            source = by_pk.get(field.condition_field_id)
            if source is None or source.pk not in shown_pks:
                continue
            if answers.get(source.name, "").strip() != field.condition_value:
                continue
        shown.append(field)
        shown_pks.add(field.pk)
    return shown
