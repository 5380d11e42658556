from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_role_groups(sender: AppConfig, **kwargs: Any) -> None:
    from credence.workers.roles import ensure_role_groups

    ensure_role_groups()


class TicketsConfig(AppConfig):
    name = "credence.tickets"
    label = "tickets"

    def ready(self) -> None:
        post_migrate.connect(_create_role_groups, sender=self)
