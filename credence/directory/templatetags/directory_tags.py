from django import template

register = template.Library()


@register.simple_tag
def requester_context(ticket: object) -> str:
    """Placeholder: the directory app replaces this with its own rendering."""
    return ""
