from django import template

register = template.Library()


@register.simple_tag
def ticket_satisfaction(ticket: object) -> str:
    """Placeholder: the selfservice app replaces this with its own rendering."""
    return ""
