from django import template

from credence.metrics.text import percent as percent_text
from credence.publish.markdown import inert, inert_cell
from credence.publish.report import target_percent as target_text

register = template.Library()


@register.filter
def percent(rate: float | None) -> str:
    return percent_text(rate)


@register.filter
def target_percent(rate: float | None) -> str:
    return target_text(rate)


@register.filter
def markdown_item(text: str) -> str:
    """Text shown literally in the Markdown post, inside a list item."""
    return inert(text, indent="  ")


@register.filter
def markdown_cell(text: str) -> str:
    """Text shown literally in a cell of the Markdown post's tables."""
    return inert_cell(text)
