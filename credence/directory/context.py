"""A worker's context: their devices, applications and recent changes.

The contract other apps call (the desk's panel, the request forms, the
assistant). Each function costs one query, however many records are stored.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from credence.directory.models import ApplicationAccess, Change, Device
from credence.workers.models import Worker


@dataclass(frozen=True)
class WorkerApplication:
    """An application a worker has access to; `pk` is the application's."""

    pk: int
    label: str
    role: str


def devices_for(worker: Worker) -> list[Device]:
    """The worker's assigned devices; each has `pk` and `label`."""
    return list(Device.objects.filter(worker=worker))


def applications_for(worker: Worker) -> list[WorkerApplication]:
    """The worker's applications, by name; each has `pk`, `label` and `role`."""
    rows = (
        ApplicationAccess.objects.filter(worker=worker)
        .order_by("application__name")
        .values_list("application_id", "application__name", "role")
    )
    return [WorkerApplication(pk, label, role) for pk, label, role in rows]


def recent_changes_for(worker: Worker, days: int = 30) -> list[Change]:
    """Changes to the worker's devices or applications, newest first.

    A change belongs to the last `days` days when it happened at or after
    the same instant `days` days ago, up to now; one planned for later is
    not recent yet.
    """
    now = timezone.now()
    # Subqueries rather than joins: a join through an application's
    # accesses would give one row per worker who uses it.
    theirs = Q(device__in=Device.objects.filter(worker=worker).values("pk")) | Q(
        application__in=ApplicationAccess.objects.filter(worker=worker).values(
            "application_id"
        )
    )
    return list(
        Change.objects.filter(
            theirs, happened_at__gte=now - timedelta(days=days), happened_at__lte=now
        )
        .select_related("application", "device")
        .order_by("-happened_at", "-pk")
    )
