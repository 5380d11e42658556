from django import template

register = template.Library()


@register.simple_tag
def ticket_conversation(ticket: object) -> str:
    """Placeholder: the assistant app replaces this with its own rendering."""
    return ""
