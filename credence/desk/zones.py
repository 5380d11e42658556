"""The time zone in which the desk shows instants to one agent."""

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth.models import AnonymousUser

from credence.workers.models import Worker


def display_zone(person: Worker | AnonymousUser) -> ZoneInfo:
    """The agent's own zone if they chose a valid one, else the installation's.

    A zone name stored before it was validated, or one the system's tz
    database no longer knows, falls back rather than breaking the page.
    """
    name = getattr(person, "time_zone", "") or settings.TIME_ZONE
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(settings.TIME_ZONE)
