"""Markdown in, safe HTML and plain words out.

Articles are written in Markdown and may carry some inline HTML (imported
handbooks do). Rendering goes through markdown-it-py and then nh3, which
keeps only harmless tags and attributes, so a script, an event handler or a
`javascript:` link never reaches a reader's browser.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from snowballstemmer import stemmer

_markdown = MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(
    ["table", "strikethrough"]
)

_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"table", "thead", "tbody", "tr", "th", "td"}

_english = stemmer("english")

_COMBINING = re.compile("[\u0300-\u036f]")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def render_markdown(body: str) -> str:
    """The article as HTML safe to put in a page."""
    return nh3.clean(_markdown.render(body), tags=_ALLOWED_TAGS)


@dataclass(frozen=True)
class PlainText:
    headings: list[str]
    text: str


def plain_text(body: str) -> PlainText:
    """The words a reader sees, without Markdown or HTML, and the headings."""
    headings: list[str] = []
    parts: list[str] = []
    in_heading = False
    for token in _markdown.parse(body):
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type in ("fence", "code_block"):
            parts.append(token.content)
        elif token.type == "inline":
            words = _inline_text(token.children or [])
            if in_heading:
                headings.append(words)
            parts.append(words)
        elif token.type == "html_block":
            parts.append(_without_tags(token.content))
    return PlainText(headings=headings, text="\n".join(p for p in parts if p))


def _inline_text(children: list[Token]) -> str:
    pieces = []
    for child in children:
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return "".join(pieces).strip()


def _without_tags(html: str) -> str:
    return nh3.clean(html, tags=set()).strip()


def fold(text: str) -> str:
    """Lower case without accents, for comparing words."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return _COMBINING.sub("", decomposed)


def words(text: str) -> list[str]:
    """The words of a text, folded, apostrophes kept inside a word."""
    return _WORD.findall(fold(text).replace("\u2019", "'"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return str(_english.stemWord(word))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, a swap of neighbouring letters counting one."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost
            )
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        previous_previous, previous = previous, current
    return previous[len(b)]
