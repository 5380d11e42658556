"""How long is left before a due, or how late a clock is, in words."""

from datetime import timedelta

MINUTE = timedelta(minutes=1)


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def duration_in_words(duration: timedelta) -> str:
    """Say a duration in its two largest units: "1 day 3 hours", "5 minutes".

    Part minutes are dropped, so that "5 minutes left" is never more than
    what is left; under a minute is "less than a minute".
    """
    if duration < MINUTE:
        return "less than a minute"
    minutes = duration // MINUTE
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [
        _count(number, unit)
        for number, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if number
    ]
    return " ".join(parts[:2])
