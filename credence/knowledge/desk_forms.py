"""The desk's article form: it reads what was typed; the rules are in
`articles.py`, whose messages the agent reads."""

from django import forms
from django.db.models import Q, QuerySet

from credence.knowledge.models import Audience
from credence.workers.models import Worker


def team_members() -> QuerySet[Worker]:
    """Who may own an article: the agents and leads."""
    holds = Q(
        groups__permissions__codename="work_tickets",
        groups__permissions__content_type__app_label="tickets",
    ) | Q(is_superuser=True)
    return (
        Worker.objects.filter(holds, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class ArticleForm(forms.Form):
    title = forms.CharField(
        max_length=200, widget=forms.TextInput(attrs={"required": True})
    )
    slug = forms.SlugField(
        max_length=120,
        required=False,
        help_text="The article's address; left empty, it is made from the title. "
        "It cannot change later.",
    )
    summary = forms.CharField(
        max_length=300,
        required=False,
        help_text="One sentence: what it helps with. Search weighs it above the text.",
    )
    audience = forms.ChoiceField(
        choices=Audience.choices,
        help_text="Agents-only articles never show to workers.",
    )
    owner = forms.ModelChoiceField(
        queryset=Worker.objects.none(),
        required=False,
        help_text="Who keeps it up to date.",
    )
    body = forms.CharField(
        label="Text (Markdown)",
        widget=forms.Textarea(attrs={"rows": 18, "required": True}),
    )

    def __init__(self, *args: object, editing: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = team_members()
        if editing:
            del self.fields["slug"]
