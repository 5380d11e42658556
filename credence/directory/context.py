"""A worker's context: their devices, applications and recent changes.

The contract other apps call; the directory app replaces the bodies.
"""

from typing import Any

from credence.workers.models import Worker


def devices_for(worker: Worker) -> list[Any]:
    """The worker's assigned devices; each has `pk` and `label`."""
    raise NotImplementedError


def applications_for(worker: Worker) -> list[Any]:
    """The worker's applications; each has `pk`, `label` and `role`."""
    raise NotImplementedError


def recent_changes_for(worker: Worker, days: int = 30) -> list[Any]:
    """Changes to the worker's devices or applications, newest first."""
    raise NotImplementedError
