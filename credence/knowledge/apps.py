from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "credence.knowledge"
    label = "knowledge"
    verbose_name = "Knowledge"

    def ready(self) -> None:
        # Connects the receivers that keep the search documents in step.
        from credence.knowledge import index  # noqa: F401
