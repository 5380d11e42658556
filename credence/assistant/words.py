"""Words of a question, as the assistant compares them with a passage.

Lower case, the English Snowball stemmer, the IT synonyms workers use
interchangeably (the search's own), and one typo forgiven in a long word.
"""

import re
from collections.abc import Mapping

from credence.knowledge.query import STOP_WORDS as SEARCH_STOP_WORDS
from credence.knowledge.query import SYNONYM_GROUPS
from credence.knowledge.text import stem

# Words that carry no subject: the way a worker asks, not what about.
_STOPWORDS = """
    a about after again all am an and any anyone anything are as at be been
    being but by can cannot cant could did didnt do does doesnt doing dont
    for from get gets getting give go going got had has have having help
    hello hi how i im if in into is isnt it its ive just keep keeps know
    let like me might more most much my need needs no not now of off ok on
    once one only or other our out please problem question really right
    same should so some someone something still such tell than thank thanks
    that the their them then there these they thing this those to too try
    tried trying up us use using very want was way we were what whats when
    where which while who why will with wont work working works would you
    your
"""
STOPWORDS = frozenset(_STOPWORDS.split()) | SEARCH_STOP_WORDS

# Each group's words stand for its first one: the search's own groups (one
# vocabulary of IT synonyms for the whole of Credence), written as single
# words, plus the few this module joins itself.
SYNONYMS = (
    *(tuple(entry.replace(" ", "") for entry in group) for group in SYNONYM_GROUPS),
    ("mfa", "twofactor"),
)
_CANONICAL: dict[str, str] = {}
for _group in SYNONYMS:
    for _word in _group:
        _CANONICAL.setdefault(_word, _group[0])

_WORD = re.compile(r"[a-z0-9]+")
_JOINED = (
    (re.compile(r"\bwi-?fi\b"), "wifi"),
    (re.compile(r"\be-mail"), "email"),
    (re.compile(r"\btwo[- ]factor\b"), "twofactor"),
    (re.compile(r"\b(log|sign)[- ]?(in|on)\b"), "login"),
    (re.compile(r"\bback[- ]up\b"), "backup"),
)
# The shortest term a typo is forgiven in.
TYPO_LENGTH = 6


def normalise(text: str) -> str:
    """The text in lower case, punctuation gone, spaces single: gaps group
    by this, so "Wi-Fi drops?" and "wi-fi drops" are one question."""
    words = re.findall(r"[\w]+", text.lower())
    return " ".join(words)[:300]


def worded_terms(text: str) -> list[tuple[str, str]]:
    """The words of `text` that carry its subject, each with its term: the
    word stemmed, or its synonym group's first word. One pair per term, in
    the order the terms first appear."""
    lowered = text.lower()
    for pattern, joined in _JOINED:
        lowered = pattern.sub(joined, lowered)
    seen: dict[str, str] = {}
    for word in _WORD.findall(lowered):
        if word in STOPWORDS or len(word) < 2:
            continue
        stemmed = stem(word)
        term = _CANONICAL.get(word) or _CANONICAL.get(stemmed) or stemmed
        seen.setdefault(term, word)
    return [(term, word) for term, word in seen.items()]


def terms(text: str) -> list[str]:
    """The terms of `text` (see `worded_terms`), each once, in order."""
    return [term for term, _ in worded_terms(text)]


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        # One substitution, or two neighbouring letters swapped.
        rest = a[i + 1 :] == b[i + 1 :]
        swapped = a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
        return rest or swapped
    return a[i:] == b[i + 1 :]


def matches(term: str, vocabulary: frozenset[str]) -> bool:
    """Whether the passage's vocabulary holds the term, or, for a word of
    six letters or more, a word one typo away from it. (At five, "lunch"
    found "launch" and "menu" "mens".)"""
    if term in vocabulary:
        return True
    if len(term) < TYPO_LENGTH:
        return False
    return any(
        abs(len(word) - len(term)) <= 1 and _one_edit_apart(term, word)
        for word in vocabulary
    )


def coverage(
    question: list[str],
    vocabulary: frozenset[str],
    weights: Mapping[str, float] | None = None,
) -> float:
    """The share of the question's terms the passage's vocabulary holds,
    each term counting its weight (1 unless given)."""
    if not question:
        return 0.0
    weight = weights or {}
    total = sum(weight.get(term, 1.0) for term in question)
    found = sum(weight.get(term, 1.0) for term in question if matches(term, vocabulary))
    return found / total


def rarest(question: list[str], weights: Mapping[str, float]) -> list[str]:
    """The question's most telling terms: those of the greatest weight
    (several when they weigh the same, as words no document holds do)."""
    if not question:
        return []
    most = max(weights.get(term, 1.0) for term in question)
    return [term for term in question if weights.get(term, 1.0) == most]
