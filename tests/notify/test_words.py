from datetime import timedelta

import pytest

from credence.notify.words import duration_in_words


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (timedelta(seconds=59), "less than a minute"),
        (timedelta(seconds=60), "1 minute"),
        (timedelta(minutes=3, seconds=45), "3 minutes"),
        (timedelta(hours=1), "1 hour"),
        (timedelta(hours=2, minutes=20, seconds=59), "2 hours 20 minutes"),
        # 1 day, 3 h and 4 min: the two largest units only.
        (timedelta(days=1, hours=3, minutes=4), "1 day 3 hours"),
        (timedelta(days=2, minutes=5), "2 days 5 minutes"),
    ],
)
def test_a_duration_is_said_in_its_two_largest_units(
    duration: timedelta, words: str
) -> None:
    assert duration_in_words(duration) == words
