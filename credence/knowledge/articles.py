"""Writing and reading articles: who sees which, and what a save keeps.

Workers read articles written for workers; agents and leads read every
article and write them. Each save that changes the title or the text keeps
the previous ones as a numbered version, with who saved it and when.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify

from credence.errors import InvalidInput, NotAllowed, NotFound
from credence.knowledge.index import index_article
from credence.knowledge.models import Article, ArticleVersion, Audience, HelpfulAnswer
from credence.workers.models import Worker
from credence.workers.roles import is_agent


class ArticleNotFound(NotFound):
    template = "There is no such article, or it is not written for you."


def visible_articles(viewer: Worker | None) -> QuerySet[Article]:
    articles = Article.objects.all()
    if viewer is not None and is_agent(viewer):
        return articles
    return articles.filter(audience=Audience.WORKERS)


def get_visible_article(viewer: Worker | None, slug: str) -> Article:
    try:
        return visible_articles(viewer).select_related("owner").get(slug=slug)
    except Article.DoesNotExist:
        raise ArticleNotFound() from None


@dataclass(frozen=True)
class ArticleText:
    title: str
    body: str
    summary: str = ""
    audience: str = Audience.WORKERS
    slug: str = ""
    owner: Worker | None = None
    source: str = ""
    source_url: str = ""


def _checked(text: ArticleText) -> ArticleText:
    title = " ".join(text.title.split())
    if not title:
        raise InvalidInput("An article needs a title; write what it helps with.")
    if len(title) > 200:
        raise InvalidInput(
            "The title is %(length)s characters long; shorten it to 200 or fewer.",
            length=len(title),
        )
    if not text.body.strip():
        raise InvalidInput("An article needs a text; write the answer in Markdown.")
    if text.audience not in Audience.values:
        raise InvalidInput(
            "The audience %(audience)r is not one of: %(choices)s.",
            audience=text.audience,
            choices=", ".join(Audience.values),
        )
    slug = text.slug or slugify(title)[:120]
    if not slug or slugify(slug) != slug:
        raise InvalidInput(
            "The slug %(slug)r may hold only lower-case letters, digits and "
            "hyphens; pick one such as %(example)r.",
            slug=text.slug,
            example=slugify(title)[:120] or "printer-setup",
        )
    return ArticleText(
        title=title,
        body=text.body,
        summary=" ".join(text.summary.split())[:300],
        audience=text.audience,
        slug=slug,
        owner=text.owner,
        source=text.source[:500],
        source_url=text.source_url[:500],
    )


def _require_writer(actor: Worker | None) -> None:
    if actor is not None and not is_agent(actor):
        raise NotAllowed("Only the IT team writes articles.")


def create_article(
    text: ArticleText, actor: Worker | None, at: datetime | None = None
) -> Article:
    """A new article; `actor` None means an import or the demo."""
    _require_writer(actor)
    text = _checked(text)
    at = at or timezone.now()
    with transaction.atomic():
        if Article.objects.filter(slug=text.slug).exists():
            raise InvalidInput(
                "The slug %(slug)r is taken by another article; choose another.",
                slug=text.slug,
            )
        article = Article.objects.create(
            slug=text.slug,
            title=text.title,
            summary=text.summary,
            body=text.body,
            owner=text.owner or actor,
            audience=text.audience,
            source=text.source,
            source_url=text.source_url,
            created_at=at,
            updated_at=at,
        )
        index_article(article)
    return article


def update_article(
    article: Article,
    text: ArticleText,
    actor: Worker | None,
    at: datetime | None = None,
) -> bool:
    """Save new text; the replaced title and body become a version.

    Returns whether anything changed. The slug stays: links to an article
    keep working however often it is rewritten.
    """
    _require_writer(actor)
    text = _checked(replace(text, slug=article.slug))
    at = at or timezone.now()
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        changed_text = (article.title, article.body) != (text.title, text.body)
        changed_rest = (
            article.summary,
            article.audience,
            article.owner_id,
            article.source,
            article.source_url,
        ) != (
            text.summary,
            text.audience,
            text.owner.pk if text.owner else article.owner_id,
            text.source or article.source,
            text.source_url or article.source_url,
        )
        if not changed_text and not changed_rest:
            return False
        if changed_text:
            last = article.versions.order_by("-number").values_list("number", flat=True)
            ArticleVersion.objects.create(
                article=article,
                number=(last.first() or 0) + 1,
                title=article.title,
                body=article.body,
                saved_by=actor,
                saved_at=at,
            )
        article.title = text.title
        article.body = text.body
        article.summary = text.summary
        article.audience = text.audience
        if text.owner is not None:
            article.owner = text.owner
        article.source = text.source or article.source
        article.source_url = text.source_url or article.source_url
        article.updated_at = at
        article.save()
        index_article(article)
    return True


def answer_helpful(
    article: Article, reader: Worker, helpful: bool, at: datetime | None = None
) -> HelpfulAnswer:
    """Record or change the reader's "was this helpful?"."""
    get_visible_article(reader, article.slug)
    answer, _ = HelpfulAnswer.objects.update_or_create(
        article=article,
        reader=reader,
        defaults={"helpful": helpful, "answered_at": at or timezone.now()},
    )
    return answer


def with_helpful_counts(articles: QuerySet[Article]) -> QuerySet[Article]:
    return articles.annotate(
        helpful_yes=Count("answers", filter=Q(answers__helpful=True)),
        helpful_no=Count("answers", filter=Q(answers__helpful=False)),
    )
