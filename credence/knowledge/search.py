"""Search over articles and resolved tickets: the contract others call.

A query is understood first (filler words dropped, typos corrected against
the indexed words, IT synonyms added; see `query.py`); the database's
full-text engine then finds and ranks candidates (see `engines.py`); last,
the candidates are ordered by how much of the query they cover, and where:
a document that holds every idea of the query beats one that repeats a
single word, and a title that names the ideas beats a passing mention.
"""

import bisect
import html
import re
from dataclasses import dataclass
from typing import Literal

from django.urls import reverse

from credence.knowledge.engines import Candidate, candidates
from credence.knowledge.models import Audience, DocumentKind, SearchDocument
from credence.knowledge.query import Concept, meaningful_words, understand
from credence.knowledge.text import fold, stem, words
from credence.knowledge.vocabulary import Vocabulary, current_vocabulary
from credence.tickets.models import Ticket
from credence.workers.models import Worker
from credence.workers.roles import is_agent

# How many candidates the engine returns for ranking.
CANDIDATES = 60
EXCERPT_LENGTH = 240
PASSAGE_LENGTH = 700
# Passages are looked for in the first this many characters of a text; the
# longest handbook pages run to 40,000, and the best passage of a page that
# matched is nearly always in its first half.
PASSAGE_SCAN = 20_000

# How the final score weighs the engine's relevance and the coverage of
# the query's ideas in the whole text, the title, and the summary and
# headings. Measured with benchmarks/search_quality.py.
ENGINE_WEIGHT = 0.6
COVERAGE_WEIGHT = 1.0
TITLE_WEIGHT = 0.8
SUMMARY_WEIGHT = 0.3
# A title that names the query among other things still counts this
# share of one wholly about it.
TITLE_FOCUS_FLOOR = 0.8
# An idea the query implies counts for this share of one it names.
IMPLIED_SHARE = 0.3
# In a title, another form of the searcher's word counts for less than the
# word as typed.
STEM_SHARE = 0.8
# A synonym counts for less than the searcher's own word.
SYNONYM_SHARE = 0.7


@dataclass(frozen=True)
class Hit:
    kind: Literal["article", "ticket"]
    title: str
    slug: str  # an article's slug, or a ticket's reference
    url: str  # where the searcher reads it (portal for workers)
    score: float  # higher is better
    excerpt: str  # safe HTML: escaped text with <mark> around matched words
    text: str  # the plain passage that matched, for answering from

    @property
    def plain_excerpt(self) -> str:
        """The excerpt as plain text, for JSON and terminals."""
        return html.unescape(re.sub(r"</?mark>", "", self.excerpt))


def search(
    query: str,
    viewer: Worker | None,
    *,
    limit: int = 10,
    kinds: tuple[str, ...] = ("article", "ticket"),
) -> list[Hit]:
    vocabulary = current_vocabulary()
    concepts = understand(query, vocabulary.correct)
    if not concepts or limit < 1:
        return []
    agent = viewer is not None and is_agent(viewer)
    audiences = (Audience.WORKERS, Audience.AGENTS) if agent else (Audience.WORKERS,)
    found = candidates(concepts, audiences, tuple(kinds), max(CANDIDATES, limit))
    if not found:
        return []
    documents = SearchDocument.objects.only(
        "id", "kind", "key", "title", "summary", "ticket_id", "audience"
    ).in_bulk([c.document_id for c in found])
    weights = [
        vocabulary.weight(concept.typed) * (IMPLIED_SHARE if concept.implied else 1)
        for concept in concepts
    ]
    stems = _query_stems(concepts)
    ranked = _rank(concepts, weights, stems, found, documents, vocabulary)[:limit]
    bodies = dict(
        SearchDocument.objects.filter(pk__in=[d.pk for d, _ in ranked]).values_list(
            "pk", "body"
        )
    )
    requested = _requested_by(viewer, [d for d, _ in ranked])
    return [
        _hit(
            document,
            score,
            bodies.get(document.pk, ""),
            stems,
            agent,
            requested,
        )
        for document, score in ranked
    ]


def _prefix(word: str) -> str:
    return word[:3]


def _stems_in(text: str, stems: set[str]) -> set[str]:
    """The query stems the text holds.

    A word's stem keeps the word's first three letters, so only words
    starting like a query stem are stemmed: long texts stay cheap.
    """
    prefixes = {_prefix(s) for s in stems}
    return {
        stemmed
        for w in words(text)
        if _prefix(w) in prefixes and (stemmed := stem(w.replace("'", ""))) in stems
    }


def _query_stems(concepts: list[Concept]) -> set[str]:
    return {
        stem(w)
        for concept in concepts
        for phrase in concept.alternatives
        for w in phrase
    }


def _coverage(
    concepts: list[Concept],
    weights: list[float],
    stems: set[str],
    exact: set[str] | None = None,
) -> float:
    """The weighted share of the concepts the stems hold. Given the text's
    exact words, a word held only in another form ("connection" for
    "connect") counts STEM_SHARE: a title in the searcher's own words is
    the closer match."""
    total = 0.0
    for concept, weight in zip(concepts, weights, strict=True):
        best = 0.0
        for index, phrase in enumerate(concept.alternatives):
            if all(stem(w) in stems for w in phrase):
                share = 1.0 if index == 0 else SYNONYM_SHARE
                if exact is not None and not all(w in exact for w in phrase):
                    share *= STEM_SHARE
                best = max(best, share)
        total += weight * best
    return total / sum(weights)


