from django.apps import AppConfig


class AssistantConfig(AppConfig):
    name = "credence.assistant"
    label = "assistant"
    verbose_name = "Assistant"
