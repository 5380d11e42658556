"""The indexed words, and correcting a searcher's typos against them.

A word the index does not hold ("keybord") is replaced by the closest word
it does hold ("keyboard"): at most one edit away for short words, two for
longer ones, counting a swap of neighbouring letters as one edit; among
equally close words the one in the most documents wins. Candidates come
from a symmetric-deletion table (every word with one letter left out), so
a correction costs a few dictionary lookups, not a scan of the vocabulary.
"""

import math
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Max

from credence.knowledge.models import SearchDocument, Word
from credence.knowledge.text import edit_distance, stem, words

MAX_WORD = 40


def distinct_words(*texts: str) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found.update(w.replace("'", "") for w in words(text) if 1 < len(w) <= MAX_WORD)
    return found


def count_words(added: Iterable[str], removed: Iterable[str]) -> None:
    """Move the document counts when one document's words change."""
    added, removed = set(added), set(removed)
    added, removed = added - removed, removed - added
    if added:
        Word.objects.bulk_create(
            [Word(text=w, documents=0) for w in added], ignore_conflicts=True
        )
        Word.objects.filter(text__in=added).update(documents=F("documents") + 1)
    if removed:
        Word.objects.filter(text__in=removed).update(documents=F("documents") - 1)
        Word.objects.filter(text__in=removed, documents__lte=0).delete()


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@dataclass
class Vocabulary:
    frequency: dict[str, int]
    by_deletion: dict[str, list[str]]
    stems: set[str]
    documents: int

    @classmethod
    def of(cls, frequency: dict[str, int], documents: int) -> "Vocabulary":
        by_deletion: dict[str, list[str]] = {}
        for word in frequency:
            if len(word) < 4 or word.isdigit():
                continue
            for key in _deletions(word):
                by_deletion.setdefault(key, []).append(word)
        stems = {stem(word) for word in frequency}
        return cls(
            frequency=frequency,
            by_deletion=by_deletion,
            stems=stems,
            documents=documents,
        )

    def weight(self, word: str) -> float:
        """How telling a word is: rarer words say more (inverse document
        frequency, smoothed so an unseen word weighs the most)."""
        found = self.frequency.get(word, 0)
        return math.log(1 + (self.documents + 1) / (found + 1))

    def correct(self, word: str) -> str | None:
        """The word itself if indexed (in this or another form), else its
        closest indexed word, or None."""
        if word in self.frequency or stem(word) in self.stems:
            return word
        if len(word) < 4:
            return None
        allowed = 1 if len(word) < 6 else 2
        candidates: set[str] = set(self.by_deletion.get(word, ()))
        for key in _deletions(word) | {word}:
            if key in self.frequency:
                candidates.add(key)
            candidates.update(self.by_deletion.get(key, ()))
        scored = [
            (edit_distance(word, candidate), -self.frequency[candidate], candidate)
            for candidate in candidates
        ]
        scored = [entry for entry in scored if entry[0] <= allowed]
        if not scored:
            return None
        return min(scored)[2]


# A busy desk resolves a ticket every few minutes, and each changes the
# index; rebuilding the vocabulary for every change would make searches pay
# for it over and over. So a process looks at the index's stamp at most
# once a minute: a word first written in the last minute may go uncorrected
# until then. Saving an article in this process forgets it at once.
RECHECK_SECONDS = 60.0

_lock = threading.Lock()
# How many documents, the newest one's id, the latest change.
_Stamp = tuple[int, int | None, datetime | None]
_cached: tuple[_Stamp, Vocabulary, float] | None = None


def _stamp() -> _Stamp:
    stamp = SearchDocument.objects.aggregate(
        documents=Count("id"), last=Max("id"), updated=Max("updated_at")
    )
    return (stamp["documents"], stamp["last"], stamp["updated"])


def current_vocabulary() -> Vocabulary:
    """The vocabulary as the index stands, rebuilt only after it changed."""
    global _cached
    now = time.monotonic()
    with _lock:
        cached = _cached
    if cached is not None and now - cached[2] < RECHECK_SECONDS:
        return cached[1]
    stamp = _stamp()
    if cached is not None and cached[0] == stamp:
        vocabulary = cached[1]
    else:
        frequency = dict(Word.objects.values_list("text", "documents"))
        vocabulary = Vocabulary.of(frequency, stamp[0])
    with _lock:
        _cached = (stamp, vocabulary, now)
    return vocabulary


def forget_vocabulary() -> None:
    global _cached
    with _lock:
        _cached = None
