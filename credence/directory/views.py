"""A worker's own page: the devices and applications the IT team has on
record for them.

It takes no worker from the address or the query: everyone sees their own
record and no one else's, agents and leads included (they see a requester's
on the desk, beside the ticket).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from credence.directory.context import (
    applications_for,
    devices_for,
    recent_changes_for,
)
from credence.workers.models import Worker
from credence.workers.zones import display_zone

RECENT_DAYS = 30


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    worker = request.user
    assert isinstance(worker, Worker)
    context = {
        "devices": devices_for(worker),
        "applications": applications_for(worker),
        "changes": recent_changes_for(worker, days=RECENT_DAYS),
        "recent_days": RECENT_DAYS,
    }
    with timezone.override(display_zone(worker)):
        return render(request, "directory/mine.html", context)
