"""The forms of the self-service pages: they carry and check what was sent.

The rules (who may answer, when) stay in satisfaction.py and welcome.py.
"""

from django import forms

from credence.selfservice.satisfaction import COMMENT_MAX, SCORE_WORDS

SCORE_REQUIRED = (
    "Choose how satisfied you are, from “Very dissatisfied” to “Very satisfied”."
)


class SatisfactionForm(forms.Form):
    score = forms.TypedChoiceField(
        label="How satisfied are you with how this was resolved?",
        choices=[(str(score), words) for score, words in SCORE_WORDS.items()],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": SCORE_REQUIRED, "invalid_choice": SCORE_REQUIRED},
    )
    comment = forms.CharField(
        label="Anything you want to tell the IT team? (optional)",
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": (
                "Keep the comment to %(limit_value)d characters (it has "
                "%(show_value)d)."
            )
        },
    )


class FirstRequestForm(forms.Form):
    need = forms.CharField(
        label="What do you need to get started? (optional)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": (
                "Keep it to %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )
