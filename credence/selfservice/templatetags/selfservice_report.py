"""The self-service figures on the metrics page, the weekly review and the
monthly publication, beside the service figures those pages already show.

`{% self_service_for start end as_of as figures %}` measures the period
once; the `selfservice/_figures*.html` and `.md` includes show it.
"""

from datetime import datetime

from django import template

from credence.selfservice.figures import SelfServiceFigures, period_figures
from credence.selfservice.satisfaction import SCORE_WORDS

register = template.Library()


@register.simple_tag
def self_service_for(
    start: datetime, end: datetime, as_of: datetime
) -> SelfServiceFigures:
    return period_figures(start, end, as_of)


@register.filter
def score_rows(distribution: dict[str, int]) -> list[tuple[int, str, int]]:
    """(score, its words, answers), from 5 down to 1."""
    return [
        (score, words, distribution.get(str(score), 0))
        for score, words in SCORE_WORDS.items()
    ]
