from datetime import timedelta

import pytest

from credence.notify.words import duration_in_words


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (timedelta(0), "less than a minute"),
        (timedelta(seconds=29, microseconds=999_999), "less than a minute"),
        # From half a minute on, the nearest whole minute is one.
        (timedelta(seconds=30), "1 minute"),
        (timedelta(seconds=59, microseconds=600_000), "1 minute"),
        (timedelta(seconds=60), "1 minute"),
        (timedelta(seconds=89), "1 minute"),
        (timedelta(seconds=90), "2 minutes"),
        # The case the notices got wrong: 1 min 43 s is nearer to 2 minutes.
        (timedelta(minutes=1, seconds=43), "2 minutes"),
        (timedelta(minutes=3, seconds=45), "4 minutes"),
        (timedelta(minutes=59, seconds=31), "1 hour"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=2, minutes=20, seconds=29), "2 hours 20 minutes"),
        (timedelta(hours=2, minutes=20, seconds=59), "2 hours 21 minutes"),
        # From a day on, days and hours: 1 day 3 h 4 min is nearest 3 hours,
        # 1 day 3 h 30 min rounds up to 4, and 1 day 23 h 45 min to 2 days.
        (timedelta(days=1, hours=3, minutes=4), "1 day 3 hours"),
        (timedelta(days=1, hours=3, minutes=30), "1 day 4 hours"),
        (timedelta(days=1, hours=23, minutes=45), "2 days"),
        (timedelta(days=2, minutes=5), "2 days"),
    ],
)
def test_a_duration_is_said_to_the_nearest_unit_in_its_two_largest(
    duration: timedelta, words: str
) -> None:
    assert duration_in_words(duration) == words
