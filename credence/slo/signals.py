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


def _enqueue_rederive() -> None:
    from credence.slo.tasks import rederive_all_tickets

    rederive_all_tickets.enqueue()


def _schedule_rederive() -> None:
    """Queue one re-measure after the change commits, however many rows moved.

    Saving a calendar with its windows sends a signal per row; one task is
    enough, and none is needed while there are no tickets to measure (the
    defaults created at migration time). A rolled-back change drops the
    callback with it.
    """
    from credence.tickets.models import Ticket

    if not Ticket.objects.exists():
        return
    connection = transaction.get_connection()
    if any(entry[1] is _enqueue_rederive for entry in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue_rederive)


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
