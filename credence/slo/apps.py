from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_defaults(sender: AppConfig, **kwargs: Any) -> None:
    from credence.slo.objectives import ensure_defaults

    ensure_defaults()


class SloConfig(AppConfig):
    name = "credence.slo"
    label = "slo"
    verbose_name = "Service level objectives"

    def ready(self) -> None:
        from credence.slo import signals  # noqa: F401

        post_migrate.connect(_create_defaults, sender=self)
