"""The lead's forms for request types and their fields.

The checks that keep conditions coherent are in `credence.catalog.rules`;
these forms carry the lead's input to them and put each message beside
the part of the definition it is about.
"""

from typing import Any

from django import forms
from django.utils.text import slugify

from credence.catalog.models import Field, FieldType, PriorityRule, RequestType
from credence.catalog.rules import check_field, normalised_condition_value


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
            "position",
        ]
        labels = {
            "label": "Question",
            "help": "Hint",
            "required": "An answer is required (when the field is shown)",
            "condition_value": "…has this answer",
        }
        help_texts = {
            "name": "Lower-case letters, digits and underscores; the answer's "
            "key. Left empty, it is made from the question.",
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
        others = request_type.fields.all()
        if self.instance.pk is not None:
            others = others.exclude(pk=self.instance.pk)
        condition = self.fields["condition_field"]
        assert isinstance(condition, FieldChoice)
        condition.queryset = others
        if self.instance.pk is not None and not self.is_bound:
            self.initial["choices_text"] = "\n".join(self.instance.choices)

    def clean_name(self) -> str:
        name = self.cleaned_data.get("name") or slugify(
            self.cleaned_data.get("label", "")
        ).replace("-", "_")
        return name[:50]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        source = data.get("condition_field")
        if source is not None:
            value = normalised_condition_value(source, data["condition_value"])
            if value is not None:
                data["condition_value"] = value
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
