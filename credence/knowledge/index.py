"""Keep the search documents in step with articles and tickets.

An article has one document while it exists. A ticket has one while it is
resolved or closed and not confidential: its title; as its summary, the
resolution the IT team wrote, the only text other workers are shown; and
as its body, the description and the resolution, for ranking and for the
requester and the IT team. All three are scrubbed of e-mail addresses,
phone numbers and workers' names (see `privacy.py`). The database's
full-text index follows the documents by itself (triggers on SQLite, a
generated column on PostgreSQL).
"""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from credence.knowledge.models import Article, Audience, DocumentKind, SearchDocument
from credence.knowledge.privacy import scrub
from credence.knowledge.text import plain_text
from credence.knowledge.vocabulary import (
    count_words,
    distinct_words,
    forget_vocabulary,
)
from credence.tickets.models import EventType, Status, Ticket

SEARCHABLE_STATUSES = (Status.RESOLVED, Status.CLOSED)


def _store(
    document: SearchDocument | None, fields: dict[str, Any], **identity: Any
) -> None:
    old_words = (
        distinct_words(document.title, document.summary, document.body)
        if document is not None
        else set()
    )
    if document is None:
        document = SearchDocument(**identity)
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    count_words(
        distinct_words(document.title, document.summary, document.body), old_words
    )


def index_article(article: Article) -> None:
    text = plain_text(article.body)
    fields = {
        "key": article.slug,
        "audience": article.audience,
        "title": article.title,
        # The summary and the headings name what an article is about: the
        # ranking weighs them between the title and the body.
        "summary": "\n".join([article.summary, *text.headings]).strip(),
        "body": text.text,
        "updated_at": article.updated_at,
    }
    with transaction.atomic():
        document = SearchDocument.objects.filter(article=article).first()
        _store(document, fields, kind=DocumentKind.ARTICLE, article=article)
        # Articles are few and their words matter for typo correction: this
        # process sees the new words at once, others within a minute.
        transaction.on_commit(forget_vocabulary)


def _resolution_text(ticket: Ticket) -> str:
    event = (
        ticket.events.filter(type=EventType.RESOLVED)
        .order_by("-at", "-id")
        .values_list("data", flat=True)
        .first()
    )
    comment_id = (event or {}).get("comment")
    if comment_id is None:
        return ""
    comment = ticket.comments.filter(pk=comment_id).values_list("body", flat=True)
    return comment.first() or ""


def index_ticket(ticket: Ticket) -> None:
    """Add, refresh or remove a ticket's document after it changed."""
    document = SearchDocument.objects.filter(ticket_id=ticket.pk).first()
    if ticket.confidential or ticket.status not in SEARCHABLE_STATUSES:
        if document is not None:
            document.delete()
        return
    if document is not None and document.updated_at == ticket.updated_at:
        # Saved again without a new event (every derived figure saves the
        # ticket): nothing it says has changed since it was indexed.
        return
    resolution = _resolution_text(ticket).strip()
    title, summary, body = scrub(
        [ticket.title, resolution, f"{ticket.description}\n{resolution}".strip()],
        ticket.requester,
    )
    fields = {
        "key": ticket.reference,
        "audience": Audience.WORKERS,
        "title": title,
        "summary": summary,
        "body": body,
        "updated_at": ticket.updated_at,
    }
    if document is not None and all(
        getattr(document, name) == fields[name]
        for name in ("key", "title", "summary", "body")
    ):
        # A resolved ticket is saved again for every figure derived from
        # it; its words have not changed, so neither does its document.
        return
    with transaction.atomic():
        _store(document, fields, kind=DocumentKind.TICKET, ticket=ticket)


def reindex_all() -> tuple[int, int]:
    """Rebuild every document; returns (articles, tickets) indexed."""
    articles = 0
    for article in Article.objects.iterator():
        index_article(article)
        articles += 1
    tickets = 0
    searchable = Ticket.objects.filter(
        confidential=False, status__in=SEARCHABLE_STATUSES
    ).select_related("requester")
    for ticket in searchable.iterator():
        index_ticket(ticket)
        tickets += 1
    stale = SearchDocument.objects.filter(kind=DocumentKind.TICKET).exclude(
        ticket__in=searchable
    )
    for document in stale:
        document.delete()
    return articles, tickets


@receiver(post_save, sender=Ticket, dispatch_uid="knowledge_index_ticket")
def _ticket_saved(sender: type[Ticket], instance: Ticket, **kwargs: Any) -> None:
    index_ticket(instance)


@receiver(post_delete, sender=SearchDocument, dispatch_uid="knowledge_forget_words")
def _document_deleted(
    sender: type[SearchDocument], instance: SearchDocument, **kwargs: Any
) -> None:
    # Also reached when an article or a ticket is deleted, by cascade.
    count_words((), distinct_words(instance.title, instance.summary, instance.body))
