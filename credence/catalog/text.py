"""What a worker's typed text may hold, and how it is tidied before it is kept.

PostgreSQL cannot store a NUL character, and the other control characters
(an escape, a form feed) are never typed on purpose: text holding one is
refused, naming it, rather than changed behind the worker's back. Tab and
new lines are text; a browser sends a text area's new lines as CR LF.

Characters that reorder how text is displayed (the bidirectional
embeddings, overrides and isolates) can make a title on the desk read
differently from what it holds, so they are removed. Spaces and characters
that take no room (a zero-width space, a byte-order mark) are trimmed from
both ends, so an answer made only of them is empty. Inside the text they
stay: a zero-width joiner belongs in some scripts and emoji.
"""

import re

from credence.errors import InvalidInput

# C0 controls except tab (U+0009), line feed (U+000A) and carriage return
# (U+000D), and DEL.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# U+202A-U+202E: embeddings and overrides; U+2066-U+2069: isolates.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul
# fillers, Khmer inherent vowels, Mongolian vowel separator, zero-width
# space, non-joiner and joiner, direction marks, word joiner and invisible
# operators, a Braille blank, byte-order mark.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064"
    "\u2800\u3164\ufeff\uffa0"
)
# Every character Python counts as a space lies below U+3001. One strip
# with a fixed set keeps trimming linear, however the ends are mixed.
BLANK = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + INVISIBLE
CONTROL_MESSAGE = (
    "“%(label)s” holds a control character (%(code)s) that cannot be kept; "
    "delete it, or type the text again rather than pasting it."
)


def tidy(label: str, raw: str) -> str:
    """The text without direction controls or blank ends.

    Raises InvalidInput, naming the question by its label, when the text
    holds a control character.
    """
    found = CONTROL.search(raw)
    if found is not None:
        raise InvalidInput(
            CONTROL_MESSAGE,
            label=label,
            code=f"U+{ord(found.group()):04X}",
        )
    return DIRECTION_CONTROLS.sub("", raw).strip(BLANK)


def check_length(label: str, text: str, limit: int) -> None:
    if len(text) > limit:
        raise InvalidInput(
            "Keep “%(label)s” to %(limit)s characters (it has %(length)s).",
            label=label,
            limit=f"{limit:,}",
            length=f"{len(text):,}",
        )
