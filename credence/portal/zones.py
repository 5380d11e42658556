"""Which time zone a worker reads times in."""

import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from credence.workers.models import Worker

logger = logging.getLogger(__name__)


def worker_time_zone(worker: Worker) -> ZoneInfo:
    """The worker's own zone, or the installation's when they chose none.

    The directory does not validate the field, so a zone that no longer
    exists (or a typo from an import) falls back to the installation's
    rather than breaking every page the worker opens.
    """
    name = worker.time_zone or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning("Worker %s has an unknown time zone %r", worker.pk, name)
        return ZoneInfo(settings.TIME_ZONE)
