"""How long is left before a due, or how late a clock is, in words."""

from datetime import timedelta

MINUTE = timedelta(minutes=1)
HALF_MINUTE = timedelta(seconds=30)
MINUTES_IN_A_DAY = 24 * 60


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def duration_in_words(duration: timedelta) -> str:
    """Say a duration in its two largest units: "1 day 3 hours", "5 minutes".

    The duration is rounded to the nearest minute, half a minute rounding
    up, so that 1 min 43 s is "2 minutes" and 59.6 s is "1 minute"; less
    than half a minute is "less than a minute". From a day on only days and
    hours are said, so the hours are rounded to the nearest too.
    """
    minutes = (duration + HALF_MINUTE) // MINUTE
    if minutes < 1:
        return "less than a minute"
    if minutes >= MINUTES_IN_A_DAY:
        minutes = (minutes + 30) // 60 * 60
    days, minutes = divmod(minutes, MINUTES_IN_A_DAY)
    hours, minutes = divmod(minutes, 60)
    parts = [
        _count(number, unit)
        for number, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if number
    ]
    return " ".join(parts[:2])
