from django.apps import AppConfig


class SelfserviceConfig(AppConfig):
    name = "credence.selfservice"
    label = "selfservice"
    verbose_name = "Self-service and satisfaction"

    def ready(self) -> None:
        from credence.selfservice import signals  # noqa: F401
