"""The two full-text engines, asked the same question.

Each engine returns the best candidates for a list of concepts, with its own
relevance score (higher is better) and which concepts each candidate holds
anywhere in its text. SQLite answers from its FTS5 table with bm25, the
title weighted ten times the body and the summary four times; PostgreSQL
from the weighted tsvector with ts_rank, normalised by document length.
"""

from dataclasses import dataclass

from django.db import connection

from credence.knowledge.query import Concept

# Relative weights of title, summary and headings, and body.
SQLITE_WEIGHTS = (10.0, 4.0, 1.0)


@dataclass(frozen=True)
class Candidate:
    document_id: int
    score: float
    # For each concept of the query, whether the document holds it.
    holds: tuple[bool, ...]


def _fts5_phrase(phrase: tuple[str, ...]) -> str:
    # Concepts hold only letters and digits, so quoting cannot be broken.
    return '"' + " ".join(phrase) + '"'


def _fts5_any(concepts: list[Concept]) -> str:
    phrases = [p for concept in concepts for p in concept.alternatives]
    return " OR ".join(_fts5_phrase(p) for p in phrases)


def _scope_sql(
    audiences: tuple[str, ...], kinds: tuple[str, ...]
) -> tuple[str, list[str]]:
    sql = (
        f" AND d.audience IN ({', '.join(['%s'] * len(audiences))})"
        f" AND d.kind IN ({', '.join(['%s'] * len(kinds))})"
    )
    return sql, [*audiences, *kinds]


def _sqlite(
    concepts: list[Concept],
    audiences: tuple[str, ...],
    kinds: tuple[str, ...],
    limit: int,
) -> list[Candidate]:
    scope, scope_params = _scope_sql(audiences, kinds)
    weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, bm25(knowledge_search_fts, {weights}) "
            "FROM knowledge_search_fts "
            "JOIN knowledge_searchdocument d ON d.id = knowledge_search_fts.rowid "
            f"WHERE knowledge_search_fts MATCH %s{scope} "
            "ORDER BY 2 LIMIT %s",
            [_fts5_any(concepts), *scope_params, limit],
        )
        found = [(row[0], -float(row[1])) for row in cursor.fetchall()]
        if not found:
            return []
        ids = [document_id for document_id, _ in found]
        marks = ", ".join(["%s"] * len(ids))
        held: list[set[int]] = []
        for concept in concepts:
            cursor.execute(
                "SELECT rowid FROM knowledge_search_fts "
                f"WHERE knowledge_search_fts MATCH %s AND rowid IN ({marks})",
                [_fts5_any([concept]), *ids],
            )
            held.append({row[0] for row in cursor.fetchall()})
    return [
        Candidate(
            document_id=document_id,
            score=score,
            holds=tuple(document_id in ids_ for ids_ in held),
        )
        for document_id, score in found
    ]


def _postgresql(
    concepts: list[Concept],
    audiences: tuple[str, ...],
    kinds: tuple[str, ...],
    limit: int,
) -> list[Candidate]:
    scope, scope_params = _scope_sql(audiences, kinds)
    concept_queries: list[str] = []
    concept_params: list[str] = []
    for concept in concepts:
        concept_queries.append(
            "("
            + " || ".join(
                ["phraseto_tsquery('english', %s)"] * len(concept.alternatives)
            )
            + ")"
        )
        concept_params.extend(" ".join(p) for p in concept.alternatives)
    any_query = " || ".join(concept_queries)
    holds = ", ".join(f"d.document @@ {q}" for q in concept_queries)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT d.id, ts_rank(d.document, q.query, 1), {holds} "
            "FROM knowledge_searchdocument d, "
            f"(SELECT {any_query} AS query) q "
            f"WHERE d.document @@ q.query{scope} "
            "ORDER BY 2 DESC LIMIT %s",
            [*concept_params, *concept_params, *scope_params, limit],
        )
        rows = cursor.fetchall()
    return [
        Candidate(
            document_id=row[0],
            score=float(row[1]),
            holds=tuple(bool(v) for v in row[2:]),
        )
        for row in rows
    ]


def candidates(
    concepts: list[Concept],
    audiences: tuple[str, ...],
    kinds: tuple[str, ...],
    limit: int,
) -> list[Candidate]:
    if not concepts or not audiences or not kinds:
        return []
    if connection.vendor == "postgresql":
        return _postgresql(concepts, audiences, kinds, limit)
    if connection.vendor == "sqlite":
        return _sqlite(concepts, audiences, kinds, limit)
    raise NotImplementedError(
        f"Full-text search needs SQLite or PostgreSQL, not {connection.vendor}."
    )
