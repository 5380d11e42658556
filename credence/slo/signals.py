"""Keep the calendar's `updated_at` honest when its parts change.

Objectives are cached per process by the calendars' and objectives' stamps
(see objectives.py), so a window or closed day added or removed must touch
its calendar, and any change must re-measure the stored tickets.
"""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from credence.slo.models import BusinessWindow, Calendar, ClosedDay, Objective


def _schedule_rederive() -> None:
    from credence.slo.tasks import rederive_all_tickets

    transaction.on_commit(lambda: rederive_all_tickets.enqueue())


@receiver([post_save, post_delete], sender=BusinessWindow)
@receiver([post_save, post_delete], sender=ClosedDay)
def _touch_calendar(sender: type, instance: Any, **kwargs: Any) -> None:
    Calendar.objects.filter(pk=instance.calendar_id).update(updated_at=timezone.now())
    _schedule_rederive()


@receiver(post_save, sender=Calendar)
@receiver(post_save, sender=Objective)
def _objectives_changed(sender: type, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    _schedule_rederive()
