from django import template

from credence.metrics.text import percent as percent_text
from credence.publish.report import target_percent as target_text

register = template.Library()


@register.filter
def percent(rate: float | None) -> str:
    return percent_text(rate)


@register.filter
def target_percent(rate: float | None) -> str:
    return target_text(rate)
