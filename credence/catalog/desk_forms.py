"""The lead's forms for request types and their fields.

The checks that keep conditions coherent are in `credence.catalog.rules`;
these forms carry the lead's input to them and put each message beside
the part of the definition it is about.
"""

import re
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.text import slugify

from credence.catalog.models import (
    CONDITION_TYPES,
    DateRule,
    Field,
    FieldType,
    PriorityRule,
    RequestType,
)
from credence.catalog.rules import NAME_RULE, check_field, normalised_condition_value

NAME_MAX = 50


class RequestTypeForm(forms.ModelForm):
    class Meta:
        model = RequestType
        fields = [
            "name",
            "slug",
            "description",
            "kind",
            "priority_rule",
            "fixed_priority",
            "position",
            "active",
        ]
        labels = {
            "slug": "Address",
            "description": "One-line description",
            "priority_rule": "Priority",
            "fixed_priority": "Fixed priority",
            "active": "Shown in the portal",
        }
        help_texts = {
            "slug": "Lower-case words joined by hyphens, used in the request's "
            "address. Left empty, it is made from the name. It cannot change "
            "later.",
            "description": "Shown under the name in the catalog.",
            "fixed_priority": "Only when the priority is always the same.",
            "position": "Lower numbers come first in the catalog.",
        }
        error_messages = {
            "name": {"required": "Give the request type a name."},
            "kind": {
                "required": "Choose whether this is a request (something "
                "wanted) or an incident (something broken)."
            },
            "priority_rule": {
                "required": "Choose how the priority is set: from the worker's "
                "answers, or always the same."
            },
            "position": {"required": "Give a position: lower numbers come first."},
            "slug": {
                "unique": "Another request type already uses this address; "
                "choose another one.",
                "invalid": "Use only lower-case letters, digits and hyphens.",
            },
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        if self.instance.pk is not None:
            # Other parts of Credence link to a type by its address.
            del self.fields["slug"]

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(
            self.cleaned_data.get("name", "")
        )
        if not slug and self.cleaned_data.get("name"):
            raise forms.ValidationError(
                "Give an address: lower-case letters, digits and hyphens."
            )
        if RequestType.objects.filter(slug=slug).exists():
            raise forms.ValidationError(
                "Another request type already uses this address; choose another one."
            )
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rule = data.get("priority_rule")
        if rule == PriorityRule.FIXED and not data.get("fixed_priority"):
            self.add_error(
                "fixed_priority",
                "Choose the priority every request of this type gets, or let "
                "the worker's answers decide it.",
            )
        if rule == PriorityRule.ASK:
            data["fixed_priority"] = ""
        return data


class FieldChoice(forms.ModelChoiceField):
    """The type's other fields, by their questions."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class FieldForm(forms.ModelForm):
    condition_field = FieldChoice(
        queryset=Field.objects.none(),
        required=False,
        label="Show only when this field…",
        empty_label="Always show this field",
        error_messages={
            "invalid_choice": "Choose an earlier field of this request type, or "
            "“Always show this field”."
        },
        help_text="An earlier choice or yes/no field of this request type. "
        "Leave empty to always show the field.",
    )
    # Checked by `credence.catalog.rules.check_name`, with messages that say
    # what to type; Django's slug check would let hyphens and capitals in.
    name = forms.CharField(
        max_length=NAME_MAX,
        required=False,
        help_text="Lower-case letters, digits and underscores, starting with a "
        "letter; the answer's key. Left empty, it is made from the question.",
        error_messages={
            "max_length": "Keep the name to %(limit_value)d characters (it has "
            "%(show_value)d)."
        },
    )
    choices_text = forms.CharField(
        label="Answers to choose from",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For a choice field: one answer a line.",
    )

    class Meta:
        model = Field
        fields = [
            "label",
            "name",
            "help",
            "type",
            "required",
            "condition_field",
            "condition_value",
            "date_rule",
            "position",
        ]
        labels = {
            "label": "Question",
            "help": "Hint",
            "required": "An answer is required (when the field is shown)",
            "condition_value": "…has this answer",
            "date_rule": "Dates allowed",
        }
        help_texts = {
            "date_rule": "For a date field: “today” is the worker's own day, "
            "in their time zone.",
            "position": "Fields are asked in the order of their positions.",
        }
        error_messages = {
            "label": {"required": "Write the question to ask."},
            "type": {"required": "Choose the kind of answer the question takes."},
            "position": {
                "required": "Give a position: fields are asked from the lowest."
            },
        }

    def __init__(self, *args: Any, request_type: RequestType, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request_type = request_type
        self.instance.request_type = request_type
        self.fields["name"].required = False
        kind = self.fields["type"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = FieldType.choices
        kind.initial = FieldType.TEXT
        self.order_fields(["label", "name", "help", "type", "choices_text"])
        condition = self.fields["condition_field"]
        assert isinstance(condition, FieldChoice)
        condition.queryset = self._usable_sources()
        if self.instance.pk is not None and not self.is_bound:
            self.initial["choices_text"] = "\n".join(self.instance.choices)

    def _usable_sources(self) -> QuerySet[Field]:
        """The fields this one may be shown on: earlier, with fixed answers.

        A new field comes last unless the lead says otherwise, so any field
        with fixed answers is earlier. The condition a field already has
        stays offered, so that saving does not drop it unseen.
        """
        usable = Q(type__in=CONDITION_TYPES)
        if self.instance.pk is not None:
            usable &= Q(position__lt=self.instance.position)
        if self.instance.condition_field_id is not None:
            usable |= Q(pk=self.instance.condition_field_id)
        others = self.request_type.fields.filter(usable)
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        return others

    def clean_name(self) -> str:
        typed = str(self.cleaned_data.get("name", "")).strip()
        if typed:
            return typed
        # Made from the question: its words joined by underscores, from
        # the first letter on.
        made = slugify(self.cleaned_data.get("label", "")).replace("-", "_")
        made = re.sub(r"^[^a-z]+", "", made)[:NAME_MAX].rstrip("_")
        if not made:
            raise forms.ValidationError(f"Give the field a name: {NAME_RULE}")
        return made

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        source = data.get("condition_field")
        if source is not None:
            value = normalised_condition_value(source, data["condition_value"])
            if value is not None:
                data["condition_value"] = value
        if data["type"] != FieldType.DATE:
            data["date_rule"] = DateRule.ANY
        lines = data.get("choices_text", "").splitlines()
        choices = [line.strip() for line in lines if line.strip()]
        self.instance.choices = choices if data["type"] == FieldType.CHOICE else []
        # The field as it would be saved, checked against the type's other
        # fields as they are stored.
        candidate = Field(
            pk=self.instance.pk,
            request_type=self.request_type,
            name=data["name"],
            label=data["label"],
            type=data["type"],
            choices=self.instance.choices,
            required=data["required"],
            condition_field=source,
            condition_value=data["condition_value"],
            date_rule=data["date_rule"],
            position=data["position"],
        )
        for part, message in check_field(candidate, self._others()).items():
            self.add_error("choices_text" if part == "choices" else part, message)
        return data

    def _others(self) -> list[Field]:
        others = self.request_type.fields.all()
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        return list(others)
