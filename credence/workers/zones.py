"""Which time zone a person reads times in, in the portal and on the desk."""

import logging
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from credence.workers.models import Worker

logger = logging.getLogger(__name__)


def display_zone(person: Worker | AnonymousUser) -> ZoneInfo:
    """The person's own zone, or the installation's when they chose none.

    The directory does not validate the field, so a zone that no longer
    exists (or a typo from an import) falls back to the installation's
    rather than breaking every page the person opens.
    """
    name = getattr(person, "time_zone", "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        logger.warning("Worker %s has an unknown time zone %r", person.pk, name)
        return ZoneInfo(settings.TIME_ZONE)
