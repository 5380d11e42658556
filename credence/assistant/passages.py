"""The part of an article or ticket that answers a question.

An answer quotes a few sentences or steps, never a whole article: the
paragraph or the numbered steps that share most words with the question,
with Markdown reduced to plain text.
"""

import re
from dataclasses import dataclass

from credence.assistant.words import matches, terms

# The most an extractive answer quotes from one source, in characters.
MOST_QUOTED = 700
# The most steps of one list it quotes.
MOST_STEPS = 8

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_ITEM = re.compile(r"^\s*(\d+[.)]|[-*+])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s")


@dataclass(frozen=True)
class Block:
    text: str
    # Blocks of one list share a number; paragraphs have None.
    list_id: int | None


def plain(text: str) -> str:
    """Markdown links, emphasis and quote marks reduced to their words."""
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.MULTILINE)
    return re.sub(r"[ \t]+", " ", text).strip()


def blocks(text: str) -> list[Block]:
    """Paragraphs and list items, in order; headings left out."""
    text = _FRONT_MATTER.sub("", text.replace("\r\n", "\n"))
    found: list[Block] = []
    current: list[str] = []
    current_list: int | None = None
    lists = 0
    in_list = False

    def flush() -> None:
        if current:
            found.append(Block(plain(" ".join(current)), current_list))
            current.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
            continue
        if _HEADING.match(line):
            flush()
            in_list = False
            continue
        if _ITEM.match(line):
            flush()
            if not in_list:
                lists += 1
                in_list = True
            current_list = lists
            current.append(line.strip())
            continue
        if in_list and not line.startswith((" ", "\t")) and not current:
            # A paragraph flush against the margin after a list ends it.
            in_list = False
        if not in_list:
            current_list = None
        current.append(line.strip())
    flush()
    return [block for block in found if block.text]


def _score(text: str, question: list[str]) -> int:
    vocabulary = frozenset(terms(text))
    return sum(1 for term in question if matches(term, vocabulary))


_SENTENCE_END = re.compile(r"[a-z)”\"'][.!?](?=\s)")


def _shortened(text: str, limit: int) -> str:
    """The text cut to `limit` at the end of a step or a sentence."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    step = cut.rfind("\n")
    if step > limit // 3:
        return cut[:step]
    ends = [found.end() for found in _SENTENCE_END.finditer(cut)]
    if ends and ends[-1] > limit // 3:
        return cut[: ends[-1]]
    return cut.rsplit(" ", 1)[0] + " …"


def best_passage(text: str, question: list[str], limit: int = MOST_QUOTED) -> str:
    """The paragraph, or the run of steps, that best answers the question.

    Steps are quoted together, with the sentence that introduces them,
    because a worker needs all of them in order; a paragraph is quoted
    alone.
    """
    found = blocks(text)
    if not found:
        return ""
    # Steps are quoted together, so they are scored together too.
    lists: dict[int, str] = {}
    for block in found:
        if block.list_id is not None:
            lists[block.list_id] = lists.get(block.list_id, "") + " " + block.text
    scores = [
        _score(lists[block.list_id] if block.list_id else block.text, question)
        for block in found
    ]
    best = max(range(len(found)), key=lambda index: (scores[index], -index))
    chosen = found[best]
    if chosen.list_id is None:
        # A paragraph often sets the scene and the next one says what to
        # do: quote the next as well, steps and all.
        lines = [chosen.text]
        following = found[best + 1] if best + 1 < len(found) else None
        if following is not None and following.list_id is None:
            lines.append(following.text)
        elif following is not None:
            lines += _steps(found, following.list_id)
        return _shortened("\n".join(lines), limit)

    lines = _steps(found, chosen.list_id)
    first = next(i for i, block in enumerate(found) if block.list_id == chosen.list_id)
    if first > 0 and found[first - 1].list_id is None:
        lines.insert(0, found[first - 1].text)
    return _shortened("\n".join(lines), limit)


def _steps(found: list[Block], list_id: int | None) -> list[str]:
    return [block.text for block in found if block.list_id == list_id][:MOST_STEPS]


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")


def redact(text: str, names: list[str]) -> str:
    """The text without e-mail addresses, phone numbers or the given names.

    Ticket passages come from other workers' tickets; what they asked can
    help, who they are must not travel.
    """
    text = _EMAIL.sub("[e-mail removed]", text)
    text = _PHONE.sub("[number removed]", text)
    for name in sorted({name for name in names if len(name) >= 2}, key=len)[::-1]:
        text = re.sub(rf"\b{re.escape(name)}\b", "[name removed]", text, flags=re.I)
    return text