def _title_focus(title: str, stems: set[str], vocabulary: Vocabulary) -> float:
    """How much of the title is about the query: "Connect to a wireless
    network" is wholly about connecting to wifi, "Connect to a hidden
    wireless network" and "Create a wireless hotspot" only in part. Each
    title word counts by its rarity, as the query's words do: a name
    many pages carry ("GitLab") says less of what a page is about."""
    named = [(stem(w), vocabulary.weight(w)) for w in meaningful_words(title)]
    total = sum(weight for _, weight in named)
    if not total:
        return TITLE_FOCUS_FLOOR
    share = sum(weight for s, weight in named if s in stems) / total
    return TITLE_FOCUS_FLOOR + (1 - TITLE_FOCUS_FLOOR) * share


def _rank(
    concepts: list[Concept],
    weights: list[float],
    stems: set[str],
    found: list[Candidate],
    documents: dict[int, SearchDocument],
    vocabulary: Vocabulary,
) -> list[tuple[SearchDocument, float]]:
    top = max(c.score for c in found) or 1.0
    scored: list[tuple[SearchDocument, float]] = []
    for candidate in found:
        document = documents.get(candidate.document_id)
        if document is None:
            continue
        held = sum(
            weight
            for weight, holds in zip(weights, candidate.holds, strict=True)
            if holds
        ) / sum(weights)
        score = (
            ENGINE_WEIGHT * candidate.score / top
            + COVERAGE_WEIGHT * held
            + TITLE_WEIGHT
            * _coverage(
                concepts,
                weights,
                _stems_in(document.title, stems),
                {w.replace("'", "") for w in words(document.title)},
            )
            * _title_focus(document.title, stems, vocabulary)
            + SUMMARY_WEIGHT
            * _coverage(concepts, weights, _stems_in(document.summary, stems))
        )
        scored.append((document, round(score, 4)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].title))
    return scored


def _requested_by(viewer: Worker | None, documents: list[SearchDocument]) -> set[int]:
    if viewer is None:
        return set()
    ticket_ids = [d.ticket_id for d in documents if d.ticket_id is not None]
    return set(
        Ticket.objects.filter(pk__in=ticket_ids, requester=viewer).values_list(
            "pk", flat=True
        )
    )


def _url(document: SearchDocument, agent: bool, requested: set[int]) -> str:
    if document.kind == DocumentKind.ARTICLE:
        return reverse("knowledge:article", args=[document.key])
    number = int(document.key.removeprefix("CR-"))
    if agent:
        return reverse("desk:ticket", args=[number])
    if document.ticket_id in requested:
        return reverse("portal:ticket", args=[number])
    return reverse("knowledge:solution", args=[number])


def shown_text(document: SearchDocument, body: str, sees_all: bool) -> str:
    """The text of a document its reader may see.

    An article shows its body. A solved ticket shows its description and
    resolution to its requester and the IT team, and to anyone else only
    the resolution the IT team wrote (see `privacy.py`): what a worker
    wrote about themselves never reaches another worker.
    """
    if document.kind == DocumentKind.ARTICLE:
        return body or document.summary
    return body if sees_all else document.summary


def _hit(
    document: SearchDocument,
    score: float,
    body: str,
    stems: set[str],
    agent: bool,
    requested: set[int],
) -> Hit:
    shown = shown_text(document, body, agent or document.ticket_id in requested)
    passage = best_passage(shown, stems, PASSAGE_LENGTH)
    excerpt_text = best_passage(passage, stems, EXCERPT_LENGTH)
    return Hit(
        kind="article" if document.kind == DocumentKind.ARTICLE else "ticket",
        title=document.title,
        slug=document.key,
        url=_url(document, agent, requested),
        score=score,
        excerpt=highlight(excerpt_text, stems),
        text=passage,
    )


_TOKEN = re.compile(r"[\w']+|[^\w']+")
_WORD_IN_TEXT = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?:]\s+|\s-\s")


def _matches(word: str, stems: set[str]) -> bool:
    folded = words(word)
    return bool(folded) and bool(_stems_in(folded[0], stems))


def best_passage(text: str, stems: set[str], length: int) -> str:
    """The stretch of the text, at most `length` characters, holding the
    most distinct query words; it starts at a sentence or line start."""
    text = " ".join(text[:PASSAGE_SCAN].split())
    if len(text) <= length:
        return text
    prefixes = {_prefix(s) for s in stems}
    matches = [
        (found.start(), stemmed)
        for found in _WORD_IN_TEXT.finditer(fold(text))
        if _prefix(found.group()) in prefixes
        and (stemmed := stem(found.group().replace("'", ""))) in stems
    ]
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
    best_start, best_count = 0, 0
    for start in starts:
        first = bisect.bisect_left(matches, (start, ""))
        last = bisect.bisect_left(matches, (start + length - 20, ""))
        count = len({word for _, word in matches[first:last]})
        if count > best_count:
            best_start, best_count = start, count
    window = text[best_start : best_start + length]
    cut = window.rfind(" ")
    if best_start + length < len(text) and cut > length // 2:
        window = window[:cut] + " …"
    return window


def highlight(text: str, stems: set[str]) -> str:
    """Escaped text with <mark> around the words that matched."""
    pieces = []
    for token in _TOKEN.findall(text):
        escaped = html.escape(token)
        if token[0].isalnum() and _matches(token, stems):
            pieces.append(f"<mark>{escaped}</mark>")
        else:
            pieces.append(escaped)
    return "".join(pieces)
