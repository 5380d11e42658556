"""What a worker can expect from a ticket, in plain words.

After asking for help a worker wants to know when someone will answer and
when the problem should be solved, not what "resolution due" means. These
functions turn the ticket's stored due times (derived from the objective
and its calendar) into one sentence, in the worker's own time zone:

    Someone will respond by 10:15 today; we aim to resolve it by Tuesday 16:00.

They only format: every instant comes from the ticket's derived columns,
and "now" is given, so the same ticket and instant always read the same.
"""

from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from credence.tickets.models import Status, Ticket

# English names, not strftime's %A and %B, which follow the process locale.
WEEKDAYS = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# A weekday name is clear up to six days ahead; a seventh day would repeat
# today's name, so from there on the date is written out.
WEEKDAY_HORIZON_DAYS = 6


def _zone(time_zone: str | tzinfo) -> tzinfo:
    return ZoneInfo(time_zone) if isinstance(time_zone, str) else time_zone


def _clock(instant: datetime) -> str:
    return instant.strftime("%H:%M")


def _date(day: date, today: date) -> str:
    words = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return words if day.year == today.year else f"{words} {day.year}"


def when_ahead(instant: datetime, now: datetime, time_zone: str | tzinfo) -> str:
    """An instant to come: "10:15 today", "Tuesday 16:00", ...

    Within the next six days the weekday is enough; further ahead the date
    is written out ("Monday 7 December 16:00"), with the year only when it
    is not this year's.
    """
    zone = _zone(time_zone)
    local = instant.astimezone(zone)
    today = now.astimezone(zone).date()
    days = (local.date() - today).days
    if days == 0:
        return f"{_clock(local)} today"
    if days == 1:
        return f"{_clock(local)} tomorrow"
    if 1 < days <= WEEKDAY_HORIZON_DAYS:
        return f"{WEEKDAYS[local.weekday()]} {_clock(local)}"
    return f"{_date(local.date(), today)} {_clock(local)}"


def when_past(instant: datetime, now: datetime, time_zone: str | tzinfo) -> str:
    """An instant gone by: "at 14:05 today", "on Monday 7 December at 14:05".

    A weekday name alone would be ambiguous in the past (this Tuesday or
    last?), so anything before yesterday carries its date.
    """
    zone = _zone(time_zone)
    local = instant.astimezone(zone)
    today = now.astimezone(zone).date()
    days = (today - local.date()).days
    if days == 0:
        return f"at {_clock(local)} today"
    if days == 1:
        return f"at {_clock(local)} yesterday"
    return f"on {_date(local.date(), today)} at {_clock(local)}"


def _response_part(ticket: Ticket, now: datetime, zone: tzinfo) -> str | None:
    # Once someone has responded the worker has seen it; nothing to promise.
    if ticket.response_stopped_at is not None or ticket.response_due is None:
        return None
    when = when_ahead(ticket.response_due, now, zone)
    if ticket.response_due < now:
        return f"we meant to respond by {when} and are running late"
    return f"someone will respond by {when}"


def _resolution_part(ticket: Ticket, now: datetime, zone: tzinfo) -> str | None:
    if ticket.resolution_stopped_at is not None:
        return None
    due = ticket.resolution_due
    if due is None:
        # The clock is held while the team waits on the worker, so no due
        # time exists until they answer.
        return "we will set a time to resolve it as soon as you answer"
    when = when_ahead(due, now, zone)
    if due < now:
        return f"we meant to resolve it by {when} and are running late"
    return f"we aim to resolve it by {when}"


def expectation_sentence(ticket: Ticket, now: datetime, time_zone: str | tzinfo) -> str:
    """When the worker will hear back and when it should be solved.

    Empty for a ticket that is resolved or closed: there is nothing left to
    expect, and `outcome_sentence` says what happened instead.
    """
    if ticket.status in (Status.RESOLVED, Status.CLOSED):
        return ""
    zone = _zone(time_zone)
    parts = [
        part
        for part in (
            _response_part(ticket, now, zone),
            _resolution_part(ticket, now, zone),
        )
        if part
    ]
    if not parts:
        return ""
    sentence = "; ".join(parts)
    return f"{sentence[0].upper()}{sentence[1:]}."


def outcome_sentence(ticket: Ticket, now: datetime, time_zone: str | tzinfo) -> str:
    """What became of a resolved or closed ticket; empty while it is open."""
    zone = _zone(time_zone)
    if ticket.status == Status.CLOSED and ticket.closed_at is not None:
        return f"Closed {when_past(ticket.closed_at, now, zone)}."
    if ticket.status == Status.RESOLVED and ticket.resolved_at is not None:
        return f"Resolved {when_past(ticket.resolved_at, now, zone)}."
    return ""
