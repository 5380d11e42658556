"""Template filters that show figures as the report command does."""

from django import template

from credence.metrics import text
from credence.metrics.measure import Clock

register = template.Library()


@register.filter
def percent(rate: float | None) -> str:
    return text.percent(rate)


@register.filter
def minutes(value: float | None) -> str:
    return text.minutes(value)


@register.filter
def verdict(clock: Clock) -> str:
    return text.verdict(clock)
