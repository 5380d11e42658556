"""Durations and deadlines in the short words an agent reads at a glance.

The queue says "due in 25 min" or "breached 2 h ago" rather than printing
instants, because the question at the desk is how much time is left. Only
far-off deadlines are named by their local day and time, where a count of
hours would make the reader do arithmetic.
"""

from datetime import datetime, timedelta, tzinfo

# Closer than this, a deadline is a count of hours and minutes; further
# off, it is a day and a time ("due tomorrow 09:30").
RELATIVE_LIMIT = timedelta(hours=8)

# A deadline within this many days is named by its weekday; further off
# by its date.
WEEKDAY_LIMIT_DAYS = 6

MINUTE = timedelta(minutes=1)


def minutes_in_words(minutes: float) -> str:
    """Say a number of minutes as hours and minutes: 190 is "3 h 10 min".

    Business time is never said in days, since a business day's length
    depends on the calendar. Part minutes are dropped: a clock that has
    counted 59.9 minutes has not yet counted an hour.
    """
    whole = max(int(minutes), 0)
    hours, rest = divmod(whole, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return f"{hours} h"
    return f"{rest} min"


def _ago_in_words(past: timedelta) -> str:
    if past < MINUTE:
        return "just now"
    if past < timedelta(hours=1):
        return f"{past // MINUTE} min ago"
    if past < timedelta(days=1):
        return f"{past // timedelta(hours=1)} h ago"
    days = past.days
    return f"{days} day ago" if days == 1 else f"{days} days ago"


def _day_and_time(due: datetime, now: datetime, zone: tzinfo) -> str:
    local_due = due.astimezone(zone)
    days_ahead = (local_due.date() - now.astimezone(zone).date()).days
    clock = local_due.strftime("%H:%M")
    if days_ahead == 0:
        return f"today {clock}"
    if days_ahead == 1:
        return f"tomorrow {clock}"
    if days_ahead <= WEEKDAY_LIMIT_DAYS:
        return f"{local_due:%A} {clock}"
    if local_due.year == now.astimezone(zone).year:
        return f"{local_due.day} {local_due:%b} {clock}"
    return f"{local_due.day} {local_due:%b %Y} {clock}"


def time_left_in_words(due: datetime, now: datetime, zone: tzinfo) -> str:
    """Say how a deadline stands at `now`, days and times read in `zone`.

    "due in 25 min", "due in 3 h 10 min", "due tomorrow 09:30",
    "breached 2 h ago". A clock exactly at its due is still running, as the
    clock itself has it.
    """
    left = due - now
    if left < timedelta(0):
        return f"breached {_ago_in_words(-left)}"
    if left < MINUTE:
        return "due in less than 1 min"
    if left < RELATIVE_LIMIT:
        return f"due in {minutes_in_words(left / MINUTE)}"
    return f"due {_day_and_time(due, now, zone)}"
