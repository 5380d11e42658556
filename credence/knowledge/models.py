"""Articles, their versions, readers' answers, and the search documents.

An article's text is Markdown; every save keeps the text it replaces as an
`ArticleVersion`, so nothing written is ever lost. `SearchDocument` holds
the plain text the search engine indexes, one row per article and per
resolved, non-confidential ticket, kept in step by `credence.knowledge.index`.
The full-text index over it is the database's own: an FTS5 table on SQLite,
a weighted tsvector column with a GIN index on PostgreSQL (see migrations).
"""

from django.conf import settings
from django.db import models


class Audience(models.TextChoices):
    WORKERS = "workers", "Workers"
    AGENTS = "agents", "Agents only"


class Article(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    summary = models.CharField(max_length=300, blank=True)
    body = models.TextField(help_text="Markdown.")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    audience = models.CharField(
        max_length=10, choices=Audience.choices, default=Audience.WORKERS
    )
    # Where an imported article came from (the file's `source`, and its
    # address); empty for articles written in Credence.
    source = models.CharField(max_length=500, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["title", "slug"]

    def __str__(self) -> str:
        return self.title


class ArticleVersion(models.Model):
    """The text an article had before one of its saves."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["article", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "number"], name="one_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article.slug} version {self.number}"


class HelpfulAnswer(models.Model):
    """A reader's "was this helpful?": one per reader and article."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="answers"
    )
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    helpful = models.BooleanField()
    answered_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "reader"], name="one_answer_per_reader"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reader_id} on {self.article_id}: {self.helpful}"


class DocumentKind(models.TextChoices):
    ARTICLE = "article", "Article"
    TICKET = "ticket", "Ticket"


class SearchDocument(models.Model):
    kind = models.CharField(max_length=10, choices=DocumentKind.choices)
    article = models.OneToOneField(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    ticket = models.OneToOneField(
        "tickets.Ticket",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    # The slug of an article, or a ticket's reference.
    key = models.CharField(max_length=120)
    audience = models.CharField(max_length=10, choices=Audience.choices)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["kind", "audience"], name="search_scope")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class Word(models.Model):
    """A word of the indexed text and how many documents hold it.

    Typo tolerance corrects a searcher's words against this vocabulary,
    preferring the most common of equally close words.
    """

    text = models.CharField(max_length=40, unique=True)
    documents = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.text
