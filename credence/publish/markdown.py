"""Text written in Credence, made inert inside the Markdown post.

A lead's explanation or a calendar's name is shown as written, never read
as Markdown or HTML: it cannot add a link, an image, a heading, a list or
raw HTML to the post, nor to the mail whose plain-text part is the post.
CommonMark lets a backslash escape any ASCII punctuation, so the marks that
start something inline are escaped wherever they stand, and the marks that
start a block (a heading, a quote, a list item, a setext underline) at the
start of a line. `&` becomes `&amp;` so that no entity spells out a mark.
"""

import re

# Marks that begin inline Markdown or raw HTML anywhere in a line: emphasis,
# code, links and images, autolinks and tags, tables, strikethrough.
_INLINE = re.compile(r"([\\`*_\[\]<>!|~])")
# Marks that begin a block when they open a line, or an ordered list's
# number (its dot or bracket is escaped).
_BLOCK_START = re.compile(r"^([#>+=-])|^(\d+)([.)])")


def _line(text: str) -> str:
    text = _INLINE.sub(r"\\\1", text.strip().replace("&", "&amp;"))
    return _BLOCK_START.sub(
        lambda mark: (
            "\\" + mark.group(1)
            if mark.group(1)
            else mark.group(2) + "\\" + mark.group(3)
        ),
        text,
    )


def inert(text: str, indent: str = "") -> str:
    """The text as Markdown that shows it literally, one paragraph.

    Its lines stay lines (hard breaks) and blank lines are dropped, so the
    text stays inside the list item or table cell it is put in; each line
    after the first starts with `indent`, the item's own indentation.
    """
    lines = [_line(line) for line in text.splitlines() if line.strip()]
    return ("\\\n" + indent).join(lines)


def inert_cell(text: str) -> str:
    """The text as one table cell's Markdown: a single line."""
    return " ".join(_line(line) for line in text.splitlines() if line.strip())
