"""The assistant panel's one form: what the worker says."""

from django import forms

MESSAGE_MAX = 1000


class MessageForm(forms.Form):
    text = forms.CharField(
        label="Your question",
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Write your question first, for example “My Wi-Fi "
            "keeps dropping”.",
            "max_length": "Keep your message to %(limit_value)d characters (it "
            "has %(show_value)d); the IT team can take the rest in a request.",
        },
    )
